//! The operator's declared answers (`answers.yaml`), as loaded.

use super::{Bilingual, Property, Value};
use serde::Serialize;

/// Who made the declarations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Declarer {
    /// Name.
    pub name: String,
    /// Role or team.
    pub role: Option<Bilingual>,
}

/// One declared answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Answer {
    /// Category id.
    pub category: String,
    /// Property.
    pub property: Property,
    /// The declared value.
    pub value: Value,
    /// The operator's note.
    pub note: Option<Bilingual>,
    /// A change ticket, ARN or document id backing it.
    pub reference: Option<String>,
    /// Line in the answers file.
    pub line: usize,
}

/// A category the operator declares not in use (no email channel, no
/// screen recording): its requirements do not apply, citing this.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NotInUse {
    /// Category id.
    pub category: String,
    /// The operator's note.
    pub note: Option<Bilingual>,
    /// A document backing it.
    pub reference: Option<String>,
    /// Line in the answers file.
    pub line: usize,
}

/// A loaded answers file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Answers {
    /// The file as named by the user.
    pub file: String,
    /// Who declared.
    pub declared_by: Option<Declarer>,
    /// When.
    pub declared_at: Option<chrono::NaiveDate>,
    /// The answers, in file order.
    pub answers: Vec<Answer>,
    /// Categories declared not in use, in file order.
    pub not_in_use: Vec<NotInUse>,
}
