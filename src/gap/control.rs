//! Who controls the resource a category's data sits in, and so what closes a
//! gap the catalog names no change for: the customer's own resources (an S3
//! bucket, a CloudWatch Logs log group, a Kinesis stream) are configured by
//! the customer; values the service holds are negotiated; where shoko cannot
//! tell, the explanation says so.

use crate::model::{Property, Remedy};

/// Who can change a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    /// A setting of a resource in the customer's own account.
    Customer,
    /// A value the service fixes.
    Service,
    /// shoko cannot tell.
    Unknown,
}

/// Categories whose data sits in a resource of the customer's account: the
/// bucket of a storage config, the instance's log group, a Kinesis or
/// Kinesis Video stream, a trail's bucket.
pub const CUSTOMER_OWNED: &[&str] = &[
    "call-recordings",
    "chat-transcripts",
    "screen-recordings",
    "attachments",
    "email-messages",
    "contact-evaluations",
    "scheduled-reports",
    "contact-lens-outputs",
    "streamed-contact-records",
    "flow-logs",
    "media-streams",
    "agent-events",
    "audit-logs",
];

/// Categories whose data the service itself holds.
pub const SERVICE_HELD: &[&str] = &[
    "contact-center-data",
    "contact-records",
    "voice-media",
    "other-communication",
];

/// Properties that are settings of the resource that holds the data.
fn resource_setting(p: Property) -> bool {
    matches!(
        p,
        Property::Region
            | Property::Storage
            | Property::Retention
            | Property::RetentionConfigurable
            | Property::DeletionOnRequest
            | Property::EncryptionAtRest
            | Property::EncryptionAtRestKey
            | Property::AccessControl
            | Property::DataAccessLogged
    )
}

/// Who controls this property of this category's data.
pub fn control(category: &str, property: Property) -> Control {
    if CUSTOMER_OWNED.contains(&category) && resource_setting(property) {
        Control::Customer
    } else if SERVICE_HELD.contains(&category) && resource_setting(property) {
        Control::Service
    } else {
        Control::Unknown
    }
}

/// Deleting the instance leaves a resource of the customer's account in
/// place: removing it is a step of the customer's own exit procedure.
fn exit_step(category: &str, property: Property) -> bool {
    CUSTOMER_OWNED.contains(&category)
        && matches!(
            property,
            Property::DeletionOnInstanceDelete | Property::DeletionAtContractEnd
        )
}

/// The remedy of a gap the catalog names no change for.
pub fn fallback_remedy(category: &str, property: Property) -> Remedy {
    if exit_step(category, property) {
        return Remedy::Design;
    }
    match control(category, property) {
        Control::Customer => Remedy::Configure,
        Control::Service | Control::Unknown => Remedy::Negotiate,
    }
}

/// The message that explains such a gap's remedy.
pub fn fallback_message(category: &str, property: Property) -> &'static str {
    if exit_step(category, property) {
        return "remedy-design-owned-exit";
    }
    match control(category, property) {
        Control::Customer => "remedy-configure-owned",
        Control::Service => "remedy-negotiate-fixed",
        Control::Unknown => "remedy-control-unknown",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn customer_resources_are_configured() {
        assert_eq!(
            control("call-recordings", Property::Retention),
            Control::Customer
        );
        assert_eq!(
            control("flow-logs", Property::EncryptionAtRestKey),
            Control::Customer
        );
        assert_eq!(
            control("streamed-contact-records", Property::Region),
            Control::Customer
        );
        assert_eq!(
            fallback_remedy("audit-logs", Property::Retention),
            Remedy::Configure
        );
        // Deleting the instance leaves the bucket: the exit procedure removes it.
        assert_eq!(
            fallback_remedy("call-recordings", Property::DeletionOnInstanceDelete),
            Remedy::Design
        );
    }

    #[test]
    fn service_values_are_negotiated_and_the_rest_is_unknown() {
        assert_eq!(
            control("contact-records", Property::Retention),
            Control::Service
        );
        assert_eq!(
            fallback_remedy("contact-records", Property::Retention),
            Remedy::Negotiate
        );
        // Whether personal data is in a recording is no setting of the bucket.
        assert_eq!(control("call-recordings", Property::Pii), Control::Unknown);
        assert_eq!(
            control("customer-profiles", Property::Retention),
            Control::Unknown
        );
        assert_eq!(
            fallback_message("customer-profiles", Property::Retention),
            "remedy-control-unknown"
        );
    }
}
