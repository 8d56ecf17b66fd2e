//! A verdict's explanation: the sentences that say what the evidence shows,
//! which evidence it is, and what to do about a gap (every sentence from the
//! Fluent messages; untrusted parts escaped for Markdown).

use super::phrase::claim_fact;
use crate::i18n::phrase::{duration_text, value_text};
use crate::i18n::I18n;
use crate::model::catalog::{Allowed, Change};
use crate::model::claim::{Claim, Provenance, SourceKey};
use crate::model::evidence::FlowOrigin;
use crate::model::verdict::{Reason, Verdict};
use crate::model::{Duration, Lang, Remedy, Status};
use crate::text::escape::md_escape;

fn evidence_label(i: &I18n, lang: Lang, c: &Claim, origin: FlowOrigin) -> String {
    match c.provenance {
        Provenance::Documented => i.t(lang, "evidence-documented"),
        // Derived from another claim (the instance's Region) or, in the
        // catalog, from a wider AWS rule the explanation names.
        Provenance::Derived if c.derived_from.is_empty() => i.t(lang, "evidence-derived-rule"),
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

pub(super) fn explanation(
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
    let fact = claim
        .map(|c| claim_fact(i, lang, c, &property))
        .unwrap_or_default();
    let base = [
        ("property", property),
        ("value", value),
        ("fact", fact),
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
            sentences.extend(remedy_sentences(
                i,
                lang,
                remedy,
                change.as_ref(),
                claim.map_or("remedy-negotiate-fixed", |c| {
                    crate::gap::control::fallback_message(&v.category, c.property)
                }),
                meeting,
                *meeting_is_range,
            ));
        }
        Reason::CalendarBand { always } => {
            let mut args = base.to_vec();
            args.push(("always", duration_text(i, lang, always)));
            sentences.push(i.t_args(lang, "reason-calendar-band", &args));
        }
        Reason::ConditionUnshown { condition } => {
            let mut args = base.to_vec();
            args.push(("condition", i.t(lang, &format!("condition-{condition}"))));
            sentences.push(i.t_args(lang, "reason-condition-unshown", &args));
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

/// What closes a gap: the change (or that the limit is fixed), then the
/// values that would meet the requirement.
fn remedy_sentences(
    i: &I18n,
    lang: Lang,
    remedy: Remedy,
    change: Option<&Change>,
    fallback: &str,
    meeting: &[Duration],
    meeting_is_range: bool,
) -> Vec<String> {
    let mut sentences = vec![match change {
        Some(ch) => i.t_args(
            lang,
            &format!("remedy-{}-how", remedy.name()),
            &[("how", ch.how.get(lang).to_string())],
        ),
        None => i.t(lang, fallback),
    }];
    if meeting_is_range && meeting.len() == 2 {
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
    } else if matches!(change.and_then(|c| c.allowed.as_ref()), Some(Allowed::Any)) {
        sentences.push(i.t(lang, "remedy-meeting-any"));
    }
    sentences
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
