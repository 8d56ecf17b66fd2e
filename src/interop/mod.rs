//! Interoperability: the report in the formats other people's tools and
//! sheets read.
//!
//! - [`oscal`]: `--format oscal` writes `oscal/assessment-results.json`,
//!   OSCAL Assessment Results (version [`oscal::OSCAL_VERSION`]) that
//!   compliance-trestle and Lula load: one finding per buyer requirement,
//!   one observation per claim, one risk per gap.
//!
//! - [`fill`]: `shoko fill` answers the buyer's own questionnaire workbook
//!   in place, citing the evidence pack of the same run.
//!
//! Like every renderer it reads the [`Report`](crate::model::report::Report)
//! and returns bytes; nothing here touches the disk.

pub mod fill;
pub mod oscal;
pub mod short;
