//! The user's two input files: the buyer's requirements and the operator's
//! declared answers (formats as in `evidence/examples/`).

use super::grade::IpaMetric;
use super::yaml::{self, Node, NodeKind};
use super::{bilingual_or_text, date, fields, seq, text, value, Code, Ctx, Diagnostic, Specials};
use crate::model::answer::{Answer, Answers, Declarer, NotInUse};
use crate::model::requirement::{
    CategorySel, Condition, Customer, Expected, Requirement, Requirements,
};
use crate::model::{Priority, Property, Value, ValueKind};

fn root(ctx: &mut Ctx, text: &str) -> Option<Node> {
    match yaml::parse(ctx.file, text) {
        Ok(Some(n)) => Some(n),
        Ok(None) => {
            ctx.push(Diagnostic::new(
                Code::MissingKey,
                ctx.file,
                yaml::Pos { line: 1, col: 1 },
                "the file is empty",
            ));
            None
        }
        Err(d) => {
            ctx.push(d);
            None
        }
    }
}

fn category(ctx: &mut Ctx, node: &Node, known: &[String], allow_all: bool) -> Option<CategorySel> {
    let s = text(ctx, node, "`category`")?.trim();
    if s == "*" && allow_all {
        return Some(CategorySel::All);
    }
    if known.iter().any(|k| k == s) {
        return Some(CategorySel::One(s.to_string()));
    }
    let hint = crate::text::did_you_mean(s, known.iter().map(String::as_str));
    let d = ctx.error(
        Code::UnknownCategory,
        node,
        format!("unknown category `{s}`"),
    );
    d.expected = Some(if allow_all {
        "a category of the catalog, or \"*\" for all (`shoko categories` lists them)".into()
    } else {
        "a category of the catalog (`shoko categories` lists them)".into()
    });
    d.hint = hint;
    None
}

/// Read a property name.
pub fn property(ctx: &mut Ctx, node: &Node) -> Option<Property> {
    let s = text(ctx, node, "`property`")?.trim();
    match Property::parse(s) {
        Some(p) => Some(p),
        None => {
            let names: Vec<&str> = Property::ALL.iter().map(|p| p.name()).collect();
            let hint = crate::text::did_you_mean_typo(s, names.iter().copied());
            let d = ctx.error(
                Code::UnknownProperty,
                node,
                format!("unknown property `{s}`"),
            );
            d.expected = Some(format!("one of {}", super::list(&names)));
            d.hint = hint;
            None
        }
    }
}

fn expected(ctx: &mut Ctx, node: &Node, property: Property, ordered: bool) -> Option<Expected> {
    let what = format!("a `{property}` requirement");
    match property.kind() {
        ValueKind::Duration => super::duration(ctx, node, &what).map(Expected::Duration),
        ValueKind::Bool => super::boolean(ctx, node, &what).map(Expected::Bool),
        ValueKind::Protocols => super::protocol(ctx, node).map(Expected::Protocol),
        ValueKind::Key | ValueKind::Identity | ValueKind::Region | ValueKind::Text => {
            if ordered && !matches!(property.kind(), ValueKind::Key | ValueKind::Identity) {
                let d = ctx.error(
                    Code::BadExpect,
                    node,
                    format!("`{property}` has no order: `at_least`/`at_most` cannot apply"),
                );
                d.expected = Some("`one_of` or `is`".into());
                return None;
            }
            match value(ctx, node, property, Specials { catalog: false })? {
                Value::Key(k) => Some(Expected::Key(k)),
                Value::Identity(x) => Some(Expected::Identity(x)),
                Value::Region(r) => Some(Expected::Region(r)),
                Value::Text(t) => Some(Expected::Text(t)),
                _ => None,
            }
        }
    }
}

