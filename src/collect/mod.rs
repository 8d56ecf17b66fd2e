//! Live collectors: read-only AWS API calls that prove claims, saved as a
//! snapshot folder (see [`snapshot`]) that `build --evidence` turns into
//! observed claims offline (see [`interpret`]).
//!
//! This module is the runner every collector goes through ([`Ctx::call`]):
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

pub mod connect;
pub mod firehose;
pub mod flows;
pub mod interpret;
pub mod kinesis;
pub mod kms;
pub mod logs;
pub mod s3;
pub mod snapshot;

use aws_config::SdkConfig;
use aws_smithy_runtime_api::client::interceptors::context::{
    AfterDeserializationInterceptorContextRef, BeforeTransmitInterceptorContextRef,
};
use aws_smithy_runtime_api::client::interceptors::Intercept;
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_runtime_api::client::result::SdkError;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::config_bag::ConfigBag;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;
use aws_smithy_types::retry::RetryConfig;
pub use snapshot::Snapshot;
use snapshot::{Body, CallError, ErrorKind, Observation, Status};
use std::collections::BTreeMap;
use std::future::Future;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::Semaphore;

/// One AWS API action the collectors may call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Action {
    /// IAM action (`s3:GetLifecycleConfiguration`).
    pub iam: &'static str,
    /// Service as shown in documents (`s3`).
    pub service: &'static str,
    /// API operation (`GetBucketLifecycleConfiguration`).
    pub operation: &'static str,
}

const fn a(iam: &'static str, service: &'static str, operation: &'static str) -> Action {
    Action {
        iam,
        service,
        operation,
    }
}

/// Every action the collectors can call: the single source of truth that
/// `evidence/iam-policy.json` must equal (see `tests/live_policy.rs`).
pub const ACTIONS: &[Action] = &[
    a("connect:ListInstances", "connect", "ListInstances"),
    a("connect:DescribeInstance", "connect", "DescribeInstance"),
    a(
        "connect:ListInstanceStorageConfigs",
        "connect",
        "ListInstanceStorageConfigs",
    ),
    a(
        "connect:DescribeInstanceAttribute",
        "connect",
        "DescribeInstanceAttribute",
    ),
    a(
        "connect:ListSecurityProfiles",
        "connect",
        "ListSecurityProfiles",
    ),
    a("connect:ListContactFlows", "connect", "ListContactFlows"),
    a(
        "connect:DescribeContactFlow",
        "connect",
        "DescribeContactFlow",
    ),
    a(
        "connect:ListContactFlowModules",
        "connect",
        "ListContactFlowModules",
    ),
    a(
        "connect:DescribeContactFlowModule",
        "connect",
        "DescribeContactFlowModule",
    ),
    a("s3:GetBucketLocation", "s3", "GetBucketLocation"),
    a(
        "s3:GetLifecycleConfiguration",
        "s3",
        "GetBucketLifecycleConfiguration",
    ),
    a("s3:GetEncryptionConfiguration", "s3", "GetBucketEncryption"),
    a("s3:GetBucketVersioning", "s3", "GetBucketVersioning"),
    a(
        "s3:GetBucketObjectLockConfiguration",
        "s3",
        "GetObjectLockConfiguration",
    ),
    a("s3:GetBucketPolicy", "s3", "GetBucketPolicy"),
    a(
        "s3:GetBucketPublicAccessBlock",
        "s3",
        "GetPublicAccessBlock",
    ),
    a(
        "kinesis:DescribeStreamSummary",
        "kinesis",
        "DescribeStreamSummary",
    ),
    a(
        "firehose:DescribeDeliveryStream",
        "firehose",
        "DescribeDeliveryStream",
    ),
    a("logs:DescribeLogGroups", "logs", "DescribeLogGroups"),
    a("kms:DescribeKey", "kms", "DescribeKey"),
    a("kms:GetKeyRotationStatus", "kms", "GetKeyRotationStatus"),
];

/// Look an action up by its IAM name. Panics on a name missing from
/// [`ACTIONS`]: a collector calling an undeclared action is a bug.
pub fn action(iam: &str) -> &'static Action {
    ACTIONS
        .iter()
        .find(|x| x.iam == iam)
        .unwrap_or_else(|| panic!("{iam} is not in collect::ACTIONS"))
}

