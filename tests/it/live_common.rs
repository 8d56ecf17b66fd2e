//! Harness for the live-collector tests: a moto server (S3, Kinesis,
//! Firehose, CloudWatch Logs, KMS, Connect instances) started per test on a
//! free port on 127.0.0.1, a wiremock server for the Connect operations
//! moto lacks (storage configs, attributes, security profiles) that forwards
//! DescribeInstance and ListInstances to moto, and seeding with the AWS SDK.
#![allow(dead_code)]

use aws_config::{BehaviorVersion, Region, SdkConfig};
use aws_sdk_s3::config::{Credentials, SharedCredentialsProvider};
use serde_json::json;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use wiremock::matchers::{method, path, path_regex, query_param};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

/// The Region every test uses.
pub const REGION: &str = "ap-northeast-1";
/// The lifecycle rule id: Markdown syntax that must reach documents literally.
pub const RULE_ID: &str = "expire *recordings* [1](http://x)";
/// moto's default account.
pub const ACCOUNT: &str = "123456789012";

/// A moto server, killed on drop.
pub struct Moto {
    child: Child,
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    /// Port.
    pub port: u16,
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A free TCP port on 127.0.0.1.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port")
}

const INSTALL: &str = "moto's server is needed for the live tests: pip install \"moto[server]\" (scripts/test does it)";

impl Moto {
    /// Start `python3 -m moto.server` and wait until it answers.
    pub fn start() -> Moto {
        let port = free_port();
        let child = Command::new("python3")
            .args([
                "-m",
                "moto.server",
                "-H",
                "127.0.0.1",
                "-p",
                &port.to_string(),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run python3 ({e}). {INSTALL}"));
        let mut m = Moto {
            child,
            url: format!("http://127.0.0.1:{port}"),
            port,
        };
        let until = Instant::now() + Duration::from_secs(60);
        loop {
            if let Ok(Some(st)) = m.child.try_wait() {
                panic!("moto server exited at start ({st}). {INSTALL}");
            }
            if let Ok((200, _, _)) = http_raw(port, "GET", "/moto-api/", &[], b"") {
                return m;
            }
            if Instant::now() > until {
                panic!("moto server did not answer on port {port} within 60 s. {INSTALL}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// Status, headers and body of a raw HTTP response.
pub type RawResponse = (u16, Vec<(String, String)>, Vec<u8>);

/// A plain HTTP/1.1 request to 127.0.0.1:port; (status, headers, body).
pub fn http_raw(
    port: u16,
    method: &str,
    path_and_query: &str,
    headers: &[(String, String)],
    body: &[u8],
) -> std::io::Result<RawResponse> {
    let mut s = TcpStream::connect(("127.0.0.1", port))?;
    s.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut req = format!("{method} {path_and_query} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\nContent-Length: {}\r\n", body.len());
    for (k, v) in headers {
        let lk = k.to_ascii_lowercase();
        if ["host", "connection", "content-length", "transfer-encoding"].contains(&lk.as_str()) {
            continue;
        }
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    s.write_all(req.as_bytes())?;
    s.write_all(body)?;
    let mut buf = Vec::new();
    s.read_to_end(&mut buf)?;
    let split = buf
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| std::io::Error::other("no header end"))?;
    let head = String::from_utf8_lossy(&buf[..split]).to_string();
    let mut lines = head.split("\r\n");
    let status: u16 = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|c| c.parse().ok())
        .ok_or_else(|| std::io::Error::other("bad status line"))?;
    let hs: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let mut body = buf[split + 4..].to_vec();
    if hs
        .iter()
        .any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"))
    {
        body = dechunk(&body);
    }
    Ok((status, hs, body))
}

fn dechunk(b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(p) = b[i..].windows(2).position(|w| w == b"\r\n") {
        let size =
            usize::from_str_radix(String::from_utf8_lossy(&b[i..i + p]).trim(), 16).unwrap_or(0);
        i += p + 2;
        if size == 0 || i + size > b.len() {
            break;
        }
        out.extend_from_slice(&b[i..i + size]);
        i += size + 2;
    }
    out
}

/// A wiremock responder that forwards the request to moto.
pub struct Forward(pub u16);

impl Respond for Forward {
    fn respond(&self, r: &Request) -> ResponseTemplate {
        let pq = match r.url.query() {
            Some(q) => format!("{}?{q}", r.url.path()),
            None => r.url.path().to_string(),
        };
        let headers: Vec<(String, String)> = r
            .headers
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or("").to_string()))
            .collect();
        match http_raw(self.0, r.method.as_str(), &pq, &headers, &r.body) {
            Ok((status, hs, mut body)) => {
                // moto answers GetBucketVersioning of a never-versioned
                // bucket with a wrong root element; real S3 sends an empty
                // VersioningConfiguration.
                if body.starts_with(b"<?xml") {
                    let t = String::from_utf8_lossy(&body);
                    if t.contains("<GetBucketVersioningResponse") {
                        body = t
                            .replace("GetBucketVersioningResponse", "VersioningConfiguration")
                            .into_bytes();
                    }
                }
                if let Ok(mut v) = serde_json::from_slice::<serde_json::Value>(&body) {
                    if epoch_times(&mut v) {
                        body = serde_json::to_vec(&v).unwrap();
                    }
                }
                let ct = hs
                    .iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case("content-type"))
                    .map(|(_, v)| v.clone())
                    .unwrap_or_else(|| "application/octet-stream".into());
                let mut t = ResponseTemplate::new(status).set_body_raw(body, &ct);
                for (k, v) in hs {
                    if k.to_ascii_lowercase().starts_with("x-amz") {
                        t = t.insert_header(k.as_str(), v.as_str());
                    }
                }
                t
            }
            Err(e) => ResponseTemplate::new(502).set_body_string(format!("forward failed: {e}")),
        }
    }
}

/// moto gives Connect's `CreatedTime` as ISO 8601 text; the Connect API
/// (and so the SDK) uses epoch seconds. Convert, so moto's instances can be
/// served as the real API would.
fn epoch_times(v: &mut serde_json::Value) -> bool {
    let mut changed = false;
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m.iter_mut() {
                if k == "CreatedTime" {
                    if let Some(t) = x
                        .as_str()
                        .and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok())
                    {
                        *x = serde_json::json!(t.timestamp());
                        changed = true;
                        continue;
                    }
                }
                changed |= epoch_times(x);
            }
        }
        serde_json::Value::Array(a) => {
            for x in a {
                changed |= epoch_times(x);
            }
        }
        _ => {}
    }
    changed
}

