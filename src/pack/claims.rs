//! `claims.json`: every claim of the report with its provenance, citations
//! and the controls it speaks to; every verdict; every source. Its JSON
//! Schema is `schema/claims.schema.json` (a test validates the example's
//! output against it). Text fields are inline Markdown as in the documents.

use super::frameworks::{Frameworks, Topic};
use super::Redaction;
use crate::model::claim::Provenance;
use crate::model::report::{
    ActionView, CiteLabels, ClaimView, ConflictView, Report, RequirementView, Source, VerdictView,
};
use crate::model::requirement::Customer;
use crate::model::{Bilingual, Priority, Property, Remedy, Status, Value};
use serde::Serialize;

/// Format version of `claims.json`.
pub const FORMAT: &str = "shoko.claims/2";

/// A raw observation file in the pack, linked to observation references by
/// the hash of the body as collected.
#[derive(Debug, Clone)]
pub struct ObservationFile {
    /// SHA-256 of the body as collected (what `ObservationRef.sha256` holds).
    pub original_sha256: String,
    /// Path inside the pack.
    pub path: String,
    /// SHA-256 of the file in the pack (after redaction).
    pub sha256: String,
}

/// The id of a claim: `category/property`.
pub fn claim_id(category: &str, property: &str) -> String {
    format!("{category}/{property}")
}

/// A source as one line of text: `[n] what`, naming the pack file and its
/// hash when a raw observation is carried.
pub fn source_ref(s: &Source, observations: &[ObservationFile]) -> String {
    match s {
        Source::Doc { number, url, .. } => format!("[{number}] {url}"),
        Source::Declaration {
            number, file, line, ..
        } => format!("[{number}] {file}:{line}"),
        Source::Observation {
            number,
            observation: o,
        } => {
            let file = observation_file(observations, &o.sha256)
                .map(|f| format!(" {} sha256:{}", f.path, f.sha256))
                .unwrap_or_default();
            format!("[{number}] {}:{} {}{file}", o.service, o.operation, o.id)
        }
        Source::Flow {
            number,
            source,
            sha256,
            ..
        } => format!("[{number}] {source} sha256:{sha256}"),
    }
}

/// Citations as lines of text.
pub fn refs(report: &Report, numbers: &[usize], observations: &[ObservationFile]) -> Vec<String> {
    numbers
        .iter()
        .filter_map(|n| report.source(*n))
        .map(|s| source_ref(s, observations))
        .collect()
}

/// `claims.json`: the report's language-neutral model as the pack states it.
/// Fields borrow from the [`Report`]; their order is the file's.
#[derive(Debug, Serialize)]
pub struct ClaimsDoc<'a> {
    /// [`FORMAT`].
    pub format: &'static str,
    /// shoko's version.
    pub tool_version: &'a str,
    /// The date the documents speak for.
    pub as_of: &'a str,
    /// The buyer.
    pub customer: Option<&'a Customer>,
    /// Every claim.
    pub claims: Vec<Claim<'a>>,
    /// Every requirement.
    pub requirements: Vec<Requirement<'a>>,
    /// Every requirement × category verdict.
    pub verdicts: Vec<Verdict<'a>>,
    /// Requirements that cannot both hold, as the documents' summary lists them.
    pub conflicts: &'a [ConflictView],
    /// The action list: each open item, who acts and what closes it.
    pub actions: &'a [ActionView],
    /// Every source, with its pack file when a raw observation is carried.
    pub sources: Vec<PackSource<'a>>,
    /// The framework topics.
    pub frameworks: &'a [Topic],
}

/// A claim with its id and the controls it speaks to.
#[derive(Debug, Serialize)]
pub struct Claim<'a> {
    /// `category/property`.
    pub id: String,
    /// Category id.
    pub category: &'a str,
    /// Property.
    pub property: Property,
    /// Value, structured.
    pub value: &'a Value,
    /// Value in both languages.
    pub value_text: &'a Bilingual,
    /// Tier.
    pub provenance: Provenance,
    /// Settled by its evidence.
    pub verified: bool,
    /// An observation older than the freshness limit (`/2`).
    pub stale: bool,
    /// What it says.
    pub explain: &'a Bilingual,
    /// Operator's note.
    pub note: Option<&'a Bilingual>,
    /// Reference given with a declaration.
    pub reference: Option<&'a str>,
    /// What a reviewer must also know.
    pub caveats: &'a [Bilingual],
    /// Why live evidence was not used.
    pub fallback: Option<&'a Bilingual>,
    /// Citation numbers.
    pub citations: &'a [usize],
    /// Controls of the framework mapping.
    pub controls: Vec<String>,
}

/// A verdict, with the claim it rests on.
#[derive(Debug, Serialize)]
pub struct Verdict<'a> {
    /// Requirement id.
    pub requirement: &'a str,
    /// Category id.
    pub category: &'a str,
    /// The requirement's property.
    pub property: Property,
    /// The requirement's priority.
    pub priority: Priority,
    /// Outcome.
    pub status: Status,
    /// For a gap.
    pub remedy: Option<Remedy>,
    /// Why, in both languages.
    pub explanation: &'a Bilingual,
    /// The claim's id, when there is one.
    pub claim: Option<String>,
    /// Citation numbers.
    pub citations: &'a [usize],
}

