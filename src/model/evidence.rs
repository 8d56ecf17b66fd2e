//! Live evidence as the rest of the pipeline sees it: observed claims, each
//! pointing at the raw API response that proves it, and the reasons live
//! evidence was unavailable. The collectors (`collect`) produce this; the
//! resolver consumes it. Offline builds pass an empty [`LiveEvidence`].

use super::{Bilingual, Property, Value};
use serde::Serialize;

/// Where an observed value was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ObservationRef {
    /// Id of the observation in the snapshot (`obs-0007`).
    pub id: String,
    /// AWS service (`s3`).
    pub service: String,
    /// API operation (`GetBucketLifecycleConfiguration`).
    pub operation: String,
    /// Request parameters, as `key=value` pairs.
    pub parameters: Vec<(String, String)>,
    /// Region of the call.
    pub region: String,
    /// Account the call was made in.
    pub account: String,
    /// When (RFC 3339).
    pub collected_at: String,
    /// SHA-256 of the raw response body, hex.
    pub sha256: String,
    /// JSON pointer of the field read (`/Rules/0/Expiration/Days`).
    pub pointer: String,
}

/// A claim read from a live API call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ObservedClaim {
    /// Category id.
    pub category: String,
    /// Property.
    pub property: Property,
    /// The value.
    pub value: Value,
    /// What was read and what it means.
    pub explain: Bilingual,
    /// What a reviewer must also know (versioning keeps deleted objects ...).
    pub caveats: Vec<Bilingual>,
    /// Every call the value rests on (storage config, bucket, rule, key ...).
    pub observations: Vec<ObservationRef>,
    /// Older than the freshness limit at `--as-of`.
    pub stale: bool,
    /// A condition the evidence does not show, on which a "met" rests
    /// (a versioned bucket is emptied only if every version is deleted).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition: Option<Bilingual>,
    /// The subset of objects the value is about, when a requirement named
    /// one (retention of objects tagged `legal-hold=true`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<super::requirement::Scope>,
    /// AWS pages (sources.yaml ids) that state the rules a caveat applies
    /// to what was read (S3 honours the shorter of overlapping expirations).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub docs: Vec<String>,
}

/// Live evidence that could not be had for one property.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unavailable {
    /// Category id.
    pub category: String,
    /// Property.
    pub property: Property,
    /// Why (`AccessDenied on s3:GetLifecycleConfiguration`).
    pub reason: String,
}

/// A flow file (or fetched flow) that the flow analysis read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FlowSource {
    /// File path or ARN, as given.
    pub source: String,
    /// Flow name.
    pub name: String,
    /// SHA-256 of the flow JSON, hex.
    pub sha256: String,
}

/// Where analysed flows came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FlowOrigin {
    /// Files exported from the Connect console (`--flows DIR`).
    Files,
    /// Fetched from the instance with DescribeContactFlow(Module).
    Live,
}

impl FlowOrigin {
    /// The name used in messages (`files`, `live`).
    pub fn name(self) -> &'static str {
        match self {
            FlowOrigin::Files => "files",
            FlowOrigin::Live => "live",
        }
    }
}

/// The flow privacy analysis: does sensitive input reach the flow logs?
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FlowEvidence {
    /// The flows read, in name order.
    pub files: Vec<FlowSource>,
    /// Verdicts per flow and every finding.
    pub analysis: super::flow::Analysis,
    /// Flows that could not be read (the others are still analysed).
    pub errors: Vec<super::flow::FlowError>,
    /// Logging state assumed where a flow is entered from outside the set.
    pub default_logging: super::flow::Logging,
    /// True when that default is an assumption (no instance attribute seen).
    pub default_assumed: bool,
    /// Where the flows came from.
    pub origin: FlowOrigin,
    /// What the overall claim says, for the reader.
    pub explain: Bilingual,
    /// The value when findings rest only on entries shoko cannot see
    /// (names the condition; the verdict is `review`).
    pub possibly: Bilingual,
    /// The value when nothing was found but some flows were not analysed.
    pub incomplete: Bilingual,
    /// Claims the flows show about other categories (the Contact Lens
    /// outputs of exported flows).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<FlowClaim>,
}

/// A claim exported flows show about a category other than the flow logs
/// (which Contact Lens redaction their blocks set). Cited to the flow files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FlowClaim {
    /// Category id.
    pub category: String,
    /// Property.
    pub property: Property,
    /// The value.
    pub value: Value,
    /// What was read and what it means.
    pub explain: Bilingual,
    /// What a reviewer must also know.
    pub caveats: Vec<Bilingual>,
}

/// Everything the collectors found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LiveEvidence {
    /// Observed claims.
    pub claims: Vec<ObservedClaim>,
    /// Observed claims about a requirement's scope (a subset of a
    /// category's objects), apart from the category-wide ones.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub scoped: Vec<ObservedClaim>,
    /// Properties whose live evidence failed.
    pub unavailable: Vec<Unavailable>,
    /// The flow analysis, when flows were given or fetched.
    pub flows: Option<FlowEvidence>,
    /// The instance's flow logging setting (CONTACTFLOW_LOGS) as collected:
    /// where exported flows are entered from outside their set, they start
    /// in this state. Enabled when any collected instance has it on.
    pub flow_logging: Option<super::flow::Logging>,
}