/// Test credentials, Region and moto as the default endpoint.
pub fn sdk(moto: &Moto) -> SdkConfig {
    SdkConfig::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new(REGION))
        .credentials_provider(SharedCredentialsProvider::new(Credentials::new(
            "testing", "testing", None, None, "test",
        )))
        .endpoint_url(&moto.url)
        .build()
}

/// Clients on moto for seeding.
pub struct Seed {
    pub s3: aws_sdk_s3::Client,
    pub kms: aws_sdk_kms::Client,
    pub kinesis: aws_sdk_kinesis::Client,
    pub logs: aws_sdk_cloudwatchlogs::Client,
    pub connect: aws_sdk_connect::Client,
}

impl Seed {
    /// Clients for a moto server.
    pub fn new(moto: &Moto) -> Seed {
        let c = sdk(moto);
        Seed {
            s3: aws_sdk_s3::Client::from_conf(
                aws_sdk_s3::config::Builder::from(&c)
                    .force_path_style(true)
                    .build(),
            ),
            kms: aws_sdk_kms::Client::new(&c),
            kinesis: aws_sdk_kinesis::Client::new(&c),
            logs: aws_sdk_cloudwatchlogs::Client::new(&c),
            connect: aws_sdk_connect::Client::new(&c),
        }
    }

    /// A Connect instance in moto; (id, arn).
    pub async fn instance(&self, alias: &str) -> (String, String) {
        let o = self
            .connect
            .create_instance()
            .identity_management_type(aws_sdk_connect::types::DirectoryType::ConnectManaged)
            .instance_alias(alias)
            .inbound_calls_enabled(true)
            .outbound_calls_enabled(true)
            .send()
            .await
            .expect("moto CreateInstance");
        (o.id().unwrap().to_string(), o.arn().unwrap().to_string())
    }

