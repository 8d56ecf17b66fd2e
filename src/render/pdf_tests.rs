use super::*;

#[test]
fn markdown_becomes_nodes_and_markup_stays_text() {
    let n = markdown_nodes(
        "Set **`retentionInDays`** in [docs](https://x.example/a_b) #read(\"/etc/passwd\")",
    );
    let s = n.to_string();
    assert!(s.contains(r#"{"t":"code","v":"retentionInDays"}"#), "{s}");
    assert!(
        s.contains(r#""t":"link","url":"https://x.example/a_b""#),
        "{s}"
    );
    assert!(s.contains(r##"#read(\"/etc/passwd\")"##), "{s}");
}

#[test]
fn languages_go_side_by_side_on_two_cores_unless_told_and_large_ones_never_do() {
    let small = |l: &str| Job::new(l, json!({"lang": l, "t": "x".repeat(1000)}));
    let large = |l: &str| {
        Job::new(
            l,
            json!({"lang": l, "t": "x".repeat(parts::SINGLE_MAX_VIEW)}),
        )
    };
    let both = [small("ja"), small("en")];
    assert!(parallel(&both, None, 2), "default on two cores");
    assert!(!parallel(&both, None, 1), "default on one core");
    assert!(!parallel(&both, Some("0"), 2));
    assert!(parallel(&both, Some("1"), 1));
    assert!(
        !parallel(&[small("ja")], Some("1"), 2),
        "one language needs no thread"
    );
    assert!(!parallel(&[small("ja"), large("en")], Some("1"), 2));
    assert!(!parallel(&[small("ja"), large("en")], None, 2));
}
