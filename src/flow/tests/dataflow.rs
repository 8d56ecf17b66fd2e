//! Following sensitive values after capture, grading captures, entry
//! states, and the formats older tools write. Each test is a small flow
//! written for the rule it checks.

use super::*;

/// A flow from its blocks (JSON array text), starting at the first block.
fn flow(name: &str, id: &str, actions: &str) -> FlowFile {
    let start = serde_json::from_str::<serde_json::Value>(actions).expect("blocks are JSON")[0]
        ["Identifier"]
        .as_str()
        .expect("first block has an Identifier")
        .to_string();
    let json = format!(r#"{{"StartAction":"{start}","Actions":{actions}}}"#);
    parse_flow(&format!("{name}.json"), name, None, Some(id), &json).expect("flow parses")
}

fn unknown(flows: &[FlowFile]) -> Analysis {
    analyze_with(flows, &Options::default())
}

fn kinds(a: &Analysis) -> Vec<(&str, FindingKind, DataClass)> {
    a.findings
        .iter()
        .map(|f| (f.block_id.as_str(), f.kind, f.class))
        .collect()
}

const LOG_ON: &str = r#"{"Identifier":"on","Type":"UpdateFlowLoggingBehavior","Parameters":{"FlowLoggingBehavior":"Enabled"},"Transitions":{"NextAction":"off"}}"#;

#[test]
fn pin_copied_to_an_attribute_then_spoken_with_logging_back_on_is_found_two_blocks_later() {
    let f = flow(
        "PIN",
        "pin",
        &format!(
            r#"[{LOG_ON},
        {{"Identifier":"off","Type":"UpdateFlowLoggingBehavior","Parameters":{{"FlowLoggingBehavior":"Disabled"}},"Transitions":{{"NextAction":"pin"}}}},
        {{"Identifier":"pin","Type":"GetParticipantInput","Parameters":{{"Text":"暗証番号を入力してください","StoreInput":"True"}},"Transitions":{{"NextAction":"copy"}}}},
        {{"Identifier":"copy","Type":"UpdateContactAttributes","Parameters":{{"Attributes":{{"entered":"$.StoredCustomerInput"}}}},"Transitions":{{"NextAction":"on2"}}}},
        {{"Identifier":"on2","Type":"UpdateFlowLoggingBehavior","Parameters":{{"FlowLoggingBehavior":"Enabled"}},"Transitions":{{"NextAction":"say"}}}},
        {{"Identifier":"say","Type":"MessageParticipant","Parameters":{{"Text":"You entered $.Attributes.entered"}},"Transitions":{{"NextAction":"cmp"}}}},
        {{"Identifier":"cmp","Type":"Compare","Parameters":{{"ComparisonValue":"$.Attributes['entered']"}},"Transitions":{{}}}}]"#
        ),
    );
    let a = unknown(&[f]);
    assert_eq!(
        kinds(&a),
        [
            (
                "cmp",
                FindingKind::CompareUsesSensitive,
                DataClass::AuthSecret
            ),
            (
                "say",
                FindingKind::PromptUsesSensitive,
                DataClass::AuthSecret
            ),
        ]
    );
    let say = &a.findings[1];
    assert_eq!(say.references, ["$.Attributes.entered"]);
    assert_eq!(
        say.path
            .iter()
            .map(|s| s.block_id.as_str())
            .collect::<Vec<_>>(),
        ["on", "off", "pin", "copy", "on2", "say"]
    );
    // Logging was turned on by a block of the flow: certain, not an assumption.
    assert!(!say.logging_from_default);
    assert!(a.flows[0].sensitive_input_logged);
    assert_eq!(a.logged(DataClass::is_sensitive), LoggedAnswer::Yes);
}

