//! The framework mapping (`evidence/frameworks.yaml`): which controls of CSA
//! CCM v4, ISO/IEC 27001:2022 Annex A and ISO/IEC 27017 each property speaks
//! to, the IPA 非機能要求グレード category at the level that was checked,
//! and one CAIQ v4 question per CCM control. The questionnaire of the
//! evidence pack is derived from this table and the report's verdicts.
//!
//! The file is embedded like the catalog, can be overridden with `--assets`,
//! and is validated like every other input: unknown keys, unknown properties
//! and questions whose control no topic names are errors with positions.

use crate::assets::Assets;
use crate::load::yaml::{self, Node};
use crate::load::{bilingual, fields, seq, text, Code, Ctx, Diagnostic};
use crate::model::{Bilingual, Property};
use serde::Serialize;
// The grade mapping is read in the load tier (requirements name its ids).
use crate::load::grade::{properties, strings};
pub use crate::load::grade::{IpaGrade, IpaLevel, IpaMetric};

/// Where the mapping lives among the assets.
pub const PATH: &str = "evidence/frameworks.yaml";

/// An IPA 非機能要求グレード category, at the level that was checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ipa {
    /// `E.6`.
    pub id: String,
    /// `データの秘匿`.
    pub title: Bilingual,
}

/// One topic of the mapping table (a row of FACTS.md's table).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Topic {
    /// `retention`.
    pub id: String,
    /// For the reader.
    pub title: Bilingual,
    /// The properties it covers.
    pub properties: Vec<Property>,
    /// CSA CCM v4 control ids.
    pub ccm: Vec<String>,
    /// ISO/IEC 27001:2022 Annex A controls.
    pub iso27001: Vec<String>,
    /// ISO/IEC 27017 controls.
    pub iso27017: Vec<String>,
    /// IPA category, when one applies.
    pub ipa: Option<Ipa>,
    /// Finer IPA ids that were not checked (never shown as fact).
    pub unverified_items: Vec<String>,
}

/// SSRM control ownership, as the CAIQ v4 names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Ownership {
    /// The cloud service provider.
    CspOwned,
    /// The cloud service customer.
    CscOwned,
    /// Both.
    SharedCspCsc,
}

impl Ownership {
    /// The value the CAIQ v4 sheet uses.
    pub fn caiq(self) -> &'static str {
        match self {
            Ownership::CspOwned => "CSP-owned",
            Ownership::CscOwned => "CSC-owned",
            Ownership::SharedCspCsc => "Shared CSP and CSC",
        }
    }
    fn parse(s: &str) -> Option<Ownership> {
        match s {
            "csp-owned" => Some(Ownership::CspOwned),
            "csc-owned" => Some(Ownership::CscOwned),
            "shared-csp-csc" => Some(Ownership::SharedCspCsc),
            _ => None,
        }
    }
}

/// One CAIQ v4 question the pack answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Question {
    /// `DSP-16.1`.
    pub id: String,
    /// `DSP-16`.
    pub control: String,
    /// Who owns the control.
    pub ownership: Ownership,
    /// The question's subject, in our own words.
    pub question: Bilingual,
    /// What stays with the customer.
    pub customer: Bilingual,
}

/// A framework the mapping cites, with the version its control ids were
/// checked against and where they can be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Framework {
    /// The topic field it versions: `ccm`, `caiq`, `iso27001`, `iso27017`, `ipa`.
    pub key: String,
    /// `CSA Cloud Controls Matrix (CCM)`.
    pub name: String,
    /// `v4.0.10`, `ISO/IEC 27001:2022`.
    pub version: String,
    /// Where the control ids and titles were checked.
    pub source: String,
}

/// The whole mapping.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Frameworks {
    /// The frameworks and their versions, in file order.
    pub frameworks: Vec<Framework>,
    /// Topics in file order.
    pub topics: Vec<Topic>,
    /// Questions in file order.
    pub questions: Vec<Question>,
    /// The IPA 非機能要求グレード sheet.
    pub ipa_grade: IpaGrade,
}

