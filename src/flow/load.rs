//! Reading a folder of exported flows.

use std::path::Path;

use super::parse::parse_impl;
use super::{FlowCode, FlowError, FlowFile};

/// Loads every `*.json` file in `dir`, sorted by file name.
///
/// A flow's name is its `Metadata.name` when present, else the file stem; ARN
/// and id are unknown, so transfers into these flows are matched by name (the
/// target's display name that the designer records in the transferring block's
/// metadata). One bad file yields one error and does not stop the others.
pub fn load_dir(dir: &Path) -> (Vec<FlowFile>, Vec<FlowError>) {
    let mut flows = Vec::new();
    let mut errors = Vec::new();
    let io_error = |path: &Path, message: String| FlowError {
        code: FlowCode::Unreadable,
        source: path.display().to_string(),
        json_path: "$".to_string(),
        line: None,
        column: None,
        message,
        hint: Some("pass a readable folder of flows exported as .json files (UTF-8)".to_string()),
    };
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            errors.push(io_error(dir, format!("cannot read the folder: {e}")));
            return (flows, errors);
        }
    };
    let mut files = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => {
                let path = entry.path();
                let is_json = path
                    .extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| e.eq_ignore_ascii_case("json"));
                if is_json && path.is_file() {
                    files.push(path);
                }
            }
            Err(e) => errors.push(io_error(dir, format!("cannot list the folder: {e}"))),
        }
    }
    files.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    for path in files {
        let source = path.display().to_string();
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) => {
                errors.push(io_error(&path, format!("cannot read the file: {e}")));
                continue;
            }
        };
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| source.clone());
        match parse_impl(&source, None, &stem, None, None, &text) {
            Ok(flow) => flows.push(flow),
            Err(e) => errors.push(e),
        }
    }
    (flows, errors)
}
