//! Neutral text helpers every layer may use: Markdown escaping, SHA-256
//! digests and "did you mean" suggestions. Nothing here knows about the
//! domain, files or AWS.

pub mod escape;

use sha2::{Digest, Sha256};

/// SHA-256 of `bytes`, lower-case hex (how every digest in shoko is shown).
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// The known name closest to `got` (Jaro-Winkler similarity at least 0.8;
/// ties go to the name that sorts first), for "did you mean" hints.
pub fn closest<'a>(got: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let mut best: Option<(f64, &str)> = None;
    for k in known {
        let score = strsim::jaro_winkler(got, k);
        let better = match best {
            None => true,
            Some((s, bk)) => score > s || (score == s && k < bk),
        };
        if better {
            best = Some((score, k));
        }
    }
    best.filter(|(s, _)| *s >= 0.8).map(|(_, k)| k)
}

/// "did you mean `name`?" for the closest known name, if any is close.
pub fn did_you_mean<'a>(got: &str, known: impl IntoIterator<Item = &'a str>) -> Option<String> {
    closest(got, known).map(|k| format!("did you mean `{k}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_only_close_names() {
        let known = ["expect", "priority", "title"];
        assert_eq!(
            did_you_mean("expct", known).as_deref(),
            Some("did you mean `expect`?")
        );
        assert_eq!(did_you_mean("zzz", known), None);
    }

    #[test]
    fn digest_is_lower_case_hex() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
