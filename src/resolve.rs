//! Resolution: for every (category, property) pick the best evidence:
//! observed, then declared, then documented; then derive what follows from
//! other claims by a documented rule (data kept in the instance lives in the
//! instance's Region).

use crate::model::answer::{Answer, Answers, NotInUse};
use crate::model::catalog::{Catalog, CatalogClaim};
use crate::model::claim::{Claim, Provenance, Resolved, SourceKey, UnverifiedReason};
use crate::model::evidence::{LiveEvidence, ObservedClaim};
use crate::model::{Property, Value};

fn documented(category: &str, c: &CatalogClaim) -> Claim {
    Claim {
        category: category.to_string(),
        property: c.property,
        value: c.value.clone(),
        provenance: if c.derived {
            Provenance::Derived
        } else {
            Provenance::Documented
        },
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
        condition: None,
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
        condition: None,
    }
}

/// Resolve every claim. `answers` and `live` may be empty.
/// The declaration that a category is not in use, if any.
fn not_in_use<'a>(answers: Option<&'a Answers>, category: &str) -> Option<(&'a NotInUse, &'a str)> {
    let a = answers?;
    a.not_in_use
        .iter()
        .find(|n| n.category == category)
        .map(|n| (n, a.file.as_str()))
}

/// A claim on a category declared not in use: not applicable, citing the
/// declaration.
fn unused(claim: Claim, n: &NotInUse, file: &str) -> Claim {
    Claim {
        value: Value::NotApplicable,
        provenance: Provenance::Declared,
        verified: true,
        unverified_reason: None,
        note: n.note.clone(),
        reference: n.reference.clone(),
        caveats: Vec::new(),
        cites: vec![SourceKey::Declaration {
            file: file.to_string(),
            line: n.line,
        }],
        fallback: None,
        derived_from: Vec::new(),
        condition: None,
        ..claim
    }
}

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
            let from_flows = (cat.id == "flow-logs")
                .then(|| flow_claim(live, p))
                .flatten();
            // Exported flows take the place of fetched ones (`--flows`).
            let exported = live
                .flows
                .iter()
                .flat_map(|f| f.claims.iter().map(move |c| (f, c)))
                .find(|(_, c)| c.category == cat.id && c.property == p);
            let mut claim = if let Some(c) = from_flows {
                c
            } else if let Some((f, c)) = exported {
                exported_claim(f, c)
            } else if let Some(o) = observed {
                out.observations.extend(o.observations.iter().cloned());
                observed_claim(o)
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
            if let Some((n, file)) = not_in_use(answers, &cat.id) {
                claim = unused(claim, n, file);
            }
            out.claims.push(claim);
        }
    }
    derive_regions(catalog, &mut out.claims);
    for o in &live.scoped {
        if let Some(scope) = &o.scope {
            out.observations.extend(o.observations.iter().cloned());
            out.scoped.push((scope.clone(), observed_claim(o)));
        }
    }
    out
}

fn observed_claim(o: &ObservedClaim) -> Claim {
    Claim {
        category: o.category.clone(),
        property: o.property,
        value: o.value.clone(),
        provenance: Provenance::Observed,
        verified: !o.stale,
        unverified_reason: o.stale.then_some(UnverifiedReason::Stale),
        explain: o.explain.clone(),
        note: None,
        reference: None,
        caveats: o.condition.iter().chain(&o.caveats).cloned().collect(),
        cites: o
            .observations
            .iter()
            .map(|r| SourceKey::Observation { id: r.id.clone() })
            .chain(o.docs.iter().map(|id| SourceKey::Doc { id: id.clone() }))
            .collect(),
        fallback: None,
        derived_from: Vec::new(),
        condition: o.condition.clone(),
    }
}

/// The flows themselves are evidence of the deployment: when at least one
/// flow was analysed, whether sensitive input (payment card, authentication
/// secret, national ID) or any personal data reaches the logs is observed.
/// It is `true` only where logging is known to be on; findings that rest on
/// an entry shoko cannot see, or flows that could not be analysed, leave it
/// to a person (the value names the condition, so the verdict is `review`).
fn flow_claim(live: &LiveEvidence, property: Property) -> Option<Claim> {
    use crate::model::flow::{DataClass, LoggedAnswer};
    let f = live.flows.as_ref()?;
    if f.analysis.flows.is_empty() {
        return None;
    }
    let answer = match property {
        Property::SensitiveInputLogged => f.analysis.logged(DataClass::is_sensitive),
        Property::PersonalDataLogged => f.analysis.logged(|c| c != DataClass::NotSensitive),
        _ => return None,
    };
    let value = match (answer, f.errors.is_empty()) {
        (LoggedAnswer::Yes, _) => Value::Bool(true),
        (LoggedAnswer::No, true) => Value::Bool(false),
        (LoggedAnswer::Possibly, _) => Value::Text(f.possibly.clone()),
        (LoggedAnswer::No, false) => Value::Text(f.incomplete.clone()),
    };
    Some(Claim {
        category: "flow-logs".into(),
        property,
        value,
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
        condition: None,
    })
}

/// A claim exported flows show (the Contact Lens redaction their blocks
/// set), cited to the flow files.
fn exported_claim(
    f: &crate::model::evidence::FlowEvidence,
    c: &crate::model::evidence::FlowClaim,
) -> Claim {
    Claim {
        category: c.category.clone(),
        property: c.property,
        value: c.value.clone(),
        provenance: Provenance::Observed,
        verified: true,
        unverified_reason: None,
        explain: c.explain.clone(),
        note: None,
        reference: None,
        caveats: c.caveats.clone(),
        cites: f
            .files
            .iter()
            .map(|s| SourceKey::Flow {
                source: s.source.clone(),
            })
            .collect(),
        fallback: None,
        derived_from: Vec::new(),
        condition: None,
    }
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