    /// A customer managed key with rotation on; its ARN.
    pub async fn key(&self) -> String {
        let k = self
            .kms
            .create_key()
            .description("shoko test")
            .send()
            .await
            .expect("CreateKey");
        let m = k.key_metadata().unwrap();
        self.kms
            .enable_key_rotation()
            .key_id(m.key_id())
            .send()
            .await
            .expect("EnableKeyRotation");
        m.arn().unwrap().to_string()
    }

    /// A bucket in REGION, optionally with Object Lock enabled at creation.
    pub async fn bucket(&self, name: &str, object_lock: bool) {
        self.s3
            .create_bucket()
            .bucket(name)
            .object_lock_enabled_for_bucket(object_lock)
            .create_bucket_configuration(
                aws_sdk_s3::types::CreateBucketConfiguration::builder()
                    .location_constraint(aws_sdk_s3::types::BucketLocationConstraint::from(REGION))
                    .build(),
            )
            .send()
            .await
            .expect("CreateBucket");
    }

    /// A lifecycle rule on a prefix: expire after `days`, optionally with
    /// a noncurrent-version expiration.
    pub async fn lifecycle(&self, bucket: &str, prefix: &str, days: i32, noncurrent: Option<i32>) {
        use aws_sdk_s3::types::*;
        let mut rule = LifecycleRule::builder()
            .id(RULE_ID)
            .status(ExpirationStatus::Enabled)
            .filter(LifecycleRuleFilter::builder().prefix(prefix).build())
            .expiration(LifecycleExpiration::builder().days(days).build());
        if let Some(n) = noncurrent {
            rule = rule.noncurrent_version_expiration(
                NoncurrentVersionExpiration::builder()
                    .noncurrent_days(n)
                    .build(),
            );
        }
        self.s3
            .put_bucket_lifecycle_configuration()
            .bucket(bucket)
            .lifecycle_configuration(
                BucketLifecycleConfiguration::builder()
                    .rules(rule.build().unwrap())
                    .build()
                    .unwrap(),
            )
            .send()
            .await
            .expect("PutBucketLifecycleConfiguration");
    }

    /// Turn versioning on.
    pub async fn versioning(&self, bucket: &str) {
        use aws_sdk_s3::types::*;
        self.s3
            .put_bucket_versioning()
            .bucket(bucket)
            .versioning_configuration(
                VersioningConfiguration::builder()
                    .status(BucketVersioningStatus::Enabled)
                    .build(),
            )
            .send()
            .await
            .expect("PutBucketVersioning");
    }

    /// Default Object Lock retention in COMPLIANCE mode.
    pub async fn object_lock(&self, bucket: &str, days: i32) {
        use aws_sdk_s3::types::*;
        self.s3
            .put_object_lock_configuration()
            .bucket(bucket)
            .object_lock_configuration(
                ObjectLockConfiguration::builder()
                    .object_lock_enabled(ObjectLockEnabled::Enabled)
                    .rule(
                        ObjectLockRule::builder()
                            .default_retention(
                                DefaultRetention::builder()
                                    .mode(ObjectLockRetentionMode::Compliance)
                                    .days(days)
                                    .build(),
                            )
                            .build(),
                    )
                    .build(),
            )
            .send()
            .await
            .expect("PutObjectLockConfiguration");
    }

