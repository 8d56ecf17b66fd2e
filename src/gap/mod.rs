//! Gap analysis: each requirement against each claim it concerns.
//!
//! A requirement on one category meets one claim; `category: "*"` fans out to
//! every category that has a claim for the property. Each pair gets a status
//! and, for a gap, a remedy taken from the catalog's knowledge of how the
//! value can change (configure, design) or that it cannot (negotiate).

pub mod conflicts;
pub mod control;
mod scale;

use crate::model::catalog::{Allowed, Catalog, Change, Direction};
use crate::model::claim::{Claim, Provenance, UnverifiedReason};
use crate::model::duration::Standing;
use crate::model::requirement::{CategorySel, Condition, Expected, Requirement, Scope};
use crate::model::verdict::{Reason, Verdict};
use crate::model::{Duration, KeyOwner, Property, Protocol, Remedy, Status, Value};

enum Outcome {
    Pass,
    Fail(Direction),
    Unclear(Reason),
}

/// A duration's standing as an outcome: the band between a calendar unit's
/// shortest and longest length is for a person to review.
fn standing(s: Standing, direction: Direction) -> Outcome {
    match s {
        Standing::Holds => Outcome::Pass,
        Standing::Fails => Outcome::Fail(direction),
        Standing::Depends(always) => Outcome::Unclear(Reason::CalendarBand { always }),
    }
}

fn compare(value: &Value, cond: &Condition) -> Outcome {
    use Outcome::*;
    let pass = |ok: bool, dir: Direction| if ok { Pass } else { Fail(dir) };
    match (value, cond) {
        (Value::Duration(v), Condition::AtLeast(Expected::Duration(x))) => standing(v.against_at_least(x), Direction::Longer),
        (Value::Duration(v), Condition::AtMost(Expected::Duration(x))) => standing(v.against_at_most(x), Direction::Shorter),
        (Value::Duration(v), Condition::Is(Expected::Duration(x))) => match v.partial_cmp(x) {
            Some(std::cmp::Ordering::Equal) => Pass,
            Some(std::cmp::Ordering::Less) => Fail(Direction::Longer),
            Some(std::cmp::Ordering::Greater) => Fail(Direction::Shorter),
            None => Unclear(Reason::Ambiguous),
        },
        (Value::Duration(v), Condition::OneOf(xs)) => {
            if xs.iter().any(|x| matches!(x, Expected::Duration(d) if v.partial_cmp(d) == Some(std::cmp::Ordering::Equal))) {
                Pass
            } else {
                Fail(Direction::Any)
            }
        }
        (Value::Bool(v), Condition::Is(Expected::Bool(x))) => pass(v == x, Direction::Any),
        (Value::Bool(v), Condition::OneOf(xs)) => pass(xs.contains(&Expected::Bool(*v)), Direction::Any),
        (Value::Key(v), Condition::AtLeast(Expected::Key(x))) => pass(v >= x, Direction::Stronger),
        (Value::Key(v), Condition::AtMost(Expected::Key(x))) => pass(v <= x, Direction::Any),
        (Value::Key(v), Condition::Is(Expected::Key(x))) => pass(v == x, if v < x { Direction::Stronger } else { Direction::Any }),
        (Value::Key(v), Condition::OneOf(xs)) => {
            let keys: Vec<KeyOwner> = xs.iter().filter_map(|x| if let Expected::Key(k) = x { Some(*k) } else { None }).collect();
            pass(keys.contains(v), if keys.iter().any(|k| k > v) { Direction::Stronger } else { Direction::Any })
        }
        (Value::Identity(v), cond) => scale::identity(*v, cond),
        (Value::Protocols(ps), cond) => compare_protocols(ps, cond),
        (Value::Region(v), Condition::OneOf(xs)) => pass(xs.contains(&Expected::Region(v.clone())), Direction::Any),
        (Value::Region(v), Condition::Is(Expected::Region(x))) => pass(v == x, Direction::Any),
        (Value::Text(_), _) => Unclear(Reason::FreeText),
        (Value::InstanceLifetime, _) => Unclear(Reason::InstanceLifetime),
        _ => Unclear(Reason::Ambiguous),
    }
}

