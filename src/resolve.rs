//! Resolution: for every (category, property) pick the best evidence:
//! observed, then declared, then documented; then derive what follows from
//! other claims by a documented rule (data kept in the instance lives in the
//! instance's Region).

use crate::evidence::{LiveEvidence, ObservationRef};
use crate::load::catalog::{Catalog, CatalogClaim};
use crate::load::inputs::{Answer, Answers};
use crate::model::{Bilingual, Property, Value};
use serde::Serialize;

/// Where a claim's value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Provenance {
    /// Read from a live AWS API call.
    Observed,
    /// Stated in an answers file.
    Declared,
    /// Derived from other claims by a documented rule.
    Derived,
    /// The platform's documented behaviour.
    Documented,
}

/// Something a claim cites; numbered when the report is built.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum SourceKey {
    /// A documentation page of the catalog.
    Doc {
        /// Catalog source id.
        id: String,
    },
    /// A line of an answers file.
    Declaration {
        /// The answers file.
        file: String,
        /// Line.
        line: usize,
    },
    /// A live API response.
    Observation {
        /// Observation id.
        id: String,
    },
    /// A contact flow read by the flow analysis.
    Flow {
        /// File path or ARN.
        source: String,
    },
}

/// A resolved claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Claim {
    /// Category id.
    pub category: String,
    /// Property.
    pub property: Property,
    /// The value.
    pub value: Value,
    /// Which tier it came from.
    pub provenance: Provenance,
    /// False when the evidence does not settle it (unverified doc fact, stale observation).
    pub verified: bool,
    /// Why unverified, when it is.
    pub unverified_reason: Option<UnverifiedReason>,
    /// What it says.
    pub explain: Bilingual,
    /// The operator's note (declared claims).
    pub note: Option<Bilingual>,
    /// A ticket, ARN or document id given with a declaration.
    pub reference: Option<String>,
    /// What a reviewer must also know.
    pub caveats: Vec<Bilingual>,
    /// What it cites, in order.
    pub cites: Vec<SourceKey>,
    /// Why live evidence was not used, when it was tried and failed.
    pub fallback: Option<String>,
    /// For derived claims: the claims (category/property) it follows from.
    pub derived_from: Vec<(String, Property)>,
}

/// Why a claim is not verified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum UnverifiedReason {
    /// The documentation does not settle it.
    Undocumented,
    /// The observation is older than the freshness limit.
    Stale,
}

/// Raw observations met while resolving, for the sources list.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    /// Claims per category, in catalog order.
    pub claims: Vec<Claim>,
    /// Every observation cited.
    pub observations: Vec<ObservationRef>,
}

fn documented(category: &str, c: &CatalogClaim) -> Claim {
    Claim {
        category: category.to_string(),
        property: c.property,
        value: c.value.clone(),
        provenance: Provenance::Documented,
        verified: c.verified,
        unverified_reason: (!c.verified).then_some(UnverifiedReason::Undocumented),
        explain: c.explain.clone(),
        note: None,
        reference: None,
        caveats: c.caveats.clone(),
        cites: c
            .sources
            .iter()
            .map(|id| SourceKey::Doc { id: id.clone() })
            .collect(),
        fallback: None,
        derived_from: Vec::new(),
    }
}

fn declared(a: &Answer, file: &str, doc: Option<&CatalogClaim>) -> Claim {
    let mut cites = vec![SourceKey::Declaration {
        file: file.to_string(),
        line: a.line,
    }];
    // The documented context (defaults, allowed settings) stays cited.
    if let Some(d) = doc {
        cites.extend(d.sources.iter().map(|id| SourceKey::Doc { id: id.clone() }));
    }
    Claim {
        category: a.category.clone(),
        property: a.property,
        value: a.value.clone(),
        provenance: Provenance::Declared,
        verified: true,
        unverified_reason: None,
        explain: doc.map(|d| d.explain.clone()).unwrap_or_default(),
        note: a.note.clone(),
        reference: a.reference.clone(),
        caveats: doc.map(|d| d.caveats.clone()).unwrap_or_default(),
        cites,
        fallback: None,
        derived_from: Vec::new(),
    }
}

