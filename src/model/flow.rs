//! What the flow analysis finds: logging states, per-flow verdicts, findings
//! with their paths, and flows that could not be read.

use serde::Serialize;

/// A flow that could not be read, with where and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{}", self.render())]
pub struct FlowError {
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
        let mut out = self.source.clone();
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
