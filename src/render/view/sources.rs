//! The sources section and the flow analysis section of the view.

use crate::i18n::I18n;
use crate::model::answer::Declarer;
use crate::model::evidence::ObservationRef;
use crate::model::report::{CiteLabels, FlowReport, Report, Source};
use crate::model::Lang;
use serde::Serialize;

/// Every source, by kind, each kind in citation order.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Sources {
    /// Documentation pages.
    pub docs: Vec<Doc>,
    /// Declarations in the answers file.
    pub declarations: Vec<Declaration>,
    /// Live API responses.
    pub observations: Vec<Observation>,
    /// Contact flows.
    pub flows: Vec<FlowSource>,
}

/// A documentation page.
#[derive(Debug, Clone, Serialize)]
pub struct Doc {
    /// Citation number.
    pub number: usize,
    /// The label readers see (A3, D1, O2, F1).
    pub label: String,
    /// Address.
    pub url: String,
    /// Page title.
    pub title: String,
    /// "checked on <date>" for the reader.
    pub checked: String,
}

/// A declaration.
#[derive(Debug, Clone, Serialize)]
pub struct Declaration {
    /// Citation number.
    pub number: usize,
    /// The label readers see (A3, D1, O2, F1).
    pub label: String,
    /// File as given.
    pub file: String,
    /// Line.
    pub line: usize,
    /// "line <n>" for the reader.
    pub line_label: String,
    /// The category declared about.
    pub category_title: String,
    /// The property declared.
    pub property_label: String,
    /// Who declared (name and role).
    pub declared_by: Option<String>,
    /// When.
    pub declared_at: Option<String>,
    /// Ticket or reference.
    pub reference: Option<String>,
}

/// A live API response.
#[derive(Debug, Clone, Serialize)]
pub struct Observation {
    /// Citation number.
    pub number: usize,
    /// The label readers see (A3, D1, O2, F1).
    pub label: String,
    /// Observation id.
    pub id: String,
    /// AWS service.
    pub service: String,
    /// API operation.
    pub operation: String,
    /// `key=value, ...`.
    pub parameters: String,
    /// Region.
    pub region: String,
    /// Account.
    pub account: String,
    /// When collected.
    pub collected_at: String,
    /// SHA-256 of the response.
    pub sha256: String,
    /// JSON pointer of the field.
    pub pointer: String,
}

/// A contact flow read by the flow analysis.
#[derive(Debug, Clone, Serialize)]
pub struct FlowSource {
    /// Citation number.
    pub number: usize,
    /// The label readers see (A3, D1, O2, F1).
    pub label: String,
    /// File path or ARN.
    pub source: String,
    /// Flow name.
    pub name: String,
    /// SHA-256 of the flow JSON.
    pub sha256: String,
}

/// The flow analysis section.
#[derive(Debug, Clone, Serialize)]
pub struct FlowSection {
    /// How flows entered from outside the set were taken to start.
    pub default_note: String,
    /// Per flow.
    pub flows: Vec<Flow>,
    /// Every finding.
    pub findings: Vec<FlowFinding>,
    /// Unreadable flows.
    pub errors: Vec<FlowError>,
}

/// One flow's answer.
#[derive(Debug, Clone, Serialize)]
pub struct Flow {
    /// File or ARN.
    pub source: String,
    /// Name.
    pub name: String,
    /// Sensitive input may reach the logs.
    pub logged: bool,
    /// `gap` or `met`.
    pub status: &'static str,
    /// The answer for the reader.
    pub verdict_label: String,
    /// The entry state was the instance default.
    pub entry_state_assumed: bool,
    /// Citation numbers.
    pub citations: Vec<String>,
}

/// One finding.
#[derive(Debug, Clone, Serialize)]
pub struct FlowFinding {
    /// The flow's name.
    pub flow_name: String,
    /// The flow's file or ARN.
    pub flow_source: String,
    /// The block (display name, or identifier).
    pub block: String,
    /// The block's identifier.
    pub block_id: String,
    /// What the block does, for the reader.
    pub kind_label: String,
    /// A path from a flow's start to the block.
    pub path: Vec<String>,
    /// Logging is on only because of the assumed default.
    pub logging_from_default: bool,
    /// What to do.
    pub remedy: String,
    /// Citation numbers.
    pub citations: Vec<String>,
}

/// A flow that could not be read.
#[derive(Debug, Clone, Serialize)]
pub struct FlowError {
    /// File or ARN.
    pub source: String,
    /// JSON path.
    pub json_path: String,
    /// `line:column`, `line` or empty.
    pub position: String,
    /// The parser's message (English, technical).
    pub message: String,
}

