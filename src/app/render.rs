//! Rendering a report in every requested format and language, in memory.

use super::{Error, Result};
use crate::assets::Assets;
use crate::i18n::I18n;
use crate::load::Diagnostics;
use crate::model::report::Report;
use crate::model::Lang;
use crate::output::OutFile;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, clap::ValueEnum)]
pub enum Format {
    /// `ja/nfr.md`, `en/nfr.md`.
    #[value(alias = "markdown")]
    Md,
    /// `ja/nfr.pdf`, `en/nfr.pdf`.
    Pdf,
    /// `book/`: an mdBook source folder, both languages.
    Book,
    /// `pack/` and `pack.zip`: the evidence pack, once for all languages.
    Pack,
}

impl Format {
    /// Parse a format name.
    pub fn parse(s: &str) -> Option<Format> {
        match s.trim() {
            "md" | "markdown" => Some(Format::Md),
            "pdf" => Some(Format::Pdf),
            "book" => Some(Format::Book),
            "pack" => Some(Format::Pack),
            _ => None,
        }
    }
}

/// Render every requested format and language, in memory.
pub fn render_all(
    report: &Report,
    i18n: &I18n,
    assets: &Assets,
    langs: &[Lang],
    formats: &[Format],
) -> Result<Vec<OutFile>> {
    render_with(
        report,
        i18n,
        assets,
        &RenderOptions {
            langs: langs.to_vec(),
            formats: formats.to_vec(),
            ..Default::default()
        },
    )
}

/// What a build renders, and how.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Languages of the documents.
    pub langs: Vec<Lang>,
    /// Formats.
    pub formats: Vec<Format>,
    /// What to mask in everything written (`--redact`).
    pub redaction: crate::pack::Redaction,
    /// Raw observation files for the evidence pack (from the live
    /// collectors; empty offline).
    pub observations: Vec<crate::pack::RawObservation>,
}

/// Render every requested format and language, in memory, redacted as
/// asked. The evidence pack is made once, after the documents, and carries
/// them.
pub fn render_with(
    report: &Report,
    i18n: &I18n,
    assets: &Assets,
    opts: &RenderOptions,
) -> Result<Vec<OutFile>> {
    let mut files = Vec::new();
    let mut views = Vec::new();
    for &lang in &opts.langs {
        let mut view = crate::render::view::view(report, i18n, lang);
        opts.redaction.json(&mut view);
        for &format in &opts.formats {
            match format {
                Format::Md => files.push(OutFile {
                    path: format!("{}/nfr.md", lang.code()),
                    bytes: crate::render::markdown::render(
                        assets,
                        "templates/markdown/nfr.md.tera",
                        &view,
                    )?
                    .into_bytes(),
                    private: false,
                }),
                Format::Pdf => files.push(OutFile {
                    path: format!("{}/nfr.pdf", lang.code()),
                    bytes: crate::render::pdf::render(assets, &view, report)?,
                    private: false,
                }),
                Format::Book | Format::Pack => {}
            }
        }
        views.push((lang, view));
    }
    if opts.formats.contains(&Format::Book) {
        for mut f in crate::render::book::render_book(&views, i18n, assets)? {
            f.path = format!("book/{}", f.path);
            files.push(f);
        }
    }
    if opts.formats.contains(&Format::Pack) {
        let frameworks =
            crate::pack::frameworks::load(assets).map_err(|d| Error::Catalog(Diagnostics(d)))?;
        // The pack carries the documents (`<lang>/nfr.md|pdf`), not the book.
        let documents: Vec<OutFile> = files
            .iter()
            .filter(|f| !f.path.starts_with("book/"))
            .cloned()
            .collect();
        let made = crate::pack::build(&crate::pack::Parts {
            report,
            i18n,
            frameworks: &frameworks,
            documents: &documents,
            observations: &opts.observations,
            redaction: opts.redaction,
        })?;
        files.extend(made);
    }
    Ok(files)
}
