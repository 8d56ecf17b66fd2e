//! The Report: one language-neutral model of everything a document shows.
//! Every renderer reads this and nothing else; `--dump-model` writes it as
//! JSON with stable field names.

use crate::evidence::{FlowEvidence, FlowOrigin, FlowSource, ObservationRef};
use crate::flow::{Finding, FindingKind, Logging};
use crate::gap::{Reason, Verdict};
use crate::i18n::I18n;
use crate::load::catalog::{Allowed, Catalog, DocSource};
use crate::load::inputs::{
    Answers, CategorySel, Condition, Customer, Declarer, Expected, Requirements,
};
use crate::model::{
    Bilingual, Duration, KeyOwner, Lang, Priority, Property, Protocol, Remedy, Status, Value,
};
use crate::render::escape::md_escape;
use crate::resolve::{Claim, Provenance, Resolved, SourceKey};
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
    /// Citation numbers.
    pub citations: Vec<usize>,
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
    /// Worst status of its verdicts.
    pub status: Status,
    /// Status for the reader.
    pub status_label: Bilingual,
    /// Line in the requirements file.
    pub line: usize,
    /// Per category.
    pub verdicts: Vec<VerdictView>,
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
    /// Requirements in file order.
    pub requirements: Vec<RequirementView>,
    /// Categories in catalog order.
    pub categories: Vec<CategoryView>,
    /// The flow privacy analysis, when flows were given.
    pub flows: Option<FlowReport>,
    /// Every source, by number.
    pub sources: Vec<Source>,
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

/// Everything the report is built from.
pub struct Parts<'a> {
    /// Catalog.
    pub catalog: &'a Catalog,
    /// Requirements, if any.
    pub requirements: Option<&'a Requirements>,
    /// Answers, if any.
    pub answers: Option<&'a Answers>,
    /// Resolved claims.
    pub resolved: &'a Resolved,
    /// Verdicts.
    pub verdicts: &'a [Verdict],
    /// The flow analysis, if any.
    pub flows: Option<&'a FlowEvidence>,
    /// Input digests.
    pub inputs: Vec<InputFile>,
    /// As-of date.
    pub as_of: chrono::NaiveDate,
}

struct Numbering<'a> {
    catalog: &'a Catalog,
    answers: Option<&'a Answers>,
    observations: &'a [ObservationRef],
    flows: &'a [FlowSource],
    /// Keys in the order they were first cited (number = index + 1).
    keys: Vec<SourceKey>,
    /// The number of each key, so that numbering stays linear.
    index: std::collections::HashMap<SourceKey, usize>,
}

impl Numbering<'_> {
    fn number(&mut self, key: &SourceKey) -> usize {
        if let Some(n) = self.index.get(key) {
            return *n;
        }
        self.keys.push(key.clone());
        self.index.insert(key.clone(), self.keys.len());
        self.keys.len()
    }
    fn numbers(&mut self, keys: &[SourceKey]) -> Vec<usize> {
        let mut v: Vec<usize> = keys.iter().map(|k| self.number(k)).collect();
        v.sort_unstable();
        v.dedup();
        v
    }
    fn sources(&self) -> Vec<Source> {
        self.keys
            .iter()
            .enumerate()
            .filter_map(|(i, k)| {
                let number = i + 1;
                Some(match k {
                    SourceKey::Doc { id } => {
                        let DocSource {
                            url,
                            title,
                            checked,
                            ..
                        } = self.catalog.sources.get(id)?.clone();
                        Source::Doc {
                            number,
                            id: id.clone(),
                            url,
                            title,
                            checked,
                        }
                    }
                    SourceKey::Declaration { file, line } => {
                        let a = self.answers?;
                        let ans = a.answers.iter().find(|x| x.line == *line)?;
                        Source::Declaration {
                            number,
                            file: file.clone(),
                            line: *line,
                            category: ans.category.clone(),
                            property: ans.property,
                            declared_by: a.declared_by.clone(),
                            declared_at: a.declared_at.map(|d| d.to_string()),
                            reference: ans.reference.clone(),
                        }
                    }
                    SourceKey::Observation { id } => {
                        let o = self.observations.iter().find(|o| &o.id == id)?.clone();
                        Source::Observation {
                            number,
                            observation: o,
                        }
                    }
                    SourceKey::Flow { source } => {
                        let f = self.flows.iter().find(|f| &f.source == source)?.clone();
                        Source::Flow {
                            number,
                            source: f.source,
                            name: f.name,
                            sha256: f.sha256,
                        }
                    }
                })
            })
            .collect()
    }
}

