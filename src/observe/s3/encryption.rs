//! S3 encryption at rest and its key: the KMS key the storage config names,
//! or else the bucket's default encryption (GetBucketEncryption).

use super::Bucket;
use crate::model::{Bilingual, KeyOwner, Property, Value};
use crate::observe::kms::key_owner;
use crate::observe::view::{text_at, Cites, Out, PerLang, Reading, View};
use crate::text::escape::md_escape;

/// Who owns the key, the explanation, and caveats.
type KeyClaim = (KeyOwner, Bilingual, Vec<Bilingual>);

const DEFAULT: &str =
    "/ServerSideEncryptionConfiguration/Rules/0/ApplyServerSideEncryptionByDefault";

/// Claim encryption and its key; returns what the key rests on (the
/// retention claim cites it too: the chain names the key).
pub(super) fn claims(v: &View, out: &mut Out, b: &Bucket, cfg: &serde_json::Value) -> Cites {
    let sc_key = text_at(cfg, "/S3Config/EncryptionConfig/KeyId");
    let mut key_cites: Cites = Vec::new();
    let key_result = match sc_key {
        Some(k) => named_key(v, b, k, &mut key_cites),
        None => default_key(v, b, &mut key_cites),
    };
    let cat = b.cat();
    match key_result {
        Ok((o, explain, cv)) => {
            out.claim(
                cat,
                Property::EncryptionAtRestKey,
                Value::Key(o),
                explain.clone(),
                cv,
                key_cites.clone(),
            );
            out.claim(
                cat,
                Property::EncryptionAtRest,
                Value::Bool(true),
                explain,
                vec![],
                key_cites.clone(),
            );
        }
        Err(r) => {
            out.gap(cat, Property::EncryptionAtRestKey, r.clone());
            // A key named in the storage config encrypts, whoever manages it.
            match sc_key {
                Some(k) => out.claim(
                    cat,
                    Property::EncryptionAtRest,
                    Value::Bool(true),
                    v.say("observe-s3-encrypted-by-config", &[("key", md_escape(k))]),
                    vec![],
                    vec![b.sc.cite("/S3Config/EncryptionConfig/KeyId")],
                ),
                None => out.gap(cat, Property::EncryptionAtRest, r),
            }
        }
    }
    key_cites
}

/// The key the storage config names.
fn named_key(v: &View, b: &Bucket, k: &str, key_cites: &mut Cites) -> Result<KeyClaim, String> {
    let f = key_owner(v, b.id(), k)?;
    key_cites.extend(f.cites);
    key_cites.push(b.sc.cite("/S3Config/EncryptionConfig/KeyId"));
    let explain = v.say_per(
        "observe-s3-key-config",
        &[("key", md_escape(k))],
        &[PerLang::Owner(f.owner)],
    );
    Ok((f.owner, explain, f.caveats))
}

/// The bucket's default encryption, when the storage config names no key.
fn default_key(v: &View, b: &Bucket, key_cites: &mut Cites) -> Result<KeyClaim, String> {
    let e = match b.read(v, "GetBucketEncryption") {
        Reading::Ok(e) => e,
        Reading::NotConfigured(_) => {
            return Err(format!(
                "bucket {} has no default encryption and the storage config names no KMS key",
                b.bucket_raw
            ))
        }
        r => return Err(v.why(&r, "GetBucketEncryption")),
    };
    let body = v.body(e);
    let alg = text_at(body, &format!("{DEFAULT}/SSEAlgorithm")).unwrap_or("");
    let kid = text_at(body, &format!("{DEFAULT}/KMSMasterKeyID"));
    key_cites.push((e, DEFAULT.into()));
    let note = v.say("observe-s3-default-note", &[]);
    let bucket = ("bucket", b.bucket.clone());
    match (alg, kid) {
        ("aws:kms" | "aws:kms:dsse", Some(k)) => {
            let f = key_owner(v, b.id(), k)?;
            key_cites.extend(f.cites);
            let mut cv = f.caveats;
            cv.push(note);
            let explain = v.say_per(
                "observe-s3-default-kms-key",
                &[bucket, ("key", md_escape(k))],
                &[PerLang::Owner(f.owner)],
            );
            Ok((f.owner, explain, cv))
        }
        ("aws:kms" | "aws:kms:dsse", None) => Ok((
            KeyOwner::AwsManaged,
            v.say("observe-s3-default-kms", &[bucket]),
            vec![note],
        )),
        ("AES256", _) => Ok((
            KeyOwner::AwsOwned,
            v.say("observe-s3-default-sse-s3", &[bucket]),
            vec![note],
        )),
        (other, _) => Err(format!(
            "bucket default encryption `{other}` is not recognised"
        )),
    }
}
