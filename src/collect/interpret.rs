//! Snapshot → observed claims: reads the stored responses of a snapshot
//! (never the network) and states, per category and property, what they
//! show, citing every observation a value rests on with the JSON pointer of
//! the field read. The chain is explicit: a call-recordings retention claim
//! cites the storage config (bucket and prefix), the bucket's location, the
//! lifecycle rule that applies, the versioning and Object Lock settings, and
//! the KMS key.
//!
//! Versioning without a `NoncurrentVersionExpiration` rule, and Object Lock,
//! change the verdicts: expired or deleted objects persist as noncurrent
//! versions (retention becomes "never" unless a noncurrent rule bounds it),
//! and locked objects cannot be deleted on request.
//!
//! A call that failed makes the properties it would prove [`Unavailable`],
//! with the reason ("AccessDenied on s3:GetLifecycleConfiguration"), so the
//! resolver falls back to declared or documented evidence and says why.
//!
//! Pure and deterministic: same snapshot and `as_of`, same output. Strings
//! from responses go into values and reasons as plain text (renderers escape
//! them); explanations and caveats are Markdown, so every response string
//! interpolated into them is escaped here ([`md_escape`]).

use super::snapshot::{ErrorKind, Snapshot, Status};
use crate::model::duration::Unit;
use crate::model::evidence::{LiveEvidence, ObservationRef, ObservedClaim, Unavailable};
use crate::model::{Bilingual, Duration, KeyOwner, Property, Value};
use crate::text::escape::md_escape;
use serde_json::Value as J;

/// How to read a snapshot.
#[derive(Debug, Clone)]
pub struct Options {
    /// The date the documents speak for.
    pub as_of: chrono::NaiveDate,
    /// An observation older than this many days at `as_of` is stale.
    pub max_age_days: i64,
    /// Only these instances (id, alias or ARN); empty = all.
    pub instances: Vec<String>,
}

/// Storage resource type → category, and how the data is stored.
pub const CATEGORY_OF: &[(&str, &str)] = &[
    ("CALL_RECORDINGS", "call-recordings"),
    ("CHAT_TRANSCRIPTS", "chat-transcripts"),
    ("SCREEN_RECORDINGS", "screen-recordings"),
    ("ATTACHMENTS", "attachments"),
    ("EMAIL_MESSAGES", "email-messages"),
    ("CONTACT_EVALUATIONS", "contact-evaluations"),
    ("SCHEDULED_REPORTS", "scheduled-reports"),
    ("CONTACT_TRACE_RECORDS", "streamed-contact-records"),
    ("AGENT_EVENTS", "agent-events"),
    ("MEDIA_STREAMS", "media-streams"),
];

const S3_PROPS: &[Property] = &[
    Property::Storage,
    Property::Region,
    Property::Retention,
    Property::DeletionOnRequest,
    Property::EncryptionAtRest,
    Property::EncryptionAtRestKey,
    Property::AccessControl,
];

const STREAM_PROPS: &[Property] = &[
    Property::Storage,
    Property::Region,
    Property::Retention,
    Property::EncryptionAtRest,
    Property::EncryptionAtRestKey,
];

/// Observations a value rests on: (observation index, JSON pointer).
type Cites = Vec<(usize, String)>;

struct Draft {
    category: String,
    property: Property,
    value: Value,
    explain: Bilingual,
    caveats: Vec<Bilingual>,
    cites: Vec<(usize, String)>,
}

struct Gap {
    category: String,
    property: Property,
    reason: String,
}

struct View<'a> {
    snap: &'a Snapshot,
    bodies: Vec<J>,
    as_of: chrono::NaiveDate,
    max_age_days: i64,
}

fn esc(seg: &str) -> String {
    seg.replace('~', "~0").replace('/', "~1")
}

fn ptr(parts: &[&str]) -> String {
    parts.iter().map(|p| format!("/{}", esc(p))).collect()
}

fn days(n: u64) -> Duration {
    Duration::Finite {
        months: 0,
        seconds: n * 86_400,
        unit: Unit::Days,
    }
}

fn hours(n: u64) -> Duration {
    Duration::Finite {
        months: 0,
        seconds: n * 3_600,
        unit: Unit::Hours,
    }
}

fn b(ja: impl Into<String>, en: impl Into<String>) -> Bilingual {
    Bilingual::new(ja, en)
}

impl View<'_> {
    fn obs(&self, i: usize) -> &super::snapshot::Observation {
        &self.snap.manifest.observations[i]
    }

    /// Observations of one instance, operation and parameters (all pages).
    fn find(&self, inst: &str, op: &str, params: &[(&str, &str)]) -> Vec<usize> {
        self.snap
            .manifest
            .observations
            .iter()
            .enumerate()
            .filter(|(_, o)| {
                o.instance.as_deref() == Some(inst)
                    && o.operation == op
                    && params
                        .iter()
                        .all(|(k, v)| o.parameters.iter().any(|(a, b)| a == k && b == v))
            })
            .map(|(i, _)| i)
            .collect()
    }

    fn one(&self, inst: &str, op: &str, params: &[(&str, &str)]) -> Option<usize> {
        self.find(inst, op, params).into_iter().next()
    }

    fn ok(&self, i: usize) -> bool {
        self.obs(i).status == Status::Ok
    }

    fn not_configured(&self, i: usize) -> bool {
        self.obs(i).status == Status::NotConfigured
    }

    fn body(&self, i: usize) -> &J {
        &self.bodies[i]
    }

    /// Why an observation gives no evidence, or `None` when it does.
    fn failure(&self, i: usize) -> Option<String> {
        failure_reason(self.obs(i))
    }

    fn missing(&self, what: &str) -> String {
        format!("no {what} in the snapshot")
    }

    fn stale(&self, i: usize) -> bool {
        let at = chrono::DateTime::parse_from_rfc3339(&self.obs(i).collected_at)
            .map(|d| d.date_naive())
            .unwrap_or(chrono::NaiveDate::MIN);
        (self.as_of - at).num_days() > self.max_age_days
    }

    fn cite(&self, i: usize, pointer: &str) -> ObservationRef {
        let o = self.obs(i);
        ObservationRef {
            id: if pointer.is_empty() {
                o.id.clone()
            } else {
                format!("{}#{}", o.id, pointer)
            },
            service: o.service.clone(),
            operation: o.operation.clone(),
            parameters: o.parameters.clone(),
            region: o.region.clone(),
            account: o.account.clone(),
            collected_at: o.collected_at.clone(),
            sha256: o.sha256.clone(),
            pointer: pointer.to_string(),
        }
    }
}

/// Why an observation gives no evidence (`AccessDenied on
/// s3:GetLifecycleConfiguration`), or `None` when it does.
pub(crate) fn failure_reason(o: &super::snapshot::Observation) -> Option<String> {
    let e = o.error.as_ref()?;
    Some(match e.kind {
        ErrorKind::NotConfigured => return None,
        ErrorKind::Timeout => format!("timeout on {} ({})", o.action, e.message),
        ErrorKind::OverallTimeout => {
            format!("overall timeout reached before {} could run", o.action)
        }
        ErrorKind::Unreachable => format!("endpoint unreachable for {}", o.action),
        ErrorKind::Throttled => {
            format!("{} on {} after {} attempt(s)", e.code, o.action, o.attempts)
        }
        _ => format!("{} on {}", e.code, o.action),
    })
}

fn text_at<'a>(v: &'a J, p: &str) -> Option<&'a str> {
    v.pointer(p).and_then(J::as_str)
}

/// The instances of a snapshot that `names` (ids, aliases, ARNs) select;
/// all of them when `names` is empty.
pub fn chosen_instances<'a>(
    snap: &'a Snapshot,
    names: &[String],
) -> Vec<&'a super::snapshot::InstanceEntry> {
    snap.manifest
        .instances
        .iter()
        .filter(|i| {
            names.is_empty()
                || names
                    .iter()
                    .any(|n| n == &i.id || Some(n) == i.alias.as_ref() || Some(n) == i.arn.as_ref())
        })
        .collect()
}

