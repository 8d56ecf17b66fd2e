//! The flow language JSON (as the flow designer exports it, or as
//! `DescribeContactFlow` returns it in `Content`) read into a [`FlowFile`].
//!
//! Malformed input is refused with one [`FlowError`]: its code, the JSON path
//! of the offending value, that value's line and column, and a hint.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::blocks::{logging_of, target_param};
use super::positions::{line_column, locate, render_path, Seg};
use super::{FlowAction, FlowCode, FlowError, FlowFile, Transition};

/// Builds errors for one input text.
struct ErrCtx<'a> {
    source: &'a str,
    json: &'a str,
}

impl ErrCtx<'_> {
    fn err(&self, code: FlowCode, path: &[Seg], message: String, hint: &str) -> FlowError {
        let offset = locate(self.json, path);
        let (line, column) = line_column(self.json, offset);
        FlowError {
            code,
            source: self.source.to_string(),
            json_path: render_path(path),
            line: Some(line),
            column: Some(column),
            message,
            hint: Some(hint.to_string()),
        }
    }
}

/// Parses one flow from its flow language JSON.
pub fn parse_flow(
    source: &str,
    name: &str,
    arn: Option<&str>,
    id: Option<&str>,
    json: &str,
) -> Result<FlowFile, FlowError> {
    parse_impl(source, Some(name), name, arn, id, json)
}

/// Parses a flow; `name` wins, then `Metadata.name`, then `fallback_name`.
pub(super) fn parse_impl(
    source: &str,
    name: Option<&str>,
    fallback_name: &str,
    arn: Option<&str>,
    id: Option<&str>,
    json: &str,
) -> Result<FlowFile, FlowError> {
    let value: Value = serde_json::from_str(json).map_err(|e| syntax_error(source, &e, json))?;
    if let Some(root) = value.as_object() {
        if let Some((content, wrapped_name)) = super::legacy::unwrap_content(root) {
            let fallback = wrapped_name.as_deref().unwrap_or(fallback_name);
            let wrapped_type = root.get("Type").and_then(Value::as_str);
            return parse_impl(source, name, fallback, arn, id, &content)
                .map(|mut f| {
                    if f.flow_type.is_none() {
                        f.flow_type = wrapped_type.map(super::api_flow_type);
                    }
                    f
                })
                .map_err(|mut e| {
                    e.json_path = format!("$.Content → {}", e.json_path);
                    e
                });
        }
        if super::legacy::is_legacy(root) {
            let converted = super::legacy::convert(root);
            return parse_impl(source, name, fallback_name, arn, id, &converted).map_err(
                |mut e| {
                    e.line = None;
                    e.column = None;
                    e.message = format!(
                        "{} (in the pre-2019 export format, read as modules)",
                        e.message
                    );
                    e
                },
            );
        }
    }
    let ctx = ErrCtx { source, json };
    let root = value.as_object().ok_or_else(|| {
        ctx.err(
            FlowCode::WrongShape,
            &[],
            "the flow is not a JSON object".to_string(),
            "a flow is an object with Version, StartAction and Actions, as exported from the flow designer",
        )
    })?;

    let actions_value = root.get("Actions").ok_or_else(|| {
        let hint = if root.contains_key("ContactFlow") {
            "this looks like DescribeContactFlow output: save the string in ContactFlow.Content as the flow file"
        } else {
            "a flow lists its blocks in an Actions array; export the flow again from the flow designer"
        };
        ctx.err(
            FlowCode::MissingKey,
            &[Seg::Key("Actions")],
            "the flow has no Actions".to_string(),
            hint,
        )
    })?;
    let actions_array = actions_value.as_array().ok_or_else(|| {
        ctx.err(
            FlowCode::WrongShape,
            &[Seg::Key("Actions")],
            format!("Actions is {}, not an array", kind_of(actions_value)),
            "Actions must be an array of blocks, each with Identifier, Type, Parameters and Transitions",
        )
    })?;

    let metadata = root.get("Metadata").and_then(Value::as_object);
    let action_metadata = metadata
        .and_then(|m| m.get("ActionMetadata"))
        .and_then(Value::as_object);

    // Pass 1: identifiers, types, parameters; duplicates.
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut actions = Vec::with_capacity(actions_array.len());
    for (i, action) in actions_array.iter().enumerate() {
        actions.push(block(&ctx, i, action, action_metadata, &mut index)?);
    }

    // StartAction.
    let start_action = match root.get("StartAction") {
        None => {
            return Err(ctx.err(
                FlowCode::MissingKey,
                &[Seg::Key("StartAction")],
                "the flow has no StartAction".to_string(),
                "StartAction must name the Identifier of the first block; export the flow again or add it",
            ))
        }
        Some(Value::String(s)) => s.clone(),
        Some(other) => {
            return Err(ctx.err(
                FlowCode::WrongShape,
                &[Seg::Key("StartAction")],
                format!("StartAction is {}, not a string", kind_of(other)),
                "StartAction must name the Identifier of the first block",
            ))
        }
    };
    if !index.contains_key(start_action.as_str()) {
        return Err(ctx.err(
            FlowCode::UnknownBlock,
            &[Seg::Key("StartAction")],
            format!("StartAction \"{start_action}\" names no block"),
            &unknown_hint(&start_action, &index),
        ));
    }

    // Pass 2: transitions, each checked against the identifiers.
    for (i, action) in actions_array.iter().enumerate() {
        let edges = transitions(&ctx, i, action, &index)?;
        if let Some(a) = actions.get_mut(i) {
            a.transitions = edges;
        }
    }

    let meta_name = metadata
        .and_then(|m| m.get("name"))
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty());
    let name = name.or(meta_name).unwrap_or(fallback_name);
    let flow_type = metadata
        .and_then(|m| m.get("type"))
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty())
        .map(super::api_flow_type);
    Ok(FlowFile {
        source: source.to_string(),
        name: name.to_string(),
        arn: arn.map(str::to_string),
        id: id.map(str::to_string),
        flow_type,
        start_action,
        actions,
    })
}

