//! The interpretation's small helpers (moved with the code from
//! `collect/interpret.rs`).

use crate::observe::s3::retention::scan_rules;
use crate::observe::s3::tls_only;
use crate::observe::view::ptr;
use serde_json::{json, Value as J};

#[test]
fn lifecycle_rules_cover_a_prefix_only_when_theirs_is_a_prefix_of_it() {
    let rules = vec![
        json!({"ID": "all", "Status": "Enabled", "Filter": {"Prefix": ""}, "Expiration": {"Days": 400}}),
        json!({"ID": "connect", "Status": "Enabled", "Filter": {"Prefix": "connect/"}, "Expiration": {"Days": 365},
               "NoncurrentVersionExpiration": {"NoncurrentDays": 30}}),
        json!({"ID": "off", "Status": "Disabled", "Filter": {"Prefix": "connect/"}, "Expiration": {"Days": 1}}),
        json!({"ID": "narrow", "Status": "Enabled", "Filter": {"Prefix": "connect/a/CallRecordings/2026"}, "Expiration": {"Days": 2}}),
        json!({"ID": "tagged", "Status": "Enabled", "Filter": {"And": {"Prefix": "connect/", "Tags": [{"Key": "k", "Value": "v"}]}}, "Expiration": {"Days": 3}}),
        json!({"ID": "other", "Status": "Enabled", "Filter": {"Prefix": "exports/"}, "Expiration": {"Days": 4}}),
    ];
    let s = scan_rules(&rules, "connect/a/CallRecordings");
    assert_eq!(s.expire_days, Some((365, 1)));
    assert_eq!(s.noncurrent_days, Some((30, 1)));
    assert_eq!(s.partial, vec!["narrow".to_string(), "tagged".to_string()]);
}

/// Connect writes under `<BucketPrefix>/YYYY/MM/DD/…` (issue 15, defect 1).
fn scan_one(rule: J) -> (Option<u64>, Vec<String>) {
    let s = scan_rules(&[rule], "connect/acme/CallRecordings");
    (s.expire_days.map(|(d, _)| d), s.partial)
}

#[test]
fn a_rule_with_a_trailing_slash_covers_the_recordings() {
    let r = json!({"ID": "rec", "Status": "Enabled",
        "Filter": {"Prefix": "connect/acme/CallRecordings/"}, "Expiration": {"Days": 90}});
    assert_eq!(scan_one(r), (Some(90), vec![]));
}

#[test]
fn a_rule_on_the_exact_prefix_covers_the_recordings() {
    let r = json!({"ID": "rec", "Status": "Enabled",
        "Filter": {"Prefix": "connect/acme/CallRecordings"}, "Expiration": {"Days": 90}});
    assert_eq!(scan_one(r), (Some(90), vec![]));
    // The legacy top-level Prefix (no Filter) reads the same way.
    let r = json!({"ID": "old", "Status": "Enabled",
        "Prefix": "connect/acme/CallRecordings/", "Expiration": {"Days": 60}});
    assert_eq!(scan_one(r), (Some(60), vec![]));
}

#[test]
fn a_date_prefix_covers_only_part() {
    let r = json!({"ID": "y2026", "Status": "Enabled",
        "Filter": {"Prefix": "connect/acme/CallRecordings/2026/"}, "Expiration": {"Days": 90}});
    assert_eq!(scan_one(r), (None, vec!["y2026".to_string()]));
}

#[test]
fn and_filters_with_tags_or_sizes_cover_only_part() {
    let tags = json!({"ID": "tagged", "Status": "Enabled", "Filter": {"And": {
        "Prefix": "connect/acme/CallRecordings/", "Tags": [{"Key": "k", "Value": "v"}]}},
        "Expiration": {"Days": 90}});
    assert_eq!(scan_one(tags), (None, vec!["tagged".to_string()]));
    let size = json!({"ID": "big", "Status": "Enabled", "Filter": {"And": {
        "Prefix": "connect/acme/CallRecordings/", "ObjectSizeGreaterThan": 1048576}},
        "Expiration": {"Days": 90}});
    assert_eq!(scan_one(size), (None, vec!["big".to_string()]));
}

#[test]
fn a_rule_on_another_prefix_does_not_touch_the_recordings() {
    for p in [
        "exports/",
        "connect/acme/CallRecordingsArchive/",
        "connect/acme/Chat",
    ] {
        let r = json!({"ID": "x", "Status": "Enabled", "Filter": {"Prefix": p}, "Expiration": {"Days": 9}});
        assert_eq!(scan_one(r), (None, vec![]), "{p}");
    }
}

#[test]
fn tls_only_needs_a_deny_on_secure_transport_false() {
    let deny = json!({"Statement": [{"Effect": "Deny", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]});
    let allow = json!({"Statement": {"Effect": "Allow", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}});
    assert!(tls_only(&deny));
    assert!(!tls_only(&allow));
    assert!(!tls_only(&J::Null));
}

#[test]
fn pointers_escape_slash_and_tilde() {
    assert_eq!(ptr(&["Rules", "0", "a/b~c"]), "/Rules/0/a~1b~0c");
}
