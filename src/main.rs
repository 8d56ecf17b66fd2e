//! The `shoko` command: parses arguments, runs the library, maps the outcome
//! to an exit code (0 ok, 1 `--fail-on` tripped, 2 error).

use clap::{Args, Parser, Subcommand};
use shoko::assets::Assets;
use shoko::model::{Lang, Status};
use shoko::{Error, Format, InputText};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "shoko", version, about = "Evidence-backed, bilingual NFR documents for Amazon Connect", long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the documents (the main job).
    Build(Box<BuildArgs>),
    /// Validate requirements and answers; print every problem.
    Check(CheckArgs),
    /// Write commented starter requirements.yaml and answers.yaml.
    Init {
        /// Folder to write into.
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Overwrite existing files.
        #[arg(long)]
        force: bool,
    },
    /// List the catalog's categories and their properties.
    Categories(AssetArgs),
    /// Collect live evidence from AWS (read-only) into a snapshot folder.
    Collect(CollectArgs),
    /// Check an evidence pack (folder or pack.zip) against its manifest:
    /// exit 0 intact, 1 not intact (missing, extra, altered or unsafe
    /// entries), 2 when it cannot be verified.
    Verify {
        /// The pack: `out/pack`, `out/pack.zip` or `out`.
        pack: PathBuf,
    },
}

#[derive(Args)]
struct CollectArgs {
    #[command(flatten)]
    live: shoko::collect::cli::LiveArgs,
    /// Snapshot folder to write (replaced as a whole).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
}

#[derive(Args, Clone)]
struct AssetArgs {
    /// Folder whose files override the built-in catalog, templates or locales
    /// (same layout: evidence/, templates/, locales/).
    #[arg(long, value_name = "DIR")]
    assets: Option<PathBuf>,
}

#[derive(Args)]
struct CheckArgs {
    /// The buyer's requirements file.
    #[arg(long, short = 'r', value_name = "FILE")]
    requirements: Option<PathBuf>,
    /// The operator's declared answers.
    #[arg(long, short = 'a', value_name = "FILE")]
    answers: Option<PathBuf>,
    /// Folder of exported contact flows to validate.
    #[arg(long, value_name = "DIR")]
    flows: Option<PathBuf>,
    #[command(flatten)]
    assets: AssetArgs,
}

#[derive(Args)]
struct BuildArgs {
    /// The buyer's requirements file.
    #[arg(long, short = 'r', value_name = "FILE", conflicts_with = "example")]
    requirements: Option<PathBuf>,
    /// The operator's declared answers.
    #[arg(long, short = 'a', value_name = "FILE", conflicts_with = "example")]
    answers: Option<PathBuf>,
    /// Use the built-in example requirements and answers.
    #[arg(long)]
    example: bool,
    /// Languages, comma-separated.
    #[arg(long, value_delimiter = ',', default_value = "ja,en")]
    lang: Vec<String>,
    /// Formats, comma-separated: md, pdf, book, pack.
    #[arg(long, value_delimiter = ',', default_value = "md,pdf")]
    format: Vec<String>,
    /// Mask values in everything written: `account-ids` (12-digit AWS
    /// account IDs, raw observations included; the pack manifest records it).
    #[arg(long, value_delimiter = ',', value_name = "WHAT")]
    redact: Vec<String>,
    /// Output folder (replaced as a whole on success).
    #[arg(long, default_value = "out")]
    out: PathBuf,
    /// The date the documents speak for (YYYY-MM-DD); default today.
    #[arg(long, value_name = "DATE")]
    as_of: Option<String>,
    /// Exit 1 when any verdict has one of these statuses.
    #[arg(long, value_delimiter = ',', value_name = "STATUS")]
    fail_on: Vec<String>,
    /// Also write the Report model as JSON to this file.
    #[arg(long, value_name = "FILE")]
    dump_model: Option<PathBuf>,
    #[command(flatten)]
    flows: FlowArgs,
    #[command(flatten)]
    assets: AssetArgs,
    /// Live evidence from a snapshot folder written by `shoko collect`.
    #[arg(long, value_name = "DIR", conflicts_with = "live")]
    evidence: Option<PathBuf>,
    /// Collect live evidence from AWS now (see `shoko collect --help`).
    #[arg(long)]
    live: bool,
    /// With --live: also keep the snapshot in this folder.
    #[arg(long, value_name = "DIR", requires = "live")]
    save_snapshot: Option<PathBuf>,
    /// Observations older than this at --as-of are stale (unverified).
    #[arg(long, value_name = "DAYS", default_value = "30")]
    max_age: String,
    #[command(flatten)]
    collect: shoko::collect::cli::LiveArgs,
}

#[derive(Args, Clone)]
struct FlowArgs {
    /// Folder of contact flows exported from the Connect console (*.json):
    /// checks whether sensitive customer input can reach the flow logs.
    /// (--live and --evidence analyse the flows fetched from the instance;
    /// this folder takes their place when given.)
    #[arg(long, value_name = "DIR")]
    flows: Option<PathBuf>,
    /// The instance's flow logging setting (CONTACTFLOW_LOGS), used where a
    /// flow is entered from outside the given set. Without it, the setting
    /// collected with --live/--evidence is used; failing that, enabled is
    /// assumed (the default on new instances) and the documents say so.
    #[arg(long, value_name = "STATE", value_parser = ["enabled", "disabled"])]
    flow_logging: Option<String>,
}

