//! Contact Lens outputs, from the flows a collection fetched: where a
//! `UpdateContactRecordingAndAnalyticsBehavior` block (or the older
//! `UpdateContactRecordingBehavior`) turns analytics on, and whether its
//! redaction keeps the original output (`RedactedAndOriginal`, or no
//! redaction) or only the redacted one (`RedactedOnly`).
//!
//! Contact Lens writes its output under `Analysis/Voice|Chat|Email/` and the
//! redacted output under `…/Redacted/`, at paths from the bucket root (AG
//! example-contact-lens-output-locations.html), not under the storage
//! config's `BucketPrefix`: the retention of each output is the lifecycle
//! rule that covers ITS prefix, and a rule scoped to the recordings prefix
//! does not cover it. The bucket is the one of the channel's storage config
//! (call recordings for voice, chat transcripts for chat, email messages
//! for email).

use super::s3::retention::scan_rules;
use super::view::{ptr, text_at, Cites, Out, Reading, View};
use crate::flow::FlowFile;
use crate::i18n::I18n;
use crate::model::evidence::FlowClaim;
use crate::model::{Bilingual, Duration, Property, Value};
use crate::text::escape::md_escape;
use serde_json::Value as J;

const CAT: &str = "contact-lens-outputs";

/// A contact channel Contact Lens analyses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Channel {
    Voice,
    Chat,
    Email,
}

impl Channel {
    /// The output folder (`Analysis/Voice`).
    pub fn folder(self) -> &'static str {
        match self {
            Channel::Voice => "Analysis/Voice",
            Channel::Chat => "Analysis/Chat",
            Channel::Email => "Analysis/Email",
        }
    }
    /// The storage resource type whose bucket receives the output.
    fn resource_type(self) -> &'static str {
        match self {
            Channel::Voice => "CALL_RECORDINGS",
            Channel::Chat => "CHAT_TRANSCRIPTS",
            Channel::Email => "EMAIL_MESSAGES",
        }
    }
}

/// What the redaction of a block keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Redaction {
    /// No redaction: the output is the original only.
    Off,
    /// `RedactedOnly`.
    RedactedOnly,
    /// `RedactedAndOriginal`.
    RedactedAndOriginal,
    /// Redaction on, with results set dynamically or not set (the value
    /// as written): the original may be kept.
    Unknown(String),
}

impl Redaction {
    /// Whether the original (unredacted) output may be kept.
    pub fn keeps_original(&self) -> bool {
        !matches!(self, Redaction::RedactedOnly)
    }
}

/// A block that turns Contact Lens analytics on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Behavior {
    /// The block's name, or its identifier.
    pub block: String,
    /// The channels it applies to.
    pub channels: Vec<Channel>,
    pub redaction: Redaction,
}

fn is_on(v: Option<&J>) -> bool {
    match v {
        Some(J::Bool(b)) => *b,
        Some(J::String(s)) => s.eq_ignore_ascii_case("true") || s.eq_ignore_ascii_case("enabled"),
        _ => false,
    }
}

fn results(v: Option<&J>) -> Redaction {
    match v.and_then(J::as_str) {
        Some("RedactedOnly") => Redaction::RedactedOnly,
        Some("RedactedAndOriginal") => Redaction::RedactedAndOriginal,
        Some(other) => Redaction::Unknown(other.to_string()),
        None => Redaction::Unknown("(not set)".to_string()),
    }
}

