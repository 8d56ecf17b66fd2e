//! Loading and validation: YAML files into trusted model types.
//!
//! Two stages, as in cargo-deny: [`yaml`] reads a tree that remembers
//! positions, then each loader walks it, checks every key and value, and
//! collects every problem before giving up. Downstream code receives types
//! it can trust, or the full list of [`Diagnostic`]s.

pub mod catalog;
pub mod diag;
pub mod grade;
pub mod inputs;
pub mod scope;
pub mod yaml;

pub use diag::{Code, Diagnostic, Diagnostics};

use crate::model::{Bilingual, Duration, Identity, KeyOwner, Property, Protocol, Value, ValueKind};
use yaml::{Node, NodeKind, Pos};

/// Largest input file accepted (bytes).
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;

/// Collects diagnostics for one file.
pub struct Ctx<'a> {
    /// The file as the user named it.
    pub file: &'a str,
    /// Problems found so far.
    pub diags: &'a mut Vec<Diagnostic>,
}

impl Ctx<'_> {
    /// Record a problem.
    pub fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }
    /// Record a problem at a node.
    pub fn error(
        &mut self,
        code: Code,
        node: &Node,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.diags
            .push(Diagnostic::new(code, self.file, node.pos, message));
        let last = self.diags.len() - 1;
        &mut self.diags[last]
    }
}

/// Decode file bytes as UTF-8 text, or say where it stops being UTF-8.
pub fn decode(file: &str, bytes: &[u8]) -> Result<String, Diagnostic> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Diagnostic::new(
            Code::TooLarge,
            file,
            Pos { line: 1, col: 1 },
            format!(
                "the file is {} bytes; the limit is {} bytes",
                bytes.len(),
                MAX_FILE_BYTES
            ),
        )
        .hint(
            "requirements and answers files are a few kilobytes; check that this is the right file",
        ));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            // Lines end as in YAML (CR LF, CR, LF), so this position agrees
            // with the ones the parser reports.
            let good = &bytes[..e.valid_up_to()];
            let (mut line, mut start) = (1, 0);
            for (i, b) in good.iter().enumerate() {
                let lf_after_cr = *b == b'\n' && i > 0 && good[i - 1] == b'\r';
                if (*b == b'\n' || *b == b'\r') && !lf_after_cr {
                    line += 1;
                }
                if *b == b'\n' || *b == b'\r' {
                    start = i + 1;
                }
            }
            let col = String::from_utf8_lossy(&good[start..]).chars().count() + 1;
            Err(Diagnostic::new(
                Code::Unreadable,
                file,
                Pos { line, col },
                "the file is not UTF-8 text",
            )
            .expected("UTF-8 encoded YAML")
            .hint("save the file as UTF-8 (Shift_JIS and UTF-16 are not read)"))
        }
    }
}

/// A mapping whose keys have been checked against the allowed set.
pub struct Fields<'n> {
    /// The mapping node itself.
    pub node: &'n Node,
    pairs: &'n [(Node, Node)],
}

impl<'n> Fields<'n> {
    /// The value of `key`, if present.
    pub fn get(&self, key: &str) -> Option<&'n Node> {
        self.pairs
            .iter()
            .find(|(k, _)| k.as_str() == Some(key))
            .map(|(_, v)| v)
    }
    /// The value of `key`, or a missing-key diagnostic.
    pub fn required(&self, ctx: &mut Ctx, key: &str, what: &str) -> Option<&'n Node> {
        let v = self.get(key);
        if v.is_none() {
            ctx.error(
                Code::MissingKey,
                self.node,
                format!("{what} has no `{key}`"),
            )
            .expected = Some(format!("the `{key}:` key"));
        }
        v
    }
}

/// Read a mapping, reporting unknown and repeated keys.
pub fn fields<'n>(
    ctx: &mut Ctx,
    node: &'n Node,
    what: &str,
    allowed: &[&str],
) -> Option<Fields<'n>> {
    let NodeKind::Map(pairs) = &node.kind else {
        ctx.error(
            Code::WrongShape,
            node,
            format!("{what} should be a mapping, found {}", node.shape()),
        )
        .expected = Some(format!("a mapping with keys {}", list(allowed)));
        return None;
    };
    let mut seen: Vec<&str> = Vec::new();
    for (k, _) in pairs {
        let Some(key) = k.as_str() else {
            ctx.error(Code::WrongShape, k, "a key should be a plain word");
            continue;
        };
        if !allowed.contains(&key) {
            let hint = crate::text::did_you_mean(key, allowed.iter().copied());
            let d = ctx.error(
                Code::UnknownKey,
                k,
                format!("unknown key `{key}` in {what}"),
            );
            d.expected = Some(format!("one of {}", list(allowed)));
            d.hint = hint;
        } else if seen.contains(&key) {
            ctx.error(
                Code::Duplicate,
                k,
                format!("`{key}` appears twice in {what}"),
            )
            .hint = Some("keep one; YAML would silently drop the other".into());
        }
        seen.push(key);
    }
    Some(Fields { node, pairs })
}

