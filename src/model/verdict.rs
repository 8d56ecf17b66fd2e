//! Verdicts: one requirement against one category, with status, remedy and
//! the reason the i18n layer phrases.

use super::catalog::{Change, Direction};
use super::{Duration, Remedy, Status};
use serde::Serialize;

/// Why a verdict came out as it did; the i18n layer turns it into prose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum Reason {
    /// Every condition holds.
    Met,
    /// A condition fails.
    Gap {
        /// Which way the value must move.
        direction: Direction,
        /// The catalog's change entry used, if any.
        change: Option<Change>,
        /// For configurable retention: the accepted values that would meet
        /// the requirement (or the range, as two values).
        meeting: Vec<Duration>,
        /// `meeting` is a closed range rather than a list.
        meeting_is_range: bool,
    },
    /// No claim for this property and category.
    NoEvidence,
    /// The catalog marks the fact unverified.
    Undocumented,
    /// The observation is older than its freshness limit.
    Stale,
    /// The value depends on the deployment's settings, which are not known.
    DependsOnConfig,
    /// As [`Reason::DependsOnConfig`], for a property no AWS call shows
    /// (multi-factor authentication, the exit procedure, a certificate):
    /// only the answers file can settle it.
    DeclareOnly,
    /// A requirement about a subset of objects (`scope`) with no live
    /// reading of the bucket's lifecycle rules for that subset: only an
    /// observation settles it (a declaration is about the whole category).
    ScopeUnobserved,
    /// The data lives in the instance's Region, which is not known.
    InstanceRegionUnknown,
    /// The property does not apply.
    NotApplicable,
    /// The operator declares the category's feature not in use.
    NotInUse,
    /// Media protection (SRTP) against a TLS requirement.
    MediaProtocol,
    /// Free text cannot be compared mechanically.
    FreeText,
    /// Kept while the instance exists: depends on the instance's life.
    InstanceLifetime,
    /// The value and the requirement overlap (e.g. months against days).
    Ambiguous,
    /// The value meets the requirement only under a condition the
    /// evidence does not show; the claim names it.
    Conditional,
    /// Across calendar units the answer depends on the start date (31 days
    /// against "at most 1 month"); `always` is the value that always meets.
    CalendarBand {
        /// The value that meets whatever the start date.
        always: Duration,
    },
    /// The value would meet the requirement, but only under a condition the
    /// evidence does not show (e.g. a bucket's versioning and Object Lock
    /// state); `condition` names it (a message id suffix).
    ConditionUnshown {
        /// What to confirm: `s3-versioning-object-lock`, `my-connect-domain`.
        condition: String,
    },
}

/// One requirement against one category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    /// Requirement id.
    pub requirement: String,
    /// Category id.
    pub category: String,
    /// Outcome.
    pub status: Status,
    /// For a gap: what closes it.
    pub remedy: Option<Remedy>,
    /// Why.
    pub reason: Reason,
}
