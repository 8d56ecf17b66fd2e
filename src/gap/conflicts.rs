//! Requirements that cannot all hold. Two requirements on the same property
//! of a category conflict when no value could meet both (at most 6 months
//! and at least 5 years of contact records). A conflict is a warning, never
//! an error: the inputs still load and build, `check` prints it, and the
//! documents show it once with a way out. Requirements whose scopes differ
//! (flagged recordings 5 years, the rest 1 month) speak of different
//! objects and never conflict.

use crate::model::catalog::Catalog;
use crate::model::claim::Claim;
use crate::model::requirement::{same_scope, CategorySel, Condition, Expected, Requirement};
use crate::model::verdict::Verdict;
use crate::model::{Duration, Property, Remedy, Status, Value};
use serde::Serialize;

/// Two requirements that no single value can meet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Conflict {
    /// The requirement that comes first in the file.
    pub first: String,
    /// The other one.
    pub second: String,
    /// The property both constrain.
    pub property: Property,
    /// The categories where both apply, in catalog order.
    pub categories: Vec<String>,
}

/// The categories a requirement can concern, in catalog order (for `*`,
/// every category that documents the property).
fn scope(req: &Requirement, catalog: &Catalog) -> Vec<String> {
    match &req.category {
        CategorySel::One(c) => vec![c.clone()],
        CategorySel::All => catalog
            .categories
            .iter()
            .filter(|c| c.claim(req.property).is_some())
            .map(|c| c.id.clone())
            .collect(),
    }
}

/// Lower and upper duration limits of a set of conditions.
fn duration_limits(conds: &[&Condition]) -> (Vec<Duration>, Vec<Duration>) {
    let (mut lows, mut highs) = (Vec::new(), Vec::new());
    for c in conds {
        match c {
            Condition::AtLeast(Expected::Duration(d)) => lows.push(*d),
            Condition::AtMost(Expected::Duration(d)) => highs.push(*d),
            Condition::Is(Expected::Duration(d)) => {
                lows.push(*d);
                highs.push(*d);
            }
            _ => {}
        }
    }
    (lows, highs)
}

/// The values a set of conditions allows exactly (`is`, `one_of`), when
/// they name any: booleans, keys, Regions.
fn allowed_sets<'a>(conds: &[&'a Condition]) -> Vec<Vec<&'a Expected>> {
    conds
        .iter()
        .filter_map(|c| match c {
            Condition::Is(e) if !matches!(e, Expected::Duration(_) | Expected::Text(_)) => {
                Some(vec![e])
            }
            Condition::OneOf(es)
                if es
                    .iter()
                    .all(|e| !matches!(e, Expected::Duration(_) | Expected::Text(_))) =>
            {
                Some(es.iter().collect())
            }
            _ => None,
        })
        .collect()
}

/// Can no value meet every condition? Only what is certain counts: a lower
/// limit surely longer than an upper one, or exact sets with nothing in
/// common.
fn unsatisfiable(conds: &[&Condition]) -> bool {
    let (lows, highs) = duration_limits(conds);
    let durations = lows.iter().any(|l| {
        highs
            .iter()
            .any(|h| l.partial_cmp(h) == Some(std::cmp::Ordering::Greater))
    });
    let sets = allowed_sets(conds);
    let exact = sets.len() > 1
        && !sets[0]
            .iter()
            .any(|v| sets[1..].iter().all(|s| s.contains(v)));
    durations || exact
}

/// Every pair of requirements that cannot both hold, in file order.
pub fn find(reqs: &[Requirement], catalog: &Catalog) -> Vec<Conflict> {
    let mut out = Vec::new();
    for (i, a) in reqs.iter().enumerate() {
        for b in &reqs[i + 1..] {
            if a.property != b.property || !same_scope(&a.scope, &b.scope) {
                continue;
            }
            let conds: Vec<&Condition> = a.expect.iter().chain(&b.expect).collect();
            if !unsatisfiable(&conds) {
                continue;
            }
            let sb = scope(b, catalog);
            let categories: Vec<String> = scope(a, catalog)
                .into_iter()
                .filter(|c| sb.contains(c))
                .collect();
            if categories.is_empty() {
                continue;
            }
            out.push(Conflict {
                first: a.id.clone(),
                second: b.id.clone(),
                property: a.property,
                categories,
            });
        }
    }
    out
}

/// A remedy for one requirement that breaks another: keeping a category's
/// data longer to meet `remedy_of` (at least L) keeps it past what `breaks`
/// allows (at most H, H surely shorter than L) on the same category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RemedyClash {
    /// The requirement whose remedy keeps the data longer.
    pub remedy_of: String,
    /// The requirement that remedy breaks.
    pub breaks: String,
    /// The category concerned.
    pub category: String,
    /// Other categories that hold copies of this category's data longer
    /// than `breaks` allows, with how long (catalog order).
    pub copies: Vec<(String, Duration)>,
}

/// Where a category's data is documented to be copied (the catalog's data
/// lists: the analytics data lake's `contact_record` table).
const COPIES: &[(&str, &[&str])] = &[("contact-records", &["analytics-data-lake"])];

fn limits(req: &Requirement) -> (Vec<Duration>, Vec<Duration>) {
    let conds: Vec<&Condition> = req.expect.iter().collect();
    duration_limits(&conds)
}

fn surely_longer(a: &Duration, b: &Duration) -> bool {
    a.partial_cmp(b) == Some(std::cmp::Ordering::Greater)
}

/// Every remedy (a retention gap closed by keeping data longer) that breaks
/// another requirement's upper limit on the same category, in file order.
pub fn remedy_clashes(
    reqs: &[Requirement],
    verdicts: &[Verdict],
    claims: &[Claim],
    catalog: &Catalog,
) -> Vec<RemedyClash> {
    let mut out = Vec::new();
    for a in reqs.iter().filter(|r| r.property == Property::Retention) {
        let (lows, _) = limits(a);
        for v in verdicts.iter().filter(|v| {
            v.requirement == a.id
                && v.status == Status::Gap
                && matches!(v.remedy, Some(Remedy::Design | Remedy::Configure))
        }) {
            for b in reqs.iter().filter(|b| {
                b.id != a.id && b.property == a.property && same_scope(&a.scope, &b.scope)
            }) {
                if !scope(b, catalog).contains(&v.category) {
                    continue;
                }
                let (_, highs) = limits(b);
                let Some(h) = highs
                    .iter()
                    .find(|h| lows.iter().any(|l| surely_longer(l, h)))
                else {
                    continue;
                };
                let copies = COPIES
                    .iter()
                    .filter(|(from, _)| *from == v.category)
                    .flat_map(|(_, to)| to.iter())
                    .filter_map(|to| {
                        claims
                            .iter()
                            .find(|c| c.category == *to && c.property == Property::Retention)
                            .and_then(|c| match c.value {
                                Value::Duration(d) if surely_longer(&d, h) => {
                                    Some((to.to_string(), d))
                                }
                                _ => None,
                            })
                    })
                    .collect();
                out.push(RemedyClash {
                    remedy_of: a.id.clone(),
                    breaks: b.id.clone(),
                    category: v.category.clone(),
                    copies,
                });
            }
        }
    }
    out
}

#[cfg(test)]
#[path = "conflicts_tests.rs"]
mod tests;
