//! Snapshot → observed claims: reads the stored responses of a snapshot
//! (never the network) and states, per category and property, what they
//! show, citing every observation a value rests on with the JSON pointer of
//! the field read. The chain is explicit: a call-recordings retention claim
//! cites the storage config (bucket and prefix), the bucket's location, the
//! lifecycle rule that applies, the versioning and Object Lock settings, and
//! the KMS key.
//!
//! One module per service: `connect` (the instance, its storage configs
//! and security profiles), `s3`, `kinesis`, `firehose`, `kvs`,
//! `logs` (flow logs), `kms` (a key's owner), `trail` (audit logs: the
//! CloudTrail trails, their selectors, status and bucket), `access` (how
//! users sign in, who can download recordings), and `flows` (the flows a
//! collection fetched, for the flow analysis). `merge` combines instances.
//!
//! A call that failed makes the properties it would prove [`Unavailable`],
//! with the reason ("AccessDenied on s3:GetLifecycleConfiguration"), so the
//! resolver falls back to declared or documented evidence and says why.
//!
//! Pure and deterministic: same snapshot and `as_of`, same output. Every
//! sentence comes from `locales/*/observe.ftl`. Strings from responses go
//! into values and reasons as plain text (renderers escape them);
//! explanations and caveats are Markdown, so every response string
//! interpolated into them is escaped here ([`md_escape`]).
//!
//! [`md_escape`]: crate::text::escape::md_escape

mod access;
mod connect;
mod contact_lens;
mod customer_profiles;
mod datalake;
mod firehose;
pub mod flows;
mod kinesis;
mod kms;
mod kvs;
mod logs;
mod merge;
mod permissions;
mod s3;
mod trail;
mod trail_selectors;
mod view;

#[cfg(test)]
mod tests;

pub use contact_lens::exported as contact_lens_of_exported;
pub use flows::{fetched, Fetched};
pub use view::failure_reason;

use crate::collect::snapshot::{InstanceEntry, Snapshot};
use crate::i18n::I18n;
use crate::model::evidence::{LiveEvidence, Unavailable};
use crate::model::Property;
use view::{Out, View};

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

const FLOW_LOG_PROPS: &[Property] = &[
    Property::Region,
    Property::Retention,
    Property::EncryptionAtRestKey,
];

/// The properties a storage config of a category can prove.
fn props_of(category: &str) -> &'static [Property] {
    match category {
        "streamed-contact-records" | "agent-events" | "media-streams" => STREAM_PROPS,
        _ => S3_PROPS,
    }
}

/// The instances of a snapshot that `names` (ids, aliases, ARNs) select;
/// all of them when `names` is empty.
pub fn chosen_instances<'a>(snap: &'a Snapshot, names: &[String]) -> Vec<&'a InstanceEntry> {
    snap.manifest
        .instances
        .iter()
        .filter(|i| names.is_empty() || names.iter().any(|n| i.is_named(n)))
        .collect()
}

/// Read a snapshot into observed claims and the reasons some are missing.
pub fn interpret(snap: &Snapshot, opts: &Options, i18n: &I18n) -> LiveEvidence {
    interpret_scoped(snap, opts, i18n, &[])
}

/// [`interpret`], also observing S3 retention for each scope (category,
/// scope) the requirements name.
pub fn interpret_scoped(
    snap: &Snapshot,
    opts: &Options,
    i18n: &I18n,
    scopes: &[(String, crate::model::requirement::Scope)],
) -> LiveEvidence {
    let mut view = View::new(snap, opts.as_of, opts.max_age_days, i18n);
    view.scopes = scopes.to_vec();
    let per: Vec<(String, Out)> = chosen_instances(snap, &opts.instances)
        .into_iter()
        .map(|inst| {
            let label = inst.alias.clone().unwrap_or_else(|| inst.id.clone());
            let mut out = connect::instance(&view, inst);
            trail::claims(&view, &mut out, &inst.id);
            access::authentication(
                &view,
                &mut out,
                &inst.id,
                &crate::text::escape::md_escape(&label),
            );
            access::download(&view, &mut out, &inst.id);
            (label, out)
        })
        .collect();
    let mut live = merge::merge(&view, per);
    if live.claims.is_empty() && live.unavailable.is_empty() {
        nothing_collected(&view, &mut live);
    }
    live
}

/// Nothing was collected: say why for every property collection proves,
/// when the instance listing failed.
fn nothing_collected(view: &View, live: &mut LiveEvidence) {
    let reasons: Vec<String> = (0..view.snap.manifest.observations.len())
        .filter(|&i| view.obs(i).operation == "ListInstances")
        .filter_map(|i| view.failure(i))
        .collect();
    if reasons.is_empty() {
        return;
    }
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
        add(cat, props_of(cat));
    }
    add("flow-logs", FLOW_LOG_PROPS);
    add("audit-logs", trail::TRAIL_PROPS);
    live.unavailable
        .sort_by(|a, b| (&a.category, a.property).cmp(&(&b.category, b.property)));
}
