//! The action table is the code's real surface: the IAM policy lists it
//! exactly, and the collectors call exactly it.

use super::*;

/// `evidence/iam-policy.json` lists exactly [`ACTIONS`], read-only ones.
#[test]
fn iam_policy_equals_the_actions_the_code_declares() {
    let policy: serde_json::Value =
        serde_json::from_str(include_str!("../../evidence/iam-policy.json")).unwrap();
    let mut in_policy: Vec<String> = policy["Statement"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["Effect"] == "Allow")
        .flat_map(|s| s["Action"].as_array().unwrap().iter())
        .map(|a| a.as_str().unwrap().to_string())
        .collect();
    let n = in_policy.len();
    in_policy.sort();
    in_policy.dedup();
    assert_eq!(n, in_policy.len(), "duplicate actions in the policy");
    let mut in_code: Vec<String> = ACTIONS.iter().map(|a| a.iam.to_string()).collect();
    in_code.sort();
    assert_eq!(
        in_policy, in_code,
        "evidence/iam-policy.json and collect::ACTIONS differ"
    );
    for a in &in_code {
        let verb = a.split(':').nth(1).unwrap();
        assert!(
            ["Get", "Describe", "List"]
                .iter()
                .any(|p| verb.starts_with(p)),
            "{a} is not a read-only action"
        );
    }
}

/// Every action a collector names is declared, and every declared
/// action is called somewhere: the table is the code's real surface.
#[test]
fn collectors_call_exactly_the_declared_actions() {
    let sources = [
        include_str!("connect.rs"),
        include_str!("contact_flows.rs"),
        include_str!("s3.rs"),
        include_str!("kinesis.rs"),
        include_str!("firehose.rs"),
        include_str!("logs.rs"),
        include_str!("kms.rs"),
        include_str!("cloudtrail.rs"),
        include_str!("customer_profiles.rs"),
    ];
    let mut used: Vec<String> = Vec::new();
    for s in sources {
        // Every string literal shaped like an IAM action.
        for lit in s.split('"').skip(1).step_by(2) {
            let is_action = lit.split_once(':').is_some_and(|(svc, op)| {
                [
                    "connect",
                    "s3",
                    "kinesis",
                    "firehose",
                    "logs",
                    "kms",
                    "cloudtrail",
                    "profile",
                ]
                .contains(&svc)
                    && op.starts_with(|c: char| c.is_ascii_uppercase())
                    && op.chars().all(|c| c.is_ascii_alphanumeric())
            });
            if is_action && !used.iter().any(|u| u == lit) {
                used.push(lit.to_string());
            }
        }
    }
    used.sort();
    let mut declared: Vec<String> = ACTIONS.iter().map(|a| a.iam.to_string()).collect();
    declared.sort();
    assert_eq!(used, declared);
}
