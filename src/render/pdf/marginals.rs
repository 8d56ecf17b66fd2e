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
use typst::model::DocumentInfo;
use typst_layout::{Page, PagedDocument};

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

/// A body's pages and its document details, before the header and footer.
pub struct Body {
    /// The pages, in order.
    pub pages: Vec<Page>,
    /// Title, author, language (from the body's `set document`).
    pub info: DocumentInfo,
}

impl From<PagedDocument> for Body {
    fn from(doc: PagedDocument) -> Body {
        Body {
            pages: doc.pages().to_vec(),
            info: doc.info().clone(),
        }
    }
}

/// Lay out the header and footer for the body's pages and put them on;
/// the document is put together once, here.
pub fn attach(
    engine: &Engine,
    lang: &str,
    doc_view: &Value,
    body: Body,
) -> Result<PagedDocument, PdfError> {
    let Body { mut pages, info } = body;
    let marginals = engine.compile(lang, &view(doc_view, pages.len()))?;
    if marginals.pages().len() != pages.len() {
        return Err(PdfError::Export(format!(
            "{MARGINALS} made {} page(s) for a body of {}",
            marginals.pages().len(),
            pages.len()
        )));
    }
    for (page, m) in pages.iter_mut().zip(marginals.pages()) {
        page.frame.push_frame(Point::zero(), m.frame.clone());
    }
    drop(marginals);
    Ok(PagedDocument::new(pages.into_iter().collect(), info))
}
