//! `shoko diff OLD NEW`: what changed between two evidence packs, read from
//! their `claims.json` (either format, see [`read`]).
//!
//! Regressions first: a verdict whose status got worse (met < review <
//! unverified < gap; becoming not-applicable is listed, and leaving it counts
//! only when the verdict becomes a gap), or kept its status on weaker evidence
//! (observed > declared > derived > documented), or whose observation went
//! stale. Then improvements (the reverse), requirements added and removed,
//! claims whose value changed (with the sources cited on each side),
//! categories and sources added or removed, and catalog facts that changed
//! between the two shoko versions. Like every stage it is a function from
//! data to data; `app::diff` reads the packs and writes the files.

pub mod read;
pub mod render;

use read::{source_key, source_text, Bi, ClaimsDoc, Verdict};
use serde::Serialize;
use std::collections::BTreeSet;

/// Rank of a status, best first; `None` for not-applicable (and unknown).
fn status_rank(s: &str) -> Option<u8> {
    match s {
        "met" => Some(0),
        "review" => Some(1),
        "unverified" => Some(2),
        "gap" => Some(3),
        _ => None,
    }
}

/// Rank of evidence strength, strongest first.
fn strength_rank(p: &str) -> u8 {
    match p {
        "observed" => 0,
        "declared" => 1,
        "derived" => 2,
        "documented" => 3,
        _ => 4,
    }
}

fn priority_rank(p: &str) -> u8 {
    match p {
        "must" => 0,
        "should" => 1,
        "may" => 2,
        _ => 3,
    }
}

/// Why a verdict moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Why {
    /// The status changed.
    Status,
    /// Same status, evidence of another strength.
    Strength,
    /// The observation went stale, or fresh again.
    Freshness,
    /// To or from not-applicable (neither better nor worse).
    Applicability,
}

/// One side of a verdict change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Side {
    /// Status.
    pub status: String,
    /// Evidence strength of its claim (`None`: no claim).
    pub strength: Option<String>,
    /// The claim's observation is stale.
    pub stale: bool,
    /// The claim's value for the reader.
    pub value: Option<Bi>,
    /// Sources cited by the verdict, one line each.
    pub sources: Vec<String>,
}

/// A verdict that changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// Requirement id.
    pub requirement: String,
    /// Category id.
    pub category: String,
    /// Property.
    pub property: String,
    /// must / should / may (the new pack's).
    pub priority: String,
    /// The requirement's words (the new pack's).
    pub title: Bi,
    /// Why it moved.
    pub why: Why,
    /// Before.
    pub old: Side,
    /// After.
    pub new: Side,
}

/// A requirement present on one side only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RequirementRef {
    /// Id.
    pub id: String,
    /// Words.
    pub title: Bi,
    /// Worst status.
    pub status: String,
}

/// A claim whose value changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValueChange {
    /// `category/property`.
    pub id: String,
    /// Value before.
    pub old: Bi,
    /// Value after.
    pub new: Bi,
    /// Strength before.
    pub old_provenance: String,
    /// Strength after.
    pub new_provenance: String,
    /// Sources cited before.
    pub old_sources: Vec<String>,
    /// Sources cited after.
    pub new_sources: Vec<String>,
}

/// Everything that changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diff {
    /// The old pack's as-of date.
    pub old_as_of: String,
    /// The new pack's as-of date.
    pub new_as_of: String,
    /// shoko versions.
    pub old_tool_version: String,
    /// shoko versions.
    pub new_tool_version: String,
    /// The buyer and system (the new pack's).
    pub customer: Option<(Bi, Bi)>,
    /// Worse, most serious first.
    pub regressions: Vec<Change>,
    /// Better.
    pub improvements: Vec<Change>,
    /// To or from not-applicable.
    pub other: Vec<Change>,
    /// Requirements only in NEW.
    pub requirements_added: Vec<RequirementRef>,
    /// Requirements only in OLD.
    pub requirements_removed: Vec<RequirementRef>,
    /// Claims whose value changed on the operator's or the account's side.
    pub values: Vec<ValueChange>,
    /// Documented (catalog) facts that changed between shoko versions.
    pub catalog: Vec<ValueChange>,
    /// Categories only in NEW.
    pub categories_added: Vec<String>,
    /// Categories only in OLD.
    pub categories_removed: Vec<String>,
    /// Sources only in NEW.
    pub sources_added: Vec<String>,
    /// Sources only in OLD.
    pub sources_removed: Vec<String>,
}

impl Diff {
    /// Nothing changed at all.
    pub fn is_empty(&self) -> bool {
        self.regressions.is_empty()
            && self.improvements.is_empty()
            && self.other.is_empty()
            && self.requirements_added.is_empty()
            && self.requirements_removed.is_empty()
            && self.values.is_empty()
            && self.catalog.is_empty()
            && self.categories_added.is_empty()
            && self.categories_removed.is_empty()
            && self.sources_added.is_empty()
            && self.sources_removed.is_empty()
    }
}

/// Two packs that cannot be compared.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotComparable {
    /// Different buyer or system.
    #[error("the packs are for different customers or systems: OLD is {old}, NEW is {new}")]
    Customer {
        /// OLD's customer / system.
        old: String,
        /// NEW's.
        new: String,
    },
}

fn customer_text(d: &ClaimsDoc) -> String {
    d.customer
        .as_ref()
        .map(|c| format!("`{} / {}`", c.name.en, c.system.en))
        .unwrap_or_else(|| "(no customer)".into())
}

