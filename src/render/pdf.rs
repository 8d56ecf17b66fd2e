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
pub mod marginals;
pub mod parts;
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

/// One language's document to lay out: its view, and its parts when it is
/// large (worked out once, see [`parts::plan`]).
pub struct Job {
    /// Language code.
    pub lang: String,
    /// The view as JSON values.
    pub view: Value,
    /// Unit ranges of the parts, or none when the view is laid out whole.
    pub plan: Option<Vec<(usize, usize)>>,
}

impl Job {
    /// A job for a view, its parts planned.
    pub fn new(lang: &str, view: Value) -> Job {
        let plan = parts::plan(&view);
        Job {
            lang: lang.to_string(),
            view,
            plan,
        }
    }
}

/// `SHOKO_PDF_PARALLEL=0` lays the languages out one after the other,
/// `=1` at the same time; by default they go at the same time when the
/// machine has two cores or more and no document is laid out in parts (a
/// large one is laid out two parts at a time instead, see [`parts`]).
///
/// Measured on the built-in example (issue 18, release build, 2-core
/// machine, paired runs): at the same time 0.66–0.71x the wall time of
/// the previous release at 141 MiB peak, one after the other 0.94x at
/// 103 MiB. The PDF bytes are the same either way, so the number of
/// cores never changes a document.
pub const PARALLEL_ENV: &str = "SHOKO_PDF_PARALLEL";

/// Lay the languages out in parallel? `switch` is the value of
/// [`PARALLEL_ENV`], `cores` the machine's.
fn parallel(jobs: &[Job], switch: Option<&str>, cores: usize) -> bool {
    let wanted = match switch {
        Some("0") => false,
        Some("1") => true,
        _ => cores >= 2,
    };
    wanted && jobs.len() > 1 && jobs.iter().all(|j| j.plan.is_none())
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
        let mut jobs: Vec<Job> = input
            .views
            .iter()
            .map(|view| Job::new(view.lang.code(), input.json(view)))
            .collect();
        let most = jobs
            .iter()
            .map(|j| j.plan.as_ref().map_or(1, Vec::len))
            .max();
        let fonts = engine::fonts(input.assets)?;
        let engines = Engines {
            body: engine::Engine::with_parts(
                input.assets,
                TEMPLATE,
                fonts.clone(),
                most.unwrap_or(1),
            )?,
            marginals: engine::Engine::with_fonts(input.assets, marginals::MARGINALS, fonts)?,
        };
        // A template that does not read `d.part` (an `--assets` override
        // written for an earlier shoko) would lay the whole document out in
        // every part: it is laid out whole.
        if !parts::understood_by(&engines.body.text) {
            jobs.iter_mut().for_each(|j| j.plan = None);
        }
        let file = |lang: &str, bytes| super::file(format!("{lang}/nfr.pdf"), bytes);
        let switch = std::env::var(PARALLEL_ENV).ok();
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let results: Vec<Result<OutFile, PdfError>> = if parallel(&jobs, switch.as_deref(), cores) {
            // Each language on its own thread, against one engine. A
            // document is laid out once, so what one language's layout
            // cached is of no use after it: the caches are freed as each
            // layout ends (the other language, still laying out, loses only
            // what it would have reused within its own layout).
            let out = on_threads(&jobs, |job| {
                let _span = timings::scope(span_name(&job.lang));
                let doc = lay_out(&engines, &job.lang, job.view.clone(), job.plan.as_deref())?;
                engine::evict();
                export_nfr(&doc, &job.lang, input.report).map(|bytes| file(&job.lang, bytes))
            });
            engine::evict();
            out
        } else {
            // One language at a time; the layout caches are freed before
            // each export, so the peak is one document's layout. Each view
            // is dropped once laid out.
            jobs.into_iter()
                .map(|job| {
                    let _span = timings::scope(span_name(&job.lang));
                    let doc = lay_out(&engines, &job.lang, job.view, job.plan.as_deref())?;
                    engine::evict();
                    export_nfr(&doc, &job.lang, input.report).map(|bytes| file(&job.lang, bytes))
                })
                .collect()
        };
        results.into_iter().collect()
    }
}

/// Run `f` on each item on its own thread (the first on this one) and
/// return the results in order.
fn on_threads<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    std::thread::scope(|s| {
        let (first, rest) = items
            .split_first()
            .map_or((None, &[][..]), |(f, r)| (Some(f), r));
        let f = &f;
        let handles: Vec<_> = rest.iter().map(|item| s.spawn(move || f(item))).collect();
        let mut out: Vec<R> = first.map(f).into_iter().collect();
        for h in handles {
            out.push(h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)));
        }
        out
    })
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

/// The NFR document's two templates: the body, and the running header and
/// footer laid out once the body's pages are counted.
pub struct Engines {
    /// `templates/pdf/nfr.typ`.
    pub body: engine::Engine,
    /// `templates/pdf/marginals.typ`.
    pub marginals: engine::Engine,
}

/// Lay one language's view out: the body (whole, or in parts when it is
/// large), then the header and footer on its counted pages.
pub fn lay_out(
    engines: &Engines,
    lang: &str,
    view: Value,
    plan: Option<&[(usize, usize)]>,
) -> Result<PagedDocument, PdfError> {
    let mut data = view;
    convert(&mut data);
    let body: marginals::Body = match plan {
        // each part gets the break points of its own strings
        Some(plan) => parts::lay_out(&engines.body, lang, &data, plan)?,
        None => {
            let index = breaks::index(&data);
            if let Value::Object(map) = &mut data {
                map.insert("breaks".into(), index);
            }
            engines.body.compile(lang, &data)?.into()
        }
    };
    marginals::attach(&engines.marginals, lang, &data, body)
}

/// Write a laid-out document as PDF bytes. `as_of` (YYYY-MM-DD) is its
/// only date, so the bytes are deterministic.
pub fn export(
    doc: &PagedDocument,
    ident: &str,
    creator: &str,
    as_of: &str,
) -> Result<Vec<u8>, PdfError> {
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
    typst_pdf::pdf(doc, &options).map_err(|diags| {
        PdfError::Export(
            diags
                .iter()
                .map(|d| d.message.to_string())
                .collect::<Vec<_>>()
                .join("; "),
        )
    })
}

/// Export one language's document the way the NFR document is named.
fn export_nfr(doc: &PagedDocument, lang: &str, report: &Report) -> Result<Vec<u8>, PdfError> {
    export(
        doc,
        &format!("shoko-nfr-{lang}"),
        &format!("shoko {}", report.tool_version),
        &report.as_of,
    )
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
    export(&doc, ident, creator, as_of)
}

#[cfg(test)]
#[path = "pdf_tests.rs"]
mod tests;
