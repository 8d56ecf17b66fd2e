//! The Report seen in one language: every label resolved, every bilingual
//! field narrowed. Markdown, mdBook pages and the PDF template all read this
//! view. Fields named `*_md` hold trusted Markdown (catalog text, generated
//! explanations with untrusted parts escaped); every other string is plain
//! text and must be escaped by the renderer.

use crate::i18n::I18n;
use crate::model::claim::Provenance;
use crate::model::report::{Report, Source};
use crate::model::Lang;
use crate::text::escape::md_escape;
use serde_json::{json, Map, Value};

fn status_name(s: crate::model::Status) -> &'static str {
    s.name()
}

/// Build the view of `report` in `lang`.
pub fn view(report: &Report, i18n: &I18n, lang: Lang) -> Value {
    let mut t = Map::new();
    for id in i18n.ids(lang) {
        let s = i18n.t(lang, id);
        if !s.starts_with('⟦') {
            t.insert(id.clone(), Value::String(s));
        }
    }
    let cite = |ns: &[usize]| -> Value { json!(ns) };
    let requirements: Vec<Value> = report
        .requirements
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "title": r.title.get(lang),
                "category": r.category,
                "category_label": r.category_label.get(lang),
                "property": r.property.name(),
                "property_label": r.property_label.get(lang),
                "expect": r.expect.get(lang),
                "priority": r.priority,
                "priority_label": r.priority_label.get(lang),
                "status": status_name(r.status),
                "status_label": r.status_label.get(lang),
                "verdicts": r.verdicts.iter().map(|v| json!({
                    "category": v.category,
                    "category_title": v.category_title.get(lang),
                    "status": status_name(v.status),
                    "status_label": v.status_label.get(lang),
                    "remedy": v.remedy.map(|m| m.name()),
                    "remedy_label": v.remedy_label.as_ref().map(|l| l.get(lang)),
                    "explanation_md": v.explanation.get(lang),
                    "citations": cite(&v.citations),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let categories: Vec<Value> = report
        .categories
        .iter()
        .enumerate()
        .map(|(n, c)| {
            json!({
                "id": c.id,
                "number": n + 1,
                "title": c.title.get(lang),
                "summary_md": c.summary.get(lang),
                "data_md": c.data.iter().map(|d| d.get(lang)).collect::<Vec<_>>(),
                "claims": c.claims.iter().map(|cl| json!({
                    "property": cl.property.name(),
                    "property_label": cl.property_label.get(lang),
                    "value_text": cl.value_text.get(lang),
                    // Catalog text is trusted Markdown; declared and observed
                    // text is not.
                    "value_md": match cl.provenance {
                        Provenance::Documented | Provenance::Derived => cl.value_text.get(lang).to_string(),
                        _ => md_escape(cl.value_text.get(lang)),
                    },
                    "provenance": cl.provenance,
                    "provenance_label": cl.provenance_label.get(lang),
                    "verified": cl.verified,
                    "explain_md": cl.explain.get(lang),
                    "note": cl.note.as_ref().map(|x| x.get(lang)),
                    "reference": cl.reference,
                    "caveats_md": cl.caveats.iter().map(|x| x.get(lang)).collect::<Vec<_>>(),
                    "fallback_md": cl.fallback.as_ref().map(|x| x.get(lang)),
                    "citations": cite(&cl.citations),
                })).collect::<Vec<_>>(),
                "verdicts": c.verdicts.iter().map(|v| {
                    let req = report.requirements.iter().find(|r| r.id == v.requirement);
                    json!({
                        "requirement": v.requirement,
                        "requirement_title": req.map(|r| r.title.get(lang)),
                        "priority_label": req.map(|r| r.priority_label.get(lang)),
                        "expect": req.map(|r| r.expect.get(lang)),
                        "status": status_name(v.status),
                        "status_label": v.status_label.get(lang),
                        "remedy": v.remedy.map(|m| m.name()),
                        "remedy_label": v.remedy_label.as_ref().map(|l| l.get(lang)),
                        "explanation_md": v.explanation.get(lang),
                        "citations": cite(&v.citations),
                    })
                }).collect::<Vec<_>>(),
            })
        })
        .collect();
    let cat_title = |id: &str| {
        report
            .categories
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.title.get(lang).to_string())
            .unwrap_or_else(|| id.to_string())
    };
    let mut docs = Vec::new();
    let mut decls = Vec::new();
    let mut obs = Vec::new();
    let mut flow_sources = Vec::new();
    for s in &report.sources {
        match s {
            Source::Doc { number, url, title, checked, .. } => docs.push(json!({
                "number": number, "url": url, "title": title,
                "checked": i18n.t_args(lang, "checked-on", &[("date", checked.clone())]),
            })),
            Source::Declaration { number, file, line, category, property, declared_by, declared_at, reference } => decls.push(json!({
                "number": number, "file": file, "line": line,
                "line_label": i18n.t_args(lang, "line-ref", &[("line", line.to_string())]),
                "category_title": cat_title(category),
                "property_label": i18n.t(lang, &property.message_id()),
                "declared_by": declared_by.as_ref().map(|d| match &d.role {
                    Some(r) => i18n.t_args(lang, "declarer", &[("name", d.name.clone()), ("role", r.get(lang).to_string())]),
                    None => d.name.clone(),
                }),
                "declared_at": declared_at, "reference": reference,
            })),
            Source::Observation { number, observation: o } => obs.push(json!({
                "number": number, "id": o.id, "service": o.service, "operation": o.operation,
                "parameters": o.parameters.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(", "),
                "region": o.region, "account": o.account, "collected_at": o.collected_at,
                "sha256": o.sha256, "pointer": o.pointer,
            })),
            Source::Flow { number, source, name, sha256 } => flow_sources.push(json!({
                "number": number, "source": source, "name": name, "sha256": sha256,
            })),
        }
    }
    let flows = report.flows.as_ref().map(|f| {
        json!({
            "default_note": f.default_note.get(lang),
            "flows": f.flows.iter().map(|x| json!({
                "source": x.source, "name": x.name,
                "logged": x.sensitive_input_logged,
                "status": if x.sensitive_input_logged { "gap" } else { "met" },
                "verdict_label": x.verdict_label.get(lang),
                "entry_state_assumed": x.entry_state_assumed,
                "citations": x.citation.map(|n| vec![n]).unwrap_or_default(),
            })).collect::<Vec<_>>(),
            "findings": f.findings.iter().map(|x| json!({
                "flow_name": x.flow_name, "flow_source": x.flow_source,
                "block": x.block, "block_id": x.block_id,
                "kind_label": x.kind_label.get(lang),
                "path": x.path,
                "logging_from_default": x.logging_from_default,
                "remedy": x.remedy.get(lang),
                "citations": x.citation.map(|n| vec![n]).unwrap_or_default(),
            })).collect::<Vec<_>>(),
            "errors": f.errors.iter().map(|e| json!({
                "source": e.source, "json_path": e.json_path,
                "position": match (e.line, e.column) {
                    (Some(l), Some(c)) => format!("{l}:{c}"),
                    (Some(l), None) => l.to_string(),
                    _ => String::new(),
                },
                "message": e.message,
            })).collect::<Vec<_>>(),
        })
    });
    let declared_by = report.declared_by.as_ref().map(|d| match &d.role {
        Some(r) => i18n.t_args(
            lang,
            "declarer",
            &[("name", d.name.clone()), ("role", r.get(lang).to_string())],
        ),
        None => d.name.clone(),
    });
    json!({
        "lang": lang.code(),
        "t": t,
        "as_of": report.as_of,
        "tool_version": report.tool_version,
        "generated_by": i18n.t_args(lang, "generated-by-value", &[("version", report.tool_version.clone())]),
        "customer": report.customer.as_ref().map(|c| json!({"name": c.name.get(lang), "system": c.system.get(lang)})),
        "declared_by": declared_by,
        "declared_at": report.declared_at,
        "counts": report.counts.iter().map(|c| json!({
            "status": status_name(c.status), "label": c.label.get(lang),
            "verdicts": c.verdicts, "requirements": c.requirements,
        })).collect::<Vec<_>>(),
        "requirements": requirements,
        "categories": categories,
        "sources": {"docs": docs, "declarations": decls, "observations": obs, "flows": flow_sources},
        "flows": flows,
        "inputs": report.inputs.iter().map(|f| json!({
            "role": f.role,
            "role_label": i18n.t(lang, &format!("input-role-{}", f.role)),
            "path": f.path, "sha256": f.sha256,
        })).collect::<Vec<_>>(),
        "footer": i18n.t_args(lang, "footer-generated", &[("version", report.tool_version.clone()), ("date", report.as_of.clone())]),
    })
}
