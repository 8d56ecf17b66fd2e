//! A requirement that names an IPA 非機能要求グレード item instead of a
//! property (`grade: E.6`, no `property:`): shoko fans it out at load time
//! into one requirement `<ID>/<property>` per property the item maps whose
//! kind its `expect` fits, and the whole document judges each.

use crate::common::{root, shoko, text, AS_OF};
use std::path::Path;

/// The example's requirements and answers in `dir`, with `extra`
/// requirements appended; returns the requirements file's text.
fn inputs(dir: &Path, extra: &str) -> String {
    let mut reqs = std::fs::read_to_string(root().join("evidence/examples/requirements.yaml"))
        .expect("requirements");
    reqs.push_str(extra);
    std::fs::write(dir.join("requirements.yaml"), &reqs).expect("w");
    std::fs::copy(
        root().join("evidence/examples/answers.yaml"),
        dir.join("answers.yaml"),
    )
    .expect("answers");
    reqs
}

fn build(dir: &Path) -> std::process::Output {
    shoko(
        &[
            "build",
            "-r",
            "requirements.yaml",
            "-a",
            "answers.yaml",
            "--format",
            "md,pack",
            "--as-of",
            AS_OF,
            "--out",
            "out",
        ],
        dir,
    )
}

fn check(dir: &Path) -> std::process::Output {
    shoko(
        &["check", "-r", "requirements.yaml", "-a", "answers.yaml"],
        dir,
    )
}

const FAN_OUT: &str = "  - id: SEC-01
    title: { ja: データの秘匿（暗号化の有無）, en: Data confidentiality (encryption in place) }
    category: \"*\"
    grade: E.6
    expect: { is: true }
    priority: must
  - id: SEC-02
    title: { ja: 暗号鍵は利用者が管理すること, en: Keys must be customer managed }
    category: \"*\"
    grade: E.6
    expect: { at_least: customer-managed }
    priority: should
";

/// The row of the summary table of requirements for `id`.
fn summary_row<'a>(md: &'a str, id: &str) -> &'a str {
    md.lines()
        .find(|l| l.starts_with(&format!("| {id} |")) && l.ends_with("** |"))
        .unwrap_or_else(|| panic!("no summary row for {id}:\n{md}"))
}

#[test]
fn grade_fanout_an_item_without_property_is_judged_per_mapped_property() {
    let dir = tempfile::tempdir().expect("tmp");
    inputs(dir.path(), FAN_OUT);

    // `shoko check` accepts it and counts the expanded requirements: the
    // example's 10 plus one per fitting property (E.6 maps one yes/no
    // property and one key owner).
    let o = check(dir.path());
    let msg = text(&o);
    assert!(o.status.success(), "{msg}");
    assert!(msg.contains("ok: 12 requirement(s)"), "{msg}");

    let o = build(dir.path());
    assert!(o.status.success(), "{}", text(&o));
    let en = std::fs::read_to_string(dir.path().join("out/en/nfr.md")).expect("en");
    let ja = std::fs::read_to_string(dir.path().join("out/ja/nfr.md")).expect("ja");

    // `is: true` fits only the yes/no property of E.6 (encryption at rest),
    // not the protocols of in-transit nor the key owner.
    let row = summary_row(&en, "SEC-01/encryption.at-rest");
    assert!(
        row.contains("Data confidentiality") && row.contains("Must"),
        "{row}"
    );
    assert!(row.ends_with("| **Met** |"), "{row}");
    assert!(!en.contains("SEC-01/encryption.in-transit"), "{en}");
    assert!(!en.contains("SEC-01/encryption.at-rest.key"), "{en}");
    assert!(
        en.contains("### SEC-01/encryption.at-rest Data confidentiality (encryption in place)"),
        "a section of its own"
    );
    // The key owner: the example's keys are AWS owned, a gap.
    let row = summary_row(&en, "SEC-02/encryption.at-rest.key");
    assert!(row.ends_with("| **Gap** |"), "{row}");
    assert!(!en.contains("SEC-02/encryption.at-rest |"), "{en}");
    // The Japanese document says the same.
    assert!(summary_row(&ja, "SEC-01/encryption.at-rest").ends_with("| **○適合** |"));
    assert!(summary_row(&ja, "SEC-02/encryption.at-rest.key").ends_with("| **×不適合** |"));

    // The IPA sheet counts the expanded requirements under their item.
    let bytes = std::fs::read(dir.path().join("out/pack/nfr-grade.csv")).expect("csv");
    let rows: Vec<Vec<String>> = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(&bytes[3..])
        .records()
        .map(|r| r.expect("record").iter().map(String::from).collect())
        .collect();
    assert_eq!(rows[0][11], "要件");
    let e6 = rows.iter().find(|r| r[0] == "E.6").expect("E.6");
    assert!(
        e6[11].contains("SEC-01/encryption.at-rest")
            && e6[11].contains("SEC-02/encryption.at-rest.key"),
        "{e6:?}"
    );
    let e5 = rows.iter().find(|r| r[0] == "E.5").expect("E.5");
    assert!(!e5[11].contains("SEC-"), "{e5:?}");
}

#[test]
fn grade_fanout_an_expect_no_mapped_property_takes_is_an_error_at_its_position() {
    let dir = tempfile::tempdir().expect("tmp");
    let reqs = inputs(
        dir.path(),
        "  - id: SEC-03
    title: { ja: 暗号化を7年維持すること, en: Encryption kept for 7 years }
    category: \"*\"
    grade: E.6
    expect: { at_least: 7 years }
    priority: must
",
    );
    let line = reqs
        .lines()
        .position(|l| l == "    expect: { at_least: 7 years }")
        .expect("line")
        + 1;
    for o in [build(dir.path()), check(dir.path())] {
        let msg = text(&o);
        assert_eq!(o.status.code(), Some(2), "{msg}");
        assert!(
            msg.contains(&format!("requirements.yaml:{line}:13")),
            "{msg}"
        );
        assert!(
            msg.contains("fits none of the properties `E.6` maps to"),
            "{msg}"
        );
        // What each mapped property takes, and what to do.
        for p in [
            "`encryption.in-transit` takes",
            "`encryption.at-rest` takes",
            "`encryption.at-rest.key` takes",
        ] {
            assert!(msg.contains(p), "{p}: {msg}");
        }
        assert!(msg.contains("property:"), "{msg}");
        assert!(!dir.path().join("out").exists(), "nothing written");
    }
}
