//! Amazon Connect flows: where sensitive customer input meets flow logging.
//!
//! AWS advises turning flow logging off in the parts of a flow that capture
//! sensitive data, because CloudWatch flow logs record the values that blocks
//! handle: stored DTMF input, the parameters sent to Lambda functions, the
//! contact attributes that are set. A procurement review wants a yes/no per
//! flow ("can a card number reach the logs?") backed by a concrete path that a
//! reviewer can follow in the flow designer. This module gives that answer
//! from the flow language JSON that the console exports (or that
//! `DescribeContactFlow` returns in `Content`).
//!
//! [`parse_flow`] and [`load_dir`] read flows and report malformed input as a
//! [`FlowError`] with a JSON path, a line and column, and a hint.
//! [`analyze`] walks every path from each flow's `StartAction`, tracking the
//! logging state that `UpdateFlowLoggingBehavior` sets. That state stays in
//! force for the rest of the contact segment, so it follows `TransferToFlow`
//! and `InvokeFlowModule` into other flows of the same set (and back out of
//! modules). A flow that no flow in the set passes control to starts in the
//! instance default (`CONTACTFLOW_LOGS`), and findings that rest on that
//! assumption say so. The search runs over (flow, block, state) with a visited
//! set, so loops terminate, and each finding keeps the path of the first
//! visit: one concrete route from a flow's start to the block with logging on.

// The public API returns `FlowError` by value (the caller collects them per
// file); it is larger than clippy's threshold, and errors are rare and cheap
// next to reading a file, so boxing would only add noise for callers.
#![allow(clippy::result_large_err)]

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::path::Path;

pub use crate::model::flow::{
    Analysis, Finding, FindingKind, FlowError, FlowVerdict, Logging, PathStep,
};
use serde::Serialize;
use serde_json::{Map, Value};

/// The system attribute that holds input stored by `GetParticipantInput`.
const STORED_INPUT_REF: &str = "$.StoredCustomerInput";
/// The system attribute that holds the customer's phone number.
const CUSTOMER_NUMBER_REF: &str = "$.CustomerEndpoint.Address";

/// One flow, parsed from the flow language JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FlowFile {
    /// File path or ARN the flow was read from, as given.
    pub source: String,
    /// Flow name used in reports and to match transfers by name.
    pub name: String,
    /// Flow ARN, when known; transfers are matched against it.
    pub arn: Option<String>,
    /// Flow id, when known; transfers are matched against it.
    pub id: Option<String>,
    /// Identifier of the first block (`StartAction`).
    pub start_action: String,
    /// The blocks (`Actions`) in file order.
    pub actions: Vec<FlowAction>,
}

/// One block (an entry of `Actions`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FlowAction {
    /// The block's `Identifier`.
    pub identifier: String,
    /// The block's `Type`, e.g. `GetParticipantInput`.
    pub action_type: String,
    /// Display name from `Metadata.ActionMetadata.<Identifier>` (`name` or `friendlyName`).
    pub name: Option<String>,
    /// The block's `Parameters` (an empty object when absent).
    pub parameters: Value,
    /// Outgoing transitions in file order: `NextAction`, then `Conditions`, then `Errors`.
    pub transitions: Vec<Transition>,
    /// For `TransferToFlow` / `InvokeFlowModule`: the target's display name from the metadata.
    pub target_name: Option<String>,
}

/// One outgoing edge of a block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Transition {
    /// Identifier of the next block.
    pub next_action: String,
    /// How the edge is taken: "NextAction", "Condition Equals 1", "Error NoMatchingError".
    pub via: String,
}

// ---------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------

