//! The example's handbook and the project's guide, built with the pinned
//! mdbook and opened in the system's headless Chromium: Japanese search,
//! the table layout of Japanese columns, no horizontal page scroll
//! (tests/browser/check_books.py does the checking; see there).
//!
//! Needs Debian's chromium and chromium-driver, a Japanese font and Selenium;
//! ./scripts/test installs them. When one is missing the test fails and says
//! which: it never skips.

use crate::common::{build_example, mdbook, root, text};
use std::path::Path;
use std::process::Command;
use std::time::Instant;

fn mdbook_build(book: &Path, dest: &Path) {
    let o = Command::new(mdbook())
        .arg("build")
        .arg(book)
        .arg("--dest-dir")
        .arg(dest)
        .output()
        .expect("run mdbook");
    assert!(
        o.status.success(),
        "mdbook build {} failed:\n{}",
        book.display(),
        text(&o)
    );
}

#[test]
fn japanese_search_and_tables_work_in_a_real_browser() {
    let started = Instant::now();
    let dir = tempfile::tempdir().expect("tempdir");
    build_example(dir.path(), "book", &[]);
    let handbook = dir.path().join("handbook-html");
    mdbook_build(&dir.path().join("out/book"), &handbook);
    // The guide, built out of the source tree.
    let guide = dir.path().join("guide-html");
    mdbook_build(&root().join("book"), &guide);

    let shots = std::env::var("SHOKO_SHOTS")
        .unwrap_or_else(|_| dir.path().join("shots").to_string_lossy().into_owned());
    let script = root().join("tests/browser/check_books.py");
    let o = Command::new("python3")
        .arg(&script)
        .arg("--handbook")
        .arg(&handbook)
        .arg("--guide")
        .arg(&guide)
        .arg("--ftl")
        .arg(root().join("locales/ja/main.ftl"))
        .arg("--shots")
        .arg(&shots)
        .output()
        .unwrap_or_else(|e| panic!("python3 could not run {} ({e})", script.display()));
    let out = text(&o);
    eprintln!("{out}");
    assert!(
        o.status.success(),
        "the browser checks failed (exit {:?}):\n{out}",
        o.status.code()
    );
    // The script must have done its work, not merely exited 0.
    assert!(
        out.contains("\n0 failed checks"),
        "no closing line from the browser checks:\n{out}"
    );
    let passed = out.lines().filter(|l| l.starts_with("ok   ")).count();
    assert!(
        passed > 150,
        "too few browser checks ran ({passed}):\n{out}"
    );
    eprintln!(
        "browser test: {passed} checks in {:.1}s",
        started.elapsed().as_secs_f64()
    );
}
