//! Live collectors against real HTTP endpoints on 127.0.0.1: moto for S3,
//! Kinesis, CloudWatch Logs, KMS and Connect instances; wiremock for the
//! Connect operations moto lacks. Each test starts its own servers.

mod common;
mod live_common;

use live_common::*;
use shoko::model::{Duration, KeyOwner, Value};
use std::path::Path;

fn md(out: &Path, lang: &str) -> String {
    std::fs::read_to_string(out.join(lang).join("nfr.md")).expect("nfr.md")
}

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
    assert_eq!(shoko::collect::snapshot::sha256_hex(&body), sha);
    assert_eq!(lifecycle["account"], ACCOUNT);

    let build = |outdir: &str| {
        common::shoko(
            &[
                "build", "--evidence", "snap", "--requirements", "requirements.yaml",
                "--answers", "answers.yaml", "--format", "md", "--as-of", &as_of,
                "--out", outdir,
            ],
            dir.path(),
        )
    };
    let o = build("out");
    assert!(o.status.success(), "{}", common::text(&o));
    if let Some(keep) = std::env::var_os("SHOKO_KEEP_LIVE") {
        let _ = std::process::Command::new("cp").arg("-r").arg(dir.path()).arg(keep).status();
    }
    let en = md(&dir.path().join("out"), "en");
    assert!(en.contains("Live AWS API observations"), "{en}");
    assert!(en.contains("s3:GetBucketLifecycleConfiguration"), "{en}");
    assert!(en.contains(sha), "lifecycle hash missing:\n{en}");
    assert!(en.contains("/Rules/0/Expiration/Days"), "{en}");
    assert!(en.contains("730 days"), "{en}");
    assert!(en.contains("kinesis:DescribeStreamSummary"), "{en}");
    assert!(en.contains("kms:DescribeKey"), "{en}");
    let ja = md(&dir.path().join("out"), "ja");
    assert!(ja.contains(sha), "{ja}");

    // Same snapshot, same date: byte-identical documents.
    let o = build("out2");
    assert!(o.status.success());
    assert_eq!(en, md(&dir.path().join("out2"), "en"));
    assert_eq!(ja, md(&dir.path().join("out2"), "ja"));
}
