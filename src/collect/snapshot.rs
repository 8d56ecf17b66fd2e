//! The snapshot folder: what `shoko collect` writes and `shoko build
//! --evidence` reads, so documents can be rebuilt offline from the exact
//! responses they cite.
//!
//! ```text
//! SNAPSHOT/
//!   snapshot.json             manifest: run, instances, summary, and one
//!                             entry per call (observation) with its SHA-256
//!   observations/obs-0001.json  the body of each response, exactly as stored
//! ```
//!
//! Bodies of JSON services (Connect, Kinesis, Firehose, CloudWatch Logs,
//! KMS) are the response bytes as received. S3 answers in XML; its responses
//! are stored as the SDK's parsed output rendered as JSON with the API's
//! field names (`"body": "sdk-output"`). Failed calls store
//! `{"Error": {"Kind", "Code", "Message"}}`. The SHA-256 is always of the
//! stored bytes, and reading a snapshot checks every one.
//!
//! Observation ids are assigned after collection, in a sorted order (Region,
//! instance, service, operation, parameters), so two runs against the same
//! account number their observations the same way.

use super::Record;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The format tag of `snapshot.json`.
pub const FORMAT: &str = "shoko-snapshot/1";

/// Outcome of a call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Answered.
    Ok,
    /// Answered that the thing is not configured (no lifecycle rules, no
    /// bucket policy ...): evidence of absence.
    NotConfigured,
    /// No usable answer.
    Failed,
}

/// What kind of fault a call met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorKind {
    /// Not configured (see [`Status::NotConfigured`]).
    NotConfigured,
    /// The caller lacks the permission.
    AccessDenied,
    /// Throttled after every retry.
    Throttled,
    /// The resource does not exist.
    NotFound,
    /// The call took longer than the per-call timeout.
    Timeout,
    /// The overall timeout was reached before the call could start.
    OverallTimeout,
    /// The endpoint could not be reached.
    Unreachable,
    /// The response could not be read.
    Malformed,
    /// Another service error.
    Service,
    /// Anything else.
    Other,
}

impl ErrorKind {
    /// The kebab-case name.
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::NotConfigured => "not-configured",
            ErrorKind::AccessDenied => "access-denied",
            ErrorKind::Throttled => "throttled",
            ErrorKind::NotFound => "not-found",
            ErrorKind::Timeout => "timeout",
            ErrorKind::OverallTimeout => "overall-timeout",
            ErrorKind::Unreachable => "unreachable",
            ErrorKind::Malformed => "malformed",
            ErrorKind::Service => "service",
            ErrorKind::Other => "other",
        }
    }
}

/// Why a call gave no usable answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallError {
    /// Kind.
    pub kind: ErrorKind,
    /// The service's error code (`AccessDenied`), or a short label.
    pub code: String,
    /// The service's message, or what went wrong.
    pub message: String,
}

impl CallError {
    /// An error without a service code.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> CallError {
        let code = match kind {
            ErrorKind::Timeout => "Timeout",
            ErrorKind::OverallTimeout => "OverallTimeout",
            ErrorKind::Unreachable => "EndpointUnreachable",
            ErrorKind::Malformed => "MalformedResponse",
            _ => "Error",
        };
        CallError {
            kind,
            code: code.to_string(),
            message: message.into(),
        }
    }
    /// One line for logs.
    pub fn describe(&self) -> String {
        if self.message.is_empty() {
            self.code.clone()
        } else {
            format!("{} ({})", self.code, self.message)
        }
    }
}

/// How the stored body came to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Body {
    /// The response body exactly as received.
    ResponseBody,
    /// The SDK's parsed output as JSON (services that answer in XML).
    SdkOutput,
    /// The error, as `{"Error": {...}}`.
    Error,
}

