//! Golden cases: whole builds from committed inputs, offline.
//!
//! Each folder `tests/cases/<name>/` is one case. The test builds it through
//! the library as `shoko build --format md` would, and compares the Markdown
//! with `expected/ja/nfr.md` and `expected/en/nfr.md` byte for byte. A case
//! folder may hold:
//!
//! - `requirements.yaml`, `answers.yaml` (either may be absent): passed as
//!   `--requirements`, `--answers`;
//! - `snapshot/`: a folder written by `shoko collect` (`snapshot.json` and
//!   `observations/`), passed as `--evidence`: observed claims without AWS;
//! - `flows/`: exported flows, passed as `--flows`;
//! - `args`: more build flags, whitespace-separated (e.g. `--example`,
//!   `--as-of 2027-06-01`, `--max-age 90`); without `--as-of` the case is
//!   built as of 2026-11-28;
//! - `expected/ja/nfr.md`, `expected/en/nfr.md`: the documents.
//!
//! To add a case, copy a folder (e.g. `cp -r tests/cases/observed
//! tests/cases/my-case`), change its inputs, and write its expected
//! documents with
//! `SHOKO_UPDATE_CASES=1 cargo test --test it cases` — then read them
//! before you commit: they are the assertion. Paths in the documents are
//! the ones given to the build (`tests/cases/<name>/…`, relative to the
//! repository root, the tests' working folder).

use clap::Parser;
use std::path::{Path, PathBuf};

/// `shoko build`'s arguments, parsed the way the command line does.
#[derive(Parser)]
struct Build {
    #[command(flatten)]
    args: shoko::app::build::BuildArgs,
}

/// Every case folder, sorted.
fn cases() -> Vec<PathBuf> {
    let dir = crate::common::root().join("tests/cases");
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/cases")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    out.sort();
    out
}

/// The build flags for a case; `rel` is the case folder relative to the
/// repository root.
fn build_args(case: &Path, rel: &str, out: &Path) -> Vec<String> {
    let mut args: Vec<String> = vec!["build".into(), "--format".into(), "md".into()];
    let mut add = |flag: &str, value: String| {
        args.push(flag.into());
        args.push(value);
    };
    for (file, flag) in [
        ("requirements.yaml", "--requirements"),
        ("answers.yaml", "--answers"),
        ("snapshot", "--evidence"),
        ("flows", "--flows"),
    ] {
        if case.join(file).exists() {
            add(flag, format!("{rel}/{file}"));
        }
    }
    add("--out", out.display().to_string());
    let extra = std::fs::read_to_string(case.join("args")).unwrap_or_default();
    let extra: Vec<String> = extra.split_whitespace().map(String::from).collect();
    if !extra.iter().any(|a| a == "--as-of") {
        args.extend(["--as-of".to_string(), crate::common::AS_OF.to_string()]);
    }
    args.extend(extra);
    args
}

/// A short line diff: the first differing region with some context.
fn diff(want: &str, have: &str) -> String {
    let w: Vec<&str> = want.lines().collect();
    let h: Vec<&str> = have.lines().collect();
    let head = w.iter().zip(&h).take_while(|(a, b)| a == b).count();
    let tail = w[head..]
        .iter()
        .rev()
        .zip(h[head..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let from = head.saturating_sub(3);
    let mut out = format!("@@ line {} @@\n", head + 1);
    for l in &w[from..head] {
        out.push_str(&format!("  {l}\n"));
    }
    let (wd, hd) = (&w[head..w.len() - tail], &h[head..h.len() - tail]);
    for l in wd.iter().take(40) {
        out.push_str(&format!("- {l}\n"));
    }
    for l in hd.iter().take(40) {
        out.push_str(&format!("+ {l}\n"));
    }
    if wd.len() > 40 || hd.len() > 40 {
        out.push_str("  … (diff cut at 40 lines per side)\n");
    }
    if wd.is_empty() && hd.is_empty() {
        out.push_str("  (the documents differ only in line endings or the final newline)\n");
    }
    out
}

/// Build one case; the problems found, if any.
fn check(case: &Path, update: bool) -> Vec<String> {
    let root = crate::common::root();
    let rel = case
        .strip_prefix(&root)
        .expect("in the repository")
        .display()
        .to_string();
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("out");
    let argv = build_args(case, &rel, &out);
    let parsed = match Build::try_parse_from(&argv) {
        Ok(b) => b.args,
        Err(e) => return vec![format!("{rel}: the flags do not parse ({argv:?}):\n{e}")],
    };
    match shoko::app::build::run(parsed) {
        Ok(_) => {}
        Err(e) => return vec![format!("{rel}: the build failed ({argv:?}):\n{e}")],
    }
    let mut problems = Vec::new();
    for lang in ["ja", "en"] {
        let have = std::fs::read_to_string(out.join(lang).join("nfr.md")).expect("nfr.md");
        let expected = case.join("expected").join(lang).join("nfr.md");
        if update {
            std::fs::create_dir_all(expected.parent().expect("parent")).expect("mkdir");
            std::fs::write(&expected, &have).expect("write expected");
            continue;
        }
        let want = std::fs::read_to_string(&expected).unwrap_or_default();
        if want != have {
            problems.push(format!(
                "{rel}/expected/{lang}/nfr.md differs from the build (- expected, + built):\n{}",
                diff(&want, &have)
            ));
        }
    }
    problems
}

#[test]
fn every_case_builds_its_expected_documents() {
    assert_eq!(
        std::env::current_dir().expect("cwd").canonicalize().ok(),
        crate::common::root().canonicalize().ok(),
        "the case paths are relative to the repository root: run through cargo test"
    );
    let update = std::env::var_os("SHOKO_UPDATE_CASES").is_some();
    let all = cases();
    assert!(all.len() >= 4, "too few cases in tests/cases: {all:?}");
    let problems: Vec<String> = all.iter().flat_map(|c| check(c, update)).collect();
    assert!(
        problems.is_empty(),
        "{}\n\nIf the change is intended, update the expected documents with\n  \
         SHOKO_UPDATE_CASES=1 cargo test --test it cases\nand review the diff before committing.",
        problems.join("\n")
    );
}

#[test]
fn the_built_in_example_case_is_the_cli_golden() {
    // Two goldens of the same build must agree: the case folder and the
    // insta snapshot of the command-line test.
    let case = crate::common::root().join("tests/cases/example/expected/en/nfr.md");
    let snap = crate::common::root().join("tests/it/snapshots/it__cli__example_en_nfr_md.snap");
    let case = std::fs::read_to_string(case).expect("case");
    let snap = std::fs::read_to_string(snap).expect("snapshot");
    let body = snap.splitn(3, "---\n").nth(2).expect("snapshot body");
    assert_eq!(body.trim_end(), case.trim_end());
}
