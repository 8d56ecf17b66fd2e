//! The Report seen in one language: every label resolved, every bilingual
//! field narrowed. Markdown, mdBook pages and the PDF template all read this
//! view (the PDF template through `sys.inputs`, as JSON). Fields named
//! `*_md` hold trusted Markdown (catalog text, generated explanations with
//! untrusted parts escaped); every other string is plain text and must be
//! escaped by the renderer.
//!
//! Field names are the templates' names: renaming one changes what a
//! template (built-in or a user's override) reads. Field order is the order
//! of the JSON the PDF template receives.

mod sections;
mod shared;
mod sources;

pub use sections::{Category, CategoryVerdict, Claim, Requirement, RequirementVerdict};
pub use shared::Shared;
pub use sources::{
    Declaration, Doc, Flow, FlowError, FlowFinding, FlowSection, FlowSource, Observation, Sources,
};

use crate::i18n::I18n;
use crate::model::report::{CiteLabels, Report};
use crate::model::{Lang, Status};
use serde::Serialize;
use std::collections::BTreeMap;

/// The report in one language.
#[derive(Debug, Clone, Serialize)]
pub struct View {
    /// The language (its code in JSON: `ja`, `en`).
    pub lang: Lang,
    /// Every message of the language, by id (the templates' fixed words).
    pub t: BTreeMap<String, String>,
    /// The date the documents speak for.
    pub as_of: String,
    /// shoko's version.
    pub tool_version: String,
    /// "shoko <version>" as the reader sees it.
    pub generated_by: String,
    /// The buyer.
    pub customer: Option<Customer>,
    /// Who declared the answers (name and role).
    pub declared_by: Option<String>,
    /// When.
    pub declared_at: Option<String>,
    /// Verdicts and requirements per status.
    pub counts: Vec<Count>,
    /// The conclusion in one paragraph.
    pub conclusion: String,
    /// Requirements that cannot both hold.
    pub conflicts: Vec<Conflict>,
    /// The open items.
    pub actions: Vec<Action>,
    /// Requirements in file order.
    pub requirements: Vec<Requirement>,
    /// Facts shared by several categories, printed once.
    pub shared: Vec<Shared>,
    /// Categories in catalog order.
    pub categories: Vec<Category>,
    /// Sources by kind.
    pub sources: Sources,
    /// The flow analysis, when flows were given.
    pub flows: Option<FlowSection>,
    /// Input files and their digests.
    pub inputs: Vec<Input>,
    /// The footer line.
    pub footer: String,
}

/// The buyer, in one language.
#[derive(Debug, Clone, Serialize)]
pub struct Customer {
    /// Company name.
    pub name: String,
    /// The system under review.
    pub system: String,
}

/// How many verdicts and requirements have a status.
#[derive(Debug, Clone, Serialize)]
pub struct Count {
    /// Status name.
    pub status: &'static str,
    /// Status for the reader.
    pub label: String,
    /// Requirement × category verdicts.
    pub verdicts: usize,
    /// Requirements whose overall status it is.
    pub requirements: usize,
    /// The verdicts by the evidence they rest on, as one line
    /// (公式文書 13・申告 5).
    pub by_strength: String,
}

/// A conflict between requirements.
#[derive(Debug, Clone, Serialize)]
pub struct Conflict {
    /// Number (the verdicts' pointer [Cn]).
    pub number: usize,
    /// What it is and the way out (plain text).
    pub text: String,
}

/// One open item.
#[derive(Debug, Clone, Serialize)]
pub struct Action {
    /// Requirement id.
    pub requirement: String,
    /// The categories concerned, joined.
    pub categories: String,
    /// Status name.
    pub status: &'static str,
    /// Status for the reader.
    pub status_label: String,
    /// Who acts.
    pub actor_label: String,
    /// What to do.
    pub action_label: String,
    /// The evidence that would close it (Markdown: code spans).
    pub closing_md: String,
}

/// An input file.
#[derive(Debug, Clone, Serialize)]
pub struct Input {
    /// `requirements`, `answers` ...
    pub role: String,
    /// The role for the reader.
    pub role_label: String,
    /// Path as given.
    pub path: String,
    /// SHA-256 of its bytes.
    pub sha256: String,
}

