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
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::Font;
use typst_as_lib::{TypstAsLibError, TypstEngine, TypstTemplateCollection};
use typst_layout::PagedDocument;

/// Path of the template among the assets.
pub const TEMPLATE: &str = "templates/pdf/nfr.typ";
/// The Japanese font embedded in the binary (IPAex Gothic).
pub const FONT: &str = "templates/fonts/ipaexg.ttf";

/// The template, parsed once, and the font, loaded once.
///
/// The template is registered under one file name per part of the document
/// (`nfr-0.typ`, `nfr-1.typ`, …; see [`file_name`]): a large document is laid out in parts
/// (see `parts.rs`), and Typst tells elements apart by where in which file
/// they were made, so parts made from one file would collide when joined
/// (a later part's headings would drop out of the bookmarks).
pub struct Engine {
    typst: TypstEngine<TypstTemplateCollection>,
    ids: Vec<FileId>,
    /// Where the template came from (built in, or an `--assets` file).
    pub origin: String,
    /// The template's text, for the positions in messages.
    pub text: String,
}

impl Engine {
    /// Build an engine for another template of the assets (e.g. the diff's).
    pub fn with_template(assets: &Assets, path: &str) -> Result<Engine, PdfError> {
        Engine::with_fonts(assets, path, fonts(assets)?)
    }

    /// Build an engine for a template with fonts already loaded (several
    /// templates of one build share them).
    pub fn with_fonts(assets: &Assets, path: &str, fonts: Vec<Font>) -> Result<Engine, PdfError> {
        Engine::with_parts(assets, path, fonts, 1)
    }

    /// Build an engine that can lay a document out in `parts` parts.
    pub fn with_parts(
        assets: &Assets,
        path: &str,
        fonts: Vec<Font>,
        parts: usize,
    ) -> Result<Engine, PdfError> {
        let template = assets
            .get(path)
            .ok_or_else(|| PdfError::Missing(path.into()))?;
        let text = template.text();
        let ids: Vec<FileId> = (0..parts.max(1))
            .map(|k| {
                let vpath = VirtualPath::new(file_name(path, k)).expect("a plain file name");
                RootedPath::new(VirtualRoot::Project, vpath).intern()
            })
            .collect();
        let typst = TypstEngine::builder()
            .with_static_source_file_resolver(ids.iter().map(|&id| Source::new(id, text.clone())))
            .fonts(fonts)
            // Evicted by the caller once every language is done.
            .comemo_evict_max_age(None)
            .build();
        Ok(Engine {
            typst,
            ids,
            origin: template.origin,
            text,
        })
    }

    /// Lay out one language's view. Typst's warnings go to stderr (a
    /// document whose layout does not converge says so there).
    pub fn compile(&self, lang: &str, view: &Value) -> Result<PagedDocument, PdfError> {
        self.compile_json(0, lang, &view.to_string())
    }

    /// Lay out part `k` of a document from its view as JSON text (the
    /// view says which part it is).
    pub fn compile_json(
        &self,
        k: usize,
        lang: &str,
        view: &str,
    ) -> Result<PagedDocument, PdfError> {
        let id = *self.ids.get(k).ok_or_else(|| {
            PdfError::Export(format!(
                "part {k} of a document laid out in {}",
                self.ids.len()
            ))
        })?;
        let mut inputs = Dict::new();
        inputs.insert("view".into(), view.into_value());
        let warned = self.typst.compile_with_input(id, inputs);
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
        use typst::syntax::DiagSpanKind;
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

/// The name Typst knows part `k` of a template by: the template's own name
/// and the part (`templates/pdf/nfr.typ` part 1: `nfr-1.typ`). Templates
/// laid out for one document have different names, so their elements never
/// share a location when their pages are joined.
pub fn file_name(path: &str, k: usize) -> String {
    format!("{}-{k}.typ", stem(path))
}

/// A template's name without its folder and extension (`nfr`).
pub fn stem(path: &str) -> &str {
    std::path::Path::new(path)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("template")
}

/// The font of the assets, loaded once: an embedded font is borrowed from
/// the binary, not copied.
pub fn fonts(assets: &Assets) -> Result<Vec<Font>, PdfError> {
    let font = assets
        .get(FONT)
        .ok_or_else(|| PdfError::Missing(FONT.into()))?;
    let bytes = match font.data {
        Cow::Borrowed(b) => Bytes::new(b),
        Cow::Owned(v) => Bytes::new(v),
    };
    Ok(Font::iter(bytes).collect())
}

/// Free the memo caches (after every language of a build is done).
pub fn evict() {
    typst::comemo::evict(0);
}
