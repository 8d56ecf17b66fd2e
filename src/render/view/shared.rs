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
use crate::model::report::{CategoryView, CiteLabels, ClaimView, Report};
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
    /// For a shared claim: the other categories only its caveats apply
    /// to, as a sentence.
    pub caveats_also: Option<String>,
    /// Citation labels.
    pub citations: Vec<String>,
}

/// What is shared: the facts, and where each category's claims refer.
#[derive(Debug, Default)]
pub(super) struct Sharing {
    /// Every category's claims with its own name (and storage resource
    /// type) replaced by placeholders.
    norm: Vec<Vec<ClaimView>>,
    /// The shared facts, in order of first appearance.
    pub items: Vec<(Bilingual, Vec<usize>, Item)>,
    /// (category index, claim index) → index in `items` of its whole claim.
    pub whole: BTreeMap<(usize, usize), usize>,
    /// Item index → the categories (titles, joined) that refer only to
    /// its caveats.
    pub also: BTreeMap<usize, Bilingual>,
    /// Caveat text (ja + en) → index in `items`, and the citations a
    /// claim must carry to refer there.
    pub caveats: BTreeMap<(String, String), (usize, Vec<usize>)>,
}

/// A shared fact before it is seen in a language.
#[derive(Debug, Clone)]
pub(super) enum Item {
    /// A whole claim (the first category's).
    Claim(Box<ClaimView>),
    /// Caveats carried by the same claims, with the property labels they
    /// qualify.
    Caveat(Vec<Bilingual>, Vec<Bilingual>),
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
    let norm: Vec<Vec<ClaimView>> = report.categories.iter().map(normalized).collect();
    let titles: Vec<&Bilingual> = report.categories.iter().map(|c| &c.title).collect();
    let mut sharing = Sharing {
        norm,
        ..Sharing::default()
    };
    let found = group(&sharing.norm);
    for (n, (_, item, cites, at)) in found.into_iter().enumerate() {
        let mut in_cats: Vec<usize> = at.iter().map(|(c, _)| *c).collect();
        in_cats.dedup();
        let names = Bilingual::new(
            join(in_cats.iter().map(|&c| titles[c].ja.as_str()), "、"),
            join(in_cats.iter().map(|&c| titles[c].en.as_str()), ", "),
        );
        match &item {
            Item::Claim(_) => {
                for p in &at {
                    sharing.whole.insert(*p, n);
                }
            }
            Item::Caveat(texts, _) => {
                for text in texts {
                    sharing
                        .caveats
                        .insert((text.ja.clone(), text.en.clone()), (n, Vec::new()));
                }
            }
        }
        sharing.items.push((names, cites, item));
    }
    // a caveat printed with a shared claim is not repeated under the
    // claims of other categories that carry it and cite what it cites
    for (n, (_, cites, item)) in sharing.items.iter().enumerate() {
        if let Item::Claim(cl) = item {
            for cv in &cl.caveats {
                sharing
                    .caveats
                    .entry((cv.ja.clone(), cv.en.clone()))
                    .or_insert((n, cites.clone()));
            }
        }
    }
    // the categories that refer to a shared claim for its caveats only
    let mut also: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (ci, claims) in sharing.norm.iter().enumerate() {
        for k in 0..claims.len() {
            let (_, labels, _) = sharing.refs(ci, k);
            for l in labels {
                let n = l[1..].parse::<usize>().unwrap_or(0).saturating_sub(1);
                let whole_claim = matches!(sharing.items.get(n), Some((_, _, Item::Claim(_))));
                let at = also.entry(n).or_default();
                if whole_claim && !at.contains(&ci) {
                    at.push(ci);
                }
            }
        }
    }
    for (n, cats) in also.into_iter().filter(|(_, c)| !c.is_empty()) {
        let names = Bilingual::new(
            join(cats.iter().map(|&c| titles[c].ja.as_str()), "、"),
            join(cats.iter().map(|&c| titles[c].en.as_str()), ", "),
        );
        sharing.also.insert(n, names);
    }
    sharing
}

/// Where a fact is first seen: (category, claim, caveat + 1 or 0).
type First = (usize, usize, usize);
/// (category, claim) positions.
type At = Vec<(usize, usize)>;
/// A found fact: (first appearance, the fact, its citations, the claims
/// that have it).
type Found = (First, Item, Vec<usize>, At);

