//! Security-questionnaire answers in the CSA CAIQ v4 layout (Question ID,
//! question, answer, SSRM control ownership, implementation description,
//! customer responsibilities), plus evidence references and the controls of
//! the other frameworks, as CSV and XLSX.
//!
//! One row per question of `evidence/frameworks.yaml` (one per CCM control).
//! A row gathers every verdict whose requirement's property maps to the
//! control, and takes the worst status (gap > unverified > review > met >
//! not-applicable). The answer:
//!
//! - `Yes` when every verdict is met (not-applicable ones aside);
//! - `No` when any is a gap;
//! - `NA` when every verdict is not-applicable;
//! - `No` for review and unverified too, and for a control that no
//!   requirement concerns (its status is then `review`). A questionnaire
//!   answer is an attestation: shoko attests only what the evidence shows
//!   met, and says in the description why the answer is No and what a
//!   reviewer must check before changing it. Answering Yes on evidence that
//!   nobody compared would overstate; NA would claim the control does not
//!   apply, which is false.

use super::claims::{claim_id, ObservationFile};
use super::frameworks::{Frameworks, Ownership, Question, Topic};
use super::{plain, PackError, Redaction};
use crate::i18n::I18n;
use crate::model::claim::Provenance;
use crate::model::report::{ClaimView, Report, RequirementView, Source, VerdictView};
use crate::model::{Bilingual, Lang, Property, Status};

/// A CAIQ answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// The control is in place, as the evidence shows.
    Yes,
    /// It is not, or it could not be shown.
    No,
    /// It does not apply.
    Na,
}

impl Answer {
    /// As the CAIQ writes it.
    pub fn caiq(self) -> &'static str {
        match self {
            Answer::Yes => "Yes",
            Answer::No => "No",
            Answer::Na => "NA",
        }
    }
    /// The answer a row with this status gets (see the module doc).
    pub fn of(status: Status) -> Answer {
        match status {
            Status::Met => Answer::Yes,
            Status::NotApplicable => Answer::Na,
            Status::Gap | Status::Review | Status::Unverified => Answer::No,
        }
    }
}

/// One answered question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// CAIQ question id (`DSP-16.1`).
    pub id: String,
    /// CCM control (`DSP-16`).
    pub control: String,
    /// The question's subject.
    pub question: Bilingual,
    /// Yes / No / NA.
    pub answer: Answer,
    /// SSRM control ownership.
    pub ownership: Ownership,
    /// How it is implemented, from the verdicts or claims.
    pub implementation: Bilingual,
    /// What stays with the customer.
    pub customer: Bilingual,
    /// Pack files and hashes the answer rests on, one per line.
    pub evidence: String,
    /// ISO/IEC 27001:2022 Annex A controls.
    pub iso27001: String,
    /// ISO/IEC 27017 controls.
    pub iso27017: String,
    /// IPA category.
    pub ipa: String,
    /// The row's status.
    pub status: Status,
    /// Requirement ids that fed it.
    pub requirements: Vec<String>,
}

impl Row {
    /// The row with every text field redacted.
    pub fn redacted(self, r: Redaction) -> Row {
        let b = |x: &Bilingual| Bilingual::new(r.text(&x.ja), r.text(&x.en));
        Row {
            question: b(&self.question),
            implementation: b(&self.implementation),
            customer: b(&self.customer),
            evidence: r.text(&self.evidence),
            requirements: self.requirements.iter().map(|s| r.text(s)).collect(),
            ..self
        }
    }
    /// The cells, in column order.
    pub fn cells(&self) -> Vec<String> {
        vec![
            self.id.clone(),
            self.question.ja.clone(),
            self.question.en.clone(),
            self.answer.caiq().to_string(),
            self.ownership.caiq().to_string(),
            self.implementation.ja.clone(),
            self.implementation.en.clone(),
            self.customer.ja.clone(),
            self.customer.en.clone(),
            self.evidence.clone(),
            self.control.clone(),
            self.iso27001.clone(),
            self.iso27017.clone(),
            self.ipa.clone(),
            self.status.name().to_string(),
            self.requirements.join(", "),
        ]
    }
}

