//! Several instances: agreeing values are one claim naming them, differing
//! values are unavailable with both named, and a failed instance listing
//! makes every property unavailable with the reason.

use super::*;
use crate::model::Value;

fn profiles(m: Made, inst: &str, names: &[&str]) -> Made {
    let list: Vec<J> = names.iter().map(|n| json!({"Name": n})).collect();
    m.ok(
        inst,
        "connect:ListSecurityProfiles",
        &[],
        json!({"SecurityProfileSummaryList": list}),
    )
}

#[test]
fn instances_that_agree_make_one_claim_and_name_each_other() {
    let m = Made::new().instance("i-1", "one_a").instance("i-2", "two");
    let live = read(&m.build());
    let r = claim(&live, "contact-center-data", "region");
    assert_eq!(r.value, Value::Region(REGION.into()));
    assert_eq!(
        r.caveats.last().unwrap().en,
        "The same value was observed in: one\\_a, two"
    );
    assert_eq!(
        r.caveats.last().unwrap().ja,
        "同じ値を次のインスタンスで確認しました: one\\_a, two"
    );
    assert_eq!(r.observations.len(), 2);
}

#[test]
fn free_text_that_differs_is_shown_per_instance() {
    let m = Made::new().instance("i-1", "one").instance("i-2", "two");
    let m = profiles(profiles(m, "i-1", &["Admin"]), "i-2", &["Agent"]);
    let live = read(&m.build());
    let a = claim(&live, "contact-center-data", "access-control");
    let Value::Text(t) = &a.value else {
        panic!("{:?}", a.value)
    };
    assert_eq!(
        t.en,
        "one: 1 security profile(s) (Admin); two: 1 security profile(s) (Agent)"
    );
}

#[test]
fn an_instance_that_could_not_be_read_is_a_caveat() {
    let m = Made::new().instance("i-1", "one").instance("i-2", "two");
    let m = profiles(m, "i-1", &["Admin"]).denied("i-2", "connect:ListSecurityProfiles", &[]);
    let live = read(&m.build());
    let a = claim(&live, "contact-center-data", "access-control");
    assert_eq!(
        a.caveats.last().unwrap().en,
        "Could not be read for instance two: AccessDenied on connect:ListSecurityProfiles"
    );
    assert_eq!(
        a.caveats.last().unwrap().ja,
        "インスタンス two では取得できませんでした: AccessDenied on connect:ListSecurityProfiles"
    );
}

#[test]
fn values_that_differ_are_unavailable_naming_both() {
    let hours = |h: u64| {
        json!({"StorageType": "KINESIS_VIDEO_STREAM", "KinesisVideoStreamConfig": {
            "Prefix": "m", "RetentionPeriodHours": h}})
    };
    let m = Made::new()
        .instance("i-1", "one")
        .instance("i-2", "two")
        .storage("i-1", "MEDIA_STREAMS", hours(24))
        .storage("i-2", "MEDIA_STREAMS", hours(48));
    let live = read(&m.build());
    assert_eq!(
        unavailable(&live, "media-streams", "retention"),
        "the instances disagree (one: 24 hours, two: 48 hours); build with --instance to document one"
    );
}

#[test]
fn a_failed_instance_listing_explains_every_property() {
    let snap = Snapshot::assemble(Assembly {
        started_at: String::new(),
        finished_at: String::new(),
        regions: vec![REGION.into()],
        selector: vec!["all".into()],
        instances: vec![],
        notes: vec![],
        records: vec![],
    });
    assert!(read(&snap).unavailable.is_empty());
    let m = Made::new().denied("", "connect:ListInstances", &[]);
    let live = read(&m.build());
    assert!(live.claims.is_empty());
    assert_eq!(
        unavailable(&live, "call-recordings", "retention"),
        "AccessDenied on connect:ListInstances"
    );
    assert_eq!(
        unavailable(&live, "flow-logs", "encryption.at-rest.key"),
        "AccessDenied on connect:ListInstances"
    );
}

#[test]
fn instances_are_chosen_by_id_alias_or_arn() {
    let snap = Made::new()
        .instance("i-1", "one")
        .instance("i-2", "two")
        .build();
    let names = |n: &[&str]| -> Vec<String> {
        crate::observe::chosen_instances(
            &snap,
            &n.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
        )
        .iter()
        .map(|i| i.id.clone())
        .collect()
    };
    assert_eq!(names(&[]), ["i-1", "i-2"]);
    assert_eq!(names(&["two"]), ["i-2"]);
    assert_eq!(names(&["i-1"]), ["i-1"]);
    let arn = format!("arn:aws:connect:{REGION}:{ACCOUNT}:instance/i-2");
    assert_eq!(names(&[arn.as_str()]), ["i-2"]);
    assert!(names(&["nobody"]).is_empty());
}
