//! S3: for a bucket named by a storage config, its location, lifecycle
//! rules, default encryption, versioning, Object Lock, bucket policy (for
//! the `aws:SecureTransport` condition) and public access block. S3 answers
//! in XML, so each output is stored as JSON with the API's field names.
//! Never lists or reads objects.

use super::arn::{key_region, region_of_constraint};
use super::{client_for, Ctx, Req};
use serde_json::{json, Map, Value};

fn put(m: &mut Map<String, Value>, k: &str, v: Option<Value>) {
    if let Some(v) = v {
        m.insert(k.to_string(), v);
    }
}

fn s(x: Option<&str>) -> Option<Value> {
    x.map(|v| Value::String(v.to_string()))
}

fn location(o: &aws_sdk_s3::operation::get_bucket_location::GetBucketLocationOutput) -> Value {
    json!({"LocationConstraint": o.location_constraint().map(|l| l.as_str().to_string())})
}

fn filter(f: &aws_sdk_s3::types::LifecycleRuleFilter) -> Value {
    let mut m = Map::new();
    put(&mut m, "Prefix", s(f.prefix()));
    put(
        &mut m,
        "Tag",
        f.tag().map(|t| json!({"Key": t.key(), "Value": t.value()})),
    );
    put(
        &mut m,
        "ObjectSizeGreaterThan",
        f.object_size_greater_than().map(Value::from),
    );
    put(
        &mut m,
        "ObjectSizeLessThan",
        f.object_size_less_than().map(Value::from),
    );
    if let Some(a) = f.and() {
        let mut am = Map::new();
        put(&mut am, "Prefix", s(a.prefix()));
        if !a.tags().is_empty() {
            am.insert(
                "Tags".into(),
                a.tags()
                    .iter()
                    .map(|t| json!({"Key": t.key(), "Value": t.value()}))
                    .collect(),
            );
        }
        put(
            &mut am,
            "ObjectSizeGreaterThan",
            a.object_size_greater_than().map(Value::from),
        );
        put(
            &mut am,
            "ObjectSizeLessThan",
            a.object_size_less_than().map(Value::from),
        );
        m.insert("And".into(), Value::Object(am));
    }
    Value::Object(m)
}

fn lifecycle(
    o: &aws_sdk_s3::operation::get_bucket_lifecycle_configuration::GetBucketLifecycleConfigurationOutput,
) -> Value {
    let rules: Vec<Value> = o
        .rules()
        .iter()
        .map(|r| {
            let mut m = Map::new();
            put(&mut m, "ID", s(r.id()));
            m.insert("Status".into(), Value::String(r.status().as_str().to_string()));
            #[allow(deprecated)]
            put(&mut m, "Prefix", s(r.prefix()));
            put(&mut m, "Filter", r.filter().map(filter));
            if let Some(e) = r.expiration() {
                let mut em = Map::new();
                put(&mut em, "Days", e.days().map(Value::from));
                put(&mut em, "Date", e.date().map(|d| Value::String(d.to_string())));
                put(
                    &mut em,
                    "ExpiredObjectDeleteMarker",
                    e.expired_object_delete_marker().map(Value::from),
                );
                m.insert("Expiration".into(), Value::Object(em));
            }
            if let Some(n) = r.noncurrent_version_expiration() {
                let mut nm = Map::new();
                put(&mut nm, "NoncurrentDays", n.noncurrent_days().map(Value::from));
                put(
                    &mut nm,
                    "NewerNoncurrentVersions",
                    n.newer_noncurrent_versions().map(Value::from),
                );
                m.insert("NoncurrentVersionExpiration".into(), Value::Object(nm));
            }
            if !r.transitions().is_empty() {
                m.insert(
                    "Transitions".into(),
                    r.transitions()
                        .iter()
                        .map(|t| {
                            json!({"Days": t.days(), "StorageClass": t.storage_class().map(|c| c.as_str().to_string())})
                        })
                        .collect(),
                );
            }
            Value::Object(m)
        })
        .collect();
    json!({ "Rules": rules })
}

fn encryption(
    o: &aws_sdk_s3::operation::get_bucket_encryption::GetBucketEncryptionOutput,
) -> Value {
    let rules: Vec<Value> = o
        .server_side_encryption_configuration()
        .map(|c| c.rules())
        .unwrap_or_default()
        .iter()
        .map(|r| {
            let mut m = Map::new();
            if let Some(d) = r.apply_server_side_encryption_by_default() {
                let mut dm = Map::new();
                dm.insert(
                    "SSEAlgorithm".into(),
                    Value::String(d.sse_algorithm().as_str().to_string()),
                );
                put(&mut dm, "KMSMasterKeyID", s(d.kms_master_key_id()));
                m.insert(
                    "ApplyServerSideEncryptionByDefault".into(),
                    Value::Object(dm),
                );
            }
            put(
                &mut m,
                "BucketKeyEnabled",
                r.bucket_key_enabled().map(Value::from),
            );
            Value::Object(m)
        })
        .collect();
    json!({"ServerSideEncryptionConfiguration": {"Rules": rules}})
}