/// Which instances to collect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selector {
    /// Every instance in each Region.
    All,
    /// Instances named by id, ARN or alias.
    Named(Vec<String>),
}

/// How progress is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProgressMode {
    /// A bar when stderr is a terminal, log lines otherwise.
    Auto,
    /// Plain log lines on stderr.
    Lines,
    /// Nothing (library use, tests).
    Quiet,
}

/// Settings of one collection run.
#[derive(Debug, Clone)]
pub struct Options {
    /// Regions to look in.
    pub regions: Vec<String>,
    /// Instances to collect.
    pub instances: Selector,
    /// Limit for one call, retries included.
    pub call_timeout: Duration,
    /// Limit for the whole run.
    pub overall_timeout: Duration,
    /// Calls in flight at once.
    pub concurrency: usize,
    /// Connect calls per second per Region (the account's List API throttle).
    pub connect_rate: f64,
    /// Attempts per call (first try plus retries).
    pub max_attempts: u32,
    /// Progress display.
    pub progress: ProgressMode,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            regions: Vec::new(),
            instances: Selector::All,
            call_timeout: Duration::from_secs(20),
            overall_timeout: Duration::from_secs(600),
            concurrency: 8,
            connect_rate: 2.0,
            max_attempts: 4,
            progress: ProgressMode::Auto,
        }
    }
}

/// Endpoint overrides per service (`connect` → `http://127.0.0.1:9000`),
/// on top of what the SdkConfig (and so AWS_ENDPOINT_URL_<SERVICE>) says.
pub type Endpoints = BTreeMap<String, String>;

/// Records the attempts and the raw body of one call.
#[derive(Debug, Clone, Default)]
pub(crate) struct Capture(Arc<Mutex<Captured>>);

#[derive(Debug, Default)]
struct Captured {
    attempts: u32,
    body: Option<Vec<u8>>,
}

impl Intercept for Capture {
    fn name(&self) -> &'static str {
        "shoko-capture"
    }
    fn read_before_attempt(
        &self,
        _: &BeforeTransmitInterceptorContextRef<'_>,
        _: &RuntimeComponents,
        _: &mut ConfigBag,
    ) -> Result<(), aws_smithy_runtime_api::box_error::BoxError> {
        if let Ok(mut c) = self.0.lock() {
            c.attempts += 1;
        }
        Ok(())
    }
    fn read_after_deserialization(
        &self,
        ctx: &AfterDeserializationInterceptorContextRef<'_>,
        _: &RuntimeComponents,
        _: &mut ConfigBag,
    ) -> Result<(), aws_smithy_runtime_api::box_error::BoxError> {
        if let (Ok(mut c), Some(b)) = (self.0.lock(), ctx.response().body().bytes()) {
            c.body = Some(b.to_vec());
        }
        Ok(())
    }
}

/// What a call is about: recorded with its observation.
#[derive(Debug, Clone)]
pub(crate) struct Req {
    pub action: &'static Action,
    pub region: String,
    pub account: String,
    pub instance: Option<String>,
    pub params: Vec<(String, String)>,
}

impl Req {
    pub fn new(iam: &str, region: &str, account: &str, instance: Option<&str>) -> Req {
        Req {
            action: action(iam),
            region: region.to_string(),
            account: account.to_string(),
            instance: instance.map(str::to_string),
            params: Vec::new(),
        }
    }
    pub fn param(mut self, k: &str, v: impl Into<String>) -> Req {
        self.params.push((k.to_string(), v.into()));
        self
    }
}

/// Codes that say "not configured": valid evidence of absence, not faults.
const NOT_CONFIGURED: &[&str] = &[
    "NoSuchLifecycleConfiguration",
    "ServerSideEncryptionConfigurationNotFoundError",
    "NoSuchBucketPolicy",
    "NoSuchPublicAccessBlockConfiguration",
    "ObjectLockConfigurationNotFoundError",
    // A flow never published has no content that runs.
    "ContactFlowNotPublishedException",
];

