use super::*;

#[test]
fn account_ids_are_masked_where_they_stand_alone() {
    let r = Redaction { account_ids: true };
    assert_eq!(
        r.text("arn:aws:kms:ap-northeast-1:111122223333:key/1234abcd"),
        "arn:aws:kms:ap-northeast-1:xxxxxxxxxxxx:key/1234abcd"
    );
    assert_eq!(r.text("\"111122223333\""), "\"xxxxxxxxxxxx\"");
    assert_eq!(r.text("口座111122223333です"), "口座xxxxxxxxxxxxです");
    assert_eq!(r.text("rec-111122223333"), "rec-xxxxxxxxxxxx");
}

#[test]
fn hashes_and_other_numbers_stay() {
    let r = Redaction { account_ids: true };
    let h = "123456789012ab34cd5678901234ef";
    assert_eq!(r.text(h), h);
    assert_eq!(r.text("1234567890123"), "1234567890123");
    assert_eq!(r.text("12345678901"), "12345678901");
    assert_eq!(Redaction::default().text("111122223333"), "111122223333");
}

#[test]
fn json_strings_are_masked_and_keys_kept() {
    let mut v = serde_json::json!({"account": "111122223333", "n": [ "x 111122223333" ]});
    Redaction { account_ids: true }.json(&mut v);
    assert_eq!(
        v,
        serde_json::json!({"account": MASK, "n": [ format!("x {MASK}") ]})
    );
}
