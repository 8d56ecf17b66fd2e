//! The built-in catalog's facts (issue 14, section 1): one test per corrected
//! fact that can be checked mechanically, so the over-statements found in
//! review cannot come back. Every test loads the catalog and the framework
//! mapping through the library, as `shoko build` does.

use shoko::assets::Assets;
use shoko::model::catalog::{Allowed, Catalog, CatalogClaim, CategoryDef, Direction};
use shoko::model::{Bilingual, Duration, KeyOwner, Property, Protocol, Remedy, Value};
use shoko::pack::frameworks::{self, Frameworks};

fn catalog() -> Catalog {
    shoko::load_catalog(&Assets::default()).expect("the built-in catalog loads")
}

fn mapping() -> Frameworks {
    frameworks::load(&Assets::default()).expect("the built-in framework mapping loads")
}

fn category<'a>(c: &'a Catalog, id: &str) -> &'a CategoryDef {
    c.category(id)
        .unwrap_or_else(|| panic!("category {id} is in the catalog"))
}

fn claim<'a>(c: &'a Catalog, id: &str, p: Property) -> &'a CatalogClaim {
    category(c, id)
        .claim(p)
        .unwrap_or_else(|| panic!("{id} has a {} claim", p.name()))
}

/// Every reader-facing text of one claim: its explanation, caveats and the
/// texts of its changes.
fn claim_texts(cl: &CatalogClaim) -> Vec<&Bilingual> {
    let mut out = vec![&cl.explain];
    out.extend(cl.caveats.iter());
    out.extend(cl.change.iter().map(|ch| &ch.how));
    if let Value::Text(t) = &cl.value {
        out.push(t);
    }
    out
}

/// Every reader-facing text of the catalog.
fn all_texts(c: &Catalog) -> Vec<(String, &Bilingual)> {
    let mut out = Vec::new();
    for cat in &c.categories {
        out.push((format!("{} title", cat.id), &cat.title));
        out.push((format!("{} summary", cat.id), &cat.summary));
        for d in &cat.data {
            out.push((format!("{} data", cat.id), d));
        }
        for cl in &cat.claims {
            for t in claim_texts(cl) {
                out.push((format!("{} {}", cat.id, cl.property.name()), t));
            }
        }
    }
    out
}

