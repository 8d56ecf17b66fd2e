//! KMS: who owns a key (DescribeKey), and the caveats a reviewer needs (a
//! key that is not enabled, automatic rotation off).

use super::view::{text_at, Cites, View};
use crate::model::{Bilingual, KeyOwner};
use crate::text::escape::md_escape;
use serde_json::Value as J;

/// A key's owner as DescribeKey showed it.
pub(super) struct KeyFact {
    /// Customer or AWS managed.
    pub owner: KeyOwner,
    /// KeyManager (and state, rotation) fields read.
    pub cites: Cites,
    /// State and rotation notes.
    pub caveats: Vec<Bilingual>,
}

/// The owner of a KMS key, or why it is not known.
pub(super) fn key_owner(v: &View, id: &str, key: &str) -> Result<KeyFact, String> {
    let Some(d) = v.one(id, "DescribeKey", &[("KeyId", key)]) else {
        return Err(v.missing(&format!("DescribeKey for {key}")));
    };
    if let Some(r) = v.failure(d) {
        return Err(r);
    }
    let body = v.body(d);
    let ek = md_escape(key);
    let owner = match text_at(body, "/KeyMetadata/KeyManager") {
        Some("CUSTOMER") => KeyOwner::CustomerManaged,
        Some("AWS") => KeyOwner::AwsManaged,
        other => {
            return Err(format!(
                "DescribeKey shows KeyManager {}",
                other.unwrap_or("(none)")
            ))
        }
    };
    let mut cites = vec![(d, "/KeyMetadata/KeyManager".to_string())];
    let mut caveats = Vec::new();
    if let Some(state) = text_at(body, "/KeyMetadata/KeyState") {
        if state != "Enabled" {
            caveats.push(v.say(
                "observe-key-state",
                &[("key", ek.clone()), ("state", md_escape(state))],
            ));
            cites.push((d, "/KeyMetadata/KeyState".into()));
        }
    }
    if let Some(kid) = text_at(body, "/KeyMetadata/KeyId") {
        if let Some(r) = v.one(id, "GetKeyRotationStatus", &[("KeyId", kid)]) {
            if v.ok(r) {
                cites.push((r, "/KeyRotationEnabled".into()));
                if v.body(r).get("KeyRotationEnabled").and_then(J::as_bool) == Some(false) {
                    caveats.push(v.say("observe-key-rotation-off", &[("key", ek)]));
                }
            }
        }
    }
    Ok(KeyFact {
        owner,
        cites,
        caveats,
    })
}
