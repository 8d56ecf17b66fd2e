//! Customer Profiles: the domain associated with the instance (the
//! integration whose URI is the instance ARN, `ListAccountIntegrations`)
//! and its settings (`GetDomain`): `DefaultExpirationDays` is the
//! retention of a profile after its last update; `DefaultEncryptionKey`, a
//! customer managed KMS key, or none, in which case the domain uses an AWS
//! managed key (Customer Profiles API reference, CreateDomain).

use super::view::{text_at, Out, View};
use crate::model::{Duration, KeyOwner, Property, Value};
use crate::text::escape::md_escape;
use serde_json::Value as J;

const CAT: &str = "customer-profiles";
const PROPS: &[Property] = &[
    Property::Storage,
    Property::Retention,
    Property::EncryptionAtRestKey,
];

/// The Customer Profiles claims of one instance (nothing when the
/// snapshot has no such call: an older snapshot, or no instance ARN).
pub(super) fn claims(v: &View, out: &mut Out, id: &str, name: &str) {
    let pages = v.find(id, "ListAccountIntegrations", &[]);
    if pages.is_empty() {
        return;
    }
    if let Some(r) = pages.iter().find_map(|&i| v.failure(i)) {
        out.gaps(CAT, PROPS, &r);
        return;
    }
    // The first domain the integrations name (an instance has one).
    let found = pages.iter().find_map(|&i| {
        let items = v.body(i).get("Items")?.as_array()?;
        items.iter().enumerate().find_map(|(k, it)| {
            let d = it.get("DomainName")?.as_str()?;
            Some((i, k, d.to_string()))
        })
    });
    let Some((li, k, domain)) = found else {
        out.claim(
            CAT,
            Property::Storage,
            Value::Text(v.say("observe-cp-none-value", &[])),
            v.say("observe-cp-none", &[("name", name.to_string())]),
            vec![],
            pages.iter().map(|&i| (i, "/Items".to_string())).collect(),
        );
        return;
    };
    let dname = md_escape(&domain);
    let list_cite = (li, format!("/Items/{k}/DomainName"));
    out.claim(
        CAT,
        Property::Storage,
        Value::Text(v.say("observe-cp-domain-value", &[("domain", dname.clone())])),
        v.say(
            "observe-cp-domain",
            &[("name", name.to_string()), ("domain", dname.clone())],
        ),
        vec![],
        vec![list_cite.clone()],
    );
    let Some(g) = v.one(id, "GetDomain", &[("DomainName", &domain)]) else {
        let r = v.missing(&format!("GetDomain for {domain}"));
        out.gaps(CAT, &PROPS[1..], &r);
        return;
    };
    if let Some(r) = v.failure(g) {
        out.gaps(CAT, &PROPS[1..], &r);
        return;
    }
    let body = v.body(g);
    match body.get("DefaultExpirationDays").and_then(J::as_u64) {
        Some(days) => out.claim(
            CAT,
            Property::Retention,
            Value::Duration(Duration::days(days)),
            v.say(
                "observe-cp-retention",
                &[("domain", dname.clone()), ("days", days.to_string())],
            ),
            vec![v.say("observe-cp-retention-caveat", &[])],
            vec![(g, "/DefaultExpirationDays".to_string()), list_cite.clone()],
        ),
        None => out.gap(
            CAT,
            Property::Retention,
            format!("GetDomain shows no DefaultExpirationDays for {domain}"),
        ),
    }
    let (owner, explain, pointer) = match text_at(body, "/DefaultEncryptionKey") {
        Some(key) if !key.is_empty() => (
            KeyOwner::CustomerManaged,
            v.say(
                "observe-cp-key-cmk",
                &[("domain", dname.clone()), ("key", md_escape(key))],
            ),
            "/DefaultEncryptionKey",
        ),
        _ => (
            KeyOwner::AwsManaged,
            v.say("observe-cp-key-default", &[("domain", dname)]),
            "/DomainName",
        ),
    };
    out.claim(
        CAT,
        Property::EncryptionAtRestKey,
        Value::Key(owner),
        explain,
        vec![],
        vec![(g, pointer.to_string()), list_cite],
    );
}
