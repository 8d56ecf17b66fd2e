use super::*;

#[test]
fn markdown_becomes_plain_text() {
    assert_eq!(
        plain("Use `DeleteContactData` on **every** request\\_id \\[1\\]"),
        "Use DeleteContactData on every request_id [1]"
    );
}

#[test]
fn snapshot_files_keep_their_layout_under_observations() {
    let files = [
        OutFile {
            path: "snapshot.json".into(),
            bytes: b"{}".to_vec(),
            private: true,
        },
        OutFile {
            path: "observations/obs-0001.json".into(),
            bytes: b"[]".to_vec(),
            private: true,
        },
    ];
    let raw = RawObservation::from_snapshot_files(&files);
    let paths: Vec<&str> = raw.iter().map(|r| r.path.as_str()).collect();
    assert_eq!(paths, ["snapshot.json", "obs-0001.json"]);
    assert_eq!(raw[1].bytes, b"[]");
}

#[test]
fn only_plain_relative_paths_are_safe() {
    assert!(safe_path("connect/obs-0001.json"));
    for bad in [
        "",
        "/etc/passwd",
        "../x",
        "a/../../x",
        "a//b",
        "C:/x",
        "a\\b",
        "./a",
    ] {
        assert!(!safe_path(bad), "{bad}");
    }
}
