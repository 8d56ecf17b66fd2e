//! The summary's parts: conflicts between requirements (each once, with a
//! combined way out) and the action list (each open item: who acts, the
//! kind of remedy, and the evidence that would close it).

use super::phrase::expect_label;
use super::Ctx;
use crate::gap::conflicts::Conflict;
use crate::i18n::phrase::{duration_text, property_label, status_label};
use crate::i18n::I18n;
use crate::model::report::{ActionView, Actor, ConflictView, RequirementView, VerdictView};
use crate::model::requirement::Requirement;
use crate::model::verdict::Reason;
use crate::model::{Bilingual, Lang, Remedy, Status};

/// Each conflict once, numbered from 1, with what it is and the way out.
pub(super) fn conflicts(cx: &Ctx, found: &[Conflict], reqs: &[Requirement]) -> Vec<ConflictView> {
    let i = cx.i;
    found
        .iter()
        .enumerate()
        .map(|(n, c)| {
            let expect = |id: &str, lang: Lang| {
                reqs.iter()
                    .find(|r| r.id == id)
                    .map(|r| expect_label(i, lang, r.property, &r.expect))
                    .unwrap_or_default()
            };
            let categories: Vec<Bilingual> = c
                .categories
                .iter()
                .map(|id| cx.category_title(id))
                .collect();
            let text = |lang: Lang| {
                let cats: Vec<&str> = categories.iter().map(|b| b.get(lang)).collect();
                i.t_args(
                    lang,
                    "conflict-text",
                    &[
                        ("first", c.first.clone()),
                        ("first_expect", expect(&c.first, lang)),
                        ("second", c.second.clone()),
                        ("second_expect", expect(&c.second, lang)),
                        ("categories", cats.join(&i.t(lang, "list-joiner"))),
                        (
                            "property",
                            property_label(i, c.property).get(lang).to_string(),
                        ),
                    ],
                )
            };
            ConflictView {
                number: n + 1,
                kind: "requirements".into(),
                first: c.first.clone(),
                second: c.second.clone(),
                property: c.property,
                text: Bilingual::new(text(Lang::Ja), text(Lang::En)),
                categories,
            }
        })
        .collect()
}

/// Each remedy that breaks another requirement once, numbered after the
/// conflicts, with the copies that outlive the other requirement too.
pub(super) fn clashes(cx: &Ctx, reqs: &[Requirement]) -> Vec<ConflictView> {
    let i = cx.i;
    let after = cx.conflicts.len();
    cx.clashes
        .iter()
        .enumerate()
        .map(|(n, c)| {
            let expect = |id: &str, lang: Lang| {
                reqs.iter()
                    .find(|r| r.id == id)
                    .map(|r| expect_label(i, lang, r.property, &r.expect))
                    .unwrap_or_default()
            };
            let category = cx.category_title(&c.category);
            let text = |lang: Lang| {
                let mut s = i.t_args(
                    lang,
                    "conflict-remedy-text",
                    &[
                        ("first", c.remedy_of.clone()),
                        ("first_expect", expect(&c.remedy_of, lang)),
                        ("second", c.breaks.clone()),
                        ("second_expect", expect(&c.breaks, lang)),
                        ("category", category.get(lang).to_string()),
                    ],
                );
                if !c.copies.is_empty() {
                    let copies: Vec<String> = c
                        .copies
                        .iter()
                        .map(|(id, d)| {
                            i.t_args(
                                lang,
                                "conflict-remedy-copy",
                                &[
                                    ("category", cx.category_title(id).get(lang).to_string()),
                                    ("duration", duration_text(i, lang, d)),
                                ],
                            )
                        })
                        .collect();
                    s.push_str(&i.t(lang, "sentence-joiner"));
                    s.push_str(&i.t_args(
                        lang,
                        "conflict-remedy-copies",
                        &[
                            ("second", c.breaks.clone()),
                            ("copies", copies.join(&i.t(lang, "list-joiner"))),
                        ],
                    ));
                }
                s
            };
            ConflictView {
                number: after + n + 1,
                kind: "remedy".into(),
                first: c.remedy_of.clone(),
                second: c.breaks.clone(),
                property: crate::model::Property::Retention,
                text: Bilingual::new(text(Lang::Ja), text(Lang::En)),
                categories: vec![category],
            }
        })
        .collect()
}

/// What an open verdict asks for: who acts, what they do, and what
/// evidence would close it (message id suffixes).
fn kind(v: &VerdictView) -> Option<(Actor, &'static str, String)> {
    let close = |s: &str| s.to_string();
    Some(match (&v.status, &v.reason) {
        (Status::Gap, _) => match v.remedy {
            Some(Remedy::Configure) => (Actor::Operator, "configure", close("observe-setting")),
            Some(Remedy::Design) => (Actor::Operator, "design", close("design")),
            _ => (Actor::Buyer, "negotiate", close("agreement")),
        },
        (Status::Review, Reason::CalendarBand { .. }) => {
            (Actor::Operator, "calendar", close("observe-setting"))
        }
        (Status::Review, Reason::ConditionUnshown { condition }) => (
            Actor::Operator,
            "show-condition",
            format!("condition-{condition}"),
        ),
        // An observation named the condition (a versioned bucket without
        // noncurrent-version expiry): the operator sets it or shows the
        // procedure that meets it.
        (Status::Review, Reason::Conditional) => (
            Actor::Operator,
            "meet-condition",
            close("condition-observed"),
        ),
        (Status::Review, _) => (Actor::Buyer, "judge", close("judgement")),
        (Status::Unverified, Reason::Undocumented) => {
            (Actor::Aws, "ask-aws", close("aws-statement"))
        }
        (Status::Unverified, Reason::Stale) => {
            (Actor::Operator, "recollect", close("observe-setting"))
        }
        (Status::Unverified, Reason::DeclareOnly) => {
            (Actor::Operator, "declare-only", close("declaration"))
        }
        (Status::Unverified, Reason::ScopeUnobserved) => {
            (Actor::Operator, "observe-scope", close("observe-scope"))
        }
        (Status::Unverified, _) => (Actor::Operator, "declare", close("declare-or-observe")),
        _ => return None,
    })
}

/// The action list: per requirement, its open verdicts grouped by status,
/// who acts and what they do, most severe first.
pub(super) fn actions(i: &I18n, reqs: &[RequirementView]) -> Vec<ActionView> {
    let mut out: Vec<ActionView> = Vec::new();
    for r in reqs {
        let mut items: Vec<ActionView> = Vec::new();
        for v in &r.verdicts {
            let Some((actor, action, closing)) = kind(v) else {
                continue;
            };
            if let Some(a) = items.iter_mut().find(|a| {
                a.status == v.status
                    && a.actor == actor
                    && a.remedy == v.remedy
                    && a.action_label == i.both(&format!("action-{action}"), &[])
                    && a.closing_evidence == i.both(&format!("close-{closing}"), &[])
            }) {
                a.categories.push(v.category_title.clone());
                continue;
            }
            items.push(ActionView {
                requirement: r.id.clone(),
                categories: vec![v.category_title.clone()],
                status: v.status,
                status_label: status_label(i, v.status),
                actor,
                actor_label: i.both(&format!("actor-{}", actor.name()), &[]),
                remedy: v.remedy,
                action_label: i.both(&format!("action-{action}"), &[]),
                closing_evidence: i.both(&format!("close-{closing}"), &[]),
            });
        }
        items.sort_by_key(|a| std::cmp::Reverse(a.status.severity()));
        out.extend(items);
    }
    out
}