/// One API call and what came back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Observation {
    /// `obs-0001`.
    pub id: String,
    /// Service (`s3`).
    pub service: String,
    /// Operation (`GetBucketVersioning`).
    pub operation: String,
    /// IAM action (`s3:GetBucketVersioning`).
    pub action: String,
    /// Request parameters.
    pub parameters: Vec<(String, String)>,
    /// Region the call went to.
    pub region: String,
    /// Account (from the instance ARN; empty when unknown).
    pub account: String,
    /// Connect instance id the call was made for.
    pub instance: Option<String>,
    /// When the answer came (RFC 3339, UTC).
    pub collected_at: String,
    /// Outcome.
    pub status: Status,
    /// The fault, when not ok.
    pub error: Option<CallError>,
    /// HTTP attempts made (retries included).
    pub attempts: u32,
    /// How the stored body came to be.
    pub body: Body,
    /// Stored body, relative to the snapshot folder.
    pub file: String,
    /// SHA-256 of the stored body, hex.
    pub sha256: String,
}

/// A Connect instance found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InstanceEntry {
    /// Region.
    pub region: String,
    /// Instance id.
    pub id: String,
    /// Alias, when known.
    pub alias: Option<String>,
    /// ARN, when known.
    pub arn: Option<String>,
    /// Account, when known.
    pub account: String,
}

impl InstanceEntry {
    /// Does `name` (an id, alias or ARN, as `--instance` takes them) name
    /// this instance?
    pub fn is_named(&self, name: &str) -> bool {
        name == self.id || Some(name) == self.alias.as_deref() || Some(name) == self.arn.as_deref()
    }
}

/// Counts for the closing summary.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Summary {
    /// Calls made (or skipped at the overall timeout).
    pub calls: usize,
    /// Calls that failed.
    pub failed: usize,
    /// Calls answered "not configured".
    pub not_configured: usize,
    /// HTTP attempts, retries included.
    pub attempts: usize,
}

/// `snapshot.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// [`FORMAT`].
    pub format: String,
    /// The shoko version that collected it.
    pub tool_version: String,
    /// When the run started.
    pub started_at: String,
    /// When it finished.
    pub finished_at: String,
    /// Regions looked in.
    pub regions: Vec<String>,
    /// `--instance` values.
    pub selector: Vec<String>,
    /// Instances found, sorted by Region and id.
    pub instances: Vec<InstanceEntry>,
    /// Notes (names that matched no instance ...).
    pub notes: Vec<String>,
    /// Counts.
    pub summary: Summary,
    /// Every call, by id.
    pub observations: Vec<Observation>,
}

/// A snapshot in memory: the manifest and each stored body.
#[derive(Debug, Clone)]
pub struct Snapshot {
    /// The manifest.
    pub manifest: Manifest,
    /// Bodies, index-aligned with `manifest.observations`.
    pub bodies: Vec<Vec<u8>>,
}

/// What [`Snapshot::assemble`] needs.
pub(crate) struct Assembly {
    pub started_at: String,
    pub finished_at: String,
    pub regions: Vec<String>,
    pub selector: Vec<String>,
    pub instances: Vec<InstanceEntry>,
    pub notes: Vec<String>,
    pub records: Vec<Record>,
}

/// A snapshot that cannot be read.
#[derive(Debug, thiserror::Error)]
#[error("snapshot {path}: {problem}")]
pub struct SnapshotError {
    /// The file or folder.
    pub path: String,
    /// What is wrong.
    pub problem: String,
}

/// Pretty JSON with a final newline: the bytes stored for converted bodies.
pub fn json_bytes(v: &serde_json::Value) -> Vec<u8> {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_else(|_| "null".into());
    s.push('\n');
    s.into_bytes()
}

fn sort_key(o: &Observation) -> (String, String, String, String, Vec<(String, String)>) {
    (
        o.region.clone(),
        o.instance.clone().unwrap_or_default(),
        o.service.clone(),
        o.operation.clone(),
        o.parameters.clone(),
    )
}

