//! Where an AWS resource is and what it is called: the parts of an ARN, the
//! Region of a key reference, the Region an S3 location constraint names,
//! and the name of an instance's flow-log group. Pure helpers, shared by the
//! service modules and by `crate::observe`.

/// Region and account parts of an ARN.
pub fn arn_parts(arn: &str) -> Option<(&str, &str)> {
    let mut it = arn.split(':');
    (it.next()? == "arn").then_some(())?;
    let _partition = it.next()?;
    let _service = it.next()?;
    let region = it.next()?;
    let account = it.next()?;
    Some((region, account))
}

/// The Region a key reference lives in: its ARN's, or the resource's.
pub fn key_region(key: &str, default: &str) -> String {
    arn_parts(key)
        .map(|(r, _)| r.to_string())
        .unwrap_or_else(|| default.to_string())
}

/// The Region a `LocationConstraint` names (empty = us-east-1, `EU` = eu-west-1).
pub fn region_of_constraint(c: Option<&str>) -> String {
    match c {
        None | Some("") => "us-east-1".into(),
        Some("EU") => "eu-west-1".into(),
        Some(r) => r.to_string(),
    }
}

/// The flow-log group name Connect uses for an instance alias.
pub fn flow_log_group_name(alias: &str) -> String {
    format!("/aws/connect/{alias}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arns_locations_and_group_names() {
        assert_eq!(
            arn_parts("arn:aws:kms:eu-west-1:111122223333:key/abc"),
            Some(("eu-west-1", "111122223333"))
        );
        assert_eq!(arn_parts("alias/aws/kinesis"), None);
        assert_eq!(key_region("alias/x", "ap-northeast-1"), "ap-northeast-1");
        assert_eq!(
            key_region("arn:aws:kms:us-west-2:1:key/k", "ap-northeast-1"),
            "us-west-2"
        );
        assert_eq!(region_of_constraint(None), "us-east-1");
        assert_eq!(region_of_constraint(Some("EU")), "eu-west-1");
        assert_eq!(
            region_of_constraint(Some("ap-northeast-3")),
            "ap-northeast-3"
        );
        assert_eq!(flow_log_group_name("acme"), "/aws/connect/acme");
    }
}
