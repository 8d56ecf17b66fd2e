//! `shoko fill`: the buyer's own questionnaire workbook, answered in place.
//!
//! The workbook is read and written with `umya-spreadsheet`, which edits an
//! existing file: every sheet, style, merged cell, data validation and
//! column width stays as the buyer made it, and only the answer, comment
//! and evidence cells of the questions shoko can answer are set.
//!
//! Columns are found by their headers (CAIQ v4's own, and Japanese and
//! English synonyms such as 項番 / 質問 / 回答 / 備考), or given with
//! `--columns id=A,answer=D,comment=E`. A question is answered when its id
//! is a CAIQ v4 id the evidence pack answers, or when the user's mapping
//! file maps it to one. The answer follows the sheet's validation list
//! (Yes / No / NA, 対応可 / 対応不可 / 該当なし …); a gap, a review and an
//! unverified verdict are never answered Yes.

use crate::model::{Bilingual, Lang};
use crate::pack::questionnaire::{Answer, Row};
use std::collections::BTreeMap;
use umya_spreadsheet::{Workbook, Worksheet};

/// Where the questionnaire's columns are (1-based column numbers).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Columns {
    /// The question id (項番).
    pub id: Option<u32>,
    /// The question text.
    pub question: Option<u32>,
    /// The answer (回答).
    pub answer: Option<u32>,
    /// The comment or explanation (備考).
    pub comment: Option<u32>,
    /// Evidence references.
    pub evidence: Option<u32>,
}

impl Columns {
    /// `id=A,answer=D,comment=E` (`question=`, `evidence=` too).
    pub fn parse(spec: &str) -> Result<Columns, String> {
        let mut c = Columns::default();
        for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (k, v) = part
                .split_once('=')
                .ok_or_else(|| format!("`{part}` is not KEY=COLUMN"))?;
            let n = column_number(v.trim())
                .ok_or_else(|| format!("`{}` is not a column letter (A, B, … AA)", v.trim()))?;
            let slot = match k.trim() {
                "id" => &mut c.id,
                "question" => &mut c.question,
                "answer" => &mut c.answer,
                "comment" => &mut c.comment,
                "evidence" => &mut c.evidence,
                other => {
                    return Err(format!(
                        "unknown column key `{other}` (expected id, question, answer, comment, evidence)"
                    ))
                }
            };
            *slot = Some(n);
        }
        if c.id.is_none() || c.answer.is_none() {
            return Err("--columns needs at least id= and answer=".into());
        }
        Ok(c)
    }
}

/// `A` → 1, `AA` → 27.
fn column_number(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 3 || !s.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    Some(
        s.to_ascii_uppercase()
            .bytes()
            .fold(0, |n, b| n * 26 + u32::from(b - b'A' + 1)),
    )
}

/// 1 → `A`.
fn column_letter(mut n: u32) -> String {
    let mut s = Vec::new();
    while n > 0 {
        let r = ((n - 1) % 26) as u8;
        s.push(b'A' + r);
        n = (n - 1) / 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// What the workbook could not be made of.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FillError {
    /// An encrypted (password-protected) workbook.
    #[error("{file}: the workbook is protected by a password (encrypted)\n  hint: save a copy without the password (Excel: File › Info › Protect Workbook › Encrypt with Password, clear it) and fill that")]
    Encrypted {
        /// The file.
        file: String,
    },
    /// Not an XLSX workbook, or a damaged one.
    #[error("{file}: not a readable XLSX workbook ({reason})\n  expected: an .xlsx file as Excel saves it\n  hint: open it in Excel and save it again as .xlsx")]
    Unreadable {
        /// The file.
        file: String,
        /// Why.
        reason: String,
    },
    /// No sheet has the columns a questionnaire needs.
    #[error("{file}: no sheet has a question-ID column and an answer column\n  expected: headers such as `Question ID` / `項番` and `CSP CAIQ Answer` / `回答`\n  hint: name the columns with --columns id=A,answer=D,comment=E")]
    NoColumns {
        /// The file.
        file: String,
    },
    /// Writing the copy failed.
    #[error("failed to write the filled workbook ({0})")]
    Write(String),
}

/// Why a question was left blank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Blank {
    /// Its id is neither a CAIQ id shoko answers nor in the mapping.
    Unmapped,
    /// The mapping names a CAIQ id shoko does not answer.
    UnknownTarget(String),
    /// The sheet's validation list has no value for shoko's answer.
    NotInList {
        /// Yes / No / NA.
        answer: &'static str,
        /// What the list allows.
        allowed: Vec<String>,
    },
}

