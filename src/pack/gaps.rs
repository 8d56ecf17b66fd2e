//! `gaps.csv`: one row per requirement × category, for a reviewer who works
//! in a spreadsheet. Ids and statuses are the machine names used everywhere
//! else (`met`, `gap`, `negotiate`); explanations are plain text in both
//! languages; evidence lists the cited sources (`[n] ...`, numbered as in
//! the documents and `claims.json`).
//!
//! UTF-8 with a byte-order mark and CRLF line ends, so that Excel opens the
//! Japanese text correctly by double-click; every CSV reader accepts both.

use super::claims::{claim_id, refs, ObservationFile};
use super::{plain, PackError, Redaction};
use crate::model::report::Report;

/// Column names (stable identifiers, not prose).
pub const HEADER: [&str; 14] = [
    "requirement",
    "category",
    "property",
    "priority",
    "status",
    "remedy",
    "requirement_title_ja",
    "requirement_title_en",
    "expect_ja",
    "expect_en",
    "explanation_ja",
    "explanation_en",
    "claim",
    "evidence",
];

/// Write rows as CSV (BOM, CRLF, every field quoted as needed).
pub fn write_csv(
    file: &str,
    header: &[String],
    rows: &[Vec<String>],
) -> Result<Vec<u8>, PackError> {
    let err = |e: csv::Error| PackError::Csv {
        file: file.to_string(),
        message: e.to_string(),
    };
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    w.write_record(header).map_err(err)?;
    for r in rows {
        w.write_record(r).map_err(err)?;
    }
    w.into_inner().map_err(|e| PackError::Csv {
        file: file.to_string(),
        message: e.to_string(),
    })
}

/// `gaps.csv`.
pub fn render(
    report: &Report,
    observations: &[ObservationFile],
    r: Redaction,
) -> Result<Vec<u8>, PackError> {
    let mut rows = Vec::new();
    for req in &report.requirements {
        for v in &req.verdicts {
            let has_claim = report.claim(&v.category, req.property).is_some();
            let row = vec![
                req.id.clone(),
                v.category.clone(),
                req.property.name().to_string(),
                serde_json::to_value(req.priority)
                    .ok()
                    .and_then(|x| x.as_str().map(String::from))
                    .unwrap_or_default(),
                v.status.name().to_string(),
                v.remedy.map(|m| m.name().to_string()).unwrap_or_default(),
                req.title.ja.clone(),
                req.title.en.clone(),
                req.expect.ja.clone(),
                req.expect.en.clone(),
                plain(&v.explanation.ja),
                plain(&v.explanation.en),
                if has_claim {
                    claim_id(&v.category, req.property.name())
                } else {
                    String::new()
                },
                refs(report, &v.citations, observations).join("\n"),
            ];
            rows.push(row.iter().map(|s| r.text(s)).collect());
        }
    }
    let header: Vec<String> = HEADER.iter().map(|s| s.to_string()).collect();
    write_csv("gaps.csv", &header, &rows)
}