/// Render a duration for the reader.
pub fn duration_text(i: &I18n, lang: Lang, d: &Duration) -> String {
    use crate::model::duration::Unit;
    if *d == Duration::Never {
        return i.t(lang, "duration-never");
    }
    let parts: Vec<String> = d
        .parts()
        .into_iter()
        .map(|(n, u)| {
            let (one, many) = match u {
                Unit::Years => ("duration-year", "duration-years"),
                Unit::Months => ("duration-month", "duration-months"),
                Unit::Weeks => ("duration-week", "duration-weeks"),
                Unit::Days => ("duration-day", "duration-days"),
                Unit::Hours => ("duration-hour", "duration-hours"),
                Unit::Minutes => ("duration-minute", "duration-minutes"),
                Unit::Seconds | Unit::Mixed => ("duration-second", "duration-seconds"),
            };
            i.t_args(
                lang,
                if n == 1 { one } else { many },
                &[("n", n.to_string())],
            )
        })
        .collect();
    parts.join(&i.t(lang, "duration-joiner"))
}

fn key_text(i: &I18n, lang: Lang, k: KeyOwner) -> String {
    i.t(lang, &format!("key-{}", k.name()))
}

fn protocol_text(p: Protocol) -> &'static str {
    match p {
        Protocol::Tls10 => "TLS 1.0",
        Protocol::Tls11 => "TLS 1.1",
        Protocol::Tls12 => "TLS 1.2",
        Protocol::Tls13 => "TLS 1.3",
        Protocol::Srtp => "SRTP",
        Protocol::DtlsSrtp => "DTLS-SRTP",
    }
}

/// Render a value for the reader.
pub fn value_text(i: &I18n, lang: Lang, v: &Value) -> String {
    match v {
        Value::Region(r) => r.clone(),
        Value::InstanceRegion => i.t(lang, "value-instance-region"),
        Value::Duration(d) => duration_text(i, lang, d),
        Value::InstanceLifetime => i.t(lang, "value-instance-lifetime"),
        Value::Bool(b) => i.t(lang, if *b { "value-yes" } else { "value-no" }),
        Value::Key(k) => key_text(i, lang, *k),
        Value::Protocols(ps) => ps
            .iter()
            .map(|p| protocol_text(*p))
            .collect::<Vec<_>>()
            .join(", "),
        Value::Text(t) => t.get(lang).to_string(),
        Value::CustomerDefined => i.t(lang, "value-customer-defined"),
        Value::NotApplicable => i.t(lang, "value-not-applicable"),
    }
}

fn expected_text(i: &I18n, lang: Lang, e: &Expected) -> String {
    match e {
        Expected::Duration(d) => duration_text(i, lang, d),
        Expected::Bool(b) => i.t(lang, if *b { "value-yes" } else { "value-no" }),
        Expected::Key(k) => key_text(i, lang, *k),
        Expected::Protocol(p) => protocol_text(*p).to_string(),
        Expected::Region(r) | Expected::Text(r) => r.clone(),
    }
}

/// The conditions of a requirement for the reader.
pub fn expect_text(i: &I18n, lang: Lang, conds: &[Condition]) -> String {
    let parts: Vec<String> = conds
        .iter()
        .map(|c| match c {
            Condition::AtLeast(e) => i.t_args(
                lang,
                "expect-at-least",
                &[("value", expected_text(i, lang, e))],
            ),
            Condition::AtMost(e) => i.t_args(
                lang,
                "expect-at-most",
                &[("value", expected_text(i, lang, e))],
            ),
            Condition::Is(e) => {
                i.t_args(lang, "expect-is", &[("value", expected_text(i, lang, e))])
            }
            Condition::OneOf(es) if es.len() == 1 => i.t_args(
                lang,
                "expect-is",
                &[("value", expected_text(i, lang, &es[0]))],
            ),
            Condition::OneOf(es) => {
                let vals: Vec<String> = es.iter().map(|e| expected_text(i, lang, e)).collect();
                i.t_args(
                    lang,
                    "expect-one-of",
                    &[("values", vals.join(&i.t(lang, "list-joiner")))],
                )
            }
        })
        .collect();
    parts.join(&i.t(lang, "condition-joiner"))
}

/// Label of a property.
pub fn property_label(i: &I18n, p: Property) -> Bilingual {
    i.both(&p.message_id(), &[])
}

/// Label of a status.
pub fn status_label(i: &I18n, s: Status) -> Bilingual {
    i.both(&format!("status-{}", s.name()), &[])
}

