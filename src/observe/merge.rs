//! Combining instances: one claim per (category, property) when they agree;
//! when they disagree the property is unavailable with both values named
//! (free text, such as storage and access, is shown per instance instead).

use super::view::{Cites, Draft, Gap, Out, View};
use crate::model::evidence::{LiveEvidence, ObservedClaim, Unavailable};
use crate::model::requirement::Scope;
use crate::model::{Bilingual, Property, Value};
use crate::text::escape::md_escape;

/// A value in the English of a disagreement reason.
fn value_label(v: &Value) -> String {
    match v {
        Value::Region(r) => r.clone(),
        Value::Duration(d) => d.to_string(),
        Value::Bool(x) => x.to_string(),
        Value::Key(k) => k.name().to_string(),
        Value::Text(t) => t.en.clone(),
        Value::Protocols(p) => p.iter().map(|x| x.name()).collect::<Vec<_>>().join(", "),
        other => format!("{other:?}"),
    }
}

/// Every (category, property, scope) any instance speaks of, sorted.
fn keys(per: &[(String, Out)]) -> Vec<(String, Property, Option<Scope>)> {
    let mut keys: Vec<(String, Property, Option<Scope>)> = Vec::new();
    for (_, out) in per {
        for k in out
            .drafts
            .iter()
            .map(|d| (d.category.clone(), d.property, d.scope.clone()))
            .chain(
                out.gaps
                    .iter()
                    .map(|g| (g.category.clone(), g.property, None)),
            )
        {
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
    }
    keys.sort();
    keys
}

/// Combine the instances' drafts into the live evidence.
pub(super) fn merge(view: &View, mut per: Vec<(String, Out)>) -> LiveEvidence {
    // Instances in name order, whatever order they were collected in.
    per.sort_by(|a, b| a.0.cmp(&b.0));
    let multi = per.len() > 1;
    let mut live = LiveEvidence::default();
    for (cat, prop, scope) in keys(&per) {
        let drafts: Vec<(&str, &Draft)> = per
            .iter()
            .flat_map(|(l, out)| {
                out.drafts
                    .iter()
                    .filter(|d| d.category == cat && d.property == prop && d.scope == scope)
                    .map(move |d| (l.as_str(), d))
            })
            .collect();
        // A scoped claim stands apart; where instances disagree on it, the
        // scope has no observed value (its requirement stays unverified).
        if scope.is_some() {
            if let Ok(mut c) = one_property(view, &drafts, &[], multi) {
                c.category = cat;
                c.property = prop;
                c.scope = scope;
                live.scoped.push(c);
            }
            continue;
        }
        let gaps: Vec<(&str, &Gap)> = per
            .iter()
            .flat_map(|(l, out)| {
                out.gaps
                    .iter()
                    .filter(|g| g.category == cat && g.property == prop)
                    .map(move |g| (l.as_str(), g))
            })
            .collect();
        match one_property(view, &drafts, &gaps, multi) {
            Ok(mut c) => {
                c.category = cat;
                c.property = prop;
                live.claims.push(c);
            }
            Err(reason) => live.unavailable.push(Unavailable {
                category: cat,
                property: prop,
                reason,
            }),
        }
    }
    live
}

/// Every instance's caveats and citations, each once, in order.
fn gather(drafts: &[(&str, &Draft)]) -> (Vec<Bilingual>, Cites) {
    let mut caveats: Vec<Bilingual> = Vec::new();
    let mut cites: Cites = Vec::new();
    for (_, d) in drafts {
        for c in &d.caveats {
            if !caveats.contains(c) {
                caveats.push(c.clone());
            }
        }
        for c in &d.cites {
            if !cites.contains(c) {
                cites.push(c.clone());
            }
        }
    }
    (caveats, cites)
}

/// One property over the instances: the claim (category and property left
/// for the caller), or why there is none.
fn one_property(
    view: &View,
    drafts: &[(&str, &Draft)],
    gaps: &[(&str, &Gap)],
    multi: bool,
) -> Result<ObservedClaim, String> {
    let Some((_, first)) = drafts.first() else {
        return Err(gaps
            .iter()
            .map(|(l, g)| {
                if multi {
                    format!("{l}: {}", g.reason)
                } else {
                    g.reason.clone()
                }
            })
            .collect::<Vec<_>>()
            .join("; "));
    };
    let differ = drafts.iter().any(|(_, d)| d.value != first.value);
    let texts = drafts
        .iter()
        .all(|(_, d)| matches!(d.value, Value::Text(_)));
    // Free text (storage, access) is reviewed, not compared: name each instance's.
    let merged_text = (differ && texts).then(|| {
        let part = |f: fn(&Bilingual) -> &String| {
            drafts
                .iter()
                .map(|(l, d)| match &d.value {
                    Value::Text(t) => format!("{l}: {}", f(t)),
                    _ => String::new(),
                })
                .collect::<Vec<_>>()
                .join("; ")
        };
        Value::Text(Bilingual::new(part(|t| &t.ja), part(|t| &t.en)))
    });
    if differ && merged_text.is_none() {
        let values = drafts
            .iter()
            .map(|(l, d)| format!("{l}: {}", value_label(&d.value)))
            .collect::<Vec<_>>()
            .join(", ");
        return Err(format!(
            "the instances disagree ({values}); build with --instance to document one"
        ));
    }
    let (mut caveats, cites) = gather(drafts);
    if multi && !differ {
        let names = drafts
            .iter()
            .map(|(l, _)| *l)
            .collect::<Vec<_>>()
            .join(", ");
        caveats.push(view.say("observe-same-value", &[("instances", md_escape(&names))]));
    }
    if multi {
        for (l, g) in gaps {
            caveats.push(view.say(
                "observe-instance-unreadable",
                &[("instance", md_escape(l)), ("reason", md_escape(&g.reason))],
            ));
        }
    }
    let explain = if merged_text.is_some() {
        let join = |f: fn(&Bilingual) -> &String| {
            drafts
                .iter()
                .map(|(_, d)| f(&d.explain).clone())
                .collect::<Vec<_>>()
                .join(" ")
        };
        Bilingual::new(join(|t| &t.ja), join(|t| &t.en))
    } else {
        first.explain.clone()
    };
    Ok(ObservedClaim {
        category: String::new(),
        property: first.property,
        value: merged_text.unwrap_or_else(|| first.value.clone()),
        explain,
        caveats,
        stale: cites.iter().any(|(i, _)| view.stale(*i)),
        observations: cites.iter().map(|(i, p)| view.cite(*i, p)).collect(),
        condition: drafts.iter().find_map(|(_, d)| d.condition.clone()),
        scope: None,
        docs: {
            let mut docs: Vec<String> = Vec::new();
            for id in drafts.iter().flat_map(|(_, d)| &d.docs) {
                if !docs.contains(id) {
                    docs.push(id.clone());
                }
            }
            docs
        },
    })
}
