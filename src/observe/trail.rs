//! Audit logs (AWS CloudTrail): the trails DescribeTrails shows in the
//! instance's Region (shadow trails included), whether each is logging
//! (GetTrailStatus `IsLogging`), which S3 data events it records
//! (GetEventSelectors, read by [`super::trail_selectors`]), and its bucket
//! (location and lifecycle: the trail's own Region and retention) and KMS
//! key.
//!
//! `data-access-logged` is true only when a logging trail records both
//! reads and writes of every object under the call recordings' prefix; a
//! trail that records management events only, or no trail, gives false,
//! cited. The other properties describe the trail the audit rests on: the
//! one that records the recordings' data events, else the first logging
//! trail, else the first trail.
//!
//! A snapshot without DescribeTrails (taken before CloudTrail was
//! collected) says nothing here: the documented tier speaks, as before.

use super::kms::key_owner;
use super::s3::retention::scan_rules;
use super::trail_selectors::{coverage, Coverage};
use super::view::{text_at, Cites, Out, PerLang, Reading, View};
use crate::collect::arn::region_of_constraint;
use crate::model::{Duration, KeyOwner, Property, Value};
use crate::text::escape::md_escape;
use serde_json::Value as J;

const CAT: &str = "audit-logs";

/// The properties the trails prove.
pub(super) const TRAIL_PROPS: &[Property] = &[
    Property::Region,
    Property::Retention,
    Property::EncryptionAtRestKey,
    Property::DataAccessLogged,
];

/// One trail as the snapshot shows it.
struct Trail {
    /// DescribeTrails observation and the trail's pointer (`/trailList/0`).
    d: usize,
    p: String,
    body: J,
    arn: String,
    /// Escaped name for sentences.
    name: String,
    /// IsLogging and its observation, or why unknown.
    logging: Result<(bool, usize), String>,
    /// What its selectors record for the recordings, or why unknown.
    records: Result<(Coverage, usize), String>,
}

impl Trail {
    fn field(&self, f: &str) -> (usize, String) {
        (self.d, format!("{}/{f}", self.p))
    }
    fn text(&self, f: &str) -> Option<&str> {
        self.body.get(f).and_then(J::as_str)
    }
    fn is_logging(&self) -> bool {
        matches!(self.logging, Ok((true, _)))
    }
    fn logs_recordings(&self) -> bool {
        self.is_logging() && matches!(&self.records, Ok((c, _)) if c.reads && c.writes)
    }
}

/// The recordings' bucket and prefix (the CALL_RECORDINGS storage config).
fn recordings(v: &View, id: &str) -> Result<(String, String, (usize, String)), String> {
    let r = v.read(
        id,
        "ListInstanceStorageConfigs",
        &[("ResourceType", "CALL_RECORDINGS")],
    );
    let i = match r {
        Reading::Ok(i) => i,
        r => return Err(v.why(&r, "ListInstanceStorageConfigs for CALL_RECORDINGS")),
    };
    let b = v.body(i);
    match text_at(b, "/StorageConfigs/0/S3Config/BucketName") {
        Some(bucket) => Ok((
            bucket.to_string(),
            text_at(b, "/StorageConfigs/0/S3Config/BucketPrefix")
                .unwrap_or("")
                .to_string(),
            (i, "/StorageConfigs/0/S3Config/BucketName".to_string()),
        )),
        None => Err("call recordings are not stored in an S3 bucket (storage config)".into()),
    }
}

