//! Signed packs (issue 19): `build --sign-key` writes `SHA256SUMS` and an
//! OpenSSH signature that the reviewer's own tools (`ssh-keygen -Y verify`,
//! `sha256sum -c`) and `shoko verify --allowed-signers` accept, and that
//! each of them rejects once anything is altered.

use crate::common::{build_example, scratch, shoko, text, AS_OF};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A fresh Ed25519 key `name` (no passphrase) in `dir`, from the real ssh-keygen.
fn keygen(dir: &Path, name: &str, extra: &[&str]) -> PathBuf {
    let key = dir.join(name);
    let mut args = vec!["-q", "-t", "ed25519", "-C", name, "-f"];
    let k = key.display().to_string();
    args.push(&k);
    if !extra.contains(&"-N") {
        args.extend(["-N", ""]);
    }
    args.extend_from_slice(extra);
    crate::common::tool("ssh-keygen", &args);
    key
}

/// `principal KEY.pub` as an allowed_signers file.
fn allowed(dir: &Path, principal: &str, key: &Path, options: &str) -> PathBuf {
    let public = std::fs::read_to_string(key.with_extension("pub")).expect("public key");
    let p = dir.join(format!("allowed_signers_{principal}"));
    std::fs::write(&p, format!("{principal} {options}{public}")).expect("write");
    p
}

fn build(dir: &Path, out: &str, key: &Path) -> Output {
    shoko(
        &[
            "build",
            "-r",
            "requirements.yaml",
            "-a",
            "answers.yaml",
            "--format",
            "md,pack",
            "--as-of",
            AS_OF,
            "--out",
            out,
            "--sign-key",
            &key.display().to_string(),
        ],
        dir,
    )
}

/// `ssh-keygen -Y verify ... < SHA256SUMS` in the pack folder.
fn ssh_verify(pack: &Path, signers: &Path, identity: &str, namespace: &str) -> Output {
    Command::new("ssh-keygen")
        .args(["-Y", "verify", "-f"])
        .arg(signers)
        .args(["-I", identity, "-n", namespace, "-s", "SHA256SUMS.sig"])
        .current_dir(pack)
        .stdin(Stdio::from(
            std::fs::File::open(pack.join("SHA256SUMS")).expect("sums"),
        ))
        .output()
        .expect("ssh-keygen is needed (scripts/test installs openssh-client)")
}

fn sha256sum_check(pack: &Path) -> Output {
    Command::new("sha256sum")
        .args(["-c", "--quiet", "SHA256SUMS"])
        .current_dir(pack)
        .output()
        .expect("sha256sum")
}

