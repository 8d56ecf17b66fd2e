//! Faults of the live collectors, one table row each: a denied call, a
//! throttled one, endpoints that are unreachable or silent, a 500 on every
//! retry, cut bodies. Each row injects its faults in front of moto, collects,
//! and checks the observations, the properties that fall back (with the
//! reason the documents give), the claims still observed, and the declared
//! row of the English document that names the reason.

use crate::common;
use crate::live_common::*;
use shoko::collect::snapshot::{ErrorKind, Status};
use shoko::model::{Duration, Value};
use std::net::TcpListener;
use wiremock::matchers::{any, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// Which endpoint a fault sits on.
#[derive(Clone, Copy, Debug)]
enum Service {
    S3,
    Connect,
    Kinesis,
    Logs,
}

/// Which requests an HTTP fault answers.
#[derive(Clone, Copy, Debug)]
enum Match {
    /// Every request.
    Any,
    /// Requests with this query parameter (S3's `?lifecycle`).
    Query(&'static str, &'static str),
    /// ListInstanceStorageConfigs of the fixture's instance for this
    /// resource type.
    StorageConfigs(&'static str),
}

/// One fault.
#[derive(Clone, Copy, Debug)]
enum Inject {
    /// An HTTP error answer, perhaps only the first `times` times.
    Http {
        matching: Match,
        status: u16,
        error_type: Option<&'static str>,
        body: &'static str,
        content_type: &'static str,
        times: Option<u64>,
    },
    /// Nothing listens on the port.
    Closed,
    /// Accepts connections, never answers.
    Silent,
    /// A 200 whose JSON stops half-way: `short` announces more bytes than
    /// it sends and closes; otherwise the length is honest, the JSON cut.
    CutBody { short: bool },
}

/// What a reason must look like.
#[derive(Clone, Copy, Debug)]
enum Why {
    Is(&'static str),
    StartsWith(&'static str),
    Contains(&'static str),
}

impl Why {
    fn holds(self, s: &str) -> bool {
        match self {
            Why::Is(x) => s == x,
            Why::StartsWith(x) => s.starts_with(x),
            Why::Contains(x) => s.contains(x),
        }
    }
}

/// What one observation must show.
struct Call {
    operation: &'static str,
    /// Resource type of ListInstanceStorageConfigs (or any).
    parameter: Option<&'static str>,
    /// Ok at the end, or failed.
    ok: bool,
    code: Option<&'static str>,
    kind: Option<ErrorKind>,
    attempts: Option<u32>,
}

const CALL: Call = Call {
    operation: "",
    parameter: None,
    ok: false,
    code: None,
    kind: None,
    attempts: None,
};

/// One row of the table.
struct Fault {
    alias: &'static str,
    inject: &'static [(Service, Inject)],
    call_timeout_ms: Option<u64>,
    max_attempts: Option<u32>,
    /// The whole collection ends within this many seconds.
    within_secs: Option<u64>,
    failed: Option<usize>,
    /// More attempts than calls in the summary.
    retried: bool,
    calls: &'static [Call],
    /// (category, property, reason) that fall back.
    fallback: &'static [(&'static str, &'static str, Why)],
    /// (category, property, value if checked) still observed.
    observed: &'static [(&'static str, &'static str, Option<&'static str>)],
    /// The English document (built with the example's answers) has a row
    /// starting so, containing these words and "Live evidence unavailable: "
    /// with the reason of this (category, property).
    document: Option<(
        &'static str,
        &'static [&'static str],
        (&'static str, &'static str),
    )>,
}

const ROW: Fault = Fault {
    alias: "",
    inject: &[],
    call_timeout_ms: None,
    max_attempts: None,
    within_secs: None,
    failed: None,
    retried: false,
    calls: &[],
    fallback: &[],
    observed: &[],
    document: None,
};

const S3_DENIED: Fault = Fault {
    alias: "denied",
    inject: &[(
        Service::S3,
        Inject::Http {
            matching: Match::Query("lifecycle", ""),
            status: 403,
            error_type: None,
            body: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>",
            content_type: "application/xml",
            times: None,
        },
    )],
    failed: Some(1),
    calls: &[Call {
        operation: "GetBucketLifecycleConfiguration",
        code: Some("AccessDenied"),
        ..CALL
    }],
    fallback: &[(
        "call-recordings",
        "retention",
        Why::Is("AccessDenied on s3:GetLifecycleConfiguration"),
    )],
    // The rest of the run still produced evidence.
    observed: &[("call-recordings", "region", None), ("flow-logs", "retention", None)],
    document: Some((
        "| Retention | 365 days",
        &["Declared"],
        ("call-recordings", "retention"),
    )),
    ..ROW
};

const CONNECT_THROTTLED: Fault = Fault {
    alias: "throttled",
    inject: &[(
        Service::Connect,
        Inject::Http {
            matching: Match::StorageConfigs("CALL_RECORDINGS"),
            status: 429,
            error_type: Some("ThrottlingException"),
            body: r#"{"message": "Rate exceeded"}"#,
            content_type: "application/json",
            times: Some(2),
        },
    )],
    failed: Some(0),
    retried: true,
    // Two throttled attempts, then success.
    calls: &[Call {
        operation: "ListInstanceStorageConfigs",
        parameter: Some("CALL_RECORDINGS"),
        ok: true,
        attempts: Some(3),
        ..CALL
    }],
    observed: &[("call-recordings", "retention", Some("730 days"))],
    ..ROW
};

const UNREACHABLE_AND_SILENT: Fault = Fault {
    alias: "faulty",
    inject: &[
        (Service::Kinesis, Inject::Closed),
        (Service::Logs, Inject::Silent),
    ],
    call_timeout_ms: Some(1500),
    max_attempts: Some(2),
    within_secs: Some(20),
    calls: &[
        Call {
            operation: "DescribeStreamSummary",
            kind: Some(ErrorKind::Unreachable),
            ..CALL
        },
        Call {
            operation: "DescribeLogGroups",
            kind: Some(ErrorKind::Timeout),
            ..CALL
        },
    ],
    fallback: &[
        (
            "streamed-contact-records",
            "retention",
            Why::Is("endpoint unreachable for kinesis:DescribeStreamSummary"),
        ),
        (
            "flow-logs",
            "retention",
            Why::StartsWith("timeout on logs:DescribeLogGroups"),
        ),
    ],
    // Everything else was still collected.
    observed: &[("call-recordings", "retention", None)],
    ..ROW
};

const KINESIS_500: Inject = Inject::Http {
    matching: Match::Any,
    status: 500,
    error_type: None,
    body: r#"{"__type": "InternalFailure", "message": "try again"}"#,
    content_type: "application/json",
    times: None,
};

/// A 500 on every attempt (Kinesis) and a cut body (Logs); the rows differ
/// in how the body is cut.
const CUT: Fault = Fault {
    alias: "cut",
    call_timeout_ms: Some(5000),
    max_attempts: Some(3),
    within_secs: Some(20),
    calls: &[
        // A 500 is retried up to --max-attempts.
        Call {
            operation: "DescribeStreamSummary",
            code: Some("InternalFailure"),
            attempts: Some(3),
            ..CALL
        },
        // A cut body is not evidence.
        Call {
            operation: "DescribeLogGroups",
            ..CALL
        },
    ],
    fallback: &[
        (
            "streamed-contact-records",
            "retention",
            Why::Is("InternalFailure on kinesis:DescribeStreamSummary"),
        ),
        (
            "flow-logs",
            "retention",
            Why::Contains("logs:DescribeLogGroups"),
        ),
    ],
    // Nothing else was lost.
    observed: &[("call-recordings", "retention", None)],
    // The documents show the declared retention and say why.
    document: Some(("| Retention | 90 days", &[], ("flow-logs", "retention"))),
    ..ROW
};

/// The connection closes before the announced length.
const CUT_SHORT: Fault = Fault {
    inject: &[
        (Service::Kinesis, KINESIS_500),
        (Service::Logs, Inject::CutBody { short: true }),
    ],
    ..CUT
};

/// A complete response whose JSON is cut.
const CUT_JSON: Fault = Fault {
    inject: &[
        (Service::Kinesis, KINESIS_500),
        (Service::Logs, Inject::CutBody { short: false }),
    ],
    ..CUT
};

macro_rules! fault_tests {
    ($($name:ident: $row:expr,)*) => {
        $(
            #[tokio::test(flavor = "multi_thread")]
            async fn $name() {
                run($row).await;
            }
        )*
    };
}

fault_tests! {
    access_denied_on_one_call_falls_back_and_says_why: S3_DENIED,
    throttling_is_retried_until_success: CONNECT_THROTTLED,
    unreachable_and_silent_endpoints_time_out_without_hanging: UNREACHABLE_AND_SILENT,
    cut_bodies_and_a_500_on_every_retry_fall_back_with_the_reason_short_body: CUT_SHORT,
    cut_bodies_and_a_500_on_every_retry_fall_back_with_the_reason_cut_json: CUT_JSON,
}

fn template(
    status: u16,
    error_type: Option<&str>,
    body: &str,
    content_type: &str,
) -> ResponseTemplate {
    let mut t = ResponseTemplate::new(status).set_body_raw(body.as_bytes().to_vec(), content_type);
    if let Some(e) = error_type {
        t = t.insert_header("x-amzn-ErrorType", e);
    }
    t
}

/// Run one row.
async fn run(row: Fault) {
    let moto = Moto::start();
    let seed = Seed::new(&moto);
    let fx = standard(&seed, row.alias, 730).await;
    let connect = MockServer::start().await;
    let s3 = s3_shim(&moto).await;
    let mut eps = endpoints(&connect, &s3);
    // Kept alive until the collection ends: silent listeners, cut-body
    // servers' counters.
    let mut silent = Vec::new();
    let mut served = Vec::new();
    let mut servers = Vec::new();
    for &(service, inject) in row.inject {
        match inject {
            Inject::Http {
                matching,
                status,
                error_type,
                body,
                content_type,
                times,
            } => {
                let builder = match matching {
                    Match::Any => Mock::given(any()),
                    Match::Query(k, v) => Mock::given(query_param(k, v)),
                    Match::StorageConfigs(t) => Mock::given(path(format!(
                        "/instance/{}/storage-configs",
                        fx.instance_id
                    )))
                    .and(query_param("resourceType", t)),
                };
                let mut mock = builder
                    .respond_with(template(status, error_type, body, content_type))
                    .with_priority(1);
                if let Some(n) = times {
                    mock = mock.up_to_n_times(n);
                }
                match service {
                    Service::S3 => mock.mount(&s3).await,
                    Service::Connect => mock.mount(&connect).await,
                    Service::Kinesis | Service::Logs => {
                        let server = MockServer::start().await;
                        mock.mount(&server).await;
                        eps.insert(name(service), server.uri());
                        servers.push(server);
                    }
                }
            }
            Inject::Closed => {
                eps.insert(name(service), format!("http://127.0.0.1:{}", free_port()));
            }
            Inject::Silent => {
                let l = TcpListener::bind("127.0.0.1:0").expect("bind");
                let port = l.local_addr().expect("addr").port();
                eps.insert(name(service), format!("http://127.0.0.1:{port}"));
                silent.push(l);
            }
            Inject::CutBody { short } => {
                let (port, count) = cut_body_server(short);
                eps.insert(name(service), format!("http://127.0.0.1:{port}"));
                served.push(count);
            }
        }
    }
    mount_connect(&connect, &moto, std::slice::from_ref(&fx)).await;
    let mut opts = options();
    if let Some(ms) = row.call_timeout_ms {
        opts.call_timeout = std::time::Duration::from_millis(ms);
    }
    if let Some(n) = row.max_attempts {
        opts.max_attempts = n;
    }
    let t0 = std::time::Instant::now();
    let snap = collect(&moto, eps, opts).await;
    let took = t0.elapsed();
    drop(silent);
    if let Some(s) = row.within_secs {
        assert!(took < std::time::Duration::from_secs(s), "took {took:?}");
    }
    check_snapshot(&row, &snap, &served);
    let live = interpret(&snap, today());
    for &(cat, prop, why) in row.fallback {
        let reason = unavailable(&live, cat, prop)
            .unwrap_or_else(|| panic!("{cat} / {prop} does not fall back"));
        assert!(why.holds(reason), "{cat} / {prop}: {reason} is not {why:?}");
    }
    for &(cat, prop, value) in row.observed {
        let c = claim(&live, cat, prop).unwrap_or_else(|| panic!("{cat} / {prop} is not observed"));
        if let Some(v) = value {
            assert_eq!(
                c.value,
                Value::Duration(Duration::parse(v).expect("duration"))
            );
        }
    }
    if let Some((start, words, (cat, prop))) = row.document {
        let why = unavailable(&live, cat, prop).expect("reason");
        let dir = common::scratch();
        snap.write(&dir.path().join("snap"))
            .expect("write snapshot");
        let en = build_from_snapshot(
            dir.path(),
            &today().to_string(),
            &["--answers", "answers.yaml"],
        );
        let line = en
            .lines()
            .find(|l| l.starts_with(start))
            .unwrap_or_else(|| panic!("no row `{start}` in:\n{en}"));
        for w in words {
            assert!(line.contains(w), "{line}");
        }
        assert!(
            line.contains(&format!("Live evidence unavailable: {why}")),
            "{line}"
        );
    }
}

fn check_snapshot(
    row: &Fault,
    snap: &shoko::collect::Snapshot,
    served: &[std::sync::Arc<std::sync::atomic::AtomicUsize>],
) {
    if let Some(n) = row.failed {
        assert_eq!(
            snap.manifest.summary.failed, n,
            "{:#?}",
            snap.manifest.observations
        );
    }
    if row.retried {
        assert!(snap.manifest.summary.attempts > snap.manifest.summary.calls);
    }
    for c in row.calls {
        let o = observations(snap, c.operation)
            .into_iter()
            .find(|o| {
                c.parameter
                    .is_none_or(|p| o.parameters.iter().any(|(_, v)| v == p))
            })
            .unwrap_or_else(|| panic!("no {} observation", c.operation));
        if c.ok {
            assert_eq!(o.status, Status::Ok, "{o:?}");
        } else {
            assert!(
                o.error.is_some(),
                "{} should have failed: {o:?}",
                c.operation
            );
        }
        if let Some(code) = c.code {
            assert_eq!(o.error.as_ref().expect("error").code, code, "{o:?}");
        }
        if let Some(kind) = c.kind {
            assert_eq!(o.error.as_ref().expect("error").kind, kind, "{o:?}");
        }
        if let Some(n) = c.attempts {
            assert_eq!(o.attempts, n, "{o:?}");
        }
    }
    for s in served {
        assert!(s.load(std::sync::atomic::Ordering::SeqCst) >= 1);
    }
}

fn name(s: Service) -> String {
    match s {
        Service::S3 => "s3",
        Service::Connect => "connect",
        Service::Kinesis => "kinesis",
        Service::Logs => "logs",
    }
    .to_string()
}

/// A server that answers every request with a 200 whose JSON body stops
/// half-way: `short` sends fewer bytes than Content-Length announces and
/// closes the connection; otherwise the announced length is honest but the
/// JSON itself is cut. Returns the port and a counter of requests served.
fn cut_body_server(short: bool) -> (u16, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    use std::io::{BufRead, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let served = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let count = served.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            count.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let mut reader = std::io::BufReader::new(stream.try_clone().unwrap());
            let mut length = 0usize;
            let mut line = String::new();
            while reader.read_line(&mut line).unwrap_or(0) > 0 && line != "\r\n" {
                if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                    length = v.trim().parse().unwrap_or(0);
                }
                line.clear();
            }
            let mut body = vec![0; length];
            let _ = std::io::Read::read_exact(&mut reader, &mut body);
            let part = br#"{"logGroups":[{"logGroupName":"/aws/connect/cut","retentionInDays":36"#;
            let announced = if short { part.len() + 200 } else { part.len() };
            let mut s = stream;
            let _ = write!(
                s,
                "HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: {announced}\r\n\r\n"
            );
            let _ = s.write_all(part);
            let _ = s.flush();
            // dropping the stream closes the connection
        }
    });
    (port, served)
}
