//! Rendering a report in every requested format and language, in memory.

use super::{Error, Result};
use crate::assets::Assets;
use crate::i18n::I18n;
use crate::load::Diagnostics;
use crate::model::report::Report;
use crate::model::Lang;
use crate::output::OutFile;
use crate::pack::Pack;
use crate::render::book::Book;
use crate::render::markdown::Markdown;
use crate::render::pdf::Pdf;
use crate::render::{Input, Renderer, View};

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
    /// `oscal/assessment-results.json`: OSCAL assessment results.
    Oscal,
}

impl Format {
    /// Parse a format name.
    pub fn parse(s: &str) -> Option<Format> {
        match s.trim() {
            "md" | "markdown" => Some(Format::Md),
            "pdf" => Some(Format::Pdf),
            "book" => Some(Format::Book),
            "pack" => Some(Format::Pack),
            "oscal" => Some(Format::Oscal),
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
    /// Freshness limit of live observations in days (`--max-age`), for
    /// the expiry of OSCAL observations.
    pub max_age_days: Option<i64>,
    /// The key that signs the evidence pack (`--sign-key`), if any.
    pub sign_key: Option<crate::pack::sign::SigningKey>,
}

/// Render every requested format and language, in memory, redacted as
/// asked. Formats run in [`Format`] order, so the evidence pack comes after
/// the documents it carries.
pub fn render_with(
    report: &Report,
    i18n: &I18n,
    assets: &Assets,
    opts: &RenderOptions,
) -> Result<Vec<OutFile>> {
    let views: Vec<View> = opts
        .langs
        .iter()
        .map(|&lang| crate::render::view::view(report, i18n, lang))
        .collect();
    let mut formats = super::dedup(&opts.formats);
    formats.sort();
    let mut files = Vec::new();
    for format in formats {
        let made = {
            let input = Input {
                report,
                views: &views,
                i18n,
                assets,
                redaction: opts.redaction,
                made: &files,
            };
            renderer(format, assets, opts)?.render(&input)?
        };
        files.extend(made);
    }
    Ok(files)
}

/// A renderer whose failures are the application's.
type AppRenderer<'a> = Box<dyn Renderer<Error = Error> + 'a>;

/// The registry: the renderer of each format.
fn renderer<'a>(
    format: Format,
    assets: &Assets,
    opts: &'a RenderOptions,
) -> Result<AppRenderer<'a>> {
    Ok(match format {
        Format::Md => Box::new(Mapped(Markdown)),
        Format::Pdf => Box::new(Mapped(Pdf)),
        Format::Book => Box::new(Mapped(Book)),
        Format::Pack => Box::new(Mapped(Pack {
            frameworks: crate::pack::frameworks::load(assets)
                .map_err(|d| Error::Catalog(Diagnostics(d)))?,
            observations: &opts.observations,
            sign: opts.sign_key.as_ref(),
        })),
        Format::Oscal => Box::new(Mapped(crate::interop::oscal::Oscal {
            max_age_days: opts.max_age_days,
            observation_files: opts
                .observations
                .iter()
                .map(|o| {
                    (
                        format!("observations/{}", o.path),
                        crate::text::sha256_hex(&o.bytes),
                    )
                })
                .collect(),
        })),
    })
}

/// A renderer with its error turned into the application's.
struct Mapped<R>(R);

impl<R: Renderer> Renderer for Mapped<R>
where
    Error: From<R::Error>,
{
    type Error = Error;
    fn render(&self, input: &Input<'_>) -> Result<Vec<OutFile>> {
        Ok(self.0.render(input)?)
    }
}

#[cfg(test)]
#[path = "render_tests.rs"]
mod tests;
