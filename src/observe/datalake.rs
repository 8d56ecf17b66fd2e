//! The analytics data lake: which data sets the instance shares with which
//! AWS accounts (`ListAnalyticsDataAssociations`, every page). A shared
//! data set is readable from the target account through AWS RAM and Lake
//! Formation: the data leaves the instance's account. The retention stays
//! the documented rolling window (the catalog's claim); nothing here
//! changes it.

use super::view::{Cites, Out, View};
use crate::model::{Property, Value};
use crate::text::escape::md_escape;
use serde_json::Value as J;

const CAT: &str = "analytics-data-lake";

/// The sharing claim of one instance (nothing when the snapshot has no
/// such call: an older snapshot).
pub(super) fn claims(v: &View, out: &mut Out, id: &str, name: &str) {
    let pages = v.find(id, "ListAnalyticsDataAssociations", &[]);
    if pages.is_empty() {
        return;
    }
    if let Some(r) = pages.iter().find_map(|&i| v.failure(i)) {
        out.gap(CAT, Property::AccessControl, r);
        return;
    }
    // (data set, target account, status), with where each was read.
    let mut shares: Vec<(String, String, String)> = Vec::new();
    let mut cites: Cites = Vec::new();
    for &i in &pages {
        let results = v
            .body(i)
            .get("Results")
            .and_then(J::as_array)
            .cloned()
            .unwrap_or_default();
        for (k, r) in results.iter().enumerate() {
            let s = |f: &str| r.get(f).and_then(J::as_str).unwrap_or("").to_string();
            shares.push((
                s("DataSetId"),
                s("TargetAccountId"),
                s("ResourceShareStatus"),
            ));
            cites.push((i, format!("/Results/{k}/TargetAccountId")));
            cites.push((i, format!("/Results/{k}/DataSetId")));
        }
    }
    if shares.is_empty() {
        out.claim(
            CAT,
            Property::AccessControl,
            Value::Text(v.say("observe-lake-none-value", &[])),
            v.say("observe-lake-none", &[("name", name.to_string())]),
            vec![],
            pages.iter().map(|&i| (i, "/Results".to_string())).collect(),
        );
        return;
    }
    shares.sort();
    let mut accounts: Vec<&str> = shares.iter().map(|s| s.1.as_str()).collect();
    accounts.sort_unstable();
    accounts.dedup();
    let listed: Vec<String> = shares
        .iter()
        .map(|(d, a, st)| {
            let st = if st.is_empty() { "-" } else { st.as_str() };
            format!("{} → {} ({})", md_escape(d), md_escape(a), md_escape(st))
        })
        .collect();
    out.claim(
        CAT,
        Property::AccessControl,
        Value::Text(v.say(
            "observe-lake-shared-value",
            &[
                ("count", accounts.len().to_string()),
                ("accounts", accounts.join(", ")),
            ],
        )),
        v.say(
            "observe-lake-shared",
            &[("name", name.to_string()), ("shares", listed.join("; "))],
        ),
        vec![v.say("observe-lake-shared-caveat", &[])],
        cites,
    );
}
