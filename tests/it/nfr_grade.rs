//! The IPA 非機能要求グレード 2018 sheet of the evidence pack
//! (`pack/nfr-grade.csv` and the workbook's sheet) as a Japanese reviewer
//! reads it, and the rule behind it: every IPA item number in
//! `evidence/frameworks.yaml` is one the project confirmed
//! (`evidence/ipa-grade-confirmed.tsv`, with its source), at the level it
//! was confirmed.

use crate::common::{build_example, root};
use shoko::pack::frameworks::{Frameworks, IpaLevel};
use std::path::Path;

fn frameworks() -> Frameworks {
    shoko::pack::frameworks::load(&shoko::assets::Assets::default()).expect("frameworks.yaml")
}

/// The confirmed list: (id, level, major, middle, source).
fn confirmed() -> Vec<[String; 5]> {
    let t = std::fs::read_to_string(root().join("evidence/ipa-grade-confirmed.tsv"))
        .expect("confirmed list");
    t.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 5, "five tab-separated columns: {l}");
            [0, 1, 2, 3, 4].map(|i| f[i].trim().to_string())
        })
        .collect()
}

#[test]
fn nfr_grade_every_item_number_in_the_mapping_is_confirmed_at_its_level() {
    let fw = frameworks();
    let list = confirmed();
    assert!(
        list.iter().all(|c| !c[4].is_empty()),
        "each confirmed item names its source"
    );
    assert!(!fw.ipa_grade.metrics.is_empty());
    for m in &fw.ipa_grade.metrics {
        let c = list
            .iter()
            .find(|c| c[0] == m.id)
            .unwrap_or_else(|| panic!("{} is not in evidence/ipa-grade-confirmed.tsv", m.id));
        let level = match m.level {
            IpaLevel::Metric => "metric",
            IpaLevel::Middle => "middle",
        };
        assert_eq!(c[1], level, "{} is confirmed only at level {}", m.id, c[1]);
        assert_eq!(c[2], m.major, "{}: 大項目 as confirmed", m.id);
        assert_eq!(c[3], m.middle, "{}: 中項目 as confirmed", m.id);
    }
    // The CAIQ sheet's IPA column uses confirmed numbers too.
    for t in &fw.topics {
        if let Some(ipa) = &t.ipa {
            assert!(
                list.iter().any(|c| c[0] == ipa.id),
                "topic {}: {}",
                t.id,
                ipa.id
            );
        }
    }
    // Retention of data is not mapped to the grade (its only retention-like
    // metrics are about backups); log retention is, for the flow logs only.
    let retention: Vec<_> = fw
        .ipa_grade
        .metrics
        .iter()
        .filter(|m| m.properties.contains(&shoko::model::Property::Retention))
        .collect();
    assert!(retention.iter().all(|m| m.categories == ["flow-logs"]));
}

fn csv_rows(path: &Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).expect("nfr-grade.csv");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "BOM for Excel");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(&bytes[3..])
        .records()
        .map(|r| r.expect("record").iter().map(String::from).collect())
        .collect()
}

