//! Amazon Connect: find the instances, then per instance DescribeInstance,
//! ListInstanceStorageConfigs for every resource type, the data-relevant
//! instance attributes and the security profiles; then follow every storage
//! config to the bucket, stream or key it names (the other modules). The
//! flows and flow modules are listed and fetched by [`super::contact_flows`].

use super::arn::{arn_parts, key_region};
use super::{client_for, snapshot::InstanceEntry, Ctx, Req, Selector};
use aws_sdk_connect::types::{InstanceAttributeType, InstanceStorageResourceType, StorageType};
use futures::future::join_all;
use futures::StreamExt;
use std::collections::BTreeSet;
use std::sync::Arc;

/// Every storage resource type (ListInstanceStorageConfigs takes one at a time).
pub const RESOURCE_TYPES: &[&str] = &[
    "AGENT_EVENTS",
    "ATTACHMENTS",
    "CALL_RECORDINGS",
    "CHAT_TRANSCRIPTS",
    "CONTACT_EVALUATIONS",
    "CONTACT_TRACE_RECORDS",
    "EMAIL_MESSAGES",
    "MEDIA_STREAMS",
    "REAL_TIME_CONTACT_ANALYSIS_CHAT_SEGMENTS",
    "REAL_TIME_CONTACT_ANALYSIS_SEGMENTS",
    "REAL_TIME_CONTACT_ANALYSIS_VOICE_SEGMENTS",
    "SCHEDULED_REPORTS",
    "SCREEN_RECORDINGS",
];

/// Instance attributes that bear on data: flow logging and Contact Lens
/// (which writes redacted and unredacted copies of recordings).
pub const ATTRIBUTES: &[&str] = &["CONTACTFLOW_LOGS", "CONTACT_LENS"];

fn looks_like_id(s: &str) -> bool {
    s.len() == 36 && s.chars().all(|c| c.is_ascii_hexdigit() || c == '-')
}

struct Summary {
    id: String,
    arn: Option<String>,
    alias: Option<String>,
}

async fn list_instances(ctx: &Ctx, region: &str) -> Option<Vec<Summary>> {
    let client = client_for!(ctx, connect, aws_sdk_connect, "connect", region);
    let mut out = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let mut req = Req::new("connect:ListInstances", region, "", None);
        if let Some(t) = &token {
            req = req.param("NextToken", t.clone());
        }
        let c = client.clone();
        let t = token.clone();
        let page = ctx
            .call(req, None, |cap| async move {
                c.list_instances()
                    .set_next_token(t)
                    .customize()
                    .interceptor(cap)
                    .send()
                    .await
            })
            .await
            .ok()?;
        for s in page.instance_summary_list() {
            if let Some(id) = s.id() {
                out.push(Summary {
                    id: id.to_string(),
                    arn: s.arn().map(str::to_string),
                    alias: s.instance_alias().map(str::to_string),
                });
            }
        }
        match page.next_token() {
            Some(t) if !t.is_empty() => token = Some(t.to_string()),
            _ => break,
        }
    }
    Some(out)
}

/// Collect every selected instance of one Region. Returns the instances
/// found and notes (names that matched nothing).
pub(crate) async fn collect_region(
    ctx: Arc<Ctx>,
    region: String,
) -> (Vec<InstanceEntry>, Vec<String>) {
    let mut notes = Vec::new();
    let names = match &ctx.opts.instances {
        Selector::All => None,
        Selector::Named(v) => Some(v.clone()),
    };
    // Ids (or ARNs in this Region) need no listing; aliases do.
    let needs_list = names.as_ref().is_none_or(|v| {
        v.iter()
            .any(|n| !looks_like_id(n) && arn_parts(n).is_none())
    });
    let listed = if needs_list {
        list_instances(&ctx, &region).await
    } else {
        None
    };
    let listed_ok = listed.is_some();
    let mut chosen: Vec<Summary> = Vec::new();
    match &names {
        None => chosen = listed.unwrap_or_default(),
        Some(v) => {
            for n in v {
                if let Some((r, _)) = arn_parts(n) {
                    if r == region {
                        let id = n.rsplit('/').next().unwrap_or(n).to_string();
                        chosen.push(Summary {
                            id,
                            arn: Some(n.clone()),
                            alias: None,
                        });
                    }
                } else if looks_like_id(n) {
                    let known = listed.as_ref().and_then(|l| l.iter().find(|s| &s.id == n));
                    chosen.push(Summary {
                        id: n.clone(),
                        arn: known.and_then(|s| s.arn.clone()),
                        alias: known.and_then(|s| s.alias.clone()),
                    });
                } else if let Some(l) = &listed {
                    match l.iter().find(|s| s.alias.as_deref() == Some(n.as_str())) {
                        Some(s) => chosen.push(Summary {
                            id: s.id.clone(),
                            arn: s.arn.clone(),
                            alias: s.alias.clone(),
                        }),
                        None => notes.push(format!("no instance with alias `{n}` in {region}")),
                    }
                } else {
                    notes.push(format!(
                        "could not list the instances of {region}, so alias `{n}` was not resolved"
                    ));
                }
            }
        }
    }
    if names.is_none() && chosen.is_empty() {
        notes.push(match listed_ok {
            true => format!("no Amazon Connect instance in {region}"),
            false => format!("could not list the instances of {region}"),
        });
    }
    chosen.sort_by(|a, b| a.id.cmp(&b.id));
    chosen.dedup_by(|a, b| a.id == b.id);
    for n in &notes {
        ctx.note(n.clone());
    }
    let conc = ctx.opts.concurrency.max(1);
    let found: Vec<InstanceEntry> = futures::stream::iter(chosen)
        .map(|s| instance(ctx.clone(), region.clone(), s))
        .buffer_unordered(conc)
        .collect()
        .await;
    (found, notes)
}

