//! The built-in catalog of documented Amazon Connect facts (`evidence/`).
//! Its format is described in `evidence/SCHEMA.md`.

use super::yaml::{self, Node};
use super::{
    bilingual, boolean, duration, fields, seq, text, value, Code, Ctx, Diagnostic, Specials,
};
use crate::model::catalog::{
    Allowed, Catalog, CatalogClaim, CategoryDef, Change, Direction, DocSource,
};
use crate::model::Remedy;
use std::collections::BTreeMap;

fn parse_sources(ctx: &mut Ctx, node: &Node) -> BTreeMap<String, DocSource> {
    let mut out = BTreeMap::new();
    let super::yaml::NodeKind::Map(pairs) = &node.kind else {
        ctx.error(
            Code::WrongShape,
            node,
            "sources.yaml should map ids to pages",
        );
        return out;
    };
    for (k, v) in pairs {
        let Some(id) = k.as_str() else { continue };
        let Some(f) = fields(
            ctx,
            v,
            &format!("source `{id}`"),
            &["url", "title", "checked"],
        ) else {
            continue;
        };
        let url = f
            .required(ctx, "url", "a source")
            .and_then(|n| text(ctx, n, "`url`"));
        let title = f
            .required(ctx, "title", "a source")
            .and_then(|n| text(ctx, n, "`title`"));
        let checked = f
            .required(ctx, "checked", "a source")
            .and_then(|n| text(ctx, n, "`checked`"));
        if let Some(u) = url {
            if !u.starts_with("https://") {
                ctx.error(
                    Code::BadValue,
                    v,
                    format!("source `{id}` is not an https address"),
                );
            }
        }
        if let (Some(url), Some(title), Some(checked)) = (url, title, checked) {
            out.insert(
                id.to_string(),
                DocSource {
                    id: id.into(),
                    url: url.trim().into(),
                    title: title.trim().into(),
                    checked: checked.trim().into(),
                },
            );
        }
    }
    out
}

fn source_ids(ctx: &mut Ctx, node: &Node, sources: &BTreeMap<String, DocSource>) -> Vec<String> {
    let mut out = Vec::new();
    for item in seq(ctx, node, "`sources`").unwrap_or_default() {
        let Some(id) = text(ctx, item, "a source id") else {
            continue;
        };
        if sources.contains_key(id) {
            out.push(id.to_string());
        } else {
            let hint = crate::text::did_you_mean(id, sources.keys().map(String::as_str));
            let d = ctx.error(
                Code::BadReference,
                item,
                format!("source `{id}` is not in sources.yaml"),
            );
            d.hint = hint;
        }
    }
    out
}

fn change(ctx: &mut Ctx, node: &Node, sources: &BTreeMap<String, DocSource>) -> Option<Change> {
    let f = fields(
        ctx,
        node,
        "a change",
        &["direction", "remedy", "how", "allowed", "sources"],
    )?;
    let direction = f.required(ctx, "direction", "a change").and_then(|n| {
        match text(ctx, n, "`direction`")?.trim() {
            "longer" => Some(Direction::Longer),
            "shorter" => Some(Direction::Shorter),
            "stronger" => Some(Direction::Stronger),
            "any" => Some(Direction::Any),
            other => {
                ctx.error(Code::BadValue, n, format!("`{other}` is not a direction"))
                    .expected = Some("`longer`, `shorter`, `stronger` or `any`".into());
                None
            }
        }
    });
    let remedy = f.required(ctx, "remedy", "a change").and_then(|n| {
        match text(ctx, n, "`remedy`")?.trim() {
            "configure" => Some(Remedy::Configure),
            "design" => Some(Remedy::Design),
            "negotiate" => Some(Remedy::Negotiate),
            other => {
                ctx.error(Code::BadValue, n, format!("`{other}` is not a remedy"))
                    .expected = Some("`configure`, `design` or `negotiate`".into());
                None
            }
        }
    });
    let how = f
        .required(ctx, "how", "a change")
        .and_then(|n| bilingual(ctx, n, "`how`"));
    let allowed = match f.get("allowed") {
        None => None,
        Some(n) => {
            let a = fields(ctx, n, "`allowed`", &["any", "range", "values"])?;
            if a.get("any").is_some() {
                Some(Allowed::Any)
            } else if let Some(r) = a.get("range") {
                let items = seq(ctx, r, "`range`")?;
                if items.len() != 2 {
                    ctx.error(Code::BadValue, r, "`range` needs exactly two durations");
                    return None;
                }
                Some(Allowed::Range(
                    duration(ctx, &items[0], "range start")?,
                    duration(ctx, &items[1], "range end")?,
                ))
            } else if let Some(v) = a.get("values") {
                let mut vals = Vec::new();
                for item in seq(ctx, v, "`values`")? {
                    vals.push(duration(ctx, item, "an allowed value")?);
                }
                Some(Allowed::Values(vals))
            } else {
                ctx.error(
                    Code::BadValue,
                    n,
                    "`allowed` needs `any`, `range` or `values`",
                );
                None
            }
        }
    };
    let srcs = f
        .get("sources")
        .map(|n| source_ids(ctx, n, sources))
        .unwrap_or_default();
    Some(Change {
        direction: direction?,
        remedy: remedy?,
        how: how?,
        allowed,
        sources: srcs,
    })
}