/// Block `i` of `Actions` without its transitions; records its identifier
/// in `index` and refuses a duplicate.
fn block<'v>(
    ctx: &ErrCtx<'_>,
    i: usize,
    action: &'v Value,
    action_metadata: Option<&Map<String, Value>>,
    index: &mut HashMap<&'v str, usize>,
) -> Result<FlowAction, FlowError> {
    let here = [Seg::Key("Actions"), Seg::Index(i)];
    let obj = action.as_object().ok_or_else(|| {
        ctx.err(
            FlowCode::WrongShape,
            &here,
            format!("block is {}, not an object", kind_of(action)),
            "each entry of Actions must be an object with Identifier, Type, Parameters and Transitions",
        )
    })?;
    let ident_path = [Seg::Key("Actions"), Seg::Index(i), Seg::Key("Identifier")];
    let identifier = obj
        .get("Identifier")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .ok_or_else(|| {
            ctx.err(
                FlowCode::MissingKey,
                &ident_path,
                "block has no Identifier (or it is not a non-empty string)".to_string(),
                "every block needs a unique string Identifier that transitions refer to",
            )
        })?;
    if let Some(first) = index.insert(identifier, i) {
        return Err(ctx.err(
            FlowCode::DuplicateIdentifier,
            &ident_path,
            format!("duplicate Identifier \"{identifier}\" (first used at $.Actions[{first}])"),
            "Identifiers must be unique within a flow; rename one block and update the transitions that point to it",
        ));
    }
    let action_type = obj
        .get("Type")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .ok_or_else(|| {
            ctx.err(
                FlowCode::MissingKey,
                &[Seg::Key("Actions"), Seg::Index(i), Seg::Key("Type")],
                format!("block \"{identifier}\" has no Type (or it is not a non-empty string)"),
                "every block needs a Type such as GetParticipantInput or UpdateFlowLoggingBehavior",
            )
        })?;
    let parameters = match obj.get("Parameters") {
        None | Some(Value::Null) => Value::Object(Map::new()),
        Some(p @ Value::Object(_)) => p.clone(),
        Some(other) => {
            return Err(ctx.err(
                FlowCode::WrongShape,
                &[Seg::Key("Actions"), Seg::Index(i), Seg::Key("Parameters")],
                format!(
                    "Parameters of \"{identifier}\" is {}, not an object",
                    kind_of(other)
                ),
                "Parameters must be an object (use {} for none)",
            ))
        }
    };
    if action_type == "UpdateFlowLoggingBehavior" {
        let behaviour = parameters.get("FlowLoggingBehavior");
        if logging_of(behaviour).is_none() {
            return Err(ctx.err(
                FlowCode::BadLoggingBehavior,
                &[
                    Seg::Key("Actions"),
                    Seg::Index(i),
                    Seg::Key("Parameters"),
                    Seg::Key("FlowLoggingBehavior"),
                ],
                format!(
                    "FlowLoggingBehavior of \"{identifier}\" is {}, not \"Enabled\" or \"Disabled\"",
                    behaviour.map_or_else(|| "missing".to_string(), Value::to_string)
                ),
                "without a known logging state the flow cannot be judged; set it to \"Enabled\" or \"Disabled\"",
            ));
        }
    }
    let meta = action_metadata
        .and_then(|m| m.get(identifier))
        .and_then(Value::as_object);
    let name = meta.and_then(|m| {
        ["name", "friendlyName"]
            .iter()
            .find_map(|k| m.get(*k).and_then(Value::as_str).filter(|s| !s.is_empty()))
            .map(str::to_string)
    });
    let target_name = target_param(action_type).and_then(|param| {
        let meta = meta?;
        meta.get("parameters")
            .and_then(|p| p.get(param))
            .and_then(|p| p.get("displayName"))
            .and_then(Value::as_str)
            .or_else(|| {
                meta.get("ContactFlow")
                    .and_then(|c| c.get("text"))
                    .and_then(Value::as_str)
            })
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    });
    Ok(FlowAction {
        identifier: identifier.to_string(),
        action_type: action_type.to_string(),
        name,
        parameters,
        transitions: Vec::new(),
        target_name,
    })
}

