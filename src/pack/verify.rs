//! `shoko verify PACK`: recompute every hash of an evidence pack (a folder or
//! `pack.zip`) against its `manifest.json` and list each missing, extra or
//! altered file.
//!
//! A zip is read into memory and never extracted, so verifying writes
//! nothing at all. Entries with absolute paths or `..` are not read; they are
//! reported as unsafe and make the pack not intact (exit 1, like any other
//! tampering: the verification itself completed). Exit 2 is kept for packs
//! that cannot be verified at all: unreadable, not a zip, no manifest, a
//! manifest that does not parse.
//!
//! A signed pack also holds `SHA256SUMS` and `SHA256SUMS.sig` (not in the
//! manifest, which they cover): every line of `SHA256SUMS` is checked
//! against the file it names, and, given an `allowed_signers` file, the
//! signature too ([`super::sign`]). Without one the signature is reported
//! as not checked.

use super::sign::{self, AllowedSigner, BadSignature, Signer};
use super::{archive, safe_path, DIR, MANIFEST};
use crate::text::sha256_hex as sha256;
use std::path::Path;

/// One thing wrong with a pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Listed in the manifest, not in the pack.
    Missing {
        /// Path in the pack.
        path: String,
    },
    /// In the pack, not listed in the manifest.
    Extra {
        /// Path in the pack.
        path: String,
    },
    /// Size or SHA-256 differs from the manifest.
    Altered {
        /// Path in the pack.
        path: String,
        /// Manifest SHA-256.
        expected: String,
        /// Recomputed SHA-256.
        found: String,
    },
    /// An entry that would leave the pack (`..`, absolute) or is not a
    /// regular file (a symbolic link); never read.
    Unsafe {
        /// The entry's name as stored.
        path: String,
        /// Why.
        why: &'static str,
    },
    /// `SHA256SUMS` disagrees with the pack: a file it does not list, a
    /// line that is not in `sha256sum` form, or a hash that differs.
    Sums {
        /// Path in the pack.
        path: String,
        /// What is wrong.
        why: String,
    },
}

impl Problem {
    fn path(&self) -> &str {
        match self {
            Problem::Missing { path }
            | Problem::Extra { path }
            | Problem::Altered { path, .. }
            | Problem::Unsafe { path, .. }
            | Problem::Sums { path, .. } => path,
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::Missing { path } => write!(f, "missing: {path} (listed in the manifest)"),
            Problem::Extra { path } => write!(f, "extra: {path} (not in the manifest)"),
            Problem::Altered {
                path,
                expected,
                found,
            } => write!(
                f,
                "altered: {path} (sha256 {found}, manifest says {expected})"
            ),
            Problem::Unsafe { path, why } => write!(f, "unsafe: {path} ({why}; not read)"),
            Problem::Sums { path, why } => write!(f, "SHA256SUMS: {path} ({why})"),
        }
    }
}

/// The result of a verification that could run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Files listed in the manifest.
    pub listed: usize,
    /// Everything wrong, by path.
    pub problems: Vec<Problem>,
    /// The manifest's tool version.
    pub tool_version: String,
    /// The manifest's as-of date.
    pub as_of: String,
    /// Whether the manifest records redaction.
    pub redacted: bool,
    /// What the signature check found.
    pub signature: Signature,
}

/// The signature of a pack, as checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Signature {
    /// No `SHA256SUMS.sig`; `required` when allowed signers were given.
    Unsigned {
        /// Allowed signers were given, so a signature was expected.
        required: bool,
    },
    /// Signed, but no allowed signers were given to check it against.
    NotChecked,
    /// Signed by an allowed signer.
    Valid(Signer),
    /// The signature does not check.
    Invalid(BadSignature),
}

impl Outcome {
    /// Nothing wrong: every hash matches and the signature, when asked
    /// for, checks.
    pub fn intact(&self) -> bool {
        self.problems.is_empty()
            && !matches!(
                self.signature,
                Signature::Invalid(_) | Signature::Unsigned { required: true }
            )
    }
}

/// A verified pack's outcome and its files (paths inside the pack).
#[derive(Debug)]
pub struct Verified {
    /// What the verification found.
    pub outcome: Outcome,
    /// The files, paths relative to the pack's root.
    pub files: Vec<(String, Vec<u8>)>,
}