/// Column message ids and widths (characters), in order.
pub const COLUMNS: [(&str, f64); 16] = [
    ("pack-col-question-id", 11.0),
    ("pack-col-question-ja", 36.0),
    ("pack-col-question-en", 40.0),
    ("pack-col-answer", 9.0),
    ("pack-col-ownership", 16.0),
    ("pack-col-implementation-ja", 70.0),
    ("pack-col-implementation-en", 80.0),
    ("pack-col-customer-ja", 40.0),
    ("pack-col-customer-en", 44.0),
    ("pack-col-evidence", 60.0),
    ("pack-col-ccm", 10.0),
    ("pack-col-iso27001", 14.0),
    ("pack-col-iso27017", 12.0),
    ("pack-col-ipa", 20.0),
    ("pack-col-status", 12.0),
    ("pack-col-requirements", 18.0),
];

/// The worksheet's name.
pub const SHEET: &str = "CAIQ v4";

/// Longest text a spreadsheet cell holds.
const CELL_MAX: usize = 32_000;

/// Pack files a row can point at.
pub struct Refs<'a> {
    /// SHA-256 of `claims.json` as written.
    pub claims_sha256: String,
    /// SHA-256 of `gaps.csv` as written.
    pub gaps_sha256: String,
    /// Raw observation files.
    pub observations: &'a [ObservationFile],
}

fn status_label(report: &Report, s: Status) -> Bilingual {
    report
        .counts
        .iter()
        .find(|c| c.status == s)
        .map(|c| c.label.clone())
        .unwrap_or_default()
}

fn cap(mut s: String) -> String {
    if s.chars().count() > CELL_MAX {
        s = s.chars().take(CELL_MAX - 1).collect();
        s.push('…');
    }
    s
}

/// What one question's answer rests on: the verdicts whose requirement's
/// property maps to the control, their worst status, and the claims.
struct Basis<'a> {
    question: &'a Question,
    topics: Vec<&'a Topic>,
    verdicts: Vec<(&'a RequirementView, &'a VerdictView)>,
    /// The worst status (`review` when no requirement concerns the control).
    status: Status,
    /// Requirement ids that fed it, first seen first.
    requirements: Vec<String>,
    /// Requirement ids with a verdict of that worst status.
    with_status: Vec<String>,
    claims: Vec<&'a ClaimView>,
}

/// Answer every question of the mapping from the report.
pub fn rows(report: &Report, i18n: &I18n, fw: &Frameworks, refs: &Refs) -> Vec<Row> {
    fw.questions
        .iter()
        .map(|q| row(report, i18n, &basis(report, fw, q), refs))
        .collect()
}

fn basis<'a>(report: &'a Report, fw: &'a Frameworks, q: &'a Question) -> Basis<'a> {
    let topics = fw.topics_of(&q.control);
    let props: Vec<Property> = topics
        .iter()
        .flat_map(|t| t.properties.iter().copied())
        .collect();
    let verdicts: Vec<_> = report
        .requirements
        .iter()
        .filter(|r| props.contains(&r.property))
        .flat_map(|r| r.verdicts.iter().map(move |v| (r, v)))
        .collect();
    let status = verdicts
        .iter()
        .map(|(_, v)| v.status)
        .max_by_key(|s| s.severity())
        .unwrap_or(Status::Review);
    let mut seen = std::collections::HashSet::new();
    let requirements: Vec<String> = verdicts
        .iter()
        .filter(|(r, _)| seen.insert(r.id.as_str()))
        .map(|(r, _)| r.id.clone())
        .collect();
    let mut seen = std::collections::HashSet::new();
    let mut with_status: Vec<String> = Vec::new();
    for (r, v) in &verdicts {
        if v.status == status && seen.insert(r.id.as_str()) {
            with_status.push(r.id.clone());
        }
    }
    let claims: Vec<_> = report
        .categories
        .iter()
        .flat_map(|c| &c.claims)
        .filter(|c| {
            props.contains(&c.property)
                && (verdicts.is_empty()
                    || verdicts
                        .iter()
                        .any(|(r, v)| v.category == c.category && r.property == c.property))
        })
        .collect();
    Basis {
        question: q,
        topics,
        verdicts,
        status,
        requirements,
        with_status,
        claims,
    }
}

