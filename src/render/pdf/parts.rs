//! Large documents, laid out in parts.
//!
//! Typst keeps what it lays out in memo caches until they are freed, so a
//! 420-page document held nearly 0.8 GB at its peak. A document whose view is
//! larger than [`SINGLE_MAX_VIEW`] is cut into parts at unit boundaries
//! (the units are listed in `templates/pdf/nfr.typ`: the opening, each
//! requirement's verdicts, the shared facts, each category, the sources);
//! each part is laid out on its own, two at a time, the caches are freed
//! after each part, and the parts' pages are joined into one document
//! before the header, the footer and the export. Each part starts on a new
//! page; the section numbers run on across parts, as in one layout.

use super::engine::{self, Engine};
use super::marginals::Body;
use super::PdfError;
use serde_json::{json, Value};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// Views up to this size (JSON bytes) are laid out whole. The built-in
/// example is about 0.2 MB per language.
pub const SINGLE_MAX_VIEW: usize = 512 * 1024;

/// The size a part aims at (JSON bytes of its units).
pub const PART_VIEW: usize = 160 * 1024;

/// Rows of a list of sources per unit (the template's `unit-rows`).
pub const UNIT_ROWS: usize = 120;

/// The lists of sources, in the order the template sets them.
const SOURCE_LISTS: [&str; 4] = ["docs", "declarations", "flows", "observations"];

/// How many parts are laid out at the same time (this machine has two
/// cores; each part in flight holds its own caches).
pub const AT_ONCE: usize = 2;

/// The units of a view and their sizes, in document order.
fn unit_sizes(view: &Value) -> Vec<usize> {
    let len = |v: &Value| v.to_string().len();
    fn list(v: &Value) -> &[Value] {
        v.as_array().map_or(&[][..], Vec::as_slice)
    }
    let requirements = list(&view["requirements"]);
    let categories = list(&view["categories"]);
    let mut sizes =
        vec![len(&view["actions"]) + len(&view["conclusion"]) + 300 * requirements.len()];
    sizes.extend(requirements.iter().map(len));
    sizes.push(len(&view["shared"]));
    sizes.extend(categories.iter().map(len));
    sizes.push(0); // the sources' heading
    let mut lists: Vec<&[Value]> = SOURCE_LISTS
        .iter()
        .map(|k| list(&view["sources"][k]))
        .collect();
    lists.push(list(&view["inputs"]));
    for rows in lists {
        sizes.extend(
            rows.chunks(UNIT_ROWS)
                .map(|c| c.iter().map(len).sum::<usize>()),
        );
    }
    if list(&view["inputs"]).is_empty() {
        sizes.push(0); // the closing line
    }
    sizes
}

/// The view of one part: what no unit of the part shows is left out (an
/// item of a list becomes null, so the lists keep their lengths and the
/// units their numbers), and the break points are those of what is left.
fn slice(view: &Value, from: usize, to: usize) -> Value {
    let shown = |u: usize| from <= u && u < to;
    // Only what the part shows is copied (the view of a large document is
    // tens of MB as JSON values, and there are dozens of parts).
    let pick = |list: &Value, keep: &dyn Fn(usize) -> bool| -> Value {
        let items = list.as_array().map_or(&[][..], Vec::as_slice);
        Value::Array(
            items
                .iter()
                .enumerate()
                .map(|(i, x)| if keep(i) { x.clone() } else { Value::Null })
                .collect(),
        )
    };
    let lists = [
        "requirements",
        "categories",
        "shared",
        "actions",
        "sources",
        "inputs",
    ];
    let mut v = serde_json::Map::new();
    if let Value::Object(map) = view {
        for (k, x) in map {
            if !lists.contains(&k.as_str()) {
                v.insert(k.clone(), x.clone());
            }
        }
    }
    let r = view["requirements"].as_array().map_or(0, Vec::len);
    let c = view["categories"].as_array().map_or(0, Vec::len);
    v.insert(
        "requirements".into(),
        pick(&view["requirements"], &|i| shown(0) || shown(1 + i)),
    );
    v.insert("actions".into(), pick(&view["actions"], &|_| shown(0)));
    let appendix = 1 + r;
    v.insert("shared".into(), pick(&view["shared"], &|_| shown(appendix)));
    v.insert(
        "categories".into(),
        pick(&view["categories"], &|k| shown(appendix + 1 + k)),
    );
    let mut unit = appendix + 1 + c + 1;
    let mut sources = serde_json::Map::new();
    for k in SOURCE_LISTS {
        let first = unit;
        let list = &view["sources"][k];
        sources.insert(k.into(), pick(list, &|i| shown(first + i / UNIT_ROWS)));
        unit += list.as_array().map_or(0, Vec::len).div_ceil(UNIT_ROWS);
    }
    v.insert("sources".into(), Value::Object(sources));
    let first = unit;
    v.insert(
        "inputs".into(),
        pick(&view["inputs"], &|i| shown(first + i / UNIT_ROWS)),
    );
    v.insert("part".into(), json!({"from": from, "to": to}));
    v.insert("unit_rows".into(), json!(UNIT_ROWS));
    let mut v = Value::Object(v);
    v["breaks"] = super::breaks::index(&v);
    v
}

