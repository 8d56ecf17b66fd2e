//! How users sign in to an Amazon Connect instance: its identity
//! management type, on an ordered scale a requirement can name with
//! `at_least` (users and passwords kept in Connect, then the buyer's
//! directory, then the buyer's identity provider through SAML 2.0).

use serde::{Deserialize, Serialize};

/// An instance's identity management type, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Identity {
    /// Users and passwords kept in Amazon Connect (`CONNECT_MANAGED`).
    ConnectManaged,
    /// The buyer's existing directory (`EXISTING_DIRECTORY`).
    ExistingDirectory,
    /// The buyer's identity provider, through SAML 2.0 (`SAML`).
    Saml,
}

impl Identity {
    /// Every type, weakest first.
    pub const ALL: [Identity; 3] = [
        Identity::ConnectManaged,
        Identity::ExistingDirectory,
        Identity::Saml,
    ];
    /// The name users write (`existing-directory`).
    pub fn name(self) -> &'static str {
        match self {
            Identity::ConnectManaged => "connect-managed",
            Identity::ExistingDirectory => "existing-directory",
            Identity::Saml => "saml",
        }
    }
    /// The API's name (`IdentityManagementType` of DescribeInstance).
    pub fn api_name(self) -> &'static str {
        match self {
            Identity::ConnectManaged => "CONNECT_MANAGED",
            Identity::ExistingDirectory => "EXISTING_DIRECTORY",
            Identity::Saml => "SAML",
        }
    }
    /// Look a type up by the name users write or the API's name.
    pub fn parse(s: &str) -> Option<Identity> {
        Identity::ALL
            .into_iter()
            .find(|k| k.name() == s || k.api_name() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scale_orders_connect_managed_below_directory_below_saml() {
        assert!(Identity::ConnectManaged < Identity::ExistingDirectory);
        assert!(Identity::ExistingDirectory < Identity::Saml);
        assert_eq!(Identity::parse("saml"), Some(Identity::Saml));
        assert_eq!(
            Identity::parse("EXISTING_DIRECTORY"),
            Some(Identity::ExistingDirectory)
        );
        assert_eq!(Identity::parse("password"), None);
    }
}
