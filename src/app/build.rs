//! `shoko build`: inputs → live evidence → resolve → gap analysis → Report →
//! every requested format, written to the output folder as a whole.

use super::collect::{live_evidence, LiveArgs, Source};
use super::flows::FlowArgs;
use super::inputs::{
    grade_items, load_catalog, load_inputs_graded, read_inputs, InputText, Inputs,
};
use super::render::{render_with, Format, RenderOptions};
use super::{dedup, Error, Outcome, Result};
use crate::i18n::I18n;
use crate::model::catalog::Catalog;
use crate::model::evidence::LiveEvidence;
use crate::model::report::{InputFile, Report};
use crate::model::requirement::Requirement;
use crate::model::{Lang, Status};
use clap::Args;
use std::path::PathBuf;

/// A status `--fail-on` can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    /// A requirement is not met.
    Gap,
    /// A verdict needs a person's review.
    Review,
    /// No (fresh) evidence.
    Unverified,
}

impl FailOn {
    /// The status it stands for.
    pub fn status(self) -> Status {
        match self {
            FailOn::Gap => Status::Gap,
            FailOn::Review => Status::Review,
            FailOn::Unverified => Status::Unverified,
        }
    }
}

/// The named examples beside the built-in one (`evidence/examples/NAME/`).
pub const EXAMPLES: &[&str] = &["municipal"];

/// Arguments of `shoko build`.
#[derive(Args, Debug)]
pub struct BuildArgs {
    /// The buyer's requirements file.
    #[arg(long, short = 'r', value_name = "FILE", conflicts_with = "example")]
    pub requirements: Option<PathBuf>,
    /// The operator's declared answers.
    #[arg(long, short = 'a', value_name = "FILE", conflicts_with = "example")]
    pub answers: Option<PathBuf>,
    /// Use the built-in example requirements and answers; `--example
    /// municipal` for the municipal call-center specification.
    #[arg(long, value_name = "NAME", num_args = 0..=1, default_missing_value = "")]
    pub example: Option<String>,
    /// Languages, comma-separated.
    #[arg(long, value_delimiter = ',', default_value = "ja,en")]
    pub lang: Vec<Lang>,
    /// Formats, comma-separated: md, pdf, book, pack.
    #[arg(long, value_delimiter = ',', default_value = "md,pdf")]
    pub format: Vec<Format>,
    /// Mask values in everything written: `account-ids` (12-digit AWS
    /// account IDs, raw observations included; the pack manifest records it).
    #[arg(long, value_delimiter = ',', value_name = "WHAT")]
    pub redact: Vec<String>,
    /// Output folder (replaced as a whole on success).
    #[arg(long, default_value = "out")]
    pub out: PathBuf,
    /// The date the documents speak for (YYYY-MM-DD); default today.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Exit 1 when any verdict has one of these statuses.
    #[arg(long, value_delimiter = ',', value_name = "STATUS")]
    pub fail_on: Vec<FailOn>,
    /// Sign the evidence pack with this OpenSSH private key (Ed25519, ECDSA
    /// or RSA, no passphrase), or through ssh-agent with a public key
    /// (KEY.pub) or `SHA256:` fingerprint of a key the agent holds: writes
    /// pack/SHA256SUMS and SHA256SUMS.sig (namespace `shoko-pack`, checked
    /// with `ssh-keygen -Y verify`).
    #[arg(long, value_name = "KEY")]
    pub sign_key: Option<PathBuf>,
    /// Also write the Report model as JSON to this file.
    #[arg(long, value_name = "FILE")]
    pub dump_model: Option<PathBuf>,
    #[command(flatten)]
    pub flows: FlowArgs,
    #[command(flatten)]
    pub assets: super::categories::AssetArgs,
    /// Live evidence from a snapshot folder written by `shoko collect`.
    #[arg(long, value_name = "DIR", conflicts_with = "live")]
    pub evidence: Option<PathBuf>,
    /// Collect live evidence from AWS now (see `shoko collect --help`).
    #[arg(long)]
    pub live: bool,
    /// With --live: also keep the snapshot in this folder.
    #[arg(long, value_name = "DIR", requires = "live")]
    pub save_snapshot: Option<PathBuf>,
    /// Observations older than this at --as-of are stale (unverified).
    #[arg(long, value_name = "DAYS", default_value = "30")]
    pub max_age: String,
    #[command(flatten)]
    pub collect: LiveArgs,
    /// Write where the time goes as a Chrome-trace JSON to this file: Typst's
    /// own spans (layout iterations, eval, tables, PDF export) and shoko's
    /// stages (open it in ui.perfetto.dev or chrome://tracing).
    #[arg(long, value_name = "FILE")]
    pub timings: Option<PathBuf>,
}

