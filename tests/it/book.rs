//! The mdBook handbook (`--format book`) and the project's own guide in
//! `book/`, both built with the real `mdbook`.

use crate::common;

use crate::common::{build_example, mdbook, root, scratch, shoko, text, AS_OF};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Build a book; fail on errors and on any warning.
fn mdbook_build(dir: &Path) {
    let o = Command::new(mdbook())
        .arg("build")
        .arg(dir)
        .output()
        .expect("run mdbook");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        o.status.success(),
        "mdbook build {} failed:\n{err}",
        dir.display()
    );
    let warnings: Vec<&str> = err
        .lines()
        .filter(|l| {
            l.contains("WARN") || l.contains("ERROR") || l.to_lowercase().contains("warning")
        })
        .collect();
    assert!(
        warnings.is_empty(),
        "mdbook warned:\n{}",
        warnings.join("\n")
    );
}

/// Every relative Markdown link in a book source resolves to a file, and
/// every `#src-N` anchor exists on the target page.
fn check_links(src: &Path) {
    let mut pages = Vec::new();
    fn walk(d: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(d).expect("read_dir").flatten() {
            if e.path().is_dir() {
                walk(&e.path(), out);
            } else if e.path().extension().is_some_and(|x| x == "md") {
                out.push(e.path());
            }
        }
    }
    walk(src, &mut pages);
    let mut checked = 0;
    for page in &pages {
        let body = std::fs::read_to_string(page).expect("read page");
        for (i, _) in body.match_indices("](") {
            let rest = &body[i + 2..];
            let Some(end) = rest.find(')') else { continue };
            let target = &rest[..end];
            if target.starts_with("http") || target.starts_with('#') || target.is_empty() {
                continue;
            }
            let (file, anchor) = target.split_once('#').unwrap_or((target, ""));
            let path = page.parent().expect("parent").join(file);
            assert!(
                path.exists(),
                "{}: link to missing {target}",
                page.display()
            );
            if anchor.starts_with("src-") {
                let t = std::fs::read_to_string(&path).expect("target");
                assert!(
                    t.contains(&format!("id=\"{anchor}\"")),
                    "{}: anchor {target} missing",
                    page.display()
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 50, "too few links checked ({checked})");
}

#[test]
fn the_handbook_builds_with_mdbook_without_warnings_and_links_resolve() {
    let dir = tempfile::tempdir().expect("tempdir");
    build_example(dir.path(), "book", &[]);
    let book = dir.path().join("out/book");
    let toml = std::fs::read_to_string(book.join("book.toml")).expect("book.toml");
    // Addressed to the buyer, written by the operator who declared.
    assert!(
        toml.contains("authors = [\"山田 太郎（情報システム部 基盤担当）\"]"),
        "{toml}"
    );
    let authors = toml
        .lines()
        .find(|l| l.starts_with("authors"))
        .expect("authors");
    assert!(
        !authors.contains("サンプル銀行"),
        "the buyer is not the author: {authors}"
    );
    for name in shoko::render::book::ASSETS {
        assert!(toml.contains(&format!("\"assets/{name}\"")), "{toml}");
        assert!(book.join("assets").join(name).exists(), "assets/{name}");
    }
    let summary = std::fs::read_to_string(book.join("src/SUMMARY.md")).expect("summary");
    let ja = summary.find("ja/summary.md").expect("ja in summary");
    let en = summary.find("en/summary.md").expect("en in summary");
    assert!(ja < en, "Japanese first, English after");
    for id in ["contact-records", "call-recordings", "flow-logs"] {
        assert!(
            summary.contains(&format!("ja/{id}.md")) && summary.contains(&format!("en/{id}.md"))
        );
    }
    check_links(&book.join("src"));
    mdbook_build(&book);
    let html =
        std::fs::read_to_string(book.join("book/ja/contact-records.html")).expect("html page");
    assert!(html.contains("問い合わせ記録"));
    assert!(
        html.contains("sources.html#src-"),
        "citations link to the sources page"
    );
}

#[test]
fn declared_html_is_text_in_the_built_site() {
    let dir = scratch();
    let answers = std::fs::read_to_string(dir.path().join("answers.yaml")).expect("answers");
    let patched = answers.replace(
        "en: S3 lifecycle rule expires objects 365 days after creation",
        "en: '<script>alert(1)</script> {{#include /etc/passwd}}'",
    );
    std::fs::write(dir.path().join("answers.yaml"), patched).expect("write");
    let o = shoko(
        &[
            "build",
            "-r",
            "requirements.yaml",
            "-a",
            "answers.yaml",
            "--format",
            "book",
            "--as-of",
            AS_OF,
            "--out",
            "out",
        ],
        dir.path(),
    );
    assert!(o.status.success(), "{}", text(&o));
    mdbook_build(&dir.path().join("out/book"));
    let html = std::fs::read_to_string(dir.path().join("out/book/book/en/call-recordings.html"))
        .expect("html");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "the note is shown as text"
    );
    assert!(!html.contains("<script>alert(1)"), "the note became HTML");
    assert!(!html.contains("root:x:0"), "mdBook included a file");
}

/// Files by relative path, with their bytes.
type Files = Vec<(String, Vec<u8>)>;

/// The guide's handbook chapter as shoko generates it now: its pages, its
/// SUMMARY entries and the book's asset files (`assets/…`).
fn generated_handbook() -> (Files, String, Files) {
    let (report, i18n, _) = common::example_report();
    let assets = shoko::assets::Assets::default();
    let files = shoko::render_all(
        &report,
        &i18n,
        &assets,
        &shoko::model::Lang::ALL,
        &[shoko::Format::Book],
    )
    .expect("render");
    let mut pages = Vec::new();
    let mut nested = String::new();
    let mut assets = Vec::new();
    for f in files {
        if let Some(rel) = f.path.strip_prefix("book/assets/") {
            assets.push((rel.to_string(), f.bytes));
            continue;
        }
        let rel = f.path.trim_start_matches("book/src/").to_string();
        if rel == "book/book.toml" {
            continue;
        }
        if rel == "SUMMARY.md" {
            nested =
                shoko::render::book::nest_summary(&String::from_utf8_lossy(&f.bytes), "handbook");
            continue;
        }
        pages.push((rel, f.bytes));
    }
    pages.sort();
    assets.sort();
    (pages, nested, assets)
}

#[test]
fn the_guide_handbook_chapter_is_current() {
    let (pages, nested, assets) = generated_handbook();
    let dir = root().join("book/src/handbook");
    let summary_path = root().join("book/src/SUMMARY.md");
    let mut summary = std::fs::read_to_string(&summary_path).expect("guide summary");
    let (head, rest) = summary
        .split_once("<!-- handbook:start -->\n")
        .expect("start marker");
    let (_, tail) = rest
        .split_once("<!-- handbook:end -->")
        .expect("end marker");
    let want_summary =
        format!("{head}<!-- handbook:start -->\n{nested}<!-- handbook:end -->{tail}");
    if std::env::var("SHOKO_UPDATE_HANDBOOK").is_ok() {
        let _ = std::fs::remove_dir_all(&dir);
        for (rel, bytes) in &pages {
            let p = dir.join(rel);
            std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
            std::fs::write(p, bytes).expect("write");
        }
        std::fs::write(&summary_path, &want_summary).expect("write summary");
        for (name, bytes) in &assets {
            std::fs::write(root().join("book/assets").join(name), bytes).expect("write asset");
        }
        summary = std::fs::read_to_string(&summary_path).expect("guide summary");
    }
    assert_eq!(summary, want_summary, "book/src/SUMMARY.md's handbook entries are stale: run SHOKO_UPDATE_HANDBOOK=1 cargo test --test it book::");
    for (rel, bytes) in &pages {
        let have = std::fs::read(dir.join(rel)).unwrap_or_default();
        assert!(
            have == *bytes,
            "book/src/handbook/{rel} is stale: run SHOKO_UPDATE_HANDBOOK=1 cargo test --test it book::"
        );
    }
    let count = std::fs::read_dir(dir.join("ja")).expect("ja").count()
        + std::fs::read_dir(dir.join("en")).expect("en").count()
        + 1;
    assert_eq!(count, pages.len(), "book/src/handbook has extra files");
    // The guide's copies of templates/book/assets/ are the same bytes, and
    // its book.toml names them as the handbook's does.
    assert_eq!(assets.len(), shoko::render::book::ASSETS.len());
    let guide_toml = std::fs::read_to_string(root().join("book/book.toml")).expect("book.toml");
    for (name, bytes) in &assets {
        let have = std::fs::read(root().join("book/assets").join(name)).unwrap_or_default();
        assert!(
            have == *bytes,
            "book/assets/{name} differs from templates/book/assets/{name}: run SHOKO_UPDATE_HANDBOOK=1 cargo test --test book"
        );
        assert!(
            guide_toml.contains(&format!("\"assets/{name}\"")),
            "book/book.toml does not name assets/{name}"
        );
    }
}

#[test]
fn the_guide_builds_and_documents_every_code() {
    for code in shoko::load::Code::ALL {
        let page = root().join(format!("book/src/diagnostics/{}.md", code.id()));
        let body = std::fs::read_to_string(&page)
            .unwrap_or_else(|_| panic!("no guide page for {}", code.id()));
        assert!(
            body.contains(code.slug()),
            "{} page does not name {}",
            code.id(),
            code.slug()
        );
    }
    for code in shoko::flow::FlowCode::ALL {
        let page = root().join(format!("book/src/diagnostics/{}.md", code.id()));
        let body = std::fs::read_to_string(&page)
            .unwrap_or_else(|_| panic!("no guide page for {}", code.id()));
        assert!(
            body.contains(code.slug()),
            "{} page does not name {}",
            code.id(),
            code.slug()
        );
    }
    for code in [
        "met",
        "gap",
        "no-evidence",
        "undocumented",
        "stale",
        "depends-on-config",
        "instance-region-unknown",
        "not-applicable",
        "media-protocol",
        "free-text",
        "instance-lifetime",
        "ambiguous",
    ] {
        assert!(
            root().join(format!("book/src/verdicts/{code}.md")).exists(),
            "no guide page for verdict code {code}"
        );
    }
    let out = tempfile::tempdir().expect("tempdir");
    let copy = out.path().join("guide");
    copy_dir(&root().join("book"), &copy);
    check_links(&copy.join("src"));
    mdbook_build(&copy);
    assert!(copy.join("book/handbook/ja/contact-records.html").exists());
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read_dir").flatten() {
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            if e.file_name() != "book" {
                copy_dir(&e.path(), &target);
            }
        } else {
            std::fs::copy(e.path(), &target).expect("copy");
        }
    }
}
