//! What each kind of block means for the analysis: the logging state and
//! stored input it leaves behind ([`step`]), the sensitive data it hands to
//! the logs ([`sensitive`]), and the flow it passes control to.

use serde_json::Value;

use super::{FindingKind, FlowAction, FlowFile, Logging};

/// The system attribute that holds input stored by `GetParticipantInput`.
const STORED_INPUT_REF: &str = "$.StoredCustomerInput";
/// The system attribute that holds the customer's phone number.
const CUSTOMER_NUMBER_REF: &str = "$.CustomerEndpoint.Address";

/// What `$.StoredCustomerInput` may hold at a point of the contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum Stored {
    /// Flow entered from outside the set: an earlier flow may have stored plain input.
    Unknown,
    /// The last stored input was unencrypted.
    Plain,
    /// The last stored input was encrypted.
    Encrypted,
}

/// The state tracked along a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) struct State {
    /// Whether flow logging is on.
    pub(super) logging: Logging,
    /// The logging state is the instance default, not set by any block on the path.
    pub(super) from_default: bool,
    /// What the stored input holds.
    pub(super) stored: Stored,
}

/// The state a `FlowLoggingBehavior` value sets, when it is a known one.
pub(super) fn logging_of(v: Option<&Value>) -> Option<Logging> {
    match v.and_then(Value::as_str) {
        Some("Enabled") => Some(Logging::Enabled),
        Some("Disabled") => Some(Logging::Disabled),
        _ => None,
    }
}

/// The parameter that names the target flow of a control-passing block.
pub(super) fn target_param(action_type: &str) -> Option<&'static str> {
    match action_type {
        "TransferToFlow" => Some("ContactFlowId"),
        "InvokeFlowModule" => Some("FlowModuleId"),
        _ => None,
    }
}

/// Finds the flow a `TransferToFlow` / `InvokeFlowModule` block passes control to.
pub(super) fn resolve_target(flows: &[FlowFile], action: &FlowAction) -> Option<usize> {
    let param = target_param(&action.action_type)?;
    let reference = action.parameters.get(param).and_then(Value::as_str);
    if let Some(reference) = reference {
        let ref_id = last_segment(reference);
        let by_arn_or_id = flows.iter().position(|f| {
            f.arn.as_deref() == Some(reference)
                || f.id.as_deref() == Some(reference)
                || f.id.as_deref() == Some(ref_id)
                || f.arn.as_deref().map(last_segment) == Some(ref_id)
        });
        if by_arn_or_id.is_some() {
            return by_arn_or_id;
        }
    }
    flows.iter().position(|f| {
        Some(f.name.as_str()) == reference || Some(&f.name) == action.target_name.as_ref()
    })
}

/// The id part of an ARN (`.../contact-flow/<id>`); other strings unchanged.
fn last_segment(s: &str) -> &str {
    if s.starts_with("arn:") {
        s.rsplit('/').next().unwrap_or(s)
    } else {
        s
    }
}

/// True for `StoreInput: "True"` (or `true`).
fn stores_input(params: &Value) -> bool {
    match params.get("StoreInput") {
        Some(Value::String(s)) => s.eq_ignore_ascii_case("true"),
        Some(Value::Bool(b)) => *b,
        _ => false,
    }
}

fn is_encrypted(params: &Value) -> bool {
    match params.get("InputEncryption") {
        Some(Value::Object(m)) => !m.is_empty(),
        Some(Value::String(s)) => !s.is_empty(),
        _ => false,
    }
}

/// Collects, in order and without repeats, the sensitive references in any string value.
fn collect_refs(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) => {
            for r in [STORED_INPUT_REF, CUSTOMER_NUMBER_REF] {
                if s.contains(r) && !out.iter().any(|o| o == r) {
                    out.push(r.to_string());
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| collect_refs(v, out)),
        Value::Object(map) => map.values().for_each(|v| collect_refs(v, out)),
        _ => {}
    }
}

/// The state after a block runs (for transitions out of it).
pub(super) fn step(action: &FlowAction, state: State) -> State {
    match action.action_type.as_str() {
        "UpdateFlowLoggingBehavior" => {
            match logging_of(action.parameters.get("FlowLoggingBehavior")) {
                Some(logging) => State {
                    logging,
                    from_default: false,
                    ..state
                },
                None => state,
            }
        }
        "GetParticipantInput" if stores_input(&action.parameters) => State {
            stored: if is_encrypted(&action.parameters) {
                Stored::Encrypted
            } else {
                Stored::Plain
            },
            ..state
        },
        _ => state,
    }
}

/// What the block does with sensitive data when it runs in `state`.
pub(super) fn sensitive(action: &FlowAction, state: State) -> Option<(FindingKind, Vec<String>)> {
    if state.logging != Logging::Enabled {
        return None;
    }
    let kind = match action.action_type.as_str() {
        "GetParticipantInput" => {
            return (stores_input(&action.parameters) && !is_encrypted(&action.parameters)).then(
                || {
                    (
                        FindingKind::StoredInputUnencrypted,
                        vec![STORED_INPUT_REF.to_string()],
                    )
                },
            );
        }
        "InvokeLambdaFunction" => FindingKind::LambdaReceivesSensitive,
        "UpdateContactAttributes" => FindingKind::AttributeStoresSensitive,
        _ => return None,
    };
    let mut refs = Vec::new();
    collect_refs(&action.parameters, &mut refs);
    // Encrypted stored input reaches the logs only as ciphertext.
    if state.stored == Stored::Encrypted {
        refs.retain(|r| r != STORED_INPUT_REF);
    }
    (!refs.is_empty()).then_some((kind, refs))
}
