//! `pack/nfr-grade.csv` and the `非機能要求グレード` sheet of the
//! questionnaire workbook: one row per IPA 非機能要求グレード 2018 item that
//! `evidence/frameworks.yaml` maps (`ipa_grade`), with shoko's answer for
//! each category concerned, the worst status of the requirements on those
//! properties, the evidence strength, the source numbers and the
//! requirements counted. A requirement that names items itself (`grade:
//! E.6.1.1`) counts for those items only, and brings its own claims to them.
//!
//! Item numbers and names are IPA's; the sheet ends with IPA's copyright
//! notice and where its terms of use are. A row mapped to a middle item
//! because its metric could not be confirmed says so in its own column.

use super::frameworks::{IpaGrade, IpaLevel, IpaMetric};
use super::PackError;
use crate::i18n::I18n;
use crate::model::report::{Report, RequirementView, VerdictView};
use crate::model::{Lang, Property, Status};

/// Sheet name in the workbook.
pub const SHEET: &str = "非機能要求グレード";

/// Column message ids and widths.
const COLUMNS: [(&str, f64); 12] = [
    ("interop-grade-col-id", 10.0),
    ("interop-grade-col-major", 14.0),
    ("interop-grade-col-middle", 18.0),
    ("interop-grade-col-item", 18.0),
    ("interop-grade-col-metric", 24.0),
    ("interop-grade-col-level", 28.0),
    ("interop-grade-col-answer-ja", 60.0),
    ("interop-grade-col-answer-en", 60.0),
    ("interop-grade-col-status", 14.0),
    ("interop-grade-col-strength", 18.0),
    ("interop-grade-col-sources", 12.0),
    ("interop-grade-col-requirements", 14.0),
];

/// One row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Cells in column order.
    pub cells: Vec<String>,
}

fn concerns(m: &IpaMetric, category: &str) -> bool {
    m.categories.is_empty() || m.categories.iter().any(|c| c == category)
}

/// The rows of every mapped item, in file order.
pub fn rows(report: &Report, i18n: &I18n, grade: &IpaGrade) -> Vec<Row> {
    grade.metrics.iter().map(|m| row(report, i18n, m)).collect()
}

/// Does requirement `r` speak to item `m`? Its own `grade:` decides when
/// it has one (the buyer's mapping overrides shoko's); otherwise the
/// mapping of its property (and, where the item is limited, categories).
fn speaks_to(r: &RequirementView, m: &IpaMetric) -> bool {
    if r.grade.is_empty() {
        m.properties.contains(&r.property) && r.verdicts.iter().any(|v| concerns(m, &v.category))
    } else {
        r.grade.contains(&m.id)
    }
}

/// The verdicts of `r` that count for `m`: all of them when the buyer
/// named the item, those of the mapped categories otherwise.
fn counted<'a>(r: &'a RequirementView, m: &'a IpaMetric) -> impl Iterator<Item = &'a VerdictView> {
    r.verdicts
        .iter()
        .filter(move |v| !r.grade.is_empty() || concerns(m, &v.category))
}

