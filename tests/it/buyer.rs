//! What Japanese buyers ask (issue 17): remedies that follow who controls
//! the resource, bilingual expected values, Japanese-only titles, and the
//! messages a new user meets when writing such requirements.

use crate::common;

use shoko::model::report::{Report, VerdictView};
use shoko::model::{Remedy, Status};

/// The report for a requirements text (and an optional answers text).
fn report(reqs: &str, answers: Option<&str>) -> Report {
    let assets = shoko::assets::Assets::default();
    let catalog = shoko::load_catalog(&assets).expect("catalog loads");
    let i18n = shoko::i18n::I18n::load(&assets).expect("locales load");
    let r = shoko::InputText {
        name: "requirements.yaml".into(),
        bytes: reqs.as_bytes().to_vec(),
    };
    let a = answers.map(|a| shoko::InputText {
        name: "answers.yaml".into(),
        bytes: a.as_bytes().to_vec(),
    });
    let inputs = shoko::load_inputs(&catalog, Some(&r), a.as_ref()).expect("inputs load");
    let date = chrono::NaiveDate::parse_from_str(common::AS_OF, "%Y-%m-%d").expect("date");
    shoko::build_report(&catalog, &i18n, &inputs, &Default::default(), date)
}

fn verdict<'a>(r: &'a Report, req: &str, cat: &str) -> &'a VerdictView {
    r.requirements
        .iter()
        .find(|x| x.id == req)
        .and_then(|x| x.verdicts.iter().find(|v| v.category == cat))
        .unwrap_or_else(|| panic!("no verdict for {req} / {cat}"))
}

const HEAD: &str = "customer:\n  name: 〇〇市\n  system: 市民コールセンター\nrequirements:\n";

/// `shoko check` on a requirements text: exit code and output.
fn check(reqs: &str) -> (Option<i32>, String) {
    let dir = common::scratch();
    std::fs::write(dir.path().join("requirements.yaml"), reqs).expect("write");
    let o = common::shoko(
        &["check", "-r", "requirements.yaml", "-a", "answers.yaml"],
        dir.path(),
    );
    (o.status.code(), common::text(&o))
}

#[test]
fn a_gap_on_the_customers_own_resource_is_configured_not_negotiated() {
    let reqs = format!(
        "{HEAD}  - id: REG-01\n    title: 録音データは東京リージョンに保存すること\n    category: call-recordings\n    property: region\n    expect: {{ is: ap-northeast-1 }}\n"
    );
    let answers =
        "answers:\n  - category: call-recordings\n    property: region\n    value: us-east-1\n";
    let r = report(&reqs, Some(answers));
    let v = verdict(&r, "REG-01", "call-recordings");
    assert_eq!((v.status, v.remedy), (Status::Gap, Some(Remedy::Configure)));
    assert!(
        v.explanation.en.contains("your own AWS account"),
        "{}",
        v.explanation.en
    );
    assert!(
        !v.explanation.en.contains("service fixes"),
        "{}",
        v.explanation.en
    );
    assert!(
        v.explanation.ja.contains("お客様の AWS アカウント"),
        "{}",
        v.explanation.ja
    );
}

#[test]
fn deleting_the_instance_leaves_the_bucket_to_the_exit_procedure() {
    let reqs = format!(
        "{HEAD}  - id: DEL-01\n    title: 契約終了時にはインスタンスとともに録音を消去すること\n    category: call-recordings\n    property: deletion.on-instance-delete\n    expect: {{ is: true }}\n"
    );
    let answers = "answers:\n  - category: call-recordings\n    property: deletion.on-instance-delete\n    value: false\n";
    let r = report(&reqs, Some(answers));
    let v = verdict(&r, "DEL-01", "call-recordings");
    assert_eq!((v.status, v.remedy), (Status::Gap, Some(Remedy::Design)));
    assert!(
        v.explanation.en.contains("exit procedure"),
        "{}",
        v.explanation.en
    );
}

