//! KMS: for every key met (storage configs, bucket default encryption,
//! streams, log groups), DescribeKey (KeyManager, KeyState) and
//! GetKeyRotationStatus. Never uses a key.

use super::{client_for, Ctx, Req};

/// Collect one key, named as the resource named it (id, ARN or alias).
pub(crate) async fn key(ctx: &Ctx, region: &str, account: &str, instance: &str, key: &str) {
    let client = client_for!(ctx, kms, aws_sdk_kms, "kms", region);
    let req = Req::new("kms:DescribeKey", region, account, Some(instance)).param("KeyId", key);
    let (c, k) = (client.clone(), key.to_string());
    let Ok(d) = ctx
        .call(req, None, |cap| async move {
            c.describe_key()
                .key_id(k)
                .customize()
                .interceptor(cap)
                .send()
                .await
        })
        .await
    else {
        return;
    };
    let Some(id) = d.key_metadata().map(|m| m.key_id().to_string()) else {
        return;
    };
    let req = Req::new("kms:GetKeyRotationStatus", region, account, Some(instance))
        .param("KeyId", id.clone());
    let _ = ctx
        .call(req, None, |cap| async move {
            client
                .get_key_rotation_status()
                .key_id(id)
                .customize()
                .interceptor(cap)
                .send()
                .await
        })
        .await;
}
