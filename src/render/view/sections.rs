//! The requirements and category sections of the view.

use super::shared::Sharing;
use crate::i18n::I18n;
use crate::model::claim::Provenance;
use crate::model::report::{self as model, CiteLabels, Report};
use crate::model::verdict::Reason;
use crate::model::{Lang, Priority, Status};
use crate::text::escape::md_escape;
use serde::Serialize;

/// A requirement with its verdicts.
#[derive(Debug, Clone, Serialize)]
pub struct Requirement {
    /// Id.
    pub id: String,
    /// The buyer's words.
    pub title: String,
    /// Category id or `*`.
    pub category: String,
    /// Category for the reader.
    pub category_label: String,
    /// Property name.
    pub property: &'static str,
    /// Property for the reader.
    pub property_label: String,
    /// The conditions for the reader.
    pub expect: String,
    /// must / should / may.
    pub priority: Priority,
    /// Priority for the reader.
    pub priority_label: String,
    /// Worst status of its verdicts.
    pub status: &'static str,
    /// Status for the reader.
    pub status_label: String,
    /// Per category (those without any evidence grouped apart).
    pub verdicts: Vec<RequirementVerdict>,
    /// Categories with no evidence at all, listed once as a group (when
    /// there are two or more), as one sentence.
    pub unverified_group: Option<String>,
    /// For a `*` requirement, the categories it leaves out and why.
    pub not_covered: Option<String>,
}

/// A verdict under its requirement.
#[derive(Debug, Clone, Serialize)]
pub struct RequirementVerdict {
    /// Category id.
    pub category: String,
    /// Category title.
    pub category_title: String,
    /// Status name.
    pub status: &'static str,
    /// Status for the reader.
    pub status_label: String,
    /// The status with the evidence it rests on (適合（申告）).
    pub status_strength_label: String,
    /// Remedy name, for a gap.
    pub remedy: Option<&'static str>,
    /// Remedy for the reader.
    pub remedy_label: Option<String>,
    /// Why (trusted Markdown).
    pub explanation_md: String,
    /// Conflicts it is part of.
    pub conflicts: Vec<usize>,
    /// Citation numbers.
    pub citations: Vec<String>,
}

/// A category's section.
#[derive(Debug, Clone, Serialize)]
pub struct Category {
    /// Id.
    pub id: String,
    /// Section number, from 1.
    pub number: usize,
    /// Title.
    pub title: String,
    /// What it is (Markdown).
    pub summary_md: String,
    /// What it contains (Markdown).
    pub data_md: Vec<String>,
    /// Claims.
    pub claims: Vec<Claim>,
    /// Verdicts concerning it.
    pub verdicts: Vec<CategoryVerdict>,
}

/// A claim in a category's table.
#[derive(Debug, Clone, Serialize)]
pub struct Claim {
    /// Property name.
    pub property: &'static str,
    /// Property for the reader.
    pub property_label: String,
    /// Value for the reader (plain text or catalog Markdown, as stored).
    pub value_text: String,
    /// Value as Markdown: catalog text as is, declared and observed text
    /// escaped.
    pub value_md: String,
    /// Tier.
    pub provenance: Provenance,
    /// Tier for the reader.
    pub provenance_label: String,
    /// Settled by its evidence.
    pub verified: bool,
    /// What it says (Markdown).
    pub explain_md: String,
    /// Operator's note (plain text).
    pub note: Option<String>,
    /// Reference given with a declaration.
    pub reference: Option<String>,
    /// What a reviewer must also know (Markdown).
    pub caveats_md: Vec<String>,
    /// Why live evidence was not used (Markdown).
    pub fallback_md: Option<String>,
    /// Citation numbers.
    pub citations: Vec<String>,
    /// The shared fact that says all of it (S1 ...): its explanation and
    /// caveats are printed there, once, not here.
    pub shared: Option<String>,
    /// Where to read the shared text (the whole claim's or its caveats'),
    /// as one sentence; `caveats_md` then holds only its own caveats.
    pub shared_see: Option<String>,
}

