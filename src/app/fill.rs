//! `shoko fill QUESTIONNAIRE.xlsx -r R -a A --out DIR`: the buyer's own
//! questionnaire, answered. Builds the report as `build` does, makes the
//! evidence pack of the same run, answers every question of the workbook
//! shoko can answer (see [`crate::interop::fill`]) and writes, as a whole:
//!
//! ```text
//! DIR/<the workbook's name>   the copy, only the answered cells changed
//! DIR/pack.zip                the evidence pack the answers cite
//! DIR/fill-report.md          what was answered, what was left blank and why (ja, en)
//! ```
//!
//! A corrupt or password-protected workbook, or bad inputs, exit 2 and
//! write nothing.

use super::collect::{live_evidence, LiveArgs, Source};
use super::inputs::{load_catalog, load_inputs_graded, read_inputs};
use super::render::{render_with, Format, RenderOptions};
use super::{Error, Outcome, Result};
use crate::i18n::I18n;
use crate::interop::fill::{fill, Answers, Blank, Columns, Filled};
use crate::load::{yaml, Code, Diagnostic, Diagnostics};
use crate::model::Lang;
use crate::output::OutFile;
use crate::pack::questionnaire::{self, Row};
use clap::Args;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Arguments of `shoko fill`.
#[derive(Args, Debug)]
pub struct FillArgs {
    /// The buyer's questionnaire workbook (.xlsx).
    #[arg(value_name = "QUESTIONNAIRE.xlsx")]
    pub workbook: PathBuf,
    /// The buyer's requirements file.
    #[arg(long, short = 'r', value_name = "FILE")]
    pub requirements: Option<PathBuf>,
    /// The operator's declared answers.
    #[arg(long, short = 'a', value_name = "FILE")]
    pub answers: Option<PathBuf>,
    /// Live evidence from a snapshot folder written by `shoko collect`.
    #[arg(long, value_name = "DIR")]
    pub evidence: Option<PathBuf>,
    /// Where the questionnaire's columns are, when the headers are unusual:
    /// `id=A,answer=D,comment=E` (also `question=`, `evidence=`).
    #[arg(long, value_name = "SPEC")]
    pub columns: Option<String>,
    /// The sheet's own question ids mapped to CAIQ v4 ids (YAML:
    /// `"1-1": DSP-19.1`).
    #[arg(long, value_name = "FILE")]
    pub mapping: Option<PathBuf>,
    /// Output folder (replaced as a whole on success).
    #[arg(long, default_value = "out")]
    pub out: PathBuf,
    /// The date the answers speak for (YYYY-MM-DD); default today.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Observations older than this at --as-of are stale (unverified).
    #[arg(long, value_name = "DAYS", default_value = "30")]
    pub max_age: String,
    #[command(flatten)]
    pub assets: super::categories::AssetArgs,
    /// `--instance` picks instances from the snapshot.
    #[command(flatten)]
    pub collect: LiveArgs,
}

/// The mapping file: a YAML mapping of the sheet's ids to CAIQ v4 ids.
fn mapping(path: &std::path::Path) -> Result<BTreeMap<String, String>> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| {
        Error::Input(Diagnostics(vec![Diagnostic::new(
            Code::Unreadable,
            &file,
            yaml::Pos { line: 0, col: 0 },
            format!("cannot read the mapping file ({e})"),
        )]))
    })?;
    let root = yaml::parse(&file, &text).map_err(|d| Error::Input(Diagnostics(vec![d])))?;
    let mut out = BTreeMap::new();
    let mut diags = Vec::new();
    match root.map(|n| n.kind) {
        Some(yaml::NodeKind::Map(entries)) => {
            for (kn, vn) in entries {
                match (kn.as_str(), vn.as_str()) {
                    (Some(k), Some(v)) if !v.trim().is_empty() => {
                        if out
                            .insert(k.trim().to_string(), v.trim().to_string())
                            .is_some()
                        {
                            diags.push(Diagnostic::new(
                                Code::Duplicate,
                                &file,
                                kn.pos,
                                format!("question id `{}` is mapped twice", k.trim()),
                            ));
                        }
                    }
                    _ => {
                        let mut d = Diagnostic::new(
                            Code::WrongShape,
                            &file,
                            vn.pos,
                            "each entry maps a question id to a CAIQ v4 id",
                        );
                        d.expected = Some("`\"1-1\": DSP-19.1`".into());
                        diags.push(d);
                    }
                }
            }
        }
        _ => {
            let mut d = Diagnostic::new(
                Code::WrongShape,
                &file,
                yaml::Pos { line: 1, col: 1 },
                "the mapping file is not a mapping",
            );
            d.expected = Some("lines such as `\"1-1\": DSP-19.1`".into());
            diags.push(d);
        }
    }
    if diags.is_empty() {
        Ok(out)
    } else {
        Err(Error::Input(Diagnostics(diags)))
    }
}

