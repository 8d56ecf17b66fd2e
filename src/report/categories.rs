//! The category sections: each category of the catalog with its resolved
//! claims (verdicts are added once the requirements are built).

use super::phrase::value_label;
use super::Ctx;
use crate::i18n::phrase::property_label;
use crate::model::claim::Claim;
use crate::model::report::{CategoryView, ClaimView};
use crate::model::{Bilingual, Lang};
use crate::text::escape::md_escape;

/// Every category of the catalog, in catalog order, with its claims.
pub(super) fn categories(cx: &mut Ctx) -> Vec<CategoryView> {
    let (catalog, resolved) = (cx.catalog, cx.resolved);
    catalog
        .categories
        .iter()
        .map(|cat| CategoryView {
            id: cat.id.clone(),
            title: cat.title.clone(),
            summary: cat.summary.clone(),
            data: cat.data.clone(),
            claims: resolved
                .claims
                .iter()
                .filter(|c| c.category == cat.id)
                .map(|c| claim(cx, c))
                .collect(),
            verdicts: Vec::new(),
        })
        .collect()
}

/// One claim as shown, its citations numbered.
fn claim(cx: &mut Ctx, c: &Claim) -> ClaimView {
    let i = cx.i;
    ClaimView {
        category: c.category.clone(),
        property: c.property,
        property_label: property_label(i, c.property),
        value: c.value.clone(),
        value_text: Bilingual::new(
            value_label(i, Lang::Ja, c.property, &c.value),
            value_label(i, Lang::En, c.property, &c.value),
        ),
        provenance: c.provenance,
        provenance_label: i.both(&format!("provenance-{}", serde_name(c.provenance)), &[]),
        verified: c.verified,
        explain: c.explain.clone(),
        note: c.note.clone(),
        reference: c.reference.clone(),
        caveats: c.caveats.clone(),
        fallback: c
            .fallback
            .as_ref()
            .map(|f| i.both("claim-fallback", &[("reason", md_escape(f))])),
        citations: cx.num.numbers(&c.cites),
    }
}

/// The name a unit enum serialises to (`observed`, `must`).
pub(super) fn serde_name<T: serde::Serialize>(x: T) -> String {
    serde_json::to_value(x)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}
