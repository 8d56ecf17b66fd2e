//! Live collectors against real HTTP endpoints on 127.0.0.1: moto for S3,
//! Kinesis, CloudWatch Logs, KMS and Connect instances; wiremock for the
//! Connect operations moto lacks. Each test starts its own servers.

use crate::common;
use crate::live_common::*;
use shoko::model::{Duration, KeyOwner, Value};
use std::path::Path;
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test(flavor = "multi_thread")]
async fn happy_path_collect_then_build_shows_observed_claims_with_operation_and_hash() {
    let moto = Moto::start();
    let seed = Seed::new(&moto);
    let fx = standard(&seed, "happy", 730).await;
    let connect = connect_fixture(&moto, std::slice::from_ref(&fx)).await;
    let s3 = s3_shim(&moto).await;
    let dir = common::scratch();
    let snap = dir.path().join("snap");
    let as_of = today().to_string();

    // The CLI, configured the way a user would: env vars on the child only.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_shoko"))
        .args(["collect", "--region", REGION, "--instance", "all", "--out"])
        .arg(&snap)
        .current_dir(dir.path())
        .env_remove("AWS_PROFILE")
        .env("AWS_ACCESS_KEY_ID", "testing")
        .env("AWS_SECRET_ACCESS_KEY", "testing")
        .env("AWS_REGION", REGION)
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_ENDPOINT_URL", &moto.url)
        .env("AWS_ENDPOINT_URL_CONNECT", connect.uri())
        .env("AWS_ENDPOINT_URL_CUSTOMER_PROFILES", connect.uri())
        .env("AWS_ENDPOINT_URL_S3", s3.uri())
        .env("AWS_CONFIG_FILE", dir.path().join("none"))
        .env("AWS_SHARED_CREDENTIALS_FILE", dir.path().join("none"))
        .output()
        .expect("run shoko collect");
    let log = common::text(&out);
    assert!(out.status.success(), "{log}");
    assert!(log.contains("0 failed"), "{log}");
    assert!(log.contains("1 instance(s)"), "{log}");

    // The snapshot: every body's hash is what the manifest says.
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(snap.join("snapshot.json")).unwrap()).unwrap();
    let lifecycle = manifest["observations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["operation"] == "GetBucketLifecycleConfiguration")
        .expect("lifecycle observation")
        .clone();
    let body = std::fs::read(snap.join(lifecycle["file"].as_str().unwrap())).unwrap();
    let sha = lifecycle["sha256"].as_str().unwrap();
    assert_eq!(shoko::text::sha256_hex(&body), sha);
    assert_eq!(lifecycle["account"], ACCOUNT);

    let build = |outdir: &str| {
        common::shoko(
            &[
                "build",
                "--evidence",
                "snap",
                "--requirements",
                "requirements.yaml",
                "--answers",
                "answers.yaml",
                "--format",
                "md",
                "--as-of",
                &as_of,
                "--out",
                outdir,
            ],
            dir.path(),
        )
    };
    let o = build("out");
    assert!(o.status.success(), "{}", common::text(&o));
    if let Some(keep) = std::env::var_os("SHOKO_KEEP_LIVE") {
        let _ = std::process::Command::new("cp")
            .arg("-r")
            .arg(dir.path())
            .arg(keep)
            .status();
    }
    let en = md(&dir.path().join("out"), "en");
    assert!(en.contains("Live AWS API observations"), "{en}");
    assert!(en.contains("s3:GetBucketLifecycleConfiguration"), "{en}");
    assert!(en.contains(sha), "lifecycle hash missing:\n{en}");
    assert!(en.contains("/Rules/0/Expiration/Days"), "{en}");
    assert!(en.contains("730 days"), "{en}");
    // Strings from responses reach the Markdown escaped, never as markup.
    assert!(
        en.contains(r"expire \*recordings\* \[1\](http://x)"),
        "{en}"
    );
    assert!(!en.contains("[1](http://x)"), "{en}");
    assert!(en.contains("kinesis:DescribeStreamSummary"), "{en}");
    assert!(en.contains("kms:DescribeKey"), "{en}");
    let ja = md(&dir.path().join("out"), "ja");
    assert!(ja.contains(sha), "{ja}");

    // A body changed after collection is refused.
    let mut tampered = body.clone();
    tampered.extend_from_slice(b" ");
    std::fs::write(snap.join(lifecycle["file"].as_str().unwrap()), &tampered).unwrap();
    let o = build("out3");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        common::text(&o).contains("changed after collection"),
        "{}",
        common::text(&o)
    );
    std::fs::write(snap.join(lifecycle["file"].as_str().unwrap()), &body).unwrap();

    // Same snapshot, same date: byte-identical documents.
    let o = build("out2");
    assert!(o.status.success());
    assert_eq!(en, md(&dir.path().join("out2"), "en"));
    assert_eq!(ja, md(&dir.path().join("out2"), "ja"));

    // The evidence pack carries the raw observations, owner-only, and verifies.
    let o = common::shoko(
        &[
            "build",
            "--evidence",
            "snap",
            "-r",
            "requirements.yaml",
            "-a",
            "answers.yaml",
            "--format",
            "md,pack",
            "--as-of",
            &as_of,
            "--out",
            "outp",
        ],
        dir.path(),
    );
    assert!(o.status.success(), "{}", common::text(&o));
    let pack = dir.path().join("outp/pack");
    let raw = pack.join(lifecycle["file"].as_str().unwrap());
    assert_eq!(
        std::fs::read(&raw).expect("raw observation in the pack"),
        body
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&raw).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    let manifest = std::fs::read_to_string(pack.join("manifest.json")).unwrap();
    assert!(
        manifest.contains(lifecycle["file"].as_str().unwrap()),
        "{manifest}"
    );
    let o = common::shoko(&["verify", "outp/pack.zip"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", common::text(&o));
}

fn all_text(c: &shoko::model::evidence::ObservedClaim) -> String {
    let mut s = format!("{} {}", c.explain.en, c.explain.ja);
    for cv in &c.caveats {
        s.push_str(&format!(" {} {}", cv.en, cv.ja));
    }
    s
}

#[tokio::test(flavor = "multi_thread")]
async fn versioning_without_noncurrent_expiration_keeps_recordings_forever() {
    let moto = Moto::start();
    let seed = Seed::new(&moto);
    let plain = standard(&seed, "ver-plain", 365).await;
    seed.versioning(&plain.bucket).await;
    let bounded = standard_with(&seed, "ver-bounded", 365, Some(30), false).await;
    seed.versioning(&bounded.bucket).await;
    let connect = connect_fixture(&moto, &[plain, bounded]).await;
    let s3 = s3_shim(&moto).await;
    let snap = collect(&moto, endpoints(&connect, &s3), options()).await;
    assert_eq!(
        snap.manifest.summary.failed, 0,
        "{:#?}",
        snap.manifest.observations
    );

    let only = |alias: &str| {
        shoko::observe::interpret(
            &snap,
            &shoko::observe::Options {
                as_of: today(),
                max_age_days: 30,
                instances: vec![alias.to_string()],
            },
            &i18n(),
        )
    };
    // Versioned, no NoncurrentVersionExpiration: expired data never goes.
    let live = only("ver-plain");
    let r = claim(&live, "call-recordings", "retention").expect("retention");
    assert_eq!(r.value, Value::Duration(Duration::Never));
    assert!(
        r.explain
            .en
            .contains("no rule sets NoncurrentVersionExpiration"),
        "{}",
        r.explain.en
    );
    assert!(r
        .observations
        .iter()
        .any(|o| o.operation == "GetBucketVersioning" && o.pointer == "/Status"));
    assert!(r
        .observations
        .iter()
        .any(|o| o.operation == "GetBucketLifecycleConfiguration"
            && o.pointer == "/Rules/0/Expiration/Days"));
    assert!(r
        .observations
        .iter()
        .any(|o| o.operation == "ListInstanceStorageConfigs"));
    assert!(
        r.observations.iter().any(|o| o.operation == "DescribeKey"),
        "the chain names the key"
    );
    let d = claim(&live, "call-recordings", "deletion.on-request").expect("deletion");
    assert_eq!(d.value, Value::Bool(true));
    assert!(all_text(d).contains("every version"), "{}", all_text(d));
    // A "met" rests on the operator deleting every version: it is named.
    let cond = d.condition.as_ref().expect("a condition");
    assert!(
        cond.en.contains("NoncurrentVersionExpiration"),
        "{}",
        cond.en
    );

    // With a noncurrent rule: 365 + 30 days.
    let live = only("ver-bounded");
    let r = claim(&live, "call-recordings", "retention").expect("retention");
    assert_eq!(
        r.value,
        Value::Duration(Duration::parse("395 days").unwrap())
    );
    assert!(r.observations.iter().any(|o| o
        .pointer
        .ends_with("/NoncurrentVersionExpiration/NoncurrentDays")));

    // Both at once: the instances disagree, so the document falls back and says why.
    let live = interpret(&snap, today());
    assert!(claim(&live, "call-recordings", "retention").is_none());
    let why = unavailable(&live, "call-recordings", "retention").expect("reason");
    assert!(
        why.contains("instances disagree") && why.contains("ver-plain") && why.contains("395 days"),
        "{why}"
    );
    // Where they agree (Region), one claim cites both.
    let region = claim(&live, "call-recordings", "region").expect("region");
    assert_eq!(region.value, Value::Region(REGION.into()));
    assert!(
        region
            .caveats
            .iter()
            .any(|c| c.en.contains("ver-bounded, ver-plain")),
        "{:?}",
        region.caveats
    );
    // Free text (storage) names each instance's own.
    let storage = claim(&live, "call-recordings", "storage").expect("storage");
    match &storage.value {
        Value::Text(t) => assert!(
            t.en.contains("ver-plain: S3 bucket ver-plain-recordings")
                && t.en
                    .contains("ver-bounded: S3 bucket ver-bounded-recordings"),
            "{}",
            t.en
        ),
        other => panic!("{other:?}"),
    }

    // Observation ids are deterministic: a second run numbers them the same.
    let again = collect(&moto, endpoints(&connect, &s3), options()).await;
    let key = |s: &shoko::collect::Snapshot| {
        s.manifest
            .observations
            .iter()
            .map(|o| (o.id.clone(), o.operation.clone(), o.parameters.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(key(&snap), key(&again));
}

#[tokio::test(flavor = "multi_thread")]
async fn object_lock_blocks_deletion_on_request_and_sets_retention_floor() {
    let moto = Moto::start();
    let seed = Seed::new(&moto);
    let fx = standard_with(&seed, "locked", 365, Some(30), true).await;
    seed.object_lock(&fx.bucket, 400).await;
    let connect = connect_fixture(&moto, std::slice::from_ref(&fx)).await;
    let s3 = s3_shim(&moto).await;
    let snap = collect(&moto, endpoints(&connect, &s3), options()).await;
    let live = interpret(&snap, today());
    let d = claim(&live, "call-recordings", "deletion.on-request").expect("deletion");
    assert_eq!(d.value, Value::Bool(false));
    assert!(
        d.explain.en.contains("Object Lock") && d.explain.en.contains("COMPLIANCE"),
        "{}",
        d.explain.en
    );
    assert!(d
        .observations
        .iter()
        .any(|o| o.operation == "GetObjectLockConfiguration"));
    let r = claim(&live, "call-recordings", "retention").expect("retention");
    assert_eq!(
        r.value,
        Value::Duration(Duration::parse("400 days").unwrap())
    );
    assert!(r.explain.en.contains("Object Lock"), "{}", r.explain.en);

    // The document says why deletion on request is not met.
    let dir = common::scratch();
    snap.write(&dir.path().join("snap")).unwrap();
    let en = build_from_snapshot(dir.path(), &today().to_string(), &[]);
    let del = en
        .lines()
        .find(|l| l.contains("DEL-01") && l.contains("| Must |"))
        .expect("DEL-01 row");
    assert!(del.contains("**Gap**"), "{del}");
    assert!(en.contains("Object Lock (COMPLIANCE"), "{en}");
}

#[tokio::test(flavor = "multi_thread")]
async fn overall_timeout_skips_remaining_calls_and_records_them() {
    let moto = Moto::start();
    let seed = Seed::new(&moto);
    let fx = standard(&seed, "slow", 730).await;
    let connect = connect_fixture(&moto, std::slice::from_ref(&fx)).await;
    let s3 = s3_shim(&moto).await;
    let mut opts = options();
    opts.connect_rate = 5.0; // 19 Connect calls need > 3 s at this pace
    opts.overall_timeout = std::time::Duration::from_secs(1);
    let t0 = std::time::Instant::now();
    let snap = collect(&moto, endpoints(&connect, &s3), opts).await;
    assert!(t0.elapsed() < std::time::Duration::from_secs(10));
    let skipped = snap
        .manifest
        .observations
        .iter()
        .filter(|o| {
            o.error
                .as_ref()
                .is_some_and(|e| e.kind == shoko::collect::snapshot::ErrorKind::OverallTimeout)
        })
        .count();
    assert!(skipped > 0, "{:#?}", snap.manifest.summary);
}

#[tokio::test(flavor = "multi_thread")]
async fn observed_beats_declared() {
    let moto = Moto::start();
    let seed = Seed::new(&moto);
    let fx = standard(&seed, "obs", 730).await; // answers.yaml declares 365 days
    let connect = connect_fixture(&moto, std::slice::from_ref(&fx)).await;
    let s3 = s3_shim(&moto).await;
    let snap = collect(&moto, endpoints(&connect, &s3), options()).await;
    let live = interpret(&snap, today());
    let assets = shoko::assets::Assets::default();
    let catalog = shoko::load_catalog(&assets).unwrap();
    let answers =
        shoko::InputText::read(&common::root().join("evidence/examples/answers.yaml")).unwrap();
    let inputs = shoko::load_inputs(&catalog, None, Some(&answers)).unwrap();
    let resolved = shoko::resolve::resolve(&catalog, inputs.answers.as_ref(), &live);
    let get = |cat: &str, p: &str| {
        resolved
            .claims
            .iter()
            .find(|c| c.category == cat && c.property.name() == p)
            .unwrap()
    };
    let r = get("call-recordings", "retention");
    assert_eq!(r.provenance, shoko::model::claim::Provenance::Observed);
    assert_eq!(
        r.value,
        Value::Duration(Duration::parse("730 days").unwrap())
    );
    let f = get("flow-logs", "retention"); // declared 90 days, observed 365
    assert_eq!(f.provenance, shoko::model::claim::Provenance::Observed);
    assert_eq!(
        f.value,
        Value::Duration(Duration::parse("365 days").unwrap())
    );
    let k = get("streamed-contact-records", "encryption.at-rest.key"); // declared aws-managed
    assert_eq!(k.value, Value::Key(KeyOwner::CustomerManaged));
    // Something no API shows stays declared.
    assert_eq!(
        get("flow-logs", "sensitive-input-logged").provenance,
        shoko::model::claim::Provenance::Declared
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn stale_snapshot_makes_claims_unverified_and_trips_fail_on() {
    let moto = Moto::start();
    let seed = Seed::new(&moto);
    let fx = standard(&seed, "stale", 730).await;
    let connect = connect_fixture(&moto, std::slice::from_ref(&fx)).await;
    let s3 = s3_shim(&moto).await;
    let snap = collect(&moto, endpoints(&connect, &s3), options()).await;
    let dir = common::scratch();
    snap.write(&dir.path().join("snap")).unwrap();
    std::fs::write(
        dir.path().join("req.yaml"),
        "customer:\n  name: { ja: 試験, en: Test }\n  system: { ja: 試験, en: Test }\nrequirements:\n  - id: R1\n    title: { ja: 録音の保持, en: Recording retention }\n    category: call-recordings\n    property: retention\n    expect: { at_least: 1 year }\n    priority: must\n",
    )
    .unwrap();
    let build = |as_of: String, extra: &[&str]| {
        let mut args = vec![
            "build",
            "--evidence",
            "snap",
            "--requirements",
            "req.yaml",
            "--format",
            "md",
            "--fail-on",
            "unverified,gap",
            "--out",
            "out",
            "--as-of",
        ];
        args.push(&as_of);
        args.extend_from_slice(extra);
        common::shoko(&args, dir.path())
    };
    let fresh = build(today().to_string(), &[]);
    assert_eq!(fresh.status.code(), Some(0), "{}", common::text(&fresh));
    let later = (today() + chrono::Days::new(60)).to_string();
    let stale = build(later.clone(), &[]);
    assert_eq!(stale.status.code(), Some(1), "{}", common::text(&stale));
    assert!(
        common::text(&stale).contains("stale"),
        "{}",
        common::text(&stale)
    );
    let en = md(&dir.path().join("out"), "en");
    assert!(en.contains("older than its freshness limit"), "{en}");
    assert!(
        en.contains("730 days (Unverified)") || en.contains("730 days (unverified)"),
        "{en}"
    );
    // A longer freshness limit accepts the same snapshot.
    let ok = build(later, &["--max-age", "90"]);
    assert_eq!(ok.status.code(), Some(0), "{}", common::text(&ok));
}

#[test]
fn bad_input_is_exit_2_with_a_clear_message() {
    let dir = common::scratch();
    for (args, needle) in [
        (
            vec!["collect", "--region", "Tokyo", "--out", "s"],
            "not an AWS Region code",
        ),
        (
            vec![
                "collect",
                "--region",
                "ap-northeast-1",
                "--call-timeout",
                "soon",
                "--out",
                "s",
            ],
            "not a duration",
        ),
        (
            vec!["build", "--evidence", "missing", "--format", "md"],
            "expected a folder written by `shoko collect --out`",
        ),
        (
            vec!["build", "--evidence", "missing", "--live"],
            "cannot be used with",
        ),
        (
            vec!["build", "--max-age", "old", "--format", "md"],
            "--max-age `old`",
        ),
    ] {
        let o = common::shoko(&args, dir.path());
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", common::text(&o));
        assert!(
            common::text(&o).contains(needle),
            "{args:?}: {}",
            common::text(&o)
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn build_live_collects_and_builds_in_one_go() {
    let moto = Moto::start();
    let seed = Seed::new(&moto);
    let fx = standard(&seed, "oneshot", 730).await;
    let connect = connect_fixture(&moto, std::slice::from_ref(&fx)).await;
    let s3 = s3_shim(&moto).await;
    let dir = common::scratch();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_shoko"))
            .args(args)
            .current_dir(dir.path())
            .env_remove("AWS_PROFILE")
            .env("AWS_ACCESS_KEY_ID", "testing")
            .env("AWS_SECRET_ACCESS_KEY", "testing")
            .env("AWS_REGION", REGION)
            .env("AWS_EC2_METADATA_DISABLED", "true")
            .env("AWS_ENDPOINT_URL", &moto.url)
            .env("AWS_ENDPOINT_URL_CONNECT", connect.uri())
            .env("AWS_ENDPOINT_URL_CUSTOMER_PROFILES", connect.uri())
            .env("AWS_ENDPOINT_URL_S3", s3.uri())
            .env("AWS_CONFIG_FILE", dir.path().join("none"))
            .env("AWS_SHARED_CREDENTIALS_FILE", dir.path().join("none"))
            .output()
            .expect("run shoko")
    };
    let as_of = today().to_string();
    let o = run(&[
        "build",
        "--live",
        "--instance",
        "oneshot",
        "--progress",
        "lines",
        "--requirements",
        "requirements.yaml",
        "--format",
        "md",
        "--as-of",
        &as_of,
        "--out",
        "out",
        "--save-snapshot",
        "snap",
    ]);
    let log = common::text(&o);
    assert!(o.status.success(), "{log}");
    assert!(
        log.contains("shoko collect: s3:GetLifecycleConfiguration Bucket=oneshot-recordings ok"),
        "{log}"
    );
    assert!(log.contains("0 failed"), "{log}");
    let en = md(&dir.path().join("out"), "en");
    assert!(en.contains("| Retention | 730 days | Observed |"), "{en}");
    // The saved snapshot rebuilds the same document offline.
    let o = common::shoko(
        &[
            "build",
            "--evidence",
            "snap",
            "--instance",
            "oneshot",
            "--requirements",
            "requirements.yaml",
            "--format",
            "md",
            "--as-of",
            &as_of,
            "--out",
            "out2",
        ],
        dir.path(),
    );
    assert!(o.status.success(), "{}", common::text(&o));
    assert_eq!(en, md(&dir.path().join("out2"), "en"));
    // An instance the snapshot does not hold is an input error.
    let o = common::shoko(
        &[
            "build",
            "--evidence",
            "snap",
            "--instance",
            "nope",
            "--format",
            "md",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        common::text(&o).contains("`nope` is not in the snapshot"),
        "{}",
        common::text(&o)
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn firehose_delivery_stream_encryption_is_observed() {
    let moto = Moto::start();
    let seed = Seed::new(&moto);
    let fx = standard(&seed, "hose", 730).await;
    let firehose = aws_sdk_firehose::Client::new(&sdk(&moto));
    use aws_sdk_firehose::types::*;
    firehose
        .create_delivery_stream()
        .delivery_stream_name("hose-ctr")
        .delivery_stream_type(DeliveryStreamType::DirectPut)
        .delivery_stream_encryption_configuration_input(
            DeliveryStreamEncryptionConfigurationInput::builder()
                .key_type(KeyType::CustomerManagedCmk)
                .key_arn(&fx.key_arn)
                .build()
                .unwrap(),
        )
        .extended_s3_destination_configuration(
            ExtendedS3DestinationConfiguration::builder()
                .role_arn(format!("arn:aws:iam::{ACCOUNT}:role/firehose"))
                .bucket_arn(format!("arn:aws:s3:::{}", fx.bucket))
                .compression_format(CompressionFormat::Uncompressed)
                .build()
                .unwrap(),
        )
        .send()
        .await
        .expect("CreateDeliveryStream");
    // moto records Status only when encryption is started explicitly.
    firehose
        .start_delivery_stream_encryption()
        .delivery_stream_name("hose-ctr")
        .delivery_stream_encryption_configuration_input(
            DeliveryStreamEncryptionConfigurationInput::builder()
                .key_type(KeyType::CustomerManagedCmk)
                .key_arn(&fx.key_arn)
                .build()
                .unwrap(),
        )
        .send()
        .await
        .expect("StartDeliveryStreamEncryption");
    let connect = wiremock::MockServer::start().await;
    wiremock::Mock::given(wiremock::matchers::path(format!("/instance/{}/storage-configs", fx.instance_id)))
        .and(wiremock::matchers::query_param("resourceType", "CONTACT_TRACE_RECORDS"))
        .respond_with(wiremock::ResponseTemplate::new(200).set_body_json(storage_body(serde_json::json!([{
            "AssociationId": "hose-ctr",
            "StorageType": "KINESIS_FIREHOSE",
            "KinesisFirehoseConfig": {"FirehoseArn": format!("arn:aws:firehose:{REGION}:{ACCOUNT}:deliverystream/hose-ctr")}
        }]))))
        .with_priority(1)
        .mount(&connect)
        .await;
    mount_connect(&connect, &moto, std::slice::from_ref(&fx)).await;
    let s3 = s3_shim(&moto).await;
    let snap = collect(&moto, endpoints(&connect, &s3), options()).await;
    assert_eq!(
        snap.manifest.summary.failed, 0,
        "{:#?}",
        snap.manifest.observations
    );
    assert_eq!(observations(&snap, "DescribeDeliveryStream").len(), 1);
    assert!(observations(&snap, "DescribeStreamSummary").is_empty());
    let live = interpret(&snap, today());
    let k = claim(&live, "streamed-contact-records", "encryption.at-rest.key").expect("key");
    assert_eq!(k.value, Value::Key(KeyOwner::CustomerManaged));
    assert!(k
        .observations
        .iter()
        .any(|o| o.operation == "DescribeDeliveryStream"
            && o.pointer
                .ends_with("/DeliveryStreamEncryptionConfiguration/Status")));
    let st = claim(&live, "streamed-contact-records", "storage").expect("storage");
    assert!(matches!(&st.value, Value::Text(t) if t.en == "Firehose delivery stream hose-ctr"));
    assert_eq!(
        claim(&live, "streamed-contact-records", "region").map(|c| c.value.clone()),
        Some(Value::Region(REGION.into()))
    );
}

#[test]
fn no_credentials_exits_2_but_records_why_and_the_documents_say_so() {
    let dir = common::scratch();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_shoko"))
        .args([
            "collect",
            "--region",
            REGION,
            "--out",
            "snap",
            "--progress",
            "quiet",
        ])
        .current_dir(dir.path())
        .env_clear()
        .env("HOME", dir.path())
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .output()
        .expect("run shoko");
    assert_eq!(o.status.code(), Some(2), "{}", common::text(&o));
    assert!(
        common::text(&o).contains("no Amazon Connect instance was collected"),
        "{}",
        common::text(&o)
    );
    let en = build_from_snapshot(dir.path(), common::AS_OF, &[]);
    assert!(
        en.contains("Live evidence unavailable: NoCredentials on connect:ListInstances"),
        "{en}"
    );
}

/// [`build_from_snapshot`] with the example's answers, as of today;
/// returns the report model.
fn build_model(dir: &Path, extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["--answers", "answers.yaml", "--dump-model", "model.json"];
    args.extend_from_slice(extra);
    build_from_snapshot(dir, &today().to_string(), &args);
    serde_json::from_slice(&std::fs::read(dir.join("model.json")).expect("model")).expect("json")
}

fn flow_claim(m: &serde_json::Value) -> &serde_json::Value {
    m["categories"]
        .as_array()
        .and_then(|c| c.iter().find(|c| c["id"] == "flow-logs"))
        .and_then(|c| c["claims"].as_array())
        .and_then(|c| c.iter().find(|x| x["property"] == "sensitive-input-logged"))
        .expect("flow-logs / sensitive-input-logged")
}

fn log01_status(m: &serde_json::Value) -> &serde_json::Value {
    &m["requirements"]
        .as_array()
        .and_then(|a| a.iter().find(|r| r["id"] == "LOG-01"))
        .expect("LOG-01")["verdicts"][0]["status"]
}

#[tokio::test(flavor = "multi_thread")]
async fn live_flows_are_fetched_and_a_transfer_into_card_entry_is_found() {
    let moto = Moto::start();
    let seed = Seed::new(&moto);
    let mut fx = standard(&seed, "flows", 730).await;
    let mut archived = FixtureFlow::from_file("old-1", "Old IVR", "input_stored_logging_on.json");
    archived.archived = true;
    let mut module = FixtureFlow::from_file(
        "5d2c8e4b-secure-entry",
        "Secure entry",
        "module_secure_entry.json",
    );
    module.module = true;
    fx.flows = vec![
        FixtureFlow::from_file("main-1", "Main IVR", "transfer_caller_logging_on.json"),
        FixtureFlow::from_file(
            "7f3e9c1a-card-payment",
            "Card payment",
            "transfer_target_card_payment.json",
        ),
        archived,
        module,
    ];
    let card_arn = fx.flows[1].arn(&fx.instance_id);
    let connect = connect_fixture(&moto, std::slice::from_ref(&fx)).await;
    let s3 = s3_shim(&moto).await;
    let snap = collect(&moto, endpoints(&connect, &s3), options()).await;
    assert_eq!(
        snap.manifest.summary.failed, 0,
        "{:#?}",
        snap.manifest.notes
    );
    // Every active flow and module is described; the archived one is not.
    let described: Vec<String> = observations(&snap, "DescribeContactFlow")
        .iter()
        .chain(observations(&snap, "DescribeContactFlowModule").iter())
        .flat_map(|o| o.parameters.iter())
        .filter(|(k, _)| k == "ContactFlowId" || k == "ContactFlowModuleId")
        .map(|(_, v)| v.clone())
        .collect();
    assert_eq!(
        described,
        ["7f3e9c1a-card-payment", "main-1", "5d2c8e4b-secure-entry"]
    );

    let dir = common::scratch();
    snap.write(&dir.path().join("snap")).unwrap();
    let m = build_model(dir.path(), &[]);
    let claim = flow_claim(&m);
    assert_eq!(claim["provenance"], "observed", "{claim:#}");
    assert_eq!(claim["value"]["value"], true);
    assert_eq!(
        log01_status(&m),
        "gap",
        "the declared `false` is overridden"
    );
    let findings = m["flows"]["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0]["flow_source"], card_arn.as_str());
    assert_eq!(findings[0]["block_id"], "card-input");
    // One concrete path: from the main flow's start, through the transfer,
    // to the card entry of the other flow.
    let path: Vec<&str> = findings[0]["path"]
        .as_array()
        .expect("path")
        .iter()
        .map(|s| s.as_str().expect("step"))
        .collect();
    assert_eq!(path.len(), 3, "{path:?}");
    assert!(path[1].contains("Go to card payment"), "{path:?}");
    assert!(
        path[2].starts_with("Card payment") && path[2].contains("Card number"),
        "{path:?}"
    );
    let en = md(&dir.path().join("out"), "en");
    assert!(en.contains("flows fetched from the instance"), "{en}");
    assert!(en.contains(&card_arn), "the flow's ARN is cited:\n{en}");
    assert!(
        en.contains("Set logging behavior block enabled them"),
        "the document states AWS's entry-state rule:\n{en}"
    );
    let ja = md(&dir.path().join("out"), "ja");
    assert!(ja.contains("インスタンスから取得した"), "{ja}");
}

#[tokio::test(flavor = "multi_thread")]
async fn denied_flow_listing_falls_back_to_the_declaration_and_says_why() {
    let moto = Moto::start();
    let seed = Seed::new(&moto);
    let mut fx = standard(&seed, "noflows", 730).await;
    fx.flow_logs = false;
    let connect = MockServer::start().await;
    Mock::given(wiremock::matchers::path_regex("^/contact-flows-summary/"))
        .respond_with(
            ResponseTemplate::new(403)
                .insert_header("x-amzn-ErrorType", "AccessDeniedException")
                .set_body_json(serde_json::json!({"Message": "not authorized"})),
        )
        .mount(&connect)
        .await;
    mount_connect(&connect, &moto, std::slice::from_ref(&fx)).await;
    let s3 = s3_shim(&moto).await;
    let snap = collect(&moto, endpoints(&connect, &s3), options()).await;
    assert_eq!(snap.manifest.summary.failed, 1);
    let dir = common::scratch();
    snap.write(&dir.path().join("snap")).unwrap();
    let m = build_model(dir.path(), &[]);
    let claim = flow_claim(&m);
    assert_eq!(claim["provenance"], "declared", "{claim:#}");
    let en = md(&dir.path().join("out"), "en");
    assert!(
        en.contains("Live evidence unavailable: AccessDeniedException on connect:ListContactFlows"),
        "{en}"
    );

    // Exported flows still work, and start in the collected CONTACTFLOW_LOGS
    // (off here) rather than an assumed default.
    let flows = dir.path().join("exported");
    std::fs::create_dir(&flows).unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/flows/default_entry_state.json"),
        flows.join("default_entry_state.json"),
    )
    .unwrap();
    let m = build_model(dir.path(), &["--flows", "exported"]);
    assert_eq!(flow_claim(&m)["provenance"], "observed");
    assert_eq!(flow_claim(&m)["value"]["value"], false);
    assert_eq!(log01_status(&m), "met");
    let en = md(&dir.path().join("out"), "en");
    assert!(
        en.contains(
            "flow logs (CONTACTFLOW_LOGS) are disabled, so no flow logs are written at all"
        ),
        "{en}"
    );
    // --flow-logging is an assumption about entries shoko cannot see; with
    // the instance's flow logs off nothing is written whatever it says.
    let m = build_model(
        dir.path(),
        &["--flows", "exported", "--flow-logging", "enabled"],
    );
    assert_eq!(flow_claim(&m)["value"]["value"], false);
}

#[tokio::test(flavor = "multi_thread")]
async fn flow_listing_follows_next_token_across_pages() {
    let moto = Moto::start();
    let seed = Seed::new(&moto);
    let mut fx = standard(&seed, "paged", 730).await;
    fx.flows = vec![
        FixtureFlow::from_file("main-1", "Main IVR", "transfer_caller_logging_on.json"),
        FixtureFlow::from_file(
            "7f3e9c1a-card-payment",
            "Card payment",
            "transfer_target_card_payment.json",
        ),
    ];
    let id = fx.instance_id.clone();
    let summary = |f: &FixtureFlow| {
        serde_json::json!({
            "Id": f.id, "Arn": f.arn(&id), "Name": f.name,
            "ContactFlowType": "CONTACT_FLOW",
            "ContactFlowState": "ACTIVE", "ContactFlowStatus": "PUBLISHED"
        })
    };
    let connect = MockServer::start().await;
    Mock::given(wiremock::matchers::path(format!(
        "/contact-flows-summary/{id}"
    )))
    .and(wiremock::matchers::query_param("nextToken", "page-2"))
    .respond_with(
        ResponseTemplate::new(200).set_body_json(
            serde_json::json!({ "ContactFlowSummaryList": [summary(&fx.flows[1])] }),
        ),
    )
    .with_priority(1)
    .mount(&connect)
    .await;
    Mock::given(wiremock::matchers::path(format!(
        "/contact-flows-summary/{id}"
    )))
    .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
        "ContactFlowSummaryList": [summary(&fx.flows[0])],
        "NextToken": "page-2"
    })))
    .with_priority(2)
    .mount(&connect)
    .await;
    mount_connect(&connect, &moto, std::slice::from_ref(&fx)).await;
    let s3 = s3_shim(&moto).await;
    let snap = collect(&moto, endpoints(&connect, &s3), options()).await;
    let lists = observations(&snap, "ListContactFlows");
    assert_eq!(lists.len(), 2, "one call per page: {lists:#?}");
    assert!(lists.iter().any(|o| o
        .parameters
        .contains(&("NextToken".to_string(), "page-2".to_string()))));
    let described: Vec<&str> = observations(&snap, "DescribeContactFlow")
        .iter()
        .flat_map(|o| o.parameters.iter())
        .filter(|(k, _)| k == "ContactFlowId")
        .map(|(_, v)| v.as_str())
        .collect();
    assert_eq!(described, ["7f3e9c1a-card-payment", "main-1"]);
}

/// Real S3 answers GetBucketVersioning with a `VersioningConfiguration`
/// root element (moto does not; the shim rewrites moto's). Served here as
/// S3 sends it, with versioning on, the collector reads `Enabled`.
#[tokio::test(flavor = "multi_thread")]
async fn the_real_s3_versioning_shape_parses() {
    let moto = Moto::start();
    let seed = Seed::new(&moto);
    let fx = standard(&seed, "realver", 365).await;
    let connect = connect_fixture(&moto, std::slice::from_ref(&fx)).await;
    let s3 = s3_shim(&moto).await;
    Mock::given(wiremock::matchers::method("GET"))
        .and(wiremock::matchers::query_param("versioning", ""))
        .respond_with(ResponseTemplate::new(200).set_body_raw(
            concat!(
                r#"<?xml version="1.0" encoding="UTF-8"?>"#,
                r#"<VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">"#,
                "<Status>Enabled</Status></VersioningConfiguration>"
            ),
            "application/xml",
        ))
        .with_priority(1)
        .mount(&s3)
        .await;
    let snap = collect(&moto, endpoints(&connect, &s3), options()).await;
    let o = snap
        .manifest
        .observations
        .iter()
        .position(|o| o.operation == "GetBucketVersioning")
        .expect("GetBucketVersioning observed");
    assert_eq!(snap.manifest.observations[o].error, None);
    let body: serde_json::Value = serde_json::from_slice(&snap.bodies[o]).unwrap();
    assert_eq!(body["Status"], "Enabled", "{body}");
    // And it reaches the verdicts: versioned without a noncurrent rule.
    let live = interpret(&snap, today());
    let r = claim(&live, "call-recordings", "retention").expect("retention");
    assert_eq!(r.value, Value::Duration(Duration::Never));
    let d = claim(&live, "call-recordings", "deletion.on-request").expect("deletion");
    assert!(d.condition.is_some());
}

/// `ListSecurityProfilePermissions` names who can play unredacted
/// recordings, cited; denied, the claim says the holders are unknown and why.
#[tokio::test(flavor = "multi_thread")]
async fn security_profile_permissions_name_who_reaches_unredacted_recordings() {
    let moto = Moto::start();
    let seed = Seed::new(&moto);
    let fx = standard(&seed, "perms", 365).await;
    let connect = connect_fixture(&moto, std::slice::from_ref(&fx)).await;
    let s3 = s3_shim(&moto).await;
    let snap = collect(&moto, endpoints(&connect, &s3), options()).await;
    let calls: Vec<_> = snap
        .manifest
        .observations
        .iter()
        .filter(|o| o.operation == "ListSecurityProfilePermissions")
        .collect();
    assert_eq!(calls.len(), 2, "one call per profile");
    assert!(calls
        .iter()
        .all(|o| o.error.is_none() && o.sha256.len() == 64));
    let live = interpret(&snap, today());
    let a = claim(&live, "call-recordings", "access-control").expect("access");
    assert_eq!(
        a.caveats[0].en,
        "Security profiles that can play unredacted call recordings (CallRecordings.Unredacted.Access, or the legacy ListenCallRecordings): Admin."
    );
    assert!(a.caveats[0].ja.contains("Admin"), "{}", a.caveats[0].ja);
    assert!(a
        .observations
        .iter()
        .any(|o| o.operation == "ListSecurityProfilePermissions"
            && o.pointer == "/Permissions"
            && o.parameters
                .iter()
                .any(|(k, v)| k == "SecurityProfileId" && v == "sp-1")));

    // Denied: the holders are unknown, and the reason says which call.
    let connect = MockServer::start().await;
    Mock::given(wiremock::matchers::path_regex(
        "^/security-profiles-permissions/",
    ))
    .respond_with(
        ResponseTemplate::new(403)
            .insert_header("x-amzn-ErrorType", "AccessDeniedException")
            .set_body_json(serde_json::json!({"message": "not authorized"})),
    )
    .with_priority(1)
    .mount(&connect)
    .await;
    mount_connect(&connect, &moto, std::slice::from_ref(&fx)).await;
    let snap = collect(&moto, endpoints(&connect, &s3), options()).await;
    let live = interpret(&snap, today());
    let a = claim(&live, "call-recordings", "access-control").expect("access");
    assert!(
        a.caveats[0].en.starts_with(
            "Which security profiles can reach unredacted recordings and transcripts is not known"
        ) && a.caveats[0]
            .en
            .contains("on connect:ListSecurityProfilePermissions"),
        "{}",
        a.caveats[0].en
    );
}

/// A card entry with no logging block of its own, served as `id`.
fn card_entry(id: &str, name: &str, flow_type: &str) -> FixtureFlow {
    let mut f = FixtureFlow::from_file(id, name, "entry_unknown_card.json");
    f.flow_type = flow_type.into();
    f
}

fn finding_flows(m: &serde_json::Value) -> Vec<String> {
    m["flows"]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["flow_name"].as_str().expect("flow_name").to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_flow_with_a_phone_number_is_entered_off_and_queue_flows_stay_unknown() {
    let moto = Moto::start();
    let seed = Seed::new(&moto);
    let mut fx = standard(&seed, "assoc", 730).await;
    fx.flows = vec![
        card_entry("pay-1", "Pay line", "CONTACT_FLOW"),
        card_entry("q-1", "Queue music", "CUSTOMER_QUEUE"),
    ];
    // A phone number is associated with both ids; only the contact flow
    // can really be a start, and the queue flow's type says it is routed.
    fx.associations = vec!["pay-1".into(), "q-1".into()];
    let connect = connect_fixture(&moto, std::slice::from_ref(&fx)).await;
    let s3 = s3_shim(&moto).await;
    let snap = collect(&moto, endpoints(&connect, &s3), options()).await;
    assert_eq!(
        snap.manifest.summary.failed, 0,
        "{:#?}",
        snap.manifest.notes
    );
    assert_eq!(observations(&snap, "ListFlowAssociations").len(), 1);
    let dir = common::scratch();
    snap.write(&dir.path().join("snap")).unwrap();

    let m = build_model(dir.path(), &[]);
    // The start with no enabling block logs nothing; the queue flow's
    // capture is only possibly logged, so LOG-01 is for review.
    assert_eq!(finding_flows(&m), ["Queue music"]);
    assert_eq!(log01_status(&m), "review");
    let en = md(&dir.path().join("out"), "en");
    assert!(
        en.contains("read with ListFlowAssociations: 1) were analysed as entered with logging off"),
        "{en}"
    );
    assert!(
        en.contains("so their entry is unknown by nature: Queue music"),
        "{en}"
    );
    let ja = md(&dir.path().join("out"), "ja");
    assert!(
        ja.contains("開始時の状態は性質上不明です：Queue music"),
        "{ja}"
    );

    // --flow-logging settles the unknown entries of fetched flows too.
    let m = build_model(dir.path(), &["--flow-logging", "disabled"]);
    assert_eq!(finding_flows(&m), Vec::<String>::new());
    assert_eq!(log01_status(&m), "met");
    let m = build_model(dir.path(), &["--flow-logging", "enabled"]);
    assert_eq!(finding_flows(&m), ["Queue music"]);
    assert_eq!(log01_status(&m), "gap");
}

#[tokio::test(flavor = "multi_thread")]
async fn denied_flow_associations_leave_entries_unknown_and_say_why() {
    let moto = Moto::start();
    let seed = Seed::new(&moto);
    let mut fx = standard(&seed, "noassoc", 730).await;
    fx.flows = vec![card_entry("pay-1", "Pay line", "CONTACT_FLOW")];
    fx.associations = vec!["pay-1".into()];
    let connect = MockServer::start().await;
    Mock::given(wiremock::matchers::path_regex(
        "^/flow-associations-summary/",
    ))
    .respond_with(
        ResponseTemplate::new(403)
            .insert_header("x-amzn-ErrorType", "AccessDeniedException")
            .set_body_json(serde_json::json!({"Message": "not authorized"})),
    )
    .mount(&connect)
    .await;
    mount_connect(&connect, &moto, std::slice::from_ref(&fx)).await;
    let s3 = s3_shim(&moto).await;
    let snap = collect(&moto, endpoints(&connect, &s3), options()).await;
    assert_eq!(snap.manifest.summary.failed, 1);
    let dir = common::scratch();
    snap.write(&dir.path().join("snap")).unwrap();
    let m = build_model(dir.path(), &[]);
    // Not seen as a start, so not taken as off: the capture is for review.
    assert_eq!(finding_flows(&m), ["Pay line"]);
    assert_eq!(log01_status(&m), "review");
    let en = md(&dir.path().join("out"), "en");
    assert!(
        en.contains("Which flows contacts start in could not be read (AccessDeniedException"),
        "{en}"
    );
    assert!(en.contains("entry is unknown, not off"), "{en}");
}
