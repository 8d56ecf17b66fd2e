//! PDF through Typst, in-process (typst-as-lib).
//!
//! The per-language view goes in as JSON through `sys.inputs`; the template
//! walks it. Nothing from the inputs is ever spliced into Typst markup:
//! Markdown fields of the catalog are parsed with pulldown-cmark into a small
//! node tree (text, strong, emph, code, link) that the template renders as
//! content, so `#read("/etc/passwd")` in a declared note stays text.
//!
//! One engine (template and font) serves every language of a build; the
//! languages are laid out one after the other (see [`PARALLEL_ENV`]).

pub mod breaks;
pub mod engine;
pub mod timings;

use super::{Input, Renderer};
use crate::model::report::Report;
use crate::output::OutFile;
pub use engine::{FONT, TEMPLATE};
use pulldown_cmark::{Event, Parser, Tag};
use serde_json::{json, Value};
use typst::foundations::Smart;
use typst_layout::PagedDocument;

/// A PDF that could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// The template or font is missing.
    #[error("{0} is missing from the assets")]
    Missing(String),
    /// The template failed to compile.
    #[error("template {template}:{line}:{column}: {message}")]
    Template {
        /// Template origin.
        template: String,
        /// Line (1-based; 0 when unknown).
        line: usize,
        /// Column (1-based).
        column: usize,
        /// Typst's message and hints.
        message: String,
    },
    /// Typst could not write the PDF.
    #[error("failed to write PDF ({0})")]
    Export(String),
}

/// `--format pdf`: `<lang>/nfr.pdf` for each language.
pub struct Pdf;

/// Views larger than this (JSON bytes) are never laid out in parallel.
///
/// Typst's layout caches grow with the document: the built-in example
/// (about 0.2 MB of view per language) needs 50–80 MB per language, a
/// 250-requirement document (about 1.2 MB) near 450 MB.
pub const PARALLEL_MAX_VIEW: usize = 512 * 1024;

/// `SHOKO_PDF_PARALLEL=1` lays small documents' languages out in parallel
/// (for the benchmark); by default they go one after the other.
///
/// Measured on the built-in example (issue 18): in parallel the peak RSS is
/// 50 MB higher (two documents' layout caches alive at once; freeing them
/// before the exports does not lower it, nor does one malloc arena), and
/// the wall time is no better on this 2-core machine, where Typst already
/// lays pages out on both cores. The PDF bytes are the same either way.
pub const PARALLEL_ENV: &str = "SHOKO_PDF_PARALLEL";

/// Lay the languages out in parallel? Only when asked (`switch` is the
/// value of [`PARALLEL_ENV`]), with several languages, all small.
fn parallel(jobs: &[(String, Value)], switch: Option<&str>) -> bool {
    switch == Some("1")
        && jobs.len() > 1
        && jobs
            .iter()
            .all(|(_, v)| v.to_string().len() <= PARALLEL_MAX_VIEW)
}

/// The span name of each language's PDF in `--timings` traces.
fn span_name(lang: &str) -> &'static str {
    match lang {
        "ja" => "shoko: pdf ja",
        "en" => "shoko: pdf en",
        _ => "shoko: pdf",
    }
}

impl Renderer for Pdf {
    type Error = PdfError;
    fn render(&self, input: &Input<'_>) -> Result<Vec<OutFile>, PdfError> {
        let engine = engine::Engine::new(input.assets)?;
        let jobs: Vec<(String, Value)> = input
            .views
            .iter()
            .map(|view| (view.lang.code().to_string(), input.json(view)))
            .collect();
        let one = |(lang, view): &(String, Value), evict: bool| {
            let _span = timings::scope(span_name(lang));
            render_with(&engine, lang, view.clone(), input.report, evict)
                .map(|bytes| super::file(format!("{lang}/nfr.pdf"), bytes))
        };
        let switch = std::env::var(PARALLEL_ENV).ok();
        let results: Vec<Result<OutFile, PdfError>> = if parallel(&jobs, switch.as_deref()) {
            // Each language on its own thread, one engine, one set of
            // caches, evicted once both are done.
            let results = std::thread::scope(|s| {
                let (first, rest) = jobs
                    .split_first()
                    .map_or((None, &[][..]), |(f, r)| (Some(f), r));
                let handles: Vec<_> = rest
                    .iter()
                    .map(|job| s.spawn(move || one(job, false)))
                    .collect();
                let mut out: Vec<_> = first.map(|job| one(job, false)).into_iter().collect();
                for h in handles {
                    out.push(h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)));
                }
                out
            });
            engine::evict();
            results
        } else {
            // One language at a time (the default); the layout caches are
            // freed before each export, so the peak is one document's layout.
            jobs.iter().map(|job| one(job, true)).collect()
        };
        results.into_iter().collect()
    }
}