/// Read a snapshot into observed claims and the reasons some are missing.
pub fn interpret(snap: &Snapshot, opts: &Options) -> LiveEvidence {
    let view = View {
        snap,
        bodies: snap
            .bodies
            .iter()
            .map(|b| serde_json::from_slice(b).unwrap_or(J::Null))
            .collect(),
        as_of: opts.as_of,
        max_age_days: opts.max_age_days,
    };
    let chosen = chosen_instances(snap, &opts.instances);
    let mut per: Vec<(String, Vec<Draft>, Vec<Gap>)> = Vec::new();
    for inst in chosen {
        let mut drafts = Vec::new();
        let mut gaps = Vec::new();
        instance(&view, inst, &mut drafts, &mut gaps);
        let label = inst.alias.clone().unwrap_or_else(|| inst.id.clone());
        per.push((label, drafts, gaps));
    }
    let mut live = merge(&view, per);
    if chosen_none(&live) {
        // Nothing was collected: say why for every property collection proves.
        let reasons: Vec<String> = (0..snap.manifest.observations.len())
            .filter(|&i| view.obs(i).operation == "ListInstances")
            .filter_map(|i| view.failure(i))
            .collect();
        if !reasons.is_empty() {
            let reason = reasons.join("; ");
            let mut add = |cat: &str, props: &[Property]| {
                for p in props {
                    live.unavailable.push(Unavailable {
                        category: cat.to_string(),
                        property: *p,
                        reason: reason.clone(),
                    });
                }
            };
            add(
                "contact-center-data",
                &[Property::Region, Property::AccessControl],
            );
            for (_, cat) in CATEGORY_OF {
                match *cat {
                    "streamed-contact-records" | "agent-events" | "media-streams" => {
                        add(cat, STREAM_PROPS)
                    }
                    _ => add(cat, S3_PROPS),
                }
            }
            add(
                "flow-logs",
                &[
                    Property::Region,
                    Property::Retention,
                    Property::EncryptionAtRestKey,
                ],
            );
            live.unavailable
                .sort_by(|a, b| (&a.category, a.property).cmp(&(&b.category, b.property)));
        }
    }
    live
}

fn chosen_none(live: &LiveEvidence) -> bool {
    live.claims.is_empty() && live.unavailable.is_empty()
}

fn value_label(v: &Value) -> String {
    match v {
        Value::Region(r) => r.clone(),
        Value::Duration(d) => d.to_string(),
        Value::Bool(x) => x.to_string(),
        Value::Key(k) => k.name().to_string(),
        Value::Text(t) => t.en.clone(),
        Value::Protocols(p) => p.iter().map(|x| x.name()).collect::<Vec<_>>().join(", "),
        other => format!("{other:?}"),
    }
}

