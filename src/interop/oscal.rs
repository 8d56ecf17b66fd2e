//! `--format oscal`: the report as OSCAL Assessment Results
//! (`oscal/assessment-results.json`).
//!
//! Pinned to OSCAL [`OSCAL_VERSION`], the version compliance-trestle's
//! models accept (trestle 5.x); the tests load the file with them.
//!
//! - `import-ap` points at a back-matter resource describing the
//!   requirements file (there is no separate assessment plan);
//!   `reviewed-controls` selects `include-all` with a namespaced prop naming
//!   the requirement set (buyer requirements are not catalog controls).
//! - One result for the run. Each buyer requirement is a `finding` whose
//!   target is the requirement: `satisfied` when met (or not applicable),
//!   otherwise `not-satisfied`, with shoko's status in a namespaced prop and
//!   the reason in the description (review and unverified are not
//!   satisfied).
//! - Each claim is an `observation`: method TEST for live API observations,
//!   INTERVIEW for declarations, EXAMINE for documents and derived claims;
//!   `collected` from the evidence's time, `expires` from the freshness
//!   limit for live observations; `relevant-evidence` points at the pack's
//!   raw observation file or the cited page.
//! - Each gap (requirement × category) is a `risk` whose remediation is the
//!   remedy.
//!
//! UUIDs are derived from the inputs' SHA-256 digests, the as-of date and
//! the item they name (SHA-256, laid out as a version-5 UUID, which OSCAL's
//! uuid pattern requires), so the same inputs give byte-identical files.

use crate::i18n::I18n;
use crate::model::claim::Provenance;
use crate::model::report::{ClaimView, Report, RequirementView, Source, VerdictView};
use crate::model::{Bilingual, Lang, Status};
use crate::output::OutFile;
use crate::render::{Input, Renderer};
use serde_json::{json, Value};

/// The OSCAL version written (compliance-trestle 5.x accepts it).
pub const OSCAL_VERSION: &str = "1.2.1";
/// shoko's namespace for its own props.
pub const NS: &str = "urn:shoko:oscal";
/// Where the file goes in the output folder.
pub const PATH: &str = "oscal/assessment-results.json";
/// Freshness limit of live observations when the build gave none (the
/// default of `--max-age`).
pub const DEFAULT_MAX_AGE_DAYS: i64 = 30;

/// `--format oscal`.
pub struct Oscal {
    /// Freshness limit of live observations, in days (`--max-age`).
    pub max_age_days: Option<i64>,
    /// Raw observation files the pack carries (path inside `pack/`, SHA-256
    /// of the body as collected), so observations can point at them.
    pub observation_files: Vec<(String, String)>,
}

/// OSCAL output cannot fail once the report exists.
#[derive(Debug, thiserror::Error)]
#[error("failed to make the OSCAL file ({0})")]
pub struct OscalError(String);

impl Renderer for Oscal {
    type Error = OscalError;
    fn render(&self, input: &Input<'_>) -> Result<Vec<OutFile>, OscalError> {
        let lang = input.views.first().map(|v| v.lang).unwrap_or(Lang::En);
        let mut doc = document(input.report, input.i18n, lang, self);
        input.redaction.json(&mut doc);
        let mut text = serde_json::to_string_pretty(&doc).map_err(|e| OscalError(e.to_string()))?;
        text.push('\n');
        Ok(vec![crate::render::file(PATH.into(), text.into_bytes())])
    }
}

/// Derives UUIDs from the run's inputs.
struct Ids {
    seed: String,
}

impl Ids {
    fn new(report: &Report) -> Ids {
        let mut seed = format!("shoko-oscal\n{}\n", report.as_of);
        for f in &report.inputs {
            seed.push_str(&format!("{}:{}\n", f.role, f.sha256));
        }
        Ids { seed }
    }
    /// A UUID for `what` (`finding:RET-01`): SHA-256 of the seed and the
    /// name, with version 5's version and variant bits.
    fn uuid(&self, what: &str) -> String {
        let h = crate::text::sha256_hex(format!("{}{what}", self.seed).as_bytes());
        let mut b = hex::decode(&h[..32]).unwrap_or_else(|_| vec![0; 16]);
        b[6] = (b[6] & 0x0f) | 0x50;
        b[8] = (b[8] & 0x3f) | 0x80;
        let x = hex::encode(b);
        format!(
            "{}-{}-{}-{}-{}",
            &x[0..8],
            &x[8..12],
            &x[12..16],
            &x[16..20],
            &x[20..32]
        )
    }
}

