//! Amazon Connect: the instance's Region (its ARN), its security profiles
//! (access control), and each storage config, handed to the module of the
//! storage it names.

use super::view::{text_at, Out, Reading, View};
use super::{firehose, kinesis, kvs, logs, props_of, s3, CATEGORY_OF};
use crate::collect::arn::arn_parts;
use crate::collect::snapshot::InstanceEntry;
use crate::model::{Property, Value};
use crate::text::escape::md_escape;
use serde_json::Value as J;

/// Everything one instance shows.
pub(super) fn instance(v: &View, inst: &InstanceEntry) -> Out {
    let mut out = Out::default();
    let id = inst.id.as_str();
    let name = md_escape(inst.alias.as_deref().unwrap_or(id));
    region(v, &mut out, id, &name);
    security_profiles(v, &mut out, id, &name);
    let contact_lens = v
        .one(
            id,
            "DescribeInstanceAttribute",
            &[("AttributeType", "CONTACT_LENS")],
        )
        .filter(|i| v.ok(*i))
        .filter(|i| text_at(v.body(*i), "/Attribute/Value") == Some("true"));
    for (rt, cat) in CATEGORY_OF {
        storage_config(v, &mut out, id, &name, rt, cat, contact_lens);
    }
    logs::flow_logs(v, &mut out, inst, &name);
    super::permissions::name_holders(v, &mut out, id);
    super::contact_lens::claims(v, &mut out, id, &name);
    super::datalake::claims(v, &mut out, id, &name);
    super::customer_profiles::claims(v, &mut out, id, &name);
    out
}

/// The instance and its Region.
fn region(v: &View, out: &mut Out, id: &str, name: &str) {
    const CAT: &str = "contact-center-data";
    match v.read(id, "DescribeInstance", &[]) {
        Reading::Ok(i) => {
            let arn = text_at(v.body(i), "/Instance/Arn").unwrap_or_default();
            match arn_parts(arn) {
                Some((r, _)) => out.claim(
                    CAT,
                    Property::Region,
                    Value::Region(r.to_string()),
                    v.say(
                        "observe-instance-region",
                        &[("name", name.to_string()), ("id", md_escape(id))],
                    ),
                    vec![],
                    vec![(i, "/Instance/Arn".into())],
                ),
                None => out.gap(
                    CAT,
                    Property::Region,
                    "DescribeInstance returned no instance ARN",
                ),
            }
        }
        r => out.gap(CAT, Property::Region, v.why(&r, "DescribeInstance")),
    }
}

/// Who can reach what inside the instance: its security profiles.
fn security_profiles(v: &View, out: &mut Out, id: &str, name: &str) {
    const CAT: &str = "contact-center-data";
    let pages = v.find(id, "ListSecurityProfiles", &[]);
    if pages.is_empty() {
        out.gap(
            CAT,
            Property::AccessControl,
            v.missing("ListSecurityProfiles"),
        );
        return;
    }
    if let Some(r) = pages.iter().find_map(|i| v.failure(*i)) {
        out.gap(CAT, Property::AccessControl, r);
        return;
    }
    let mut names: Vec<String> = pages
        .iter()
        .flat_map(|&i| {
            v.body(i)
                .pointer("/SecurityProfileSummaryList")
                .and_then(J::as_array)
                .cloned()
                .unwrap_or_default()
        })
        .filter_map(|p| p.get("Name").and_then(J::as_str).map(str::to_string))
        .collect();
    names.sort();
    let n = names.len();
    let shown = if n > 12 {
        format!("{}, …", names[..12].join(", "))
    } else {
        names.join(", ")
    };
    out.claim(
        CAT,
        Property::AccessControl,
        Value::Text(v.say(
            "observe-profiles-value",
            &[("count", n.to_string()), ("names", shown)],
        )),
        v.say("observe-profiles", &[("name", name.to_string())]),
        vec![],
        pages
            .iter()
            .map(|&i| (i, "/SecurityProfileSummaryList".to_string()))
            .collect(),
    );
}

/// The storage config of one resource type, followed to what it names.
fn storage_config(
    v: &View,
    out: &mut Out,
    id: &str,
    name: &str,
    rt: &str,
    cat: &str,
    contact_lens: Option<usize>,
) {
    let pages = v.find(id, "ListInstanceStorageConfigs", &[("ResourceType", rt)]);
    let props = props_of(cat);
    if pages.is_empty() {
        out.gaps(
            cat,
            props,
            &v.missing(&format!("ListInstanceStorageConfigs for {rt}")),
        );
        return;
    }
    if let Some(reason) = pages.iter().find_map(|i| v.failure(*i)) {
        out.gaps(cat, props, &reason);
        return;
    }
    let configs: Vec<(usize, usize)> = pages
        .iter()
        .flat_map(|&i| {
            let n = v
                .body(i)
                .pointer("/StorageConfigs")
                .and_then(J::as_array)
                .map_or(0, Vec::len);
            (0..n).map(move |j| (i, j))
        })
        .collect();
    let Some(&(i, j)) = configs.first() else {
        out.claim(
            cat,
            Property::Storage,
            Value::Text(v.say("observe-storage-none-value", &[("type", rt.to_string())])),
            v.say(
                "observe-storage-none",
                &[("name", name.to_string()), ("type", rt.to_string())],
            ),
            vec![],
            pages
                .iter()
                .map(|&i| (i, "/StorageConfigs".to_string()))
                .collect(),
        );
        return;
    };
    let sc = StorageConfig {
        id,
        cat,
        rt,
        index: i,
        base: format!("/StorageConfigs/{j}"),
    };
    let cfg = v.body(i).pointer(&sc.base).cloned().unwrap_or(J::Null);
    match cfg.get("StorageType").and_then(J::as_str) {
        Some("S3") => s3::claims(v, out, &sc, &cfg, contact_lens),
        Some("KINESIS_STREAM") => kinesis::claims(v, out, &sc, &cfg),
        Some("KINESIS_FIREHOSE") => firehose::claims(v, out, &sc, &cfg),
        Some("KINESIS_VIDEO_STREAM") => kvs::claims(v, out, &sc, &cfg),
        other => out.gaps(
            cat,
            props,
            &format!(
                "storage type {} is not interpreted",
                other.unwrap_or("(none)")
            ),
        ),
    }
}

/// Where a storage config is: the instance, the category it stores, and
/// the observation and JSON pointer of the config.
pub(super) struct StorageConfig<'a> {
    /// Instance id.
    pub id: &'a str,
    /// Category.
    pub cat: &'a str,
    /// Storage resource type (`CALL_RECORDINGS`).
    pub rt: &'a str,
    /// The ListInstanceStorageConfigs observation.
    pub index: usize,
    /// Pointer of the config in it (`/StorageConfigs/0`).
    pub base: String,
}

impl StorageConfig<'_> {
    /// A citation of a field of the config (`/S3Config/BucketName`).
    pub fn cite(&self, field: &str) -> (usize, String) {
        (self.index, format!("{}{field}", self.base))
    }
}
