//! The analysis: findings, their paths, entry states, transfers and modules.

use super::*;

#[test]
fn safe_flow_with_logging_off_before_card_input_has_no_finding() {
    let flow = fixture("safe_logging_off_before_card.json", "Safe");
    let analysis = analyze(&[flow], Logging::Enabled);
    assert_eq!(analysis.findings, vec![]);
    assert!(!analysis.flows[0].sensitive_input_logged);
    assert!(analysis.flows[0].entry_state_assumed);
}

#[test]
fn stored_input_with_logging_on_is_flagged_with_its_path() {
    let flow = fixture("input_stored_logging_on.json", "Logged card payment");
    // Default off: the flow itself turns logging on.
    let analysis = analyze(&[flow], Logging::Disabled);
    assert_eq!(analysis.findings.len(), 1);
    let f = &analysis.findings[0];
    assert_eq!(f.kind, FindingKind::StoredInputUnencrypted);
    assert_eq!(f.block_id, "card-input");
    assert_eq!(f.block_name.as_deref(), Some("Card number"));
    assert_eq!(f.flow_name, "Logged card payment");
    assert!(f.flow_source.ends_with("input_stored_logging_on.json"));
    assert_eq!(block_ids(&f.path), ["logging-on", "card-input"]);
    assert_eq!(vias(&f.path), [None, Some("NextAction")]);
    assert_eq!(f.references, ["$.StoredCustomerInput"]);
    assert!(!f.logging_from_default);
    assert!(analysis.flows[0].sensitive_input_logged);
}

#[test]
fn logging_off_on_one_menu_branch_only_flags_the_other_branch() {
    let flow = fixture("menu_one_branch_disabled.json", "Billing menu");
    let analysis = analyze(&[flow], Logging::Disabled);
    assert_eq!(analysis.findings.len(), 1);
    let f = &analysis.findings[0];
    assert_eq!(f.block_id, "card-input");
    assert_eq!(f.kind, FindingKind::StoredInputUnencrypted);
    assert_eq!(block_ids(&f.path), ["logging-on", "menu", "card-input"]);
    assert_eq!(
        vias(&f.path),
        [None, Some("NextAction"), Some("Condition Equals 2")]
    );
    // friendlyName is used when there is no name.
    assert_eq!(f.path[1].block_name.as_deref(), Some("Main menu"));
    assert!(!f.logging_from_default);
}

#[test]
fn retry_loop_terminates_and_stays_safe() {
    let flow = fixture("retry_loop_safe.json", "Retry");
    let analysis = analyze(&[flow], Logging::Enabled);
    assert_eq!(analysis.findings, vec![]);
    assert!(!analysis.flows[0].sensitive_input_logged);
}

#[test]
fn retry_loop_that_turns_logging_back_on_is_flagged_through_the_loop() {
    let flow = fixture("retry_loop_reenables.json", "Debug retry");
    let analysis = analyze(&[flow], Logging::Enabled);
    let kinds: Vec<(&str, FindingKind)> = analysis
        .findings
        .iter()
        .map(|f| (f.block_id.as_str(), f.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            ("card-input", FindingKind::StoredInputUnencrypted),
            ("pay-lambda", FindingKind::LambdaReceivesSensitive),
        ]
    );
    let input = &analysis.findings[0];
    assert_eq!(
        block_ids(&input.path),
        [
            "logging-off",
            "card-input",
            "retry-prompt",
            "debug-logging-on",
            "card-input"
        ]
    );
    assert_eq!(
        vias(&input.path),
        [
            None,
            Some("NextAction"),
            Some("Error InputTimeLimitExceeded"),
            Some("NextAction"),
            Some("NextAction"),
        ]
    );
    assert!(!input.logging_from_default);
    let lambda = &analysis.findings[1];
    assert_eq!(
        block_ids(&lambda.path),
        [
            "logging-off",
            "card-input",
            "retry-prompt",
            "debug-logging-on",
            "card-input",
            "pay-lambda"
        ]
    );
}

