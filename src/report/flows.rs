//! The flow privacy analysis as the report shows it: each flow's answer,
//! each finding with its path, and the flows that could not be read.

use super::numbering::Numbering;
use crate::i18n::I18n;
use crate::model::claim::SourceKey;
use crate::model::evidence::FlowEvidence;
use crate::model::flow::{Finding, Logging};
use crate::model::report::{FindingView, FlowErrorView, FlowReport, FlowVerdictView};
use crate::model::{Bilingual, Lang};

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
        kind_label: {
            let class = serde_json::to_value(f.class)
                .ok()
                .and_then(|v| v.as_str().map(String::from))
                .unwrap_or_default();
            let k = i.both(&format!("flow-kind-{kind}"), &[]);
            let c = i.both(&format!("flow-class-{class}"), &[]);
            let label = |l: Lang| {
                i.t_args(
                    l,
                    "flow-finding-label",
                    &[
                        ("kind", k.get(l).to_string()),
                        ("class", c.get(l).to_string()),
                    ],
                )
            };
            Bilingual {
                ja: label(Lang::Ja),
                en: label(Lang::En),
            }
        },
        path,
        logging_from_default: f.logging_from_default,
        remedy: i.both(&format!("flow-remedy-{kind}"), &[]),
        citation,
    }
}

pub(super) fn flow_report(i: &I18n, f: &FlowEvidence, num: &mut Numbering) -> FlowReport {
    let cite = |num: &mut Numbering, source: &str| {
        f.files.iter().any(|x| x.source == source).then(|| {
            num.number(&SourceKey::Flow {
                source: source.to_string(),
            })
        })
    };
    let default_note = entry_note(i, f);
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

/// How flows were taken to be entered (AWS's rule, the instance setting,
/// the operator's assumption) and the transfers not followed.
fn entry_note(i: &I18n, f: &FlowEvidence) -> Bilingual {
    use crate::model::flow::EntryState;
    let unknown = f
        .analysis
        .flows
        .iter()
        .filter(|v| v.entry.contains(&EntryState::Unknown))
        .count()
        .to_string();
    let mut parts = vec![i.both("flow-entry-rule", &[])];
    if f.default_logging == Logging::Disabled
        && !f.default_assumed
        && f.analysis.entry_assumption.is_none()
    {
        parts.push(i.both("flow-instance-disabled", &[]));
    } else {
        let id = match f.analysis.entry_assumption {
            None => "flow-entry-unknown",
            Some(Logging::Enabled) => "flow-entry-assumed-enabled",
            Some(Logging::Disabled) => "flow-entry-assumed-disabled",
        };
        parts.push(i.both(id, &[("count", unknown)]));
        let starts = f
            .analysis
            .flows
            .iter()
            .filter(|v| v.entry.contains(&EntryState::Off))
            .count();
        if starts > 0 {
            parts.push(i.both("flow-entry-starts", &[("count", starts.to_string())]));
        }
        if !f.analysis.starts_unseen.is_empty() {
            let reason = f.analysis.starts_unseen.join("; ");
            parts.push(i.both("flow-entry-starts-unseen", &[("reason", reason)]));
        }
        if !f.analysis.routed.is_empty() {
            let list = f.analysis.routed.join(", ");
            parts.push(i.both("flow-entry-routed", &[("list", list)]));
        }
    }
    if !f.analysis.unresolved.is_empty() {
        let placeholder = i.both("flow-unresolved-placeholder", &[]);
        let list = |l: Lang| {
            f.analysis
                .unresolved
                .iter()
                .map(|u| {
                    let mark = if u.target.contains("${") {
                        format!(" ({})", placeholder.get(l))
                    } else {
                        String::new()
                    };
                    format!("{} / {} → {}{mark}", u.flow_name, u.block_id, u.target)
                })
                .collect::<Vec<_>>()
                .join("; ")
        };
        parts.push(Bilingual {
            ja: i.t_args(Lang::Ja, "flow-unresolved", &[("list", list(Lang::Ja))]),
            en: i.t_args(Lang::En, "flow-unresolved", &[("list", list(Lang::En))]),
        });
    }
    Bilingual {
        ja: parts
            .iter()
            .map(|p| p.ja.as_str())
            .collect::<Vec<_>>()
            .join(""),
        en: parts
            .iter()
            .map(|p| p.en.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    }
}
