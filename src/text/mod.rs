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

/// The known name `got` is a slip of the keyboard for: at most two edits
/// (a transposition counts as one) and fewer than a third of its letters.
/// Names that merely look alike (`deletion.at-contract-end` and
/// `deletion.on-instance-delete`) mean different things: no suggestion.
pub fn closest_typo<'a>(got: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = 2.min(got.chars().count().saturating_sub(1) / 3);
    let mut best: Option<(usize, &str)> = None;
    for k in known {
        let d = strsim::osa_distance(got, k);
        let better = match best {
            None => true,
            Some((bd, bk)) => d < bd || (d == bd && k < bk),
        };
        if better {
            best = Some((d, k));
        }
    }
    best.filter(|(d, _)| *d <= limit).map(|(_, k)| k)
}

/// "did you mean `name`?" only for a slip of the keyboard (see [`closest_typo`]).
pub fn did_you_mean_typo<'a>(
    got: &str,
    known: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    closest_typo(got, known).map(|k| format!("did you mean `{k}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typo_suggestions_never_change_the_meaning() {
        let known = [
            "retention",
            "deletion.on-request",
            "deletion.on-instance-delete",
            "encryption.at-rest.key",
        ];
        assert_eq!(closest_typo("retension", known), Some("retention"));
        assert_eq!(
            closest_typo("encryption.at-rest.kye", known),
            Some("encryption.at-rest.key")
        );
        assert_eq!(
            closest_typo("deletion.on-requst", known),
            Some("deletion.on-request")
        );
        assert_eq!(closest_typo("deletion.at-contract-end", known), None);
        assert_eq!(closest_typo("deletion.on-contract-end", known), None);
        assert_eq!(closest_typo("deletion", known), None);
    }

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
