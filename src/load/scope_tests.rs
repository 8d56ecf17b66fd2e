use crate::load::inputs::load_requirements;
use crate::load::Code;
use crate::model::requirement::Scope;

fn known() -> Vec<String> {
    ["call-recordings", "contact-records", "flow-logs"]
        .iter()
        .map(|s| s.to_string())
        .collect()
}

fn file(req: &str) -> String {
    format!(
        "customer: {{ name: 市役所, system: コールセンター }}\nrequirements:\n  - id: R1\n    title: 録音\n{req}"
    )
}

fn load(req: &str) -> Result<Vec<Option<Scope>>, Vec<crate::load::Diagnostic>> {
    load_requirements("r.yaml", &file(req), &known())
        .map(|r| r.requirements.into_iter().map(|r| r.scope).collect())
}

fn err(req: &str) -> crate::load::Diagnostic {
    let mut d = load(req).expect_err("should fail");
    assert_eq!(d.len(), 1, "{d:?}");
    d.remove(0)
}

const RET: &str =
    "    category: call-recordings\n    property: retention\n    expect: { at_least: 5 years }\n";

#[test]
fn a_tag_and_a_prefix_scope_load() {
    let got = load(&format!("{RET}    scope: {{ tag: \"legal-hold=true\" }}\n")).unwrap();
    assert_eq!(
        got,
        vec![Some(Scope::Tag {
            key: "legal-hold".into(),
            value: "true".into()
        })]
    );
    let got = load(&format!("{RET}    scope: {{ prefix: holds/ }}\n")).unwrap();
    assert_eq!(got, vec![Some(Scope::Prefix("holds/".into()))]);
    assert_eq!(load(RET).unwrap(), vec![None]);
}

#[test]
fn a_tag_without_equals_is_refused_with_its_position_and_a_hint() {
    let d = err(&format!("{RET}    scope: {{ tag: legal-hold }}\n"));
    assert_eq!(d.code, Code::BadValue);
    assert_eq!((d.pos.line, d.pos.col), (8, 19));
    assert!(d.message.contains("`=`"), "{}", d.message);
    assert!(d.hint.unwrap().contains("legal-hold=true"));
}

#[test]
fn a_prefix_with_a_leading_slash_is_refused() {
    let d = err(&format!("{RET}    scope: {{ prefix: /holds/ }}\n"));
    assert_eq!(d.code, Code::BadValue);
    assert_eq!(d.hint.as_deref(), Some("write `holds/`"));
}

#[test]
fn both_or_neither_or_an_unknown_key_is_refused() {
    let d = err(&format!("{RET}    scope: {{ tag: a=b, prefix: x/ }}\n"));
    assert!(d.message.contains("both"), "{}", d.message);
    let d = err(&format!("{RET}    scope: {{}}\n"));
    assert_eq!(d.code, Code::MissingKey);
    let d = err(&format!("{RET}    scope: {{ tags: a=b }}\n"));
    assert_eq!(d.code, Code::UnknownKey);
    assert!(d.hint.unwrap().contains("tag"));
}

#[test]
fn a_scope_needs_retention_on_an_s3_backed_category() {
    let d = err(
        "    category: call-recordings\n    property: deletion.on-request\n    expect: { is: true }\n    scope: { tag: a=b }\n",
    );
    assert!(d.message.contains("`retention` only"), "{}", d.message);
    let d = err(
        "    category: contact-records\n    property: retention\n    expect: { at_most: 6 months }\n    scope: { prefix: x/ }\n",
    );
    assert!(
        d.message.contains("not kept as objects in an S3 bucket"),
        "{}",
        d.message
    );
    let d = err(
        "    category: \"*\"\n    property: retention\n    expect: { at_most: 6 months }\n    scope: { prefix: x/ }\n",
    );
    assert!(d.message.contains("one category"), "{}", d.message);
}
