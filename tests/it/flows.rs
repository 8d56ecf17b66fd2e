//! Flow privacy analysis through the command line: LOG-01 of the example
//! resolves from exported flows, and flow evidence beats the declared answer.

use crate::common::{root, scratch, shoko, text, AS_OF};

fn flows_dir(names: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for n in names {
        std::fs::copy(
            root().join("tests/fixtures/flows").join(n),
            dir.path().join(n),
        )
        .expect("copy fixture");
    }
    dir
}

fn model(dir: &std::path::Path, flows: &std::path::Path) -> serde_json::Value {
    let o = shoko(
        &[
            "build",
            "-r",
            "requirements.yaml",
            "-a",
            "answers.yaml",
            "--format",
            "md",
            "--as-of",
            AS_OF,
            "--out",
            "out",
            "--flows",
            flows.to_str().expect("path"),
            "--dump-model",
            "model.json",
        ],
        dir,
    );
    assert!(o.status.success(), "{}", text(&o));
    serde_json::from_slice(&std::fs::read(dir.join("model.json")).expect("model")).expect("json")
}

fn log01(m: &serde_json::Value) -> &serde_json::Value {
    m["requirements"]
        .as_array()
        .and_then(|a| a.iter().find(|r| r["id"] == "LOG-01"))
        .expect("LOG-01")
}

#[test]
fn a_logged_card_number_turns_log01_into_a_gap_despite_the_declaration() {
    let dir = scratch();
    let flows = flows_dir(&[
        "input_stored_logging_on.json",
        "safe_logging_off_before_card.json",
    ]);
    let m = model(dir.path(), flows.path());
    let v = &log01(&m)["verdicts"][0];
    assert_eq!(v["status"], "gap");
    assert_eq!(v["remedy"], "configure");
    let claim = m["categories"]
        .as_array()
        .and_then(|c| c.iter().find(|c| c["id"] == "flow-logs"))
        .and_then(|c| c["claims"].as_array())
        .and_then(|c| c.iter().find(|x| x["property"] == "sensitive-input-logged"))
        .expect("claim");
    assert_eq!(
        claim["provenance"], "observed",
        "flow evidence beats the declared answer"
    );
    assert_eq!(claim["value"]["value"], true);
    let findings = m["flows"]["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0]["block_id"], "card-input");
    assert_eq!(findings[0]["kind"], "stored-input-unencrypted");
    let md = std::fs::read_to_string(dir.path().join("out/en/nfr.md")).expect("md");
    assert!(
        md.contains("Card number")
            && md.contains("Put a Set logging behavior block set to Disabled before this block"),
        "the document lists the finding with its remedy"
    );
    let ja = std::fs::read_to_string(dir.path().join("out/ja/nfr.md")).expect("md");
    assert!(
        ja.contains("「ログ記録動作の設定」ブロック"),
        "the Japanese document lists the remedy"
    );
    // Every flow is cited with its file and hash.
    let sources = m["sources"].as_array().expect("sources");
    assert_eq!(sources.iter().filter(|s| s["kind"] == "flow").count(), 2);
}

#[test]
fn safe_flows_meet_log01_from_observed_evidence() {
    let dir = scratch();
    let flows = flows_dir(&["safe_logging_off_before_card.json", "encrypted_input.json"]);
    let m = model(dir.path(), flows.path());
    let v = &log01(&m)["verdicts"][0];
    assert_eq!(v["status"], "met");
    assert!(
        v["explanation"]["en"]
            .as_str()
            .is_some_and(|s| s.contains("the analysis of 2 exported flows")),
        "{v:#?}"
    );
}

fn build(dir: &std::path::Path, flows: &std::path::Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "build",
        "-r",
        "requirements.yaml",
        "-a",
        "answers.yaml",
        "--format",
        "md",
        "--as-of",
        AS_OF,
        "--out",
        "out",
        "--flows",
        flows.to_str().expect("path"),
        "--dump-model",
        "model.json",
    ];
    args.extend_from_slice(extra);
    shoko(&args, dir)
}

