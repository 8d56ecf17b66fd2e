//! The running header and footer, laid out apart from the body.
//!
//! A footer that reads "page / pages" makes Typst lay the whole document
//! out at least twice (the first layout has no page count to read), and
//! the section counters in headings a third time. shoko counts the
//! sections in the template instead and lays the body out with no header
//! or footer: one layout. Then `templates/pdf/marginals.typ` lays out, for
//! the counted pages, pages that hold only the header and footer (same
//! paper and margins, the numbers as plain values), and each is put onto
//! its body page. The header and footer stay PDF artifacts, as Typst marks
//! them.

use super::engine::Engine;
use super::PdfError;
use serde_json::{json, Value};
use typst::layout::Point;
use typst::model::Document as _;
use typst_layout::PagedDocument;

/// Path of the header-and-footer template among the assets.
pub const MARGINALS: &str = "templates/pdf/marginals.typ";

/// What the header and footer say, from the document's view: the title,
/// the customer, the date with its label, and the page count.
pub fn view(doc_view: &Value, pages: usize) -> Value {
    let t = &doc_view["t"];
    let text = |v: &Value| v.as_str().unwrap_or("").to_string();
    json!({
        "lang": text(&doc_view["lang"]),
        "title": text(&t["doc-title"]),
        "customer": text(&doc_view["customer"]["name"]),
        "as_of": format!("{}{}{}", text(&t["label-as-of"]), text(&t["label-sep"]), text(&doc_view["as_of"])),
        "pages": pages,
    })
}

/// Lay out the header and footer for `body`'s pages and put them on.
pub fn attach(
    engine: &Engine,
    lang: &str,
    doc_view: &Value,
    body: PagedDocument,
) -> Result<PagedDocument, PdfError> {
    let marginals = engine.compile(lang, &view(doc_view, body.pages().len()))?;
    if marginals.pages().len() != body.pages().len() {
        return Err(PdfError::Export(format!(
            "{MARGINALS} made {} page(s) for a body of {}",
            marginals.pages().len(),
            body.pages().len()
        )));
    }
    let mut pages = body.pages().to_vec();
    for (page, m) in pages.iter_mut().zip(marginals.pages()) {
        page.frame.push_frame(Point::zero(), m.frame.clone());
    }
    Ok(PagedDocument::new(
        pages.into_iter().collect(),
        body.info().clone(),
    ))
}