/// One question of the sheet and what became of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// Sheet name.
    pub sheet: String,
    /// Row number (1-based).
    pub row: u32,
    /// The id in the sheet.
    pub id: String,
    /// The CAIQ id it was answered as, and the value written.
    pub answered: Option<(String, String)>,
    /// Why not.
    pub blank: Option<Blank>,
}

/// The filled workbook and what was done.
#[derive(Debug)]
pub struct Filled {
    /// The workbook's bytes.
    pub bytes: Vec<u8>,
    /// Every question found, in sheet and row order.
    pub questions: Vec<Question>,
    /// The cells written (`Sheet!D5`).
    pub cells: Vec<String>,
}

/// What the answers are made from.
pub struct Answers<'a> {
    /// The evidence pack's questionnaire rows, by CAIQ id.
    pub rows: &'a BTreeMap<String, Row>,
    /// The user's question ids → CAIQ ids.
    pub mapping: &'a BTreeMap<String, String>,
    /// Added to every evidence cell: the pack's own reference
    /// (`pack.zip sha256:…`).
    pub pack_ref: &'a str,
    /// The label put before the evidence when it goes in the comment.
    pub evidence_label: &'a Bilingual,
    /// The short explanation of each row, by CAIQ id
    /// ([`super::short::short_texts`]); the long one stays in the pack.
    pub short: &'a BTreeMap<String, Bilingual>,
}

fn norm(s: &str) -> String {
    let cut = s.split(['(', '（']).next().unwrap_or("");
    cut.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '.' | ':' | '：' | '・' | '_' | '-'))
        .flat_map(char::to_lowercase)
        .collect()
}

const ID: &[&str] = &[
    "questionid",
    "id",
    "項番",
    "番号",
    "no",
    "質問番号",
    "管理番号",
    "#",
    "項目番号",
];
const QUESTION: &[&str] = &[
    "question",
    "questiontext",
    "質問",
    "質問内容",
    "確認事項",
    "質問項目",
];
const ANSWER: &[&str] = &[
    "cspcaiqanswer",
    "cspanswer",
    "answer",
    "回答",
    "対応状況",
    "対応可否",
    "可否",
    "回答欄",
];
const COMMENT: &[&str] = &[
    "cspimplementationdescription",
    "comment",
    "comments",
    "remarks",
    "notes",
    "explanation",
    "備考",
    "コメント",
    "説明",
    "補足",
    "回答詳細",
    "補足説明",
];
const EVIDENCE: &[&str] = &[
    "evidence",
    "evidencereferences",
    "証跡",
    "エビデンス",
    "根拠資料",
    "根拠",
];

/// The header row of a sheet and its columns, when it has one.
fn header(ws: &Worksheet) -> Option<(u32, Columns, bool)> {
    let (max_col, max_row) = ws.highest_column_and_row();
    for row in 1..=max_row.min(30) {
        let mut c = Columns::default();
        let mut japanese = false;
        for col in 1..=max_col.min(60) {
            let v = ws.value((col, row));
            let n = norm(&v);
            if n.is_empty() {
                continue;
            }
            let slot = if ID.contains(&n.as_str()) {
                &mut c.id
            } else if QUESTION.contains(&n.as_str()) {
                &mut c.question
            } else if ANSWER.contains(&n.as_str()) {
                &mut c.answer
            } else if COMMENT.contains(&n.as_str()) {
                &mut c.comment
            } else if EVIDENCE.contains(&n.as_str()) {
                &mut c.evidence
            } else {
                continue;
            };
            if slot.is_none() {
                *slot = Some(col);
                japanese |= v.chars().any(is_cjk);
            }
        }
        if c.id.is_some() && c.answer.is_some() {
            return Some((row, c, japanese));
        }
    }
    None
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30ff | 0x4e00..=0x9fff | 0xff00..=0xffef)
}

