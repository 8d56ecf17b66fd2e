//! `shoko verify`: check an evidence pack against its manifest.

use super::{Error, Outcome, Result};
use clap::Args;
use std::path::PathBuf;

/// Arguments of `shoko verify`.
#[derive(Args, Debug)]
pub struct VerifyArgs {
    /// The pack: `out/pack`, `out/pack.zip` or `out`.
    pub pack: PathBuf,
}

/// Run `shoko verify`: exit 0 intact, 1 not intact, 2 not verifiable.
pub fn run(args: VerifyArgs) -> Result<Outcome> {
    let pack = &args.pack;
    let o = crate::pack::verify::verify(pack).map_err(|e| Error::Unverifiable(e.to_string()))?;
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
        Ok(Outcome::Done)
    } else {
        println!(
            "not intact: {} has {} problem(s)",
            pack.display(),
            o.problems.len()
        );
        Ok(Outcome::Found)
    }
}
