//! `shoko diff OLD NEW` (issue 19): two builds of the example compared as a
//! yearly re-review would, in both languages, with the exit codes a CI job
//! relies on.

use crate::common::{scratch, shoko, text, AS_OF};
use std::path::Path;

/// Build the example's pack into `dir/out` with the call-recording
/// retention declared as `retention` and the customer named `customer`.
fn pack(dir: &Path, out: &str, retention: &str, customer: &str) {
    let answers =
        std::fs::read_to_string(crate::common::root().join("evidence/examples/answers.yaml"))
            .expect("answers")
            .replacen("value: 365 days", &format!("value: {retention}"), 1);
    let requirements =
        std::fs::read_to_string(crate::common::root().join("evidence/examples/requirements.yaml"))
            .expect("requirements")
            .replace("Sample Bank Co., Ltd.", customer);
    let sub = dir.join(format!("{out}-inputs"));
    std::fs::create_dir_all(&sub).expect("mkdir");
    std::fs::write(sub.join("answers.yaml"), answers).expect("w");
    std::fs::write(sub.join("requirements.yaml"), requirements).expect("w");
    let o = shoko(
        &[
            "build",
            "-r",
            &sub.join("requirements.yaml").display().to_string(),
            "-a",
            &sub.join("answers.yaml").display().to_string(),
            "--format",
            "md,pack",
            "--as-of",
            AS_OF,
            "--out",
            out,
        ],
        dir,
    );
    assert!(o.status.success(), "{}", text(&o));
}

fn diff(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["diff"];
    all.extend_from_slice(args);
    let o = shoko(&all, dir);
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        text(&o),
    )
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn a_shorter_retention_is_a_regression_led_by_ret_03_in_both_languages() {
    let dir = scratch();
    let d = dir.path();
    pack(d, "last-year", "365 days", "Sample Bank Co., Ltd.");
    pack(d, "this-year", "30 days", "Sample Bank Co., Ltd.");
    let (code, _, all) = diff(
        d,
        &["last-year/pack.zip", "this-year/pack", "--out", "diff"],
    );
    assert_eq!(code, 1, "{all}");
    for (lang, regressions, improvements, before, after, gap, review) in [
        (
            "en",
            "## Regressions",
            "## Improvements",
            "365 days",
            "30 days",
            "Gap",
            "Review",
        ),
        (
            "ja",
            "## 後退",
            "## 改善",
            "365日",
            "30日",
            "不適合",
            "要確認",
        ),
    ] {
        let md = read(&d.join(format!("diff/{lang}/diff.md")));
        let reg = md
            .find(regressions)
            .unwrap_or_else(|| panic!("{lang}: no regressions section\n{md}"));
        // The first row of the regressions table is RET-03, review → gap.
        let first_row = md[reg..]
            .lines()
            .find(|l| {
                l.starts_with("| ")
                    && !l.starts_with("| ---")
                    && md[reg..].find(l) > md[reg..].find("|---")
            })
            .expect("a row");
        assert!(first_row.starts_with("| RET-03 "), "{lang}: {first_row}");
        assert!(
            first_row.contains(review) && first_row.contains(gap),
            "{lang}: {first_row}"
        );
        assert!(!md.contains(improvements), "{lang}: nothing improved\n{md}");
        // The value change with both declarations cited.
        let v = md
            .find("`call-recordings/retention`")
            .unwrap_or_else(|| panic!("{lang}: no value change\n{md}"));
        let section = &md[v..];
        assert!(
            section.contains(before) && section.contains(after),
            "{lang}: {section}"
        );
        assert_eq!(
            section.matches("answers.yaml:").count(),
            2,
            "{lang}: old and new declarations cited\n{section}"
        );
        assert!(!md.contains('⟦'), "{lang}: a message is missing\n{md}");
    }
    let json: serde_json::Value =
        serde_json::from_str(&read(&d.join("diff/diff.json"))).expect("json");
    assert_eq!(json["regressions"][0]["requirement"], "RET-03");
    assert_eq!(json["regressions"][0]["old"]["status"], "review");
    assert_eq!(json["regressions"][0]["new"]["status"], "gap");
    // --fail-on none reports only; --json prints the same JSON.
    let (code, out, all) = diff(
        d,
        &[
            "last-year/pack.zip",
            "this-year/pack",
            "--fail-on",
            "none",
            "--json",
        ],
    );
    assert_eq!(code, 0, "{all}");
    assert_eq!(out, read(&d.join("diff/diff.json")));
    // Deterministic.
    let (_, _, _) = diff(
        d,
        &["last-year/pack.zip", "this-year/pack", "--out", "again"],
    );
    assert_eq!(
        crate::common::tree(&d.join("diff")),
        crate::common::tree(&d.join("again"))
    );
}

