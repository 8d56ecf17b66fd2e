//! `shoko fill`: the buyer's own questionnaire workbook, answered in place.
//!
//! The tests build the buyer's workbooks with openpyxl (PyPI, installed by
//! `scripts/test`): a CAIQ-v4-shaped sheet and a Japanese security sheet
//! (項番 / 質問 / 回答 / 備考), each with styles, merged cells, column
//! widths, row heights, other sheets and list validations. After `fill`,
//! openpyxl compares the copy with the original cell by cell: only the
//! answer, comment and evidence cells of answered questions may differ.

use crate::common::{shoko, text, AS_OF};
use serde_json::Value;
use std::path::Path;
use std::process::Command;

const PY: &str = r#"
import json, sys
import openpyxl
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.datavalidation import DataValidation

def style(ws, cells, bold=False, fill=None):
    thin = Side(style="thin", color="FF808080")
    for row in ws[cells]:
        for c in row:
            c.font = Font(name="Meiryo", bold=bold, size=10, color="FF1F3864")
            c.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            c.alignment = Alignment(wrap_text=True, vertical="top")
            if fill:
                c.fill = PatternFill("solid", fgColor=fill)

def make_caiq(path):
    wb = openpyxl.Workbook()
    intro = wb.active
    intro.title = "Introduction"
    intro["A1"] = "Consensus Assessment Initiative Questionnaire (CAIQ) v4 - shaped test workbook"
    intro.merge_cells("A1:F2")
    intro["A1"].font = Font(bold=True, size=14)
    ws = wb.create_sheet("CAIQv4.0.3")
    ws["A1"] = "CAIQ v4"
    ws.merge_cells("A1:F1")
    heads = ["Question ID", "Question", "CSP CAIQ Answer", "SSRM Control Ownership",
             "CSP Implementation Description (Optional/Recommended)",
             "CSC Responsibilities (Optional/Recommended)"]
    for i, h in enumerate(heads):
        ws.cell(row=3, column=i + 1, value=h)
    style(ws, "A3:F3", bold=True, fill="FFDDEBF7")
    rows = [("DSP-19.1", "Is data location documented?"),
            ("DSP-02.1", "Can data be securely deleted?"),
            ("DSP-16.1", "Are retention and deletion managed?"),
            ("CEK-03.1", "Is data encrypted?"),
            ("AIS-01.1", "Are application security policies established?"),
            ("LOG-02.1", "Are audit logs protected?")]
    for r, (qid, q) in enumerate(rows, start=4):
        ws.cell(row=r, column=1, value=qid)
        ws.cell(row=r, column=2, value=q)
        ws.cell(row=r, column=6, value="buyer's own note %d" % r)
    style(ws, "A4:F9")
    dv = DataValidation(type="list", formula1='"Yes,No,NA"', allow_blank=True)
    ws.add_data_validation(dv)
    dv.add("C4:C9")
    for col, w in zip("ABCDEF", [12, 40, 14, 18, 60, 40]):
        ws.column_dimensions[col].width = w
    ws.row_dimensions[3].height = 30
    ws.freeze_panes = "B4"
    wb.save(path)

