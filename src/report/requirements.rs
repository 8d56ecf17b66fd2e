//! The requirements section: each requirement of the buyer with its
//! verdicts (one per category), explained and cited.

use super::categories::serde_name;
use super::explain::explanation;
use super::phrase::expect_label;
use super::Ctx;
use crate::gap::{claim_for, relies_on_lifecycle, uncovered_categories, unused_categories};
use crate::i18n::phrase::{bilingual_text, property_label, status_label};
use crate::model::claim::SourceKey;
use crate::model::report::{RequirementView, VerdictView};
use crate::model::requirement::{CategorySel, Requirement};
use crate::model::verdict::{Reason, Verdict};
use crate::model::{Bilingual, Lang, Status};
use crate::text::escape::md_escape;

/// A requirement with its verdicts; its status is the worst of theirs.
pub(super) fn requirement(cx: &mut Ctx, r: &Requirement, verdicts: &[Verdict]) -> RequirementView {
    let i = cx.i;
    let expect = Bilingual::new(
        expect_label(i, Lang::Ja, r.property, &r.expect),
        expect_label(i, Lang::En, r.property, &r.expect),
    );
    // The document shows the scope with the expected value.
    let expect = match &r.scope {
        None => expect,
        Some(s) => {
            let scope = i.both(
                &format!("scope-{}", s.kind()),
                &[("scope", md_escape(&s.label()))],
            );
            let with = |lang: Lang| {
                i.t_args(
                    lang,
                    "expect-with-scope",
                    &[
                        ("expect", expect.get(lang).to_string()),
                        ("scope", scope.get(lang).to_string()),
                    ],
                )
            };
            Bilingual::new(with(Lang::Ja), with(Lang::En))
        }
    };
    let views: Vec<VerdictView> = verdicts
        .iter()
        .filter(|v| v.requirement == r.id)
        .map(|v| verdict(cx, r, v, &expect))
        .collect();
    let status = views
        .iter()
        .map(|v| v.status)
        .max_by_key(|s| s.severity())
        .unwrap_or(Status::Unverified);
    let (category, category_label) = match &r.category {
        CategorySel::All => ("*".to_string(), i.both("category-all", &[])),
        CategorySel::One(c) => (c.clone(), cx.category_title(c)),
    };
    RequirementView {
        id: r.id.clone(),
        title: Bilingual::new(r.title.ja.clone(), bilingual_text(i, Lang::En, &r.title)),
        category,
        category_label,
        property: r.property,
        property_label: property_label(i, r.property),
        expect,
        priority: r.priority,
        priority_label: i.both(&format!("priority-{}", serde_name(r.priority)), &[]),
        grade: r.grade.clone(),
        status,
        status_label: status_label(i, status),
        line: r.line,
        verdicts: views,
        not_covered: uncovered_categories(r, cx.catalog, &cx.resolved.claims)
            .iter()
            .map(|c| cx.category_title(c))
            .collect(),
        not_in_use: unused_categories(r, cx.catalog, &cx.resolved.claims)
            .iter()
            .map(|c| cx.category_title(c))
            .collect(),
    }
}

/// One verdict as shown: the claim's sources and, for a gap with a change,
/// the pages that document the change.
fn verdict(cx: &mut Ctx, r: &Requirement, v: &Verdict, expect: &Bilingual) -> VerdictView {
    let i = cx.i;
    let claim = claim_for(r, &v.category, &cx.resolved.claims, &cx.resolved.scoped);
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
    let origin = cx.flow_origin;
    let lifecycle = claim.is_some_and(|c| relies_on_lifecycle(r, c, &v.category));
    if lifecycle {
        keys.push(SourceKey::Doc {
            id: "s3-expiring-objects".into(),
        });
    }
    let mut conflicts: Vec<usize> = cx
        .conflicts
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            (c.first == r.id || c.second == r.id) && c.categories.contains(&v.category)
        })
        .map(|(n, _)| n + 1)
        .collect();
    let after = cx.conflicts.len();
    conflicts.extend(
        cx.clashes
            .iter()
            .enumerate()
            .filter(|(_, c)| (c.remedy_of == r.id || c.breaks == r.id) && c.category == v.category)
            .map(|(n, _)| after + n + 1),
    );
    // The evidence a comparison rests on; an unverified or not-applicable
    // verdict compares nothing.
    let strength = claim
        .filter(|_| matches!(v.status, Status::Met | Status::Gap | Status::Review))
        .map(|c| c.provenance);
    let status = status_label(i, v.status);
    let status_strength_label = match strength {
        Some(p) => {
            let s = i.both(&format!("provenance-{}", serde_name(p)), &[]);
            Bilingual::new(
                i.t_args(
                    Lang::Ja,
                    "status-with-strength",
                    &[("status", status.ja.clone()), ("strength", s.ja)],
                ),
                i.t_args(
                    Lang::En,
                    "status-with-strength",
                    &[("status", status.en.clone()), ("strength", s.en)],
                ),
            )
        }
        None => status.clone(),
    };
    let explain = |lang: Lang| {
        let mut s = explanation(i, lang, v, claim, expect.get(lang), origin);
        let mut extra = Vec::new();
        // A scope's gap: what the rules do to that subset (a shorter rule
        // that also covers it, Object Lock) is what the remedy turns on.
        // No observed claim for the scope: only live evidence reads the
        // lifecycle rules that treat the subset apart.
        if r.scope.is_some() && v.status == Status::Unverified && claim.is_none() {
            extra.push(i.t(lang, "scope-needs-live"));
        }
        if r.scope.is_some() && v.status == Status::Gap {
            for cv in claim.map(|c| c.caveats.as_slice()).unwrap_or_default() {
                extra.push(i.t_args(
                    lang,
                    "verdict-caveat",
                    &[("caveat", cv.get(lang).to_string())],
                ));
            }
        }
        if lifecycle && matches!(v.status, Status::Met | Status::Review) {
            extra.push(i.t_args(
                lang,
                "verdict-caveat",
                &[("caveat", i.t(lang, "caveat-s3-async-expiry"))],
            ));
        }
        for n in &conflicts {
            let id = if *n > after {
                "verdict-see-remedy-clash"
            } else {
                "verdict-see-conflict"
            };
            extra.push(i.t_args(lang, id, &[("n", n.to_string())]));
        }
        for e in extra {
            s.push_str(&i.t(lang, "sentence-joiner"));
            s.push_str(&e);
        }
        s
    };
    VerdictView {
        requirement: r.id.clone(),
        category: v.category.clone(),
        category_title: cx.category_title(&v.category),
        status: v.status,
        status_label: status,
        remedy: v.remedy,
        remedy_label: v
            .remedy
            .map(|m| i.both(&format!("remedy-{}", m.name()), &[])),
        reason: v.reason.clone(),
        explanation: Bilingual::new(explain(Lang::Ja), explain(Lang::En)),
        strength,
        status_strength_label,
        conflicts,
        citations: cx.num.numbers(&keys),
    }
}
