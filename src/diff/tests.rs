use super::read::ClaimsDoc;
use super::*;
use serde_json::json;

fn doc(
    format: &str,
    status: &str,
    provenance: &str,
    days: u32,
    extra: serde_json::Value,
) -> ClaimsDoc {
    let mut v = json!({
        "format": format, "tool_version": "0.1.0", "as_of": "2026-01-01",
        "customer": {"name": {"ja": "A社", "en": "A"}, "system": {"ja": "S", "en": "S"}},
        "claims": [{"id": "call-recordings/retention", "category": "call-recordings",
            "property": "retention", "value": {"kind": "duration", "value": days},
            "value_text": {"ja": format!("{days}日"), "en": format!("{days} days")},
            "provenance": provenance, "verified": true, "citations": [1]}],
        "requirements": [{"id": "RET-03", "title": {"ja": "保持", "en": "Keep"}, "priority": "must", "status": status}],
        "verdicts": [{"requirement": "RET-03", "category": "call-recordings", "property": "retention",
            "priority": "must", "status": status, "claim": "call-recordings/retention", "citations": [1]}],
        "sources": [{"kind": "declaration", "number": 1, "file": "a/answers.yaml", "line": 40,
            "category": "call-recordings", "property": "retention"}],
    });
    if let (Some(m), Some(e)) = (v.as_object_mut(), extra.as_object()) {
        m.extend(e.clone());
    }
    ClaimsDoc::parse(v.to_string().as_bytes()).expect("parses")
}

#[test]
fn a_worse_status_is_a_regression_with_both_values_and_sources() {
    let d = diff(
        &doc("shoko.claims/1", "review", "declared", 365, json!({})),
        &doc("shoko.claims/2", "gap", "declared", 30, json!({})),
    )
    .unwrap();
    assert_eq!(d.regressions.len(), 1);
    assert_eq!(d.regressions[0].requirement, "RET-03");
    assert_eq!(d.regressions[0].why, Why::Status);
    assert_eq!(d.values.len(), 1);
    assert_eq!(d.values[0].old.en, "365 days");
    assert_eq!(d.values[0].new.en, "30 days");
    assert_eq!(d.values[0].old_sources, ["a/answers.yaml:40"]);
    assert!(d.sources_added.is_empty(), "same declaration, same source");
}

#[test]
fn weaker_evidence_at_the_same_status_and_staleness_are_regressions() {
    let d = diff(
        &doc("shoko.claims/2", "met", "observed", 30, json!({})),
        &doc("shoko.claims/2", "met", "documented", 30, json!({})),
    )
    .unwrap();
    assert_eq!(d.regressions.len(), 1);
    assert_eq!(d.regressions[0].why, Why::Strength);
    let back = diff(
        &doc("shoko.claims/2", "met", "documented", 30, json!({})),
        &doc("shoko.claims/2", "met", "observed", 30, json!({})),
    )
    .unwrap();
    assert!(back.regressions.is_empty());
    assert_eq!(back.improvements.len(), 1);
    let mut stale = doc("shoko.claims/2", "met", "observed", 30, json!({}));
    stale.claims[0].stale = Some(true);
    let d = diff(
        &doc("shoko.claims/2", "met", "observed", 30, json!({})),
        &stale,
    )
    .unwrap();
    assert_eq!(d.regressions[0].why, Why::Freshness);
}

#[test]
fn not_applicable_counts_only_when_it_becomes_a_gap() {
    let na = doc(
        "shoko.claims/2",
        "not-applicable",
        "declared",
        30,
        json!({}),
    );
    let d = diff(
        &doc("shoko.claims/2", "gap", "declared", 30, json!({})),
        &na,
    )
    .unwrap();
    assert!(d.regressions.is_empty() && d.improvements.is_empty());
    assert_eq!(d.other.len(), 1);
    let d = diff(
        &na,
        &doc("shoko.claims/2", "gap", "declared", 30, json!({})),
    )
    .unwrap();
    assert_eq!(d.regressions.len(), 1);
    let d = diff(
        &na,
        &doc("shoko.claims/2", "review", "declared", 30, json!({})),
    )
    .unwrap();
    assert!(d.regressions.is_empty());
}

#[test]
fn identical_packs_have_no_changes_and_other_customers_do_not_compare() {
    let a = doc("shoko.claims/1", "met", "declared", 30, json!({}));
    assert!(diff(&a, &a).unwrap().is_empty());
    let b = doc(
        "shoko.claims/1",
        "met",
        "declared",
        30,
        json!({"customer": {"name": {"ja": "B社", "en": "B"}, "system": {"ja": "S", "en": "S"}}}),
    );
    assert!(matches!(diff(&a, &b), Err(NotComparable::Customer { .. })));
}

#[test]
fn unknown_fields_are_ignored_and_unknown_formats_refused() {
    let d = doc(
        "shoko.claims/2",
        "met",
        "declared",
        30,
        json!({"classes": ["x"], "future": {"a": 1}}),
    );
    assert_eq!(d.claims.len(), 1);
    let e = ClaimsDoc::parse(br#"{"format": "shoko.claims/9"}"#).unwrap_err();
    assert!(e.contains("shoko.claims/9"), "{e}");
}