fn prop(name: &str, value: impl Into<String>) -> Value {
    json!({ "name": name, "ns": NS, "value": one_line(&value.into()) })
}

/// A prop value: one line, no leading or trailing blanks, never empty.
fn one_line(s: &str) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.is_empty() {
        "-".into()
    } else {
        s
    }
}

/// Markdown of the report as OSCAL markup (a non-empty string).
fn markup(s: &str) -> String {
    let p = crate::pack::plain(s);
    if p.is_empty() {
        "-".into()
    } else {
        p
    }
}

/// An OSCAL token (target ids): letters, digits, `.`, `-`, `_`, starting
/// with a letter or `_`.
fn token(s: &str) -> String {
    let mut t: String = s
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if !t.starts_with(|c: char| c.is_alphabetic() || c == '_') {
        t.insert_str(0, "req-");
    }
    t
}

/// A date or date-time of the report as an OSCAL date-time with a zone.
fn datetime(s: &str) -> Option<String> {
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(t.to_utc().format("%Y-%m-%dT%H:%M:%SZ").to_string());
    }
    if let Ok(d) = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(format!("{d}T00:00:00Z"));
    }
    // `2026-11`: a month, taken from its first day.
    chrono::NaiveDate::parse_from_str(&format!("{s}-01"), "%Y-%m-%d")
        .ok()
        .map(|d| format!("{d}T00:00:00Z"))
}

/// A path or address as a URI reference (spaces escaped).
fn href(s: &str) -> String {
    s.replace('%', "%25").replace(' ', "%20")
}

