//! Malformed flows: each refusal has its code, JSON path, position and hint.

use super::*;

#[test]
fn truncated_file_reports_line_and_column() {
    let text = fixture_text("truncated.json");
    let err = parse_flow("truncated.json", "Truncated", None, None, &text)
        .expect_err("a truncated file must not parse");
    assert_eq!(err.source, "truncated.json");
    assert_eq!(err.json_path, "$");
    let last_line = text.lines().count();
    let last_len = text.lines().last().map_or(0, |l| l.chars().count());
    assert_eq!(err.line, Some(last_line));
    assert_eq!(err.column, Some(last_len));
    assert!(
        err.message.contains("ends before the JSON is complete"),
        "{}",
        err.message
    );
    assert!(err.hint.as_deref().is_some_and(|h| h.contains("truncated")));
    assert_eq!(err.code, FlowCode::Truncated);
    // Rendered as a loader's diagnostic is: code, file, line, column.
    assert!(err.to_string().starts_with(&format!(
        "error[F003]: truncated.json:{last_line}:{last_len}: $:"
    )));
}

#[test]
fn unknown_next_action_names_the_transition() {
    let text = fixture_text("unknown_next_action.json");
    let err = parse_flow("unknown_next_action.json", "Typo", None, None, &text)
        .expect_err("an unknown NextAction must not parse");
    assert_eq!(err.json_path, "$.Actions[2].Transitions.NextAction");
    assert_eq!(err.code, FlowCode::UnknownBlock);
    assert!(err.message.contains("\"pay-lamda\""), "{}", err.message);
    assert!(
        err.hint
            .as_deref()
            .is_some_and(|h| h.contains("did you mean \"pay-lambda\"")),
        "{:?}",
        err.hint
    );
    // The line and column point at the offending value.
    let (line_no, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("\"pay-lamda\""))
        .expect("fixture has the typo");
    assert_eq!(err.line, Some(line_no + 1));
    assert_eq!(err.column, line.find("\"pay-lamda\"").map(|c| c + 1));
}

#[test]
fn not_json_is_an_error_with_position() {
    let err = parse_err("Welcome flow\n");
    assert_eq!(err.json_path, "$");
    assert_eq!(err.line, Some(1));
    assert!(err.message.starts_with("not valid JSON"), "{}", err.message);
    assert_eq!(err.code, FlowCode::JsonSyntax);
    assert!(err.hint.is_some());
}

#[test]
fn missing_start_action_is_an_error() {
    let err = parse_err(r#"{"Version":"2019-10-30","Actions":[]}"#);
    assert_eq!(err.json_path, "$.StartAction");
    assert!(err.message.contains("no StartAction"), "{}", err.message);
    assert_eq!(err.code, FlowCode::MissingKey);
    assert_eq!((err.line, err.column), (Some(1), Some(1)));
}

#[test]
fn start_action_naming_no_block_is_an_error() {
    let err = parse_err(
        "{\n  \"StartAction\": \"welcom\",\n  \"Actions\": [{\"Identifier\": \"welcome\", \"Type\": \"MessageParticipant\"}]\n}",
    );
    assert_eq!(err.json_path, "$.StartAction");
    assert_eq!((err.line, err.column), (Some(2), Some(18)));
    assert_eq!(err.code, FlowCode::UnknownBlock);
    assert!(err
        .hint
        .as_deref()
        .is_some_and(|h| h.contains("did you mean \"welcome\"")));
}

#[test]
fn actions_not_an_array_is_an_error() {
    let err = parse_err(r#"{"StartAction":"a","Actions":{"Identifier":"a"}}"#);
    assert_eq!(err.json_path, "$.Actions");
    assert!(err.message.contains("not an array"), "{}", err.message);
    assert_eq!(err.code, FlowCode::WrongShape);
    assert_eq!(err.column, Some(30));
}

#[test]
fn describe_contact_flow_output_gets_a_specific_hint() {
    let err = parse_err(r#"{"ContactFlow":{"Content":"{}"}}"#);
    assert!(err
        .hint
        .as_deref()
        .is_some_and(|h| h.contains("ContactFlow.Content")));
    assert_eq!(err.code, FlowCode::MissingKey);
}

#[test]
fn duplicate_identifier_is_an_error() {
    let err = parse_err(
        r#"{"StartAction":"a","Actions":[
            {"Identifier":"a","Type":"MessageParticipant"},
            {"Identifier":"a","Type":"DisconnectParticipant"}]}"#,
    );
    assert_eq!(err.json_path, "$.Actions[1].Identifier");
    assert!(
        err.message.contains("duplicate Identifier \"a\""),
        "{}",
        err.message
    );
    assert!(err.message.contains("$.Actions[0]"), "{}", err.message);
    assert_eq!(err.line, Some(3));
    assert_eq!(err.code, FlowCode::DuplicateIdentifier);
}

#[test]
fn unknown_error_and_condition_targets_name_their_entry() {
    let err = parse_err(
        r#"{"StartAction":"a","Actions":[{"Identifier":"a","Type":"GetParticipantInput",
            "Transitions":{"Conditions":[{"NextAction":"a","Condition":{"Operator":"Equals","Operands":["1"]}}],
            "Errors":[{"NextAction":"a","ErrorType":"InputTimeLimitExceeded"},{"NextAction":"zzz-unknown-block","ErrorType":"NoMatchingError"}]}}]}"#,
    );
    assert_eq!(
        err.json_path,
        "$.Actions[0].Transitions.Errors[1].NextAction"
    );
    let err = parse_err(
        r#"{"StartAction":"a","Actions":[{"Identifier":"a","Type":"GetParticipantInput",
            "Transitions":{"Conditions":[{"NextAction":"nowhere","Condition":{"Operator":"Equals","Operands":["1"]}}]}}]}"#,
    );
    assert_eq!(
        err.json_path,
        "$.Actions[0].Transitions.Conditions[0].NextAction"
    );
}