/// The outgoing edges of block `i`, in file order: `NextAction`, then
/// `Conditions`, then `Errors`; each target must be a block of the flow.
fn transitions(
    ctx: &ErrCtx<'_>,
    i: usize,
    action: &Value,
    index: &HashMap<&str, usize>,
) -> Result<Vec<Transition>, FlowError> {
    let mut edges = Vec::new();
    let Some(transitions) = action.get("Transitions") else {
        return Ok(edges);
    };
    let base = [Seg::Key("Actions"), Seg::Index(i), Seg::Key("Transitions")];
    let transitions = match transitions {
        Value::Null => return Ok(edges),
        Value::Object(t) => t,
        other => {
            return Err(ctx.err(
                FlowCode::WrongShape,
                &base,
                format!("Transitions is {}, not an object", kind_of(other)),
                "Transitions must be an object with NextAction, Errors and Conditions",
            ))
        }
    };
    if let Some(next) = transitions.get("NextAction") {
        let path = [base[0], base[1], base[2], Seg::Key("NextAction")];
        let target = check_target(ctx, &path, next, index)?;
        edges.push(Transition {
            next_action: target,
            via: "NextAction".to_string(),
        });
    }
    for list in ["Conditions", "Errors"] {
        let Some(entries) = transitions.get(list) else {
            continue;
        };
        let list_path = [base[0], base[1], base[2], Seg::Key(list)];
        let entries = match entries {
            Value::Null => continue,
            Value::Array(a) => a,
            other => {
                return Err(ctx.err(
                    FlowCode::WrongShape,
                    &list_path,
                    format!("{list} is {}, not an array", kind_of(other)),
                    "Errors and Conditions must be arrays of objects with a NextAction",
                ))
            }
        };
        for (k, entry) in entries.iter().enumerate() {
            let entry_path = [base[0], base[1], base[2], Seg::Key(list), Seg::Index(k)];
            let Some(entry) = entry.as_object() else {
                return Err(ctx.err(
                    FlowCode::WrongShape,
                    &entry_path,
                    format!("{list} entry is {}, not an object", kind_of(entry)),
                    "each entry must be an object with a NextAction",
                ));
            };
            let Some(next) = entry.get("NextAction") else {
                continue;
            };
            let next_path = [
                base[0],
                base[1],
                base[2],
                Seg::Key(list),
                Seg::Index(k),
                Seg::Key("NextAction"),
            ];
            let target = check_target(ctx, &next_path, next, index)?;
            let via = if list == "Errors" {
                match entry.get("ErrorType").and_then(Value::as_str) {
                    Some(t) => format!("Error {t}"),
                    None => "Error".to_string(),
                }
            } else {
                condition_label(entry.get("Condition"))
            };
            edges.push(Transition {
                next_action: target,
                via,
            });
        }
    }
    Ok(edges)
}