/// Run `shoko build`.
pub fn run(args: BuildArgs) -> Result<Outcome> {
    use crate::render::pdf::timings;
    if args.timings.is_some() {
        timings::start();
    }
    let span = timings::scope("shoko: inputs");
    let assets = args.assets.assets();
    let langs = dedup(&args.lang);
    let formats = dedup(&args.format);
    let fail_on: Vec<Status> = args.fail_on.iter().map(|f| f.status()).collect();
    let redaction = crate::pack::Redaction::parse(&args.redact).map_err(|bad| {
        Error::Usage(format!(
            "unknown value `{bad}` for --redact\n  expected: `account-ids`"
        ))
    })?;
    let as_of = match &args.as_of {
        Some(s) => chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| {
            Error::Usage(format!(
                "--as-of `{s}` is not a date\n  expected: YYYY-MM-DD, e.g. 2026-11-28"
            ))
        })?,
        None => chrono::Local::now().date_naive(),
    };
    let sign_key = match &args.sign_key {
        Some(_) if !formats.contains(&Format::Pack) => {
            return Err(Error::Usage(
                "--sign-key signs the evidence pack\n  hint: add `pack` to --format (e.g. --format md,pdf,pack)".into(),
            ))
        }
        Some(p) => Some(
            crate::pack::sign::SigningKey::load(p).map_err(|e| Error::Usage(e.to_string()))?,
        ),
        None => None,
    };
    let catalog = load_catalog(&assets)?;
    let i18n = I18n::load(&assets)?;
    let (rt, at) = if let Some(name) = &args.example {
        let dir = match name.trim() {
            "" => "evidence/examples".to_string(),
            n if EXAMPLES.contains(&n) => format!("evidence/examples/{n}"),
            n => {
                return Err(Error::Usage(format!(
                    "--example `{n}` is not a built-in example\n  expected: `--example` alone (the built-in one) or `--example {}`",
                    EXAMPLES.join("` / `--example ")
                )))
            }
        };
        (
            InputText::builtin(&assets, &format!("{dir}/requirements.yaml")),
            InputText::builtin(&assets, &format!("{dir}/answers.yaml")),
        )
    } else {
        read_inputs(args.requirements.as_ref(), args.answers.as_ref())?
    };
    let grades = grade_items(&assets)?;
    let inputs = load_inputs_graded(&catalog, &grades, rt.as_ref(), at.as_ref())?;
    if let Some(reqs) = &inputs.requirements {
        super::check::warn_conflicts(reqs, &catalog);
    }
    let scopes = inputs
        .requirements
        .as_ref()
        .map(|r| r.scopes())
        .unwrap_or_default();
    let (mut live, snapshot_files) = live_evidence(Source {
        evidence: args.evidence.as_deref(),
        live: args.live,
        save: args.save_snapshot.as_deref(),
        max_age: &args.max_age,
        args: &args.collect,
        as_of,
        i18n: &i18n,
        flow_assumption: args.flows.assumption(),
        scopes: &scopes,
    })?;
    // Exported flows given on the command line take the place of fetched
    // ones; they start in the collected CONTACTFLOW_LOGS unless
    // --flow-logging says otherwise.
    if let Some(f) = args.flows.load(&i18n, live.flow_logging)? {
        live.flows = Some(f);
    }
    drop(span);
    let span = timings::scope("shoko: report");
    let report = build_report(&catalog, &i18n, &inputs, &live, as_of);
    drop(span);
    let span = timings::scope("shoko: render");
    let files = render_with(
        &report,
        &i18n,
        &assets,
        &RenderOptions {
            langs,
            formats,
            redaction,
            observations: crate::pack::RawObservation::from_snapshot_files(&snapshot_files),
            max_age_days: super::collect::parse_max_age(&args.max_age).ok(),
            sign_key,
        },
    )?;
    drop(span);
    let span = timings::scope("shoko: write");
    crate::output::replace_dir(&args.out, &files)?;
    if let Some(p) = &args.dump_model {
        let mut model = serde_json::to_value(&report).map_err(|e| Error::Usage(e.to_string()))?;
        redaction.json(&mut model);
        let json = serde_json::to_string_pretty(&model).map_err(|e| Error::Usage(e.to_string()))?;
        crate::output::write_file(p, format!("{json}\n").as_bytes())?;
    }
    drop(span);
    if let Some(p) = &args.timings {
        let trace =
            timings::finish(&assets).map_err(|e| Error::Usage(format!("--timings: {e}")))?;
        crate::output::write_file(p, &trace)?;
    }
    let counts: Vec<String> = report
        .counts
        .iter()
        .filter(|c| c.requirements > 0)
        .map(|c| format!("{} {}", c.requirements, c.status.name()))
        .collect();
    eprintln!(
        "wrote {} file(s) to {}: {} requirement(s): {}",
        files.len(),
        args.out.display(),
        report.requirements.len(),
        counts.join(", ")
    );
    if trips(&report, &fail_on) {
        eprintln!("--fail-on: at least one verdict has a listed status");
        return Ok(Outcome::Found);
    }
    Ok(Outcome::Done)
}

/// Build the report from loaded inputs and live evidence.
pub fn build_report(
    catalog: &Catalog,
    i18n: &I18n,
    inputs: &Inputs,
    live: &LiveEvidence,
    as_of: chrono::NaiveDate,
) -> Report {
    let resolved = crate::resolve::resolve(catalog, inputs.answers.as_ref(), live);
    let reqs: &[Requirement] = inputs
        .requirements
        .as_ref()
        .map(|r| r.requirements.as_slice())
        .unwrap_or(&[]);
    let verdicts = crate::gap::analyze_scoped(reqs, catalog, &resolved.claims, &resolved.scoped);
    crate::report::build(
        i18n,
        crate::report::Parts {
            catalog,
            requirements: inputs.requirements.as_ref(),
            answers: inputs.answers.as_ref(),
            resolved: &resolved,
            verdicts: &verdicts,
            flows: live.flows.as_ref(),
            inputs: inputs
                .files
                .iter()
                .cloned()
                .chain(live.flows.iter().flat_map(|f| &f.files).map(|x| InputFile {
                    role: "flows".into(),
                    path: x.source.clone(),
                    sha256: x.sha256.clone(),
                }))
                .collect(),
            as_of,
        },
    )
}

/// Does the report trip `--fail-on`?
pub fn trips(report: &Report, fail_on: &[Status]) -> bool {
    report
        .requirements
        .iter()
        .flat_map(|r| &r.verdicts)
        .any(|v| fail_on.contains(&v.status))
}
