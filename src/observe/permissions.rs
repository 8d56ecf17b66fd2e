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

/// The profiles of an instance: (id, name), from every listing page.
fn profiles(v: &View, id: &str) -> Vec<(String, String)> {
    v.find(id, "ListSecurityProfiles", &[])
        .into_iter()
        .filter(|&i| v.ok(i))
        .flat_map(|i| {
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
        .collect()
}

/// Name, on the access-control claims of call recordings and chat
/// transcripts, the profiles that reach their unredacted content; or why
/// that is unknown.
pub(super) fn name_holders(v: &View, out: &mut Out, id: &str) {
    let all = profiles(v, id);
    if all.is_empty() {
        return;
    }
    let mut cites: Cites = Vec::new();
    let mut failed: Vec<String> = Vec::new();
    let mut rec: Vec<String> = Vec::new();
    let mut tr: Vec<String> = Vec::new();
    for (pid, name) in &all {
        let pages = v.find(
            id,
            "ListSecurityProfilePermissions",
            &[("SecurityProfileId", pid)],
        );
        if pages.is_empty() {
            failed.push(v.missing(&format!("ListSecurityProfilePermissions for {name}")));
            continue;
        }
        if let Some(r) = pages.iter().find_map(|&i| v.failure(i)) {
            failed.push(format!("{name}: {r}"));
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
        cites.extend(pages.iter().map(|&i| (i, "/Permissions".to_string())));
        if perms.iter().any(|p| RECORDINGS.contains(&p.as_str())) {
            rec.push(md_escape(name));
        }
        if perms.iter().any(|p| TRANSCRIPTS.contains(&p.as_str())) {
            tr.push(md_escape(name));
        }
    }
    rec.sort();
    tr.sort();
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
