//! S3 retention: the lifecycle rules that cover the storage config's
//! prefix, bounded or extended by versioning (noncurrent versions) and
//! Object Lock (a default retention keeps objects at least that long).
//! A requirement's scope (objects with a tag, or under a prefix) gets its
//! own claim: a rule covers it when the rule's filter covers that subset.

use super::Bucket;
use crate::model::duration::Unit;
use crate::model::requirement::Scope;
use crate::model::{Bilingual, Duration, Property, Value};
use crate::observe::view::{ptr, text_at, Cites, Out, PerLang, Reading, View};
use crate::text::escape::md_escape;
use serde_json::Value as J;

/// Lifecycle rules that cover every object under `prefix`, and notes on
/// rules that cover only part of it.
pub(crate) struct RuleScan {
    /// The shortest expiration in days, and the index of its rule.
    pub expire_days: Option<(u64, usize)>,
    /// The longest expiration of a rule that covers the data, and its rule:
    /// where it differs from the shortest, S3 honours the shorter one.
    pub longest_days: Option<(u64, usize)>,
    /// The shortest NoncurrentVersionExpiration, and its rule.
    pub noncurrent_days: Option<(u64, usize)>,
    /// Rules (escaped ids) that cover only part of the data.
    pub partial: Vec<String>,
    /// Rules (escaped ids) that expire on a fixed date.
    pub dated: Vec<String>,
}

/// Does a rule's filter narrow it by object size?
fn sized(f: Option<&J>) -> bool {
    f.is_some_and(|f| {
        f.get("ObjectSizeGreaterThan").is_some()
            || f.get("ObjectSizeLessThan").is_some()
            || f.pointer("/And/ObjectSizeGreaterThan").is_some()
            || f.pointer("/And/ObjectSizeLessThan").is_some()
    })
}

/// The tags a rule's filter requires (`Tag`, or `And.Tags`).
fn rule_tags(f: Option<&J>) -> Vec<(String, String)> {
    let one = f.and_then(|f| f.get("Tag")).into_iter();
    let and = f
        .and_then(|f| f.pointer("/And/Tags"))
        .and_then(J::as_array)
        .into_iter()
        .flatten();
    one.chain(and)
        .map(|t| {
            let s = |k: &str| t.get(k).and_then(J::as_str).unwrap_or("").to_string();
            (s("Key"), s("Value"))
        })
        .collect()
}

/// Does a rule's filter narrow it to fewer objects than `tag` selects?
/// Every tag it requires must be the scope's own tag; no size filter.
fn narrowed(f: Option<&J>, tag: Option<(&str, &str)>) -> bool {
    sized(f)
        || rule_tags(f)
            .iter()
            .any(|(k, v)| tag != Some((k.as_str(), v.as_str())))
}

/// The start every object key under a storage config's prefix shares:
/// Amazon Connect writes under `<BucketPrefix>/YYYY/MM/DD/…`, so a rule
/// whose prefix is a prefix of `<BucketPrefix>/` covers every object.
fn key_start(prefix: &str) -> String {
    if prefix.is_empty() || prefix.ends_with('/') {
        prefix.to_string()
    } else {
        format!("{prefix}/")
    }
}

pub(crate) fn scan_rules(rules: &[J], prefix: &str) -> RuleScan {
    scan(rules, &key_start(prefix), None)
}

/// The rules that cover a scope: for a prefix, the objects under it (from
/// the bucket's root); for a tag, the objects under the storage config's
/// prefix that carry it.
pub(crate) fn scan_scope(rules: &[J], prefix: &str, scope: &Scope) -> RuleScan {
    match scope {
        Scope::Prefix(p) => scan(rules, p, None),
        Scope::Tag { key, value } => scan(rules, &key_start(prefix), Some((key, value))),
    }
}