/// The instance attributes that bear on data ([`ATTRIBUTES`]); the
/// answers are the evidence (kept in the snapshot).
async fn attributes(
    ctx: &Ctx,
    client: &aws_sdk_connect::Client,
    region: &str,
    account: &str,
    id: &str,
) {
    join_all(ATTRIBUTES.iter().map(|at| {
        let c = client.clone();
        let req = Req::new(
            "connect:DescribeInstanceAttribute",
            region,
            account,
            Some(id),
        )
        .param("InstanceId", id)
        .param("AttributeType", *at);
        let i2 = id.to_string();
        async move {
            let _ = ctx
                .call(req, None, |cap| async move {
                    c.describe_instance_attribute()
                        .instance_id(i2)
                        .attribute_type(InstanceAttributeType::from(*at))
                        .customize()
                        .interceptor(cap)
                        .send()
                        .await
                })
                .await;
        }
    }))
    .await;
}

/// What a storage config points at.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Target {
    Bucket(String),
    Stream(String),
    Firehose(String),
}

async fn instance(ctx: Arc<Ctx>, region: String, s: Summary) -> InstanceEntry {
    let client = client_for!(&ctx, connect, aws_sdk_connect, "connect", &region);
    let account0 = s
        .arn
        .as_deref()
        .and_then(arn_parts)
        .map(|(_, a)| a.to_string())
        .unwrap_or_default();
    let id = s.id.clone();
    let c = client.clone();
    let req = Req::new("connect:DescribeInstance", &region, &account0, Some(&id))
        .param("InstanceId", id.clone());
    let i2 = id.clone();
    let describe = ctx.call(req, None, |cap| async move {
        c.describe_instance()
            .instance_id(i2)
            .customize()
            .interceptor(cap)
            .send()
            .await
    });
    let storage = join_all(
        RESOURCE_TYPES
            .iter()
            .map(|rt| storage_configs(&ctx, &client, &region, &account0, &id, rt)),
    );
    let attrs = attributes(&ctx, &client, &region, &account0, &id);
    let profiles = security_profiles(&ctx, &client, &region, &account0, &id);
    let flows = super::contact_flows::flows(&ctx, &client, &region, &account0, &id);
    let trails = super::cloudtrail::trails(&ctx, &region, &account0, &id);
    let lake = data_lake(&ctx, &client, &region, &account0, &id);
    let (described, storage, _, _, _, trails, _) =
        futures::join!(describe, storage, attrs, profiles, flows, trails, lake);

    let (arn, alias) = match &described {
        Ok(d) => (
            d.instance()
                .and_then(|i| i.arn())
                .map(str::to_string)
                .or(s.arn.clone()),
            d.instance()
                .and_then(|i| i.instance_alias())
                .map(str::to_string)
                .or(s.alias.clone()),
        ),
        Err(_) => (s.arn.clone(), s.alias.clone()),
    };
    let account = arn
        .as_deref()
        .and_then(arn_parts)
        .map(|(_, a)| a.to_string())
        .unwrap_or(account0);

    // Customer Profiles needs the instance ARN (its integration's URI).
    let profiles = async {
        if let Some(a) = &arn {
            super::customer_profiles::domain(&ctx, &region, &account, &id, a).await;
        }
    };
    futures::join!(
        follow(
            &ctx,
            &region,
            &account,
            &id,
            alias.as_deref(),
            storage,
            trails,
        ),
        profiles
    );
    ctx.note(format!(
        "instance {} ({}) in {region} done",
        id,
        alias.as_deref().unwrap_or("alias unknown")
    ));
    InstanceEntry {
        region,
        id,
        alias,
        arn,
        account,
    }
}