fn evidence_label(i: &I18n, lang: Lang, c: &Claim, origin: FlowOrigin) -> String {
    match c.provenance {
        Provenance::Documented => i.t(lang, "evidence-documented"),
        Provenance::Derived => i.t(lang, "evidence-derived"),
        Provenance::Declared => {
            let (file, line) = c
                .cites
                .iter()
                .find_map(|k| {
                    if let SourceKey::Declaration { file, line } = k {
                        Some((file.clone(), *line))
                    } else {
                        None
                    }
                })
                .unwrap_or_default();
            i.t_args(
                lang,
                "evidence-declared",
                &[("file", md_escape(&file)), ("line", line.to_string())],
            )
        }
        Provenance::Observed if matches!(c.cites.first(), Some(SourceKey::Flow { .. })) => i
            .t_args(
                lang,
                "evidence-flows",
                &[
                    ("count", c.cites.len().to_string()),
                    ("origin", origin.name().to_string()),
                ],
            ),
        Provenance::Observed => {
            let op = c.cites.first().map(|k| match k {
                SourceKey::Observation { id } => id.clone(),
                _ => String::new(),
            });
            i.t_args(
                lang,
                "evidence-observed",
                &[("observation", md_escape(&op.unwrap_or_default()))],
            )
        }
    }
}

fn explanation(
    i: &I18n,
    lang: Lang,
    v: &Verdict,
    claim: Option<&Claim>,
    req_expect: &str,
    origin: FlowOrigin,
) -> String {
    let mut sentences = Vec::new();
    // In running English text the property is a common noun.
    let property = claim
        .map(|c| i.t(lang, &c.property.message_id()))
        .map(|p| if lang == Lang::En { lower_first(&p) } else { p })
        .unwrap_or_default();
    let value = claim
        .map(|c| md_escape(&value_text(i, lang, &c.value)))
        .unwrap_or_default();
    let evidence = claim
        .map(|c| evidence_label(i, lang, c, origin))
        .unwrap_or_default();
    let base = [
        ("property", property),
        ("value", value),
        ("evidence", evidence),
        ("expect", req_expect.to_string()),
    ];
    match &v.reason {
        Reason::Met => sentences.push(i.t_args(lang, "verdict-met", &base)),
        Reason::Gap {
            change,
            meeting,
            meeting_is_range,
            ..
        } => {
            sentences.push(i.t_args(lang, "verdict-gap", &base));
            let remedy = v.remedy.unwrap_or(Remedy::Negotiate);
            match change {
                Some(ch) => sentences.push(i.t_args(
                    lang,
                    &format!("remedy-{}-how", remedy.name()),
                    &[("how", ch.how.get(lang).to_string())],
                )),
                None => sentences.push(i.t(lang, "remedy-negotiate-fixed")),
            }
            if *meeting_is_range && meeting.len() == 2 {
                sentences.push(i.t_args(
                    lang,
                    "remedy-meeting-range",
                    &[
                        ("low", duration_text(i, lang, &meeting[0])),
                        ("high", duration_text(i, lang, &meeting[1])),
                    ],
                ));
            } else if !meeting.is_empty() {
                let vals: Vec<String> = meeting.iter().map(|d| duration_text(i, lang, d)).collect();
                sentences.push(i.t_args(
                    lang,
                    "remedy-meeting-values",
                    &[("values", vals.join(&i.t(lang, "list-joiner")))],
                ));
            } else if matches!(
                change.as_ref().and_then(|c| c.allowed.as_ref()),
                Some(Allowed::Any)
            ) {
                sentences.push(i.t(lang, "remedy-meeting-any"));
            }
        }
        other => {
            let code = serde_json::to_value(other)
                .ok()
                .and_then(|j| j.get("code").and_then(|c| c.as_str()).map(String::from))
                .unwrap_or_default();
            sentences.push(i.t_args(lang, &format!("reason-{code}"), &base));
        }
    }
    if let Some(c) = claim {
        // A gap's remedy says what matters; caveats qualify a pass.
        if matches!(v.status, Status::Met | Status::Review) {
            for cv in &c.caveats {
                sentences.push(i.t_args(
                    lang,
                    "verdict-caveat",
                    &[("caveat", cv.get(lang).to_string())],
                ));
            }
        }
        if let Some(f) = &c.fallback {
            sentences.push(i.t_args(lang, "verdict-fallback", &[("reason", md_escape(f))]));
        }
    }
    sentences.join(&i.t(lang, "sentence-joiner"))
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) if c.clone().next().is_some_and(|n| n.is_lowercase()) => {
            f.to_lowercase().chain(c).collect()
        }
        Some(f) => std::iter::once(f).chain(c).collect(),
        None => String::new(),
    }
}