    /// SSE-KMS default encryption, a TLS-only policy and a full public access block.
    pub async fn harden(&self, bucket: &str, key_arn: &str) {
        use aws_sdk_s3::types::*;
        self.s3
            .put_bucket_encryption()
            .bucket(bucket)
            .server_side_encryption_configuration(
                ServerSideEncryptionConfiguration::builder()
                    .rules(
                        ServerSideEncryptionRule::builder()
                            .apply_server_side_encryption_by_default(
                                ServerSideEncryptionByDefault::builder()
                                    .sse_algorithm(ServerSideEncryption::AwsKms)
                                    .kms_master_key_id(key_arn)
                                    .build()
                                    .unwrap(),
                            )
                            .build(),
                    )
                    .build()
                    .unwrap(),
            )
            .send()
            .await
            .expect("PutBucketEncryption");
        let policy = json!({"Version": "2012-10-17", "Statement": [{
            "Sid": "TlsOnly", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
            "Resource": [format!("arn:aws:s3:::{bucket}"), format!("arn:aws:s3:::{bucket}/*")],
            "Condition": {"Bool": {"aws:SecureTransport": "false"}}
        }]});
        self.s3
            .put_bucket_policy()
            .bucket(bucket)
            .policy(policy.to_string())
            .send()
            .await
            .expect("PutBucketPolicy");
        self.s3
            .put_public_access_block()
            .bucket(bucket)
            .public_access_block_configuration(
                PublicAccessBlockConfiguration::builder()
                    .block_public_acls(true)
                    .ignore_public_acls(true)
                    .block_public_policy(true)
                    .restrict_public_buckets(true)
                    .build(),
            )
            .send()
            .await
            .expect("PutPublicAccessBlock");
    }

    /// A KMS-encrypted stream with `hours` retention; its ARN.
    pub async fn stream(&self, name: &str, hours: i32, key_arn: &str) -> String {
        self.kinesis
            .create_stream()
            .stream_name(name)
            .shard_count(1)
            .send()
            .await
            .expect("CreateStream");
        self.kinesis
            .increase_stream_retention_period()
            .stream_name(name)
            .retention_period_hours(hours)
            .send()
            .await
            .expect("IncreaseStreamRetentionPeriod");
        self.kinesis
            .start_stream_encryption()
            .stream_name(name)
            .encryption_type(aws_sdk_kinesis::types::EncryptionType::Kms)
            .key_id(key_arn)
            .send()
            .await
            .expect("StartStreamEncryption");
        format!("arn:aws:kinesis:{REGION}:{ACCOUNT}:stream/{name}")
    }

    /// The flow-log group of an alias, with retention and a KMS key.
    pub async fn log_group(&self, alias: &str, days: i32, key_arn: &str) {
        let name = format!("/aws/connect/{alias}");
        self.logs
            .create_log_group()
            .log_group_name(&name)
            .kms_key_id(key_arn)
            .send()
            .await
            .expect("CreateLogGroup");
        self.logs
            .put_retention_policy()
            .log_group_name(&name)
            .retention_in_days(days)
            .send()
            .await
            .expect("PutRetentionPolicy");
    }
}

/// What the Connect fixture serves for one instance.
pub struct ConnectFixture {
    pub instance_id: String,
    pub bucket: String,
    pub prefix: String,
    pub key_arn: String,
    pub stream_arn: Option<String>,
    pub flow_logs: bool,
    /// Flows and modules the instance holds (none by default).
    pub flows: Vec<FixtureFlow>,
    /// Ids of the flows a phone number is associated with (served by
    /// ListFlowAssociations; none by default).
    pub associations: Vec<String>,
}

/// A flow (or flow module) served by ListContactFlows(Modules) and
/// DescribeContactFlow(Module), in the Connect API reference's shape.
pub struct FixtureFlow {
    pub id: String,
    pub name: String,
    /// The flow language JSON (the `Content` string).
    pub content: String,
    pub module: bool,
    pub archived: bool,
    /// The flow's `Type` (`CONTACT_FLOW`, `CUSTOMER_QUEUE`, ...).
    pub flow_type: String,
}

impl FixtureFlow {
    /// A published flow with the content of a file in tests/fixtures/flows.
    pub fn from_file(id: &str, name: &str, file: &str) -> FixtureFlow {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/flows")
            .join(file);
        FixtureFlow {
            id: id.into(),
            name: name.into(),
            content: std::fs::read_to_string(path).expect("fixture flow"),
            module: false,
            archived: false,
            flow_type: "CONTACT_FLOW".into(),
        }
    }

    pub fn arn(&self, instance_id: &str) -> String {
        let kind = if self.module {
            "flow-module"
        } else {
            "contact-flow"
        };
        format!(
            "arn:aws:connect:{REGION}:{ACCOUNT}:instance/{instance_id}/{kind}/{}",
            self.id
        )
    }
}