pub(super) fn conditions(ctx: &mut Ctx, node: &Node, property: Property) -> Option<Vec<Condition>> {
    let f = fields(
        ctx,
        node,
        "`expect`",
        &["at_least", "at_most", "one_of", "is"],
    )?;
    let mut out = Vec::new();
    let mut ok = true;
    if let Some(n) = f.get("at_least") {
        match expected(ctx, n, property, true) {
            Some(e) => out.push(Condition::AtLeast(e)),
            None => ok = false,
        }
    }
    if let Some(n) = f.get("at_most") {
        match expected(ctx, n, property, true) {
            Some(e) => out.push(Condition::AtMost(e)),
            None => ok = false,
        }
    }
    if let Some(n) = f.get("one_of") {
        let mut vals = Vec::new();
        for item in seq(ctx, n, "`one_of`").unwrap_or_default() {
            match expected(ctx, item, property, false) {
                Some(e) => vals.push(e),
                None => ok = false,
            }
        }
        if matches!(&n.kind, NodeKind::Seq(items) if items.is_empty()) {
            ctx.error(Code::BadExpect, n, "`one_of` is empty").expected =
                Some("at least one value".into());
            ok = false;
        }
        out.push(Condition::OneOf(vals));
    }
    if let Some(n) = f.get("is") {
        match expected(ctx, n, property, false) {
            Some(e) => out.push(Condition::Is(e)),
            None => ok = false,
        }
    }
    if out.is_empty() && ok {
        let d = ctx.error(Code::BadExpect, node, "`expect` has no condition");
        d.expected = Some("one or more of `at_least`, `at_most`, `one_of`, `is`".into());
        return None;
    }
    ok.then_some(out)
}

/// Load a requirements file. `known` lists the catalog's categories; no
/// IPA grade items are known (see [`load_requirements_graded`]).
pub fn load_requirements(
    file: &str,
    text_in: &str,
    known: &[String],
) -> Result<Requirements, Vec<Diagnostic>> {
    load_requirements_graded(file, text_in, known, &[])
}

