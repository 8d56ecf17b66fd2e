//! Contact Lens outputs from fetched flows: where analytics is on, whether
//! the original output is kept, and the lifecycle rule of each output's
//! folder (from the bucket root, not the recordings prefix).

use super::*;
use crate::model::{Duration, Value};

const I: &str = "inst-1";
const B: &[(&str, &str)] = &[("Bucket", "rec_bucket")];

/// A flow whose one block is `block` (type and parameters).
fn flow_with(kind: &str, params: J) -> J {
    let content = json!({
        "Version": "2019-10-30",
        "StartAction": "cl",
        "Metadata": {"ActionMetadata": {"cl": {"name": "Analytics on"}}},
        "Actions": [
            {"Identifier": "cl", "Type": kind, "Parameters": params,
             "Transitions": {"NextAction": "end"}},
            {"Identifier": "end", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}
        ]
    });
    json!({"ContactFlow": {"Id": "f-1", "Name": "Inbound", "Arn": "arn:aws:connect:ap-northeast-1:123456789012:instance/inst-1/contact-flow/f-1",
        "Content": content.to_string()}})
}

fn voice(results: &str) -> J {
    json!({"VoiceBehavior": {"VoiceAnalyticsBehavior": {"Enabled": "True", "AnalyticsLanguage": "ja-JP",
        "ConversationalAnalyticsRedactionConfiguration": {"Enabled": "True", "RedactionResults": results}}}})
}

/// Recordings in `rec_bucket` under `connect/rec`, flows listed, one flow.
fn instance(flow: J, rules: J) -> Snapshot {
    Made::new()
        .instance(I, "acme")
        .storage(
            I,
            "CALL_RECORDINGS",
            json!({"StorageType": "S3", "S3Config": {"BucketName": "rec_bucket", "BucketPrefix": "connect/rec"}}),
        )
        .ok(I, "connect:ListContactFlows", &[], json!({"ContactFlowSummaryList": [{"Id": "f-1", "Name": "Inbound"}]}))
        .ok(I, "connect:DescribeContactFlow", &[("ContactFlowId", "f-1")], flow)
        .ok(I, "s3:GetLifecycleConfiguration", B, json!({"Rules": rules}))
        .ok(I, "s3:GetBucketVersioning", B, json!({}))
        .build()
}

#[test]
fn original_kept_and_a_recordings_rule_does_not_cover_the_output() {
    let snap = instance(
        flow_with(
            "UpdateContactRecordingAndAnalyticsBehavior",
            voice("RedactedAndOriginal"),
        ),
        json!([{"ID": "recordings-90", "Status": "Enabled", "Filter": {"Prefix": "connect/rec/"}, "Expiration": {"Days": 90}}]),
    );
    let live = read(&snap);
    let s = claim(&live, "contact-lens-outputs", "storage");
    let Value::Text(t) = &s.value else {
        panic!("{:?}", s.value)
    };
    assert_eq!(
        t.en,
        "Contact Lens on: the original (unredacted) output is kept"
    );
    assert!(s.explain.en.contains("Inbound / Analytics on (Analysis/Voice): redacted and original output (RedactedAndOriginal)"), "{}", s.explain.en);
    assert!(s.explain.ja.contains("Inbound / Analytics on (Analysis/Voice): 秘匿化済みと元の分析結果の両方（RedactedAndOriginal）"), "{}", s.explain.ja);
    assert_eq!(s.observations[0].operation, "DescribeContactFlow");
    assert_eq!(s.observations[0].pointer, "/ContactFlow/Content");

    let r = claim(&live, "contact-lens-outputs", "retention");
    assert_eq!(r.value, Value::Duration(Duration::Never));
    assert_eq!(
        r.explain.en,
        "No enabled lifecycle rule of bucket rec\\_bucket expires objects under Analysis/Voice/, so this Contact Lens output is kept until someone deletes it."
    );
    let caveats: Vec<&str> = r.caveats.iter().map(|c| c.en.as_str()).collect();
    assert_eq!(
        caveats,
        ["Lifecycle rule recordings-90 covers the recordings prefix connect/rec but not Analysis/Voice/: Contact Lens writes its output from the bucket root, not under the recordings prefix."]
    );
    let ops: Vec<(&str, &str)> = r
        .observations
        .iter()
        .map(|o| (o.operation.as_str(), o.pointer.as_str()))
        .collect();
    assert!(
        ops.contains(&("DescribeContactFlow", "/ContactFlow/Content")),
        "{ops:?}"
    );
    assert!(
        ops.contains(&(
            "ListInstanceStorageConfigs",
            "/StorageConfigs/0/S3Config/BucketName"
        )),
        "{ops:?}"
    );
    assert!(
        ops.contains(&("GetBucketLifecycleConfiguration", "/Rules")),
        "{ops:?}"
    );
    // The recordings themselves keep their 90 days.
    let rec = claim(&live, "call-recordings", "retention");
    assert_eq!(rec.value, Value::Duration(Duration::days(90)));
}

