//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The fixed date every golden test uses.
pub const AS_OF: &str = "2026-11-28";

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Run the shoko binary.
pub fn shoko(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_shoko"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("run shoko")
}

/// Stdout + stderr as text.
pub fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// A scratch folder holding copies of the example inputs.
pub fn scratch() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for f in ["requirements.yaml", "answers.yaml"] {
        std::fs::copy(root().join("evidence/examples").join(f), dir.path().join(f))
            .expect("copy example");
    }
    dir
}

/// Every file below `dir` with its bytes, sorted by path.
pub fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    fn walk(base: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .expect("read_dir")
            .flatten()
            .collect();
        entries.sort_by_key(|e| e.path());
        for e in entries {
            let p = e.path();
            if p.is_dir() {
                walk(base, &p, out);
            } else {
                let rel = p.strip_prefix(base).expect("prefix").display().to_string();
                out.push((rel, std::fs::read(&p).expect("read")));
            }
        }
    }
    walk(dir, dir, &mut out);
    out
}

/// Run an external tool, failing loudly when it is missing.
pub fn tool(name: &str, args: &[&str]) -> String {
    let o = Command::new(name).args(args).output().unwrap_or_else(|e| {
        panic!("`{name}` is needed by this test and could not run ({e}); .ci/run installs it")
    });
    assert!(o.status.success(), "{name} {args:?} failed: {}", text(&o));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The built-in example's report at [`AS_OF`], with the locales it was built with.
pub fn example_report() -> (
    shoko::model::report::Report,
    shoko::i18n::I18n,
    shoko::Inputs,
) {
    let assets = shoko::assets::Assets::default();
    let catalog = shoko::load_catalog(&assets).expect("catalog loads");
    let i18n = shoko::i18n::I18n::load(&assets).expect("locales load");
    let r = shoko::InputText::builtin(&assets, "evidence/examples/requirements.yaml");
    let a = shoko::InputText::builtin(&assets, "evidence/examples/answers.yaml");
    let inputs = shoko::load_inputs(&catalog, r.as_ref(), a.as_ref()).expect("example loads");
    let date = chrono::NaiveDate::parse_from_str(AS_OF, "%Y-%m-%d").expect("date");
    let report = shoko::build_report(&catalog, &i18n, &inputs, &Default::default(), date);
    (report, i18n, inputs)
}

/// The mdbook version scripts/test installs (`cargo install --locked
/// --version X mdbook`): the books are checked against this one.
pub fn mdbook_pinned() -> String {
    let script = std::fs::read_to_string(root().join("scripts/test")).expect("scripts/test");
    let version = script
        .lines()
        .find_map(|l| l.trim().strip_prefix("MDBOOK_VERSION="))
        .expect("scripts/test sets MDBOOK_VERSION=");
    version.trim_matches('"').to_string()
}

/// The `mdbook` to build books with, at the pinned version; fails loudly
/// when it is missing or another version.
pub fn mdbook() -> PathBuf {
    let want = mdbook_pinned();
    let home = std::env::var("HOME").map(PathBuf::from).unwrap_or_default();
    let mut seen = Vec::new();
    for p in [PathBuf::from("mdbook"), home.join(".cargo/bin/mdbook")] {
        let Ok(o) = Command::new(&p).arg("--version").output() else {
            continue;
        };
        let version = String::from_utf8_lossy(&o.stdout).trim().to_string();
        if o.status.success() && version == format!("mdbook v{want}") {
            return p;
        }
        seen.push(format!("{}: {version}", p.display()));
    }
    panic!(
        "mdbook {want} is needed by this test (found: {seen:?}); ./scripts/test installs it \
         (cargo install --locked --version {want} mdbook)"
    );
}

/// `shoko build --example --format FORMATS --as-of AS_OF --out out` (plus
/// `extra`) in `dir`, which must succeed; the output folder.
pub fn build_example(dir: &Path, formats: &str, extra: &[&str]) -> PathBuf {
    let mut args = vec![
        "build",
        "--example",
        "--format",
        formats,
        "--as-of",
        AS_OF,
        "--out",
        "out",
    ];
    args.extend_from_slice(extra);
    let o = shoko(&args, dir);
    assert!(o.status.success(), "{}", text(&o));
    dir.join("out")
}
