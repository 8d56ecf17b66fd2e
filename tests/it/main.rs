//! shoko's integration tests: one test binary (`cargo test --test it`), one
//! module per subject, so the AWS SDK and Typst are linked once.
//!
//! Run one module with `cargo test --test it <module>::` (e.g. `cli::`,
//! `cases`). Add a subject as a new module here, not as a new file in
//! `tests/` (a test checks that there is no other test binary).
//!
//! - helpers: `common` (the binary, scratch folders, the example report),
//!   `live_common` (moto and the wiremock Connect fixture), `source` (reading
//!   the repository's own files);
//! - the command line and documents: `cli`, `adversarial`, `pipeline`,
//!   `durations`, `pdf`, `pdf_parts` (large documents in parts), `book`, `pack`, `flows`;
//! - interop: `oscal` (loaded with compliance-trestle), `nfr_grade`,
//!   `grade_fanout` (a `grade:` without property), `fill`
//!   (buyer workbooks built and compared with openpyxl);
//!   `durations`, `pdf`, `book`, `pack`, `flows`, `sign` (signed packs),
//!   `diff` (comparing two packs), `municipal` (the municipal example);
//! - golden case folders (`tests/cases/`): `cases`;
//! - live collectors: `live_scenarios` (moto scenarios), `live_faults` (the
//!   fault table), `live_trail` (CloudTrail audit logs);
//! - `fuzz_regressions` (inputs a fuzzer broke);
//! - the handbook in a browser: a `browser` module belongs here too;
//! - the repository's shape: `layering` (imports go down the layers, file
//!   lengths), `paths` (nothing read outside the repository), `binaries`.

mod common;
mod live_common;
mod source;

mod adversarial;
mod book;
mod browser;
mod buyer;
mod cases;
mod catalog;
mod cli;
mod diff;
mod durations;
mod fill;
mod flows;
mod fuzz_regressions;
mod grade_fanout;
mod layering;
mod live_cp;
mod live_faults;
mod live_scenarios;
mod live_trail;
mod municipal;
mod nfr_grade;
mod oscal;
mod pack;
mod paths;
mod pdf;
mod pdf_parts;
mod pipeline;
mod reviewer;
mod sign;
mod timings;

/// The tests are one binary: no other test target in tests/.
#[test]
fn binaries_there_is_one_test_binary() {
    let dir = common::root().join("tests");
    let mut others: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/")
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == "rs")
                || (p.is_dir() && p.join("main.rs").exists() && !p.ends_with("it"))
        })
        .map(|p| source::rel(&p))
        .collect();
    others.sort();
    assert!(
        others.is_empty(),
        "move these into tests/it/ as modules (and add `mod …;` to tests/it/main.rs): {others:?}"
    );
}