/// Combine instances: one claim per (category, property) when they agree;
/// when they disagree the property is unavailable with both values named.
fn merge(view: &View, per: Vec<(String, Vec<Draft>, Vec<Gap>)>) -> LiveEvidence {
    // Instances in name order, whatever order they were collected in.
    let mut per = per;
    per.sort_by(|a, b| a.0.cmp(&b.0));
    let mut keys: Vec<(String, Property)> = Vec::new();
    for (_, ds, gs) in &per {
        for k in ds
            .iter()
            .map(|d| (d.category.clone(), d.property))
            .chain(gs.iter().map(|g| (g.category.clone(), g.property)))
        {
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
    }
    keys.sort();
    let multi = per.len() > 1;
    let mut live = LiveEvidence::default();
    for (cat, prop) in keys {
        let drafts: Vec<(&str, &Draft)> = per
            .iter()
            .flat_map(|(l, ds, _)| {
                ds.iter()
                    .filter(|d| d.category == cat && d.property == prop)
                    .map(move |d| (l.as_str(), d))
            })
            .collect();
        let gaps: Vec<(&str, &Gap)> = per
            .iter()
            .flat_map(|(l, _, gs)| {
                gs.iter()
                    .filter(|g| g.category == cat && g.property == prop)
                    .map(move |g| (l.as_str(), g))
            })
            .collect();
        let Some((_, first)) = drafts.first() else {
            let reason = gaps
                .iter()
                .map(|(l, g)| {
                    if multi {
                        format!("{l}: {}", g.reason)
                    } else {
                        g.reason.clone()
                    }
                })
                .collect::<Vec<_>>()
                .join("; ");
            live.unavailable.push(Unavailable {
                category: cat,
                property: prop,
                reason,
            });
            continue;
        };
        let differ = drafts.iter().any(|(_, d)| d.value != first.value);
        let texts = drafts
            .iter()
            .all(|(_, d)| matches!(d.value, Value::Text(_)));
        // Free text (storage, access) is reviewed, not compared: name each instance's.
        let merged_text = (differ && texts).then(|| {
            let part = |f: fn(&Bilingual) -> &String| {
                drafts
                    .iter()
                    .map(|(l, d)| match &d.value {
                        Value::Text(t) => format!("{l}: {}", f(t)),
                        _ => String::new(),
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            Value::Text(b(part(|t| &t.ja), part(|t| &t.en)))
        });
        if differ && merged_text.is_none() {
            let values = drafts
                .iter()
                .map(|(l, d)| format!("{l}: {}", value_label(&d.value)))
                .collect::<Vec<_>>()
                .join(", ");
            live.unavailable.push(Unavailable {
                category: cat,
                property: prop,
                reason: format!(
                    "the instances disagree ({values}); build with --instance to document one"
                ),
            });
            continue;
        }
        let mut caveats: Vec<Bilingual> = Vec::new();
        let mut cites: Vec<(usize, String)> = Vec::new();
        for (_, d) in &drafts {
            for c in &d.caveats {
                if !caveats.contains(c) {
                    caveats.push(c.clone());
                }
            }
            for c in &d.cites {
                if !cites.contains(c) {
                    cites.push(c.clone());
                }
            }
        }
        if multi && !differ {
            let names = md_escape(
                &drafts
                    .iter()
                    .map(|(l, _)| *l)
                    .collect::<Vec<_>>()
                    .join(", "),
            );
            caveats.push(b(
                format!("同じ値を次のインスタンスで確認しました: {names}"),
                format!("The same value was observed in: {names}"),
            ));
        }
        if multi {
            for (l, g) in &gaps {
                let (l, r) = (md_escape(l), md_escape(&g.reason));
                caveats.push(b(
                    format!("インスタンス {l} では取得できませんでした: {r}"),
                    format!("Could not be read for instance {l}: {r}"),
                ));
            }
        }
        let stale = cites.iter().any(|(i, _)| view.stale(*i));
        let explain = if merged_text.is_some() {
            b(
                drafts
                    .iter()
                    .map(|(_, d)| d.explain.ja.clone())
                    .collect::<Vec<_>>()
                    .join(" "),
                drafts
                    .iter()
                    .map(|(_, d)| d.explain.en.clone())
                    .collect::<Vec<_>>()
                    .join(" "),
            )
        } else {
            first.explain.clone()
        };
        live.claims.push(ObservedClaim {
            category: cat,
            property: prop,
            value: merged_text.unwrap_or_else(|| first.value.clone()),
            explain,
            caveats,
            observations: cites.iter().map(|(i, p)| view.cite(*i, p)).collect(),
            stale,
        });
    }
    live
}

struct Out<'a> {
    drafts: &'a mut Vec<Draft>,
    gaps: &'a mut Vec<Gap>,
}

impl Out<'_> {
    fn claim(
        &mut self,
        category: &str,
        property: Property,
        value: Value,
        explain: Bilingual,
        caveats: Vec<Bilingual>,
        cites: Vec<(usize, String)>,
    ) {
        self.drafts.push(Draft {
            category: category.to_string(),
            property,
            value,
            explain,
            caveats,
            cites,
        });
    }
    fn gap(&mut self, category: &str, property: Property, reason: impl Into<String>) {
        self.gaps.push(Gap {
            category: category.to_string(),
            property,
            reason: reason.into(),
        });
    }
    fn gaps(&mut self, category: &str, props: &[Property], reason: &str) {
        for p in props {
            self.gap(category, *p, reason);
        }
    }
}

fn instance(
    v: &View,
    inst: &super::snapshot::InstanceEntry,
    drafts: &mut Vec<Draft>,
    gaps: &mut Vec<Gap>,
) {
    let mut out = Out { drafts, gaps };
    let id = inst.id.as_str();
    let name = md_escape(inst.alias.as_deref().unwrap_or(id));
    let eid = md_escape(id);

    // The instance and its Region.
    match v.one(id, "DescribeInstance", &[]) {
        Some(i) if v.ok(i) => {
            let arn = text_at(v.body(i), "/Instance/Arn").unwrap_or_default();
            match super::connect::arn_parts(arn) {
                Some((r, _)) => out.claim(
                    "contact-center-data",
                    Property::Region,
                    Value::Region(r.to_string()),
                    b(
                        format!("インスタンス {name}（ID {eid}）のARNが示すリージョンです。インスタンス内のデータはこのリージョンに保存されます。"),
                        format!("The Region in the ARN of instance {name} (id {eid}); data kept in the instance is stored there."),
                    ),
                    vec![],
                    vec![(i, "/Instance/Arn".into())],
                ),
                None => out.gap(
                    "contact-center-data",
                    Property::Region,
                    "DescribeInstance returned no instance ARN",
                ),
            }
        }
        Some(i) => out.gap(
            "contact-center-data",
            Property::Region,
            v.failure(i).unwrap_or_default(),
        ),
        None => out.gap(
            "contact-center-data",
            Property::Region,
            v.missing("DescribeInstance"),
        ),
    }

    security_profiles(v, &mut out, id, &name);

    let contact_lens = v
        .one(
            id,
            "DescribeInstanceAttribute",
            &[("AttributeType", "CONTACT_LENS")],
        )
        .filter(|i| v.ok(*i))
        .filter(|i| text_at(v.body(*i), "/Attribute/Value") == Some("true"));

    for (rt, cat) in CATEGORY_OF {
        let pages = v.find(id, "ListInstanceStorageConfigs", &[("ResourceType", rt)]);
        let props: &[Property] = match *cat {
            "streamed-contact-records" | "agent-events" | "media-streams" => STREAM_PROPS,
            _ => S3_PROPS,
        };
        if pages.is_empty() {
            out.gaps(
                cat,
                props,
                &v.missing(&format!("ListInstanceStorageConfigs for {rt}")),
            );
            continue;
        }
        if let Some(reason) = pages.iter().find_map(|i| v.failure(*i)) {
            out.gaps(cat, props, &reason);
            continue;
        }
        let configs: Vec<(usize, usize)> = pages
            .iter()
            .flat_map(|&i| {
                let n = v
                    .body(i)
                    .pointer("/StorageConfigs")
                    .and_then(J::as_array)
                    .map_or(0, Vec::len);
                (0..n).map(move |j| (i, j))
            })
            .collect();
        let Some(&(i, j)) = configs.first() else {
            out.claim(
                cat,
                Property::Storage,
                Value::Text(b(
                    format!("ストレージ設定なし（{rt}）: このインスタンスはこのデータをお客様のアカウントに保存していません。"),
                    format!("No storage config ({rt}): the instance does not store this data in the customer's account."),
                )),
                b(
                    format!("インスタンス {name} には、リソースタイプ {rt} のストレージ設定がありません。"),
                    format!("Instance {name} has no storage config for resource type {rt}."),
                ),
                vec![],
                pages.iter().map(|&i| (i, "/StorageConfigs".to_string())).collect(),
            );
            continue;
        };
        let base = format!("/StorageConfigs/{j}");
        let cfg = v.body(i).pointer(&base).cloned().unwrap_or(J::Null);
        match cfg.get("StorageType").and_then(J::as_str) {
            Some("S3") => s3_claims(v, &mut out, id, cat, rt, i, &base, &cfg, contact_lens),
            Some("KINESIS_STREAM") => kinesis_claims(v, &mut out, id, cat, i, &base, &cfg),
            Some("KINESIS_FIREHOSE") => firehose_claims(v, &mut out, id, cat, i, &base, &cfg),
            Some("KINESIS_VIDEO_STREAM") => kvs_claims(v, &mut out, id, cat, i, &base, &cfg),
            other => out.gaps(
                cat,
                props,
                &format!(
                    "storage type {} is not interpreted",
                    other.unwrap_or("(none)")
                ),
            ),
        }
    }

    flow_logs(v, &mut out, inst, &name);
}

fn security_profiles(v: &View, out: &mut Out, id: &str, name: &str) {
    let pages = v.find(id, "ListSecurityProfiles", &[]);
    if pages.is_empty() {
        out.gap(
            "contact-center-data",
            Property::AccessControl,
            v.missing("ListSecurityProfiles"),
        );
        return;
    }
    if let Some(r) = pages.iter().find_map(|i| v.failure(*i)) {
        out.gap("contact-center-data", Property::AccessControl, r);
        return;
    }
    let mut names: Vec<String> = pages
        .iter()
        .flat_map(|&i| {
            v.body(i)
                .pointer("/SecurityProfileSummaryList")
                .and_then(J::as_array)
                .cloned()
                .unwrap_or_default()
        })
        .filter_map(|p| p.get("Name").and_then(J::as_str).map(str::to_string))
        .collect();
    names.sort();
    let n = names.len();
    let shown = if n > 12 {
        format!("{}, …", names[..12].join(", "))
    } else {
        names.join(", ")
    };
    out.claim(
        "contact-center-data",
        Property::AccessControl,
        Value::Text(b(
            format!("セキュリティプロファイル {n} 件で制御（{shown}）"),
            format!("{n} security profile(s) ({shown})"),
        )),
        b(
            format!("インスタンス {name} のユーザーが何にアクセスできるかは、これらのセキュリティプロファイルの権限で決まります。"),
            format!("What the users of instance {name} can reach is governed by the permissions of these security profiles."),
        ),
        vec![],
        pages
            .iter()
            .map(|&i| (i, "/SecurityProfileSummaryList".to_string()))
            .collect(),
    );
}

/// The owner of a KMS key as DescribeKey showed it, with its citations.
fn key_owner(v: &View, id: &str, key: &str) -> Result<(KeyOwner, Cites, Vec<Bilingual>), String> {
    let Some(d) = v.one(id, "DescribeKey", &[("KeyId", key)]) else {
        return Err(v.missing(&format!("DescribeKey for {key}")));
    };
    if let Some(r) = v.failure(d) {
        return Err(r);
    }
    let body = v.body(d);
    let ek = md_escape(key);
    let owner = match text_at(body, "/KeyMetadata/KeyManager") {
        Some("CUSTOMER") => KeyOwner::CustomerManaged,
        Some("AWS") => KeyOwner::AwsManaged,
        other => {
            return Err(format!(
                "DescribeKey shows KeyManager {}",
                other.unwrap_or("(none)")
            ))
        }
    };
    let mut cites = vec![(d, "/KeyMetadata/KeyManager".to_string())];
    let mut caveats = Vec::new();
    if let Some(state) = text_at(body, "/KeyMetadata/KeyState") {
        if state != "Enabled" {
            caveats.push(b(
                format!("KMSキー {ek} の状態は {} です。有効でないキーではデータを復号できません。", md_escape(state)),
                format!("KMS key {ek} is in state {}; data under a key that is not enabled cannot be decrypted.", md_escape(state)),
            ));
            cites.push((d, "/KeyMetadata/KeyState".into()));
        }
    }
    if let Some(kid) = text_at(body, "/KeyMetadata/KeyId") {
        if let Some(r) = v.one(id, "GetKeyRotationStatus", &[("KeyId", kid)]) {
            if v.ok(r) {
                cites.push((r, "/KeyRotationEnabled".into()));
                if v.body(r).get("KeyRotationEnabled").and_then(J::as_bool) == Some(false) {
                    caveats.push(b(
                        format!("KMSキー {ek} の自動ローテーションは無効です。"),
                        format!("Automatic rotation of KMS key {ek} is off."),
                    ));
                }
            }
        }
    }
    Ok((owner, cites, caveats))
}

fn key_text(o: KeyOwner) -> (&'static str, &'static str) {
    match o {
        KeyOwner::CustomerManaged => ("顧客管理キー", "a customer managed key"),
        KeyOwner::AwsManaged => ("AWSマネージドキー", "an AWS managed key"),
        KeyOwner::AwsOwned => ("AWS所有キー", "an AWS owned key"),
    }
}

/// Lifecycle rules that cover every object under `prefix`, and notes on
/// rules that cover only part of it.
struct RuleScan {
    expire_days: Option<(u64, usize)>,
    noncurrent_days: Option<(u64, usize)>,
    partial: Vec<String>,
    dated: Vec<String>,
}

fn scan_rules(rules: &[J], prefix: &str) -> RuleScan {
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
        let narrowed = f.is_some_and(|f| {
            f.get("Tag").is_some()
                || f.pointer("/And/Tags").is_some()
                || f.get("ObjectSizeGreaterThan").is_some()
                || f.get("ObjectSizeLessThan").is_some()
                || f.pointer("/And/ObjectSizeGreaterThan").is_some()
                || f.pointer("/And/ObjectSizeLessThan").is_some()
        });
        let covers = prefix.starts_with(rp);
        let touches = covers || rp.starts_with(prefix);
        if !touches {
            continue;
        }
        if !covers || narrowed {
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

#[allow(clippy::too_many_arguments)]
fn s3_claims(
    v: &View,
    out: &mut Out,
    id: &str,
    cat: &str,
    rt: &str,
    sc: usize,
    base: &str,
    cfg: &J,
    contact_lens: Option<usize>,
) {
    let bucket = text_at(cfg, "/S3Config/BucketName")
        .unwrap_or_default()
        .to_string();
    let prefix = text_at(cfg, "/S3Config/BucketPrefix")
        .unwrap_or_default()
        .to_string();
    let sc_bucket = (sc, format!("{base}/S3Config/BucketName"));
    let sc_prefix = (sc, format!("{base}/S3Config/BucketPrefix"));
    let (bucket_raw, prefix_raw) = (bucket, prefix);
    // Escaped for the Markdown of explanations; raw for values and lookups.
    let (bucket, prefix) = (md_escape(&bucket_raw), md_escape(&prefix_raw));
    let q = [("Bucket", bucket_raw.as_str())];

    out.claim(
        cat,
        Property::Storage,
        Value::Text(b(
            format!("S3バケット {bucket_raw}（プレフィックス {prefix_raw}）"),
            format!("S3 bucket {bucket_raw}, prefix {prefix_raw}"),
        )),
        b(
            format!("ストレージ設定（{rt}）が、このバケットとプレフィックスを指定しています。"),
            format!("The {rt} storage config names this bucket and prefix."),
        ),
        vec![],
        vec![sc_bucket.clone(), sc_prefix.clone()],
    );

    // Region: where the bucket is.
    let loc = v.one(id, "GetBucketLocation", &q);
    match loc {
        Some(l) if v.ok(l) => {
            let r = super::s3::region_of_constraint(text_at(v.body(l), "/LocationConstraint"));
            out.claim(
                cat,
                Property::Region,
                Value::Region(r.clone()),
                b(
                    format!(
                        "バケット {bucket} の所在リージョンは {} です。",
                        md_escape(&r)
                    ),
                    format!("Bucket {bucket} is located in {}.", md_escape(&r)),
                ),
                vec![],
                vec![(l, "/LocationConstraint".into()), sc_bucket.clone()],
            );
        }
        Some(l) => out.gap(cat, Property::Region, v.failure(l).unwrap_or_default()),
        None => out.gap(cat, Property::Region, v.missing("GetBucketLocation")),
    }
    let loc_cite = loc
        .filter(|l| v.ok(*l))
        .map(|l| (l, "/LocationConstraint".to_string()));

    // Encryption key (cited by retention too: the chain names the key).
    let sc_key = text_at(cfg, "/S3Config/EncryptionConfig/KeyId").map(str::to_string);
    let enc = v.one(id, "GetBucketEncryption", &q);
    let mut key_cites: Vec<(usize, String)> = Vec::new();
    let key_result: Result<(KeyOwner, Bilingual, Vec<Bilingual>), String> = if let Some(k) = &sc_key
    {
        key_owner(v, id, k).map(|(o, c, cv)| {
            key_cites.extend(c);
            key_cites.push((sc, format!("{base}/S3Config/EncryptionConfig/KeyId")));
            let (ja, en) = key_text(o);
            (
                o,
                b(
                    format!("ストレージ設定がKMSキー {} を指定しており、このキーは{ja}です。オブジェクトはこのキーでSSE-KMS暗号化されます。", md_escape(k)),
                    format!("The storage config names KMS key {}, which is {en}; objects are encrypted with it (SSE-KMS).", md_escape(k)),
                ),
                cv,
            )
        })
    } else {
        match enc {
            Some(e) if v.ok(e) => {
                let alg = text_at(v.body(e), "/ServerSideEncryptionConfiguration/Rules/0/ApplyServerSideEncryptionByDefault/SSEAlgorithm")
                    .unwrap_or("")
                    .to_string();
                let kid = text_at(v.body(e), "/ServerSideEncryptionConfiguration/Rules/0/ApplyServerSideEncryptionByDefault/KMSMasterKeyID")
                    .map(str::to_string);
                key_cites.push((
                    e,
                    "/ServerSideEncryptionConfiguration/Rules/0/ApplyServerSideEncryptionByDefault"
                        .into(),
                ));
                let note = b(
                    "ストレージ設定にはKMSキーの指定がないため、バケットの既定の暗号化設定を根拠にしています。",
                    "The storage config names no KMS key, so this rests on the bucket's default encryption.",
                );
                match (alg.as_str(), kid) {
                    ("aws:kms" | "aws:kms:dsse", Some(k)) => key_owner(v, id, &k).map(|(o, c, mut cv)| {
                        key_cites.extend(c);
                        cv.push(note.clone());
                        let (ja, en) = key_text(o);
                        (o, b(
                            format!("バケット {bucket} の既定の暗号化はKMSキー {}（{ja}）を使います。", md_escape(&k)),
                            format!("Bucket {bucket} encrypts by default with KMS key {}, which is {en}.", md_escape(&k)),
                        ), cv)
                    }),
                    ("aws:kms" | "aws:kms:dsse", None) => Ok((KeyOwner::AwsManaged, b(
                        format!("バケット {bucket} の既定の暗号化はSSE-KMS（AWSマネージドキー aws/s3）です。"),
                        format!("Bucket {bucket} encrypts by default with SSE-KMS under the AWS managed key aws/s3."),
                    ), vec![note])),
                    ("AES256", _) => Ok((KeyOwner::AwsOwned, b(
                        format!("バケット {bucket} の既定の暗号化はSSE-S3（S3が管理するキー）です。"),
                        format!("Bucket {bucket} encrypts by default with SSE-S3 (keys owned and managed by S3)."),
                    ), vec![note])),
                    (other, _) => Err(format!("bucket default encryption `{other}` is not recognised")),
                }
            }
            Some(e) if v.not_configured(e) => Err(format!(
                "bucket {bucket_raw} has no default encryption and the storage config names no KMS key"
            )),
            Some(e) => Err(v.failure(e).unwrap_or_default()),
            None => Err(v.missing("GetBucketEncryption")),
        }
    };
    match &key_result {
        Ok((o, explain, cv)) => {
            out.claim(
                cat,
                Property::EncryptionAtRestKey,
                Value::Key(*o),
                explain.clone(),
                cv.clone(),
                key_cites.clone(),
            );
            out.claim(
                cat,
                Property::EncryptionAtRest,
                Value::Bool(true),
                explain.clone(),
                vec![],
                key_cites.clone(),
            );
        }
        Err(r) => {
            out.gap(cat, Property::EncryptionAtRestKey, r.clone());
            // A key named in the storage config encrypts, whoever manages it.
            match &sc_key {
                Some(k) => out.claim(
                    cat,
                    Property::EncryptionAtRest,
                    Value::Bool(true),
                    b(
                        format!("ストレージ設定がKMSキー {} を指定しているため、オブジェクトはSSE-KMSで暗号化されます。", md_escape(k)),
                        format!("The storage config names KMS key {}, so objects are encrypted with SSE-KMS.", md_escape(k)),
                    ),
                    vec![],
                    vec![(sc, format!("{base}/S3Config/EncryptionConfig/KeyId"))],
                ),
                None => out.gap(cat, Property::EncryptionAtRest, r.clone()),
            }
        }
    }

    // Versioning and Object Lock.
    let ver = v.one(id, "GetBucketVersioning", &q);
    let ver_status: Result<String, String> = match ver {
        Some(i) if v.ok(i) => Ok(text_at(v.body(i), "/Status").unwrap_or("").to_string()),
        Some(i) => Err(v.failure(i).unwrap_or_default()),
        None => Err(v.missing("GetBucketVersioning")),
    };
    let lock = v.one(id, "GetObjectLockConfiguration", &q);
    // (enabled, default retention, mode)
    let lock_state: Result<(bool, Option<Duration>, String), String> = match lock {
        Some(i) if v.ok(i) => {
            let body = v.body(i);
            let on = text_at(body, "/ObjectLockConfiguration/ObjectLockEnabled") == Some("Enabled");
            let d = body.pointer("/ObjectLockConfiguration/Rule/DefaultRetention");
            let period = d.and_then(|d| {
                d.get("Days").and_then(J::as_u64).map(days).or_else(|| {
                    d.get("Years")
                        .and_then(J::as_u64)
                        .map(|y| Duration::Finite {
                            months: (y * 12) as u32,
                            seconds: 0,
                            unit: Unit::Years,
                        })
                })
            });
            let mode = md_escape(
                d.and_then(|d| d.get("Mode"))
                    .and_then(J::as_str)
                    .unwrap_or(""),
            );
            Ok((on, period, mode))
        }
        Some(i) if v.not_configured(i) => Ok((false, None, String::new())),
        Some(i) => Err(v.failure(i).unwrap_or_default()),
        None => Err(v.missing("GetObjectLockConfiguration")),
    };
    let ver_cite = ver.map(|i| {
        (
            i,
            if v.ok(i) {
                "/Status".to_string()
            } else {
                "/Error/Code".to_string()
            },
        )
    });
    let lock_cite = lock.filter(|i| v.ok(*i) || v.not_configured(*i)).map(|i| {
        (
            i,
            if v.ok(i) {
                "/ObjectLockConfiguration".to_string()
            } else {
                "/Error/Code".to_string()
            },
        )
    });

    // Retention.
    let lc = v.one(id, "GetBucketLifecycleConfiguration", &q);
    let versioned = matches!(ver_status.as_deref(), Ok("Enabled"));
    match lc {
        Some(l) if v.ok(l) || v.not_configured(l) => {
            let rules = v
                .body(l)
                .get("Rules")
                .and_then(J::as_array)
                .cloned()
                .unwrap_or_default();
            let s = scan_rules(&rules, &prefix_raw);
            let mut cites = vec![sc_bucket.clone(), sc_prefix.clone()];
            cites.extend(loc_cite.clone());
            let mut caveats = Vec::new();
            let (mut value, mut explain) = match s.expire_days {
                None => {
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
                        b(
                            format!("バケット {bucket} のプレフィックス {prefix} に適用される有効な失効ルールがないため、データは削除されるまで保持されます。"),
                            format!("No enabled lifecycle rule expires objects under prefix {prefix} in bucket {bucket}, so the data is kept until someone deletes it."),
                        ),
                    )
                }
                Some((d, k)) => {
                    let rid =
                        md_escape(rules[k].get("ID").and_then(J::as_str).unwrap_or("(no id)"));
                    cites.insert(
                        0,
                        (l, ptr(&["Rules", &k.to_string(), "Expiration", "Days"])),
                    );
                    if versioned {
                        match s.noncurrent_days {
                            Some((n, k2)) => {
                                cites.insert(1, (l, ptr(&["Rules", &k2.to_string(), "NoncurrentVersionExpiration", "NoncurrentDays"])));
                                (
                                    days(d + n),
                                    b(
                                        format!("ライフサイクルルール {rid} がオブジェクトを作成から{d}日後に失効させます。バケットはバージョニングが有効なため、失効したデータは非現行バージョンとしてさらに{n}日残り（NoncurrentVersionExpiration）、合計{}日保持されます。", d + n),
                                        format!("Lifecycle rule {rid} expires objects {d} days after creation. The bucket is versioned, so expired data stays as a noncurrent version for {n} more days (NoncurrentVersionExpiration): {} days in all.", d + n),
                                    ),
                                )
                            }
                            None => (
                                Duration::Never,
                                b(
                                    format!("ライフサイクルルール {rid} は作成から{d}日後にオブジェクトを失効させますが、バケットはバージョニングが有効で、非現行バージョンを削除するルール（NoncurrentVersionExpiration）がありません。失効・削除したデータは非現行バージョンとして無期限に残ります。"),
                                    format!("Lifecycle rule {rid} expires objects {d} days after creation, but the bucket is versioned and no rule sets NoncurrentVersionExpiration: expired or deleted data persists as noncurrent versions indefinitely."),
                                ),
                            ),
                        }
                    } else {
                        (
                            days(d),
                            b(
                                format!("ライフサイクルルール {rid} が、バケット {bucket} のプレフィックス {prefix} のオブジェクトを作成から{d}日後に失効させます。"),
                                format!("Lifecycle rule {rid} expires objects under prefix {prefix} in bucket {bucket} {d} days after creation."),
                            ),
                        )
                    }
                }
            };
            if let Some(c) = &ver_cite {
                cites.push(c.clone());
            }
            match &ver_status {
                Err(r) => caveats.push(b(
                    format!("バージョニング設定を取得できませんでした（{r}）。有効な場合、失効・削除したデータは非現行バージョンとして残ります。"),
                    format!("Versioning could not be read ({r}); if it is on, expired or deleted data persists as noncurrent versions."),
                )),
                Ok(s) if s == "Suspended" => caveats.push(b(
                    "バージョニングは停止中です。停止前に作られた非現行バージョンは残っている可能性があります。",
                    "Versioning is suspended; noncurrent versions made before it was suspended may remain.",
                )),
                _ => {}
            }
            if let Some(c) = &lock_cite {
                cites.push(c.clone());
            }
            match &lock_state {
                Ok((true, Some(p), mode)) => {
                    if value.at_most(p) && value != *p {
                        value = *p;
                        explain = b(
                            format!("{} ただしオブジェクトロック（{mode}、{}）により、各オブジェクトはその期間が終わるまで削除できないため、少なくともその期間保持されます。", explain.ja, p.to_japanese()),
                            format!("{} Object Lock ({mode}, {p}) keeps every object at least that long, so the lock period governs.", explain.en),
                        );
                    } else {
                        caveats.push(b(
                            format!(
                                "オブジェクトロック（{mode}、{}）が有効です。",
                                p.to_japanese()
                            ),
                            format!("Object Lock ({mode}, {p}) is on."),
                        ));
                    }
                }
                Err(r) => caveats.push(b(
                    format!("オブジェクトロック設定を取得できませんでした（{r}）。"),
                    format!("The Object Lock configuration could not be read ({r})."),
                )),
                _ => {}
            }
            for rid in &s.partial {
                caveats.push(b(
                    format!("ライフサイクルルール {rid} は、このデータの一部（より狭いプレフィックス、タグ、サイズ）にだけ適用されます。"),
                    format!("Lifecycle rule {rid} applies only to part of this data (a narrower prefix, tags or object size)."),
                ));
            }
            for rid in &s.dated {
                caveats.push(b(
                    format!("ライフサイクルルール {rid} は固定の日付で失効させます（期間ではありません）。"),
                    format!("Lifecycle rule {rid} expires objects on a fixed date, not after a period."),
                ));
            }
            cites.extend(key_cites.iter().cloned());
            out.claim(
                cat,
                Property::Retention,
                Value::Duration(value),
                explain,
                caveats,
                cites,
            );
        }
        Some(l) => out.gap(cat, Property::Retention, v.failure(l).unwrap_or_default()),
        None => out.gap(
            cat,
            Property::Retention,
            v.missing("GetBucketLifecycleConfiguration"),
        ),
    }

    // Deletion on request.
    let mut cites = vec![sc_bucket.clone()];
    cites.extend(ver_cite.clone());
    cites.extend(lock_cite.clone());
    let mut caveats = Vec::new();
    if let Some(cl) = contact_lens {
        cites.push((cl, "/Attribute/Value".into()));
        caveats.push(b(
            "Contact Lensが有効です。秘匿化済みと未秘匿化の両方のファイルを削除する必要があります。",
            "Contact Lens is on: both the redacted and the unredacted files have to be deleted.",
        ));
    }
    let noncurrent = match lc {
        Some(l) if v.ok(l) => scan_rules(
            v.body(l)
                .get("Rules")
                .and_then(J::as_array)
                .map(Vec::as_slice)
                .unwrap_or_default(),
            &prefix_raw,
        )
        .noncurrent_days
        .map(|(n, _)| n),
        _ => None,
    };
    match (&lock_state, &ver_status) {
        (Err(r1), Err(r2)) => out.gap(cat, Property::DeletionOnRequest, format!("{r1}; {r2}")),
        (Ok((true, Some(p), mode)), _) => {
            if mode == "GOVERNANCE" {
                caveats.push(b(
                    "ガバナンスモードでは、s3:BypassGovernanceRetention 権限を持つユーザーはロックを解除して削除できます。",
                    "In governance mode, a user with s3:BypassGovernanceRetention can lift the lock and delete.",
                ));
            }
            out.claim(
                cat,
                Property::DeletionOnRequest,
                Value::Bool(false),
                b(
                    format!("バケット {bucket} はオブジェクトロック（{mode}、既定の保持期間 {}）が有効です。各オブジェクトは保持期間が終わるまで削除できないため、個別の削除依頼にはその期間が過ぎるまで応じられません。", p.to_japanese()),
                    format!("Bucket {bucket} has Object Lock on ({mode}, default retention {p}). No object can be deleted before its retention ends, so a request to delete one cannot be honoured until then."),
                ),
                caveats,
                cites,
            );
        }
        (lock_r, ver_r) => {
            if let Ok((true, None, _)) = lock_r {
                caveats.push(b(
                    "バケットでオブジェクトロックが有効です。個別に保持期間を設定されたオブジェクトは、その期間が終わるまで削除できません。",
                    "Object Lock is enabled on the bucket: an object given its own retention period cannot be deleted until it ends.",
                ));
            }
            if let Err(r) = lock_r {
                caveats.push(b(
                    format!("オブジェクトロック設定を取得できませんでした（{r}）。"),
                    format!("The Object Lock configuration could not be read ({r})."),
                ));
            }
            let explain = match ver_r {
                Ok(s) if s == "Enabled" => match noncurrent {
                    Some(n) => b(
                        format!("オブジェクトはバケット {bucket} から削除できます。バージョニングが有効なため、削除したデータは非現行バージョンとして最大{n}日残ってから消えます（すぐに消すには全バージョンを削除します）。"),
                        format!("Objects can be deleted from bucket {bucket}. The bucket is versioned, so deleted data lingers as a noncurrent version for up to {n} days (delete every version to erase it at once)."),
                    ),
                    None => {
                        caveats.push(b(
                            "通常の削除は削除マーカーを付けるだけで、データは非現行バージョンとして残ります。NoncurrentVersionExpiration ルールがないため、全バージョンを明示的に削除しない限り消えません。",
                            "A plain delete only adds a delete marker; the data stays as a noncurrent version, and with no NoncurrentVersionExpiration rule it is never removed unless every version is deleted explicitly.",
                        ));
                        b(
                            format!("オブジェクトはバケット {bucket} から削除できますが、バージョニングが有効なため、各バージョンを指定して削除する必要があります。"),
                            format!("Objects can be deleted from bucket {bucket}, but the bucket is versioned: each version has to be deleted by version id."),
                        )
                    }
                },
                Ok(_) => b(
                    format!("オブジェクトはバケット {bucket} から削除できます。バージョニングは有効ではないため、削除すると元に戻りません。"),
                    format!("Objects can be deleted from bucket {bucket}; versioning is not on, so a deletion is final."),
                ),
                Err(r) => {
                    caveats.push(b(
                        format!("バージョニング設定を取得できませんでした（{r}）。有効な場合、削除したデータは非現行バージョンとして残ります。"),
                        format!("Versioning could not be read ({r}); if it is on, deleted data persists as noncurrent versions."),
                    ));
                    b(
                        format!("オブジェクトはバケット {bucket} から削除できます。"),
                        format!("Objects can be deleted from bucket {bucket}."),
                    )
                }
            };
            out.claim(
                cat,
                Property::DeletionOnRequest,
                Value::Bool(true),
                explain,
                caveats,
                cites,
            );
        }
    }

    // Access: public access block and TLS-only policy.
    let pab = v.one(id, "GetPublicAccessBlock", &q);
    let pol = v.one(id, "GetBucketPolicy", &q);
    let mut cites = vec![sc_bucket];
    let (pab_ja, pab_en) = match pab {
        Some(i) if v.ok(i) => {
            cites.push((i, "/PublicAccessBlockConfiguration".into()));
            let c = v.body(i).get("PublicAccessBlockConfiguration");
            let all = [
                "BlockPublicAcls",
                "IgnorePublicAcls",
                "BlockPublicPolicy",
                "RestrictPublicBuckets",
            ]
            .iter()
            .all(|k| c.and_then(|c| c.get(*k)).and_then(J::as_bool) == Some(true));
            if all {
                (
                    "パブリックアクセスはすべてブロック".to_string(),
                    "all public access blocked".to_string(),
                )
            } else {
                (
                    "パブリックアクセスのブロックは一部のみ".to_string(),
                    "public access only partly blocked".to_string(),
                )
            }
        }
        Some(i) if v.not_configured(i) => {
            cites.push((i, "/Error/Code".into()));
            (
                "バケットにパブリックアクセスブロック設定なし".to_string(),
                "no public access block on the bucket".to_string(),
            )
        }
        Some(i) => {
            let r = v.failure(i).unwrap_or_default();
            (
                format!("パブリックアクセスブロックは不明（{r}）"),
                format!("public access block unknown ({r})"),
            )
        }
        None => (
            "パブリックアクセスブロックは不明".into(),
            "public access block unknown".into(),
        ),
    };
    let (tls_ja, tls_en) = match pol {
        Some(i) if v.ok(i) => {
            cites.push((i, "/Policy".into()));
            let doc: J = text_at(v.body(i), "/Policy")
                .and_then(|p| serde_json::from_str(p).ok())
                .unwrap_or(J::Null);
            if tls_only(&doc) {
                (
                    "バケットポリシーでTLS以外の要求を拒否（aws:SecureTransport）".to_string(),
                    "bucket policy denies requests without TLS (aws:SecureTransport)".to_string(),
                )
            } else {
                (
                    "バケットポリシーにTLS必須の条件なし".to_string(),
                    "bucket policy does not require TLS".to_string(),
                )
            }
        }
        Some(i) if v.not_configured(i) => {
            cites.push((i, "/Error/Code".into()));
            (
                "バケットポリシーなし（TLS必須の条件なし）".to_string(),
                "no bucket policy (TLS not required)".to_string(),
            )
        }
        Some(i) => {
            let r = v.failure(i).unwrap_or_default();
            (
                format!("バケットポリシーは不明（{r}）"),
                format!("bucket policy unknown ({r})"),
            )
        }
        None => (
            "バケットポリシーは不明".into(),
            "bucket policy unknown".into(),
        ),
    };
    if cites.len() == 1 {
        let reasons: Vec<String> = [pab, pol]
            .iter()
            .flatten()
            .filter_map(|i| v.failure(*i))
            .collect();
        out.gap(
            cat,
            Property::AccessControl,
            if reasons.is_empty() {
                v.missing("GetPublicAccessBlock")
            } else {
                reasons.join("; ")
            },
        );
    } else {
        out.claim(
            cat,
            Property::AccessControl,
            Value::Text(b(
                format!("Connect内はセキュリティプロファイルの権限、S3バケット {bucket_raw}: {pab_ja}、{tls_ja}"),
                format!("Security profile permissions inside Connect; S3 bucket {bucket_raw}: {pab_en}, {tls_en}"),
            )),
            b(
                format!("管理画面での再生・ダウンロードはセキュリティプロファイルの権限で、バケットへの直接アクセスはIAM、バケットポリシー、パブリックアクセスブロックで制御されます。バケット {bucket} の設定を実測しました。"),
                format!("Playback and download in the admin website follow security profile permissions; direct access to the bucket follows IAM, the bucket policy and the public access block, which were read from bucket {bucket}."),
            ),
            vec![],
            cites,
        );
    }
}

/// Does a bucket policy deny every request made without TLS?
fn tls_only(doc: &J) -> bool {
    let stmts = match doc.get("Statement") {
        Some(J::Array(a)) => a.clone(),
        Some(o @ J::Object(_)) => vec![o.clone()],
        _ => return false,
    };
    stmts.iter().any(|s| {
        s.get("Effect").and_then(J::as_str) == Some("Deny")
            && s.pointer("/Condition/Bool/aws:SecureTransport")
                .is_some_and(|x| match x {
                    J::String(t) => t.eq_ignore_ascii_case("false"),
                    J::Bool(false) => true,
                    J::Array(a) => a.iter().any(|t| t.as_str() == Some("false")),
                    _ => false,
                })
    })
}

fn arn_region(arn: &str) -> Option<String> {
    super::connect::arn_parts(arn).map(|(r, _)| r.to_string())
}

fn stream_common(out: &mut Out, cat: &str, what: Bilingual, arn: &str, sc_cite: (usize, String)) {
    out.claim(
        cat,
        Property::Storage,
        Value::Text(what.clone()),
        b(
            format!(
                "ストレージ設定が {} を指定しています。",
                md_escape(&what.ja)
            ),
            format!("The storage config names {}.", md_escape(&what.en)),
        ),
        vec![],
        vec![sc_cite.clone()],
    );
    match arn_region(arn) {
        Some(r) => out.claim(
            cat,
            Property::Region,
            Value::Region(r.clone()),
            b(
                format!(
                    "ARN {} が示すリージョンは {} です。",
                    md_escape(arn),
                    md_escape(&r)
                ),
                format!("ARN {} is in {}.", md_escape(arn), md_escape(&r)),
            ),
            vec![],
            vec![sc_cite],
        ),
        None => out.gap(cat, Property::Region, format!("`{arn}` is not an ARN")),
    }
}

fn kinesis_claims(v: &View, out: &mut Out, id: &str, cat: &str, sc: usize, base: &str, cfg: &J) {
    let arn = text_at(cfg, "/KinesisStreamConfig/StreamArn")
        .unwrap_or_default()
        .to_string();
    let name = arn.rsplit('/').next().unwrap_or(&arn).to_string();
    let sc_cite = (sc, format!("{base}/KinesisStreamConfig/StreamArn"));
    stream_common(
        out,
        cat,
        b(
            format!("Kinesisデータストリーム {name}"),
            format!("Kinesis data stream {name}"),
        ),
        &arn,
        sc_cite.clone(),
    );
    let (name_raw, name) = (name.clone(), md_escape(&name));
    let Some(d) = v.one(id, "DescribeStreamSummary", &[("StreamARN", arn.as_str())]) else {
        out.gaps(
            cat,
            &[
                Property::Retention,
                Property::EncryptionAtRest,
                Property::EncryptionAtRestKey,
            ],
            &v.missing("DescribeStreamSummary"),
        );
        return;
    };
    if let Some(r) = v.failure(d) {
        out.gaps(
            cat,
            &[
                Property::Retention,
                Property::EncryptionAtRest,
                Property::EncryptionAtRestKey,
            ],
            &r,
        );
        return;
    }
    let body = v.body(d);
    match body.pointer("/StreamDescriptionSummary/RetentionPeriodHours").and_then(J::as_u64) {
        Some(h) => out.claim(
            cat,
            Property::Retention,
            Value::Duration(hours(h)),
            b(
                format!("ストリーム {name} の保持期間は{h}時間です。その後、レコードはストリームから消えます。"),
                format!("Stream {name} keeps records for {h} hours; after that they leave the stream."),
            ),
            vec![],
            vec![sc_cite.clone(), (d, "/StreamDescriptionSummary/RetentionPeriodHours".into())],
        ),
        None => out.gap(cat, Property::Retention, "DescribeStreamSummary shows no RetentionPeriodHours"),
    }
    let et = text_at(body, "/StreamDescriptionSummary/EncryptionType").unwrap_or("NONE");
    let et_cite = (d, "/StreamDescriptionSummary/EncryptionType".to_string());
    if et == "NONE" {
        out.claim(
            cat,
            Property::EncryptionAtRest,
            Value::Bool(false),
            b(
                format!("ストリーム {name} はサーバー側暗号化が無効です（EncryptionType NONE）。"),
                format!("Stream {name} has no server-side encryption (EncryptionType NONE)."),
            ),
            vec![],
            vec![sc_cite, et_cite],
        );
        out.gap(
            cat,
            Property::EncryptionAtRestKey,
            format!("stream {name_raw} is not encrypted (EncryptionType NONE)"),
        );
        return;
    }
    out.claim(
        cat,
        Property::EncryptionAtRest,
        Value::Bool(true),
        b(
            format!("ストリーム {name} はKMSでサーバー側暗号化されています。"),
            format!("Stream {name} is encrypted server-side with KMS."),
        ),
        vec![],
        vec![sc_cite.clone(), et_cite.clone()],
    );
    let key = text_at(body, "/StreamDescriptionSummary/KeyId")
        .unwrap_or_default()
        .to_string();
    let ek = md_escape(&key);
    let key_cite = (d, "/StreamDescriptionSummary/KeyId".to_string());
    match key_owner(v, id, &key) {
        Ok((o, mut c, cv)) => {
            let (ja, en) = key_text(o);
            let mut cites = vec![sc_cite, key_cite];
            cites.append(&mut c);
            out.claim(
                cat,
                Property::EncryptionAtRestKey,
                Value::Key(o),
                b(
                    format!("ストリーム {name} はKMSキー {ek}（{ja}）で暗号化されています。"),
                    format!("Stream {name} is encrypted with KMS key {ek}, which is {en}."),
                ),
                cv,
                cites,
            );
        }
        Err(_) if key == "alias/aws/kinesis" => out.claim(
            cat,
            Property::EncryptionAtRestKey,
            Value::Key(KeyOwner::AwsManaged),
            b(
                format!("ストリーム {name} はAWSマネージドキー aws/kinesis で暗号化されています。"),
                format!("Stream {name} is encrypted with the AWS managed key aws/kinesis."),
            ),
            vec![],
            vec![sc_cite, key_cite],
        ),
        Err(r) => out.gap(cat, Property::EncryptionAtRestKey, r),
    }
}

fn firehose_claims(v: &View, out: &mut Out, id: &str, cat: &str, sc: usize, base: &str, cfg: &J) {
    let arn = text_at(cfg, "/KinesisFirehoseConfig/FirehoseArn")
        .unwrap_or_default()
        .to_string();
    let name = arn.rsplit('/').next().unwrap_or(&arn).to_string();
    let sc_cite = (sc, format!("{base}/KinesisFirehoseConfig/FirehoseArn"));
    stream_common(
        out,
        cat,
        b(
            format!("Firehose配信ストリーム {name}"),
            format!("Firehose delivery stream {name}"),
        ),
        &arn,
        sc_cite.clone(),
    );
    let (name_raw, name) = (name.clone(), md_escape(&name));
    let Some(d) = v.one(
        id,
        "DescribeDeliveryStream",
        &[("DeliveryStreamName", name.as_str())],
    ) else {
        out.gaps(
            cat,
            &[Property::EncryptionAtRestKey],
            &v.missing("DescribeDeliveryStream"),
        );
        return;
    };
    if let Some(r) = v.failure(d) {
        out.gaps(cat, &[Property::EncryptionAtRestKey], &r);
        return;
    }
    let body = v.body(d);
    let p = "/DeliveryStreamDescription/DeliveryStreamEncryptionConfiguration";
    let status = text_at(body, &format!("{p}/Status")).unwrap_or("DISABLED");
    let cite = (d, format!("{p}/Status"));
    if status != "ENABLED" {
        out.gap(
            cat,
            Property::EncryptionAtRestKey,
            format!("server-side encryption of delivery stream {name_raw} is {status}"),
        );
        return;
    }
    match text_at(body, &format!("{p}/KeyType")) {
        Some("CUSTOMER_MANAGED_CMK") => {
            let key = text_at(body, &format!("{p}/KeyARN"))
                .unwrap_or_default()
                .to_string();
            let ek = md_escape(&key);
            match key_owner(v, id, &key) {
                Ok((o, mut c, cv)) => {
                    let (ja, en) = key_text(o);
                    let mut cites = vec![sc_cite, cite, (d, format!("{p}/KeyARN"))];
                    cites.append(&mut c);
                    out.claim(cat, Property::EncryptionAtRestKey, Value::Key(o),
                        b(format!("配信ストリーム {name} はKMSキー {ek}（{ja}）で暗号化されています。"), format!("Delivery stream {name} is encrypted with KMS key {ek}, which is {en}.")),
                        cv, cites);
                }
                Err(r) => out.gap(cat, Property::EncryptionAtRestKey, r),
            }
        }
        _ => out.claim(
            cat,
            Property::EncryptionAtRestKey,
            Value::Key(KeyOwner::AwsOwned),
            b(
                format!("配信ストリーム {name} はAWS所有キーで暗号化されています。"),
                format!("Delivery stream {name} is encrypted with an AWS owned key."),
            ),
            vec![],
            vec![sc_cite, cite, (d, format!("{p}/KeyType"))],
        ),
    }
}

fn kvs_claims(v: &View, out: &mut Out, id: &str, cat: &str, sc: usize, base: &str, cfg: &J) {
    let prefix = text_at(cfg, "/KinesisVideoStreamConfig/Prefix")
        .unwrap_or_default()
        .to_string();
    let sc_cite = (sc, format!("{base}/KinesisVideoStreamConfig"));
    out.claim(
        cat,
        Property::Storage,
        Value::Text(b(
            format!("Kinesis Video Streams（プレフィックス {prefix}）"),
            format!("Kinesis Video Streams, prefix {prefix}"),
        )),
        b(
            "ストレージ設定がKinesis Video Streamsを指定しています。",
            "The storage config names Kinesis Video Streams.",
        ),
        vec![],
        vec![sc_cite.clone()],
    );
    if let Some(h) = cfg
        .pointer("/KinesisVideoStreamConfig/RetentionPeriodHours")
        .and_then(J::as_u64)
    {
        let explain = if h == 0 {
            b(
                "保持期間が0時間のため、メディアはストリームに保存されません。",
                "Retention is 0 hours: media is not persisted in the stream.",
            )
        } else {
            b(
                format!("メディアストリームの保持期間は{h}時間です。"),
                format!("Media streams are kept for {h} hours."),
            )
        };
        out.claim(
            cat,
            Property::Retention,
            Value::Duration(hours(h)),
            explain,
            vec![],
            vec![(
                sc,
                format!("{base}/KinesisVideoStreamConfig/RetentionPeriodHours"),
            )],
        );
    }
    if let Some(key) = text_at(cfg, "/KinesisVideoStreamConfig/EncryptionConfig/KeyId") {
        match key_owner(v, id, key) {
            Ok((o, mut c, cv)) => {
                let (ja, en) = key_text(o);
                let mut cites = vec![(
                    sc,
                    format!("{base}/KinesisVideoStreamConfig/EncryptionConfig/KeyId"),
                )];
                cites.append(&mut c);
                out.claim(
                    cat,
                    Property::EncryptionAtRestKey,
                    Value::Key(o),
                    b(
                        format!(
                            "メディアストリームはKMSキー {}（{ja}）で暗号化されます。",
                            md_escape(key)
                        ),
                        format!(
                            "Media streams are encrypted with KMS key {}, which is {en}.",
                            md_escape(key)
                        ),
                    ),
                    cv,
                    cites,
                );
            }
            Err(r) => out.gap(cat, Property::EncryptionAtRestKey, r),
        }
    }
}

fn flow_logs(v: &View, out: &mut Out, inst: &super::snapshot::InstanceEntry, name: &str) {
    const CAT: &str = "flow-logs";
    let props = [
        Property::Region,
        Property::Retention,
        Property::EncryptionAtRestKey,
    ];
    let id = inst.id.as_str();
    let attr = v.one(
        id,
        "DescribeInstanceAttribute",
        &[("AttributeType", "CONTACTFLOW_LOGS")],
    );
    let mut cites = Vec::new();
    match attr {
        Some(a) if v.ok(a) => {
            let on = text_at(v.body(a), "/Attribute/Value");
            cites.push((a, "/Attribute/Value".to_string()));
            if on == Some("false") {
                out.claim(CAT, Property::Storage, Value::Text(b("フローログは無効（CONTACTFLOW_LOGS=false）", "Flow logging is off (CONTACTFLOW_LOGS=false)")),
                    b(format!("インスタンス {name} ではフローログが無効なため、フローログは書き込まれません。"), format!("Flow logging is off for instance {name}, so no flow logs are written.")),
                    vec![], cites);
                return;
            }
        }
        Some(a) => out.gap(CAT, Property::Storage, v.failure(a).unwrap_or_default()),
        None => out.gap(
            CAT,
            Property::Storage,
            v.missing("DescribeInstanceAttribute CONTACTFLOW_LOGS"),
        ),
    }
    let Some(alias) = &inst.alias else {
        out.gaps(CAT, &props, "the instance alias is unknown (DescribeInstance failed), so its flow-log group cannot be named");
        return;
    };
    let group = super::logs::flow_log_group_name(alias);
    let Some(d) = v.one(
        id,
        "DescribeLogGroups",
        &[("logGroupNamePrefix", group.as_str())],
    ) else {
        out.gaps(CAT, &props, &v.missing("DescribeLogGroups"));
        return;
    };
    if let Some(r) = v.failure(d) {
        out.gaps(CAT, &props, &r);
        return;
    }
    let groups = v
        .body(d)
        .get("logGroups")
        .and_then(J::as_array)
        .cloned()
        .unwrap_or_default();
    let Some(j) = groups
        .iter()
        .position(|g| g.get("logGroupName").and_then(J::as_str) == Some(group.as_str()))
    else {
        out.gaps(
            CAT,
            &props,
            &format!("no log group named {group} (DescribeLogGroups)"),
        );
        return;
    };
    let eg = md_escape(&group);
    // The log group's own field is cited first (a verdict names the first
    // citation), then the CONTACTFLOW_LOGS attribute it rests on.
    let with_attr = |mut c: Vec<(usize, String)>| {
        c.extend(cites.iter().cloned());
        c
    };
    let g = &groups[j];
    let gp = format!("/logGroups/{j}");
    if let Some(r) = g.get("arn").and_then(J::as_str).and_then(arn_region) {
        let mut c = Vec::new();
        c.push((d, format!("{gp}/arn")));
        out.claim(
            CAT,
            Property::Region,
            Value::Region(r.clone()),
            b(
                format!(
                    "ロググループ {eg} はリージョン {} にあります。",
                    md_escape(&r)
                ),
                format!("Log group {eg} is in {}.", md_escape(&r)),
            ),
            vec![],
            with_attr(c),
        );
    }
    let mut c = Vec::new();
    match g.get("retentionInDays").and_then(J::as_u64) {
        Some(n) => {
            c.push((d, format!("{gp}/retentionInDays")));
            out.claim(CAT, Property::Retention, Value::Duration(days(n)),
                b(format!("ロググループ {eg} の保持期間は{n}日です（削除は最大72時間遅れることがあります）。"), format!("Log group {eg} keeps events for {n} days (deletion may lag up to 72 hours).")),
                vec![], with_attr(c));
        }
        None => {
            c.push((d, gp.clone()));
            out.claim(CAT, Property::Retention, Value::Duration(Duration::Never),
                b(format!("ロググループ {eg} に保持期間の設定（retentionInDays）がないため、ログは失効しません。"), format!("Log group {eg} has no retentionInDays, so its events never expire.")),
                vec![], with_attr(c));
        }
    }
    let mut c = Vec::new();
    match g.get("kmsKeyId").and_then(J::as_str) {
        Some(key) => {
            let ek = md_escape(key);
            c.push((d, format!("{gp}/kmsKeyId")));
            match key_owner(v, id, key) {
                Ok((o, mut kc, cv)) => {
                    let (ja, en) = key_text(o);
                    c.append(&mut kc);
                    out.claim(
                        CAT,
                        Property::EncryptionAtRestKey,
                        Value::Key(o),
                        b(
                            format!(
                                "ロググループ {eg} はKMSキー {ek}（{ja}）で暗号化されています。"
                            ),
                            format!(
                                "Log group {eg} is encrypted with KMS key {ek}, which is {en}."
                            ),
                        ),
                        cv,
                        with_attr(c),
                    );
                }
                Err(r) => out.gap(CAT, Property::EncryptionAtRestKey, r),
            }
        }
        None => {
            c.push((d, gp));
            out.claim(CAT, Property::EncryptionAtRestKey, Value::Key(KeyOwner::AwsOwned),
                b(format!("ロググループ {eg} にKMSキーの関連付け（kmsKeyId）がないため、CloudWatch Logsが管理するキーで暗号化されます。"), format!("Log group {eg} has no kmsKeyId, so CloudWatch Logs encrypts it with keys the service owns.")),
                vec![], with_attr(c));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

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
}
