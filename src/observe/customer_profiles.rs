//! Customer Profiles: the domain associated with the instance (the
//! integration whose URI is the instance ARN, `ListAccountIntegrations`)
//! and its settings (`GetDomain`): `DefaultExpirationDays` is the
//! retention of a profile after its last update; `DefaultEncryptionKey`, a
//! customer managed KMS key, or none, in which case the domain uses an AWS
//! managed key (Customer Profiles API reference, CreateDomain). An object
//! type's own `ExpirationDays` and `EncryptionKey` take precedence for its
//! objects (`GetProfileObjectType`): the retention claim keeps the domain
//! default as its value, names every type that overrides it (with its
//! days, cited) and then holds only on a condition, so a requirement the
//! default meets becomes review; a type's own key is a caveat on the key.

use super::view::{text_at, Out, PerLang, View};
use crate::model::{Bilingual, Duration, KeyOwner, Property, Value};
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
    let types = object_types(v, id, &domain);
    let default_key = text_at(body, "/DefaultEncryptionKey").unwrap_or("");
    match body.get("DefaultExpirationDays").and_then(J::as_u64) {
        Some(days) => {
            let mut caveats = vec![v.say("observe-cp-retention-caveat", &[])];
            let mut cites = vec![(g, "/DefaultExpirationDays".to_string()), list_cite.clone()];
            caveats.extend(types.unknown(v));
            let overriding: Vec<&Type> = types
                .read
                .iter()
                .filter(|t| t.days.is_some_and(|d| d != days))
                .collect();
            for t in &overriding {
                let d = t.days.unwrap_or_default();
                let id = if d < days {
                    "observe-cp-type-days-shorter"
                } else {
                    "observe-cp-type-days-longer"
                };
                caveats.push(v.say(
                    id,
                    &[
                        ("type", md_escape(&t.name)),
                        ("days", d.to_string()),
                        ("default", days.to_string()),
                    ],
                ));
                cites.push((t.obs, "/ExpirationDays".to_string()));
            }
            if types.listed && overriding.is_empty() && types.failed.is_empty() {
                caveats.push(match types.read.len() {
                    0 => v.say("observe-cp-types-none", &[]),
                    n => v.say("observe-cp-types-default", &[("count", n.to_string())]),
                });
                cites.extend(types.lists.iter().map(|&i| (i, "/Items".to_string())));
            }
            out.claim(
                CAT,
                Property::Retention,
                Value::Duration(Duration::days(days)),
                v.say(
                    "observe-cp-retention",
                    &[("domain", dname.clone()), ("days", days.to_string())],
                ),
                caveats,
                cites,
            );
            if !overriding.is_empty() {
                let entries: Vec<Bilingual> = overriding
                    .iter()
                    .map(|t| {
                        v.say(
                            "observe-cp-type-entry",
                            &[
                                ("type", md_escape(&t.name)),
                                ("days", t.days.unwrap_or_default().to_string()),
                            ],
                        )
                    })
                    .collect();
                let join = |sep: &str, f: fn(&Bilingual) -> &String| {
                    entries.iter().map(f).cloned().collect::<Vec<_>>().join(sep)
                };
                let types = Bilingual::new(join("、", |b| &b.ja), join(", ", |b| &b.en));
                out.on_condition(v.say_per(
                    "observe-cp-types-condition",
                    &[],
                    &[PerLang::Text("types", &types)],
                ));
            }
        }
        None => out.gap(
            CAT,
            Property::Retention,
            format!("GetDomain shows no DefaultExpirationDays for {domain}"),
        ),
    }
    let mut key_caveats = types.unknown(v);
    let mut key_cites = Vec::new();
    for t in &types.read {
        if let Some(k) = t
            .key
            .as_deref()
            .filter(|k| !k.is_empty() && *k != default_key)
        {
            key_caveats.push(v.say(
                "observe-cp-type-key",
                &[("type", md_escape(&t.name)), ("key", md_escape(k))],
            ));
            key_cites.push((t.obs, "/EncryptionKey".to_string()));
        }
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
        key_caveats,
        [vec![(g, pointer.to_string()), list_cite], key_cites].concat(),
    );
}

/// One object type's own settings, as `GetProfileObjectType` gave them.
struct Type {
    name: String,
    obs: usize,
    days: Option<u64>,
    key: Option<String>,
}

/// What the snapshot shows of a domain's object types.
#[derive(Default)]
struct Types {
    /// The `ListProfileObjectTypes` pages (empty: not collected).
    lists: Vec<usize>,
    /// Every page was read.
    listed: bool,
    /// Why the list is unknown (a failed page, or not collected).
    list_failure: Option<String>,
    read: Vec<Type>,
    /// Types listed whose settings are unknown, and why.
    failed: Vec<(String, String)>,
}

impl Types {
    /// The caveats saying what is not known of the object types.
    fn unknown(&self, v: &View) -> Vec<Bilingual> {
        let mut out = Vec::new();
        if let Some(r) = &self.list_failure {
            out.push(v.say("observe-cp-types-unknown", &[("reason", r.clone())]));
        }
        for (name, r) in &self.failed {
            out.push(v.say(
                "observe-cp-type-unread",
                &[("type", md_escape(name)), ("reason", r.clone())],
            ));
        }
        out
    }
}

fn object_types(v: &View, id: &str, domain: &str) -> Types {
    let lists = v.find(id, "ListProfileObjectTypes", &[("DomainName", domain)]);
    if lists.is_empty() {
        return Types {
            list_failure: Some(v.missing(&format!("ListProfileObjectTypes for {domain}"))),
            ..Types::default()
        };
    }
    if let Some(r) = lists.iter().find_map(|&i| v.failure(i)) {
        return Types {
            lists,
            list_failure: Some(r),
            ..Types::default()
        };
    }
    let mut t = Types {
        listed: true,
        ..Types::default()
    };
    let names: std::collections::BTreeSet<&str> = lists
        .iter()
        .filter_map(|&i| v.body(i).get("Items")?.as_array())
        .flatten()
        .filter_map(|it| it.get("ObjectTypeName")?.as_str())
        .collect();
    for name in names {
        let p = [("DomainName", domain), ("ObjectTypeName", name)];
        match v.one(id, "GetProfileObjectType", &p) {
            None => t.failed.push((
                name.to_string(),
                v.missing(&format!("GetProfileObjectType for {name}")),
            )),
            Some(i) => match v.failure(i) {
                Some(r) => t.failed.push((name.to_string(), r)),
                None => t.read.push(Type {
                    name: name.to_string(),
                    obs: i,
                    days: v.body(i).get("ExpirationDays").and_then(J::as_u64),
                    key: text_at(v.body(i), "/EncryptionKey").map(str::to_string),
                }),
            },
        }
    }
    t.lists = lists;
    t
}
