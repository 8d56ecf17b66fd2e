//! The evidence pack (`--format pack`): the bundle a buyer's security team
//! receives with the questionnaire answers, and can check was not altered.
//!
//! ```text
//! out/pack/
//!   claims.json              every claim with provenance and citations (schema/claims.schema.json)
//!   gaps.csv                 one row per requirement × category
//!   questionnaire.csv/.xlsx  CSA CAIQ v4 layout, answered from the verdicts
//!                            (the workbook also has the 非機能要求グレード sheet)
//!   nfr-grade.csv            IPA 非機能要求グレード 2018 items, answered
//!   documents/<lang>/nfr.*   the Markdown and PDF this same run rendered
//!   observations/...         raw API responses, when the build had live evidence
//!   manifest.json            every file's size and SHA-256, inputs, as-of, redaction
//! out/pack.zip               the same files under `pack/`, byte-for-byte reproducible
//! ```
//!
//! Like every renderer it reads the [`Report`] and returns bytes; the pack
//! is language-neutral (every reader-facing field carries ja and en), so it
//! is produced once per build, not per language. Redaction is applied to
//! each file as it is made, before it is hashed, so the manifest describes
//! exactly the bytes written.

pub mod archive;
pub mod claims;
pub mod frameworks;
pub mod gaps;
pub mod nfr_grade;
pub mod questionnaire;
pub mod sign;
pub mod verify;

use crate::i18n::I18n;
use crate::model::report::{Report, Source};
use crate::output::OutFile;
/// Redaction is the renderers' (every format masks what it writes); the
/// pack applies it to every file before hashing.
pub use crate::render::redact::{self, Redaction};
use crate::render::{Input, Renderer};
use frameworks::Frameworks;
use serde_json::json;

/// Format version of `manifest.json`.
pub const MANIFEST_FORMAT: &str = "shoko.pack/1";
/// The pack's folder inside the output folder (and inside `pack.zip`).
pub const DIR: &str = "pack";
/// The zip beside it.
pub const ZIP: &str = "pack.zip";
/// The manifest's name inside the pack.
pub const MANIFEST: &str = "manifest.json";

/// A raw observation file (an API response as collected) to carry in the
/// pack. The live collectors hand these over; offline builds have none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawObservation {
    /// Path inside `observations/` (`connect/obs-0001.json`): relative,
    /// `/`-separated, no `..`.
    pub path: String,
    /// The response body as collected.
    pub bytes: Vec<u8>,
}

impl RawObservation {
    /// The raw observations of a live-evidence snapshot, from the files it
    /// writes (`snapshot.json`, `observations/obs-0001.json` ...): they keep
    /// the snapshot's layout under the pack's `observations/` folder.
    pub fn from_snapshot_files(files: &[OutFile]) -> Vec<RawObservation> {
        files
            .iter()
            .map(|f| RawObservation {
                path: f
                    .path
                    .strip_prefix("observations/")
                    .unwrap_or(&f.path)
                    .to_string(),
                bytes: f.bytes.clone(),
            })
            .collect()
    }
}

/// Failure to make the pack (in memory: no file is touched).
#[derive(Debug, thiserror::Error)]
pub enum PackError {
    /// The XLSX writer failed.
    #[error("failed to make the questionnaire workbook ({0})")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    /// The CSV writer failed.
    #[error("failed to make {file} ({message})")]
    Csv {
        /// Which file.
        file: String,
        /// Why.
        message: String,
    },
    /// The zip writer failed.
    #[error("failed to make pack.zip ({0})")]
    Zip(#[from] zip::result::ZipError),
    /// A raw observation path that would leave the pack.
    #[error("raw observation path `{0}` is not a plain relative path")]
    BadObservationPath(String),
    /// Signing failed.
    #[error(transparent)]
    Sign(#[from] sign::SignError),
}

/// Everything the pack is made from.
pub struct Parts<'a> {
    /// The report.
    pub report: &'a Report,
    /// Messages.
    pub i18n: &'a I18n,
    /// The framework mapping.
    pub frameworks: &'a Frameworks,
    /// The documents this run rendered (`ja/nfr.md` ...), already redacted.
    pub documents: &'a [OutFile],
    /// Raw observations, if any.
    pub observations: &'a [RawObservation],
    /// What to redact.
    pub redaction: Redaction,
    /// The key that signs `SHA256SUMS`, if any.
    pub sign: Option<&'a sign::SigningKey>,
}

/// `--format pack`: `pack/...` and `pack.zip`, once for all languages,
/// carrying the documents (`<lang>/nfr.md|pdf`) the formats before it made.
pub struct Pack<'a> {
    /// The framework mapping (`evidence/frameworks.yaml`).
    pub frameworks: Frameworks,
    /// Raw observations, if any.
    pub observations: &'a [RawObservation],
    /// The key that signs `SHA256SUMS` (`--sign-key`), if any.
    pub sign: Option<&'a sign::SigningKey>,
}

