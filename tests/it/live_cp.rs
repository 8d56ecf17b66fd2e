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
    // No object type (the fixture's default): said so, cited to the list.
    assert!(
        r.caveats
            .iter()
            .any(|c| c.en
                == "The domain has no object type: the default applies to all its profiles."),
        "{:?}",
        r.caveats
    );
    assert!(r
        .observations
        .iter()
        .any(|o| o.operation == "ListProfileObjectTypes" && o.pointer == "/Items"));
    assert!(r.condition.is_none());
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

/// Serve a domain's object types: the list in two pages, then each type.
async fn mount_object_types(server: &MockServer, domain: &str, types: &[serde_json::Value]) {
    let route = format!("/domains/{domain}/object-types");
    let item = |t: &serde_json::Value| {
        json!({
            "ObjectTypeName": t["ObjectTypeName"],
            "Description": t["Description"],
            "CreatedAt": 1.7e9,
            "LastUpdatedAt": 1.7e9
        })
    };
    let (first, rest) = types.split_at(1);
    Mock::given(method("GET"))
        .and(path(route.clone()))
        .and(query_param_is_missing("next-token"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "Items": first.iter().map(item).collect::<Vec<_>>(),
            "NextToken": "t2"
        })))
        .with_priority(1)
        .mount(server)
        .await;
    Mock::given(method("GET"))
        .and(path(route.clone()))
        .and(query_param("next-token", "t2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "Items": rest.iter().map(item).collect::<Vec<_>>()
        })))
        .with_priority(1)
        .mount(server)
        .await;
    for t in types {
        Mock::given(method("GET"))
            .and(path(format!(
                "{route}/{}",
                t["ObjectTypeName"].as_str().unwrap()
            )))
            .respond_with(ResponseTemplate::new(200).set_body_json(t.clone()))
            .with_priority(1)
            .mount(server)
            .await;
    }
}

const TYPE_KEY: &str =
    "arn:aws:kms:ap-northeast-1:123456789012:key/9999abcd-12ab-34cd-56ef-1234567890ab";