fn document(report: &Report, i18n: &I18n, lang: Lang, o: &Oscal) -> Value {
    let ids = Ids::new(report);
    let t = |id: &str, args: &[(&str, String)]| i18n.t_args(lang, id, args);
    let as_of = datetime(&report.as_of).unwrap_or_else(|| "1970-01-01T00:00:00Z".into());
    let requirements_file = report.inputs.iter().find(|f| f.role == "requirements");
    let set_name = requirements_file
        .map(|f| f.path.clone())
        .unwrap_or_else(|| "none".into());

    // Back matter: the requirements file (the plan's stand-in) and every
    // other input.
    let plan_uuid = ids.uuid("resource:requirements");
    let mut resources = vec![json!({
        "uuid": plan_uuid,
        "title": t("interop-oscal-plan-title", &[]),
        "description": t("interop-oscal-plan-description", &[("file", set_name.clone())]),
        "props": [prop("role", "requirements")],
        "rlinks": requirements_file.map(|f| vec![json!({
            "href": href(&f.path),
            "hashes": [{ "algorithm": "SHA-256", "value": f.sha256 }],
        })]).unwrap_or_default(),
    })];
    for f in report.inputs.iter().filter(|f| f.role != "requirements") {
        resources.push(json!({
            "uuid": ids.uuid(&format!("resource:{}:{}", f.role, f.path)),
            "title": f.path,
            "props": [prop("role", f.role.clone())],
            "rlinks": [{
                "href": href(&f.path),
                "hashes": [{ "algorithm": "SHA-256", "value": f.sha256 }],
            }],
        }));
    }
    if requirements_file.is_none() {
        resources[0].as_object_mut().map(|m| m.remove("rlinks"));
    }

    let observations: Vec<(String, Value)> = report
        .categories
        .iter()
        .flat_map(|c| &c.claims)
        .map(|c| observation(report, &ids, lang, o, c))
        .collect();
    let observation_uuid = |category: &str, property: crate::model::Property| {
        observations
            .iter()
            .find(|(k, _)| *k == format!("{category}/{}", property.name()))
            .and_then(|(_, v)| v["uuid"].as_str().map(String::from))
    };

    let mut risks = Vec::new();
    let mut findings = Vec::new();
    for r in &report.requirements {
        let mut related_obs: Vec<String> = Vec::new();
        let mut related_risks: Vec<String> = Vec::new();
        for v in &r.verdicts {
            if let Some(u) = observation_uuid(&v.category, r.property) {
                if !related_obs.contains(&u) {
                    related_obs.push(u);
                }
            }
            if v.status == Status::Gap {
                let risk = risk(
                    &ids,
                    i18n,
                    lang,
                    r,
                    v,
                    observation_uuid(&v.category, r.property),
                );
                related_risks.push(risk["uuid"].as_str().unwrap_or_default().to_string());
                risks.push(risk);
            }
        }
        findings.push(finding(&ids, i18n, lang, r, &related_obs, &related_risks));
    }

    let mut result = json!({
        "uuid": ids.uuid("result"),
        "title": t("interop-oscal-result-title", &[]),
        "description": t("interop-oscal-result-description", &[
            ("requirements", report.requirements.len().to_string()),
            ("as_of", report.as_of.clone()),
        ]),
        "start": as_of,
        "props": [prop("as-of", report.as_of.clone()), prop("lang", lang.code())],
        "reviewed-controls": {
            "control-selections": [{
                "props": [prop("requirement-set", set_name.clone())],
                "include-all": {},
            }],
        },
    });
    let m = result.as_object_mut().expect("object");
    let obs: Vec<Value> = observations.into_iter().map(|(_, v)| v).collect();
    if !obs.is_empty() {
        m.insert("observations".into(), Value::Array(obs));
    }
    if !risks.is_empty() {
        m.insert("risks".into(), Value::Array(risks));
    }
    if !findings.is_empty() {
        m.insert("findings".into(), Value::Array(findings));
    }

    let customer = report
        .customer
        .as_ref()
        .map(|c| c.name.get(lang).to_string());
    let mut metadata = json!({
        "title": t("interop-oscal-title", &[("customer", customer.clone().unwrap_or_else(|| "none".into()))]),
        "last-modified": as_of,
        "version": report.as_of,
        "oscal-version": OSCAL_VERSION,
        "props": [
            prop("tool", format!("shoko {}", report.tool_version)),
            prop("report-format", report.format.clone()),
        ],
    });
    if let Some(c) = customer {
        metadata["props"]
            .as_array_mut()
            .expect("props")
            .push(prop("customer", c));
    }
    json!({
        "assessment-results": {
            "uuid": ids.uuid("assessment-results"),
            "metadata": metadata,
            "import-ap": { "href": format!("#{plan_uuid}") },
            "results": [result],
            "back-matter": { "resources": resources },
        }
    })
}

fn bi(b: &Bilingual, lang: Lang) -> String {
    b.get(lang).to_string()
}