fn compare_protocols(ps: &[Protocol], cond: &Condition) -> Outcome {
    if ps.is_empty() {
        return Outcome::Unclear(Reason::Ambiguous);
    }
    let wanted: Vec<Protocol> = match cond {
        Condition::AtLeast(Expected::Protocol(p))
        | Condition::AtMost(Expected::Protocol(p))
        | Condition::Is(Expected::Protocol(p)) => vec![*p],
        Condition::OneOf(xs) => xs
            .iter()
            .filter_map(|x| {
                if let Expected::Protocol(p) = x {
                    Some(*p)
                } else {
                    None
                }
            })
            .collect(),
        _ => return Outcome::Unclear(Reason::Ambiguous),
    };
    let media = |p: &Protocol| p.tls_version().is_none();
    // SRTP protects media, TLS protects sessions: comparing them needs a person.
    if ps.iter().any(media) != wanted.iter().any(media) {
        return Outcome::Unclear(Reason::MediaProtocol);
    }
    let ok = match cond {
        Condition::AtLeast(Expected::Protocol(x)) => match x.tls_version() {
            Some(min) => ps.iter().all(|p| p.tls_version().is_some_and(|v| v >= min)),
            None => ps.iter().all(|p| p == x),
        },
        Condition::AtMost(Expected::Protocol(x)) => match x.tls_version() {
            Some(max) => ps.iter().all(|p| p.tls_version().is_some_and(|v| v <= max)),
            None => ps.iter().all(|p| p == x),
        },
        Condition::Is(Expected::Protocol(x)) => ps == [*x],
        _ => ps.iter().all(|p| wanted.contains(p)),
    };
    if ok {
        Outcome::Pass
    } else {
        Outcome::Fail(Direction::Stronger)
    }
}

/// The accepted retention values that would meet every condition.
fn meeting_values(allowed: &Allowed, expect: &[Condition]) -> (Vec<Duration>, bool) {
    let ok = |d: &Duration| {
        expect
            .iter()
            .all(|c| matches!(compare(&Value::Duration(*d), c), Outcome::Pass))
    };
    match allowed {
        Allowed::Any => (Vec::new(), false),
        Allowed::Values(vs) => (vs.iter().filter(|d| ok(d)).copied().collect(), false),
        Allowed::Range(lo, hi) => {
            // Narrow the range by the requirement's own limits.
            let mut low = *lo;
            let mut high = *hi;
            for c in expect {
                match c {
                    Condition::AtLeast(Expected::Duration(x)) if !low.at_least(x) => low = *x,
                    Condition::AtMost(Expected::Duration(x)) if !high.at_most(x) => high = *x,
                    _ => {}
                }
            }
            if ok(&low) && ok(&high) && low.at_most(&high) {
                (vec![low, high], true)
            } else {
                (Vec::new(), true)
            }
        }
    }
}

fn pick_change(changes: &[Change], direction: Direction) -> Vec<&Change> {
    let mut v: Vec<&Change> = changes
        .iter()
        .filter(|c| c.direction == direction)
        .collect();
    v.extend(changes.iter().filter(|c| c.direction == Direction::Any));
    if direction == Direction::Any {
        v.extend(changes.iter().filter(|c| c.direction != Direction::Any));
    }
    v
}

