//! The evidence pack as a buyer's reviewer meets it: what `out/pack/` and
//! `out/pack.zip` hold, the questionnaire answers, the golden claims.json and
//! its schema, redaction, reproducible bytes, and `shoko verify` catching
//! every kind of tampering in folder and zip form.

use crate::common;

use crate::common::{build_example, root, shoko, text, tree, AS_OF};
use std::io::{Read, Write};
use std::path::Path;

fn verify(pack: &Path) -> (i32, String) {
    let o = shoko(&["verify", &pack.display().to_string()], Path::new("."));
    (o.status.code().unwrap_or(-1), text(&o))
}

fn csv_rows(path: &Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).expect("csv");
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "CSV starts with a BOM for Excel"
    );
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&bytes[3..]);
    r.records()
        .map(|x| x.expect("record").iter().map(String::from).collect())
        .collect()
}

fn row<'a>(rows: &'a [Vec<String>], id: &str) -> &'a Vec<String> {
    rows.iter()
        .find(|r| r[0] == id)
        .unwrap_or_else(|| panic!("no questionnaire row {id}"))
}

/// Entries of a zip as (name, bytes), in archive order.
fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    (0..z.len())
        .map(|i| {
            let mut e = z.by_index(i).expect("entry");
            let mut b = Vec::new();
            e.read_to_end(&mut b).expect("read entry");
            (e.name().to_string(), b)
        })
        .collect()
}

/// A zip holding `entries`, in that order.
fn rezip(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    for (n, b) in entries {
        z.start_file(n.as_str(), opts).expect("start");
        z.write_all(b).expect("write");
    }
    z.finish().expect("finish").into_inner()
}

/// Runs of exactly 12 digits with no letter or digit on either side.
fn account_ids(s: &str) -> Vec<String> {
    shoko::pack::redact::find_account_ids(s.as_bytes())
        .into_iter()
        .map(|(a, b)| s[a..b].to_string())
        .collect()
}

#[test]
fn the_pack_holds_every_promised_file_and_verifies() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = build_example(dir.path(), "md,pack", &[]);
    let names: Vec<String> = tree(&out.join("pack"))
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    assert_eq!(
        names,
        [
            "claims.json",
            "documents/en/nfr.md",
            "documents/ja/nfr.md",
            "gaps.csv",
            "manifest.json",
            "nfr-grade.csv",
            "questionnaire.csv",
            "questionnaire.xlsx",
        ]
    );
    // The documents in the pack are the ones this run wrote.
    assert_eq!(
        std::fs::read(out.join("ja/nfr.md")).expect("md"),
        std::fs::read(out.join("pack/documents/ja/nfr.md")).expect("pack md")
    );
    let m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("pack/manifest.json")).expect("manifest"))
            .expect("json");
    assert_eq!(m["format"], "shoko.pack/1");
    assert_eq!(m["as_of"], AS_OF);
    assert_eq!(m["tool_version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(m["redaction"]["applied"], false);
    assert_eq!(m["observations"]["from"], serde_json::Value::Null);
    let answers = std::fs::read(root().join("evidence/examples/answers.yaml")).expect("answers");
    assert!(m["inputs"]
        .as_array()
        .expect("inputs")
        .iter()
        .any(|i| i["role"] == "answers" && i["sha256"] == shoko::text::sha256_hex(&answers)));
    for f in m["files"].as_array().expect("files") {
        let b =
            std::fs::read(out.join("pack").join(f["path"].as_str().expect("path"))).expect("file");
        assert_eq!(f["size"], b.len());
        assert_eq!(f["sha256"], shoko::text::sha256_hex(&b));
    }
    // The zip holds the same files under pack/, manifest included.
    let zipped = unzip(&std::fs::read(out.join("pack.zip")).expect("zip"));
    let zipped_names: Vec<String> = zipped.iter().map(|(n, _)| n.clone()).collect();
    let expected: Vec<String> = names.iter().map(|n| format!("pack/{n}")).collect();
    assert_eq!(zipped_names, expected);

    for target in [out.join("pack"), out.join("pack.zip"), out.clone()] {
        let (code, msg) = verify(&target);
        assert_eq!(code, 0, "{msg}");
        assert!(msg.contains("ok:"), "{msg}");
        assert!(msg.contains("7 file(s) match"), "{msg}");
    }
}

#[test]
fn verify_catches_an_altered_byte_a_removed_file_and_an_added_file_in_a_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = build_example(dir.path(), "md,pack", &[]);
    let pack = out.join("pack");

    let claims = pack.join("claims.json");
    let mut b = std::fs::read(&claims).expect("claims");
    b[10] ^= 0x01;
    std::fs::write(&claims, &b).expect("write");
    let (code, msg) = verify(&pack);
    assert_eq!(code, 1, "{msg}");
    assert!(msg.contains("altered: claims.json"), "{msg}");
    b[10] ^= 0x01;
    std::fs::write(&claims, &b).expect("write");
    assert_eq!(verify(&pack).0, 0);

    std::fs::remove_file(pack.join("gaps.csv")).expect("rm");
    let (code, msg) = verify(&pack);
    assert_eq!(code, 1, "{msg}");
    assert!(msg.contains("missing: gaps.csv"), "{msg}");

    std::fs::write(pack.join("documents/notes.txt"), b"trust me").expect("add");
    let (code, msg) = verify(&pack);
    assert_eq!(code, 1);
    assert!(msg.contains("extra: documents/notes.txt"), "{msg}");
    assert!(
        msg.contains("missing: gaps.csv"),
        "both problems are listed: {msg}"
    );
    assert!(msg.contains("2 problem(s)"), "{msg}");

    // A symbolic link is not followed: it could point anywhere.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("/etc/hostname", pack.join("documents/link")).expect("symlink");
        let (code, msg) = verify(&pack);
        assert_eq!(code, 1);
        assert!(
            msg.contains("unsafe: documents/link (a symbolic link"),
            "{msg}"
        );
    }
}

