//! shoko (証拠, "evidence"): bilingual, evidence-backed non-functional
//! requirement documents for Amazon Connect.
//!
//! ```text
//!  evidence/ (catalog)      requirements.yaml     answers.yaml
//!        │                        │                    │
//!        ▼                        │                    │
//!   load + validate  ◄────────────┴────────────────────┘
//!        │              live collectors ──► observations (raw JSON, hashed)
//!        ▼                                   │
//!   resolve: observed ► declared ► documented ◄┘   (resolve.rs)
//!        ▼
//!   gap analysis: requirement × claim → status + remedy   (gap.rs)
//!        ▼
//!   Report (language-neutral, `--dump-model`)   (report.rs)
//!        ├─► Markdown (Tera + Fluent)   ├─► PDF (Typst, data as inputs)
//!        ├─► mdBook source              └─► evidence pack
//! ```
//!
//! Every stage is a function from data to data; only the collectors talk to
//! AWS and only [`output`] touches the output folder.

pub mod assets;
pub mod collect;
pub mod evidence;
pub mod flow;
#[doc(hidden)]
pub mod fuzz_checks;
pub mod gap;
pub mod i18n;
pub mod load;
pub mod model;
pub mod output;
pub mod pack;
pub mod render;
pub mod report;
pub mod resolve;
pub mod verify;

use assets::Assets;
use load::{catalog::Catalog, inputs, Diagnostic, Diagnostics};
use model::{Lang, Status};
use sha2::{Digest, Sha256};
use std::path::Path;

