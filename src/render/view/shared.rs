//! Facts shared by several categories, printed once.
//!
//! The S3-backed categories (recordings, transcripts, attachments ...) say
//! the same things about their buckets: the same transit claim, the same
//! versioning and Object Lock caveats. The appendix prints each such fact
//! once, in a shared table, and every category that has it refers to it by
//! label (S1, S2 ...). Nothing is dropped: a category's row keeps its
//! property, value, evidence and citations; only the repeated text moves.
//!
//! Two kinds are shared, found on the report's bilingual text (so both
//! languages share the same facts under the same labels):
//! - a whole claim: same property, value, evidence, explanation, caveats and
//!   citations in [`MIN_CATEGORIES`] or more categories (catalog facts only:
//!   declared and observed values are the deployment's, never merged);
//! - a caveat: the same caveat text in [`MIN_CATEGORIES`] or more categories
//!   (on claims not shared whole); it cites what every claim carrying it
//!   cites, and is not shared when that is nothing.

use crate::i18n::I18n;
use crate::model::claim::Provenance;
use crate::model::report::{CiteLabels, ClaimView, Report};
use crate::model::{Bilingual, Lang};
use serde::Serialize;
use std::collections::BTreeMap;

/// How many categories must share a fact before it is printed once.
pub const MIN_CATEGORIES: usize = 3;

/// A fact printed once for several categories.
#[derive(Debug, Clone, Serialize)]
pub struct Shared {
    /// Label the categories refer to it by (S1, S2 ...).
    pub label: String,
    /// The property (or properties, for a caveat) it concerns.
    pub property_label: String,
    /// The value, for a shared claim (Markdown); none for a caveat.
    pub value_md: Option<String>,
    /// The evidence, for a shared claim.
    pub provenance_label: Option<String>,
    /// The explanation, or the caveat (Markdown).
    pub text_md: String,
    /// A shared claim's own caveats (Markdown).
    pub caveats_md: Vec<String>,
    /// The categories it applies to, joined.
    pub categories: String,
    /// Citation labels.
    pub citations: Vec<String>,
}

/// What is shared: the facts, and where each category's claims refer.
#[derive(Debug, Default)]
pub(super) struct Sharing {
    /// The shared facts, in order of first appearance.
    pub items: Vec<(Bilingual, Vec<usize>, Item)>,
    /// (category index, claim index) → index in `items` of its whole claim.
    pub whole: BTreeMap<(usize, usize), usize>,
    /// Caveat text (ja + en) → index in `items`.
    pub caveats: BTreeMap<(String, String), usize>,
}

/// A shared fact before it is seen in a language.
#[derive(Debug, Clone)]
pub(super) enum Item {
    /// A whole claim (the first category's).
    Claim(ClaimView),
    /// A caveat, with the property labels it qualifies.
    Caveat(Bilingual, Vec<Bilingual>),
}

/// The key of a claim that may be shared whole.
fn claim_key(c: &ClaimView) -> Option<String> {
    let catalog = matches!(c.provenance, Provenance::Documented | Provenance::Derived);
    if !catalog || c.note.is_some() || c.reference.is_some() || c.fallback.is_some() {
        return None;
    }
    serde_json::to_string(&(
        c.property.name(),
        &c.value_text,
        &c.provenance_label,
        c.verified,
        &c.explain,
        &c.caveats,
        &c.citations,
    ))
    .ok()
}

