//! A requirement's `scope:` — the subset of a category's objects it is about
//! (`scope: { tag: "legal-hold=true" }` or `scope: { prefix: "holds/" }`).
//! Scopes narrow retention of data kept in the customer's S3 bucket, where
//! lifecycle rules filter by key prefix and object tag.

use super::yaml::{Node, NodeKind};
use super::{fields, text, Code, Ctx};
use crate::model::requirement::{CategorySel, Scope, SCOPABLE};
use crate::model::Property;

/// S3's limits on an object tag (the key up to 128 characters, the value
/// up to 256) and on an object key (1024 bytes).
const TAG_KEY_MAX: usize = 128;
const TAG_VALUE_MAX: usize = 256;
const KEY_MAX: usize = 1024;

/// Read a `scope:` mapping. `category` and `property` are the requirement's
/// (when they loaded): a scope needs `retention` on one S3-backed category.
pub fn scope(
    ctx: &mut Ctx,
    node: &Node,
    category: Option<&CategorySel>,
    property: Option<Property>,
) -> Option<Scope> {
    let f = fields(ctx, node, "`scope`", &["tag", "prefix"])?;
    let parsed = match (f.get("tag"), f.get("prefix")) {
        (Some(_), Some(p)) => {
            let d = ctx.error(Code::BadValue, p, "`scope` names both a tag and a prefix");
            d.expected = Some("one of `tag` or `prefix`".into());
            d.hint = Some(
                "a lifecycle rule can filter on both, but a requirement names one subset: \
                 write two requirements, or use the tag alone"
                    .into(),
            );
            None
        }
        // Unknown keys only: `fields` has said so.
        (None, None) if matches!(&node.kind, NodeKind::Map(p) if !p.is_empty()) => None,
        (None, None) => {
            let d = ctx.error(Code::MissingKey, node, "`scope` names no subset");
            d.expected = Some("`tag: \"key=value\"` or `prefix: \"folder/\"`".into());
            None
        }
        (Some(t), None) => tag(ctx, t),
        (None, Some(p)) => prefix(ctx, p),
    }?;
    if property.is_some_and(|p| p != Property::Retention) {
        let d = ctx.error(
            Code::BadValue,
            node,
            format!(
                "`scope` applies to `retention` only, not to `{}`",
                property.map(|p| p.name()).unwrap_or_default()
            ),
        );
        d.expected = Some("`property: retention`".into());
        d.hint = Some("remove `scope`, or make this a retention requirement".into());
        return None;
    }
    match category {
        Some(CategorySel::One(c)) if SCOPABLE.contains(&c.as_str()) => Some(parsed),
        Some(CategorySel::One(c)) => {
            let d = ctx.error(
                Code::BadValue,
                node,
                format!("`{c}` is not kept as objects in an S3 bucket: `scope` cannot narrow it"),
            );
            d.expected = Some(format!("a category among {}", super::list(SCOPABLE)));
            None
        }
        Some(CategorySel::All) => {
            let d = ctx.error(
                Code::BadValue,
                node,
                "`scope` needs one category, not \"*\"",
            );
            d.expected = Some(format!("a category among {}", super::list(SCOPABLE)));
            d.hint = Some(
                "a tag or prefix names objects in one bucket: write one requirement per category"
                    .into(),
            );
            None
        }
        None => None,
    }
}

fn tag(ctx: &mut Ctx, node: &Node) -> Option<Scope> {
    let s = text(ctx, node, "`scope.tag`")?.trim();
    let Some((k, v)) = s.split_once('=') else {
        let d = ctx.error(
            Code::BadValue,
            node,
            format!("`{s}` is not a tag: the `=` between key and value is missing"),
        );
        d.expected = Some("`key=value`, e.g. `legal-hold=true`".into());
        d.hint = Some(format!("write `{s}=true` if the tag's value is `true`"));
        return None;
    };
    let (k, v) = (k.trim(), v.trim());
    if k.is_empty() {
        let d = ctx.error(Code::BadValue, node, format!("`{s}` has an empty tag key"));
        d.expected = Some("`key=value`, e.g. `legal-hold=true`".into());
        return None;
    }
    if k.chars().count() > TAG_KEY_MAX || v.chars().count() > TAG_VALUE_MAX {
        let d = ctx.error(Code::BadValue, node, "the tag is longer than S3 allows");
        d.expected = Some(format!(
            "a key of at most {TAG_KEY_MAX} characters and a value of at most {TAG_VALUE_MAX}"
        ));
        return None;
    }
    Some(Scope::Tag {
        key: k.to_string(),
        value: v.to_string(),
    })
}

fn prefix(ctx: &mut Ctx, node: &Node) -> Option<Scope> {
    let s = text(ctx, node, "`scope.prefix`")?.trim();
    if s.starts_with('/') {
        let d = ctx.error(
            Code::BadValue,
            node,
            format!("`{s}` starts with `/`; S3 object keys do not"),
        );
        d.expected = Some("a key prefix from the bucket's root, e.g. `holds/`".into());
        d.hint = Some(format!("write `{}`", s.trim_start_matches('/')));
        return None;
    }
    if s.starts_with("s3://") {
        let d = ctx.error(
            Code::BadValue,
            node,
            format!("`{s}` is a URL; `prefix` is a key prefix inside the bucket"),
        );
        d.expected = Some("a key prefix from the bucket's root, e.g. `holds/`".into());
        return None;
    }
    if s.len() > KEY_MAX {
        ctx.error(
            Code::BadValue,
            node,
            "the prefix is longer than an S3 key can be",
        )
        .expected = Some(format!("at most {KEY_MAX} bytes"));
        return None;
    }
    Some(Scope::Prefix(s.to_string()))
}

#[cfg(test)]
#[path = "scope_tests.rs"]
mod tests;
