//! The buyer's requirements (`requirements.yaml`), as loaded.

use super::{Bilingual, Duration, KeyOwner, Priority, Property, Protocol};
use serde::Serialize;

/// Which categories a requirement covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CategorySel {
    /// `"*"`: every category that has the property.
    All,
    /// One category.
    One(String),
}

/// A value a requirement compares with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "kebab-case")]
pub enum Expected {
    /// A length of time.
    Duration(Duration),
    /// Yes or no.
    Bool(bool),
    /// A key owner.
    Key(KeyOwner),
    /// A transport protocol.
    Protocol(Protocol),
    /// A Region code.
    Region(String),
    /// An identity management type.
    Identity(crate::model::Identity),
    /// Free text, in both languages (one text given is used for both).
    Text(Bilingual),
}

/// One condition of a requirement's `expect`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    /// The value must reach this.
    AtLeast(Expected),
    /// The value must stay within this.
    AtMost(Expected),
    /// The value must be one of these.
    OneOf(Vec<Expected>),
    /// The value must equal this.
    Is(Expected),
}

/// The subset of a category's objects a requirement is about (selective
/// retention: flagged recordings kept 5 years, the rest 1 month).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    /// Objects carrying this S3 object tag (`key=value`).
    Tag {
        /// Tag key.
        key: String,
        /// Tag value.
        value: String,
    },
    /// Objects whose key starts with this prefix (from the bucket's root).
    Prefix(String),
}

impl Scope {
    /// The scope as users write it (`tag legal-hold=true`, `prefix holds/`).
    pub fn label(&self) -> String {
        match self {
            Scope::Tag { key, value } => format!("{key}={value}"),
            Scope::Prefix(p) => p.clone(),
        }
    }
    /// Which kind of scope (`tag`, `prefix`).
    pub fn kind(&self) -> &'static str {
        match self {
            Scope::Tag { .. } => "tag",
            Scope::Prefix(_) => "prefix",
        }
    }
}

/// The categories a `scope` can narrow: data kept as objects in the
/// customer's S3 bucket, where lifecycle rules filter by prefix and tag
/// (the same list as `gap::S3_BACKED`; a test keeps them equal).
pub const SCOPABLE: &[&str] = &[
    "call-recordings",
    "chat-transcripts",
    "screen-recordings",
    "attachments",
    "email-messages",
    "contact-evaluations",
    "scheduled-reports",
    "contact-lens-outputs",
];

/// Two requirements whose scopes differ speak of different objects: they
/// never conflict. No scope (every object) differs from any scope.
pub fn same_scope(a: &Option<Scope>, b: &Option<Scope>) -> bool {
    a == b
}

/// The buyer's organisation and system.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Customer {
    /// Company name.
    pub name: Bilingual,
    /// The system under review.
    pub system: Bilingual,
}

/// One demand of the buyer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Requirement {
    /// The buyer's id (`RET-01`).
    pub id: String,
    /// The demand in the buyer's words.
    pub title: Bilingual,
    /// The category or `*`.
    pub category: CategorySel,
    /// The property it constrains.
    pub property: Property,
    /// Every condition must hold.
    pub expect: Vec<Condition>,
    /// must / should / may.
    pub priority: Priority,
    /// IPA 非機能要求グレード items the buyer ties it to (`grade:`); empty:
    /// the mapping of its property decides.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub grade: Vec<String>,
    /// The subset of objects it is about; `None` for all of them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    /// Line in the requirements file.
    pub line: usize,
}

impl Requirements {
    /// Every (category, scope) the requirements name, without repeats, in
    /// file order: live evidence observes retention for each.
    pub fn scopes(&self) -> Vec<(String, Scope)> {
        let mut out: Vec<(String, Scope)> = Vec::new();
        for r in &self.requirements {
            if let (CategorySel::One(c), Some(s)) = (&r.category, &r.scope) {
                let k = (c.clone(), s.clone());
                if !out.contains(&k) {
                    out.push(k);
                }
            }
        }
        out
    }
}

/// A loaded requirements file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Requirements {
    /// The file as named by the user.
    pub file: String,
    /// Who is asking.
    pub customer: Customer,
    /// What they ask, in file order.
    pub requirements: Vec<Requirement>,
}