fn classify_code(code: &str, status: u16) -> ErrorKind {
    match code {
        c if NOT_CONFIGURED.contains(&c) => ErrorKind::NotConfigured,
        "AccessDenied"
        | "AccessDeniedException"
        | "UnauthorizedOperation"
        | "UnrecognizedClientException"
        | "InvalidAccessKeyId"
        | "ExpiredToken"
        | "ExpiredTokenException"
        | "InvalidClientTokenId"
        | "SignatureDoesNotMatch" => ErrorKind::AccessDenied,
        "ThrottlingException"
        | "Throttling"
        | "TooManyRequestsException"
        | "SlowDown"
        | "RequestLimitExceeded"
        | "LimitExceededException" => ErrorKind::Throttled,
        "ResourceNotFoundException" | "NoSuchBucket" | "NotFoundException" | "NotFound" => {
            ErrorKind::NotFound
        }
        _ if status == 403 => ErrorKind::AccessDenied,
        _ if status == 429 => ErrorKind::Throttled,
        _ if status == 404 => ErrorKind::NotFound,
        _ => ErrorKind::Service,
    }
}

/// Turn an SDK error into what the snapshot records.
fn classify<E>(e: &SdkError<E, HttpResponse>) -> CallError
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
{
    match e {
        SdkError::ServiceError(s) => {
            let status = s.raw().status().as_u16();
            let code = s.err().code().unwrap_or("").to_string();
            let code = if code.is_empty() {
                format!("HTTP {status}")
            } else {
                code
            };
            let message = match s.err().message() {
                Some(m) => m.to_string(),
                None => aws_smithy_types::error::display::DisplayErrorContext(s.err()).to_string(),
            };
            CallError {
                kind: classify_code(&code, status),
                code,
                message,
            }
        }
        SdkError::TimeoutError(_) => CallError::new(ErrorKind::Timeout, "the call timed out"),
        SdkError::DispatchFailure(d) if d.is_timeout() => {
            CallError::new(ErrorKind::Timeout, "the connection timed out")
        }
        SdkError::DispatchFailure(d) if d.is_io() => CallError::new(
            ErrorKind::Unreachable,
            format!("endpoint unreachable: {}", error_chain(e)),
        ),
        SdkError::DispatchFailure(_) => {
            let chain = error_chain(e);
            if chain.to_ascii_lowercase().contains("credential") {
                CallError {
                    kind: ErrorKind::AccessDenied,
                    code: "NoCredentials".into(),
                    message: chain,
                }
            } else {
                CallError::new(ErrorKind::Unreachable, format!("request not sent: {chain}"))
            }
        }
        SdkError::ResponseError(_) => CallError::new(
            ErrorKind::Malformed,
            format!("unreadable response: {}", error_chain(e)),
        ),
        _ => CallError::new(ErrorKind::Other, error_chain(e)),
    }
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        let t = c.to_string();
        if !s.contains(&t) {
            s.push_str(": ");
            s.push_str(&t);
        }
        cur = c.source();
    }
    s
}

/// A collected call before the snapshot numbers it.
#[derive(Debug, Clone)]
pub(crate) struct Record {
    pub obs: Observation,
    pub bytes: Vec<u8>,
}

enum Reporter {
    Bar(indicatif::ProgressBar),
    Lines,
    Quiet,
}

/// Shared state of one run.
pub(crate) struct Ctx {
    pub sdk: SdkConfig,
    pub endpoints: Endpoints,
    pub opts: Options,
    pub path_style: bool,
    retry: RetryConfig,
    sem: Semaphore,
    pacers: Mutex<BTreeMap<String, Instant>>,
    deadline: Instant,
    records: Mutex<Vec<Record>>,
    reporter: Reporter,
    calls: AtomicUsize,
    failed: AtomicUsize,
    pub clients: clients::Cache,
}

mod clients {
    //! Clients per (service, Region), built once from the SdkConfig.
    use std::collections::BTreeMap;
    use std::sync::Mutex;

    /// One cache per service.
    #[derive(Default)]
    pub struct Cache {
        pub connect: Mutex<BTreeMap<String, aws_sdk_connect::Client>>,
        pub s3: Mutex<BTreeMap<String, aws_sdk_s3::Client>>,
        pub kinesis: Mutex<BTreeMap<String, aws_sdk_kinesis::Client>>,
        pub firehose: Mutex<BTreeMap<String, aws_sdk_firehose::Client>>,
        pub logs: Mutex<BTreeMap<String, aws_sdk_cloudwatchlogs::Client>>,
        pub kms: Mutex<BTreeMap<String, aws_sdk_kms::Client>>,
    }
}