#[test]
fn verify_catches_an_altered_byte_a_removed_file_and_an_added_file_in_a_zip() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = build_example(dir.path(), "md,pack", &[]);
    let original = unzip(&std::fs::read(out.join("pack.zip")).expect("zip"));
    let check = |entries: Vec<(String, Vec<u8>)>, expect: &str| {
        let p = dir.path().join("tampered.zip");
        std::fs::write(&p, rezip(&entries)).expect("write zip");
        let (code, msg) = verify(&p);
        assert_eq!(code, 1, "{msg}");
        assert!(msg.contains(expect), "expected `{expect}` in: {msg}");
    };

    let mut altered = original.clone();
    let q = altered
        .iter_mut()
        .find(|(n, _)| n == "pack/questionnaire.csv")
        .expect("csv entry");
    let last = q.1.len() - 3;
    q.1[last] ^= 0x20;
    check(altered, "altered: pack/questionnaire.csv");

    let removed: Vec<_> = original
        .iter()
        .filter(|(n, _)| n != "pack/gaps.csv")
        .cloned()
        .collect();
    check(removed, "missing: pack/gaps.csv");

    let mut added = original.clone();
    added.push(("pack/extra.json".into(), b"{}".to_vec()));
    check(added, "extra: pack/extra.json");

    // A second "pack" with its own manifest beside ours is extra, not a decoy.
    let mut decoy = original.clone();
    decoy.push(("other/manifest.json".into(), br#"{"files":[]}"#.to_vec()));
    check(decoy, "extra: other/manifest.json");

    // The untouched entries, re-zipped by another tool, still verify: the
    // hashes are of the files, not of the archive.
    let p = dir.path().join("rezipped.zip");
    std::fs::write(&p, rezip(&original)).expect("write");
    assert_eq!(verify(&p).0, 0);
}

#[test]
fn a_zip_with_a_parent_or_absolute_entry_is_rejected_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = build_example(dir.path(), "md,pack", &[]);
    let mut entries = unzip(&std::fs::read(out.join("pack.zip")).expect("zip"));
    entries.push(("../escaped.txt".into(), b"gotcha".to_vec()));
    entries.push(("pack/../../escaped2.txt".into(), b"gotcha".to_vec()));
    entries.push(("/tmp/absolute.txt".into(), b"gotcha".to_vec()));
    let inner = dir.path().join("a/b");
    std::fs::create_dir_all(&inner).expect("mkdir");
    let p = inner.join("evil.zip");
    std::fs::write(&p, rezip(&entries)).expect("write");

    let o = shoko(&["verify", "evil.zip"], &inner);
    let msg = text(&o);
    assert_eq!(o.status.code(), Some(1), "{msg}");
    assert!(msg.contains("unsafe: ../escaped.txt"), "{msg}");
    assert!(msg.contains("unsafe: pack/../../escaped2.txt"), "{msg}");
    assert!(msg.contains("unsafe: /tmp/absolute.txt"), "{msg}");
    assert!(
        msg.contains("3 problem(s)"),
        "only the unsafe entries are wrong: {msg}"
    );
    assert!(!dir.path().join("a/escaped.txt").exists());
    assert!(!dir.path().join("escaped2.txt").exists());
    let names: Vec<String> = tree(dir.path().join("a").as_path())
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    assert_eq!(names, ["b/evil.zip"], "verify wrote nothing");
}