impl Renderer for Pack<'_> {
    type Error = PackError;
    fn render(&self, input: &Input<'_>) -> Result<Vec<OutFile>, PackError> {
        // The pack carries the documents, not the book.
        let documents: Vec<OutFile> = input
            .made
            .iter()
            .filter(|f| !f.path.starts_with("book/"))
            .cloned()
            .collect();
        build(&Parts {
            report: input.report,
            i18n: input.i18n,
            frameworks: &self.frameworks,
            documents: &documents,
            observations: self.observations,
            redaction: input.redaction,
            sign: self.sign,
        })
    }
}

/// Inline Markdown (catalog text, generated explanations) as plain text for
/// CSV and spreadsheet cells: emphasis and code marks dropped, escapes undone.
pub fn plain(md: &str) -> String {
    use pulldown_cmark::{Event, Parser};
    let mut out = String::new();
    for ev in Parser::new(md) {
        match ev {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(pulldown_cmark::TagEnd::Paragraph) => out.push('\n'),
            _ => {}
        }
    }
    out.trim().to_string()
}

/// A path is safe inside a pack: relative, `/`-separated, no empty, `.` or
/// `..` component, no backslash, drive letter or NUL.
pub fn safe_path(p: &str) -> bool {
    !p.is_empty()
        && !p.starts_with('/')
        && !p.contains('\\')
        && !p.contains('\0')
        && !p.contains(':')
        && p.split('/').all(|c| !c.is_empty() && c != "." && c != "..")
}

/// A file of the pack, as it is being assembled.
#[derive(Debug, Clone)]
pub(crate) struct PackFile {
    pub path: String,
    pub bytes: Vec<u8>,
    pub private: bool,
}

impl PackFile {
    pub(crate) fn hash(&self) -> String {
        crate::text::sha256_hex(&self.bytes)
    }
}

/// The earliest and latest observation time of the report's sources.
pub fn observation_range(report: &Report) -> Option<(String, String)> {
    let mut times: Vec<(chrono::DateTime<chrono::FixedOffset>, String)> = report
        .sources
        .iter()
        .filter_map(|s| match s {
            Source::Observation { observation, .. } => {
                chrono::DateTime::parse_from_rfc3339(&observation.collected_at)
                    .ok()
                    .map(|t| (t, observation.collected_at.clone()))
            }
            _ => None,
        })
        .collect();
    times.sort();
    Some((times.first()?.1.clone(), times.last()?.1.clone()))
}

/// Make the pack: `pack/...` files and `pack.zip`, in memory.
pub fn build(parts: &Parts) -> Result<Vec<OutFile>, PackError> {
    let r = parts.redaction;
    let report = parts.report;
    // Raw observations first: claims.json links to them by hash.
    let (mut files, observations) = observation_files(parts)?;

    let claims = PackFile {
        path: "claims.json".into(),
        bytes: claims::render(report, parts.frameworks, &observations, r),
        private: false,
    };
    let gaps = PackFile {
        path: "gaps.csv".into(),
        bytes: gaps::render(report, &observations, r)?,
        private: false,
    };
    let rows = questionnaire::rows(
        report,
        parts.i18n,
        parts.frameworks,
        &questionnaire::Refs {
            claims_sha256: claims.hash(),
            gaps_sha256: gaps.hash(),
            observations: &observations,
        },
    );
    let rows: Vec<questionnaire::Row> = rows.into_iter().map(|row| row.redacted(r)).collect();
    let grade_rows: Vec<nfr_grade::Row> =
        nfr_grade::rows(report, parts.i18n, &parts.frameworks.ipa_grade)
            .into_iter()
            .map(|mut row| {
                row.cells = row.cells.iter().map(|c| r.text(c)).collect();
                row
            })
            .collect();
    files.push(PackFile {
        path: "nfr-grade.csv".into(),
        bytes: nfr_grade::csv(&grade_rows, &parts.frameworks.ipa_grade, parts.i18n)?,
        private: false,
    });
    files.push(PackFile {
        path: "questionnaire.csv".into(),
        bytes: questionnaire::csv(&rows, parts.i18n)?,
        private: false,
    });
    files.push(PackFile {
        path: "questionnaire.xlsx".into(),
        bytes: questionnaire::xlsx(
            &rows,
            parts.i18n,
            &report.as_of,
            (&grade_rows, &parts.frameworks.ipa_grade),
        )?,
        private: false,
    });
    files.push(claims);
    files.push(gaps);
    for d in parts.documents {
        files.push(PackFile {
            path: format!("documents/{}", d.path),
            // Text documents are masked again as bytes; the PDF was
            // rendered from an already masked view.
            bytes: if d.path.ends_with(".md") {
                r.bytes(&d.bytes)
            } else {
                d.bytes.clone()
            },
            private: d.private,
        });
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));

    let manifest = manifest(report, r, &observations, &files);
    files.push(manifest);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    if let Some(key) = parts.sign {
        signed(&mut files, key)?;
    }
    finish(files, &report.as_of)
}

