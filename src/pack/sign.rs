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
//! Such a key signs through a running ssh-agent instead: `--sign-key` given
//! the public key (`KEY.pub`) or its `SHA256:` fingerprint asks the agent of
//! `SSH_AUTH_SOCK` (`ssh-agent-client-rs`) to sign what `ssh-keygen -Y sign`
//! would, and the signature is the same file.

use ssh_agent_client_rs::{Client, Identity};
use ssh_key::{HashAlg, LineEnding, PrivateKey, PublicKey, SshSig};
use std::path::{Path, PathBuf};

/// The signature's namespace (`ssh-keygen -Y ... -n shoko-pack`).
pub const NAMESPACE: &str = "shoko-pack";
/// The checksum file's name inside the pack.
pub const SUMS: &str = "SHA256SUMS";
/// The signature's name inside the pack.
pub const SIG: &str = "SHA256SUMS.sig";

/// A key that signs packs: a private key file, or a key held by a running
/// ssh-agent (`--sign-key` given its public key, or its `SHA256:`
/// fingerprint). Its `Debug` shows the fingerprint only.
#[derive(Clone)]
pub struct SigningKey {
    holder: Holder,
}

#[derive(Clone)]
enum Holder {
    /// The private key, read from its file.
    File(Box<PrivateKey>),
    /// The agent at `socket` holds the private half of `public`.
    Agent { public: PublicKey, socket: PathBuf },
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
    #[error("--sign-key {path}: not an OpenSSH private or public key ({message})\n  hint: make one with `ssh-keygen -t ed25519 -f KEY`, or convert with `ssh-keygen -p -f KEY`; to sign with a key held by ssh-agent, give its public key (KEY.pub)")]
    Parse {
        /// The file.
        path: String,
        /// Why.
        message: String,
    },
    /// Protected by a passphrase.
    #[error("--sign-key {path}: the key is protected by a passphrase, and shoko does not ask for one\n  hint: add it to ssh-agent (`ssh-add {path}`) and give its public key: `--sign-key {path}.pub`; or sign with a key kept for signing packs and no passphrase (`ssh-keygen -t ed25519 -N '' -f pack-signing-key`), stored where only the build can read it")]
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
    /// A public key was given, and no agent is running.
    #[error("--sign-key {path}: a public key signs through ssh-agent, and no agent is running (SSH_AUTH_SOCK is not set)\n  hint: start one (`eval \"$(ssh-agent)\"`), add the key (`ssh-add KEY`), or give the private key file instead")]
    NoAgent {
        /// The file (or fingerprint).
        path: String,
    },
    /// The agent cannot be reached.
    #[error("--sign-key {path}: cannot reach ssh-agent at {socket} ({message})\n  hint: check SSH_AUTH_SOCK; `ssh-add -l` lists the keys of a running agent")]
    AgentUnreachable {
        /// The file (or fingerprint).
        path: String,
        /// SSH_AUTH_SOCK.
        socket: String,
        /// Why.
        message: String,
    },
    /// The agent does not hold the key.
    #[error("--sign-key {path}: ssh-agent does not hold the key {fingerprint}\n  hint: add it with `ssh-add PRIVATE-KEY`; `ssh-add -l` lists the keys it holds")]
    NotInAgent {
        /// The file (or fingerprint).
        path: String,
        /// The key's fingerprint.
        fingerprint: String,
    },
    /// The agent refused to sign.
    #[error("--sign-key {path}: ssh-agent did not sign with {fingerprint} ({message})\n  hint: a key added with `ssh-add -c` needs confirmation; an agent may refuse {algorithm} keys")]
    AgentRefused {
        /// The file (or fingerprint).
        path: String,
        /// The key's fingerprint.
        fingerprint: String,
        /// The key's algorithm.
        algorithm: String,
        /// Why.
        message: String,
    },
}

/// Signing failed (the key's algorithm could not sign, or the agent failed).
#[derive(Debug, thiserror::Error)]
#[error("signing SHA256SUMS failed ({0})")]
pub struct SignError(String);

/// The environment variable naming the agent's socket.
pub const AGENT_SOCK: &str = "SSH_AUTH_SOCK";

impl SigningKey {
    /// Read `--sign-key`: an OpenSSH private key file; a public key file
    /// (`KEY.pub`, signed through the agent of `SSH_AUTH_SOCK`); or, when
    /// no such file exists, a `SHA256:` fingerprint of a key the agent holds.
    pub fn load(path: &Path) -> Result<SigningKey, KeyError> {
        let shown = path.display().to_string();
        if !path.exists() && shown.starts_with("SHA256:") {
            return SigningKey::agent(&shown, |k| {
                k.fingerprint(HashAlg::Sha256).to_string() == shown
            });
        }
        let text = std::fs::read(path).map_err(|source| KeyError::Read {
            path: shown.clone(),
            source,
        })?;
        let key = match PrivateKey::from_openssh(&text) {
            Ok(key) => key,
            Err(e) => {
                let public = std::str::from_utf8(&text)
                    .ok()
                    .and_then(|t| PublicKey::from_openssh(t.trim()).ok());
                return match public {
                    Some(public) => {
                        SigningKey::agent(&shown, |k| k.key_data() == public.key_data())
                    }
                    None => Err(KeyError::Parse {
                        path: shown,
                        message: e.to_string(),
                    }),
                };
            }
        };
        if key.is_encrypted() {
            return Err(KeyError::Encrypted { path: shown });
        }
        let key = SigningKey {
            holder: Holder::File(Box::new(key)),
        };
        // Sign once now, so an unsupported key fails before anything is built.
        key.sign(b"").map_err(|_| KeyError::Unsupported {
            path: shown,
            algorithm: key.algorithm(),
        })?;
        Ok(key)
    }

