//! Escaping of untrusted text (declared notes, API values, file names) for
//! Markdown, so it renders literally in every Markdown consumer: a viewer,
//! mdBook (no HTML, no `{{#include}}`), and pulldown-cmark on the PDF path.

/// Escape text so that CommonMark shows it literally on one line.
pub fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '#' | '{' | '}'
            | '$' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\r' => {}
            '\n' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// Make trusted Markdown safe inside a table cell (one line, no bare `|`).
pub fn md_cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev = '\0';
    for c in s.chars() {
        match c {
            '\r' => {}
            '\n' => out.push(' '),
            '|' if prev != '\\' => out.push_str("\\|"),
            _ => out.push(c),
        }
        prev = c;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_and_html_syntax_is_escaped() {
        assert_eq!(md_escape("<b>*x*</b>"), "\\<b\\>\\*x\\*\\</b\\>");
        assert_eq!(md_escape("a|b\nc"), "a\\|b c");
        assert_eq!(
            md_escape("{{#include /etc/passwd}}"),
            "\\{\\{\\#include /etc/passwd\\}\\}"
        );
        assert_eq!(md_escape("日本語のメモ"), "日本語のメモ");
    }

    #[test]
    fn cells_keep_markdown_but_not_pipes() {
        assert_eq!(md_cell("`a` | b\nc"), "`a` \\| b c");
        assert_eq!(md_cell("a \\| b"), "a \\| b");
    }
}