/// Build the report.
pub fn build(i: &I18n, parts: Parts) -> Report {
    let Parts {
        catalog,
        requirements,
        answers,
        resolved,
        verdicts,
        flows,
        inputs,
        as_of,
    } = parts;
    let flow_files: &[FlowSource] = flows.map(|f| f.files.as_slice()).unwrap_or(&[]);
    let flow_origin = flows.map(|f| f.origin).unwrap_or(FlowOrigin::Files);
    let mut num = Numbering {
        catalog,
        answers,
        observations: &resolved.observations,
        flows: flow_files,
        keys: Vec::new(),
        index: std::collections::HashMap::new(),
    };
    let claim_of = |cat: &str, p: Property| {
        resolved
            .claims
            .iter()
            .find(|c| c.category == cat && c.property == p)
    };
    let cat_title = |id: &str| {
        catalog
            .category(id)
            .map(|c| c.title.clone())
            .unwrap_or_else(|| Bilingual::new(id, id))
    };

    // Claims first, so citation numbers follow the order a reader meets them.
    let mut categories: Vec<CategoryView> = catalog
        .categories
        .iter()
        .map(|cat| {
            let claims = resolved
                .claims
                .iter()
                .filter(|c| c.category == cat.id)
                .map(|c| ClaimView {
                    category: c.category.clone(),
                    property: c.property,
                    property_label: property_label(i, c.property),
                    value: c.value.clone(),
                    value_text: Bilingual::new(
                        value_text(i, Lang::Ja, &c.value),
                        value_text(i, Lang::En, &c.value),
                    ),
                    provenance: c.provenance,
                    provenance_label: i.both(
                        &format!(
                            "provenance-{}",
                            serde_json::to_value(c.provenance)
                                .ok()
                                .and_then(|v| v.as_str().map(String::from))
                                .unwrap_or_default()
                        ),
                        &[],
                    ),
                    verified: c.verified,
                    explain: c.explain.clone(),
                    note: c.note.clone(),
                    reference: c.reference.clone(),
                    caveats: c.caveats.clone(),
                    fallback: c
                        .fallback
                        .as_ref()
                        .map(|f| i.both("claim-fallback", &[("reason", md_escape(f))])),
                    citations: num.numbers(&c.cites),
                })
                .collect();
            CategoryView {
                id: cat.id.clone(),
                title: cat.title.clone(),
                summary: cat.summary.clone(),
                data: cat.data.clone(),
                claims,
                verdicts: Vec::new(),
            }
        })
        .collect();

    let mut reqs = Vec::new();
    if let Some(rs) = requirements {
        for r in &rs.requirements {
            let expect = Bilingual::new(
                expect_text(i, Lang::Ja, &r.expect),
                expect_text(i, Lang::En, &r.expect),
            );
            let mut views = Vec::new();
            for v in verdicts.iter().filter(|v| v.requirement == r.id) {
                let claim = claim_of(&v.category, r.property);
                let mut keys: Vec<SourceKey> = claim.map(|c| c.cites.clone()).unwrap_or_default();
                if let Reason::Gap {
                    change: Some(ch), ..
                } = &v.reason
                {
                    keys.extend(
                        ch.sources
                            .iter()
                            .map(|id| SourceKey::Doc { id: id.clone() }),
                    );
                }
                let explanation = Bilingual::new(
                    explanation(i, Lang::Ja, v, claim, &expect.ja, flow_origin),
                    explanation(i, Lang::En, v, claim, &expect.en, flow_origin),
                );
                views.push(VerdictView {
                    requirement: r.id.clone(),
                    category: v.category.clone(),
                    category_title: cat_title(&v.category),
                    status: v.status,
                    status_label: status_label(i, v.status),
                    remedy: v.remedy,
                    remedy_label: v
                        .remedy
                        .map(|m| i.both(&format!("remedy-{}", m.name()), &[])),
                    reason: v.reason.clone(),
                    explanation,
                    citations: num.numbers(&keys),
                });
            }
            let status = views
                .iter()
                .map(|v| v.status)
                .max_by_key(|s| s.severity())
                .unwrap_or(Status::Unverified);
            let (category, category_label) = match &r.category {
                CategorySel::All => ("*".to_string(), i.both("category-all", &[])),
                CategorySel::One(c) => (c.clone(), cat_title(c)),
            };
            reqs.push(RequirementView {
                id: r.id.clone(),
                title: r.title.clone(),
                category,
                category_label,
                property: r.property,
                property_label: property_label(i, r.property),
                expect,
                priority: r.priority,
                priority_label: i.both(
                    &format!(
                        "priority-{}",
                        serde_json::to_value(r.priority)
                            .ok()
                            .and_then(|v| v.as_str().map(String::from))
                            .unwrap_or_default()
                    ),
                    &[],
                ),
                status,
                status_label: status_label(i, status),
                line: r.line,
                verdicts: views,
            });
        }
    }
    for cat in &mut categories {
        cat.verdicts = reqs
            .iter()
            .flat_map(|r| r.verdicts.iter().filter(|v| v.category == cat.id).cloned())
            .collect();
    }
    let flows = flows.map(|f| flow_report(i, f, &mut num));
    let counts = Status::ALL
        .iter()
        .map(|s| StatusCount {
            status: *s,
            label: status_label(i, *s),
            verdicts: reqs
                .iter()
                .flat_map(|r| &r.verdicts)
                .filter(|v| v.status == *s)
                .count(),
            requirements: reqs.iter().filter(|r| r.status == *s).count(),
        })
        .collect();
    Report {
        format: REPORT_FORMAT.to_string(),
        tool_version: env!("CARGO_PKG_VERSION").to_string(),
        as_of: as_of.to_string(),
        customer: requirements.map(|r| r.customer.clone()),
        declared_by: answers.and_then(|a| a.declared_by.clone()),
        declared_at: answers.and_then(|a| a.declared_at.map(|d| d.to_string())),
        inputs,
        counts,
        requirements: reqs,
        categories,
        flows,
        sources: num.sources(),
    }
}

