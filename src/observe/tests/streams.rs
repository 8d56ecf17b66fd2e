//! Firehose, Kinesis Video Streams, KMS caveats and flow logging turned
//! off, from snapshots made by hand.

use super::*;
use crate::model::{Duration, KeyOwner, Value};

const I: &str = "inst-1";
const CMK: &str = "arn:aws:kms:ap-northeast-1:111122223333:key/k-1";

/// DescribeKey (customer managed, disabled) and rotation off.
fn disabled_key(m: Made) -> Made {
    m.ok(
        I,
        "kms:DescribeKey",
        &[("KeyId", CMK)],
        json!({"KeyMetadata": {
        "KeyId": "k-1", "KeyManager": "CUSTOMER", "KeyState": "Disabled"}}),
    )
    .ok(
        I,
        "kms:GetKeyRotationStatus",
        &[("KeyId", "k-1")],
        json!({"KeyRotationEnabled": false}),
    )
}

#[test]
fn firehose_delivery_stream_with_a_customer_key() {
    let arn = "arn:aws:firehose:ap-northeast-1:111122223333:deliverystream/ctr_fh";
    let m = Made::new()
        .instance(I, "acme")
        .storage(
            I,
            "CONTACT_TRACE_RECORDS",
            json!({"StorageType": "KINESIS_FIREHOSE",
            "KinesisFirehoseConfig": {"FirehoseArn": arn}}),
        )
        // Looked up by the escaped name, as the interpretation always has.
        .ok(
            I,
            "firehose:DescribeDeliveryStream",
            &[("DeliveryStreamName", "ctr\\_fh")],
            json!({
            "DeliveryStreamDescription": {"DeliveryStreamEncryptionConfiguration": {
                "Status": "ENABLED", "KeyType": "CUSTOMER_MANAGED_CMK", "KeyARN": CMK}}}),
        );
    let live = read(&disabled_key(m).build());
    let cat = "streamed-contact-records";
    let s = claim(&live, cat, "storage");
    assert_eq!(
        s.value,
        Value::Text(crate::model::Bilingual::new(
            "Firehose配信ストリーム ctr_fh",
            "Firehose delivery stream ctr_fh"
        ))
    );
    assert_eq!(
        s.explain.en,
        "The storage config names Firehose delivery stream ctr\\_fh."
    );
    let k = claim(&live, cat, "encryption.at-rest.key");
    assert_eq!(k.value, Value::Key(KeyOwner::CustomerManaged));
    assert_eq!(
        k.explain.en,
        format!("Delivery stream ctr\\_fh is encrypted with KMS key {CMK}, which is a customer managed key.")
    );
    assert_eq!(
        k.explain.ja,
        format!("配信ストリーム ctr\\_fh はKMSキー {CMK}（顧客管理キー）で暗号化されています。")
    );
    let caveats: Vec<&str> = k.caveats.iter().map(|c| c.en.as_str()).collect();
    assert_eq!(
        caveats,
        [
            format!("KMS key {CMK} is in state Disabled; data under a key that is not enabled cannot be decrypted."),
            format!("Automatic rotation of KMS key {CMK} is off."),
        ]
    );
    assert_eq!(
        k.caveats[1].ja,
        format!("KMSキー {CMK} の自動ローテーションは無効です。")
    );
    assert!(k
        .observations
        .iter()
        .any(|o| o.pointer == "/KeyMetadata/KeyState"));
}

#[test]
fn kinesis_video_streams_retention_and_key() {
    let m = Made::new().instance(I, "acme").storage(
        I,
        "MEDIA_STREAMS",
        json!({"StorageType": "KINESIS_VIDEO_STREAM", "KinesisVideoStreamConfig": {
            "Prefix": "acme-media", "RetentionPeriodHours": 24,
            "EncryptionConfig": {"EncryptionType": "KMS", "KeyId": CMK}}}),
    );
    let live = read(&disabled_key(m).build());
    let cat = "media-streams";
    let s = claim(&live, cat, "storage");
    assert_eq!(
        s.value,
        Value::Text(crate::model::Bilingual::new(
            "Kinesis Video Streams（プレフィックス acme-media）",
            "Kinesis Video Streams, prefix acme-media"
        ))
    );
    let t = claim(&live, cat, "retention");
    assert_eq!(t.value, Value::Duration(Duration::hours(24)));
    assert_eq!(t.explain.en, "Media streams are kept for 24 hours.");
    assert_eq!(t.explain.ja, "メディアストリームの保持期間は24時間です。");
    assert_eq!(
        t.observations[0].pointer,
        "/StorageConfigs/0/KinesisVideoStreamConfig/RetentionPeriodHours"
    );
    let k = claim(&live, cat, "encryption.at-rest.key");
    assert_eq!(k.value, Value::Key(KeyOwner::CustomerManaged));
    assert_eq!(
        k.explain.en,
        format!("Media streams are encrypted with KMS key {CMK}, which is a customer managed key.")
    );
}

