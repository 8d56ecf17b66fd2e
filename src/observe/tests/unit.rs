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
