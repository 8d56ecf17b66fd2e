//! Reading the inputs of a run: the requirements and answers files (or the
//! built-in example) and the catalog, each validated with every problem
//! collected before the run stops.

use super::{Error, Result};
use crate::assets::Assets;
use crate::load::grade::IpaMetric;
use crate::load::{inputs, Diagnostic, Diagnostics};
use crate::model::answer::Answers;
use crate::model::catalog::Catalog;
use crate::model::report::InputFile;
use crate::model::requirement::Requirements;
use std::path::{Path, PathBuf};

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
                    crate::load::Code::Unreadable,
                    &name,
                    crate::load::yaml::Pos { line: 0, col: 0 },
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
        crate::text::sha256_hex(&self.bytes)
    }
}

/// Load the catalog from the assets.
pub fn load_catalog(assets: &Assets) -> Result<Catalog> {
    crate::assets::catalog(assets).map_err(|d| Error::Catalog(Diagnostics(d)))
}

/// The loaded inputs of a build.
#[derive(Debug, Clone)]
pub struct Inputs {
    /// Requirements, if given.
    pub requirements: Option<Requirements>,
    /// Answers, if given.
    pub answers: Option<Answers>,
    /// Digests for the report.
    pub files: Vec<InputFile>,
}

/// Load and validate requirements and answers, collecting every problem;
/// `grade:` may name the built-in IPA grade items.
pub fn load_inputs(
    catalog: &Catalog,
    requirements: Option<&InputText>,
    answers: Option<&InputText>,
) -> Result<Inputs> {
    let grades = grade_items(&Assets::default())?;
    load_inputs_graded(catalog, &grades, requirements, answers)
}

/// The IPA grade items of the framework mapping (what `grade:` may name,
/// and the properties a requirement without `property` fans out to).
pub fn grade_items(assets: &Assets) -> Result<Vec<IpaMetric>> {
    crate::pack::frameworks::load(assets)
        .map(|f| f.ipa_grade.metrics)
        .map_err(|d| Error::Catalog(Diagnostics(d)))
}

/// [`load_inputs`] with the IPA grade mapping of `--assets` (`grades`).
pub fn load_inputs_graded(
    catalog: &Catalog,
    grades: &[IpaMetric],
    requirements: Option<&InputText>,
    answers: Option<&InputText>,
) -> Result<Inputs> {
    let known = catalog.category_ids();
    let mut diags = Vec::new();
    let mut files = Vec::new();
    let text =
        |f: &InputText, diags: &mut Vec<Diagnostic>| match crate::load::decode(&f.name, &f.bytes) {
            Ok(t) => Some(t),
            Err(d) => {
                diags.push(d);
                None
            }
        };
    let reqs = requirements.and_then(|f| {
        files.push(InputFile {
            role: "requirements".into(),
            path: f.name.clone(),
            sha256: f.sha256(),
        });
        let t = text(f, &mut diags)?;
        inputs::load_requirements_graded(&f.name, &t, &known, grades)
            .map_err(|d| diags.extend(d))
            .ok()
    });
    let ans = answers.and_then(|f| {
        files.push(InputFile {
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

/// Read the requirements and answers files named on the command line,
/// reporting every unreadable one at once.
pub fn read_inputs(
    r: Option<&PathBuf>,
    a: Option<&PathBuf>,
) -> Result<(Option<InputText>, Option<InputText>)> {
    let mut diags = Vec::new();
    let mut read = |p: Option<&PathBuf>| {
        p.and_then(|p| match InputText::read(p) {
            Ok(t) => Some(t),
            Err(d) => {
                diags.push(d);
                None
            }
        })
    };
    let rt = read(r);
    let at = read(a);
    if diags.is_empty() {
        Ok((rt, at))
    } else {
        Err(Error::Input(Diagnostics(diags)))
    }
}