#[test]
fn nfr_grade_the_example_pack_answers_every_mapped_item_with_its_verdict() {
    let dir = tempfile::tempdir().expect("tmp");
    build_example(dir.path(), "pack", &["--dump-model", "model.json"]);
    let model: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("model.json")).expect("model"))
            .expect("json");
    let rows = csv_rows(&dir.path().join("out/pack/nfr-grade.csv"));
    assert_eq!(
        rows[0][..6],
        [
            "項番",
            "大項目",
            "中項目",
            "小項目",
            "メトリクス",
            "対応付けの粒度"
        ]
    );
    let fw = frameworks();
    let body = &rows[1..rows.len() - 1];
    assert_eq!(
        body.iter().map(|r| r[0].as_str()).collect::<Vec<_>>(),
        fw.ipa_grade
            .metrics
            .iter()
            .map(|m| m.id.as_str())
            .collect::<Vec<_>>(),
        "one row per mapped item, in file order"
    );
    // IPA's notice closes the sheet.
    let last = rows.last().expect("notice");
    assert_eq!(last[0], "(c)2010-2018 独立行政法人情報処理推進機構");
    assert!(last[1].contains("https://www.ipa.go.jp/"));

    for (row, m) in body.iter().zip(&fw.ipa_grade.metrics) {
        assert_eq!(row[1], m.major);
        assert_eq!(row[2], m.middle);
        if m.level == IpaLevel::Middle {
            assert!(
                row[3].is_empty() && row[4].is_empty(),
                "{}: no unconfirmed names",
                m.id
            );
            assert!(
                row[5].contains("確認できていない"),
                "{}: says it is a middle item",
                m.id
            );
        }
        // The status is the worst of the verdicts on the mapped properties
        // (and categories), as the documents show them.
        let props: Vec<&str> = m.properties.iter().map(|p| p.name()).collect();
        let mut worst: Option<(u8, String)> = None;
        for r in model["requirements"].as_array().expect("reqs") {
            if !props.contains(&r["property"].as_str().unwrap_or("")) {
                continue;
            }
            for v in r["verdicts"].as_array().expect("verdicts") {
                let cat = v["category"].as_str().unwrap_or("");
                if !m.categories.is_empty() && !m.categories.iter().any(|c| c == cat) {
                    continue;
                }
                let rank = match v["status"].as_str().unwrap_or("") {
                    "gap" => 4,
                    "unverified" => 3,
                    "review" => 2,
                    "met" => 1,
                    _ => 0,
                };
                let label = v["status_label"]["ja"].as_str().unwrap_or("").to_string();
                if worst.as_ref().is_none_or(|(w, _)| rank > *w) {
                    worst = Some((rank, label));
                }
            }
        }
        let want = worst.map_or("要件なし".to_string(), |(_, l)| l);
        assert_eq!(row[8], want, "{}", m.id);
        // Every source number cited exists in the report.
        for n in row[10].split_whitespace() {
            let n: u64 = n.trim_matches(['[', ']']).parse().expect("number");
            assert!(model["sources"]
                .as_array()
                .expect("sources")
                .iter()
                .any(|s| s["number"] == n));
        }
    }
    // The example's flow logs keep 90 days against a longer requirement:
    // E.7 is answered from that claim, with its gap.
    let e7 = body.iter().find(|r| r[0] == "E.7").expect("E.7");
    assert!(e7[6].contains("フローログ"), "{}", e7[6]);
    assert_eq!(e7[8], "×不適合");

    // The workbook's sheet holds the same cells.
    use calamine::{open_workbook, Reader, Xlsx};
    let mut wb: Xlsx<_> =
        open_workbook(dir.path().join("out/pack/questionnaire.xlsx")).expect("xlsx");
    let range = wb
        .worksheet_range("非機能要求グレード")
        .expect("grade sheet");
    let sheet: Vec<Vec<String>> = range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(sheet, rows);
}

/// The example's requirements with `grade:` lines added after `priority`
/// of the named requirements, built as `md,pack,oscal` in `dir/out`.
fn build_graded(dir: &Path, grades: &[(&str, &str)]) -> std::process::Output {
    let mut text = std::fs::read_to_string(root().join("evidence/examples/requirements.yaml"))
        .expect("requirements");
    for (id, grade) in grades {
        let at = text.find(&format!("- id: {id}\n")).expect("requirement");
        let p = at + text[at..].find("    priority:").expect("priority");
        let end = p + text[p..].find('\n').expect("eol") + 1;
        text.insert_str(end, &format!("    grade: {grade}\n"));
    }
    std::fs::write(dir.join("requirements.yaml"), text).expect("w");
    std::fs::copy(
        root().join("evidence/examples/answers.yaml"),
        dir.join("answers.yaml"),
    )
    .expect("answers");
    crate::common::shoko(
        &[
            "build",
            "-r",
            "requirements.yaml",
            "-a",
            "answers.yaml",
            "--format",
            "md,pack,oscal",
            "--as-of",
            crate::common::AS_OF,
            "--out",
            "out",
        ],
        dir,
    )
}

fn row<'a>(rows: &'a [Vec<String>], id: &str) -> &'a Vec<String> {
    rows.iter().find(|r| r[0] == id).expect("row")
}

