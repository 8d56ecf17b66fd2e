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

/// How a flow is entered, for its logging state at entry (AWS: the state a
/// Set logging behavior block sets carries for the rest of the contact
/// segment and into later segments).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntryState {
    /// A contact starts here (e.g. a phone number is associated with it)
    /// and nothing earlier in the contact enabled logging.
    Off,
    /// Entered by a transfer or module call from a flow of the analysed set,
    /// with the state that flow carried.
    Inherited,
    /// Entered some way shoko cannot see: logging may be on or off.
    Unknown,
}

/// Class of the data a capture (or a value copied from it) holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DataClass {
    /// Menu choices, extensions: not sensitive.
    NotSensitive,
    /// Phone numbers, names, dates of birth, addresses.
    PersonalData,
    /// Input whose kind the flow does not show (counted as sensitive).
    Unclassified,
    /// My Number (マイナンバー) and other national identification numbers.
    NationalId,
    /// PINs, passwords, one-time codes, security answers.
    AuthSecret,
    /// Card numbers, CVV.
    PaymentCard,
}

impl DataClass {
    /// True for the classes `sensitive-input-logged` counts (payment card,
    /// authentication secret, national ID, and input of unknown kind).
    pub fn is_sensitive(self) -> bool {
        matches!(
            self,
            DataClass::PaymentCard
                | DataClass::AuthSecret
                | DataClass::NationalId
                | DataClass::Unclassified
        )
    }
}

/// Result of [`analyze`]: one verdict per flow and every finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Analysis {
    /// One verdict per flow, in input order.
    pub flows: Vec<FlowVerdict>,
    /// Findings sorted by flow (input order), then block id, then kind.
    pub findings: Vec<Finding>,
    /// Transfers and module calls whose target is not in the set.
    pub unresolved: Vec<Unresolved>,
    /// The operator's assumption for `unknown` entries (`--flow-logging`), if any.
    pub entry_assumption: Option<Logging>,
    /// Flows Amazon Connect's routing enters (queue, whisper, hold and
    /// transfer flows, by their type): `unknown` entries by their nature.
    pub routed: Vec<String>,
    /// Why the flows where contacts start could not be seen (live only:
    /// `ListFlowAssociations` failed or is not in the snapshot).
    pub starts_unseen: Vec<String>,
}

/// Whether flow logs may hold the values of a set of classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LoggedAnswer {
    /// No finding of these classes.
    No,
    /// Findings, but only where logging rests on an entry shoko cannot see.
    Possibly,
    /// At least one finding with logging known to be on.
    Yes,
}

impl Analysis {
    /// Whether values of a class that `counts` accepts reach the logs.
    pub fn logged(&self, counts: impl Fn(DataClass) -> bool) -> LoggedAnswer {
        let mut answer = LoggedAnswer::No;
        for f in self.findings.iter().filter(|f| counts(f.class)) {
            if !f.logging_from_default || self.entry_assumption == Some(Logging::Enabled) {
                return LoggedAnswer::Yes;
            }
            answer = LoggedAnswer::Possibly;
        }
        answer
    }
}

/// A transfer or module call that names no flow of the set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unresolved {
    /// Name of the flow that holds the block.
    pub flow_name: String,
    /// The block's `Identifier`.
    pub block_id: String,
    /// The target as written (ARN, id or name), when there is one.
    pub target: String,
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
    /// True when some way in is `unknown` (logging at entry not visible).
    pub entry_state_assumed: bool,
    /// Every way the flow is entered (sorted).
    pub entry: Vec<EntryState>,
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
    /// True when logging is on only if it was on where a flow was entered
    /// from outside (entry state `unknown`), not certainly.
    pub logging_from_default: bool,
    /// The most sensitive class of the values involved.
    pub class: DataClass,
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
    /// A prompt (`MessageParticipant`, `GetParticipantInput` text) speaks or shows the value.
    PromptUsesSensitive,
    /// A `Compare` block (or a condition) tests the value.
    CompareUsesSensitive,
    /// A `ShowView` block shows the value.
    ViewUsesSensitive,
    /// A transfer or another block carries the value in its parameters.
    OtherUsesSensitive,
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