impl FlowArgs {
    fn load(
        &self,
        i18n: &shoko::i18n::I18n,
        collected: Option<shoko::flow::Logging>,
    ) -> Option<shoko::evidence::FlowEvidence> {
        let dir = self.flows.as_ref()?;
        let (state, assumed) = match (self.flow_logging.as_deref(), collected) {
            (Some("disabled"), _) => (shoko::flow::Logging::Disabled, false),
            (Some(_), _) => (shoko::flow::Logging::Enabled, false),
            (None, Some(c)) => (c, false),
            (None, None) => (shoko::flow::Logging::Enabled, true),
        };
        let f = shoko::load_flows(dir, i18n, state, assumed);
        for e in &f.errors {
            eprintln!("warning: flow not analysed: {e}");
        }
        Some(f)
    }
}

fn fail(e: &Error) -> ExitCode {
    eprintln!("{e}");
    if let Error::Input(d) = e {
        eprintln!("\n{} problem(s); nothing was written.", d.0.len());
    }
    ExitCode::from(2)
}

fn usage(msg: String) -> ExitCode {
    fail(&Error::Usage(msg))
}

fn read_inputs(
    r: Option<&PathBuf>,
    a: Option<&PathBuf>,
) -> Result<(Option<InputText>, Option<InputText>), Error> {
    let mut diags = Vec::new();
    let mut read = |p: Option<&PathBuf>| {
        p.and_then(|p| match InputText::read(p) {
            Ok(t) => Some(t),
            Err(d) => {
                diags.push(d);
                None
            }
        })
    };
    let rt = read(r);
    let at = read(a);
    if diags.is_empty() {
        Ok((rt, at))
    } else {
        Err(Error::Input(shoko::load::Diagnostics(diags)))
    }
}

fn build(args: BuildArgs) -> ExitCode {
    let assets = Assets {
        override_dir: args.assets.assets.clone(),
    };
    let mut langs = Vec::new();
    for l in &args.lang {
        match Lang::parse(l) {
            Some(x) if !langs.contains(&x) => langs.push(x),
            Some(_) => {}
            None => {
                return usage(format!(
                    "unknown language `{l}`\n  expected: `ja`, `en` or `ja,en`"
                ))
            }
        }
    }
    let mut formats = Vec::new();
    for f in &args.format {
        match Format::parse(f) {
            Some(x) if !formats.contains(&x) => formats.push(x),
            Some(_) => {}
            None => {
                return usage(format!(
                "unknown format `{f}`\n  expected: a comma-separated list of `md`, `pdf`, `book`, `pack`"
            ))
            }
        }
    }
    let mut fail_on = Vec::new();
    for s in &args.fail_on {
        match s.trim() {
            "gap" => fail_on.push(Status::Gap),
            "review" => fail_on.push(Status::Review),
            "unverified" => fail_on.push(Status::Unverified),
            other => return usage(format!("unknown status `{other}` for --fail-on\n  expected: `gap`, `review` or `unverified`")),
        }
    }
    let redaction = match shoko::pack::Redaction::parse(&args.redact) {
        Ok(r) => r,
        Err(bad) => {
            return usage(format!(
                "unknown value `{bad}` for --redact\n  expected: `account-ids`"
            ))
        }
    };
    let as_of = match &args.as_of {
        Some(s) => match chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            Ok(d) => d,
            Err(_) => {
                return usage(format!(
                    "--as-of `{s}` is not a date\n  expected: YYYY-MM-DD, e.g. 2026-11-28"
                ))
            }
        },
        None => chrono::Local::now().date_naive(),
    };
    let run = || -> Result<bool, Error> {
        let catalog = shoko::load_catalog(&assets)?;
        let i18n = shoko::i18n::I18n::load(&assets)?;
        let (rt, at) = if args.example {
            (
                InputText::builtin(&assets, "evidence/examples/requirements.yaml"),
                InputText::builtin(&assets, "evidence/examples/answers.yaml"),
            )
        } else {
            read_inputs(args.requirements.as_ref(), args.answers.as_ref())?
        };
        let inputs = shoko::load_inputs(&catalog, rt.as_ref(), at.as_ref())?;
        let (mut live, snapshot_files) =
            shoko::collect::cli::live_evidence(shoko::collect::cli::Source {
                evidence: args.evidence.as_deref(),
                live: args.live,
                save: args.save_snapshot.as_deref(),
                max_age: &args.max_age,
                args: &args.collect,
                as_of,
                i18n: &i18n,
            })?;
        // Exported flows given on the command line take the place of fetched
        // ones; they start in the collected CONTACTFLOW_LOGS unless
        // --flow-logging says otherwise.
        if let Some(f) = args.flows.load(&i18n, live.flow_logging) {
            live.flows = Some(f);
        }
        let report = shoko::build_report(&catalog, &i18n, &inputs, &live, as_of);
        let files = shoko::render_with(
            &report,
            &i18n,
            &assets,
            &shoko::RenderOptions {
                langs: langs.clone(),
                formats: formats.clone(),
                redaction,
                observations: shoko::pack::RawObservation::from_snapshot_files(&snapshot_files),
            },
        )?;
        shoko::output::replace_dir(&args.out, &files)?;
        if let Some(p) = &args.dump_model {
            let mut model =
                serde_json::to_value(&report).map_err(|e| Error::Usage(e.to_string()))?;
            redaction.json(&mut model);
            let json =
                serde_json::to_string_pretty(&model).map_err(|e| Error::Usage(e.to_string()))?;
            shoko::output::write_file(p, format!("{json}\n").as_bytes())?;
        }
        let n = report.requirements.len();
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
            n,
            counts.join(", ")
        );
        Ok(shoko::trips(&report, &fail_on))
    };
    match run() {
        Ok(false) => ExitCode::SUCCESS,
        Ok(true) => {
            eprintln!("--fail-on: at least one verdict has a listed status");
            ExitCode::from(1)
        }
        Err(e) => fail(&e),
    }
}

