//! S3 retention: the lifecycle rules that cover the storage config's
//! prefix, bounded or extended by versioning (noncurrent versions) and
//! Object Lock (a default retention keeps objects at least that long).

use super::Bucket;
use crate::model::duration::Unit;
use crate::model::{Bilingual, Duration, Property, Value};
use crate::observe::view::{ptr, text_at, Cites, Out, PerLang, Reading, View};
use crate::text::escape::md_escape;
use serde_json::Value as J;

/// Lifecycle rules that cover every object under `prefix`, and notes on
/// rules that cover only part of it.
pub(crate) struct RuleScan {
    /// The shortest expiration in days, and the index of its rule.
    pub expire_days: Option<(u64, usize)>,
    /// The shortest NoncurrentVersionExpiration, and its rule.
    pub noncurrent_days: Option<(u64, usize)>,
    /// Rules (escaped ids) that cover only part of the data.
    pub partial: Vec<String>,
    /// Rules (escaped ids) that expire on a fixed date.
    pub dated: Vec<String>,
}

/// Does a rule's filter narrow it to some objects (tags, sizes)?
fn narrowed(f: Option<&J>) -> bool {
    f.is_some_and(|f| {
        f.get("Tag").is_some()
            || f.pointer("/And/Tags").is_some()
            || f.get("ObjectSizeGreaterThan").is_some()
            || f.get("ObjectSizeLessThan").is_some()
            || f.pointer("/And/ObjectSizeGreaterThan").is_some()
            || f.pointer("/And/ObjectSizeLessThan").is_some()
    })
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
    let base = key_start(prefix);
    let mut s = RuleScan {
        expire_days: None,
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
        if !covers || narrowed(f) {
            s.partial.push(rid);
            continue;
        }
        if let Some(d) = r.pointer("/Expiration/Days").and_then(J::as_u64) {
            if s.expire_days.is_none_or(|(x, _)| d < x) {
                s.expire_days = Some((d, k));
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
    l: usize,
    rules: &[J],
    s: &RuleScan,
    cites: &mut Cites,
) -> (Duration, Bilingual) {
    let Some((d, k)) = s.expire_days else {
        let p = if v.ok(l) { "/Rules" } else { "/Error/Code" };
        cites.insert(0, (l, p.into()));
        let explain = v.say(
            "observe-s3-retention-none",
            &[("bucket", b.bucket.clone()), ("prefix", b.prefix.clone())],
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
        let args = [
            rule,
            ("bucket", b.bucket.clone()),
            ("prefix", b.prefix.clone()),
            days,
        ];
        return (Duration::days(d), v.say("observe-s3-retention-rule", &args));
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

/// The retention claim.
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
    let mut cites = vec![b.cite_bucket(), b.cite_prefix()];
    cites.extend(loc_cite);
    let (mut value, mut explain) = by_rules(v, b, st, l, &rules, &s, &mut cites);
    let mut caveats = Vec::new();
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
}
