//! Flow logs (CloudWatch Logs): whether the instance writes them
//! (CONTACTFLOW_LOGS), and the Region, retention and key of its log group
//! `/aws/connect/<alias>` (DescribeLogGroups).

use super::kms::key_owner;
use super::view::{text_at, Cites, Out, PerLang, Reading, View};
use super::FLOW_LOG_PROPS;
use crate::collect::arn::arn_parts;
use crate::collect::arn::flow_log_group_name;
use crate::collect::snapshot::InstanceEntry;
use crate::model::{Duration, KeyOwner, Property, Value};
use crate::text::escape::md_escape;
use serde_json::Value as J;

const CAT: &str = "flow-logs";

pub(super) fn flow_logs(v: &View, out: &mut Out, inst: &InstanceEntry, name: &str) {
    let id = inst.id.as_str();
    let attr = v.read(
        id,
        "DescribeInstanceAttribute",
        &[("AttributeType", "CONTACTFLOW_LOGS")],
    );
    let mut attr_cites: Cites = Vec::new();
    match attr {
        Reading::Ok(a) => {
            attr_cites.push((a, "/Attribute/Value".to_string()));
            if text_at(v.body(a), "/Attribute/Value") == Some("false") {
                out.claim(
                    CAT,
                    Property::Storage,
                    Value::Text(v.say("observe-flow-logs-off-value", &[])),
                    v.say("observe-flow-logs-off", &[("name", name.to_string())]),
                    vec![],
                    attr_cites,
                );
                return;
            }
        }
        r => out.gap(
            CAT,
            Property::Storage,
            v.why(&r, "DescribeInstanceAttribute CONTACTFLOW_LOGS"),
        ),
    }
    let Some(alias) = &inst.alias else {
        out.gaps(CAT, FLOW_LOG_PROPS, "the instance alias is unknown (DescribeInstance failed), so its flow-log group cannot be named");
        return;
    };
    let group = flow_log_group_name(alias);
    let Some(d) = v.one(
        id,
        "DescribeLogGroups",
        &[("logGroupNamePrefix", group.as_str())],
    ) else {
        out.gaps(CAT, FLOW_LOG_PROPS, &v.missing("DescribeLogGroups"));
        return;
    };
    if let Some(r) = v.failure(d) {
        out.gaps(CAT, FLOW_LOG_PROPS, &r);
        return;
    }
    let groups = v
        .body(d)
        .get("logGroups")
        .and_then(J::as_array)
        .cloned()
        .unwrap_or_default();
    let Some(j) = groups
        .iter()
        .position(|g| g.get("logGroupName").and_then(J::as_str) == Some(group.as_str()))
    else {
        out.gaps(
            CAT,
            FLOW_LOG_PROPS,
            &format!("no log group named {group} (DescribeLogGroups)"),
        );
        return;
    };
    let lg = LogGroup {
        d,
        g: &groups[j],
        gp: format!("/logGroups/{j}"),
        eg: md_escape(&group),
        attr_cites,
    };
    lg.claims(v, out, id);
}

/// The flow-log group found in a DescribeLogGroups answer.
struct LogGroup<'a> {
    /// The DescribeLogGroups observation.
    d: usize,
    /// The group's entry.
    g: &'a J,
    /// Its pointer (`/logGroups/0`).
    gp: String,
    /// Its name, escaped.
    eg: String,
    /// The CONTACTFLOW_LOGS attribute, cited after the group's own field.
    attr_cites: Cites,
}

impl LogGroup<'_> {
    /// The group's field first (a verdict names the first citation), then
    /// the CONTACTFLOW_LOGS attribute it rests on.
    fn cites(&self, mut c: Cites) -> Cites {
        c.extend(self.attr_cites.iter().cloned());
        c
    }

    fn field(&self, f: &str) -> (usize, String) {
        (self.d, format!("{}/{f}", self.gp))
    }

    fn claims(&self, v: &View, out: &mut Out, id: &str) {
        let eg = self.eg.clone();
        if let Some(r) = self
            .g
            .get("arn")
            .and_then(J::as_str)
            .and_then(arn_parts)
            .map(|(r, _)| r.to_string())
        {
            out.claim(
                CAT,
                Property::Region,
                Value::Region(r.clone()),
                v.say(
                    "observe-log-group-region",
                    &[("group", eg.clone()), ("region", md_escape(&r))],
                ),
                vec![],
                self.cites(vec![self.field("arn")]),
            );
        }
        match self.g.get("retentionInDays").and_then(J::as_u64) {
            Some(n) => out.claim(
                CAT,
                Property::Retention,
                Value::Duration(Duration::days(n)),
                v.say(
                    "observe-log-group-retention",
                    &[("group", eg.clone()), ("days", n.to_string())],
                ),
                vec![],
                self.cites(vec![self.field("retentionInDays")]),
            ),
            None => out.claim(
                CAT,
                Property::Retention,
                Value::Duration(Duration::Never),
                v.say("observe-log-group-never", &[("group", eg.clone())]),
                vec![],
                self.cites(vec![(self.d, self.gp.clone())]),
            ),
        }
        let Some(key) = self.g.get("kmsKeyId").and_then(J::as_str) else {
            out.claim(
                CAT,
                Property::EncryptionAtRestKey,
                Value::Key(KeyOwner::AwsOwned),
                v.say("observe-log-group-service-key", &[("group", eg)]),
                vec![],
                self.cites(vec![(self.d, self.gp.clone())]),
            );
            return;
        };
        match key_owner(v, id, key) {
            Ok(k) => {
                let mut c = vec![self.field("kmsKeyId")];
                c.extend(k.cites);
                out.claim(
                    CAT,
                    Property::EncryptionAtRestKey,
                    Value::Key(k.owner),
                    v.say_per(
                        "observe-log-group-key",
                        &[("group", eg), ("key", md_escape(key))],
                        &[PerLang::Owner(k.owner)],
                    ),
                    k.caveats,
                    self.cites(c),
                );
            }
            Err(r) => out.gap(CAT, Property::EncryptionAtRestKey, r),
        }
    }
}
