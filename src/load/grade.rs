//! The IPA 非機能要求グレード 2018 mapping (`ipa_grade` of
//! `evidence/frameworks.yaml`), read in the load tier: a requirement can
//! name a grade item (`grade: E.6.1.1`), and the requirements loader checks
//! it against these ids. The pack (`nfr-grade.csv`, the XLSX sheet) and
//! OSCAL read the same types through `pack::frameworks`.

use super::yaml::Node;
use super::{fields, seq, text, Code, Ctx};
use crate::model::requirement::{CategorySel, Condition};
use crate::model::{Identity, KeyOwner, Property, ValueKind};
use serde::Serialize;

/// How far an IPA grade mapping could be confirmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum IpaLevel {
    /// A metric number confirmed against IPA's own material.
    Metric,
    /// The metric could not be confirmed: mapped to its middle item.
    Middle,
}

/// One row of the IPA 非機能要求グレード sheet (`nfr-grade.csv`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IpaMetric {
    /// `E.6` (middle) or `E.6.1.1` (metric).
    pub id: String,
    /// How far it was confirmed.
    pub level: IpaLevel,
    /// 大項目, as IPA wrote it.
    pub major: String,
    /// 中項目.
    pub middle: String,
    /// 小項目 (level metric only).
    pub item: Option<String>,
    /// メトリクス (level metric only).
    pub metric: Option<String>,
    /// Properties whose claims answer it.
    pub properties: Vec<Property>,
    /// Only these categories (empty: every one).
    pub categories: Vec<String>,
}

/// The IPA grade mapping with IPA's notice.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct IpaGrade {
    /// IPA's copyright notice.
    pub notice: String,
    /// Where IPA's terms of use are.
    pub terms: String,
    /// Rows, in file order.
    pub metrics: Vec<IpaMetric>,
}

impl IpaGrade {
    /// Every mapped item number, in file order (what `grade:` may name).
    pub fn ids(&self) -> Vec<String> {
        item_ids(&self.metrics)
    }
}

/// Every item number of `metrics`, in file order, without repeats.
pub fn item_ids(metrics: &[IpaMetric]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in metrics {
        if !out.contains(&m.id) {
            out.push(m.id.clone());
        }
    }
    out
}

/// The properties the items `grade` map for a requirement about
/// `category`, in file order without repeats: an item limited to some
/// categories (`categories:`) maps its properties only for those.
pub fn mapped_properties(
    metrics: &[IpaMetric],
    grade: &[String],
    category: &CategorySel,
) -> Vec<Property> {
    let mut out: Vec<Property> = Vec::new();
    for m in metrics.iter().filter(|m| grade.contains(&m.id)) {
        let applies = m.categories.is_empty()
            || matches!(category, CategorySel::One(c) if m.categories.contains(c));
        if !applies {
            continue;
        }
        for p in &m.properties {
            if !out.contains(p) {
                out.push(*p);
            }
        }
    }
    out
}

/// What an `expect` of a property of this kind takes, with an example
/// (for the message when a grade fan-out fits no property).
pub fn kind_takes(kind: ValueKind) -> String {
    let names = |v: Vec<&str>| super::list(&v);
    match kind {
        ValueKind::Bool => "`true` or `false` (`is: true`)".into(),
        ValueKind::Key => format!(
            "a key owner, one of {} (`at_least: customer-managed`)",
            names(KeyOwner::ALL.iter().map(|k| k.name()).collect())
        ),
        ValueKind::Identity => format!(
            "an identity management type, one of {}",
            names(Identity::ALL.iter().map(|k| k.name()).collect())
        ),
        ValueKind::Protocols => "a protocol version (`at_least: tls1.2`)".into(),
        ValueKind::Duration => "a duration (`at_least: 1 year`)".into(),
        ValueKind::Region => "a Region code (`is: ap-northeast-1`)".into(),
        ValueKind::Text => "free text (`is` or `one_of`)".into(),
    }
}

/// A list of strings (e.g. categories).
pub fn strings(ctx: &mut Ctx, node: &Node, what: &str) -> Vec<String> {
    seq(ctx, node, what)
        .map(|items| {
            items
                .iter()
                .filter_map(|n| text(ctx, n, what).map(|s| s.trim().to_string()))
                .collect()
        })
        .unwrap_or_default()
}

