//! The command line as a user meets it: exit codes, diagnostics, output
//! folder behaviour, determinism and golden documents.

use crate::common::{build_example, root, scratch, shoko, text, tree, AS_OF};

#[test]
fn example_builds_markdown_golden_in_both_languages() {
    let dir = tempfile::tempdir().expect("tempdir");
    build_example(dir.path(), "md", &[]);
    let ja = std::fs::read_to_string(dir.path().join("out/ja/nfr.md")).expect("ja/nfr.md");
    let en = std::fs::read_to_string(dir.path().join("out/en/nfr.md")).expect("en/nfr.md");
    insta::assert_snapshot!("example_ja_nfr_md", ja);
    insta::assert_snapshot!("example_en_nfr_md", en);
}

#[test]
fn same_inputs_and_as_of_give_identical_bytes() {
    let dir = scratch();
    let args = |out: &'static str| {
        [
            "build",
            "-r",
            "requirements.yaml",
            "-a",
            "answers.yaml",
            "--as-of",
            AS_OF,
            "--out",
            out,
        ]
    };
    let a = shoko(&args("a"), dir.path());
    let b = shoko(&args("b"), dir.path());
    assert!(
        a.status.success() && b.status.success(),
        "{}{}",
        text(&a),
        text(&b)
    );
    let ta = tree(&dir.path().join("a"));
    let tb = tree(&dir.path().join("b"));
    let names: Vec<&str> = ta.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["en/nfr.md", "en/nfr.pdf", "ja/nfr.md", "ja/nfr.pdf"]
    );
    assert_eq!(ta, tb, "two runs differ");
}

#[test]
fn bad_input_reports_every_problem_and_leaves_out_untouched() {
    let dir = scratch();
    std::fs::create_dir_all(dir.path().join("out/ja")).expect("mkdir");
    std::fs::write(dir.path().join("out/ja/nfr.md"), "previous run\n").expect("write");
    std::fs::write(dir.path().join("out/keep.txt"), "mine\n").expect("write");
    let before = tree(&dir.path().join("out"));
    let bad = "customer:\n  name: { ja: 株式会社, en: Corp }\n  system: { ja: 基盤, en: Platform }\nrequirements:\n  - id: R1\n    title: { ja: 録音, en: Recordings }\n    category: call-recording\n    property: retention\n    expect: { at_least: 6 monthz }\n  - id: R2\n    title: { ja: 鍵, en: Keys }\n    category: \"*\"\n    property: encryption.at-rest.key\n    expct: { one_of: [customer-managed] }\n";
    std::fs::write(dir.path().join("bad.yaml"), bad).expect("write");
    let o = shoko(
        &[
            "build",
            "-r",
            "bad.yaml",
            "-a",
            "answers.yaml",
            "--as-of",
            AS_OF,
            "--out",
            "out",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    insta::assert_snapshot!("bad_requirements_diagnostics", err);
    assert!(
        err.contains("bad.yaml:7:15: unknown category `call-recording`"),
        "{err}"
    );
    assert!(err.contains("did you mean `call-recordings`?"), "{err}");
    assert!(err.contains("bad.yaml:9:25"), "{err}");
    assert!(
        err.contains("6ヶ月"),
        "the duration hint lists the accepted forms: {err}"
    );
    assert!(
        err.contains("unknown key `expct`") && err.contains("did you mean `expect`?"),
        "{err}"
    );
    assert_eq!(
        tree(&dir.path().join("out")),
        before,
        "out/ changed after a failed run"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("ls")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".shoko"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "temporary folders left behind: {leftovers:?}"
    );
}

#[test]
fn check_accepts_the_example_and_rejects_unknown_keys_in_answers() {
    let dir = scratch();
    let o = shoko(
        &["check", "-r", "requirements.yaml", "-a", "answers.yaml"],
        dir.path(),
    );
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        text(&o).contains("ok: 10 requirement(s), 8 answer(s)"),
        "{}",
        text(&o)
    );
    std::fs::write(dir.path().join("a2.yaml"), "answers:\n  - category: flow-logs\n    property: retention\n    value: 90 days\n    notes: typo\n").expect("write");
    let o = shoko(&["check", "-a", "a2.yaml"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o).contains("a2.yaml:5:5: unknown key `notes` in an answer"),
        "{}",
        text(&o)
    );
    assert!(text(&o).contains("did you mean `note`?"), "{}", text(&o));
}

#[test]
fn non_utf8_and_missing_files_are_clear_errors() {
    let dir = scratch();
    std::fs::write(
        dir.path().join("sjis.yaml"),
        b"answers:\n  - note: \x82\xa0\n",
    )
    .expect("write");
    let o = shoko(&["check", "-a", "sjis.yaml"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o).contains("sjis.yaml:2:11: the file is not UTF-8 text"),
        "{}",
        text(&o)
    );
    let o = shoko(&["check", "-r", "nope.yaml"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o).contains("nope.yaml") && text(&o).contains("cannot read the file"),
        "{}",
        text(&o)
    );
}

#[test]
fn init_writes_starters_that_check_accepts_and_never_overwrites() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = shoko(&["init", "starter"], dir.path());
    assert!(o.status.success(), "{}", text(&o));
    let req = std::fs::read_to_string(dir.path().join("starter/requirements.yaml"))
        .expect("requirements");
    assert!(
        req.contains("# ") && req.contains("要件") && req.contains("Durations"),
        "bilingual comments"
    );
    let o = shoko(
        &[
            "check",
            "-r",
            "starter/requirements.yaml",
            "-a",
            "starter/answers.yaml",
        ],
        dir.path(),
    );
    assert!(o.status.success(), "{}", text(&o));
    let o = shoko(&["init", "starter"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("already exists"), "{}", text(&o));
}

#[test]
fn dump_model_writes_the_report_with_stable_names() {
    let dir = tempfile::tempdir().expect("tempdir");
    build_example(dir.path(), "md", &["--dump-model", "model.json"]);
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("model.json")).expect("model"))
            .expect("json");
    assert_eq!(v["format"], "shoko.report/1");
    assert_eq!(v["as_of"], AS_OF);
    let ret01 = v["requirements"]
        .as_array()
        .and_then(|a| a.iter().find(|r| r["id"] == "RET-01"))
        .expect("RET-01");
    assert_eq!(ret01["verdicts"][0]["status"], "gap");
    assert_eq!(ret01["verdicts"][0]["remedy"], "negotiate");
    assert!(v["sources"].as_array().is_some_and(|s| s
        .iter()
        .any(|x| x["kind"] == "declaration" && x["line"] == 11)));
}

