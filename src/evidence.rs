//! Live evidence as the rest of the pipeline sees it: observed claims, each
//! pointing at the raw API response that proves it, and the reasons live
//! evidence was unavailable. The collectors (`collect`) produce this; the
//! resolver consumes it. Offline builds pass an empty [`LiveEvidence`].

use crate::model::{Bilingual, Property, Value};
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

/// Everything the collectors found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LiveEvidence {
    /// Observed claims.
    pub claims: Vec<ObservedClaim>,
    /// Properties whose live evidence failed.
    pub unavailable: Vec<Unavailable>,
}