fn side(doc: &ClaimsDoc, v: &Verdict) -> Side {
    let claim = v.claim.as_deref().and_then(|id| doc.claim(id));
    Side {
        status: v.status.clone(),
        strength: claim.map(|c| c.provenance.clone()),
        stale: claim.is_some_and(|c| c.is_stale()),
        value: claim.map(|c| c.value_text.clone()),
        sources: cited(doc, &v.citations),
    }
}

fn cited(doc: &ClaimsDoc, numbers: &[usize]) -> Vec<String> {
    numbers
        .iter()
        .filter_map(|n| doc.source(*n))
        .map(source_text)
        .collect()
}

/// Compare a verdict's two sides: `Some(true)` worse, `Some(false)` better.
fn judge(old: &Side, new: &Side) -> Option<(bool, Why)> {
    match (status_rank(&old.status), status_rank(&new.status)) {
        (Some(a), Some(b)) if a != b => return Some((b > a, Why::Status)),
        (None, Some(3)) if old.status != new.status => return Some((true, Why::Status)),
        _ if old.status != new.status => return Some((false, Why::Applicability)),
        _ => {}
    }
    if let (Some(a), Some(b)) = (&old.strength, &new.strength) {
        let (a, b) = (strength_rank(a), strength_rank(b));
        if a != b {
            return Some((b > a, Why::Strength));
        }
    }
    if old.stale != new.stale {
        return Some((new.stale, Why::Freshness));
    }
    None
}

/// Compare OLD with NEW.
pub fn diff(old: &ClaimsDoc, new: &ClaimsDoc) -> Result<Diff, NotComparable> {
    if old.customer != new.customer {
        return Err(NotComparable::Customer {
            old: customer_text(old),
            new: customer_text(new),
        });
    }
    let mut regressions = Vec::new();
    let mut improvements = Vec::new();
    let mut other = Vec::new();
    for nv in &new.verdicts {
        let Some(ov) = old
            .verdicts
            .iter()
            .find(|o| o.requirement == nv.requirement && o.category == nv.category)
        else {
            continue;
        };
        let (os, ns) = (side(old, ov), side(new, nv));
        let Some((worse, why)) = judge(&os, &ns) else {
            continue;
        };
        let change = Change {
            requirement: nv.requirement.clone(),
            category: nv.category.clone(),
            property: nv.property.clone(),
            priority: nv.priority.clone(),
            title: new
                .requirements
                .iter()
                .find(|r| r.id == nv.requirement)
                .map(|r| r.title.clone())
                .unwrap_or_default(),
            why,
            old: os,
            new: ns,
        };
        match (why, worse) {
            (Why::Applicability, _) => other.push(change),
            (_, true) => regressions.push(change),
            (_, false) => improvements.push(change),
        }
    }
    // Most serious first: priority, then how bad the new status is, then
    // a status change before a change of evidence.
    let key = |c: &Change| {
        (
            priority_rank(&c.priority),
            std::cmp::Reverse(status_rank(&c.new.status)),
            c.why != Why::Status,
            c.requirement.clone(),
            c.category.clone(),
        )
    };
    regressions.sort_by_key(key);
    improvements.sort_by_key(key);
    other.sort_by_key(key);

    let req_ref = |r: &read::Requirement| RequirementRef {
        id: r.id.clone(),
        title: r.title.clone(),
        status: r.status.clone(),
    };
    let only = |a: &ClaimsDoc, b: &ClaimsDoc| -> Vec<RequirementRef> {
        a.requirements
            .iter()
            .filter(|r| !b.requirements.iter().any(|x| x.id == r.id))
            .map(req_ref)
            .collect()
    };

    let (mut values, mut catalog) = (Vec::new(), Vec::new());
    for nc in &new.claims {
        let Some(oc) = old.claim(&nc.id) else {
            continue;
        };
        if oc.value == nc.value && oc.value_text == nc.value_text {
            continue;
        }
        let change = ValueChange {
            id: nc.id.clone(),
            old: oc.value_text.clone(),
            new: nc.value_text.clone(),
            old_provenance: oc.provenance.clone(),
            new_provenance: nc.provenance.clone(),
            old_sources: cited(old, &oc.citations),
            new_sources: cited(new, &nc.citations),
        };
        if oc.provenance == "documented" && nc.provenance == "documented" {
            catalog.push(change);
        } else {
            values.push(change);
        }
    }

    let cats = |d: &ClaimsDoc| -> BTreeSet<String> {
        d.claims.iter().map(|c| c.category.clone()).collect()
    };
    let srcs = |d: &ClaimsDoc| -> std::collections::BTreeMap<String, String> {
        d.sources
            .iter()
            .map(|s| (source_key(s), source_text(s)))
            .collect()
    };
    let (oc, nc) = (cats(old), cats(new));
    let (os, ns) = (srcs(old), srcs(new));
    Ok(Diff {
        old_as_of: old.as_of.clone(),
        new_as_of: new.as_of.clone(),
        old_tool_version: old.tool_version.clone(),
        new_tool_version: new.tool_version.clone(),
        customer: new
            .customer
            .as_ref()
            .map(|c| (c.name.clone(), c.system.clone())),
        regressions,
        improvements,
        other,
        requirements_added: only(new, old),
        requirements_removed: only(old, new),
        values,
        catalog,
        categories_added: nc.difference(&oc).cloned().collect(),
        categories_removed: oc.difference(&nc).cloned().collect(),
        sources_added: ns
            .iter()
            .filter(|(k, _)| !os.contains_key(*k))
            .map(|(_, v)| v.clone())
            .collect(),
        sources_removed: os
            .iter()
            .filter(|(k, _)| !ns.contains_key(*k))
            .map(|(_, v)| v.clone())
            .collect(),
    })
}

#[cfg(test)]
mod tests;