def make_ja(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "セキュリティチェックシート"
    ws["A1"] = "クラウドサービス セキュリティチェックシート"
    ws.merge_cells("A1:E1")
    ws["A1"].font = Font(bold=True, size=14)
    for i, h in enumerate(["項番", "分類", "質問", "回答", "備考"]):
        ws.cell(row=3, column=i + 1, value=h)
    style(ws, "A3:E3", bold=True, fill="FFE2EFDA")
    rows = [("1-1", "保管場所", "データの保管場所を特定できるか"),
            ("1-2", "保管場所", "データの保持期間を管理しているか"),
            ("2-1", "暗号化", "データを暗号化しているか"),
            ("2-2", "ログ", "ログを保護しているか"),
            ("3-1", "体制", "セキュリティ責任者を置いているか")]
    for r, (qid, cls, q) in enumerate(rows, start=4):
        ws.cell(row=r, column=1, value=qid)
        ws.cell(row=r, column=2, value=cls)
        ws.cell(row=r, column=3, value=q)
    ws.merge_cells("B4:B5")
    style(ws, "A4:E8")
    lists = wb.create_sheet("選択肢")
    for i, v in enumerate(["対応可", "対応不可", "該当なし"], start=1):
        lists.cell(row=i, column=1, value=v)
    dv = DataValidation(type="list", formula1="'選択肢'!$A$1:$A$3", allow_blank=True)
    ws.add_data_validation(dv)
    dv.add("D4:D8")
    for col, w in zip("ABCDE", [8, 12, 40, 12, 60]):
        ws.column_dimensions[col].width = w
    wb.save(path)

def side(x):
    # A side without a style draws nothing, whether written or not.
    if x is None or x.style is None:
        return None
    return (x.style, repr(x.color))

def border(b):
    return [side(getattr(b, k)) for k in ("left", "right", "top", "bottom", "diagonal")] + [
        bool(b.diagonalUp), bool(b.diagonalDown), b.outline]

def snap(c):
    return {
        "value": c.value if c.value is None or isinstance(c.value, (str, int, float, bool)) else str(c.value),
        "font": repr(c.font), "fill": repr(c.fill), "border": border(c.border),
        "alignment": repr(c.alignment), "number_format": c.number_format,
        "protection": repr(c.protection),
    }

def compare(orig, filled):
    a = openpyxl.load_workbook(orig)
    b = openpyxl.load_workbook(filled)
    diffs, changed = [], {}
    if a.sheetnames != b.sheetnames:
        diffs.append("sheets %r != %r" % (a.sheetnames, b.sheetnames))
    for name in a.sheetnames:
        x, y = a[name], b[name]
        if sorted(map(str, x.merged_cells.ranges)) != sorted(map(str, y.merged_cells.ranges)):
            diffs.append("%s: merged cells differ" % name)
        dx = sorted((str(d.sqref), d.type, d.formula1) for d in x.data_validations.dataValidation)
        dy = sorted((str(d.sqref), d.type, d.formula1) for d in y.data_validations.dataValidation)
        if dx != dy:
            diffs.append("%s: validations %r != %r" % (name, dx, dy))
        for col, d in x.column_dimensions.items():
            if d.width != y.column_dimensions[col].width:
                diffs.append("%s: width of %s" % (name, col))
        for r, d in x.row_dimensions.items():
            if d.height != y.row_dimensions[r].height:
                diffs.append("%s: height of row %s" % (name, r))
        if x.freeze_panes != y.freeze_panes:
            diffs.append("%s: freeze panes" % name)
        rows = max(x.max_row, y.max_row)
        cols = max(x.max_column, y.max_column)
        for r in range(1, rows + 1):
            for c in range(1, cols + 1):
                p, q = snap(x.cell(r, c)), snap(y.cell(r, c))
                key = "%s!%s" % (name, x.cell(r, c).coordinate)
                if p["value"] != q["value"]:
                    changed[key] = q["value"]
                    p.pop("value"); q.pop("value")
                for k in p:
                    if p[k] != q[k]:
                        diffs.append("%s: %s %r != %r" % (key, k, p[k], q[k]))
    print(json.dumps({"diffs": diffs, "changed": changed}, ensure_ascii=False))

cmd = sys.argv[1]
if cmd == "caiq": make_caiq(sys.argv[2])
elif cmd == "ja": make_ja(sys.argv[2])
elif cmd == "compare": compare(sys.argv[2], sys.argv[3])
"#;

fn py(args: &[&str]) -> String {
    let o = Command::new("python3")
        .arg("-c")
        .arg(PY)
        .args(args)
        .output()
        .expect("python3 (scripts/test installs openpyxl)");
    assert!(
        o.status.success(),
        "openpyxl: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).to_string()
}

/// Compare the filled copy with the original; panics on any difference
/// outside changed values; returns the changed cells and their values.
fn changed(orig: &Path, filled: &Path) -> serde_json::Map<String, Value> {
    let v: Value = serde_json::from_str(&py(&[
        "compare",
        &orig.display().to_string(),
        &filled.display().to_string(),
    ]))
    .expect("json");
    let diffs = v["diffs"].as_array().expect("diffs");
    assert!(
        diffs.is_empty(),
        "the copy differs beyond answered cells: {diffs:#?}"
    );
    v["changed"].as_object().expect("changed").clone()
}

fn example_inputs(dir: &Path) {
    for f in ["requirements.yaml", "answers.yaml"] {
        std::fs::copy(
            crate::common::root().join("evidence/examples").join(f),
            dir.join(f),
        )
        .expect("copy example");
    }
}

fn run_fill(dir: &Path, workbook: &str, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "fill",
        workbook,
        "-r",
        "requirements.yaml",
        "-a",
        "answers.yaml",
        "--as-of",
        AS_OF,
        "--out",
        "out",
    ];
    args.extend_from_slice(extra);
    shoko(&args, dir)
}

fn s<'a>(m: &'a serde_json::Map<String, Value>, k: &str) -> &'a str {
    m.get(k).and_then(Value::as_str).unwrap_or("")
}