fn verify(pack: &Path, signers: Option<&Path>) -> (i32, String) {
    let mut args = vec!["verify".to_string(), pack.display().to_string()];
    if let Some(s) = signers {
        args.extend(["--allowed-signers".into(), s.display().to_string()]);
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = shoko(&args, Path::new("."));
    (o.status.code().unwrap_or(-1), text(&o))
}

/// A copy of the pack folder to tamper with.
fn copy(pack: &Path, to: &Path) -> PathBuf {
    for (rel, bytes) in crate::common::tree(pack) {
        let p = to.join(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, bytes).expect("copy");
    }
    to.to_path_buf()
}

#[test]
fn a_signed_pack_is_accepted_by_ssh_keygen_sha256sum_and_shoko_verify() {
    let dir = scratch();
    let key = keygen(dir.path(), "release", &[]);
    let o = build(dir.path(), "out", &key);
    assert!(o.status.success(), "{}", text(&o));
    let pack = dir.path().join("out/pack");
    let sums = std::fs::read_to_string(pack.join("SHA256SUMS")).expect("SHA256SUMS");
    // Every file of the pack, in sha256sum's own format.
    let files: Vec<String> = crate::common::tree(&pack)
        .into_iter()
        .map(|(p, _)| p)
        .filter(|p| p != "SHA256SUMS" && p != "SHA256SUMS.sig")
        .collect();
    let listed: Vec<&str> = sums.lines().map(|l| &l[66..]).collect();
    assert_eq!(listed, files);
    assert!(sums
        .lines()
        .all(|l| l.as_bytes()[64] == b' ' && l.as_bytes()[65] == b' '));
    assert!(listed.contains(&"manifest.json") && listed.contains(&"claims.json"));

    let signers = allowed(dir.path(), "release@example.com", &key, "");
    let v = ssh_verify(&pack, &signers, "release@example.com", "shoko-pack");
    assert!(v.status.success(), "ssh-keygen -Y verify: {}", text(&v));
    assert!(
        text(&v).contains("Good \"shoko-pack\" signature for release@example.com"),
        "{}",
        text(&v)
    );
    let c = sha256sum_check(&pack);
    assert!(c.status.success(), "sha256sum -c: {}", text(&c));

    for target in [pack.clone(), dir.path().join("out/pack.zip")] {
        let (code, msg) = verify(&target, Some(&signers));
        assert_eq!(code, 0, "{msg}");
        assert!(
            msg.contains("signature: good, signed by release@example.com"),
            "{msg}"
        );
        let (code, msg) = verify(&target, None);
        assert_eq!(code, 0, "{msg}");
        assert!(msg.contains("signature: not checked"), "{msg}");
    }
    // The zip carries both files under pack/.
    let zip = std::fs::read(dir.path().join("out/pack.zip")).expect("zip");
    let z = zip::ZipArchive::new(std::io::Cursor::new(zip)).expect("zip");
    let names: Vec<&str> = z.file_names().collect();
    assert!(
        names.contains(&"pack/SHA256SUMS") && names.contains(&"pack/SHA256SUMS.sig"),
        "{names:?}"
    );
}

#[test]
fn signed_packs_are_byte_identical_for_the_same_inputs_key_and_as_of() {
    let dir = scratch();
    let key = keygen(dir.path(), "release", &[]);
    assert!(build(dir.path(), "a", &key).status.success());
    assert!(build(dir.path(), "b", &key).status.success());
    let a = std::fs::read(dir.path().join("a/pack.zip")).expect("a");
    let b = std::fs::read(dir.path().join("b/pack.zip")).expect("b");
    assert!(a == b, "pack.zip differs between two signed builds");
}

#[test]
fn tampering_is_rejected_by_sha256sum_ssh_keygen_and_shoko_verify() {
    let dir = scratch();
    let key = keygen(dir.path(), "release", &[]);
    let other = keygen(dir.path(), "intruder", &[]);
    assert!(build(dir.path(), "out", &key).status.success());
    let pack = dir.path().join("out/pack");
    let signers = allowed(dir.path(), "release@example.com", &key, "");

    // One altered byte in any pack file.
    for file in [
        "claims.json",
        "gaps.csv",
        "documents/en/nfr.md",
        "questionnaire.xlsx",
        "manifest.json",
    ] {
        let t = tempfile::tempdir().expect("tmp");
        let copy = copy(&pack, t.path());
        let mut bytes = std::fs::read(copy.join(file)).expect(file);
        // The manifest keeps parsing (its as-of date changes by one digit);
        // elsewhere a byte in the middle flips.
        let at = match file {
            "manifest.json" => {
                let text = String::from_utf8_lossy(&bytes);
                text.find(AS_OF).expect("as_of in the manifest") + AS_OF.len() - 1
            }
            _ => bytes.len() / 2,
        };
        bytes[at] ^= 0x01;
        std::fs::write(copy.join(file), bytes).expect("write");
        assert!(
            !sha256sum_check(&copy).status.success(),
            "sha256sum -c accepted {file} altered"
        );
        let (code, msg) = verify(&copy, Some(&signers));
        assert_eq!(code, 1, "{file}: {msg}");
        assert!(msg.contains(file), "{msg}");
    }

    // SHA256SUMS altered to match an altered file: hashes agree, the signature does not.
    let t = tempfile::tempdir().expect("tmp");
    let copy1 = copy(&pack, t.path());
    let mut claims = std::fs::read(copy1.join("claims.json")).expect("claims");
    claims.extend_from_slice(b" ");
    std::fs::write(copy1.join("claims.json"), &claims).expect("w");
    let sums = std::fs::read_to_string(copy1.join("SHA256SUMS")).expect("sums");
    let fixed: String = sums
        .lines()
        .map(|l| {
            if l.ends_with("  claims.json") {
                format!(
                    "{}  claims.json\n",
                    hex::encode(<sha2::Sha256 as sha2::Digest>::digest(&claims))
                )
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    std::fs::write(copy1.join("SHA256SUMS"), fixed).expect("w");
    assert!(
        sha256sum_check(&copy1).status.success(),
        "the forged sums agree with the files"
    );
    assert!(
        !ssh_verify(&copy1, &signers, "release@example.com", "shoko-pack")
            .status
            .success()
    );
    let (code, msg) = verify(&copy1, Some(&signers));
    assert_eq!(code, 1, "{msg}");
    assert!(msg.contains("signature: BAD"), "{msg}");

    // Signed by another key (SHA256SUMS re-signed with it).
    let t = tempfile::tempdir().expect("tmp");
    let copy2 = copy(&pack, t.path());
    std::fs::remove_file(copy2.join("SHA256SUMS.sig")).expect("rm");
    crate::common::tool(
        "ssh-keygen",
        &[
            "-q",
            "-Y",
            "sign",
            "-f",
            &other.display().to_string(),
            "-n",
            "shoko-pack",
            &copy2.join("SHA256SUMS").display().to_string(),
        ],
    );
    assert!(
        !ssh_verify(&copy2, &signers, "release@example.com", "shoko-pack")
            .status
            .success()
    );
    let (code, msg) = verify(&copy2, Some(&signers));
    assert_eq!(code, 1, "{msg}");
    assert!(msg.contains("not in the allowed signers"), "{msg}");

    // Signed with the right key in the wrong namespace.
    let t = tempfile::tempdir().expect("tmp");
    let copy3 = copy(&pack, t.path());
    std::fs::remove_file(copy3.join("SHA256SUMS.sig")).expect("rm");
    crate::common::tool(
        "ssh-keygen",
        &[
            "-q",
            "-Y",
            "sign",
            "-f",
            &key.display().to_string(),
            "-n",
            "file",
            &copy3.join("SHA256SUMS").display().to_string(),
        ],
    );
    assert!(
        !ssh_verify(&copy3, &signers, "release@example.com", "shoko-pack")
            .status
            .success()
    );
    let (code, msg) = verify(&copy3, Some(&signers));
    assert_eq!(code, 1, "{msg}");
    assert!(msg.contains("namespace `file`"), "{msg}");

    // The real pack checked against someone else's allowed signers.
    let theirs = allowed(dir.path(), "intruder@example.com", &other, "");
    assert!(
        !ssh_verify(&pack, &theirs, "intruder@example.com", "shoko-pack")
            .status
            .success()
    );
    assert_eq!(verify(&pack, Some(&theirs)).0, 1);
    // A signers line restricted to another namespace does not vouch for packs.
    let git_only = allowed(dir.path(), "git@example.com", &key, "namespaces=\"git\" ");
    assert!(
        !ssh_verify(&pack, &git_only, "git@example.com", "shoko-pack")
            .status
            .success()
    );
    assert_eq!(verify(&pack, Some(&git_only)).0, 1);
}

#[test]
fn unsigned_packs_and_bad_keys_say_so() {
    let dir = scratch();
    build_example(dir.path(), "pack", &[]);
    let key = keygen(dir.path(), "release", &[]);
    let signers = allowed(dir.path(), "release@example.com", &key, "");
    let (code, msg) = verify(&dir.path().join("out/pack.zip"), None);
    assert_eq!(code, 0, "{msg}");
    assert!(msg.contains("not signed"), "{msg}");
    let (code, msg) = verify(&dir.path().join("out/pack.zip"), Some(&signers));
    assert_eq!(code, 1, "a signature was asked for: {msg}");

    // A passphrase-protected key is refused before anything is written.
    let locked = keygen(dir.path(), "locked", &["-N", "correct horse"]);
    let o = build(dir.path(), "locked-out", &locked);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("passphrase"), "{}", text(&o));
    assert!(!dir.path().join("locked-out").exists());
    // Not a key at all.
    let o = build(dir.path(), "bad-out", &dir.path().join("requirements.yaml"));
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(
        text(&o).contains("not an OpenSSH private or public key"),
        "{}",
        text(&o)
    );
    // A broken allowed_signers file names its line.
    std::fs::write(
        dir.path().join("broken"),
        "# signers\nrelease@example.com ssh-ed25519 !!!\n",
    )
    .expect("w");
    let (code, msg) = verify(
        &dir.path().join("out/pack.zip"),
        Some(&dir.path().join("broken")),
    );
    assert_eq!(code, 2, "{msg}");
    assert!(msg.contains("broken:2:1"), "{msg}");
}

/// A real `ssh-agent` on a socket in `dir`, ended when dropped.
struct Agent {
    child: std::process::Child,
    sock: PathBuf,
}

impl Drop for Agent {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Agent {
    fn start(dir: &Path) -> Agent {
        let sock = dir.join("agent.sock");
        let child = Command::new("ssh-agent")
            .arg("-D")
            .arg("-a")
            .arg(&sock)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("ssh-agent is needed (scripts/test installs openssh-client)");
        let agent = Agent { child, sock };
        for _ in 0..200 {
            if agent.sock.exists() {
                return agent;
            }
            std::thread::sleep(std::time::Duration::from_millis(25));
        }
        panic!("ssh-agent did not open {}", agent.sock.display());
    }

    /// `ssh-add KEY`, answering a passphrase through SSH_ASKPASS.
    fn add(&self, dir: &Path, key: &Path, passphrase: &str) {
        let askpass = dir.join("askpass.sh");
        std::fs::write(&askpass, format!("#!/bin/sh\necho '{passphrase}'\n")).expect("askpass");
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&askpass, std::fs::Permissions::from_mode(0o700)).expect("chmod");
        let o = Command::new("ssh-add")
            .arg(key)
            .env("SSH_AUTH_SOCK", &self.sock)
            .env("SSH_ASKPASS", &askpass)
            .env("SSH_ASKPASS_REQUIRE", "force")
            .env("DISPLAY", ":0")
            .stdin(Stdio::null())
            .output()
            .expect("ssh-add is needed (scripts/test installs openssh-client)");
        assert!(o.status.success(), "ssh-add: {}", text(&o));
    }
}

/// `shoko build ... --sign-key KEY` with SSH_AUTH_SOCK set to `sock` (or unset).
fn build_with_agent(dir: &Path, out: &str, key: &str, sock: Option<&Path>) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_shoko"));
    c.args([
        "build",
        "-r",
        "requirements.yaml",
        "-a",
        "answers.yaml",
        "--format",
        "md,pack",
        "--as-of",
        AS_OF,
        "--out",
        out,
        "--sign-key",
        key,
    ])
    .current_dir(dir);
    match sock {
        Some(s) => c.env("SSH_AUTH_SOCK", s),
        None => c.env_remove("SSH_AUTH_SOCK"),
    };
    c.output().expect("run shoko")
}

#[test]
fn a_passphrase_key_held_by_ssh_agent_signs_through_the_agent() {
    let dir = scratch();
    let d = dir.path();
    let agent = Agent::start(d);
    let locked = keygen(d, "locked", &["-N", "correct horse"]);
    agent.add(d, &locked, "correct horse");
    let public = locked.with_extension("pub");
    let o = build_with_agent(d, "out", &public.display().to_string(), Some(&agent.sock));
    assert!(o.status.success(), "{}", text(&o));
    let pack = d.join("out/pack");
    let signers = allowed(d, "release@example.com", &locked, "");
    let v = ssh_verify(&pack, &signers, "release@example.com", "shoko-pack");
    assert!(v.status.success(), "ssh-keygen -Y verify: {}", text(&v));
    let c = sha256sum_check(&pack);
    assert!(c.status.success(), "sha256sum -c: {}", text(&c));
    for target in [pack.clone(), d.join("out/pack.zip")] {
        let (code, msg) = verify(&target, Some(&signers));
        assert_eq!(code, 0, "{msg}");
        assert!(
            msg.contains("signature: good, signed by release@example.com"),
            "{msg}"
        );
    }
    // The agent identity by its fingerprint signs the same bytes (Ed25519
    // is deterministic).
    let fp = crate::common::tool("ssh-keygen", &["-l", "-f", public.to_str().expect("path")]);
    let fp = fp
        .split_whitespace()
        .nth(1)
        .expect("fingerprint")
        .to_string();
    assert!(fp.starts_with("SHA256:"), "{fp}");
    let o = build_with_agent(d, "by-fingerprint", &fp, Some(&agent.sock));
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        std::fs::read(d.join("out/pack.zip")).expect("a")
            == std::fs::read(d.join("by-fingerprint/pack.zip")).expect("b"),
        "signing by fingerprint gives another pack.zip"
    );
}

#[test]
fn the_agent_signs_exactly_what_the_key_file_signs() {
    let dir = scratch();
    let d = dir.path();
    let agent = Agent::start(d);
    let key = keygen(d, "release", &[]);
    agent.add(d, &key, "");
    let o = build_with_agent(
        d,
        "via-agent",
        &format!("{}.pub", key.display()),
        Some(&agent.sock),
    );
    assert!(o.status.success(), "{}", text(&o));
    let o = build(d, "via-file", &key);
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        std::fs::read(d.join("via-agent/pack/SHA256SUMS.sig")).expect("a")
            == std::fs::read(d.join("via-file/pack/SHA256SUMS.sig")).expect("b"),
        "the agent's signature differs from the key file's"
    );
    assert!(
        std::fs::read(d.join("via-agent/pack.zip")).expect("a")
            == std::fs::read(d.join("via-file/pack.zip")).expect("b"),
        "pack.zip differs between agent and key file"
    );
}