fn read_model(dir: &std::path::Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(dir.join("model.json")).expect("model")).expect("json")
}

#[test]
fn a_flow_that_cannot_be_read_is_bad_input_and_nothing_is_written() {
    let dir = scratch();
    let flows = flows_dir(&["truncated.json", "input_stored_logging_on.json"]);
    let o = build(dir.path(), flows.path(), &[]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(
        text(&o).contains("error[F003]: ") && text(&o).contains("truncated.json:23:16: $:"),
        "{}",
        text(&o)
    );
    assert!(!dir.path().join("out").exists(), "no partial output");
    assert!(!dir.path().join("model.json").exists(), "no partial output");
    // `check` refuses the set the same way.
    let o = shoko(
        &["check", "--flows", flows.path().to_str().expect("path")],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o).contains("error[F003]: ") && !text(&o).contains("error: error["),
        "{}",
        text(&o)
    );
}

#[test]
fn no_flow_to_analyse_is_bad_input_not_a_met_from_the_declaration() {
    let dir = scratch();
    let flows = tempfile::tempdir().expect("tempdir");
    let o = build(dir.path(), flows.path(), &[]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("no flow to analyse"), "{}", text(&o));
    assert!(!dir.path().join("out").exists());
}

#[test]
fn an_entry_shoko_cannot_see_makes_log01_review_and_the_assumption_decides() {
    let dir = scratch();
    let flows = flows_dir(&["entry_unknown_card.json"]);
    let o = build(dir.path(), flows.path(), &[]);
    assert!(o.status.success(), "{}", text(&o));
    let m = read_model(dir.path());
    let v = &log01(&m)["verdicts"][0];
    assert_eq!(v["status"], "review", "{v:#?}");
    let note = m["flows"]["default_note"]["en"].as_str().expect("note");
    assert!(
        note.contains("Set logging behavior block enabled them"),
        "{note}"
    );
    assert!(note.contains("possibly on"), "{note}");
    let claim_text = serde_json::to_string(&m["categories"]).expect("json");
    assert!(claim_text.contains("check whether logging is on where these flows are entered"));
    let findings = m["flows"]["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 1);
    assert!(findings[0]["kind_label"]["en"]
        .as_str()
        .is_some_and(|s| s.contains("(payment card)")));

    for (state, want) in [("enabled", "gap"), ("disabled", "met")] {
        let dir = scratch();
        let o = build(dir.path(), flows.path(), &["--flow-logging", state]);
        assert!(o.status.success(), "{}", text(&o));
        let m = read_model(dir.path());
        assert_eq!(
            log01(&m)["verdicts"][0]["status"],
            want,
            "--flow-logging {state}"
        );
        assert!(m["flows"]["default_note"]["en"]
            .as_str()
            .is_some_and(|s| s.contains(&format!("--flow-logging {state}"))));
    }
}

#[test]
fn legacy_and_wrapped_flows_are_analysed_with_classes_and_unresolved_transfers_listed() {
    let dir = scratch();
    let flows = flows_dir(&["legacy_pin_change.json", "wrapped_content.json"]);
    let o = build(dir.path(), flows.path(), &[]);
    assert!(o.status.success(), "{}", text(&o));
    let m = read_model(dir.path());
    // Both flows enable logging themselves: certain, so a gap.
    assert_eq!(log01(&m)["verdicts"][0]["status"], "gap");
    let labels: Vec<&str> = m["flows"]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["kind_label"]["en"].as_str())
        .collect();
    assert!(
        labels.iter().any(|l| l.contains("(authentication secret)")),
        "{labels:?}"
    );
    assert!(
        labels.iter().any(|l| l.contains("(national ID)")),
        "{labels:?}"
    );
    let note = m["flows"]["default_note"]["en"].as_str().expect("note");
    assert!(
        note.contains("PIN change (2018) / m-transfer → Goodbye flow"),
        "{note}"
    );
    let md = std::fs::read_to_string(dir.path().join("out/en/nfr.md")).expect("md");
    assert!(
        md.contains("Goodbye flow"),
        "the document lists the unresolved transfer"
    );
}
