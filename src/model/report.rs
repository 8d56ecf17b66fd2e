//! The Report: one language-neutral model of everything a document shows.
//! Every renderer reads this and nothing else; `--dump-model` writes it as
//! JSON with stable field names.

use super::answer::Declarer;
use super::claim::Provenance;
use super::evidence::ObservationRef;
use super::flow::FindingKind;
use super::requirement::Customer;
use super::verdict::Reason;
use super::{Bilingual, Priority, Property, Remedy, Status, Value};
use serde::Serialize;

/// Version of the report format.
pub const REPORT_FORMAT: &str = "shoko.report/1";

/// An input file and its digest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InputFile {
    /// `requirements`, `answers`, `evidence`, `flows`.
    pub role: String,
    /// Path as given.
    pub path: String,
    /// SHA-256 of its bytes.
    pub sha256: String,
}

/// A numbered source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Source {
    /// A documentation page.
    Doc {
        /// Citation number, from 1.
        number: usize,
        /// Catalog id.
        id: String,
        /// Address.
        url: String,
        /// Page title.
        title: String,
        /// When checked.
        checked: String,
    },
    /// A declaration in an answers file.
    Declaration {
        /// Citation number.
        number: usize,
        /// File as given.
        file: String,
        /// Line.
        line: usize,
        /// What it declares.
        category: String,
        /// What property.
        property: Property,
        /// Who declared.
        declared_by: Option<Declarer>,
        /// When.
        declared_at: Option<String>,
        /// Ticket or reference.
        reference: Option<String>,
    },
    /// A live API response.
    Observation {
        /// Citation number.
        number: usize,
        /// The observation.
        #[serde(flatten)]
        observation: ObservationRef,
    },
    /// A contact flow read by the flow analysis.
    Flow {
        /// Citation number.
        number: usize,
        /// File path or ARN.
        source: String,
        /// Flow name.
        name: String,
        /// SHA-256 of the flow JSON.
        sha256: String,
    },
}

impl Source {
    /// The letter that tells a reader which kind of source it is: O an
    /// observation of a live AWS API, D the operator's declaration, A a page
    /// of the AWS documentation, F a contact flow analysed.
    pub fn letter(&self) -> char {
        match self {
            Source::Observation { .. } => 'O',
            Source::Declaration { .. } => 'D',
            Source::Doc { .. } => 'A',
            Source::Flow { .. } => 'F',
        }
    }

    fn rank(&self) -> u8 {
        match self {
            Source::Observation { .. } => 0,
            Source::Declaration { .. } => 1,
            Source::Doc { .. } => 2,
            Source::Flow { .. } => 3,
        }
    }

    /// The citation number.
    pub fn number(&self) -> usize {
        match self {
            Source::Doc { number, .. }
            | Source::Declaration { number, .. }
            | Source::Observation { number, .. }
            | Source::Flow { number, .. } => *number,
        }
    }
}

/// The labels readers see for citation numbers: each kind of source
/// numbered from 1 in the order of its citation numbers ("O1", "D3", "A12"),
/// so a declaration, an AWS page and an API observation read apart. The
/// citation numbers themselves stay the keys (and `claims.json`'s numbers).
#[derive(Debug, Clone, Default)]
pub struct CiteLabels(std::collections::HashMap<usize, (u8, usize, char)>);

impl CiteLabels {
    /// Labels for every source of a report.
    pub fn new(sources: &[Source]) -> Self {
        let mut sorted: Vec<&Source> = sources.iter().collect();
        sorted.sort_by_key(|s| s.number());
        let mut next = [0usize; 4];
        let mut map = std::collections::HashMap::new();
        for s in sorted {
            let r = s.rank();
            next[r as usize] += 1;
            map.insert(s.number(), (r, next[r as usize], s.letter()));
        }
        CiteLabels(map)
    }

    /// The label of a citation number (the bare number if unknown).
    pub fn label(&self, n: usize) -> String {
        match self.0.get(&n) {
            Some((_, k, c)) => format!("{c}{k}"),
            None => n.to_string(),
        }
    }

    /// Labels of citation numbers, without repeats, observations first,
    /// then declarations, AWS pages and flows, each in order.
    pub fn labels(&self, ns: &[usize]) -> Vec<String> {
        let mut keyed: Vec<((u8, usize), usize)> = ns
            .iter()
            .map(|n| (self.0.get(n).map_or((9, *n), |(r, k, _)| (*r, *k)), *n))
            .collect();
        keyed.sort_unstable();
        keyed.dedup();
        keyed.into_iter().map(|(_, n)| self.label(n)).collect()
    }
}