#[test]
fn one_time_code_typed_into_an_agent_view_and_copied_is_found() {
    let f = flow(
        "OTP",
        "otp",
        &format!(
            r#"[{LOG_ON},
        {{"Identifier":"off","Type":"ShowView","Parameters":{{"ViewResource":{{"Id":"form"}}}},"Transitions":{{"NextAction":"keep"}}}},
        {{"Identifier":"keep","Type":"UpdateContactAttributes","Parameters":{{"Attributes":{{"code":"$.Views.ViewResultData.FormData.oneTimeCode"}}}},"Transitions":{{}}}}]"#
        ),
    );
    let a = unknown(&[f]);
    assert_eq!(
        kinds(&a),
        [(
            "keep",
            FindingKind::AttributeStoresSensitive,
            DataClass::AuthSecret
        )]
    );
    assert_eq!(
        a.findings[0].references,
        ["$.Views.ViewResultData.FormData.oneTimeCode"]
    );
}

#[test]
fn lex_slot_sent_to_lambda_and_the_lambda_result_are_followed() {
    let f = flow(
        "Lex",
        "lex",
        &format!(
            r#"[{LOG_ON},
        {{"Identifier":"off","Type":"ConnectParticipantWithLexBot","Parameters":{{}},"Transitions":{{"NextAction":"check"}}}},
        {{"Identifier":"check","Type":"InvokeLambdaFunction","Parameters":{{"LambdaFunctionARN":"arn:aws:lambda:::function:f","LambdaFunctionParameters":{{"card":"$.Lex.Slots.CardNumber"}}}},"Transitions":{{"NextAction":"say"}}}},
        {{"Identifier":"say","Type":"MessageParticipant","Parameters":{{"Text":"Card ending $.External.lastFour"}},"Transitions":{{}}}}]"#
        ),
    );
    let a = unknown(&[f]);
    assert_eq!(
        kinds(&a),
        [
            (
                "check",
                FindingKind::LambdaReceivesSensitive,
                DataClass::PaymentCard
            ),
            (
                "say",
                FindingKind::PromptUsesSensitive,
                DataClass::PaymentCard
            ),
        ]
    );
    assert_eq!(a.findings[1].references, ["$.External.lastFour"]);
}

#[test]
fn lambda_result_is_clean_when_the_lambda_received_nothing_sensitive() {
    let f = flow(
        "Hours",
        "hours",
        &format!(
            r#"[{LOG_ON},
        {{"Identifier":"off","Type":"InvokeLambdaFunction","Parameters":{{"LambdaFunctionParameters":{{"queue":"billing"}}}},"Transitions":{{"NextAction":"say"}}}},
        {{"Identifier":"say","Type":"MessageParticipant","Parameters":{{"Text":"We open at $.External.opens"}},"Transitions":{{}}}}]"#
        ),
    );
    assert_eq!(unknown(&[f]).findings, vec![]);
}

#[test]
fn menu_digits_and_extensions_are_not_flagged() {
    let f = flow(
        "Menu",
        "menu",
        &format!(
            r#"[{LOG_ON},
        {{"Identifier":"off","Type":"GetParticipantInput","Parameters":{{"Text":"Press 1 for sales","StoreInput":"True","InputValidation":{{"CustomValidation":{{"MaximumLength":"1"}}}}}},"Transitions":{{"NextAction":"ext"}}}},
        {{"Identifier":"ext","Type":"GetParticipantInput","Parameters":{{"Text":"内線番号を入力してください","StoreInput":"True"}},"Transitions":{{"NextAction":"keep"}}}},
        {{"Identifier":"keep","Type":"UpdateContactAttributes","Parameters":{{"Attributes":{{"ext":"$.StoredCustomerInput"}}}},"Transitions":{{}}}}]"#
        ),
    );
    let a = unknown(&[f]);
    assert_eq!(a.findings, vec![]);
    assert!(!a.flows[0].sensitive_input_logged);
}