fn scan(rules: &[J], base: &str, tag: Option<(&str, &str)>) -> RuleScan {
    let base = base.to_string();
    let mut s = RuleScan {
        expire_days: None,
        longest_days: None,
        noncurrent_days: None,
        partial: Vec::new(),
        dated: Vec::new(),
    };
    for (k, r) in rules.iter().enumerate() {
        if r.get("Status").and_then(J::as_str) != Some("Enabled") {
            continue;
        }
        let rid = md_escape(r.get("ID").and_then(J::as_str).unwrap_or("(no id)"));
        let f = r.get("Filter");
        let rp = f
            .and_then(|f| f.get("Prefix").or_else(|| f.pointer("/And/Prefix")))
            .or_else(|| r.get("Prefix"))
            .and_then(J::as_str)
            .unwrap_or("");
        let covers = base.starts_with(rp);
        let touches = covers || rp.starts_with(base.as_str());
        if !touches {
            continue;
        }
        if !covers || narrowed(f, tag) {
            s.partial.push(rid);
            continue;
        }
        if let Some(d) = r.pointer("/Expiration/Days").and_then(J::as_u64) {
            if s.expire_days.is_none_or(|(x, _)| d < x) {
                s.expire_days = Some((d, k));
            }
            if s.longest_days.is_none_or(|(x, _)| d > x) {
                s.longest_days = Some((d, k));
            }
        } else if r.pointer("/Expiration/Date").is_some() {
            s.dated.push(rid.clone());
        }
        if let Some(d) = r
            .pointer("/NoncurrentVersionExpiration/NoncurrentDays")
            .and_then(J::as_u64)
        {
            if s.noncurrent_days.is_none_or(|(x, _)| d < x) {
                s.noncurrent_days = Some((d, k));
            }
        }
    }
    s
}

/// A bucket's Object Lock configuration.
pub(super) struct Lock {
    /// ObjectLockEnabled.
    pub on: bool,
    /// The default retention, when one is set.
    pub period: Option<Duration>,
    /// Its mode (`GOVERNANCE`, `COMPLIANCE`), escaped.
    pub mode: String,
}

/// What retention and deletion both read: versioning, Object Lock, and the
/// lifecycle configuration.
pub(super) struct BucketState {
    /// Versioning status (`Enabled`, `Suspended`, empty), or why unknown.
    pub versioning: Result<String, String>,
    pub ver_cite: Option<(usize, String)>,
    /// Object Lock, or why unknown.
    pub lock: Result<Lock, String>,
    pub lock_cite: Option<(usize, String)>,
    /// GetBucketLifecycleConfiguration.
    pub lifecycle: Reading,
}

fn lock_of(body: &J) -> Lock {
    let d = body.pointer("/ObjectLockConfiguration/Rule/DefaultRetention");
    let period = d.and_then(|d| {
        d.get("Days")
            .and_then(J::as_u64)
            .map(Duration::days)
            .or_else(|| {
                d.get("Years")
                    .and_then(J::as_u64)
                    .map(|y| Duration::Finite {
                        months: (y * 12) as u32,
                        seconds: 0,
                        unit: Unit::Years,
                    })
            })
    });
    Lock {
        on: text_at(body, "/ObjectLockConfiguration/ObjectLockEnabled") == Some("Enabled"),
        period,
        mode: md_escape(
            d.and_then(|d| d.get("Mode"))
                .and_then(J::as_str)
                .unwrap_or(""),
        ),
    }
}

