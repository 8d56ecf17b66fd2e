//! Kinesis Video Streams (media streams): the storage config carries the
//! retention and the KMS key itself.

use super::connect::StorageConfig;
use super::kms::key_owner;
use super::view::{text_at, Out, PerLang, View};
use crate::model::{Duration, Property, Value};
use crate::text::escape::md_escape;
use serde_json::Value as J;

pub(super) fn claims(v: &View, out: &mut Out, sc: &StorageConfig, cfg: &J) {
    let cat = sc.cat;
    let prefix = text_at(cfg, "/KinesisVideoStreamConfig/Prefix").unwrap_or_default();
    out.claim(
        cat,
        Property::Storage,
        Value::Text(v.say("observe-kvs-value", &[("prefix", prefix.to_string())])),
        v.say("observe-kvs-storage", &[]),
        vec![],
        vec![sc.cite("/KinesisVideoStreamConfig")],
    );
    if let Some(h) = cfg
        .pointer("/KinesisVideoStreamConfig/RetentionPeriodHours")
        .and_then(J::as_u64)
    {
        let explain = if h == 0 {
            v.say("observe-kvs-retention-zero", &[])
        } else {
            v.say("observe-kvs-retention", &[("hours", h.to_string())])
        };
        out.claim(
            cat,
            Property::Retention,
            Value::Duration(Duration::hours(h)),
            explain,
            vec![],
            vec![sc.cite("/KinesisVideoStreamConfig/RetentionPeriodHours")],
        );
    }
    let Some(key) = text_at(cfg, "/KinesisVideoStreamConfig/EncryptionConfig/KeyId") else {
        return;
    };
    match key_owner(v, sc.id, key) {
        Ok(k) => {
            let mut cites = vec![sc.cite("/KinesisVideoStreamConfig/EncryptionConfig/KeyId")];
            cites.extend(k.cites);
            out.claim(
                cat,
                Property::EncryptionAtRestKey,
                Value::Key(k.owner),
                v.say_per(
                    "observe-kvs-key",
                    &[("key", md_escape(key))],
                    &[PerLang::Owner(k.owner)],
                ),
                k.caveats,
                cites,
            );
        }
        Err(r) => out.gap(cat, Property::EncryptionAtRestKey, r),
    }
}