#[test]
fn redacted_only_under_a_rule_on_analysis() {
    let snap = instance(
        flow_with(
            "UpdateContactRecordingAndAnalyticsBehavior",
            voice("RedactedOnly"),
        ),
        json!([{"ID": "analysis-365", "Status": "Enabled", "Filter": {"Prefix": "Analysis/"}, "Expiration": {"Days": 365}}]),
    );
    let live = read(&snap);
    let s = claim(&live, "contact-lens-outputs", "storage");
    let Value::Text(t) = &s.value else {
        panic!("{:?}", s.value)
    };
    assert_eq!(
        t.ja,
        "Contact Lens有効: 秘匿化済みの分析結果だけが保存されます"
    );
    let r = claim(&live, "contact-lens-outputs", "retention");
    assert_eq!(r.value, Value::Duration(Duration::days(365)));
    assert_eq!(
        r.explain.en,
        "Lifecycle rule analysis-365 expires the Contact Lens output under Analysis/Voice/Redacted/ in bucket rec\\_bucket 365 days after creation."
    );
    assert_eq!(
        r.observations
            .iter()
            .find(|o| o.operation == "GetBucketLifecycleConfiguration")
            .unwrap()
            .pointer,
        "/Rules/0/Expiration/Days"
    );
    assert!(r.caveats.is_empty(), "{:?}", r.caveats);
}

#[test]
fn the_older_block_and_no_analytics() {
    let old = json!({"RecordingBehavior": {"RecordedParticipants": ["Agent", "Customer"]},
        "AnalyticsBehavior": {"Enabled": "True", "AnalyticsLanguage": "en-US", "AnalyticsRedactionBehavior": "Disabled"}});
    let live = read(&instance(
        flow_with("UpdateContactRecordingBehavior", old),
        json!([]),
    ));
    let s = claim(&live, "contact-lens-outputs", "storage");
    assert!(
        s.explain
            .en
            .contains("(Analysis/Voice, Analysis/Chat): no redaction"),
        "{}",
        s.explain.en
    );
    let off = json!({"VoiceBehavior": {"VoiceAnalyticsBehavior": {"Enabled": "False"}}});
    let live = read(&instance(
        flow_with("UpdateContactRecordingAndAnalyticsBehavior", off),
        json!([]),
    ));
    let s = claim(&live, "contact-lens-outputs", "storage");
    let Value::Text(t) = &s.value else {
        panic!("{:?}", s.value)
    };
    assert_eq!(t.en, "No fetched flow turns Contact Lens analytics on");
    assert!(live
        .claims
        .iter()
        .all(|c| !(c.category == "contact-lens-outputs" && c.property.name() == "retention")));
}

#[test]
fn a_denied_description_leaves_the_outputs_unavailable() {
    let snap = Made::new()
        .instance(I, "acme")
        .ok(
            I,
            "connect:ListContactFlows",
            &[],
            json!({"ContactFlowSummaryList": [{"Id": "f-1"}]}),
        )
        .denied(
            I,
            "connect:DescribeContactFlow",
            &[("ContactFlowId", "f-1")],
        )
        .build();
    let live = read(&snap);
    assert_eq!(
        unavailable(&live, "contact-lens-outputs", "storage"),
        "AccessDenied on connect:DescribeContactFlow"
    );
    assert_eq!(
        unavailable(&live, "contact-lens-outputs", "retention"),
        "AccessDenied on connect:DescribeContactFlow"
    );
}

/// Exported flows (`build --flows`): the blocks and what their redaction
/// keeps, with the caveat that the bucket is not known; nothing when no
/// exported flow turns analytics on (an export is a chosen subset).
#[test]
fn exported_flows_name_the_blocks_and_say_the_bucket_is_unknown() {
    let parse = |body: J| {
        let content = body["ContactFlow"]["Content"].as_str().unwrap().to_string();
        crate::flow::parse_flow("flows/inbound.json", "Inbound", None, None, &content).unwrap()
    };
    let i = i18n();
    let only = parse(flow_with(
        "UpdateContactRecordingAndAnalyticsBehavior",
        voice("RedactedOnly"),
    ));
    let claims = crate::observe::contact_lens_of_exported(&[only], &i);
    assert_eq!(claims.len(), 1);
    let c = &claims[0];
    assert_eq!(c.category, "contact-lens-outputs");
    assert_eq!(c.property, crate::model::Property::Storage);
    let Value::Text(t) = &c.value else {
        panic!("{:?}", c.value)
    };
    assert_eq!(t.en, "Contact Lens on: only the redacted output is kept");
    assert!(
        c.explain.en.contains(
            "Inbound / Analytics on (Analysis/Voice): redacted output only (RedactedOnly)"
        ),
        "{}",
        c.explain.en
    );
    assert!(c.caveats[0]
        .en
        .starts_with("Exported flows do not show which bucket"));
    assert!(c.caveats[0].ja.contains("バケット"));

    let plain = parse(flow_with(
        "UpdateContactRecordingBehavior",
        json!({"RecordingBehavior": {"RecordedParticipants": ["Agent"]}}),
    ));
    assert!(crate::observe::contact_lens_of_exported(&[plain], &i).is_empty());
}