/// A ListInstanceStorageConfigs body (Connect API reference shape).
pub fn storage_body(configs: serde_json::Value) -> serde_json::Value {
    json!({ "StorageConfigs": configs })
}

/// Start the Connect fixture: storage configs, attributes and security
/// profiles from fixtures, DescribeInstance/ListInstances forwarded to moto.
pub async fn connect_fixture(moto: &Moto, f: &[ConnectFixture]) -> MockServer {
    let server = MockServer::start().await;
    mount_connect(&server, moto, f).await;
    server
}

/// Mount the Connect routes on an existing server (after any test-specific
/// mocks, which take precedence when mounted first).
pub async fn mount_connect(server: &MockServer, moto: &Moto, f: &[ConnectFixture]) {
    for x in f {
        let id = &x.instance_id;
        let rec = storage_body(json!([{
            "AssociationId": format!("{id}-rec"),
            "StorageType": "S3",
            "S3Config": {
                "BucketName": x.bucket,
                "BucketPrefix": x.prefix,
                "EncryptionConfig": {"EncryptionType": "KMS", "KeyId": x.key_arn}
            }
        }]));
        Mock::given(method("GET"))
            .and(path(format!("/instance/{id}/storage-configs")))
            .and(query_param("resourceType", "CALL_RECORDINGS"))
            .respond_with(ResponseTemplate::new(200).set_body_json(rec))
            .mount(server)
            .await;
        if let Some(arn) = &x.stream_arn {
            Mock::given(method("GET"))
                .and(path(format!("/instance/{id}/storage-configs")))
                .and(query_param("resourceType", "CONTACT_TRACE_RECORDS"))
                .respond_with(
                    ResponseTemplate::new(200).set_body_json(storage_body(json!([{
                        "AssociationId": format!("{id}-ctr"),
                        "StorageType": "KINESIS_STREAM",
                        "KinesisStreamConfig": {"StreamArn": arn}
                    }]))),
                )
                .mount(server)
                .await;
        }
        Mock::given(method("GET"))
            .and(path(format!("/instance/{id}/storage-configs")))
            .respond_with(ResponseTemplate::new(200).set_body_json(storage_body(json!([]))))
            .mount(server)
            .await;
        for (attr, value) in [
            (
                "CONTACTFLOW_LOGS",
                if x.flow_logs { "true" } else { "false" },
            ),
            ("CONTACT_LENS", "true"),
        ] {
            Mock::given(method("GET"))
                .and(path(format!("/instance/{id}/attribute/{attr}")))
                .respond_with(
                    ResponseTemplate::new(200).set_body_json(
                        json!({"Attribute": {"AttributeType": attr, "Value": value}}),
                    ),
                )
                .mount(server)
                .await;
        }
        let flows: Vec<&FixtureFlow> = x.flows.iter().filter(|f| !f.module).collect();
        let modules: Vec<&FixtureFlow> = x.flows.iter().filter(|f| f.module).collect();
        let state = |f: &FixtureFlow| if f.archived { "ARCHIVED" } else { "ACTIVE" };
        Mock::given(method("GET"))
            .and(path(format!("/contact-flows-summary/{id}")))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "ContactFlowSummaryList": flows.iter().map(|f| json!({
                    "Id": f.id, "Arn": f.arn(id), "Name": f.name,
                    "ContactFlowType": f.flow_type,
                    "ContactFlowState": state(f), "ContactFlowStatus": "PUBLISHED"
                })).collect::<Vec<_>>()
            })))
            .mount(server)
            .await;
        Mock::given(method("GET"))
            .and(path(format!("/contact-flow-modules-summary/{id}")))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "ContactFlowModulesSummaryList": modules.iter().map(|f| json!({
                    "Id": f.id, "Arn": f.arn(id), "Name": f.name, "State": state(f)
                })).collect::<Vec<_>>()
            })))
            .mount(server)
            .await;
        for f in &x.flows {
            let (route, field) = if f.module {
                ("contact-flow-modules", "ContactFlowModule")
            } else {
                ("contact-flows", "ContactFlow")
            };
            Mock::given(method("GET"))
                .and(path(format!("/{route}/{id}/{}", f.id)))
                .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                    field: {
                        "Arn": f.arn(id), "Id": f.id, "Name": f.name,
                        "State": state(f), "Status": "PUBLISHED",
                        "Type": f.flow_type, "Content": f.content
                    }
                })))
                .mount(server)
                .await;
        }
        // ListFlowAssociations, shaped as the API reference's response:
        // one phone number per associated flow.
        Mock::given(method("GET"))
            .and(path(format!("/flow-associations-summary/{id}")))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "FlowAssociationSummaryList": x.associations.iter().enumerate().map(|(n, f)| json!({
                    "ResourceId": format!("arn:aws:connect:{REGION}:{ACCOUNT}:phone-number/pn-{n}"),
                    "FlowId": format!("arn:aws:connect:{REGION}:{ACCOUNT}:instance/{id}/contact-flow/{f}"),
                    "ResourceType": "VOICE_PHONE_NUMBER"
                })).collect::<Vec<_>>()
            })))
            .mount(server)
            .await;
        Mock::given(method("GET"))
            .and(path(format!("/security-profiles-summary/{id}")))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "SecurityProfileSummaryList": [
                    {"Id": "sp-1", "Arn": format!("arn:aws:connect:{REGION}:{ACCOUNT}:instance/{id}/security-profile/sp-1"), "Name": "Admin"},
                    {"Id": "sp-2", "Arn": format!("arn:aws:connect:{REGION}:{ACCOUNT}:instance/{id}/security-profile/sp-2"), "Name": "Agent"}
                ]
            })))
            .mount(server)
            .await;
        // ListSecurityProfilePermissions, shaped as the API reference's
        // response: Admin holds the unredacted permissions, Agent not.
        for (sp, perms) in [
            (
                "sp-1",
                json!([
                    "CallRecordings.Unredacted.Access",
                    "ContactTranscripts.Unredacted.Access",
                    "Users.View"
                ]),
            ),
            ("sp-2", json!(["BasicAgentAccess", "RedactedData.View"])),
        ] {
            Mock::given(method("GET"))
                .and(path(format!("/security-profiles-permissions/{id}/{sp}")))
                .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                    "Permissions": perms,
                    "LastModifiedRegion": REGION,
                    "LastModifiedTime": 1.7e9
                })))
                .mount(server)
                .await;
        }
    }
    mount_cp_defaults(server, f).await;
    Mock::given(path_regex("^/instance(/[^/]+)?$"))
        .respond_with(Forward(moto.port))
        .with_priority(10)
        .mount(server)
        .await;
}

