//! A fresh clone passes its own tests (issue 13): no test, script or build
//! step reads anything outside the repository.
//!
//! Every relative path written in the repository's Rust files (string
//! literals with a `..` component, `include_str!`/`include_bytes!`,
//! `#[path]`, rust-embed's `#[folder]`), its scripts (`scripts/`, `.ci/`,
//! `bench/`), its `Cargo.toml` files and the book's `{{#include}}`s is
//! resolved against the place it is read from, and must stay inside the
//! repository root. Strings that are data, not paths to read (the zip-slip
//! names of the pack tests), are listed in [`DATA`] by file and text.

use crate::source::{files, is_rust, lex, rel};
use std::path::{Component, Path, PathBuf};

/// `(file or folder prefix, literal)`: relative strings used as data (names
/// a hostile pack might hold), never as a path the tests read.
const DATA: &[(&str, &str)] = &[
    ("tests/it/pack.rs", "../escaped.txt"),
    ("tests/it/pack.rs", "pack/../../escaped2.txt"),
    ("tests/it/pack.rs", "unsafe: pack/../../escaped2.txt"),
    ("tests/it/pack.rs", "../x"),
    ("tests/it/pack.rs", "../x.json"),
    (
        "tests/it/pack.rs",
        r#"{"files":[{"path":"../x","size":1,"sha256":"00"}]}"#,
    ),
    ("src/pack/", "../x"),
    ("src/pack/", "a/../../x"),
    // `..` as the component that checks for zip-slip names compare with.
    ("src/pack/", ".."),
    ("src/collect/", ".."),
];

/// This file: its examples are not paths it reads.
const THIS: &str = "tests/it/paths.rs";

/// Resolve `path` lexically (no file system access) below `base`.
fn resolve(base: &Path, path: &str) -> PathBuf {
    let mut out = base.to_path_buf();
    for c in Path::new(path).components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::Normal(x) => out.push(x),
            Component::CurDir => {}
            Component::RootDir | Component::Prefix(_) => out = PathBuf::from("/"),
        }
    }
    out
}

fn has_parent(s: &str) -> bool {
    s.split(['/', '\\']).any(|c| c == "..")
}

/// Does `path`, read from `base`, land outside the repository root?
fn escapes(base: &Path, path: &str) -> bool {
    !resolve(base, path).starts_with(crate::common::root())
}

/// The package folder a file belongs to (nearest Cargo.toml above it).
fn package_of(file: &Path) -> PathBuf {
    let root = crate::common::root();
    let mut d = file.parent().map(Path::to_path_buf).unwrap_or_default();
    while d.starts_with(&root) {
        if d.join("Cargo.toml").exists() {
            return d;
        }
        d.pop();
    }
    root
}

fn is_data(file: &str, text: &str) -> bool {
    DATA.iter()
        .any(|(f, t)| *t == text && (file == *f || (f.ends_with('/') && file.starts_with(f))))
}

/// Paths in Rust files that land outside the repository.
fn rust_problems() -> Vec<String> {
    let mut out = Vec::new();
    let mut all = Vec::new();
    for dir in [
        "src", "tests", "fuzz", "bench", "benches", "examples", "build.rs",
    ] {
        all.extend(files(dir, is_rust));
    }
    if crate::common::root().join("build.rs").exists() {
        all.push(crate::common::root().join("build.rs"));
    }
    for f in all {
        let name = rel(&f);
        if name == THIS {
            continue;
        }
        let text = std::fs::read_to_string(&f).expect("read");
        let dir = f.parent().expect("parent");
        for lit in lex(&text).literals {
            let before = lit.before.replace(' ', "");
            let (base, why) = if before.ends_with("include_str!(")
                || before.ends_with("include_bytes!(")
                || before.ends_with("#[path=")
            {
                (dir.to_path_buf(), "relative to the file")
            } else if before.ends_with("#[folder=") {
                (package_of(&f), "relative to the package")
            } else if has_parent(&lit.text) {
                // Joined to the repository root (or read from the test's
                // working folder, which is the root).
                (package_of(&f), "relative to the package root")
            } else {
                continue;
            };
            if escapes(&base, &lit.text) && !is_data(&name, &lit.text) {
                out.push(format!(
                    "{name}:{}: \"{}\" ({why}) is outside the repository",
                    lit.line, lit.text
                ));
            }
        }
    }
    out
}