#[test]
fn kinesis_stream_under_the_aws_managed_key() {
    let arn = "arn:aws:kinesis:ap-northeast-1:111122223333:stream/ctr";
    let snap = Made::new()
        .instance(I, "acme")
        .storage(
            I,
            "AGENT_EVENTS",
            json!({"StorageType": "KINESIS_STREAM",
            "KinesisStreamConfig": {"StreamArn": arn}}),
        )
        .ok(
            I,
            "kinesis:DescribeStreamSummary",
            &[("StreamARN", arn)],
            json!({
            "StreamDescriptionSummary": {"RetentionPeriodHours": 24, "EncryptionType": "KMS",
                "KeyId": "alias/aws/kinesis"}}),
        )
        .build();
    let live = read(&snap);
    let k = claim(&live, "agent-events", "encryption.at-rest.key");
    assert_eq!(k.value, Value::Key(KeyOwner::AwsManaged));
    assert_eq!(
        k.explain.en,
        "Stream ctr is encrypted with the AWS managed key aws/kinesis."
    );
    assert_eq!(
        k.explain.ja,
        "ストリーム ctr はAWSマネージドキー aws/kinesis で暗号化されています。"
    );
}

#[test]
fn flow_logging_off_is_a_storage_claim() {
    let snap = Made::new()
        .instance(I, "acme")
        .ok(
            I,
            "connect:DescribeInstanceAttribute",
            &[("AttributeType", "CONTACTFLOW_LOGS")],
            json!({"Attribute": {"AttributeType": "CONTACTFLOW_LOGS", "Value": "false"}}),
        )
        .build();
    let live = read(&snap);
    let s = claim(&live, "flow-logs", "storage");
    assert_eq!(
        s.value,
        Value::Text(crate::model::Bilingual::new(
            "フローログは無効（CONTACTFLOW_LOGS=false）",
            "Flow logging is off (CONTACTFLOW_LOGS=false)"
        ))
    );
    assert_eq!(
        s.explain.en,
        "Flow logging is off for instance acme, so no flow logs are written."
    );
    assert_eq!(s.observations[0].pointer, "/Attribute/Value");
}

#[test]
fn a_log_group_without_retention_or_key() {
    let snap = Made::new()
        .instance(I, "acme")
        .ok(
            I,
            "logs:DescribeLogGroups",
            &[("logGroupNamePrefix", "/aws/connect/acme")],
            json!({
            "logGroups": [{"logGroupName": "/aws/connect/acme",
                "arn": "arn:aws:logs:ap-northeast-1:111122223333:log-group:/aws/connect/acme:*"}]}),
        )
        .build();
    let live = read(&snap);
    let t = claim(&live, "flow-logs", "retention");
    assert_eq!(t.value, Value::Duration(Duration::Never));
    assert_eq!(
        t.explain.ja,
        "ロググループ /aws/connect/acme に保持期間の設定（retentionInDays）がないため、ログは失効しません。"
    );
    let k = claim(&live, "flow-logs", "encryption.at-rest.key");
    assert_eq!(k.value, Value::Key(KeyOwner::AwsOwned));
    assert_eq!(
        k.explain.en,
        "Log group /aws/connect/acme has no kmsKeyId, so CloudWatch Logs encrypts it with keys the service owns."
    );
    // No attribute collected: storage unavailable, with the reason.
    assert_eq!(
        unavailable(&live, "flow-logs", "storage"),
        "no DescribeInstanceAttribute CONTACTFLOW_LOGS in the snapshot"
    );
}