#[test]
fn fill_a_caiq_workbook_answers_known_ids_keeps_everything_else_and_cites_the_pack() {
    let dir = tempfile::tempdir().expect("tmp");
    let d = dir.path();
    example_inputs(d);
    py(&["caiq", &d.join("caiq.xlsx").display().to_string()]);
    let o = run_fill(d, "caiq.xlsx", &[]);
    assert!(o.status.success(), "{}", text(&o));
    let mut names: Vec<String> = std::fs::read_dir(d.join("out"))
        .expect("out")
        .map(|e| e.expect("entry").file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    assert_eq!(names, ["caiq.xlsx", "fill-report.md", "pack.zip"]);

    let ch = changed(&d.join("caiq.xlsx"), &d.join("out/caiq.xlsx"));
    let sh = "CAIQv4.0.3";
    // Answers follow the verdicts of the example (the same as the pack's
    // questionnaire): DSP-02 review (deletion rests on the bucket's
    // versioning, not shown), DSP-19 unverified, DSP-16 and CEK-03 gaps →
    // No, never Yes; LOG-02 met → Yes.
    assert_eq!(s(&ch, &format!("{sh}!C4")), "No", "DSP-19.1");
    assert_eq!(s(&ch, &format!("{sh}!C5")), "No", "DSP-02.1 is a review");
    assert_eq!(s(&ch, &format!("{sh}!C6")), "No", "DSP-16.1 is a gap");
    assert_eq!(s(&ch, &format!("{sh}!C7")), "No", "CEK-03.1 is a gap");
    assert_eq!(s(&ch, &format!("{sh}!C9")), "Yes", "LOG-02.1");
    // AIS-01.1 has no answer: its row is untouched.
    for c in ["C8", "E8"] {
        assert!(
            !ch.contains_key(&format!("{sh}!{c}")),
            "AIS-01.1 left blank"
        );
    }
    // Only the answer and implementation-description columns changed.
    for k in ch.keys() {
        let col = k
            .trim_start_matches(&format!("{sh}!"))
            .chars()
            .next()
            .unwrap_or(' ');
        assert!(
            k.starts_with(sh) && (col == 'C' || col == 'E'),
            "unexpected change {k}"
        );
    }
    // The explanation is English (the sheet's language), gives the remedy
    // of a gap, and cites the pack with the SHA-256 of its files.
    let zip = std::fs::read(d.join("out/pack.zip")).expect("zip");
    let zip_sha = shoko::text::sha256_hex(&zip);
    let e6 = s(&ch, &format!("{sh}!E6"));
    assert!(e6.contains(&format!("pack.zip sha256:{zip_sha}")), "{e6}");
    assert!(e6.contains("claims.json sha256:"), "{e6}");
    assert!(e6.contains("Negotiate") || e6.contains("negotiate"), "{e6}");
    assert!(
        !e6.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c)),
        "{e6}"
    );
    // The pack beside it verifies.
    let v = shoko(&["verify", "out/pack.zip"], d);
    assert!(v.status.success(), "{}", text(&v));
    // The report lists the blank question with the reason, in both languages.
    let report = std::fs::read_to_string(d.join("out/fill-report.md")).expect("report");
    assert!(report.contains("| CAIQv4.0.3 | 8 | AIS-01.1 |"), "{report}");
    assert!(report.contains("5 question(s) answered"), "{report}");
    assert!(report.contains("空欄の理由"), "{report}");
}

