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
    /// Line in the requirements file.
    pub line: usize,
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