/// A list of properties; an unknown one is an error with a suggestion.
pub fn properties(ctx: &mut Ctx, node: &Node) -> Vec<Property> {
    let mut properties = Vec::new();
    let Some(items) = seq(ctx, node, "properties") else {
        return properties;
    };
    for n in items {
        let Some(s) = text(ctx, n, "a property") else {
            continue;
        };
        match Property::parse(s.trim()) {
            Some(p) => properties.push(p),
            None => {
                let d = ctx.error(
                    Code::UnknownProperty,
                    n,
                    format!("unknown property `{}`", s.trim()),
                );
                d.hint =
                    crate::text::did_you_mean(s.trim(), Property::ALL.iter().map(|p| p.name()));
            }
        }
    }
    properties
}

fn ipa_metric(ctx: &mut Ctx, node: &Node) -> Option<IpaMetric> {
    let f = fields(
        ctx,
        node,
        "an IPA grade metric",
        &[
            "id",
            "level",
            "major",
            "middle",
            "item",
            "metric",
            "properties",
            "categories",
        ],
    )?;
    let mut req = |k: &str| {
        f.required(ctx, k, "an IPA grade metric")
            .and_then(|n| text(ctx, n, k))
            .map(|s| s.trim().to_string())
    };
    let (id, major, middle) = (req("id"), req("major"), req("middle"));
    let opt = |ctx: &mut Ctx, k: &str| {
        f.get(k)
            .and_then(|n| text(ctx, n, k))
            .map(|s| s.trim().to_string())
    };
    let (item, metric) = (opt(ctx, "item"), opt(ctx, "metric"));
    let level = f
        .required(ctx, "level", "an IPA grade metric")
        .and_then(|n| {
            let s = text(ctx, n, "the level")?;
            let l = match s.trim() {
                "metric" => Some(IpaLevel::Metric),
                "middle" => Some(IpaLevel::Middle),
                _ => None,
            };
            if l.is_none() {
                ctx.error(Code::BadValue, n, format!("unknown level `{}`", s.trim()))
                    .expected = Some("`metric` or `middle`".into());
            }
            l
        });
    let properties = f
        .required(ctx, "properties", "an IPA grade metric")
        .map(|n| properties(ctx, n))
        .unwrap_or_default();
    let categories = f
        .get("categories")
        .map(|n| strings(ctx, n, "categories"))
        .unwrap_or_default();
    let (id, level) = (id?, level?);
    let depth = id.split('.').count();
    let want = if level == IpaLevel::Metric { 4 } else { 2 };
    if depth != want || (level == IpaLevel::Metric) != (item.is_some() && metric.is_some()) {
        ctx.error(
            Code::BadValue,
            node,
            format!("IPA item {id} does not match its level"),
        )
        .hint = Some(
            "a `metric` has a number like E.6.1.1 and names its `item` and `metric`; a `middle` one a number like E.6 and neither"
                .into(),
        );
    }
    Some(IpaMetric {
        id,
        level,
        major: major?,
        middle: middle?,
        item,
        metric,
        properties,
        categories,
    })
}

pub fn ipa_grade(ctx: &mut Ctx, node: &Node) -> Option<IpaGrade> {
    let f = fields(ctx, node, "ipa_grade", &["notice", "terms", "metrics"])?;
    let mut req = |k: &str| {
        f.required(ctx, k, "ipa_grade")
            .and_then(|n| text(ctx, n, k))
            .map(|s| s.trim().to_string())
    };
    let (notice, terms) = (req("notice"), req("terms"));
    let metrics = f
        .required(ctx, "metrics", "ipa_grade")
        .and_then(|n| seq(ctx, n, "metrics"))
        .map(|items| items.iter().filter_map(|n| ipa_metric(ctx, n)).collect())
        .unwrap_or_default();
    Some(IpaGrade {
        notice: notice?,
        terms: terms?,
        metrics,
    })
}

