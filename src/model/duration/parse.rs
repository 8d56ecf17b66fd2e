//! Parsing the accepted forms of a duration: ISO 8601, English and Japanese
//! words.

use super::{Duration, Unit, DAY};

pub(super) fn parse_iso(t: &str) -> Option<Duration> {
    let body = t.strip_prefix('p')?;
    if body.is_empty() {
        return None;
    }
    let (date, time) = match body.split_once('t') {
        Some((d, tm)) => {
            if tm.is_empty() {
                return None;
            }
            (d, Some(tm))
        }
        None => (body, None),
    };
    let mut months: u64 = 0;
    let mut seconds: u64 = 0;
    let mut units = Vec::new();
    for (n, unit) in iso_parts(date)? {
        units.push(match unit {
            'y' => Unit::Years,
            'm' => Unit::Months,
            'w' => Unit::Weeks,
            _ => Unit::Days,
        });
        match unit {
            'y' => months = months.checked_add(n.checked_mul(12)?)?,
            'm' => months = months.checked_add(n)?,
            'w' => seconds = seconds.checked_add(n.checked_mul(7 * DAY)?)?,
            'd' => seconds = seconds.checked_add(n.checked_mul(DAY)?)?,
            _ => return None,
        }
    }
    if let Some(time) = time {
        for (n, unit) in iso_parts(time)? {
            units.push(match unit {
                'h' => Unit::Hours,
                'm' => Unit::Minutes,
                _ => Unit::Seconds,
            });
            let mul = match unit {
                'h' => 3600,
                'm' => 60,
                's' => 1,
                _ => return None,
            };
            seconds = seconds.checked_add(n.checked_mul(mul)?)?;
        }
    }
    Some(Duration::Finite {
        months: u32::try_from(months).ok()?,
        seconds,
        unit: one_unit(&units),
    })
}

fn one_unit(units: &[Unit]) -> Unit {
    match units {
        [one] => *one,
        _ => Unit::Mixed,
    }
}

fn iso_parts(s: &str) -> Option<Vec<(u64, char)>> {
    let mut out = Vec::new();
    let mut num = String::new();
    for c in s.chars() {
        if c.is_ascii_digit() {
            num.push(c);
        } else {
            if num.is_empty() {
                return None;
            }
            out.push((num.parse().ok()?, c));
            num.clear();
        }
    }
    if !num.is_empty() {
        return None;
    }
    Some(out)
}

/// Units in words: (spellings, months per unit, seconds per unit, unit).
const UNITS: &[(&[&str], u64, u64, Unit)] = &[
    (
        &["years", "year", "yrs", "yr", "y", "年間", "年"],
        12,
        0,
        Unit::Years,
    ),
    (
        &[
            "months",
            "month",
            "mo",
            "ヶ月間",
            "ヶ月",
            "か月間",
            "か月",
            "カ月間",
            "カ月",
            "ヵ月間",
            "ヵ月",
            "箇月",
            "ケ月",
            "月間",
        ],
        1,
        0,
        Unit::Months,
    ),
    (&["weeks", "week", "w", "週間"], 0, 7 * DAY, Unit::Weeks),
    (&["days", "day", "d", "日間", "日"], 0, DAY, Unit::Days),
    (
        &["hours", "hour", "hrs", "hr", "h", "時間"],
        0,
        3600,
        Unit::Hours,
    ),
    (
        &["minutes", "minute", "min", "分間", "分"],
        0,
        60,
        Unit::Minutes,
    ),
    (
        &["seconds", "second", "sec", "s", "秒間", "秒"],
        0,
        1,
        Unit::Seconds,
    ),
];

pub(super) fn parse_words(t: &str) -> Option<Duration> {
    let mut rest = t.trim();
    let mut months: u64 = 0;
    let mut seconds: u64 = 0;
    let mut units = Vec::new();
    while !rest.is_empty() {
        let digits = rest.len()
            - rest
                .trim_start_matches(|c: char| c.is_ascii_digit() || c == ',')
                .len();
        if digits == 0 {
            return None;
        }
        let n: u64 = rest[..digits].replace(',', "").parse().ok()?;
        rest = rest[digits..].trim_start();
        let (unit_len, per_month, per_sec, unit) = UNITS.iter().find_map(|(names, m, s, u)| {
            names.iter().find_map(|name| {
                let after = rest.strip_prefix(name)?;
                // A Latin unit must end at a word boundary (`5 days`, not `5 daysx`).
                let boundary = after.is_empty()
                    || !name.is_ascii()
                    || after.starts_with(|c: char| !c.is_ascii_alphabetic());
                boundary.then_some((name.len(), *m, *s, *u))
            })
        })?;
        rest = rest[unit_len..].trim_start();
        rest = rest.strip_prefix("and ").unwrap_or(rest).trim_start();
        rest = rest.strip_prefix(',').unwrap_or(rest).trim_start();
        months = months.checked_add(n.checked_mul(per_month)?)?;
        seconds = seconds.checked_add(n.checked_mul(per_sec)?)?;
        units.push(unit);
    }
    (!units.is_empty()).then_some(Duration::Finite {
        months: u32::try_from(months).ok()?,
        seconds,
        unit: one_unit(&units),
    })
}
