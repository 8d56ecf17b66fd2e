//! Which S3 data events a trail's event selectors record for a bucket and
//! prefix: basic selectors (`DataResources` of type `AWS::S3::Object`, with
//! `ReadWriteType`) and advanced selectors (`eventCategory = Data`,
//! `resources.type = AWS::S3::Object`, `readOnly`, `resources.ARN`
//! `StartsWith`/`Equals`). A selector narrowed by anything else (other
//! fields, `Not…`/`EndsWith` operators) is not counted: it records only
//! part of the events, which the claim names for review.

use serde_json::Value as J;

/// What the selectors of one trail record for the recordings' objects.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Coverage {
    /// Reads (GetObject…) of every object under the prefix are recorded.
    pub reads: bool,
    /// Writes (PutObject, DeleteObject…) are recorded.
    pub writes: bool,
    /// JSON pointers of the selectors that record them.
    pub pointers: Vec<String>,
    /// Names or pointers of selectors that touch the bucket only in part.
    pub partial: Vec<String>,
}

/// The ARN start every recording object shares: `arn:aws:s3:::bucket/prefix/`.
fn object_start(bucket: &str, prefix: &str) -> String {
    let p = if prefix.is_empty() || prefix.ends_with('/') {
        prefix.to_string()
    } else {
        format!("{prefix}/")
    };
    format!("arn:aws:s3:::{bucket}/{p}")
}

/// Does a basic `DataResources` value select every object under the start?
/// `arn:aws:s3` (or `arn:aws:s3:::`) selects every bucket; `arn:aws:s3:::b/`
/// every object of b; `arn:aws:s3:::b/p` the objects whose key starts with p.
fn basic_value(v: &str, start: &str, bucket: &str) -> Option<bool> {
    if v == "arn:aws:s3" || v == "arn:aws:s3:::" {
        return Some(true);
    }
    if start.starts_with(v) && v.len() > "arn:aws:s3:::".len() + bucket.len() {
        return Some(true);
    }
    // Touches the bucket, but only some of its objects.
    v.starts_with(&format!("arn:aws:s3:::{bucket}/"))
        .then_some(false)
}

/// Read the selectors of a GetEventSelectors answer.
pub(crate) fn coverage(body: &J, bucket: &str, prefix: &str) -> Coverage {
    let start = object_start(bucket, prefix);
    let mut c = Coverage::default();
    let basic = body
        .get("EventSelectors")
        .and_then(J::as_array)
        .cloned()
        .unwrap_or_default();
    for (i, s) in basic.iter().enumerate() {
        let rw = s.get("ReadWriteType").and_then(J::as_str).unwrap_or("All");
        let resources = s
            .get("DataResources")
            .and_then(J::as_array)
            .cloned()
            .unwrap_or_default();
        for (j, r) in resources.iter().enumerate() {
            if r.get("Type").and_then(J::as_str) != Some("AWS::S3::Object") {
                continue;
            }
            let values = r.get("Values").and_then(J::as_array).cloned();
            for v in values.unwrap_or_default().iter().filter_map(J::as_str) {
                let p = format!("/EventSelectors/{i}/DataResources/{j}/Values");
                match basic_value(v, &start, bucket) {
                    Some(true) => {
                        c.reads |= rw == "All" || rw == "ReadOnly";
                        c.writes |= rw == "All" || rw == "WriteOnly";
                        if !c.pointers.contains(&p) {
                            c.pointers.push(p);
                        }
                    }
                    Some(false) => c.partial.push(p),
                    None => {}
                }
            }
        }
    }
    let advanced = body
        .get("AdvancedEventSelectors")
        .and_then(J::as_array)
        .cloned()
        .unwrap_or_default();
    for (i, s) in advanced.iter().enumerate() {
        let label = s
            .get("Name")
            .and_then(J::as_str)
            .map(str::to_string)
            .unwrap_or_else(|| format!("/AdvancedEventSelectors/{i}"));
        match advanced_one(s, &start, bucket) {
            Advanced::Records { reads, writes } => {
                c.reads |= reads;
                c.writes |= writes;
                c.pointers.push(format!("/AdvancedEventSelectors/{i}"));
            }
            Advanced::Partial => c.partial.push(label),
            Advanced::Other => {}
        }
    }
    c
}

enum Advanced {
    Records { reads: bool, writes: bool },
    Partial,
    Other,
}

fn strings(f: &J, op: &str) -> Vec<String> {
    f.get(op)
        .and_then(J::as_array)
        .map(|a| a.iter().filter_map(J::as_str).map(str::to_string).collect())
        .unwrap_or_default()
}

