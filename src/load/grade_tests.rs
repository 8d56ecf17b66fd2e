//! A requirement's `grade:` without `property`: the fan-out at load time.

use super::{IpaLevel, IpaMetric};
use crate::load::inputs::load_requirements_graded;
use crate::load::{Code, Diagnostic};
use crate::model::requirement::Requirement;
use crate::model::Property;

fn metric(id: &str, properties: &[Property], categories: &[&str]) -> IpaMetric {
    IpaMetric {
        id: id.into(),
        level: IpaLevel::Middle,
        major: "セキュリティ".into(),
        middle: "中項目".into(),
        item: None,
        metric: None,
        properties: properties.to_vec(),
        categories: categories.iter().map(|s| s.to_string()).collect(),
    }
}

/// A mapping with two yes/no properties under one item, so that a fan-out
/// has more than one to go to.
fn mapping() -> Vec<IpaMetric> {
    vec![
        metric("E.5", &[Property::AccessControl], &[]),
        metric(
            "E.6",
            &[
                Property::EncryptionInTransit,
                Property::EncryptionAtRest,
                Property::EncryptionAtRestKey,
                Property::DeletionOnRequest,
            ],
            &[],
        ),
        metric("E.7", &[Property::Retention], &["flow-logs"]),
    ]
}

fn load(req: &str) -> Result<Vec<Requirement>, Vec<Diagnostic>> {
    let text = format!(
        "customer: {{ name: 市役所, system: コールセンター }}\nrequirements:\n  - id: SEC-01\n    title: 暗号化\n    priority: must\n{req}"
    );
    let known: Vec<String> = ["call-recordings", "flow-logs"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    load_requirements_graded("r.yaml", &text, &known, &mapping()).map(|r| r.requirements)
}

fn err(req: &str) -> Diagnostic {
    let mut d = load(req).expect_err("should fail");
    assert_eq!(d.len(), 1, "{d:?}");
    d.remove(0)
}

fn ids(reqs: &[Requirement]) -> Vec<(&str, Property)> {
    reqs.iter().map(|r| (r.id.as_str(), r.property)).collect()
}

#[test]
fn a_yes_no_expect_fans_out_to_every_yes_no_property_of_the_item() {
    let reqs = load("    category: call-recordings\n    grade: E.6\n    expect: { is: true }\n")
        .expect("loads");
    assert_eq!(
        ids(&reqs),
        [
            ("SEC-01/encryption.at-rest", Property::EncryptionAtRest),
            ("SEC-01/deletion.on-request", Property::DeletionOnRequest),
        ]
    );
    for r in &reqs {
        assert_eq!(r.grade, ["E.6"]);
        assert_eq!(r.line, 3, "the requirement's own line");
        assert_eq!(r.title.ja, "暗号化");
    }
}

#[test]
fn each_expect_finds_the_property_of_its_kind() {
    let key = load(
        "    category: \"*\"\n    grade: [E.5, E.6]\n    expect: { at_least: customer-managed }\n",
    )
    .expect("loads");
    assert_eq!(
        ids(&key),
        [(
            "SEC-01/encryption.at-rest.key",
            Property::EncryptionAtRestKey
        )]
    );
    let tls = load("    category: \"*\"\n    grade: E.6\n    expect: { at_least: tls1.2 }\n")
        .expect("loads");
    assert_eq!(
        ids(&tls),
        [(
            "SEC-01/encryption.in-transit",
            Property::EncryptionInTransit
        )]
    );
    // Free text fits a text property; a yes/no is not taken for text.
    let text = load("    category: \"*\"\n    grade: E.5\n    expect: { is: 担当者のみ }\n")
        .expect("loads");
    assert_eq!(
        ids(&text),
        [("SEC-01/access-control", Property::AccessControl)]
    );
    let d = err("    category: \"*\"\n    grade: E.5\n    expect: { is: true }\n");
    assert_eq!(d.code, Code::BadExpect, "{d:?}");
}

#[test]
fn an_expect_that_fits_none_is_an_error_at_the_expect_naming_the_kinds() {
    let d = err("    category: \"*\"\n    grade: E.6\n    expect: { at_least: 1 year }\n");
    assert_eq!(d.code, Code::BadExpect);
    assert_eq!((d.pos.line, d.pos.col), (8, 13), "{d:?}");
    let expected = d.expected.clone().unwrap_or_default();
    for p in [
        "encryption.in-transit",
        "encryption.at-rest",
        "encryption.at-rest.key",
    ] {
        assert!(expected.contains(&format!("`{p}` takes")), "{expected}");
    }
    assert!(
        expected.contains("tls1.2") && expected.contains("customer-managed"),
        "{expected}"
    );
    assert!(
        d.hint.clone().unwrap_or_default().contains("property:"),
        "{d:?}"
    );
}

#[test]
fn an_item_limited_to_other_categories_maps_nothing_here() {
    let flow = load("    category: flow-logs\n    grade: E.7\n    expect: { at_least: 1 year }\n")
        .expect("loads");
    assert_eq!(ids(&flow), [("SEC-01/retention", Property::Retention)]);
    let d =
        err("    category: call-recordings\n    grade: E.7\n    expect: { at_least: 1 year }\n");
    assert_eq!(d.code, Code::BadReference);
    assert!(d.message.contains("call-recordings"), "{d:?}");
}

#[test]
fn neither_property_nor_grade_is_still_a_missing_key_and_property_wins_over_fan_out() {
    let d = err("    category: \"*\"\n    expect: { is: true }\n");
    assert_eq!(d.code, Code::MissingKey, "{d:?}");
    assert!(d.message.contains("property"), "{d:?}");
    let one = load("    category: \"*\"\n    property: encryption.at-rest\n    grade: E.6\n    expect: { is: true }\n")
        .expect("loads");
    assert_eq!(ids(&one), [("SEC-01", Property::EncryptionAtRest)]);
}

#[test]
fn a_misspelt_expect_key_is_reported_as_such_in_a_fan_out() {
    let d = err("    category: \"*\"\n    grade: E.6\n    expect: { at_leest: tls1.2 }\n");
    assert!(d.message.contains("at_leest"), "{d:?}");
}

#[test]
fn an_expanded_id_that_meets_a_written_one_is_a_duplicate() {
    let req = "    category: \"*\"\n    grade: E.6\n    expect: { at_least: tls1.2 }\n  - id: SEC-01/encryption.in-transit\n    title: 暗号化\n    category: \"*\"\n    property: encryption.in-transit\n    expect: { at_least: tls1.2 }\n";
    let d = err(req);
    assert_eq!(d.code, Code::Duplicate, "{d:?}");
    assert!(d.message.contains("SEC-01/encryption.in-transit"), "{d:?}");
}
