//! Properties the fuzz targets check (`fuzz/`, cargo-fuzz) over arbitrary
//! bytes. The same functions run in `tests/fuzz_regressions.rs` over every
//! kept seed, so an input that once broke one stays a test. Each check
//! panics when the property fails; a clean return is a pass.

use crate::load::{diag::Diagnostic, yaml::Pos};

/// Category ids the loaders are checked against (a part of the catalog's).
pub const KNOWN: &[&str] = &[
    "contact-center-data",
    "contact-records",
    "call-recordings",
    "streamed-contact-records",
    "flow-logs",
];

/// A diagnostic points into the text it is about (line and column exist).
fn located(d: &Diagnostic, text: &str) {
    let Pos { line, col } = d.pos;
    // YAML's line breaks: CR LF, CR alone, LF alone (YAML 1.2, b-break);
    // editors count lines the same way.
    let normalized = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = normalized.split('\n').collect();
    assert!(
        line >= 1 && line <= lines.len() + 1,
        "{}: line {line} outside 1..={}",
        d.message,
        lines.len() + 1
    );
    let width = lines.get(line - 1).map_or(0, |l| l.chars().count());
    assert!(
        col >= 1 && col <= width + 2,
        "{}: column {col} outside 1..={} on line {line}",
        d.message,
        width + 2
    );
    assert!(!d.message.is_empty());
}

/// A loader: file name, text, known category ids.
type Loader = fn(&str, &str, &[String]) -> Result<(), Vec<Diagnostic>>;

fn yaml(data: &[u8], load: Loader) {
    let known: Vec<String> = KNOWN.iter().map(|s| s.to_string()).collect();
    match crate::load::decode("input.yaml", data) {
        Ok(text) => {
            if let Err(diags) = load("input.yaml", &text, &known) {
                assert!(!diags.is_empty(), "a refusal names at least one problem");
                for d in &diags {
                    located(d, &text);
                }
            }
        }
        Err(d) => assert!(d.pos.line >= 1 && !d.message.is_empty()),
    }
}

/// The requirements loader accepts or explains, with positions in the file.
pub fn requirements(data: &[u8]) {
    yaml(data, |f, t, k| {
        crate::load::inputs::load_requirements(f, t, k).map(|_| ())
    });
}

/// The answers loader accepts or explains, with positions in the file.
pub fn answers(data: &[u8]) {
    yaml(data, |f, t, k| {
        crate::load::inputs::load_answers(f, t, k).map(|_| ())
    });
}

/// A parsed duration has ordered bounds, and its display parses back to
/// the same bounds.
pub fn duration(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(d) = crate::model::Duration::parse(s) else {
        return;
    };
    if let Some((lo, hi)) = d.bounds() {
        assert!(lo <= hi, "{s:?}: bounds {lo} > {hi}");
    }
    let shown = d.to_string();
    let again = crate::model::Duration::parse(&shown)
        .unwrap_or_else(|e| panic!("{s:?} shows as {shown:?}, which does not parse: {e:?}"));
    assert_eq!(d.bounds(), again.bounds(), "{s:?} shows as {shown:?}");
}

/// Escaped text, set in running Markdown as the templates set it, reads
/// exactly as the input (line breaks become spaces): no emphasis, link,
/// HTML, code or heading can come out of it.
pub fn markdown_escape(data: &[u8]) {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let escaped = crate::text::escape::md_escape(s);
    assert!(!escaped.contains('\n') && !escaped.contains('\r'));
    let doc = format!("x {escaped}");
    let mut seen = String::new();
    for ev in Parser::new(&doc) {
        match ev {
            Event::Text(t) => seen.push_str(&t),
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => {}
            other => panic!("{s:?} escaped as {escaped:?} gives {other:?}"),
        }
    }
    let expected: String = s
        .chars()
        .filter(|c| *c != '\r')
        .map(|c| if c == '\n' { ' ' } else { c })
        .collect();
    let expected = format!("x {expected}");
    assert_eq!(
        seen,
        // A paragraph drops its trailing whitespace (CommonMark's: space,
        // tab, line tabulation, form feed), which no reader sees anyway.
        expected.trim_end_matches([' ', '\t', '\u{b}', '\u{c}']),
        "{s:?} escaped as {escaped:?}"
    );
}

/// A flow parses or is refused with a JSON path and one of the parser's
/// codes, which its message leads with; a parsed flow is analysed (also when
/// it transfers to itself) and every finding has a path.
pub fn flow(data: &[u8]) {
    use crate::model::flow::FlowCode;
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match crate::flow::parse_flow("flow.json", "flow", None, None, text) {
        Ok(f) => {
            let a = crate::flow::analyze(&[f.clone(), f], crate::model::flow::Logging::Enabled);
            assert_eq!(a.flows.len(), 2);
            for x in &a.findings {
                assert!(!x.path.is_empty(), "finding without a path: {x:?}");
            }
        }
        Err(e) => {
            assert!(e.json_path.starts_with('$'), "{e:?}");
            // Reading a folder or fetching from an instance has codes of its
            // own; parsing a text never gives them.
            assert!(
                !matches!(
                    e.code,
                    FlowCode::Unreadable | FlowCode::NotFetched | FlowCode::NoContent
                ),
                "{e:?}"
            );
            let lead = format!("error[{}]: flow.json", e.code.id());
            assert!(e.to_string().starts_with(&lead), "{e}");
        }
    }
}