impl Frameworks {
    /// Topics that name `control`.
    pub fn topics_of(&self, control: &str) -> Vec<&Topic> {
        self.topics
            .iter()
            .filter(|t| t.ccm.iter().any(|c| c == control))
            .collect()
    }
    /// CCM controls a property maps to, in file order, without repeats.
    pub fn controls_of(&self, p: Property) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for t in self.topics.iter().filter(|t| t.properties.contains(&p)) {
            for c in &t.ccm {
                if !out.contains(c) {
                    out.push(c.clone());
                }
            }
        }
        out
    }
}

/// A topic's IPA category (`id`, bilingual `title`).
fn ipa(ctx: &mut Ctx, n: &Node) -> Option<Ipa> {
    let g = fields(ctx, n, "ipa", &["id", "title"])?;
    let id = g
        .required(ctx, "id", "ipa")
        .and_then(|n| text(ctx, n, "the IPA id"))
        .map(|s| s.trim().to_string());
    let title = g
        .required(ctx, "title", "ipa")
        .and_then(|n| bilingual(ctx, n, "the IPA title"));
    Some(Ipa {
        id: id?,
        title: title?,
    })
}

fn topic(ctx: &mut Ctx, node: &Node) -> Option<Topic> {
    let f = fields(
        ctx,
        node,
        "a topic",
        &[
            "id",
            "title",
            "properties",
            "ccm",
            "iso27001",
            "iso27017",
            "ipa",
            "unverified_items",
        ],
    )?;
    let id = f
        .required(ctx, "id", "a topic")
        .and_then(|n| text(ctx, n, "the topic id"))
        .map(|s| s.trim().to_string());
    let title = f
        .required(ctx, "title", "a topic")
        .and_then(|n| bilingual(ctx, n, "the topic title"));
    let properties = f
        .required(ctx, "properties", "a topic")
        .map(|n| properties(ctx, n))
        .unwrap_or_default();
    let ccm = f
        .required(ctx, "ccm", "a topic")
        .map(|n| strings(ctx, n, "ccm"))
        .unwrap_or_default();
    let iso27001 = f
        .required(ctx, "iso27001", "a topic")
        .map(|n| strings(ctx, n, "iso27001"))
        .unwrap_or_default();
    let iso27017 = f
        .required(ctx, "iso27017", "a topic")
        .map(|n| strings(ctx, n, "iso27017"))
        .unwrap_or_default();
    let ipa = match f.get("ipa") {
        Some(n) => Some(ipa(ctx, n)?),
        None => None,
    };
    let unverified_items = f
        .get("unverified_items")
        .map(|n| strings(ctx, n, "unverified_items"))
        .unwrap_or_default();
    Some(Topic {
        id: id?,
        title: title?,
        properties,
        ccm,
        iso27001,
        iso27017,
        ipa,
        unverified_items,
    })
}

fn framework(ctx: &mut Ctx, node: &Node) -> Option<Framework> {
    let f = fields(
        ctx,
        node,
        "a framework",
        &["key", "name", "version", "source"],
    )?;
    let mut get = |k: &str| {
        f.required(ctx, k, "a framework")
            .and_then(|n| text(ctx, n, k))
            .map(|s| s.trim().to_string())
    };
    let (key, name, version, source) = (get("key"), get("name"), get("version"), get("source"));
    Some(Framework {
        key: key?,
        name: name?,
        version: version?,
        source: source?,
    })
}

