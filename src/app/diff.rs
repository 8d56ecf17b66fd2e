//! `shoko diff OLD NEW`: verify both packs, compare their `claims.json`,
//! write the bilingual Markdown (`--out DIR` → `DIR/<lang>/diff.md`) and/or
//! print JSON (`--json`). Exit 0 no regression, 1 a regression (with
//! `--fail-on regression`, the default), 2 not comparable.

use super::{dedup, Error, Outcome, Result};
use crate::diff::read::ClaimsDoc;
use crate::i18n::I18n;
use crate::model::Lang;
use crate::output::OutFile;
use clap::Args;
use std::path::{Path, PathBuf};

/// When `diff` exits 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFailOn {
    /// At least one regression.
    Regression,
    /// Never: report only.
    None,
}

/// What `diff --out` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    /// `DIR/<lang>/diff.md`.
    Md,
    /// `DIR/<lang>/diff.pdf` (the same content, through Typst).
    Pdf,
}

/// Arguments of `shoko diff`.
#[derive(Args, Debug)]
pub struct DiffArgs {
    /// Last review's evidence pack (folder or pack.zip).
    pub old: PathBuf,
    /// This review's evidence pack (folder or pack.zip).
    pub new: PathBuf,
    /// Write `DIR/<lang>/diff.md` (replaced as a whole). Without it (and
    /// without --json) the first language's Markdown goes to stdout.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Documents to write with --out, comma-separated: md, pdf.
    #[arg(long, value_delimiter = ',', default_value = "md")]
    pub format: Vec<DiffFormat>,
    /// Languages, comma-separated.
    #[arg(long, value_delimiter = ',', default_value = "ja,en")]
    pub lang: Vec<Lang>,
    /// Print the diff as JSON on stdout (for machines).
    #[arg(long)]
    pub json: bool,
    /// Check both packs' signatures against this allowed_signers file.
    #[arg(long, value_name = "FILE")]
    pub allowed_signers: Option<PathBuf>,
    /// Exit 1 on a regression (`regression`, the default) or never (`none`).
    #[arg(long, value_name = "WHEN", default_value = "regression")]
    pub fail_on: DiffFailOn,
    #[command(flatten)]
    pub assets: super::categories::AssetArgs,
}

/// Verify a pack and read its claims; anything wrong makes it not comparable.
fn read_pack(
    which: &str,
    path: &Path,
    signers: Option<&[crate::pack::sign::AllowedSigner]>,
) -> Result<ClaimsDoc> {
    let no = |why: String| {
        Error::Unverifiable(format!(
            "cannot compare: {which} pack {}: {why}",
            path.display()
        ))
    };
    let v = super::verify::check(path, signers).map_err(|e| no(e.to_string()))?;
    if !v.outcome.intact() {
        let mut why: Vec<String> = v.outcome.problems.iter().map(|p| p.to_string()).collect();
        why.push(super::verify::signature_line(&v.outcome.signature));
        return Err(no(format!(
            "it does not verify\n  {}\n  hint: run `shoko verify {}`",
            why.join("\n  "),
            path.display()
        )));
    }
    let claims = v
        .files
        .iter()
        .find(|(p, _)| p == "claims.json")
        .ok_or_else(|| no("it has no claims.json".into()))?;
    ClaimsDoc::parse(&claims.1).map_err(no)
}

/// Run `shoko diff`.
pub fn run(args: DiffArgs) -> Result<Outcome> {
    let assets = args.assets.assets();
    let langs = dedup(&args.lang);
    let pdf = args.format.contains(&DiffFormat::Pdf);
    let md = args.format.contains(&DiffFormat::Md);
    if pdf && args.out.is_none() {
        return Err(Error::Usage(
            "--format pdf writes files\n  hint: add --out DIR (the PDFs go to DIR/<lang>/diff.pdf)"
                .into(),
        ));
    }
    let signers = args
        .allowed_signers
        .as_deref()
        .map(super::verify::allowed_signers)
        .transpose()?;
    let old = read_pack("OLD", &args.old, signers.as_deref())?;
    let new = read_pack("NEW", &args.new, signers.as_deref())?;
    let d = crate::diff::diff(&old, &new)
        .map_err(|e| Error::Unverifiable(format!("cannot compare: {e}")))?;
    let i18n = I18n::load(&assets)?;
    let mut files = Vec::new();
    for &lang in &langs {
        // Markdown also when only PDF is asked: it is what stdout shows
        // without --out; only the formats asked for are written.
        let text = crate::diff::render::markdown(&assets, &d, &i18n, lang)?;
        if md || args.out.is_none() {
            files.push(OutFile {
                path: format!("{}/diff.md", lang.code()),
                bytes: text.into_bytes(),
                private: false,
            });
        }
        if pdf {
            files.push(OutFile {
                path: format!("{}/diff.pdf", lang.code()),
                bytes: crate::diff::render::pdf(&assets, &d, &i18n, lang)?,
                private: false,
            });
        }
    }
    let json = crate::diff::render::json(&d);
    if let Some(out) = &args.out {
        files.push(OutFile {
            path: "diff.json".into(),
            bytes: json.clone(),
            private: false,
        });
        crate::output::replace_dir(out, &files)?;
    }
    if args.json {
        print!("{}", String::from_utf8_lossy(&json));
    } else if args.out.is_none() {
        if let Some(f) = files.first() {
            print!("{}", String::from_utf8_lossy(&f.bytes));
        }
    }
    eprintln!(
        "diff: {} regression(s), {} improvement(s){}",
        d.regressions.len(),
        d.improvements.len(),
        if d.is_empty() { "; no changes" } else { "" }
    );
    if args.fail_on == DiffFailOn::Regression && !d.regressions.is_empty() {
        return Ok(Outcome::Found);
    }
    Ok(Outcome::Done)
}
