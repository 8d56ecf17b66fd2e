//! Calendar arithmetic: how many days a run of calendar months can span.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

const CYCLE_MONTHS: usize = 4800;
const CYCLE_DAYS: u64 = 146_097;

/// prefix[i] = days in the first i months of two back-to-back cycles.
static PREFIX: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut prefix = Vec::with_capacity(2 * CYCLE_MONTHS + 1);
    prefix.push(0u64);
    for m in 0..(2 * CYCLE_MONTHS) {
        let last = prefix[m];
        prefix.push(last + days_in_month((m / 12) as u64 % 400, (m % 12) as u32));
    }
    prefix
});

/// Spans already worked out, by number of months (a build compares the
/// same few durations thousands of times).
static SPANS: LazyLock<Mutex<HashMap<u32, (u64, u64)>>> = LazyLock::new(Default::default);

/// Shortest and longest run, in days, of `months` consecutive calendar months
/// over the 400-year Gregorian cycle (4,800 months, 146,097 days).
pub fn month_span_days(months: u32) -> (u64, u64) {
    if months == 0 {
        return (0, 0);
    }
    if let Some(span) = SPANS.lock().ok().and_then(|m| m.get(&months).copied()) {
        return span;
    }
    let whole = u64::from(months) / CYCLE_MONTHS as u64;
    let rest = months as usize % CYCLE_MONTHS;
    let prefix = &*PREFIX;
    let (mut lo, mut hi) = (u64::MAX, 0);
    for start in 0..CYCLE_MONTHS {
        let days = prefix[start + rest] - prefix[start];
        lo = lo.min(days);
        hi = hi.max(days);
    }
    let span = (whole * CYCLE_DAYS + lo, whole * CYCLE_DAYS + hi);
    if let Ok(mut m) = SPANS.lock() {
        m.insert(months, span);
    }
    span
}

fn days_in_month(year: u64, month0: u32) -> u64 {
    match month0 {
        1 => {
            if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) {
                29
            } else {
                28
            }
        }
        3 | 5 | 8 | 10 => 30,
        _ => 31,
    }
}