fn row(report: &Report, i18n: &I18n, b: &Basis, refs: &Refs) -> Row {
    let q = b.question;
    let join = |f: &dyn Fn(&Topic) -> Vec<String>| {
        let mut v: Vec<String> = Vec::new();
        for t in &b.topics {
            for x in f(t) {
                if !v.contains(&x) {
                    v.push(x);
                }
            }
        }
        v.join(", ")
    };
    Row {
        id: q.id.clone(),
        control: q.control.clone(),
        question: q.question.clone(),
        answer: if b.verdicts.is_empty() {
            Answer::No
        } else {
            Answer::of(b.status)
        },
        ownership: q.ownership,
        implementation: Bilingual::new(
            implementation(report, i18n, b, Lang::Ja),
            implementation(report, i18n, b, Lang::En),
        ),
        customer: Bilingual::new(customer(i18n, b, Lang::Ja), customer(i18n, b, Lang::En)),
        evidence: cap(evidence(report, b, refs)),
        iso27001: join(&|t| t.iso27001.clone()),
        iso27017: join(&|t| t.iso27017.clone()),
        ipa: join(&|t| {
            t.ipa
                .iter()
                .map(|i| format!("{} {}", i.id, i.title.ja))
                .collect()
        }),
        status: b.status,
        requirements: b.requirements.clone(),
    }
}

/// How the control is implemented: why the answer is what it is, then one
/// line per verdict (or per claim, when no requirement concerns it).
fn implementation(report: &Report, i18n: &I18n, b: &Basis, lang: Lang) -> String {
    let basis = if b.verdicts.is_empty() {
        i18n.t(lang, "pack-basis-none")
    } else {
        i18n.t_args(
            lang,
            &format!("pack-basis-{}", b.status.name()),
            &[("requirements", b.with_status.join(", "))],
        )
    };
    let mut lines = vec![basis];
    if b.verdicts.is_empty() {
        lines.extend(b.claims.iter().map(|c| claim_line(report, i18n, c, lang)));
    }
    for (r, v) in &b.verdicts {
        let remedy = v
            .remedy_label
            .as_ref()
            .map(|m| i18n.t_args(lang, "pack-line-remedy", &[("remedy", m.get(lang).into())]))
            .unwrap_or_default();
        lines.push(i18n.t_args(
            lang,
            "pack-line-verdict",
            &[
                ("requirement", r.id.clone()),
                ("category", v.category_title.get(lang).to_string()),
                (
                    "status",
                    status_label(report, v.status).get(lang).to_string(),
                ),
                ("remedy", remedy),
                ("explanation", plain(v.explanation.get(lang))),
            ],
        ));
    }
    cap(lines.join("\n"))
}

fn claim_line(report: &Report, i18n: &I18n, c: &ClaimView, lang: Lang) -> String {
    let category = report
        .categories
        .iter()
        .find(|x| x.id == c.category)
        .map(|x| x.title.get(lang).to_string())
        .unwrap_or_else(|| c.category.clone());
    i18n.t_args(
        lang,
        "pack-line-claim",
        &[
            ("category", category),
            ("property", c.property_label.get(lang).to_string()),
            // Catalog values are Markdown; declared and observed ones are
            // plain text already.
            (
                "value",
                match c.provenance {
                    Provenance::Documented | Provenance::Derived => plain(c.value_text.get(lang)),
                    _ => c.value_text.get(lang).to_string(),
                },
            ),
            ("provenance", c.provenance_label.get(lang).to_string()),
            ("explain", plain(c.explain.get(lang))),
        ],
    )
}

/// What stays with the customer: the question's own text, then each gap
/// the customer can close.
fn customer(i18n: &I18n, b: &Basis, lang: Lang) -> String {
    let mut lines = vec![b.question.customer.get(lang).to_string()];
    for (r, v) in &b.verdicts {
        if let (Status::Gap, Some(m)) = (v.status, &v.remedy_label) {
            if v.remedy != Some(crate::model::Remedy::Negotiate) {
                lines.push(i18n.t_args(
                    lang,
                    "pack-customer-remedy",
                    &[
                        ("requirement", r.id.clone()),
                        ("category", v.category_title.get(lang).to_string()),
                        ("remedy", m.get(lang).to_string()),
                    ],
                ));
            }
        }
    }
    cap(lines.join("\n"))
}

