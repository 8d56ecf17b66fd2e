//! Markdown documents through Tera templates. Untrusted text goes through the
//! `md` filter; trusted Markdown fields (`*_md`) through `cell` inside tables.

use super::{Input, Renderer};
use crate::assets::Assets;
use crate::output::OutFile;
use crate::text::escape::{md_cell, md_escape};
use serde_json::Value;
use std::collections::HashMap;

/// The Markdown document's template.
pub const TEMPLATE: &str = "templates/markdown/nfr.md.tera";

/// `--format md`: `<lang>/nfr.md` for each language.
pub struct Markdown;

impl Renderer for Markdown {
    type Error = TemplateError;
    fn render(&self, input: &Input<'_>) -> Result<Vec<OutFile>, TemplateError> {
        input
            .views
            .iter()
            .map(|view| {
                let text = render(input.assets, TEMPLATE, &input.json(view))?;
                Ok(super::file(
                    format!("{}/nfr.md", view.lang.code()),
                    text.into_bytes(),
                ))
            })
            .collect()
    }
}

/// A template that failed, with the template's file and the real cause.
#[derive(Debug, thiserror::Error)]
#[error("template {template} failed: {cause}")]
pub struct TemplateError {
    /// The template's origin (`built-in:templates/...` or a user file).
    pub template: String,
    /// The innermost cause, with its line where Tera gives one.
    pub cause: String,
}

pub(crate) fn chain(e: &tera::Error) -> String {
    let mut parts = vec![e.to_string()];
    let mut src = std::error::Error::source(e);
    while let Some(s) = src {
        parts.push(s.to_string());
        src = s.source();
    }
    parts.join(": ")
}

pub(crate) fn filter_md(v: &Value, _: &HashMap<String, Value>) -> tera::Result<Value> {
    Ok(Value::String(match v {
        Value::String(s) => md_escape(s),
        Value::Null => String::new(),
        other => md_escape(&other.to_string()),
    }))
}

pub(crate) fn filter_cell(v: &Value, _: &HashMap<String, Value>) -> tera::Result<Value> {
    Ok(Value::String(match v {
        Value::String(s) => md_cell(s),
        Value::Null => String::new(),
        other => md_cell(&other.to_string()),
    }))
}

/// An empty Tera with no HTML autoescaping and shoko's `md` and `cell`
/// filters: every Markdown template (documents and book pages) uses this.
pub(crate) fn new_tera() -> tera::Tera {
    let mut tera = tera::Tera::default();
    tera.autoescape_on(vec![]);
    tera.register_filter("md", filter_md);
    tera.register_filter("cell", filter_cell);
    tera
}

/// A Tera instance with shoko's filters and one template loaded.
pub fn engine(assets: &Assets, path: &str) -> Result<(tera::Tera, String), TemplateError> {
    let asset = assets.get(path).ok_or_else(|| TemplateError {
        template: path.into(),
        cause: "template not found".into(),
    })?;
    let mut tera = new_tera();
    tera.add_raw_template(path, &asset.text())
        .map_err(|e| TemplateError {
            template: asset.origin.clone(),
            cause: chain(&e),
        })?;
    Ok((tera, asset.origin))
}

/// Render a template against a view (a [`super::View`], or its JSON).
pub fn render<V: serde::Serialize>(
    assets: &Assets,
    path: &str,
    view: &V,
) -> Result<String, TemplateError> {
    let (tera, origin) = engine(assets, path)?;
    let ctx = tera::Context::from_serialize(view).map_err(|e| TemplateError {
        template: origin.clone(),
        cause: chain(&e),
    })?;
    let out = tera.render(path, &ctx).map_err(|e| TemplateError {
        template: origin,
        cause: chain(&e),
    })?;
    Ok(tidy(&out))
}

/// Collapse runs of blank lines and end with one newline.
pub(crate) fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = 0;
    for line in s.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}