fn versioning(
    o: &aws_sdk_s3::operation::get_bucket_versioning::GetBucketVersioningOutput,
) -> Value {
    let mut m = Map::new();
    put(
        &mut m,
        "Status",
        o.status().map(|x| Value::String(x.as_str().to_string())),
    );
    put(
        &mut m,
        "MFADelete",
        o.mfa_delete()
            .map(|x| Value::String(x.as_str().to_string())),
    );
    Value::Object(m)
}

fn object_lock(
    o: &aws_sdk_s3::operation::get_object_lock_configuration::GetObjectLockConfigurationOutput,
) -> Value {
    let Some(c) = o.object_lock_configuration() else {
        return json!({});
    };
    let mut m = Map::new();
    put(
        &mut m,
        "ObjectLockEnabled",
        c.object_lock_enabled()
            .map(|x| Value::String(x.as_str().to_string())),
    );
    if let Some(d) = c.rule().and_then(|r| r.default_retention()) {
        let mut dm = Map::new();
        put(
            &mut dm,
            "Mode",
            d.mode().map(|x| Value::String(x.as_str().to_string())),
        );
        put(&mut dm, "Days", d.days().map(Value::from));
        put(&mut dm, "Years", d.years().map(Value::from));
        m.insert("Rule".into(), json!({"DefaultRetention": dm}));
    }
    json!({"ObjectLockConfiguration": m})
}

fn policy(o: &aws_sdk_s3::operation::get_bucket_policy::GetBucketPolicyOutput) -> Value {
    json!({"Policy": o.policy()})
}

fn public_access(
    o: &aws_sdk_s3::operation::get_public_access_block::GetPublicAccessBlockOutput,
) -> Value {
    let Some(c) = o.public_access_block_configuration() else {
        return json!({});
    };
    json!({"PublicAccessBlockConfiguration": {
        "BlockPublicAcls": c.block_public_acls(),
        "IgnorePublicAcls": c.ignore_public_acls(),
        "BlockPublicPolicy": c.block_public_policy(),
        "RestrictPublicBuckets": c.restrict_public_buckets(),
    }})
}

macro_rules! s3_call {
    ($ctx:expr, $client:expr, $req:expr, $conv:expr, $op:ident, $bucket:expr) => {{
        let c = $client.clone();
        let b = $bucket.to_string();
        $ctx.call($req, Some($conv), |cap| async move {
            c.$op().bucket(b).customize().interceptor(cap).send().await
        })
    }};
}

/// Collect one bucket. Returns the KMS keys its default encryption names
/// (Region, key reference).
pub(crate) async fn bucket(
    ctx: &Ctx,
    region: &str,
    account: &str,
    instance: &str,
    bucket: &str,
) -> Vec<(String, String)> {
    let home = client_for!(ctx, s3, aws_sdk_s3, "s3", region);
    let req =
        |iam: &str, r: &str| Req::new(iam, r, account, Some(instance)).param("Bucket", bucket);
    let loc = s3_call!(
        ctx,
        home,
        req("s3:GetBucketLocation", region),
        location,
        get_bucket_location,
        bucket
    )
    .await;
    // Ask the bucket's own Region (other Regions answer with a redirect).
    let bregion = match &loc {
        Ok(o) => region_of_constraint(o.location_constraint().map(|l| l.as_str())),
        Err(_) => region.to_string(),
    };
    let client = client_for!(ctx, s3, aws_sdk_s3, "s3", &bregion);
    let r = bregion.as_str();
    let (_, enc, _, _, _, _) = futures::join!(
        s3_call!(
            ctx,
            client,
            req("s3:GetLifecycleConfiguration", r),
            lifecycle,
            get_bucket_lifecycle_configuration,
            bucket
        ),
        s3_call!(
            ctx,
            client,
            req("s3:GetEncryptionConfiguration", r),
            encryption,
            get_bucket_encryption,
            bucket
        ),
        s3_call!(
            ctx,
            client,
            req("s3:GetBucketVersioning", r),
            versioning,
            get_bucket_versioning,
            bucket
        ),
        s3_call!(
            ctx,
            client,
            req("s3:GetBucketObjectLockConfiguration", r),
            object_lock,
            get_object_lock_configuration,
            bucket
        ),
        s3_call!(
            ctx,
            client,
            req("s3:GetBucketPolicy", r),
            policy,
            get_bucket_policy,
            bucket
        ),
        s3_call!(
            ctx,
            client,
            req("s3:GetBucketPublicAccessBlock", r),
            public_access,
            get_public_access_block,
            bucket
        ),
    );
    let mut keys = Vec::new();
    if let Ok(e) = enc {
        for rule in e
            .server_side_encryption_configuration()
            .map(|c| c.rules())
            .unwrap_or_default()
        {
            if let Some(k) = rule
                .apply_server_side_encryption_by_default()
                .and_then(|d| d.kms_master_key_id())
            {
                keys.push((key_region(k, &bregion), k.to_string()));
            }
        }
    }
    keys
}