/// Where the storage configs point: the buckets, streams and delivery
/// streams to follow, and the KMS keys they name (Region, key reference).
fn targets(
    storage: Vec<Vec<aws_sdk_connect::types::InstanceStorageConfig>>,
    region: &str,
) -> (BTreeSet<Target>, BTreeSet<(String, String)>) {
    let mut targets = BTreeSet::new();
    let mut keys: BTreeSet<(String, String)> = BTreeSet::new();
    for cfg in storage.into_iter().flatten() {
        match cfg.storage_type() {
            StorageType::S3 => {
                if let Some(s3) = cfg.s3_config() {
                    targets.insert(Target::Bucket(s3.bucket_name().to_string()));
                    if let Some(k) = s3.encryption_config().map(|e| e.key_id()) {
                        keys.insert((key_region(k, region), k.to_string()));
                    }
                }
            }
            StorageType::KinesisStream => {
                if let Some(k) = cfg.kinesis_stream_config() {
                    targets.insert(Target::Stream(k.stream_arn().to_string()));
                }
            }
            StorageType::KinesisFirehose => {
                if let Some(k) = cfg.kinesis_firehose_config() {
                    targets.insert(Target::Firehose(k.firehose_arn().to_string()));
                }
            }
            StorageType::KinesisVideoStream => {
                if let Some(k) = cfg
                    .kinesis_video_stream_config()
                    .and_then(|v| v.encryption_config())
                {
                    keys.insert((key_region(k.key_id(), region), k.key_id().to_string()));
                }
            }
            _ => {}
        }
    }
    (targets, keys)
}

/// Follow what the storage configs and the trails name, plus the flow-log
/// group, then every KMS key any of them names.
async fn follow(
    ctx: &Ctx,
    region: &str,
    acct: &str,
    id: &str,
    alias: Option<&str>,
    storage: Vec<Vec<aws_sdk_connect::types::InstanceStorageConfig>>,
    trails: super::cloudtrail::Found,
) {
    let (mut targets, mut keys) = targets(storage, region);
    targets.extend(trails.buckets.into_iter().map(Target::Bucket));
    keys.extend(trails.keys);
    let follow = join_all(targets.iter().map(|t| async move {
        match t {
            Target::Bucket(b) => super::s3::bucket(ctx, region, acct, id, b).await,
            Target::Stream(a) => super::kinesis::stream(ctx, region, acct, id, a).await,
            Target::Firehose(a) => super::firehose::delivery_stream(ctx, region, acct, id, a).await,
        }
    }));
    let log_keys = async {
        match alias {
            Some(al) => super::logs::flow_log_group(ctx, region, acct, id, al).await,
            None => Vec::new(),
        }
    };
    let (followed, log_keys) = futures::join!(follow, log_keys);
    for ks in followed.into_iter().chain(std::iter::once(log_keys)) {
        keys.extend(ks);
    }
    join_all(
        keys.iter()
            .map(|(r, k)| super::kms::key(ctx, r, acct, id, k)),
    )
    .await;
}

/// Every page of a paginated Connect call. `page(token)` makes one call
/// (recorded like any other) and returns that page's items and the next
/// token; a failed call ends the listing with what was read so far.
pub(super) async fn every_page<T, F, Fut>(mut page: F) -> Vec<T>
where
    F: FnMut(Option<String>) -> Fut,
    Fut: std::future::Future<Output = Option<(Vec<T>, Option<String>)>>,
{
    let mut out = Vec::new();
    let mut token: Option<String> = None;
    while let Some((items, next)) = page(token.take()).await {
        out.extend(items);
        match next {
            Some(t) if !t.is_empty() => token = Some(t),
            _ => break,
        }
    }
    out
}

