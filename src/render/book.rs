//! The mdBook handbook: `out/book/` with `book.toml`, `src/SUMMARY.md`, an
//! introduction, and per language a requirements-and-gaps page, a page per
//! category and a sources page. Citations link to the sources page, and
//! requirements to their categories; every link is relative, so the pages
//! also work nested inside another book (the project's guide embeds the
//! example's handbook this way).

use super::markdown::{chain, tidy, TemplateError};
use super::{Input, Renderer};
use crate::assets::Assets;
use crate::i18n::I18n;
use crate::model::Lang;
use crate::output::OutFile;
use serde::Serialize;
use serde_json::{Map, Value};

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

fn render<C: Serialize + ?Sized>(
    tera: &tera::Tera,
    assets: &Assets,
    name: &str,
    ctx: &C,
) -> Result<String, TemplateError> {
    let origin = assets
        .get(&format!("templates/book/{name}"))
        .map(|a| a.origin)
        .unwrap_or_else(|| name.to_string());
    let ctx = tera::Context::from_serialize(ctx).map_err(|e| TemplateError {
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

/// `--format book`: the mdBook source of every language, under `book/`.
pub struct Book;

impl Renderer for Book {
    type Error = TemplateError;
    fn render(&self, input: &Input<'_>) -> Result<Vec<OutFile>, TemplateError> {
        let views: Vec<(Lang, Value)> = input
            .views
            .iter()
            .map(|v| (v.lang, input.json(v)))
            .collect();
        let mut files = render_book(&views, input.i18n, input.assets)?;
        for f in &mut files {
            f.path = format!("book/{}", f.path);
        }
        Ok(files)
    }
}

/// The book's first pages: what `book.toml`, `SUMMARY.md` and the
/// introduction read.
#[derive(Serialize)]
struct Top<'a> {
    title: String,
    author: String,
    langs: Vec<LangEntry<'a>>,
    intro_title: String,
}

/// One language's view with its heading in the book's summary.
#[derive(Serialize)]
struct LangEntry<'a> {
    #[serde(flatten)]
    view: &'a Value,
    heading: String,
}

/// A category page: its category and the view's shared parts (labels,
/// flows ...), not every other category, requirement and source: copying
/// the whole view per page made the book quadratic in the input.
#[derive(Serialize)]
struct CategoryPage<'a> {
    #[serde(flatten)]
    shared: &'a Map<String, Value>,
    c: &'a Value,
}

/// Every file of the book source, paths relative to the book folder
/// (`book.toml`, `src/SUMMARY.md`, `src/ja/summary.md` ...), from each
/// language's view as JSON.
pub fn render_book(
    views: &[(Lang, Value)],
    i18n: &I18n,
    assets: &Assets,
) -> Result<Vec<OutFile>, TemplateError> {
    let tera = engine(assets)?;
    let mut files = top_pages(&tera, views, i18n, assets)?;
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
        let shared: Map<String, Value> = v
            .as_object()
            .into_iter()
            .flatten()
            .filter(|(k, _)| !matches!(k.as_str(), "categories" | "requirements" | "sources"))
            .map(|(k, x)| (k.clone(), x.clone()))
            .collect();
        for c in v["categories"].as_array().into_iter().flatten() {
            let id = c["id"].as_str().unwrap_or_default();
            let ctx = CategoryPage { shared: &shared, c };
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

/// `book.toml`, `SUMMARY.md` and the introduction.
fn top_pages(
    tera: &tera::Tera,
    views: &[(Lang, Value)],
    i18n: &I18n,
    assets: &Assets,
) -> Result<Vec<OutFile>, TemplateError> {
    let first = views.first().map(|(_, v)| v);
    let customer = first.and_then(|v| v["customer"]["name"].as_str());
    let title = first
        .and_then(|v| v["t"]["doc-title"].as_str())
        .unwrap_or_default()
        .to_string();
    let top = Top {
        title: match customer {
            Some(c) => format!("{title} — {c}"),
            None => title,
        },
        // Addressed to the buyer, written by the operator who declared the
        // answers (or, without a declarer, by shoko).
        author: first
            .and_then(|v| v["declared_by"].as_str())
            .unwrap_or("shoko")
            .to_string(),
        langs: views
            .iter()
            .map(|(lang, view)| LangEntry {
                view,
                heading: i18n.t(*lang, "book-language"),
            })
            .collect(),
        intro_title: views
            .iter()
            .map(|(l, _)| i18n.t(*l, "book-intro"))
            .collect::<Vec<_>>()
            .join(" / "),
    };
    Ok(vec![
        file("book.toml", render(tera, assets, "book.toml.tera", &top)?),
        file(
            "src/SUMMARY.md",
            render(tera, assets, "SUMMARY.md.tera", &top)?,
        ),
        file(
            "src/README.md",
            render(tera, assets, "intro.md.tera", &top)?,
        ),
    ])
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
