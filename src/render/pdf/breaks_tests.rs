use super::*;
use serde_json::json;

#[test]
fn short_or_spaced_text_needs_no_break_points() {
    assert_eq!(pieces("保持期間は24か月です", None, None), None);
    assert_eq!(
        pieces("a b c d e f g h i j k l m n o p q", None, None),
        None
    );
    assert_eq!(pieces("fifteen-chars-x", None, None), None);
    assert!(needs_breaks("sixteen-chars-xx"));
}

#[test]
fn a_url_is_cut_after_its_delimiters_and_keeps_every_character() {
    let url = "https://docs.aws.amazon.com/connect/latest/adminguide/x.html";
    let p = pieces(&format!("参照：{url} を見る"), None, None).expect("pieces");
    assert_eq!(
        p,
        json!([
            "参照：",
            ["https:"],
            ["/"],
            ["/"],
            ["docs."],
            ["aws."],
            ["amazon."],
            ["com/"],
            ["connect/"],
            ["latest/"],
            ["adminguide/"],
            ["x."],
            ["html"],
            " を見る"
        ])
    );
    // the text layer keeps the exact string
    let joined: String = p
        .as_array()
        .expect("list")
        .iter()
        .map(|x| match x {
            Value::String(s) => s.clone(),
            Value::Array(a) => a[0].as_str().expect("segment").to_string(),
            _ => String::new(),
        })
        .collect();
    assert_eq!(joined, format!("参照：{url} を見る"));
}

#[test]
fn latin_next_to_a_japanese_letter_gets_its_gap_back_but_not_next_to_punctuation() {
    let arn = "arn:aws:kms:ap-northeast-1:111122223333:key/abcd";
    let p = pieces(&format!("鍵{arn}を使う"), None, None).expect("pieces");
    let list = p.as_array().expect("list");
    assert_eq!(list[1], Value::Null, "gap after 鍵: {p}");
    assert_eq!(list[list.len() - 2], Value::Null, "gap before を: {p}");
    let p = pieces(&format!("「{arn}」"), None, None).expect("pieces");
    assert!(!p.as_array().expect("list").contains(&Value::Null), "{p}");
    // at the edges of a code span, the neighbours decide
    let p = pieces(arn, Some('鍵'), Some('。')).expect("pieces");
    let list = p.as_array().expect("list");
    assert_eq!(list[0], Value::Null);
    assert_ne!(list[list.len() - 1], Value::Null);
}

#[test]
fn markdown_text_and_code_nodes_carry_pieces_only_when_needed() {
    let n = crate::render::pdf::markdown_nodes(
        "バケット`arn:aws:s3:::my-recordings-bucket-0001`に保存、短い`id`と https://example.com/a/very/long/path",
    );
    let list = n.as_array().expect("list");
    let code = list.iter().find(|x| x["t"] == "code").expect("code");
    assert_eq!(code["p"][0], Value::Null, "gap after バケット: {code}");
    assert_eq!(
        code["p"][code["p"].as_array().expect("p").len() - 1],
        Value::Null,
        "gap before に: {code}"
    );
    let short = list.iter().filter(|x| x["t"] == "code").nth(1).expect("id");
    assert!(short.get("p").is_none(), "{short}");
    assert!(
        list.iter()
            .any(|x| x["t"] == "text" && x.get("p").is_some()),
        "{n}"
    );
}

#[test]
fn the_index_holds_each_long_string_of_the_view_once_and_skips_markdown_nodes() {
    let url = "https://docs.aws.amazon.com/connect/latest/adminguide/x.html";
    let view = json!({
        "sources": {"docs": [{"url": url, "title": "短い題"}, {"url": url}]},
        "text": [{"t": "text", "v": "arn:aws:s3:::some-bucket-name-0001"}],
        "short": "abc",
    });
    let idx = index(&view);
    let map = idx.as_object().expect("map");
    assert_eq!(map.len(), 1, "{idx}");
    assert_eq!(map[url], pieces(url, None, None).expect("pieces"));
}