#[test]
fn verify_reports_what_it_cannot_check_with_exit_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("not.zip"), b"hello").expect("write");
    let (code, msg) = verify(&dir.path().join("not.zip"));
    assert_eq!(code, 2, "{msg}");
    assert!(msg.contains("not a readable zip archive"), "{msg}");

    let (code, msg) = verify(&dir.path().join("absent"));
    assert_eq!(code, 2, "{msg}");
    assert!(msg.contains("cannot read"), "{msg}");

    std::fs::create_dir_all(dir.path().join("empty")).expect("mkdir");
    let (code, msg) = verify(&dir.path().join("empty"));
    assert_eq!(code, 2, "{msg}");
    assert!(msg.contains("no manifest.json"), "{msg}");

    std::fs::create_dir_all(dir.path().join("broken")).expect("mkdir");
    std::fs::write(
        dir.path().join("broken/manifest.json"),
        br#"{"files":[{"path":"../x","size":1,"sha256":"00"}]}"#,
    )
    .expect("write");
    let (code, msg) = verify(&dir.path().join("broken"));
    assert_eq!(code, 2, "{msg}");
    assert!(msg.contains("manifest"), "{msg}");
}

#[test]
fn claims_json_matches_the_golden_file_and_its_schema() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = build_example(dir.path(), "pack", &[]);
    let text = std::fs::read_to_string(out.join("pack/claims.json")).expect("claims");
    insta::assert_snapshot!("example_claims_json", text);

    let claims: serde_json::Value = serde_json::from_str(&text).expect("json");
    let schema: serde_json::Value = serde_json::from_slice(
        &std::fs::read(root().join("schema/claims.schema.json")).expect("schema"),
    )
    .expect("schema json");
    let v = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> = v
        .iter_errors(&claims)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");

    // The schema is not a rubber stamp: a claim without provenance fails.
    let mut broken = claims.clone();
    broken["claims"][0]
        .as_object_mut()
        .expect("claim")
        .remove("provenance");
    assert!(!v.is_valid(&broken));

    // Every claim has a provenance and resolvable citations.
    let numbers: Vec<u64> = claims["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .map(|s| s["number"].as_u64().expect("number"))
        .collect();
    for c in claims["claims"].as_array().expect("claims") {
        for n in c["citations"].as_array().expect("citations") {
            assert!(numbers.contains(&n.as_u64().expect("n")), "{c}");
        }
    }
}