/// Load a requirements file; `grades` is the IPA grade mapping
/// (`IpaGrade::metrics`): what a requirement's `grade:` may name, and the
/// properties a requirement without `property` fans out to (one
/// requirement `<id>/<property>` per mapped property its `expect` fits).
pub fn load_requirements_graded(
    file: &str,
    text_in: &str,
    known: &[String],
    grades: &[IpaMetric],
) -> Result<Requirements, Vec<Diagnostic>> {
    let ids_known = super::grade::item_ids(grades);
    let mut diags = Vec::new();
    let mut ctx = Ctx {
        file,
        diags: &mut diags,
    };
    let out = (|| {
        let root = root(&mut ctx, text_in)?;
        let f = fields(
            &mut ctx,
            &root,
            "the requirements file",
            &["customer", "requirements"],
        )?;
        let customer = f
            .required(&mut ctx, "customer", "the requirements file")
            .and_then(|n| {
                let c = fields(&mut ctx, n, "`customer`", &["name", "system"])?;
                let name = c
                    .required(&mut ctx, "name", "`customer`")
                    .and_then(|n| bilingual_or_text(&mut ctx, n, "`customer.name`"));
                let system = c
                    .required(&mut ctx, "system", "`customer`")
                    .and_then(|n| bilingual_or_text(&mut ctx, n, "`customer.system`"));
                Some(Customer {
                    name: name?,
                    system: system?,
                })
            });
        let mut reqs = Vec::new();
        let mut ids: Vec<(String, usize)> = Vec::new();
        if let Some(list) = f.required(&mut ctx, "requirements", "the requirements file") {
            for item in seq(&mut ctx, list, "`requirements`").unwrap_or_default() {
                let Some(r) = fields(
                    &mut ctx,
                    item,
                    "a requirement",
                    &[
                        "id", "title", "category", "property", "expect", "priority", "grade",
                        "scope",
                    ],
                ) else {
                    continue;
                };
                let id = r
                    .required(&mut ctx, "id", "a requirement")
                    .and_then(|n| text(&mut ctx, n, "`id`"))
                    .map(|s| s.trim().to_string());
                if let (Some(id), Some(n)) = (&id, r.get("id")) {
                    if let Some((_, line)) = ids.iter().find(|(i, _)| i == id) {
                        let line = *line;
                        ctx.error(
                            Code::Duplicate,
                            n,
                            format!("requirement id `{id}` is used twice"),
                        )
                        .hint = Some(format!("the first is on line {line}; ids must be unique"));
                    }
                    ids.push((id.clone(), n.pos.line));
                }
                let title = r
                    .required(&mut ctx, "title", "a requirement")
                    .and_then(|n| bilingual_or_text(&mut ctx, n, "`title`"));
                let category = r
                    .required(&mut ctx, "category", "a requirement")
                    .and_then(|n| category(&mut ctx, n, known, true));
                let grade = match r.get("grade") {
                    None => Some(Vec::new()),
                    Some(n) => super::grade::requirement_grades(&mut ctx, n, &ids_known),
                };
                // `Some(None)`: no `property`, a `grade` to fan out.
                let property = match (r.get("property"), r.get("grade")) {
                    (Some(n), _) => property(&mut ctx, n).map(Some),
                    (None, Some(_)) => Some(None),
                    (None, None) => r
                        .required(&mut ctx, "property", "a requirement")
                        .and_then(|n| property(&mut ctx, n))
                        .map(Some),
                };
                let expect_node = r.required(&mut ctx, "expect", "a requirement");
                let targets = match (property, expect_node) {
                    (Some(Some(p)), Some(n)) => conditions(&mut ctx, n, p).map(|c| vec![(p, c)]),
                    (Some(None), Some(n)) => match (&grade, &category, r.get("grade")) {
                        (Some(g), Some(c), Some(gn)) => {
                            super::grade::fan_out(&mut ctx, n, gn, grades, g, c)
                        }
                        _ => None,
                    },
                    _ => None,
                };
                let fanned = matches!(property, Some(None));
                let priority = match r.get("priority") {
                    None => Some(Priority::Should),
                    Some(n) => match text(&mut ctx, n, "`priority`").map(str::trim) {
                        Some("must") => Some(Priority::Must),
                        Some("should") => Some(Priority::Should),
                        Some("may") => Some(Priority::May),
                        Some(other) => {
                            let hint = crate::text::did_you_mean(other, ["must", "should", "may"]);
                            let d = ctx.error(
                                Code::BadValue,
                                n,
                                format!("`{other}` is not a priority"),
                            );
                            d.expected = Some("`must`, `should` or `may`".into());
                            d.hint = hint;
                            None
                        }
                        None => None,
                    },
                };
                // A fan-out's scope is checked against the property it
                // cannot apply to, if there is one.
                let scope_property = match (property, &targets) {
                    (Some(Some(p)), _) => Some(p),
                    (Some(None), Some(t)) => t
                        .iter()
                        .map(|(p, _)| *p)
                        .find(|p| *p != Property::Retention)
                        .or(Some(Property::Retention)),
                    _ => None,
                };
                let scope = match r.get("scope") {
                    None => Some(None),
                    Some(n) => super::scope::scope(&mut ctx, n, category.as_ref(), scope_property)
                        .map(Some),
                };
                if let (
                    Some(id),
                    Some(title),
                    Some(category),
                    Some(targets),
                    Some(priority),
                    Some(grade),
                    Some(scope),
                ) = (id, title, category, targets, priority, grade, scope)
                {
                    for (property, expect) in targets {
                        let id = if fanned {
                            let each = format!("{id}/{property}");
                            // An expanded id must not meet a written one.
                            if let (Some((_, line)), Some(n)) =
                                (ids.iter().find(|(i, _)| *i == each), r.get("id"))
                            {
                                let line = *line;
                                ctx.error(
                                    Code::Duplicate,
                                    n,
                                    format!("requirement id `{each}` is used twice"),
                                )
                                .hint = Some(format!(
                                    "`grade:` without `property` gives `{each}`, which line {line} uses too; ids must be unique"
                                ));
                            }
                            ids.push((each.clone(), item.pos.line));
                            each
                        } else {
                            id.clone()
                        };
                        reqs.push(Requirement {
                            id,
                            title: title.clone(),
                            category: category.clone(),
                            property,
                            expect,
                            priority,
                            grade: grade.clone(),
                            scope: scope.clone(),
                            line: item.pos.line,
                        });
                    }
                }
            }
        }
        Some(Requirements {
            file: file.to_string(),
            customer: customer?,
            requirements: reqs,
        })
    })();
    match out {
        Some(r) if diags.is_empty() => Ok(r),
        _ => Err(diags),
    }
}

