//! `shoko verify`: check an evidence pack against its manifest and, given
//! `--allowed-signers`, its OpenSSH signature.

use super::{Error, Outcome, Result};
use crate::pack::sign::{parse_allowed_signers, AllowedSigner};
use crate::pack::verify::{Signature, Verified};
use clap::Args;
use std::path::{Path, PathBuf};

/// Arguments of `shoko verify`.
#[derive(Args, Debug)]
pub struct VerifyArgs {
    /// The pack: `out/pack`, `out/pack.zip` or `out`.
    pub pack: PathBuf,
    /// Check the pack's signature (SHA256SUMS.sig, namespace `shoko-pack`)
    /// against this allowed_signers file (the format of `ssh-keygen -Y
    /// verify`); the signer is named. Without it the signature is not
    /// checked.
    #[arg(long, value_name = "FILE")]
    pub allowed_signers: Option<PathBuf>,
}

/// Read an allowed_signers file; a bad one cannot verify anything (exit 2).
pub fn allowed_signers(path: &Path) -> Result<Vec<AllowedSigner>> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        Error::Unverifiable(format!(
            "cannot read the allowed signers file {} ({e})",
            path.display()
        ))
    })?;
    parse_allowed_signers(&text).map_err(|(line, why)| {
        Error::Unverifiable(format!(
            "{}:{line}:1: {why}\n  expected: `principals [namespaces=\"shoko-pack\"] ssh-ed25519 AAAA... [comment]` per line (ssh-keygen(1), ALLOWED SIGNERS)",
            path.display()
        ))
    })
}

/// Verify a pack, hashes and (given signers) signature; an unverifiable
/// pack is an error.
pub fn check(pack: &Path, signers: Option<&[AllowedSigner]>) -> Result<Verified> {
    crate::pack::verify::verify_with(pack, signers).map_err(|e| Error::Unverifiable(e.to_string()))
}

/// One line on the signature.
pub fn signature_line(s: &Signature) -> String {
    match s {
        Signature::Unsigned { required: false } => "signature: the pack is not signed".into(),
        Signature::Unsigned { required: true } => {
            "signature: missing: the pack is not signed (SHA256SUMS.sig), but --allowed-signers asks for one".into()
        }
        Signature::NotChecked => {
            "signature: not checked (give --allowed-signers FILE to check SHA256SUMS.sig)".into()
        }
        Signature::Valid(s) => format!(
            "signature: good, signed by {} with {} key {} (namespace shoko-pack)",
            s.principals, s.algorithm, s.fingerprint
        ),
        Signature::Invalid(e) => format!("signature: BAD: {e}"),
    }
}

/// Run `shoko verify`: exit 0 intact, 1 not intact, 2 not verifiable.
pub fn run(args: VerifyArgs) -> Result<Outcome> {
    let pack = &args.pack;
    let signers = args
        .allowed_signers
        .as_deref()
        .map(allowed_signers)
        .transpose()?;
    let o = check(pack, signers.as_deref())?.outcome;
    for p in &o.problems {
        println!("{p}");
    }
    println!("{}", signature_line(&o.signature));
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
            "not intact: {} has {} problem(s){}",
            pack.display(),
            o.problems.len(),
            if o.problems.is_empty() {
                " and a signature that does not check"
            } else {
                ""
            }
        );
        Ok(Outcome::Found)
    }
}