/// The pack files the answer rests on: claims.json and gaps.csv with the
/// rows meant, and every raw observation cited.
fn evidence(report: &Report, b: &Basis, refs: &Refs) -> String {
    let mut evidence = Vec::new();
    let ids: Vec<String> = b
        .claims
        .iter()
        .map(|c| claim_id(&c.category, c.property.name()))
        .collect();
    if !ids.is_empty() {
        evidence.push(format!(
            "claims.json sha256:{} — {}",
            refs.claims_sha256,
            ids.join(", ")
        ));
    }
    if !b.verdicts.is_empty() {
        let rows: Vec<String> = b
            .verdicts
            .iter()
            .map(|(r, v)| format!("{}/{}", r.id, v.category))
            .collect();
        evidence.push(format!(
            "gaps.csv sha256:{} — {}",
            refs.gaps_sha256,
            rows.join(", ")
        ));
    }
    let mut cited: std::collections::HashSet<usize> = b
        .claims
        .iter()
        .flat_map(|c| c.citations.iter().copied())
        .collect();
    cited.extend(
        b.verdicts
            .iter()
            .flat_map(|(_, v)| v.citations.iter().copied()),
    );
    // The observations those numbers point at, by the hash of their body.
    let cited_bodies: std::collections::HashSet<&str> = report
        .sources
        .iter()
        .filter_map(|s| match s {
            Source::Observation {
                number,
                observation,
            } if cited.contains(number) => Some(observation.sha256.as_str()),
            _ => None,
        })
        .collect();
    for f in refs.observations {
        if cited_bodies.contains(f.original_sha256.as_str()) {
            evidence.push(format!("{} sha256:{}", f.path, f.sha256));
        }
    }
    evidence.join("\n")
}

/// The questionnaire as CSV (English column names, both languages' text).
pub fn csv(rows: &[Row], i18n: &I18n) -> Result<Vec<u8>, PackError> {
    let header: Vec<String> = COLUMNS.iter().map(|(id, _)| i18n.t(Lang::En, id)).collect();
    let cells: Vec<Vec<String>> = rows.iter().map(Row::cells).collect();
    super::gaps::write_csv("questionnaire.csv", &header, &cells)
}

/// The questionnaire as an XLSX workbook: two frozen header rows (English,
/// then Japanese), wrapped text, readable column widths, a filter, and the
/// answer column limited to Yes / No / NA.
pub fn xlsx(
    rows: &[Row],
    i18n: &I18n,
    as_of: &str,
    grade: (&[super::nfr_grade::Row], &super::frameworks::IpaGrade),
) -> Result<Vec<u8>, PackError> {
    use rust_xlsxwriter::{
        Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook,
    };
    let mut wb = Workbook::new();
    // A fixed creation date (the as-of date) keeps the bytes reproducible.
    let date =
        chrono::NaiveDate::parse_from_str(as_of, "%Y-%m-%d").unwrap_or(chrono::NaiveDate::MIN);
    use chrono::Datelike;
    let created = ExcelDateTime::from_ymd(
        date.year().clamp(1900, 9999) as u16,
        date.month() as u8,
        date.day() as u8,
    )?;
    wb.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let ws = wb.add_worksheet();
    ws.set_name(SHEET)?;
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color(Color::RGB(0xDDEBF7))
        .set_border_bottom(FormatBorder::Thin);
    let body = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    for (c, (id, width)) in COLUMNS.iter().enumerate() {
        let c = c as u16;
        ws.write_string_with_format(0, c, i18n.t(Lang::En, id), &head)?;
        ws.write_string_with_format(1, c, i18n.t(Lang::Ja, id), &head)?;
        ws.set_column_width(c, *width)?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.cells().iter().enumerate() {
            ws.write_string_with_format(r as u32 + 2, c as u16, cell, &body)?;
        }
    }
    // The answer column keeps to the CAIQ's three values when a reviewer
    // changes it.
    if !rows.is_empty() {
        let answers = rust_xlsxwriter::DataValidation::new()
            .allow_list_strings(&[Answer::Yes, Answer::No, Answer::Na].map(Answer::caiq))?;
        ws.add_data_validation(2, 3, rows.len() as u32 + 1, 3, &answers)?;
    }
    ws.set_freeze_panes(2, 1)?;
    let last_row = (rows.len() as u32 + 1).max(2);
    ws.autofilter(1, 0, last_row, COLUMNS.len() as u16 - 1)?;
    super::nfr_grade::sheet(&mut wb, grade.0, grade.1, i18n)?;
    Ok(wb.save_to_buffer()?)
}
