//! Property-specific wording of yes/no values: a value, a requirement and a
//! statement each read as the property says them ("可" / "個別に削除できる
//! こと" / "individual items can be deleted on request"), never a bare
//! yes/no. Other values keep the shared phrasing of `i18n::phrase`.

use crate::i18n::phrase::{expect_text, value_text};
use crate::i18n::I18n;
use crate::model::claim::{Claim, Provenance};
use crate::model::requirement::{Condition, Expected};
use crate::model::{Lang, Property, Value, ValueKind};
use crate::text::escape::md_escape;

/// `<prefix>-<property>-<yes|no>`, e.g. `answer-deletion-on-request-yes`.
fn bool_id(prefix: &str, p: Property, b: bool) -> String {
    let prop = p.message_id();
    let prop = prop.trim_start_matches("property-");
    format!("{prefix}-{prop}-{}", if b { "yes" } else { "no" })
}

/// A value as a table shows it: あり/なし, 可/不可 for yes/no properties.
pub(super) fn value_label(i: &I18n, lang: Lang, p: Property, v: &Value) -> String {
    match v {
        Value::Bool(b) if p.kind() == ValueKind::Bool => i.t(lang, &bool_id("answer", p, *b)),
        _ => value_text(i, lang, v),
    }
}

/// A requirement's conditions: "個別に削除できること" for a yes/no property.
pub(super) fn expect_label(i: &I18n, lang: Lang, p: Property, conds: &[Condition]) -> String {
    match conds {
        [Condition::Is(Expected::Bool(b))] if p.kind() == ValueKind::Bool => {
            i.t(lang, &bool_id("expect", p, *b))
        }
        _ => expect_text(i, lang, conds),
    }
}

/// What the evidence says, as a clause of a sentence: a statement of its
/// own for a yes/no property, else "the <property> is <value>" (escaped).
pub(super) fn fact(i: &I18n, lang: Lang, p: Property, v: &Value, property: &str) -> String {
    match v {
        Value::Bool(b) if p.kind() == ValueKind::Bool => i.t(lang, &bool_id("fact", p, *b)),
        _ => i.t_args(
            lang,
            "fact-is",
            &[
                ("property", property.to_string()),
                ("value", md_escape(&value_text(i, lang, v))),
            ],
        ),
    }
}

/// What a claim says, for a verdict. A documented yes/no may have its own
/// wording (`fact-<property>-documented-yes`) where the AWS page says
/// something narrower than the property (deleting the instance, not the end
/// of a contract).
pub(super) fn claim_fact(i: &I18n, lang: Lang, c: &Claim, property: &str) -> String {
    if let (Provenance::Documented, Value::Bool(b)) = (c.provenance, &c.value) {
        let id = bool_id("fact", c.property, *b);
        let id = match id.rsplit_once('-') {
            Some((head, yes_no)) => format!("{head}-documented-{yes_no}"),
            None => id,
        };
        if c.property.kind() == ValueKind::Bool && i.ids(lang).contains(&id) {
            return i.t(lang, &id);
        }
    }
    fact(i, lang, c.property, &c.value, property)
}

#[cfg(test)]
#[path = "phrase_tests.rs"]
mod tests;