/// A segment of a JSON path.
#[derive(Debug, Clone, Copy)]
enum Seg {
    Key(&'static str),
    Index(usize),
}

fn render_path(path: &[Seg]) -> String {
    let mut out = String::from("$");
    for seg in path {
        match seg {
            Seg::Key(k) => {
                out.push('.');
                out.push_str(k);
            }
            Seg::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// Builds errors for one input text.
struct ErrCtx<'a> {
    source: &'a str,
    json: &'a str,
}

impl ErrCtx<'_> {
    fn err(&self, path: &[Seg], message: String, hint: &str) -> FlowError {
        let offset = locate(self.json, path);
        let (line, column) = line_column(self.json, offset);
        FlowError {
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
fn parse_impl(
    source: &str,
    name: Option<&str>,
    fallback_name: &str,
    arn: Option<&str>,
    id: Option<&str>,
    json: &str,
) -> Result<FlowFile, FlowError> {
    let value: Value = serde_json::from_str(json).map_err(|e| syntax_error(source, &e))?;
    let ctx = ErrCtx { source, json };
    let root = value.as_object().ok_or_else(|| {
        ctx.err(
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
            &[Seg::Key("Actions")],
            "the flow has no Actions".to_string(),
            hint,
        )
    })?;
    let actions_array = actions_value.as_array().ok_or_else(|| {
        ctx.err(
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
        let here = [Seg::Key("Actions"), Seg::Index(i)];
        let obj = action.as_object().ok_or_else(|| {
            ctx.err(
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
                    &ident_path,
                    "block has no Identifier (or it is not a non-empty string)".to_string(),
                    "every block needs a unique string Identifier that transitions refer to",
                )
            })?;
        if let Some(first) = index.insert(identifier, i) {
            return Err(ctx.err(
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
        actions.push(FlowAction {
            identifier: identifier.to_string(),
            action_type: action_type.to_string(),
            name,
            parameters,
            transitions: Vec::new(),
            target_name,
        });
    }

    // StartAction.
    let start_action = match root.get("StartAction") {
        None => {
            return Err(ctx.err(
                &[Seg::Key("StartAction")],
                "the flow has no StartAction".to_string(),
                "StartAction must name the Identifier of the first block; export the flow again or add it",
            ))
        }
        Some(Value::String(s)) => s.clone(),
        Some(other) => {
            return Err(ctx.err(
                &[Seg::Key("StartAction")],
                format!("StartAction is {}, not a string", kind_of(other)),
                "StartAction must name the Identifier of the first block",
            ))
        }
    };
    if !index.contains_key(start_action.as_str()) {
        return Err(ctx.err(
            &[Seg::Key("StartAction")],
            format!("StartAction \"{start_action}\" names no block"),
            &unknown_hint(&start_action, &index),
        ));
    }

    // Pass 2: transitions, each checked against the identifiers.
    for (i, action) in actions_array.iter().enumerate() {
        let Some(transitions) = action.get("Transitions") else {
            continue;
        };
        let base = [Seg::Key("Actions"), Seg::Index(i), Seg::Key("Transitions")];
        let transitions = match transitions {
            Value::Null => continue,
            Value::Object(t) => t,
            other => {
                return Err(ctx.err(
                    &base,
                    format!("Transitions is {}, not an object", kind_of(other)),
                    "Transitions must be an object with NextAction, Errors and Conditions",
                ))
            }
        };
        let mut edges = Vec::new();
        if let Some(next) = transitions.get("NextAction") {
            let path = [base[0], base[1], base[2], Seg::Key("NextAction")];
            let target = check_target(&ctx, &path, next, &index)?;
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
                let target = check_target(&ctx, &next_path, next, &index)?;
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
        if let Some(a) = actions.get_mut(i) {
            a.transitions = edges;
        }
    }

    let meta_name = metadata
        .and_then(|m| m.get("name"))
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty());
    let name = name.or(meta_name).unwrap_or(fallback_name);
    Ok(FlowFile {
        source: source.to_string(),
        name: name.to_string(),
        arn: arn.map(str::to_string),
        id: id.map(str::to_string),
        start_action,
        actions,
    })
}

fn syntax_error(source: &str, e: &serde_json::Error) -> FlowError {
    let (line, column) = if e.line() == 0 {
        (None, None)
    } else {
        (Some(e.line()), Some(e.column()))
    };
    // serde_json's message ends with the position, which the error carries anyway.
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let detail = full.strip_suffix(&suffix).unwrap_or(&full);
    let (message, hint) = if e.is_eof() {
        (
            format!("the file ends before the JSON is complete ({detail})"),
            "the file looks truncated; export the flow again (flow designer, or DescribeContactFlow's Content) and replace it",
        )
    } else {
        (
            format!("not valid JSON ({detail})"),
            "flows must be the JSON exported from the flow designer or the Content of DescribeContactFlow",
        )
    };
    FlowError {
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
            path,
            format!("NextAction \"{s}\" names no block"),
            &unknown_hint(s, index),
        )),
        other => Err(ctx.err(
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

fn logging_of(v: Option<&Value>) -> Option<Logging> {
    match v.and_then(Value::as_str) {
        Some("Enabled") => Some(Logging::Enabled),
        Some("Disabled") => Some(Logging::Disabled),
        _ => None,
    }
}

/// The parameter that names the target flow of a control-passing block.
fn target_param(action_type: &str) -> Option<&'static str> {
    match action_type {
        "TransferToFlow" => Some("ContactFlowId"),
        "InvokeFlowModule" => Some("FlowModuleId"),
        _ => None,
    }
}

/// Byte offset of the value at `path`, or of the deepest ancestor that exists.
/// The text is known to be valid JSON (serde_json parsed it).
fn locate(json: &str, path: &[Seg]) -> usize {
    let b = json.as_bytes();
    let mut pos = skip_ws(b, 0);
    for seg in path {
        match locate_child(b, pos, *seg) {
            Some(child) => pos = child,
            None => break,
        }
    }
    pos
}

fn locate_child(b: &[u8], start: usize, seg: Seg) -> Option<usize> {
    let mut pos = start;
    match seg {
        Seg::Key(key) => {
            if *b.get(pos)? != b'{' {
                return None;
            }
            pos += 1;
            let mut found = None;
            loop {
                pos = skip_ws(b, pos);
                if *b.get(pos)? != b'"' {
                    return found;
                }
                let key_end = skip_string(b, pos)?;
                let raw = b.get(pos + 1..key_end - 1)?;
                pos = skip_ws(b, key_end);
                if *b.get(pos)? != b':' {
                    return found;
                }
                pos = skip_ws(b, pos + 1);
                // serde_json keeps the last of duplicate keys.
                if raw == key.as_bytes() {
                    found = Some(pos);
                }
                pos = skip_ws(b, skip_value(b, pos)?);
                if *b.get(pos)? == b',' {
                    pos += 1;
                } else {
                    return found;
                }
            }
        }
        Seg::Index(index) => {
            if *b.get(pos)? != b'[' {
                return None;
            }
            pos += 1;
            for i in 0.. {
                pos = skip_ws(b, pos);
                if *b.get(pos)? == b']' {
                    return None;
                }
                if i == index {
                    return Some(pos);
                }
                pos = skip_ws(b, skip_value(b, pos)?);
                if *b.get(pos)? == b',' {
                    pos += 1;
                } else {
                    return None;
                }
            }
            None
        }
    }
}

fn skip_ws(b: &[u8], mut pos: usize) -> usize {
    while matches!(b.get(pos), Some(b' ' | b'\t' | b'\r' | b'\n')) {
        pos += 1;
    }
    pos
}

/// `pos` is at an opening quote; returns the offset just past the closing quote.
fn skip_string(b: &[u8], pos: usize) -> Option<usize> {
    let mut i = pos + 1;
    loop {
        match *b.get(i)? {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
}

fn skip_value(b: &[u8], pos: usize) -> Option<usize> {
    match *b.get(pos)? {
        b'"' => skip_string(b, pos),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut i = pos;
            loop {
                match *b.get(i)? {
                    b'"' => {
                        i = skip_string(b, i)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
        }
        _ => {
            let mut i = pos;
            while !matches!(
                b.get(i),
                None | Some(b',' | b'}' | b']' | b' ' | b'\t' | b'\r' | b'\n')
            ) {
                i += 1;
            }
            Some(i)
        }
    }
}

/// 1-based line and column (in characters) of a byte offset.
fn line_column(json: &str, offset: usize) -> (usize, usize) {
    let before = json.get(..offset).unwrap_or(json);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
    (line, column)
}

/// Loads every `*.json` file in `dir`, sorted by file name.
///
/// A flow's name is its `Metadata.name` when present, else the file stem; ARN
/// and id are unknown, so transfers into these flows are matched by name (the
/// target's display name that the designer records in the transferring block's
/// metadata). One bad file yields one error and does not stop the others.
pub fn load_dir(dir: &Path) -> (Vec<FlowFile>, Vec<FlowError>) {
    let mut flows = Vec::new();
    let mut errors = Vec::new();
    let io_error = |path: &Path, message: String| FlowError {
        source: path.display().to_string(),
        json_path: "$".to_string(),
        line: None,
        column: None,
        message,
        hint: Some("pass a readable folder of flows exported as .json files (UTF-8)".to_string()),
    };
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            errors.push(io_error(dir, format!("cannot read the folder: {e}")));
            return (flows, errors);
        }
    };
    let mut files = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => {
                let path = entry.path();
                let is_json = path
                    .extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| e.eq_ignore_ascii_case("json"));
                if is_json && path.is_file() {
                    files.push(path);
                }
            }
            Err(e) => errors.push(io_error(dir, format!("cannot list the folder: {e}"))),
        }
    }
    files.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    for path in files {
        let source = path.display().to_string();
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) => {
                errors.push(io_error(&path, format!("cannot read the file: {e}")));
                continue;
            }
        };
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| source.clone());
        match parse_impl(&source, None, &stem, None, None, &text) {
            Ok(flow) => flows.push(flow),
            Err(e) => errors.push(e),
        }
    }
    (flows, errors)
}

// ---------------------------------------------------------------------------
// Analysis
// ---------------------------------------------------------------------------

/// What `$.StoredCustomerInput` may hold at a point of the contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Stored {
    /// Flow entered from outside the set: an earlier flow may have stored plain input.
    Unknown,
    /// The last stored input was unencrypted.
    Plain,
    /// The last stored input was encrypted.
    Encrypted,
}

/// The state tracked along a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct State {
    logging: Logging,
    /// The logging state is the instance default, not set by any block on the path.
    from_default: bool,
    stored: Stored,
}

#[derive(Debug)]
struct Node {
    flow: usize,
    action: usize,
    state: State,
    parent: Option<usize>,
    via: Option<String>,
}

/// First triggering visits of one (flow, block, kind).
#[derive(Debug, Default)]
struct Slot {
    explicit: Option<(usize, Vec<String>)>,
    default: Option<(usize, Vec<String>)>,
}

struct Analyzer<'a> {
    flows: &'a [FlowFile],
    index: Vec<HashMap<&'a str, usize>>,
    starts: Vec<Option<usize>>,
    targets: Vec<Vec<Option<usize>>>,
    nodes: Vec<Node>,
    visited: HashMap<(usize, usize, State), usize>,
    queue: VecDeque<usize>,
    slots: BTreeMap<(usize, usize, FindingKind), Slot>,
    exits_memo: HashMap<(usize, State), Vec<State>>,
    exits_busy: HashSet<(usize, State)>,
}

/// Walks every path of every flow and reports sensitive handling with logging on.
///
/// Flows that no flow in `flows` transfers to (or invokes) start in
/// `default_logging`; the others start in the state carried in by the
/// transfer. Flows only referenced from blocks that are never reached, or only
/// from each other in a cycle, fall back to `default_logging` too.
pub fn analyze(flows: &[FlowFile], default_logging: Logging) -> Analysis {
    let index: Vec<HashMap<&str, usize>> = flows
        .iter()
        .map(|f| {
            f.actions
                .iter()
                .enumerate()
                .map(|(i, a)| (a.identifier.as_str(), i))
                .collect()
        })
        .collect();
    let starts = flows
        .iter()
        .zip(&index)
        .map(|(f, ix)| ix.get(f.start_action.as_str()).copied())
        .collect();
    let targets: Vec<Vec<Option<usize>>> = flows
        .iter()
        .map(|f| f.actions.iter().map(|a| resolve_target(flows, a)).collect())
        .collect();

    let mut referenced = vec![false; flows.len()];
    for (from, per_action) in targets.iter().enumerate() {
        for target in per_action.iter().flatten() {
            if *target != from {
                referenced[*target] = true;
            }
        }
    }

    let mut an = Analyzer {
        flows,
        index,
        starts,
        targets,
        nodes: Vec::new(),
        visited: HashMap::new(),
        queue: VecDeque::new(),
        slots: BTreeMap::new(),
        exits_memo: HashMap::new(),
        exits_busy: HashSet::new(),
    };
    let entry = State {
        logging: default_logging,
        from_default: true,
        stored: Stored::Unknown,
    };
    for (f, is_referenced) in referenced.iter().enumerate() {
        if !is_referenced {
            an.enter(f, entry, None, None);
        }
    }
    loop {
        while let Some(n) = an.queue.pop_front() {
            an.expand(n);
        }
        let mut entered = vec![false; flows.len()];
        for node in &an.nodes {
            entered[node.flow] = true;
        }
        match (0..flows.len()).find(|f| !entered[*f] && an.starts[*f].is_some()) {
            Some(f) => an.enter(f, entry, None, None),
            None => break,
        }
    }
    an.finish()
}

/// Finds the flow a `TransferToFlow` / `InvokeFlowModule` block passes control to.
fn resolve_target(flows: &[FlowFile], action: &FlowAction) -> Option<usize> {
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
fn step(action: &FlowAction, state: State) -> State {
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
fn sensitive(action: &FlowAction, state: State) -> Option<(FindingKind, Vec<String>)> {
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

impl<'a> Analyzer<'a> {
    fn enter(&mut self, flow: usize, state: State, parent: Option<usize>, via: Option<&str>) {
        if let Some(start) = self.starts.get(flow).copied().flatten() {
            self.push(flow, start, state, parent, via);
        }
    }

    fn push(
        &mut self,
        flow: usize,
        action: usize,
        state: State,
        parent: Option<usize>,
        via: Option<&str>,
    ) {
        let key = (flow, action, state);
        if self.visited.contains_key(&key) {
            return;
        }
        let n = self.nodes.len();
        self.nodes.push(Node {
            flow,
            action,
            state,
            parent,
            via: via.map(str::to_string),
        });
        self.visited.insert(key, n);
        self.queue.push_back(n);
    }

    fn action(&self, flow: usize, action: usize) -> Option<&'a FlowAction> {
        self.flows.get(flow)?.actions.get(action)
    }

    fn target(&self, flow: usize, action: usize) -> Option<usize> {
        self.targets.get(flow)?.get(action).copied().flatten()
    }

    fn next_index(&self, flow: usize, id: &str) -> Option<usize> {
        self.index.get(flow)?.get(id).copied()
    }

    fn expand(&mut self, n: usize) {
        let Some(node) = self.nodes.get(n) else {
            return;
        };
        let (flow, a, state) = (node.flow, node.action, node.state);
        let Some(action) = self.action(flow, a) else {
            return;
        };

        if let Some((kind, refs)) = sensitive(action, state) {
            let slot = self.slots.entry((flow, a, kind)).or_default();
            let first = if state.from_default {
                &mut slot.default
            } else {
                &mut slot.explicit
            };
            if first.is_none() {
                *first = Some((n, refs));
            }
        }

        let after = step(action, state);
        let target = self.target(flow, a);
        match (action.action_type.as_str(), target) {
            ("TransferToFlow", Some(t)) => self.enter(t, state, Some(n), Some("TransferToFlow")),
            ("InvokeFlowModule", Some(t)) => {
                self.enter(t, state, Some(n), Some("InvokeFlowModule"))
            }
            _ => {}
        }
        for tr in &action.transitions {
            let Some(next) = self.next_index(flow, &tr.next_action) else {
                continue;
            };
            let states = match (action.action_type.as_str(), target) {
                ("InvokeFlowModule", Some(t)) if tr.via == "NextAction" => {
                    self.module_exits(t, state)
                }
                _ => vec![after],
            };
            for s in states {
                self.push(flow, next, s, Some(n), Some(&tr.via));
            }
        }
    }

    /// States in which module `m`, entered in `entry`, returns to its caller
    /// (`EndFlowModuleExecution`). Nested modules are summarised the same way;
    /// a module that (indirectly) invokes itself is assumed to leave the state unchanged.
    fn module_exits(&mut self, m: usize, entry: State) -> Vec<State> {
        if let Some(exits) = self.exits_memo.get(&(m, entry)) {
            return exits.clone();
        }
        let Some(start) = self.starts.get(m).copied().flatten() else {
            return vec![entry];
        };
        if !self.exits_busy.insert((m, entry)) {
            return vec![entry];
        }
        let mut exits = Vec::new();
        let mut seen = HashSet::new();
        let mut stack = vec![(start, entry)];
        while let Some((a, state)) = stack.pop() {
            if !seen.insert((a, state)) {
                continue;
            }
            let Some(action) = self.action(m, a) else {
                continue;
            };
            if action.action_type == "EndFlowModuleExecution" && !exits.contains(&state) {
                exits.push(state);
            }
            let after = step(action, state);
            let nested = match action.action_type.as_str() {
                "InvokeFlowModule" => self.target(m, a),
                _ => None,
            };
            for tr in &action.transitions {
                let Some(next) = self.next_index(m, &tr.next_action) else {
                    continue;
                };
                let states = match nested {
                    Some(t) if tr.via == "NextAction" => self.module_exits(t, state),
                    _ => vec![after],
                };
                stack.extend(states.into_iter().map(|s| (next, s)));
            }
        }
        exits.sort();
        self.exits_busy.remove(&(m, entry));
        self.exits_memo.insert((m, entry), exits.clone());
        exits
    }

    fn path_to(&self, n: usize) -> Vec<PathStep> {
        let mut steps = Vec::new();
        let mut cur = Some(n);
        while let Some(i) = cur {
            let Some(node) = self.nodes.get(i) else {
                break;
            };
            if let (Some(flow), Some(action)) = (
                self.flows.get(node.flow),
                self.action(node.flow, node.action),
            ) {
                steps.push(PathStep {
                    flow_name: flow.name.clone(),
                    block_id: action.identifier.clone(),
                    block_name: action.name.clone(),
                    via: node.via.clone(),
                });
            }
            cur = node.parent;
        }
        steps.reverse();
        steps
    }

    fn finish(self) -> Analysis {
        let mut findings = Vec::new();
        let mut flagged = vec![false; self.flows.len()];
        let mut ordered: Vec<_> = self.slots.iter().collect();
        ordered.sort_by(|((fa, aa, ka), _), ((fb, ab, kb), _)| {
            let id = |f: usize, a: usize| self.action(f, a).map(|x| x.identifier.as_str());
            (fa, id(*fa, *aa), ka).cmp(&(fb, id(*fb, *ab), kb))
        });
        for ((flow, a, kind), slot) in ordered {
            let (chosen, from_default) = match (&slot.explicit, &slot.default) {
                (Some(c), _) => (c, false),
                (None, Some(c)) => (c, true),
                (None, None) => continue,
            };
            let (Some(file), Some(action)) = (self.flows.get(*flow), self.action(*flow, *a)) else {
                continue;
            };
            flagged[*flow] = true;
            findings.push(Finding {
                flow_source: file.source.clone(),
                flow_name: file.name.clone(),
                block_id: action.identifier.clone(),
                block_name: action.name.clone(),
                kind: *kind,
                references: chosen.1.clone(),
                path: self.path_to(chosen.0),
                logging_from_default: from_default,
            });
        }
        let flows = self
            .flows
            .iter()
            .enumerate()
            .map(|(f, file)| FlowVerdict {
                source: file.source.clone(),
                name: file.name.clone(),
                sensitive_input_logged: flagged[f],
                entry_state_assumed: self.nodes.iter().any(|node| {
                    node.flow == f && Some(node.action) == self.starts[f] && node.state.from_default
                }),
            })
            .collect();
        Analysis { flows, findings }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/flows/");

    fn fixture_text(file: &str) -> String {
        let path = format!("{FIXTURES}{file}");
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
    }

    fn fixture(file: &str, name: &str) -> FlowFile {
        fixture_with(file, name, None, None)
    }

    fn fixture_with(file: &str, name: &str, arn: Option<&str>, id: Option<&str>) -> FlowFile {
        let path = format!("{FIXTURES}{file}");
        parse_flow(&path, name, arn, id, &fixture_text(file))
            .unwrap_or_else(|e| panic!("fixture {file} should parse: {e}"))
    }

    fn block_ids(path: &[PathStep]) -> Vec<&str> {
        path.iter().map(|s| s.block_id.as_str()).collect()
    }

    fn vias(path: &[PathStep]) -> Vec<Option<&str>> {
        path.iter().map(|s| s.via.as_deref()).collect()
    }

    const CARD_PAYMENT_ARN: &str =
        "arn:aws:connect:eu-west-1:111122223333:instance/0a1b2c3d-instance/contact-flow/7f3e9c1a-card-payment";
    const SECURE_ENTRY_ARN: &str =
        "arn:aws:connect:eu-west-1:111122223333:instance/0a1b2c3d-instance/flow-module/5d2c8e4b-secure-entry";

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
        assert!(on.flows[0].sensitive_input_logged);

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
        assert!(err
            .to_string()
            .starts_with(&format!("truncated.json:{last_line}:{last_len}: $:")));
    }

    #[test]
    fn unknown_next_action_names_the_transition() {
        let text = fixture_text("unknown_next_action.json");
        let err = parse_flow("unknown_next_action.json", "Typo", None, None, &text)
            .expect_err("an unknown NextAction must not parse");
        assert_eq!(err.json_path, "$.Actions[2].Transitions.NextAction");
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
        assert_eq!(flows.len(), 13);
        assert!(files.contains(&"safe_logging_off_before_card.json".to_string()));

        let bad: Vec<&str> = errors
            .iter()
            .map(|e| e.source.rsplit('/').next().unwrap_or(""))
            .collect();
        assert_eq!(bad, ["truncated.json", "unknown_next_action.json"]);
        assert!(errors[0].line.is_some() && errors[0].column.is_some());
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
        assert!(analysis.flows.iter().all(|v| v.entry_state_assumed));
    }

    fn parse_err(json: &str) -> FlowError {
        parse_flow("inline.json", "Inline", None, None, json).expect_err("must not parse")
    }

    #[test]
    fn not_json_is_an_error_with_position() {
        let err = parse_err("Welcome flow\n");
        assert_eq!(err.json_path, "$");
        assert_eq!(err.line, Some(1));
        assert!(err.message.starts_with("not valid JSON"), "{}", err.message);
        assert!(err.hint.is_some());
    }

    #[test]
    fn missing_start_action_is_an_error() {
        let err = parse_err(r#"{"Version":"2019-10-30","Actions":[]}"#);
        assert_eq!(err.json_path, "$.StartAction");
        assert!(err.message.contains("no StartAction"), "{}", err.message);
        assert_eq!((err.line, err.column), (Some(1), Some(1)));
    }

    #[test]
    fn start_action_naming_no_block_is_an_error() {
        let err = parse_err(
            "{\n  \"StartAction\": \"welcom\",\n  \"Actions\": [{\"Identifier\": \"welcome\", \"Type\": \"MessageParticipant\"}]\n}",
        );
        assert_eq!(err.json_path, "$.StartAction");
        assert_eq!((err.line, err.column), (Some(2), Some(18)));
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
        assert_eq!(err.column, Some(30));
    }

    #[test]
    fn describe_contact_flow_output_gets_a_specific_hint() {
        let err = parse_err(r#"{"ContactFlow":{"Content":"{}"}}"#);
        assert!(err
            .hint
            .as_deref()
            .is_some_and(|h| h.contains("ContactFlow.Content")));
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
}
