//! Who can reach unredacted recordings and transcripts: each security
//! profile's permissions (`ListSecurityProfilePermissions`), named on the
//! access-control claims of call recordings and chat transcripts.
//!
//! Permission names are the API names of AWS's "List of security profile
//! permissions" page: `CallRecordings.Unredacted.Access`,
//! `ContactTranscripts.Unredacted.Access`, and the legacy
//! `ListenCallRecordings` ("Recorded conversations (unredacted) - View"),
//! which grants both.

use super::view::{Cites, Out, View};
use crate::model::{Bilingual, Property};
use crate::text::escape::md_escape;
use serde_json::Value as J;

/// Permissions that play unredacted call recordings.
pub(crate) const RECORDINGS: &[&str] =
    &["CallRecordings.Unredacted.Access", "ListenCallRecordings"];
/// Permissions that show unredacted transcripts.
pub(crate) const TRANSCRIPTS: &[&str] = &[
    "ContactTranscripts.Unredacted.Access",
    "ListenCallRecordings",
];

/// Every security profile's permissions in one instance, as the snapshot
/// holds them: read once here for each claim that names profiles.
pub(super) struct ProfilePermissions {
    /// The `ListSecurityProfiles` pages.
    pub listing: Vec<usize>,
    /// Why a listing page has no usable answer.
    pub listing_failure: Option<String>,
    /// (profile name, its permissions) for the profiles that were read.
    pub held: Vec<(String, Vec<String>)>,
    /// Why some profiles' permissions are unknown.
    pub failed: Vec<String>,
    /// The permission pages read.
    pub cites: Cites,
}

impl ProfilePermissions {
    /// The profiles whose permissions include any of `names`, escaped.
    pub fn holding(&self, names: &[&str]) -> Vec<String> {
        let mut out: Vec<String> = self
            .held
            .iter()
            .filter(|(_, perms)| perms.iter().any(|p| names.contains(&p.as_str())))
            .map(|(n, _)| md_escape(n))
            .collect();
        out.sort();
        out
    }
}

/// Read each profile's permissions (`ListSecurityProfiles`, then
/// `ListSecurityProfilePermissions` per profile).
pub(super) fn read(v: &View, id: &str) -> ProfilePermissions {
    let listing = v.find(id, "ListSecurityProfiles", &[]);
    let listing_failure = listing.iter().find_map(|&i| v.failure(i));
    let profiles: Vec<(String, String)> = listing
        .iter()
        .filter(|&&i| v.ok(i))
        .flat_map(|&i| {
            v.body(i)
                .pointer("/SecurityProfileSummaryList")
                .and_then(J::as_array)
                .cloned()
                .unwrap_or_default()
        })
        .filter_map(|p| {
            let pid = p.get("Id").and_then(J::as_str)?.to_string();
            let name = p
                .get("Name")
                .and_then(J::as_str)
                .unwrap_or(&pid)
                .to_string();
            Some((pid, name))
        })
        .collect();
    let mut out = ProfilePermissions {
        listing,
        listing_failure,
        held: Vec::new(),
        failed: Vec::new(),
        cites: Vec::new(),
    };
    for (pid, name) in profiles {
        let pages = v.find(
            id,
            "ListSecurityProfilePermissions",
            &[("SecurityProfileId", &pid)],
        );
        if pages.is_empty() {
            out.failed
                .push(v.missing(&format!("ListSecurityProfilePermissions for {name}")));
            continue;
        }
        if let Some(r) = pages.iter().find_map(|&i| v.failure(i)) {
            out.failed.push(format!("{name}: {r}"));
            continue;
        }
        let perms: Vec<String> = pages
            .iter()
            .flat_map(|&i| {
                v.body(i)
                    .pointer("/Permissions")
                    .and_then(J::as_array)
                    .cloned()
                    .unwrap_or_default()
            })
            .filter_map(|p| p.as_str().map(str::to_string))
            .collect();
        out.cites
            .extend(pages.iter().map(|&i| (i, "/Permissions".to_string())));
        out.held.push((name, perms));
    }
    out
}

/// Name, on the access-control claims of call recordings and chat
/// transcripts, the profiles that reach their unredacted content; or why
/// that is unknown.
pub(super) fn name_holders(v: &View, out: &mut Out, id: &str) {
    let pp = read(v, id);
    if pp.held.is_empty() && pp.failed.is_empty() {
        return;
    }
    let (failed, cites) = (&pp.failed, &pp.cites);
    let rec = pp.holding(RECORDINGS);
    let tr = pp.holding(TRANSCRIPTS);
    let say = |holders: &[String], some: &str, none: &str| -> Bilingual {
        if failed.is_empty() {
            if holders.is_empty() {
                v.say(none, &[])
            } else {
                v.say(some, &[("names", holders.join(", "))])
            }
        } else {
            v.say(
                "observe-unredacted-unknown",
                &[("reason", md_escape(&failed.join("; ")))],
            )
        }
    };
    let notes = [
        (
            "call-recordings",
            say(
                &rec,
                "observe-unredacted-recordings",
                "observe-unredacted-recordings-none",
            ),
        ),
        (
            "chat-transcripts",
            say(
                &tr,
                "observe-unredacted-transcripts",
                "observe-unredacted-transcripts-none",
            ),
        ),
    ];
    for d in &mut out.drafts {
        if d.property != Property::AccessControl {
            continue;
        }
        if let Some((_, note)) = notes.iter().find(|(c, _)| *c == d.category) {
            d.caveats.insert(0, note.clone());
            d.cites.extend(cites.iter().cloned());
        }
    }
}
