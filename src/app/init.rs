//! `shoko init`: write commented starter requirements and answers files.

use super::{Error, Outcome, Result};
use crate::assets::Assets;
use clap::Args;
use std::path::PathBuf;

/// Arguments of `shoko init`.
#[derive(Args, Debug)]
pub struct InitArgs {
    /// Folder to write into.
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// Overwrite existing files.
    #[arg(long)]
    pub force: bool,
}

/// Run `shoko init`.
pub fn run(args: InitArgs) -> Result<Outcome> {
    let assets = Assets::default();
    let files = [
        ("requirements.yaml", "evidence/init/requirements.yaml"),
        ("answers.yaml", "evidence/init/answers.yaml"),
    ];
    if !args.force {
        for (name, _) in files {
            if args.dir.join(name).exists() {
                return Err(Error::Usage(format!(
                    "{} already exists\n  hint: pass --force to overwrite it",
                    args.dir.join(name).display()
                )));
            }
        }
    }
    for (name, src) in files {
        let a = assets
            .get(src)
            .ok_or_else(|| Error::Usage(format!("{src} is missing from the build")))?;
        crate::output::write_file(&args.dir.join(name), &a.data)?;
        println!("wrote {}", args.dir.join(name).display());
    }
    Ok(Outcome::Done)
}
