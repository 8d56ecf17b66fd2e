//! The Report: one language-neutral model of everything a document shows.
//! Every renderer reads this and nothing else; `--dump-model` writes it as
//! JSON with stable field names.

mod categories;
mod explain;
mod flows;
mod numbering;
mod phrase;
mod requirements;
mod summary;

use crate::gap::conflicts::{self, Conflict, RemedyClash};
use crate::i18n::phrase::status_label;
use crate::i18n::I18n;
use crate::model::answer::Answers;
use crate::model::catalog::Catalog;
use crate::model::claim::Provenance;
use crate::model::claim::Resolved;
use crate::model::evidence::{FlowEvidence, FlowOrigin, FlowSource};
use crate::model::report::{
    InputFile, Report, RequirementView, StatusCount, StrengthCount, REPORT_FORMAT,
};
use crate::model::requirement::Requirements;
use crate::model::verdict::Verdict;
use crate::model::{Bilingual, Status};
use numbering::Numbering;

/// Everything the report is built from.
pub struct Parts<'a> {
    /// Catalog.
    pub catalog: &'a Catalog,
    /// Requirements, if any.
    pub requirements: Option<&'a Requirements>,
    /// Answers, if any.
    pub answers: Option<&'a Answers>,
    /// Resolved claims.
    pub resolved: &'a Resolved,
    /// Verdicts.
    pub verdicts: &'a [Verdict],
    /// The flow analysis, if any.
    pub flows: Option<&'a FlowEvidence>,
    /// Input digests.
    pub inputs: Vec<InputFile>,
    /// As-of date.
    pub as_of: chrono::NaiveDate,
}

/// What the section builders share: the messages, the catalog, the claims
/// and the source numbering (which every citation advances).
pub(crate) struct Ctx<'a> {
    /// Messages.
    pub i: &'a I18n,
    /// Catalog.
    pub catalog: &'a Catalog,
    /// Resolved claims.
    pub resolved: &'a Resolved,
    /// How the flows were obtained (for evidence labels).
    pub flow_origin: FlowOrigin,
    /// Source numbering.
    pub num: Numbering<'a>,
    /// Requirements that cannot both hold (verdicts point to them).
    pub conflicts: Vec<Conflict>,
    /// Remedies that break another requirement, numbered after the conflicts.
    pub clashes: Vec<RemedyClash>,
}

impl Ctx<'_> {
    /// A category's title, or its id when the catalog does not know it.
    pub(crate) fn category_title(&self, id: &str) -> Bilingual {
        self.catalog
            .category(id)
            .map(|c| c.title.clone())
            .unwrap_or_else(|| Bilingual::new(id, id))
    }
}

/// Build the report.
pub fn build(i: &I18n, parts: Parts) -> Report {
    let Parts {
        catalog,
        requirements,
        answers,
        resolved,
        verdicts,
        flows,
        inputs,
        as_of,
    } = parts;
    let flow_files: &[FlowSource] = flows.map(|f| f.files.as_slice()).unwrap_or(&[]);
    let mut cx = Ctx {
        i,
        catalog,
        resolved,
        flow_origin: flows.map(|f| f.origin).unwrap_or(FlowOrigin::Files),
        num: Numbering::new(catalog, answers, &resolved.observations, flow_files),
        conflicts: requirements
            .map(|rs| conflicts::find(&rs.requirements, catalog))
            .unwrap_or_default(),
        clashes: requirements
            .map(|rs| {
                conflicts::remedy_clashes(&rs.requirements, verdicts, &resolved.claims, catalog)
            })
            .unwrap_or_default(),
    };
    // Claims first, so citation numbers follow the order a reader meets them.
    let mut categories = categories::categories(&mut cx);
    let reqs: Vec<RequirementView> = requirements
        .map(|rs| {
            rs.requirements
                .iter()
                .map(|r| requirements::requirement(&mut cx, r, verdicts))
                .collect()
        })
        .unwrap_or_default();
    for cat in &mut categories {
        cat.verdicts = reqs
            .iter()
            .flat_map(|r| r.verdicts.iter().filter(|v| v.category == cat.id).cloned())
            .collect();
    }
    let flows = flows.map(|f| flows::flow_report(i, f, &mut cx.num));
    Report {
        format: REPORT_FORMAT.to_string(),
        tool_version: env!("CARGO_PKG_VERSION").to_string(),
        as_of: as_of.to_string(),
        customer: requirements.map(|r| r.customer.clone()),
        declared_by: answers.and_then(|a| a.declared_by.clone()),
        declared_at: answers.and_then(|a| a.declared_at.map(|d| d.to_string())),
        inputs,
        counts: counts(i, &reqs),
        conflicts: summary::conflicts(
            &cx,
            &cx.conflicts,
            requirements
                .map(|r| r.requirements.as_slice())
                .unwrap_or(&[]),
        )
        .into_iter()
        .chain(summary::clashes(
            &cx,
            requirements
                .map(|r| r.requirements.as_slice())
                .unwrap_or(&[]),
        ))
        .collect(),
        actions: summary::actions(i, &reqs),
        requirements: reqs,
        categories,
        flows,
        sources: cx.num.sources(),
    }
}

/// How many verdicts and requirements have each status.
fn counts(i: &I18n, reqs: &[RequirementView]) -> Vec<StatusCount> {
    Status::ALL
        .iter()
        .map(|s| StatusCount {
            status: *s,
            label: status_label(i, *s),
            verdicts: reqs
                .iter()
                .flat_map(|r| &r.verdicts)
                .filter(|v| v.status == *s)
                .count(),
            requirements: reqs.iter().filter(|r| r.status == *s).count(),
            by_strength: [
                Provenance::Observed,
                Provenance::Declared,
                Provenance::Documented,
                Provenance::Derived,
            ]
            .into_iter()
            .map(|p| StrengthCount {
                provenance: p,
                label: i.both(&format!("provenance-{}", categories::serde_name(p)), &[]),
                verdicts: reqs
                    .iter()
                    .flat_map(|r| &r.verdicts)
                    .filter(|v| v.status == *s && v.strength == Some(p))
                    .count(),
            })
            .filter(|c| c.verdicts > 0)
            .collect(),
        })
        .collect()
}
