//! The flows a collection fetched, read back from the snapshot for the flow
//! analysis: each `DescribeContactFlow` / `DescribeContactFlowModule`
//! response carries the flow language JSON in `Content`, and the instance's
//! `CONTACTFLOW_LOGS` attribute gives the logging state that flows entered
//! from outside start in; `ListFlowAssociations` names the flows where
//! contacts start. Flows of different instances never transfer to
//! each other, so each instance is analysed as its own set.

use super::view::failure_reason;
use crate::collect::snapshot::{InstanceEntry, Observation, Snapshot, Status};
use crate::flow::FlowFile;
use crate::model::evidence::FlowSource;
use crate::model::flow::{FlowCode, FlowError, Logging};
use serde_json::Value as J;

/// What the snapshot says about flows: the flows to analyse (the caller
/// makes them a flow set, origin live), and why some could not be.
#[derive(Debug, Default)]
pub struct Fetched {
    /// A flow listing answered. Without one there is nothing to analyse:
    /// the snapshot was written before flows were collected, or every
    /// listing failed.
    pub listed: bool,
    /// Flows of one instance each (transfers resolve within a group), with
    /// the instance's CONTACTFLOW_LOGS when collected, and the ids of the
    /// flows where contacts start (`ListFlowAssociations`: entered with
    /// logging off).
    pub groups: Vec<(Vec<FlowFile>, Option<Logging>, Vec<String>)>,
    /// The flows read, for the sources.
    pub files: Vec<FlowSource>,
    /// Flows that could not be read.
    pub errors: Vec<FlowError>,
    /// Why the flows could not be fetched, when a listing or a description
    /// failed (the documents then fall back and say so).
    pub unavailable: Option<String>,
    /// The collected CONTACTFLOW_LOGS (enabled when any instance has it on).
    pub logging: Option<Logging>,
    /// True when some instance's logging state was not collected (assumed
    /// enabled).
    pub assumed: bool,
    /// Why the flows where contacts start could not be seen, per instance
    /// (`ListFlowAssociations` failed or is not in the snapshot): their
    /// entry stays `unknown`.
    pub starts_unseen: Vec<String>,
}

impl Fetched {
    /// How many flows there are to analyse (none without a listing).
    pub fn analysed(&self) -> usize {
        if self.listed {
            self.groups.iter().map(|(flows, _, _)| flows.len()).sum()
        } else {
            0
        }
    }
}

/// One observation's body as JSON (only the few this module reads are
/// parsed; the other modules have their own view of the rest).
fn body(snap: &Snapshot, i: usize) -> J {
    serde_json::from_slice(&snap.bodies[i]).unwrap_or(J::Null)
}

/// The instance's CONTACTFLOW_LOGS, when collected.
fn instance_logging(snap: &Snapshot, id: &str) -> Option<Logging> {
    let i = snap.manifest.observations.iter().position(|o| {
        o.instance.as_deref() == Some(id)
            && o.operation == "DescribeInstanceAttribute"
            && o.status == Status::Ok
            && o.parameters
                .iter()
                .any(|(k, v)| k == "AttributeType" && v == "CONTACTFLOW_LOGS")
    })?;
    match body(snap, i)
        .pointer("/Attribute/Value")
        .and_then(J::as_str)
    {
        Some("true") => Some(Logging::Enabled),
        Some("false") => Some(Logging::Disabled),
        _ => None,
    }
}

/// The flows where contacts start in one instance: the `FlowId` of every
/// `ListFlowAssociations` page, or why they cannot be seen (a page failed,
/// or the listing is not in the snapshot). A missing association is never
/// taken as "not an entry".
fn associations(snap: &Snapshot, id: &str) -> Result<Vec<String>, String> {
    let pages: Vec<(usize, &Observation)> = snap
        .manifest
        .observations
        .iter()
        .enumerate()
        .filter(|(_, o)| o.instance.as_deref() == Some(id) && o.operation == "ListFlowAssociations")
        .collect();
    if pages.is_empty() {
        return Err(format!("no ListFlowAssociations in the snapshot ({id})"));
    }
    let mut ids = Vec::new();
    for (i, o) in pages {
        if o.status != Status::Ok {
            let why = failure_reason(o).unwrap_or_else(|| format!("failure on {}", o.action));
            return Err(format!("{why} ({id})"));
        }
        let b = body(snap, i);
        for a in b["FlowAssociationSummaryList"]
            .as_array()
            .into_iter()
            .flatten()
        {
            if let Some(f) = a["FlowId"].as_str() {
                ids.push(f.to_string());
            }
        }
    }
    ids.sort();
    ids.dedup();
    Ok(ids)
}