/// An S3 endpoint in front of moto: forwards everything (fixing moto's
/// known deviations); tests mount fault mocks on it with priority 1.
pub async fn s3_shim(moto: &Moto) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(Forward(moto.port))
        .with_priority(10)
        .mount(&server)
        .await;
    server
}

/// A complete single-instance setup: instance, key, bucket (hardened,
/// lifecycle `days`), stream, log group. Returns the fixture.
pub async fn standard(seed: &Seed, alias: &str, days: i32) -> ConnectFixture {
    standard_with(seed, alias, days, None, false).await
}

/// [`standard`] with a noncurrent-version expiration and Object Lock
/// (created with the bucket, which turns versioning on).
pub async fn standard_with(
    seed: &Seed,
    alias: &str,
    days: i32,
    noncurrent: Option<i32>,
    object_lock: bool,
) -> ConnectFixture {
    let (id, _) = seed.instance(alias).await;
    let key = seed.key().await;
    let bucket = format!("{alias}-recordings");
    seed.bucket(&bucket, object_lock).await;
    seed.harden(&bucket, &key).await;
    let prefix = format!("connect/{alias}/CallRecordings");
    seed.lifecycle(&bucket, "connect/", days, noncurrent).await;
    let stream = seed.stream(&format!("{alias}-ctr"), 168, &key).await;
    seed.log_group(alias, 365, &key).await;
    ConnectFixture {
        instance_id: id,
        bucket,
        prefix,
        key_arn: key,
        stream_arn: Some(stream),
        flow_logs: true,
        flows: Vec::new(),
        associations: Vec::new(),
    }
}