fn question(ctx: &mut Ctx, node: &Node) -> Option<Question> {
    let f = fields(
        ctx,
        node,
        "a question",
        &["id", "control", "ownership", "question", "customer"],
    )?;
    let id = f
        .required(ctx, "id", "a question")
        .and_then(|n| text(ctx, n, "the question id"))
        .map(|s| s.trim().to_string());
    let control = f
        .required(ctx, "control", "a question")
        .and_then(|n| text(ctx, n, "the control"))
        .map(|s| s.trim().to_string());
    let ownership = f.required(ctx, "ownership", "a question").and_then(|n| {
        let s = text(ctx, n, "the ownership")?;
        let o = Ownership::parse(s.trim());
        if o.is_none() {
            ctx.error(
                Code::BadValue,
                n,
                format!("unknown ownership `{}`", s.trim()),
            )
            .expected = Some("`csp-owned`, `csc-owned` or `shared-csp-csc`".into());
        }
        o
    });
    let q = f
        .required(ctx, "question", "a question")
        .and_then(|n| bilingual(ctx, n, "the question"));
    let customer = f
        .required(ctx, "customer", "a question")
        .and_then(|n| bilingual(ctx, n, "the customer responsibilities"));
    Some(Question {
        id: id?,
        control: control?,
        ownership: ownership?,
        question: q?,
        customer: customer?,
    })
}

/// Parse and validate the mapping text.
pub fn parse(file: &str, src: &str) -> Result<Frameworks, Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let root = match yaml::parse(file, src) {
        Ok(Some(n)) => n,
        Ok(None) => {
            return Err(vec![Diagnostic::new(
                Code::MissingKey,
                file,
                yaml::Pos { line: 1, col: 1 },
                "the framework mapping is empty",
            )])
        }
        Err(d) => return Err(vec![d]),
    };
    let mut ctx = Ctx {
        file,
        diags: &mut diags,
    };
    let mut out = Frameworks {
        frameworks: Vec::new(),
        topics: Vec::new(),
        questions: Vec::new(),
        ipa_grade: IpaGrade::default(),
    };
    if let Some(f) = fields(
        &mut ctx,
        &root,
        "the framework mapping",
        &["frameworks", "topics", "questions", "ipa_grade"],
    ) {
        if let Some(g) = f
            .get("ipa_grade")
            .and_then(|n| crate::load::grade::ipa_grade(&mut ctx, n))
        {
            out.ipa_grade = g;
        }
        if let Some(items) = f
            .required(&mut ctx, "frameworks", "the framework mapping")
            .and_then(|n| seq(&mut ctx, n, "frameworks"))
        {
            out.frameworks = items
                .iter()
                .filter_map(|n| framework(&mut ctx, n))
                .collect();
        }
        if let Some(items) = f
            .required(&mut ctx, "topics", "the framework mapping")
            .and_then(|n| seq(&mut ctx, n, "topics"))
        {
            out.topics = items.iter().filter_map(|n| topic(&mut ctx, n)).collect();
        }
        if let Some(items) = f
            .required(&mut ctx, "questions", "the framework mapping")
            .and_then(|n| seq(&mut ctx, n, "questions"))
        {
            for n in items {
                let Some(q) = question(&mut ctx, n) else {
                    continue;
                };
                if out.topics.iter().all(|t| !t.ccm.contains(&q.control)) {
                    ctx.error(
                        Code::BadReference,
                        n,
                        format!(
                            "question {} names control {}, which no topic maps",
                            q.id, q.control
                        ),
                    )
                    .hint = Some("add the control to a topic's `ccm` list".into());
                }
                if out.questions.iter().any(|x| x.id == q.id) {
                    ctx.error(
                        Code::Duplicate,
                        n,
                        format!("question {} appears twice", q.id),
                    );
                }
                out.questions.push(q);
            }
        }
    }
    if diags.is_empty() {
        Ok(out)
    } else {
        Err(diags)
    }
}

/// Load the mapping from the assets (built-in, or `--assets` override).
pub fn load(assets: &Assets) -> Result<Frameworks, Vec<Diagnostic>> {
    let Some(a) = assets.get(PATH) else {
        return Err(vec![Diagnostic::new(
            Code::Unreadable,
            PATH,
            yaml::Pos { line: 0, col: 0 },
            "the framework mapping is missing from the build",
        )]);
    };
    parse(&a.origin, &a.text())
}

#[cfg(test)]
#[path = "frameworks_tests.rs"]
mod tests;
