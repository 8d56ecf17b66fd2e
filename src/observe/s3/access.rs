//! S3 access control: inside Connect, security profiles; on the bucket,
//! the public access block and a bucket policy that denies requests
//! without TLS (`aws:SecureTransport`).

use super::Bucket;
use crate::model::{Bilingual, Property, Value};
use crate::observe::view::{text_at, Cites, Out, PerLang, Reading, View};
use serde_json::Value as J;

/// Does a bucket policy deny every request made without TLS?
pub(crate) fn tls_only(doc: &J) -> bool {
    let stmts = match doc.get("Statement") {
        Some(J::Array(a)) => a.clone(),
        Some(o @ J::Object(_)) => vec![o.clone()],
        _ => return false,
    };
    stmts.iter().any(|s| {
        s.get("Effect").and_then(J::as_str) == Some("Deny")
            && s.pointer("/Condition/Bool/aws:SecureTransport")
                .is_some_and(|x| match x {
                    J::String(t) => t.eq_ignore_ascii_case("false"),
                    J::Bool(false) => true,
                    J::Array(a) => a.iter().any(|t| t.as_str() == Some("false")),
                    _ => false,
                })
    })
}

/// The public access block, in words.
fn public_access(v: &View, r: &Reading, cites: &mut Cites) -> Bilingual {
    match r {
        Reading::Ok(i) => {
            cites.push((*i, "/PublicAccessBlockConfiguration".into()));
            let c = v.body(*i).get("PublicAccessBlockConfiguration");
            let all = [
                "BlockPublicAcls",
                "IgnorePublicAcls",
                "BlockPublicPolicy",
                "RestrictPublicBuckets",
            ]
            .iter()
            .all(|k| c.and_then(|c| c.get(*k)).and_then(J::as_bool) == Some(true));
            v.say(
                if all {
                    "observe-s3-pab-all"
                } else {
                    "observe-s3-pab-partial"
                },
                &[],
            )
        }
        Reading::NotConfigured(i) => {
            cites.push((*i, "/Error/Code".into()));
            v.say("observe-s3-pab-none", &[])
        }
        Reading::Failed(_, r) => v.say("observe-s3-pab-failed", &[("reason", r.clone())]),
        Reading::Missing => v.say("observe-s3-pab-missing", &[]),
    }
}

/// The bucket policy's TLS condition, in words.
fn tls_policy(v: &View, r: &Reading, cites: &mut Cites) -> Bilingual {
    match r {
        Reading::Ok(i) => {
            cites.push((*i, "/Policy".into()));
            let doc: J = text_at(v.body(*i), "/Policy")
                .and_then(|p| serde_json::from_str(p).ok())
                .unwrap_or(J::Null);
            v.say(
                if tls_only(&doc) {
                    "observe-s3-tls-only"
                } else {
                    "observe-s3-tls-optional"
                },
                &[],
            )
        }
        Reading::NotConfigured(i) => {
            cites.push((*i, "/Error/Code".into()));
            v.say("observe-s3-no-policy", &[])
        }
        Reading::Failed(_, r) => v.say("observe-s3-policy-failed", &[("reason", r.clone())]),
        Reading::Missing => v.say("observe-s3-policy-missing", &[]),
    }
}

pub(super) fn claims(v: &View, out: &mut Out, b: &Bucket) {
    let pab = b.read(v, "GetPublicAccessBlock");
    let pol = b.read(v, "GetBucketPolicy");
    let mut cites = vec![b.cite_bucket()];
    let pab_text = public_access(v, &pab, &mut cites);
    let tls_text = tls_policy(v, &pol, &mut cites);
    if cites.len() == 1 {
        let reasons: Vec<String> = [&pab, &pol]
            .iter()
            .filter_map(|r| r.index())
            .filter_map(|i| v.failure(i))
            .collect();
        out.gap(
            b.cat(),
            Property::AccessControl,
            if reasons.is_empty() {
                v.missing("GetPublicAccessBlock")
            } else {
                reasons.join("; ")
            },
        );
        return;
    }
    out.claim(
        b.cat(),
        Property::AccessControl,
        Value::Text(v.say_per(
            "observe-s3-access-value",
            &[("bucket", b.bucket_raw.clone())],
            &[
                PerLang::Text("pab", &pab_text),
                PerLang::Text("tls", &tls_text),
            ],
        )),
        v.say("observe-s3-access", &[("bucket", b.bucket.clone())]),
        vec![],
        cites,
    );
}