#[test]
fn phone_numbers_are_personal_data_not_sensitive_input() {
    let f = flow(
        "Callback",
        "cb",
        &format!(
            r#"[{LOG_ON},
        {{"Identifier":"off","Type":"GetParticipantInput","Parameters":{{"Text":"Enter your phone number","StoreInput":"True","InputValidation":{{"PhoneNumberValidation":{{"NumberFormat":"Local","CountryCode":"JP"}}}}}},"Transitions":{{"NextAction":"lambda"}}}},
        {{"Identifier":"lambda","Type":"InvokeLambdaFunction","Parameters":{{"LambdaFunctionParameters":{{"caller":"$.CustomerEndpoint.Address"}}}},"Transitions":{{}}}}]"#
        ),
    );
    let a = unknown(&[f]);
    assert_eq!(
        kinds(&a),
        [
            (
                "lambda",
                FindingKind::LambdaReceivesSensitive,
                DataClass::PersonalData
            ),
            (
                "off",
                FindingKind::StoredInputUnencrypted,
                DataClass::PersonalData
            ),
        ]
    );
    assert!(!a.flows[0].sensitive_input_logged);
    assert_eq!(a.logged(DataClass::is_sensitive), LoggedAnswer::No);
    assert_eq!(
        a.logged(|c| c >= DataClass::PersonalData),
        LoggedAnswer::Yes
    );
}

#[test]
fn a_placeholder_encryption_key_is_not_encryption() {
    let f = flow(
        "Card",
        "card",
        &format!(
            r#"[{LOG_ON},
        {{"Identifier":"off","Type":"GetParticipantInput","Parameters":{{"Text":"Enter your card number","StoreInput":"True","InputEncryption":{{"EncryptionKeyId":"REPLACE_ME","Key":"REPLACE_ME"}}}},"Transitions":{{}}}}]"#
        ),
    );
    let a = unknown(&[f]);
    assert_eq!(
        kinds(&a),
        [(
            "off",
            FindingKind::StoredInputUnencrypted,
            DataClass::PaymentCard
        )]
    );
}

const CAPTURE_NO_LOGGING_BLOCK: &str = r#"[
    {"Identifier":"card","Type":"GetParticipantInput","Parameters":{"Text":"Enter your card number","StoreInput":"True"},"Transitions":{}}]"#;

#[test]
fn entry_unknown_is_only_possibly_logged() {
    let a = unknown(&[flow("Pay", "pay", CAPTURE_NO_LOGGING_BLOCK)]);
    assert_eq!(a.flows[0].entry, [EntryState::Unknown]);
    assert_eq!(a.findings.len(), 1);
    assert!(a.findings[0].logging_from_default);
    assert_eq!(a.logged(DataClass::is_sensitive), LoggedAnswer::Possibly);
    // The operator's assumption settles it either way.
    let on = analyze(
        &[flow("Pay", "pay", CAPTURE_NO_LOGGING_BLOCK)],
        Logging::Enabled,
    );
    assert_eq!(on.logged(DataClass::is_sensitive), LoggedAnswer::Yes);
    let off = analyze(
        &[flow("Pay", "pay", CAPTURE_NO_LOGGING_BLOCK)],
        Logging::Disabled,
    );
    assert_eq!(off.logged(DataClass::is_sensitive), LoggedAnswer::No);
}

#[test]
fn entry_off_where_a_contact_starts_logs_nothing_without_an_enabling_block() {
    let a = analyze_with(
        &[flow("Pay", "pay", CAPTURE_NO_LOGGING_BLOCK)],
        &Options {
            entry_off: vec!["pay".into()],
            ..Options::default()
        },
    );
    assert_eq!(a.flows[0].entry, [EntryState::Off]);
    assert_eq!(a.findings, vec![]);
}

#[test]
fn entry_inherited_from_a_caller_that_enabled_logging_is_certain() {
    let caller = flow(
        "Main",
        "main",
        r#"[{"Identifier":"on","Type":"UpdateFlowLoggingBehavior","Parameters":{"FlowLoggingBehavior":"Enabled"},"Transitions":{"NextAction":"go"}},
        {"Identifier":"go","Type":"TransferToFlow","Parameters":{"ContactFlowId":"arn:aws:connect:us-east-1:1:instance/i/contact-flow/pay"},"Transitions":{}}]"#,
    );
    let a = analyze_with(
        &[caller, flow("Pay", "pay", CAPTURE_NO_LOGGING_BLOCK)],
        &Options {
            entry_off: vec!["main".into()],
            ..Options::default()
        },
    );
    assert_eq!(a.flows[1].entry, [EntryState::Inherited]);
    assert_eq!(a.findings.len(), 1);
    assert!(!a.findings[0].logging_from_default);
    assert_eq!(
        a.findings[0]
            .path
            .iter()
            .map(|s| (s.flow_name.as_str(), s.block_id.as_str()))
            .collect::<Vec<_>>(),
        [("Main", "on"), ("Main", "go"), ("Pay", "card")]
    );
}