/// `a`, `b`, `c` for messages.
pub fn list(items: &[&str]) -> String {
    items
        .iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A scalar's text, or a wrong-shape diagnostic.
pub fn text<'n>(ctx: &mut Ctx, node: &'n Node, what: &str) -> Option<&'n str> {
    match node.as_str() {
        Some(s) if !s.trim().is_empty() => Some(s),
        _ => {
            ctx.error(
                Code::WrongShape,
                node,
                format!("{what} should be text, found {}", node.shape()),
            );
            None
        }
    }
}

/// In a flow mapping, `{ en: Sample Bank Co., Ltd. }` is YAML for the text
/// `Sample Bank Co.` plus a key `Ltd.` with no value. Nobody means that: put
/// such value-less plain keys back into the text before them.
fn rejoin_flow_commas(node: &Node) -> Node {
    let NodeKind::Map(pairs) = &node.kind else {
        return node.clone();
    };
    let mut out: Vec<(Node, Node)> = Vec::with_capacity(pairs.len());
    for (k, v) in pairs {
        let stray = matches!(&k.kind, NodeKind::Scalar { quoted: false, .. })
            && matches!(&v.kind, NodeKind::Scalar { text, quoted: false } if text.is_empty() || text == "~")
            && !matches!(k.as_str(), Some("ja") | Some("en"));
        if let (true, Some((_, prev))) = (stray, out.last_mut()) {
            if let NodeKind::Scalar {
                text,
                quoted: false,
            } = &mut prev.kind
            {
                text.push_str(", ");
                text.push_str(k.as_str().unwrap_or_default());
                continue;
            }
        }
        out.push((k.clone(), v.clone()));
    }
    Node {
        pos: node.pos,
        kind: NodeKind::Map(out),
    }
}

/// `{ ja: ..., en: ... }`.
pub fn bilingual(ctx: &mut Ctx, node: &Node, what: &str) -> Option<Bilingual> {
    let node = &rejoin_flow_commas(node);
    let f = fields(ctx, node, what, &["ja", "en"])?;
    let ja = f
        .required(ctx, "ja", what)
        .and_then(|n| text(ctx, n, &format!("{what} (ja)")));
    let en = f
        .required(ctx, "en", what)
        .and_then(|n| text(ctx, n, &format!("{what} (en)")));
    Some(Bilingual::new(ja?.trim(), en?.trim()))
}

/// Text in both languages, or one text used for both (a plain text, or a
/// mapping with only `ja` or only `en`).
pub fn bilingual_or_text(ctx: &mut Ctx, node: &Node, what: &str) -> Option<Bilingual> {
    let one = |ctx: &mut Ctx, n: &Node, what: &str| {
        text(ctx, n, what).map(|s| Bilingual::new(s.trim(), s.trim()))
    };
    match &node.kind {
        NodeKind::Scalar { .. } => one(ctx, node, what),
        NodeKind::Map(pairs) if pairs.len() == 1 => {
            let (k, v) = &pairs[0];
            match k.as_str() {
                Some(lang @ ("ja" | "en")) => one(ctx, v, &format!("{what} ({lang})")),
                _ => bilingual(ctx, node, what),
            }
        }
        _ => bilingual(ctx, node, what),
    }
}

/// A list node's items, or a wrong-shape diagnostic.
pub fn seq<'n>(ctx: &mut Ctx, node: &'n Node, what: &str) -> Option<&'n [Node]> {
    match &node.kind {
        NodeKind::Seq(items) => Some(items),
        _ => {
            ctx.error(
                Code::WrongShape,
                node,
                format!("{what} should be a list, found {}", node.shape()),
            );
            None
        }
    }
}

/// A `true`/`false` value.
pub fn boolean(ctx: &mut Ctx, node: &Node, what: &str) -> Option<bool> {
    match node.as_str().map(|s| s.trim().to_ascii_lowercase()) {
        Some(s) if s == "true" || s == "yes" => Some(true),
        Some(s) if s == "false" || s == "no" => Some(false),
        _ => {
            ctx.error(
                Code::BadValue,
                node,
                format!("{what} should be true or false"),
            )
            .expected = Some("`true` or `false`".into());
            None
        }
    }
}

/// Parse a duration node, with the accepted forms as the hint.
pub fn duration(ctx: &mut Ctx, node: &Node, what: &str) -> Option<Duration> {
    let s = text(ctx, node, what)?;
    match Duration::parse(s) {
        Ok(d) => Some(d),
        Err(e) => {
            let d = ctx.error(Code::BadDuration, node, format!("{what}: {}", e.message));
            d.expected = Some("a duration".into());
            d.hint = Some(format!(
                "accepted forms: {}",
                crate::model::duration::ACCEPTED_FORMS
            ));
            None
        }
    }
}

/// Does this look like an AWS Region code (`ap-northeast-1`, `us-gov-west-1`)?
pub fn is_region_code(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() >= 3
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
        && parts[0].len() == 2
        && parts
            .last()
            .is_some_and(|p| p.chars().all(|c| c.is_ascii_digit()))
}

