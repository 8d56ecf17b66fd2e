//! Resolved claims: a value of one property of one category with where it
//! comes from (observed, declared, derived, documented) and what it cites.

use super::evidence::ObservationRef;
use super::{Bilingual, Property, Value};
use serde::Serialize;

/// Where a claim's value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Provenance {
    /// Read from a live AWS API call.
    Observed,
    /// Stated in an answers file.
    Declared,
    /// Derived from other claims by a documented rule.
    Derived,
    /// The platform's documented behaviour.
    Documented,
}

/// Something a claim cites; numbered when the report is built.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum SourceKey {
    /// A documentation page of the catalog.
    Doc {
        /// Catalog source id.
        id: String,
    },
    /// A line of an answers file.
    Declaration {
        /// The answers file.
        file: String,
        /// Line.
        line: usize,
    },
    /// A live API response.
    Observation {
        /// Observation id.
        id: String,
    },
    /// A contact flow read by the flow analysis.
    Flow {
        /// File path or ARN.
        source: String,
    },
}

/// A resolved claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Claim {
    /// Category id.
    pub category: String,
    /// Property.
    pub property: Property,
    /// The value.
    pub value: Value,
    /// Which tier it came from.
    pub provenance: Provenance,
    /// False when the evidence does not settle it (unverified doc fact, stale observation).
    pub verified: bool,
    /// Why unverified, when it is.
    pub unverified_reason: Option<UnverifiedReason>,
    /// What it says.
    pub explain: Bilingual,
    /// The operator's note (declared claims).
    pub note: Option<Bilingual>,
    /// A ticket, ARN or document id given with a declaration.
    pub reference: Option<String>,
    /// What a reviewer must also know.
    pub caveats: Vec<Bilingual>,
    /// What it cites, in order.
    pub cites: Vec<SourceKey>,
    /// Why live evidence was not used, when it was tried and failed.
    pub fallback: Option<String>,
    /// For derived claims: the claims (category/property) it follows from.
    pub derived_from: Vec<(String, Property)>,
    /// A condition the evidence does not show: a requirement the value
    /// meets is `review` until it is confirmed. Also the first caveat.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition: Option<Bilingual>,
}

/// Why a claim is not verified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum UnverifiedReason {
    /// The documentation does not settle it.
    Undocumented,
    /// The observation is older than the freshness limit.
    Stale,
}

/// Raw observations met while resolving, for the sources list.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    /// Claims per category, in catalog order.
    pub claims: Vec<Claim>,
    /// Observed claims about a requirement's scope, with that scope.
    pub scoped: Vec<(super::requirement::Scope, Claim)>,
    /// Every observation cited.
    pub observations: Vec<ObservationRef>,
}
