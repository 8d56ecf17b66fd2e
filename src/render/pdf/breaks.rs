//! Break points for long unbroken ASCII runs (URLs, ARNs, paths), found in
//! Rust while the view is built instead of character by character in the
//! template (issue 18, hypothesis 7: the template's per-character loop was
//! its most frequent span).
//!
//! The result mirrors what the template's `breakable()` does: a run of more
//! than six printable ASCII characters is cut after each delimiter and each
//! piece is set in its own box, which gives a break point between pieces
//! without putting any invisible character into the text layer (a URL copied
//! out of the PDF stays exact). Boxes lose Typst's automatic spacing between
//! Japanese and Latin letters, so a gap is put back where a run of letters
//! or digits meets a Japanese letter.
//!
//! The template receives a list of pieces (`pieces()` in nfr.typ): a string
//! is text, a one-element list is a boxed segment, `null` is the gap. Text
//! without a run of 16 or more printable ASCII characters needs no help and
//! is left as it is.

use serde_json::Value;

/// Characters after which a long ASCII run may break.
const SOFT_DELIMS: &[char] = &[
    '/', '.', '-', '_', ':', '=', '&', '?', ',', '@', '+', '#', ';', '|',
];
/// Japanese punctuation: next to it, Latin text needs no extra air.
const CJK_PUNCT: &str = "（）「」『』【】［］〔〕〈〉《》、。，．・：；？！…ー〜";

/// Printable ASCII (`!`..=`~`), what the template's `[!-~]` matches.
fn printable(c: char) -> bool {
    ('!'..='~').contains(&c)
}

/// Does `s` hold a run of 16 or more printable ASCII characters?
pub fn needs_breaks(s: &str) -> bool {
    let mut run = 0;
    for c in s.chars() {
        if printable(c) {
            run += 1;
            if run >= 16 {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

/// A Japanese letter (kana, kanji): not ASCII, not Japanese punctuation.
fn cjk_letter(c: Option<char>) -> bool {
    c.is_some_and(|c| !c.is_ascii() && !CJK_PUNCT.contains(c))
}

/// The pieces of `s` (see the module comment), or `None` when `s` needs no
/// break points. `before`/`after`: the characters next to `s` in the text
/// it sits in, for the spacing at its edges.
pub fn pieces(s: &str, before: Option<char>, after: Option<char>) -> Option<Value> {
    if !needs_breaks(s) {
        return None;
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out: Vec<Value> = Vec::new();
    let mut text = String::new();
    let flush = |text: &mut String, out: &mut Vec<Value>| {
        if !text.is_empty() {
            out.push(Value::String(std::mem::take(text)));
        }
    };
    let mut i = 0;
    while i < chars.len() {
        let ch = chars[i];
        if ch == ' ' || !ch.is_ascii() {
            text.push(ch);
            i += 1;
            continue;
        }
        // an ASCII run
        let mut j = i;
        while j < chars.len() && chars[j] != ' ' && chars[j].is_ascii() {
            j += 1;
        }
        let run = &chars[i..j];
        if run.len() <= 6 {
            text.extend(run);
        } else {
            flush(&mut text, &mut out);
            let prev = if i > 0 { Some(chars[i - 1]) } else { before };
            let next = chars.get(j).copied().or(after);
            if run[0].is_ascii_alphanumeric() && cjk_letter(prev) {
                out.push(Value::Null);
            }
            let mut seg = String::new();
            for &c in run {
                seg.push(c);
                if SOFT_DELIMS.contains(&c) {
                    out.push(Value::Array(vec![Value::String(std::mem::take(&mut seg))]));
                }
            }
            if !seg.is_empty() {
                out.push(Value::Array(vec![Value::String(seg)]));
            }
            if run[run.len() - 1].is_ascii_alphanumeric() && cjk_letter(next) {
                out.push(Value::Null);
            }
        }
        i = j;
    }
    flush(&mut text, &mut out);
    Some(Value::Array(out))
}

/// Give every `text` and `code` node of a Markdown node list (see
/// `markdown_nodes`) its pieces (`"p"`) when it needs break points; a code
/// node's edges look at the neighbouring text nodes, as the template did.
pub fn mark_nodes(nodes: &mut [Value]) {
    let edge = |n: Option<&Value>, last: bool| -> Option<char> {
        let n = n?;
        if n["t"] != "text" {
            return None;
        }
        let v = n["v"].as_str()?;
        if last {
            v.chars().last()
        } else {
            v.chars().next()
        }
    };
    for k in 0..nodes.len() {
        let (before, after) = match nodes[k]["t"].as_str() {
            Some("text") => (None, None),
            Some("code") => (
                edge(k.checked_sub(1).and_then(|p| nodes.get(p)), true),
                edge(nodes.get(k + 1), false),
            ),
            _ => {
                if let Some(Value::Array(c)) = nodes[k].get_mut("c") {
                    mark_nodes(c);
                }
                continue;
            }
        };
        let p = nodes[k]["v"]
            .as_str()
            .and_then(|v| pieces(v, before, after));
        if let (Some(p), Value::Object(map)) = (p, &mut nodes[k]) {
            map.insert("p".into(), p);
        }
    }
}

/// `d.breaks` of the template: every string of the view that needs break
/// points (outside Markdown node trees, whose nodes carry their own), with
/// its pieces, in the order first met.
pub fn index(view: &Value) -> Value {
    fn walk(v: &Value, map: &mut serde_json::Map<String, Value>) {
        match v {
            Value::String(s) if !map.contains_key(s) => {
                if let Some(p) = pieces(s, None, None) {
                    map.insert(s.clone(), p);
                }
            }
            Value::Array(items) => items.iter().for_each(|x| walk(x, map)),
            Value::Object(o)
                if matches!(o.get("t").and_then(Value::as_str), Some("text" | "code")) => {}
            Value::Object(o) => o.values().for_each(|x| walk(x, map)),
            _ => {}
        }
    }
    let mut map = serde_json::Map::new();
    walk(view, &mut map);
    Value::Object(map)
}

#[cfg(test)]
#[path = "breaks_tests.rs"]
mod tests;
