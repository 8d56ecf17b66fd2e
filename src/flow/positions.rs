//! Positions in the raw text: where the value at a JSON path starts (or its
//! deepest ancestor that exists), and the 1-based line and column of a byte
//! offset, so that a flow error points where an editor opens.
//!
//! The text is known to be valid JSON (serde_json parsed it first), so the
//! scanner only skips values; it never has to judge them.

/// A segment of a JSON path.
#[derive(Debug, Clone, Copy)]
pub(super) enum Seg {
    Key(&'static str),
    Index(usize),
}

/// The path as users read it: `$.Actions[3].Transitions.NextAction`.
pub(super) fn render_path(path: &[Seg]) -> String {
    let mut out = String::from("$");
    for seg in path {
        match seg {
            Seg::Key(k) => {
                out.push('.');
                out.push_str(k);
            }
            Seg::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// Byte offset of the value at `path`, or of the deepest ancestor that exists.
/// The text is known to be valid JSON (serde_json parsed it).
pub(super) fn locate(json: &str, path: &[Seg]) -> usize {
    let b = json.as_bytes();
    let mut pos = skip_ws(b, 0);
    for seg in path {
        match locate_child(b, pos, *seg) {
            Some(child) => pos = child,
            None => break,
        }
    }
    pos
}

fn locate_child(b: &[u8], start: usize, seg: Seg) -> Option<usize> {
    let mut pos = start;
    match seg {
        Seg::Key(key) => {
            if *b.get(pos)? != b'{' {
                return None;
            }
            pos += 1;
            let mut found = None;
            loop {
                pos = skip_ws(b, pos);
                if *b.get(pos)? != b'"' {
                    return found;
                }
                let key_end = skip_string(b, pos)?;
                let raw = b.get(pos + 1..key_end - 1)?;
                pos = skip_ws(b, key_end);
                if *b.get(pos)? != b':' {
                    return found;
                }
                pos = skip_ws(b, pos + 1);
                // serde_json keeps the last of duplicate keys.
                if raw == key.as_bytes() {
                    found = Some(pos);
                }
                pos = skip_ws(b, skip_value(b, pos)?);
                if *b.get(pos)? == b',' {
                    pos += 1;
                } else {
                    return found;
                }
            }
        }
        Seg::Index(index) => {
            if *b.get(pos)? != b'[' {
                return None;
            }
            pos += 1;
            for i in 0.. {
                pos = skip_ws(b, pos);
                if *b.get(pos)? == b']' {
                    return None;
                }
                if i == index {
                    return Some(pos);
                }
                pos = skip_ws(b, skip_value(b, pos)?);
                if *b.get(pos)? == b',' {
                    pos += 1;
                } else {
                    return None;
                }
            }
            None
        }
    }
}

fn skip_ws(b: &[u8], mut pos: usize) -> usize {
    while matches!(b.get(pos), Some(b' ' | b'\t' | b'\r' | b'\n')) {
        pos += 1;
    }
    pos
}

/// `pos` is at an opening quote; returns the offset just past the closing quote.
fn skip_string(b: &[u8], pos: usize) -> Option<usize> {
    let mut i = pos + 1;
    loop {
        match *b.get(i)? {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
}

fn skip_value(b: &[u8], pos: usize) -> Option<usize> {
    match *b.get(pos)? {
        b'"' => skip_string(b, pos),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut i = pos;
            loop {
                match *b.get(i)? {
                    b'"' => {
                        i = skip_string(b, i)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
        }
        _ => {
            let mut i = pos;
            while !matches!(
                b.get(i),
                None | Some(b',' | b'}' | b']' | b' ' | b'\t' | b'\r' | b'\n')
            ) {
                i += 1;
            }
            Some(i)
        }
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub(super) fn line_column(json: &str, offset: usize) -> (usize, usize) {
    let before = json.get(..offset).unwrap_or(json);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
    (line, column)
}
