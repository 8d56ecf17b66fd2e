//! Kinesis Data Streams (streamed contact records, agent events): the
//! stream named by the storage config, its retention and encryption
//! (DescribeStreamSummary), and its key. Also what every stream named by an
//! ARN shows (storage and Region), shared with Firehose.

use super::connect::StorageConfig;
use super::kms::key_owner;
use super::view::{text_at, Out, PerLang, View};
use crate::collect::arn::arn_parts;
use crate::model::{Bilingual, Duration, KeyOwner, Property, Value};
use crate::text::escape::md_escape;
use serde_json::Value as J;

/// Storage (what the config names) and Region (the ARN's) of a stream.
pub(super) fn stream_common(
    v: &View,
    out: &mut Out,
    cat: &str,
    what: Bilingual,
    arn: &str,
    sc_cite: (usize, String),
) {
    let explain = v.say_per(
        "observe-stream-storage",
        &[],
        &[PerLang::Escaped("what", &what)],
    );
    out.claim(
        cat,
        Property::Storage,
        Value::Text(what),
        explain,
        vec![],
        vec![sc_cite.clone()],
    );
    match arn_parts(arn).map(|(r, _)| r.to_string()) {
        Some(r) => out.claim(
            cat,
            Property::Region,
            Value::Region(r.clone()),
            v.say(
                "observe-stream-region",
                &[("arn", md_escape(arn)), ("region", md_escape(&r))],
            ),
            vec![],
            vec![sc_cite],
        ),
        None => out.gap(cat, Property::Region, format!("`{arn}` is not an ARN")),
    }
}

/// The last segment of an ARN (`stream/ctr` → `ctr`).
pub(super) fn arn_name(arn: &str) -> &str {
    arn.rsplit('/').next().unwrap_or(arn)
}

pub(super) fn claims(v: &View, out: &mut Out, sc: &StorageConfig, cfg: &J) {
    let cat = sc.cat;
    let arn = text_at(cfg, "/KinesisStreamConfig/StreamArn").unwrap_or_default();
    let name_raw = arn_name(arn);
    let sc_cite = sc.cite("/KinesisStreamConfig/StreamArn");
    let what = v.say("observe-kinesis-value", &[("name", name_raw.to_string())]);
    stream_common(v, out, cat, what, arn, sc_cite.clone());
    let name = md_escape(name_raw);
    const PROPS: &[Property] = &[
        Property::Retention,
        Property::EncryptionAtRest,
        Property::EncryptionAtRestKey,
    ];
    let Some(d) = v.one(sc.id, "DescribeStreamSummary", &[("StreamARN", arn)]) else {
        out.gaps(cat, PROPS, &v.missing("DescribeStreamSummary"));
        return;
    };
    if let Some(r) = v.failure(d) {
        out.gaps(cat, PROPS, &r);
        return;
    }
    let body = v.body(d);
    match body
        .pointer("/StreamDescriptionSummary/RetentionPeriodHours")
        .and_then(J::as_u64)
    {
        Some(h) => out.claim(
            cat,
            Property::Retention,
            Value::Duration(Duration::hours(h)),
            v.say(
                "observe-kinesis-retention",
                &[("name", name.clone()), ("hours", h.to_string())],
            ),
            vec![],
            vec![
                sc_cite.clone(),
                (d, "/StreamDescriptionSummary/RetentionPeriodHours".into()),
            ],
        ),
        None => out.gap(
            cat,
            Property::Retention,
            "DescribeStreamSummary shows no RetentionPeriodHours",
        ),
    }
    let et = text_at(body, "/StreamDescriptionSummary/EncryptionType").unwrap_or("NONE");
    let et_cite = (d, "/StreamDescriptionSummary/EncryptionType".to_string());
    if et == "NONE" {
        out.claim(
            cat,
            Property::EncryptionAtRest,
            Value::Bool(false),
            v.say("observe-kinesis-unencrypted", &[("name", name)]),
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
        v.say("observe-kinesis-encrypted", &[("name", name.clone())]),
        vec![],
        vec![sc_cite.clone(), et_cite],
    );
    let key = text_at(body, "/StreamDescriptionSummary/KeyId").unwrap_or_default();
    let key_cite = (d, "/StreamDescriptionSummary/KeyId".to_string());
    match key_owner(v, sc.id, key) {
        Ok(k) => {
            let mut cites = vec![sc_cite, key_cite];
            cites.extend(k.cites);
            out.claim(
                cat,
                Property::EncryptionAtRestKey,
                Value::Key(k.owner),
                v.say_per(
                    "observe-kinesis-key",
                    &[("name", name), ("key", md_escape(key))],
                    &[PerLang::Owner(k.owner)],
                ),
                k.caveats,
                cites,
            );
        }
        Err(_) if key == "alias/aws/kinesis" => out.claim(
            cat,
            Property::EncryptionAtRestKey,
            Value::Key(KeyOwner::AwsManaged),
            v.say("observe-kinesis-aws-managed", &[("name", name)]),
            vec![],
            vec![sc_cite, key_cite],
        ),
        Err(r) => out.gap(cat, Property::EncryptionAtRestKey, r),
    }
}
