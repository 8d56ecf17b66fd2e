//! `shoko check`: validate requirements, answers and flows; print every
//! problem.

use super::categories::AssetArgs;
use super::inputs::{grade_items, load_catalog, load_inputs_graded, read_inputs};
use super::{Error, Outcome, Result};
use clap::Args;
use std::path::PathBuf;

/// Arguments of `shoko check`.
#[derive(Args, Debug)]
pub struct CheckArgs {
    /// The buyer's requirements file.
    #[arg(long, short = 'r', value_name = "FILE")]
    pub requirements: Option<PathBuf>,
    /// The operator's declared answers.
    #[arg(long, short = 'a', value_name = "FILE")]
    pub answers: Option<PathBuf>,
    /// Folder of exported contact flows to validate.
    #[arg(long, value_name = "DIR")]
    pub flows: Option<PathBuf>,
    #[command(flatten)]
    pub assets: AssetArgs,
}

/// Print a warning for each pair of requirements that cannot both hold
/// (never an error: the inputs still load and build).
pub fn warn_conflicts(
    reqs: &crate::model::requirement::Requirements,
    catalog: &crate::model::catalog::Catalog,
) {
    for c in crate::gap::conflicts::find(&reqs.requirements, catalog) {
        eprintln!(
            "warning: {} and {} cannot both hold: no {} of {} meets both\n  hint: agree with the buyer which applies where (e.g. scope each to a different copy of the data), or drop one",
            c.first,
            c.second,
            c.property,
            c.categories.join(", ")
        );
    }
}

/// Run `shoko check`.
pub fn run(args: CheckArgs) -> Result<Outcome> {
    let assets = args.assets.assets();
    let catalog = load_catalog(&assets)?;
    let (rt, at) = read_inputs(args.requirements.as_ref(), args.answers.as_ref())?;
    let grades = grade_items(&assets)?;
    let inputs = load_inputs_graded(&catalog, &grades, rt.as_ref(), at.as_ref())?;
    let r = inputs
        .requirements
        .as_ref()
        .map_or(0, |r| r.requirements.len());
    let a = inputs.answers.as_ref().map_or(0, |a| a.answers.len());
    if let Some(reqs) = &inputs.requirements {
        warn_conflicts(reqs, &catalog);
    }
    let Some(dir) = &args.flows else {
        println!("ok: {r} requirement(s), {a} answer(s)");
        return Ok(Outcome::Done);
    };
    let (flows, errors) = crate::flow::load_dir(dir);
    if !errors.is_empty() {
        let msg: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
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
    Ok(Outcome::Done)
}
