//! Reading `claims.json` of either format (`shoko.claims/1`, `/2`)
//! tolerantly: unknown fields are ignored and missing ones take defaults,
//! so a pack of an older or newer shoko still compares.

use serde::Deserialize;

/// The formats `diff` reads.
pub const FORMATS: &[&str] = &["shoko.claims/1", "shoko.claims/2"];

/// Text in both languages.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(default)]
pub struct Bi {
    /// Japanese.
    pub ja: String,
    /// English.
    pub en: String,
}

/// The buyer and the system under review.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Customer {
    /// Company.
    pub name: Bi,
    /// System.
    pub system: Bi,
}

/// A claim as the pack states it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Claim {
    /// `category/property`.
    pub id: String,
    /// Category id.
    pub category: String,
    /// Property name.
    pub property: String,
    /// Structured value (compared as JSON).
    pub value: serde_json::Value,
    /// Value for the reader.
    pub value_text: Bi,
    /// observed, declared, derived, documented.
    pub provenance: String,
    /// Settled by its evidence (`/1`: false for a stale observation).
    #[serde(default = "yes")]
    pub verified: bool,
    /// `/2`: an observation older than the freshness limit.
    pub stale: Option<bool>,
    /// Citation numbers.
    pub citations: Vec<usize>,
}

fn yes() -> bool {
    true
}

impl Claim {
    /// Stale: said by `/2`, or (for `/1`) an observed claim not verified.
    pub fn is_stale(&self) -> bool {
        self.stale
            .unwrap_or(self.provenance == "observed" && !self.verified)
    }
}

/// A requirement.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Requirement {
    /// Id.
    pub id: String,
    /// The buyer's words.
    pub title: Bi,
    /// Category or `*`.
    pub category: String,
    /// Property.
    pub property: String,
    /// Conditions.
    pub expect: Bi,
    /// must / should / may.
    pub priority: String,
    /// Worst status.
    pub status: String,
}

/// A verdict.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Verdict {
    /// Requirement id.
    pub requirement: String,
    /// Category id.
    pub category: String,
    /// Property.
    pub property: String,
    /// must / should / may.
    pub priority: String,
    /// Status.
    pub status: String,
    /// Remedy of a gap.
    pub remedy: Option<String>,
    /// Why.
    pub explanation: Bi,
    /// The claim's id.
    pub claim: Option<String>,
    /// Citation numbers.
    pub citations: Vec<usize>,
}

/// `claims.json`, as much as `diff` reads.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ClaimsDoc {
    /// Format version.
    pub format: String,
    /// shoko's version.
    pub tool_version: String,
    /// As-of date.
    pub as_of: String,
    /// The buyer.
    pub customer: Option<Customer>,
    /// Claims.
    pub claims: Vec<Claim>,
    /// Requirements.
    pub requirements: Vec<Requirement>,
    /// Verdicts.
    pub verdicts: Vec<Verdict>,
    /// Sources, as JSON objects (kind, number, ...).
    pub sources: Vec<serde_json::Value>,
}

impl ClaimsDoc {
    /// Parse; `Err` says why the file cannot be compared.
    pub fn parse(bytes: &[u8]) -> Result<ClaimsDoc, String> {
        let doc: ClaimsDoc =
            serde_json::from_slice(bytes).map_err(|e| format!("claims.json is not valid ({e})"))?;
        if !FORMATS.contains(&doc.format.as_str()) {
            return Err(format!(
                "claims.json has format `{}`; this shoko reads {}",
                doc.format,
                FORMATS.join(", ")
            ));
        }
        Ok(doc)
    }

    /// The claim of this id.
    pub fn claim(&self, id: &str) -> Option<&Claim> {
        self.claims.iter().find(|c| c.id == id)
    }

    /// The source numbered `n`.
    pub fn source(&self, n: usize) -> Option<&serde_json::Value> {
        self.sources
            .iter()
            .find(|s| s.get("number").and_then(|x| x.as_u64()) == Some(n as u64))
    }
}

/// A source in one line: what a reader needs to find it again.
pub fn source_text(s: &serde_json::Value) -> String {
    let g = |k: &str| {
        s.get(k)
            .map(|v| match v {
                serde_json::Value::String(x) => x.clone(),
                other => other.to_string(),
            })
            .unwrap_or_default()
    };
    match g("kind").as_str() {
        "doc" => format!("{} ({})", g("title"), g("url")),
        "declaration" => format!("{}:{}", g("file"), g("line")),
        "observation" => {
            let mut t = format!("{}:{} {}", g("service"), g("operation"), g("id"));
            if !g("pointer").is_empty() {
                t.push_str(&format!("#{}", g("pointer")));
            }
            if !g("collected_at").is_empty() {
                t.push_str(&format!(" ({})", g("collected_at")));
            }
            t
        }
        "flow" => format!("{} ({})", g("name"), g("source")),
        other => format!("{other} {}", g("number")),
    }
}

/// What identifies a source across two packs (numbers change between
/// builds; a declaration's line may move).
pub fn source_key(s: &serde_json::Value) -> String {
    let g = |k: &str| s.get(k).and_then(|x| x.as_str()).unwrap_or_default();
    match g("kind") {
        "doc" => format!("doc {}", g("url")),
        "declaration" => format!(
            "declaration {} {} {}",
            g("file").rsplit(['/', '\\']).next().unwrap_or_default(),
            g("category"),
            g("property")
        ),
        "observation" => format!(
            "observation {}:{} {} {}",
            g("service"),
            g("operation"),
            s.get("parameters")
                .map(|p| p.to_string())
                .unwrap_or_default(),
            g("region")
        ),
        "flow" => format!("flow {}", g("source")),
        other => format!("{other} {s}"),
    }
}