#[test]
fn fill_a_japanese_sheet_through_a_mapping_follows_its_list() {
    let dir = tempfile::tempdir().expect("tmp");
    let d = dir.path();
    example_inputs(d);
    py(&["ja", &d.join("sheet.xlsx").display().to_string()]);
    std::fs::write(
        d.join("mapping.yaml"),
        "\"1-1\": DSP-19.1\n\"1-2\": DSP-16.1\n\"2-1\": CEK-03.1\n\"2-2\": LOG-02.1\n",
    )
    .expect("mapping");
    let o = run_fill(d, "sheet.xlsx", &["--mapping", "mapping.yaml"]);
    assert!(o.status.success(), "{}", text(&o));
    let ch = changed(&d.join("sheet.xlsx"), &d.join("out/sheet.xlsx"));
    let sh = "セキュリティチェックシート";
    assert_eq!(s(&ch, &format!("{sh}!D4")), "対応不可");
    assert_eq!(
        s(&ch, &format!("{sh}!D5")),
        "対応不可",
        "a gap is never 対応可"
    );
    assert_eq!(s(&ch, &format!("{sh}!D6")), "対応不可");
    assert_eq!(s(&ch, &format!("{sh}!D7")), "対応可");
    assert!(!ch.contains_key(&format!("{sh}!D8")), "3-1 is not mapped");
    // 備考 holds a Japanese explanation and the evidence.
    let e5 = s(&ch, &format!("{sh}!E5"));
    assert!(
        e5.contains("証跡") && e5.contains("pack.zip sha256:"),
        "{e5}"
    );
    assert!(
        e5.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c)),
        "{e5}"
    );
    for k in ch.keys() {
        assert!(
            k.starts_with(&format!("{sh}!D")) || k.starts_with(&format!("{sh}!E")),
            "unexpected change {k}"
        );
    }
    let report = std::fs::read_to_string(d.join("out/fill-report.md")).expect("report");
    assert!(report.contains("| 8 | 3-1 |"), "{report}");

    // The same sheet with the columns named explicitly gives the same copy.
    let o = shoko(
        &[
            "fill",
            "sheet.xlsx",
            "-r",
            "requirements.yaml",
            "-a",
            "answers.yaml",
            "--as-of",
            AS_OF,
            "--out",
            "out2",
            "--mapping",
            "mapping.yaml",
            "--columns",
            "id=A,answer=D,comment=E",
        ],
        d,
    );
    assert!(o.status.success(), "{}", text(&o));
    let again = changed(&d.join("sheet.xlsx"), &d.join("out2/sheet.xlsx"));
    assert_eq!(again, ch);
    // Same inputs, same bytes.
    assert_eq!(
        std::fs::read(d.join("out/sheet.xlsx")).expect("a"),
        std::fs::read(d.join("out2/sheet.xlsx")).expect("b")
    );
}