#[test]
fn unknown_logging_behaviour_is_an_error() {
    let err = parse_err(
        r#"{"StartAction":"a","Actions":[{"Identifier":"a","Type":"UpdateFlowLoggingBehavior",
            "Parameters":{"FlowLoggingBehavior":"Off"}}]}"#,
    );
    assert_eq!(err.json_path, "$.Actions[0].Parameters.FlowLoggingBehavior");
    assert!(err.message.contains("\"Off\""), "{}", err.message);
    assert_eq!(err.code, FlowCode::BadLoggingBehavior);
}

#[test]
fn every_refusal_has_its_code() {
    let cases = [
        ("[]", FlowCode::WrongShape, "$"),
        (r#"{"StartAction":"a"}"#, FlowCode::MissingKey, "$.Actions"),
        (
            r#"{"StartAction":"a","Actions":[1]}"#,
            FlowCode::WrongShape,
            "$.Actions[0]",
        ),
        (
            r#"{"StartAction":"a","Actions":[{"Type":"MessageParticipant"}]}"#,
            FlowCode::MissingKey,
            "$.Actions[0].Identifier",
        ),
        (
            r#"{"StartAction":"a","Actions":[{"Identifier":"a"}]}"#,
            FlowCode::MissingKey,
            "$.Actions[0].Type",
        ),
        (
            r#"{"StartAction":"a","Actions":[{"Identifier":"a","Type":"T","Parameters":[]}]}"#,
            FlowCode::WrongShape,
            "$.Actions[0].Parameters",
        ),
        (
            r#"{"StartAction":7,"Actions":[{"Identifier":"a","Type":"T"}]}"#,
            FlowCode::WrongShape,
            "$.StartAction",
        ),
        (
            r#"{"StartAction":"a","Actions":[{"Identifier":"a","Type":"T","Transitions":[]}]}"#,
            FlowCode::WrongShape,
            "$.Actions[0].Transitions",
        ),
        (
            r#"{"StartAction":"a","Actions":[{"Identifier":"a","Type":"T","Transitions":{"Errors":{}}}]}"#,
            FlowCode::WrongShape,
            "$.Actions[0].Transitions.Errors",
        ),
        (
            r#"{"StartAction":"a","Actions":[{"Identifier":"a","Type":"T","Transitions":{"Conditions":[3]}}]}"#,
            FlowCode::WrongShape,
            "$.Actions[0].Transitions.Conditions[0]",
        ),
        (
            r#"{"StartAction":"a","Actions":[{"Identifier":"a","Type":"T","Transitions":{"NextAction":1}}]}"#,
            FlowCode::WrongShape,
            "$.Actions[0].Transitions.NextAction",
        ),
        (
            r#"{"StartAction":"a","Actions":[{"Identifier":"a","Type":"UpdateFlowLoggingBehavior"}]}"#,
            FlowCode::BadLoggingBehavior,
            "$.Actions[0].Parameters.FlowLoggingBehavior",
        ),
        (r#"{"StartAction":"a","#, FlowCode::Truncated, "$"),
        ("{]", FlowCode::JsonSyntax, "$"),
    ];
    for (json, code, path) in cases {
        let err = parse_err(json);
        assert_eq!((err.code, err.json_path.as_str()), (code, path), "{json}");
        assert!(
            err.to_string()
                .starts_with(&format!("error[{}]: inline.json:", code.id())),
            "{err}"
        );
    }
}

#[test]
fn codes_are_numbered_in_order_and_named_once() {
    let ids: Vec<&str> = FlowCode::ALL.iter().map(|c| c.id()).collect();
    let expected: Vec<String> = (1..=FlowCode::ALL.len())
        .map(|n| format!("F{n:03}"))
        .collect();
    assert_eq!(ids, expected);
    let mut slugs: Vec<&str> = FlowCode::ALL.iter().map(|c| c.slug()).collect();
    slugs.sort_unstable();
    slugs.dedup();
    assert_eq!(slugs.len(), FlowCode::ALL.len());
}
