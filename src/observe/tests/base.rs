//! The committed snapshot (`bench/fixtures/base-snapshot`): one instance
//! `flows` with call recordings in S3 under a customer managed key, contact
//! records streamed to Kinesis, flow logs kept 365 days, and three flows.

use super::*;
use crate::model::{Duration, KeyOwner, Value};

const KEY: &str =
    "arn:aws:kms:ap-northeast-1:123456789012:key/11d9fe61-3fb4-46e5-9a7f-d083cf792e66";

#[test]
fn connect_instance_region_and_security_profiles() {
    let live = read(&base_snapshot());
    let r = claim(&live, "contact-center-data", "region");
    assert_eq!(r.value, Value::Region("ap-northeast-1".into()));
    assert_eq!(cited(r), ["obs-0005#/Instance/Arn"]);
    assert_eq!(r.observations[0].pointer, "/Instance/Arn");
    assert_eq!(
        r.explain.en,
        "The Region in the ARN of instance flows (id 35a1dede-db64-45ce-9fa9-560452c4ea37); data kept in the instance is stored there."
    );
    assert_eq!(
        r.explain.ja,
        "インスタンス flows（ID 35a1dede-db64-45ce-9fa9-560452c4ea37）のARNが示すリージョンです。インスタンス内のデータはこのリージョンに保存されます。"
    );
    let a = claim(&live, "contact-center-data", "access-control");
    let Value::Text(t) = &a.value else {
        panic!("{:?}", a.value)
    };
    assert_eq!(t.en, "2 security profile(s) (Admin, Agent)");
    assert_eq!(t.ja, "セキュリティプロファイル 2 件で制御（Admin, Agent）");
    assert_eq!(cited(a), ["obs-0023#/SecurityProfileSummaryList"]);
    // Resource types without a storage config say so.
    let s = claim(&live, "agent-events", "storage");
    let Value::Text(t) = &s.value else {
        panic!("{:?}", s.value)
    };
    assert_eq!(
        t.en,
        "No storage config (AGENT_EVENTS): the instance does not store this data in the customer's account."
    );
    assert_eq!(
        s.explain.ja,
        "インスタンス flows には、リソースタイプ AGENT_EVENTS のストレージ設定がありません。"
    );
}

#[test]
fn s3_recordings_storage_region_key_retention_deletion_access() {
    let live = read(&base_snapshot());
    let cat = "call-recordings";
    let s = claim(&live, cat, "storage");
    assert_eq!(
        s.value,
        Value::Text(crate::model::Bilingual::new(
            "S3バケット flows-recordings（プレフィックス connect/flows/CallRecordings）",
            "S3 bucket flows-recordings, prefix connect/flows/CallRecordings"
        ))
    );
    assert_eq!(
        cited(s),
        [
            "obs-0012#/StorageConfigs/0/S3Config/BucketName",
            "obs-0012#/StorageConfigs/0/S3Config/BucketPrefix"
        ]
    );
    let r = claim(&live, cat, "region");
    assert_eq!(r.value, Value::Region("ap-northeast-1".into()));
    assert_eq!(
        r.explain.en,
        "Bucket flows-recordings is located in ap-northeast-1."
    );
    assert_eq!(
        r.explain.ja,
        "バケット flows-recordings の所在リージョンは ap-northeast-1 です。"
    );

    let k = claim(&live, cat, "encryption.at-rest.key");
    assert_eq!(k.value, Value::Key(KeyOwner::CustomerManaged));
    assert_eq!(
        k.explain.en,
        format!("The storage config names KMS key {KEY}, which is a customer managed key; objects are encrypted with it (SSE-KMS).")
    );
    assert_eq!(
        k.explain.ja,
        format!("ストレージ設定がKMSキー {KEY} を指定しており、このキーは顧客管理キーです。オブジェクトはこのキーでSSE-KMS暗号化されます。")
    );
    assert_eq!(
        cited(k),
        [
            "obs-0025#/KeyMetadata/KeyManager",
            "obs-0026#/KeyRotationEnabled",
            "obs-0012#/StorageConfigs/0/S3Config/EncryptionConfig/KeyId"
        ]
    );
    assert_eq!(
        claim(&live, cat, "encryption.at-rest").value,
        Value::Bool(true)
    );

    // The rule id is response text: escaped in the explanation.
    let t = claim(&live, cat, "retention");
    assert_eq!(t.value, Value::Duration(Duration::days(730)));
    assert_eq!(
        t.explain.en,
        "Lifecycle rule expire \\*recordings\\* \\[1\\](http://x) expires objects under prefix connect/flows/CallRecordings in bucket flows-recordings 730 days after creation."
    );
    assert_eq!(
        t.explain.ja,
        "ライフサイクルルール expire \\*recordings\\* \\[1\\](http://x) が、バケット flows-recordings のプレフィックス connect/flows/CallRecordings のオブジェクトを作成から730日後に失効させます。"
    );
    // The chain: rule, storage config, location, versioning, Object Lock, key.
    assert_eq!(t.observations[0].id, "obs-0029#/Rules/0/Expiration/Days");
    let ids = cited(t);
    for want in [
        "obs-0030#/LocationConstraint",
        "obs-0032#/Status",
        "obs-0033#/Error/Code",
        "obs-0025#/KeyMetadata/KeyManager",
    ] {
        assert!(ids.iter().any(|i| i == want), "{want} not in {ids:?}");
    }
    assert!(t.caveats.is_empty(), "{:?}", t.caveats);

    let d = claim(&live, cat, "deletion.on-request");
    assert_eq!(d.value, Value::Bool(true));
    assert_eq!(
        d.explain.en,
        "Objects can be deleted from bucket flows-recordings; versioning is not on, so a deletion is final."
    );
    // Contact Lens is on in this instance: two copies to delete.
    assert_eq!(
        d.caveats[0].en,
        "Contact Lens is on: both the redacted and the unredacted files have to be deleted."
    );
    assert!(cited(d).contains(&"obs-0007#/Attribute/Value".to_string()));

    let a = claim(&live, cat, "access-control");
    let Value::Text(v) = &a.value else {
        panic!("{:?}", a.value)
    };
    assert_eq!(
        v.en,
        "Security profile permissions inside Connect; S3 bucket flows-recordings: all public access blocked, bucket policy denies requests without TLS (aws:SecureTransport)"
    );
    assert_eq!(
        v.ja,
        "Connect内はセキュリティプロファイルの権限、S3バケット flows-recordings: パブリックアクセスはすべてブロック、バケットポリシーでTLS以外の要求を拒否（aws:SecureTransport）"
    );
}