#[test]
fn fill_rejects_corrupt_and_password_protected_workbooks_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tmp");
    let d = dir.path();
    example_inputs(d);
    std::fs::write(
        d.join("broken.xlsx"),
        b"PK\x03\x04 this is not really a zip",
    )
    .expect("w");
    // An encrypted OOXML workbook is an OLE compound file.
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(4096, 0);
    std::fs::write(d.join("locked.xlsx"), &ole).expect("w");
    std::fs::create_dir(d.join("out")).expect("out");
    std::fs::write(d.join("out/keep.txt"), "previous").expect("w");
    for (file, what) in [
        ("broken.xlsx", "not a readable XLSX"),
        ("locked.xlsx", "password"),
    ] {
        let o = run_fill(d, file, &[]);
        assert_eq!(o.status.code(), Some(2), "{}", text(&o));
        assert!(text(&o).contains(what), "{}", text(&o));
        assert!(text(&o).contains(file), "{}", text(&o));
        let left: Vec<_> = std::fs::read_dir(d.join("out")).expect("out").collect();
        assert_eq!(left.len(), 1, "nothing written");
    }
    // A workbook without question columns is a clear error too.
    py(&["caiq", &d.join("caiq.xlsx").display().to_string()]);
    let o = run_fill(d, "caiq.xlsx", &["--columns", "id=A"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("--columns"), "{}", text(&o));
    // A bad mapping file: file:line:column.
    std::fs::write(d.join("bad.yaml"), "\"1-1\": [DSP-19.1]\n").expect("w");
    let o = run_fill(d, "caiq.xlsx", &["--mapping", "bad.yaml"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("bad.yaml:1:"), "{}", text(&o));
    assert_eq!(
        std::fs::read_to_string(d.join("out/keep.txt")).expect("kept"),
        "previous"
    );
}

#[test]
fn fill_with_live_evidence_cites_raw_observations_that_are_in_the_pack() {
    use std::io::Read;
    let dir = tempfile::tempdir().expect("tmp");
    let d = dir.path();
    example_inputs(d);
    py(&["caiq", &d.join("caiq.xlsx").display().to_string()]);
    let snap = crate::common::root().join("tests/cases/observed/snapshot");
    let o = run_fill(d, "caiq.xlsx", &["--evidence", &snap.display().to_string()]);
    assert!(o.status.success(), "{}", text(&o));
    let ch = changed(&d.join("caiq.xlsx"), &d.join("out/caiq.xlsx"));
    let mut z = zip::ZipArchive::new(std::fs::File::open(d.join("out/pack.zip")).expect("zip"))
        .expect("zip");
    let mut cited = 0;
    for v in ch.values().filter_map(Value::as_str) {
        for line in v.lines().filter(|l| l.starts_with("observations/")) {
            let (path, sha) = line.split_once(" sha256:").expect("path sha256:hex");
            let mut e = z
                .by_name(&format!("pack/{path}"))
                .expect("cited file is in the pack");
            let mut b = Vec::new();
            e.read_to_end(&mut b).expect("read");
            assert_eq!(shoko::text::sha256_hex(&b), sha, "{path}");
            cited += 1;
        }
    }
    assert!(cited > 0, "the answers cite raw observations");
}

/// `pack/<name>` from `pack.zip`.
fn from_zip(zip: &Path, name: &str) -> Vec<u8> {
    use std::io::Read;
    let mut z = zip::ZipArchive::new(std::fs::File::open(zip).expect("zip")).expect("zip");
    let mut e = z.by_name(&format!("pack/{name}")).expect("in the pack");
    let mut b = Vec::new();
    e.read_to_end(&mut b).expect("read");
    b
}

/// The explanation part of a filled comment cell (before the evidence).
fn explanation<'a>(cell: &'a str, evidence_label: &str) -> &'a str {
    cell.split(evidence_label).next().unwrap_or("").trim_end()
}