#[test]
fn fail_on_gap_exits_one_and_still_writes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = shoko(
        &[
            "build",
            "--example",
            "--format",
            "md",
            "--as-of",
            AS_OF,
            "--out",
            "out",
            "--fail-on",
            "gap",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(dir.path().join("out/en/nfr.md").exists());
    let o = shoko(
        &[
            "build",
            "--example",
            "--format",
            "md",
            "--out",
            "out",
            "--fail-on",
            "gaps",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_catalog_claim_without_a_source_fails_to_load() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cats = dir.path().join("evidence/categories");
    std::fs::create_dir_all(&cats).expect("mkdir");
    let original =
        std::fs::read_to_string(root().join("evidence/categories/02-contact-records.yaml"))
            .expect("catalog");
    // Drop every `sources:` line of the first claim's block.
    let patched = original.replacen("    sources:", "    source_dropped_by_test:", 1);
    std::fs::write(cats.join("02-contact-records.yaml"), patched).expect("write");
    let o = shoko(
        &[
            "build",
            "--example",
            "--format",
            "md",
            "--out",
            "out",
            "--assets",
            ".",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("02-contact-records.yaml"), "{}", text(&o));
    assert!(!dir.path().join("out").exists());
}

#[test]
fn user_templates_override_the_built_in_ones_and_errors_name_the_template() {
    let dir = tempfile::tempdir().expect("tempdir");
    let t = dir.path().join("templates/markdown");
    std::fs::create_dir_all(&t).expect("mkdir");
    std::fs::write(
        t.join("nfr.md.tera"),
        "{{ t[\"doc-title\"] }} / {{ customer.name | md }}\n",
    )
    .expect("write");
    let o = shoko(
        &[
            "build",
            "--example",
            "--format",
            "md",
            "--lang",
            "en",
            "--out",
            "out",
            "--assets",
            ".",
        ],
        dir.path(),
    );
    assert!(o.status.success(), "{}", text(&o));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out/en/nfr.md")).expect("md"),
        "Non-functional requirements: Amazon Connect data and security / Sample Bank Co., Ltd.\n"
    );
    std::fs::write(t.join("nfr.md.tera"), "line one\n{{ nope.missing }}\n").expect("write");
    let o = shoko(
        &[
            "build",
            "--example",
            "--format",
            "md",
            "--out",
            "out2",
            "--assets",
            ".",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o).contains("templates/markdown/nfr.md.tera"),
        "{}",
        text(&o)
    );
    let p = dir.path().join("templates/pdf");
    std::fs::create_dir_all(&p).expect("mkdir");
    std::fs::write(p.join("nfr.typ"), "= Title\n\n#let x = (1, 2\n").expect("write");
    let o = shoko(
        &[
            "build",
            "--example",
            "--format",
            "pdf",
            "--lang",
            "en",
            "--out",
            "out3",
            "--assets",
            ".",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o).contains("templates/pdf/nfr.typ:3:"),
        "{}",
        text(&o)
    );
}

#[test]
fn check_warns_of_requirements_that_cannot_both_hold_and_still_succeeds() {
    let dir = scratch();
    let o = shoko(
        &["check", "-r", "requirements.yaml", "-a", "answers.yaml"],
        dir.path(),
    );
    assert!(o.status.success(), "{}", text(&o));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("warning: RET-01 and RET-02 cannot both hold: no retention of contact-records meets both"),
        "{err}"
    );
    assert_eq!(err.matches("warning:").count(), 1, "{err}");
}
