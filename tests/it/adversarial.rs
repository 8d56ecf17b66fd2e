//! Hostile and odd inputs: each ends in a clear message (or is accepted),
//! never a crash, a hang or unbounded memory.

use crate::common;

use crate::common::{scratch, shoko, text};

#[test]
fn a_yaml_alias_bomb_is_refused_at_the_first_alias() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut bomb = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (i, name) in ["b", "c", "d", "e", "f", "g", "h", "i"].iter().enumerate() {
        let prev = ["a", "b", "c", "d", "e", "f", "g", "h"][i];
        bomb.push_str(&format!(
            "{name}: &{name} [{}]\n",
            vec![format!("*{prev}"); 9].join(",")
        ));
    }
    std::fs::write(dir.path().join("bomb.yaml"), bomb).expect("write");
    let o = shoko(&["check", "-r", "bomb.yaml"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o).contains("error[E003]: bomb.yaml:2:"),
        "{}",
        text(&o)
    );
}

#[test]
fn a_50_mb_file_is_refused_with_the_limit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let line = "# padding padding padding padding padding padding padding padding padding\n";
    std::fs::write(
        dir.path().join("big.yaml"),
        line.repeat(50 * 1024 * 1024 / line.len()),
    )
    .expect("write");
    let o = shoko(&["check", "-a", "big.yaml"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o).contains("error[E016]: big.yaml:1:1: the file is"),
        "{}",
        text(&o)
    );
}

#[test]
fn ten_thousand_levels_of_nesting_are_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("deep.yaml"),
        format!("answers: {}{}\n", "[".repeat(10_000), "]".repeat(10_000)),
    )
    .expect("write");
    let o = shoko(&["check", "-a", "deep.yaml"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    let t = text(&o);
    assert!(
        t.contains("deep.yaml:1:") && (t.contains("E004") || t.contains("recursion limit")),
        "{t}"
    );
}

#[test]
fn a_bom_and_crlf_line_endings_are_accepted() {
    let dir = scratch();
    for f in ["requirements.yaml", "answers.yaml"] {
        let body = std::fs::read_to_string(dir.path().join(f)).expect("read");
        let crlf = format!("\u{feff}{}", body.replace('\n', "\r\n"));
        std::fs::write(dir.path().join(format!("win-{f}")), crlf).expect("write");
    }
    let o = shoko(
        &[
            "build",
            "-r",
            "win-requirements.yaml",
            "-a",
            "win-answers.yaml",
            "--format",
            "md",
            "--as-of",
            common::AS_OF,
            "--out",
            "out",
        ],
        dir.path(),
    );
    assert!(o.status.success(), "{}", text(&o));
    let md = std::fs::read_to_string(dir.path().join("out/en/nfr.md")).expect("md");
    assert!(
        md.contains("win-answers.yaml, line 11"),
        "line numbers survive CRLF"
    );
    assert!(!md.contains('\r'));
}