#[test]
fn no_agent_or_a_key_the_agent_lacks_is_a_clear_error_and_writes_nothing() {
    let dir = scratch();
    let d = dir.path();
    let key = keygen(d, "release", &[]);
    let other = keygen(d, "other", &[]);
    let public = format!("{}.pub", key.display());
    // No agent running.
    let o = build_with_agent(d, "no-agent", &public, None);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(
        text(&o).contains("no agent is running") && text(&o).contains("SSH_AUTH_SOCK"),
        "{}",
        text(&o)
    );
    assert!(!d.join("no-agent").exists(), "nothing written");
    // SSH_AUTH_SOCK names no agent.
    let o = build_with_agent(d, "gone", &public, Some(&d.join("no-such.sock")));
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("cannot reach ssh-agent"), "{}", text(&o));
    assert!(!d.join("gone").exists(), "nothing written");
    // An agent that holds another key.
    let agent = Agent::start(d);
    agent.add(d, &other, "");
    let o = build_with_agent(d, "missing", &public, Some(&agent.sock));
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    let fp = crate::common::tool("ssh-keygen", &["-l", "-f", &public]);
    let fp = fp.split_whitespace().nth(1).expect("fingerprint");
    assert!(
        text(&o).contains("ssh-agent does not hold the key") && text(&o).contains(fp),
        "{}",
        text(&o)
    );
    assert!(text(&o).contains("ssh-add"), "{}", text(&o));
    assert!(!d.join("missing").exists(), "nothing written");
    // A fingerprint the agent does not hold.
    let o = build_with_agent(d, "missing-fp", fp, Some(&agent.sock));
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(!d.join("missing-fp").exists(), "nothing written");
}