/// A claim as shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClaimView {
    /// Category id.
    pub category: String,
    /// Property.
    pub property: Property,
    /// Property name for the reader.
    pub property_label: Bilingual,
    /// Value, structured.
    pub value: Value,
    /// Value for the reader.
    pub value_text: Bilingual,
    /// Tier.
    pub provenance: Provenance,
    /// Tier for the reader.
    pub provenance_label: Bilingual,
    /// Settled by its evidence.
    pub verified: bool,
    /// What it says.
    pub explain: Bilingual,
    /// Operator's note.
    pub note: Option<Bilingual>,
    /// Reference given with a declaration.
    pub reference: Option<String>,
    /// What a reviewer must also know.
    pub caveats: Vec<Bilingual>,
    /// Why live evidence was not used.
    pub fallback: Option<Bilingual>,
    /// Citation numbers.
    pub citations: Vec<usize>,
}

/// A verdict as shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VerdictView {
    /// Requirement id.
    pub requirement: String,
    /// Category id.
    pub category: String,
    /// Category title.
    pub category_title: Bilingual,
    /// Outcome.
    pub status: Status,
    /// Outcome for the reader.
    pub status_label: Bilingual,
    /// For a gap.
    pub remedy: Option<Remedy>,
    /// Remedy for the reader.
    pub remedy_label: Option<Bilingual>,
    /// Structured reason.
    pub reason: Reason,
    /// The reason in prose (Markdown; untrusted parts escaped), naming the
    /// evidence and what to do.
    pub explanation: Bilingual,
    /// The evidence the verdict rests on: observed, declared, documented or
    /// derived (none when there is no claim).
    pub strength: Option<Provenance>,
    /// The status with its evidence strength for the reader (適合（申告）).
    pub status_strength_label: Bilingual,
    /// Numbers of the conflicts between requirements this verdict is part of.
    pub conflicts: Vec<usize>,
    /// Citation numbers.
    pub citations: Vec<usize>,
}

/// Two requirements that cannot both hold, shown once in the summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConflictView {
    /// Number, from 1 (verdicts point to it).
    pub number: usize,
    /// `requirements` (two requirements no value meets) or `remedy` (the
    /// remedy for `first` breaks `second`).
    pub kind: String,
    /// The requirement that comes first.
    pub first: String,
    /// The other one.
    pub second: String,
    /// The property both constrain.
    pub property: Property,
    /// The categories where both apply, for the reader.
    pub categories: Vec<Bilingual>,
    /// What the conflict is and the combined way out.
    pub text: Bilingual,
}

/// Who acts on an open item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Actor {
    /// Amazon Web Services.
    Aws,
    /// The operator who answers (and runs the deployment).
    Operator,
    /// The buyer who set the requirements.
    Buyer,
}

impl Actor {
    /// Every actor, in the order the roles are introduced.
    pub const ALL: [Actor; 3] = [Actor::Aws, Actor::Operator, Actor::Buyer];
    /// The message id suffix.
    pub fn name(self) -> &'static str {
        match self {
            Actor::Aws => "aws",
            Actor::Operator => "operator",
            Actor::Buyer => "buyer",
        }
    }
}

/// One open item of the action list: a requirement's verdicts that share a
/// status, a remedy and who acts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActionView {
    /// Requirement id.
    pub requirement: String,
    /// The categories concerned, for the reader.
    pub categories: Vec<Bilingual>,
    /// Status of these verdicts.
    pub status: Status,
    /// Status for the reader.
    pub status_label: Bilingual,
    /// Who acts.
    pub actor: Actor,
    /// That, for the reader.
    pub actor_label: Bilingual,
    /// Remedy kind, for a gap.
    pub remedy: Option<Remedy>,
    /// What to do, by kind, for the reader.
    pub action_label: Bilingual,
    /// The evidence that would close the item.
    pub closing_evidence: Bilingual,
}

/// How many verdicts of a status rest on one kind of evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StrengthCount {
    /// The kind of evidence.
    pub provenance: Provenance,
    /// For the reader.
    pub label: Bilingual,
    /// Verdicts.
    pub verdicts: usize,
}