    /// The agent's key that `wanted` picks; checked by one signature now,
    /// so a key the agent will not use fails before anything is built.
    fn agent(shown: &str, wanted: impl Fn(&PublicKey) -> bool) -> Result<SigningKey, KeyError> {
        let socket = std::env::var_os(AGENT_SOCK)
            .filter(|s| !s.is_empty())
            .map(PathBuf::from)
            .ok_or_else(|| KeyError::NoAgent {
                path: shown.to_string(),
            })?;
        let unreachable = |message: String| KeyError::AgentUnreachable {
            path: shown.to_string(),
            socket: socket.display().to_string(),
            message,
        };
        let mut client = Client::connect(&socket).map_err(|e| unreachable(agent_error(&e)))?;
        let held = client
            .list_all_identities()
            .map_err(|e| unreachable(agent_error(&e)))?;
        let public = held
            .into_iter()
            .find_map(|id| match id {
                Identity::PublicKey(k) => Some(k.into_owned()).filter(&wanted),
                Identity::Certificate(_) => None,
            })
            .ok_or_else(|| KeyError::NotInAgent {
                path: shown.to_string(),
                fingerprint: if shown.starts_with("SHA256:") {
                    shown.to_string()
                } else {
                    std::fs::read_to_string(shown)
                        .ok()
                        .and_then(|t| PublicKey::from_openssh(t.trim()).ok())
                        .map(|k| k.fingerprint(HashAlg::Sha256).to_string())
                        .unwrap_or_default()
                },
            })?;
        let key = SigningKey {
            holder: Holder::Agent { public, socket },
        };
        key.sign(b"").map_err(|e| KeyError::AgentRefused {
            path: shown.to_string(),
            fingerprint: key.fingerprint(),
            algorithm: key.algorithm(),
            message: e.0,
        })?;
        Ok(key)
    }

    fn public(&self) -> PublicKey {
        match &self.holder {
            Holder::File(k) => k.public_key().clone(),
            Holder::Agent { public, .. } => public.clone(),
        }
    }

    fn algorithm(&self) -> String {
        self.public().algorithm().to_string()
    }

    /// Signed through ssh-agent (not with a key file)?
    pub fn via_agent(&self) -> bool {
        matches!(self.holder, Holder::Agent { .. })
    }

    /// `SHA256:...`, as `ssh-keygen -l` shows it.
    pub fn fingerprint(&self) -> String {
        self.public().fingerprint(HashAlg::Sha256).to_string()
    }

    /// The public key in `authorized_keys` form (for an allowed_signers line).
    pub fn public_openssh(&self) -> String {
        self.public().to_openssh().unwrap_or_default()
    }

    /// The signature of `msg` in namespace [`NAMESPACE`], PEM-armoured as
    /// `ssh-keygen -Y sign` writes it.
    pub fn sign(&self, msg: &[u8]) -> Result<Vec<u8>, SignError> {
        let err = |e: &dyn std::fmt::Display| SignError(e.to_string());
        let sig = match &self.holder {
            Holder::File(key) => key
                .sign(NAMESPACE, HashAlg::Sha512, msg)
                .map_err(|e| err(&e))?,
            Holder::Agent { public, socket } => {
                // What `ssh-keygen -Y sign` asks the agent to sign (the
                // SSHSIG preamble with the message's SHA-512).
                let data =
                    SshSig::signed_data(NAMESPACE, HashAlg::Sha512, msg).map_err(|e| err(&e))?;
                let mut client = Client::connect(socket).map_err(|e| SignError(agent_error(&e)))?;
                let signature = client
                    .sign(public, &data)
                    .map_err(|e| SignError(agent_error(&e)))?;
                SshSig::new(
                    public.key_data().clone(),
                    NAMESPACE,
                    HashAlg::Sha512,
                    signature,
                )
                .map_err(|e| err(&e))?
            }
        };
        let mut pem = sig.to_pem(LineEnding::LF).map_err(|e| err(&e))?;
        if !pem.ends_with('\n') {
            pem.push('\n');
        }
        Ok(pem.into_bytes())
    }
}

/// An agent error with its cause (the crate's messages alone are vague).
fn agent_error(e: &ssh_agent_client_rs::Error) -> String {
    use std::error::Error as _;
    match e.source() {
        Some(cause) => format!("{e}: {cause}"),
        None => e.to_string(),
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
