//! Signed packs: `SHA256SUMS` (GNU `sha256sum` format, every file of the
//! pack) and `SHA256SUMS.sig`, an OpenSSH signature (`ssh-keygen -Y sign`
//! format, RustCrypto's `ssh-key`) with namespace `shoko-pack`.
//!
//! A reviewer without shoko checks a pack with the tools they have:
//!
//! ```text
//! ssh-keygen -Y verify -f allowed_signers -I <identity> -n shoko-pack -s SHA256SUMS.sig < SHA256SUMS
//! sha256sum -c SHA256SUMS
//! ```
//!
//! Ed25519, ECDSA (P-256, P-384) and RSA keys sign; their signatures are
//! deterministic (Ed25519 by design, ECDSA through RFC 6979, RSA PKCS#1
//! v1.5), so the same inputs, key and `--as-of` give the same `pack.zip`.
//! A passphrase-protected key is refused: shoko never asks for a passphrase.

use ssh_key::{HashAlg, LineEnding, PrivateKey, PublicKey, SshSig};
use std::path::Path;

/// The signature's namespace (`ssh-keygen -Y ... -n shoko-pack`).
pub const NAMESPACE: &str = "shoko-pack";
/// The checksum file's name inside the pack.
pub const SUMS: &str = "SHA256SUMS";
/// The signature's name inside the pack.
pub const SIG: &str = "SHA256SUMS.sig";

/// A private key that signs packs. Its `Debug` shows the fingerprint only.
#[derive(Clone)]
pub struct SigningKey {
    key: PrivateKey,
}

impl std::fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SigningKey({})", self.fingerprint())
    }
}

/// A key that cannot sign.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    /// The file cannot be read.
    #[error("--sign-key {path}: cannot read it ({source})")]
    Read {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// Not an OpenSSH private key.
    #[error("--sign-key {path}: not an OpenSSH private key ({message})\n  hint: make one with `ssh-keygen -t ed25519 -f KEY`, or convert with `ssh-keygen -p -f KEY`")]
    Parse {
        /// The file.
        path: String,
        /// Why.
        message: String,
    },
    /// Protected by a passphrase.
    #[error("--sign-key {path}: the key is protected by a passphrase, and shoko does not ask for one\n  hint: sign with a key kept for signing packs and no passphrase (`ssh-keygen -t ed25519 -N '' -f pack-signing-key`), stored where only the build can read it")]
    Encrypted {
        /// The file.
        path: String,
    },
    /// A key type that cannot sign here.
    #[error("--sign-key {path}: {algorithm} keys cannot sign packs\n  hint: use an Ed25519 key (`ssh-keygen -t ed25519`); ECDSA P-256/P-384 and RSA also work")]
    Unsupported {
        /// The file.
        path: String,
        /// The key's algorithm.
        algorithm: String,
    },
}

/// Signing failed (the key's algorithm could not sign).
#[derive(Debug, thiserror::Error)]
#[error("signing SHA256SUMS failed ({0})")]
pub struct SignError(String);

impl SigningKey {
    /// Read an OpenSSH private key file.
    pub fn load(path: &Path) -> Result<SigningKey, KeyError> {
        let shown = path.display().to_string();
        let text = std::fs::read(path).map_err(|source| KeyError::Read {
            path: shown.clone(),
            source,
        })?;
        let key = PrivateKey::from_openssh(&text).map_err(|e| KeyError::Parse {
            path: shown.clone(),
            message: e.to_string(),
        })?;
        if key.is_encrypted() {
            return Err(KeyError::Encrypted { path: shown });
        }
        let key = SigningKey { key };
        // Sign once now, so an unsupported key fails before anything is built.
        key.sign(b"").map_err(|_| KeyError::Unsupported {
            path: shown,
            algorithm: key.key.algorithm().to_string(),
        })?;
        Ok(key)
    }

    /// `SHA256:...`, as `ssh-keygen -l` shows it.
    pub fn fingerprint(&self) -> String {
        self.key.fingerprint(HashAlg::Sha256).to_string()
    }

    /// The public key in `authorized_keys` form (for an allowed_signers line).
    pub fn public_openssh(&self) -> String {
        self.key.public_key().to_openssh().unwrap_or_default()
    }

    /// The signature of `msg` in namespace [`NAMESPACE`], PEM-armoured as
    /// `ssh-keygen -Y sign` writes it.
    pub fn sign(&self, msg: &[u8]) -> Result<Vec<u8>, SignError> {
        let sig = self
            .key
            .sign(NAMESPACE, HashAlg::Sha512, msg)
            .map_err(|e| SignError(e.to_string()))?;
        let mut pem = sig
            .to_pem(LineEnding::LF)
            .map_err(|e| SignError(e.to_string()))?;
        if !pem.ends_with('\n') {
            pem.push('\n');
        }
        Ok(pem.into_bytes())
    }
}

/// `SHA256SUMS`: one `<sha256>  <path>` line per file, in the order given
/// (the pack's path order), as `sha256sum` writes it.
pub fn sums<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> Vec<u8> {
    let mut out = String::new();
    for (path, bytes) in files {
        out.push_str(&crate::text::sha256_hex(bytes));
        out.push_str("  ");
        out.push_str(path);
        out.push('\n');
    }
    out.into_bytes()
}