fn joined(texts: &[&Bilingual]) -> (String, String) {
    (
        texts
            .iter()
            .map(|t| t.ja.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
        texts
            .iter()
            .map(|t| t.en.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

fn cites(cl: &CatalogClaim, source: &str) -> bool {
    cl.sources.iter().any(|s| s == source)
}

/// A category whose data lives in an S3 bucket of the customer (its storage
/// claim names a storage config with an S3 bucket).
fn s3_backed(cat: &CategoryDef) -> bool {
    match cat.claim(Property::Storage).map(|c| &c.value) {
        Some(Value::Text(t)) => t.en.contains("S3 bucket"),
        _ => false,
    }
}

const PER_OBJECT_EN: [&str; 3] = [
    "object by object with SSE-KMS",
    "encrypted object by object",
    "per-object SSE-KMS",
];
const PER_OBJECT_JA: [&str; 2] = ["オブジェクトごとにSSE-KMS", "オブジェクトごとにKMS"];

fn claims_per_object_kms(cl: &CatalogClaim) -> bool {
    PER_OBJECT_EN.iter().any(|p| cl.explain.en.contains(p))
        || PER_OBJECT_JA.iter().any(|p| cl.explain.ja.contains(p))
}

#[test]
fn only_call_recordings_and_chat_transcripts_claim_per_object_sse_kms() {
    let c = catalog();
    let s3: Vec<&CategoryDef> = c.categories.iter().filter(|x| s3_backed(x)).collect();
    assert!(
        s3.len() >= 8,
        "the S3-backed categories are recognised: {:?}",
        s3.iter().map(|x| &x.id).collect::<Vec<_>>()
    );
    for cat in &c.categories {
        let Some(cl) = cat.claim(Property::EncryptionAtRest) else {
            continue;
        };
        let allowed = matches!(cat.id.as_str(), "call-recordings" | "chat-transcripts");
        assert_eq!(
            claims_per_object_kms(cl),
            allowed,
            "{}: per-object SSE-KMS is documented for call recordings and chat transcripts only",
            cat.id
        );
    }
    // What is documented instead: the bucket's default encryption, with KMS
    // only where the storage config's optional EncryptionConfig names a key.
    for id in [
        "attachments",
        "email-messages",
        "contact-evaluations",
        "scheduled-reports",
    ] {
        let cl = claim(&c, id, Property::EncryptionAtRest);
        assert!(cl.explain.en.contains("SSE-S3"), "{id}: {}", cl.explain.en);
        assert!(cl.explain.ja.contains("SSE-S3"), "{id}: {}", cl.explain.ja);
        assert!(
            cl.explain.en.contains("optional `EncryptionConfig`"),
            "{id}"
        );
        assert!(
            cites(cl, "s3-default-encryption") && cites(cl, "api-s3-config"),
            "{id}"
        );
    }
    // Screen recordings: documented only in part, and the text says so.
    let sr = claim(&c, "screen-recordings", Property::EncryptionAtRest);
    assert!(sr.explain.en.contains("only in part"), "{}", sr.explain.en);
    assert!(sr.explain.ja.contains("一部しか"), "{}", sr.explain.ja);
    assert!(cites(sr, "ag-encryption-at-rest"));
}

#[test]
fn recordings_and_transcripts_name_their_intermediate_copy_inside_connect() {
    let c = catalog();
    for id in ["call-recordings", "chat-transcripts", "screen-recordings"] {
        let cl = claim(&c, id, Property::Storage);
        let (ja, en) = joined(&claim_texts(cl));
        assert!(en.contains("held inside Amazon Connect"), "{id}: {en}");
        assert!(
            ja.contains("Amazon Connectの内部に一時的に保持"),
            "{id}: {ja}"
        );
        assert!(cites(cl, "ag-encryption-at-rest"), "{id}");
    }
}

#[test]
fn chat_transcripts_cite_both_pages_and_assert_neither() {
    let c = catalog();
    let cat = category(&c, "chat-transcripts");
    assert!(
        !cat.summary.en.contains("every chat is saved"),
        "the summary must not settle the question: {}",
        cat.summary.en
    );
    let cl = claim(&c, "chat-transcripts", Property::Storage);
    assert!(cites(cl, "ag-set-up-recordings") && cites(cl, "ag-data-handled"));
    let (ja, en) = joined(&claim_texts(cl));
    assert!(en.contains("only if enabled in flows"), "{en}");
    assert!(en.contains("Check both the bucket and the flows"), "{en}");
    assert!(ja.contains("両方を確認"), "{ja}");
}

#[test]
fn connect_to_aws_services_tls_names_no_version_and_tls12_rests_on_the_endpoint_rule() {
    let c = catalog();
    let mut seen = 0;
    for cat in &c.categories {
        let Some(cl) = cat.claim(Property::EncryptionInTransit) else {
            continue;
        };
        if matches!(cat.id.as_str(), "voice-media" | "other-communication") {
            continue;
        }
        seen += 1;
        // The value claims no more than "TLS 1.2 or later" ...
        assert_eq!(
            cl.value,
            Value::Protocols(vec![Protocol::Tls12]),
            "{}",
            cat.id
        );
        // ... and says where that comes from.
        assert!(cites(cl, "blog-tls12-endpoints"), "{}", cat.id);
        assert!(cites(cl, "ag-encryption-in-transit"), "{}", cat.id);
        // The version is derived: the document labels its evidence 導出 /
        // derived, not 公式文書 / documented.
        assert!(cl.derived, "{}: TLS 1.2 is derived, not documented", cat.id);
        assert!(
            !cites(cl, "ag-infrastructure-security"),
            "{}: that page is about clients",
            cat.id
        );
        assert!(cl.explain.en.contains("names no TLS version"), "{}", cat.id);
        assert!(
            cl.explain.en.contains("derived from AWS's rule"),
            "{}",
            cat.id
        );
        assert!(
            cl.explain.ja.contains("バージョンは書かれていません"),
            "{}",
            cat.id
        );
        assert!(
            !cl.explain.en.contains("recommends TLS 1.3"),
            "{}: the TLS 1.3 recommendation is about clients calling AWS",
            cat.id
        );
    }
    assert_eq!(seen, 11, "S3 (7), Kinesis (2), CloudWatch Logs and KVS");
}

#[test]
fn a_claim_that_says_it_is_derived_is_marked_derived_and_no_other() {
    let c = catalog();
    for cat in &c.categories {
        for cl in &cat.claims {
            let says =
                cl.explain.en.contains("is derived from") || cl.explain.ja.contains("から導いた");
            assert_eq!(
                cl.derived,
                says,
                "{} {}: `derived: true` exactly where the explanation says the value is derived",
                cat.id,
                cl.property.name()
            );
        }
    }
}

#[test]
fn a_customer_managed_key_on_kinesis_needs_generate_data_key_for_the_producer() {
    let c = catalog();
    for id in ["streamed-contact-records", "agent-events"] {
        let cl = claim(&c, id, Property::EncryptionAtRestKey);
        let ch = cl
            .change
            .iter()
            .find(|ch| ch.direction == Direction::Stronger)
            .expect("a stronger-key change");
        assert!(ch.how.en.contains("`kms:GenerateDataKey`"), "{id}");
        assert!(ch.how.ja.contains("`kms:GenerateDataKey`"), "{id}");
        assert!(
            ch.sources.iter().any(|s| s == "kds-kms-permissions"),
            "{id}"
        );
        let (ja, en) = joined(&claim_texts(cl));
        assert!(!en.contains("grant is already in place"), "{id}: uncited");
        assert!(!ja.contains("既存のグラント"), "{id}: uncited");
    }
}

#[test]
fn flow_logs_are_always_encrypted_and_a_new_key_covers_new_events_only() {
    let c = catalog();
    let at_rest = claim(&c, "flow-logs", Property::EncryptionAtRest);
    assert_eq!(at_rest.value, Value::Bool(true));
    assert!(at_rest.verified);
    assert!(cites(at_rest, "cwl-encrypt-kms"));
    let key = claim(&c, "flow-logs", Property::EncryptionAtRestKey);
    let (ja, en) = joined(&claim_texts(key));
    assert!(
        en.contains("only events ingested after the association"),
        "{en}"
    );
    assert!(
        ja.contains("関連付けた後に取り込まれたログイベントだけ"),
        "{ja}"
    );
    assert!(cites(key, "cwl-encrypt-kms"));
}

#[test]
fn contact_records_keep_a_fixed_24_month_period_not_an_upper_limit() {
    let c = catalog();
    let cl = claim(&c, "contact-records", Property::Retention);
    assert_eq!(
        cl.value,
        Value::Duration(Duration::parse("24 months").expect("a duration"))
    );
    let (ja, en) = joined(&claim_texts(cl));
    assert!(!ja.contains("上限"), "上限 reads as 'may end sooner': {ja}");
    assert!(!en.contains("hard limit"), "{en}");
    assert!(!en.contains("upper limit"), "{en}");
    assert!(ja.contains("固定の保持期間"), "{ja}");
    assert!(en.contains("fixed retention period"), "{en}");
    // The same for agent activity, which the feature specifications also fix.
    let ae = claim(&c, "agent-events", Property::Retention);
    let (ja, _) = joined(&claim_texts(ae));
    assert!(!ja.contains("上限"), "{ja}");
}

#[test]
fn contact_record_data_is_said_to_reach_more_places_than_the_stream() {
    let c = catalog();
    let cl = claim(&c, "contact-records", Property::Retention);
    let (ja, en) = joined(&claim_texts(cl));
    for (e, j) in [
        (
            "analytics data lake (a rolling 25-month window)",
            "分析データレイク（25か月",
        ),
        ("scheduled reports", "スケジュールされたレポート"),
        (
            "Contact Lens output files",
            "Contact Lensの分析結果ファイル",
        ),
        (
            "downloaded contact-search results",
            "問い合わせ検索の結果のダウンロード",
        ),
    ] {
        assert!(en.contains(e), "missing {e}: {en}");
        assert!(ja.contains(j), "missing {j}: {ja}");
    }
    for s in ["ag-data-lake-retention", "ag-contact-search"] {
        assert!(cites(cl, s), "{s}");
    }
    let storage = claim(&c, "contact-records", Property::Storage);
    assert!(
        !storage.explain.en.contains("only when data streaming"),
        "streaming is not the only way out: {}",
        storage.explain.en
    );
    // Metrics and reports inside the instance do not simply live as long as
    // the instance.
    let ccd = claim(&c, "contact-center-data", Property::Retention);
    let (ja, en) = joined(&claim_texts(ccd));
    assert!(en.contains("agent activity 24 months"), "{en}");
    assert!(en.contains("computed from contact records"), "{en}");
    assert!(ja.contains("24か月の固定の期間"), "{ja}");
    assert!(cites(ccd, "ag-feature-limits"));
}

#[test]
fn customer_profiles_retention_and_key_are_the_documented_defaults() {
    let c = catalog();
    let r = claim(&c, "customer-profiles", Property::Retention);
    assert!(r.verified, "the 365-day default is documented");
    assert_eq!(
        r.value,
        Value::Duration(Duration::parse("365 days").expect("a duration"))
    );
    assert!(cites(r, "ag-customer-profiles-expiration"));
    assert!(
        r.explain.en.contains("without an update"),
        "{}",
        r.explain.en
    );
    assert!(
        r.explain.ja.contains("最後に更新されてから"),
        "{}",
        r.explain.ja
    );
    let range = Allowed::Range(
        Duration::parse("1 day").expect("a duration"),
        Duration::parse("1098 days").expect("a duration"),
    );
    for d in [Direction::Longer, Direction::Shorter] {
        let ch = r
            .change
            .iter()
            .find(|ch| ch.direction == d)
            .unwrap_or_else(|| panic!("a {d:?} change"));
        assert_eq!(ch.remedy, Remedy::Configure);
        assert_eq!(
            ch.allowed.as_ref(),
            Some(&range),
            "bounded by the API's range"
        );
    }
    let k = claim(&c, "customer-profiles", Property::EncryptionAtRestKey);
    assert!(k.verified, "the AWS managed default key is documented");
    assert_eq!(k.value, Value::Key(KeyOwner::AwsManaged));
    assert!(cites(k, "cp-create-domain"));
    let ch = k
        .change
        .iter()
        .find(|ch| ch.direction == Direction::Stronger)
        .expect("a stronger-key change");
    assert_eq!(ch.remedy, Remedy::Configure);
    assert!(ch.how.en.contains("`DefaultEncryptionKey`"));
}

#[test]
fn no_reader_facing_text_refers_to_where_the_catalog_came_from() {
    let c = catalog();
    let fw = mapping();
    let mut texts = all_texts(&c);
    for t in &fw.topics {
        texts.push((format!("topic {}", t.id), &t.title));
    }
    for q in &fw.questions {
        texts.push((format!("question {}", q.id), &q.question));
        texts.push((format!("question {}", q.id), &q.customer));
    }
    for (at, t) in texts {
        for bad in ["元記事", "元の記事", "参考記事"] {
            assert!(!t.ja.contains(bad), "{at}: {}", t.ja);
        }
        let en = t.en.to_lowercase();
        for bad in ["seed article", "the article", "original article"] {
            assert!(!en.contains(bad), "{at}: {}", t.en);
        }
    }
}

#[test]
fn access_control_maps_to_iam_controls_that_are_about_access() {
    let fw = mapping();
    let t = fw
        .topics
        .iter()
        .find(|t| t.properties.contains(&Property::AccessControl))
        .expect("an access-control topic");
    assert!(
        !t.ccm.iter().any(|c| c == "IAM-02"),
        "CCM v4 IAM-02 is Strong Password Policy and Procedures"
    );
    for c in ["IAM-01", "IAM-05", "IAM-16"] {
        assert!(t.ccm.iter().any(|x| x == c), "{c}");
    }
    assert!(!fw.questions.iter().any(|q| q.control == "IAM-02"));
}

#[test]
fn retention_is_not_mapped_to_backup_controls() {
    let fw = mapping();
    let t = fw
        .topics
        .iter()
        .find(|t| t.properties.contains(&Property::Retention))
        .expect("a retention topic");
    assert!(!t.ccm.iter().any(|c| c == "BCR-08"), "{:?}", t.ccm);
    assert!(!t.iso27001.iter().any(|c| c == "8.13"), "{:?}", t.iso27001);
    assert!(
        !t.iso27017.iter().any(|c| c == "12.3.1"),
        "{:?}",
        t.iso27017
    );
    assert!(t.ccm.iter().any(|c| c == "DSP-16"));
    assert!(!fw.questions.iter().any(|q| q.control == "BCR-08"));
}

#[test]
fn sensitive_input_in_logs_maps_to_masking_and_logging() {
    let fw = mapping();
    let t = fw
        .topics
        .iter()
        .find(|t| t.properties.contains(&Property::SensitiveInputLogged))
        .expect("a logging topic");
    for c in ["8.11", "8.15"] {
        assert!(t.iso27001.iter().any(|x| x == c), "{c}: {:?}", t.iso27001);
    }
    assert!(
        !t.iso27017.iter().any(|c| c == "CLD.12.4.5"),
        "{:?}",
        t.iso27017
    );
}

#[test]
fn every_framework_mapping_names_a_version_and_a_source() {
    let fw = mapping();
    let named = |key: &str| {
        let f = fw
            .frameworks
            .iter()
            .find(|f| f.key == key)
            .unwrap_or_else(|| panic!("framework `{key}` is described"));
        assert!(!f.version.trim().is_empty(), "{key} has a version");
        assert!(
            f.source.starts_with("https://"),
            "{key} has a source: {}",
            f.source
        );
        f
    };
    for t in &fw.topics {
        if !t.ccm.is_empty() {
            named("ccm");
        }
        if !t.iso27001.is_empty() {
            assert!(named("iso27001").version.contains("27001:2022"));
        }
        if !t.iso27017.is_empty() {
            assert!(named("iso27017").version.contains("27017:2015"));
        }
        if t.ipa.is_some() {
            named("ipa");
        }
    }
    assert!(named("ccm").version.starts_with("v4.0"));
    if !fw.questions.is_empty() {
        assert!(named("caiq").version.starts_with("v4.0"));
    }
}

#[test]
fn every_source_has_a_year_month_check_date_and_is_cited() {
    let c = catalog();
    let mut cited: Vec<&str> = Vec::new();
    for cat in &c.categories {
        for cl in &cat.claims {
            cited.extend(cl.sources.iter().map(String::as_str));
            for ch in &cl.change {
                cited.extend(ch.sources.iter().map(String::as_str));
            }
        }
    }
    // Pages the live interpretation cites for a caveat it adds (S3's rule
    // for overlapping expirations) count as cited where src/observe names them.
    let mut observe_src = String::new();
    let mut dirs = vec![crate::common::root().join("src/observe")];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).expect("src/observe").flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                observe_src.push_str(&std::fs::read_to_string(&p).expect("source"));
            }
        }
    }
    for (id, s) in &c.sources {
        if observe_src.contains(&format!("\"{id}\"")) {
            cited.push(id.as_str());
        }
        let ok = s.checked.len() == 7
            && s.checked.as_bytes()[4] == b'-'
            && s.checked[..4].chars().all(|ch| ch.is_ascii_digit())
            && s.checked[5..].chars().all(|ch| ch.is_ascii_digit());
        assert!(ok, "{id}: `checked` is YYYY-MM, got {}", s.checked);
        assert!(
            cited.contains(&id.as_str()),
            "{id} is listed but never cited"
        );
    }
}

#[test]
fn audit_logs_say_reads_and_deletions_are_not_recorded_by_default() {
    let c = catalog();
    let cl = claim(&c, "audit-logs", Property::DataAccessLogged);
    assert_eq!(cl.value, Value::Bool(false));
    assert!(cl.verified);
    assert!(cites(cl, "ct-data-events") && cites(cl, "s3-cloudtrail-events"));
    assert!(
        cl.change.iter().any(|ch| ch.remedy == Remedy::Configure),
        "a trail with data events is the customer's setting"
    );
    // The event history keeps 90 days of management events only; a trail's
    // retention is the customer's bucket lifecycle.
    let r = claim(&c, "audit-logs", Property::Retention);
    assert_eq!(r.value, Value::CustomerDefined);
    assert!(r.explain.en.contains("90 days") && r.explain.ja.contains("90日"));
    // Admin-website changes to some resources are not recorded.
    let s = claim(&c, "audit-logs", Property::Storage);
    assert!(
        s.caveats.iter().any(|cv| cv.en.contains("admin website")),
        "{:?}",
        s.caveats
    );
}
