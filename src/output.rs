//! Writing the output folder: everything is rendered in memory first, then
//! written to a temporary folder beside the target and renamed into place,
//! so a failed run leaves the previous output exactly as it was.

use std::path::{Path, PathBuf};

/// One file to write, relative to the output folder.
#[derive(Debug, Clone)]
pub struct OutFile {
    /// Relative path (`ja/nfr.md`).
    pub path: String,
    /// Contents.
    pub bytes: Vec<u8>,
    /// Readable by the owner only (raw observations).
    pub private: bool,
}

/// Failure to write the output.
#[derive(Debug, thiserror::Error)]
#[error("failed to write {path} ({source})")]
pub struct WriteError {
    /// What was being written.
    pub path: PathBuf,
    /// Why.
    #[source]
    pub source: std::io::Error,
}

fn err(path: &Path) -> impl FnOnce(std::io::Error) -> WriteError + '_ {
    move |source| WriteError {
        path: path.to_path_buf(),
        source,
    }
}

/// Replace `out` by a folder holding exactly `files`.
pub fn replace_dir(out: &Path, files: &[OutFile]) -> Result<(), WriteError> {
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(err(&parent))?;
    let tmp = tempfile::Builder::new()
        .prefix(".shoko-new-")
        .tempdir_in(&parent)
        .map_err(err(&parent))?;
    for f in files {
        let p = tmp.path().join(&f.path);
        if let Some(dir) = p.parent() {
            std::fs::create_dir_all(dir).map_err(err(dir))?;
        }
        std::fs::write(&p, &f.bytes).map_err(err(&p))?;
        #[cfg(unix)]
        if f.private {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600))
                .map_err(err(&p))?;
        }
    }
    let staged = tmp.keep();
    if out.exists() {
        let old = tempfile::Builder::new()
            .prefix(".shoko-old-")
            .tempdir_in(&parent)
            .map_err(err(&parent))?
            .keep();
        // `old` exists as an empty folder; rename needs it gone on some systems.
        std::fs::remove_dir(&old).map_err(err(&old))?;
        std::fs::rename(out, &old).map_err(err(out))?;
        if let Err(e) = std::fs::rename(&staged, out) {
            // Put the previous output back.
            let _ = std::fs::rename(&old, out);
            let _ = std::fs::remove_dir_all(&staged);
            return Err(WriteError {
                path: out.to_path_buf(),
                source: e,
            });
        }
        std::fs::remove_dir_all(&old).map_err(err(&old))?;
    } else {
        std::fs::rename(&staged, out).map_err(err(out))?;
    }
    Ok(())
}

/// Write one file atomically (temporary file beside it, then rename).
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(err(&parent))?;
    let mut tmp = tempfile::NamedTempFile::new_in(&parent).map_err(err(&parent))?;
    std::io::Write::write_all(&mut tmp, bytes).map_err(err(path))?;
    tmp.persist(path).map_err(|e| WriteError {
        path: path.to_path_buf(),
        source: e.error,
    })?;
    Ok(())
}
