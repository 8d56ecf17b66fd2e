//! Audit logs observed live: CloudTrail trails in moto (DescribeTrails with
//! shadow trails, GetEventSelectors basic and advanced, GetTrailStatus),
//! the trail bucket's lifecycle through the S3 path, and a denied
//! DescribeTrails that falls back to the documented tier, said so in the
//! document.

use crate::common;
use crate::live_common::*;
use shoko::model::{Duration, KeyOwner, Value};
use wiremock::matchers::{header_regex, method};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// An audit-log requirement set: reads and deletions of recordings are
/// logged, and the audit log is kept at least a year.
const REQUIREMENTS: &str = r#"customer:
  name: { ja: 監査テスト, en: Audit test }
  system: { ja: コンタクトセンター, en: Contact center }
requirements:
  - id: AUD-01
    title:
      ja: 録音の参照・削除をアクセスログとして記録すること
      en: Reading and deleting recordings must be recorded in an access log
    category: audit-logs
    property: data-access-logged
    expect: { is: true }
    priority: must
  - id: AUD-02
    title:
      ja: アクセスログは1年以上保存すること
      en: Access logs must be kept at least 1 year
    category: audit-logs
    property: retention
    expect: { at_least: 1 year }
    priority: must
"#;

/// The standard instance, plus a trail bucket whose lifecycle expires
/// log files after `days`.
async fn setup(seed: &Seed, alias: &str, days: i32) -> (ConnectFixture, String) {
    let fx = standard(seed, alias, 730).await;
    let trail_bucket = format!("{alias}-audit");
    seed.bucket(&trail_bucket, false).await;
    seed.lifecycle(&trail_bucket, "", days, None).await;
    (fx, trail_bucket)
}

/// Build the English document from `snap` with [`REQUIREMENTS`].
fn build(dir: &std::path::Path) -> String {
    std::fs::write(dir.join("requirements.yaml"), REQUIREMENTS).unwrap();
    let en = build_from_snapshot(dir, &today().to_string(), &[]);
    // SHOKO_KEEP_LIVE=DIR keeps the folders, to look at the documents.
    if let Some(keep) = std::env::var_os("SHOKO_KEEP_LIVE") {
        let to = std::path::Path::new(&keep).join(dir.file_name().unwrap_or_default());
        let _ = std::process::Command::new("cp")
            .arg("-r")
            .arg(dir)
            .arg(to)
            .status();
    }
    en
}

/// The requirement's row in the English document's requirement table.
fn row<'a>(en: &'a str, id: &str) -> &'a str {
    en.lines()
        .find(|l| l.starts_with(&format!("| {id} |")) && l.ends_with("** |"))
        .unwrap_or_else(|| panic!("no {id} row:\n{en}"))
}