/// Judge one requirement against one claim.
pub fn judge(
    req: &Requirement,
    claim: Option<&Claim>,
    catalog: &Catalog,
    category: &str,
) -> Verdict {
    let verdict = |status, remedy, reason| Verdict {
        requirement: req.id.clone(),
        category: category.to_string(),
        status,
        remedy,
        reason,
    };
    let Some(claim) = claim else {
        return verdict(Status::Unverified, None, Reason::NoEvidence);
    };
    match &claim.value {
        Value::NotApplicable if declared_unused(claim) => {
            return verdict(Status::NotApplicable, None, Reason::NotInUse)
        }
        Value::NotApplicable => return verdict(Status::NotApplicable, None, Reason::NotApplicable),
        Value::CustomerDefined if claim.property.declared_only() => {
            return verdict(Status::Unverified, None, Reason::DeclareOnly)
        }
        Value::CustomerDefined => {
            return verdict(Status::Unverified, None, Reason::DependsOnConfig)
        }
        Value::InstanceRegion => {
            return verdict(Status::Unverified, None, Reason::InstanceRegionUnknown)
        }
        _ => {}
    }
    if !claim.verified {
        let reason = match claim.unverified_reason {
            Some(UnverifiedReason::Stale) => Reason::Stale,
            _ => Reason::Undocumented,
        };
        return verdict(Status::Unverified, None, reason);
    }
    let changes: &[Change] = catalog
        .category(category)
        .and_then(|c| c.claim(req.property))
        .map(|c| c.change.as_slice())
        .unwrap_or(&[]);
    for cond in &req.expect {
        match compare(&claim.value, cond) {
            Outcome::Pass => {}
            Outcome::Unclear(reason) => return verdict(Status::Review, None, reason),
            Outcome::Fail(direction) => {
                // The first change that can actually reach the requirement.
                for change in pick_change(changes, direction) {
                    if change.remedy == Remedy::Configure && req.property == Property::Retention {
                        if let Some(allowed) = &change.allowed {
                            let (meeting, is_range) = meeting_values(allowed, &req.expect);
                            if meeting.is_empty() && !matches!(allowed, Allowed::Any) {
                                continue;
                            }
                            return verdict(
                                Status::Gap,
                                Some(Remedy::Configure),
                                Reason::Gap {
                                    direction,
                                    change: Some(change.clone()),
                                    meeting,
                                    meeting_is_range: is_range,
                                },
                            );
                        }
                    }
                    return verdict(
                        Status::Gap,
                        Some(change.remedy),
                        Reason::Gap {
                            direction,
                            change: Some(change.clone()),
                            meeting: Vec::new(),
                            meeting_is_range: false,
                        },
                    );
                }
                // No change entry: who controls the resource decides.
                return verdict(
                    Status::Gap,
                    Some(control::fallback_remedy(category, req.property)),
                    Reason::Gap {
                        direction,
                        change: None,
                        meeting: Vec::new(),
                        meeting_is_range: false,
                    },
                );
            }
        }
    }
    // A condition an observation named (a versioned bucket without
    // noncurrent-version expiry): met only if it holds.
    if claim.condition.is_some() {
        return verdict(Status::Review, None, Reason::Conditional);
    }
    match unshown_condition(req.property, claim, category) {
        Some(condition) => verdict(
            Status::Review,
            None,
            Reason::ConditionUnshown {
                condition: condition.to_string(),
            },
        ),
        None => verdict(Status::Met, None, Reason::Met),
    }
}

/// The categories whose data the customer's S3 bucket holds (the bucket a
/// storage config names): lifecycle, versioning, Object Lock and bucket
/// policy decide what happens to it.
pub const S3_BACKED: &[&str] = &[
    "call-recordings",
    "chat-transcripts",
    "screen-recordings",
    "attachments",
    "email-messages",
    "contact-evaluations",
    "scheduled-reports",
    "contact-lens-outputs",
];

/// Is this category's data kept in the customer's S3 bucket?
pub fn s3_backed(category: &str) -> bool {
    S3_BACKED.contains(&category)
}

/// A condition a "met" rests on that only live evidence shows: deleting
/// one object on request removes it only when the bucket keeps no
/// noncurrent versions and no Object Lock retention holds it; "TLS 1.2 or
/// later" for the other communication holds only for access through the
/// `*.my.connect.aws` domain; data inside the instance is erased at contract
/// end only if the exit procedure deletes the instance. Observed evidence
/// has read those settings.
fn unshown_condition(property: Property, claim: &Claim, category: &str) -> Option<&'static str> {
    if claim.provenance == Provenance::Observed {
        return None;
    }
    match property {
        Property::DeletionOnRequest if s3_backed(category) && claim.value == Value::Bool(true) => {
            Some("s3-versioning-object-lock")
        }
        Property::EncryptionInTransit if category == "other-communication" => {
            Some("my-connect-domain")
        }
        // Data inside the instance goes with the instance: erased at
        // contract end only if the exit procedure deletes the instance
        // (a declaration of that procedure settles it).
        Property::DeletionAtContractEnd
            if claim.provenance == Provenance::Documented && claim.value == Value::Bool(true) =>
        {
            Some("exit-deletes-instance")
        }
        _ => None,
    }
}

