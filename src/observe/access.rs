//! How users sign in and what they can take away: the instance's identity
//! management type (DescribeInstance `IdentityManagementType`, on
//! contact-center data) and who can download call recordings (the security
//! profiles' permissions, instance-wide, also on contact-center data).
//!
//! Permission names are the API names of AWS's "List of security profile
//! permissions" page. The download buttons: `CallRecordings.Unredacted.DownloadButton`,
//! `CallRecordings.Redacted.DownloadButton`,
//! `ContactTranscripts.Unredacted.DownloadButton`,
//! `ScreenRecording.Redacted.Download`,
//! `AutomatedVoiceInteraction.Recordings.Unredacted.DownloadButton` and the
//! legacy `DownloadCallRecordings`. The page says the button permissions
//! only show the button: a user with an access permission "might still be
//! able to download" without it, so "nobody holds a download button" is a
//! value that holds only on a condition, which makes a met requirement a
//! review.

use super::view::{text_at, Cites, Out, Reading, View};
use crate::model::{Identity, Property, Value};
use crate::text::escape::md_escape;

/// Permissions that show a download button for recordings or transcripts.
pub(crate) const DOWNLOAD: &[&str] = &[
    "CallRecordings.Unredacted.DownloadButton",
    "CallRecordings.Redacted.DownloadButton",
    "ContactTranscripts.Unredacted.DownloadButton",
    "ScreenRecording.Redacted.Download",
    "AutomatedVoiceInteraction.Recordings.Unredacted.DownloadButton",
    "DownloadCallRecordings",
];

/// Permissions that play or show recordings and transcripts.
pub(crate) const ACCESS: &[&str] = &[
    "CallRecordings.Unredacted.Access",
    "CallRecordings.Redacted.Access",
    "ContactTranscripts.Unredacted.Access",
    "ScreenRecording.Access",
    "ScreenRecording.Redacted.Access",
    "AutomatedVoiceInteraction.Recordings.Unredacted.Access",
    "ListenCallRecordings",
    "RedactedData.View",
];

/// The instance's identity management type.
pub(super) fn authentication(v: &View, out: &mut Out, id: &str, name: &str) {
    const CAT: &str = "contact-center-data";
    const P: Property = Property::AccessControlAuthentication;
    match v.read(id, "DescribeInstance", &[]) {
        Reading::Ok(i) => {
            let raw = text_at(v.body(i), "/Instance/IdentityManagementType").unwrap_or("");
            match Identity::parse(raw) {
                Some(x) => out.claim(
                    CAT,
                    P,
                    Value::Identity(x),
                    v.say(
                        "access-identity",
                        &[("name", name.to_string()), ("type", md_escape(raw))],
                    ),
                    vec![v.say("access-identity-fixed", &[])],
                    vec![(i, "/Instance/IdentityManagementType".into())],
                ),
                None => out.gap(
                    CAT,
                    P,
                    format!("DescribeInstance shows IdentityManagementType `{raw}`"),
                ),
            }
        }
        r => out.gap(CAT, P, v.why(&r, "DescribeInstance")),
    }
}

/// Who can download call recordings (and transcripts): the profiles that
/// hold a download-button permission, named.
pub(super) fn download(v: &View, out: &mut Out, id: &str) {
    const CAT: &str = "contact-center-data";
    const P: Property = Property::AccessControlDownload;
    let pp = super::permissions::read(v, id);
    if pp.listing.is_empty() {
        return;
    }
    if let Some(r) = pp.listing_failure {
        out.gap(CAT, P, r);
        return;
    }
    if !pp.failed.is_empty() {
        out.gap(CAT, P, pp.failed.join("; "));
        return;
    }
    let mut cites: Cites = pp
        .listing
        .iter()
        .map(|&i| (i, "/SecurityProfileSummaryList".to_string()))
        .collect();
    cites.extend(pp.cites.iter().cloned());
    let buttons = pp.holding(DOWNLOAD);
    // Access without a button: only those not already holding a button.
    let access: Vec<String> = pp
        .holding(ACCESS)
        .into_iter()
        .filter(|n| !buttons.contains(n))
        .collect();
    if !buttons.is_empty() {
        out.claim(
            CAT,
            P,
            Value::Bool(true),
            v.say("access-download-holders", &[("names", buttons.join(", "))]),
            vec![],
            cites,
        );
        return;
    }
    out.claim(
        CAT,
        P,
        Value::Bool(false),
        v.say("access-download-none", &[]),
        vec![],
        cites,
    );
    if !access.is_empty() {
        out.on_condition(v.say("access-download-condition", &[("names", access.join(", "))]));
    }
}
