//! Live collectors: read-only AWS API calls that prove claims, saved as a
//! snapshot folder (see [`snapshot`]) that `build --evidence` turns into
//! observed claims offline (`crate::observe`, which reads it without I/O).
//!
//! This module is AWS I/O only. Every collector goes through the runner
//! (`runner`, `Ctx::call`):
//! - bounded concurrency (one semaphore for every call in flight);
//! - pacing of Connect calls (about 2 requests per second per account and
//!   Region, the documented throttle of the List APIs), so a run with many
//!   instances does not hammer the account;
//! - retries with backoff (the SDK's standard retry strategy, which retries
//!   throttling and transient network errors);
//! - a timeout per call and one for the whole run: a call that cannot start
//!   before the overall deadline is recorded as skipped, never awaited;
//! - every call, success or failure, becomes an [`snapshot::Observation`];
//!   a fault never aborts the run;
//! - a progress bar on stderr when it is a terminal, plain log lines
//!   otherwise, and a closing summary.
//!
//! The collectors only call the actions in [`ACTIONS`], which
//! `evidence/iam-policy.json` lists exactly (a test keeps them equal). They
//! read configuration metadata only: never contact records, recordings,
//! transcripts or log events.

mod actions;
pub mod arn;
mod cloudtrail;
mod connect;
mod contact_flows;
mod customer_profiles;
mod errors;
mod firehose;
mod kinesis;
mod kms;
mod logs;
mod options;
mod runner;
mod s3;
pub mod snapshot;

pub use actions::{action, Action, ACTIONS};
pub use options::{Endpoints, Options, ProgressMode, Selector};
pub(crate) use runner::{client_for, Ctx, Record, Req};
pub use snapshot::Snapshot;

use aws_config::SdkConfig;
use std::sync::Arc;

/// Collect live evidence: every selected instance in every Region, and
/// every resource their storage configs name. Never fails: faults are
/// recorded in the snapshot.
pub async fn collect(sdk: SdkConfig, endpoints: Endpoints, opts: Options) -> Snapshot {
    let started_at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let ctx = Arc::new(Ctx::new(sdk, endpoints, opts.clone()));
    let mut instances = Vec::new();
    let mut notes = Vec::new();
    // Regions run side by side: each has its own Connect pacing.
    let per_region = futures::future::join_all(
        opts.regions
            .iter()
            .map(|r| connect::collect_region(ctx.clone(), r.clone())),
    )
    .await;
    for (found, n) in per_region {
        instances.extend(found);
        notes.extend(n);
    }
    let mut records = ctx.finish();
    // Calls started before DescribeInstance answered learn the account now.
    for r in &mut records {
        if r.obs.account.is_empty() {
            if let Some(i) = instances.iter().find(|i: &&snapshot::InstanceEntry| {
                Some(&i.id) == r.obs.instance.as_ref() && !i.account.is_empty()
            }) {
                r.obs.account = i.account.clone();
            }
        }
    }
    let finished_at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    Snapshot::assemble(snapshot::Assembly {
        started_at,
        finished_at,
        regions: opts.regions.clone(),
        selector: match &opts.instances {
            Selector::All => vec!["all".to_string()],
            Selector::Named(v) => v.clone(),
        },
        instances,
        notes,
        records,
    })
}

/// Run a collection with the standard AWS configuration chain (env,
/// profiles, SSO, IMDS; AWS_PROFILE, AWS_REGION, `AWS_ENDPOINT_URL[_<SERVICE>]`)
/// on a Tokio runtime of its own. Without Regions in `opts`, the
/// configuration's Region is used. Errors are messages for the user.
pub fn run(mut opts: Options) -> Result<Snapshot, String> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the async runtime: {e}"))?;
    rt.block_on(async move {
        let sdk = aws_config::defaults(aws_config::BehaviorVersion::latest())
            .load()
            .await;
        if opts.regions.is_empty() {
            match sdk.region() {
                Some(r) => opts.regions.push(r.to_string()),
                None => {
                    return Err("no AWS Region given\n  hint: pass --region ap-northeast-1, or set AWS_REGION or a profile's region".to_string())
                }
            }
        }
        Ok(collect(sdk, Default::default(), opts).await)
    })
}
