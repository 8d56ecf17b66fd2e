//! Phrasing of model values for the reader: durations, keys, protocols,
//! values, a requirement's conditions, property and status labels. Shared by
//! the observed-claim explanations (`observe`) and the report.

use super::I18n;
use crate::model::requirement::{Condition, Expected};
use crate::model::{Bilingual, Duration, KeyOwner, Lang, Property, Protocol, Status, Value};

/// Render a duration for the reader.
pub fn duration_text(i: &I18n, lang: Lang, d: &Duration) -> String {
    use crate::model::duration::Unit;
    if *d == Duration::Never {
        return i.t(lang, "duration-never");
    }
    let parts: Vec<String> = d
        .parts()
        .into_iter()
        .map(|(n, u)| {
            let (one, many) = match u {
                Unit::Years => ("duration-year", "duration-years"),
                Unit::Months => ("duration-month", "duration-months"),
                Unit::Weeks => ("duration-week", "duration-weeks"),
                Unit::Days => ("duration-day", "duration-days"),
                Unit::Hours => ("duration-hour", "duration-hours"),
                Unit::Minutes => ("duration-minute", "duration-minutes"),
                Unit::Seconds | Unit::Mixed => ("duration-second", "duration-seconds"),
            };
            i.t_args(
                lang,
                if n == 1 { one } else { many },
                &[("n", n.to_string())],
            )
        })
        .collect();
    parts.join(&i.t(lang, "duration-joiner"))
}

/// How a key owner reads: as a label (`AWS managed key`, in values and
/// tables) or inside a sentence (`an AWS managed key`, in explanations).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyForm {
    /// `key-<owner>` (locales/*/model.ftl).
    Label,
    /// `observe-key-<owner>` (locales/*/observe.ftl).
    InSentence,
}

/// A key owner for the reader, in the form asked for.
pub fn key_owner_text(i: &I18n, lang: Lang, k: KeyOwner, form: KeyForm) -> String {
    let prefix = match form {
        KeyForm::Label => "key",
        KeyForm::InSentence => "observe-key",
    };
    i.t(lang, &format!("{prefix}-{}", k.name()))
}

/// A key owner as a label.
pub fn key_text(i: &I18n, lang: Lang, k: KeyOwner) -> String {
    key_owner_text(i, lang, k, KeyForm::Label)
}

pub fn protocol_text(p: Protocol) -> &'static str {
    match p {
        Protocol::Tls10 => "TLS 1.0",
        Protocol::Tls11 => "TLS 1.1",
        Protocol::Tls12 => "TLS 1.2",
        Protocol::Tls13 => "TLS 1.3",
        Protocol::Srtp => "SRTP",
        Protocol::DtlsSrtp => "DTLS-SRTP",
    }
}

/// Render a value for the reader.
pub fn value_text(i: &I18n, lang: Lang, v: &Value) -> String {
    match v {
        Value::Region(r) => r.clone(),
        Value::InstanceRegion => i.t(lang, "value-instance-region"),
        Value::Duration(d) => duration_text(i, lang, d),
        Value::InstanceLifetime => i.t(lang, "value-instance-lifetime"),
        Value::Bool(b) => i.t(lang, if *b { "value-yes" } else { "value-no" }),
        Value::Key(k) => key_text(i, lang, *k),
        Value::Identity(x) => identity_text(i, lang, *x),
        Value::Protocols(ps) => ps
            .iter()
            .map(|p| protocol_text(*p))
            .collect::<Vec<_>>()
            .join(", "),
        Value::Text(t) => t.get(lang).to_string(),
        Value::CustomerDefined => i.t(lang, "value-customer-defined"),
        Value::NotApplicable => i.t(lang, "value-not-applicable"),
    }
}

/// A bilingual text for the reader; one Japanese text given for both
/// languages is marked as untranslated in the English document.
pub fn bilingual_text(i: &I18n, lang: Lang, b: &crate::model::Bilingual) -> String {
    if lang == Lang::En && b.untranslated() {
        i.t_args(lang, "untranslated", &[("text", b.en.clone())])
    } else {
        b.get(lang).to_string()
    }
}

pub fn expected_text(i: &I18n, lang: Lang, e: &Expected) -> String {
    match e {
        Expected::Duration(d) => duration_text(i, lang, d),
        Expected::Bool(b) => i.t(lang, if *b { "value-yes" } else { "value-no" }),
        Expected::Key(k) => key_text(i, lang, *k),
        Expected::Protocol(p) => protocol_text(*p).to_string(),
        Expected::Region(r) => r.clone(),
        Expected::Identity(x) => i.t_args(
            lang,
            "identity-quoted",
            &[("label", identity_text(i, lang, *x))],
        ),
        Expected::Text(t) => bilingual_text(i, lang, t),
    }
}

/// An identity management type as a label (`identity-<type>`,
/// locales/*/access.ftl).
pub fn identity_text(i: &I18n, lang: Lang, x: crate::model::Identity) -> String {
    i.t(lang, &format!("identity-{}", x.name()))
}

/// The conditions of a requirement for the reader.
pub fn expect_text(i: &I18n, lang: Lang, conds: &[Condition]) -> String {
    let parts: Vec<String> = conds
        .iter()
        .map(|c| match c {
            Condition::AtLeast(e) => i.t_args(
                lang,
                "expect-at-least",
                &[("value", expected_text(i, lang, e))],
            ),
            Condition::AtMost(e) => i.t_args(
                lang,
                "expect-at-most",
                &[("value", expected_text(i, lang, e))],
            ),
            Condition::Is(e) => {
                i.t_args(lang, "expect-is", &[("value", expected_text(i, lang, e))])
            }
            Condition::OneOf(es) if es.len() == 1 => i.t_args(
                lang,
                "expect-is",
                &[("value", expected_text(i, lang, &es[0]))],
            ),
            Condition::OneOf(es) => {
                let vals: Vec<String> = es.iter().map(|e| expected_text(i, lang, e)).collect();
                i.t_args(
                    lang,
                    "expect-one-of",
                    &[("values", vals.join(&i.t(lang, "list-joiner")))],
                )
            }
        })
        .collect();
    parts.join(&i.t(lang, "condition-joiner"))
}

/// Label of a property.
pub fn property_label(i: &I18n, p: Property) -> Bilingual {
    i.both(&p.message_id(), &[])
}

/// Label of a status.
pub fn status_label(i: &I18n, s: Status) -> Bilingual {
    i.both(&format!("status-{}", s.name()), &[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_in_the_unit_they_were_written_in_both_languages() {
        let i = I18n::load(&crate::assets::Assets::default()).expect("locales");
        let d = |s: &str| Duration::parse(s).expect("duration");
        let both = |s: &str| {
            (
                duration_text(&i, Lang::Ja, &d(s)),
                duration_text(&i, Lang::En, &d(s)),
            )
        };
        assert_eq!(both("24 months"), ("24か月".into(), "24 months".into()));
        assert_eq!(both("2 years"), ("2年".into(), "2 years".into()));
        assert_eq!(both("365 days"), ("365日".into(), "365 days".into()));
        assert_eq!(both("PT24H"), ("24時間".into(), "24 hours".into()));
        assert_eq!(both("1 day"), ("1日".into(), "1 day".into()));
        assert_eq!(both("never"), ("無期限".into(), "never expires".into()));
    }
}