fn syntax_error(source: &str, e: &serde_json::Error, json: &str) -> FlowError {
    let (line, column) = if e.line() == 0 {
        (None, None)
    } else {
        (Some(e.line()), Some(e.column()))
    };
    // serde_json's message ends with the position, which the error carries anyway.
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let detail = full.strip_suffix(&suffix).unwrap_or(&full);
    let (code, message, hint) = if json.contains("${") {
        (
            FlowCode::JsonSyntax,
            format!("not valid JSON ({detail}); the file holds unrendered ${{…}} placeholders"),
            "this is a template (Terraform templatefile, CI substitution): render it first, or export the deployed flow from the console or DescribeContactFlow",
        )
    } else if e.is_eof() {
        (
            FlowCode::Truncated,
            format!("the file ends before the JSON is complete ({detail})"),
            "the file looks truncated; export the flow again (flow designer, or DescribeContactFlow's Content) and replace it",
        )
    } else {
        (
            FlowCode::JsonSyntax,
            format!("not valid JSON ({detail})"),
            "flows must be the JSON exported from the flow designer or the Content of DescribeContactFlow",
        )
    };
    FlowError {
        code,
        source: source.to_string(),
        json_path: "$".to_string(),
        line,
        column,
        message,
        hint: Some(hint.to_string()),
    }
}

fn check_target(
    ctx: &ErrCtx<'_>,
    path: &[Seg],
    next: &Value,
    index: &HashMap<&str, usize>,
) -> Result<String, FlowError> {
    match next {
        Value::String(s) if index.contains_key(s.as_str()) => Ok(s.clone()),
        Value::String(s) => Err(ctx.err(
            FlowCode::UnknownBlock,
            path,
            format!("NextAction \"{s}\" names no block"),
            &unknown_hint(s, index),
        )),
        other => Err(ctx.err(
            FlowCode::WrongShape,
            path,
            format!("NextAction is {}, not a string", kind_of(other)),
            "NextAction must name the Identifier of a block in Actions",
        )),
    }
}

fn unknown_hint(name: &str, index: &HashMap<&str, usize>) -> String {
    match crate::text::closest(name, index.keys().copied()) {
        Some(known) => format!(
            "did you mean \"{known}\"? It must be the Identifier of a block in Actions"
        ),
        None => "it must be the Identifier of a block in Actions; the flow may be a partial export or hand-edited"
            .to_string(),
    }
}

fn condition_label(condition: Option<&Value>) -> String {
    let Some(condition) = condition else {
        return "Condition".to_string();
    };
    let mut label = String::from("Condition");
    if let Some(op) = condition.get("Operator").and_then(Value::as_str) {
        label.push(' ');
        label.push_str(op);
    }
    if let Some(operands) = condition.get("Operands").and_then(Value::as_array) {
        for operand in operands {
            label.push(' ');
            match operand {
                Value::String(s) => label.push_str(s),
                other => label.push_str(&other.to_string()),
            }
        }
    }
    label
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