/// The blocks of a flow that turn Contact Lens analytics on (fetched or
/// exported flows alike).
pub(crate) fn behaviors(flow: &FlowFile) -> Vec<Behavior> {
    let mut out = Vec::new();
    for a in &flow.actions {
        let p = &a.parameters;
        let block = a.name.clone().unwrap_or_else(|| a.identifier.clone());
        match a.action_type.as_str() {
            "UpdateContactRecordingAndAnalyticsBehavior" => {
                for (key, ch) in [
                    ("VoiceBehavior", Channel::Voice),
                    ("ChatBehavior", Channel::Chat),
                    ("EmailBehavior", Channel::Email),
                ] {
                    let analytics = p.get(key).and_then(J::as_object).and_then(|o| {
                        o.iter()
                            .find(|(k, _)| k.ends_with("AnalyticsBehavior"))
                            .map(|(_, v)| v)
                    });
                    let Some(ab) = analytics else { continue };
                    if !is_on(ab.get("Enabled")) {
                        continue;
                    }
                    let red = ab.get("ConversationalAnalyticsRedactionConfiguration");
                    let redaction = match red {
                        Some(r) if is_on(r.get("Enabled")) => results(r.get("RedactionResults")),
                        _ => Redaction::Off,
                    };
                    out.push(Behavior {
                        block: block.clone(),
                        channels: vec![ch],
                        redaction,
                    });
                }
            }
            "UpdateContactRecordingBehavior" => {
                let Some(ab) = p.get("AnalyticsBehavior") else {
                    continue;
                };
                if !is_on(ab.get("Enabled")) {
                    continue;
                }
                let redaction = if is_on(ab.get("AnalyticsRedactionBehavior")) {
                    results(ab.get("AnalyticsRedactionResults"))
                } else {
                    Redaction::Off
                };
                // The older block names no channel: it applies to the
                // contact's (voice or chat).
                out.push(Behavior {
                    block,
                    channels: vec![Channel::Voice, Channel::Chat],
                    redaction,
                });
            }
            _ => {}
        }
    }
    out
}

/// A described flow or module of the snapshot: (observation, pointer of
/// its content, flow name, parsed flow).
fn described(v: &View, id: &str) -> Result<Vec<(usize, String, FlowFile)>, String> {
    let mut out = Vec::new();
    for (op, field) in [
        ("DescribeContactFlow", "ContactFlow"),
        ("DescribeContactFlowModule", "ContactFlowModule"),
    ] {
        for i in v.find(id, op, &[]) {
            if v.not_configured(i) {
                continue;
            }
            if let Some(r) = v.failure(i) {
                return Err(r);
            }
            let f = &v.body(i)[field];
            let Some(content) = f["Content"].as_str() else {
                continue;
            };
            let name = f["Name"].as_str().unwrap_or(&v.obs(i).id).to_string();
            // Unreadable flows are reported by the flow analysis.
            if let Ok(flow) =
                crate::flow::parse_flow(&name, &name, f["Arn"].as_str(), f["Id"].as_str(), content)
            {
                out.push((i, format!("/{field}/Content"), flow));
            }
        }
    }
    Ok(out)
}

fn redaction_text(i18n: &I18n, r: &Redaction) -> Bilingual {
    match r {
        Redaction::Off => i18n.both("observe-cl-redaction-off", &[]),
        Redaction::RedactedOnly => i18n.both("observe-cl-redaction-only", &[]),
        Redaction::RedactedAndOriginal => i18n.both("observe-cl-redaction-both", &[]),
        Redaction::Unknown(x) => {
            i18n.both("observe-cl-redaction-unknown", &[("value", md_escape(x))])
        }
    }
}

/// The blocks found, phrased `flow / block (folders): redaction; …`.
fn listing(i18n: &I18n, found: &[(&str, &Behavior)]) -> Bilingual {
    let (mut ja, mut en) = (Vec::new(), Vec::new());
    for (flow, b) in found {
        let chans: Vec<&str> = b.channels.iter().map(|c| c.folder()).collect();
        let r = redaction_text(i18n, &b.redaction);
        // Flow and block names are response strings: escaped.
        let head = format!(
            "{} / {} ({})",
            md_escape(flow),
            md_escape(&b.block),
            chans.join(", ")
        );
        ja.push(format!("{head}: {}", r.ja));
        en.push(format!("{head}: {}", r.en));
    }
    Bilingual::new(ja.join("; "), en.join("; "))
}

/// The Contact Lens claim of exported flows (`build --flows DIR`): which
/// blocks turn analytics on and whether their redaction keeps the
/// original output. Offline, the bucket the outputs go to and its
/// lifecycle rules are not known: the caveat says so, and the retention
/// of the outputs rests on the next evidence tier.
pub fn exported(flows: &[FlowFile], i18n: &I18n) -> Vec<FlowClaim> {
    let found: Vec<(&str, Behavior)> = flows
        .iter()
        .flat_map(|f| behaviors(f).into_iter().map(move |b| (f.name.as_str(), b)))
        .collect();
    // An export is the flows the operator chose: that none of them turns
    // analytics on says nothing about the instance, so no claim then (the
    // documented storage stays).
    if found.is_empty() {
        return Vec::new();
    }
    let refs: Vec<(&str, &Behavior)> = found.iter().map(|(f, b)| (*f, b)).collect();
    let original = found.iter().any(|(_, b)| b.redaction.keeps_original());
    let value = i18n.both(
        if original {
            "observe-cl-original-kept-value"
        } else {
            "observe-cl-redacted-only-value"
        },
        &[],
    );
    let explain = i18n.both_with("observe-cl-exported", |lang| {
        vec![("blocks", listing(i18n, &refs).get(lang).to_string())]
    });
    vec![FlowClaim {
        category: CAT.to_string(),
        property: Property::Storage,
        value: Value::Text(value),
        explain,
        caveats: vec![i18n.both("observe-cl-exported-bucket", &[])],
    }]
}

