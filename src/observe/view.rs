//! How the service modules read a snapshot: the observations of an
//! instance, the four outcomes of a call ([`Reading`]), citations with JSON
//! pointers, and what the modules write ([`Out`]: claims and the reasons a
//! property could not be observed).

use crate::collect::snapshot::{ErrorKind, Observation, Snapshot, Status};
use crate::i18n::phrase::{duration_text, key_owner_text, KeyForm};
use crate::i18n::I18n;
use crate::model::evidence::ObservationRef;
use crate::model::{Bilingual, Duration, KeyOwner, Lang, Property, Value};
use crate::text::escape::md_escape;
use serde_json::Value as J;

/// Observations a value rests on: (observation index, JSON pointer).
pub(crate) type Cites = Vec<(usize, String)>;

/// A claim of one instance, before instances are merged.
pub(crate) struct Draft {
    pub category: String,
    pub property: Property,
    pub value: Value,
    pub explain: Bilingual,
    pub caveats: Vec<Bilingual>,
    pub cites: Cites,
    /// A condition the evidence does not show, on which a "met" rests.
    pub condition: Option<Bilingual>,
    /// The requirement scope this claim is about (`None`: every object).
    pub scope: Option<crate::model::requirement::Scope>,
    /// AWS pages (sources.yaml ids) a caveat rests on.
    pub docs: Vec<String>,
}

/// A property one instance could not prove, and why.
pub(crate) struct Gap {
    pub category: String,
    pub property: Property,
    pub reason: String,
}

/// What a call gave, as the interpretation branches on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Reading {
    /// Answered (observation index).
    Ok(usize),
    /// Answered "not configured": evidence of absence.
    NotConfigured(usize),
    /// No usable answer, and why.
    Failed(usize, String),
    /// The snapshot has no such call.
    Missing,
}

impl Reading {
    /// The observation, when the call was made.
    pub fn index(&self) -> Option<usize> {
        match self {
            Reading::Ok(i) | Reading::NotConfigured(i) | Reading::Failed(i, _) => Some(*i),
            Reading::Missing => None,
        }
    }
}

/// A message argument phrased per language.
pub(crate) enum PerLang<'a> {
    /// `$owner`: a key owner inside a sentence (`an AWS managed key`).
    Owner(KeyOwner),
    /// `$period`: a duration (`1年`, `1 year`).
    Period(&'a Duration),
    /// A text in each language, as it is.
    Text(&'static str, &'a Bilingual),
    /// A text in each language, escaped for Markdown.
    Escaped(&'static str, &'a Bilingual),
}

/// A snapshot with its bodies parsed, and the messages to phrase claims.
pub(crate) struct View<'a> {
    pub snap: &'a Snapshot,
    pub bodies: Vec<J>,
    pub as_of: chrono::NaiveDate,
    pub max_age_days: i64,
    pub i18n: &'a I18n,
    /// The scopes requirements name, per category: retention is also
    /// observed for each.
    pub scopes: Vec<(String, crate::model::requirement::Scope)>,
}

/// A JSON pointer from its segments (`~` and `/` escaped).
pub(crate) fn ptr(parts: &[&str]) -> String {
    parts
        .iter()
        .map(|p| format!("/{}", p.replace('~', "~0").replace('/', "~1")))
        .collect()
}

/// The string at a JSON pointer.
pub(crate) fn text_at<'a>(v: &'a J, p: &str) -> Option<&'a str> {
    v.pointer(p).and_then(J::as_str)
}

/// Why an observation gives no evidence (`AccessDenied on
/// s3:GetLifecycleConfiguration`), or `None` when it does.
pub fn failure_reason(o: &Observation) -> Option<String> {
    let e = o.error.as_ref()?;
    Some(match e.kind {
        ErrorKind::NotConfigured => return None,
        ErrorKind::Timeout => format!("timeout on {} ({})", o.action, e.message),
        ErrorKind::OverallTimeout => {
            format!("overall timeout reached before {} could run", o.action)
        }
        ErrorKind::Unreachable => format!("endpoint unreachable for {}", o.action),
        ErrorKind::Throttled => {
            format!("{} on {} after {} attempt(s)", e.code, o.action, o.attempts)
        }
        _ => format!("{} on {}", e.code, o.action),
    })
}

impl<'a> View<'a> {
    /// Parse the bodies of a snapshot once.
    pub fn new(
        snap: &'a Snapshot,
        as_of: chrono::NaiveDate,
        max_age_days: i64,
        i18n: &'a I18n,
    ) -> Self {
        View {
            snap,
            bodies: snap
                .bodies
                .iter()
                .map(|b| serde_json::from_slice(b).unwrap_or(J::Null))
                .collect(),
            as_of,
            max_age_days,
            i18n,
            scopes: Vec::new(),
        }
    }

    pub fn obs(&self, i: usize) -> &Observation {
        &self.snap.manifest.observations[i]
    }

    /// Observations of one instance, operation and parameters (all pages).
    pub fn find(&self, inst: &str, op: &str, params: &[(&str, &str)]) -> Vec<usize> {
        self.snap
            .manifest
            .observations
            .iter()
            .enumerate()
            .filter(|(_, o)| {
                o.instance.as_deref() == Some(inst)
                    && o.operation == op
                    && params
                        .iter()
                        .all(|(k, v)| o.parameters.iter().any(|(a, b)| a == k && b == v))
            })
            .map(|(i, _)| i)
            .collect()
    }