/// The values a list validation on `(col, row)` allows, if one applies.
fn allowed(book: &Workbook, ws: &Worksheet, col: u32, row: u32) -> Option<Vec<String>> {
    let dvs = ws.data_validations()?;
    let cell = format!("{}{row}", column_letter(col));
    for dv in dvs.data_validation_list() {
        let covers = dv
            .sequence_of_references()
            .range_collection()
            .iter()
            .any(|r| in_range(&r.range(), &cell));
        if !covers {
            continue;
        }
        let f = dv.formula1().trim();
        if let Some(inner) = f.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
            return Some(inner.split(',').map(|s| s.trim().to_string()).collect());
        }
        // A reference to cells of the workbook (`Lists!$A$1:$A$3`).
        let f = f.trim_start_matches('=').replace('$', "");
        let (sheet, range) = match f.rsplit_once('!') {
            Some((s, r)) => (Some(s.trim_matches('\'').to_string()), r.to_string()),
            None => (None, f.clone()),
        };
        let src = match &sheet {
            Some(s) => book.sheet_by_name(s).ok()?,
            None => ws,
        };
        let (a, b) = range.split_once(':').unwrap_or((&range, &range));
        let (c1, r1) = split_cell(a)?;
        let (c2, r2) = split_cell(b)?;
        let mut out = Vec::new();
        for r in r1..=r2 {
            for c in c1..=c2 {
                let v = src.value((c, r));
                if !v.trim().is_empty() {
                    out.push(v.trim().to_string());
                }
            }
        }
        return Some(out);
    }
    None
}

fn split_cell(s: &str) -> Option<(u32, u32)> {
    let letters: String = s.chars().take_while(char::is_ascii_alphabetic).collect();
    let digits = &s[letters.len()..];
    Some((column_number(&letters)?, digits.parse().ok()?))
}

fn in_range(range: &str, cell: &str) -> bool {
    let Some((c, r)) = split_cell(cell) else {
        return false;
    };
    range.split_whitespace().any(|part| {
        let (a, b) = part.split_once(':').unwrap_or((part, part));
        match (split_cell(a), split_cell(b)) {
            (Some((c1, r1)), Some((c2, r2))) => (c1..=c2).contains(&c) && (r1..=r2).contains(&r),
            _ => false,
        }
    })
}

/// The value to write for an answer: the first of its synonyms the list
/// allows, or the sheet language's own word when there is no list.
fn answer_value(a: Answer, list: Option<&[String]>, japanese: bool) -> Result<String, Blank> {
    let synonyms: &[&str] = match a {
        Answer::Yes => &["Yes", "はい", "対応可", "可", "○", "〇", "適合"],
        Answer::No => &["No", "いいえ", "対応不可", "不可", "×", "不適合"],
        Answer::Na => &["NA", "N/A", "該当なし", "対象外", "非該当", "-"],
    };
    match list {
        Some(list) => synonyms
            .iter()
            .find_map(|s| list.iter().find(|v| v.eq_ignore_ascii_case(s)).cloned())
            .ok_or_else(|| Blank::NotInList {
                answer: a.caiq(),
                allowed: list.to_vec(),
            }),
        None if japanese => Ok(synonyms[2].to_string()),
        None => Ok(synonyms[0].to_string()),
    }
}