/// Load an answers file. `known` lists the catalog's categories.
pub fn load_answers(
    file: &str,
    text_in: &str,
    known: &[String],
) -> Result<Answers, Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let mut ctx = Ctx {
        file,
        diags: &mut diags,
    };
    let out = (|| {
        let root = root(&mut ctx, text_in)?;
        let f = fields(
            &mut ctx,
            &root,
            "the answers file",
            &["declared_by", "declared_at", "answers", "not_in_use"],
        )?;
        let declared_by = f.get("declared_by").and_then(|n| {
            let d = fields(&mut ctx, n, "`declared_by`", &["name", "role"])?;
            let name = d
                .required(&mut ctx, "name", "`declared_by`")
                .and_then(|n| text(&mut ctx, n, "`declared_by.name`"));
            let role = d
                .get("role")
                .and_then(|n| bilingual_or_text(&mut ctx, n, "`declared_by.role`"));
            Some(Declarer {
                name: name?.trim().to_string(),
                role,
            })
        });
        let declared_at = f
            .get("declared_at")
            .and_then(|n| date(&mut ctx, n, "`declared_at`"));
        let mut answers: Vec<Answer> = Vec::new();
        if let Some(list) = f.required(&mut ctx, "answers", "the answers file") {
            for item in seq(&mut ctx, list, "`answers`").unwrap_or_default() {
                let Some(a) = fields(
                    &mut ctx,
                    item,
                    "an answer",
                    &["category", "property", "value", "note", "reference"],
                ) else {
                    continue;
                };
                let category = a
                    .required(&mut ctx, "category", "an answer")
                    .and_then(|n| category(&mut ctx, n, known, false));
                let property = a
                    .required(&mut ctx, "property", "an answer")
                    .and_then(|n| property(&mut ctx, n));
                let value = match (property, a.required(&mut ctx, "value", "an answer")) {
                    (Some(p), Some(n)) => value(&mut ctx, n, p, Specials { catalog: false }),
                    _ => None,
                };
                let note = a
                    .get("note")
                    .and_then(|n| bilingual_or_text(&mut ctx, n, "`note`"));
                let reference = a
                    .get("reference")
                    .and_then(|n| text(&mut ctx, n, "`reference`"))
                    .map(|s| s.trim().to_string());
                if let (Some(CategorySel::One(category)), Some(property), Some(value)) =
                    (category, property, value)
                {
                    if let Some(prev) = answers
                        .iter()
                        .find(|x| x.category == category && x.property == property)
                    {
                        let line = prev.line;
                        ctx.error(
                            Code::Duplicate,
                            item,
                            format!("`{category}` / `{property}` is answered twice"),
                        )
                        .hint = Some(format!("the first answer is on line {line}; keep one"));
                        continue;
                    }
                    answers.push(Answer {
                        category,
                        property,
                        value,
                        note,
                        reference,
                        line: item.pos.line,
                    });
                }
            }
        }
        let not_in_use = f
            .get("not_in_use")
            .map(|n| not_in_use(&mut ctx, n, known, &answers))
            .unwrap_or_default();
        Some(Answers {
            file: file.to_string(),
            declared_by,
            declared_at,
            answers,
            not_in_use,
        })
    })();
    match out {
        Some(a) if diags.is_empty() => Ok(a),
        _ => Err(diags),
    }
}

/// `not_in_use:` — categories whose feature the deployment does not use,
/// each a category id or `{ category, note, reference }`.
fn not_in_use(ctx: &mut Ctx, list: &Node, known: &[String], answers: &[Answer]) -> Vec<NotInUse> {
    let mut out: Vec<NotInUse> = Vec::new();
    for item in seq(ctx, list, "`not_in_use`").unwrap_or_default() {
        let (cat_node, note, reference) = match &item.kind {
            NodeKind::Map(_) => {
                let Some(f) = fields(
                    ctx,
                    item,
                    "a `not_in_use` entry",
                    &["category", "note", "reference"],
                ) else {
                    continue;
                };
                let note = f
                    .get("note")
                    .and_then(|n| bilingual_or_text(ctx, n, "`note`"));
                let reference = f
                    .get("reference")
                    .and_then(|n| text(ctx, n, "`reference`"))
                    .map(|s| s.trim().to_string());
                let Some(c) = f.required(ctx, "category", "a `not_in_use` entry") else {
                    continue;
                };
                (c, note, reference)
            }
            _ => (item, None, None),
        };
        let Some(CategorySel::One(cat)) = category(ctx, cat_node, known, false) else {
            continue;
        };
        if let Some(prev) = out.iter().find(|x| x.category == cat) {
            let line = prev.line;
            ctx.error(
                Code::Duplicate,
                item,
                format!("`{cat}` is declared not in use twice"),
            )
            .hint = Some(format!("the first is on line {line}; keep one"));
            continue;
        }
        if let Some(a) = answers.iter().find(|a| a.category == cat) {
            let line = a.line;
            ctx.error(
                Code::Duplicate,
                item,
                format!("`{cat}` is declared not in use but answered on line {line}"),
            )
            .hint = Some("remove the answer, or the category from `not_in_use`".into());
            continue;
        }
        out.push(NotInUse {
            category: cat,
            note,
            reference,
            line: item.pos.line,
        });
    }
    out
}