/// A requirement and its verdicts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RequirementView {
    /// Id.
    pub id: String,
    /// The buyer's words.
    pub title: Bilingual,
    /// Category id or `*`.
    pub category: String,
    /// Category for the reader.
    pub category_label: Bilingual,
    /// Property.
    pub property: Property,
    /// Property for the reader.
    pub property_label: Bilingual,
    /// The conditions for the reader.
    pub expect: Bilingual,
    /// must / should / may.
    pub priority: Priority,
    /// Priority for the reader.
    pub priority_label: Bilingual,
    /// IPA grade items named by the requirement (`grade:`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub grade: Vec<String>,
    /// Worst status of its verdicts.
    pub status: Status,
    /// Status for the reader.
    pub status_label: Bilingual,
    /// Line in the requirements file.
    pub line: usize,
    /// Per category.
    pub verdicts: Vec<VerdictView>,
    /// For a `*` requirement: the categories left out because nothing
    /// (catalog, answers, observations) speaks of its property for them.
    pub not_covered: Vec<Bilingual>,
    /// For `*`: the categories the answers declare not in use (skipped).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_in_use: Vec<Bilingual>,
}

/// One category's section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CategoryView {
    /// Id.
    pub id: String,
    /// Title.
    pub title: Bilingual,
    /// What it is.
    pub summary: Bilingual,
    /// What it contains.
    pub data: Vec<Bilingual>,
    /// Claims.
    pub claims: Vec<ClaimView>,
    /// Verdicts concerning it.
    pub verdicts: Vec<VerdictView>,
}

/// How many verdicts have a status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusCount {
    /// Status.
    pub status: Status,
    /// Label.
    pub label: Bilingual,
    /// Count of requirement × category verdicts.
    pub verdicts: usize,
    /// Count of requirements whose overall status it is.
    pub requirements: usize,
    /// The verdicts by the evidence they rest on (kinds with none left out).
    pub by_strength: Vec<StrengthCount>,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    /// Format version.
    pub format: String,
    /// shoko's version.
    pub tool_version: String,
    /// The date the documents speak for.
    pub as_of: String,
    /// The buyer.
    pub customer: Option<Customer>,
    /// Who declared the answers.
    pub declared_by: Option<Declarer>,
    /// When.
    pub declared_at: Option<String>,
    /// Inputs and their digests.
    pub inputs: Vec<InputFile>,
    /// Counts per status.
    pub counts: Vec<StatusCount>,
    /// Requirements that cannot both hold.
    pub conflicts: Vec<ConflictView>,
    /// The open items: who acts, how, and what evidence closes each.
    pub actions: Vec<ActionView>,
    /// Requirements in file order.
    pub requirements: Vec<RequirementView>,
    /// Categories in catalog order.
    pub categories: Vec<CategoryView>,
    /// The flow privacy analysis, when flows were given.
    pub flows: Option<FlowReport>,
    /// Every source, by number.
    pub sources: Vec<Source>,
}

impl Report {
    /// The claim shown for a property of a category, if any.
    pub fn claim(&self, category: &str, property: Property) -> Option<&ClaimView> {
        self.categories
            .iter()
            .flat_map(|c| &c.claims)
            .find(|c| c.category == category && c.property == property)
    }

    /// The source with this citation number.
    pub fn source(&self, number: usize) -> Option<&Source> {
        self.sources.iter().find(|s| s.number() == number)
    }
}

/// One finding of the flow analysis, for the reader.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FindingView {
    /// The flow's file or ARN.
    pub flow_source: String,
    /// The flow's name.
    pub flow_name: String,
    /// The block (display name, or identifier).
    pub block: String,
    /// The block's identifier.
    pub block_id: String,
    /// What the block does with the data.
    pub kind: FindingKind,
    /// That, for the reader.
    pub kind_label: Bilingual,
    /// One path from a flow's start to the block with logging on.
    pub path: Vec<String>,
    /// Logging is on only because of the assumed instance default.
    pub logging_from_default: bool,
    /// What to do.
    pub remedy: Bilingual,
    /// Citation number of the flow.
    pub citation: Option<usize>,
}

/// One flow's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FlowVerdictView {
    /// File or ARN.
    pub source: String,
    /// Name.
    pub name: String,
    /// Sensitive input may reach the logs.
    pub sensitive_input_logged: bool,
    /// That, for the reader.
    pub verdict_label: Bilingual,
    /// The entry state was the instance default.
    pub entry_state_assumed: bool,
    /// Citation number.
    pub citation: Option<usize>,
}

/// A flow that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FlowErrorView {
    /// File or ARN.
    pub source: String,
    /// JSON path.
    pub json_path: String,
    /// Line, when known.
    pub line: Option<usize>,
    /// Column, when known.
    pub column: Option<usize>,
    /// The parser's message (English, technical).
    pub message: String,
}

/// The flow analysis section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FlowReport {
    /// How flows entered from outside the set were taken to start.
    pub default_note: Bilingual,
    /// Per flow.
    pub flows: Vec<FlowVerdictView>,
    /// Every finding.
    pub findings: Vec<FindingView>,
    /// Unreadable flows.
    pub errors: Vec<FlowErrorView>,
}
