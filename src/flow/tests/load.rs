//! Folders of exported flows: order, names, transfers by display name, bad files.

use super::*;
use std::path::Path;

#[test]
fn load_dir_reads_every_flow_sorted_and_reports_bad_files_separately() {
    let (flows, errors) = load_dir(Path::new(FIXTURES));
    let files: Vec<String> = flows
        .iter()
        .map(|f| {
            Path::new(&f.source)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
        .collect();
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files, sorted);
    assert_eq!(flows.len(), 16);
    assert!(files.contains(&"legacy_pin_change.json".to_string()));
    assert!(files.contains(&"safe_logging_off_before_card.json".to_string()));

    let bad: Vec<&str> = errors
        .iter()
        .map(|e| e.source.rsplit('/').next().unwrap_or(""))
        .collect();
    assert_eq!(bad, ["truncated.json", "unknown_next_action.json"]);
    assert!(errors[0].line.is_some() && errors[0].column.is_some());
    assert_eq!(errors[0].code, FlowCode::Truncated);
    assert_eq!(errors[1].code, FlowCode::UnknownBlock);
    assert_eq!(errors[1].json_path, "$.Actions[2].Transitions.NextAction");

    // Names come from Metadata.name.
    assert!(flows.iter().any(|f| f.name == "Card payment"));
    assert!(flows.iter().all(|f| f.arn.is_none() && f.id.is_none()));
}

#[test]
fn load_dir_flows_resolve_transfers_by_display_name() {
    let (flows, _) = load_dir(Path::new(FIXTURES));
    let analysis = analyze(&flows, Logging::Enabled);
    // The card payment flow is entered from both callers; the one that
    // leaves logging on gives the finding.
    let payment = analysis
        .findings
        .iter()
        .find(|f| f.flow_name == "Card payment")
        .expect("card payment flow is flagged");
    assert_eq!(payment.path[0].flow_name, "Main IVR (logs on at transfer)");
    assert_eq!(
        payment.path.last().map(|s| s.block_id.as_str()),
        Some("card-input")
    );
    // The secure entry module is resolved by name, so the caller is clean.
    assert!(analysis
        .findings
        .iter()
        .all(|f| f.flow_name != "Main IVR (secure entry module)"));
    let verdict = |name: &str| analysis.flows.iter().find(|v| v.name == name).cloned();
    assert_eq!(
        verdict("Secure entry").map(|v| (v.sensitive_input_logged, v.entry_state_assumed)),
        Some((false, false))
    );
    assert_eq!(
        verdict("Card payment (safe)").map(|v| v.sensitive_input_logged),
        Some(false)
    );
}

#[test]
fn output_is_deterministic_and_sorted_by_flow_then_block() {
    let (flows, _) = load_dir(Path::new(FIXTURES));
    let first = analyze(&flows, Logging::Enabled);
    let second = analyze(&flows, Logging::Enabled);
    assert_eq!(first, second);
    let names: Vec<&str> = first.flows.iter().map(|v| v.name.as_str()).collect();
    let input: Vec<&str> = flows.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, input);
    let position = |name: &str| flows.iter().position(|f| f.name == name);
    let keys: Vec<(Option<usize>, &str)> = first
        .findings
        .iter()
        .map(|f| (position(&f.flow_name), f.block_id.as_str()))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    assert!(keys.len() >= 5);
}

#[test]
fn load_dir_on_a_missing_folder_returns_an_error() {
    let (flows, errors) = load_dir(Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/flows/no-such-folder"
    )));
    assert!(flows.is_empty());
    assert_eq!(errors.len(), 1);
    assert!(errors[0].message.starts_with("cannot read the folder"));
    assert_eq!(errors[0].code, FlowCode::Unreadable);
    assert!(errors[0].to_string().starts_with("error[F001]: "));
}