/// One claim as an observation, keyed `category/property`.
fn observation(
    report: &Report,
    ids: &Ids,
    lang: Lang,
    o: &Oscal,
    c: &ClaimView,
) -> (String, Value) {
    let key = format!("{}/{}", c.category, c.property.name());
    let method = match c.provenance {
        Provenance::Observed => "TEST",
        Provenance::Declared => "INTERVIEW",
        Provenance::Documented | Provenance::Derived => "EXAMINE",
    };
    let mut evidence = Vec::new();
    let mut times: Vec<String> = Vec::new();
    let mut observed_times: Vec<String> = Vec::new();
    for n in &c.citations {
        let Some(s) = report.source(*n) else { continue };
        match s {
            Source::Doc {
                url,
                title,
                checked,
                ..
            } => {
                evidence.push(json!({
                    "href": href(url),
                    "description": format!("[{n}] {title} ({checked})"),
                }));
                times.extend(datetime(checked));
            }
            Source::Declaration {
                file,
                line,
                declared_at,
                ..
            } => {
                evidence.push(json!({
                    "href": href(file),
                    "description": format!("[{n}] {file}:{line}"),
                }));
                times.extend(declared_at.as_deref().and_then(datetime));
            }
            Source::Observation { observation, .. } => {
                let mut e = json!({
                    "description": format!(
                        "[{n}] {}:{} {} #{} SHA-256 {}",
                        observation.service,
                        observation.operation,
                        observation.region,
                        observation.pointer,
                        observation.sha256
                    ),
                });
                if let Some((path, _)) = o
                    .observation_files
                    .iter()
                    .find(|(_, sha)| *sha == observation.sha256)
                {
                    e["href"] = Value::String(href(&format!("pack/{path}")));
                }
                evidence.push(e);
                observed_times.extend(datetime(&observation.collected_at));
            }
            Source::Flow {
                source,
                name,
                sha256,
                ..
            } => evidence.push(json!({
                "href": href(source),
                "description": format!("[{n}] {name} SHA-256 {sha256}"),
            })),
        }
    }
    // The evidence's time: the earliest live observation for observed
    // claims (it expires first), otherwise the latest date of the
    // declarations and pages cited; the as-of date when none is known.
    observed_times.sort();
    times.sort();
    let collected = if c.provenance == Provenance::Observed {
        observed_times.first().cloned()
    } else {
        times.last().cloned()
    }
    .or_else(|| datetime(&report.as_of))
    .unwrap_or_else(|| "1970-01-01T00:00:00Z".into());
    let mut props = vec![
        prop("category", c.category.clone()),
        prop("property", c.property.name()),
        prop("provenance", provenance_name(c.provenance)),
        prop("value", bi(&c.value_text, lang)),
        prop("verified", if c.verified { "true" } else { "false" }),
    ];
    if c.fallback.is_some() {
        props.push(prop("fallback", "true"));
    }
    let mut description = markup(&bi(&c.explain, lang));
    for cv in &c.caveats {
        description.push_str("\n\n");
        description.push_str(&markup(&bi(cv, lang)));
    }
    if let Some(f) = &c.fallback {
        description.push_str("\n\n");
        description.push_str(&markup(&bi(f, lang)));
    }
    let mut v = json!({
        "uuid": ids.uuid(&format!("observation:{key}")),
        "title": format!("{} · {}: {}", c.category, bi(&c.property_label, lang), bi(&c.value_text, lang)),
        "description": description,
        "props": props,
        "methods": [method],
        "collected": collected,
    });
    if c.provenance == Provenance::Observed {
        let days = o.max_age_days.unwrap_or(DEFAULT_MAX_AGE_DAYS);
        if let Ok(t) = chrono::DateTime::parse_from_rfc3339(&collected) {
            v["expires"] = Value::String(
                (t + chrono::Duration::days(days))
                    .to_utc()
                    .format("%Y-%m-%dT%H:%M:%SZ")
                    .to_string(),
            );
        }
    }
    if !evidence.is_empty() {
        v["relevant-evidence"] = Value::Array(evidence);
    }
    (key, v)
}

fn priority_name(p: crate::model::Priority) -> String {
    serde_json::to_value(p)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

fn provenance_name(p: Provenance) -> &'static str {
    match p {
        Provenance::Observed => "observed",
        Provenance::Declared => "declared",
        Provenance::Derived => "derived",
        Provenance::Documented => "documented",
    }
}

