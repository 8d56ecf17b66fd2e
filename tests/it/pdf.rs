//! The PDF: embedded Japanese font, the text a reviewer reads, and untrusted
//! text that stays text.

use crate::common::{build_example, scratch, shoko, text, tool, AS_OF};

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn pdfs_embed_the_japanese_font_and_carry_every_category_and_the_24_month_claim() {
    let dir = tempfile::tempdir().expect("tempdir");
    build_example(dir.path(), "pdf", &[]);
    let assets = shoko::assets::Assets::default();
    let catalog = shoko::load_catalog(&assets).expect("catalog");
    for (lang, month) in [("ja", "24か月"), ("en", "24 months")] {
        let pdf = dir.path().join(format!("out/{lang}/nfr.pdf"));
        let fonts = tool("pdffonts", &[pdf.to_str().expect("path")]);
        let line = fonts
            .lines()
            .find(|l| l.contains("IPAexGothic"))
            .unwrap_or_else(|| panic!("no IPAexGothic in {lang}:\n{fonts}"));
        assert!(line.contains('+'), "subset tag expected: {line}");
        let cols: Vec<&str> = line.split_whitespace().collect();
        assert!(
            cols.windows(3).any(|w| w == ["yes", "yes", "yes"]),
            "embedded, subset, unicode: {line}"
        );
        let body = squash(&tool("pdftotext", &[pdf.to_str().expect("path"), "-"]));
        for c in &catalog.categories {
            let title = if lang == "ja" {
                &c.title.ja
            } else {
                &c.title.en
            };
            assert!(
                body.contains(&squash(title)),
                "{lang} PDF lacks category title {title}"
            );
        }
        let contact_records = if lang == "ja" {
            "問い合わせ記録"
        } else {
            "Contact records"
        };
        assert!(
            body.contains(&squash(contact_records)) && body.contains(&squash(month)),
            "{lang} PDF lacks the 24-month claim"
        );
        assert!(
            !body.contains('⟦'),
            "a message id is missing in the {lang} PDF"
        );
    }
}

#[test]
fn declared_text_with_markup_appears_literally_in_pdf_and_markdown() {
    let dir = scratch();
    let evil = r#"#read("/etc/passwd") ] * $x$ <b>bold</b> {{#include x}}"#;
    let answers = std::fs::read_to_string(dir.path().join("answers.yaml")).expect("answers");
    let patched = answers.replace(
        "en: S3 lifecycle rule expires objects 365 days after creation",
        &format!("en: '{evil}'"),
    );
    assert_ne!(patched, answers);
    std::fs::write(dir.path().join("answers.yaml"), patched).expect("write");
    let o = shoko(
        &[
            "build",
            "-r",
            "requirements.yaml",
            "-a",
            "answers.yaml",
            "--lang",
            "en",
            "--as-of",
            AS_OF,
            "--out",
            "out",
        ],
        dir.path(),
    );
    assert!(o.status.success(), "{}", text(&o));
    let pdf = dir.path().join("out/en/nfr.pdf");
    let body = squash(&tool("pdftotext", &[pdf.to_str().expect("path"), "-"]));
    assert!(
        body.contains(&squash(evil)),
        "the note is not literal in the PDF"
    );
    assert!(!body.contains("root:x:0"), "the template read a file");
    let md = std::fs::read_to_string(dir.path().join("out/en/nfr.md")).expect("md");
    assert!(
        md.contains(r#"\#read("/etc/passwd") \] \* \$x\$ \<b\>bold\</b\> \{\{\#include x\}\}"#),
        "the note is not escaped in Markdown"
    );
}
