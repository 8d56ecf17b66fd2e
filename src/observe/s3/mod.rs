//! S3 (call recordings, chat transcripts, and every other category a
//! bucket stores): the bucket and prefix named by the storage config, one
//! function per property: storage, Region ([`region`]), encryption
//! ([`encryption`]), retention ([`retention`]: lifecycle rules, versioning,
//! Object Lock), deletion on request ([`deletion`]) and access control
//! ([`access`]).
//!
//! Versioning without a `NoncurrentVersionExpiration` rule, and Object Lock,
//! change the verdicts: expired or deleted objects persist as noncurrent
//! versions (retention becomes "never" unless a noncurrent rule bounds it),
//! and locked objects cannot be deleted on request.

mod access;
mod deletion;
mod encryption;
pub(crate) mod retention;

#[cfg(test)]
pub(crate) use access::tls_only;

use super::connect::StorageConfig;
use super::view::{text_at, Out, Reading, View};
use crate::collect::arn::region_of_constraint;
use crate::model::{Property, Value};
use crate::text::escape::md_escape;
use serde_json::Value as J;

/// The bucket and prefix a storage config names.
pub(super) struct Bucket<'a> {
    /// The storage config.
    sc: &'a StorageConfig<'a>,
    /// Bucket name as stored (values, lookups).
    bucket_raw: String,
    /// Prefix as stored.
    prefix_raw: String,
    /// Bucket name escaped for explanations.
    bucket: String,
    /// Prefix escaped for explanations.
    prefix: String,
}

impl Bucket<'_> {
    fn cat(&self) -> &str {
        self.sc.cat
    }
    fn id(&self) -> &str {
        self.sc.id
    }
    /// The storage config's bucket name field.
    fn cite_bucket(&self) -> (usize, String) {
        self.sc.cite("/S3Config/BucketName")
    }
    fn cite_prefix(&self) -> (usize, String) {
        self.sc.cite("/S3Config/BucketPrefix")
    }
    /// The call about this bucket.
    fn read(&self, v: &View, op: &str) -> Reading {
        v.read(self.id(), op, &[("Bucket", self.bucket_raw.as_str())])
    }
}

/// Every property of a category stored in S3.
pub(super) fn claims(
    v: &View,
    out: &mut Out,
    sc: &StorageConfig,
    cfg: &J,
    contact_lens: Option<usize>,
) {
    let bucket_raw = text_at(cfg, "/S3Config/BucketName").unwrap_or_default();
    let prefix_raw = text_at(cfg, "/S3Config/BucketPrefix").unwrap_or_default();
    let b = Bucket {
        sc,
        bucket: md_escape(bucket_raw),
        prefix: md_escape(prefix_raw),
        bucket_raw: bucket_raw.to_string(),
        prefix_raw: prefix_raw.to_string(),
    };
    storage(v, out, &b);
    let loc_cite = region(v, out, &b);
    let key_cites = encryption::claims(v, out, &b, cfg);
    let state = retention::BucketState::read(v, &b);
    retention::claims(v, out, &b, &state, loc_cite, &key_cites);
    deletion::claims(v, out, &b, &state, contact_lens);
    access::claims(v, out, &b);
}

fn storage(v: &View, out: &mut Out, b: &Bucket) {
    out.claim(
        b.cat(),
        Property::Storage,
        Value::Text(v.say(
            "observe-s3-storage-value",
            &[
                ("bucket", b.bucket_raw.clone()),
                ("prefix", b.prefix_raw.clone()),
            ],
        )),
        v.say("observe-s3-storage", &[("type", b.sc.rt.to_string())]),
        vec![],
        vec![b.cite_bucket(), b.cite_prefix()],
    );
}

/// Where the bucket is; returns the location's citation when it was read.
fn region(v: &View, out: &mut Out, b: &Bucket) -> Option<(usize, String)> {
    match b.read(v, "GetBucketLocation") {
        Reading::Ok(l) => {
            let r = region_of_constraint(text_at(v.body(l), "/LocationConstraint"));
            out.claim(
                b.cat(),
                Property::Region,
                Value::Region(r.clone()),
                v.say(
                    "observe-s3-region",
                    &[("bucket", b.bucket.clone()), ("region", md_escape(&r))],
                ),
                vec![],
                vec![(l, "/LocationConstraint".into()), b.cite_bucket()],
            );
            Some((l, "/LocationConstraint".to_string()))
        }
        r => {
            out.gap(b.cat(), Property::Region, v.why(&r, "GetBucketLocation"));
            None
        }
    }
}