#[test]
fn instance_without_flow_logs_writes_none_even_with_an_enabling_block() {
    let f = flow(
        "Pay",
        "pay",
        r#"[{"Identifier":"on","Type":"UpdateFlowLoggingBehavior","Parameters":{"FlowLoggingBehavior":"Enabled"},"Transitions":{"NextAction":"card"}},
        {"Identifier":"card","Type":"GetParticipantInput","Parameters":{"Text":"Enter your card number","StoreInput":"True"},"Transitions":{}}]"#,
    );
    let a = analyze_with(
        &[f],
        &Options {
            instance_logs: Some(Logging::Disabled),
            ..Options::default()
        },
    );
    assert_eq!(a.findings, vec![]);
    assert_eq!(a.flows[0].entry, [EntryState::Off]);
}

#[test]
fn transfers_resolve_by_normalised_name_and_unresolved_ones_are_listed() {
    let caller = flow(
        "Main",
        "main",
        r#"[{"Identifier":"go","Type":"TransferToFlow","Parameters":{"ContactFlowId":"card-payment"},"Transitions":{"NextAction":"gone"}},
        {"Identifier":"gone","Type":"TransferToFlow","Parameters":{"ContactFlowId":"${survey_flow_arn}"},"Transitions":{}}]"#,
    );
    let a = unknown(&[caller, flow("Card Payment", "x", CAPTURE_NO_LOGGING_BLOCK)]);
    assert_eq!(a.flows[1].entry, [EntryState::Inherited]);
    assert_eq!(a.unresolved.len(), 1);
    assert_eq!(a.unresolved[0].block_id, "gone");
    assert_eq!(a.unresolved[0].target, "${survey_flow_arn}");
}

#[test]
fn legacy_export_is_read_and_analysed() {
    let f = fixture("legacy_pin_change.json", "PIN change");
    assert_eq!(f.start_action, "m-log-on");
    assert_eq!(f.actions[1].action_type, "GetParticipantInput");
    let a = unknown(&[f]);
    assert_eq!(
        kinds(&a),
        [
            (
                "m-lambda",
                FindingKind::LambdaReceivesSensitive,
                DataClass::AuthSecret
            ),
            (
                "m-pin",
                FindingKind::StoredInputUnencrypted,
                DataClass::AuthSecret
            ),
        ]
    );
    assert_eq!(a.unresolved.len(), 1);
    assert_eq!(a.unresolved[0].target, "Goodbye flow");
}

#[test]
fn flow_wrapped_in_a_content_string_is_unwrapped() {
    let text = fixture_text("wrapped_content.json");
    let f = crate::flow::parse::parse_impl("w.json", None, "w", None, None, &text)
        .expect("wrapped flow parses");
    assert_eq!(f.name, "National ID check");
    let a = unknown(&[f]);
    assert_eq!(
        kinds(&a),
        [(
            "id-input",
            FindingKind::StoredInputUnencrypted,
            DataClass::NationalId
        )]
    );
    assert!(!a.findings[0].logging_from_default);
}

#[test]
fn unrendered_placeholders_get_their_own_hint() {
    let e = parse_err(
        r#"{"StartAction":"a","Actions":[{"Identifier":"a","Type":"X","Parameters":{"MaxDigits":${digits}}}]}"#,
    );
    assert_eq!(e.code, FlowCode::JsonSyntax);
    assert!(e.message.contains("placeholders"), "{}", e.message);
    assert!(e
        .hint
        .as_deref()
        .is_some_and(|h| h.contains("render it first")));
}
