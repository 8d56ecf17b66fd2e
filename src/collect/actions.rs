//! The AWS API actions the collectors may call: the single source of truth
//! that `evidence/iam-policy.json` must equal.

/// One AWS API action the collectors may call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Action {
    /// IAM action (`s3:GetLifecycleConfiguration`).
    pub iam: &'static str,
    /// Service as shown in documents (`s3`).
    pub service: &'static str,
    /// API operation (`GetBucketLifecycleConfiguration`).
    pub operation: &'static str,
}

const fn a(iam: &'static str, service: &'static str, operation: &'static str) -> Action {
    Action {
        iam,
        service,
        operation,
    }
}

/// Every action the collectors can call: the single source of truth that
/// `evidence/iam-policy.json` must equal (a test below keeps them equal).
pub const ACTIONS: &[Action] = &[
    a("connect:ListInstances", "connect", "ListInstances"),
    a("connect:DescribeInstance", "connect", "DescribeInstance"),
    a(
        "connect:ListInstanceStorageConfigs",
        "connect",
        "ListInstanceStorageConfigs",
    ),
    a(
        "connect:DescribeInstanceAttribute",
        "connect",
        "DescribeInstanceAttribute",
    ),
    a(
        "connect:ListSecurityProfiles",
        "connect",
        "ListSecurityProfiles",
    ),
    a(
        "connect:ListSecurityProfilePermissions",
        "connect",
        "ListSecurityProfilePermissions",
    ),
    a("connect:ListContactFlows", "connect", "ListContactFlows"),
    a(
        "connect:DescribeContactFlow",
        "connect",
        "DescribeContactFlow",
    ),
    a(
        "connect:ListContactFlowModules",
        "connect",
        "ListContactFlowModules",
    ),
    a(
        "connect:DescribeContactFlowModule",
        "connect",
        "DescribeContactFlowModule",
    ),
    a(
        "connect:ListFlowAssociations",
        "connect",
        "ListFlowAssociations",
    ),
    a(
        "connect:ListAnalyticsDataAssociations",
        "connect",
        "ListAnalyticsDataAssociations",
    ),
    a(
        "profile:ListAccountIntegrations",
        "profile",
        "ListAccountIntegrations",
    ),
    a("profile:GetDomain", "profile", "GetDomain"),
    a(
        "profile:ListProfileObjectTypes",
        "profile",
        "ListProfileObjectTypes",
    ),
    a(
        "profile:GetProfileObjectType",
        "profile",
        "GetProfileObjectType",
    ),
    a("s3:GetBucketLocation", "s3", "GetBucketLocation"),
    a(
        "s3:GetLifecycleConfiguration",
        "s3",
        "GetBucketLifecycleConfiguration",
    ),
    a("s3:GetEncryptionConfiguration", "s3", "GetBucketEncryption"),
    a("s3:GetBucketVersioning", "s3", "GetBucketVersioning"),
    a(
        "s3:GetBucketObjectLockConfiguration",
        "s3",
        "GetObjectLockConfiguration",
    ),
    a("s3:GetBucketPolicy", "s3", "GetBucketPolicy"),
    a(
        "s3:GetBucketPublicAccessBlock",
        "s3",
        "GetPublicAccessBlock",
    ),
    a(
        "kinesis:DescribeStreamSummary",
        "kinesis",
        "DescribeStreamSummary",
    ),
    a(
        "firehose:DescribeDeliveryStream",
        "firehose",
        "DescribeDeliveryStream",
    ),
    a("logs:DescribeLogGroups", "logs", "DescribeLogGroups"),
    a("kms:DescribeKey", "kms", "DescribeKey"),
    a("kms:GetKeyRotationStatus", "kms", "GetKeyRotationStatus"),
    a("cloudtrail:DescribeTrails", "cloudtrail", "DescribeTrails"),
    a(
        "cloudtrail:GetEventSelectors",
        "cloudtrail",
        "GetEventSelectors",
    ),
    a("cloudtrail:GetTrailStatus", "cloudtrail", "GetTrailStatus"),
];

/// Look an action up by its IAM name. Panics on a name missing from
/// [`ACTIONS`]: a collector calling an undeclared action is a bug.
pub fn action(iam: &str) -> &'static Action {
    ACTIONS
        .iter()
        .find(|x| x.iam == iam)
        .unwrap_or_else(|| panic!("{iam} is not in collect::ACTIONS"))
}

#[cfg(test)]
#[path = "actions_tests.rs"]
mod tests;