#[test]
fn logging_back_on_after_input_flags_lambda_and_attribute_not_the_input() {
    let flow = fixture("reenabled_after_input.json", "Too early");
    let analysis = analyze(&[flow], Logging::Enabled);
    assert_eq!(analysis.findings.len(), 2);
    assert!(analysis.findings.iter().all(|f| f.block_id != "card-input"));

    let lambda = &analysis.findings[0];
    assert_eq!(lambda.block_id, "pay-lambda");
    assert_eq!(lambda.block_name.as_deref(), Some("Charge card"));
    assert_eq!(lambda.kind, FindingKind::LambdaReceivesSensitive);
    assert_eq!(lambda.references, ["$.StoredCustomerInput"]);
    assert_eq!(
        block_ids(&lambda.path),
        ["logging-off", "card-input", "logging-on", "pay-lambda"]
    );
    assert!(!lambda.logging_from_default);

    let attribute = &analysis.findings[1];
    assert_eq!(attribute.block_id, "save-caller");
    assert_eq!(attribute.kind, FindingKind::AttributeStoresSensitive);
    assert_eq!(attribute.references, ["$.CustomerEndpoint.Address"]);
}

#[test]
fn encrypted_input_is_not_flagged_even_when_sent_to_a_lambda() {
    let flow = fixture("encrypted_input.json", "Encrypted");
    let analysis = analyze(&[flow], Logging::Enabled);
    assert_eq!(analysis.findings, vec![]);
    assert!(!analysis.flows[0].sensitive_input_logged);
}

#[test]
fn transfer_carries_disabled_logging_into_the_target_flow() {
    let caller = fixture("transfer_caller_logging_off.json", "Main IVR");
    let target = fixture_with(
        "transfer_target_card_payment.json",
        "Card payment",
        Some(CARD_PAYMENT_ARN),
        None,
    );
    // Even with the instance default on, the target is entered with logging off.
    let analysis = analyze(&[caller, target], Logging::Enabled);
    assert_eq!(analysis.findings, vec![]);
    assert!(analysis.flows[0].entry_state_assumed);
    assert!(!analysis.flows[1].entry_state_assumed);
    assert!(!analysis.flows[1].sensitive_input_logged);
}

#[test]
fn transfer_with_logging_on_flags_the_target_flow_with_a_cross_flow_path() {
    // Matched by ARN, by bare id, and by the ARN's last segment as id.
    let targets = [
        (Some(CARD_PAYMENT_ARN), None),
        (None, Some("7f3e9c1a-card-payment")),
    ];
    for (arn, id) in targets {
        let caller = fixture("transfer_caller_logging_on.json", "Main IVR");
        let target = fixture_with("transfer_target_card_payment.json", "Card payment", arn, id);
        let analysis = analyze(&[caller, target], Logging::Disabled);
        assert_eq!(analysis.findings.len(), 1, "arn {arn:?} id {id:?}");
        let f = &analysis.findings[0];
        assert_eq!(f.flow_name, "Card payment");
        assert_eq!(f.block_id, "card-input");
        assert_eq!(f.kind, FindingKind::StoredInputUnencrypted);
        let steps: Vec<(&str, &str, Option<&str>)> = f
            .path
            .iter()
            .map(|s| (s.flow_name.as_str(), s.block_id.as_str(), s.via.as_deref()))
            .collect();
        assert_eq!(
            steps,
            [
                ("Main IVR", "logging-on", None),
                ("Main IVR", "to-payment", Some("NextAction")),
                ("Card payment", "card-input", Some("TransferToFlow")),
            ]
        );
        assert!(!f.logging_from_default);
        assert!(!analysis.flows[0].sensitive_input_logged);
        assert!(analysis.flows[1].sensitive_input_logged);
        assert!(!analysis.flows[1].entry_state_assumed);
    }
}