/// Which special words a value may take.
#[derive(Clone, Copy)]
pub struct Specials {
    /// `customer-defined`, `instance-region`, `instance-lifetime` (catalog only).
    pub catalog: bool,
}

/// One value of one property (used by the catalog and the answers file).
pub fn value(ctx: &mut Ctx, node: &Node, property: Property, specials: Specials) -> Option<Value> {
    let what = format!("the value of `{property}`");
    if let Some(s) = node.as_str() {
        let s = s.trim();
        match s {
            "not-applicable" => return Some(Value::NotApplicable),
            "customer-defined" if specials.catalog => return Some(Value::CustomerDefined),
            "instance-region" if specials.catalog && property == Property::Region => {
                return Some(Value::InstanceRegion)
            }
            "instance-lifetime" if specials.catalog && property == Property::Retention => {
                return Some(Value::InstanceLifetime)
            }
            _ => {}
        }
    }
    match property.kind() {
        ValueKind::Region => {
            let s = text(ctx, node, &what)?;
            if is_region_code(s.trim()) {
                Some(Value::Region(s.trim().to_string()))
            } else {
                let d = ctx.error(
                    Code::BadValue,
                    node,
                    format!("`{s}` is not an AWS Region code"),
                );
                d.expected = Some("a Region code such as `ap-northeast-1`".into());
                None
            }
        }
        ValueKind::Text => bilingual_or_text(ctx, node, &what).map(Value::Text),
        ValueKind::Duration => duration(ctx, node, &what).map(Value::Duration),
        ValueKind::Bool => boolean(ctx, node, &what).map(Value::Bool),
        ValueKind::Key => {
            let s = text(ctx, node, &what)?;
            match KeyOwner::parse(s.trim()) {
                Some(k) => Some(Value::Key(k)),
                None => {
                    let names: Vec<&str> = KeyOwner::ALL.iter().map(|k| k.name()).collect();
                    let hint = crate::text::did_you_mean(s, names.iter().copied());
                    let d = ctx.error(Code::BadValue, node, format!("`{s}` is not a key owner"));
                    d.expected = Some(format!("one of {}", list(&names)));
                    d.hint = hint;
                    None
                }
            }
        }
        ValueKind::Identity => {
            let s = text(ctx, node, &what)?;
            match Identity::parse(s.trim()) {
                Some(x) => Some(Value::Identity(x)),
                None => {
                    let names: Vec<&str> = Identity::ALL.iter().map(|k| k.name()).collect();
                    let hint = crate::text::did_you_mean(s, names.iter().copied());
                    let d = ctx.error(
                        Code::BadValue,
                        node,
                        format!("`{s}` is not an identity management type"),
                    );
                    d.expected = Some(format!("one of {}", list(&names)));
                    d.hint = hint;
                    None
                }
            }
        }
        ValueKind::Protocols => {
            let items: Vec<&Node> = match &node.kind {
                NodeKind::Seq(items) => items.iter().collect(),
                _ => vec![node],
            };
            let mut out = Vec::new();
            for item in items {
                out.push(protocol(ctx, item)?);
            }
            out.sort();
            out.dedup();
            Some(Value::Protocols(out))
        }
    }
}

/// One transport protocol name.
pub fn protocol(ctx: &mut Ctx, node: &Node) -> Option<Protocol> {
    let s = text(ctx, node, "a protocol")?;
    match Protocol::parse(s) {
        Some(p) => Some(p),
        None => {
            let names: Vec<&str> = Protocol::ALL.iter().map(|p| p.name()).collect();
            let hint = crate::text::did_you_mean(&s.to_ascii_lowercase(), names.iter().copied());
            let d = ctx.error(
                Code::BadValue,
                node,
                format!("`{s}` is not a protocol shoko knows"),
            );
            d.expected = Some(format!("one of {}", list(&names)));
            d.hint = hint;
            None
        }
    }
}

/// A `YYYY-MM-DD` date.
pub fn date(ctx: &mut Ctx, node: &Node, what: &str) -> Option<chrono::NaiveDate> {
    let s = text(ctx, node, what)?;
    match chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d") {
        Ok(d) => Some(d),
        Err(_) => {
            let d = ctx.error(Code::BadDate, node, format!("`{s}` is not a date"));
            d.expected = Some("a date as YYYY-MM-DD, e.g. 2026-11-01".into());
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_utf8_position_counts_lines_as_yaml_does() {
        for (bytes, line, col) in [
            (&b"a: 1\nb: \xff"[..], 2, 4),
            (&b"a: 1\r\nb: \xff"[..], 2, 4),
            (&b"a: 1\rb: 2\rc: \xff"[..], 3, 4),
            (&b"\xff"[..], 1, 1),
        ] {
            let d = decode("f.yaml", bytes).unwrap_err();
            assert_eq!((d.pos.line, d.pos.col), (line, col), "{bytes:?}");
        }
    }
}
