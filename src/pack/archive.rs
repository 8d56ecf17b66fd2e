//! `pack.zip`: writing it reproducibly and reading it safely.
//!
//! Writing: entries in path order under `pack/`, every timestamp the as-of
//! date at 00:00, fixed permissions (0644, or 0600 for raw observations),
//! deflate at the default level. Same files and as-of → same bytes.
//!
//! Reading (for `shoko verify`): entries are read into memory and never
//! extracted, so nothing is written anywhere. Entry names that are absolute
//! or climb out with `..` are not read; they are returned as unsafe for the
//! caller to report. Sizes are capped so a zip bomb cannot exhaust memory.

use super::{safe_path, PackError, PackFile, DIR};
use std::io::{Read, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

/// Largest total of uncompressed bytes `read` accepts.
pub const MAX_TOTAL_BYTES: u64 = 2 * 1024 * 1024 * 1024;

/// Most entries `read` accepts.
pub const MAX_ENTRIES: usize = 100_000;

fn timestamp(as_of: &str) -> DateTime {
    use chrono::Datelike;
    chrono::NaiveDate::parse_from_str(as_of, "%Y-%m-%d")
        .ok()
        .and_then(|d| {
            DateTime::from_date_and_time(
                u16::try_from(d.year()).ok()?,
                d.month() as u8,
                d.day() as u8,
                0,
                0,
                0,
            )
            .ok()
        })
        .unwrap_or_default()
}

/// The zip of `files` (already in path order).
pub(crate) fn write(files: &[PackFile], as_of: &str) -> Result<Vec<u8>, PackError> {
    let mut z = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let base = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(timestamp(as_of));
    for f in files {
        let opts = base.unix_permissions(if f.private { 0o600 } else { 0o644 });
        z.start_file(format!("{DIR}/{}", f.path), opts)?;
        z.write_all(&f.bytes)
            .map_err(|e| PackError::Zip(zip::result::ZipError::Io(e)))?;
    }
    Ok(z.finish()?.into_inner())
}

/// What a zip holds.
#[derive(Debug, Default)]
pub struct ZipContents {
    /// Safe entries: name and bytes, in archive order.
    pub files: Vec<(String, Vec<u8>)>,
    /// Entries that were not read: absolute, `..`, or otherwise unsafe names.
    pub unsafe_names: Vec<String>,
}

/// Failure to read a zip at all.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// Not a zip, or a corrupt one.
    #[error("not a readable zip archive ({0})")]
    Zip(#[from] zip::result::ZipError),
    /// Reading an entry failed.
    #[error("cannot read entry {name} ({source})")]
    Entry {
        /// Entry name.
        name: String,
        /// Why.
        source: std::io::Error,
    },
    /// Larger than the caps.
    #[error(
        "the archive is too large to verify (over {0} bytes uncompressed, or too many entries)"
    )]
    TooLarge(u64),
}

/// Read every entry of a zip into memory, without extracting anything.
pub fn read(bytes: &[u8]) -> Result<ZipContents, ReadError> {
    let mut z = ZipArchive::new(std::io::Cursor::new(bytes))?;
    if z.len() > MAX_ENTRIES {
        return Err(ReadError::TooLarge(MAX_TOTAL_BYTES));
    }
    let mut out = ZipContents::default();
    let mut total: u64 = 0;
    for i in 0..z.len() {
        let mut e = z.by_index(i)?;
        let name = String::from_utf8_lossy(e.name_raw()).into_owned();
        if e.is_dir() {
            let trimmed = name.trim_end_matches('/');
            if !trimmed.is_empty() && !safe_path(trimmed) {
                out.unsafe_names.push(name);
            }
            continue;
        }
        if !safe_path(&name) {
            out.unsafe_names.push(name);
            continue;
        }
        let left = MAX_TOTAL_BYTES - total;
        let mut buf = Vec::new();
        (&mut e)
            .take(left + 1)
            .read_to_end(&mut buf)
            .map_err(|source| ReadError::Entry {
                name: name.clone(),
                source,
            })?;
        total += buf.len() as u64;
        if total > MAX_TOTAL_BYTES {
            return Err(ReadError::TooLarge(MAX_TOTAL_BYTES));
        }
        out.files.push((name, buf));
    }
    Ok(out)
}