/// Build (once) and return the client of a service in a Region.
macro_rules! client_for {
    ($ctx:expr, $field:ident, $krate:ident, $service:literal, $region:expr) => {{
        let ctx: &$crate::collect::Ctx = $ctx;
        let region: &str = $region;
        let mut cache = ctx.clients.$field.lock().expect("client cache");
        cache
            .entry(region.to_string())
            .or_insert_with(|| {
                let mut b = $krate::config::Builder::from(&ctx.sdk)
                    .region($krate::config::Region::new(region.to_string()))
                    .retry_config(ctx.retry_config());
                if let Some(u) = ctx.endpoints.get($service) {
                    b = b.endpoint_url(u.clone());
                }
                $krate::Client::from_conf(client_for!(@extra $field, b, ctx).build())
            })
            .clone()
    }};
    (@extra s3, $b:expr, $ctx:expr) => { $b.force_path_style($ctx.path_style) };
    (@extra $other:ident, $b:expr, $ctx:expr) => { $b };
}
pub(crate) use client_for;

impl Ctx {
    fn new(sdk: SdkConfig, endpoints: Endpoints, opts: Options) -> Ctx {
        // A local endpoint (moto, a proxy) cannot serve virtual-hosted buckets.
        let path_style = endpoints.contains_key("s3")
            || sdk.endpoint_url().is_some()
            || std::env::var_os("AWS_ENDPOINT_URL_S3").is_some()
            || std::env::var_os("AWS_ENDPOINT_URL").is_some();
        let reporter = match opts.progress {
            ProgressMode::Quiet => Reporter::Quiet,
            ProgressMode::Lines => Reporter::Lines,
            ProgressMode::Auto => {
                if std::io::IsTerminal::is_terminal(&std::io::stderr()) {
                    let bar = indicatif::ProgressBar::new(0);
                    bar.set_style(
                        indicatif::ProgressStyle::with_template(
                            "{spinner} [{elapsed_precise}] {bar:30} {pos}/{len} calls {msg}",
                        )
                        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
                    );
                    Reporter::Bar(bar)
                } else {
                    Reporter::Lines
                }
            }
        };
        let retry = RetryConfig::standard()
            .with_max_attempts(opts.max_attempts.max(1))
            .with_initial_backoff(Duration::from_millis(200))
            .with_max_backoff(Duration::from_secs(5));
        Ctx {
            deadline: Instant::now() + opts.overall_timeout,
            sem: Semaphore::new(opts.concurrency.max(1)),
            sdk,
            endpoints,
            path_style,
            retry,
            opts,
            pacers: Mutex::new(BTreeMap::new()),
            records: Mutex::new(Vec::new()),
            reporter,
            calls: AtomicUsize::new(0),
            failed: AtomicUsize::new(0),
            clients: clients::Cache::default(),
        }
    }

    pub(crate) fn retry_config(&self) -> RetryConfig {
        self.retry.clone()
    }

    /// Wait for this Region's next Connect slot (fixed spacing, no burst).
    async fn pace(&self, region: &str) {
        if self.opts.connect_rate <= 0.0 {
            return;
        }
        let gap = Duration::from_secs_f64(1.0 / self.opts.connect_rate);
        let at = {
            let mut p = self.pacers.lock().expect("pacer");
            let now = Instant::now();
            let next = p.entry(region.to_string()).or_insert(now);
            let at = (*next).max(now);
            *next = at + gap;
            at
        };
        tokio::time::sleep_until(at.into()).await;
    }

    fn log(&self, line: String) {
        match &self.reporter {
            Reporter::Bar(b) => b.println(line),
            Reporter::Lines => eprintln!("{line}"),
            Reporter::Quiet => {}
        }
    }

    /// Log a note about the run (an instance done, a name not found).
    pub(crate) fn note(&self, line: String) {
        self.log(format!("shoko collect: {line}"));
    }

