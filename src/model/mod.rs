//! Language-neutral types: categories, properties, values, provenance,
//! requirements and statuses. Everything a renderer shows is built from
//! these; nothing here knows about files or AWS.

pub mod answer;
pub mod catalog;
pub mod claim;
pub mod duration;
pub mod evidence;
pub mod flow;
pub mod identity;
pub mod report;
pub mod requirement;
pub mod verdict;

use serde::{Deserialize, Serialize};
use std::fmt;

pub use duration::Duration;
pub use identity::Identity;

/// A reader's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Japanese.
    Ja,
    /// English.
    En,
}

impl Lang {
    /// Both languages, Japanese first.
    pub const ALL: [Lang; 2] = [Lang::Ja, Lang::En];
    /// The language code (`ja`, `en`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }
    /// Parse a language code.
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim() {
            "ja" => Some(Lang::Ja),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// Text in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Bilingual {
    /// Japanese.
    pub ja: String,
    /// English.
    pub en: String,
}

impl Bilingual {
    /// Both languages.
    pub fn new(ja: impl Into<String>, en: impl Into<String>) -> Self {
        Bilingual {
            ja: ja.into(),
            en: en.into(),
        }
    }
    /// The text in one language.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
        }
    }
    /// One Japanese text stands for both languages: the English document
    /// shows it marked as untranslated.
    pub fn untranslated(&self) -> bool {
        self.ja == self.en
            && self.ja.chars().any(|c| {
                matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{FF66}'..='\u{FF9F}')
            })
    }
}

/// One facet of a category of data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Property {
    /// The AWS Region the data is stored in.
    #[serde(rename = "region")]
    Region,
    /// Where and how the data is stored.
    #[serde(rename = "storage")]
    Storage,
    /// How long the data is kept.
    #[serde(rename = "retention")]
    Retention,
    /// Whether the customer can change the retention.
    #[serde(rename = "retention.configurable")]
    RetentionConfigurable,
    /// Whether single items can be deleted on request.
    #[serde(rename = "deletion.on-request")]
    DeletionOnRequest,
    /// Whether the data goes when the instance is deleted.
    #[serde(rename = "deletion.on-instance-delete")]
    DeletionOnInstanceDelete,
    /// Whether the data is erased when the service contract between the
    /// buyer and the operator ends.
    #[serde(rename = "deletion.at-contract-end")]
    DeletionAtContractEnd,
    /// Whether a written confirmation of the deletion is provided.
    #[serde(rename = "deletion.certificate")]
    DeletionCertificate,
    /// Whether the data can be handed back to the buyer on request.
    #[serde(rename = "data-return.on-request")]
    DataReturnOnRequest,
    /// The form in which the data is handed back.
    #[serde(rename = "data-return.format")]
    DataReturnFormat,
    /// Whether the data is encrypted at rest.
    #[serde(rename = "encryption.at-rest")]
    EncryptionAtRest,
    /// Who owns the key that encrypts it at rest.
    #[serde(rename = "encryption.at-rest.key")]
    EncryptionAtRestKey,
    /// How the data is protected in transit.
    #[serde(rename = "encryption.in-transit")]
    EncryptionInTransit,
    /// Who can reach the data.
    #[serde(rename = "access-control")]
    AccessControl,
    /// How users sign in: the instance's identity management type.
    #[serde(rename = "access-control.authentication")]
    AccessControlAuthentication,
    /// Whether signing in takes a second factor.
    #[serde(rename = "access-control.mfa")]
    AccessControlMfa,
    /// Whether users can download the data (recordings, reports).
    #[serde(rename = "access-control.download")]
    AccessControlDownload,
    /// Whether the data holds personal information.
    #[serde(rename = "pii")]
    Pii,
    /// Whether sensitive customer input reaches the logs.
    #[serde(rename = "sensitive-input-logged")]
    SensitiveInputLogged,
    /// Whether any personal data from customers (phone numbers, names,
    /// dates of birth, as well as the sensitive classes) reaches the flow logs.
    #[serde(rename = "personal-data-logged")]
    PersonalDataLogged,
    /// Whether reading and deleting the data is recorded in an audit log.
    #[serde(rename = "data-access-logged")]
    DataAccessLogged,
}

/// The shape of a property's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// An AWS Region code.
    Region,
    /// Bilingual free text.
    Text,
    /// A duration.
    Duration,
    /// Yes or no.
    Bool,
    /// A key owner.
    Key,
    /// A list of transport protocols.
    Protocols,
    /// An identity management type ([`Identity`]).
    Identity,
}

