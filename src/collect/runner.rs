//! The runner every collector goes through ([`Ctx::call`]): bounded
//! concurrency, pacing of Connect calls per Region, retries, timeouts per
//! call and per run, a record of every call, and progress on stderr.

use super::actions::{action, Action};
use super::errors::classify;
use super::options::{Endpoints, Options, ProgressMode};
use super::snapshot::{self, Body, CallError, ErrorKind, Observation, Status};
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
use std::collections::BTreeMap;
use std::future::Future;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::Semaphore;

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

/// A collected call before the snapshot numbers it.
#[derive(Debug, Clone)]
pub(crate) struct Record {
    pub obs: Observation,
    pub bytes: Vec<u8>,
}

/// What is kept of one call's outcome.
struct Stored {
    status: Status,
    error: Option<CallError>,
    body: Body,
    bytes: Vec<u8>,
    attempts: u32,
}

impl Stored {
    /// A call without a usable answer: `{"Error": {...}}`, with what the
    /// endpoint said when it was not understood.
    fn failure(err: &CallError, attempts: u32, raw: Option<Vec<u8>>) -> Stored {
        let status = if err.kind == ErrorKind::NotConfigured {
            Status::NotConfigured
        } else {
            Status::Failed
        };
        let mut e = serde_json::json!({
            "Kind": err.kind.name(), "Code": err.code, "Message": err.message
        });
        if err.kind == ErrorKind::Malformed {
            if let Some(t) = raw.and_then(|b| String::from_utf8(b).ok()) {
                e["Body"] = serde_json::Value::String(t.chars().take(65_536).collect());
            }
        }
        Stored {
            status,
            error: Some(err.clone()),
            body: Body::Error,
            bytes: snapshot::json_bytes(&serde_json::json!({ "Error": e })),
            attempts,
        }
    }

    /// The log line (`s3:GetBucketPolicy Bucket=b ok (2 attempts)`).
    fn line(&self, req: &Req) -> String {
        format!(
            "{} {} {}{}",
            req.action.iam,
            req.params
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join(" "),
            match self.status {
                Status::Ok => "ok".to_string(),
                Status::NotConfigured => "not configured".to_string(),
                Status::Failed => format!(
                    "FAILED: {}",
                    self.error
                        .as_ref()
                        .map(|e| e.describe())
                        .unwrap_or_default()
                ),
            },
            if self.attempts > 1 {
                format!(" ({} attempts)", self.attempts)
            } else {
                String::new()
            }
        )
    }
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
        pub cloudtrail: Mutex<BTreeMap<String, aws_sdk_cloudtrail::Client>>,
        pub profile: Mutex<BTreeMap<String, aws_sdk_customerprofiles::Client>>,
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
    pub(super) fn new(sdk: SdkConfig, endpoints: Endpoints, opts: Options) -> Ctx {
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
        let (stored, out) = match result {
            Ok((t, cap)) => {
                let (bytes, kind) = match (to_json, cap.body) {
                    (Some(conv), _) => (snapshot::json_bytes(&conv(&t)), Body::SdkOutput),
                    (None, Some(b)) if !b.is_empty() => (b, Body::ResponseBody),
                    (None, _) => (b"{}".to_vec(), Body::ResponseBody),
                };
                let stored = Stored {
                    status: Status::Ok,
                    error: None,
                    body: kind,
                    bytes,
                    attempts: cap.attempts,
                };
                (stored, Ok(t))
            }
            Err((err, attempts, raw)) => (Stored::failure(&err, attempts, raw), Err(err)),
        };
        self.report(&req, &stored);
        self.record(req, collected_at, stored);
        out
    }

    /// Count a call and show it (progress bar or log line).
    fn report(&self, req: &Req, s: &Stored) {
        self.calls.fetch_add(1, Ordering::Relaxed);
        if s.status == Status::Failed {
            self.failed.fetch_add(1, Ordering::Relaxed);
        }
        let line = s.line(req);
        match &self.reporter {
            Reporter::Bar(b) => {
                b.inc(1);
                if s.status == Status::Failed {
                    b.println(format!("shoko collect: {line}"));
                }
                b.set_message(format!("({} failed)", self.failed.load(Ordering::Relaxed)));
            }
            Reporter::Lines => eprintln!("shoko collect: {line}"),
            Reporter::Quiet => {}
        }
    }

    /// Keep a call as an observation with its stored body.
    fn record(&self, req: Req, collected_at: String, s: Stored) {
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
            status: s.status,
            error: s.error,
            attempts: s.attempts,
            body: s.body,
            file: String::new(),
            sha256: crate::text::sha256_hex(&s.bytes),
        };
        self.records.lock().expect("records").push(Record {
            obs,
            bytes: s.bytes,
        });
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

    pub(super) fn finish(&self) -> Vec<Record> {
        if let Reporter::Bar(b) = &self.reporter {
            b.finish_and_clear();
        }
        std::mem::take(&mut *self.records.lock().expect("records"))
    }
}
