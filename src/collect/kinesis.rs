//! Kinesis Data Streams: DescribeStreamSummary of a stream named by a
//! storage config (retention hours, encryption type and key). Never reads
//! records.

use super::arn::{arn_parts, key_region};
use super::{client_for, Ctx, Req};

/// Collect one stream. Returns the KMS key it names, if any.
pub(crate) async fn stream(
    ctx: &Ctx,
    region: &str,
    account: &str,
    instance: &str,
    arn: &str,
) -> Vec<(String, String)> {
    let r = arn_parts(arn)
        .map(|(r, _)| r.to_string())
        .unwrap_or_else(|| region.to_string());
    let client = client_for!(ctx, kinesis, aws_sdk_kinesis, "kinesis", &r);
    let req = Req::new("kinesis:DescribeStreamSummary", &r, account, Some(instance))
        .param("StreamARN", arn);
    let a2 = arn.to_string();
    let out = ctx
        .call(req, None, |cap| async move {
            client
                .describe_stream_summary()
                .stream_arn(a2)
                .customize()
                .interceptor(cap)
                .send()
                .await
        })
        .await;
    out.ok()
        .and_then(|o| {
            o.stream_description_summary()
                .and_then(|s| s.key_id())
                .map(str::to_string)
        })
        .map(|k| vec![(key_region(&k, &r), k)])
        .unwrap_or_default()
}