/// The raw observations as pack files (masked as asked), and how
/// `claims.json` links to them.
fn observation_files(
    parts: &Parts,
) -> Result<(Vec<PackFile>, Vec<claims::ObservationFile>), PackError> {
    let r = parts.redaction;
    let mut files = Vec::new();
    let mut observations = Vec::new();
    for o in parts.observations {
        if !safe_path(&o.path) {
            return Err(PackError::BadObservationPath(o.path.clone()));
        }
        let f = PackFile {
            path: format!("observations/{}", r.text(&o.path)),
            bytes: r.bytes(&o.bytes),
            private: true,
        };
        // Keyed by the hash of the body as collected, which is what an
        // observation reference carries.
        observations.push(claims::ObservationFile {
            original_sha256: crate::text::sha256_hex(&o.bytes),
            path: f.path.clone(),
            sha256: f.hash(),
        });
        files.push(f);
    }

    Ok((files, observations))
}

/// `manifest.json`: every file's size and SHA-256, the inputs, the as-of
/// date and the redaction.
fn manifest(
    report: &Report,
    r: Redaction,
    observations: &[claims::ObservationFile],
    files: &[PackFile],
) -> PackFile {
    let range = observation_range(report);
    let manifest = json!({
        "format": MANIFEST_FORMAT,
        "tool": "shoko",
        "tool_version": report.tool_version,
        "as_of": report.as_of,
        "redaction": {
            "applied": r.account_ids,
            "kinds": r.kinds(),
        },
        "observations": {
            "count": report.sources.iter().filter(|s| matches!(s, Source::Observation { .. })).count(),
            "files": observations.len(),
            "from": range.as_ref().map(|x| r.text(&x.0)),
            "to": range.as_ref().map(|x| r.text(&x.1)),
        },
        "inputs": report.inputs.iter().map(|f| json!({
            "role": f.role,
            "path": r.text(&f.path),
            "sha256": f.sha256,
        })).collect::<Vec<_>>(),
        "files": files.iter().map(|f| json!({
            "path": f.path,
            "size": f.bytes.len(),
            "sha256": f.hash(),
        })).collect::<Vec<_>>(),
    });
    let mut text = serde_json::to_string_pretty(&manifest).unwrap_or_default();
    text.push('\n');
    PackFile {
        path: MANIFEST.into(),
        bytes: text.into_bytes(),
        private: false,
    }
}

/// Add `SHA256SUMS` (every file so far, manifest included) and its
/// signature `SHA256SUMS.sig`.
fn signed(files: &mut Vec<PackFile>, key: &sign::SigningKey) -> Result<(), PackError> {
    let sums = sign::sums(files.iter().map(|f| (f.path.as_str(), f.bytes.as_slice())));
    let sig = key.sign(&sums)?;
    files.push(PackFile {
        path: sign::SUMS.into(),
        bytes: sums,
        private: false,
    });
    files.push(PackFile {
        path: sign::SIG.into(),
        bytes: sig,
        private: false,
    });
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(())
}

/// The pack's files under `pack/`, and `pack.zip` beside them.
fn finish(files: Vec<PackFile>, as_of: &str) -> Result<Vec<OutFile>, PackError> {
    let zip = archive::write(&files, as_of)?;
    let any_private = files.iter().any(|f| f.private);
    let mut out: Vec<OutFile> = files
        .into_iter()
        .map(|f| OutFile {
            path: format!("{DIR}/{}", f.path),
            bytes: f.bytes,
            private: f.private,
        })
        .collect();
    out.push(OutFile {
        path: ZIP.into(),
        bytes: zip,
        private: any_private,
    });
    Ok(out)
}

#[cfg(test)]
mod tests;