#[tokio::test(flavor = "multi_thread")]
async fn a_logging_trail_with_s3_data_events_on_the_recordings_bucket_meets_the_requirement() {
    let moto = Moto::start();
    let seed = Seed::new(&moto);
    let (fx, tb) = setup(&seed, "audited", 400).await;
    let value = format!("arn:aws:s3:::{}/", fx.bucket);
    seed_trail(
        &moto,
        "org-audit",
        &tb,
        TrailEvents::Basic("All", &[value.as_str()]),
        true,
    )
    .await;
    let connect = connect_fixture(&moto, std::slice::from_ref(&fx)).await;
    let s3 = s3_shim(&moto).await;
    let snap = collect(&moto, endpoints(&connect, &s3), options()).await;

    // The three CloudTrail calls, each recorded and answered.
    for op in ["DescribeTrails", "GetEventSelectors", "GetTrailStatus"] {
        let obs = observations(&snap, op);
        assert_eq!(obs.len(), 1, "{op}: {obs:?}");
        assert!(obs[0].error.is_none(), "{obs:?}");
    }
    assert!(observations(&snap, "DescribeTrails")[0]
        .parameters
        .contains(&("includeShadowTrails".to_string(), "true".to_string())));
    // The trail bucket went through the S3 path.
    assert!(observations(&snap, "GetBucketLifecycleConfiguration")
        .iter()
        .any(|o| o.parameters.iter().any(|(_, v)| v == &tb)));

    let live = interpret(&snap, today());
    let c = claim(&live, "audit-logs", "data-access-logged").expect("data-access-logged");
    assert_eq!(c.value, Value::Bool(true));
    assert!(c.explain.en.contains("org-audit"), "{:?}", c.explain);
    let ops: Vec<&str> = c
        .observations
        .iter()
        .map(|s| s.operation.as_str())
        .collect();
    assert!(ops.contains(&"GetEventSelectors"), "{ops:?}");
    assert!(ops.contains(&"GetTrailStatus"), "{ops:?}");
    let r = claim(&live, "audit-logs", "retention").expect("retention");
    assert_eq!(r.value, Value::Duration(Duration::days(400)));
    let g = claim(&live, "audit-logs", "region").expect("region");
    assert_eq!(g.value, Value::Region(REGION.to_string()));
    assert!(g.explain.en.contains("multi-Region"), "{:?}", g.explain);
    let k = claim(&live, "audit-logs", "encryption.at-rest.key").expect("key");
    assert_eq!(k.value, Value::Key(KeyOwner::AwsOwned));

    let dir = common::scratch();
    snap.write(&dir.path().join("snap"))
        .expect("write snapshot");
    let en = build(dir.path());
    assert!(row(&en, "AUD-01").ends_with("**Met** |"), "{en}");
    assert!(row(&en, "AUD-02").ends_with("**Met** |"), "{en}");
    assert!(en.contains("cloudtrail:GetEventSelectors"), "{en}");
}

