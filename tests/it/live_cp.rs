//! Issue 15's newer collectors against the fixtures (moto has neither API):
//! the analytics data lake associations (Connect fixture) and the
//! Customer Profiles domain (served on the same wiremock server), each
//! with an AccessDenied fallback.

use crate::common;
use crate::live_common::*;
use serde_json::json;
use shoko::model::{Duration, KeyOwner, Value};
use wiremock::matchers::{body_partial_json, method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn denied() -> ResponseTemplate {
    ResponseTemplate::new(403)
        .insert_header("x-amzn-ErrorType", "AccessDeniedException")
        .set_body_json(json!({"Message": "not authorized"}))
}

/// The ARN moto gives an instance.
fn instance_arn(id: &str) -> String {
    format!("arn:aws:connect:{REGION}:{ACCOUNT}:instance/{id}")
}

#[tokio::test(flavor = "multi_thread")]
async fn data_lake_associations_name_the_accounts_across_pages() {
    let moto = Moto::start();
    let seed = Seed::new(&moto);
    let fx = standard(&seed, "lake", 365).await;
    let id = fx.instance_id.clone();
    let connect = MockServer::start().await;
    let route = format!("/analytics-data/instance/{id}/association");
    // Two pages, shaped as the API reference's response.
    Mock::given(method("GET"))
        .and(path(route.clone()))
        .and(query_param_is_missing("nextToken"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "Results": [{
                "DataSetId": "contact_record",
                "TargetAccountId": "210987654321",
                "ResourceShareId": "rs-1",
                "ResourceShareArn": "arn:aws:ram:ap-northeast-1:123456789012:resource-share/rs-1",
                "ResourceShareStatus": "ACTIVE"
            }],
            "NextToken": "p2"
        })))
        .with_priority(1)
        .mount(&connect)
        .await;
    Mock::given(method("GET"))
        .and(path(route))
        .and(query_param("nextToken", "p2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "Results": [{
                "DataSetId": "contact_lens_conversational_analytics",
                "TargetAccountId": "333344445555",
                "ResourceShareStatus": "PENDING"
            }]
        })))
        .with_priority(1)
        .mount(&connect)
        .await;
    mount_connect(&connect, &moto, std::slice::from_ref(&fx)).await;
    let s3 = s3_shim(&moto).await;
    let snap = collect(&moto, endpoints(&connect, &s3), options()).await;
    let calls = observations(&snap, "ListAnalyticsDataAssociations");
    assert_eq!(calls.len(), 2, "both pages read");
    assert!(calls
        .iter()
        .all(|o| o.error.is_none() && o.sha256.len() == 64));
    let live = interpret(&snap, today());
    let c = claim(&live, "analytics-data-lake", "access-control").expect("lake claim");
    let Value::Text(v) = &c.value else {
        panic!("{:?}", c.value)
    };
    assert_eq!(
        v.en,
        "Shared with 2 AWS account(s): 210987654321, 333344445555"
    );
    assert!(v.ja.contains("210987654321"), "{}", v.ja);
    assert!(c
        .explain
        .en
        .contains("contact\\_record → 210987654321 (ACTIVE)"));
    assert!(c
        .explain
        .en
        .contains("contact\\_lens\\_conversational\\_analytics → 333344445555 (PENDING)"));
    assert!(c
        .observations
        .iter()
        .any(|o| o.operation == "ListAnalyticsDataAssociations"
            && o.pointer == "/Results/0/TargetAccountId"));
    // The retention stays the documented window: no observed claim.
    assert!(claim(&live, "analytics-data-lake", "retention").is_none());
    // Both documents name the accounts, cited to the call.
    let dir = common::scratch();
    snap.write(&dir.path().join("snap")).unwrap();
    std::fs::write(
        dir.path().join("requirements.yaml"),
        "customer:\n  name: { ja: テスト, en: Test }\n  system: { ja: テスト, en: Test }\nrequirements: []\n",
    )
    .unwrap();
    let en = build_from_snapshot(dir.path(), &today().to_string(), &[]);
    let ja = md(&dir.path().join("out"), "ja");
    let row = en
        .lines()
        .find(|l| l.contains("Shared with 2 AWS account(s): 210987654321, 333344445555"))
        .expect("the data lake row");
    assert!(row.contains("| Observed |"), "{row}");
    assert!(
        ja.contains("2 個の AWS アカウントと共有: 210987654321, 333344445555"),
        "{ja}"
    );

    // Nothing shared: said so, cited.
    let connect = connect_fixture(&moto, std::slice::from_ref(&fx)).await;
    let snap = collect(&moto, endpoints(&connect, &s3), options()).await;
    let live = interpret(&snap, today());
    let c = claim(&live, "analytics-data-lake", "access-control").expect("lake claim");
    assert_eq!(
        c.value,
        Value::Text(shoko::model::Bilingual::new(
            "他のアカウントとは共有されていません",
            "Not shared with another account"
        ))
    );
    assert_eq!(c.observations[0].pointer, "/Results");

    // Denied: unavailable, with the reason naming the call.
    let connect = MockServer::start().await;
    Mock::given(wiremock::matchers::path_regex("^/analytics-data/"))
        .respond_with(denied())
        .with_priority(1)
        .mount(&connect)
        .await;
    mount_connect(&connect, &moto, std::slice::from_ref(&fx)).await;
    let snap = collect(&moto, endpoints(&connect, &s3), options()).await;
    let live = interpret(&snap, today());
    assert!(claim(&live, "analytics-data-lake", "access-control").is_none());
    assert_eq!(
        unavailable(&live, "analytics-data-lake", "access-control"),
        Some("AccessDeniedException on connect:ListAnalyticsDataAssociations")
    );
}