/// Run `shoko fill`.
pub fn run(args: FillArgs) -> Result<Outcome> {
    let assets = args.assets.assets();
    let as_of = match &args.as_of {
        Some(s) => chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| {
            Error::Usage(format!(
                "--as-of `{s}` is not a date\n  expected: YYYY-MM-DD, e.g. 2026-11-28"
            ))
        })?,
        None => chrono::Local::now().date_naive(),
    };
    let columns = args
        .columns
        .as_deref()
        .map(Columns::parse)
        .transpose()
        .map_err(|e| Error::Usage(format!("--columns: {e}")))?;
    let map = match &args.mapping {
        Some(p) => mapping(p)?,
        None => BTreeMap::new(),
    };
    let file = args.workbook.display().to_string();
    let bytes = std::fs::read(&args.workbook)
        .map_err(|e| Error::Usage(format!("{file}: cannot read the workbook ({e})")))?;

    let catalog = load_catalog(&assets)?;
    let i18n = I18n::load(&assets)?;
    let frameworks =
        crate::pack::frameworks::load(&assets).map_err(|d| Error::Catalog(Diagnostics(d)))?;
    let (rt, at) = read_inputs(args.requirements.as_ref(), args.answers.as_ref())?;
    let inputs = load_inputs_graded(
        &catalog,
        &frameworks.ipa_grade.metrics,
        rt.as_ref(),
        at.as_ref(),
    )?;
    let scopes = inputs
        .requirements
        .as_ref()
        .map(|r| r.scopes())
        .unwrap_or_default();
    let (live, snapshot_files) = live_evidence(Source {
        evidence: args.evidence.as_deref(),
        live: false,
        save: None,
        max_age: &args.max_age,
        args: &args.collect,
        as_of,
        i18n: &i18n,
        // fill has no --flow-logging: fetched flows' unknown entries stay
        // unknown (review), as documented.
        flow_assumption: None,
        scopes: &scopes,
    })?;
    let report = super::build::build_report(&catalog, &i18n, &inputs, &live, as_of);
    let observations = crate::pack::RawObservation::from_snapshot_files(&snapshot_files);
    let made = render_with(
        &report,
        &i18n,
        &assets,
        &RenderOptions {
            langs: vec![Lang::Ja, Lang::En],
            formats: vec![Format::Md, Format::Pack],
            observations: observations.clone(),
            max_age_days: super::collect::parse_max_age(&args.max_age).ok(),
            ..Default::default()
        },
    )?;
    let zip = made
        .iter()
        .find(|f| f.path == crate::pack::ZIP)
        .ok_or_else(|| Error::Usage("the evidence pack was not made".into()))?;
    let hash_of = |path: &str| {
        made.iter()
            .find(|f| f.path == format!("{}/{path}", crate::pack::DIR))
            .map(|f| crate::text::sha256_hex(&f.bytes))
            .unwrap_or_default()
    };
    let obs_files: Vec<crate::pack::claims::ObservationFile> = observations
        .iter()
        .map(|o| {
            let h = crate::text::sha256_hex(&o.bytes);
            crate::pack::claims::ObservationFile {
                original_sha256: h.clone(),
                path: format!("observations/{}", o.path),
                sha256: h,
            }
        })
        .collect();
    let rows: BTreeMap<String, Row> = questionnaire::rows(
        &report,
        &i18n,
        &frameworks,
        &questionnaire::Refs {
            claims_sha256: hash_of("claims.json"),
            gaps_sha256: hash_of("gaps.csv"),
            observations: &obs_files,
        },
    )
    .into_iter()
    .map(|r| (r.id.clone(), r))
    .collect();
    let pack_ref = format!(
        "{} sha256:{}",
        crate::pack::ZIP,
        crate::text::sha256_hex(&zip.bytes)
    );
    let short = crate::interop::short::short_texts(&report, &i18n, &frameworks, &rows);
    let filled = fill(
        &file,
        &bytes,
        columns.as_ref(),
        &Answers {
            rows: &rows,
            mapping: &map,
            pack_ref: &pack_ref,
            evidence_label: &i18n.both("interop-fill-evidence", &[]),
            short: &short,
        },
    )
    .map_err(|e| Error::Usage(e.to_string()))?;

    let name = args
        .workbook
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "questionnaire.xlsx".into());
    let files = vec![
        OutFile {
            path: name.clone(),
            bytes: filled.bytes.clone(),
            private: false,
        },
        OutFile {
            path: crate::pack::ZIP.into(),
            bytes: zip.bytes.clone(),
            private: zip.private,
        },
        OutFile {
            path: "fill-report.md".into(),
            bytes: fill_report(&i18n, &name, &filled).into_bytes(),
            private: false,
        },
    ];
    crate::output::replace_dir(&args.out, &files)?;
    let answered = filled
        .questions
        .iter()
        .filter(|q| q.answered.is_some())
        .count();
    eprintln!(
        "wrote {} to {}: {answered} question(s) answered, {} left blank (see fill-report.md)",
        name,
        args.out.display(),
        filled.questions.len() - answered
    );
    Ok(Outcome::Done)
}

