//! What each kind of block means for the analysis: the logging state and
//! the sensitive values it leaves behind ([`step`]), the places it uses a
//! sensitive value ([`uses`]), and the flow it passes control to.
//!
//! A value is sensitive when it comes from customer input: stored input
//! (`$.StoredCustomerInput`), Lex slots (`$.Lex.Slots.*`), view form data
//! (`$.Views.ViewResultData.FormData.*`), the customer's number, the result
//! of a Lambda function that received a sensitive value (`$.External.*`),
//! and contact attributes copied from any of these.

use std::collections::BTreeMap;

use serde_json::Value;

use super::classify::{class_of_capture, class_of_named_input, upgrade_by_name};
use super::{DataClass, FindingKind, FlowAction, FlowFile, Logging};

/// The system attribute that holds input stored by `GetParticipantInput`.
pub(super) const STORED_INPUT_REF: &str = "$.StoredCustomerInput";

/// Logging along a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum Lg {
    /// Off: set off by a block, or off at entry.
    Off,
    /// On: set on by a block on the path (or carried in from one).
    On,
    /// Possibly on: entered some way shoko cannot see, nothing set it since.
    Maybe,
    /// On by the operator's assumption (`--flow-logging enabled`) about such an entry.
    AssumedOn,
}

impl Lg {
    pub(super) fn may_log(self) -> bool {
        self != Lg::Off
    }
}

/// The state tracked along a path.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) struct State {
    /// Whether flow logging is on.
    pub(super) logging: Lg,
    /// Class of the plain input last stored (`None`: nothing sensitive, or encrypted).
    pub(super) stored: Option<DataClass>,
    /// Class of what the last Lambda function returned, when it received a sensitive value.
    pub(super) external: Option<DataClass>,
    /// Contact attributes that hold a sensitive value, with its class.
    pub(super) attrs: BTreeMap<String, DataClass>,
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

/// A name as people and exports vary it: case, spaces, dashes, underscores.
fn normalise(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Finds the flow a `TransferToFlow` / `InvokeFlowModule` block passes
/// control to: by ARN, then id, then normalised name.
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
    let wanted: Vec<String> = [reference, action.target_name.as_deref()]
        .into_iter()
        .flatten()
        .map(normalise)
        .filter(|s| !s.is_empty())
        .collect();
    flows
        .iter()
        .position(|f| wanted.contains(&normalise(&f.name)))
}

/// The target as written, for the list of unresolved transfers.
pub(super) fn target_text(action: &FlowAction) -> String {
    let param = target_param(&action.action_type).unwrap_or("");
    action
        .target_name
        .clone()
        .or_else(|| {
            action
                .parameters
                .get(param)
                .and_then(Value::as_str)
                .map(str::to_string)
        })
        .unwrap_or_default()
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
pub(super) fn stores_input(params: &Value) -> bool {
    match params.get("StoreInput") {
        Some(Value::String(s)) => s.eq_ignore_ascii_case("true"),
        Some(Value::Bool(b)) => *b,
        _ => false,
    }
}

/// True for a block that stores customer input in `$.StoredCustomerInput`
/// (`GetParticipantInput` with `StoreInput`, or `StoreUserInput`).
pub(super) fn captures(action: &FlowAction) -> bool {
    action.action_type == "StoreUserInput"
        || (action.action_type == "GetParticipantInput" && stores_input(&action.parameters))
}

/// A key value that is a placeholder, not a key ("REPLACE_ME", "${key}", "<key>").
fn is_placeholder(s: &str) -> bool {
    let t = s.trim();
    let upper = t.to_ascii_uppercase();
    t.is_empty()
        || t.contains("${")
        || (t.starts_with('<') && t.ends_with('>'))
        || [
            "REPLACE",
            "CHANGE_ME",
            "CHANGEME",
            "TODO",
            "YOUR_",
            "PLACEHOLDER",
            "XXXX",
        ]
        .iter()
        .any(|p| upper.contains(p))
}

/// True when the input is encrypted with a real key: placeholder key
/// values ("REPLACE_ME") do not count.
pub(super) fn is_encrypted(params: &Value) -> bool {
    match params.get("InputEncryption") {
        Some(Value::Object(m)) => {
            !m.is_empty()
                && m.values().all(|v| match v {
                    Value::String(s) => !is_placeholder(s),
                    _ => true,
                })
        }
        Some(Value::String(s)) => !is_placeholder(s),
        _ => false,
    }
}

/// A reference to a value in a parameter string.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Ref {
    Stored,
    Attr(String),
    Lex(String),
    View(String),
    External,
    CustomerNumber,
}

/// The name after a prefix: `.name`, `['name']` or `["name"]`.
fn name_after(rest: &str) -> Option<String> {
    if let Some(r) = rest.strip_prefix('.') {
        let name: String = r
            .chars()
            .take_while(|c| c.is_alphanumeric() || matches!(c, '_' | '-'))
            .collect();
        return (!name.is_empty()).then_some(name);
    }
    let r = rest.strip_prefix('[')?;
    let q = r.chars().next().filter(|c| *c == '\'' || *c == '"')?;
    let r = &r[1..];
    let end = r.find(q)?;
    Some(r[..end].to_string())
}

