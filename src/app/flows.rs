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
    /// this folder takes their place when given.) A flow that cannot be
    /// read is an error (exit 2, nothing written).
    #[arg(long, value_name = "DIR")]
    pub flows: Option<PathBuf>,
    /// What to assume about flow logging where a flow is entered some way
    /// shoko cannot see (a phone number, queue, quick connect, chat or task
    /// start with no visible caller). Without it that state is unknown and
    /// findings that rest on it are `review`; the documents state the
    /// assumption. (Logs are written where a Set logging behavior block
    /// enabled them; an instance with CONTACTFLOW_LOGS off writes none.)
    #[arg(long, value_name = "STATE", value_parser = ["enabled", "disabled"])]
    pub flow_logging: Option<String>,
}

impl FlowArgs {
    /// The assumption for `unknown` entries, when given.
    pub fn assumption(&self) -> Option<Logging> {
        match self.flow_logging.as_deref() {
            Some("disabled") => Some(Logging::Disabled),
            Some(_) => Some(Logging::Enabled),
            None => None,
        }
    }

    /// Analyse the `--flows` folder, if given. `collected` is the
    /// instance's CONTACTFLOW_LOGS when collected. A flow that cannot be
    /// read, or a folder with no flow, is bad input.
    pub fn load(
        &self,
        i18n: &I18n,
        collected: Option<Logging>,
    ) -> Result<Option<FlowEvidence>, super::Error> {
        let Some(dir) = self.flows.as_ref() else {
            return Ok(None);
        };
        let f = load_flows(dir, i18n, collected, self.assumption());
        if !f.errors.is_empty() {
            let msg: Vec<String> = f.errors.iter().map(|e| e.to_string()).collect();
            return Err(super::Error::Usage(format!(
                "{}

{} flow(s) could not be read; nothing was written (fix or remove them, or see `shoko check --flows`)",
                msg.join("\n"),
                f.errors.len()
            )));
        }
        if f.analysis.flows.is_empty() {
            return Err(super::Error::Usage(format!(
                "{}: no flow to analyse\n  expected: contact flows exported as .json files\n  hint: without flows, a sensitive-input requirement could only rest on the declared answer; drop --flows to use it",
                dir.display()
            )));
        }
        Ok(Some(f))
    }
}

/// Read and analyse every flow in `dir`. Unreadable flows are listed.
pub fn load_flows(
    dir: &Path,
    i18n: &I18n,
    instance_logs: Option<Logging>,
    assumption: Option<Logging>,
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
            groups: vec![(flows, instance_logs, Vec::new())],
            files,
            errors,
            assumption,
            origin: FlowOrigin::Files,
            starts_unseen: Vec::new(),
        },
    )
}

/// Flows to analyse: groups that share an instance, what was read, and
/// what could not be.
#[derive(Debug)]
pub struct FlowSet {
    /// Flows of one instance (transfers resolve within a group), each group
    /// with its CONTACTFLOW_LOGS (when known) and the ids/ARNs of the flows
    /// where contacts start (entered with logging off).
    pub groups: Vec<(Vec<FlowFile>, Option<Logging>, Vec<String>)>,
    /// The flows read, for the sources.
    pub files: Vec<FlowSource>,
    /// Flows that could not be read.
    pub errors: Vec<FlowError>,
    /// The operator's assumption for `unknown` entries (`--flow-logging`).
    pub assumption: Option<Logging>,
    /// Exported files or fetched from the instance.
    pub origin: FlowOrigin,
    /// Why the flows where contacts start could not be seen (live only).
    pub starts_unseen: Vec<String>,
}

/// Analyse a set of flows and phrase the overall claim.
pub fn flow_evidence(i18n: &I18n, set: FlowSet) -> FlowEvidence {
    let unread = set.errors.len();
    let mut analysis = crate::flow::Analysis {
        flows: Vec::new(),
        findings: Vec::new(),
        unresolved: Vec::new(),
        entry_assumption: set.assumption,
        routed: Vec::new(),
        starts_unseen: set.starts_unseen.clone(),
    };
    let mut instance_off = !set.groups.is_empty();
    for (flows, instance_logs, entry_off) in &set.groups {
        instance_off &= *instance_logs == Some(Logging::Disabled);
        let a = crate::flow::analyze_with(
            flows,
            &crate::flow::Options {
                instance_logs: *instance_logs,
                unknown_entry: set.assumption,
                entry_off: entry_off.clone(),
            },
        );
        analysis.flows.extend(a.flows);
        analysis.findings.extend(a.findings);
        analysis.unresolved.extend(a.unresolved);
        analysis.routed.extend(a.routed);
    }
    // Exported flows also show the Contact Lens redaction their blocks set
    // (fetched flows are read with their bucket by `observe`).
    let claims = match set.origin {
        FlowOrigin::Files => {
            let all: Vec<FlowFile> = set.groups.iter().flat_map(|g| g.0.clone()).collect();
            crate::observe::contact_lens_of_exported(&all, i18n)
        }
        FlowOrigin::Live => Vec::new(),
    };
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
        default_logging: if instance_off {
            Logging::Disabled
        } else {
            set.assumption.unwrap_or(Logging::Enabled)
        },
        default_assumed: set.assumption.is_none() && !instance_off,
        origin: set.origin,
        explain,
        possibly: i18n.both("flow-possibly", &[]),
        incomplete: i18n.both("flow-incomplete", &[("errors", unread.to_string())]),
        claims,
    }
}