/// Paths in shell scripts that land outside the repository: words with a
/// `..` component, resolved against the script's folder when they start
/// from `$(dirname "$0")` and against the repository root otherwise (the
/// scripts `cd` there first).
fn script_problems() -> Vec<String> {
    let mut out = Vec::new();
    let mut scripts = files("scripts", |_| true);
    scripts.extend(files(".ci", |_| true));
    scripts.extend(files("bench", |p| {
        p.extension().is_some_and(|x| x == "sh" || x == "py")
    }));
    for f in scripts {
        let Ok(text) = std::fs::read_to_string(&f) else {
            continue;
        };
        let dir = f.parent().expect("parent");
        for (n, line) in text.lines().enumerate() {
            let code = line.split(" #").next().unwrap_or("");
            if code.trim_start().starts_with('#') {
                continue;
            }
            for word in code.split(|c: char| c.is_whitespace() || c == '=' || c == '\'') {
                let word = word.trim_matches(|c| c == '"' || c == ';' || c == '(' || c == ')');
                if !has_parent(word) || word.contains("://") {
                    continue;
                }
                let (base, path) = match word.split_once("$(dirname") {
                    Some((_, rest)) => (
                        dir.to_path_buf(),
                        rest.split_once(')')
                            .map(|x| x.1)
                            .unwrap_or("")
                            .trim_start_matches('/'),
                    ),
                    None => (crate::common::root(), word),
                };
                let path = path.trim_matches('"');
                if escapes(&base, path) {
                    out.push(format!(
                        "{}:{}: `{word}` is outside the repository",
                        rel(&f),
                        n + 1
                    ));
                }
            }
        }
    }
    out
}

/// `path = "…"` in every Cargo.toml, and `{{#include …}}` in the book.
fn manifest_and_book_problems() -> Vec<String> {
    let mut out = Vec::new();
    let manifests = files(".", |p| p.file_name().is_some_and(|n| n == "Cargo.toml"));
    for f in manifests {
        let text = std::fs::read_to_string(&f).expect("read");
        for (n, line) in text.lines().enumerate() {
            for part in line.split("path").skip(1) {
                let Some(v) = part.trim_start().strip_prefix('=') else {
                    continue;
                };
                let v = v.trim_start();
                let Some(v) = v.strip_prefix('"').and_then(|v| v.split('"').next()) else {
                    continue;
                };
                if escapes(f.parent().expect("parent"), v) {
                    out.push(format!(
                        "{}:{}: \"{v}\" is outside the repository",
                        rel(&f),
                        n + 1
                    ));
                }
            }
        }
    }
    for f in files("book", |p| p.extension().is_some_and(|x| x == "md")) {
        let text = std::fs::read_to_string(&f).expect("read");
        for (n, line) in text.lines().enumerate() {
            for part in line.split("{{#").skip(1) {
                let mut words = part.split_whitespace();
                let (Some(_), Some(target)) = (words.next(), words.next()) else {
                    continue;
                };
                let target = target
                    .trim_end_matches("}}")
                    .split(':')
                    .next()
                    .unwrap_or("");
                if escapes(f.parent().expect("parent"), target) {
                    out.push(format!(
                        "{}:{}: {{{{#… {target}}}}} is outside the repository",
                        rel(&f),
                        n + 1
                    ));
                }
            }
        }
    }
    out
}

#[test]
fn no_test_script_or_build_step_reads_outside_the_repository() {
    let mut problems = rust_problems();
    problems.extend(script_problems());
    problems.extend(manifest_and_book_problems());
    assert!(
        problems.is_empty(),
        "a fresh clone has nothing beside the repository; keep what these read inside it \
         (or, for strings that are data, list them in DATA in tests/it/paths.rs):\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_guard_catches_an_escape_and_accepts_paths_inside() {
    let root = crate::common::root();
    assert!(escapes(&root, "../outside"));
    assert!(escapes(&root.join("src/collect"), "../../../x"));
    assert!(!escapes(
        &root.join("src/collect"),
        "../../evidence/iam-policy.json"
    ));
    assert!(!escapes(&root, "tests/fixtures/flows"));
    assert!(has_parent("a/../b") && !has_parent("a..b/c"));
    // The scanners found what they must look at.
    let lits: usize = files("src", is_rust)
        .iter()
        .map(|f| {
            lex(&std::fs::read_to_string(f).expect("read"))
                .literals
                .iter()
                .filter(|l| l.before.replace(' ', "").ends_with("include_str!("))
                .count()
        })
        .sum();
    assert!(lits > 0, "no include_str! found in src/");
    assert!(is_data("src/pack/tests.rs", "a/../../x"));
    assert!(!is_data("tests/it/cli.rs", "../x"));
    assert!(!is_data("src/app/build.rs", "a/../../x"));
}