fn read_trails(v: &View, id: &str, d: usize, rec: Option<&(String, String)>) -> Vec<Trail> {
    let list = v
        .body(d)
        .get("trailList")
        .and_then(J::as_array)
        .cloned()
        .unwrap_or_default();
    list.into_iter()
        .enumerate()
        .filter_map(|(j, t)| {
            let arn = t.get("TrailARN").and_then(J::as_str)?.to_string();
            let name = md_escape(t.get("Name").and_then(J::as_str).unwrap_or(&arn));
            let logging = match v.read(id, "GetTrailStatus", &[("Name", &arn)]) {
                Reading::Ok(s) => Ok((
                    v.body(s).get("IsLogging").and_then(J::as_bool) == Some(true),
                    s,
                )),
                r => Err(v.why(&r, &format!("GetTrailStatus for {arn}"))),
            };
            let records = match v.read(id, "GetEventSelectors", &[("TrailName", &arn)]) {
                Reading::Ok(s) => match rec {
                    Some((b, p)) => Ok((coverage(v.body(s), b, p), s)),
                    None => Ok((Coverage::default(), s)),
                },
                r => Err(v.why(&r, &format!("GetEventSelectors for {arn}"))),
            };
            Some(Trail {
                d,
                p: format!("/trailList/{j}"),
                body: t,
                arn,
                name,
                logging,
                records,
            })
        })
        .collect()
}

/// Every audit-log claim of one instance.
pub(super) fn claims(v: &View, out: &mut Out, id: &str) {
    let d = match v.read(id, "DescribeTrails", &[]) {
        Reading::Missing => return,
        Reading::Ok(d) => d,
        r => {
            out.gaps(CAT, TRAIL_PROPS, &v.why(&r, "DescribeTrails"));
            return;
        }
    };
    let rec = recordings(v, id);
    let trails = read_trails(
        v,
        id,
        d,
        rec.as_ref()
            .ok()
            .map(|(b, p, _)| (b.clone(), p.clone()))
            .as_ref(),
    );
    let region = md_escape(&v.obs(d).region);
    if trails.is_empty() {
        let none = format!("no trail in {} (DescribeTrails, shadow trails included): only the 90-day event history", v.obs(d).region);
        out.gaps(
            CAT,
            &[
                Property::Region,
                Property::Retention,
                Property::EncryptionAtRestKey,
            ],
            &none,
        );
        out.claim(
            CAT,
            Property::DataAccessLogged,
            Value::Bool(false),
            v.say("trail-none", &[("region", region)]),
            vec![],
            vec![(d, "/trailList".into())],
        );
        return;
    }
    data_access(v, out, &trails, &rec);
    let main = trails
        .iter()
        .find(|t| t.logs_recordings())
        .or_else(|| trails.iter().find(|t| t.is_logging()))
        .unwrap_or(&trails[0]);
    bucket_claims(v, out, id, main);
    key_claim(v, out, id, main);
}