fn finding_view(i: &I18n, f: &Finding, citation: Option<usize>) -> FindingView {
    let kind = serde_json::to_value(f.kind)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default();
    let mut path = Vec::new();
    let mut flow = String::new();
    for step in &f.path {
        let block = step
            .block_name
            .clone()
            .unwrap_or_else(|| step.block_id.clone());
        if step.flow_name != flow {
            flow = step.flow_name.clone();
            path.push(format!("{flow}: {block}"));
        } else {
            path.push(block);
        }
    }
    FindingView {
        flow_source: f.flow_source.clone(),
        flow_name: f.flow_name.clone(),
        block: f.block_name.clone().unwrap_or_else(|| f.block_id.clone()),
        block_id: f.block_id.clone(),
        kind: f.kind,
        kind_label: i.both(&format!("flow-kind-{kind}"), &[]),
        path,
        logging_from_default: f.logging_from_default,
        remedy: i.both(&format!("flow-remedy-{kind}"), &[]),
        citation,
    }
}

fn flow_report(i: &I18n, f: &FlowEvidence, num: &mut Numbering) -> FlowReport {
    let cite = |num: &mut Numbering, source: &str| {
        f.files.iter().any(|x| x.source == source).then(|| {
            num.number(&SourceKey::Flow {
                source: source.to_string(),
            })
        })
    };
    let state = match f.default_logging {
        Logging::Enabled => "flow-default-enabled",
        Logging::Disabled => "flow-default-disabled",
    };
    let default_note = if f.default_assumed {
        i.both(&format!("{state}-assumed"), &[])
    } else {
        i.both(state, &[])
    };
    let flows = f
        .analysis
        .flows
        .iter()
        .map(|v| FlowVerdictView {
            source: v.source.clone(),
            name: v.name.clone(),
            sensitive_input_logged: v.sensitive_input_logged,
            verdict_label: i.both(
                if v.sensitive_input_logged {
                    "flow-verdict-logged"
                } else {
                    "flow-verdict-safe"
                },
                &[],
            ),
            entry_state_assumed: v.entry_state_assumed,
            citation: cite(num, &v.source),
        })
        .collect();
    let findings = f
        .analysis
        .findings
        .iter()
        .map(|x| finding_view(i, x, cite(num, &x.flow_source)))
        .collect();
    let errors = f
        .errors
        .iter()
        .map(|e| FlowErrorView {
            source: e.source.clone(),
            json_path: e.json_path.clone(),
            line: e.line,
            column: e.column,
            message: e.message.clone(),
        })
        .collect();
    FlowReport {
        default_note,
        flows,
        findings,
        errors,
    }
}
