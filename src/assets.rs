//! Embedded files (catalog, templates, locales, fonts), each of which a user
//! folder can override: `--assets DIR` makes `DIR/templates/markdown/nfr.md`
//! win over the embedded `templates/markdown/nfr.md`.

use rust_embed::RustEmbed;
use std::borrow::Cow;
use std::path::PathBuf;

#[derive(RustEmbed)]
#[folder = "evidence/"]
#[prefix = "evidence/"]
struct Evidence;

#[derive(RustEmbed)]
#[folder = "templates/"]
#[prefix = "templates/"]
struct Templates;

#[derive(RustEmbed)]
#[folder = "locales/"]
#[prefix = "locales/"]
struct Locales;

/// One file: its bytes and where it came from.
#[derive(Debug, Clone)]
pub struct Asset {
    /// Bytes.
    pub data: Cow<'static, [u8]>,
    /// `built-in:templates/...` or the override's path.
    pub origin: String,
}

impl Asset {
    /// The bytes as text (assets are UTF-8 except fonts).
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.data).into_owned()
    }
}

/// The embedded files plus an optional override folder.
#[derive(Debug, Clone, Default)]
pub struct Assets {
    /// Folder whose files win over the embedded ones.
    pub override_dir: Option<PathBuf>,
}

fn embedded(path: &str) -> Option<Cow<'static, [u8]>> {
    Evidence::get(path)
        .or_else(|| Templates::get(path))
        .or_else(|| Locales::get(path))
        .map(|f| f.data)
}

fn embedded_names() -> impl Iterator<Item = Cow<'static, str>> {
    Evidence::iter()
        .chain(Templates::iter())
        .chain(Locales::iter())
}

impl Assets {
    /// A file by its path relative to the repository root (`templates/x`).
    pub fn get(&self, path: &str) -> Option<Asset> {
        if let Some(dir) = &self.override_dir {
            let p = dir.join(path);
            if let Ok(bytes) = std::fs::read(&p) {
                return Some(Asset {
                    data: Cow::Owned(bytes),
                    origin: p.display().to_string(),
                });
            }
        }
        embedded(path).map(|data| Asset {
            data,
            origin: format!("built-in:{path}"),
        })
    }

    /// Every file below `prefix` (embedded and overriding), sorted by path.
    pub fn list(&self, prefix: &str) -> Vec<String> {
        let mut names: Vec<String> = embedded_names()
            .filter(|n| n.starts_with(prefix))
            .map(|n| n.into_owned())
            .collect();
        if let Some(dir) = &self.override_dir {
            let base = dir.join(prefix);
            if let Ok(rd) = std::fs::read_dir(&base) {
                for e in rd.flatten() {
                    if e.path().is_file() {
                        let name = format!("{}{}", prefix, e.file_name().to_string_lossy());
                        if !names.contains(&name) {
                            names.push(name);
                        }
                    }
                }
            }
        }
        names.sort();
        names
    }
}

/// Load the catalog from the assets (built in, or a user folder's
/// overrides): `evidence/sources.yaml` and every `evidence/categories/*.yaml`.
pub fn catalog(
    assets: &Assets,
) -> Result<crate::model::catalog::Catalog, Vec<crate::load::Diagnostic>> {
    let Some(sources) = assets.get("evidence/sources.yaml") else {
        return Err(vec![crate::load::Diagnostic::new(
            crate::load::Code::Unreadable,
            "evidence/sources.yaml",
            crate::load::yaml::Pos { line: 0, col: 0 },
            "the catalog has no evidence/sources.yaml".to_string(),
        )]);
    };
    let files: Vec<(String, String)> = assets
        .list("evidence/categories/")
        .into_iter()
        .filter(|p| p.ends_with(".yaml"))
        .filter_map(|p| assets.get(&p).map(|a| (a.origin.clone(), a.text())))
        .collect();
    crate::load::catalog::load((&sources.origin, &sources.text()), &files)
}
