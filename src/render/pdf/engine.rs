//! One Typst engine for every language of a build.
//!
//! The template is parsed and the 6 MB font is loaded once per build, not
//! once per language: the font bytes are shared (one `Bytes`, borrowed from
//! the binary when the font is embedded). The languages are compiled on
//! their own threads against that one engine; the memo caches (comemo) are
//! evicted once, after every language is done — typst-as-lib's default is
//! to evict after each compile, which would wipe the caches another thread
//! is still using.

use super::PdfError;
use crate::assets::Assets;
use serde_json::Value;
use std::borrow::Cow;
use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Dict, IntoValue};
use typst::text::Font;
use typst_as_lib::{TypstAsLibError, TypstEngine, TypstTemplateMainFile};
use typst_layout::PagedDocument;

/// Path of the template among the assets.
pub const TEMPLATE: &str = "templates/pdf/nfr.typ";
/// The Japanese font embedded in the binary (IPAex Gothic).
pub const FONT: &str = "templates/fonts/ipaexg.ttf";

/// The template, parsed once, and the font, loaded once.
pub struct Engine {
    typst: TypstEngine<TypstTemplateMainFile>,
    /// Where the template came from (built in, or an `--assets` file).
    pub origin: String,
    /// The template's text, for the positions in messages.
    pub text: String,
}

impl Engine {
    /// Build the engine from the assets (the template and the font).
    pub fn new(assets: &Assets) -> Result<Engine, PdfError> {
        Engine::with_template(assets, TEMPLATE)
    }

    /// Build an engine for another template of the assets (e.g. the diff's).
    pub fn with_template(assets: &Assets, path: &str) -> Result<Engine, PdfError> {
        let template = assets
            .get(path)
            .ok_or_else(|| PdfError::Missing(path.into()))?;
        let font = assets
            .get(FONT)
            .ok_or_else(|| PdfError::Missing(FONT.into()))?;
        // An embedded font is borrowed from the binary, not copied.
        let bytes = match font.data {
            Cow::Borrowed(b) => Bytes::new(b),
            Cow::Owned(v) => Bytes::new(v),
        };
        let fonts: Vec<Font> = Font::iter(bytes).collect();
        let text = template.text();
        let typst = TypstEngine::builder()
            .main_file(text.as_str())
            .fonts(fonts)
            // Evicted by the caller once every language is done.
            .comemo_evict_max_age(None)
            .build();
        Ok(Engine {
            typst,
            origin: template.origin,
            text,
        })
    }

    /// Lay out one language's view. Typst's warnings go to stderr (a
    /// document whose layout does not converge says so there).
    pub fn compile(&self, lang: &str, view: &Value) -> Result<PagedDocument, PdfError> {
        let mut inputs = Dict::new();
        inputs.insert("view".into(), view.to_string().into_value());
        let warned = self.typst.compile_with_input(inputs);
        for w in &warned.warnings {
            eprintln!("warning: PDF ({lang}): {}", self.describe(w));
        }
        warned.output.map_err(|e| self.error(e))
    }

    /// `origin:line:column: message` and its hints.
    fn describe(&self, d: &SourceDiagnostic) -> String {
        let (line, column) = self.position(d);
        let mut s = format!("{}:{line}:{column}: {}", self.origin, d.message);
        for h in &d.hints {
            s.push_str(&format!("\n  hint: {}", h.v));
        }
        s
    }

    /// Line and column (1-based; 0 when unknown) of a diagnostic.
    fn position(&self, d: &SourceDiagnostic) -> (usize, usize) {
        use typst::syntax::{DiagSpanKind, Source};
        if let DiagSpanKind::Number { id, num, sub_range } = d.span.get() {
            let source = Source::new(id, self.text.clone());
            if let Some(r) = source.range(num, sub_range) {
                if let Some((l, c)) = source.lines().byte_to_line_column(r.start) {
                    return (l + 1, c + 1);
                }
            }
        }
        (0, 0)
    }

    fn error(&self, e: TypstAsLibError) -> PdfError {
        let diag = match &e {
            TypstAsLibError::TypstSource(diags) => diags
                .iter()
                .find(|d| d.severity == Severity::Error)
                .or(diags.first()),
            _ => None,
        };
        let Some(d) = diag else {
            return PdfError::Template {
                template: self.origin.clone(),
                line: 0,
                column: 0,
                message: e.to_string(),
            };
        };
        let (line, column) = self.position(d);
        let mut message = d.message.to_string();
        for h in &d.hints {
            message.push_str(&format!("\n  hint: {}", h.v));
        }
        PdfError::Template {
            template: self.origin.clone(),
            line,
            column,
            message,
        }
    }
}

/// Free the memo caches (after every language of a build is done).
pub fn evict() {
    typst::comemo::evict(0);
}
