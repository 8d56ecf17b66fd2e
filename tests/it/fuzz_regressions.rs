//! Every input the fuzzers (`fuzz/`, cargo-fuzz) ever broke a property
//! with is kept in tests/fixtures/fuzz/<target>/ and checked here with the
//! same function the fuzz target runs (`shoko::fuzz_checks`), together with
//! the seed corpus the fuzzers start from.

use crate::common::root;

fn inputs(target: &str) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for dir in [
        root().join("tests/fixtures/fuzz").join(target),
        root().join("fuzz/corpus").join(target),
    ] {
        if let Ok(rd) = std::fs::read_dir(&dir) {
            files.extend(rd.flatten().map(|e| e.path()).filter(|p| p.is_file()));
        }
    }
    files.sort();
    assert!(!files.is_empty(), "no kept inputs for {target}");
    files
}

fn check(target: &str, f: fn(&[u8])) {
    for p in inputs(target) {
        let bytes = std::fs::read(&p).expect("read kept input");
        if std::panic::catch_unwind(|| f(&bytes)).is_err() {
            panic!("{} breaks the {target} property again", p.display());
        }
    }
}

#[test]
fn requirements_loader_inputs() {
    check("requirements", shoko::fuzz_checks::requirements);
}

#[test]
fn answers_loader_inputs() {
    check("answers", shoko::fuzz_checks::answers);
}

#[test]
fn duration_parser_inputs() {
    check("duration", shoko::fuzz_checks::duration);
}

#[test]
fn markdown_escape_inputs() {
    check("markdown_escape", shoko::fuzz_checks::markdown_escape);
}

#[test]
fn flow_parser_inputs() {
    check("flow", shoko::fuzz_checks::flow);
}
