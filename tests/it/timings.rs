//! `build --timings FILE` and Typst's warnings: where the PDF's time goes,
//! as a trace a person opens in a trace viewer, and what Typst has to say
//! about the template on stderr.

use crate::common::{shoko, text, AS_OF};
use serde_json::Value;
use std::collections::HashMap;

/// (name, thread, start, end) of every span, B/E pairs matched per thread.
fn spans(events: &[Value]) -> Vec<(String, u64, f64, f64)> {
    let mut open: HashMap<u64, Vec<(String, f64)>> = HashMap::new();
    let mut out = Vec::new();
    for e in events {
        let name = e["name"].as_str().expect("name").to_string();
        let tid = e["tid"].as_u64().expect("tid");
        let ts = e["ts"].as_f64().expect("ts");
        match e["ph"].as_str() {
            Some("B") => open.entry(tid).or_default().push((name, ts)),
            Some("E") => {
                let (begun, start) = open
                    .get_mut(&tid)
                    .and_then(Vec::pop)
                    .unwrap_or_else(|| panic!("E without B: {e}"));
                assert_eq!(begun, name, "spans nest on thread {tid}");
                assert!(ts >= start, "{name} ends before it starts");
                out.push((name, tid, start, ts));
            }
            other => panic!("unexpected phase {other:?}"),
        }
    }
    assert!(open.values().all(Vec::is_empty), "unclosed spans: {open:?}");
    out
}

/// The spans of `shoko: pdf ja` and `shoko: pdf en`.
type Span = (String, u64, f64, f64);
fn languages(spans: &[Span]) -> (Span, Span) {
    let lang = |n: &str| spans.iter().find(|s| s.0 == n).expect("span").clone();
    (lang("shoko: pdf ja"), lang("shoko: pdf en"))
}

#[test]
fn timings_trace_shows_stages_one_layout_export_and_languages_in_turn_or_side_by_side() {
    let dir = tempfile::tempdir().expect("tempdir");
    let build = |out: &str, lang: &str, timings: Option<&str>, parallel: &str| {
        let mut args = vec![
            "build",
            "--example",
            "--format",
            "pdf",
            "--lang",
            lang,
            "--as-of",
            AS_OF,
            "--out",
            out,
        ];
        if let Some(t) = timings {
            args.extend(["--timings", t]);
        }
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_shoko"))
            .args(&args)
            .current_dir(dir.path())
            .env("SHOKO_PDF_PARALLEL", parallel)
            .output()
            .expect("run shoko");
        assert!(o.status.success(), "{}", text(&o));
    };
    let trace = |file: &str| -> Vec<Value> {
        let v: Value =
            serde_json::from_slice(&std::fs::read(dir.path().join(file)).expect("trace"))
                .expect("the trace is JSON");
        v.as_array()
            .expect("a Chrome trace: an array of events")
            .clone()
    };
    build("out", "ja,en", Some("trace.json"), "0");
    let events = trace("trace.json");
    let events = &events;
    let spans = spans(events);
    let names: Vec<&str> = spans.iter().map(|s| s.0.as_str()).collect();
    for want in [
        "shoko: inputs",
        "shoko: report",
        "shoko: render",
        "shoko: write",
        "shoko: pdf ja",
        "shoko: pdf en",
        "eval",
        "iter (1)",
        "layout_table",
        "pdf",
    ] {
        assert!(names.contains(&want), "no `{want}` span in the trace");
    }
    // Neither the body nor the header and footer read a counter, so Typst
    // lays each out once (issue 18: it used to take three layouts).
    assert!(
        !names.contains(&"iter (2)"),
        "a document was laid out more than once"
    );
    // Template spans say where in the template the time went.
    assert!(
        events.iter().any(|e| {
            e["args"]["file"]
                .as_str()
                .is_some_and(|f| f.ends_with("templates/pdf/nfr.typ"))
                && e["args"]["line"].as_u64().is_some_and(|l| l > 0)
        }),
        "no span points into the template"
    );
    // With SHOKO_PDF_PARALLEL=0 the languages are laid out one after the
    // other; with =1 at the same time, on two threads (the default on a
    // machine with two cores or more).
    let (ja, en) = languages(&spans);
    assert!(
        ja.3 <= en.2,
        "ja and en overlapped with SHOKO_PDF_PARALLEL=0: {ja:?} {en:?}"
    );
    build("par", "ja,en", Some("par.json"), "1");
    let (ja, en) = languages(&self::spans(&trace("par.json")));
    assert_ne!(ja.1, en.1, "ja and en on one thread");
    assert!(
        ja.2 < en.3 && en.2 < ja.3,
        "ja and en did not overlap with SHOKO_PDF_PARALLEL=1: {ja:?} {en:?}"
    );
    // Laid out one after the other, side by side or alone, with or without
    // the timer, a language's PDF is the same file.
    build("alone", "ja", None, "");
    let read = |p: &str| std::fs::read(dir.path().join(p)).expect("pdf");
    for lang in ["ja", "en"] {
        assert!(
            read(&format!("out/{lang}/nfr.pdf")) == read(&format!("par/{lang}/nfr.pdf")),
            "{lang} laid out in parallel differs from one after the other"
        );
    }
    assert!(
        read("out/ja/nfr.pdf") == read("alone/ja/nfr.pdf"),
        "ja laid out next to en differs from ja alone"
    );
}

#[test]
fn typst_warnings_reach_stderr_with_the_template_position() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("templates/pdf");
    std::fs::create_dir_all(&p).expect("mkdir");
    std::fs::write(
        p.join("nfr.typ"),
        "= Title\n#text(font: \"No Such Font Family\")[x]\n",
    )
    .expect("write");
    let o = shoko(
        &[
            "build",
            "--example",
            "--format",
            "pdf",
            "--lang",
            "en",
            "--as-of",
            AS_OF,
            "--out",
            "out",
            "--assets",
            ".",
        ],
        dir.path(),
    );
    assert!(
        o.status.success(),
        "a warning is not an error: {}",
        text(&o)
    );
    let err = String::from_utf8_lossy(&o.stderr);
    let line = err
        .lines()
        .find(|l| l.starts_with("warning: PDF (en): "))
        .unwrap_or_else(|| panic!("no Typst warning on stderr:\n{err}"));
    assert!(line.contains("templates/pdf/nfr.typ:2:"), "{line}");
    assert!(line.contains("no such font family"), "{line}");
    assert!(dir.path().join("out/en/nfr.pdf").exists());
}