/// `fill-report.md`: Japanese, then English.
fn fill_report(i18n: &I18n, name: &str, f: &Filled) -> String {
    let answered = f.questions.iter().filter(|q| q.answered.is_some()).count();
    let mut out = String::new();
    for lang in [Lang::Ja, Lang::En] {
        let t = |id: &str, args: &[(&str, String)]| i18n.t_args(lang, id, args);
        out.push_str(&format!(
            "# {}\n\n",
            t("interop-fill-report-title", &[("file", name.to_string())])
        ));
        out.push_str(&t(
            "interop-fill-report-counts",
            &[
                ("answered", answered.to_string()),
                ("blank", (f.questions.len() - answered).to_string()),
            ],
        ));
        out.push_str("\n\n");
        let blanks: Vec<_> = f.questions.iter().filter(|q| q.blank.is_some()).collect();
        if !blanks.is_empty() {
            out.push_str(&format!(
                "| {} | {} | {} | {} |\n|---|---|---|---|\n",
                t("interop-fill-col-sheet", &[]),
                t("interop-fill-col-row", &[]),
                t("interop-fill-col-id", &[]),
                t("interop-fill-col-reason", &[]),
            ));
            for q in blanks {
                let reason = match q.blank.as_ref() {
                    Some(Blank::Unmapped) => t("interop-fill-blank-unmapped", &[]),
                    Some(Blank::UnknownTarget(x)) => t(
                        "interop-fill-blank-unknown-target",
                        &[("target", x.clone())],
                    ),
                    Some(Blank::NotInList { answer, allowed }) => t(
                        "interop-fill-blank-not-in-list",
                        &[
                            ("answer", (*answer).to_string()),
                            ("allowed", allowed.join(", ")),
                        ],
                    ),
                    None => String::new(),
                };
                out.push_str(&format!(
                    "| {} | {} | {} | {} |\n",
                    crate::text::escape::md_cell(&q.sheet),
                    q.row,
                    crate::text::escape::md_cell(&q.id),
                    crate::text::escape::md_cell(&reason)
                ));
            }
            out.push('\n');
        }
    }
    out
}