/// Turn inline Markdown into a node tree the template renders as content.
pub fn markdown_nodes(md: &str) -> Value {
    let mut stack: Vec<(Value, Vec<Value>)> = vec![(json!({"t": "root"}), Vec::new())];
    let push = |stack: &mut Vec<(Value, Vec<Value>)>, v: Value| {
        if let Some(top) = stack.last_mut() {
            top.1.push(v);
        }
    };
    for ev in Parser::new(md) {
        match ev {
            Event::Start(tag) => {
                let head = match tag {
                    Tag::Strong => json!({"t": "strong"}),
                    Tag::Emphasis => json!({"t": "emph"}),
                    Tag::Link { dest_url, .. } => json!({"t": "link", "url": dest_url.to_string()}),
                    Tag::Paragraph => json!({"t": "par"}),
                    Tag::Item => json!({"t": "item"}),
                    _ => json!({"t": "span"}),
                };
                stack.push((head, Vec::new()));
            }
            Event::End(_) if stack.len() > 1 => {
                let (mut head, children) =
                    stack.pop().unwrap_or((json!({"t": "span"}), Vec::new()));
                head["c"] = Value::Array(children);
                push(&mut stack, head);
            }
            Event::Text(t) => push(&mut stack, json!({"t": "text", "v": t.to_string()})),
            Event::Code(t) => push(&mut stack, json!({"t": "code", "v": t.to_string()})),
            Event::Html(t) | Event::InlineHtml(t) => {
                push(&mut stack, json!({"t": "text", "v": t.to_string()}))
            }
            Event::SoftBreak => push(&mut stack, json!({"t": "text", "v": " "})),
            Event::HardBreak => push(&mut stack, json!({"t": "br"})),
            _ => {}
        }
    }
    let root = stack.into_iter().next().map(|(_, c)| c).unwrap_or_default();
    // A single paragraph is unwrapped: the text sits inline in a cell.
    let mut nodes = match root.as_slice() {
        [one] if one["t"] == "par" => one["c"].clone(),
        _ => Value::Array(root),
    };
    if let Value::Array(list) = &mut nodes {
        breaks::mark_nodes(list);
    }
    nodes
}

/// Replace every `*_md` string (or list of strings) by its node tree.
fn convert(v: &mut Value) {
    match v {
        Value::Object(map) => {
            for (k, val) in map.iter_mut() {
                if k.ends_with("_md") {
                    match val {
                        Value::String(s) => *val = markdown_nodes(s),
                        Value::Array(items) => {
                            for it in items.iter_mut() {
                                if let Value::String(s) = it {
                                    *it = markdown_nodes(s);
                                }
                            }
                        }
                        _ => {}
                    }
                } else {
                    convert(val);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(convert),
        _ => {}
    }
}

/// Render one language's view to PDF bytes with a built engine; `evict`:
/// free the layout caches before the export (no other layout running).
pub fn render_with(
    engine: &engine::Engine,
    lang: &str,
    view: Value,
    report: &Report,
    evict: bool,
) -> Result<Vec<u8>, PdfError> {
    let mut data = view;
    convert(&mut data);
    let index = breaks::index(&data);
    if let Value::Object(map) = &mut data {
        map.insert("breaks".into(), index);
    }
    let doc: PagedDocument = engine.compile(lang, &data)?;
    drop(data);
    if evict {
        // The laid-out document holds what export needs.
        engine::evict();
    }
    let date = chrono::NaiveDate::parse_from_str(&report.as_of, "%Y-%m-%d").ok();
    let timestamp = date.and_then(|d| {
        use chrono::Datelike;
        typst::foundations::Datetime::from_ymd_hms(
            d.year(),
            d.month() as u8,
            d.day() as u8,
            0,
            0,
            0,
        )
    });
    let options = typst_pdf::PdfOptions {
        ident: Smart::Custom(format!("shoko-nfr-{lang}")),
        creator: Smart::Custom(Some(format!("shoko {}", report.tool_version))),
        timestamp: timestamp.map(typst_pdf::Timestamp::new_utc),
        ..Default::default()
    };
    typst_pdf::pdf(&doc, &options).map_err(|diags| {
        PdfError::Export(
            diags
                .iter()
                .map(|d| d.message.to_string())
                .collect::<Vec<_>>()
                .join("; "),
        )
    })
}

/// Lay out another template of the assets (e.g. `templates/pdf/diff.typ`)
/// with one view and the same font, to PDF bytes. `ident` names the
/// document; `as_of` (YYYY-MM-DD) is its only date, so the bytes are
/// deterministic. `*_md` fields of the view become node trees, as for the
/// NFR document.
pub fn render_template(
    assets: &crate::assets::Assets,
    template: &str,
    view: Value,
    ident: &str,
    creator: &str,
    as_of: &str,
) -> Result<Vec<u8>, PdfError> {
    let engine = engine::Engine::with_template(assets, template)?;
    let mut data = view;
    convert(&mut data);
    let lang = data["lang"].as_str().unwrap_or("").to_string();
    let doc: PagedDocument = engine.compile(&lang, &data)?;
    engine::evict();
    let timestamp = chrono::NaiveDate::parse_from_str(as_of, "%Y-%m-%d")
        .ok()
        .and_then(|d| {
            use chrono::Datelike;
            typst::foundations::Datetime::from_ymd_hms(
                d.year(),
                d.month() as u8,
                d.day() as u8,
                0,
                0,
                0,
            )
        });
    let options = typst_pdf::PdfOptions {
        ident: Smart::Custom(ident.to_string()),
        creator: Smart::Custom(Some(creator.to_string())),
        timestamp: timestamp.map(typst_pdf::Timestamp::new_utc),
        ..Default::default()
    };
    typst_pdf::pdf(&doc, &options).map_err(|diags| {
        PdfError::Export(
            diags
                .iter()
                .map(|d| d.message.to_string())
                .collect::<Vec<_>>()
                .join("; "),
        )
    })
}

#[cfg(test)]
#[path = "pdf_tests.rs"]
mod tests;
