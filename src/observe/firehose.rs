//! Amazon Data Firehose (streamed contact records): the delivery stream
//! named by the storage config and its server-side encryption
//! (DescribeDeliveryStream).

use super::connect::StorageConfig;
use super::kinesis::{arn_name, stream_common};
use super::kms::key_owner;
use super::view::{text_at, Out, PerLang, View};
use crate::model::{KeyOwner, Property, Value};
use crate::text::escape::md_escape;
use serde_json::Value as J;

pub(super) fn claims(v: &View, out: &mut Out, sc: &StorageConfig, cfg: &J) {
    let cat = sc.cat;
    let arn = text_at(cfg, "/KinesisFirehoseConfig/FirehoseArn").unwrap_or_default();
    let name_raw = arn_name(arn);
    let sc_cite = sc.cite("/KinesisFirehoseConfig/FirehoseArn");
    let what = v.say("observe-firehose-value", &[("name", name_raw.to_string())]);
    stream_common(v, out, cat, what, arn, sc_cite.clone());
    let name = md_escape(name_raw);
    // The snapshot records the call under the stream's name as escaped here.
    let Some(d) = v.one(
        sc.id,
        "DescribeDeliveryStream",
        &[("DeliveryStreamName", name.as_str())],
    ) else {
        out.gap(
            cat,
            Property::EncryptionAtRestKey,
            v.missing("DescribeDeliveryStream"),
        );
        return;
    };
    if let Some(r) = v.failure(d) {
        out.gap(cat, Property::EncryptionAtRestKey, r);
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
    if text_at(body, &format!("{p}/KeyType")) != Some("CUSTOMER_MANAGED_CMK") {
        out.claim(
            cat,
            Property::EncryptionAtRestKey,
            Value::Key(KeyOwner::AwsOwned),
            v.say("observe-firehose-aws-owned", &[("name", name)]),
            vec![],
            vec![sc_cite, cite, (d, format!("{p}/KeyType"))],
        );
        return;
    }
    let key = text_at(body, &format!("{p}/KeyARN")).unwrap_or_default();
    match key_owner(v, sc.id, key) {
        Ok(k) => {
            let mut cites = vec![sc_cite, cite, (d, format!("{p}/KeyARN"))];
            cites.extend(k.cites);
            out.claim(
                cat,
                Property::EncryptionAtRestKey,
                Value::Key(k.owner),
                v.say_per(
                    "observe-firehose-key",
                    &[("name", name), ("key", md_escape(key))],
                    &[PerLang::Owner(k.owner)],
                ),
                k.caveats,
                cites,
            );
        }
        Err(r) => out.gap(cat, Property::EncryptionAtRestKey, r),
    }
}
