//! `claims.json`: every claim of the report with its provenance, citations
//! and the controls it speaks to; every verdict; every source. Its JSON
//! Schema is `schema/claims.schema.json` (a test validates the example's
//! output against it). Text fields are inline Markdown as in the documents.

use super::frameworks::Frameworks;
use super::Redaction;
use crate::model::report::{Report, Source};
use serde_json::{json, Value};

/// Format version of `claims.json`.
pub const FORMAT: &str = "shoko.claims/1";

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
            let file = observations
                .iter()
                .find(|f| f.original_sha256 == o.sha256)
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
        .filter_map(|n| report.sources.iter().find(|s| s.number() == *n))
        .map(|s| source_ref(s, observations))
        .collect()
}

/// The claims document as a JSON value (before redaction).
pub fn value(report: &Report, fw: &Frameworks, observations: &[ObservationFile]) -> Value {
    let claims: Vec<Value> = report
        .categories
        .iter()
        .flat_map(|c| &c.claims)
        .map(|c| {
            json!({
                "id": claim_id(&c.category, c.property.name()),
                "category": c.category,
                "property": c.property,
                "value": c.value,
                "value_text": c.value_text,
                "provenance": c.provenance,
                "verified": c.verified,
                "explain": c.explain,
                "note": c.note,
                "reference": c.reference,
                "caveats": c.caveats,
                "fallback": c.fallback,
                "citations": c.citations,
                "controls": fw.controls_of(c.property),
            })
        })
        .collect();
    let has_claim = |cat: &str, prop: &str| {
        report
            .categories
            .iter()
            .flat_map(|c| &c.claims)
            .any(|c| c.category == cat && c.property.name() == prop)
    };
    let verdicts: Vec<Value> = report
        .requirements
        .iter()
        .flat_map(|r| r.verdicts.iter().map(move |v| (r, v)))
        .map(|(r, v)| {
            json!({
                "requirement": v.requirement,
                "category": v.category,
                "property": r.property,
                "priority": r.priority,
                "status": v.status,
                "remedy": v.remedy,
                "explanation": v.explanation,
                "claim": has_claim(&v.category, r.property.name())
                    .then(|| claim_id(&v.category, r.property.name())),
                "citations": v.citations,
            })
        })
        .collect();
    let requirements: Vec<Value> = report
        .requirements
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "title": r.title,
                "category": r.category,
                "property": r.property,
                "expect": r.expect,
                "priority": r.priority,
                "status": r.status,
                "line": r.line,
            })
        })
        .collect();
    let sources: Vec<Value> = report
        .sources
        .iter()
        .map(|s| {
            let mut v = serde_json::to_value(s).unwrap_or(Value::Null);
            if let (Source::Observation { observation, .. }, Value::Object(m)) = (s, &mut v) {
                if let Some(f) = observations
                    .iter()
                    .find(|f| f.original_sha256 == observation.sha256)
                {
                    m.insert("pack_file".into(), json!(f.path));
                    m.insert("pack_sha256".into(), json!(f.sha256));
                }
            }
            v
        })
        .collect();
    json!({
        "format": FORMAT,
        "tool_version": report.tool_version,
        "as_of": report.as_of,
        "customer": report.customer,
        "claims": claims,
        "requirements": requirements,
        "verdicts": verdicts,
        "sources": sources,
        "frameworks": fw.topics,
    })
}

/// `claims.json`, pretty, redacted, with a final newline.
pub fn render(
    report: &Report,
    fw: &Frameworks,
    observations: &[ObservationFile],
    r: Redaction,
) -> Vec<u8> {
    let mut v = value(report, fw, observations);
    r.json(&mut v);
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
    s.push('\n');
    s.into_bytes()
}