/// A requirement's `grade:`: one IPA item number or a list of them, each
/// one the mapping knows (`known`, from [`IpaGrade::ids`]). An unknown
/// number is an error at its position with a did-you-mean.
pub fn requirement_grades(ctx: &mut Ctx, node: &Node, known: &[String]) -> Option<Vec<String>> {
    let items: Vec<&Node> = if node.as_str().is_some() {
        vec![node]
    } else {
        seq(ctx, node, "`grade`")?.iter().collect()
    };
    let mut out: Vec<String> = Vec::new();
    let mut ok = true;
    for n in items {
        let Some(s) = text(ctx, n, "`grade`").map(str::trim) else {
            ok = false;
            continue;
        };
        if known.iter().any(|k| k == s) {
            if !out.iter().any(|x| x == s) {
                out.push(s.to_string());
            }
            continue;
        }
        ok = false;
        // A finer number under an item shoko maps only at the middle level
        // (E.6.1.1 under E.6) points at that item.
        let parent = known
            .iter()
            .find(|k| s.starts_with(&format!("{k}.")))
            .map(|k| format!("shoko maps `{k}` as a whole (its metrics could not be confirmed against IPA's own material): write `grade: {k}`"));
        let hint = parent
            .or_else(|| crate::text::did_you_mean(s, known.iter().map(String::as_str)))
            .or_else(|| near(s, known).map(|k| format!("did you mean `{k}`?")));
        let d = ctx.error(
            Code::BadReference,
            n,
            format!("`{s}` is not an IPA 非機能要求グレード item that shoko maps"),
        );
        d.expected = Some(if known.is_empty() {
            "no `grade:` (the framework mapping has no IPA grade items)".into()
        } else {
            format!(
                "one of {}",
                super::list(&known.iter().map(String::as_str).collect::<Vec<_>>())
            )
        });
        d.hint = hint.or_else(|| {
            Some("the items are listed in nfr-grade.csv of the evidence pack (`ipa_grade` of evidence/frameworks.yaml)".into())
        });
    }
    ok.then_some(out)
}

/// The one known number `got` is a slip for: the same letters and digits
/// (`E5`, `e.5` for `E.5`), or one edit away when no other is.
fn near<'a>(got: &str, known: &'a [String]) -> Option<&'a str> {
    let bare = |s: &str| -> String {
        s.chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_uppercase())
            .collect()
    };
    if let Some(k) = known.iter().find(|k| bare(k) == bare(got)) {
        return Some(k);
    }
    let close: Vec<&String> = known
        .iter()
        .filter(|k| strsim::osa_distance(got, k) <= 1)
        .collect();
    match close.as_slice() {
        [one] => Some(one.as_str()),
        _ => None,
    }
}

/// The requirements a `grade:` without `property` stands for: each property
/// the items map (for `category`) whose value kind `expect` fits, with its
/// conditions. Free-text properties are left out when the expect is typed
/// (`is: true` is a yes/no, not a text). None fits: an error at `expect`.
pub fn fan_out(
    ctx: &mut Ctx,
    expect: &Node,
    grade_node: &Node,
    metrics: &[IpaMetric],
    grade: &[String],
    category: &CategorySel,
) -> Option<Vec<(Property, Vec<Condition>)>> {
    // The shape first, so that a misspelt key is reported as such.
    let before = ctx.diags.len();
    fields(
        ctx,
        expect,
        "`expect`",
        &["at_least", "at_most", "one_of", "is"],
    )?;
    if ctx.diags.len() > before {
        return None;
    }
    let items = super::list(&grade.iter().map(String::as_str).collect::<Vec<_>>());
    let mapped = mapped_properties(metrics, grade, category);
    if mapped.is_empty() {
        let cat = match category {
            CategorySel::All => "every category (`*`)".to_string(),
            CategorySel::One(c) => format!("category `{c}`"),
        };
        let d = ctx.error(
            Code::BadReference,
            grade_node,
            format!("{items} maps no property for {cat}"),
        );
        d.expected = Some("an item whose properties concern this category".into());
        d.hint = Some("name the `property:` the requirement is about".into());
        return None;
    }
    let file = ctx.file;
    let fits = |p: Property| {
        let mut scratch = Vec::new();
        let mut c = Ctx {
            file,
            diags: &mut scratch,
        };
        let out = super::inputs::conditions(&mut c, expect, p);
        out.filter(|_| scratch.is_empty())
    };
    let typed = Property::ALL
        .iter()
        .any(|p| p.kind() != ValueKind::Text && fits(*p).is_some());
    let out: Vec<(Property, Vec<Condition>)> = mapped
        .iter()
        .filter(|p| !(typed && p.kind() == ValueKind::Text))
        .filter_map(|p| fits(*p).map(|c| (*p, c)))
        .collect();
    if out.is_empty() {
        let takes: Vec<String> = mapped
            .iter()
            .map(|p| format!("`{p}` takes {}", kind_takes(p.kind())))
            .collect();
        let d = ctx.error(
            Code::BadExpect,
            expect,
            format!("`expect` fits none of the properties {items} maps to"),
        );
        d.expected = Some(format!(
            "an `expect` one of them takes: {}",
            takes.join("; ")
        ));
        d.hint = Some(
            "change `expect` to fit one of them, or name the `property:` the requirement is about"
                .into(),
        );
        return None;
    }
    Some(out)
}

#[cfg(test)]
#[path = "grade_tests.rs"]
mod tests;
