use super::*;
use crate::model::{Bilingual, KeyOwner, Priority};

fn req(id: &str, category: &str, property: Property, expect: Vec<Condition>) -> Requirement {
    Requirement {
        id: id.into(),
        title: Bilingual::default(),
        category: if category == "*" {
            CategorySel::All
        } else {
            CategorySel::One(category.into())
        },
        property,
        expect,
        priority: Priority::Must,
        grade: Vec::new(),
        scope: None,
        line: 1,
    }
}

fn d(s: &str) -> Expected {
    Expected::Duration(Duration::parse(s).expect("duration"))
}

fn catalog() -> Catalog {
    crate::assets::catalog(&crate::assets::Assets::default()).expect("catalog")
}

#[test]
fn at_most_six_months_and_at_least_five_years_conflict() {
    let reqs = [
        req(
            "RET-01",
            "contact-records",
            Property::Retention,
            vec![Condition::AtMost(d("6 months"))],
        ),
        req(
            "RET-02",
            "contact-records",
            Property::Retention,
            vec![Condition::AtLeast(d("5 years"))],
        ),
    ];
    let found = find(&reqs, &catalog());
    assert_eq!(found.len(), 1);
    assert_eq!(
        (found[0].first.as_str(), found[0].second.as_str()),
        ("RET-01", "RET-02")
    );
    assert_eq!(found[0].categories, ["contact-records"]);
}

#[test]
fn overlapping_limits_and_other_categories_do_not_conflict() {
    let reqs = [
        req(
            "A",
            "contact-records",
            Property::Retention,
            vec![Condition::AtMost(d("3 years"))],
        ),
        req(
            "B",
            "contact-records",
            Property::Retention,
            vec![Condition::AtLeast(d("1 year"))],
        ),
        // Only a calendar band apart: not certain, so no conflict.
        req(
            "C",
            "call-recordings",
            Property::Retention,
            vec![Condition::AtMost(d("1 year"))],
        ),
        req(
            "D",
            "call-recordings",
            Property::Retention,
            vec![Condition::AtLeast(d("365 days"))],
        ),
        req(
            "E",
            "flow-logs",
            Property::Retention,
            vec![Condition::AtLeast(d("10 years"))],
        ),
    ];
    assert!(find(&reqs, &catalog()).is_empty());
}

#[test]
fn a_fan_out_requirement_conflicts_where_both_apply() {
    let reqs = [
        req(
            "ENC-01",
            "*",
            Property::EncryptionAtRestKey,
            vec![Condition::OneOf(vec![Expected::Key(
                KeyOwner::CustomerManaged,
            )])],
        ),
        req(
            "ENC-09",
            "call-recordings",
            Property::EncryptionAtRestKey,
            vec![Condition::Is(Expected::Key(KeyOwner::AwsOwned))],
        ),
    ];
    let found = find(&reqs, &catalog());
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].categories, ["call-recordings"]);
}

#[test]
fn the_built_in_example_has_exactly_the_retention_conflict() {
    let assets = crate::assets::Assets::default();
    let cat = catalog();
    let text = assets
        .get("evidence/examples/requirements.yaml")
        .expect("example")
        .text();
    let reqs =
        crate::load::inputs::load_requirements("requirements.yaml", &text, &cat.category_ids())
            .expect("loads")
            .requirements;
    let found = find(&reqs, &cat);
    let pairs: Vec<(&str, &str)> = found
        .iter()
        .map(|c| (c.first.as_str(), c.second.as_str()))
        .collect();
    assert_eq!(pairs, [("RET-01", "RET-02")]);
}

fn gap(req: &str, category: &str, remedy: Remedy) -> Verdict {
    Verdict {
        requirement: req.into(),
        category: category.into(),
        status: Status::Gap,
        remedy: Some(remedy),
        reason: crate::model::verdict::Reason::NoEvidence,
    }
}

