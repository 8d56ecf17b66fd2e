//! A large document is laid out in parts and joined (issue 18): the reader
//! must not be able to tell, apart from each part starting on a new page.
//! Page numbers run through, the section numbers do not restart, every
//! requirement and category is in the bookmarks once, and the bytes are the
//! same on every run.

use crate::common::{root, shoko, text, tool, AS_OF};
use serde_json::Value;
use std::path::Path;

/// Inputs from the scale benchmark's generator, just large enough to be
/// cut into parts (8 instances, 100 requirements, 20 categories: about
/// 0.55 MB of view per language, above the 0.5 MB laid out whole).
fn generate(dir: &Path) {
    let o = std::process::Command::new("python3")
        .arg(root().join("bench/scale_gen.py"))
        .arg(dir)
        .args([
            "--instances",
            "8",
            "--requirements",
            "100",
            "--categories",
            "20",
        ])
        .output()
        .expect("python3 runs bench/scale_gen.py");
    assert!(o.status.success(), "scale_gen.py: {}", text(&o));
}

fn build(dir: &Path, out: &str, extra: &[&str]) {
    let mut args = vec![
        "build",
        "-r",
        "requirements.yaml",
        "-a",
        "answers.yaml",
        "--assets",
        "assets",
        "--evidence",
        "snapshot",
        "--lang",
        "ja",
        "--format",
        "pdf",
        "--as-of",
        AS_OF,
        "--out",
        out,
    ];
    args.extend(extra);
    let o = shoko(&args, dir);
    assert!(o.status.success(), "{}", text(&o));
}

/// The outline (bookmarks) of a PDF, as its item titles in order.
fn bookmarks(pdf: &Path) -> Vec<String> {
    let xml = tool(
        "pdftohtml",
        &["-xml", "-i", "-stdout", "-q", pdf.to_str().expect("path")],
    );
    xml.split("<item")
        .skip(1)
        .filter_map(|s| s.split_once('>').map(|(_, rest)| rest))
        .map(|rest| rest.split('<').next().unwrap_or("").trim().to_string())
        .collect()
}

#[test]
fn a_large_document_laid_out_in_parts_numbers_its_pages_and_sections_as_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    generate(dir.path());
    build(dir.path(), "out", &["--timings", "trace.json"]);
    let pdf = dir.path().join("out/ja/nfr.pdf");

    // It was laid out in parts (the trace has one span per part).
    let trace: Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("trace.json")).expect("trace"))
            .expect("JSON trace");
    let parts = trace
        .as_array()
        .expect("events")
        .iter()
        .filter(|e| e["name"] == "shoko: pdf part" && e["ph"] == "B")
        .count();
    assert!(
        parts >= 3,
        "expected the document cut into parts, got {parts}"
    );

    // Every page after the cover says "k / N", N the PDF's page count.
    let info = tool("pdfinfo", &[pdf.to_str().expect("path")]);
    let n: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|v| v.trim().parse().ok())
        .expect("page count");
    let body = tool("pdftotext", &["-layout", pdf.to_str().expect("path"), "-"]);
    let pages: Vec<&str> = body.split('\u{c}').collect();
    for k in 2..=n {
        let squashed: String = pages[k - 1]
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        assert!(
            squashed.contains(&format!("{k}/{n}")),
            "page {k} does not say {k} / {n}:\n{}",
            pages[k - 1]
        );
    }

    // Sections are numbered as in one layout: 1, 2, 3, 4 once each, and the
    // appendix's 3.1, 3.2, … without a gap or a restart where a part begins.
    let marks = bookmarks(&pdf);
    let number = |m: &String| m.split_whitespace().next().unwrap_or("").to_string();
    let tops: Vec<String> = marks
        .iter()
        .map(number)
        .filter(|x| x.chars().all(|c| c.is_ascii_digit()) && !x.is_empty())
        .collect();
    assert_eq!(tops, ["1", "2", "3", "4"], "top-level sections: {marks:?}");
    let appendix: Vec<usize> = marks
        .iter()
        .map(number)
        .filter_map(|x| x.strip_prefix("3.").and_then(|k| k.parse().ok()))
        .collect();
    assert!(
        appendix.len() >= 20,
        "the 20 categories are in the bookmarks: {appendix:?}"
    );
    assert_eq!(
        appendix,
        (1..=appendix.len()).collect::<Vec<_>>(),
        "appendix numbering"
    );

    // Each requirement is in the bookmarks once, in the order of the file.
    let yaml = std::fs::read_to_string(dir.path().join("requirements.yaml")).expect("requirements");
    let ids: Vec<&str> = yaml
        .lines()
        .filter_map(|l| {
            l.trim()
                .strip_prefix("- id:")
                .or_else(|| l.trim().strip_prefix("id:"))
        })
        .map(str::trim)
        .collect();
    assert_eq!(ids.len(), 100, "the generator wrote 100 requirements");
    let found: Vec<&str> = marks
        .iter()
        .filter_map(|m| {
            ids.iter()
                .find(|id| m.starts_with(&format!("{id} ")))
                .copied()
        })
        .collect();
    assert_eq!(
        found, ids,
        "every requirement once in the bookmarks, in order"
    );

    // Laid out again, the same bytes.
    build(dir.path(), "again", &[]);
    let again = std::fs::read(dir.path().join("again/ja/nfr.pdf")).expect("pdf");
    assert!(
        std::fs::read(&pdf).expect("pdf") == again,
        "two builds differ"
    );
}
