//! Amazon Data Firehose: DescribeDeliveryStream of a delivery stream named
//! by a storage config (encryption status and key type, destination).

use super::arn::{arn_parts, key_region};
use super::{client_for, Ctx, Req};

/// Collect one delivery stream. Returns the customer managed key it names.
pub(crate) async fn delivery_stream(
    ctx: &Ctx,
    region: &str,
    account: &str,
    instance: &str,
    arn: &str,
) -> Vec<(String, String)> {
    let r = arn_parts(arn)
        .map(|(r, _)| r.to_string())
        .unwrap_or_else(|| region.to_string());
    let name = arn.rsplit('/').next().unwrap_or(arn).to_string();
    let client = client_for!(ctx, firehose, aws_sdk_firehose, "firehose", &r);
    let req = Req::new(
        "firehose:DescribeDeliveryStream",
        &r,
        account,
        Some(instance),
    )
    .param("DeliveryStreamName", name.clone());
    let out = ctx
        .call(req, None, |cap| async move {
            client
                .describe_delivery_stream()
                .delivery_stream_name(name)
                .customize()
                .interceptor(cap)
                .send()
                .await
        })
        .await;
    out.ok()
        .and_then(|o| {
            o.delivery_stream_description()
                .and_then(|d| d.delivery_stream_encryption_configuration())
                .and_then(|e| e.key_arn())
                .map(str::to_string)
        })
        .map(|k| vec![(key_region(&k, &r), k)])
        .unwrap_or_default()
}