/// Group the (normalized) claims into shared facts, in order of first
/// appearance.
fn group(cats: &[Vec<ClaimView>]) -> Vec<Found> {
    // whole claims: key → (first position, categories)
    let mut groups: Vec<(String, Vec<(usize, usize)>)> = Vec::new();
    for (ci, cat) in cats.iter().enumerate() {
        for (k, cl) in cat.iter().enumerate() {
            let Some(key) = claim_key(cl) else { continue };
            match groups.iter_mut().find(|(g, _)| *g == key) {
                Some((_, at)) if !at.iter().any(|(c, _)| *c == ci) => at.push((ci, k)),
                Some(_) => {}
                None => groups.push((key, vec![(ci, k)])),
            }
        }
    }
    // (first appearance, item) so claims and caveats interleave in order
    let mut found: Vec<Found> = Vec::new();
    for (_, at) in groups.iter().filter(|(_, at)| at.len() >= MIN_CATEGORIES) {
        let (ci, k) = at[0];
        let cl = cats[ci][k].clone();
        let cites = cl.citations.clone();
        found.push(((ci, k, 0), Item::Claim(Box::new(cl)), cites, at.clone()));
    }
    let whole: Vec<(usize, usize)> = found.iter().flat_map(|f| f.3.clone()).collect();
    // caveats of the claims not shared whole
    let mut cav: Vec<(&Bilingual, First, At)> = Vec::new();
    for (ci, cat) in cats.iter().enumerate() {
        for (k, cl) in cat.iter().enumerate() {
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
    // caveats carried by the same claims make one fact
    let mut merged: Vec<(Vec<&Bilingual>, First, At)> = Vec::new();
    for (text, first, at) in cav {
        match merged.iter_mut().find(|m| m.2 == at) {
            Some(m) => m.0.push(text),
            None => merged.push((vec![text], first, at)),
        }
    }
    for (texts, first, at) in merged {
        let mut distinct: Vec<usize> = at.iter().map(|(c, _)| *c).collect();
        distinct.dedup();
        if distinct.len() < MIN_CATEGORIES {
            continue;
        }
        let claims: Vec<&ClaimView> = at.iter().map(|&(c, k)| &cats[c][k]).collect();
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
        let texts = texts.into_iter().cloned().collect();
        found.push((first, Item::Caveat(texts, props), cites, at));
    }
    found.sort_by_key(|f| f.0);
    found
}

/// Placeholders for a category's own name and its storage resource type
/// (private-use characters: never in catalog text).
const CATEGORY: &str = "\u{E000}";
const RESOURCE: &str = "\u{E001}";

/// A category's claims with its own name and storage resource type
/// replaced by placeholders, so that "Chat transcripts are written to the
/// bucket the `CHAT_TRANSCRIPTS` storage config names" and the same
/// sentence about attachments read as one.
fn normalized(cat: &CategoryView) -> Vec<ClaimView> {
    // the resource type: the code span of the storage claim's value
    let resource = cat
        .claims
        .iter()
        .find(|c| c.property.name() == "storage")
        .and_then(|c| code_span(&c.value_text.en))
        .filter(|r| !r.is_empty() && r.chars().all(|ch| ch.is_ascii_uppercase() || ch == '_'));
    let swap = |b: &Bilingual| {
        let mut ja = b.ja.replace(&cat.title.ja, CATEGORY);
        let mut en = b.en.replace(&cat.title.en, CATEGORY);
        en = en.replace(&lower_first(&cat.title.en), CATEGORY);
        if let Some(r) = &resource {
            let code = format!("`{r}`");
            ja = ja.replace(&code, RESOURCE);
            en = en.replace(&code, RESOURCE);
        }
        Bilingual::new(ja, en)
    };
    cat.claims
        .iter()
        .map(|c| {
            let mut c = c.clone();
            c.value_text = swap(&c.value_text);
            c.explain = swap(&c.explain);
            c.caveats = c.caveats.iter().map(swap).collect();
            c
        })
        .collect()
}

/// The first `code span` of a text.
fn code_span(s: &str) -> Option<String> {
    let start = s.find('`')? + 1;
    let len = s[start..].find('`')?;
    Some(s[start..start + len].to_string())
}

/// "Chat transcripts" → "chat transcripts" (a name in mid-sentence).
fn lower_first(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(f) => f.to_lowercase().chain(cs).collect(),
        None => String::new(),
    }
}

/// Put the placeholders back as the reader's words.
fn words(s: &str, i18n: &I18n, lang: Lang) -> String {
    if !s.contains(CATEGORY) && !s.contains(RESOURCE) {
        return s.to_string();
    }
    s.replace(CATEGORY, &i18n.t(lang, "shared-placeholder-category"))
        .replace(RESOURCE, &i18n.t(lang, "shared-placeholder-resource"))
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
                    value_md: Some(words(cl.value_text.get(lang), i18n, lang)),
                    provenance_label: Some(cl.provenance_label.get(lang).to_string()),
                    text_md: words(cl.explain.get(lang), i18n, lang),
                    caveats_md: cl
                        .caveats
                        .iter()
                        .map(|c| words(c.get(lang), i18n, lang))
                        .collect(),
                    categories: cats.get(lang).to_string(),
                    caveats_also: self.also.get(&n).map(|c| {
                        i18n.t_args(
                            lang,
                            "shared-caveats-also",
                            &[("categories", c.get(lang).to_string())],
                        )
                    }),
                    citations: labels.labels(cites),
                },
                Item::Caveat(texts, props) => Shared {
                    label: label(n),
                    property_label: join(
                        props.iter().map(|p| p.get(lang)),
                        &i18n.t(lang, "list-joiner"),
                    ),
                    value_md: None,
                    provenance_label: None,
                    text_md: String::new(),
                    caveats_md: texts
                        .iter()
                        .map(|c| words(c.get(lang), i18n, lang))
                        .collect(),
                    categories: cats.get(lang).to_string(),
                    caveats_also: None,
                    citations: labels.labels(cites),
                },
            })
            .collect()
    }

    /// Where a category's claim refers: its whole-claim label, the labels
    /// of its shared caveats, and its caveats left to print.
    pub(super) fn refs(&self, ci: usize, k: usize) -> (Option<String>, Vec<String>, Vec<usize>) {
        if let Some(&n) = self.whole.get(&(ci, k)) {
            return (Some(label(n)), Vec::new(), Vec::new());
        }
        let cl = &self.norm[ci][k];
        let mut shared = Vec::new();
        let mut own = Vec::new();
        for (j, cv) in cl.caveats.iter().enumerate() {
            let at = self.caveats.get(&(cv.ja.clone(), cv.en.clone()));
            let at = at.filter(|(_, need)| need.iter().all(|x| cl.citations.contains(x)));
            match at {
                Some((n, _)) if !shared.contains(&label(*n)) => shared.push(label(*n)),
                Some(_) => {}
                None => own.push(j),
            }
        }
        (None, shared, own)
    }
}