/// Everything that can stop a run.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Problems in input files (exit 2, no output).
    #[error("{0}")]
    Input(Diagnostics),
    /// The catalog (built-in or overridden) does not load.
    #[error("the evidence catalog does not load:\n{0}")]
    Catalog(Diagnostics),
    /// A locale file does not parse.
    #[error(transparent)]
    Locale(#[from] i18n::LocaleError),
    /// A template failed.
    #[error(transparent)]
    Template(#[from] render::markdown::TemplateError),
    /// The PDF could not be made.
    #[error(transparent)]
    Pdf(#[from] render::pdf::PdfError),
    /// Writing failed.
    #[error(transparent)]
    Write(#[from] output::WriteError),
    /// The evidence pack could not be made.
    #[error(transparent)]
    Pack(#[from] pack::PackError),
    /// Anything else the user must fix (bad flag combination ...).
    #[error("{0}")]
    Usage(String),
}

/// The library's result.
pub type Result<T> = std::result::Result<T, Error>;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    /// `ja/nfr.md`, `en/nfr.md`.
    Md,
    /// `ja/nfr.pdf`, `en/nfr.pdf`.
    Pdf,
    /// `book/`: an mdBook source folder, both languages.
    Book,
    /// `pack/` and `pack.zip`: the evidence pack, once for all languages.
    Pack,
}

impl Format {
    /// Parse a format name.
    pub fn parse(s: &str) -> Option<Format> {
        match s.trim() {
            "md" | "markdown" => Some(Format::Md),
            "pdf" => Some(Format::Pdf),
            "book" => Some(Format::Book),
            "pack" => Some(Format::Pack),
            _ => None,
        }
    }
}

/// An input file, read once.
#[derive(Debug, Clone)]
pub struct InputText {
    /// Name shown in diagnostics and documents.
    pub name: String,
    /// Bytes.
    pub bytes: Vec<u8>,
}

impl InputText {
    /// Read a file from disk.
    pub fn read(path: &Path) -> std::result::Result<InputText, Diagnostic> {
        let name = path.display().to_string();
        std::fs::read(path)
            .map(|bytes| InputText {
                name: name.clone(),
                bytes,
            })
            .map_err(|e| {
                Diagnostic::new(
                    load::Code::Unreadable,
                    &name,
                    load::yaml::Pos { line: 0, col: 0 },
                    format!("cannot read the file ({e})"),
                )
                .hint("check the path; it is taken relative to the current folder")
            })
    }
    /// A built-in file.
    pub fn builtin(assets: &Assets, path: &str) -> Option<InputText> {
        assets.get(path).map(|a| InputText {
            name: a.origin.clone(),
            bytes: a.data.into_owned(),
        })
    }
    /// SHA-256, hex.
    pub fn sha256(&self) -> String {
        hex::encode(Sha256::digest(&self.bytes))
    }
}

/// Load the catalog from the assets.
pub fn load_catalog(assets: &Assets) -> Result<Catalog> {
    let sources = assets
        .get("evidence/sources.yaml")
        .ok_or_else(|| Error::Usage("the catalog has no evidence/sources.yaml".into()))?;
    let files: Vec<(String, String)> = assets
        .list("evidence/categories/")
        .into_iter()
        .filter(|p| p.ends_with(".yaml"))
        .filter_map(|p| assets.get(&p).map(|a| (a.origin.clone(), a.text())))
        .collect();
    load::catalog::load((&sources.origin, &sources.text()), &files)
        .map_err(|d| Error::Catalog(Diagnostics(d)))
}

/// The loaded inputs of a build.
#[derive(Debug, Clone)]
pub struct Inputs {
    /// Requirements, if given.
    pub requirements: Option<inputs::Requirements>,
    /// Answers, if given.
    pub answers: Option<inputs::Answers>,
    /// Digests for the report.
    pub files: Vec<report::InputFile>,
}

/// Load and validate requirements and answers, collecting every problem.
pub fn load_inputs(
    catalog: &Catalog,
    requirements: Option<&InputText>,
    answers: Option<&InputText>,
) -> Result<Inputs> {
    let known = catalog.category_ids();
    let mut diags = Vec::new();
    let mut files = Vec::new();
    let text = |f: &InputText, diags: &mut Vec<Diagnostic>| match load::decode(&f.name, &f.bytes) {
        Ok(t) => Some(t),
        Err(d) => {
            diags.push(d);
            None
        }
    };
    let reqs = requirements.and_then(|f| {
        files.push(report::InputFile {
            role: "requirements".into(),
            path: f.name.clone(),
            sha256: f.sha256(),
        });
        let t = text(f, &mut diags)?;
        inputs::load_requirements(&f.name, &t, &known)
            .map_err(|d| diags.extend(d))
            .ok()
    });
    let ans = answers.and_then(|f| {
        files.push(report::InputFile {
            role: "answers".into(),
            path: f.name.clone(),
            sha256: f.sha256(),
        });
        let t = text(f, &mut diags)?;
        inputs::load_answers(&f.name, &t, &known)
            .map_err(|d| diags.extend(d))
            .ok()
    });
    if !diags.is_empty() {
        // In file order, as a reader fixes them.
        diags.sort_by(|a, b| {
            (&a.file, a.pos.line, a.pos.col).cmp(&(&b.file, b.pos.line, b.pos.col))
        });
        return Err(Error::Input(Diagnostics(diags)));
    }
    Ok(Inputs {
        requirements: reqs,
        answers: ans,
        files,
    })
}

/// Build the report from loaded inputs and live evidence.
pub fn build_report(
    catalog: &Catalog,
    i18n: &i18n::I18n,
    inputs: &Inputs,
    live: &evidence::LiveEvidence,
    as_of: chrono::NaiveDate,
) -> report::Report {
    let resolved = resolve::resolve(catalog, inputs.answers.as_ref(), live);
    let reqs: &[inputs::Requirement] = inputs
        .requirements
        .as_ref()
        .map(|r| r.requirements.as_slice())
        .unwrap_or(&[]);
    let verdicts = gap::analyze(reqs, catalog, &resolved.claims);
    report::build(
        i18n,
        report::Parts {
            catalog,
            requirements: inputs.requirements.as_ref(),
            answers: inputs.answers.as_ref(),
            resolved: &resolved,
            verdicts: &verdicts,
            flows: live.flows.as_ref(),
            inputs: inputs
                .files
                .iter()
                .cloned()
                .chain(
                    live.flows
                        .iter()
                        .flat_map(|f| &f.files)
                        .map(|x| report::InputFile {
                            role: "flows".into(),
                            path: x.source.clone(),
                            sha256: x.sha256.clone(),
                        }),
                )
                .collect(),
            as_of,
        },
    )
}

/// Read and analyse every flow in `dir`. Unreadable flows are listed, not
/// fatal: the others are still analysed.
pub fn load_flows(
    dir: &Path,
    i18n: &i18n::I18n,
    default_logging: flow::Logging,
    default_assumed: bool,
) -> evidence::FlowEvidence {
    let (flows, errors) = flow::load_dir(dir);
    let files = flows
        .iter()
        .map(|f| evidence::FlowSource {
            source: f.source.clone(),
            name: f.name.clone(),
            sha256: std::fs::read(&f.source)
                .map(|b| hex::encode(Sha256::digest(&b)))
                .unwrap_or_default(),
        })
        .collect();
    flow_evidence(
        i18n,
        FlowSet {
            groups: vec![(flows, default_logging)],
            files,
            errors,
            default_logging,
            default_assumed,
            origin: evidence::FlowOrigin::Files,
        },
    )
}

/// Flows to analyse: groups that share an entry state (one per instance),
/// what was read, and what could not be.
#[derive(Debug)]
pub struct FlowSet {
    /// Flows of one instance (transfers resolve within a group), each
    /// group with the logging state its flows start in when entered from
    /// outside the group.
    pub groups: Vec<(Vec<flow::FlowFile>, flow::Logging)>,
    /// The flows read, for the sources.
    pub files: Vec<evidence::FlowSource>,
    /// Flows that could not be read.
    pub errors: Vec<flow::FlowError>,
    /// The entry state the documents state (enabled when any group's is).
    pub default_logging: flow::Logging,
    /// True when that state is an assumption.
    pub default_assumed: bool,
    /// Exported files or fetched from the instance.
    pub origin: evidence::FlowOrigin,
}

/// Analyse a set of flows and phrase the overall claim.
pub fn flow_evidence(i18n: &i18n::I18n, set: FlowSet) -> evidence::FlowEvidence {
    let mut analysis = flow::Analysis {
        flows: Vec::new(),
        findings: Vec::new(),
    };
    for (flows, state) in &set.groups {
        let a = flow::analyze(flows, *state);
        analysis.flows.extend(a.flows);
        analysis.findings.extend(a.findings);
    }
    let logged = analysis
        .flows
        .iter()
        .filter(|v| v.sensitive_input_logged)
        .count();
    let args = [
        ("flows", analysis.flows.len().to_string()),
        ("logged", logged.to_string()),
        ("findings", analysis.findings.len().to_string()),
        ("origin", set.origin.name().to_string()),
    ];
    let explain = i18n.both(
        if logged > 0 {
            "flow-claim-logged"
        } else {
            "flow-claim-safe"
        },
        &args,
    );
    evidence::FlowEvidence {
        files: set.files,
        analysis,
        errors: set.errors,
        default_logging: set.default_logging,
        default_assumed: set.default_assumed,
        origin: set.origin,
        explain,
    }
}

/// Render every requested format and language, in memory.
pub fn render_all(
    report: &report::Report,
    i18n: &i18n::I18n,
    assets: &Assets,
    langs: &[Lang],
    formats: &[Format],
) -> Result<Vec<output::OutFile>> {
    render_with(
        report,
        i18n,
        assets,
        &RenderOptions {
            langs: langs.to_vec(),
            formats: formats.to_vec(),
            ..Default::default()
        },
    )
}

/// What a build renders, and how.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Languages of the documents.
    pub langs: Vec<Lang>,
    /// Formats.
    pub formats: Vec<Format>,
    /// What to mask in everything written (`--redact`).
    pub redaction: pack::Redaction,
    /// Raw observation files for the evidence pack (from the live
    /// collectors; empty offline).
    pub observations: Vec<pack::RawObservation>,
}

/// Render every requested format and language, in memory, redacted as
/// asked. The evidence pack is made once, after the documents, and carries
/// them.
pub fn render_with(
    report: &report::Report,
    i18n: &i18n::I18n,
    assets: &Assets,
    opts: &RenderOptions,
) -> Result<Vec<output::OutFile>> {
    let mut files = Vec::new();
    let mut views = Vec::new();
    for &lang in &opts.langs {
        let mut view = render::view::view(report, i18n, lang);
        opts.redaction.json(&mut view);
        for &format in &opts.formats {
            match format {
                Format::Md => files.push(output::OutFile {
                    path: format!("{}/nfr.md", lang.code()),
                    bytes: render::markdown::render(
                        assets,
                        "templates/markdown/nfr.md.tera",
                        &view,
                    )?
                    .into_bytes(),
                    private: false,
                }),
                Format::Pdf => files.push(output::OutFile {
                    path: format!("{}/nfr.pdf", lang.code()),
                    bytes: render::pdf::render(assets, &view, report)?,
                    private: false,
                }),
                Format::Book | Format::Pack => {}
            }
        }
        views.push((lang, view));
    }
    if opts.formats.contains(&Format::Book) {
        for mut f in render::book::render_book(&views, i18n, assets)? {
            f.path = format!("book/{}", f.path);
            files.push(f);
        }
    }
    if opts.formats.contains(&Format::Pack) {
        let frameworks =
            pack::frameworks::load(assets).map_err(|d| Error::Catalog(Diagnostics(d)))?;
        // The pack carries the documents (`<lang>/nfr.md|pdf`), not the book.
        let documents: Vec<output::OutFile> = files
            .iter()
            .filter(|f| !f.path.starts_with("book/"))
            .cloned()
            .collect();
        let made = pack::build(&pack::Parts {
            report,
            i18n,
            frameworks: &frameworks,
            documents: &documents,
            observations: &opts.observations,
            redaction: opts.redaction,
        })?;
        files.extend(made);
    }
    Ok(files)
}

/// Does the report trip `--fail-on`?
pub fn trips(report: &report::Report, fail_on: &[Status]) -> bool {
    report
        .requirements
        .iter()
        .flat_map(|r| &r.verdicts)
        .any(|v| fail_on.contains(&v.status))
}