impl std::fmt::Display for View {
    /// The view as JSON, as the PDF template receives it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = serde_json::to_string(self).map_err(|_| std::fmt::Error)?;
        f.write_str(&s)
    }
}

/// Build the view of `report` in `lang`.
pub fn view(report: &Report, i18n: &I18n, lang: Lang) -> View {
    let t = i18n
        .ids(lang)
        .iter()
        .map(|id| (id.clone(), i18n.t(lang, id)))
        .filter(|(_, s)| !s.starts_with('⟦'))
        .collect();
    let tool_version = report.tool_version.clone();
    let sharing = shared::find(report);
    View {
        lang,
        t,
        as_of: report.as_of.clone(),
        generated_by: i18n.t_args(
            lang,
            "generated-by-value",
            &[("version", tool_version.clone())],
        ),
        customer: report.customer.as_ref().map(|c| Customer {
            name: c.name.get(lang).to_string(),
            system: c.system.get(lang).to_string(),
        }),
        declared_by: report
            .declared_by
            .as_ref()
            .map(|d| sources::declarer(i18n, lang, d)),
        declared_at: report.declared_at.clone(),
        counts: report
            .counts
            .iter()
            .map(|c| Count {
                status: c.status.name(),
                label: c.label.get(lang).to_string(),
                verdicts: c.verdicts,
                requirements: c.requirements,
                by_strength: c
                    .by_strength
                    .iter()
                    .map(|b| format!("{} {}", b.label.get(lang), b.verdicts))
                    .collect::<Vec<_>>()
                    .join(&i18n.t(lang, "strength-joiner")),
            })
            .collect(),
        conclusion: conclusion(report, i18n, lang),
        conflicts: report
            .conflicts
            .iter()
            .map(|c| Conflict {
                number: c.number,
                text: c.text.get(lang).to_string(),
            })
            .collect(),
        actions: report
            .actions
            .iter()
            .map(|a| Action {
                requirement: a.requirement.clone(),
                categories: a
                    .categories
                    .iter()
                    .map(|c| c.get(lang))
                    .collect::<Vec<_>>()
                    .join(&i18n.t(lang, "list-joiner")),
                status: a.status.name(),
                status_label: a.status_label.get(lang).to_string(),
                actor_label: a.actor_label.get(lang).to_string(),
                action_label: a.action_label.get(lang).to_string(),
                closing_md: a.closing_evidence.get(lang).to_string(),
            })
            .collect(),
        requirements: sections::requirements(report, i18n, lang),
        shared: sharing.view(report, i18n, lang),
        categories: sections::categories(report, &sharing, i18n, lang),
        sources: sources::sources(report, i18n, lang),
        flows: report
            .flows
            .as_ref()
            .map(|f| sources::flows(f, &CiteLabels::new(&report.sources), lang)),
        inputs: report
            .inputs
            .iter()
            .map(|f| Input {
                role: f.role.clone(),
                role_label: i18n.t(lang, &format!("input-role-{}", f.role)),
                path: f.path.clone(),
                sha256: f.sha256.clone(),
            })
            .collect(),
        footer: i18n.t_args(
            lang,
            "footer-generated",
            &[
                ("version", tool_version.clone()),
                ("date", report.as_of.clone()),
            ],
        ),
        tool_version,
    }
}

/// The conclusion: how many requirements have each status.
fn conclusion(report: &Report, i18n: &I18n, lang: Lang) -> String {
    let n = |s: Status| {
        report
            .counts
            .iter()
            .find(|c| c.status == s)
            .map(|c| c.requirements)
            .unwrap_or(0)
            .to_string()
    };
    i18n.t_args(
        lang,
        "conclusion-text",
        &[
            ("total", report.requirements.len().to_string()),
            ("met", n(Status::Met)),
            ("gap", n(Status::Gap)),
            ("review", n(Status::Review)),
            ("unverified", n(Status::Unverified)),
        ],
    )
}