/// Serve one Customer Profiles domain for the instance: the integration
/// (ListAccountIntegrations with the instance ARN as URI) and GetDomain.
async fn mount_domain(server: &MockServer, instance: &str, domain: serde_json::Value) {
    let name = domain["DomainName"].as_str().unwrap().to_string();
    Mock::given(method("POST"))
        .and(path("/integrations"))
        .and(body_partial_json(json!({"Uri": instance_arn(instance)})))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "Items": [{
                "DomainName": name,
                "Uri": instance_arn(instance),
                "CreatedAt": 1.7e9,
                "LastUpdatedAt": 1.7e9
            }]
        })))
        .with_priority(1)
        .mount(server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("/domains/{name}")))
        .respond_with(ResponseTemplate::new(200).set_body_json(domain))
        .with_priority(1)
        .mount(server)
        .await;
}

const KEY: &str =
    "arn:aws:kms:ap-northeast-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

#[tokio::test(flavor = "multi_thread")]
async fn customer_profiles_domain_retention_and_key_are_observed() {
    let moto = Moto::start();
    let seed = Seed::new(&moto);
    let fx = standard(&seed, "cp", 365).await;
    let s3 = s3_shim(&moto).await;

    // A domain with a customer managed key and the longest expiry.
    let connect = MockServer::start().await;
    mount_domain(
        &connect,
        &fx.instance_id,
        json!({
            "DomainName": "amazon-connect-cp",
            "DefaultExpirationDays": 1098,
            "DefaultEncryptionKey": KEY,
            "CreatedAt": 1.7e9,
            "LastUpdatedAt": 1.7e9
        }),
    )
    .await;
    mount_connect(&connect, &moto, std::slice::from_ref(&fx)).await;
    let snap = collect(&moto, endpoints(&connect, &s3), options()).await;
    for op in ["ListAccountIntegrations", "GetDomain"] {
        let o = observations(&snap, op);
        assert_eq!(o.len(), 1, "{op}");
        assert!(o[0].error.is_none() && o[0].sha256.len() == 64, "{op}");
        assert_eq!(o[0].service, "profile");
    }
    let live = interpret(&snap, today());
    let r = claim(&live, "customer-profiles", "retention").expect("retention");
    assert_eq!(r.value, Value::Duration(Duration::days(1098)));
    assert!(r
        .observations
        .iter()
        .any(|o| o.operation == "GetDomain" && o.pointer == "/DefaultExpirationDays"));
    let k = claim(&live, "customer-profiles", "encryption.at-rest.key").expect("key");
    assert_eq!(k.value, Value::Key(KeyOwner::CustomerManaged));
    assert!(k.explain.en.contains(KEY), "{}", k.explain.en);
    assert!(k
        .observations
        .iter()
        .any(|o| o.operation == "GetDomain" && o.pointer == "/DefaultEncryptionKey"));
    let s = claim(&live, "customer-profiles", "storage").expect("storage");
    assert!(
        s.explain.en.contains("amazon-connect-cp"),
        "{}",
        s.explain.en
    );

    // A requirement of 5 years cannot be met: 1,098 days is the API's
    // ceiling, and the document says so with the bounded remedy.
    let dir = common::scratch();
    snap.write(&dir.path().join("snap")).unwrap();
    std::fs::write(
        dir.path().join("requirements.yaml"),
        "customer:\n  name: { ja: テスト, en: Test }\n  system: { ja: テスト, en: Test }\nrequirements:\n  - id: CP-01\n    title: { ja: 顧客プロファイルは5年以上保持すること, en: Customer profiles must be kept 5 years }\n    category: customer-profiles\n    property: retention\n    expect: { at_least: 5 years }\n    priority: must\n",
    )
    .unwrap();
    let en = build_from_snapshot(dir.path(), &today().to_string(), &[]);
    std::fs::write("/tmp/cp15/cp-en.md", &en).ok();
    let row = en
        .lines()
        .find(|l| l.contains("CP-01"))
        .expect("CP-01 in the document");
    assert!(
        row.contains("| Gap |") && row.contains("Negotiate"),
        "{row}"
    );
    let verdict = en
        .lines()
        .find(|l| l.starts_with("- **Gap (Observed)**") && l.contains("1098 days"))
        .expect("the observed verdict");
    assert!(verdict.contains("(obs-"), "cited to the call: {verdict}");
    assert!(
        en.contains("The API accepts at most 1,098 days for `DefaultExpirationDays`"),
        "{en}"
    );

    // A domain without a key: the AWS managed default, cited to GetDomain.
    let connect = MockServer::start().await;
    mount_domain(
        &connect,
        &fx.instance_id,
        json!({
            "DomainName": "amazon-connect-cp",
            "DefaultExpirationDays": 365,
            "CreatedAt": 1.7e9,
            "LastUpdatedAt": 1.7e9
        }),
    )
    .await;
    mount_connect(&connect, &moto, std::slice::from_ref(&fx)).await;
    let snap = collect(&moto, endpoints(&connect, &s3), options()).await;
    let live = interpret(&snap, today());
    let k = claim(&live, "customer-profiles", "encryption.at-rest.key").expect("key");
    assert_eq!(k.value, Value::Key(KeyOwner::AwsManaged));
    assert!(
        k.explain.en.contains("no DefaultEncryptionKey"),
        "{}",
        k.explain.en
    );
    assert_eq!(
        claim(&live, "customer-profiles", "retention").map(|c| &c.value),
        Some(&Value::Duration(Duration::days(365)))
    );

    // No integration: no domain, said so; nothing claimed about retention.
    let connect = connect_fixture(&moto, std::slice::from_ref(&fx)).await;
    let snap = collect(&moto, endpoints(&connect, &s3), options()).await;
    let live = interpret(&snap, today());
    let s = claim(&live, "customer-profiles", "storage").expect("storage");
    assert!(s.explain.en.contains("no integration"), "{}", s.explain.en);
    assert!(claim(&live, "customer-profiles", "retention").is_none());
    assert!(observations(&snap, "GetDomain").is_empty());

    // Denied: every property falls back, with the reason.
    let connect = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/integrations"))
        .respond_with(denied())
        .with_priority(1)
        .mount(&connect)
        .await;
    mount_connect(&connect, &moto, std::slice::from_ref(&fx)).await;
    let snap = collect(&moto, endpoints(&connect, &s3), options()).await;
    let live = interpret(&snap, today());
    for p in ["storage", "retention", "encryption.at-rest.key"] {
        assert!(claim(&live, "customer-profiles", p).is_none(), "{p}");
        assert_eq!(
            unavailable(&live, "customer-profiles", p),
            Some("AccessDeniedException on profile:ListAccountIntegrations"),
            "{p}"
        );
    }
    let dir = common::scratch();
    snap.write(&dir.path().join("snap")).unwrap();
    std::fs::write(
        dir.path().join("requirements.yaml"),
        "customer:\n  name: { ja: テスト, en: Test }\n  system: { ja: テスト, en: Test }\nrequirements: []\n",
    )
    .unwrap();
    let en = build_from_snapshot(dir.path(), &today().to_string(), &[]);
    assert!(
        en.contains("AccessDeniedException on profile:ListAccountIntegrations"),
        "{en}"
    );
}