    /// Make one call: pace, bound, time out, retry, record. `to_json`
    /// renders the SDK output when the service does not answer in JSON (S3);
    /// otherwise the exact response body is kept.
    pub(crate) async fn call<T, E, Fut>(
        &self,
        req: Req,
        to_json: Option<fn(&T) -> serde_json::Value>,
        f: impl FnOnce(Capture) -> Fut,
    ) -> Result<T, CallError>
    where
        Fut: Future<Output = Result<T, SdkError<E, HttpResponse>>>,
        E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
    {
        if let Reporter::Bar(b) = &self.reporter {
            b.inc_length(1);
        }
        let result = self.attempt(&req, f).await;
        let collected_at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        let (status, error, body_kind, bytes, attempts, out) = match result {
            Ok((t, cap)) => {
                let (bytes, kind) = match (to_json, cap.body) {
                    (Some(conv), _) => (snapshot::json_bytes(&conv(&t)), Body::SdkOutput),
                    (None, Some(b)) if !b.is_empty() => (b, Body::ResponseBody),
                    (None, _) => (b"{}".to_vec(), Body::ResponseBody),
                };
                (Status::Ok, None, kind, bytes, cap.attempts, Ok(t))
            }
            Err((err, attempts, raw)) => {
                let status = if err.kind == ErrorKind::NotConfigured {
                    Status::NotConfigured
                } else {
                    Status::Failed
                };
                let mut e = serde_json::json!({
                    "Kind": err.kind.name(), "Code": err.code, "Message": err.message
                });
                // Keep what the endpoint said when it was not understood.
                if err.kind == ErrorKind::Malformed {
                    if let Some(t) = raw.and_then(|b| String::from_utf8(b).ok()) {
                        e["Body"] = serde_json::Value::String(t.chars().take(65_536).collect());
                    }
                }
                let bytes = snapshot::json_bytes(&serde_json::json!({ "Error": e }));
                (
                    status,
                    Some(err.clone()),
                    Body::Error,
                    bytes,
                    attempts,
                    Err(err),
                )
            }
        };
        self.calls.fetch_add(1, Ordering::Relaxed);
        if status == Status::Failed {
            self.failed.fetch_add(1, Ordering::Relaxed);
        }
        let line = format!(
            "{} {} {}{}",
            req.action.iam,
            req.params
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join(" "),
            match status {
                Status::Ok => "ok".to_string(),
                Status::NotConfigured => "not configured".to_string(),
                Status::Failed => format!(
                    "FAILED: {}",
                    error.as_ref().map(|e| e.describe()).unwrap_or_default()
                ),
            },
            if attempts > 1 {
                format!(" ({attempts} attempts)")
            } else {
                String::new()
            }
        );
        match &self.reporter {
            Reporter::Bar(b) => {
                b.inc(1);
                if status == Status::Failed {
                    b.println(format!("shoko collect: {line}"));
                }
                b.set_message(format!("({} failed)", self.failed.load(Ordering::Relaxed)));
            }
            Reporter::Lines => eprintln!("shoko collect: {line}"),
            Reporter::Quiet => {}
        }
        let sha256 = crate::text::sha256_hex(&bytes);
        let obs = Observation {
            id: String::new(),
            service: req.action.service.to_string(),
            operation: req.action.operation.to_string(),
            action: req.action.iam.to_string(),
            parameters: req.params,
            region: req.region,
            account: req.account,
            instance: req.instance,
            collected_at,
            status,
            error,
            attempts,
            body: body_kind,
            file: String::new(),
            sha256,
        };
        self.records
            .lock()
            .expect("records")
            .push(Record { obs, bytes });
        out
    }

    async fn attempt<T, E, Fut>(
        &self,
        req: &Req,
        f: impl FnOnce(Capture) -> Fut,
    ) -> Result<(T, Captured), (CallError, u32, Option<Vec<u8>>)>
    where
        Fut: Future<Output = Result<T, SdkError<E, HttpResponse>>>,
        E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
    {
        let skipped = || {
            (
                CallError::new(
                    ErrorKind::OverallTimeout,
                    "the overall timeout was reached before this call could start",
                ),
                0,
                None,
            )
        };
        if req.action.service == "connect" {
            let Ok(()) =
                tokio::time::timeout_at(self.deadline.into(), self.pace(&req.region)).await
            else {
                return Err(skipped());
            };
        }
        let Ok(Ok(_permit)) =
            tokio::time::timeout_at(self.deadline.into(), self.sem.acquire()).await
        else {
            return Err(skipped());
        };
        let now = Instant::now();
        if now >= self.deadline {
            return Err(skipped());
        }
        let limit = self.opts.call_timeout.min(self.deadline - now);
        let cap = Capture::default();
        let res = tokio::time::timeout(limit, f(cap.clone())).await;
        let captured = std::mem::take(&mut *cap.0.lock().expect("capture"));
        match res {
            Ok(Ok(t)) => Ok((t, captured)),
            Ok(Err(e)) => Err((classify(&e), captured.attempts, captured.body)),
            Err(_) => Err((
                CallError::new(
                    ErrorKind::Timeout,
                    format!("no answer within {:.1} s", limit.as_secs_f64()),
                ),
                captured.attempts,
                None,
            )),
        }
    }