fn row(report: &Report, i18n: &I18n, m: &IpaMetric) -> Row {
    let reqs: Vec<&RequirementView> = report
        .requirements
        .iter()
        .filter(|r| speaks_to(r, m))
        .collect();
    // The mapped claims, joined by the claims that the requirements naming
    // this item are judged on (their property, in their categories).
    let named: Vec<(&str, Property)> = reqs
        .iter()
        .filter(|r| !r.grade.is_empty())
        .flat_map(|r| {
            r.verdicts
                .iter()
                .map(move |v| (v.category.as_str(), r.property))
        })
        .collect();
    let claims: Vec<_> = report
        .categories
        .iter()
        .flat_map(|c| c.claims.iter().map(move |x| (c, x)))
        .filter(|(c, x)| {
            (concerns(m, &c.id) && m.properties.contains(&x.property))
                || named.contains(&(c.id.as_str(), x.property))
        })
        .collect();
    let answer = |lang: Lang| {
        claims
            .iter()
            .map(|(c, x)| {
                i18n.t_args(
                    lang,
                    "interop-grade-answer",
                    &[
                        ("category", c.title.get(lang).to_string()),
                        ("property", x.property_label.get(lang).to_string()),
                        ("value", x.value_text.get(lang).to_string()),
                        ("provenance", x.provenance_label.get(lang).to_string()),
                    ],
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    // The worst status of the verdicts on these properties and categories.
    let statuses: Vec<Status> = reqs
        .iter()
        .flat_map(|r| counted(r, m))
        .map(|v| v.status)
        .collect();
    let worst = statuses.iter().copied().max_by_key(|s| s.severity());
    let status = match worst {
        Some(s) => crate::i18n::phrase::status_label(i18n, s).ja,
        None => i18n.t(Lang::Ja, "interop-grade-no-requirement"),
    };
    let mut strengths: Vec<String> = Vec::new();
    for (_, x) in &claims {
        let l = x.provenance_label.ja.clone();
        if !strengths.contains(&l) {
            strengths.push(l);
        }
    }
    let mut sources: Vec<usize> = claims
        .iter()
        .flat_map(|(_, x)| x.citations.iter().copied())
        .collect();
    sources.sort_unstable();
    sources.dedup();
    let level = match m.level {
        IpaLevel::Metric => i18n.t(Lang::Ja, "interop-grade-level-metric"),
        IpaLevel::Middle => i18n.t(Lang::Ja, "interop-grade-level-middle"),
    };
    Row {
        cells: vec![
            m.id.clone(),
            m.major.clone(),
            m.middle.clone(),
            m.item.clone().unwrap_or_default(),
            m.metric.clone().unwrap_or_default(),
            level,
            answer(Lang::Ja),
            answer(Lang::En),
            status,
            strengths.join("・"),
            sources
                .iter()
                .map(|n| format!("[{n}]"))
                .collect::<Vec<_>>()
                .join(" "),
            reqs.iter()
                .map(|r| r.id.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        ],
    }
}

fn header(i18n: &I18n) -> Vec<String> {
    COLUMNS.iter().map(|(id, _)| i18n.t(Lang::Ja, id)).collect()
}

/// The closing row: IPA's notice and where its terms are.
fn notice(grade: &IpaGrade, i18n: &I18n) -> Vec<String> {
    let mut cells = vec![String::new(); COLUMNS.len()];
    cells[0] = grade.notice.clone();
    cells[1] = i18n.t_args(
        Lang::Ja,
        "interop-grade-terms",
        &[("terms", grade.terms.clone())],
    );
    cells
}

/// `nfr-grade.csv`: Japanese column names (the grade's own language), one
/// row per item, IPA's notice last.
pub fn csv(rows: &[Row], grade: &IpaGrade, i18n: &I18n) -> Result<Vec<u8>, PackError> {
    let mut cells: Vec<Vec<String>> = rows.iter().map(|r| r.cells.clone()).collect();
    cells.push(notice(grade, i18n));
    super::gaps::write_csv("nfr-grade.csv", &header(i18n), &cells)
}

/// The same rows as a sheet of the questionnaire workbook.
pub fn sheet(
    wb: &mut rust_xlsxwriter::Workbook,
    rows: &[Row],
    grade: &IpaGrade,
    i18n: &I18n,
) -> Result<(), PackError> {
    use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder};
    let ws = wb.add_worksheet();
    ws.set_name(SHEET)?;
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color(Color::RGB(0xDDEBF7))
        .set_border_bottom(FormatBorder::Thin);
    let body = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    for (c, ((_, width), name)) in COLUMNS.iter().zip(header(i18n)).enumerate() {
        ws.write_string_with_format(0, c as u16, name, &head)?;
        ws.set_column_width(c as u16, *width)?;
    }
    let mut all: Vec<Vec<String>> = rows.iter().map(|r| r.cells.clone()).collect();
    all.push(notice(grade, i18n));
    for (r, cells) in all.iter().enumerate() {
        for (c, cell) in cells.iter().enumerate() {
            ws.write_string_with_format(r as u32 + 1, c as u16, cell, &body)?;
        }
    }
    ws.set_freeze_panes(1, 1)?;
    Ok(())
}