fn check(args: CheckArgs) -> ExitCode {
    let assets = Assets {
        override_dir: args.assets.assets,
    };
    let run = || -> Result<(), Error> {
        let catalog = shoko::load_catalog(&assets)?;
        let (rt, at) = read_inputs(args.requirements.as_ref(), args.answers.as_ref())?;
        let inputs = shoko::load_inputs(&catalog, rt.as_ref(), at.as_ref())?;
        let r = inputs
            .requirements
            .as_ref()
            .map_or(0, |r| r.requirements.len());
        let a = inputs.answers.as_ref().map_or(0, |a| a.answers.len());
        if let Some(dir) = &args.flows {
            let (flows, errors) = shoko::flow::load_dir(dir);
            if !errors.is_empty() {
                let msg: Vec<String> = errors.iter().map(|e| format!("error: {e}")).collect();
                return Err(Error::Usage(format!(
                    "{}\n\n{} flow(s) could not be read",
                    msg.join("\n"),
                    errors.len()
                )));
            }
            println!(
                "ok: {r} requirement(s), {a} answer(s), {} flow(s)",
                flows.len()
            );
            return Ok(());
        }
        println!("ok: {r} requirement(s), {a} answer(s)");
        Ok(())
    };
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&e),
    }
}

fn init(dir: PathBuf, force: bool) -> ExitCode {
    let assets = Assets::default();
    let files = [
        ("requirements.yaml", "evidence/init/requirements.yaml"),
        ("answers.yaml", "evidence/init/answers.yaml"),
    ];
    if !force {
        for (name, _) in files {
            if dir.join(name).exists() {
                return usage(format!(
                    "{} already exists\n  hint: pass --force to overwrite it",
                    dir.join(name).display()
                ));
            }
        }
    }
    for (name, src) in files {
        let Some(a) = assets.get(src) else {
            return usage(format!("{src} is missing from the build"));
        };
        if let Err(e) = shoko::output::write_file(&dir.join(name), &a.data) {
            return fail(&Error::Write(e));
        }
        println!("wrote {}", dir.join(name).display());
    }
    ExitCode::SUCCESS
}

fn categories(args: AssetArgs) -> ExitCode {
    let assets = Assets {
        override_dir: args.assets,
    };
    match shoko::load_catalog(&assets) {
        Ok(c) => {
            for cat in &c.categories {
                let props: Vec<&str> = cat.claims.iter().map(|x| x.property.name()).collect();
                println!(
                    "{:<28} {} / {}\n{:<28} {}",
                    cat.id,
                    cat.title.ja,
                    cat.title.en,
                    "",
                    props.join(", ")
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e),
    }
}

fn verify(pack: PathBuf) -> ExitCode {
    match shoko::verify::verify(&pack) {
        Ok(o) => {
            for p in &o.problems {
                println!("{p}");
            }
            if o.intact() {
                println!(
                    "ok: {} intact: {} file(s) match the manifest (shoko {}, as of {}{})",
                    pack.display(),
                    o.listed,
                    o.tool_version,
                    o.as_of,
                    if o.redacted { ", redacted" } else { "" }
                );
                ExitCode::SUCCESS
            } else {
                println!(
                    "not intact: {} has {} problem(s)",
                    pack.display(),
                    o.problems.len()
                );
                ExitCode::from(1)
            }
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build(a) => build(*a),
        Command::Check(a) => check(a),
        Command::Init { dir, force } => init(dir, force),
        Command::Categories(a) => categories(a),
        Command::Collect(a) => match shoko::collect::cli::collect_command(&a.live, &a.out) {
            Ok(_) => ExitCode::SUCCESS,
            Err(e) => fail(&e),
        },
        Command::Verify { pack } => verify(pack),
    }
}
