//! Settings of a collection run: which Regions and instances, limits,
//! pacing and progress.

use std::collections::BTreeMap;
use std::time::Duration;

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
/// on top of what the SdkConfig (and so `AWS_ENDPOINT_URL_<SERVICE>`) says.
pub type Endpoints = BTreeMap<String, String>;
