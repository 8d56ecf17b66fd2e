//! The flow analysis as a run uses it: exported flows from `--flows DIR`
//! or flows fetched from the instance, analysed per instance and phrased as
//! one overall claim.

use crate::flow::FlowFile;
use crate::i18n::I18n;
use crate::model::evidence::{FlowEvidence, FlowOrigin, FlowSource};
use crate::model::flow::{FlowError, Logging};
use clap::Args;
use std::path::{Path, PathBuf};

/// `--flows` and `--flow-logging`.
#[derive(Args, Clone, Debug)]
pub struct FlowArgs {
    /// Folder of contact flows exported from the Connect console (*.json):
    /// checks whether sensitive customer input can reach the flow logs.
    /// (--live and --evidence analyse the flows fetched from the instance;
    /// this folder takes their place when given.)
    #[arg(long, value_name = "DIR")]
    pub flows: Option<PathBuf>,
    /// The instance's flow logging setting (CONTACTFLOW_LOGS), used where a
    /// flow is entered from outside the given set. Without it, the setting
    /// collected with --live/--evidence is used; failing that, enabled is
    /// assumed (the default on new instances) and the documents say so.
    #[arg(long, value_name = "STATE", value_parser = ["enabled", "disabled"])]
    pub flow_logging: Option<String>,
}

impl FlowArgs {
    /// Analyse the `--flows` folder, if given, starting where the flags (or
    /// the collected setting) say; unreadable flows are warned about.
    pub fn load(&self, i18n: &I18n, collected: Option<Logging>) -> Option<FlowEvidence> {
        let dir = self.flows.as_ref()?;
        let (state, assumed) = match (self.flow_logging.as_deref(), collected) {
            (Some("disabled"), _) => (Logging::Disabled, false),
            (Some(_), _) => (Logging::Enabled, false),
            (None, Some(c)) => (c, false),
            (None, None) => (Logging::Enabled, true),
        };
        let f = load_flows(dir, i18n, state, assumed);
        for e in &f.errors {
            eprintln!("warning: flow not analysed: {e}");
        }
        Some(f)
    }
}

/// Read and analyse every flow in `dir`. Unreadable flows are listed, not
/// fatal: the others are still analysed.
pub fn load_flows(
    dir: &Path,
    i18n: &I18n,
    default_logging: Logging,
    default_assumed: bool,
) -> FlowEvidence {
    let (flows, errors) = crate::flow::load_dir(dir);
    let files = flows
        .iter()
        .map(|f| FlowSource {
            source: f.source.clone(),
            name: f.name.clone(),
            sha256: std::fs::read(&f.source)
                .map(|b| crate::text::sha256_hex(&b))
                .unwrap_or_default(),
        })
        .collect();
    flow_evidence(
        i18n,
        FlowSet {
            groups: vec![(flows, default_logging)],
            files,
            errors,
            default_logging,
            default_assumed,
            origin: FlowOrigin::Files,
        },
    )
}

/// Flows to analyse: groups that share an entry state (one per instance),
/// what was read, and what could not be.
#[derive(Debug)]
pub struct FlowSet {
    /// Flows of one instance (transfers resolve within a group), each
    /// group with the logging state its flows start in when entered from
    /// outside the group.
    pub groups: Vec<(Vec<FlowFile>, Logging)>,
    /// The flows read, for the sources.
    pub files: Vec<FlowSource>,
    /// Flows that could not be read.
    pub errors: Vec<FlowError>,
    /// The entry state the documents state (enabled when any group's is).
    pub default_logging: Logging,
    /// True when that state is an assumption.
    pub default_assumed: bool,
    /// Exported files or fetched from the instance.
    pub origin: FlowOrigin,
}

/// Analyse a set of flows and phrase the overall claim.
pub fn flow_evidence(i18n: &I18n, set: FlowSet) -> FlowEvidence {
    let mut analysis = crate::flow::Analysis {
        flows: Vec::new(),
        findings: Vec::new(),
    };
    for (flows, state) in &set.groups {
        let a = crate::flow::analyze(flows, *state);
        analysis.flows.extend(a.flows);
        analysis.findings.extend(a.findings);
    }
    let logged = analysis
        .flows
        .iter()
        .filter(|v| v.sensitive_input_logged)
        .count();
    let args = [
        ("flows", analysis.flows.len().to_string()),
        ("logged", logged.to_string()),
        ("findings", analysis.findings.len().to_string()),
        ("origin", set.origin.name().to_string()),
    ];
    let explain = i18n.both(
        if logged > 0 {
            "flow-claim-logged"
        } else {
            "flow-claim-safe"
        },
        &args,
    );
    FlowEvidence {
        files: set.files,
        analysis,
        errors: set.errors,
        default_logging: set.default_logging,
        default_assumed: set.default_assumed,
        origin: set.origin,
        explain,
    }
}