#[test]
fn a_value_the_service_holds_is_negotiated_and_an_unknown_owner_is_said() {
    let reqs = format!(
        "{HEAD}  - id: CFG-01\n    title: 問い合わせ記録の保持期間を変更できること\n    category: contact-records\n    property: retention.configurable\n    expect: {{ is: true }}\n  - id: PII-01\n    title: 録音に個人情報を含まないこと\n    category: call-recordings\n    property: pii\n    expect: {{ is: false }}\n"
    );
    let answers = "answers:\n  - category: call-recordings\n    property: pii\n    value: true\n";
    let r = report(&reqs, Some(answers));
    let v = verdict(&r, "CFG-01", "contact-records");
    assert_eq!((v.status, v.remedy), (Status::Gap, Some(Remedy::Negotiate)));
    assert!(
        v.explanation.en.contains("service fixes"),
        "{}",
        v.explanation.en
    );
    let v = verdict(&r, "PII-01", "call-recordings");
    assert_eq!(v.status, Status::Gap);
    assert!(
        v.explanation.en.contains("cannot tell who controls"),
        "{}",
        v.explanation.en
    );
    assert!(
        v.explanation.ja.contains("判断できません"),
        "{}",
        v.explanation.ja
    );
}

#[test]
fn a_bilingual_expected_value_shows_its_japanese_in_the_japanese_document() {
    let reqs = format!(
        "{HEAD}  - id: ACC-01\n    title: 録音は総務課の職員のみが再生できること\n    category: call-recordings\n    property: access-control\n    expect: {{ is: {{ ja: 総務課の職員のみ, en: General affairs staff only }} }}\n"
    );
    let r = report(&reqs, None);
    let req = r
        .requirements
        .iter()
        .find(|x| x.id == "ACC-01")
        .expect("ACC-01");
    assert!(
        req.expect.ja.contains("総務課の職員のみ"),
        "{}",
        req.expect.ja
    );
    assert!(!req.expect.ja.contains("General"), "{}", req.expect.ja);
    assert!(
        req.expect.en.contains("General affairs staff only"),
        "{}",
        req.expect.en
    );
}

#[test]
fn a_japanese_only_title_is_accepted_and_marked_untranslated_in_english() {
    let reqs = format!(
        "{HEAD}  - id: RET-01\n    title: 通話録音は1年以上保存すること\n    category: call-recordings\n    property: retention\n    expect: {{ at_least: 1 year }}\n  - id: RET-02\n    title: {{ ja: フローログは1年以上保存すること }}\n    category: flow-logs\n    property: retention\n    expect: {{ at_least: 1 year }}\n  - id: RET-03\n    title: Recordings are kept\n    category: call-recordings\n    property: retention\n    expect: {{ at_least: 1 year }}\n"
    );
    let r = report(&reqs, None);
    let title = |id: &str| &r.requirements.iter().find(|x| x.id == id).expect(id).title;
    assert_eq!(title("RET-01").ja, "通話録音は1年以上保存すること");
    assert_eq!(
        title("RET-01").en,
        "通話録音は1年以上保存すること (untranslated: given in Japanese only)"
    );
    assert_eq!(title("RET-02").ja, "フローログは1年以上保存すること");
    assert!(
        title("RET-02").en.contains("untranslated"),
        "{}",
        title("RET-02").en
    );
    // An English text given once is no translation gap.
    assert_eq!(title("RET-03").en, "Recordings are kept");
    // And the CLI accepts it: no E007.
    let (code, out) = check(&reqs);
    assert_eq!(code, Some(0), "{out}");
}