/// A gap as a risk, its remedy the remediation.
fn risk(
    ids: &Ids,
    i18n: &I18n,
    lang: Lang,
    r: &RequirementView,
    v: &VerdictView,
    observation: Option<String>,
) -> Value {
    let key = format!("{}/{}", r.id, v.category);
    let remedy = v.remedy.map(|x| x.name()).unwrap_or("none");
    let remedy_label = v
        .remedy_label
        .as_ref()
        .map(|l| bi(l, lang))
        .unwrap_or_default();
    let mut risk = json!({
        "uuid": ids.uuid(&format!("risk:{key}")),
        "title": i18n.t_args(lang, "interop-oscal-risk-title", &[
            ("requirement", r.id.clone()),
            ("category", bi(&v.category_title, lang)),
        ]),
        "description": markup(&bi(&r.title, lang)),
        "statement": markup(&bi(&v.explanation, lang)),
        "props": [
            prop("requirement", r.id.clone()),
            prop("category", v.category.clone()),
            prop("priority", priority_name(r.priority)),
            prop("remedy", remedy),
        ],
        "status": "open",
        "remediations": [{
            "uuid": ids.uuid(&format!("remediation:{key}")),
            "lifecycle": "recommendation",
            "title": i18n.t_args(lang, "interop-oscal-remedy-title", &[("remedy", remedy_label)]),
            "description": markup(&bi(&v.explanation, lang)),
            "props": [prop("remedy", remedy)],
        }],
    });
    if let Some(u) = observation {
        risk["related-observations"] = json!([{ "observation-uuid": u }]);
    }
    risk
}

/// A requirement as a finding.
fn finding(
    ids: &Ids,
    i18n: &I18n,
    lang: Lang,
    r: &RequirementView,
    observations: &[String],
    risks: &[String],
) -> Value {
    let satisfied = matches!(r.status, Status::Met | Status::NotApplicable);
    let mut description = i18n.t_args(
        lang,
        "interop-oscal-finding-description",
        &[
            ("expect", bi(&r.expect, lang)),
            ("status", bi(&r.status_label, lang)),
        ],
    );
    for v in &r.verdicts {
        description.push_str("\n\n");
        description.push_str(&format!(
            "{} ({}): {}",
            bi(&v.category_title, lang),
            bi(&v.status_label, lang),
            markup(&bi(&v.explanation, lang))
        ));
    }
    let mut status = json!({ "state": if satisfied { "satisfied" } else { "not-satisfied" } });
    if !satisfied {
        status["reason"] = Value::String(r.status.name().into());
    }
    let mut f = json!({
        "uuid": ids.uuid(&format!("finding:{}", r.id)),
        "title": format!("{}: {}", r.id, bi(&r.title, lang)),
        "description": description,
        "props": [
            prop("requirement", r.id.clone()),
            prop("status", r.status.name()),
            prop("priority", priority_name(r.priority)),
            prop("category", r.category.clone()),
            prop("property", r.property.name()),
            prop("requirements-line", r.line.to_string()),
        ],
        "target": {
            "type": "objective-id",
            "target-id": token(&r.id),
            "status": status,
        },
    });
    // The IPA 非機能要求グレード items the buyer tied it to (`grade:`).
    if let Some(props) = f["props"].as_array_mut() {
        props.extend(r.grade.iter().map(|g| prop("ipa-grade", g.clone())));
    }
    if !observations.is_empty() {
        f["related-observations"] = Value::Array(
            observations
                .iter()
                .map(|u| json!({ "observation-uuid": u }))
                .collect(),
        );
    }
    if !risks.is_empty() {
        f["related-risks"] =
            Value::Array(risks.iter().map(|u| json!({ "risk-uuid": u })).collect());
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_start_with_a_letter_and_keep_safe_characters() {
        assert_eq!(token("RET-01"), "RET-01");
        assert_eq!(token("01 retention"), "req-01_retention");
        assert_eq!(token("保持-1"), "保持-1");
    }

    #[test]
    fn dates_become_zoned_date_times() {
        assert_eq!(
            datetime("2026-12-01").as_deref(),
            Some("2026-12-01T00:00:00Z")
        );
        assert_eq!(datetime("2026-11").as_deref(), Some("2026-11-01T00:00:00Z"));
        assert_eq!(
            datetime("2026-11-20T09:30:00+09:00").as_deref(),
            Some("2026-11-20T00:30:00Z")
        );
        assert_eq!(datetime("soon"), None);
    }

    #[test]
    fn prop_values_are_one_line() {
        assert_eq!(one_line("  a\n b  "), "a b");
        assert_eq!(one_line(" "), "-");
    }
}