/// A request about one instance, with its `NextToken` when there is one.
pub(super) fn paged_req(
    iam: &str,
    region: &str,
    account: &str,
    id: &str,
    token: &Option<String>,
) -> Req {
    let req = Req::new(iam, region, account, Some(id)).param("InstanceId", id);
    match token {
        Some(t) => req.param("NextToken", t.clone()),
        None => req,
    }
}

async fn storage_configs(
    ctx: &Ctx,
    client: &aws_sdk_connect::Client,
    region: &str,
    account: &str,
    id: &str,
    rt: &str,
) -> Vec<aws_sdk_connect::types::InstanceStorageConfig> {
    every_page(|token| {
        // ResourceType comes before NextToken, as the call has always been recorded.
        let mut req = Req::new(
            "connect:ListInstanceStorageConfigs",
            region,
            account,
            Some(id),
        )
        .param("InstanceId", id)
        .param("ResourceType", rt);
        if let Some(t) = &token {
            req = req.param("NextToken", t.clone());
        }
        let c = client.clone();
        let i2 = id.to_string();
        let rt2 = InstanceStorageResourceType::from(rt);
        async move {
            let page = ctx
                .call(req, None, |cap| async move {
                    c.list_instance_storage_configs()
                        .instance_id(i2)
                        .resource_type(rt2)
                        .set_next_token(token)
                        .customize()
                        .interceptor(cap)
                        .send()
                        .await
                })
                .await
                .ok()?;
            Some((
                page.storage_configs().to_vec(),
                page.next_token().map(str::to_string),
            ))
        }
    })
    .await
}

async fn security_profiles(
    ctx: &Ctx,
    client: &aws_sdk_connect::Client,
    region: &str,
    account: &str,
    id: &str,
) {
    // The listing is the evidence (kept in the snapshot); then each
    // profile's permissions (who can play unredacted recordings).
    let ids: Vec<String> = every_page(|token| {
        let req = paged_req("connect:ListSecurityProfiles", region, account, id, &token);
        let (c, i2) = (client.clone(), id.to_string());
        async move {
            let page = ctx
                .call(req, None, |cap| async move {
                    c.list_security_profiles()
                        .instance_id(i2)
                        .set_next_token(token)
                        .customize()
                        .interceptor(cap)
                        .send()
                        .await
                })
                .await
                .ok()?;
            let ids = page
                .security_profile_summary_list()
                .iter()
                .filter_map(|s| s.id().map(str::to_string))
                .collect();
            Some((ids, page.next_token().map(str::to_string)))
        }
    })
    .await;
    join_all(
        ids.iter()
            .map(|sp| profile_permissions(ctx, client, region, account, id, sp)),
    )
    .await;
}

/// `ListSecurityProfilePermissions` of one profile, every page.
async fn profile_permissions(
    ctx: &Ctx,
    client: &aws_sdk_connect::Client,
    region: &str,
    account: &str,
    id: &str,
    profile: &str,
) {
    let _: Vec<()> = every_page(|token| {
        let req = paged_req(
            "connect:ListSecurityProfilePermissions",
            region,
            account,
            id,
            &token,
        )
        .param("SecurityProfileId", profile.to_string());
        let (c, i2, p2) = (client.clone(), id.to_string(), profile.to_string());
        async move {
            let page = ctx
                .call(req, None, |cap| async move {
                    c.list_security_profile_permissions()
                        .instance_id(i2)
                        .security_profile_id(p2)
                        .set_next_token(token)
                        .customize()
                        .interceptor(cap)
                        .send()
                        .await
                })
                .await
                .ok()?;
            Some((Vec::new(), page.next_token().map(str::to_string)))
        }
    })
    .await;
}

/// `ListAnalyticsDataAssociations`, every page: which data lake data sets
/// the instance shares with which accounts (the answers are the evidence).
async fn data_lake(
    ctx: &Ctx,
    client: &aws_sdk_connect::Client,
    region: &str,
    account: &str,
    id: &str,
) {
    let _: Vec<()> = every_page(|token| {
        let req = paged_req(
            "connect:ListAnalyticsDataAssociations",
            region,
            account,
            id,
            &token,
        );
        let (c, i2) = (client.clone(), id.to_string());
        async move {
            let page = ctx
                .call(req, None, |cap| async move {
                    c.list_analytics_data_associations()
                        .instance_id(i2)
                        .set_next_token(token)
                        .customize()
                        .interceptor(cap)
                        .send()
                        .await
                })
                .await
                .ok()?;
            Some((Vec::new(), page.next_token().map(str::to_string)))
        }
    })
    .await;
}