/// Resolve every claim. `answers` and `live` may be empty.
pub fn resolve(catalog: &Catalog, answers: Option<&Answers>, live: &LiveEvidence) -> Resolved {
    let mut out = Resolved::default();
    for cat in &catalog.categories {
        // Properties in catalog order, then any property only answered or observed.
        let mut props: Vec<Property> = cat.claims.iter().map(|c| c.property).collect();
        for p in Property::ALL {
            let extra = answers.is_some_and(|a| {
                a.answers
                    .iter()
                    .any(|x| x.category == cat.id && x.property == p)
            }) || live
                .claims
                .iter()
                .any(|x| x.category == cat.id && x.property == p);
            if extra && !props.contains(&p) {
                props.push(p);
            }
        }
        for p in props {
            let doc = cat.claim(p);
            let observed = live
                .claims
                .iter()
                .find(|o| o.category == cat.id && o.property == p);
            let answer = answers.and_then(|a| {
                a.answers
                    .iter()
                    .find(|x| x.category == cat.id && x.property == p)
                    .map(|x| (x, &a.file))
            });
            let fallback = live
                .unavailable
                .iter()
                .find(|u| u.category == cat.id && u.property == p)
                .map(|u| u.reason.clone());
            let from_flows = (cat.id == "flow-logs" && p == Property::SensitiveInputLogged)
                .then(|| flow_claim(live))
                .flatten();
            let mut claim = if let Some(c) = from_flows {
                c
            } else if let Some(o) = observed {
                out.observations.extend(o.observations.iter().cloned());
                Claim {
                    category: cat.id.clone(),
                    property: p,
                    value: o.value.clone(),
                    provenance: Provenance::Observed,
                    verified: !o.stale,
                    unverified_reason: o.stale.then_some(UnverifiedReason::Stale),
                    explain: o.explain.clone(),
                    note: None,
                    reference: None,
                    caveats: o.caveats.clone(),
                    cites: o
                        .observations
                        .iter()
                        .map(|r| SourceKey::Observation { id: r.id.clone() })
                        .collect(),
                    fallback: None,
                    derived_from: Vec::new(),
                }
            } else if let Some((a, file)) = answer {
                declared(a, file, doc)
            } else if let Some(d) = doc {
                documented(&cat.id, d)
            } else {
                continue;
            };
            if observed.is_none() {
                claim.fallback = fallback;
            }
            out.claims.push(claim);
        }
    }
    derive_regions(catalog, &mut out.claims);
    out
}

/// The flows themselves are evidence of the deployment: when at least one
/// flow was analysed, whether sensitive input reaches the logs is observed.
fn flow_claim(live: &LiveEvidence) -> Option<Claim> {
    let f = live.flows.as_ref()?;
    if f.analysis.flows.is_empty() {
        return None;
    }
    let logged = f.analysis.flows.iter().any(|v| v.sensitive_input_logged);
    Some(Claim {
        category: "flow-logs".into(),
        property: Property::SensitiveInputLogged,
        value: Value::Bool(logged),
        provenance: Provenance::Observed,
        verified: true,
        unverified_reason: None,
        explain: f.explain.clone(),
        note: None,
        reference: None,
        caveats: Vec::new(),
        cites: f
            .files
            .iter()
            .map(|s| SourceKey::Flow {
                source: s.source.clone(),
            })
            .collect(),
        fallback: None,
        derived_from: Vec::new(),
    })
}

/// Data kept in the instance lives in the instance's Region: replace every
/// `instance-region` claim by the Region of `contact-center-data`, when known.
fn derive_regions(catalog: &Catalog, claims: &mut [Claim]) {
    let Some(instance) = claims
        .iter()
        .find(|c| {
            c.category == "contact-center-data"
                && c.property == Property::Region
                && matches!(c.value, Value::Region(_))
        })
        .cloned()
    else {
        return;
    };
    for c in claims.iter_mut() {
        if c.property == Property::Region && c.value == Value::InstanceRegion {
            let rule_sources = catalog
                .category(&c.category)
                .and_then(|d| d.claim(Property::Region))
                .map(|d| d.sources.clone())
                .unwrap_or_default();
            c.value = instance.value.clone();
            c.provenance = Provenance::Derived;
            c.derived_from = vec![(instance.category.clone(), Property::Region)];
            let mut cites: Vec<SourceKey> = rule_sources
                .into_iter()
                .map(|id| SourceKey::Doc { id })
                .collect();
            for k in &instance.cites {
                if !cites.contains(k) {
                    cites.push(k.clone());
                }
            }
            c.cites = cites;
        }
    }
}
