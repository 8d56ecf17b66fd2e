//! S3 deletion on request: Object Lock forbids it until the retention ends;
//! versioning keeps deleted data as noncurrent versions.

use super::retention::{scan_rules, BucketState, Lock};
use super::Bucket;
use crate::model::{Bilingual, Property, Value};
use crate::observe::view::{Out, PerLang, Reading, View};

pub(super) fn claims(
    v: &View,
    out: &mut Out,
    b: &Bucket,
    st: &BucketState,
    contact_lens: Option<usize>,
) {
    let mut cites = vec![b.cite_bucket()];
    cites.extend(st.ver_cite.clone());
    cites.extend(st.lock_cite.clone());
    let mut caveats = Vec::new();
    if let Some(cl) = contact_lens {
        cites.push((cl, "/Attribute/Value".into()));
        caveats.push(v.say("observe-s3-contact-lens", &[]));
    }
    let bucket = ("bucket", b.bucket.clone());
    match (&st.lock, &st.versioning) {
        (Err(r1), Err(r2)) => out.gap(b.cat(), Property::DeletionOnRequest, format!("{r1}; {r2}")),
        (
            Ok(Lock {
                on: true,
                period: Some(p),
                mode,
            }),
            _,
        ) => {
            if mode == "GOVERNANCE" {
                caveats.push(v.say("observe-s3-governance", &[]));
            }
            let explain = v.say_per(
                "observe-s3-delete-locked",
                &[bucket, ("mode", mode.clone())],
                &[PerLang::Period(p)],
            );
            out.claim(
                b.cat(),
                Property::DeletionOnRequest,
                Value::Bool(false),
                explain,
                caveats,
                cites,
            );
        }
        (lock, versioning) => {
            if let Ok(Lock {
                on: true,
                period: None,
                ..
            }) = lock
            {
                caveats.push(v.say("observe-s3-lock-enabled-no-default", &[]));
            }
            if let Err(r) = lock {
                caveats.push(v.say("observe-s3-lock-unknown", &[("reason", r.clone())]));
            }
            let (explain, condition) = deletable(v, b, st, versioning, &mut caveats);
            out.claim(
                b.cat(),
                Property::DeletionOnRequest,
                Value::Bool(true),
                explain,
                caveats,
                cites,
            );
            if let Some(c) = condition {
                out.on_condition(c);
            }
        }
    }
}

/// Objects can be deleted: how final a deletion is, by versioning; and the
/// condition a "met" rests on when a plain delete leaves the data behind
/// (versioned, no `NoncurrentVersionExpiration`): the operator's deletion
/// must remove every version.
fn deletable(
    v: &View,
    b: &Bucket,
    st: &BucketState,
    versioning: &Result<String, String>,
    caveats: &mut Vec<Bilingual>,
) -> (Bilingual, Option<Bilingual>) {
    let bucket = ("bucket", b.bucket.clone());
    // Only rules actually read bound noncurrent versions.
    let noncurrent = match (&st.lifecycle, st.rules(v)) {
        (Reading::Ok(_), Some(rules)) => scan_rules(&rules, &b.prefix_raw)
            .noncurrent_days
            .map(|(n, _)| n),
        _ => None,
    };
    let explain = match versioning {
        Ok(s) if s == "Enabled" => match noncurrent {
            Some(n) => v.say(
                "observe-s3-delete-versioned-bounded",
                &[bucket, ("days", n.to_string())],
            ),
            None => {
                caveats.push(v.say("observe-s3-delete-marker", &[]));
                let condition = v.say(
                    "observe-s3-delete-condition-every-version",
                    &[("prefix", b.prefix.clone())],
                );
                return (
                    v.say("observe-s3-delete-versioned", &[bucket]),
                    Some(condition),
                );
            }
        },
        Ok(_) => v.say("observe-s3-delete-final", &[bucket]),
        Err(r) => {
            caveats.push(v.say(
                "observe-s3-versioning-unknown-delete",
                &[("reason", r.clone())],
            ));
            v.say("observe-s3-delete", &[bucket])
        }
    };
    (explain, None)
}