#[test]
fn an_ascii_colon_in_a_japanese_value_gets_a_hint_to_quote_it() {
    let reqs = format!(
        "{HEAD}  - id: RET-01\n    title: 通話録音: 1年以上保存すること\n    category: call-recordings\n    property: retention\n    expect: {{ at_least: 1 year }}\n"
    );
    let (code, out) = check(&reqs);
    assert_eq!(code, Some(2), "{out}");
    assert!(out.contains("requirements.yaml:6:"), "{out}");
    assert!(
        out.contains(r#"title: "通話録音: 1年以上保存すること""#),
        "the hint should show the quoted value: {out}"
    );
}

#[test]
fn did_you_mean_proposes_only_a_slip_of_the_keyboard() {
    let req = |p: &str| {
        format!(
            "{HEAD}  - id: DEL-01\n    title: 契約終了時に消去すること\n    category: call-recordings\n    property: {p}\n    expect: {{ is: true }}\n"
        )
    };
    // With `deletion.at-contract-end` in the vocabulary, the slip proposes
    // it, never `deletion.on-instance-delete` (a different meaning).
    let (code, out) = check(&req("deletion.on-contract-end"));
    assert_eq!(code, Some(2), "{out}");
    assert!(
        out.contains("unknown property `deletion.on-contract-end`"),
        "{out}"
    );
    assert!(
        out.contains("did you mean `deletion.at-contract-end`?"),
        "{out}"
    );
    let (code, out) = check(&req("deletion.on-termination"));
    assert_eq!(code, Some(2), "{out}");
    assert!(
        !out.contains("did you mean"),
        "a different meaning is no typo: {out}"
    );
    let (code, out) = check(&req("deletion.on-requst"));
    assert_eq!(code, Some(2), "{out}");
    assert!(out.contains("did you mean `deletion.on-request`?"), "{out}");
}

#[test]
fn a_feature_declared_not_in_use_makes_its_requirements_not_applicable() {
    let reqs = format!(
        "{HEAD}  - id: EML-01\n    title: メールは1年以内に消去すること\n    category: email-messages\n    property: retention\n    expect: {{ at_most: 1 year }}\n  - id: ENC-01\n    title: すべてのデータを保存時に暗号化すること\n    category: \"*\"\n    property: encryption.at-rest\n    expect: {{ is: true }}\n"
    );
    let answers = "answers: []\nnot_in_use:\n  - email-messages\n  - category: screen-recordings\n    note: 画面録画は導入しない\n";
    let r = report(&reqs, Some(answers));
    let v = verdict(&r, "EML-01", "email-messages");
    assert_eq!(v.status, Status::NotApplicable);
    assert!(
        v.explanation.en.contains("not in use"),
        "{}",
        v.explanation.en
    );
    assert!(
        v.explanation.ja.contains("使用していない"),
        "{}",
        v.explanation.ja
    );
    // `*` skips the unused features and still covers the others.
    let enc = r
        .requirements
        .iter()
        .find(|x| x.id == "ENC-01")
        .expect("ENC-01");
    let cats: Vec<&str> = enc.verdicts.iter().map(|v| v.category.as_str()).collect();
    assert!(
        !cats.contains(&"email-messages") && !cats.contains(&"screen-recordings"),
        "{cats:?}"
    );
    assert!(cats.contains(&"call-recordings"), "{cats:?}");
    // Without the declaration the same requirement covers them.
    let r = report(&reqs, Some("answers: []\n"));
    let enc = r
        .requirements
        .iter()
        .find(|x| x.id == "ENC-01")
        .expect("ENC-01");
    assert!(enc.verdicts.iter().any(|v| v.category == "email-messages"));
}

#[test]
fn not_in_use_is_checked_like_any_input() {
    let dir = common::scratch();
    let write = |a: &str| std::fs::write(dir.path().join("answers.yaml"), a).expect("write");
    let run = || {
        let o = common::shoko(
            &["check", "-r", "requirements.yaml", "-a", "answers.yaml"],
            dir.path(),
        );
        (o.status.code(), common::text(&o))
    };
    write("answers: []\nnot_in_use:\n  - email-message\n");
    let (code, out) = run();
    assert_eq!(code, Some(2), "{out}");
    assert!(
        out.contains("answers.yaml:3:") && out.contains("email-messages"),
        "{out}"
    );
    write("answers:\n  - category: email-messages\n    property: retention\n    value: 30 days\nnot_in_use:\n  - email-messages\n");
    let (code, out) = run();
    assert_eq!(code, Some(2), "{out}");
    assert!(
        out.contains("declared not in use but answered on line 2"),
        "{out}"
    );
}