#[test]
fn identical_packs_report_no_changes_and_an_improvement_alone_exits_0() {
    let dir = scratch();
    let d = dir.path();
    pack(d, "a", "30 days", "Sample Bank Co., Ltd.");
    pack(d, "b", "365 days", "Sample Bank Co., Ltd.");
    let (code, out, all) = diff(d, &["a/pack.zip", "a/pack", "--lang", "en"]);
    assert_eq!(code, 0, "{all}");
    assert!(out.contains("No changes"), "{out}");
    let (code, out, all) = diff(d, &["a/pack.zip", "a/pack", "--lang", "ja"]);
    assert_eq!(code, 0, "{all}");
    assert!(out.contains("変更はありません"), "{out}");

    let (code, out, all) = diff(d, &["a/pack", "b/pack", "--lang", "en"]);
    assert_eq!(code, 0, "{all}");
    assert!(out.contains("## Improvements"), "{out}");
    assert!(out.contains("No regressions."), "{out}");
    let imp = &out[out.find("## Improvements").expect("section")..];
    assert!(imp.contains("| RET-03 "), "{imp}");
}

#[test]
fn packs_that_cannot_be_compared_exit_2_with_the_reason() {
    let dir = scratch();
    let d = dir.path();
    pack(d, "ours", "365 days", "Sample Bank Co., Ltd.");
    pack(d, "theirs", "365 days", "Other Trust Bank");
    let (code, _, all) = diff(d, &["ours/pack.zip", "theirs/pack.zip", "--out", "x"]);
    assert_eq!(code, 2, "{all}");
    assert!(all.contains("different customers"), "{all}");
    assert!(!d.join("x").exists(), "nothing written");

    // A pack that fails verification is refused.
    let claims = d.join("theirs/pack/claims.json");
    let mut bytes = std::fs::read(&claims).expect("claims");
    bytes.push(b' ');
    std::fs::write(&claims, bytes).expect("w");
    let (code, _, all) = diff(d, &["ours/pack", "theirs/pack"]);
    assert_eq!(code, 2, "{all}");
    assert!(
        all.contains("does not verify") && all.contains("claims.json"),
        "{all}"
    );
}

#[test]
fn a_previous_format_pack_still_compares() {
    // A shoko.claims/1 pack (before this round): claims.json without the
    // newer fields; diff reads it tolerantly.
    let dir = scratch();
    let d = dir.path();
    pack(d, "new", "30 days", "Sample Bank Co., Ltd.");
    pack(d, "old", "365 days", "Sample Bank Co., Ltd.");
    let claims = d.join("old/pack/claims.json");
    let mut v: serde_json::Value = serde_json::from_str(&read(&claims)).expect("json");
    v["format"] = "shoko.claims/1".into();
    for c in v["claims"].as_array_mut().expect("claims") {
        c.as_object_mut().expect("object").remove("stale");
    }
    let bytes = format!("{}\n", serde_json::to_string_pretty(&v).expect("json"));
    std::fs::write(&claims, &bytes).expect("w");
    // Re-seal the manifest so the altered pack verifies as a v1 pack would.
    let manifest = d.join("old/pack/manifest.json");
    let mut m: serde_json::Value = serde_json::from_str(&read(&manifest)).expect("manifest");
    for f in m["files"].as_array_mut().expect("files") {
        if f["path"] == "claims.json" {
            f["size"] = bytes.len().into();
            f["sha256"] =
                hex::encode(<sha2::Sha256 as sha2::Digest>::digest(bytes.as_bytes())).into();
        }
    }
    std::fs::write(&manifest, serde_json::to_string_pretty(&m).expect("m")).expect("w");
    let (code, out, all) = diff(d, &["old/pack", "new/pack", "--lang", "en"]);
    assert_eq!(code, 1, "{all}");
    assert!(out.contains("| RET-03 "), "{out}");
}