/// Does an `at_most` retention verdict rest on S3 lifecycle expiration?
/// Then S3's documented caveat applies: expired objects are queued and
/// removed asynchronously, some time after their expiration date.
pub fn relies_on_lifecycle(req: &Requirement, claim: &Claim, category: &str) -> bool {
    req.property == Property::Retention
        && s3_backed(category)
        && matches!(claim.value, Value::Duration(d) if d != Duration::Never)
        && req
            .expect
            .iter()
            .any(|c| matches!(c, Condition::AtMost(Expected::Duration(_))))
}

/// A claim on a category the operator declares not in use.
pub fn declared_unused(claim: &Claim) -> bool {
    claim.value == Value::NotApplicable && claim.provenance == Provenance::Declared
}

/// The categories a requirement concerns, in catalog order; `*` skips the
/// categories declared not in use.
pub fn categories_for(req: &Requirement, catalog: &Catalog, claims: &[Claim]) -> Vec<String> {
    match &req.category {
        CategorySel::One(c) => vec![c.clone()],
        CategorySel::All => catalog
            .categories
            .iter()
            .filter(|c| {
                claims.iter().any(|x| {
                    x.category == c.id && x.property == req.property && !declared_unused(x)
                })
            })
            .map(|c| c.id.clone())
            .collect(),
    }
}

/// The categories a `*` requirement leaves out, in catalog order: those with
/// no claim for its property, so that no category is skipped silently (the
/// documents name them with the reason). Empty for a one-category requirement.
pub fn uncovered_categories(req: &Requirement, catalog: &Catalog, claims: &[Claim]) -> Vec<String> {
    if !matches!(req.category, CategorySel::All) {
        return Vec::new();
    }
    let covered = categories_for(req, catalog, claims);
    // Categories declared not in use are skipped on purpose: the document
    // lists them once with the declaration, not as "nothing is said".
    let unused = |id: &str| {
        claims
            .iter()
            .any(|c| c.category == id && declared_unused(c))
    };
    catalog
        .categories
        .iter()
        .filter(|c| !covered.contains(&c.id) && !unused(&c.id))
        .map(|c| c.id.clone())
        .collect()
}

/// The categories a `*` requirement skips because the answers declare
/// them not in use.
pub fn unused_categories(req: &Requirement, catalog: &Catalog, claims: &[Claim]) -> Vec<String> {
    if !matches!(req.category, CategorySel::All) {
        return Vec::new();
    }
    catalog
        .categories
        .iter()
        .filter(|c| {
            claims
                .iter()
                .any(|x| x.category == c.id && declared_unused(x))
        })
        .map(|c| c.id.clone())
        .collect()
}

/// Judge every requirement.
pub fn analyze(reqs: &[Requirement], catalog: &Catalog, claims: &[Claim]) -> Vec<Verdict> {
    analyze_scoped(reqs, catalog, claims, &[])
}

/// Judge every requirement; a scoped one against the observed claim about
/// its scope.
pub fn analyze_scoped(
    reqs: &[Requirement],
    catalog: &Catalog,
    claims: &[Claim],
    scoped: &[(Scope, Claim)],
) -> Vec<Verdict> {
    let mut out = Vec::new();
    for req in reqs {
        for cat in categories_for(req, catalog, claims) {
            let claim = claim_for(req, &cat, claims, scoped);
            let mut v = judge(req, claim, catalog, &cat);
            if req.scope.is_some() && claim.is_none() && v.status == Status::Unverified {
                v.reason = Reason::ScopeUnobserved;
            }
            out.push(v);
        }
    }
    out
}

/// The claim a requirement is judged against in one category. A scoped
/// requirement (a subset of the objects) meets the observed claim about
/// that scope; without one, the category's claim only where it compares
/// nothing (customer-defined, not applicable): a value declared or
/// documented for the whole category says nothing certain about a subset
/// that lifecycle rules may treat apart.
pub fn claim_for<'a>(
    req: &Requirement,
    category: &str,
    claims: &'a [Claim],
    scoped: &'a [(Scope, Claim)],
) -> Option<&'a Claim> {
    let whole = claims
        .iter()
        .find(|c| c.category == category && c.property == req.property);
    let Some(scope) = &req.scope else {
        return whole;
    };
    scoped
        .iter()
        .find(|(s, c)| s == scope && c.category == category && c.property == req.property)
        .map(|(_, c)| c)
        .or_else(|| {
            whole.filter(|c| matches!(c.value, Value::CustomerDefined | Value::NotApplicable))
        })
}