/// The Contact Lens claims of one instance (none when its flows were not
/// fetched).
pub(super) fn claims(v: &View, out: &mut Out, id: &str, name: &str) {
    let listings = v.find(id, "ListContactFlows", &[]);
    if listings.is_empty() {
        return;
    }
    let failed = listings
        .iter()
        .find_map(|&i| v.failure(i))
        .map_or_else(|| described(v, id).err(), Some);
    if let Some(r) = failed {
        out.gaps(CAT, &[Property::Storage, Property::Retention], &r);
        return;
    }
    let flows = described(v, id).unwrap_or_default();
    let mut found: Vec<(usize, String, String, Behavior)> = Vec::new();
    for (i, p, f) in &flows {
        for b in behaviors(f) {
            found.push((*i, p.clone(), f.name.clone(), b));
        }
    }
    if found.is_empty() {
        out.claim(
            CAT,
            Property::Storage,
            Value::Text(v.say("observe-cl-none-value", &[])),
            v.say(
                "observe-cl-none",
                &[
                    ("name", name.to_string()),
                    ("count", flows.len().to_string()),
                ],
            ),
            vec![v.say("observe-cl-none-caveat", &[])],
            listings
                .iter()
                .map(|&i| (i, "/ContactFlowSummaryList".to_string()))
                .collect(),
        );
        return;
    }
    let original = found
        .iter()
        .any(|(_, _, _, b)| b.redaction.keeps_original());
    let refs: Vec<(&str, &Behavior)> = found.iter().map(|(_, _, f, b)| (f.as_str(), b)).collect();
    let listed = listing(v.i18n, &refs);
    let mut cites: Cites = found.iter().map(|(i, p, _, _)| (*i, p.clone())).collect();
    cites.dedup();
    let value_id = if original {
        "observe-cl-original-kept-value"
    } else {
        "observe-cl-redacted-only-value"
    };
    out.claim(
        CAT,
        Property::Storage,
        Value::Text(v.say(value_id, &[])),
        v.say_per(
            "observe-cl-storage",
            &[("name", name.to_string())],
            &[super::view::PerLang::Text("blocks", &listed)],
        ),
        vec![],
        cites.clone(),
    );
    retention(v, out, id, &found, cites);
}

/// Where one output lives: bucket, folder, and whether it holds the
/// original output (the whole folder) or only the redacted one.
struct Output {
    channel: Channel,
    folder: String,
}

fn outputs(found: &[(usize, String, String, Behavior)]) -> Vec<Output> {
    let mut out: Vec<Output> = Vec::new();
    for (_, _, _, b) in found {
        for ch in &b.channels {
            let folder = if b.redaction.keeps_original() {
                ch.folder().to_string()
            } else {
                format!("{}/Redacted", ch.folder())
            };
            if !out.iter().any(|o| o.folder == folder) {
                out.push(Output {
                    channel: *ch,
                    folder,
                });
            }
        }
    }
    out.sort_by(|a, b| a.folder.cmp(&b.folder));
    out
}