/// The flow observations of one instance (listings and descriptions).
fn flow_calls<'a>(
    snap: &'a Snapshot,
    id: &'a str,
) -> impl Iterator<Item = (usize, &'a Observation)> + 'a {
    snap.manifest
        .observations
        .iter()
        .enumerate()
        .filter(move |(_, o)| {
            o.instance.as_deref() == Some(id)
                && matches!(
                    o.operation.as_str(),
                    "ListContactFlows"
                        | "ListContactFlowModules"
                        | "DescribeContactFlow"
                        | "DescribeContactFlowModule"
                )
        })
}

/// Read the fetched flows of the chosen instances.
pub fn fetched(snap: &Snapshot, chosen: &[&InstanceEntry]) -> Fetched {
    if !chosen
        .iter()
        .any(|inst| flow_calls(snap, &inst.id).next().is_some())
    {
        return Fetched::default();
    }
    let mut out = Fetched::default();
    let mut failures: Vec<String> = Vec::new();
    for inst in chosen {
        let logging = instance_logging(snap, &inst.id);
        match logging {
            Some(Logging::Enabled) => out.logging = Some(Logging::Enabled),
            Some(Logging::Disabled) => {
                out.logging.get_or_insert(Logging::Disabled);
            }
            None => out.assumed = true,
        }
        let mut flows: Vec<FlowFile> = Vec::new();
        for (i, o) in flow_calls(snap, &inst.id) {
            match o.status {
                Status::Failed => {
                    let e = failed_call(o, &inst.id);
                    failures.push(e.message.clone());
                    out.errors.push(e);
                }
                _ if o.operation.starts_with("List") => out.listed |= o.status == Status::Ok,
                Status::Ok => match described(snap, i, o) {
                    Ok((flow, file)) => {
                        out.files.push(file);
                        flows.push(flow);
                    }
                    Err(e) => out.errors.push(e),
                },
                // Never published: nothing of it runs.
                Status::NotConfigured => {}
            }
        }
        flows.sort_by(|a, b| (&a.name, &a.source).cmp(&(&b.name, &b.source)));
        let starts = associations(snap, &inst.id).unwrap_or_else(|why| {
            out.starts_unseen.push(why);
            Vec::new()
        });
        out.groups.push((flows, logging, starts));
    }
    out.files
        .sort_by(|a, b| (&a.name, &a.source).cmp(&(&b.name, &b.source)));
    failures.sort();
    failures.dedup();
    if !failures.is_empty() {
        out.unavailable = Some(failures.join("; "));
    }
    out
}

/// A listing or description that failed: the flows it would have given are
/// not analysed.
fn failed_call(o: &Observation, instance: &str) -> FlowError {
    let why = failure_reason(o).unwrap_or_else(|| format!("failure on {}", o.action));
    let what = o
        .parameters
        .iter()
        .find(|(k, _)| k == "ContactFlowId" || k == "ContactFlowModuleId")
        .map(|(_, v)| v.clone());
    let listing = what.is_none();
    FlowError {
        code: FlowCode::NotFetched,
        source: match what {
            Some(f) => format!("{} {f} ({instance})", o.operation),
            None => format!("{} ({instance})", o.operation),
        },
        json_path: "$".into(),
        line: None,
        column: None,
        message: why,
        hint: Some(if listing {
            "flows of this instance were not listed, so they were not analysed; grant the action (see evidence/iam-policy.json) or pass exported flows with --flows".into()
        } else {
            "this flow was not analysed; grant the action (see evidence/iam-policy.json) or pass exported flows with --flows".into()
        }),
    }
}

/// A flow or module described: parsed from its `Content`, with its source.
// The error is the flow parser's own (`FlowError`), kept unboxed like its.
#[allow(clippy::result_large_err)]
fn described(
    snap: &Snapshot,
    i: usize,
    o: &Observation,
) -> Result<(FlowFile, FlowSource), FlowError> {
    let (field, kind) = match o.operation.as_str() {
        "DescribeContactFlow" => ("ContactFlow", "flow"),
        _ => ("ContactFlowModule", "module"),
    };
    let body = body(snap, i);
    let f = &body[field];
    let arn = f["Arn"].as_str();
    let fid = f["Id"].as_str();
    let name = f["Name"]
        .as_str()
        .map(str::to_string)
        .or_else(|| fid.map(|x| format!("{kind} {x}")))
        .unwrap_or_else(|| o.id.clone());
    let source = arn
        .map(str::to_string)
        .unwrap_or_else(|| format!("{} ({})", o.id, o.operation));
    let Some(content) = f["Content"].as_str() else {
        return Err(FlowError {
            code: FlowCode::NoContent,
            source,
            json_path: format!("$.{field}.Content"),
            line: None,
            column: None,
            message: format!("the {} response has no flow content", o.operation),
            hint: Some(
                "the response is kept in the snapshot; fetch the flow again or export it from the console and pass --flows"
                    .into(),
            ),
        });
    };
    let mut flow = crate::flow::parse_flow(&source, &name, arn, fid, content)?;
    if let Some(t) = f["Type"].as_str() {
        flow.flow_type = Some(crate::flow::api_flow_type(t));
    }
    let file = FlowSource {
        source,
        name,
        sha256: crate::text::sha256_hex(content.as_bytes()),
    };
    Ok((flow, file))
}