impl Snapshot {
    /// Number the records in sorted order and build the manifest.
    pub(crate) fn assemble(a: Assembly) -> Snapshot {
        let mut records = a.records;
        records.sort_by_key(|r| sort_key(&r.obs));
        let mut observations = Vec::with_capacity(records.len());
        let mut bodies = Vec::with_capacity(records.len());
        let mut summary = Summary::default();
        for (i, r) in records.into_iter().enumerate() {
            let mut o = r.obs;
            o.id = format!("obs-{:04}", i + 1);
            o.file = format!("observations/{}.json", o.id);
            summary.calls += 1;
            summary.attempts += o.attempts as usize;
            match o.status {
                Status::Ok => {}
                Status::NotConfigured => summary.not_configured += 1,
                Status::Failed => summary.failed += 1,
            }
            observations.push(o);
            bodies.push(r.bytes);
        }
        let mut instances = a.instances;
        instances.sort_by(|x, y| (&x.region, &x.id).cmp(&(&y.region, &y.id)));
        instances.dedup_by(|x, y| x.region == y.region && x.id == y.id);
        Snapshot {
            manifest: Manifest {
                format: FORMAT.to_string(),
                tool_version: env!("CARGO_PKG_VERSION").to_string(),
                started_at: a.started_at,
                finished_at: a.finished_at,
                regions: a.regions,
                selector: a.selector,
                instances,
                notes: a.notes,
                summary,
                observations,
            },
            bodies,
        }
    }

    /// The files of the snapshot folder.
    pub fn files(&self) -> Vec<crate::output::OutFile> {
        let mut files = vec![crate::output::OutFile {
            path: "snapshot.json".into(),
            bytes: json_bytes(&serde_json::to_value(&self.manifest).unwrap_or_default()),
            private: true,
        }];
        for (o, b) in self.manifest.observations.iter().zip(&self.bodies) {
            files.push(crate::output::OutFile {
                path: o.file.clone(),
                bytes: b.clone(),
                private: true,
            });
        }
        files
    }

    /// Write the folder (replaced as a whole; nothing half-written).
    pub fn write(&self, dir: &Path) -> Result<(), crate::output::WriteError> {
        crate::output::replace_dir(dir, &self.files())
    }

    /// Read a snapshot folder and check every body against its SHA-256.
    pub fn read(dir: &Path) -> Result<Snapshot, SnapshotError> {
        let err = |p: &Path, problem: String| SnapshotError {
            path: p.display().to_string(),
            problem,
        };
        let mpath = dir.join("snapshot.json");
        let text = std::fs::read(&mpath).map_err(|e| {
            err(
                &mpath,
                format!("cannot read it ({e}); expected a folder written by `shoko collect --out`"),
            )
        })?;
        let manifest: Manifest = serde_json::from_slice(&text)
            .map_err(|e| err(&mpath, format!("not a shoko snapshot manifest: {e}")))?;
        if manifest.format != FORMAT {
            return Err(err(
                &mpath,
                format!(
                    "format `{}` is not supported (expected `{FORMAT}`)",
                    manifest.format
                ),
            ));
        }
        let mut bodies = Vec::with_capacity(manifest.observations.len());
        for o in &manifest.observations {
            if o.file.contains("..") || Path::new(&o.file).is_absolute() {
                return Err(err(
                    &mpath,
                    format!("{}: file path `{}` leaves the snapshot", o.id, o.file),
                ));
            }
            let p = dir.join(&o.file);
            let b = std::fs::read(&p).map_err(|e| err(&p, format!("cannot read it ({e})")))?;
            let h = crate::text::sha256_hex(&b);
            if h != o.sha256 {
                return Err(err(
                    &p,
                    format!(
                        "SHA-256 is {h} but snapshot.json records {}: the file was changed after collection",
                        o.sha256
                    ),
                ));
            }
            bodies.push(b);
        }
        Ok(Snapshot { manifest, bodies })
    }

    /// A one-paragraph summary for stderr.
    pub fn summary_line(&self, claims: usize) -> String {
        let s = &self.manifest.summary;
        format!(
            "{} instance(s) in {} Region(s): {} call(s) made ({} attempt(s)), {} failed, {} not configured; {} claim(s) observed",
            self.manifest.instances.len(),
            self.manifest.regions.len(),
            s.calls,
            s.attempts,
            s.failed,
            s.not_configured,
            claims
        )
    }
}
