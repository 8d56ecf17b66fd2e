//! PDF through Typst, in-process (typst-as-lib).
//!
//! The per-language view goes in as JSON through `sys.inputs`; the template
//! walks it. Nothing from the inputs is ever spliced into Typst markup:
//! Markdown fields of the catalog are parsed with pulldown-cmark into a small
//! node tree (text, strong, emph, code, link) that the template renders as
//! content, so `#read("/etc/passwd")` in a declared note stays text.

use super::{Input, Renderer};
use crate::assets::Assets;
use crate::model::report::Report;
use crate::output::OutFile;
use pulldown_cmark::{Event, Parser, Tag};
use serde_json::{json, Value};
use typst::foundations::{Dict, IntoValue, Smart};
use typst_as_lib::{TypstAsLibError, TypstEngine};
use typst_layout::PagedDocument;

/// Path of the template among the assets.
pub const TEMPLATE: &str = "templates/pdf/nfr.typ";
/// The Japanese font embedded in the binary (IPAex Gothic).
pub const FONT: &str = "templates/fonts/ipaexg.ttf";

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

impl Renderer for Pdf {
    type Error = PdfError;
    fn render(&self, input: &Input<'_>) -> Result<Vec<OutFile>, PdfError> {
        input
            .views
            .iter()
            .map(|view| {
                let bytes = render(input.assets, input.json(view), input.report)?;
                Ok(super::file(format!("{}/nfr.pdf", view.lang.code()), bytes))
            })
            .collect()
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
    match root.as_slice() {
        [one] if one["t"] == "par" => one["c"].clone(),
        _ => Value::Array(root),
    }
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

fn template_error(origin: &str, text: &str, e: TypstAsLibError) -> PdfError {
    use typst::syntax::{DiagSpanKind, Source};
    let TypstAsLibError::TypstSource(diags) = &e else {
        return PdfError::Template {
            template: origin.into(),
            line: 0,
            column: 0,
            message: e.to_string(),
        };
    };
    let Some(d) = diags
        .iter()
        .find(|d| d.severity == typst::diag::Severity::Error)
        .or(diags.first())
    else {
        return PdfError::Template {
            template: origin.into(),
            line: 0,
            column: 0,
            message: e.to_string(),
        };
    };
    let mut message = d.message.to_string();
    for h in &d.hints {
        message.push_str(&format!("\n  hint: {}", h.v));
    }
    let (mut line, mut column) = (0, 0);
    if let DiagSpanKind::Number { id, num, sub_range } = d.span.get() {
        let source = Source::new(id, text.to_string());
        if let Some(r) = source.range(num, sub_range) {
            if let Some((l, c)) = source.lines().byte_to_line_column(r.start) {
                line = l + 1;
                column = c + 1;
            }
        }
    }
    PdfError::Template {
        template: origin.into(),
        line,
        column,
        message,
    }
}

/// Render one language's view to PDF bytes.
pub fn render(assets: &Assets, view: Value, report: &Report) -> Result<Vec<u8>, PdfError> {
    let template = assets
        .get(TEMPLATE)
        .ok_or_else(|| PdfError::Missing(TEMPLATE.into()))?;
    let font = assets
        .get(FONT)
        .ok_or_else(|| PdfError::Missing(FONT.into()))?;
    let text = template.text();
    let mut data = view;
    convert(&mut data);
    let engine = TypstEngine::builder()
        .main_file(text.as_str())
        .fonts([font.data.as_ref()])
        .build();
    let mut inputs = Dict::new();
    inputs.insert("view".into(), data.to_string().into_value());
    let doc: PagedDocument = engine
        .compile_with_input(inputs)
        .output
        .map_err(|e| template_error(&template.origin, &text, e))?;
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
        ident: Smart::Custom(format!("shoko-nfr-{}", data["lang"].as_str().unwrap_or(""))),
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

#[cfg(test)]
#[path = "pdf_tests.rs"]
mod tests;
