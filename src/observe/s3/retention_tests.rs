//! Which lifecycle rules cover a requirement's scope (selective retention).

use super::{scan_rules, scan_scope};
use crate::model::requirement::Scope;
use serde_json::{json, Value as J};

const STORAGE: &str = "connect/acme/CallRecordings";

fn tag(k: &str, v: &str) -> Scope {
    Scope::Tag {
        key: k.into(),
        value: v.into(),
    }
}

fn rule(id: &str, filter: J, days: u64) -> J {
    json!({"ID": id, "Status": "Enabled", "Filter": filter, "Expiration": {"Days": days}})
}

fn ids(rules: &[J], k: Option<(u64, usize)>) -> Option<(u64, String)> {
    k.map(|(d, i)| (d, rules[i]["ID"].as_str().unwrap().to_string()))
}

#[test]
fn a_tag_rule_covers_its_tag_scope_and_stays_partial_for_the_whole() {
    let rules = vec![rule(
        "hold",
        json!({"Tag": {"Key": "legal-hold", "Value": "true"}}),
        1827,
    )];
    let s = scan_scope(&rules, STORAGE, &tag("legal-hold", "true"));
    assert_eq!(ids(&rules, s.expire_days), Some((1827, "hold".into())));
    assert!(s.partial.is_empty());
    // The requirement on every recording: the tag rule covers only part.
    let s = scan_rules(&rules, STORAGE);
    assert_eq!(s.expire_days, None);
    assert_eq!(s.partial, vec!["hold".to_string()]);
    // Another tag's scope: partial too.
    let s = scan_scope(&rules, STORAGE, &tag("legal-hold", "false"));
    assert_eq!(s.expire_days, None);
    assert_eq!(s.partial, vec!["hold".to_string()]);
}

#[test]
fn a_prefix_wide_rule_also_covers_tagged_objects_and_the_shorter_wins() {
    let rules = vec![
        rule(
            "month",
            json!({"Prefix": "connect/acme/CallRecordings/"}),
            28,
        ),
        rule(
            "hold",
            json!({"And": {"Prefix": "connect/", "Tags": [{"Key": "legal-hold", "Value": "true"}]}}),
            1827,
        ),
    ];
    let s = scan_scope(&rules, STORAGE, &tag("legal-hold", "true"));
    assert_eq!(ids(&rules, s.expire_days), Some((28, "month".into())));
    assert_eq!(ids(&rules, s.longest_days), Some((1827, "hold".into())));
}

#[test]
fn a_rule_with_two_tags_or_a_size_filter_is_partial_for_a_tag_scope() {
    let rules = vec![
        rule(
            "two",
            json!({"And": {"Tags": [{"Key": "legal-hold", "Value": "true"}, {"Key": "dept", "Value": "x"}]}}),
            10,
        ),
        rule(
            "big",
            json!({"And": {"Tags": [{"Key": "legal-hold", "Value": "true"}], "ObjectSizeGreaterThan": 1000}}),
            20,
        ),
    ];
    let s = scan_scope(&rules, STORAGE, &tag("legal-hold", "true"));
    assert_eq!(s.expire_days, None);
    assert_eq!(s.partial, vec!["two".to_string(), "big".to_string()]);
}

#[test]
fn a_prefix_scope_is_covered_by_a_rule_on_it_or_above_it() {
    let rules = vec![
        rule("holds", json!({"Prefix": "holds/"}), 1827),
        rule("deeper", json!({"Prefix": "holds/2026/"}), 400),
        rule("recordings", json!({"Prefix": "connect/"}), 28),
        rule("everything", json!({}), 4000),
    ];
    let s = scan_scope(&rules, STORAGE, &Scope::Prefix("holds/".into()));
    assert_eq!(ids(&rules, s.expire_days), Some((1827, "holds".into())));
    assert_eq!(
        ids(&rules, s.longest_days),
        Some((4000, "everything".into()))
    );
    // A rule under the scope covers only part of it; another prefix none.
    assert_eq!(s.partial, vec!["deeper".to_string()]);
    let s = scan_scope(&rules, STORAGE, &Scope::Prefix("holds/2026/05/".into()));
    assert_eq!(ids(&rules, s.expire_days), Some((400, "deeper".into())));
}
