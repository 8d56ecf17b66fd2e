use super::*;

#[test]
fn the_built_in_mapping_loads_and_covers_facts_table() {
    let f = load(&Assets::default()).expect("frameworks.yaml loads");
    assert_eq!(f.topics.len(), 7);
    assert_eq!(
        f.controls_of(Property::Retention),
        ["DSP-16"].map(String::from)
    );
    assert_eq!(
        f.controls_of(Property::EncryptionInTransit),
        ["CEK-03", "DSP-10"].map(String::from)
    );
    // Every control of every topic has its question.
    for t in &f.topics {
        for c in &t.ccm {
            assert!(
                f.questions.iter().any(|q| &q.control == c),
                "no question for {c}"
            );
        }
    }
    // IPA only at the checked (major.middle) level.
    for t in &f.topics {
        if let Some(ipa) = &t.ipa {
            assert_eq!(ipa.id.split('.').count(), 2, "{}", ipa.id);
        }
    }
}

#[test]
fn unknown_properties_and_keys_are_reported_with_positions() {
    let src = "topics:\n  - id: x\n    title: { ja: あ, en: a }\n    properties: [retension]\n    ccm: [DSP-16]\n    iso27001: []\n    iso27017: []\n    colour: red\nquestions: []\nframeworks: []\n";
    let d = parse("f.yaml", src).expect_err("bad mapping");
    assert_eq!(d.len(), 2, "{d:?}");
    assert!(d[0].message.contains("retension") || d[1].message.contains("retension"));
    assert!(d
        .iter()
        .any(|x| x.code == Code::UnknownKey && x.pos.line == 8));
}
