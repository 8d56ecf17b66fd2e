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

#[test]
fn a_bad_flow_is_reported_and_the_others_still_count() {
    let dir = scratch();
    let flows = flows_dir(&["truncated.json", "input_stored_logging_on.json"]);
    let m = model(dir.path(), flows.path());
    assert_eq!(log01(&m)["verdicts"][0]["status"], "gap");
    let errors = m["flows"]["errors"].as_array().expect("errors");
    assert_eq!(errors.len(), 1);
    assert!(errors[0]["source"]
        .as_str()
        .is_some_and(|s| s.ends_with("truncated.json")));
    let md = std::fs::read_to_string(dir.path().join("out/en/nfr.md")).expect("md");
    assert!(
        md.contains("truncated.json"),
        "the document names the unreadable flow"
    );
    // `check` refuses the set, naming the file, position and JSON path.
    let o = shoko(
        &["check", "--flows", flows.path().to_str().expect("path")],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o).contains("truncated.json:23:16: $:"),
        "{}",
        text(&o)
    );
    // It leads with its code, as a loader's diagnostic does (book page F003).
    assert!(
        text(&o).contains("error[F003]: ") && !text(&o).contains("error: error["),
        "{}",
        text(&o)
    );
}

#[test]
fn the_instance_setting_decides_flows_entered_from_outside() {
    let dir = scratch();
    let flows = flows_dir(&["default_entry_state.json"]);
    let m = model(dir.path(), flows.path());
    assert_eq!(
        log01(&m)["verdicts"][0]["status"],
        "gap",
        "enabled is assumed"
    );
    assert!(m["flows"]["default_note"]["en"]
        .as_str()
        .is_some_and(|s| s.contains("was not known")));
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
            "out2",
            "--flows",
            flows.path().to_str().expect("path"),
            "--flow-logging",
            "disabled",
            "--dump-model",
            "m2.json",
        ],
        dir.path(),
    );
    assert!(o.status.success(), "{}", text(&o));
    let m2: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("m2.json")).expect("m2"))
            .expect("json");
    assert_eq!(log01(&m2)["verdicts"][0]["status"], "met");
}
