//! S3 buckets made by hand: versioning, Object Lock, default encryption,
//! rules that cover part of the data, and calls that failed.

use super::*;
use crate::model::{Duration, KeyOwner, Value};

const I: &str = "inst-1";
const B: &[(&str, &str)] = &[("Bucket", "rec_bucket")];

/// One instance whose call recordings go to bucket `rec_bucket`, prefix
/// `connect/rec`, with no key in the storage config.
fn bucket() -> Made {
    Made::new().instance(I, "acme").storage(
        I,
        "CALL_RECORDINGS",
        json!({"StorageType": "S3", "S3Config": {"BucketName": "rec_bucket", "BucketPrefix": "connect/rec"}}),
    )
}

#[test]
fn versioning_with_a_noncurrent_rule_adds_its_days() {
    let snap = bucket()
        .ok(I, "s3:GetLifecycleConfiguration", B, json!({"Rules": [
            {"ID": "keep", "Status": "Enabled", "Filter": {"Prefix": "connect/"},
             "Expiration": {"Days": 365}, "NoncurrentVersionExpiration": {"NoncurrentDays": 30}},
            {"ID": "narrow", "Status": "Enabled", "Filter": {"Prefix": "connect/rec/2026"}, "Expiration": {"Days": 2}},
            {"ID": "dated", "Status": "Enabled", "Filter": {"Prefix": "connect/"}, "Expiration": {"Date": "2030-01-01T00:00:00Z"}}
        ]}))
        .ok(I, "s3:GetBucketVersioning", B, json!({"Status": "Enabled"}))
        .not_configured(I, "s3:GetBucketObjectLockConfiguration", B, "ObjectLockConfigurationNotFoundError")
        .ok(I, "s3:GetEncryptionConfiguration", B, json!({"ServerSideEncryptionConfiguration": {"Rules": [
            {"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]}}))
        .build();
    let live = read(&snap);
    let t = claim(&live, "call-recordings", "retention");
    assert_eq!(t.value, Value::Duration(Duration::days(395)));
    assert_eq!(
        t.explain.en,
        "Lifecycle rule keep expires objects 365 days after creation. The bucket is versioned, so expired data stays as a noncurrent version for 30 more days (NoncurrentVersionExpiration): 395 days in all."
    );
    assert_eq!(
        t.explain.ja,
        "ライフサイクルルール keep がオブジェクトを作成から365日後に失効させます。バケットはバージョニングが有効なため、失効したデータは非現行バージョンとしてさらに30日残り（NoncurrentVersionExpiration）、合計395日保持されます。"
    );
    assert_eq!(t.observations[0].pointer, "/Rules/0/Expiration/Days");
    assert_eq!(
        t.observations[1].pointer,
        "/Rules/0/NoncurrentVersionExpiration/NoncurrentDays"
    );
    let caveats: Vec<&str> = t.caveats.iter().map(|c| c.en.as_str()).collect();
    assert_eq!(
        caveats,
        [
            "Lifecycle rule narrow applies only to part of this data (a narrower prefix, tags or object size).",
            "Lifecycle rule dated expires objects on a fixed date, not after a period."
        ]
    );
    let d = claim(&live, "call-recordings", "deletion.on-request");
    assert_eq!(d.value, Value::Bool(true));
    assert_eq!(
        d.explain.ja,
        "オブジェクトはバケット rec\\_bucket から削除できます。バージョニングが有効なため、削除したデータは非現行バージョンとして最大30日残ってから消えます（すぐに消すには全バージョンを削除します）。"
    );
    // Default encryption: SSE-S3, with the note that it rests on the bucket.
    let k = claim(&live, "call-recordings", "encryption.at-rest.key");
    assert_eq!(k.value, Value::Key(KeyOwner::AwsOwned));
    assert_eq!(
        k.explain.en,
        "Bucket rec\\_bucket encrypts by default with SSE-S3 (keys owned and managed by S3)."
    );
    assert_eq!(
        k.caveats[0].ja,
        "ストレージ設定にはKMSキーの指定がないため、バケットの既定の暗号化設定を根拠にしています。"
    );
}

#[test]
fn object_lock_governs_retention_and_forbids_deletion() {
    let snap = bucket()
        .ok(I, "s3:GetLifecycleConfiguration", B, json!({"Rules": [
            {"ID": "short", "Status": "Enabled", "Filter": {"Prefix": ""}, "Expiration": {"Days": 30}}]}))
        .ok(I, "s3:GetBucketVersioning", B, json!({"Status": "Enabled"}))
        .ok(I, "s3:GetBucketObjectLockConfiguration", B, json!({"ObjectLockConfiguration": {
            "ObjectLockEnabled": "Enabled", "Rule": {"DefaultRetention": {"Mode": "GOVERNANCE", "Years": 1}}}}))
        .build();
    let live = read(&snap);
    let t = claim(&live, "call-recordings", "retention");
    // Versioned without a noncurrent rule: never, which the lock does not shorten.
    assert_eq!(t.value, Value::Duration(Duration::Never));
    assert_eq!(t.caveats[0].en, "Object Lock (GOVERNANCE, 1 year) is on.");
    assert_eq!(
        t.caveats[0].ja,
        "オブジェクトロック（GOVERNANCE、1年）が有効です。"
    );
    let d = claim(&live, "call-recordings", "deletion.on-request");
    assert_eq!(d.value, Value::Bool(false));
    assert_eq!(
        d.explain.en,
        "Bucket rec\\_bucket has Object Lock on (GOVERNANCE, default retention 1 year). No object can be deleted before its retention ends, so a request to delete one cannot be honoured until then."
    );
    assert_eq!(
        d.explain.ja,
        "バケット rec\\_bucket はオブジェクトロック（GOVERNANCE、既定の保持期間 1年）が有効です。各オブジェクトは保持期間が終わるまで削除できないため、個別の削除依頼にはその期間が過ぎるまで応じられません。"
    );
    assert_eq!(
        d.caveats[0].en,
        "In governance mode, a user with s3:BypassGovernanceRetention can lift the lock and delete."
    );
    // Encryption was not collected: unavailable, with the reason.
    assert_eq!(
        unavailable(&live, "call-recordings", "encryption.at-rest"),
        "no GetBucketEncryption in the snapshot"
    );
}

#[test]
fn a_lock_longer_than_the_rule_sets_the_retention() {
    let snap = bucket()
        .ok(I, "s3:GetLifecycleConfiguration", B, json!({"Rules": [
            {"ID": "short", "Status": "Enabled", "Filter": {"Prefix": ""}, "Expiration": {"Days": 30}}]}))
        .ok(I, "s3:GetBucketVersioning", B, json!({}))
        .ok(I, "s3:GetBucketObjectLockConfiguration", B, json!({"ObjectLockConfiguration": {
            "ObjectLockEnabled": "Enabled", "Rule": {"DefaultRetention": {"Mode": "COMPLIANCE", "Days": 90}}}}))
        .build();
    let t = claim(&read(&snap), "call-recordings", "retention").clone();
    assert_eq!(t.value, Value::Duration(Duration::days(90)));
    assert_eq!(
        t.explain.en,
        "Lifecycle rule short expires objects under prefix connect/rec in bucket rec\\_bucket 30 days after creation. Object Lock (COMPLIANCE, 90 days) keeps every object at least that long, so the lock period governs."
    );
    assert_eq!(
        t.explain.ja,
        "ライフサイクルルール short が、バケット rec\\_bucket のプレフィックス connect/rec のオブジェクトを作成から30日後に失効させます。 ただしオブジェクトロック（COMPLIANCE、90日）により、各オブジェクトはその期間が終わるまで削除できないため、少なくともその期間保持されます。"
    );
}

#[test]
fn failed_calls_leave_properties_unavailable_with_the_reason() {
    let snap = bucket()
        .denied(I, "s3:GetLifecycleConfiguration", B)
        .denied(I, "s3:GetBucketLocation", B)
        .denied(I, "s3:GetBucketPublicAccessBlock", B)
        .denied(I, "s3:GetBucketPolicy", B)
        .denied(I, "s3:GetBucketVersioning", B)
        .denied(I, "s3:GetBucketObjectLockConfiguration", B)
        .build();
    let live = read(&snap);
    assert_eq!(
        unavailable(&live, "call-recordings", "retention"),
        "AccessDenied on s3:GetLifecycleConfiguration"
    );
    assert_eq!(
        unavailable(&live, "call-recordings", "region"),
        "AccessDenied on s3:GetBucketLocation"
    );
    assert_eq!(
        unavailable(&live, "call-recordings", "access-control"),
        "AccessDenied on s3:GetBucketPublicAccessBlock; AccessDenied on s3:GetBucketPolicy"
    );
    assert_eq!(
        unavailable(&live, "call-recordings", "deletion.on-request"),
        "AccessDenied on s3:GetBucketObjectLockConfiguration; AccessDenied on s3:GetBucketVersioning"
    );
    // The storage config itself was read.
    assert!(live
        .claims
        .iter()
        .any(|c| c.category == "call-recordings" && c.property.name() == "storage"));
}

#[test]
fn access_without_policy_or_block_names_both() {
    let snap = bucket()
        .not_configured(
            I,
            "s3:GetBucketPublicAccessBlock",
            B,
            "NoSuchPublicAccessBlockConfiguration",
        )
        .denied(I, "s3:GetBucketPolicy", B)
        .build();
    let a = claim(&read(&snap), "call-recordings", "access-control").clone();
    let Value::Text(t) = &a.value else {
        panic!("{:?}", a.value)
    };
    assert_eq!(
        t.en,
        "Security profile permissions inside Connect; S3 bucket rec_bucket: no public access block on the bucket, bucket policy unknown (AccessDenied on s3:GetBucketPolicy)"
    );
    assert_eq!(
        t.ja,
        "Connect内はセキュリティプロファイルの権限、S3バケット rec_bucket: バケットにパブリックアクセスブロック設定なし、バケットポリシーは不明（AccessDenied on s3:GetBucketPolicy）"
    );
    assert_eq!(a.observations[1].pointer, "/Error/Code");
}

#[test]
fn versioned_without_noncurrent_expiry_names_the_condition_for_deletion() {
    let snap = bucket()
        .ok(I, "s3:GetLifecycleConfiguration", B, json!({"Rules": [
            {"ID": "rec", "Status": "Enabled", "Filter": {"Prefix": "connect/rec/"}, "Expiration": {"Days": 365}}]}))
        .ok(I, "s3:GetBucketVersioning", B, json!({"Status": "Enabled"}))
        .not_configured(I, "s3:GetBucketObjectLockConfiguration", B, "ObjectLockConfigurationNotFoundError")
        .build();
    let live = read(&snap);
    let d = claim(&live, "call-recordings", "deletion.on-request");
    assert_eq!(d.value, Value::Bool(true));
    let c = d.condition.as_ref().expect("a condition");
    assert_eq!(
        c.en,
        "A request is honoured only if the deletion process removes every version of the object, not just the current one. A lifecycle rule with NoncurrentVersionExpiration covering prefix connect/rec, or a documented procedure that deletes every version, would settle it."
    );
    assert!(c.ja.contains("全バージョンを削除"), "{}", c.ja);
    // A noncurrent rule bounds it: no condition.
    let snap = bucket()
        .ok(I, "s3:GetLifecycleConfiguration", B, json!({"Rules": [
            {"ID": "rec", "Status": "Enabled", "Filter": {"Prefix": "connect/rec/"}, "Expiration": {"Days": 365},
             "NoncurrentVersionExpiration": {"NoncurrentDays": 7}}]}))
        .ok(I, "s3:GetBucketVersioning", B, json!({"Status": "Enabled"}))
        .not_configured(I, "s3:GetBucketObjectLockConfiguration", B, "ObjectLockConfigurationNotFoundError")
        .build();
    let live = read(&snap);
    assert_eq!(
        claim(&live, "call-recordings", "deletion.on-request").condition,
        None
    );
    // Not versioned: final, no condition.
    let snap = bucket()
        .ok(I, "s3:GetLifecycleConfiguration", B, json!({"Rules": []}))
        .ok(I, "s3:GetBucketVersioning", B, json!({}))
        .not_configured(
            I,
            "s3:GetBucketObjectLockConfiguration",
            B,
            "ObjectLockConfigurationNotFoundError",
        )
        .build();
    assert_eq!(
        claim(&read(&snap), "call-recordings", "deletion.on-request").condition,
        None
    );
}
