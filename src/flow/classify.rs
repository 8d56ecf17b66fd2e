//! What a capture holds, graded from the signals the flow shows: the prompt
//! and block wording (Japanese and English), the attribute, slot or field
//! name a value is kept under, and the input's validation and length.
//! Menu choices and extensions are not sensitive.

use serde_json::Value;

use super::DataClass;

/// Words that mark a class, strongest class first. ASCII words match whole
/// words (so "pin" is not found in "shipping"); Japanese words match anywhere.
const SIGNALS: &[(DataClass, &[&str])] = &[
    (
        DataClass::PaymentCard,
        &[
            "card number",
            "card no",
            "credit card",
            "debit card",
            "cardnumber",
            "card_number",
            "creditcard",
            "card",
            "cvv",
            "cvc",
            "cvv2",
            "security code",
            "expiry",
            "expiration",
            "exp date",
            "pan",
            "カード番号",
            "クレジットカード",
            "カード",
            "セキュリティコード",
            "有効期限",
        ],
    ),
    (
        DataClass::AuthSecret,
        &[
            "pin",
            "pincode",
            "pin code",
            "password",
            "passcode",
            "passwd",
            "one-time",
            "one time",
            "onetime",
            "otp",
            "verification code",
            "security answer",
            "secret",
            "暗証番号",
            "パスワード",
            "ワンタイム",
            "認証コード",
            "確認コード",
            "認証番号",
        ],
    ),
    (
        DataClass::NationalId,
        &[
            "my number",
            "mynumber",
            "national id",
            "nationalid",
            "social security",
            "ssn",
            "sin",
            "tax id",
            "taxpayer",
            "national insurance",
            "aadhaar",
            "passport",
            "マイナンバー",
            "個人番号",
        ],
    ),
    (
        DataClass::PersonalData,
        &[
            "phone",
            "phone number",
            "telephone",
            "mobile",
            "callback number",
            "date of birth",
            "birth date",
            "birthdate",
            "dob",
            "birthday",
            "name",
            "address",
            "zip",
            "postal",
            "postcode",
            "account",
            "account number",
            "member number",
            "customer number",
            "policy number",
            "email",
            "電話番号",
            "携帯",
            "生年月日",
            "誕生日",
            "氏名",
            "お名前",
            "名前",
            "住所",
            "郵便番号",
            "口座",
            "会員番号",
            "お客様番号",
            "契約番号",
        ],
    ),
    (
        DataClass::NotSensitive,
        &[
            "extension",
            "ext",
            "menu",
            "press",
            "option",
            "内線",
            "メニュー",
            "押して",
            "選択",
        ],
    ),
];

/// The class the words in `text` point to, if any (the strongest wins).
pub(super) fn class_of_text(text: &str) -> Option<DataClass> {
    let lower = text.to_lowercase();
    // Split camelCase and snake_case names into words as well.
    let spaced = split_words(text);
    SIGNALS
        .iter()
        .find(|(_, words)| {
            words
                .iter()
                .any(|w| contains_word(&lower, w) || contains_word(&spaced, w))
        })
        .map(|(class, _)| *class)
}

/// `cardNumber` → `card number`, `pin_code` → `pin code`.
fn split_words(text: &str) -> String {
    let mut out = String::new();
    let mut prev_lower = false;
    for c in text.chars() {
        if c == '_' || c == '-' || c == '.' {
            out.push(' ');
            prev_lower = false;
            continue;
        }
        if c.is_ascii_uppercase() && prev_lower {
            out.push(' ');
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        out.extend(c.to_lowercase());
    }
    out
}

fn contains_word(hay: &str, word: &str) -> bool {
    if !word.is_ascii() {
        return hay.contains(word);
    }
    let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_ascii_alphanumeric());
    hay.match_indices(word).any(|(i, _)| {
        boundary(hay[..i].chars().next_back()) && boundary(hay[i + word.len()..].chars().next())
    })
}

/// Every string in a value, joined (prompt text, SSML, names).
fn strings(v: &Value, out: &mut String) {
    match v {
        Value::String(s) => {
            out.push_str(s);
            out.push(' ');
        }
        Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        Value::Object(m) => m.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

/// The most digits the capture accepts, when the flow says.
fn max_length(params: &Value) -> Option<u64> {
    let v = params
        .pointer("/InputValidation/CustomValidation/MaximumLength")
        .or_else(|| params.get("MaxDigits"))?;
    match v {
        Value::String(s) => s.trim().parse().ok(),
        Value::Number(n) => n.as_u64(),
        _ => None,
    }
}

/// Grades a `GetParticipantInput` (or legacy `StoreUserInput`) that stores
/// input: its wording and name first, then its validation and length.
pub(super) fn class_of_capture(params: &Value, block_name: Option<&str>) -> DataClass {
    let mut text = String::new();
    for key in ["Text", "SSML", "PromptId", "Prompt"] {
        if let Some(v) = params.get(key) {
            strings(v, &mut text);
        }
    }
    if let Some(n) = block_name {
        text.push_str(n);
    }
    let from_words = class_of_text(&text);
    match from_words {
        Some(c) if c != DataClass::NotSensitive => return c,
        _ => {}
    }
    if params
        .pointer("/InputValidation/PhoneNumberValidation")
        .is_some()
    {
        return DataClass::PersonalData;
    }
    if from_words == Some(DataClass::NotSensitive) || max_length(params).is_some_and(|n| n <= 1) {
        return DataClass::NotSensitive;
    }
    DataClass::Unclassified
}

/// Grades a value kept under a name (a Lex slot, a view form field):
/// customer-provided, so personal data unless the name says more.
pub(super) fn class_of_named_input(name: &str) -> DataClass {
    match class_of_text(name) {
        Some(DataClass::NotSensitive) | None => DataClass::PersonalData,
        Some(c) => c,
    }
}

/// A value copied under `name`: keeps its class, unless it was of unknown
/// kind and the name says what it is.
pub(super) fn upgrade_by_name(class: DataClass, name: &str) -> DataClass {
    if class != DataClass::Unclassified {
        return class;
    }
    match class_of_text(name) {
        Some(c) if c > DataClass::Unclassified => c,
        _ => class,
    }
}
