//! The `shoko` command: parses arguments, runs one command of the
//! application layer, maps the outcome to an exit code (0 ok, 1 `--fail-on`
//! tripped or a pack not intact, 2 error).

use clap::{Parser, Subcommand};
use shoko::app::{self, Error, Outcome};
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
    Build(Box<app::build::BuildArgs>),
    /// Validate requirements and answers; print every problem.
    Check(app::check::CheckArgs),
    /// Write commented starter requirements.yaml and answers.yaml.
    Init(app::init::InitArgs),
    /// List the catalog's categories and their properties.
    Categories(app::categories::AssetArgs),
    /// Collect live evidence from AWS (read-only) into a snapshot folder.
    Collect(app::collect::CollectArgs),
    /// Check an evidence pack (folder or pack.zip) against its manifest:
    /// exit 0 intact, 1 not intact (missing, extra, altered or unsafe
    /// entries), 2 when it cannot be verified.
    Verify(app::verify::VerifyArgs),
    /// Answer the buyer's own questionnaire workbook (.xlsx) in place and
    /// put the evidence pack beside it.
    Fill(Box<app::fill::FillArgs>),
    /// What changed between two evidence packs, regressions first: exit 0
    /// no regression, 1 a regression, 2 not comparable.
    Diff(app::diff::DiffArgs),
}

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Build(a) => app::build::run(*a),
        Command::Check(a) => app::check::run(a),
        Command::Init(a) => app::init::run(a),
        Command::Categories(a) => app::categories::run(a),
        Command::Collect(a) => app::collect::run(a),
        Command::Verify(a) => app::verify::run(a),
        Command::Fill(a) => app::fill::run(*a),
        Command::Diff(a) => app::diff::run(a),
    };
    match result {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::Found) => ExitCode::from(1),
        Err(e) => {
            eprintln!("{e}");
            if let Error::Input(d) = &e {
                eprintln!("\n{} problem(s); nothing was written.", d.0.len());
            }
            ExitCode::from(2)
        }
    }
}
