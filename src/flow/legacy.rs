//! Flows as older tools store them, turned into the flow language the
//! analysis reads: the pre-2019 export (`modules`, `start`, blocks such as
//! `SetLoggingBehavior`, `StoreUserInput`, `InvokeExternalResource`), and a
//! flow wrapped as `{"Name", "Type", "Content": "<flow JSON as a string>"}`
//! (as Terraform and some CI pipelines keep it).

use serde_json::{json, Map, Value};

/// The wrapped flow's text and its name, when `root` is a wrapper.
pub(super) fn unwrap_content(root: &Map<String, Value>) -> Option<(String, Option<String>)> {
    if root.contains_key("Actions") || root.contains_key("modules") {
        return None;
    }
    let content = root.get("Content")?.as_str()?.to_string();
    let name = root.get("Name").and_then(Value::as_str).map(str::to_string);
    Some((content, name))
}

/// True for the pre-2019 export format.
pub(super) fn is_legacy(root: &Map<String, Value>) -> bool {
    !root.contains_key("Actions") && root.get("modules").is_some_and(Value::is_array)
}

/// The value a legacy parameter refers to, as a flow language reference.
fn reference(p: &Value) -> Value {
    let value = p.get("value").cloned().unwrap_or(Value::Null);
    let Some(text) = value.as_str() else {
        return value;
    };
    let ns = p.get("namespace").and_then(Value::as_str).unwrap_or("");
    let lower = text.to_ascii_lowercase().replace([' ', '_'], "");
    let r = match ns {
        "System" if lower.contains("customerinput") || lower.contains("storedinput") => {
            "$.StoredCustomerInput".to_string()
        }
        "System" if lower.contains("customernumber") || lower.contains("customerendpoint") => {
            "$.CustomerEndpoint.Address".to_string()
        }
        "User Defined" | "UserDefined" | "Attributes" => format!("$.Attributes.{text}"),
        "External" => format!("$.External.{text}"),
        "Lex.Slots" | "Lex" => format!("$.Lex.Slots.{text}"),
        _ => text.to_string(),
    };
    Value::String(r)
}

fn param<'a>(params: &'a [Value], name: &str) -> Option<&'a Value> {
    params
        .iter()
        .find(|p| p.get("name").and_then(Value::as_str) == Some(name))
}

fn param_str(params: &[Value], name: &str) -> Option<String> {
    param(params, name)
        .and_then(|p| p.get("value"))
        .map(|v| match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        })
}

/// Key/value parameters (`Parameter`, `Attribute`) as an object of references.
fn keyed(params: &[Value], name: &str) -> Value {
    let mut out = Map::new();
    for p in params
        .iter()
        .filter(|p| p.get("name").and_then(Value::as_str) == Some(name))
    {
        if let Some(k) = p.get("key").and_then(Value::as_str) {
            out.insert(k.to_string(), reference(p));
        }
    }
    Value::Object(out)
}