fn refs_in_str(s: &str, out: &mut Vec<(Ref, String)>) {
    for (i, _) in s.match_indices("$.") {
        let rest = &s[i..];
        let found = if rest.starts_with(STORED_INPUT_REF) {
            Some((Ref::Stored, STORED_INPUT_REF.to_string()))
        } else if rest.starts_with("$.CustomerEndpoint.Address") {
            Some((
                Ref::CustomerNumber,
                "$.CustomerEndpoint.Address".to_string(),
            ))
        } else if let Some(r) = rest.strip_prefix("$.Attributes") {
            name_after(r).map(|n| (Ref::Attr(n.clone()), format!("$.Attributes.{n}")))
        } else if let Some(r) = rest.strip_prefix("$.Lex.Slots") {
            name_after(r).map(|n| (Ref::Lex(n.clone()), format!("$.Lex.Slots.{n}")))
        } else if let Some(r) = rest.strip_prefix("$.Views.ViewResultData.FormData") {
            let n = name_after(r).unwrap_or_default();
            Some((
                Ref::View(n.clone()),
                format!("$.Views.ViewResultData.FormData.{n}"),
            ))
        } else if let Some(r) = rest.strip_prefix("$.External") {
            let n = name_after(r).map(|n| format!(".{n}")).unwrap_or_default();
            Some((Ref::External, format!("$.External{n}")))
        } else {
            None
        };
        if let Some(f) = found {
            out.push(f);
        }
    }
}

fn refs_in(v: &Value, out: &mut Vec<(Ref, String)>) {
    match v {
        Value::String(s) => refs_in_str(s, out),
        Value::Array(a) => a.iter().for_each(|x| refs_in(x, out)),
        Value::Object(m) => m.values().for_each(|x| refs_in(x, out)),
        _ => {}
    }
}

/// The sensitive values `v` refers to in `state`: their references (in
/// order, without repeats) and the most sensitive class among them.
pub(super) fn tainted(v: &Value, state: &State) -> (Vec<String>, Option<DataClass>) {
    let mut found = Vec::new();
    refs_in(v, &mut found);
    let mut refs: Vec<String> = Vec::new();
    let mut class: Option<DataClass> = None;
    for (r, text) in found {
        let c = match &r {
            Ref::Stored => state.stored,
            Ref::Attr(n) => state.attrs.get(n).copied(),
            Ref::Lex(n) | Ref::View(n) => Some(class_of_named_input(n)),
            Ref::External => state.external,
            Ref::CustomerNumber => Some(DataClass::PersonalData),
        };
        let Some(c) = c.filter(|c| *c != DataClass::NotSensitive) else {
            continue;
        };
        class = class.max(Some(c));
        if !refs.contains(&text) {
            refs.push(text);
        }
    }
    (refs, class)
}

/// The state after a block runs (for transitions out of it).
/// `instance_on` is false when the instance writes no flow logs at all.
pub(super) fn step(action: &FlowAction, state: &State, instance_on: bool) -> State {
    let mut next = state.clone();
    let p = &action.parameters;
    match action.action_type.as_str() {
        "UpdateFlowLoggingBehavior" => {
            if let Some(l) = logging_of(p.get("FlowLoggingBehavior")) {
                next.logging = match l {
                    Logging::Enabled if instance_on => Lg::On,
                    _ => Lg::Off,
                };
            }
        }
        _ if captures(action) => {
            next.stored = if is_encrypted(p) {
                None
            } else {
                Some(class_of_capture(p, action.name.as_deref()))
                    .filter(|c| *c != DataClass::NotSensitive)
            };
        }
        "UpdateContactAttributes" => {
            if let Some(Value::Object(attrs)) = p.get("Attributes") {
                for (k, v) in attrs {
                    match tainted(v, state).1 {
                        Some(c) => {
                            next.attrs.insert(k.clone(), upgrade_by_name(c, k));
                        }
                        None => {
                            next.attrs.remove(k);
                        }
                    }
                }
            }
        }
        "InvokeLambdaFunction" => next.external = tainted(p, state).1,
        _ => {}
    }
    next
}

/// The capture itself, or a use of a sensitive value, when logging may be
/// on: its kind, references and class.
pub(super) fn uses(
    action: &FlowAction,
    state: &State,
) -> Option<(FindingKind, Vec<String>, DataClass)> {
    if !state.logging.may_log() {
        return None;
    }
    let p = &action.parameters;
    let kind = match action.action_type.as_str() {
        "UpdateFlowLoggingBehavior" => return None,
        _ if captures(action) && !is_encrypted(p) => {
            let class = class_of_capture(p, action.name.as_deref());
            if class != DataClass::NotSensitive {
                return Some((
                    FindingKind::StoredInputUnencrypted,
                    vec![STORED_INPUT_REF.to_string()],
                    class,
                ));
            }
            FindingKind::PromptUsesSensitive
        }
        "GetParticipantInput"
        | "StoreUserInput"
        | "MessageParticipant"
        | "MessageParticipantIteratively" => FindingKind::PromptUsesSensitive,
        "InvokeLambdaFunction" => FindingKind::LambdaReceivesSensitive,
        "UpdateContactAttributes" => FindingKind::AttributeStoresSensitive,
        "Compare" => FindingKind::CompareUsesSensitive,
        "ShowView" => FindingKind::ViewUsesSensitive,
        _ => FindingKind::OtherUsesSensitive,
    };
    let (refs, class) = tainted(p, state);
    class.map(|c| (kind, refs, c))
}
