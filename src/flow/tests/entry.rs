//! Entry states from what live evidence shows: the flows where contacts
//! start (`ListFlowAssociations`, by id or ARN) and the flow types that
//! Amazon Connect's routing enters (unknown by nature).

use super::*;

/// A flow that asks for a card number with no logging block of its own.
fn card_flow(meta_type: Option<&str>) -> String {
    let meta = meta_type
        .map(|t| format!(r#","Metadata":{{"type":"{t}"}}"#))
        .unwrap_or_default();
    format!(
        r#"{{"StartAction":"card"{meta},"Actions":[{{"Identifier":"card","Type":"GetParticipantInput","Parameters":{{"Text":"Enter your card number","StoreInput":"True"}},"Transitions":{{}}}}]}}"#
    )
}

fn parsed(name: &str, id: &str, arn: Option<&str>, json: &str) -> FlowFile {
    parse_flow(&format!("{name}.json"), name, arn, Some(id), json).expect("flow parses")
}

const PAY_ARN: &str = "arn:aws:connect:ap-northeast-1:111122223333:instance/i-1/contact-flow/pay-1";

#[test]
fn an_association_by_arn_or_by_id_makes_the_entry_off() {
    for named in [PAY_ARN, "pay-1"] {
        let a = analyze_with(
            &[parsed("Pay", "pay-1", Some(PAY_ARN), &card_flow(None))],
            &Options {
                entry_off: vec![named.into()],
                ..Options::default()
            },
        );
        assert_eq!(a.flows[0].entry, [EntryState::Off], "{named}");
        assert_eq!(a.findings, vec![], "{named}");
    }
    // An association with another flow says nothing about this one.
    let a = analyze_with(
        &[parsed("Pay", "pay-1", Some(PAY_ARN), &card_flow(None))],
        &Options {
            entry_off: vec!["pay-10".into()],
            ..Options::default()
        },
    );
    assert_eq!(a.flows[0].entry, [EntryState::Unknown]);
    assert_eq!(a.findings.len(), 1);
    assert!(a.findings[0].logging_from_default);
}

#[test]
fn queue_hold_whisper_and_transfer_flows_are_unknown_by_nature() {
    for t in [
        "customerQueue",
        "customerHold",
        "customerWhisper",
        "agentHold",
        "agentWhisper",
        "outboundWhisper",
        "agentTransfer",
        "queueTransfer",
    ] {
        let f = parsed("Queue", "q-1", None, &card_flow(Some(t)));
        assert!(f.entered_by_routing(), "{t}: {:?}", f.flow_type);
        // Even listed as a start (no association can name it), it stays unknown.
        let a = analyze_with(
            std::slice::from_ref(&f),
            &Options {
                entry_off: vec!["q-1".into()],
                ..Options::default()
            },
        );
        assert_eq!(a.flows[0].entry, [EntryState::Unknown], "{t}");
        assert_eq!(a.routed, ["Queue"], "{t}");
        assert_eq!(
            a.logged(DataClass::is_sensitive),
            LoggedAnswer::Possibly,
            "{t}"
        );
    }
    let main = parsed("Main", "m-1", None, &card_flow(Some("contactFlow")));
    assert_eq!(main.flow_type.as_deref(), Some("CONTACT_FLOW"));
    assert!(!main.entered_by_routing());
    let a = analyze_with(
        &[main],
        &Options {
            entry_off: vec!["m-1".into()],
            ..Options::default()
        },
    );
    assert_eq!(a.flows[0].entry, [EntryState::Off]);
    assert!(a.routed.is_empty());
}

#[test]
fn flow_types_are_read_from_wrapped_and_legacy_exports() {
    assert_eq!(api_flow_type("customerQueue"), "CUSTOMER_QUEUE");
    assert_eq!(api_flow_type("AGENT_WHISPER"), "AGENT_WHISPER");
    let inner = card_flow(None);
    let wrapped = serde_json::json!({"Name": "Hold", "Type": "CUSTOMER_HOLD", "Content": inner});
    let f = parsed("Hold", "h-1", None, &wrapped.to_string());
    assert_eq!(f.flow_type.as_deref(), Some("CUSTOMER_HOLD"));
    assert!(f.entered_by_routing());
    let legacy = r#"{"modules":[{"id":"m-1","type":"PlayPrompt","branches":[],"parameters":[{"name":"Text","value":"Please hold"}]}],
        "version":"1","type":"customerQueue","start":"m-1","metadata":{"name":"Old queue"}}"#;
    let f = parsed("Old queue", "o-1", None, legacy);
    assert_eq!(f.flow_type.as_deref(), Some("CUSTOMER_QUEUE"));
}