/// Collection options for tests: quiet, short timeouts, fast pacing.
pub fn options() -> shoko::collect::Options {
    shoko::collect::Options {
        regions: vec![REGION.to_string()],
        call_timeout: Duration::from_secs(10),
        overall_timeout: Duration::from_secs(60),
        connect_rate: 50.0,
        progress: shoko::collect::ProgressMode::Quiet,
        ..Default::default()
    }
}

/// Endpoint overrides: Connect on the fixture server, S3 on the shim.
pub fn endpoints(connect: &MockServer, s3: &MockServer) -> shoko::collect::Endpoints {
    [
        ("connect".to_string(), connect.uri()),
        ("s3".to_string(), s3.uri()),
        // Customer Profiles (moto lacks it): served by the Connect fixture.
        ("customerprofiles".to_string(), connect.uri()),
    ]
    .into_iter()
    .collect()
}

/// Today (UTC), as collected_at dates are.
pub fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

/// The built-in messages.
pub fn i18n() -> shoko::i18n::I18n {
    shoko::i18n::I18n::load(&shoko::assets::Assets::default()).expect("locales load")
}

/// Interpret a snapshot as of a date.
pub fn interpret(
    snap: &shoko::collect::Snapshot,
    as_of: chrono::NaiveDate,
) -> shoko::model::evidence::LiveEvidence {
    shoko::observe::interpret(
        snap,
        &shoko::observe::Options {
            as_of,
            max_age_days: 30,
            instances: vec![],
        },
        &i18n(),
    )
}

/// The observed claim for a category and property.
pub fn claim<'a>(
    live: &'a shoko::model::evidence::LiveEvidence,
    cat: &str,
    prop: &str,
) -> Option<&'a shoko::model::evidence::ObservedClaim> {
    live.claims
        .iter()
        .find(|c| c.category == cat && c.property.name() == prop)
}

/// Collect with the library (per-service endpoints, no process env).
pub async fn collect(
    moto: &Moto,
    endpoints: shoko::collect::Endpoints,
    opts: shoko::collect::Options,
) -> shoko::collect::Snapshot {
    shoko::collect::collect(sdk(moto), endpoints, opts).await
}

/// The observations of an operation.
pub fn observations<'a>(
    snap: &'a shoko::collect::Snapshot,
    op: &str,
) -> Vec<&'a shoko::collect::snapshot::Observation> {
    snap.manifest
        .observations
        .iter()
        .filter(|o| o.operation == op)
        .collect()
}

/// The reason a property is unavailable.
pub fn unavailable<'a>(
    live: &'a shoko::model::evidence::LiveEvidence,
    cat: &str,
    prop: &str,
) -> Option<&'a str> {
    live.unavailable
        .iter()
        .find(|u| u.category == cat && u.property.name() == prop)
        .map(|u| u.reason.as_str())
}

/// A built document: `out/<lang>/nfr.md`.
pub fn md(out: &Path, lang: &str) -> String {
    std::fs::read_to_string(out.join(lang).join("nfr.md")).expect("nfr.md")
}

/// `shoko build --evidence snap --format md --out out` in `dir` with the
/// example's requirements and `extra` arguments; the test fails unless it
/// succeeds. Returns the English document.
pub fn build_from_snapshot(dir: &Path, as_of: &str, extra: &[&str]) -> String {
    let mut args = vec![
        "build",
        "--evidence",
        "snap",
        "--requirements",
        "requirements.yaml",
        "--format",
        "md",
        "--as-of",
        as_of,
        "--out",
        "out",
    ];
    args.extend_from_slice(extra);
    let o = crate::common::shoko(&args, dir);
    assert!(o.status.success(), "{}", crate::common::text(&o));
    md(&dir.join("out"), "en")
}