/// A pack that cannot be verified.
#[derive(Debug, thiserror::Error)]
pub enum VerifyError {
    /// The path cannot be read.
    #[error("cannot read {path} ({source})")]
    Read {
        /// What.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// The zip cannot be read.
    #[error("{path} is {source}")]
    Zip {
        /// What.
        path: String,
        /// Why.
        source: archive::ReadError,
    },
    /// No manifest found.
    #[error("{0} is not an evidence pack: no manifest.json at its top or in a pack/ folder\n  hint: give the pack folder (out/pack) or out/pack.zip")]
    NoManifest(String),
    /// The manifest does not parse.
    #[error("the manifest of {path} cannot be used ({message})")]
    Manifest {
        /// What.
        path: String,
        /// Why.
        message: String,
    },
}

/// Files as `(path, bytes)`.
type Files = Vec<(String, Vec<u8>)>;

/// Files of a folder or zip, as `(path, bytes)`, plus unsafe entries.
fn collect(path: &Path) -> Result<(Files, Vec<Problem>), VerifyError> {
    let shown = path.display().to_string();
    let read_err = |source| VerifyError::Read {
        path: shown.clone(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(read_err)?;
    if meta.is_dir() {
        let mut files = Vec::new();
        let mut problems = Vec::new();
        walk(path, path, &mut files, &mut problems)?;
        return Ok((files, problems));
    }
    let bytes = std::fs::read(path).map_err(read_err)?;
    let z = archive::read(&bytes).map_err(|source| VerifyError::Zip {
        path: shown.clone(),
        source,
    })?;
    let problems = z
        .unsafe_names
        .into_iter()
        .map(|n| Problem::Unsafe {
            path: n,
            why: "the entry's path is absolute or leaves the archive",
        })
        .collect();
    Ok((z.files, problems))
}

fn walk(
    base: &Path,
    dir: &Path,
    files: &mut Files,
    problems: &mut Vec<Problem>,
) -> Result<(), VerifyError> {
    let err = |p: &Path| {
        let path = p.display().to_string();
        move |source| VerifyError::Read { path, source }
    };
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(err(dir))?
        .collect::<Result<_, _>>()
        .map_err(err(dir))?;
    entries.sort_by_key(|e| e.path());
    for e in entries {
        let p = e.path();
        let rel = p
            .strip_prefix(base)
            .map(|r| {
                r.components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/")
            })
            .unwrap_or_else(|_| p.display().to_string());
        let ft = e.file_type().map_err(err(&p))?;
        if ft.is_symlink() {
            problems.push(Problem::Unsafe {
                path: rel,
                why: "a symbolic link, not a file",
            });
        } else if ft.is_dir() {
            walk(base, &p, files, problems)?;
        } else {
            files.push((rel, std::fs::read(&p).map_err(err(&p))?));
        }
    }
    Ok(())
}

struct Listed {
    path: String,
    size: u64,
    sha256: String,
}

fn manifest(shown: &str, bytes: &[u8]) -> Result<(Vec<Listed>, serde_json::Value), VerifyError> {
    let bad = |message: String| VerifyError::Manifest {
        path: shown.to_string(),
        message,
    };
    let v: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| bad(format!("not JSON: {e}")))?;
    let files = v
        .get("files")
        .and_then(|f| f.as_array())
        .ok_or_else(|| bad("it has no `files` list".into()))?;
    let mut out = Vec::new();
    for (i, f) in files.iter().enumerate() {
        let path = f.get("path").and_then(|x| x.as_str());
        let size = f.get("size").and_then(|x| x.as_u64());
        let sha = f.get("sha256").and_then(|x| x.as_str());
        match (path, size, sha) {
            (Some(p), Some(s), Some(h))
                if safe_path(p) && h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit()) =>
            {
                out.push(Listed {
                    path: p.to_string(),
                    size: s,
                    sha256: h.to_ascii_lowercase(),
                })
            }
            _ => {
                return Err(bad(format!(
                    "entry {} of `files` needs a plain relative `path`, a `size` and a 64-digit hex `sha256`",
                    i + 1
                )))
            }
        }
    }
    Ok((out, v))
}

/// Verify the pack at `path` (a folder or a zip), hashes only.
pub fn verify(path: &Path) -> Result<Outcome, VerifyError> {
    Ok(verify_with(path, None)?.outcome)
}

/// Verify the pack at `path`; with `signers`, check its signature too.
pub fn verify_with(
    path: &Path,
    signers: Option<&[AllowedSigner]>,
) -> Result<Verified, VerifyError> {
    // The output folder (`out/`) holds the pack in `pack/`.
    if path.is_dir() && !path.join(MANIFEST).exists() && path.join(DIR).join(MANIFEST).is_file() {
        return verify_with(&path.join(DIR), signers);
    }
    let shown = path.display().to_string();
    let (files, mut problems) = collect(path)?;
    let prefix = root(&files, &shown)?;
    let mut inside: Vec<(String, &[u8])> = Vec::new();
    for (p, b) in &files {
        match p.strip_prefix(&prefix) {
            Some(rel) => inside.push((rel.to_string(), b)),
            None => problems.push(Problem::Extra { path: p.clone() }),
        }
    }
    let mbytes = inside
        .iter()
        .find(|(p, _)| p == MANIFEST)
        .map(|(_, b)| *b)
        .ok_or_else(|| VerifyError::NoManifest(shown.clone()))?;
    let (listed, m) = manifest(&shown, mbytes)?;
    for l in &listed {
        compare(l, &inside, &prefix, &mut problems);
    }
    let unlisted = |p: &str| p == MANIFEST || p == sign::SUMS || p == sign::SIG;
    for (p, _) in &inside {
        if !unlisted(p) && !listed.iter().any(|l| &l.path == p) {
            problems.push(Problem::Extra {
                path: format!("{prefix}{p}"),
            });
        }
    }
    let signature = signature(&inside, &prefix, signers, &mut problems);
    problems.sort_by(|a, b| a.path().cmp(b.path()));
    problems.dedup();
    let s = |k: &str| {
        m.get(k)
            .and_then(|x| x.as_str())
            .unwrap_or_default()
            .to_string()
    };
    let outcome = Outcome {
        listed: listed.len(),
        problems,
        tool_version: s("tool_version"),
        as_of: s("as_of"),
        redacted: m
            .pointer("/redaction/applied")
            .and_then(|x| x.as_bool())
            .unwrap_or(false),
        signature,
    };
    let files = inside.into_iter().map(|(p, b)| (p, b.to_vec())).collect();
    Ok(Verified { outcome, files })
}

/// Check `SHA256SUMS` against the files and, given allowed signers, its
/// signature.
fn signature(
    inside: &[(String, &[u8])],
    prefix: &str,
    signers: Option<&[AllowedSigner]>,
    problems: &mut Vec<Problem>,
) -> Signature {
    let get = |name: &str| inside.iter().find(|(p, _)| p == name).map(|(_, b)| *b);
    let (sums, sig) = (get(sign::SUMS), get(sign::SIG));
    if let Some(sums) = sums {
        check_sums(sums, inside, prefix, problems);
    }
    match (sums, sig, signers) {
        (_, None, s) => Signature::Unsigned {
            required: s.is_some(),
        },
        (_, Some(_), None) => Signature::NotChecked,
        (None, Some(_), Some(_)) => {
            problems.push(Problem::Missing {
                path: format!("{prefix}{}", sign::SUMS),
            });
            Signature::Invalid(BadSignature::Mismatch)
        }
        (Some(sums), Some(sig), Some(signers)) => match sign::check(sums, sig, signers) {
            Ok(s) => Signature::Valid(s),
            Err(e) => Signature::Invalid(e),
        },
    }
}

/// Every line of `SHA256SUMS` matches its file; every file is listed.
fn check_sums(sums: &[u8], inside: &[(String, &[u8])], prefix: &str, problems: &mut Vec<Problem>) {
    let lines = match sign::parse_sums(sums) {
        Ok(l) => l,
        Err(line) => {
            problems.push(Problem::Sums {
                path: format!("{prefix}{}", sign::SUMS),
                why: format!("line {line} is not `<sha256>  <path>`"),
            });
            return;
        }
    };
    for (path, hash) in &lines {
        match inside.iter().find(|(p, _)| p == path) {
            None => problems.push(Problem::Sums {
                path: format!("{prefix}{path}"),
                why: "listed, but not in the pack".into(),
            }),
            Some((_, b)) if sha256(b) != *hash => problems.push(Problem::Sums {
                path: format!("{prefix}{path}"),
                why: format!("sha256 {}, SHA256SUMS says {hash}", sha256(b)),
            }),
            Some(_) => {}
        }
    }
    for (p, _) in inside {
        if p != sign::SUMS && p != sign::SIG && !lines.iter().any(|(l, _)| l == p) {
            problems.push(Problem::Sums {
                path: format!("{prefix}{p}"),
                why: "in the pack, not listed".into(),
            });
        }
    }
}

/// The pack's root inside what was read: where `manifest.json` is, at the
/// top or one folder down (pack.zip holds `pack/...`; `out/` holds `pack/`).
fn root(files: &Files, shown: &str) -> Result<String, VerifyError> {
    Ok(if files.iter().any(|(p, _)| p == MANIFEST) {
        String::new()
    } else {
        let nested: Vec<&String> = files
            .iter()
            .map(|(p, _)| p)
            .filter(|p| p.matches('/').count() == 1 && p.ends_with(&format!("/{MANIFEST}")))
            .collect();
        let ours = format!("{DIR}/{MANIFEST}");
        match nested.as_slice() {
            // An added folder with its own manifest does not hide ours.
            _ if nested.iter().any(|p| **p == ours) => format!("{DIR}/"),
            [one] => one[..one.len() - MANIFEST.len()].to_string(),
            _ => return Err(VerifyError::NoManifest(shown.to_string())),
        }
    })
}

/// Check one listed file against what the pack holds under that name.
fn compare(l: &Listed, inside: &[(String, &[u8])], prefix: &str, problems: &mut Vec<Problem>) {
    let found: Vec<&(String, &[u8])> = inside.iter().filter(|(p, _)| *p == l.path).collect();
    match found.as_slice() {
        [] => problems.push(Problem::Missing {
            path: format!("{prefix}{}", l.path),
        }),
        [(_, b), rest @ ..] => {
            let h = sha256(b);
            if h != l.sha256 || b.len() as u64 != l.size {
                problems.push(Problem::Altered {
                    path: format!("{prefix}{}", l.path),
                    expected: l.sha256.clone(),
                    found: h,
                });
            }
            // A zip can hold the same name twice; the second copy is
            // what an extractor would leave on disk.
            for (_, b2) in rest {
                if sha256(b2) != l.sha256 {
                    problems.push(Problem::Altered {
                        path: format!("{prefix}{}", l.path),
                        expected: l.sha256.clone(),
                        found: sha256(b2),
                    });
                }
            }
        }
    }
}