/// `build --flows DIR` offline: the Contact Lens outputs category gets the
/// redaction the exported flows set, cited to the files, and says that the
/// bucket (so the retention of the outputs) is not known from them.
#[test]
fn exported_flows_show_contact_lens_redaction_offline() {
    let fixtures =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/contact_lens");
    for (set, value_en, redaction_en, redaction_ja) in [
        (
            "both",
            "Contact Lens on: the original (unredacted) output is kept",
            "Inbound with analytics / Turn on Contact Lens (Analysis/Voice): redacted and original output (RedactedAndOriginal)",
            "Inbound with analytics / Turn on Contact Lens (Analysis/Voice): 秘匿化済みと元の分析結果の両方（RedactedAndOriginal）",
        ),
        (
            "redacted_only",
            "Contact Lens on: only the redacted output is kept",
            "Inbound redacted / Turn on Contact Lens (Analysis/Voice): redacted output only (RedactedOnly)",
            "Inbound redacted / Turn on Contact Lens (Analysis/Voice): 秘匿化済みのみ（RedactedOnly）",
        ),
    ] {
        let dir = common::scratch();
        std::fs::write(
            dir.path().join("requirements.yaml"),
            "customer:\n  name: { ja: テスト, en: Test }\n  system: { ja: テスト, en: Test }\nrequirements: []\n",
        )
        .unwrap();
        let flows = fixtures.join(set);
        let o = common::shoko(
            &[
                "build",
                "--requirements",
                "requirements.yaml",
                "--flows",
                flows.to_str().unwrap(),
                "--format",
                "md",
                "--as-of",
                "2026-01-15",
                "--out",
                "out",
                "--dump-model",
                "model.json",
            ],
            dir.path(),
        );
        assert!(o.status.success(), "{}", common::text(&o));
        let m: serde_json::Value =
            serde_json::from_slice(&std::fs::read(dir.path().join("model.json")).unwrap()).unwrap();
        let cat = m["categories"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == "contact-lens-outputs")
            .expect("category");
        let storage = cat["claims"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["property"] == "storage")
            .expect("storage claim");
        assert_eq!(storage["provenance"], "observed", "{storage:#}");
        let text = storage.to_string();
        assert!(text.contains(value_en), "{text}");
        let en = md(&dir.path().join("out"), "en");
        let ja = md(&dir.path().join("out"), "ja");
        assert!(en.contains(redaction_en), "{en}");
        assert!(en.contains("inbound.json"), "cited to the flow file: {en}");
        assert!(ja.contains(redaction_ja), "{ja}");
        assert!(
            en.contains("Exported flows do not show which bucket receives the outputs"),
            "{en}"
        );
        assert!(ja.contains("エクスポートしたフローからは、出力を受け取るバケット"), "{ja}");
        // The retention of the outputs is not observed from exported flows.
        let retention = cat["claims"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["property"] == "retention");
        assert!(
            retention.is_none_or(|r| r["provenance"] != "observed"),
            "{retention:?}"
        );
    }
}