/// "name (role)" for the reader, or the name alone.
pub(super) fn declarer(i18n: &I18n, lang: Lang, d: &Declarer) -> String {
    match &d.role {
        Some(r) => i18n.t_args(
            lang,
            "declarer",
            &[("name", d.name.clone()), ("role", r.get(lang).to_string())],
        ),
        None => d.name.clone(),
    }
}

/// The sources section.
pub(super) fn sources(report: &Report, i18n: &I18n, lang: Lang) -> Sources {
    let labels = CiteLabels::new(&report.sources);
    let mut out = Sources::default();
    for s in &report.sources {
        match s {
            Source::Doc {
                number,
                url,
                title,
                checked,
                ..
            } => out.docs.push(Doc {
                number: *number,
                label: labels.label(*number),
                url: url.clone(),
                title: title.clone(),
                checked: i18n.t_args(lang, "checked-on", &[("date", checked.clone())]),
            }),
            Source::Declaration { .. } => out
                .declarations
                .extend(declaration(report, &labels, i18n, lang, s)),
            Source::Observation {
                number,
                observation,
            } => out.observations.push(self::observation(
                *number,
                labels.label(*number),
                observation,
            )),
            Source::Flow {
                number,
                source,
                name,
                sha256,
            } => out.flows.push(FlowSource {
                number: *number,
                label: labels.label(*number),
                source: source.clone(),
                name: name.clone(),
                sha256: sha256.clone(),
            }),
        }
    }
    out
}

fn declaration(
    report: &Report,
    labels: &CiteLabels,
    i18n: &I18n,
    lang: Lang,
    s: &Source,
) -> Option<Declaration> {
    let Source::Declaration {
        number,
        file,
        line,
        category,
        property,
        declared_by,
        declared_at,
        reference,
    } = s
    else {
        return None;
    };
    let category_title = report
        .categories
        .iter()
        .find(|c| &c.id == category)
        .map(|c| c.title.get(lang).to_string())
        .unwrap_or_else(|| category.clone());
    Some(Declaration {
        number: *number,
        label: labels.label(*number),
        file: file.clone(),
        line: *line,
        line_label: i18n.t_args(lang, "line-ref", &[("line", line.to_string())]),
        category_title,
        property_label: i18n.t(lang, &property.message_id()),
        declared_by: declared_by.as_ref().map(|d| declarer(i18n, lang, d)),
        declared_at: declared_at.clone(),
        reference: reference.clone(),
    })
}

fn observation(number: usize, label: String, o: &ObservationRef) -> Observation {
    Observation {
        number,
        label,
        id: o.id.clone(),
        service: o.service.clone(),
        operation: o.operation.clone(),
        parameters: o
            .parameters
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join(", "),
        region: o.region.clone(),
        account: o.account.clone(),
        collected_at: o.collected_at.clone(),
        sha256: o.sha256.clone(),
        pointer: o.pointer.clone(),
    }
}

/// The flow analysis section.
pub(super) fn flows(f: &FlowReport, labels: &CiteLabels, lang: Lang) -> FlowSection {
    FlowSection {
        default_note: f.default_note.get(lang).to_string(),
        flows: f
            .flows
            .iter()
            .map(|x| Flow {
                source: x.source.clone(),
                name: x.name.clone(),
                logged: x.sensitive_input_logged,
                status: if x.sensitive_input_logged {
                    "gap"
                } else {
                    "met"
                },
                verdict_label: x.verdict_label.get(lang).to_string(),
                entry_state_assumed: x.entry_state_assumed,
                citations: x
                    .citation
                    .map(|n| vec![labels.label(n)])
                    .unwrap_or_default(),
            })
            .collect(),
        findings: f
            .findings
            .iter()
            .map(|x| FlowFinding {
                flow_name: x.flow_name.clone(),
                flow_source: x.flow_source.clone(),
                block: x.block.clone(),
                block_id: x.block_id.clone(),
                kind_label: x.kind_label.get(lang).to_string(),
                path: x.path.clone(),
                logging_from_default: x.logging_from_default,
                remedy: x.remedy.get(lang).to_string(),
                citations: x
                    .citation
                    .map(|n| vec![labels.label(n)])
                    .unwrap_or_default(),
            })
            .collect(),
        errors: f
            .errors
            .iter()
            .map(|e| FlowError {
                source: e.source.clone(),
                json_path: e.json_path.clone(),
                position: match (e.line, e.column) {
                    (Some(l), Some(c)) => format!("{l}:{c}"),
                    (Some(l), None) => l.to_string(),
                    _ => String::new(),
                },
                message: e.message.clone(),
            })
            .collect(),
    }
}