impl Property {
    /// Every property, in document order.
    pub const ALL: [Property; 21] = [
        Property::Region,
        Property::Storage,
        Property::Retention,
        Property::RetentionConfigurable,
        Property::DeletionOnRequest,
        Property::DeletionOnInstanceDelete,
        Property::DeletionAtContractEnd,
        Property::DeletionCertificate,
        Property::DataReturnOnRequest,
        Property::DataReturnFormat,
        Property::EncryptionAtRest,
        Property::EncryptionAtRestKey,
        Property::EncryptionInTransit,
        Property::AccessControl,
        Property::AccessControlAuthentication,
        Property::AccessControlMfa,
        Property::AccessControlDownload,
        Property::Pii,
        Property::SensitiveInputLogged,
        Property::PersonalDataLogged,
        Property::DataAccessLogged,
    ];

    /// The name users write (`encryption.at-rest.key`).
    pub fn name(self) -> &'static str {
        match self {
            Property::Region => "region",
            Property::Storage => "storage",
            Property::Retention => "retention",
            Property::RetentionConfigurable => "retention.configurable",
            Property::DeletionOnRequest => "deletion.on-request",
            Property::DeletionOnInstanceDelete => "deletion.on-instance-delete",
            Property::EncryptionAtRest => "encryption.at-rest",
            Property::EncryptionAtRestKey => "encryption.at-rest.key",
            Property::EncryptionInTransit => "encryption.in-transit",
            Property::AccessControl => "access-control",
            Property::Pii => "pii",
            Property::SensitiveInputLogged => "sensitive-input-logged",
            Property::DataAccessLogged => "data-access-logged",
            Property::PersonalDataLogged => "personal-data-logged",
            Property::DeletionAtContractEnd => "deletion.at-contract-end",
            Property::DeletionCertificate => "deletion.certificate",
            Property::DataReturnOnRequest => "data-return.on-request",
            Property::DataReturnFormat => "data-return.format",
            Property::AccessControlAuthentication => "access-control.authentication",
            Property::AccessControlMfa => "access-control.mfa",
            Property::AccessControlDownload => "access-control.download",
        }
    }

    /// Look a property up by the name users write.
    pub fn parse(s: &str) -> Option<Property> {
        Property::ALL.into_iter().find(|p| p.name() == s)
    }

    /// The shape of this property's values.
    pub fn kind(self) -> ValueKind {
        match self {
            Property::Region => ValueKind::Region,
            Property::Storage | Property::AccessControl | Property::DataReturnFormat => {
                ValueKind::Text
            }
            Property::Retention => ValueKind::Duration,
            Property::RetentionConfigurable
            | Property::DeletionOnRequest
            | Property::DeletionOnInstanceDelete
            | Property::EncryptionAtRest
            | Property::Pii
            | Property::SensitiveInputLogged
            | Property::DataAccessLogged
            | Property::PersonalDataLogged
            | Property::DeletionAtContractEnd
            | Property::DeletionCertificate
            | Property::DataReturnOnRequest
            | Property::AccessControlMfa
            | Property::AccessControlDownload => ValueKind::Bool,
            Property::AccessControlAuthentication => ValueKind::Identity,
            Property::EncryptionAtRestKey => ValueKind::Key,
            Property::EncryptionInTransit => ValueKind::Protocols,
        }
    }

    /// No AWS call shows it: it lives in the buyer's identity provider or
    /// in the operator's own procedures, and only a declaration settles it.
    pub fn declared_only(self) -> bool {
        matches!(
            self,
            Property::AccessControlMfa
                | Property::DeletionAtContractEnd
                | Property::DeletionCertificate
                | Property::DataReturnOnRequest
                | Property::DataReturnFormat
        )
    }

    /// The Fluent message id of the property's name.
    pub fn message_id(self) -> String {
        format!("property-{}", self.name().replace('.', "-"))
    }
}

impl fmt::Display for Property {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Who owns the key that encrypts data at rest, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum KeyOwner {
    /// An AWS owned key: not visible in the customer's account.
    AwsOwned,
    /// An AWS managed key (`aws/s3`, `aws/kinesis`) in the customer's account.
    AwsManaged,
    /// A customer managed KMS key.
    CustomerManaged,
}

impl KeyOwner {
    /// Every owner, weakest first.
    pub const ALL: [KeyOwner; 3] = [
        KeyOwner::AwsOwned,
        KeyOwner::AwsManaged,
        KeyOwner::CustomerManaged,
    ];
    /// The name users write.
    pub fn name(self) -> &'static str {
        match self {
            KeyOwner::AwsOwned => "aws-owned",
            KeyOwner::AwsManaged => "aws-managed",
            KeyOwner::CustomerManaged => "customer-managed",
        }
    }
    /// Look an owner up by name.
    pub fn parse(s: &str) -> Option<KeyOwner> {
        KeyOwner::ALL.into_iter().find(|k| k.name() == s)
    }
}