#[test]
fn the_diff_as_pdf_says_what_the_markdown_says_in_both_languages_and_is_deterministic() {
    let dir = scratch();
    let d = dir.path();
    pack(d, "last-year", "365 days", "Sample Bank Co., Ltd.");
    pack(d, "this-year", "30 days", "Sample Bank Co., Ltd.");
    let args = |out: &'static str| {
        [
            "last-year/pack",
            "this-year/pack",
            "--format",
            "md,pdf",
            "--out",
            out,
        ]
    };
    let (code, _, all) = diff(d, &args("one"));
    assert_eq!(code, 1, "{all}");
    let (code, _, all) = diff(d, &args("two"));
    assert_eq!(code, 1, "{all}");
    for (lang, title, regressions, before, after, gap, review) in [
        (
            "en",
            "What changed since the last review",
            "Regressions",
            "365 days",
            "30 days",
            "Gap",
            "Review",
        ),
        (
            "ja",
            "前回のレビューからの変更",
            "後退",
            "365日",
            "30日",
            "不適合",
            "要確認",
        ),
    ] {
        let pdf = d.join(format!("one/{lang}/diff.pdf"));
        let bytes = std::fs::read(&pdf).unwrap_or_else(|e| panic!("{lang}: no PDF: {e}"));
        assert!(bytes.starts_with(b"%PDF-"), "{lang}: not a PDF");
        assert!(d.join(format!("one/{lang}/diff.md")).exists(), "{lang}: md");
        // Deterministic bytes across two runs.
        assert_eq!(
            bytes,
            std::fs::read(d.join(format!("two/{lang}/diff.pdf"))).expect("second PDF"),
            "{lang}: PDF bytes differ between runs"
        );
        let body: String = crate::common::tool("pdftotext", &[pdf.to_str().expect("path"), "-"])
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let squashed: String = body.chars().filter(|c| !c.is_whitespace()).collect();
        for want in [title, regressions, before, after, gap, review, "RET-03"] {
            let w: String = want.chars().filter(|c| !c.is_whitespace()).collect();
            assert!(squashed.contains(&w), "{lang}: `{want}` missing\n{body}");
        }
        // RET-03 is the first regression: it comes before any other row id
        // of the regressions table.
        let reg = squashed.find(regressions).expect("section");
        let first_id = squashed[reg..]
            .find("RET-03")
            .expect("RET-03 in regressions");
        assert!(
            !squashed[reg..reg + first_id].contains("-0"),
            "{lang}: another requirement before RET-03\n{body}"
        );
        // Both declarations are cited, as in the Markdown.
        assert_eq!(
            squashed.matches("answers.yaml:").count(),
            2,
            "{lang}: old and new declarations cited\n{body}"
        );
    }
    // PDF alone writes no Markdown; PDF without --out is refused.
    let (code, _, all) = diff(
        d,
        &[
            "last-year/pack",
            "this-year/pack",
            "--format",
            "pdf",
            "--out",
            "pdf-only",
            "--lang",
            "en",
        ],
    );
    assert_eq!(code, 1, "{all}");
    assert!(d.join("pdf-only/en/diff.pdf").exists());
    assert!(!d.join("pdf-only/en/diff.md").exists());
    let (code, _, all) = diff(d, &["last-year/pack", "this-year/pack", "--format", "pdf"]);
    assert_eq!(code, 2, "{all}");
    assert!(all.contains("--out"), "{all}");
}
