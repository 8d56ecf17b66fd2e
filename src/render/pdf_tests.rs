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
