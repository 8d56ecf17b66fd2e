//! `shoko categories`: the catalog's categories and their properties.

use super::inputs::load_catalog;
use super::{Outcome, Result};
use crate::assets::Assets;
use clap::Args;
use std::path::PathBuf;

/// `--assets DIR`, shared by the commands that read the catalog.
#[derive(Args, Clone, Debug, Default)]
pub struct AssetArgs {
    /// Folder whose files override the built-in catalog, templates or locales
    /// (same layout: evidence/, templates/, locales/).
    #[arg(long, value_name = "DIR")]
    pub assets: Option<PathBuf>,
}

impl AssetArgs {
    /// The assets these flags select.
    pub fn assets(&self) -> Assets {
        Assets {
            override_dir: self.assets.clone(),
        }
    }
}

/// Run `shoko categories`.
pub fn run(args: AssetArgs) -> Result<Outcome> {
    let catalog = load_catalog(&args.assets())?;
    for cat in &catalog.categories {
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
    Ok(Outcome::Done)
}