impl BucketState {
    pub fn read(v: &View, b: &Bucket) -> BucketState {
        let ver = b.read(v, "GetBucketVersioning");
        let versioning = match &ver {
            Reading::Ok(i) => Ok(text_at(v.body(*i), "/Status").unwrap_or("").to_string()),
            r => Err(v.why(r, "GetBucketVersioning")),
        };
        let ver_cite = ver.index().map(|i| {
            let p = if v.ok(i) { "/Status" } else { "/Error/Code" };
            (i, p.to_string())
        });
        let lock_r = b.read(v, "GetObjectLockConfiguration");
        let (lock, lock_cite) = match &lock_r {
            Reading::Ok(i) => (
                Ok(lock_of(v.body(*i))),
                Some((*i, "/ObjectLockConfiguration".to_string())),
            ),
            Reading::NotConfigured(i) => (
                Ok(Lock {
                    on: false,
                    period: None,
                    mode: String::new(),
                }),
                Some((*i, "/Error/Code".to_string())),
            ),
            r => (Err(v.why(r, "GetObjectLockConfiguration")), None),
        };
        BucketState {
            versioning,
            ver_cite,
            lock,
            lock_cite,
            lifecycle: b.read(v, "GetBucketLifecycleConfiguration"),
        }
    }

    /// The lifecycle rules, when the configuration was read.
    pub fn rules(&self, v: &View) -> Option<Vec<J>> {
        match self.lifecycle {
            Reading::Ok(l) | Reading::NotConfigured(l) => Some(
                v.body(l)
                    .get("Rules")
                    .and_then(J::as_array)
                    .cloned()
                    .unwrap_or_default(),
            ),
            _ => None,
        }
    }
}

/// The retention the lifecycle rules give, before Object Lock.
fn by_rules(
    v: &View,
    b: &Bucket,
    st: &BucketState,
    (l, rules): (usize, &[J]),
    s: &RuleScan,
    scope: Option<&Scope>,
    cites: &mut Cites,
) -> (Duration, Bilingual) {
    // A scope names its own subset of the bucket's objects.
    let (suffix, place, kind) = match scope {
        None => ("", ("prefix", b.prefix.clone()), ("kind", String::new())),
        Some(sc) => (
            "-scope",
            ("scope", md_escape(&sc.label())),
            ("kind", sc.kind().to_string()),
        ),
    };
    let Some((d, k)) = s.expire_days else {
        let p = if v.ok(l) { "/Rules" } else { "/Error/Code" };
        cites.insert(0, (l, p.into()));
        let explain = v.say(
            &format!("observe-s3-retention-none{suffix}"),
            &[("bucket", b.bucket.clone()), place, kind],
        );
        return (Duration::Never, explain);
    };
    let rid = md_escape(rules[k].get("ID").and_then(J::as_str).unwrap_or("(no id)"));
    cites.insert(
        0,
        (l, ptr(&["Rules", &k.to_string(), "Expiration", "Days"])),
    );
    let rule = ("rule", rid);
    let days = ("days", d.to_string());
    if !matches!(st.versioning.as_deref(), Ok("Enabled")) {
        let args = [rule, ("bucket", b.bucket.clone()), place, kind, days];
        return (
            Duration::days(d),
            v.say(&format!("observe-s3-retention-rule{suffix}"), &args),
        );
    }
    match s.noncurrent_days {
        Some((n, k2)) => {
            let p = ptr(&[
                "Rules",
                &k2.to_string(),
                "NoncurrentVersionExpiration",
                "NoncurrentDays",
            ]);
            cites.insert(1, (l, p));
            let args = [
                rule,
                days,
                ("noncurrent", n.to_string()),
                ("total", (d + n).to_string()),
            ];
            (
                Duration::days(d + n),
                v.say("observe-s3-retention-noncurrent", &args),
            )
        }
        None => (
            Duration::Never,
            v.say("observe-s3-retention-versioned-forever", &[rule, days]),
        ),
    }
}