/// Read `bytes` (the buyer's workbook, `file` for messages), answer every
/// question it can, and return the filled copy.
pub fn fill(
    file: &str,
    bytes: &[u8],
    columns: Option<&Columns>,
    answers: &Answers,
) -> Result<Filled, FillError> {
    // An encrypted OOXML file is an OLE compound file, not a zip.
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Err(FillError::Encrypted { file: file.into() });
    }
    let mut book = umya_spreadsheet::reader::xlsx::read_reader(std::io::Cursor::new(bytes), true)
        .map_err(|e| FillError::Unreadable {
        file: file.into(),
        reason: e.to_string(),
    })?;
    let mut questions = Vec::new();
    let mut cells = Vec::new();
    let mut any = false;
    let count = book.sheet_collection().len();
    for i in 0..count {
        let ws = &book.sheet_collection()[i];
        let found = match columns {
            Some(c) => {
                let id = c.id.unwrap_or(1);
                let (_, max_row) = ws.highest_column_and_row();
                // The header is the first row with an id cell.
                (1..=max_row)
                    .find(|r| !ws.value((id, *r)).trim().is_empty())
                    .map(|r| {
                        let japanese = ws.value((id, r)).chars().any(is_cjk)
                            || c.answer
                                .is_some_and(|a| ws.value((a, r)).chars().any(is_cjk));
                        (r, c.clone(), japanese)
                    })
            }
            None => header(ws),
        };
        let Some((head, cols, japanese)) = found else {
            continue;
        };
        any = true;
        let lang = if japanese { Lang::Ja } else { Lang::En };
        let sheet = ws.name().to_string();
        let (id_col, answer_col) = (cols.id.unwrap_or(1), cols.answer.unwrap_or(1));
        let (_, max_row) = ws.highest_column_and_row();
        let mut writes: Vec<(u32, u32, String)> = Vec::new();
        for row in head + 1..=max_row {
            let id = ws.value((id_col, row)).trim().to_string();
            if id.is_empty() {
                continue;
            }
            let mut q = Question {
                sheet: sheet.clone(),
                row,
                id: id.clone(),
                answered: None,
                blank: None,
            };
            let target = answers
                .mapping
                .get(&id)
                .cloned()
                .unwrap_or_else(|| id.clone());
            let Some(r) = answers.rows.get(&target) else {
                q.blank = Some(if answers.mapping.contains_key(&id) {
                    Blank::UnknownTarget(target)
                } else {
                    Blank::Unmapped
                });
                questions.push(q);
                continue;
            };
            let list = allowed(&book, ws, answer_col, row);
            match answer_value(r.answer, list.as_deref(), japanese) {
                Err(b) => q.blank = Some(b),
                Ok(v) => {
                    writes.push((answer_col, row, v.clone()));
                    let evidence = format!("{}\n{}", answers.pack_ref, r.evidence);
                    let explain = answers
                        .short
                        .get(&target)
                        .map_or_else(|| r.implementation.get(lang), |t| t.get(lang))
                        .to_string();
                    match (cols.comment, cols.evidence) {
                        (Some(c), Some(e)) => {
                            writes.push((c, row, explain));
                            writes.push((e, row, evidence));
                        }
                        (Some(c), None) => writes.push((
                            c,
                            row,
                            format!(
                                "{explain}\n\n{}\n{evidence}",
                                answers.evidence_label.get(lang)
                            ),
                        )),
                        (None, Some(e)) => writes.push((e, row, evidence)),
                        (None, None) => {}
                    }
                    q.answered = Some((target, v));
                }
            }
            questions.push(q);
        }
        let ws = &mut book.sheet_collection_mut()[i];
        for (c, r, v) in writes {
            ws.cell_mut((c, r)).set_value_string(v);
            cells.push(format!("{sheet}!{}{r}", column_letter(c)));
        }
    }
    if !any {
        return Err(FillError::NoColumns { file: file.into() });
    }
    let mut out = Vec::new();
    umya_spreadsheet::writer::xlsx::write_writer(&book, std::io::Cursor::new(&mut out))
        .map_err(|e| FillError::Write(e.to_string()))?;
    Ok(Filled {
        bytes: out,
        questions,
        cells,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_parse_letters_and_need_id_and_answer() {
        let c = Columns::parse("id=A, answer=D,comment=AA").expect("columns");
        assert_eq!((c.id, c.answer, c.comment), (Some(1), Some(4), Some(27)));
        assert!(Columns::parse("answer=D").is_err());
        assert!(Columns::parse("id=A,answer=4").is_err());
        assert!(Columns::parse("id=A,answer=D,colour=E").is_err());
        assert_eq!(column_letter(27), "AA");
    }

    #[test]
    fn headers_match_caiq_and_japanese_names() {
        assert!(ANSWER.contains(&norm("CSP CAIQ Answer").as_str()));
        assert!(COMMENT
            .contains(&norm("CSP Implementation Description (Optional/Recommended)").as_str()));
        assert!(ID.contains(&norm(" 項番 ").as_str()));
        assert!(COMMENT.contains(&norm("備考").as_str()));
    }

    #[test]
    fn a_gap_is_never_yes_and_lists_are_followed() {
        let list = vec!["対応可".to_string(), "対応不可".into(), "該当なし".into()];
        assert_eq!(
            answer_value(Answer::No, Some(&list), true).as_deref(),
            Ok("対応不可")
        );
        assert_eq!(answer_value(Answer::Yes, None, false).as_deref(), Ok("Yes"));
        assert_eq!(
            answer_value(Answer::Na, None, true).as_deref(),
            Ok("該当なし")
        );
        let yes_only = vec!["Yes".to_string()];
        assert!(answer_value(Answer::No, Some(&yes_only), false).is_err());
        assert!(in_range("D3:D40 F2", "D7"));
        assert!(!in_range("D3:D40", "E7"));
    }
}