/// Whether reads and deletions of recordings are recorded.
fn data_access(
    v: &View,
    out: &mut Out,
    trails: &[Trail],
    rec: &Result<(String, String, (usize, String)), String>,
) {
    let (bucket, _, bucket_cite) = match rec {
        Ok(r) => r,
        Err(why) => {
            out.gap(
                CAT,
                Property::DataAccessLogged,
                format!("the recordings' bucket is not known: {why}"),
            );
            return;
        }
    };
    let eb = md_escape(bucket);
    if let Some(t) = trails.iter().find(|t| t.logs_recordings()) {
        let (Ok((c, s)), Ok((_, st))) = (&t.records, &t.logging) else {
            return;
        };
        let mut cites: Cites = c.pointers.iter().map(|p| (*s, p.clone())).collect();
        cites.push((*st, "/IsLogging".into()));
        cites.push(t.field("TrailARN"));
        cites.push(bucket_cite.clone());
        out.claim(
            CAT,
            Property::DataAccessLogged,
            Value::Bool(true),
            v.say(
                "trail-data-logged",
                &[("trail", t.name.clone()), ("bucket", eb)],
            ),
            vec![],
            cites,
        );
        return;
    }
    let unknown: Vec<String> = trails
        .iter()
        .filter_map(|t| match (&t.logging, &t.records) {
            (Err(r), _) | (_, Err(r)) => Some(r.clone()),
            _ => None,
        })
        .collect();
    if !unknown.is_empty() {
        out.gap(CAT, Property::DataAccessLogged, unknown.join("; "));
        return;
    }
    let mut caveats = Vec::new();
    let mut cites: Cites = Vec::new();
    for t in trails {
        let (Ok((c, s)), Ok((on, st))) = (&t.records, &t.logging) else {
            continue;
        };
        let advanced = v
            .body(*s)
            .get("AdvancedEventSelectors")
            .and_then(J::as_array);
        let sel = if advanced.is_some_and(|a| !a.is_empty()) {
            "/AdvancedEventSelectors"
        } else {
            "/EventSelectors"
        };
        cites.push((*s, sel.into()));
        cites.push((*st, "/IsLogging".into()));
        let tn = ("trail", t.name.clone());
        if (c.reads || c.writes) && !*on {
            caveats.push(v.say("trail-not-logging", &[tn]));
        } else if c.reads != c.writes {
            let id = if c.reads {
                "trail-data-reads-only"
            } else {
                "trail-data-writes-only"
            };
            caveats.push(v.say(id, &[tn]));
        } else if !c.partial.is_empty() {
            let sel = md_escape(&c.partial.join(", "));
            caveats.push(v.say("trail-data-partial", &[tn, ("selectors", sel)]));
        }
    }
    cites.push(bucket_cite.clone());
    let names: Vec<String> = trails.iter().map(|t| t.name.clone()).collect();
    out.claim(
        CAT,
        Property::DataAccessLogged,
        Value::Bool(false),
        v.say(
            "trail-data-not-logged",
            &[("trails", names.join(", ")), ("bucket", eb)],
        ),
        caveats,
        cites,
    );
}