#[test]
fn keeping_records_longer_breaks_the_shorter_limit() {
    let reqs = [
        req(
            "RET-01",
            "contact-records",
            Property::Retention,
            vec![Condition::AtMost(d("6 months"))],
        ),
        req(
            "RET-02",
            "contact-records",
            Property::Retention,
            vec![Condition::AtLeast(d("5 years"))],
        ),
    ];
    let found = remedy_clashes(
        &reqs,
        &[gap("RET-02", "contact-records", Remedy::Design)],
        &[],
        &catalog(),
    );
    assert_eq!(found.len(), 1);
    assert_eq!(
        (found[0].remedy_of.as_str(), found[0].breaks.as_str()),
        ("RET-02", "RET-01")
    );
    assert_eq!(found[0].category, "contact-records");
    // A negotiated requirement keeps nothing longer; a limit longer than
    // the remedy needs is not broken.
    assert!(remedy_clashes(
        &reqs,
        &[gap("RET-02", "contact-records", Remedy::Negotiate)],
        &[],
        &catalog()
    )
    .is_empty());
    let loose = [
        req(
            "RET-01",
            "contact-records",
            Property::Retention,
            vec![Condition::AtMost(d("10 years"))],
        ),
        reqs[1].clone(),
    ];
    assert!(remedy_clashes(
        &loose,
        &[gap("RET-02", "contact-records", Remedy::Design)],
        &[],
        &catalog()
    )
    .is_empty());
}

fn scoped(mut r: Requirement, scope: Option<crate::model::requirement::Scope>) -> Requirement {
    r.scope = scope;
    r
}

#[test]
fn requirements_on_different_scopes_do_not_conflict() {
    use crate::model::requirement::Scope;
    let flagged = Some(Scope::Tag {
        key: "legal-hold".into(),
        value: "true".into(),
    });
    let keep = req(
        "KEEP",
        "call-recordings",
        Property::Retention,
        vec![Condition::AtLeast(d("5 years"))],
    );
    let purge = req(
        "PURGE",
        "call-recordings",
        Property::Retention,
        vec![Condition::AtMost(d("1 month"))],
    );
    let c = catalog();
    // Same (absent) scope: 5 years and 1 month cannot both hold.
    assert_eq!(find(&[keep.clone(), purge.clone()], &c).len(), 1);
    // Flagged recordings 5 years, the rest 1 month: one checkable pair.
    let pair = [scoped(keep.clone(), flagged.clone()), purge.clone()];
    assert!(find(&pair, &c).is_empty());
    // Two different scopes neither.
    let other = Some(Scope::Prefix("holds/".into()));
    let pair = [
        scoped(keep.clone(), flagged.clone()),
        scoped(purge.clone(), other),
    ];
    assert!(find(&pair, &c).is_empty());
    // The same scope twice still conflicts.
    let pair = [scoped(keep, flagged.clone()), scoped(purge, flagged)];
    assert_eq!(find(&pair, &c).len(), 1);
}

#[test]
fn a_remedy_on_one_scope_does_not_clash_with_another_scope() {
    use crate::model::requirement::Scope;
    let keep = scoped(
        req(
            "KEEP",
            "call-recordings",
            Property::Retention,
            vec![Condition::AtLeast(d("5 years"))],
        ),
        Some(Scope::Prefix("holds/".into())),
    );
    let purge = req(
        "PURGE",
        "call-recordings",
        Property::Retention,
        vec![Condition::AtMost(d("1 month"))],
    );
    let v = gap("KEEP", "call-recordings", Remedy::Configure);
    let clashes = remedy_clashes(
        &[keep.clone(), purge.clone()],
        std::slice::from_ref(&v),
        &[],
        &catalog(),
    );
    assert!(clashes.is_empty(), "{clashes:?}");
    let unscoped = scoped(keep, None);
    let clashes = remedy_clashes(&[unscoped, purge], &[v], &[], &catalog());
    assert_eq!(clashes.len(), 1);
}

#[test]
fn scopable_categories_are_the_s3_backed_ones() {
    assert_eq!(crate::model::requirement::SCOPABLE, crate::gap::S3_BACKED);
}