#[tokio::test(flavor = "multi_thread")]
async fn customer_profiles_object_types_that_override_the_default_are_named() {
    let moto = Moto::start();
    let seed = Seed::new(&moto);
    let fx = standard(&seed, "cpot", 365).await;
    let s3 = s3_shim(&moto).await;
    let domain = json!({
        "DomainName": "amazon-connect-cpot",
        "DefaultExpirationDays": 400,
        "DefaultEncryptionKey": KEY,
        "CreatedAt": 1.7e9,
        "LastUpdatedAt": 1.7e9
    });

    // Two object types: Orders keeps its objects 90 days with its own key,
    // Accounts follows the default (its ExpirationDays equals it).
    let connect = MockServer::start().await;
    mount_domain(&connect, &fx.instance_id, domain.clone()).await;
    mount_object_types(
        &connect,
        "amazon-connect-cpot",
        &[
            json!({
                "ObjectTypeName": "Accounts",
                "Description": "CRM accounts",
                "ExpirationDays": 400,
                "EncryptionKey": KEY,
                "AllowProfileCreation": false
            }),
            json!({
                "ObjectTypeName": "Orders",
                "Description": "Shop orders",
                "ExpirationDays": 90,
                "EncryptionKey": TYPE_KEY,
                "AllowProfileCreation": false
            }),
        ],
    )
    .await;
    mount_connect(&connect, &moto, std::slice::from_ref(&fx)).await;
    let snap = collect(&moto, endpoints(&connect, &s3), options()).await;
    let lists = observations(&snap, "ListProfileObjectTypes");
    assert_eq!(lists.len(), 2, "both pages read");
    let types = observations(&snap, "GetProfileObjectType");
    assert_eq!(types.len(), 2, "each type read");
    assert!(lists
        .iter()
        .chain(&types)
        .all(|o| o.error.is_none() && o.sha256.len() == 64 && o.service == "profile"));
    let live = interpret(&snap, today());
    let r = claim(&live, "customer-profiles", "retention").expect("retention");
    // The value stays the domain default; the overriding type is named,
    // cited, and the claim holds only on a condition.
    assert_eq!(r.value, Value::Duration(Duration::days(400)));
    assert!(r
        .observations
        .iter()
        .any(|o| o.operation == "GetProfileObjectType" && o.pointer == "/ExpirationDays"));
    let caveats: Vec<&str> = r.caveats.iter().map(|c| c.en.as_str()).collect();
    assert!(
        caveats.iter().any(|c| c.contains(
            "Object type Orders has its own ExpirationDays 90, shorter than the domain default of 400 days"
        )),
        "{caveats:?}"
    );
    assert!(
        !caveats.iter().any(|c| c.contains("Object type Accounts")),
        "Accounts follows the default: {caveats:?}"
    );
    assert!(r.condition.is_some(), "an overriding type is a condition");
    let k = claim(&live, "customer-profiles", "encryption.at-rest.key").expect("key");
    assert_eq!(k.value, Value::Key(KeyOwner::CustomerManaged));
    assert!(
        k.caveats.iter().any(|c| c
            .en
            .contains("Object type Orders encrypts its objects with its own key")
            && c.en.contains(TYPE_KEY)),
        "{:?}",
        k.caveats
    );
    assert!(k
        .observations
        .iter()
        .any(|o| o.operation == "GetProfileObjectType" && o.pointer == "/EncryptionKey"));

    // 1 year: the default (400 days) meets it, Orders (90) does not, so
    // the document says review and names the type in both languages.
    let dir = common::scratch();
    snap.write(&dir.path().join("snap")).unwrap();
    std::fs::write(
        dir.path().join("requirements.yaml"),
        "customer:\n  name: { ja: テスト, en: Test }\n  system: { ja: テスト, en: Test }\nrequirements:\n  - id: CP-02\n    title: { ja: 顧客プロファイルは1年以上保持すること, en: Customer profiles must be kept 1 year }\n    category: customer-profiles\n    property: retention\n    expect: { at_least: 1 year }\n    priority: must\n",
    )
    .unwrap();
    let en = build_from_snapshot(dir.path(), &today().to_string(), &[]);
    let ja = md(&dir.path().join("out"), "ja");
    let row = en
        .lines()
        .find(|l| l.contains("CP-02"))
        .expect("CP-02 in the document");
    assert!(row.contains("| Review |"), "{row}");
    let line = en
        .lines()
        .find(|l| l.contains("Object type Orders has its own ExpirationDays 90"))
        .expect("the overriding type in the English document");
    assert!(line.contains("400 days"), "{line}");
    assert!(
        en.contains(
            "Object types Orders (90 days) keep their objects for their own number of days"
        ),
        "{en}"
    );
    assert!(
        ja.contains("オブジェクトタイプ Orders（90 日）のオブジェクトは"),
        "{ja}"
    );
    assert!(
        ja.contains("オブジェクトタイプ Orders には独自の ExpirationDays 90 があり、ドメインのデフォルトの 400 日より短くなっています"),
        "{ja}"
    );
    // Cited: the retention row names the entry for Orders' ExpirationDays.
    for (doc, field) in [
        (&en, "Field `/ExpirationDays`"),
        (&ja, "参照箇所 `/ExpirationDays`"),
    ] {
        let entry = doc
            .lines()
            .find(|l| {
                l.contains("profile:GetProfileObjectType (DomainName=amazon-connect-cpot, ObjectTypeName=Orders)")
                    && l.contains(field)
            })
            .expect("the Orders observation in the list of evidence");
        let label = entry.split("**").nth(1).expect("its label");
        let row = doc
            .lines()
            .find(|l| l.starts_with("| ") && l.contains("| 400") && l.contains("Orders"))
            .expect("the retention row");
        assert!(row.contains(label), "{row} cites {label}");
    }

    // Only types that follow the default: the claim says so, no condition.
    let connect = MockServer::start().await;
    mount_domain(&connect, &fx.instance_id, domain.clone()).await;
    mount_object_types(
        &connect,
        "amazon-connect-cpot",
        &[
            json!({"ObjectTypeName": "Accounts", "Description": "CRM", "AllowProfileCreation": false}),
            json!({"ObjectTypeName": "Cases", "Description": "Cases", "ExpirationDays": 400, "AllowProfileCreation": false}),
        ],
    )
    .await;
    mount_connect(&connect, &moto, std::slice::from_ref(&fx)).await;
    let snap = collect(&moto, endpoints(&connect, &s3), options()).await;
    let live = interpret(&snap, today());
    let r = claim(&live, "customer-profiles", "retention").expect("retention");
    assert!(r.condition.is_none());
    assert!(
        r.caveats.iter().any(|c| c.en.contains(
            "None of the domain's 2 object type(s) sets its own ExpirationDays different from the default"
        )),
        "{:?}",
        r.caveats
    );

    // ListProfileObjectTypes denied: the default is still observed, and
    // the caveat says the types are unknown and why.
    let connect = MockServer::start().await;
    mount_domain(&connect, &fx.instance_id, domain).await;
    Mock::given(method("GET"))
        .and(path("/domains/amazon-connect-cpot/object-types"))
        .respond_with(denied())
        .with_priority(1)
        .mount(&connect)
        .await;
    mount_connect(&connect, &moto, std::slice::from_ref(&fx)).await;
    let snap = collect(&moto, endpoints(&connect, &s3), options()).await;
    assert!(observations(&snap, "GetProfileObjectType").is_empty());
    let live = interpret(&snap, today());
    let r = claim(&live, "customer-profiles", "retention").expect("retention");
    assert_eq!(r.value, Value::Duration(Duration::days(400)));
    assert!(r.condition.is_none());
    let unknown = "The domain's object types are unknown (AccessDeniedException on profile:ListProfileObjectTypes)";
    assert!(
        r.caveats.iter().any(|c| c.en.contains(unknown)),
        "{:?}",
        r.caveats
    );
    let dir = common::scratch();
    snap.write(&dir.path().join("snap")).unwrap();
    std::fs::write(
        dir.path().join("requirements.yaml"),
        "customer:\n  name: { ja: テスト, en: Test }\n  system: { ja: テスト, en: Test }\nrequirements: []\n",
    )
    .unwrap();
    let en = build_from_snapshot(dir.path(), &today().to_string(), &[]);
    let ja = md(&dir.path().join("out"), "ja");
    assert!(en.contains(unknown), "{en}");
    assert!(
        ja.contains("ドメインのオブジェクトタイプは不明です（AccessDeniedException on profile:ListProfileObjectTypes）"),
        "{ja}"
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
