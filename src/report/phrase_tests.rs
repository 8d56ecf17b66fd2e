//! Yes/no properties read as their label says, in both languages.

use super::*;
use crate::assets::Assets;
use crate::model::Duration;

fn i18n() -> I18n {
    I18n::load(&Assets::default()).expect("locales")
}

#[test]
fn every_yes_no_property_has_its_own_words_in_both_languages() {
    let i = i18n();
    for p in Property::ALL
        .into_iter()
        .filter(|p| p.kind() == ValueKind::Bool)
    {
        for b in [true, false] {
            for lang in [Lang::Ja, Lang::En] {
                let v = value_label(&i, lang, p, &Value::Bool(b));
                let e = expect_label(&i, lang, p, &[Condition::Is(Expected::Bool(b))]);
                let f = fact(&i, lang, p, &Value::Bool(b), "x");
                for s in [&v, &e, &f] {
                    assert!(!s.is_empty() && !s.contains("answer-") && !s.contains("fact-"));
                    assert!(!s.contains("expect-"), "{p:?} {b} {lang:?}: {s}");
                    for bare in ["はい", "いいえ", "Yes", "No"] {
                        assert_ne!(s.as_str(), bare, "{p:?} {b} {lang:?}");
                    }
                }
                assert!(!e.contains("はいであること") && !e.contains("いいえであること"));
            }
        }
    }
}

#[test]
fn deletion_on_request_reads_as_a_sentence() {
    let i = i18n();
    let p = Property::DeletionOnRequest;
    let req = [Condition::Is(Expected::Bool(true))];
    assert_eq!(value_label(&i, Lang::Ja, p, &Value::Bool(true)), "可");
    assert_eq!(expect_label(&i, Lang::Ja, p, &req), "個別に削除できること");
    assert_eq!(
        fact(&i, Lang::En, p, &Value::Bool(true), "deletion on request"),
        "individual items can be deleted on request"
    );
    assert_eq!(
        value_label(
            &i,
            Lang::Ja,
            Property::EncryptionAtRest,
            &Value::Bool(false)
        ),
        "なし"
    );
}

#[test]
fn other_values_keep_the_property_is_value_form() {
    let i = i18n();
    let v = Value::Duration(Duration::parse("6 months").expect("duration"));
    assert_eq!(
        fact(&i, Lang::En, Property::Retention, &v, "retention"),
        "the retention is 6 months"
    );
    assert_eq!(
        fact(&i, Lang::Ja, Property::Retention, &v, "保持期間"),
        "保持期間は「6か月」です"
    );
}