    pub fn one(&self, inst: &str, op: &str, params: &[(&str, &str)]) -> Option<usize> {
        self.find(inst, op, params).into_iter().next()
    }

    /// The first matching call and what it gave.
    pub fn read(&self, inst: &str, op: &str, params: &[(&str, &str)]) -> Reading {
        match self.one(inst, op, params) {
            None => Reading::Missing,
            Some(i) if self.ok(i) => Reading::Ok(i),
            Some(i) if self.not_configured(i) => Reading::NotConfigured(i),
            Some(i) => Reading::Failed(i, self.failure(i).unwrap_or_default()),
        }
    }

    /// Why a reading gives no value: the failure, or `no {what} in the
    /// snapshot` when the call is missing (empty for an answer).
    pub fn why(&self, r: &Reading, what: &str) -> String {
        match r {
            Reading::Failed(_, reason) => reason.clone(),
            Reading::Missing => self.missing(what),
            Reading::Ok(_) | Reading::NotConfigured(_) => String::new(),
        }
    }

    pub fn ok(&self, i: usize) -> bool {
        self.obs(i).status == Status::Ok
    }

    pub fn not_configured(&self, i: usize) -> bool {
        self.obs(i).status == Status::NotConfigured
    }

    pub fn body(&self, i: usize) -> &J {
        &self.bodies[i]
    }

    /// Why an observation gives no evidence, or `None` when it does.
    pub fn failure(&self, i: usize) -> Option<String> {
        failure_reason(self.obs(i))
    }

    pub fn missing(&self, what: &str) -> String {
        format!("no {what} in the snapshot")
    }

    pub fn stale(&self, i: usize) -> bool {
        let at = chrono::DateTime::parse_from_rfc3339(&self.obs(i).collected_at)
            .map(|d| d.date_naive())
            .unwrap_or(chrono::NaiveDate::MIN);
        (self.as_of - at).num_days() > self.max_age_days
    }

    pub fn cite(&self, i: usize, pointer: &str) -> ObservationRef {
        let o = self.obs(i);
        ObservationRef {
            id: if pointer.is_empty() {
                o.id.clone()
            } else {
                format!("{}#{}", o.id, pointer)
            },
            service: o.service.clone(),
            operation: o.operation.clone(),
            parameters: o.parameters.clone(),
            region: o.region.clone(),
            account: o.account.clone(),
            collected_at: o.collected_at.clone(),
            sha256: o.sha256.clone(),
            pointer: pointer.to_string(),
        }
    }

    /// A message of `locales/*/observe.ftl` in both languages.
    pub fn say(&self, id: &str, args: &[(&'static str, String)]) -> Bilingual {
        self.i18n.both(id, args)
    }

    /// A message with arguments phrased per language as well.
    pub fn say_per(&self, id: &str, args: &[(&'static str, String)], per: &[PerLang]) -> Bilingual {
        self.i18n.both_with(id, |lang: Lang| {
            let mut all = args.to_vec();
            for p in per {
                all.push(match p {
                    PerLang::Owner(o) => (
                        "owner",
                        key_owner_text(self.i18n, lang, *o, KeyForm::InSentence),
                    ),
                    PerLang::Period(d) => ("period", duration_text(self.i18n, lang, d)),
                    PerLang::Text(name, b) => (*name, b.get(lang).to_string()),
                    PerLang::Escaped(name, b) => (*name, md_escape(b.get(lang))),
                });
            }
            all
        })
    }
}

/// What the service modules write for one instance.
#[derive(Default)]
pub(crate) struct Out {
    pub drafts: Vec<Draft>,
    pub gaps: Vec<Gap>,
}

impl Out {
    pub fn claim(
        &mut self,
        category: &str,
        property: Property,
        value: Value,
        explain: Bilingual,
        caveats: Vec<Bilingual>,
        cites: Cites,
    ) {
        self.drafts.push(Draft {
            category: category.to_string(),
            property,
            value,
            explain,
            caveats,
            cites,
            condition: None,
            scope: None,
            docs: Vec::new(),
        });
    }

    /// The last claim's caveats rest on these AWS pages (sources.yaml ids).
    pub fn citing_docs(&mut self, ids: &[&str]) {
        if let Some(d) = self.drafts.last_mut() {
            for id in ids {
                if !d.docs.iter().any(|x| x == id) {
                    d.docs.push((*id).to_string());
                }
            }
        }
    }

    /// The last claim is about `scope`, a subset of its category's objects.
    pub fn for_scope(&mut self, scope: crate::model::requirement::Scope) {
        if let Some(d) = self.drafts.last_mut() {
            d.scope = Some(scope);
        }
    }

    /// The last claim holds only under `condition`, which the evidence
    /// does not show: a requirement it meets becomes `review`.
    pub fn on_condition(&mut self, condition: Bilingual) {
        if let Some(d) = self.drafts.last_mut() {
            d.condition = Some(condition);
        }
    }

    pub fn gap(&mut self, category: &str, property: Property, reason: impl Into<String>) {
        self.gaps.push(Gap {
            category: category.to_string(),
            property,
            reason: reason.into(),
        });
    }

    pub fn gaps(&mut self, category: &str, props: &[Property], reason: &str) {
        for p in props {
            self.gap(category, *p, reason);
        }
    }
}
