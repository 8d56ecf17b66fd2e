//! Redaction (`--redact account-ids`): masks 12-digit AWS account IDs in
//! everything a build writes.
//!
//! An account ID is a run of exactly twelve ASCII digits with no ASCII letter
//! or digit right before or after it: that catches `111122223333` in an ARN
//! (`arn:aws:kms:ap-northeast-1:111122223333:key/...`), in JSON, in a bucket
//! name (`recordings-111122223333`) or next to Japanese text, and never
//! touches a SHA-256 in hex (its digit runs always touch a hex letter or are
//! longer), so hashes stay checkable. The mask keeps the shape and is inert
//! in Markdown, Typst, CSV and JSON: `xxxxxxxxxxxx`.

use serde_json::Value;

/// What to redact.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Redaction {
    /// Mask 12-digit AWS account IDs.
    pub account_ids: bool,
}

impl Redaction {
    /// Parse `--redact` values (`account-ids`); the error is the unknown value.
    pub fn parse(values: &[String]) -> Result<Redaction, String> {
        let mut r = Redaction::default();
        for v in values {
            match v.trim() {
                "account-ids" => r.account_ids = true,
                other => return Err(other.to_string()),
            }
        }
        Ok(r)
    }
    /// Names of what is redacted, for the manifest.
    pub fn kinds(self) -> Vec<&'static str> {
        if self.account_ids {
            vec!["account-ids"]
        } else {
            Vec::new()
        }
    }
    /// Apply to bytes (text or not: only ASCII digits are replaced).
    pub fn bytes(self, b: &[u8]) -> Vec<u8> {
        if self.account_ids {
            mask_account_ids(b)
        } else {
            b.to_vec()
        }
    }
    /// Apply to text.
    pub fn text(self, s: &str) -> String {
        if self.account_ids {
            // Only ASCII digits become ASCII `x`: still valid UTF-8.
            String::from_utf8(mask_account_ids(s.as_bytes())).unwrap_or_else(|_| s.to_string())
        } else {
            s.to_string()
        }
    }
    /// Apply to every string of a JSON value (keys are field names and stay).
    pub fn json(self, v: &mut Value) {
        if !self.account_ids {
            return;
        }
        match v {
            Value::String(s) => *s = self.text(s),
            Value::Array(items) => items.iter_mut().for_each(|x| self.json(x)),
            Value::Object(map) => map.iter_mut().for_each(|(_, x)| self.json(x)),
            _ => {}
        }
    }
}

/// The mask put in place of an account ID.
pub const MASK: &str = "xxxxxxxxxxxx";

/// Positions `(start, end)` of every account ID in `b`.
pub fn find_account_ids(b: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            let before = start.checked_sub(1).map(|j| b[j]);
            let after = b.get(i).copied();
            let bounded = |c: Option<u8>| c.is_none_or(|c| !c.is_ascii_alphanumeric());
            if i - start == 12 && bounded(before) && bounded(after) {
                out.push((start, i));
            }
        } else {
            i += 1;
        }
    }
    out
}

/// Replace every account ID in `b` by [`MASK`].
pub fn mask_account_ids(b: &[u8]) -> Vec<u8> {
    let mut out = b.to_vec();
    for (s, e) in find_account_ids(b) {
        out[s..e].copy_from_slice(MASK.as_bytes());
    }
    out
}

#[cfg(test)]
#[path = "redact_tests.rs"]
mod tests;