#[test]
fn fill_explanations_are_a_mark_one_sentence_and_sources_and_the_long_text_stays_in_the_pack() {
    let dir = tempfile::tempdir().expect("tmp");
    let d = dir.path();
    example_inputs(d);
    py(&["caiq", &d.join("caiq.xlsx").display().to_string()]);
    let o = run_fill(d, "caiq.xlsx", &[]);
    assert!(o.status.success(), "{}", text(&o));
    let ch = changed(&d.join("caiq.xlsx"), &d.join("out/caiq.xlsx"));
    let sh = "CAIQv4.0.3";
    let zip = d.join("out/pack.zip");
    // The source labels the pack's claims.json gives its sources.
    let claims: Value = serde_json::from_slice(&from_zip(&zip, "claims.json")).expect("claims");
    let known: Vec<String> = claims["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .map(|s| s["label"].as_str().expect("label").to_string())
        .collect();
    // The pack's questionnaire: CAIQ id → long English implementation text.
    use calamine::{Reader, Xlsx};
    let mut wb = Xlsx::new(std::io::Cursor::new(from_zip(&zip, "questionnaire.xlsx"))).expect("x");
    let first = wb.sheet_names()[0].clone();
    let range = wb.worksheet_range(&first).expect("sheet");
    let rows: Vec<Vec<String>> = range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    let col = rows[0]
        .iter()
        .position(|h| h.contains("Implementation") && !h.contains('（') && !h.contains("(ja"))
        .unwrap_or_else(|| panic!("implementation column: {:?}", rows[0]));
    let long = |id: &str| -> String {
        rows.iter()
            .find(|r| r[0] == id)
            .map(|r| r[col].clone())
            .unwrap_or_else(|| panic!("{id} in the pack's questionnaire"))
    };
    for (cell, id, mark) in [
        ("E4", "DSP-19.1", "[Unverified] "),
        ("E5", "DSP-02.1", "[Review] "),
        ("E6", "DSP-16.1", "[Gap] "),
        ("E7", "CEK-03.1", "[Gap] "),
        ("E9", "LOG-02.1", "[Met] "),
    ] {
        let full = s(&ch, &format!("{sh}!{cell}"));
        let e = explanation(full, "Evidence (evidence pack files and SHA-256):");
        let lines: Vec<&str> = e.lines().collect();
        assert_eq!(
            lines.len(),
            2,
            "{id}: the answer and where the rest is\n{e}"
        );
        let (answer, pointer) = (lines[0], lines[1]);
        assert!(answer.starts_with(mark), "{id}: {answer}");
        assert_eq!(
            pointer,
            format!("Full explanation: questionnaire.xlsx in the evidence pack ({id})")
        );
        // One sentence, then the sources' labels, each one the pack knows.
        let (sentence, sources) = answer
            .strip_suffix(']')
            .and_then(|a| a.rsplit_once(" [Sources: "))
            .unwrap_or_else(|| panic!("{id}: no sources: {answer}"));
        let sentence = sentence.trim_start_matches(mark);
        assert!(sentence.ends_with('.'), "{id}: {sentence}");
        assert!(
            !sentence[..sentence.len() - 1].contains(". "),
            "{id}: one sentence: {sentence}"
        );
        for l in sources.split(", ") {
            assert!(known.iter().any(|k| k == l), "{id}: unknown label {l}");
        }
        assert!(sentence.chars().count() <= 140, "{id}: short: {sentence}");
        // The long explanation is in the pack, and not in the cell.
        let long = long(id);
        assert!(long.lines().count() > 1, "{id}: {long}");
        for l in long.lines().skip(1) {
            assert!(
                !full.contains(l),
                "{id}: the long line `{l}` is in the cell"
            );
        }
    }
    // A gap gives its remedy, never Yes.
    let e6 = s(&ch, &format!("{sh}!E6"));
    assert!(
        e6.starts_with("[Gap] Not met; remedy: ") && e6.contains("Negotiate"),
        "{e6}"
    );

    // The Japanese sheet gets the Japanese short text.
    let dir = tempfile::tempdir().expect("tmp");
    let d = dir.path();
    example_inputs(d);
    py(&["ja", &d.join("sheet.xlsx").display().to_string()]);
    std::fs::write(
        d.join("mapping.yaml"),
        "\"1-2\": DSP-16.1\n\"2-2\": LOG-02.1\n",
    )
    .expect("mapping");
    let o = run_fill(d, "sheet.xlsx", &["--mapping", "mapping.yaml"]);
    assert!(o.status.success(), "{}", text(&o));
    let ch = changed(&d.join("sheet.xlsx"), &d.join("out/sheet.xlsx"));
    let sh = "セキュリティチェックシート";
    let e5 = s(&ch, &format!("{sh}!E5"));
    let lines: Vec<&str> = e5.lines().collect();
    assert!(
        lines[0].starts_with("【×不適合】要件を満たしておらず、対応策は ")
            && lines[0].contains("［出典: "),
        "{e5}"
    );
    assert_eq!(
        lines[1],
        "詳しい説明: 証跡パックの questionnaire.xlsx（DSP-16.1）"
    );
    let e7 = s(&ch, &format!("{sh}!E7"));
    assert!(e7.starts_with("【○適合】"), "{e7}");
}
