use super::*;

fn d(s: &str) -> Duration {
    Duration::parse(s).unwrap_or_else(|e| panic!("{s}: {}", e.message))
}

#[test]
fn every_form_of_design_md_parses_to_the_same_length() {
    assert_eq!(d("P6M"), Duration::months(6));
    assert_eq!(d("6 months"), Duration::months(6));
    assert_eq!(d("6ヶ月"), Duration::months(6));
    assert_eq!(d("6か月"), Duration::months(6));
    assert_eq!(d("P365D"), Duration::days(365));
    assert_eq!(d("365 days"), Duration::days(365));
    assert_eq!(d("365日"), Duration::days(365));
    assert_eq!(d("PT24H"), Duration::hours(24));
    assert_eq!(d("24 hours"), Duration::hours(24));
    assert_eq!(d("24時間"), Duration::hours(24));
    assert_eq!(d("5年"), Duration::months(60));
    assert_eq!(d("5 years"), Duration::months(60));
    assert_eq!(d("P7D"), Duration::days(7));
    assert_eq!(d("never"), Duration::Never);
    assert_eq!(d("無期限"), Duration::Never);
}

#[test]
fn other_forms_and_edge_cases() {
    assert_eq!(d("1 year"), Duration::months(12));
    assert_eq!(d("2 weeks"), Duration::days(14));
    assert_eq!(d("2週間"), Duration::days(14));
    assert_eq!(d("P1Y6M"), Duration::months(18));
    assert_eq!(d("1 year 6 months"), Duration::months(18));
    assert_eq!(d("1年6ヶ月"), Duration::months(18));
    assert_eq!(d("６ヶ月"), Duration::months(6));
    assert_eq!(d("5年間"), Duration::months(60));
    assert_eq!(d("8,760 hours"), Duration::hours(8760));
    assert_eq!(d("P1DT12H"), Duration::hours(36));
    assert_eq!(d("  3 Days "), Duration::days(3));
    assert_eq!(d("never expire"), Duration::Never);
    for bad in [
        "",
        "P",
        "PT",
        "6",
        "six months",
        "6 parsecs",
        "P6X",
        "-1 days",
        "6 monthsx",
        "P1.5Y",
        "99999999999 years",
    ] {
        assert!(Duration::parse(bad).is_err(), "{bad:?} should not parse");
    }
}

#[test]
fn same_family_compares_exactly() {
    assert!(d("12 months").at_least(&d("1 year")));
    assert!(d("12 months").at_most(&d("1 year")));
    assert_eq!(
        d("12 months").partial_cmp(&d("1 year")),
        Some(Ordering::Equal)
    );
    assert!(d("P1W").at_most(&d("7 days")) && d("P1W").at_least(&d("168 hours")));
    assert!(!d("24 hours").at_least(&d("2 days")));
    assert!(!d("6 months").at_least(&d("7 months")));
}

#[test]
fn across_families_says_no_more_than_the_calendar_allows() {
    use Standing::*;
    let most = |v: &str, l: &str| d(v).against_at_most(&d(l));
    let least = |v: &str, l: &str| d(v).against_at_least(&d(l));
    // A year is 365 or 366 days: 365 days meets "at least 1 year" only in
    // common years; 366 always does.
    assert_eq!(least("365 days", "1 year"), Depends(d("366 days")));
    assert_eq!(least("366 days", "1 year"), Holds);
    assert_eq!(least("364 days", "1 year"), Fails);
    assert_eq!(most("365 days", "1 year"), Holds);
    assert_eq!(most("366 days", "1 year"), Depends(d("365 days")));
    assert_eq!(most("367 days", "1 year"), Fails);
    // Six calendar months span 181 to 184 days.
    assert_eq!(most("181 days", "6 months"), Holds);
    assert_eq!(most("183 days", "6 months"), Depends(d("181 days")));
    assert_eq!(most("184 days", "6 months"), Depends(d("181 days")));
    assert_eq!(most("185 days", "6 months"), Fails);
    // One month: 28 to 31 days.
    assert_eq!(most("31 days", "1 month"), Depends(d("28 days")));
    assert_eq!(most("28 days", "1 month"), Holds);
    assert_eq!(most("32 days", "1 month"), Fails);
    assert_eq!(least("28 days", "1 month"), Depends(d("31 days")));
    assert_eq!(least("31 days", "1 month"), Holds);
    // The booleans hold only whatever the start date.
    assert!(!d("183 days").at_most(&d("6 months")));
    assert!(!d("365 days").at_least(&d("1 year")));
    assert!(d("181 days").at_most(&d("6 months")));
    // 24 months is far beyond 6 months and far short of 5 years.
    assert!(!d("24 months").at_most(&d("180 days")));
    assert_eq!(most("24 months", "180 days"), Fails);
    assert!(!d("24 months").at_least(&d("P1826D")));
    assert_eq!(least("24 months", "P1826D"), Fails);
    // Same family stays exact: 24 months is 2 years.
    assert_eq!(most("24 months", "2 years"), Holds);
    assert_eq!(least("24 months", "2 years"), Holds);
    assert!(d("90 days") < d("365日"));
    assert!(d("24 hours") < d("P7D"));
}

#[test]
fn never_is_longer_than_everything() {
    assert!(Duration::Never.at_least(&d("100 years")));
    assert!(!Duration::Never.at_most(&d("100 years")));
    assert!(d("100 years").at_most(&Duration::Never));
    assert!(!d("100 years").at_least(&Duration::Never));
    assert!(Duration::Never > d("1000 years"));
}

#[test]
fn month_spans_match_the_calendar() {
    assert_eq!(month_span_days(1), (28, 31));
    assert_eq!(month_span_days(6), (181, 184));
    assert_eq!(month_span_days(12), (365, 366));
    assert_eq!(month_span_days(24), (730, 731));
    // Five years hold one or two leap days, or none across 1900-like years.
    assert_eq!(month_span_days(60), (1825, 1827));
    assert_eq!(month_span_days(120), (3651, 3653));
    assert_eq!(month_span_days(4800 + 12), (146_097 + 365, 146_097 + 366));
}

#[test]
fn display_is_canonical() {
    // Shown in the unit it was written in.
    assert_eq!(d("P24M").to_string(), "24 months");
    assert_eq!(d("8760 hours").to_string(), "8760 hours");
    assert_eq!(d("P1Y6M").to_string(), "18 months");
    assert_eq!(d("18 months").to_string(), "18 months");
    assert_eq!(d("365 days").to_string(), "365 days");
    assert_eq!(d("PT24H").to_string(), "24 hours");
    assert_eq!(d("1 day").to_string(), "1 day");
    assert_eq!(d("2週間").to_string(), "2 weeks");
}
