//! Diagnostics: one clear message per problem in an input file.
//!
//! Every diagnostic has a stable code (each has a page in the guide), the
//! file, line and column, what was expected, and a hint where one helps.

use super::yaml::Pos;
use serde::Serialize;
use std::fmt;

/// Stable diagnostic codes. The guide has a page for each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Code {
    /// The file could not be read, or is not UTF-8.
    Unreadable,
    /// Not valid YAML.
    YamlSyntax,
    /// A YAML alias was used.
    YamlAlias,
    /// Nesting too deep.
    TooDeep,
    /// A key that the format does not have.
    UnknownKey,
    /// A required key is missing.
    MissingKey,
    /// A value has the wrong shape (list where a mapping belongs, ...).
    WrongShape,
    /// A category the catalog does not know.
    UnknownCategory,
    /// A property that does not exist.
    UnknownProperty,
    /// A duration that cannot be read.
    BadDuration,
    /// A value that does not fit its property.
    BadValue,
    /// The same id or key twice.
    Duplicate,
    /// A date that cannot be read.
    BadDate,
    /// An `expect` with no usable condition.
    BadExpect,
    /// A catalog reference that does not resolve.
    BadReference,
    /// The file is too large.
    TooLarge,
}

impl Code {
    /// The code as printed (`E0101`).
    pub fn id(self) -> &'static str {
        match self {
            Code::Unreadable => "E001",
            Code::YamlSyntax => "E002",
            Code::YamlAlias => "E003",
            Code::TooDeep => "E004",
            Code::UnknownKey => "E005",
            Code::MissingKey => "E006",
            Code::WrongShape => "E007",
            Code::UnknownCategory => "E008",
            Code::UnknownProperty => "E009",
            Code::BadDuration => "E010",
            Code::BadValue => "E011",
            Code::Duplicate => "E012",
            Code::BadDate => "E013",
            Code::BadExpect => "E014",
            Code::BadReference => "E015",
            Code::TooLarge => "E016",
        }
    }
    /// Every code, in order.
    pub const ALL: [Code; 16] = [
        Code::Unreadable,
        Code::YamlSyntax,
        Code::YamlAlias,
        Code::TooDeep,
        Code::UnknownKey,
        Code::MissingKey,
        Code::WrongShape,
        Code::UnknownCategory,
        Code::UnknownProperty,
        Code::BadDuration,
        Code::BadValue,
        Code::Duplicate,
        Code::BadDate,
        Code::BadExpect,
        Code::BadReference,
        Code::TooLarge,
    ];
    /// A short name of the code (`unknown-key`).
    pub fn slug(self) -> &'static str {
        match self {
            Code::Unreadable => "unreadable",
            Code::YamlSyntax => "yaml-syntax",
            Code::YamlAlias => "yaml-alias",
            Code::TooDeep => "too-deep",
            Code::UnknownKey => "unknown-key",
            Code::MissingKey => "missing-key",
            Code::WrongShape => "wrong-shape",
            Code::UnknownCategory => "unknown-category",
            Code::UnknownProperty => "unknown-property",
            Code::BadDuration => "bad-duration",
            Code::BadValue => "bad-value",
            Code::Duplicate => "duplicate",
            Code::BadDate => "bad-date",
            Code::BadExpect => "bad-expect",
            Code::BadReference => "bad-reference",
            Code::TooLarge => "too-large",
        }
    }
}

/// One problem in one input file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Stable code.
    pub code: Code,
    /// The file as the user named it.
    pub file: String,
    /// Where in the file.
    #[serde(skip)]
    pub pos: Pos,
    /// What is wrong.
    pub message: String,
    /// What was expected there.
    pub expected: Option<String>,
    /// How to fix it.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// A diagnostic without expectation or hint.
    pub fn new(code: Code, file: &str, pos: Pos, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            file: file.to_string(),
            pos,
            message: message.into(),
            expected: None,
            hint: None,
        }
    }
    /// Add what was expected.
    pub fn expected(mut self, e: impl Into<String>) -> Self {
        self.expected = Some(e.into());
        self
    }
    /// Add a hint.
    pub fn hint(mut self, h: impl Into<String>) -> Self {
        self.hint = Some(h.into());
        self
    }
    /// Add a hint when there is one.
    pub fn maybe_hint(mut self, h: Option<String>) -> Self {
        if h.is_some() {
            self.hint = h;
        }
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "error[{}]: {}:{}:{}: {}",
            self.code.id(),
            self.file,
            self.pos.line,
            self.pos.col,
            self.message
        )?;
        if let Some(e) = &self.expected {
            write!(f, "\n  expected: {e}")?;
        }
        if let Some(h) = &self.hint {
            write!(f, "\n  hint: {h}")?;
        }
        Ok(())
    }
}

/// Every problem found in a set of input files.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}
