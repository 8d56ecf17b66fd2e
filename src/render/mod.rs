//! Renderers: each reads the Report through its per-language [`View`]s and
//! returns files in memory; none of them writes to disk.
//!
//! Every format implements one interface, [`Renderer`]: given an [`Input`]
//! (the report, the views of the languages asked for, messages, assets, the
//! redaction, and the files the formats before it made), it returns its
//! files, paths relative to the output folder. The registry of formats is
//! in `app::render`; the evidence pack implements the same interface in
//! `pack`.

pub mod book;
pub mod markdown;
pub mod pdf;
pub mod redact;
pub mod view;

use crate::assets::Assets;
use crate::i18n::I18n;
use crate::model::report::Report;
use crate::output::OutFile;
pub use redact::Redaction;
pub use view::View;

/// What every renderer reads.
#[derive(Clone, Copy)]
pub struct Input<'a> {
    /// The language-neutral report.
    pub report: &'a Report,
    /// One view per language asked for, in the order asked.
    pub views: &'a [View],
    /// Messages.
    pub i18n: &'a I18n,
    /// Templates, fonts, catalog (built in or overridden).
    pub assets: &'a Assets,
    /// What to mask in everything written.
    pub redaction: Redaction,
    /// The files the formats rendered before this one (the evidence pack
    /// carries the documents).
    pub made: &'a [OutFile],
}

impl Input<'_> {
    /// A view as the templates read it: JSON, redacted as asked.
    pub fn json(&self, view: &View) -> serde_json::Value {
        let mut v = serde_json::to_value(view).unwrap_or_default();
        self.redaction.json(&mut v);
        v
    }
}

/// One output format.
pub trait Renderer {
    /// Why it can fail.
    type Error;
    /// The format's files for this input, paths relative to the output
    /// folder (`ja/nfr.md`, `book/src/SUMMARY.md`, `pack.zip` ...).
    fn render(&self, input: &Input<'_>) -> Result<Vec<OutFile>, Self::Error>;
}

/// A file of a document, readable by anyone the output folder allows.
pub(crate) fn file(path: String, bytes: Vec<u8>) -> OutFile {
    OutFile {
        path,
        bytes,
        private: false,
    }
}