fn category(
    ctx: &mut Ctx,
    node: &Node,
    expected_id: &str,
    sources: &BTreeMap<String, DocSource>,
) -> Option<CategoryDef> {
    let f = fields(
        ctx,
        node,
        "a category",
        &["id", "title", "summary", "data", "claims"],
    )?;
    let id = f
        .required(ctx, "id", "a category")
        .and_then(|n| text(ctx, n, "`id`"))
        .map(|s| s.trim().to_string());
    if let (Some(id), Some(n)) = (&id, f.get("id")) {
        if id != expected_id {
            ctx.error(
                Code::BadValue,
                n,
                format!("category id `{id}` does not match the file name (`{expected_id}`)"),
            );
        }
    }
    let title = f
        .required(ctx, "title", "a category")
        .and_then(|n| bilingual(ctx, n, "`title`"));
    let summary = f
        .required(ctx, "summary", "a category")
        .and_then(|n| bilingual(ctx, n, "`summary`"));
    let mut data = Vec::new();
    if let Some(n) = f.get("data") {
        for item in seq(ctx, n, "`data`").unwrap_or_default() {
            data.extend(bilingual(ctx, item, "a data item"));
        }
    }
    let mut claims: Vec<CatalogClaim> = Vec::new();
    if let Some(n) = f.required(ctx, "claims", "a category") {
        for item in seq(ctx, n, "`claims`").unwrap_or_default() {
            let Some(c) = fields(
                ctx,
                item,
                "a claim",
                &[
                    "property", "value", "verified", "derived", "explain", "sources", "caveats",
                    "change",
                ],
            ) else {
                continue;
            };
            let property = c
                .required(ctx, "property", "a claim")
                .and_then(|n| super::inputs::property(ctx, n));
            let value = match (property, c.required(ctx, "value", "a claim")) {
                (Some(p), Some(n)) => value(ctx, n, p, Specials { catalog: true }),
                _ => None,
            };
            let verified = c
                .get("verified")
                .map(|n| boolean(ctx, n, "`verified`").unwrap_or(false))
                .unwrap_or(true);
            let derived = c
                .get("derived")
                .map(|n| boolean(ctx, n, "`derived`").unwrap_or(false))
                .unwrap_or(false);
            let explain = c
                .required(ctx, "explain", "a claim")
                .and_then(|n| bilingual(ctx, n, "`explain`"));
            let srcs = c
                .required(ctx, "sources", "a claim")
                .map(|n| source_ids(ctx, n, sources))
                .unwrap_or_default();
            if srcs.is_empty() {
                ctx.error(
                    Code::MissingKey,
                    item,
                    "a documented claim must cite at least one source",
                )
                .hint = Some("add `sources: [id]` with an id from evidence/sources.yaml".into());
            }
            let mut caveats = Vec::new();
            if let Some(n) = c.get("caveats") {
                for cv in seq(ctx, n, "`caveats`").unwrap_or_default() {
                    caveats.extend(bilingual(ctx, cv, "a caveat"));
                }
            }
            let mut changes = Vec::new();
            if let Some(n) = c.get("change") {
                for ch in seq(ctx, n, "`change`").unwrap_or_default() {
                    changes.extend(change(ctx, ch, sources));
                }
            }
            if let (Some(property), Some(value), Some(explain)) = (property, value, explain) {
                if claims.iter().any(|x| x.property == property) {
                    ctx.error(
                        Code::Duplicate,
                        item,
                        format!("`{property}` is claimed twice in this category"),
                    );
                    continue;
                }
                claims.push(CatalogClaim {
                    property,
                    value,
                    verified,
                    derived,
                    explain,
                    sources: srcs,
                    caveats,
                    change: changes,
                    file: ctx.file.to_string(),
                    line: item.pos.line,
                });
            }
        }
    }
    Some(CategoryDef {
        id: id?,
        title: title?,
        summary: summary?,
        data,
        claims,
    })
}

/// Load the catalog from `(path, text)` pairs: `evidence/sources.yaml` and
/// every `evidence/categories/NN-id.yaml`, in file-name order.
pub fn load(
    sources_file: (&str, &str),
    category_files: &[(String, String)],
) -> Result<Catalog, Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let sources = {
        let mut ctx = Ctx {
            file: sources_file.0,
            diags: &mut diags,
        };
        match yaml::parse(sources_file.0, sources_file.1) {
            Ok(Some(n)) => parse_sources(&mut ctx, &n),
            Ok(None) => BTreeMap::new(),
            Err(d) => {
                ctx.push(d);
                BTreeMap::new()
            }
        }
    };
    let mut categories = Vec::new();
    for (path, body) in category_files {
        let stem = path
            .rsplit('/')
            .next()
            .unwrap_or(path)
            .trim_end_matches(".yaml");
        let expected_id = stem.split_once('-').map_or(stem, |(_, rest)| rest);
        let mut ctx = Ctx {
            file: path,
            diags: &mut diags,
        };
        match yaml::parse(path, body) {
            Ok(Some(n)) => categories.extend(category(&mut ctx, &n, expected_id, &sources)),
            Ok(None) => {}
            Err(d) => ctx.push(d),
        }
    }
    if diags.is_empty() {
        Ok(Catalog {
            sources,
            categories,
        })
    } else {
        Err(diags)
    }
}