/// A requirement.
#[derive(Debug, Serialize)]
pub struct Requirement<'a> {
    /// Id.
    pub id: &'a str,
    /// The buyer's words.
    pub title: &'a Bilingual,
    /// Category id or `*`.
    pub category: &'a str,
    /// Property.
    pub property: Property,
    /// The conditions, in both languages.
    pub expect: &'a Bilingual,
    /// must / should / may.
    pub priority: Priority,
    /// Worst status of its verdicts.
    pub status: Status,
    /// Line in the requirements file.
    pub line: usize,
}

/// A source as the report numbers it, and the raw observation file that
/// backs it in the pack.
#[derive(Debug, Serialize)]
pub struct PackSource<'a> {
    /// The source.
    #[serde(flatten)]
    pub source: &'a Source,
    /// The label the documents cite it by (A3, D1, O2, F1).
    pub label: String,
    /// The raw observation's path in the pack.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pack_file: Option<&'a str>,
    /// Its SHA-256 in the pack.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pack_sha256: Option<&'a str>,
}

/// The claims document (before redaction).
pub fn document<'a>(
    report: &'a Report,
    fw: &'a Frameworks,
    observations: &'a [ObservationFile],
) -> ClaimsDoc<'a> {
    let labels = CiteLabels::new(&report.sources);
    ClaimsDoc {
        format: FORMAT,
        tool_version: &report.tool_version,
        as_of: &report.as_of,
        customer: report.customer.as_ref(),
        claims: report
            .categories
            .iter()
            .flat_map(|c| &c.claims)
            .map(|c| claim(c, fw))
            .collect(),
        requirements: report.requirements.iter().map(requirement).collect(),
        verdicts: report
            .requirements
            .iter()
            .flat_map(|r| r.verdicts.iter().map(move |v| verdict(report, r, v)))
            .collect(),
        conflicts: &report.conflicts,
        actions: &report.actions,
        sources: report
            .sources
            .iter()
            .map(|s| pack_source(s, &labels, observations))
            .collect(),
        frameworks: &fw.topics,
    }
}

fn claim<'a>(c: &'a ClaimView, fw: &Frameworks) -> Claim<'a> {
    Claim {
        id: claim_id(&c.category, c.property.name()),
        category: &c.category,
        property: c.property,
        value: &c.value,
        value_text: &c.value_text,
        provenance: c.provenance,
        verified: c.verified,
        stale: c.provenance == Provenance::Observed && !c.verified,
        explain: &c.explain,
        note: c.note.as_ref(),
        reference: c.reference.as_deref(),
        caveats: &c.caveats,
        fallback: c.fallback.as_ref(),
        citations: &c.citations,
        controls: fw.controls_of(c.property),
    }
}

fn requirement(r: &RequirementView) -> Requirement<'_> {
    Requirement {
        id: &r.id,
        title: &r.title,
        category: &r.category,
        property: r.property,
        expect: &r.expect,
        priority: r.priority,
        status: r.status,
        line: r.line,
    }
}

fn verdict<'a>(report: &Report, r: &'a RequirementView, v: &'a VerdictView) -> Verdict<'a> {
    Verdict {
        requirement: &v.requirement,
        category: &v.category,
        property: r.property,
        priority: r.priority,
        status: v.status,
        remedy: v.remedy,
        explanation: &v.explanation,
        claim: report
            .claim(&v.category, r.property)
            .map(|_| claim_id(&v.category, r.property.name())),
        citations: &v.citations,
    }
}

fn pack_source<'a>(
    s: &'a Source,
    labels: &CiteLabels,
    observations: &'a [ObservationFile],
) -> PackSource<'a> {
    let file = match s {
        Source::Observation { observation, .. } => {
            observation_file(observations, &observation.sha256)
        }
        _ => None,
    };
    PackSource {
        source: s,
        label: labels.label(s.number()),
        pack_file: file.map(|f| f.path.as_str()),
        pack_sha256: file.map(|f| f.sha256.as_str()),
    }
}

/// The raw observation file carried for a body of this hash.
pub fn observation_file<'a>(
    observations: &'a [ObservationFile],
    original_sha256: &str,
) -> Option<&'a ObservationFile> {
    observations
        .iter()
        .find(|f| f.original_sha256 == original_sha256)
}

/// `claims.json`, pretty, redacted, with a final newline.
pub fn render(
    report: &Report,
    fw: &Frameworks,
    observations: &[ObservationFile],
    r: Redaction,
) -> Vec<u8> {
    let mut v = serde_json::to_value(document(report, fw, observations)).unwrap_or_default();
    r.json(&mut v);
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
    s.push('\n');
    s.into_bytes()
}
