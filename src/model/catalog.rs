//! The catalog of documented Amazon Connect facts (`evidence/`), as loaded.

use super::{Bilingual, Duration, Property, Remedy, Value};
use serde::Serialize;
use std::collections::BTreeMap;

/// A documentation page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocSource {
    /// Id used in the catalog.
    pub id: String,
    /// Address.
    pub url: String,
    /// The page's title.
    pub title: String,
    /// When it was checked (`2026-11`).
    pub checked: String,
}

/// Which way a change moves a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    /// Keep longer.
    Longer,
    /// Delete sooner.
    Shorter,
    /// A stronger key or protocol.
    Stronger,
    /// Any change.
    Any,
}

/// The values a configurable retention accepts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Allowed {
    /// Any duration.
    Any,
    /// A closed range.
    Range(Duration, Duration),
    /// Exactly these values.
    Values(Vec<Duration>),
}

/// How a documented value can be changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// Which way.
    pub direction: Direction,
    /// What it takes.
    pub remedy: Remedy,
    /// What to do, or why it is fixed.
    pub how: Bilingual,
    /// Accepted values, for configurable retention.
    pub allowed: Option<Allowed>,
    /// Sources for the change.
    pub sources: Vec<String>,
}

/// A documented claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CatalogClaim {
    /// The property.
    pub property: Property,
    /// The documented value.
    pub value: Value,
    /// False when the documentation does not settle it.
    pub verified: bool,
    /// The value follows from a wider AWS rule the page does not state for
    /// this data (e.g. TLS 1.2 from AWS's minimum for every API endpoint):
    /// the claim's evidence is derived, not documented.
    pub derived: bool,
    /// The fact, for the reader.
    pub explain: Bilingual,
    /// Source ids.
    pub sources: Vec<String>,
    /// What a reviewer must also know.
    pub caveats: Vec<Bilingual>,
    /// How it can be changed.
    pub change: Vec<Change>,
    /// Where it is written.
    pub file: String,
    /// Line.
    pub line: usize,
}

/// One category of data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CategoryDef {
    /// Id (`contact-records`).
    pub id: String,
    /// Title.
    pub title: Bilingual,
    /// What the data is.
    pub summary: Bilingual,
    /// What it contains.
    pub data: Vec<Bilingual>,
    /// Documented claims.
    pub claims: Vec<CatalogClaim>,
}

impl CategoryDef {
    /// The documented claim for a property.
    pub fn claim(&self, p: Property) -> Option<&CatalogClaim> {
        self.claims.iter().find(|c| c.property == p)
    }
}

/// The whole catalog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Catalog {
    /// Pages by id.
    pub sources: BTreeMap<String, DocSource>,
    /// Categories in document order.
    pub categories: Vec<CategoryDef>,
}

impl Catalog {
    /// Category ids in document order.
    pub fn category_ids(&self) -> Vec<String> {
        self.categories.iter().map(|c| c.id.clone()).collect()
    }
    /// A category by id.
    pub fn category(&self, id: &str) -> Option<&CategoryDef> {
        self.categories.iter().find(|c| c.id == id)
    }
}
