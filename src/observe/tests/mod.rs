//! Offline tests of the interpretation: the committed snapshot
//! `bench/fixtures/base-snapshot` and small snapshots made here, asserting
//! what a reader checks: the value, the observation it cites (with the JSON
//! pointer), and the explanation in both languages.

mod base;
mod contact_lens;
mod merge;
mod s3;
mod streams;
mod unit;

use super::{interpret, Options};
use crate::collect::snapshot::{
    Assembly, Body, CallError, ErrorKind, InstanceEntry, Observation, Snapshot, Status,
};
use crate::collect::Record;
use crate::i18n::I18n;
use crate::model::evidence::{LiveEvidence, ObservedClaim};
use serde_json::{json, Value as J};

/// The built-in messages.
pub(super) fn i18n() -> I18n {
    I18n::load(&crate::assets::Assets::default()).expect("built-in locales")
}

/// The date the committed snapshot was collected.
pub(super) fn collected() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

/// Interpret every instance of a snapshot, fresh.
pub(super) fn read(snap: &Snapshot) -> LiveEvidence {
    interpret(
        snap,
        &Options {
            as_of: collected(),
            max_age_days: 30,
            instances: vec![],
        },
        &i18n(),
    )
}

/// The committed snapshot of one instance (`flows`).
pub(super) fn base_snapshot() -> Snapshot {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/fixtures/base-snapshot");
    Snapshot::read(&dir).expect("bench/fixtures/base-snapshot reads")
}

/// The claim for a category and property (property by its name).
pub(super) fn claim<'a>(live: &'a LiveEvidence, cat: &str, prop: &str) -> &'a ObservedClaim {
    live.claims
        .iter()
        .find(|c| c.category == cat && c.property.name() == prop)
        .unwrap_or_else(|| panic!("no observed {cat}/{prop}: {:#?}", live.unavailable))
}

/// Why a property is unavailable.
pub(super) fn unavailable<'a>(live: &'a LiveEvidence, cat: &str, prop: &str) -> &'a str {
    live.unavailable
        .iter()
        .find(|u| u.category == cat && u.property.name() == prop)
        .map(|u| u.reason.as_str())
        .unwrap_or_else(|| panic!("{cat}/{prop} is not unavailable"))
}

/// The observation ids (with pointers) a claim cites.
pub(super) fn cited(c: &ObservedClaim) -> Vec<String> {
    c.observations.iter().map(|o| o.id.clone()).collect()
}

/// A snapshot made by hand: instances and the calls made for them.
pub(super) struct Made {
    instances: Vec<InstanceEntry>,
    records: Vec<Record>,
}

pub(super) const ACCOUNT: &str = "111122223333";
pub(super) const REGION: &str = "ap-northeast-1";

impl Made {
    pub fn new() -> Made {
        Made {
            instances: Vec::new(),
            records: Vec::new(),
        }
    }

    /// An instance with its DescribeInstance answer.
    pub fn instance(mut self, id: &str, alias: &str) -> Made {
        let arn = format!("arn:aws:connect:{REGION}:{ACCOUNT}:instance/{id}");
        self.instances.push(InstanceEntry {
            region: REGION.into(),
            id: id.into(),
            alias: Some(alias.into()),
            arn: Some(arn.clone()),
            account: ACCOUNT.into(),
        });
        self.ok(
            id,
            "connect:DescribeInstance",
            &[],
            json!({"Instance": {"Id": id, "Arn": arn, "InstanceAlias": alias}}),
        )
    }

    /// A call answered with `body`.
    pub fn ok(self, inst: &str, action: &str, params: &[(&str, &str)], body: J) -> Made {
        self.call(inst, action, params, Status::Ok, None, body)
    }

    /// A call answered "not configured".
    pub fn not_configured(
        self,
        inst: &str,
        action: &str,
        params: &[(&str, &str)],
        code: &str,
    ) -> Made {
        let e = CallError {
            kind: ErrorKind::NotConfigured,
            code: code.into(),
            message: String::new(),
        };
        let body = json!({"Error": {"Kind": "not-configured", "Code": code, "Message": ""}});
        self.call(inst, action, params, Status::NotConfigured, Some(e), body)
    }

    /// A call denied.
    pub fn denied(self, inst: &str, action: &str, params: &[(&str, &str)]) -> Made {
        let e = CallError {
            kind: ErrorKind::AccessDenied,
            code: "AccessDenied".into(),
            message: "denied".into(),
        };
        let body = json!({"Error": {"Kind": "access-denied", "Code": "AccessDenied", "Message": "denied"}});
        self.call(inst, action, params, Status::Failed, Some(e), body)
    }

    fn call(
        mut self,
        inst: &str,
        action: &str,
        params: &[(&str, &str)],
        status: Status,
        error: Option<CallError>,
        body: J,
    ) -> Made {
        let a = crate::collect::action(action);
        let mut parameters = Vec::new();
        if a.service == "connect" {
            parameters.push(("InstanceId".to_string(), inst.to_string()));
        }
        parameters.extend(params.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        let bytes = crate::collect::snapshot::json_bytes(&body);
        self.records.push(Record {
            obs: Observation {
                id: String::new(),
                service: a.service.into(),
                operation: a.operation.into(),
                action: a.iam.into(),
                parameters,
                region: REGION.into(),
                account: ACCOUNT.into(),
                instance: Some(inst.into()),
                collected_at: "2026-11-28T15:21:28Z".into(),
                status,
                error,
                attempts: 1,
                body: if status == Status::Ok {
                    Body::ResponseBody
                } else {
                    Body::Error
                },
                file: String::new(),
                sha256: crate::text::sha256_hex(&bytes),
            },
            bytes,
        });
        self
    }

    /// A storage config of one resource type.
    pub fn storage(self, inst: &str, rt: &str, config: J) -> Made {
        let configs = if config.is_null() {
            json!([])
        } else {
            json!([config])
        };
        self.ok(
            inst,
            "connect:ListInstanceStorageConfigs",
            &[("ResourceType", rt)],
            json!({ "StorageConfigs": configs }),
        )
    }

    pub fn build(self) -> Snapshot {
        Snapshot::assemble(Assembly {
            started_at: "2026-11-28T15:21:00Z".into(),
            finished_at: "2026-11-28T15:22:00Z".into(),
            regions: vec![REGION.into()],
            selector: vec!["all".into()],
            instances: self.instances,
            notes: vec![],
            records: self.records,
        })
    }
}