/// The retention claim, and one per scope the requirements name on this
/// category.
pub(super) fn claims(
    v: &View,
    out: &mut Out,
    b: &Bucket,
    st: &BucketState,
    loc_cite: Option<(usize, String)>,
    key_cites: &Cites,
) {
    let (Some(l), Some(rules)) = (st.lifecycle.index(), st.rules(v)) else {
        let why = v.why(&st.lifecycle, "GetBucketLifecycleConfiguration");
        out.gap(b.cat(), Property::Retention, why);
        return;
    };
    let s = scan_rules(&rules, &b.prefix_raw);
    one(v, out, b, st, (l, &rules), &s, None, &loc_cite, key_cites);
    for (_, scope) in v.scopes.iter().filter(|(c, _)| c == b.cat()) {
        let s = scan_scope(&rules, &b.prefix_raw, scope);
        one(
            v,
            out,
            b,
            st,
            (l, &rules),
            &s,
            Some(scope),
            &loc_cite,
            key_cites,
        );
        out.for_scope(scope.clone());
    }
}

#[allow(clippy::too_many_arguments)]
fn one(
    v: &View,
    out: &mut Out,
    b: &Bucket,
    st: &BucketState,
    (l, rules): (usize, &[J]),
    s: &RuleScan,
    scope: Option<&Scope>,
    loc_cite: &Option<(usize, String)>,
    key_cites: &Cites,
) {
    let mut cites = vec![b.cite_bucket(), b.cite_prefix()];
    cites.extend(loc_cite.clone());
    let (mut value, mut explain) = by_rules(v, b, st, (l, rules), s, scope, &mut cites);
    let mut caveats = Vec::new();
    let mut docs: Vec<&str> = Vec::new();
    cites.extend(st.ver_cite.clone());
    match &st.versioning {
        Err(r) => caveats.push(v.say(
            "observe-s3-versioning-unknown-retention",
            &[("reason", r.clone())],
        )),
        Ok(s) if s == "Suspended" => caveats.push(v.say("observe-s3-versioning-suspended", &[])),
        _ => {}
    }
    cites.extend(st.lock_cite.clone());
    match &st.lock {
        Ok(Lock {
            on: true,
            period: Some(p),
            mode,
        }) => {
            let mode = ("mode", mode.clone());
            if value.at_most(p) && value != *p {
                value = *p;
                explain = v.say_per(
                    "observe-s3-lock-governs",
                    &[mode],
                    &[PerLang::Text("explain", &explain), PerLang::Period(p)],
                );
            } else {
                caveats.push(v.say_per("observe-s3-lock-on", &[mode], &[PerLang::Period(p)]));
            }
        }
        Err(r) => caveats.push(v.say("observe-s3-lock-unknown", &[("reason", r.clone())])),
        _ => {}
    }
    // Legal holds are set per object version: no bucket-level call shows
    // them. With Object Lock on they may keep a scope's objects longer;
    // without it there can be none.
    if let (Some(_), Some((short, ks)), Some((long, kl))) = (scope, s.expire_days, s.longest_days) {
        if long > short {
            let id =
                |k: usize| md_escape(rules[k].get("ID").and_then(J::as_str).unwrap_or("(no id)"));
            caveats.push(v.say(
                "observe-s3-scope-shorter-wins",
                &[("short", id(ks)), ("long", id(kl))],
            ));
            docs.push("s3-lifecycle-conflicts");
        }
    }
    if scope.is_some() {
        match &st.lock {
            Ok(Lock { on: true, .. }) => {
                caveats.push(v.say("observe-s3-scope-legal-hold", &[]));
                docs.push("s3-object-lock");
            }
            Ok(_) => {
                caveats.push(v.say("observe-s3-scope-no-lock", &[]));
                docs.push("s3-object-lock");
            }
            Err(_) => {}
        }
    }
    for rid in &s.partial {
        caveats.push(v.say("observe-s3-rule-partial", &[("rule", rid.clone())]));
    }
    for rid in &s.dated {
        caveats.push(v.say("observe-s3-rule-dated", &[("rule", rid.clone())]));
    }
    cites.extend(key_cites.iter().cloned());
    out.claim(
        b.cat(),
        Property::Retention,
        Value::Duration(value),
        explain,
        caveats,
        cites,
    );
    out.citing_docs(&docs);
}

#[cfg(test)]
#[path = "retention_tests.rs"]
mod tests;