/// The trail's bucket: its Region and its lifecycle (the log files'
/// retention). Log files are written under `<S3KeyPrefix>/AWSLogs/`.
fn bucket_claims(v: &View, out: &mut Out, id: &str, t: &Trail) {
    let Some(bucket) = t.text("S3BucketName") else {
        out.gaps(
            CAT,
            &[Property::Region, Property::Retention],
            &format!("trail {} names no S3 bucket", t.arn),
        );
        return;
    };
    let eb = md_escape(bucket);
    let tn = ("trail", t.name.clone());
    let home = t.text("HomeRegion").unwrap_or("").to_string();
    let multi = t.body.get("IsMultiRegionTrail").and_then(J::as_bool) == Some(true);
    let scope_id = if multi {
        "trail-scope-multi"
    } else {
        "trail-scope-single"
    };
    let scope = v.say(scope_id, &[("home", md_escape(&home))]);
    match v.read(id, "GetBucketLocation", &[("Bucket", bucket)]) {
        Reading::Ok(l) => {
            let r = region_of_constraint(text_at(v.body(l), "/LocationConstraint"));
            out.claim(
                CAT,
                Property::Region,
                Value::Region(r.clone()),
                v.say_per(
                    "trail-region",
                    &[
                        tn.clone(),
                        ("bucket", eb.clone()),
                        ("region", md_escape(&r)),
                    ],
                    &[PerLang::Text("scope", &scope)],
                ),
                vec![],
                vec![
                    (l, "/LocationConstraint".into()),
                    t.field("S3BucketName"),
                    t.field("HomeRegion"),
                    t.field("IsMultiRegionTrail"),
                ],
            );
        }
        r => out.gap(
            CAT,
            Property::Region,
            v.why(&r, &format!("GetBucketLocation for {bucket}")),
        ),
    }
    let prefix = match t.text("S3KeyPrefix") {
        Some(p) if !p.is_empty() => format!("{}/AWSLogs", p.trim_end_matches('/')),
        _ => "AWSLogs".to_string(),
    };
    let l = match v.read(id, "GetBucketLifecycleConfiguration", &[("Bucket", bucket)]) {
        Reading::Ok(l) | Reading::NotConfigured(l) => l,
        r => {
            out.gap(
                CAT,
                Property::Retention,
                v.why(&r, &format!("GetBucketLifecycleConfiguration for {bucket}")),
            );
            return;
        }
    };
    let rules = v
        .body(l)
        .get("Rules")
        .and_then(J::as_array)
        .cloned()
        .unwrap_or_default();
    let s = scan_rules(&rules, &prefix);
    let versioned = v
        .one(id, "GetBucketVersioning", &[("Bucket", bucket)])
        .filter(|&i| v.ok(i))
        .filter(|&i| text_at(v.body(i), "/Status") == Some("Enabled"));
    let ep = md_escape(&format!("{prefix}/"));
    let mut cites: Cites = vec![t.field("S3BucketName")];
    let mut caveats = Vec::new();
    let (value, explain) = match (s.expire_days, versioned, s.noncurrent_days) {
        (Some((d, k)), None, _) => {
            cites.insert(0, (l, format!("/Rules/{k}/Expiration/Days")));
            (
                Duration::days(d),
                v.say(
                    "trail-retention-rule",
                    &[tn, ("bucket", eb), ("prefix", ep), ("days", d.to_string())],
                ),
            )
        }
        (Some((d, k)), Some(vi), Some((n, k2))) => {
            cites.insert(0, (l, format!("/Rules/{k}/Expiration/Days")));
            cites.push((
                l,
                format!("/Rules/{k2}/NoncurrentVersionExpiration/NoncurrentDays"),
            ));
            cites.push((vi, "/Status".into()));
            (
                Duration::days(d + n),
                v.say(
                    "trail-retention-rule-versioned",
                    &[
                        tn,
                        ("bucket", eb),
                        ("prefix", ep),
                        ("days", d.to_string()),
                        ("noncurrent", n.to_string()),
                    ],
                ),
            )
        }
        (Some((d, k)), Some(vi), None) => {
            cites.insert(0, (l, format!("/Rules/{k}/Expiration/Days")));
            cites.push((vi, "/Status".into()));
            (
                Duration::Never,
                v.say(
                    "trail-retention-versioned-forever",
                    &[tn, ("bucket", eb), ("days", d.to_string())],
                ),
            )
        }
        (None, _, _) => {
            cites.insert(
                0,
                (
                    l,
                    if v.ok(l) {
                        "/Rules".into()
                    } else {
                        "/Error/Code".into()
                    },
                ),
            );
            (
                Duration::Never,
                v.say(
                    "trail-retention-none",
                    &[tn, ("bucket", eb), ("prefix", ep)],
                ),
            )
        }
    };
    for rid in &s.partial {
        caveats.push(v.say("observe-s3-rule-partial", &[("rule", rid.clone())]));
    }
    out.claim(
        CAT,
        Property::Retention,
        Value::Duration(value),
        explain,
        caveats,
        cites,
    );
}

/// The key of the trail's log files: its KmsKeyId (SSE-KMS), else SSE-S3.
fn key_claim(v: &View, out: &mut Out, id: &str, t: &Trail) {
    let tn = ("trail", t.name.clone());
    let Some(key) = t.text("KmsKeyId") else {
        out.claim(
            CAT,
            Property::EncryptionAtRestKey,
            Value::Key(KeyOwner::AwsOwned),
            v.say("trail-key-sse-s3", &[tn]),
            vec![],
            vec![(t.d, t.p.clone())],
        );
        return;
    };
    match key_owner(v, id, key) {
        Ok(k) => {
            let mut cites = vec![t.field("KmsKeyId")];
            cites.extend(k.cites);
            out.claim(
                CAT,
                Property::EncryptionAtRestKey,
                Value::Key(k.owner),
                v.say_per(
                    "trail-key",
                    &[tn, ("key", md_escape(key))],
                    &[PerLang::Owner(k.owner)],
                ),
                k.caveats,
                cites,
            );
        }
        Err(r) => out.gap(CAT, Property::EncryptionAtRestKey, r),
    }
}
