//! Reading the repository's own files for the structure tests
//! (`layering`, `paths`): listing files and a small Rust lexer that blanks
//! comments and separates string literals from code, keeping line numbers.

use std::path::{Path, PathBuf};

/// Every file below `dir` (relative to the repository root) whose name
/// satisfies `keep`, sorted; `target/` and hidden folders are skipped.
pub fn files(dir: &str, keep: impl Fn(&Path) -> bool) -> Vec<PathBuf> {
    fn walk(d: &Path, keep: &dyn Fn(&Path) -> bool, out: &mut Vec<PathBuf>) {
        let Ok(rd) = std::fs::read_dir(d) else { return };
        for e in rd.flatten() {
            let p = e.path();
            let name = e.file_name().to_string_lossy().into_owned();
            if p.is_dir() {
                if name != "target" && !name.starts_with('.') {
                    walk(&p, keep, out);
                }
            } else if keep(&p) {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(&crate::common::root().join(dir), &keep, &mut out);
    out.sort();
    out
}

/// `path` relative to the repository root, with `/` separators.
pub fn rel(path: &Path) -> String {
    path.strip_prefix(crate::common::root())
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// Is this a Rust source file?
pub fn is_rust(p: &Path) -> bool {
    p.extension().is_some_and(|x| x == "rs")
}

/// A string literal of a Rust file: its contents (escapes left as written)
/// and the line it starts on (1-based).
#[derive(Debug, Clone)]
pub struct Literal {
    /// Text between the quotes.
    pub text: String,
    /// 1-based line of the opening quote.
    pub line: usize,
    /// The code just before the literal (up to 40 characters of the same
    /// line, comments blanked), to tell `include_str!(` or `#[path =` apart.
    pub before: String,
}

/// A Rust file split for scanning: `code` is the text with comments and the
/// contents of string and character literals replaced by spaces (newlines
/// kept, so byte offsets and line numbers still match the file), and
/// `literals` are the string literals.
pub struct Lexed {
    /// Code without comments and literal contents.
    pub code: String,
    /// String literals in file order.
    pub literals: Vec<Literal>,
}

impl Lexed {
    /// 1-based line of a byte offset of `code`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.code[..offset].matches('\n').count() + 1
    }
}

/// Lex a Rust file (see [`Lexed`]). Handles line and nested block comments,
/// normal, byte and raw strings (`r#"…"#`), and character literals versus
/// lifetimes.
pub fn lex(src: &str) -> Lexed {
    let b: Vec<char> = src.chars().collect();
    let mut code = String::with_capacity(src.len());
    let mut literals = Vec::new();
    let mut line = 1;
    let mut i = 0;
    // Push a character of the original, blanked unless it is a newline.
    let blank = |c: char, code: &mut String, line: &mut usize| {
        if c == '\n' {
            *line += 1;
            code.push('\n');
        } else {
            for _ in 0..c.len_utf8() {
                code.push(' ');
            }
        }
    };
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < b.len() && b[i] != '\n' {
                blank(b[i], &mut code, &mut line);
                i += 1;
            }
            continue;
        }
        if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < b.len() {
                if b[i] == '/' && b.get(i + 1) == Some(&'*') {
                    depth += 1;
                    blank('/', &mut code, &mut line);
                    blank('*', &mut code, &mut line);
                    i += 2;
                } else if b[i] == '*' && b.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    blank('*', &mut code, &mut line);
                    blank('/', &mut code, &mut line);
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    blank(b[i], &mut code, &mut line);
                    i += 1;
                }
            }
            continue;
        }
        // Raw strings: r"…", r#"…"#, br#"…"#.
        let ident_before = i > 0 && (b[i - 1].is_alphanumeric() || b[i - 1] == '_');
        if !ident_before && (c == 'r' || (c == 'b' && next == Some('r'))) {
            let start = if c == 'b' { i + 2 } else { i + 1 };
            let mut j = start;
            while b.get(j) == Some(&'#') {
                j += 1;
            }
            if b.get(j) == Some(&'"') {
                let hashes = j - start;
                let before = tail(&code, 40);
                for &ch in &b[i..=j] {
                    code.push(ch);
                }
                let first_line = line;
                let mut k = j + 1;
                let mut text = String::new();
                while k < b.len() {
                    if b[k] == '"' && (0..hashes).all(|h| b.get(k + 1 + h) == Some(&'#')) {
                        break;
                    }
                    text.push(b[k]);
                    blank(b[k], &mut code, &mut line);
                    k += 1;
                }
                literals.push(Literal {
                    text,
                    line: first_line,
                    before,
                });
                for &ch in &b[k.min(b.len())..(k + 1 + hashes).min(b.len())] {
                    code.push(ch);
                }
                i = k + 1 + hashes;
                continue;
            }
        }
        if c == '"' {
            let before = tail(&code, 40);
            code.push('"');
            let first_line = line;
            let mut k = i + 1;
            let mut text = String::new();
            while k < b.len() && b[k] != '"' {
                if b[k] == '\\' && k + 1 < b.len() {
                    text.push(b[k]);
                    blank(b[k], &mut code, &mut line);
                    k += 1;
                }
                text.push(b[k]);
                blank(b[k], &mut code, &mut line);
                k += 1;
            }
            code.push('"');
            literals.push(Literal {
                text,
                line: first_line,
                before,
            });
            i = k + 1;
            continue;
        }
        if c == '\'' {
            // A character literal ('x', '\n', '\'', '\u{..}'), not a lifetime.
            let end = if next == Some('\\') {
                (i + 2..b.len().min(i + 12)).find(|&k| b[k] == '\'' && k > i + 2)
            } else if b.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            if let Some(end) = end {
                code.push('\'');
                for &ch in &b[i + 1..end] {
                    blank(ch, &mut code, &mut line);
                }
                code.push('\'');
                i = end + 1;
                continue;
            }
        }
        if c == '\n' {
            line += 1;
        }
        code.push(c);
        i += 1;
    }
    Lexed { code, literals }
}

/// The last `n` characters of the current line of `code`.
fn tail(code: &str, n: usize) -> String {
    let line = code.rsplit('\n').next().unwrap_or("");
    let chars: Vec<char> = line.chars().collect();
    chars[chars.len().saturating_sub(n)..].iter().collect()
}

#[test]
fn the_lexer_blanks_comments_and_keeps_strings_and_lines() {
    let src = "// crate::a\nuse crate::b; /* crate::c\n */ let s = \"crate::d\";\nlet r = r#\"x\"y\"#; let c = '\"'; fn f<'a>() {}\n";
    let l = lex(src);
    assert_eq!(l.code.len(), src.len());
    assert!(!l.code.contains("crate::a") && !l.code.contains("crate::c"));
    assert!(!l.code.contains("crate::d"));
    assert!(l.code.contains("use crate::b;"));
    assert!(l.code.contains("fn f<'a>() {}"));
    let texts: Vec<(&str, usize)> = l
        .literals
        .iter()
        .map(|x| (x.text.as_str(), x.line))
        .collect();
    assert_eq!(texts, [("crate::d", 3), ("x\"y", 4)]);
    assert_eq!(l.line_of(l.code.find("let r").unwrap()), 4);
}