    fn finish(&self) -> Vec<Record> {
        if let Reporter::Bar(b) = &self.reporter {
            b.finish_and_clear();
        }
        std::mem::take(&mut *self.records.lock().expect("records"))
    }
}

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
/// profiles, SSO, IMDS; AWS_PROFILE, AWS_REGION, AWS_ENDPOINT_URL[_<SERVICE>])
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

#[cfg(test)]
mod tests {
    use super::*;

    /// `evidence/iam-policy.json` lists exactly [`ACTIONS`], read-only ones.
    #[test]
    fn iam_policy_equals_the_actions_the_code_declares() {
        let policy: serde_json::Value =
            serde_json::from_str(include_str!("../../evidence/iam-policy.json")).unwrap();
        let mut in_policy: Vec<String> = policy["Statement"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["Effect"] == "Allow")
            .flat_map(|s| s["Action"].as_array().unwrap().iter())
            .map(|a| a.as_str().unwrap().to_string())
            .collect();
        let n = in_policy.len();
        in_policy.sort();
        in_policy.dedup();
        assert_eq!(n, in_policy.len(), "duplicate actions in the policy");
        let mut in_code: Vec<String> = ACTIONS.iter().map(|a| a.iam.to_string()).collect();
        in_code.sort();
        assert_eq!(
            in_policy, in_code,
            "evidence/iam-policy.json and collect::ACTIONS differ"
        );
        for a in &in_code {
            let verb = a.split(':').nth(1).unwrap();
            assert!(
                ["Get", "Describe", "List"]
                    .iter()
                    .any(|p| verb.starts_with(p)),
                "{a} is not a read-only action"
            );
        }
    }

    /// Every action a collector names is declared, and every declared
    /// action is called somewhere: the table is the code's real surface.
    #[test]
    fn collectors_call_exactly_the_declared_actions() {
        let sources = [
            include_str!("connect.rs"),
            include_str!("s3.rs"),
            include_str!("kinesis.rs"),
            include_str!("firehose.rs"),
            include_str!("logs.rs"),
            include_str!("kms.rs"),
        ];
        let mut used: Vec<String> = Vec::new();
        for s in sources {
            // Every string literal shaped like an IAM action.
            for lit in s.split('"').skip(1).step_by(2) {
                let is_action = lit.split_once(':').is_some_and(|(svc, op)| {
                    ["connect", "s3", "kinesis", "firehose", "logs", "kms"].contains(&svc)
                        && op.starts_with(|c: char| c.is_ascii_uppercase())
                        && op.chars().all(|c| c.is_ascii_alphanumeric())
                });
                if is_action && !used.iter().any(|u| u == lit) {
                    used.push(lit.to_string());
                }
            }
        }
        used.sort();
        let mut declared: Vec<String> = ACTIONS.iter().map(|a| a.iam.to_string()).collect();
        declared.sort();
        assert_eq!(used, declared);
    }

    #[test]
    fn error_codes_are_classified() {
        assert_eq!(classify_code("AccessDenied", 403), ErrorKind::AccessDenied);
        assert_eq!(
            classify_code("ThrottlingException", 400),
            ErrorKind::Throttled
        );
        assert_eq!(
            classify_code("NoSuchLifecycleConfiguration", 404),
            ErrorKind::NotConfigured
        );
        assert_eq!(classify_code("HTTP 429", 429), ErrorKind::Throttled);
        assert_eq!(classify_code("Whatever", 500), ErrorKind::Service);
    }
}
