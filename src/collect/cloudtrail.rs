//! AWS CloudTrail: the trails that can record an instance's audit log, read
//! in the instance's Region. `DescribeTrails` with shadow trails (a
//! multi-Region trail, or an organization trail, appears in every Region it
//! covers, with its home Region), then per trail `GetEventSelectors` (basic
//! and advanced selectors: which data events it records) and
//! `GetTrailStatus` (whether it is logging), both named by the trail ARN
//! and asked of the trail's home Region (a shadow trail is a replica: its
//! home Region holds the trail itself). The trails' buckets (their lifecycle is
//! a trail's retention) and KMS keys are returned, for the instance to
//! follow with its own buckets and keys (`super::connect`): a bucket that
//! holds both recordings and trail logs is read once.
//! Never reads events (no `LookupEvents`) or log files.
//!
//! `DescribeTrails` is not paginated (the API has no `NextToken`); the
//! other two calls answer for one trail.

use super::arn::key_region;
use super::{client_for, Ctx, Req};
use futures::future::join_all;

/// A trail as DescribeTrails showed it: what to follow.
struct TrailRef {
    arn: String,
    home: Option<String>,
    bucket: Option<String>,
    key: Option<String>,
}

/// What the trails name, to follow: buckets, and KMS keys (Region, key
/// reference).
#[derive(Debug, Default)]
pub(crate) struct Found {
    pub buckets: Vec<String>,
    pub keys: Vec<(String, String)>,
}

/// Collect the trails of one Region for an instance.
pub(crate) async fn trails(ctx: &Ctx, region: &str, account: &str, instance: &str) -> Found {
    let client = client_for!(ctx, cloudtrail, aws_sdk_cloudtrail, "cloudtrail", region);
    let req = Req::new("cloudtrail:DescribeTrails", region, account, Some(instance))
        .param("includeShadowTrails", "true");
    let c = client.clone();
    let Ok(d) = ctx
        .call(req, None, |cap| async move {
            c.describe_trails()
                .include_shadow_trails(true)
                .customize()
                .interceptor(cap)
                .send()
                .await
        })
        .await
    else {
        return Found::default();
    };
    let found: Vec<TrailRef> = d
        .trail_list()
        .iter()
        .filter_map(|t| {
            Some(TrailRef {
                arn: t.trail_arn()?.to_string(),
                home: t.home_region().map(str::to_string),
                bucket: t.s3_bucket_name().map(str::to_string),
                key: t.kms_key_id().map(str::to_string),
            })
        })
        .collect();
    join_all(
        found
            .iter()
            .map(|t| trail(ctx, region, account, instance, t)),
    )
    .await;
    Found {
        buckets: found.iter().filter_map(|t| t.bucket.clone()).collect(),
        keys: found
            .iter()
            .filter_map(|t| t.key.as_ref().map(|k| (key_region(k, region), k.clone())))
            .collect(),
    }
}

/// One trail: its selectors and its status.
async fn trail(ctx: &Ctx, region: &str, account: &str, instance: &str, t: &TrailRef) {
    let home = t.home.as_deref().unwrap_or(region);
    let client = client_for!(ctx, cloudtrail, aws_sdk_cloudtrail, "cloudtrail", home);
    let region = home;
    let sel_req = Req::new(
        "cloudtrail:GetEventSelectors",
        region,
        account,
        Some(instance),
    )
    .param("TrailName", t.arn.clone());
    let (c1, a1) = (client.clone(), t.arn.clone());
    let selectors = ctx.call(sel_req, None, |cap| async move {
        c1.get_event_selectors()
            .trail_name(a1)
            .customize()
            .interceptor(cap)
            .send()
            .await
    });
    let st_req = Req::new("cloudtrail:GetTrailStatus", region, account, Some(instance))
        .param("Name", t.arn.clone());
    let (c2, a2) = (client.clone(), t.arn.clone());
    let status = ctx.call(st_req, None, |cap| async move {
        c2.get_trail_status()
            .name(a2)
            .customize()
            .interceptor(cap)
            .send()
            .await
    });
    let _ = futures::join!(selectors, status);
}
