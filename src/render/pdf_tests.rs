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
fn languages_go_one_at_a_time_unless_asked_and_large_ones_always_do() {
    let small = |l: &str| (l.to_string(), json!({"lang": l, "t": "x".repeat(1000)}));
    let large = |l: &str| {
        (
            l.to_string(),
            json!({"lang": l, "t": "x".repeat(PARALLEL_MAX_VIEW)}),
        )
    };
    assert!(!parallel(&[small("ja"), small("en")], None), "default");
    assert!(!parallel(&[small("ja"), small("en")], Some("0")));
    assert!(parallel(&[small("ja"), small("en")], Some("1")));
    assert!(
        !parallel(&[small("ja")], Some("1")),
        "one language needs no thread"
    );
    assert!(!parallel(&[small("ja"), large("en")], Some("1")));
}