/// What a seeded CloudTrail trail records.
pub enum TrailEvents<'a> {
    /// Management events only.
    Management,
    /// Basic selectors: S3 data events (ReadWriteType) on these ARN values.
    Basic(&'a str, &'a [&'a str]),
    /// Advanced selectors (the API's JSON shape, `AdvancedEventSelectors`).
    Advanced(serde_json::Value),
}

/// A CloudTrail trail in moto delivering to `bucket` (which must exist),
/// multi-Region, recording `events`, and logging when `logging`.
pub async fn seed_trail(
    moto: &Moto,
    name: &str,
    bucket: &str,
    events: TrailEvents<'_>,
    logging: bool,
) -> String {
    seed_trail_in(moto, REGION, name, bucket, events, logging).await
}

/// [`seed_trail`] with its home Region: elsewhere than REGION, REGION sees
/// it as a shadow trail.
pub async fn seed_trail_in(
    moto: &Moto,
    home: &str,
    name: &str,
    bucket: &str,
    events: TrailEvents<'_>,
    logging: bool,
) -> String {
    use aws_sdk_cloudtrail::types::*;
    let conf = aws_sdk_cloudtrail::config::Builder::from(&sdk(moto))
        .region(aws_sdk_cloudtrail::config::Region::new(home.to_string()))
        .build();
    let ct = aws_sdk_cloudtrail::Client::from_conf(conf);
    let t = ct
        .create_trail()
        .name(name)
        .s3_bucket_name(bucket)
        .is_multi_region_trail(true)
        .send()
        .await
        .expect("CreateTrail");
    let arn = t.trail_arn().expect("trail ARN").to_string();
    let put = ct.put_event_selectors().trail_name(name);
    let put = match events {
        TrailEvents::Management => put.event_selectors(
            EventSelector::builder()
                .read_write_type(ReadWriteType::All)
                .include_management_events(true)
                .build(),
        ),
        TrailEvents::Basic(rw, values) => put.event_selectors(
            EventSelector::builder()
                .read_write_type(ReadWriteType::from(rw))
                .include_management_events(true)
                .data_resources(
                    DataResource::builder()
                        .r#type("AWS::S3::Object")
                        .set_values(Some(values.iter().map(|v| v.to_string()).collect()))
                        .build(),
                )
                .build(),
        ),
        TrailEvents::Advanced(sel) => {
            let mut p = put;
            for s in sel.as_array().expect("selectors") {
                let mut b = AdvancedEventSelector::builder();
                if let Some(n) = s["Name"].as_str() {
                    b = b.name(n);
                }
                for f in s["FieldSelectors"].as_array().expect("fields") {
                    let strs = |k: &str| {
                        f[k].as_array()
                            .map(|a| a.iter().map(|x| x.as_str().unwrap().to_string()).collect())
                    };
                    b = b.field_selectors(
                        AdvancedFieldSelector::builder()
                            .field(f["Field"].as_str().unwrap())
                            .set_equals(strs("Equals"))
                            .set_starts_with(strs("StartsWith"))
                            .build()
                            .expect("field selector"),
                    );
                }
                p = p.advanced_event_selectors(b.build().expect("advanced selector"));
            }
            p
        }
    };
    put.send().await.expect("PutEventSelectors");
    if logging {
        ct.start_logging()
            .name(name)
            .send()
            .await
            .expect("StartLogging");
    }
    arn
}

/// Defaults for the calls moto lacks that every instance makes (issue 15):
/// no data lake association, no Customer Profiles integration (and no
/// object type in a domain a test serves). Priority 8,
/// so a test's own mocks (priority 1..5) take precedence.
pub async fn mount_cp_defaults(server: &MockServer, f: &[ConnectFixture]) {
    for x in f {
        Mock::given(method("GET"))
            .and(path(format!(
                "/analytics-data/instance/{}/association",
                x.instance_id
            )))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({"Results": []})))
            .with_priority(8)
            .mount(server)
            .await;
    }
    Mock::given(method("POST"))
        .and(path("/integrations"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"Items": []})))
        .with_priority(8)
        .mount(server)
        .await;
    // A domain a test serves has no object type unless the test says so.
    Mock::given(method("GET"))
        .and(wiremock::matchers::path_regex(
            "^/domains/[^/]+/object-types$",
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"Items": []})))
        .with_priority(8)
        .mount(server)
        .await;
}