#[test]
fn unknown_entry_state_takes_the_instance_default() {
    let flow = fixture("default_entry_state.json", "Account lookup");

    let on = analyze(std::slice::from_ref(&flow), Logging::Enabled);
    assert_eq!(on.findings.len(), 1);
    let f = &on.findings[0];
    assert_eq!(f.block_id, "account-input");
    assert_eq!(f.block_name.as_deref(), Some("Account number"));
    assert!(f.logging_from_default);
    assert_eq!(block_ids(&f.path), ["account-input"]);
    assert!(on.flows[0].entry_state_assumed);
    assert_eq!(on.flows[0].entry, [EntryState::Unknown]);
    // An account number is personal data: logged, but not one of the
    // classes `sensitive-input-logged` counts.
    assert_eq!(f.class, DataClass::PersonalData);
    assert!(!on.flows[0].sensitive_input_logged);

    let off = analyze(&[flow], Logging::Disabled);
    assert_eq!(off.findings, vec![]);
    assert!(off.flows[0].entry_state_assumed);
    assert!(!off.flows[0].sensitive_input_logged);
}

#[test]
fn module_that_turns_logging_off_keeps_it_off_after_it_returns() {
    let caller = fixture("module_caller.json", "Main IVR");
    let module = fixture_with(
        "module_secure_entry.json",
        "Secure entry",
        Some(SECURE_ENTRY_ARN),
        None,
    );
    let analysis = analyze(&[caller.clone(), module], Logging::Enabled);
    assert_eq!(analysis.findings, vec![]);
    assert!(!analysis.flows[1].entry_state_assumed);

    // Without the module in the set, nothing is known to turn logging off,
    // and the caller copies whatever input was stored before.
    let alone = analyze(&[caller], Logging::Enabled);
    assert_eq!(alone.findings.len(), 1);
    let f = &alone.findings[0];
    assert_eq!(f.block_id, "after-module");
    assert_eq!(f.kind, FindingKind::AttributeStoresSensitive);
    assert_eq!(
        block_ids(&f.path),
        ["logging-on", "secure-entry", "after-module"]
    );
    assert!(!f.logging_from_default);
}

#[test]
fn flows_that_only_transfer_to_each_other_are_still_analysed() {
    let a = r#"{"StartAction":"in","Actions":[
        {"Identifier":"in","Type":"GetParticipantInput","Parameters":{"StoreInput":"True"},
         "Transitions":{"NextAction":"go"}},
        {"Identifier":"go","Type":"TransferToFlow","Parameters":{"ContactFlowId":"flow-b"},"Transitions":{}}]}"#;
    let b = r#"{"StartAction":"go","Actions":[
        {"Identifier":"go","Type":"TransferToFlow","Parameters":{"ContactFlowId":"flow-a"},"Transitions":{}}]}"#;
    let a = parse_flow("a.json", "A", None, Some("flow-a"), a).expect("a parses");
    let b = parse_flow("b.json", "B", None, Some("flow-b"), b).expect("b parses");
    let analysis = analyze(&[a, b], Logging::Enabled);
    assert_eq!(analysis.findings.len(), 1);
    assert_eq!(analysis.findings[0].flow_name, "A");
    assert!(analysis.findings[0].logging_from_default);
    // Nothing enters either from outside visibly: A is analysed as entered
    // some unknown way, and B inherits A's state.
    assert_eq!(
        analysis.flows[0].entry,
        [EntryState::Inherited, EntryState::Unknown]
    );
    assert_eq!(analysis.flows[1].entry, [EntryState::Inherited]);
}

#[test]
fn serialized_output_uses_kebab_case_and_plain_field_names() {
    let flow = fixture("input_stored_logging_on.json", "Logged");
    let analysis = analyze(&[flow], Logging::Disabled);
    let json = serde_json::to_value(&analysis).expect("serializes");
    assert_eq!(json["findings"][0]["kind"], "stored-input-unencrypted");
    assert_eq!(json["findings"][0]["path"][1]["via"], "NextAction");
    assert_eq!(
        serde_json::to_value(FindingKind::LambdaReceivesSensitive).expect("serializes"),
        "lambda-receives-sensitive"
    );
    assert_eq!(
        serde_json::to_value(Logging::Disabled).expect("serializes"),
        "disabled"
    );
    let err = parse_err("{");
    let json = serde_json::to_value(&err).expect("serializes");
    assert_eq!(json["source"], "inline.json");
    assert!(std::error::Error::source(&err).is_none());
}
