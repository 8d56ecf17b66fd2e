//! `shoko build --timings FILE`: Typst's own span timer (typst-timing) as a
//! Chrome-trace JSON (open it in chrome://tracing, Perfetto or speedscope).
//!
//! Typst records its spans (each layout iteration, eval, the layout of
//! grids and tables, PDF export ...) once the timer is on; shoko adds a
//! span for each stage of the build and for each language's PDF. A span in
//! the template is reported with the template's origin and line.

use super::engine::{stem, TEMPLATE};
use super::marginals::MARGINALS;
use crate::assets::Assets;
use std::collections::HashMap;
use std::num::NonZeroU64;
use typst::syntax::{FileId, Source, Span, SpanKind};

/// A span of shoko's own work in the trace (`None` when timing is off).
pub fn scope(name: &'static str) -> Option<typst_timing::TimingScope> {
    typst_timing::TimingScope::new(name)
}

/// Start recording.
pub fn start() {
    typst_timing::clear();
    typst_timing::enable();
}

/// Stop recording and return the trace as JSON.
pub fn finish(assets: &Assets) -> Result<Vec<u8>, String> {
    typst_timing::disable();
    // Each template's parts are named after it (engine::file_name).
    let templates: Vec<(String, String, String)> = [TEMPLATE, MARGINALS]
        .iter()
        .map(|path| {
            let asset = assets.get(path);
            let origin = asset
                .as_ref()
                .map(|t| t.origin.clone())
                .unwrap_or_else(|| path.to_string());
            let text = asset.map(|t| t.text()).unwrap_or_default();
            let stem = format!("{}-", stem(path));
            (stem, origin, text)
        })
        .collect();
    // Each file is parsed once, however many spans point into it.
    let mut sources: HashMap<FileId, (String, Source)> = HashMap::new();
    let mut out = Vec::new();
    typst_timing::export_json(&mut out, |raw: NonZeroU64| {
        let span = Span::from_raw(raw);
        let (id, start) = match span.get() {
            SpanKind::Detached => return (String::new(), 0),
            SpanKind::Range { id, range } => (id, Some(range.start)),
            SpanKind::Number { id, .. } => (id, None),
        };
        let (origin, source) = sources.entry(id).or_insert_with(|| {
            let name = id.get().vpath().get_without_slash().to_string();
            let (origin, text) = templates
                .iter()
                .find(|(stem, _, _)| name.starts_with(stem.as_str()))
                .map(|(_, o, t)| (o.clone(), t.clone()))
                .unwrap_or_default();
            (origin, Source::new(id, text))
        });
        let start = start.or_else(|| source.find(span).map(|n| n.offset()));
        let line = start
            .and_then(|b| source.lines().byte_to_line(b))
            .map_or(0, |l| l + 1);
        (origin.clone(), line as u32)
    })?;
    Ok(out)
}
