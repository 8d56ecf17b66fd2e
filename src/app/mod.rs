//! The application layer: one module per command, each a `run(args)` that
//! returns an [`Outcome`] or an [`Error`]. `main.rs` parses the command
//! line, calls one of them and maps the result to an exit code; everything
//! below this layer is a function from data to data (or, in `collect`, a
//! read-only AWS call).

pub mod build;
pub mod categories;
pub mod check;
pub mod collect;
pub mod diff;
pub mod fill;
pub mod flows;
pub mod init;
pub mod inputs;
pub mod render;
pub mod verify;

use crate::load::Diagnostics;
use crate::model::Lang;

/// Everything that can stop a run.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Problems in input files (exit 2, no output).
    #[error("{0}")]
    Input(Diagnostics),
    /// The catalog (built-in or overridden) does not load.
    #[error("the evidence catalog does not load:\n{0}")]
    Catalog(Diagnostics),
    /// A locale file does not parse.
    #[error(transparent)]
    Locale(#[from] crate::i18n::LocaleError),
    /// A template failed.
    #[error(transparent)]
    Template(#[from] crate::render::markdown::TemplateError),
    /// The PDF could not be made.
    #[error(transparent)]
    Pdf(#[from] crate::render::pdf::PdfError),
    /// Writing failed.
    #[error(transparent)]
    Write(#[from] crate::output::WriteError),
    /// The evidence pack could not be made.
    #[error(transparent)]
    Pack(#[from] crate::pack::PackError),
    /// The OSCAL file could not be made.
    #[error(transparent)]
    Oscal(#[from] crate::interop::oscal::OscalError),
    /// An evidence pack that cannot be verified at all.
    #[error("error: {0}")]
    Unverifiable(String),
    /// Anything else the user must fix (bad flag combination ...).
    #[error("{0}")]
    Usage(String),
}

/// The library's result.
pub type Result<T> = std::result::Result<T, Error>;

/// How a command ended when it did not fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// All well (exit 0).
    Done,
    /// The run worked and found what the user asked to be told about:
    /// `--fail-on` tripped, or a pack is not intact (exit 1).
    Found,
}

impl clap::ValueEnum for Lang {
    fn value_variants<'a>() -> &'a [Self] {
        &[Lang::Ja, Lang::En]
    }
    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.code()))
    }
}

/// Keep the first of each value, in the order given (`--lang ja,en,ja`).
pub fn dedup<T: PartialEq + Copy>(items: &[T]) -> Vec<T> {
    let mut out = Vec::new();
    for &x in items {
        if !out.contains(&x) {
            out.push(x);
        }
    }
    out
}