#[test]
fn questionnaire_answers_follow_the_example_verdicts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = build_example(dir.path(), "pack", &[]);
    let rows = csv_rows(&out.join("pack/questionnaire.csv"));
    assert_eq!(
        rows[0][..5],
        [
            "Question ID",
            "Question, in shoko's words (Japanese; not the CSA's text)",
            "Question, in shoko's words (not the CSA's text)",
            "CSP CAIQ Answer",
            "SSRM Control Ownership"
        ]
    );
    let ids: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        ids,
        [
            "DSP-19.1", "DSP-16.1", "DSP-02.1", "IAM-01.1", "IAM-05.1", "IAM-06.1", "IAM-08.1",
            "IAM-16.1", "CEK-03.1", "CEK-08.1", "DSP-10.1", "LOG-02.1", "LOG-07.1", "DSP-17.1"
        ]
    );
    let col = |name: &str| {
        rows[0]
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    };
    let (answer, status, reqs, desc_en, desc_ja, evidence, iso) = (
        col("CSP CAIQ Answer"),
        col("Status"),
        col("Requirements"),
        col("CSP Implementation Description"),
        col("CSP Implementation Description (Japanese)"),
        col("Evidence references (pack file and SHA-256)"),
        col("ISO/IEC 27001:2022 Annex A"),
    );

    // Retention: RET-01 (delete contact records after 6 months) is a gap.
    let dsp16 = row(&rows, "DSP-16.1");
    assert_eq!(dsp16[answer], "No");
    assert_eq!(dsp16[status], "gap");
    assert!(
        dsp16[desc_en].starts_with("No: gap found (RET-01, "),
        "{}",
        dsp16[desc_en]
    );
    assert!(dsp16[reqs].contains("RET-01") && dsp16[reqs].contains("DEL-01"));
    assert!(
        dsp16[desc_en].contains("RET-01 · Contact records: Gap (Negotiate)"),
        "{}",
        dsp16[desc_en]
    );
    assert!(
        dsp16[desc_ja].contains("RET-01・問い合わせ記録"),
        "{}",
        dsp16[desc_ja]
    );
    assert!(
        !dsp16[desc_en].contains('`'),
        "Markdown is stripped for cells"
    );
    assert_eq!(dsp16[iso], "5.33, 8.10");
    // Evidence points at pack files by hash.
    let claims = std::fs::read(out.join("pack/claims.json")).expect("claims");
    assert!(
        dsp16[evidence].contains(&format!(
            "claims.json sha256:{}",
            shoko::text::sha256_hex(&claims)
        )),
        "{}",
        dsp16[evidence]
    );
    assert!(dsp16[evidence].contains("contact-records/retention"));
    assert!(dsp16[evidence].contains("gaps.csv sha256:"));

    // Logging (LOG-01) is met. Deletion on request (DEL-01) rests on the
    // bucket's versioning and Object Lock state, which only live evidence
    // shows: review, and a review never answers Yes.
    assert_eq!(row(&rows, "DSP-02.1")[answer], "No");
    assert_eq!(row(&rows, "DSP-02.1")[status], "review");
    assert_eq!(row(&rows, "LOG-07.1")[answer], "Yes");
    assert_eq!(row(&rows, "LOG-02.1")[status], "met");
    // Customer-managed keys everywhere (ENC-01) is a gap.
    assert_eq!(row(&rows, "CEK-08.1")[answer], "No");
    assert_eq!(row(&rows, "CEK-08.1")[status], "gap");
    // SRTP against "TLS 1.2 or later" needs review: No until reviewed.
    let dsp10 = row(&rows, "DSP-10.1");
    assert_eq!(
        (dsp10[answer].as_str(), dsp10[status].as_str()),
        ("No", "review")
    );
    assert!(
        dsp10[desc_en].starts_with("No until reviewed"),
        "{}",
        dsp10[desc_en]
    );
    // Regions not known for every category: unverified, No.
    let dsp19 = row(&rows, "DSP-19.1");
    assert_eq!(
        (dsp19[answer].as_str(), dsp19[status].as_str()),
        ("No", "unverified")
    );
    // No requirement concerns access control: described, answered No, flagged.
    let iam = row(&rows, "IAM-16.1");
    assert_eq!(
        (
            iam[answer].as_str(),
            iam[status].as_str(),
            iam[reqs].as_str()
        ),
        ("No", "review", "")
    );
    assert!(iam[desc_en].contains("no requirement concerns this control"));
    assert!(
        iam[desc_en].contains("Contact search - View"),
        "claims describe it: {}",
        iam[desc_en]
    );
    assert!(iam[col("IPA Non-Functional Requirements Grade")].starts_with("E.5 "));
    // Every message resolved, in both languages.
    let all = std::fs::read_to_string(out.join("pack/questionnaire.csv")).expect("csv");
    assert!(!all.contains('⟦'), "a message id is missing");
    assert!(row(&rows, "CEK-03.1")[desc_ja].contains("ENC-01・"));
}