/// A verdict under its category.
#[derive(Debug, Clone, Serialize)]
pub struct CategoryVerdict {
    /// Requirement id.
    pub requirement: String,
    /// The requirement's title.
    pub requirement_title: Option<String>,
    /// The requirement's priority for the reader.
    pub priority_label: Option<String>,
    /// The requirement's conditions for the reader.
    pub expect: Option<String>,
    /// Status name.
    pub status: &'static str,
    /// Status for the reader.
    pub status_label: String,
    /// Remedy name, for a gap.
    pub remedy: Option<&'static str>,
    /// Remedy for the reader.
    pub remedy_label: Option<String>,
    /// Why (trusted Markdown).
    pub explanation_md: String,
    /// Citation numbers.
    pub citations: Vec<String>,
}

/// A verdict with no evidence to compare: listed with the others of its
/// requirement as one group.
fn no_evidence(v: &model::VerdictView) -> bool {
    v.status == Status::Unverified
        && matches!(
            v.reason,
            Reason::NoEvidence
                | Reason::DependsOnConfig
                | Reason::DeclareOnly
                | Reason::InstanceRegionUnknown
        )
}

/// The requirements section.
pub(super) fn requirements(report: &Report, i18n: &I18n, lang: Lang) -> Vec<Requirement> {
    let labels = CiteLabels::new(&report.sources);
    report
        .requirements
        .iter()
        .map(|r| {
            let grouped: Vec<&str> = r
                .verdicts
                .iter()
                .filter(|v| no_evidence(v))
                .map(|v| v.category_title.get(lang))
                .collect();
            let group = grouped.len() >= 2;
            (r, group, grouped)
        })
        .map(|(r, group, grouped)| Requirement {
            id: r.id.clone(),
            title: r.title.get(lang).to_string(),
            category: r.category.clone(),
            category_label: r.category_label.get(lang).to_string(),
            property: r.property.name(),
            property_label: r.property_label.get(lang).to_string(),
            expect: r.expect.get(lang).to_string(),
            priority: r.priority,
            priority_label: r.priority_label.get(lang).to_string(),
            status: r.status.name(),
            status_label: r.status_label.get(lang).to_string(),
            verdicts: r
                .verdicts
                .iter()
                .filter(|v| !(group && no_evidence(v)))
                .map(|v| RequirementVerdict {
                    category: v.category.clone(),
                    category_title: v.category_title.get(lang).to_string(),
                    status: v.status.name(),
                    status_label: v.status_label.get(lang).to_string(),
                    status_strength_label: v.status_strength_label.get(lang).to_string(),
                    remedy: v.remedy.map(|m| m.name()),
                    remedy_label: v.remedy_label.as_ref().map(|l| l.get(lang).to_string()),
                    explanation_md: v.explanation.get(lang).to_string(),
                    conflicts: v.conflicts.clone(),
                    citations: labels.labels(&v.citations),
                })
                .collect(),
            not_covered: {
                let list = |cs: &[crate::model::Bilingual]| {
                    let cats: Vec<&str> = cs.iter().map(|c| c.get(lang)).collect();
                    cats.join(&i18n.t(lang, "list-joiner"))
                };
                let mut parts = Vec::new();
                if !r.not_covered.is_empty() {
                    parts.push(i18n.t_args(
                        lang,
                        "fanout-not-covered",
                        &[
                            ("categories", list(&r.not_covered)),
                            ("property", r.property_label.get(lang).to_string()),
                        ],
                    ));
                }
                if !r.not_in_use.is_empty() {
                    parts.push(i18n.t_args(
                        lang,
                        "fanout-not-in-use",
                        &[("categories", list(&r.not_in_use))],
                    ));
                }
                (!parts.is_empty()).then(|| parts.join(" "))
            },
            unverified_group: group.then(|| {
                i18n.t_args(
                    lang,
                    "grouped-unverified",
                    &[("categories", grouped.join(&i18n.t(lang, "list-joiner")))],
                )
            }),
        })
        .collect()
}

