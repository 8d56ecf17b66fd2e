//! Property tests of duration comparison: what DESIGN.md promises must hold
//! for every value, not only the examples.

use proptest::prelude::*;
use shoko::model::duration::Standing;
use shoko::model::Duration;

fn any_duration() -> impl Strategy<Value = Duration> {
    prop_oneof![
        (1u32..240).prop_map(Duration::months),
        (1u64..4000).prop_map(Duration::days),
        (1u64..100_000).prop_map(Duration::hours),
        Just(Duration::Never),
    ]
}

proptest! {
    #[test]
    fn same_family_is_exact(a in 1u32..600, b in 1u32..600) {
        prop_assert_eq!(Duration::months(a).at_least(&Duration::months(b)), a >= b);
        prop_assert_eq!(Duration::months(a).at_most(&Duration::months(b)), a <= b);
        let (x, y) = (u64::from(a), u64::from(b));
        prop_assert_eq!(Duration::days(x).at_least(&Duration::hours(y * 24)), x >= y);
        prop_assert_eq!(Duration::hours(x * 24).at_most(&Duration::days(y)), x <= y);
    }

    #[test]
    fn years_are_twelve_months(y in 1u32..50) {
        let text = format!("{y} years");
        let parsed = Duration::parse(&text).expect("parses");
        prop_assert_eq!(parsed, Duration::months(y * 12));
        prop_assert!(parsed.at_least(&Duration::months(y * 12)) && parsed.at_most(&Duration::months(y * 12)));
    }

    #[test]
    fn at_least_is_transitive(a in any_duration(), b in any_duration(), c in any_duration()) {
        if a.at_least(&b) && b.at_least(&c) && a.partial_cmp(&b).is_some() && b.partial_cmp(&c).is_some() {
            prop_assert!(a.at_least(&c), "{a} >= {b} >= {c}");
        }
    }

    #[test]
    fn ordering_is_consistent_with_at_least_and_at_most(a in any_duration(), b in any_duration()) {
        match a.partial_cmp(&b) {
            Some(std::cmp::Ordering::Greater) => prop_assert!(a.at_least(&b) && !a.at_most(&b)),
            Some(std::cmp::Ordering::Less) => prop_assert!(a.at_most(&b) && !a.at_least(&b)),
            Some(std::cmp::Ordering::Equal) => prop_assert!(a.at_least(&b) && a.at_most(&b)),
            None => {}
        }
    }

    #[test]
    fn never_is_longer_than_all(a in any_duration()) {
        prop_assert!(Duration::Never.at_least(&a));
        prop_assert!(a.at_most(&Duration::Never));
    }

    #[test]
    fn days_against_months_follow_the_calendar(m in 1u32..120, d in 1u64..4000) {
        let (lo, hi) = shoko::model::duration::month_span_days(m);
        let v = Duration::days(d);
        let least = if d >= hi {
            Standing::Holds
        } else if d < lo {
            Standing::Fails
        } else {
            Standing::Depends(Duration::days(hi))
        };
        let most = if d <= lo {
            Standing::Holds
        } else if d > hi {
            Standing::Fails
        } else {
            Standing::Depends(Duration::days(lo))
        };
        prop_assert_eq!(v.against_at_least(&Duration::months(m)), least);
        prop_assert_eq!(v.against_at_most(&Duration::months(m)), most);
        prop_assert_eq!(v.at_least(&Duration::months(m)), d >= hi);
        prop_assert_eq!(v.at_most(&Duration::months(m)), d <= lo);
    }

    #[test]
    fn days_near_a_month_boundary_are_judged_three_ways(m in 1u32..120, off in 0u64..6) {
        // Dense around the band, where random days rarely land.
        let (lo, hi) = shoko::model::duration::month_span_days(m);
        let d = lo + off - 1;
        let s = Duration::days(d).against_at_most(&Duration::months(m));
        prop_assert_eq!(s == Standing::Holds, d <= lo);
        prop_assert_eq!(s == Standing::Fails, d > hi);
        prop_assert_eq!(matches!(s, Standing::Depends(_)), d > lo && d <= hi);
    }

    #[test]
    fn every_written_form_round_trips(n in 1u64..1000) {
        for (text, want) in [
            (format!("{n} days"), Duration::days(n)),
            (format!("P{n}D"), Duration::days(n)),
            (format!("{n}日"), Duration::days(n)),
            (format!("{n} hours"), Duration::hours(n)),
            (format!("PT{n}H"), Duration::hours(n)),
            (format!("{n}時間"), Duration::hours(n)),
        ] {
            let d = Duration::parse(&text).expect("parses");
            prop_assert_eq!(d, want);
            prop_assert_eq!(Duration::parse(&d.to_string()).expect("display parses"), want);
        }
    }
}

#[test]
fn the_examples_of_design_md_hold() {
    let d = |s: &str| Duration::parse(s).expect("parses");
    // "12 months equals 1 year and 24 months equals 2 years (met)".
    assert!(d("12 months").at_least(&d("1 year")) && d("12 months").at_most(&d("1 year")));
    assert_eq!(
        d("24 months").against_at_most(&d("2 years")),
        Standing::Holds
    );
    // "181 days meets at most 6 months, 183 days is review, 185 days is a gap".
    assert_eq!(
        d("181 days").against_at_most(&d("6 months")),
        Standing::Holds
    );
    assert_eq!(
        d("183 days").against_at_most(&d("6 months")),
        Standing::Depends(d("181 days"))
    );
    assert_eq!(
        d("185 days").against_at_most(&d("6 months")),
        Standing::Fails
    );
    // "31 days against at most 1 month is review (28 always meets)".
    assert_eq!(
        d("31 days").against_at_most(&d("1 month")),
        Standing::Depends(d("28 days"))
    );
    // "365 days against at least 1 year is review (366 always meets)".
    assert_eq!(
        d("365 days").against_at_least(&d("1 year")),
        Standing::Depends(d("366 days"))
    );
    // "never expire is longer than any duration".
    assert!(d("never").at_least(&d("100 years")));
}
