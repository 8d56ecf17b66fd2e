//! The format registry: formats run in a fixed order whatever the order
//! asked, each through the one renderer interface.

use super::*;

fn example() -> (Report, I18n, Assets) {
    let assets = Assets::default();
    let catalog = crate::load_catalog(&assets).expect("catalog");
    let i18n = I18n::load(&assets).expect("locales");
    let r = crate::InputText::builtin(&assets, "evidence/examples/requirements.yaml");
    let a = crate::InputText::builtin(&assets, "evidence/examples/answers.yaml");
    let inputs = crate::load_inputs(&catalog, r.as_ref(), a.as_ref()).expect("inputs");
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).expect("date");
    let report = crate::build_report(&catalog, &i18n, &inputs, &Default::default(), date);
    (report, i18n, assets)
}

#[test]
fn the_pack_carries_the_documents_even_when_asked_first() {
    let (report, i18n, assets) = example();
    let files = render_all(
        &report,
        &i18n,
        &assets,
        &[Lang::En, Lang::Ja],
        &[Format::Pack, Format::Book, Format::Md, Format::Md],
    )
    .expect("render");
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    let md: Vec<&str> = paths
        .iter()
        .copied()
        .filter(|p| p.ends_with("nfr.md"))
        .collect();
    assert_eq!(
        md,
        [
            "en/nfr.md",
            "ja/nfr.md",
            "pack/documents/en/nfr.md",
            "pack/documents/ja/nfr.md"
        ]
    );
    assert!(paths.contains(&"book/book.toml"));
    assert!(
        !paths.iter().any(|p| p.starts_with("pack/documents/book")),
        "the pack does not carry the book"
    );
    let doc = |p: &str| files.iter().find(|f| f.path == p).map(|f| &f.bytes);
    assert_eq!(doc("en/nfr.md"), doc("pack/documents/en/nfr.md"));
}

#[test]
fn a_view_reads_as_the_templates_expect() {
    let (report, i18n, _) = example();
    let view = crate::render::view::view(&report, &i18n, Lang::En);
    let json: serde_json::Value = serde_json::from_str(&view.to_string()).expect("json");
    assert_eq!(json["lang"], "en");
    let keys: Vec<&str> = json
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    // The PDF template receives the fields in this order.
    assert_eq!(
        keys,
        [
            "lang",
            "t",
            "as_of",
            "tool_version",
            "generated_by",
            "customer",
            "declared_by",
            "declared_at",
            "counts",
            "conclusion",
            "conflicts",
            "actions",
            "requirements",
            "shared",
            "categories",
            "sources",
            "flows",
            "inputs",
            "footer"
        ]
    );
    assert_eq!(json["categories"][0]["number"], 1);
    assert!(json["categories"][0]["claims"][0]["value_md"].is_string());
}
