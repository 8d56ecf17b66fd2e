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
//! [`FlowError`] with a code (`F001`..., each with a page in the guide), a
//! JSON path, a line and column, and a hint.
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

// By concern: `parse` reads the flow language JSON, `positions` finds a JSON
// path's line and column in the raw text, `load` reads a folder of flows,
// `blocks` says what each kind of block does to the tracked state, and
// `analysis` walks the paths.
mod analysis;
mod blocks;
mod classify;
mod legacy;
mod load;
pub(crate) mod parse;
mod positions;
#[cfg(test)]
mod tests;

pub use analysis::{analyze, analyze_with, Options};
pub use load::load_dir;
pub use parse::parse_flow;

pub use crate::model::flow::{
    Analysis, DataClass, EntryState, Finding, FindingKind, FlowCode, FlowError, FlowVerdict,
    LoggedAnswer, Logging, PathStep, Unresolved,
};
use serde::Serialize;
use serde_json::Value;

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
    /// The flow's type as the API names it (`CONTACT_FLOW`,
    /// `CUSTOMER_QUEUE`, ...), from `DescribeContactFlow` or the export's
    /// `Metadata.type`, when known.
    pub flow_type: Option<String>,
    /// Identifier of the first block (`StartAction`).
    pub start_action: String,
    /// The blocks (`Actions`) in file order.
    pub actions: Vec<FlowAction>,
}

/// Flow types that Amazon Connect's routing enters (a queue, a hold, a
/// whisper, a quick connect's transfer), never a phone number or a
/// transfer from a flow: how logging stands there cannot be seen.
const ROUTED_TYPES: &[&str] = &[
    "CUSTOMER_QUEUE",
    "CUSTOMER_HOLD",
    "CUSTOMER_WHISPER",
    "AGENT_HOLD",
    "AGENT_WHISPER",
    "OUTBOUND_WHISPER",
    "AGENT_TRANSFER",
    "QUEUE_TRANSFER",
];

impl FlowFile {
    /// True for queue, hold, whisper and transfer flows: entered by
    /// Amazon Connect's routing, so their entry is `unknown` by nature.
    pub fn entered_by_routing(&self) -> bool {
        self.flow_type
            .as_deref()
            .is_some_and(|t| ROUTED_TYPES.contains(&t))
    }
}

/// A flow type as the API spells it: `customerQueue` (exports) and
/// `CUSTOMER_QUEUE` (the API) both give `CUSTOMER_QUEUE`.
pub fn api_flow_type(t: &str) -> String {
    let t = t.trim();
    let camel = t.chars().any(|c| c.is_ascii_lowercase());
    let mut out = String::new();
    for c in t.chars() {
        if camel && c.is_ascii_uppercase() && !out.is_empty() {
            out.push('_');
        }
        out.push(if c == '-' || c == ' ' {
            '_'
        } else {
            c.to_ascii_uppercase()
        });
    }
    out
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
