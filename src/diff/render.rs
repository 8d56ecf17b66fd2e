//! The diff as documents: a per-language view (every word from
//! `locales/<lang>/diff.ftl`), rendered to Markdown by the same Tera engine
//! as the NFR document (`templates/markdown/diff.md.tera`), and to JSON for
//! machines.

use super::{Change, Diff, Side, ValueChange, Why};
use crate::assets::Assets;
use crate::i18n::I18n;
use crate::model::Lang;
use crate::render::markdown::TemplateError;
use serde_json::{json, Value};

/// The diff document's template.
pub const TEMPLATE: &str = "templates/markdown/diff.md.tera";
/// The diff's PDF template (same view, same font as the NFR PDF).
pub const PDF_TEMPLATE: &str = "templates/pdf/diff.typ";

fn bi(b: &super::read::Bi, lang: Lang) -> String {
    match lang {
        Lang::Ja if !b.ja.is_empty() => b.ja.clone(),
        _ => b.en.clone(),
    }
}

fn status(i18n: &I18n, lang: Lang, s: &str) -> String {
    i18n.t(lang, &format!("status-{s}"))
}

fn strength(i18n: &I18n, lang: Lang, s: &str) -> String {
    i18n.t(lang, &format!("provenance-{s}"))
}

fn side(i18n: &I18n, lang: Lang, s: &Side) -> String {
    let mut t = status(i18n, lang, &s.status);
    if let Some(p) = &s.strength {
        let mut ev = strength(i18n, lang, p);
        if s.stale {
            ev = i18n.t_args(lang, "diff-stale", &[("evidence", ev)]);
        }
        t = i18n.t_args(lang, "diff-side", &[("status", t), ("evidence", ev)]);
    }
    if let Some(v) = &s.value {
        t = i18n.t_args(
            lang,
            "diff-side-value",
            &[("side", t), ("value", bi(v, lang))],
        );
    }
    t
}

fn change(i18n: &I18n, lang: Lang, c: &Change) -> Value {
    let why = match c.why {
        Why::Status => "diff-why-status",
        Why::Strength => "diff-why-strength",
        Why::Freshness if c.new.stale => "diff-why-stale",
        Why::Freshness => "diff-why-fresh",
        Why::Applicability => "diff-why-applicability",
    };
    json!({
        "requirement": c.requirement,
        "title": bi(&c.title, lang),
        "category": c.category,
        "priority": i18n.t(lang, &format!("priority-{}", c.priority)),
        "before": side(i18n, lang, &c.old),
        "after": side(i18n, lang, &c.new),
        "before_status": c.old.status,
        "after_status": c.new.status,
        "why": i18n.t(lang, why),
    })
}

fn value(i18n: &I18n, lang: Lang, v: &ValueChange) -> Value {
    json!({
        "id": v.id,
        "before": i18n.t_args(lang, "diff-value", &[("value", bi(&v.old, lang)), ("evidence", strength(i18n, lang, &v.old_provenance))]),
        "after": i18n.t_args(lang, "diff-value", &[("value", bi(&v.new, lang)), ("evidence", strength(i18n, lang, &v.new_provenance))]),
        "old_sources": v.old_sources,
        "new_sources": v.new_sources,
    })
}

/// The view of one language, as the template reads it.
pub fn view(d: &Diff, i18n: &I18n, lang: Lang) -> Value {
    let t = |id: &str| i18n.t(lang, id);
    let changes =
        |cs: &[Change]| -> Vec<Value> { cs.iter().map(|c| change(i18n, lang, c)).collect() };
    let values =
        |vs: &[ValueChange]| -> Vec<Value> { vs.iter().map(|v| value(i18n, lang, v)).collect() };
    let reqs = |rs: &[super::RequirementRef]| -> Vec<Value> {
        rs.iter()
            .map(|r| json!({"id": r.id, "title": bi(&r.title, lang), "status": status(i18n, lang, &r.status)}))
            .collect()
    };
    let labels: serde_json::Map<String, Value> = [
        "title",
        "h-regressions",
        "h-improvements",
        "h-other",
        "h-requirements",
        "h-values",
        "h-catalog",
        "h-categories",
        "h-sources",
        "col-requirement",
        "col-category",
        "col-priority",
        "col-before",
        "col-after",
        "col-why",
        "added",
        "removed",
        "cited-before",
        "cited-after",
        "none",
        "no-changes",
        "no-regressions",
    ]
    .iter()
    .map(|k| (k.replace('-', "_"), Value::String(t(&format!("diff-{k}")))))
    .collect();
    json!({
        "lang": lang.code(),
        "t": labels,
        "intro": i18n.t_args(lang, "diff-intro", &[
            ("old", d.old_as_of.clone()), ("old_version", d.old_tool_version.clone()),
            ("new", d.new_as_of.clone()), ("new_version", d.new_tool_version.clone()),
        ]),
        "customer": d.customer.as_ref().map(|(n, s)| i18n.t_args(lang, "diff-customer", &[("name", bi(n, lang)), ("system", bi(s, lang))])),
        "summary": i18n.t_args(lang, "diff-summary", &[
            ("regressions", d.regressions.len().to_string()),
            ("improvements", d.improvements.len().to_string()),
        ]),
        "empty": d.is_empty(),
        "regressions": changes(&d.regressions),
        "improvements": changes(&d.improvements),
        "other": changes(&d.other),
        "requirements_added": reqs(&d.requirements_added),
        "requirements_removed": reqs(&d.requirements_removed),
        "values": values(&d.values),
        "catalog": values(&d.catalog),
        "categories_added": d.categories_added,
        "categories_removed": d.categories_removed,
        "sources_added": d.sources_added,
        "sources_removed": d.sources_removed,
    })
}

/// The Markdown document of one language.
pub fn markdown(
    assets: &Assets,
    d: &Diff,
    i18n: &I18n,
    lang: Lang,
) -> Result<String, TemplateError> {
    let text = crate::render::markdown::render(assets, TEMPLATE, &view(d, i18n, lang))?;
    Ok(text.trim_start().to_string())
}

/// The PDF of one language (`--format pdf`): the same view through Typst.
/// Its only date is the new pack's as-of, so the bytes are deterministic.
pub fn pdf(
    assets: &Assets,
    d: &Diff,
    i18n: &I18n,
    lang: Lang,
) -> Result<Vec<u8>, crate::render::pdf::PdfError> {
    crate::render::pdf::render_template(
        assets,
        PDF_TEMPLATE,
        view(d, i18n, lang),
        &format!("shoko-diff-{}", lang.code()),
        &format!("shoko {}", d.new_tool_version),
        &d.new_as_of,
    )
}

/// `--json`: the diff for machines, pretty, with a final newline.
pub fn json(d: &Diff) -> Vec<u8> {
    let mut v = json!({ "format": "shoko.diff/1" });
    if let (Value::Object(m), Ok(Value::Object(rest))) = (&mut v, serde_json::to_value(d)) {
        m.extend(rest);
    }
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
    s.push('\n');
    s.into_bytes()
}