/// A transport protection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Protocol {
    /// TLS 1.0.
    #[serde(rename = "tls1.0")]
    Tls10,
    /// TLS 1.1.
    #[serde(rename = "tls1.1")]
    Tls11,
    /// TLS 1.2.
    #[serde(rename = "tls1.2")]
    Tls12,
    /// TLS 1.3.
    #[serde(rename = "tls1.3")]
    Tls13,
    /// SRTP (media).
    #[serde(rename = "srtp")]
    Srtp,
    /// DTLS-SRTP (WebRTC media).
    #[serde(rename = "dtls-srtp")]
    DtlsSrtp,
}

impl Protocol {
    /// Every protocol.
    pub const ALL: [Protocol; 6] = [
        Protocol::Tls10,
        Protocol::Tls11,
        Protocol::Tls12,
        Protocol::Tls13,
        Protocol::Srtp,
        Protocol::DtlsSrtp,
    ];
    /// The name users write.
    pub fn name(self) -> &'static str {
        match self {
            Protocol::Tls10 => "tls1.0",
            Protocol::Tls11 => "tls1.1",
            Protocol::Tls12 => "tls1.2",
            Protocol::Tls13 => "tls1.3",
            Protocol::Srtp => "srtp",
            Protocol::DtlsSrtp => "dtls-srtp",
        }
    }
    /// Look a protocol up by name (also `TLS 1.2`, `tls12`).
    pub fn parse(s: &str) -> Option<Protocol> {
        let k: String = s
            .to_ascii_lowercase()
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '_' && *c != 'v')
            .collect();
        let k = match k.as_str() {
            "tls10" => "tls1.0",
            "tls11" => "tls1.1",
            "tls12" => "tls1.2",
            "tls13" => "tls1.3",
            other => other,
        }
        .to_string();
        Protocol::ALL.into_iter().find(|p| p.name() == k)
    }
    /// The TLS version (1.0 = 10 ... 1.3 = 13), or `None` for media protocols.
    pub fn tls_version(self) -> Option<u8> {
        match self {
            Protocol::Tls10 => Some(10),
            Protocol::Tls11 => Some(11),
            Protocol::Tls12 => Some(12),
            Protocol::Tls13 => Some(13),
            Protocol::Srtp | Protocol::DtlsSrtp => None,
        }
    }
}

/// The value of one property of one category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "kebab-case")]
pub enum Value {
    /// An AWS Region code.
    Region(String),
    /// The data lives in the Connect instance's Region (derived).
    InstanceRegion,
    /// A length of time.
    Duration(Duration),
    /// Kept while the Connect instance exists.
    InstanceLifetime,
    /// Yes or no.
    Bool(bool),
    /// A key owner.
    Key(KeyOwner),
    /// Transport protections.
    Protocols(Vec<Protocol>),
    /// An identity management type.
    Identity(Identity),
    /// Bilingual free text.
    Text(Bilingual),
    /// Set by the deployment's own configuration: unknown without evidence.
    CustomerDefined,
    /// Does not apply to this category.
    NotApplicable,
}

impl Serialize for Duration {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

/// A buyer's priority.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Priority {
    /// Mandatory.
    Must,
    /// Expected.
    Should,
    /// Nice to have.
    May,
}

/// The outcome of one requirement against one claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// The claim meets the requirement.
    Met,
    /// The claim falls short; a remedy says what to do.
    Gap,
    /// Evidence exists but cannot be compared mechanically.
    Review,
    /// No evidence, or evidence too old.
    Unverified,
    /// The property does not apply to this category.
    NotApplicable,
}

impl Status {
    /// Every status, in summary order.
    pub const ALL: [Status; 5] = [
        Status::Met,
        Status::Gap,
        Status::Review,
        Status::Unverified,
        Status::NotApplicable,
    ];
    /// The name used in files and CLI flags.
    pub fn name(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::Gap => "gap",
            Status::Review => "review",
            Status::Unverified => "unverified",
            Status::NotApplicable => "not-applicable",
        }
    }
    /// How much a reviewer must worry: used to pick a requirement's overall
    /// status from its per-category verdicts.
    pub fn severity(self) -> u8 {
        match self {
            Status::Gap => 4,
            Status::Unverified => 3,
            Status::Review => 2,
            Status::Met => 1,
            Status::NotApplicable => 0,
        }
    }
}

/// What closes a gap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Remedy {
    /// A setting the customer controls.
    Configure,
    /// An added mechanism.
    Design,
    /// A platform limit: the requirement itself must change.
    Negotiate,
}

impl Remedy {
    /// The name used in files.
    pub fn name(self) -> &'static str {
        match self {
            Remedy::Configure => "configure",
            Remedy::Design => "design",
            Remedy::Negotiate => "negotiate",
        }
    }
}