#[test]
fn nfr_grade_a_requirements_own_grade_overrides_the_mapping_in_csv_xlsx_and_oscal() {
    // Without `grade:`, the mapping decides: ENC-01 (key owner) speaks to
    // E.6, RET-03 (call recordings) to no item (E.7 is flow logs only).
    let plain = tempfile::tempdir().expect("tmp");
    let o = build_graded(plain.path(), &[]);
    assert!(o.status.success(), "{}", crate::common::text(&o));
    let rows = csv_rows(&plain.path().join("out/pack/nfr-grade.csv"));
    assert_eq!(rows[0][11], "要件");
    assert!(
        row(&rows, "E.6")[11].contains("ENC-01"),
        "{:?}",
        row(&rows, "E.6")
    );
    assert!(!row(&rows, "E.7")[11].contains("RET-03"));
    let e7_before = row(&rows, "E.7").clone();

    // The buyer ties RET-03 to E.7 and ENC-01 to E.5 (a list).
    let dir = tempfile::tempdir().expect("tmp");
    let o = build_graded(dir.path(), &[("RET-03", "E.7"), ("ENC-01", "[E.5]")]);
    assert!(o.status.success(), "{}", crate::common::text(&o));
    let rows = csv_rows(&dir.path().join("out/pack/nfr-grade.csv"));
    let (e5, e6, e7) = (row(&rows, "E.5"), row(&rows, "E.6"), row(&rows, "E.7"));
    // Joins: E.7 now counts RET-03 beside the mapped RET-04, and answers
    // with the call recordings' retention too.
    assert!(
        e7[11].contains("RET-03") && e7[11].contains("RET-04"),
        "{e7:?}"
    );
    assert!(e7[6].contains("通話録音"), "{}", e7[6]);
    assert!(e7[6].len() > e7_before[6].len(), "E.7 gained a claim");
    // Overrides: ENC-01 leaves E.6 and joins E.5.
    assert!(!e6[11].contains("ENC-01"), "{e6:?}");
    assert!(e5[11].contains("ENC-01"), "{e5:?}");
    // E.5's status is at least as bad as ENC-01's (a gap in the example:
    // the keys are AWS owned).
    assert_eq!(e5[8], "×不適合", "{e5:?}");

    // The workbook's sheet says the same.
    use calamine::{open_workbook, Reader, Xlsx};
    let mut wb: Xlsx<_> =
        open_workbook(dir.path().join("out/pack/questionnaire.xlsx")).expect("xlsx");
    let range = wb.worksheet_range("非機能要求グレード").expect("sheet");
    let sheet: Vec<Vec<String>> = range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(sheet, rows);

    // OSCAL: the finding of each requirement names its items.
    let ar: serde_json::Value = serde_json::from_slice(
        &std::fs::read(dir.path().join("out/oscal/assessment-results.json")).expect("oscal"),
    )
    .expect("json");
    let findings = ar["assessment-results"]["results"][0]["findings"]
        .as_array()
        .expect("findings");
    let grades_of = |id: &str| -> Vec<String> {
        let f = findings
            .iter()
            .find(|f| {
                f["props"].as_array().is_some_and(|p| {
                    p.iter()
                        .any(|p| p["name"] == "requirement" && p["value"] == id)
                })
            })
            .expect("finding");
        f["props"]
            .as_array()
            .expect("props")
            .iter()
            .filter(|p| p["name"] == "ipa-grade")
            .map(|p| p["value"].as_str().unwrap_or("").to_string())
            .collect()
    };
    assert_eq!(grades_of("RET-03"), ["E.7"]);
    assert_eq!(grades_of("ENC-01"), ["E.5"]);
    assert!(grades_of("RET-01").is_empty());
}

#[test]
fn nfr_grade_an_unknown_grade_item_is_an_error_at_its_position_with_a_suggestion() {
    let dir = tempfile::tempdir().expect("tmp");
    // A metric number under E.6, which shoko maps only as a whole.
    let o = build_graded(dir.path(), &[("ENC-01", "E.6.1.1")]);
    let msg = crate::common::text(&o);
    assert_eq!(o.status.code(), Some(2), "{msg}");
    // The line of the inserted `grade:` (after ENC-01's priority), column 12.
    let text = std::fs::read_to_string(dir.path().join("requirements.yaml")).expect("r");
    let line = text
        .lines()
        .position(|l| l == "    grade: E.6.1.1")
        .expect("line")
        + 1;
    assert!(
        msg.contains(&format!("requirements.yaml:{line}:12")),
        "{msg}"
    );
    assert!(
        msg.contains("E.6.1.1") && msg.contains("grade: E.6"),
        "{msg}"
    );
    assert!(!dir.path().join("out").exists(), "nothing written");
    // A typo gets a did-you-mean; a list item is found at its own position.
    let dir = tempfile::tempdir().expect("tmp");
    let o = build_graded(dir.path(), &[("RET-03", "[E.7, E5]")]);
    let msg = crate::common::text(&o);
    assert_eq!(o.status.code(), Some(2), "{msg}");
    assert!(msg.contains("did you mean `E.5`?"), "{msg}");
    assert!(
        msg.contains("`E.5`, `E.6`, `E.7`"),
        "expected lists the items: {msg}"
    );
    assert!(!dir.path().join("out").exists(), "nothing written");
}