/// The parts of a view as unit ranges `from..to`, or none when the view is
/// laid out whole.
pub fn plan(view: &Value) -> Option<Vec<(usize, usize)>> {
    if view.to_string().len() <= SINGLE_MAX_VIEW {
        return None;
    }
    let sizes = unit_sizes(view);
    let mut parts = Vec::new();
    let (mut from, mut acc) = (0, 0);
    for (u, size) in sizes.iter().enumerate() {
        if acc > 0 && acc + size > PART_VIEW {
            parts.push((from, u));
            from = u;
            acc = 0;
        }
        acc += size;
    }
    parts.push((from, sizes.len()));
    Some(parts)
}

/// Does a template lay out only the part it is given? It reads
/// `d.at("part", …)` (see `templates/pdf/nfr.typ`).
pub fn understood_by(template: &str) -> bool {
    template.contains("d.at(\"part\"")
}

/// Lay out a (converted) view, without its break index, in the planned
/// parts, and join their pages.
pub fn lay_out(
    engine: &Engine,
    lang: &str,
    view: &Value,
    plan: &[(usize, usize)],
) -> Result<Body, PdfError> {
    // Two workers take the next part as each finishes. The caches are
    // freed after each part: the other worker's part in flight loses what
    // it had cached, which costs it little (measured on the 500-requirement
    // document: the same time as keeping what the last 1–3 parts used, and
    // 100 MB less at the peak).
    let next = AtomicUsize::new(0);
    // A part keeps only its pages: its document's introspector (every
    // element's position) is dropped as soon as the part is done.
    let slots: Vec<Mutex<Option<Result<Body, PdfError>>>> =
        plan.iter().map(|_| Mutex::new(None)).collect();
    std::thread::scope(|s| {
        for _ in 0..AT_ONCE.min(plan.len()) {
            s.spawn(|| loop {
                let k = next.fetch_add(1, Ordering::SeqCst);
                let Some(&(from, to)) = plan.get(k) else {
                    break;
                };
                let _span = super::timings::scope("shoko: pdf part");
                let json = slice(view, from, to).to_string();
                let doc = engine.compile_json(k, lang, &json).map(Body::from);
                engine::evict();
                if let Ok(mut slot) = slots[k].lock() {
                    *slot = Some(doc);
                }
            });
        }
    });
    let mut body = Body {
        pages: Vec::new(),
        info: Default::default(),
    };
    for (k, slot) in slots.into_iter().enumerate() {
        let doc =
            slot.into_inner().ok().flatten().ok_or_else(|| {
                PdfError::Export("a part of the document was not laid out".into())
            })??;
        if k == 0 {
            body.info = doc.info;
        }
        body.pages.extend(doc.pages);
    }
    engine::evict();
    Ok(body)
}

#[cfg(test)]
#[path = "parts_tests.rs"]
mod tests;