#[test]
fn gaps_csv_has_one_row_per_requirement_and_category() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = build_example(dir.path(), "pack", &[]);
    let rows = csv_rows(&out.join("pack/gaps.csv"));
    assert_eq!(rows[0], shoko::pack::gaps::HEADER);
    let claims: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("pack/claims.json")).expect("claims"))
            .expect("json");
    assert_eq!(
        rows.len() - 1,
        claims["verdicts"].as_array().expect("v").len()
    );
    let ret01 = rows
        .iter()
        .find(|r| r[0] == "RET-01" && r[1] == "contact-records")
        .expect("RET-01 row");
    assert_eq!(&ret01[2..6], ["retention", "must", "gap", "negotiate"]);
    assert!(ret01[10].contains("24か月"), "{}", ret01[10]);
    assert!(ret01[11].contains("at most 6 months"), "{}", ret01[11]);
    assert_eq!(ret01[12], "contact-records/retention");
    assert!(
        ret01[13]
            .contains("https://docs.aws.amazon.com/connect/latest/adminguide/ctr-data-model.html"),
        "{}",
        ret01[13]
    );
    let ret03 = rows.iter().find(|r| r[0] == "RET-03").expect("RET-03 row");
    // 365 days against "at least 1 year" depends on the start date (DESIGN.md, Durations).
    assert_eq!(ret03[4], "review");
    assert!(
        ret03[13].contains("answers.yaml:"),
        "declared: {}",
        ret03[13]
    );
}