/// One advanced selector: does it record S3 object events on the bucket?
fn advanced_one(s: &J, start: &str, bucket: &str) -> Advanced {
    let fields = s
        .get("FieldSelectors")
        .and_then(J::as_array)
        .cloned()
        .unwrap_or_default();
    let mut data = false;
    let mut s3_objects = false;
    let mut reads = true;
    let mut writes = true;
    let mut arn_ok = true;
    let mut touches = true;
    let mut narrowed = false;
    for f in &fields {
        let name = f.get("Field").and_then(J::as_str).unwrap_or("");
        let eq = strings(f, "Equals");
        let sw = strings(f, "StartsWith");
        let others = ["NotEquals", "NotStartsWith", "EndsWith", "NotEndsWith"]
            .iter()
            .any(|op| f.get(*op).is_some());
        match name {
            "eventCategory" => data = eq.iter().any(|x| x == "Data"),
            "resources.type" => s3_objects = eq.iter().any(|x| x == "AWS::S3::Object"),
            "readOnly" if !others && eq.len() == 1 => {
                reads = eq[0] == "true";
                writes = eq[0] == "false";
            }
            "resources.ARN" if !others => {
                let bucket_start = format!("arn:aws:s3:::{bucket}/");
                arn_ok = sw.iter().any(|v| start.starts_with(v.as_str()));
                touches = arn_ok
                    || sw
                        .iter()
                        .chain(eq.iter())
                        .any(|v| v.starts_with(&bucket_start));
            }
            _ => narrowed = true,
        }
    }
    if !(data && s3_objects) {
        return Advanced::Other;
    }
    if !touches {
        return Advanced::Other;
    }
    if narrowed || !arn_ok {
        return Advanced::Partial;
    }
    Advanced::Records { reads, writes }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn basic_selectors_on_the_bucket_the_prefix_or_every_bucket() {
        let all = json!({"EventSelectors": [{"ReadWriteType": "All", "IncludeManagementEvents": true,
            "DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3:::rec/"]}]}]});
        let c = coverage(&all, "rec", "connect/acme/CallRecordings");
        assert!(c.reads && c.writes);
        assert_eq!(c.pointers, ["/EventSelectors/0/DataResources/0/Values"]);
        let every = json!({"EventSelectors": [{"ReadWriteType": "ReadOnly",
            "DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3"]}]}]});
        let c = coverage(&every, "rec", "p");
        assert!(c.reads && !c.writes);
        let prefix = json!({"EventSelectors": [{"ReadWriteType": "All",
            "DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3:::rec/connect/"]}]}]});
        assert!(coverage(&prefix, "rec", "connect/acme/CallRecordings").writes);
        let other_prefix = json!({"EventSelectors": [{"ReadWriteType": "All",
            "DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3:::rec/exports/"]}]}]});
        let c = coverage(&other_prefix, "rec", "connect/acme/CallRecordings");
        assert!(!c.reads && !c.writes);
        assert_eq!(c.partial.len(), 1);
        let other_bucket = json!({"EventSelectors": [{"ReadWriteType": "All",
            "DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3:::record/"]}]}]});
        let c = coverage(&other_bucket, "rec", "");
        assert_eq!(c, Coverage::default());
        let mgmt = json!({"EventSelectors": [{"ReadWriteType": "All", "IncludeManagementEvents": true, "DataResources": []}]});
        assert_eq!(coverage(&mgmt, "rec", ""), Coverage::default());
    }

    #[test]
    fn advanced_selectors_count_only_when_they_cover_every_recording() {
        let s = |fields: serde_json::Value| json!({"AdvancedEventSelectors": [{"Name": "rec-data", "FieldSelectors": fields}]});
        let base = json!([
            {"Field": "eventCategory", "Equals": ["Data"]},
            {"Field": "resources.type", "Equals": ["AWS::S3::Object"]},
            {"Field": "resources.ARN", "StartsWith": ["arn:aws:s3:::rec/"]}
        ]);
        let c = coverage(&s(base), "rec", "connect/x");
        assert!(c.reads && c.writes);
        assert_eq!(c.pointers, ["/AdvancedEventSelectors/0"]);
        let every_bucket = json!([
            {"Field": "eventCategory", "Equals": ["Data"]},
            {"Field": "resources.type", "Equals": ["AWS::S3::Object"]},
            {"Field": "readOnly", "Equals": ["false"]}
        ]);
        let c = coverage(&s(every_bucket), "rec", "connect/x");
        assert!(!c.reads && c.writes);
        let named_events = json!([
            {"Field": "eventCategory", "Equals": ["Data"]},
            {"Field": "resources.type", "Equals": ["AWS::S3::Object"]},
            {"Field": "eventName", "Equals": ["DeleteObject"]},
            {"Field": "resources.ARN", "StartsWith": ["arn:aws:s3:::rec/"]}
        ]);
        let c = coverage(&s(named_events), "rec", "connect/x");
        assert!(!c.reads && !c.writes);
        assert_eq!(c.partial, ["rec-data"]);
        let management = json!([{"Field": "eventCategory", "Equals": ["Management"]}]);
        assert_eq!(coverage(&s(management), "rec", ""), Coverage::default());
        let elsewhere = json!([
            {"Field": "eventCategory", "Equals": ["Data"]},
            {"Field": "resources.type", "Equals": ["AWS::S3::Object"]},
            {"Field": "resources.ARN", "StartsWith": ["arn:aws:s3:::other/"]}
        ]);
        assert_eq!(coverage(&s(elsewhere), "rec", ""), Coverage::default());
    }
}