/// The category sections, numbered from 1.
pub(super) fn categories(
    report: &Report,
    sharing: &Sharing,
    i18n: &I18n,
    lang: Lang,
) -> Vec<Category> {
    let labels = CiteLabels::new(&report.sources);
    report
        .categories
        .iter()
        .enumerate()
        .map(|(n, c)| Category {
            id: c.id.clone(),
            number: n + 1,
            title: c.title.get(lang).to_string(),
            summary_md: c.summary.get(lang).to_string(),
            data_md: c.data.iter().map(|d| d.get(lang).to_string()).collect(),
            claims: c
                .claims
                .iter()
                .enumerate()
                .map(|(k, cl)| {
                    let mut v = claim(cl, &labels, lang);
                    let (whole, caveats, own) = sharing.refs(n, k);
                    v.caveats_md = own.iter().map(|&j| v.caveats_md[j].clone()).collect();
                    v.shared_see = match (&whole, caveats.is_empty()) {
                        (Some(l), _) => {
                            Some(see(i18n, lang, "shared-claim-see", std::slice::from_ref(l)))
                        }
                        (None, false) => Some(see(i18n, lang, "shared-caveats-see", &caveats)),
                        (None, true) => None,
                    };
                    v.shared = whole;
                    v
                })
                .collect(),
            verdicts: c
                .verdicts
                .iter()
                .map(|v| category_verdict(report, &labels, v, lang))
                .collect(),
        })
        .collect()
}

fn claim(cl: &model::ClaimView, labels: &CiteLabels, lang: Lang) -> Claim {
    let value_text = cl.value_text.get(lang).to_string();
    Claim {
        property: cl.property.name(),
        property_label: cl.property_label.get(lang).to_string(),
        // Catalog text is trusted Markdown; declared and observed text is not.
        value_md: match cl.provenance {
            Provenance::Documented | Provenance::Derived => value_text.clone(),
            _ => md_escape(&value_text),
        },
        value_text,
        provenance: cl.provenance,
        provenance_label: cl.provenance_label.get(lang).to_string(),
        verified: cl.verified,
        explain_md: cl.explain.get(lang).to_string(),
        note: cl.note.as_ref().map(|x| x.get(lang).to_string()),
        reference: cl.reference.clone(),
        caveats_md: cl.caveats.iter().map(|x| x.get(lang).to_string()).collect(),
        fallback_md: cl.fallback.as_ref().map(|x| x.get(lang).to_string()),
        citations: labels.labels(&cl.citations),
        shared: None,
        shared_see: None,
    }
}

/// "See shared facts S1, S2" in a language.
fn see(i18n: &I18n, lang: Lang, id: &str, labels: &[String]) -> String {
    i18n.t_args(
        lang,
        id,
        &[("labels", labels.join(&i18n.t(lang, "list-joiner")))],
    )
}

fn category_verdict(
    report: &Report,
    labels: &CiteLabels,
    v: &model::VerdictView,
    lang: Lang,
) -> CategoryVerdict {
    let req = report.requirements.iter().find(|r| r.id == v.requirement);
    CategoryVerdict {
        requirement: v.requirement.clone(),
        requirement_title: req.map(|r| r.title.get(lang).to_string()),
        priority_label: req.map(|r| r.priority_label.get(lang).to_string()),
        expect: req.map(|r| r.expect.get(lang).to_string()),
        status: v.status.name(),
        status_label: v.status_label.get(lang).to_string(),
        remedy: v.remedy.map(|m| m.name()),
        remedy_label: v.remedy_label.as_ref().map(|l| l.get(lang).to_string()),
        explanation_md: v.explanation.get(lang).to_string(),
        citations: labels.labels(&v.citations),
    }
}