#[tokio::test(flavor = "multi_thread")]
async fn advanced_selectors_on_the_bucket_count_and_a_management_only_trail_does_not() {
    let moto = Moto::start();
    let seed = Seed::new(&moto);
    let (fx, tb) = setup(&seed, "advanced", 30).await;
    seed_trail(&moto, "mgmt-only", &tb, TrailEvents::Management, true).await;
    let snap = {
        let connect = connect_fixture(&moto, std::slice::from_ref(&fx)).await;
        let s3 = s3_shim(&moto).await;
        collect(&moto, endpoints(&connect, &s3), options()).await
    };
    let live = interpret(&snap, today());
    let c = claim(&live, "audit-logs", "data-access-logged").expect("claim");
    assert_eq!(c.value, Value::Bool(false));
    assert!(
        c.explain.en.contains("management events"),
        "{:?}",
        c.explain
    );
    assert!(c.explain.ja.contains("管理イベント"), "{:?}", c.explain);
    let dir = common::scratch();
    snap.write(&dir.path().join("snap"))
        .expect("write snapshot");
    let en = build(dir.path());
    assert!(row(&en, "AUD-01").ends_with("**Gap** |"), "{en}");
    // 30 days of trail logs is short of a year: a gap as well.
    assert!(row(&en, "AUD-02").ends_with("**Gap** |"), "{en}");
    // The remedy of the catalog's change entry: configure data events.
    assert!(en.contains("Have a trail log S3 data events"), "{en}");

    // A second trail with advanced selectors on the recordings bucket.
    let sel = serde_json::json!([{
        "Name": "recordings-data",
        "FieldSelectors": [
            {"Field": "eventCategory", "Equals": ["Data"]},
            {"Field": "resources.type", "Equals": ["AWS::S3::Object"]},
            {"Field": "resources.ARN", "StartsWith": [format!("arn:aws:s3:::{}/", fx.bucket)]}
        ]
    }]);
    seed_trail(&moto, "data-audit", &tb, TrailEvents::Advanced(sel), true).await;
    let connect = connect_fixture(&moto, std::slice::from_ref(&fx)).await;
    let s3 = s3_shim(&moto).await;
    let snap = collect(&moto, endpoints(&connect, &s3), options()).await;
    assert_eq!(observations(&snap, "GetEventSelectors").len(), 2);
    let live = interpret(&snap, today());
    let c = claim(&live, "audit-logs", "data-access-logged").expect("claim");
    assert_eq!(c.value, Value::Bool(true), "{:?}", c.explain);
    assert!(c.explain.en.contains("data-audit"), "{:?}", c.explain);
    let pointers: Vec<&str> = c.observations.iter().map(|s| s.pointer.as_str()).collect();
    assert!(
        pointers.contains(&"/AdvancedEventSelectors/0"),
        "{pointers:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_trail_that_is_not_logging_or_records_only_reads_does_not_count() {
    let moto = Moto::start();
    let seed = Seed::new(&moto);
    let (fx, tb) = setup(&seed, "halfway", 400).await;
    let value = format!("arn:aws:s3:::{}/", fx.bucket);
    seed_trail(
        &moto,
        "stopped",
        &tb,
        TrailEvents::Basic("All", &[value.as_str()]),
        false,
    )
    .await;
    seed_trail(
        &moto,
        "reads-only",
        &tb,
        TrailEvents::Basic("ReadOnly", &[value.as_str()]),
        true,
    )
    .await;
    let connect = connect_fixture(&moto, std::slice::from_ref(&fx)).await;
    let s3 = s3_shim(&moto).await;
    let snap = collect(&moto, endpoints(&connect, &s3), options()).await;
    let live = interpret(&snap, today());
    let c = claim(&live, "audit-logs", "data-access-logged").expect("claim");
    assert_eq!(c.value, Value::Bool(false));
    let caveats: Vec<&str> = c.caveats.iter().map(|b| b.en.as_str()).collect();
    assert!(
        caveats
            .iter()
            .any(|x| x.contains("stopped") && x.contains("not logging")),
        "{caveats:?}"
    );
    assert!(
        caveats
            .iter()
            .any(|x| x.contains("reads-only") && x.contains("only reads")),
        "{caveats:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn access_denied_on_describe_trails_falls_back_to_the_documented_tier_and_says_so() {
    let moto = Moto::start();
    let seed = Seed::new(&moto);
    let (fx, tb) = setup(&seed, "denied-trail", 400).await;
    let value = format!("arn:aws:s3:::{}/", fx.bucket);
    seed_trail(
        &moto,
        "hidden",
        &tb,
        TrailEvents::Basic("All", &[value.as_str()]),
        true,
    )
    .await;
    let connect = connect_fixture(&moto, std::slice::from_ref(&fx)).await;
    let s3 = s3_shim(&moto).await;
    // CloudTrail (JSON 1.1) denies DescribeTrails.
    let ct = MockServer::start().await;
    Mock::given(method("POST"))
        .and(header_regex("x-amz-target", r"\.DescribeTrails$"))
        .respond_with(
            ResponseTemplate::new(400)
                .insert_header("x-amzn-errortype", "AccessDeniedException")
                .set_body_raw(
                    r#"{"__type":"AccessDeniedException","message":"User is not authorized to perform: cloudtrail:DescribeTrails"}"#,
                    "application/x-amz-json-1.1",
                ),
        )
        .mount(&ct)
        .await;
    let mut eps = endpoints(&connect, &s3);
    eps.insert("cloudtrail".to_string(), ct.uri());
    let snap = collect(&moto, eps, options()).await;
    let d = observations(&snap, "DescribeTrails");
    assert_eq!(d.len(), 1);
    assert_eq!(
        d[0].error.as_ref().expect("denied").code,
        "AccessDeniedException"
    );
    // Nothing is asked about trails it could not list.
    assert!(observations(&snap, "GetEventSelectors").is_empty());
    let live = interpret(&snap, today());
    for p in [
        "data-access-logged",
        "retention",
        "region",
        "encryption.at-rest.key",
    ] {
        assert!(claim(&live, "audit-logs", p).is_none(), "{p}");
        assert_eq!(
            unavailable(&live, "audit-logs", p),
            Some("AccessDeniedException on cloudtrail:DescribeTrails"),
            "{p}"
        );
    }
    // The rest of the run still produced evidence.
    assert!(claim(&live, "call-recordings", "retention").is_some());
    let dir = common::scratch();
    snap.write(&dir.path().join("snap"))
        .expect("write snapshot");
    let en = build(dir.path());
    // The documented value (no data events by default) decides, and the
    // document says why live evidence is missing.
    assert!(row(&en, "AUD-01").ends_with("**Gap** |"), "{en}");
    assert!(
        en.contains("AccessDeniedException on cloudtrail:DescribeTrails"),
        "{en}"
    );
}

/// A requirement that users sign in through the buyer's identity provider,
/// and one that nobody can download recordings.
const AUTH_REQUIREMENTS: &str = r#"customer:
  name: { ja: 認証テスト, en: Sign-in test }
  system: { ja: コンタクトセンター, en: Contact center }
requirements:
  - id: AUTH-01
    title:
      ja: 職員の認証は庁内のIDプロバイダーで行うこと
      en: Staff must sign in through the buyer's identity provider
    category: contact-center-data
    property: access-control.authentication
    expect: { at_least: saml }
    priority: must
  - id: DL-01
    title:
      ja: 録音をダウンロードできないこと
      en: Recordings must not be downloadable
    category: contact-center-data
    property: access-control.download
    expect: { is: false }
    priority: must
"#;

/// The standard fixture on an instance created with `kind` identity management.
async fn instance_with(
    seed: &Seed,
    alias: &str,
    kind: aws_sdk_connect::types::DirectoryType,
) -> ConnectFixture {
    let mut fx = standard(seed, &format!("{alias}-base"), 730).await;
    let o = seed
        .connect
        .create_instance()
        .identity_management_type(kind)
        .instance_alias(alias)
        .inbound_calls_enabled(true)
        .outbound_calls_enabled(true)
        .send()
        .await
        .expect("moto CreateInstance");
    fx.instance_id = o.id().unwrap().to_string();
    fx
}

async fn sign_in_document(
    kind: aws_sdk_connect::types::DirectoryType,
    alias: &str,
) -> (shoko::model::evidence::LiveEvidence, String) {
    let moto = Moto::start();
    let seed = Seed::new(&moto);
    let fx = instance_with(&seed, alias, kind).await;
    let connect = connect_fixture(&moto, std::slice::from_ref(&fx)).await;
    let s3 = s3_shim(&moto).await;
    let mut opts = options();
    opts.instances = shoko::collect::Selector::Named(vec![fx.instance_id.clone()]);
    let snap = collect(&moto, endpoints(&connect, &s3), opts).await;
    let live = interpret(&snap, today());
    let dir = common::scratch();
    snap.write(&dir.path().join("snap"))
        .expect("write snapshot");
    std::fs::write(dir.path().join("requirements.yaml"), AUTH_REQUIREMENTS).unwrap();
    let en = build_from_snapshot(dir.path(), &today().to_string(), &[]);
    (live, en)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_saml_instance_meets_an_at_least_saml_requirement() {
    let (live, en) =
        sign_in_document(aws_sdk_connect::types::DirectoryType::Saml, "saml-center").await;
    let c = claim(
        &live,
        "contact-center-data",
        "access-control.authentication",
    )
    .expect("claim");
    assert_eq!(c.value, Value::Identity(shoko::model::Identity::Saml));
    assert_eq!(c.observations[0].operation, "DescribeInstance");
    assert_eq!(
        c.observations[0].pointer,
        "/Instance/IdentityManagementType"
    );
    assert!(row(&en, "AUTH-01").ends_with("**Met** |"), "{en}");
    // The fixture's profiles can access recordings but hold no download
    // button: "not downloadable" rests on a condition AWS states, so review.
    let d = claim(&live, "contact-center-data", "access-control.download").expect("download");
    assert_eq!(d.value, Value::Bool(false));
    assert!(
        d.condition.as_ref().is_some_and(|x| x.en.contains("Admin")),
        "{d:?}"
    );
    assert!(row(&en, "DL-01").ends_with("**Review** |"), "{en}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_connect_managed_instance_is_a_gap_whose_remedy_is_a_new_instance() {
    let (live, en) = sign_in_document(
        aws_sdk_connect::types::DirectoryType::ConnectManaged,
        "local-center",
    )
    .await;
    let c = claim(
        &live,
        "contact-center-data",
        "access-control.authentication",
    )
    .expect("claim");
    assert_eq!(
        c.value,
        Value::Identity(shoko::model::Identity::ConnectManaged)
    );
    assert!(row(&en, "AUTH-01").ends_with("**Gap** |"), "{en}");
    // Design, not configure: the type cannot be changed after creation.
    assert!(
        en.contains("Remedy (design): Create a new instance with the required method"),
        "{en}"
    );
    assert!(
        en.contains("cannot be changed afterwards: changing it takes a new instance"),
        "{en}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_multi_region_trail_from_another_home_region_is_read_as_a_shadow_trail() {
    let moto = Moto::start();
    let seed = Seed::new(&moto);
    let (fx, tb) = setup(&seed, "shadowed", 400).await;
    let value = format!("arn:aws:s3:::{}/", fx.bucket);
    let arn = seed_trail_in(
        &moto,
        "us-east-1",
        "org-wide",
        &tb,
        TrailEvents::Basic("All", &[value.as_str()]),
        true,
    )
    .await;
    let connect = connect_fixture(&moto, std::slice::from_ref(&fx)).await;
    let s3 = s3_shim(&moto).await;
    let snap = collect(&moto, endpoints(&connect, &s3), options()).await;
    // Listed in the instance's Region, asked about in its home Region.
    assert_eq!(observations(&snap, "DescribeTrails")[0].region, REGION);
    for op in ["GetEventSelectors", "GetTrailStatus"] {
        let o = observations(&snap, op);
        assert_eq!(o.len(), 1, "{op}");
        assert_eq!(o[0].region, "us-east-1", "{op}");
        assert!(o[0].error.is_none(), "{o:?}");
        assert!(o[0].parameters.iter().any(|(_, v)| v == &arn), "{o:?}");
    }
    let live = interpret(&snap, today());
    let c = claim(&live, "audit-logs", "data-access-logged").expect("claim");
    assert_eq!(c.value, Value::Bool(true));
    let g = claim(&live, "audit-logs", "region").expect("region");
    assert!(
        g.explain.en.contains("home Region is us-east-1"),
        "{:?}",
        g.explain
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn throttled_event_selectors_are_retried_then_the_property_falls_back_with_the_reason() {
    let moto = Moto::start();
    let seed = Seed::new(&moto);
    let (fx, tb) = setup(&seed, "throttled-trail", 400).await;
    let value = format!("arn:aws:s3:::{}/", fx.bucket);
    seed_trail(
        &moto,
        "busy",
        &tb,
        TrailEvents::Basic("All", &[value.as_str()]),
        true,
    )
    .await;
    let connect = connect_fixture(&moto, std::slice::from_ref(&fx)).await;
    let s3 = s3_shim(&moto).await;
    // CloudTrail in front of moto: GetEventSelectors is always throttled.
    let ct = MockServer::start().await;
    Mock::given(method("POST"))
        .and(header_regex("x-amz-target", r"\.GetEventSelectors$"))
        .respond_with(
            ResponseTemplate::new(400)
                .insert_header("x-amzn-errortype", "ThrottlingException")
                .set_body_raw(
                    r#"{"__type":"ThrottlingException","message":"Rate exceeded"}"#,
                    "application/x-amz-json-1.1",
                ),
        )
        .with_priority(1)
        .mount(&ct)
        .await;
    Mock::given(wiremock::matchers::any())
        .respond_with(Forward(moto.port))
        .with_priority(10)
        .mount(&ct)
        .await;
    let mut eps = endpoints(&connect, &s3);
    eps.insert("cloudtrail".to_string(), ct.uri());
    let mut opts = options();
    opts.max_attempts = 2;
    let snap = collect(&moto, eps, opts).await;
    let o = observations(&snap, "GetEventSelectors");
    assert_eq!(o.len(), 1);
    assert_eq!(o[0].attempts, 2, "{o:?}");
    // The trail was still listed and its status read.
    assert!(observations(&snap, "GetTrailStatus")[0].error.is_none());
    let live = interpret(&snap, today());
    assert!(claim(&live, "audit-logs", "data-access-logged").is_none());
    assert_eq!(
        unavailable(&live, "audit-logs", "data-access-logged"),
        Some("ThrottlingException on cloudtrail:GetEventSelectors after 2 attempt(s)")
    );
    // What the selectors do not decide is still observed.
    assert_eq!(
        claim(&live, "audit-logs", "retention").map(|c| &c.value),
        Some(&Value::Duration(Duration::days(400)))
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn no_trail_at_all_means_reads_and_deletions_are_not_logged() {
    let moto = Moto::start();
    let seed = Seed::new(&moto);
    let fx = standard(&seed, "untrailed", 730).await;
    let connect = connect_fixture(&moto, std::slice::from_ref(&fx)).await;
    let s3 = s3_shim(&moto).await;
    let snap = collect(&moto, endpoints(&connect, &s3), options()).await;
    assert!(observations(&snap, "GetEventSelectors").is_empty());
    let live = interpret(&snap, today());
    let c = claim(&live, "audit-logs", "data-access-logged").expect("claim");
    assert_eq!(c.value, Value::Bool(false));
    assert_eq!(c.observations[0].pointer, "/trailList");
    assert!(
        c.explain.en.contains("90 days of management events"),
        "{:?}",
        c.explain
    );
    assert!(
        unavailable(&live, "audit-logs", "retention")
            .is_some_and(|r| r.starts_with("no trail in ap-northeast-1")),
        "{:?}",
        live.unavailable
    );
}

/// Without live evidence, answers declare how users sign in and whether a
/// second factor is asked; a value off the scale is refused with the list.
#[test]
fn sign_in_and_mfa_can_be_declared_and_a_bad_type_is_refused() {
    let dir = common::scratch();
    std::fs::write(
        dir.path().join("requirements.yaml"),
        r#"customer:
  name: { ja: 申告テスト, en: Declaration test }
  system: { ja: コンタクトセンター, en: Contact center }
requirements:
  - id: AUTH-01
    title: { ja: 既存のディレクトリ以上で認証すること, en: Sign in with a directory or better }
    category: contact-center-data
    property: access-control.authentication
    expect: { at_least: existing-directory }
    priority: must
  - id: MFA-01
    title: { ja: 多要素認証を必須とすること, en: A second factor is required }
    category: contact-center-data
    property: access-control.mfa
    expect: { is: true }
    priority: must
"#,
    )
    .unwrap();
    let answers = |auth: &str| {
        format!(
            "declared_by: {{ name: 運用担当 }}\nanswers:\n  - category: contact-center-data\n    property: access-control.authentication\n    value: {auth}\n  - category: contact-center-data\n    property: access-control.mfa\n    value: true\n"
        )
    };
    std::fs::write(dir.path().join("answers.yaml"), answers("saml")).unwrap();
    let args = [
        "build",
        "--requirements",
        "requirements.yaml",
        "--answers",
        "answers.yaml",
        "--format",
        "md",
        "--as-of",
        "2026-11-30",
        "--out",
        "out",
    ];
    let o = common::shoko(&args, dir.path());
    assert!(o.status.success(), "{}", common::text(&o));
    let en = md(&dir.path().join("out"), "en");
    assert!(row(&en, "AUTH-01").ends_with("**Met** |"), "{en}");
    assert!(row(&en, "MFA-01").ends_with("**Met** |"), "{en}");
    assert!(en.contains("**Met (Declared)**"), "{en}");
    std::fs::write(dir.path().join("answers.yaml"), answers("password")).unwrap();
    let o = common::shoko(&args, dir.path());
    assert_eq!(o.status.code(), Some(2));
    let t = common::text(&o);
    assert!(t.contains("answers.yaml:5:12"), "{t}");
    assert!(
        t.contains("`password` is not an identity management type"),
        "{t}"
    );
    assert!(
        t.contains("`connect-managed`, `existing-directory`, `saml`"),
        "{t}"
    );
}
