//! The mdBook handbook: `out/book/` with `book.toml`, `src/SUMMARY.md`, an
//! introduction, and per language a requirements-and-gaps page, a page per
//! category and a sources page. Citations link to the sources page, and
//! requirements to their categories; every link is relative, so the pages
//! also work nested inside another book (the project's guide embeds the
//! example's handbook this way).

use super::markdown::{chain, tidy, TemplateError};
use crate::assets::Assets;
use crate::i18n::I18n;
use crate::model::Lang;
use crate::output::OutFile;
use serde_json::{json, Value};

const TEMPLATES: [&str; 8] = [
    "macros.tera",
    "book.toml.tera",
    "SUMMARY.md.tera",
    "intro.md.tera",
    "summary.md.tera",
    "categories.md.tera",
    "category.md.tera",
    "sources.md.tera",
];

/// Files copied as they are into the book folder (`assets/…`), named in
/// `book.toml`: Japanese search and the table layout for Japanese text.
pub const ASSETS: [&str; 2] = ["search-cjk.js", "tables-cjk.css"];

fn engine(assets: &Assets) -> Result<tera::Tera, TemplateError> {
    let mut tera = super::markdown::new_tera();
    let mut files = Vec::new();
    for name in TEMPLATES {
        let path = format!("templates/book/{name}");
        let asset = assets.get(&path).ok_or_else(|| TemplateError {
            template: path.clone(),
            cause: "template not found".into(),
        })?;
        files.push((name.to_string(), asset.text(), asset.origin));
    }
    for (name, text, origin) in &files {
        tera.add_raw_template(name, text)
            .map_err(|e| TemplateError {
                template: origin.clone(),
                cause: chain(&e),
            })?;
    }
    Ok(tera)
}

fn render(
    tera: &tera::Tera,
    assets: &Assets,
    name: &str,
    ctx: &Value,
) -> Result<String, TemplateError> {
    let origin = assets
        .get(&format!("templates/book/{name}"))
        .map(|a| a.origin)
        .unwrap_or_else(|| name.to_string());
    let ctx = tera::Context::from_value(ctx.clone()).map_err(|e| TemplateError {
        template: origin.clone(),
        cause: chain(&e),
    })?;
    tera.render(name, &ctx)
        .map(|s| tidy(&s))
        .map_err(|e| TemplateError {
            template: origin,
            cause: chain(&e),
        })
}

/// Every file of the book source, paths relative to the book folder
/// (`book.toml`, `src/SUMMARY.md`, `src/ja/summary.md` ...).
pub fn render_book(
    views: &[(Lang, Value)],
    i18n: &I18n,
    assets: &Assets,
) -> Result<Vec<OutFile>, TemplateError> {
    let tera = engine(assets)?;
    let first = views.first().map(|(_, v)| v.clone()).unwrap_or(Value::Null);
    let title = first["t"]["doc-title"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let langs: Vec<Value> = views
        .iter()
        .map(|(lang, v)| {
            let mut v = v.clone();
            v["heading"] = json!(i18n.t(*lang, "book-language"));
            v
        })
        .collect();
    let intro_title = views
        .iter()
        .map(|(l, _)| i18n.t(*l, "book-intro"))
        .collect::<Vec<_>>()
        .join(" / ");
    // Addressed to the buyer, written by the operator who declared the
    // answers (or, without a declarer, by shoko).
    let author = first["declared_by"]
        .as_str()
        .map(String::from)
        .unwrap_or_else(|| "shoko".into());
    let book_title = match first["customer"]["name"].as_str() {
        Some(c) => format!("{title} — {c}"),
        None => title,
    };
    let top =
        json!({"title": book_title, "author": author, "langs": langs, "intro_title": intro_title});
    let mut files = vec![
        file("book.toml", render(&tera, assets, "book.toml.tera", &top)?),
        file(
            "src/SUMMARY.md",
            render(&tera, assets, "SUMMARY.md.tera", &top)?,
        ),
        file(
            "src/README.md",
            render(&tera, assets, "intro.md.tera", &top)?,
        ),
    ];
    for name in ASSETS {
        let path = format!("templates/book/assets/{name}");
        let asset = assets.get(&path).ok_or_else(|| TemplateError {
            template: path.clone(),
            cause: "asset not found".into(),
        })?;
        files.push(OutFile {
            path: format!("assets/{name}"),
            bytes: asset.data.into_owned(),
            private: false,
        });
    }
    for (lang, v) in views {
        let l = lang.code();
        files.push(file(
            &format!("src/{l}/summary.md"),
            render(&tera, assets, "summary.md.tera", v)?,
        ));
        files.push(file(
            &format!("src/{l}/categories.md"),
            render(&tera, assets, "categories.md.tera", v)?,
        ));
        // A category page needs its category and the shared parts (labels,
        // flows), not every other category, requirement and source: copying
        // the whole view per page made the book quadratic in the input.
        let shared: serde_json::Map<String, Value> = v
            .as_object()
            .into_iter()
            .flatten()
            .filter(|(k, _)| !matches!(k.as_str(), "categories" | "requirements" | "sources"))
            .map(|(k, x)| (k.clone(), x.clone()))
            .collect();
        for c in v["categories"].as_array().into_iter().flatten() {
            let mut ctx = Value::Object(shared.clone());
            ctx["c"] = c.clone();
            let id = c["id"].as_str().unwrap_or_default();
            files.push(file(
                &format!("src/{l}/{id}.md"),
                render(&tera, assets, "category.md.tera", &ctx)?,
            ));
        }
        files.push(file(
            &format!("src/{l}/sources.md"),
            render(&tera, assets, "sources.md.tera", v)?,
        ));
    }
    Ok(files)
}

fn file(path: &str, text: String) -> OutFile {
    OutFile {
        path: path.to_string(),
        bytes: text.into_bytes(),
        private: false,
    }
}

/// The book's SUMMARY entries nested under one entry of another book's
/// summary: every link gets `prefix/` and every line two more spaces.
pub fn nest_summary(summary: &str, prefix: &str) -> String {
    let mut out = String::new();
    for line in summary.lines() {
        let t = line.trim_start();
        if !t.starts_with("- [") {
            continue;
        }
        let indent = &line[..line.len() - t.len()];
        let (label, rest) = t.split_once("](").unwrap_or((t, ""));
        out.push_str(&format!("  {indent}{label}]({prefix}/{rest}\n"));
    }
    out
}
