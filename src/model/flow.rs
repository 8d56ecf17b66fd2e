//! What the flow analysis finds: logging states, per-flow verdicts, findings
//! with their paths, and flows that could not be read, each with a stable
//! diagnostic code.

use serde::Serialize;

/// Stable codes of flow errors. The guide has a page for each
/// (`book/src/diagnostics/F001.md` ...), as it has for the loaders' `E` codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum FlowCode {
    /// The folder or a flow file could not be read, or is not UTF-8.
    Unreadable,
    /// The file is not valid JSON.
    JsonSyntax,
    /// The file ends before the JSON is complete.
    Truncated,
    /// A value has the wrong JSON type (an object where an array belongs, ...).
    WrongShape,
    /// A key the flow needs is missing (`Actions`, `StartAction`, a block's `Identifier` or `Type`).
    MissingKey,
    /// Two blocks share an `Identifier`.
    DuplicateIdentifier,
    /// `StartAction` or a `NextAction` names no block.
    UnknownBlock,
    /// `FlowLoggingBehavior` is neither `Enabled` nor `Disabled`.
    BadLoggingBehavior,
    /// A flow could not be fetched from the instance (the API call failed).
    NotFetched,
    /// The instance returned a flow without its content.
    NoContent,
}

impl FlowCode {
    /// Every code, in order.
    pub const ALL: [FlowCode; 10] = [
        FlowCode::Unreadable,
        FlowCode::JsonSyntax,
        FlowCode::Truncated,
        FlowCode::WrongShape,
        FlowCode::MissingKey,
        FlowCode::DuplicateIdentifier,
        FlowCode::UnknownBlock,
        FlowCode::BadLoggingBehavior,
        FlowCode::NotFetched,
        FlowCode::NoContent,
    ];

    /// The code as printed (`F007`).
    pub fn id(self) -> &'static str {
        match self {
            FlowCode::Unreadable => "F001",
            FlowCode::JsonSyntax => "F002",
            FlowCode::Truncated => "F003",
            FlowCode::WrongShape => "F004",
            FlowCode::MissingKey => "F005",
            FlowCode::DuplicateIdentifier => "F006",
            FlowCode::UnknownBlock => "F007",
            FlowCode::BadLoggingBehavior => "F008",
            FlowCode::NotFetched => "F009",
            FlowCode::NoContent => "F010",
        }
    }

    /// A short name of the code (`unknown-block`).
    pub fn slug(self) -> &'static str {
        match self {
            FlowCode::Unreadable => "unreadable",
            FlowCode::JsonSyntax => "json-syntax",
            FlowCode::Truncated => "truncated",
            FlowCode::WrongShape => "wrong-shape",
            FlowCode::MissingKey => "missing-key",
            FlowCode::DuplicateIdentifier => "duplicate-identifier",
            FlowCode::UnknownBlock => "unknown-block",
            FlowCode::BadLoggingBehavior => "bad-logging-behavior",
            FlowCode::NotFetched => "not-fetched",
            FlowCode::NoContent => "no-content",
        }
    }
}

/// A flow that could not be read, with its code, where and why.
///
/// It reads like a loader's diagnostic:
/// `error[F007]: flows/pay.json:12:5: $.Actions[2].Transitions.NextAction: NextAction "pay-lamda" names no block (hint: did you mean "pay-lambda"? ...)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{}", self.render())]
pub struct FlowError {
    /// Stable code; the guide has a page for each.
    pub code: FlowCode,
    // Spelled `r#source` so that thiserror does not take this String for the
    // error's cause (it treats a field named `source` as one); it is still
    // the field `source` for callers and for serde.
    /// File path or ARN the flow was read from.
    pub r#source: String,
    /// JSON path of the offending value, e.g. `$.Actions[3].Transitions.NextAction`.
    pub json_path: String,
    /// 1-based line of the offending value, when known.
    pub line: Option<usize>,
    /// 1-based column of the offending value, when known.
    pub column: Option<usize>,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
}

impl FlowError {
    fn render(&self) -> String {
        let mut out = format!("error[{}]: {}", self.code.id(), self.source);
        if let Some(line) = self.line {
            out.push_str(&format!(":{line}"));
            if let Some(column) = self.column {
                out.push_str(&format!(":{column}"));
            }
        }
        out.push_str(&format!(": {}: {}", self.json_path, self.message));
        if let Some(hint) = &self.hint {
            out.push_str(&format!(" (hint: {hint})"));
        }
        out
    }
}

/// Flow logging state (`UpdateFlowLoggingBehavior`, or the instance's `CONTACTFLOW_LOGS`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Logging {
    /// Flow logs record what blocks handle.
    Enabled,
    /// Flow logs are off.
    Disabled,
}

/// Result of [`analyze`]: one verdict per flow and every finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Analysis {
    /// One verdict per flow, in input order.
    pub flows: Vec<FlowVerdict>,
    /// Findings sorted by flow (input order), then block id, then kind.
    pub findings: Vec<Finding>,
}

/// The per-flow answer a reviewer asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FlowVerdict {
    /// The flow's source.
    pub source: String,
    /// The flow's name.
    pub name: String,
    /// True when at least one finding lies in this flow.
    pub sensitive_input_logged: bool,
    /// True when the state on entry was taken from the instance default.
    pub entry_state_assumed: bool,
}

/// A block that handles sensitive customer data while flow logging is on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Source of the flow that holds the block.
    pub flow_source: String,
    /// Name of the flow that holds the block.
    pub flow_name: String,
    /// The block's `Identifier`.
    pub block_id: String,
    /// The block's display name, when the metadata has one.
    pub block_name: Option<String>,
    /// What the block does with the data.
    pub kind: FindingKind,
    /// The sensitive values involved, e.g. `$.StoredCustomerInput`.
    pub references: Vec<String>,
    /// One concrete path from a flow's start to the block, with logging on at the block.
    pub path: Vec<PathStep>,
    /// True when logging is on only because of the assumed instance default.
    pub logging_from_default: bool,
}

/// Kind of sensitive handling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FindingKind {
    /// `GetParticipantInput` stores input without `InputEncryption`.
    StoredInputUnencrypted,
    /// `InvokeLambdaFunction` sends stored input or the customer's number.
    LambdaReceivesSensitive,
    /// `UpdateContactAttributes` copies stored input or the customer's number.
    AttributeStoresSensitive,
}

/// One block on a finding's path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PathStep {
    /// Name of the flow the block is in.
    pub flow_name: String,
    /// The block's `Identifier`.
    pub block_id: String,
    /// The block's display name, when known.
    pub block_name: Option<String>,
    /// How this block was reached from the previous step; `None` for the first step.
    pub via: Option<String>,
}