/// Find the shared facts of a report.
pub(super) fn find(report: &Report) -> Sharing {
    let cats = &report.categories;
    // whole claims: key → (first position, categories)
    let mut groups: Vec<(String, Vec<(usize, usize)>)> = Vec::new();
    for (ci, cat) in cats.iter().enumerate() {
        for (k, cl) in cat.claims.iter().enumerate() {
            let Some(key) = claim_key(cl) else { continue };
            match groups.iter_mut().find(|(g, _)| *g == key) {
                Some((_, at)) if !at.iter().any(|(c, _)| *c == ci) => at.push((ci, k)),
                Some(_) => {}
                None => groups.push((key, vec![(ci, k)])),
            }
        }
    }
    let mut sharing = Sharing::default();
    // (first appearance, item) so claims and caveats interleave in order
    let mut found: Vec<((usize, usize, usize), Item, Vec<usize>, Vec<(usize, usize)>)> = Vec::new();
    for (_, at) in groups.iter().filter(|(_, at)| at.len() >= MIN_CATEGORIES) {
        let (ci, k) = at[0];
        let cl = cats[ci].claims[k].clone();
        let cites = cl.citations.clone();
        found.push(((ci, k, 0), Item::Claim(cl), cites, at.clone()));
    }
    let whole: Vec<(usize, usize)> = found.iter().flat_map(|f| f.3.clone()).collect();
    // caveats of the claims not shared whole
    let mut cav: Vec<(&Bilingual, (usize, usize, usize), Vec<(usize, usize)>)> = Vec::new();
    for (ci, cat) in cats.iter().enumerate() {
        for (k, cl) in cat.claims.iter().enumerate() {
            if whole.contains(&(ci, k)) {
                continue;
            }
            for (j, cv) in cl.caveats.iter().enumerate() {
                match cav.iter_mut().find(|(t, _, _)| *t == cv) {
                    Some((_, _, at)) => at.push((ci, k)),
                    None => cav.push((cv, (ci, k, j + 1), vec![(ci, k)])),
                }
            }
        }
    }
    for (text, first, at) in cav {
        let mut distinct: Vec<usize> = at.iter().map(|(c, _)| *c).collect();
        distinct.dedup();
        if distinct.len() < MIN_CATEGORIES {
            continue;
        }
        let claims: Vec<&ClaimView> = at.iter().map(|&(c, k)| &cats[c].claims[k]).collect();
        let cites: Vec<usize> = claims[0]
            .citations
            .iter()
            .copied()
            .filter(|n| claims.iter().all(|c| c.citations.contains(n)))
            .collect();
        if cites.is_empty() {
            continue;
        }
        let mut props: Vec<Bilingual> = Vec::new();
        for c in &claims {
            if !props.contains(&c.property_label) {
                props.push(c.property_label.clone());
            }
        }
        found.push((first, Item::Caveat(text.clone(), props), cites, at));
    }
    found.sort_by_key(|f| f.0);
    for (n, (_, item, cites, at)) in found.into_iter().enumerate() {
        let mut in_cats: Vec<usize> = at.iter().map(|(c, _)| *c).collect();
        in_cats.dedup();
        let titles = Bilingual::new(
            join(in_cats.iter().map(|&c| cats[c].title.ja.as_str()), "、"),
            join(in_cats.iter().map(|&c| cats[c].title.en.as_str()), ", "),
        );
        match &item {
            Item::Claim(_) => {
                for p in &at {
                    sharing.whole.insert(*p, n);
                }
            }
            Item::Caveat(text, _) => {
                sharing.caveats.insert((text.ja.clone(), text.en.clone()), n);
            }
        }
        sharing.items.push((titles, cites, item));
    }
    sharing
}

fn join<'a>(xs: impl Iterator<Item = &'a str>, sep: &str) -> String {
    xs.collect::<Vec<_>>().join(sep)
}

/// The label of the n-th shared fact (from 0).
pub(super) fn label(n: usize) -> String {
    format!("S{}", n + 1)
}

impl Sharing {
    /// The shared facts seen in one language.
    pub(super) fn view(&self, report: &Report, i18n: &I18n, lang: Lang) -> Vec<Shared> {
        let labels = CiteLabels::new(&report.sources);
        self.items
            .iter()
            .enumerate()
            .map(|(n, (cats, cites, item))| match item {
                Item::Claim(cl) => Shared {
                    label: label(n),
                    property_label: cl.property_label.get(lang).to_string(),
                    value_md: Some(cl.value_text.get(lang).to_string()),
                    provenance_label: Some(cl.provenance_label.get(lang).to_string()),
                    text_md: cl.explain.get(lang).to_string(),
                    caveats_md: cl.caveats.iter().map(|c| c.get(lang).to_string()).collect(),
                    categories: cats.get(lang).to_string(),
                    citations: labels.labels(cites),
                },
                Item::Caveat(text, props) => Shared {
                    label: label(n),
                    property_label: join(props.iter().map(|p| p.get(lang)), &i18n.t(lang, "list-joiner")),
                    value_md: None,
                    provenance_label: None,
                    text_md: text.get(lang).to_string(),
                    caveats_md: Vec::new(),
                    categories: cats.get(lang).to_string(),
                    citations: labels.labels(cites),
                },
            })
            .collect()
    }

    /// Where a category's claim refers: its whole-claim label, the labels
    /// of its shared caveats, and its caveats left to print.
    pub(super) fn refs(&self, ci: usize, k: usize, cl: &ClaimView) -> (Option<String>, Vec<String>, Vec<usize>) {
        if let Some(&n) = self.whole.get(&(ci, k)) {
            return (Some(label(n)), Vec::new(), Vec::new());
        }
        let mut shared = Vec::new();
        let mut own = Vec::new();
        for (j, cv) in cl.caveats.iter().enumerate() {
            match self.caveats.get(&(cv.ja.clone(), cv.en.clone())) {
                Some(&n) => shared.push(label(n)),
                None => own.push(j),
            }
        }
        (None, shared, own)
    }
}