#[test]
fn kinesis_contact_records_stream() {
    let live = read(&base_snapshot());
    let cat = "streamed-contact-records";
    let s = claim(&live, cat, "storage");
    assert_eq!(
        s.explain.en,
        "The storage config names Kinesis data stream flows-ctr."
    );
    assert_eq!(
        s.explain.ja,
        "ストレージ設定が Kinesisデータストリーム flows-ctr を指定しています。"
    );
    let r = claim(&live, cat, "region");
    assert_eq!(r.value, Value::Region("ap-northeast-1".into()));
    assert_eq!(
        r.explain.en,
        "ARN arn:aws:kinesis:ap-northeast-1:123456789012:stream/flows-ctr is in ap-northeast-1."
    );
    let t = claim(&live, cat, "retention");
    assert_eq!(t.value, Value::Duration(Duration::hours(168)));
    assert_eq!(
        t.explain.en,
        "Stream flows-ctr keeps records for 168 hours; after that they leave the stream."
    );
    assert_eq!(
        t.explain.ja,
        "ストリーム flows-ctr の保持期間は168時間です。その後、レコードはストリームから消えます。"
    );
    assert_eq!(
        cited(t),
        [
            "obs-0015#/StorageConfigs/0/KinesisStreamConfig/StreamArn",
            "obs-0024#/StreamDescriptionSummary/RetentionPeriodHours"
        ]
    );
    let k = claim(&live, cat, "encryption.at-rest.key");
    assert_eq!(k.value, Value::Key(KeyOwner::CustomerManaged));
    assert_eq!(
        k.explain.en,
        format!(
            "Stream flows-ctr is encrypted with KMS key {KEY}, which is a customer managed key."
        )
    );
    assert_eq!(
        k.explain.ja,
        format!("ストリーム flows-ctr はKMSキー {KEY}（顧客管理キー）で暗号化されています。")
    );
}

#[test]
fn flow_log_group_region_retention_and_key() {
    let live = read(&base_snapshot());
    let cat = "flow-logs";
    let r = claim(&live, cat, "region");
    assert_eq!(r.value, Value::Region("ap-northeast-1".into()));
    assert_eq!(
        r.explain.ja,
        "ロググループ /aws/connect/flows はリージョン ap-northeast-1 にあります。"
    );
    let t = claim(&live, cat, "retention");
    assert_eq!(t.value, Value::Duration(Duration::days(365)));
    assert_eq!(
        t.explain.en,
        "Log group /aws/connect/flows keeps events for 365 days (deletion may lag up to 72 hours)."
    );
    // The group's own field first, then the CONTACTFLOW_LOGS attribute.
    assert_eq!(
        cited(t),
        [
            "obs-0027#/logGroups/0/retentionInDays",
            "obs-0006#/Attribute/Value"
        ]
    );
    let k = claim(&live, cat, "encryption.at-rest.key");
    assert_eq!(k.value, Value::Key(KeyOwner::CustomerManaged));
    assert_eq!(
        k.explain.en,
        format!("Log group /aws/connect/flows is encrypted with KMS key {KEY}, which is a customer managed key.")
    );
    assert!(!k.stale);
}

#[test]
fn fetched_flows_are_read_for_the_analysis() {
    let snap = base_snapshot();
    let chosen = crate::observe::chosen_instances(&snap, &[]);
    let f = crate::observe::fetched(&snap, &chosen);
    assert_eq!(f.logging, Some(crate::model::flow::Logging::Enabled));
    assert_eq!(f.unavailable, None);
    assert!(f.listed);
    assert_eq!(f.analysed(), 3, "{:?}", f.errors);
    assert_eq!(f.files.len(), 3);
    assert!(f.errors.is_empty(), "{:?}", f.errors);
    assert!(!f.assumed);
}

#[test]
fn stale_at_a_later_date() {
    let snap = base_snapshot();
    let live = interpret(
        &snap,
        &Options {
            as_of: chrono::NaiveDate::from_ymd_opt(2027, 6, 1).unwrap(),
            max_age_days: 30,
            instances: vec![],
        },
        &i18n(),
    );
    assert!(live.claims.iter().all(|c| c.stale));
}