/// The retention of every output: the lifecycle rule covering its folder.
fn retention(
    v: &View,
    out: &mut Out,
    id: &str,
    found: &[(usize, String, String, Behavior)],
    mut cites: Cites,
) {
    let mut longest: Option<Duration> = None;
    let mut explains: Vec<Bilingual> = Vec::new();
    let mut caveats: Vec<Bilingual> = Vec::new();
    for o in outputs(found) {
        let rt = o.channel.resource_type();
        let Some((sc, j, bucket, rec_prefix)) = bucket_of(v, id, rt) else {
            let why = format!(
                "no S3 storage config for {rt}, whose bucket receives {}",
                o.folder
            );
            out.gap(CAT, Property::Retention, why);
            return;
        };
        cites.push((sc, format!("/StorageConfigs/{j}/S3Config/BucketName")));
        let lc = v.read(
            id,
            "GetBucketLifecycleConfiguration",
            &[("Bucket", &bucket)],
        );
        let l = match &lc {
            Reading::Ok(l) | Reading::NotConfigured(l) => *l,
            r => {
                out.gap(
                    CAT,
                    Property::Retention,
                    v.why(r, "GetBucketLifecycleConfiguration"),
                );
                return;
            }
        };
        let rules: Vec<J> = v
            .body(l)
            .get("Rules")
            .and_then(J::as_array)
            .cloned()
            .unwrap_or_default();
        let versioned = v
            .one(id, "GetBucketVersioning", &[("Bucket", &bucket)])
            .filter(|&i| v.ok(i))
            .filter(|&i| text_at(v.body(i), "/Status") == Some("Enabled"));
        let s = scan_rules(&rules, &o.folder);
        let args = |extra: &[(&'static str, String)]| {
            let mut a = vec![
                ("bucket", md_escape(&bucket)),
                ("prefix", md_escape(&format!("{}/", o.folder))),
            ];
            a.extend(extra.iter().cloned());
            a
        };
        let d = match (s.expire_days, versioned) {
            (None, _) => {
                cites.push((
                    l,
                    if v.ok(l) { "/Rules" } else { "/Error/Code" }.to_string(),
                ));
                explains.push(v.say("observe-cl-retention-none", &args(&[])));
                Duration::Never
            }
            (Some((d, k)), ver) => {
                cites.push((l, ptr(&["Rules", &k.to_string(), "Expiration", "Days"])));
                let rid = md_escape(rules[k].get("ID").and_then(J::as_str).unwrap_or("(no id)"));
                let base = [("rule", rid), ("days", d.to_string())];
                match (ver, s.noncurrent_days) {
                    (None, _) => {
                        explains.push(v.say("observe-cl-retention-rule", &args(&base)));
                        Duration::days(d)
                    }
                    (Some(vi), Some((n, _))) => {
                        cites.push((vi, "/Status".into()));
                        let mut a = base.to_vec();
                        a.push(("total", (d + n).to_string()));
                        explains.push(v.say("observe-cl-retention-noncurrent", &args(&a)));
                        Duration::days(d + n)
                    }
                    (Some(vi), None) => {
                        cites.push((vi, "/Status".into()));
                        explains.push(v.say("observe-cl-retention-versioned", &args(&base)));
                        Duration::Never
                    }
                }
            }
        };
        for rid in &s.partial {
            caveats.push(v.say("observe-s3-rule-partial", &[("rule", rid.clone())]));
        }
        // A rule on the recordings' prefix that does not reach the output.
        let rec = scan_rules(&rules, &rec_prefix);
        if let Some((_, k)) = rec.expire_days {
            if s.expire_days.is_none_or(|(_, k2)| k2 != k) {
                let rid = md_escape(rules[k].get("ID").and_then(J::as_str).unwrap_or("(no id)"));
                caveats.push(v.say(
                    "observe-cl-recordings-rule",
                    &args(&[("rule", rid), ("recordings", md_escape(&rec_prefix))]),
                ));
            }
        }
        longest = Some(match longest {
            None => d,
            Some(x) if x.at_most(&d) => d,
            Some(x) => x,
        });
    }
    let Some(value) = longest else { return };
    let joined = Bilingual::new(
        explains
            .iter()
            .map(|b| b.ja.as_str())
            .collect::<Vec<_>>()
            .join(""),
        explains
            .iter()
            .map(|b| b.en.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    );
    caveats.dedup();
    cites.dedup();
    out.claim(
        CAT,
        Property::Retention,
        Value::Duration(value),
        joined,
        caveats,
        cites,
    );
}

/// The S3 storage config of a resource type: (observation, index, bucket,
/// prefix).
fn bucket_of(v: &View, id: &str, rt: &str) -> Option<(usize, usize, String, String)> {
    v.find(id, "ListInstanceStorageConfigs", &[("ResourceType", rt)])
        .into_iter()
        .filter(|&i| v.ok(i))
        .find_map(|i| {
            let cfgs = v.body(i).get("StorageConfigs")?.as_array()?;
            cfgs.iter().enumerate().find_map(|(j, c)| {
                let b = text_at(c, "/S3Config/BucketName")?;
                let p = text_at(c, "/S3Config/BucketPrefix").unwrap_or("");
                Some((i, j, b.to_string(), p.to_string()))
            })
        })
}