#[test]
fn the_workbook_opens_with_the_caiq_sheet_and_frozen_bilingual_headers() {
    use calamine::{open_workbook, Data, Reader, Xlsx};
    let dir = tempfile::tempdir().expect("tempdir");
    let out = build_example(dir.path(), "pack", &[]);
    let path = out.join("pack/questionnaire.xlsx");
    let mut wb: Xlsx<_> = open_workbook(&path).expect("xlsx opens");
    assert_eq!(wb.sheet_names(), ["CAIQ v4", "非機能要求グレード"]);
    let range = wb.worksheet_range("CAIQ v4").expect("sheet");
    let cell = |r: usize, c: usize| match range.get((r, c)) {
        Some(Data::String(s)) => s.clone(),
        other => panic!("cell {r},{c}: {other:?}"),
    };
    assert_eq!(cell(0, 0), "Question ID");
    assert_eq!(cell(0, 3), "CSP CAIQ Answer");
    assert_eq!(cell(0, 4), "SSRM Control Ownership");
    assert_eq!(cell(1, 0), "質問ID");
    assert_eq!(cell(1, 3), "回答");
    // Same rows as the CSV.
    let rows = csv_rows(&out.join("pack/questionnaire.csv"));
    assert_eq!(range.height(), rows.len() + 1);
    for (i, r) in rows[1..].iter().enumerate() {
        for (c, v) in r.iter().enumerate() {
            let got = match range.get((i + 2, c)) {
                Some(Data::String(s)) => s.clone(),
                Some(Data::Empty) | None => String::new(),
                other => panic!("{other:?}"),
            };
            assert_eq!(&got, v, "row {} col {c}", r[0]);
        }
    }
    // Frozen header rows and wrapped text, as the sheet's XML says.
    let mut z = zip::ZipArchive::new(std::fs::File::open(&path).expect("open")).expect("zip");
    let mut sheet = String::new();
    z.by_name("xl/worksheets/sheet1.xml")
        .expect("sheet xml")
        .read_to_string(&mut sheet)
        .expect("read");
    assert!(
        sheet.contains(r#"ySplit="2""#) && sheet.contains(r#"state="frozen""#),
        "{sheet:.400}"
    );
    assert!(sheet.contains("<cols>"), "column widths are set");
    let mut styles = String::new();
    z.by_name("xl/styles.xml")
        .expect("styles")
        .read_to_string(&mut styles)
        .expect("read");
    assert!(styles.contains(r#"wrapText="1""#));
    assert!(
        sheet.contains(r#"<dataValidation type="list""#) && sheet.contains("Yes,No,NA"),
        "the answer column offers Yes, No, NA"
    );
}

#[test]
fn redaction_leaves_no_account_id_in_any_file_of_the_pack() {
    let dir = tempfile::tempdir().expect("tempdir");
    // Without --redact the example's KMS key ARN carries the account ID.
    let plain = build_example(dir.path(), "md,pack", &[]);
    let claims = std::fs::read_to_string(plain.join("pack/claims.json")).expect("claims");
    assert!(claims.contains("111122223333"));
    std::fs::rename(&plain, dir.path().join("plain")).expect("mv");

    let out = build_example(dir.path(), "md,pdf,pack", &["--redact", "account-ids"]);
    let mut checked = 0;
    let mut texts: Vec<(String, String)> = Vec::new();
    for (name, bytes) in tree(&out) {
        if name.ends_with(".zip") {
            for (n, b) in unzip(&bytes) {
                texts.extend(contents(&format!("{name}:{n}"), &b));
            }
        } else {
            texts.extend(contents(&name, &bytes));
        }
    }
    for (name, t) in &texts {
        checked += 1;
        assert!(!t.contains("111122223333"), "{name}");
        if !name.ends_with("(joined)") {
            assert!(
                account_ids(t).is_empty(),
                "{name} holds {:?}",
                account_ids(t)
            );
        }
    }
    assert!(
        checked >= 20,
        "every file, zipped or not, was read ({checked})"
    );
    assert!(claims_contains(
        &out,
        "arn:aws:kms:ap-northeast-1:xxxxxxxxxxxx:key/"
    ));
    let m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("pack/manifest.json")).expect("manifest"))
            .expect("json");
    assert_eq!(m["redaction"]["applied"], true);
    assert_eq!(m["redaction"]["kinds"], serde_json::json!(["account-ids"]));
    let (code, msg) = verify(&out.join("pack.zip"));
    assert_eq!(code, 0, "{msg}");
    assert!(msg.contains("redacted"), "{msg}");

    let o = shoko(
        &["build", "--example", "--redact", "names", "--out", "x"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o).contains("unknown value `names` for --redact"),
        "{}",
        text(&o)
    );
}

fn claims_contains(out: &Path, s: &str) -> bool {
    std::fs::read_to_string(out.join("pack/claims.json"))
        .expect("claims")
        .contains(s)
}

/// The text of a file: itself, every cell of a workbook, the text of a PDF.
fn contents(name: &str, bytes: &[u8]) -> Vec<(String, String)> {
    if name.ends_with(".pdf") {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("x.pdf");
        std::fs::write(&p, bytes).expect("write pdf");
        let t = common::tool("pdftotext", &[p.to_str().expect("path"), "-"]);
        // Long ARNs wrap: look at the text without its line breaks too.
        let joined: String = t.split_whitespace().collect();
        return vec![(name.to_string(), t), (format!("{name} (joined)"), joined)];
    }
    if name.ends_with(".xlsx") {
        use calamine::{Reader, Xlsx};
        let mut wb = Xlsx::new(std::io::Cursor::new(bytes.to_vec())).expect("xlsx");
        let mut cells = String::new();
        for s in wb.sheet_names() {
            let r = wb.worksheet_range(&s).expect("sheet");
            for row in r.rows() {
                for c in row {
                    cells.push_str(&c.to_string());
                    cells.push('\n');
                }
            }
        }
        // The raw XML too (shared strings, properties).
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
        for i in 0..z.len() {
            let mut e = z.by_index(i).expect("entry");
            e.read_to_string(&mut cells).expect("xml");
        }
        vec![(name.to_string(), cells)]
    } else {
        vec![(
            name.to_string(),
            String::from_utf8(bytes.to_vec()).expect("text file"),
        )]
    }
}

#[test]
fn two_runs_give_identical_pack_zip_bytes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = build_example(dir.path(), "md,pdf,pack", &[]);
    std::fs::rename(&a, dir.path().join("a")).expect("mv");
    let b = build_example(dir.path(), "md,pdf,pack", &[]);
    let za = std::fs::read(dir.path().join("a/pack.zip")).expect("a");
    let zb = std::fs::read(b.join("pack.zip")).expect("b");
    assert!(za == zb, "pack.zip differs between runs");
    assert_eq!(tree(&dir.path().join("a")), tree(&b));
    // The PDFs of the run are in the pack too.
    let names: Vec<String> = unzip(&zb).into_iter().map(|(n, _)| n).collect();
    assert!(
        names.contains(&"pack/documents/ja/nfr.pdf".to_string()),
        "{names:?}"
    );
    // A different as-of changes the zip (its timestamps and manifest).
    let o = shoko(
        &[
            "build",
            "--example",
            "--format",
            "pack",
            "--as-of",
            "2026-12-01",
            "--out",
            "c",
        ],
        dir.path(),
    );
    assert!(o.status.success(), "{}", text(&o));
    assert_ne!(std::fs::read(dir.path().join("c/pack.zip")).expect("c"), zb);
}

#[test]
fn raw_observations_are_carried_masked_and_private() {
    use shoko::assets::Assets;
    use shoko::pack::RawObservation;
    let assets = Assets::default();
    let catalog = shoko::load_catalog(&assets).expect("catalog");
    let i18n = shoko::i18n::I18n::load(&assets).expect("locales");
    let r = shoko::InputText::builtin(&assets, "evidence/examples/requirements.yaml");
    let a = shoko::InputText::builtin(&assets, "evidence/examples/answers.yaml");
    let inputs = shoko::load_inputs(&catalog, r.as_ref(), a.as_ref()).expect("inputs");
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).expect("date");
    let report = shoko::build_report(&catalog, &i18n, &inputs, &Default::default(), date);
    let raw = br#"{"StorageConfigs":[{"S3Config":{"BucketName":"rec-111122223333"},"Owner":"444455556666"}]}"#;
    let opts = shoko::RenderOptions {
        langs: vec![],
        formats: vec![shoko::Format::Pack],
        redaction: shoko::pack::Redaction { account_ids: true },
        observations: vec![RawObservation {
            path: "connect/obs-0001.json".into(),
            bytes: raw.to_vec(),
        }],
        max_age_days: None,
        sign_key: None,
    };
    let files = shoko::render_with(&report, &i18n, &assets, &opts).expect("pack");
    let obs = files
        .iter()
        .find(|f| f.path == "pack/observations/connect/obs-0001.json")
        .expect("observation carried");
    assert!(obs.private);
    let body = String::from_utf8(obs.bytes.clone()).expect("utf8");
    assert_eq!(
        body,
        r#"{"StorageConfigs":[{"S3Config":{"BucketName":"rec-xxxxxxxxxxxx"},"Owner":"xxxxxxxxxxxx"}]}"#
    );
    let zip = files.iter().find(|f| f.path == "pack.zip").expect("zip");
    assert!(zip.private, "the zip carries raw observations");
    assert!(files
        .iter()
        .filter(|f| !f.path.contains("observations/") && f.path != "pack.zip")
        .all(|f| !f.private));

    // Written through the atomic writer, the files are owner-only.
    let dir = tempfile::tempdir().expect("tempdir");
    shoko::output::replace_dir(&dir.path().join("out"), &files).expect("write");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &str| {
            std::fs::metadata(dir.path().join("out").join(p))
                .expect("meta")
                .permissions()
                .mode()
                & 0o777
        };
        assert_eq!(mode("pack/observations/connect/obs-0001.json"), 0o600);
        assert_eq!(mode("pack.zip"), 0o600);
    }
    let (code, msg) = verify(&dir.path().join("out/pack.zip"));
    assert_eq!(code, 0, "{msg}");
    let m: serde_json::Value = serde_json::from_slice(
        &std::fs::read(dir.path().join("out/pack/manifest.json")).expect("manifest"),
    )
    .expect("json");
    assert_eq!(m["observations"]["files"], 1);

    // A path that would leave the pack is refused.
    let bad = shoko::RenderOptions {
        observations: vec![RawObservation {
            path: "../x.json".into(),
            bytes: b"{}".to_vec(),
        }],
        ..opts
    };
    let e = shoko::render_with(&report, &i18n, &assets, &bad).expect_err("refused");
    assert!(e.to_string().contains("../x.json"), "{e}");
}

#[test]
fn a_broken_framework_mapping_is_reported_with_its_position_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ev = dir.path().join("ov/evidence");
    std::fs::create_dir_all(&ev).expect("mkdir");
    let good = std::fs::read_to_string(root().join("evidence/frameworks.yaml")).expect("yaml");
    let bad = good.replacen(
        "properties: [retention, retention.configurable]",
        "properties: [retension, retention.configurable]",
        1,
    );
    assert_ne!(good, bad);
    std::fs::write(ev.join("frameworks.yaml"), bad).expect("write");
    let o = shoko(
        &[
            "build",
            "--example",
            "--format",
            "md,pack",
            "--assets",
            "ov",
            "--out",
            "out",
        ],
        dir.path(),
    );
    let msg = text(&o);
    assert_eq!(o.status.code(), Some(2), "{msg}");
    assert!(msg.contains("frameworks.yaml"), "{msg}");
    assert!(msg.contains("unknown property `retension`"), "{msg}");
    assert!(msg.contains("retention"), "a did-you-mean hint: {msg}");
    assert!(!dir.path().join("out").exists(), "nothing was written");
}