/// One legacy module as a flow language block, with its metadata entry.
fn block(m: &Value) -> (Value, Option<(String, Value)>) {
    let id = m.get("id").cloned().unwrap_or(Value::Null);
    let ty = m.get("type").and_then(Value::as_str).unwrap_or("");
    let empty = Vec::new();
    let params = m
        .get("parameters")
        .and_then(Value::as_array)
        .unwrap_or(&empty);
    let mut meta = None;
    let (new_type, parameters) = match ty {
        "SetLoggingBehavior" => {
            let on = param_str(params, "LoggingBehavior")
                .is_some_and(|v| v.to_ascii_lowercase().starts_with("enable"));
            (
                "UpdateFlowLoggingBehavior",
                json!({"FlowLoggingBehavior": if on { "Enabled" } else { "Disabled" }}),
            )
        }
        "StoreUserInput" | "GetUserInput" => {
            let mut p = Map::new();
            if let Some(t) = param_str(params, "Text") {
                p.insert("Text".into(), Value::String(t));
            }
            if let Some(d) = param_str(params, "MaxDigits") {
                p.insert("MaxDigits".into(), Value::String(d));
            }
            if ty == "StoreUserInput" {
                p.insert("StoreInput".into(), Value::String("True".into()));
                let encrypt = param_str(params, "EncryptEntry").is_some_and(|v| v == "true");
                if encrypt {
                    p.insert(
                        "InputEncryption".into(),
                        json!({
                            "EncryptionKeyId": param_str(params, "EncryptionKeyId").unwrap_or_default(),
                            "Key": param_str(params, "EncryptionKey").unwrap_or_default(),
                        }),
                    );
                }
            }
            ("GetParticipantInput", Value::Object(p))
        }
        "InvokeExternalResource" => (
            "InvokeLambdaFunction",
            json!({
                "LambdaFunctionARN": param_str(params, "FunctionArn").unwrap_or_default(),
                "LambdaFunctionParameters": keyed(params, "Parameter"),
            }),
        ),
        "SetAttributes" => (
            "UpdateContactAttributes",
            json!({"Attributes": keyed(params, "Attribute")}),
        ),
        "PlayPrompt" => (
            "MessageParticipant",
            json!({"Text": param_str(params, "Text").unwrap_or_default()}),
        ),
        "CheckAttribute" => {
            let attr = param(params, "Attribute")
                .map(reference)
                .unwrap_or(Value::Null);
            ("Compare", json!({"ComparisonValue": attr}))
        }
        "Transfer" if m.get("target").and_then(Value::as_str) == Some("Flow") => {
            let p = param(params, "ContactFlowId");
            let target = p
                .and_then(|p| p.get("value"))
                .cloned()
                .unwrap_or(Value::Null);
            if let (Some(name), Some(id)) = (
                p.and_then(|p| p.get("resourceName"))
                    .and_then(Value::as_str),
                id.as_str(),
            ) {
                meta = Some((
                    id.to_string(),
                    json!({"parameters": {"ContactFlowId": {"displayName": name}}}),
                ));
            }
            ("TransferToFlow", json!({"ContactFlowId": target}))
        }
        other => (other, Value::Object(Map::new())),
    };
    let mut next = None;
    let mut conditions = Vec::new();
    let mut errors = Vec::new();
    for b in m
        .get("branches")
        .and_then(Value::as_array)
        .unwrap_or(&empty)
    {
        let Some(to) = b.get("transition").cloned() else {
            continue;
        };
        match b.get("condition").and_then(Value::as_str).unwrap_or("") {
            "Success" if next.is_none() => next = Some(to),
            "Evaluate" => conditions.push(json!({
                "NextAction": to,
                "Condition": {
                    "Operator": b.get("conditionType").cloned().unwrap_or(Value::Null),
                    "Operands": [b.get("conditionValue").cloned().unwrap_or(Value::Null)],
                },
            })),
            other => errors.push(json!({"NextAction": to, "ErrorType": other})),
        }
    }
    let mut transitions = Map::new();
    if let Some(n) = next {
        transitions.insert("NextAction".into(), n);
    }
    if !conditions.is_empty() {
        transitions.insert("Conditions".into(), Value::Array(conditions));
    }
    if !errors.is_empty() {
        transitions.insert("Errors".into(), Value::Array(errors));
    }
    (
        json!({
            "Identifier": id,
            "Type": new_type,
            "Parameters": parameters,
            "Transitions": transitions,
        }),
        meta,
    )
}

/// The legacy export as flow language JSON (pretty-printed, so that errors
/// found in it still point at a line).
pub(super) fn convert(root: &Map<String, Value>) -> String {
    let mut actions = Vec::new();
    let mut action_meta = Map::new();
    for m in root
        .get("modules")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let (b, meta) = block(m);
        actions.push(b);
        if let Some((id, meta)) = meta {
            action_meta.insert(id, meta);
        }
    }
    let name = root
        .get("metadata")
        .and_then(|m| m.get("name"))
        .cloned()
        .unwrap_or(Value::Null);
    let mut out = json!({
        "Version": "2019-10-30",
        "Actions": actions,
        "Metadata": {"ActionMetadata": action_meta},
    });
    if let Some(start) = root.get("start") {
        out["StartAction"] = start.clone();
    }
    if name.is_string() {
        out["Metadata"]["name"] = name;
    }
    let ty = root
        .get("type")
        .or_else(|| root.get("metadata").and_then(|m| m.get("type")))
        .filter(|t| t.is_string());
    if let Some(ty) = ty {
        out["Metadata"]["type"] = ty.clone();
    }
    serde_json::to_string_pretty(&out).unwrap_or_default()
}
