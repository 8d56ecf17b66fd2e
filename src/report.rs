//! The Report: one language-neutral model of everything a document shows.
//! Every renderer reads this and nothing else; `--dump-model` writes it as
//! JSON with stable field names.

use crate::i18n::phrase::{duration_text, expect_text, property_label, status_label, value_text};
use crate::i18n::I18n;
use crate::model::answer::Answers;
use crate::model::catalog::{Allowed, Catalog, DocSource};
use crate::model::claim::{Claim, Provenance, Resolved, SourceKey};
use crate::model::evidence::{FlowEvidence, FlowOrigin, FlowSource, ObservationRef};
use crate::model::flow::{Finding, Logging};
use crate::model::report::*;
use crate::model::requirement::{CategorySel, Requirements};
use crate::model::verdict::{Reason, Verdict};
use crate::model::{Bilingual, Lang, Property, Remedy, Status};
use crate::text::escape::md_escape;

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
        Reason::CalendarBand { always } => {
            let mut args = base.to_vec();
            args.push(("always", duration_text(i, lang, always)));
            sentences.push(i.t_args(lang, "reason-calendar-band", &args));
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
