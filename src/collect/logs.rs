//! CloudWatch Logs: the instance's flow-log group, found with
//! DescribeLogGroups and the prefix `/aws/connect/<alias>` (retention days,
//! KMS key). Never reads log events.

use super::arn::{flow_log_group_name, key_region};
use super::{client_for, Ctx, Req};

/// Collect the flow-log group. Returns its KMS key, if any.
pub(crate) async fn flow_log_group(
    ctx: &Ctx,
    region: &str,
    account: &str,
    instance: &str,
    alias: &str,
) -> Vec<(String, String)> {
    let client = client_for!(ctx, logs, aws_sdk_cloudwatchlogs, "logs", region);
    let prefix = flow_log_group_name(alias);
    let req = Req::new("logs:DescribeLogGroups", region, account, Some(instance))
        .param("logGroupNamePrefix", prefix.clone());
    let p2 = prefix.clone();
    let out = ctx
        .call(req, None, |cap| async move {
            client
                .describe_log_groups()
                .log_group_name_prefix(p2)
                .customize()
                .interceptor(cap)
                .send()
                .await
        })
        .await;
    out.ok()
        .and_then(|o| {
            o.log_groups()
                .iter()
                .find(|g| g.log_group_name() == Some(prefix.as_str()))
                .and_then(|g| g.kms_key_id())
                .map(str::to_string)
        })
        .map(|k| vec![(key_region(&k, region), k)])
        .unwrap_or_default()
}
