//! A YAML document as a tree of nodes that remember where they came from.
//!
//! serde stops at the first error and forgets positions; a reviewer wants
//! every problem with its line and column. So the loaders read this tree and
//! collect diagnostics as they go. Aliases are refused (they buy nothing in
//! these files and are the door for "billion laughs" inputs), and nesting is
//! capped.

use super::diag::{Code, Diagnostic};
use saphyr_parser::{Event, Parser, ScalarStyle, Span};

/// Deepest nesting accepted.
pub const MAX_DEPTH: usize = 64;

/// A position in a file (1-based line and column).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1.
    pub col: usize,
}

/// One node of the tree.
#[derive(Debug, Clone)]
pub struct Node {
    /// Where the node starts.
    pub pos: Pos,
    /// What it holds.
    pub kind: NodeKind,
}

/// The three shapes of YAML.
#[derive(Debug, Clone)]
pub enum NodeKind {
    /// A scalar; `quoted` is true when it was written in quotes or as a block.
    Scalar {
        /// The text.
        text: String,
        /// Written quoted (so `"true"` stays a string).
        quoted: bool,
    },
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, in file order.
    Map(Vec<(Node, Node)>),
}

impl Node {
    /// The text of a plain or quoted scalar.
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }
    /// A short name of the node's shape, for messages.
    pub fn shape(&self) -> &'static str {
        match &self.kind {
            NodeKind::Scalar { text, quoted }
                if !quoted && (text.is_empty() || text == "~" || text == "null") =>
            {
                "nothing"
            }
            NodeKind::Scalar { .. } => "a scalar",
            NodeKind::Seq(_) => "a list",
            NodeKind::Map(_) => "a mapping",
        }
    }
}

fn pos(span: &Span) -> Pos {
    Pos {
        line: span.start.line(),
        col: span.start.col() + 1,
    }
}

/// A Japanese value with an ASCII `: ` in it (`title: 録音: 5年`) reads
/// as a second key: the hint to quote it, naming the value.
fn colon_in_value(text: &str, line: usize) -> Option<String> {
    let l = text.lines().nth(line.checked_sub(1)?)?;
    let (key, value) = l.split_once(": ")?;
    let value = value.trim();
    let japanese = !value.is_ascii();
    if !japanese || !value.contains(": ") || value.starts_with(['"', '\'', '{', '[']) {
        return None;
    }
    let key = key.trim().trim_start_matches("- ");
    Some(format!(
        "the value contains `: ` (an ASCII colon and a space), which YAML reads as a new key; \
         quote the value (`{key}: \"{value}\"`) or write the colon as `：`"
    ))
}

/// Parse `text` into a tree. Returns `Ok(None)` for an empty document.
pub fn parse(file: &str, text: &str) -> Result<Option<Node>, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<(Pos, Vec<Node>, bool)> = Vec::new();
    let mut root: Option<Node> = None;
    let mut documents = 0;
    loop {
        let (event, span) = match parser.next_event() {
            None => break,
            Some(Ok(ev)) => ev,
            Some(Err(e)) => {
                let m = e.marker();
                let hint = colon_in_value(text, m.line()).unwrap_or_else(|| {
                    "check the indentation and quoting on this line and the one before it".into()
                });
                return Err(Diagnostic::new(
                    Code::YamlSyntax,
                    file,
                    Pos {
                        line: m.line(),
                        col: m.col() + 1,
                    },
                    format!("this is not valid YAML: {}", e.info()),
                )
                .hint(hint));
            }
        };
        let node = match event {
            Event::StreamStart | Event::StreamEnd | Event::Nothing | Event::DocumentEnd => continue,
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    return Err(Diagnostic::new(
                        Code::YamlSyntax,
                        file,
                        pos(&span),
                        "a second YAML document (`---`) in one file",
                    )
                    .hint("keep one document per file"));
                }
                continue;
            }
            Event::Alias(_) => {
                return Err(Diagnostic::new(
                    Code::YamlAlias,
                    file,
                    pos(&span),
                    "YAML aliases (`*name`) are not accepted",
                )
                .hint("write the value out in full where it is needed"));
            }
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(Diagnostic::new(
                        Code::TooDeep,
                        file,
                        pos(&span),
                        format!("nesting deeper than {MAX_DEPTH} levels"),
                    )
                    .hint("these files need only a few levels; check for a runaway structure"));
                }
                let is_map = matches!(event, Event::MappingStart(..));
                stack.push((pos(&span), Vec::new(), is_map));
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some((p, items, is_map)) = stack.pop() else {
                    continue;
                };
                if is_map {
                    let mut pairs = Vec::with_capacity(items.len() / 2);
                    let mut it = items.into_iter();
                    while let (Some(k), Some(v)) = (it.next(), it.next()) {
                        pairs.push((k, v));
                    }
                    Node {
                        pos: p,
                        kind: NodeKind::Map(pairs),
                    }
                } else {
                    Node {
                        pos: p,
                        kind: NodeKind::Seq(items),
                    }
                }
            }
            Event::Scalar(value, style, _, _) => Node {
                pos: pos(&span),
                kind: NodeKind::Scalar {
                    text: value.into_owned(),
                    quoted: !matches!(style, ScalarStyle::Plain),
                },
            },
        };
        match stack.last_mut() {
            Some((_, items, _)) => items.push(node),
            None => root = Some(node),
        }
    }
    Ok(root)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based() {
        let n = parse("f.yaml", "a: 1\nb:\n  - x\n  - { y: z }\n")
            .unwrap()
            .unwrap();
        let NodeKind::Map(pairs) = &n.kind else {
            panic!()
        };
        assert_eq!(pairs[1].0.pos, Pos { line: 2, col: 1 });
        let NodeKind::Seq(items) = &pairs[1].1.kind else {
            panic!()
        };
        assert_eq!(items[0].pos, Pos { line: 3, col: 5 });
        assert_eq!(items[1].pos, Pos { line: 4, col: 5 });
    }

    #[test]
    fn aliases_are_refused_with_position() {
        let e = parse("f.yaml", "a: &x [1, 2]\nb: *x\n").unwrap_err();
        assert_eq!(e.code, Code::YamlAlias);
        assert_eq!((e.pos.line, e.pos.col), (2, 4));
    }

    #[test]
    fn bom_and_crlf_are_accepted() {
        let n = parse("f.yaml", "\u{feff}a: 1\r\nb: two\r\n")
            .unwrap()
            .unwrap();
        let NodeKind::Map(pairs) = &n.kind else {
            panic!()
        };
        assert_eq!(pairs[1].1.as_str(), Some("two"));
    }

    #[test]
    fn syntax_errors_carry_a_position() {
        let e = parse("f.yaml", "a: [1, 2\nb: 3\n").unwrap_err();
        assert_eq!(e.code, Code::YamlSyntax);
        assert!(e.pos.line >= 1);
    }

    #[test]
    fn deep_nesting_is_refused() {
        let text = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        let e = parse("f.yaml", &text).unwrap_err();
        assert!(matches!(e.code, Code::TooDeep | Code::YamlSyntax), "{e}");
        eprintln!("{e}");
        // Just past our own limit, below the parser's.
        let text = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        let e = parse("f.yaml", &text).unwrap_err();
        assert_eq!(e.code, Code::TooDeep, "{e}");
    }
}