/// Parse `SHA256SUMS`: `(path, sha256)` per line, or the 1-based line that
/// is not in `sha256sum` form.
pub fn parse_sums(bytes: &[u8]) -> Result<Vec<(String, String)>, usize> {
    let text = std::str::from_utf8(bytes).map_err(|_| 1usize)?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let (hash, path) = line.split_once("  ").ok_or(i + 1)?;
        let path = path.strip_prefix('*').unwrap_or(path);
        if hash.len() != 64 || !hash.bytes().all(|b| b.is_ascii_hexdigit()) || path.is_empty() {
            return Err(i + 1);
        }
        out.push((path.to_string(), hash.to_ascii_lowercase()));
    }
    Ok(out)
}

/// One line of an `allowed_signers` file (ssh-keygen(1), ALLOWED SIGNERS).
#[derive(Debug, Clone)]
pub struct AllowedSigner {
    /// The principals field as written (`release@example.com,ops@*`).
    pub principals: String,
    /// `namespaces="..."`, when given.
    pub namespaces: Option<Vec<String>>,
    /// `cert-authority`: the key signs certificates, not packs.
    pub cert_authority: bool,
    /// The public key.
    pub key: PublicKey,
    /// Line in the file.
    pub line: usize,
}

/// Split a line into fields at blanks, keeping double-quoted runs whole.
fn fields(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for ch in line.chars() {
        match ch {
            '"' => {
                quoted = !quoted;
                cur.push(ch);
            }
            c if c.is_whitespace() && !quoted => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            c => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn is_key_type(s: &str) -> bool {
    s.starts_with("ssh-") || s.starts_with("ecdsa-") || s.starts_with("sk-")
}

/// Parse an `allowed_signers` file; an error names the file's line.
pub fn parse_allowed_signers(text: &str) -> Result<Vec<AllowedSigner>, (usize, String)> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let f = fields(line);
        let principals = f[0].trim_matches('"').to_string();
        let mut rest = &f[1..];
        let mut namespaces = None;
        let mut cert_authority = false;
        if let Some(first) = rest.first().filter(|s| !is_key_type(s)) {
            for opt in first.split(',') {
                let (name, value) = opt.split_once('=').unwrap_or((opt, ""));
                match name.to_ascii_lowercase().as_str() {
                    "namespaces" => {
                        namespaces = Some(
                            value
                                .trim_matches('"')
                                .split(',')
                                .map(|s| s.trim().to_string())
                                .collect(),
                        )
                    }
                    "cert-authority" => cert_authority = true,
                    other => {
                        return Err((
                            i + 1,
                            format!("option `{other}` is not supported by shoko verify (namespaces and cert-authority are)"),
                        ))
                    }
                }
            }
            rest = &rest[1..];
        }
        if rest.len() < 2 {
            return Err((
                i + 1,
                "expected `principals [options] key-type base64-key [comment]`".into(),
            ));
        }
        let key = PublicKey::from_openssh(&rest.join(" "))
            .map_err(|e| (i + 1, format!("not a public key ({e})")))?;
        out.push(AllowedSigner {
            principals,
            namespaces,
            cert_authority,
            key,
            line: i + 1,
        });
    }
    Ok(out)
}

/// Who signed, when the signature checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signer {
    /// The allowed_signers principals of the signing key.
    pub principals: String,
    /// The key's fingerprint.
    pub fingerprint: String,
    /// The key's algorithm.
    pub algorithm: String,
}

/// Why a signature does not check.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BadSignature {
    /// Not an SSH signature.
    #[error("SHA256SUMS.sig is not an SSH signature ({0})")]
    Malformed(String),
    /// Made for another purpose.
    #[error("SHA256SUMS.sig was made for namespace `{0}`, not `shoko-pack`")]
    Namespace(String),
    /// The key is not in the allowed signers.
    #[error("SHA256SUMS.sig is signed by {0}, a key that is not in the allowed signers for namespace shoko-pack")]
    UnknownKey(String),
    /// The signature does not match SHA256SUMS.
    #[error("SHA256SUMS.sig does not match SHA256SUMS (the file or the signature was altered)")]
    Mismatch,
}

/// Check `sig` (PEM) over `sums` against the allowed signers.
pub fn check(sums: &[u8], sig: &[u8], signers: &[AllowedSigner]) -> Result<Signer, BadSignature> {
    let text = std::str::from_utf8(sig).map_err(|_| BadSignature::Malformed("not text".into()))?;
    let sig = SshSig::from_pem(text.trim()).map_err(|e| BadSignature::Malformed(e.to_string()))?;
    if sig.namespace() != NAMESPACE {
        return Err(BadSignature::Namespace(sig.namespace().to_string()));
    }
    let fingerprint = sig.public_key().fingerprint(HashAlg::Sha256).to_string();
    let signer = signers
        .iter()
        .filter(|s| !s.cert_authority && s.key.key_data() == sig.public_key())
        .find(|s| {
            s.namespaces
                .as_ref()
                .is_none_or(|n| n.iter().any(|x| x == NAMESPACE))
        })
        .ok_or_else(|| BadSignature::UnknownKey(fingerprint.clone()))?;
    signer
        .key
        .verify(NAMESPACE, sums, &sig)
        .map_err(|_| BadSignature::Mismatch)?;
    Ok(Signer {
        principals: signer.principals.clone(),
        fingerprint,
        algorithm: sig.algorithm().to_string(),
    })
}
