//! Durations as a reviewer compares them.
//!
//! Requirements and answers write lengths of time in ISO 8601 (`P6M`,
//! `PT24H`), English (`6 months`) or Japanese (`6ヶ月`, `365日`). A length is
//! kept as calendar months plus exact seconds, because the two do not convert
//! exactly: six months are 181 to 184 days depending on where they start.
//!
//! Within one family (months and years; or weeks, days, hours, minutes,
//! seconds) comparison is exact. Across families a value is the interval of
//! every real length it can have (a month 28–31 days, a year 365–366 days, and
//! `n` months the shortest and longest run of `n` consecutive calendar months).
//! `at_least X` holds when the value's shortest length reaches X's shortest;
//! `at_most X` holds when the value's longest length stays within X's longest.
//! "Never expire" is longer than any duration.

use std::cmp::Ordering;
use std::fmt;

const DAY: u64 = 86_400;

/// The unit a duration was written in, kept so that documents show
/// `24 months` where the source said 24 months (not `2 years`). It takes no
/// part in comparison or equality.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Unit {
    /// Years.
    Years,
    /// Months.
    Months,
    /// Weeks.
    Weeks,
    /// Days.
    Days,
    /// Hours.
    Hours,
    /// Minutes.
    Minutes,
    /// Seconds.
    Seconds,
    /// Several units, or unknown: shown in the largest unit that divides it.
    #[default]
    Mixed,
}

/// A length of time: calendar months plus exact seconds, or never-ending.
#[derive(Debug, Clone, Copy)]
pub enum Duration {
    /// A finite length.
    Finite {
        /// Calendar months (a year is 12).
        months: u32,
        /// Exact seconds (a day is 86,400; a week 7 days).
        seconds: u64,
        /// How it was written (display only).
        unit: Unit,
    },
    /// Kept until deleted: longer than any finite length.
    Never,
}

/// Why a text is not a duration.
impl PartialEq for Duration {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Duration::Never, Duration::Never) => true,
            (
                Duration::Finite {
                    months: a,
                    seconds: b,
                    ..
                },
                Duration::Finite {
                    months: c,
                    seconds: d,
                    ..
                },
            ) => a == c && b == d,
            _ => false,
        }
    }
}

impl Eq for Duration {}

impl std::hash::Hash for Duration {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        match self {
            Duration::Never => 0u8.hash(h),
            Duration::Finite {
                months, seconds, ..
            } => (1u8, months, seconds).hash(h),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DurationError {
    /// What was wrong, for the user.
    pub message: String,
}

/// The forms accepted, shown in error hints.
pub const ACCEPTED_FORMS: &str = "a number with a unit: `6 months`, `365 days`, `24 hours`, `2 weeks`, `5 years`; ISO 8601 `P6M`, `P365D`, `PT24H`, `P1Y6M`; Japanese `6ヶ月`, `6か月`, `365日`, `24時間`, `5年`; or `never` (never expires)";

impl Duration {
    /// A length in calendar months.
    pub const fn months(months: u32) -> Self {
        Duration::Finite {
            months,
            seconds: 0,
            unit: Unit::Months,
        }
    }
    /// A length in days.
    pub const fn days(days: u64) -> Self {
        Duration::Finite {
            months: 0,
            seconds: days * DAY,
            unit: Unit::Days,
        }
    }
    /// A length in hours.
    pub const fn hours(hours: u64) -> Self {
        Duration::Finite {
            months: 0,
            seconds: hours * 3600,
            unit: Unit::Hours,
        }
    }

    /// The shortest and longest length in seconds this value can have
    /// (`None` for never).
    pub fn bounds(&self) -> Option<(u64, u64)> {
        match *self {
            Duration::Never => None,
            Duration::Finite {
                months, seconds, ..
            } => {
                let (lo, hi) = month_span_days(months);
                Some((lo * DAY + seconds, hi * DAY + seconds))
            }
        }
    }

    fn family(&self) -> Family {
        match *self {
            Duration::Never => Family::Never,
            Duration::Finite {
                months, seconds, ..
            } => match (months, seconds) {
                (0, _) => Family::Exact,
                (_, 0) => Family::Calendar,
                _ => Family::Mixed,
            },
        }
    }

    /// Does `self` last at least as long as `limit`, as a person would judge?
    pub fn at_least(&self, limit: &Duration) -> bool {
        match (self, limit) {
            (Duration::Never, _) => true,
            (_, Duration::Never) => false,
            _ => match self.same_family_cmp(limit) {
                Some(ord) => ord != Ordering::Less,
                None => self.bounds().unwrap_or_default().0 >= limit.bounds().unwrap_or_default().0,
            },
        }
    }

    /// Does `self` stay within `limit`, as a person would judge?
    pub fn at_most(&self, limit: &Duration) -> bool {
        match (self, limit) {
            (_, Duration::Never) => true,
            (Duration::Never, _) => false,
            _ => match self.same_family_cmp(limit) {
                Some(ord) => ord != Ordering::Greater,
                None => self.bounds().unwrap_or_default().1 <= limit.bounds().unwrap_or_default().1,
            },
        }
    }

    /// Exact comparison when both values are of one family.
    fn same_family_cmp(&self, other: &Duration) -> Option<Ordering> {
        match (*self, *other) {
            (
                Duration::Finite {
                    months: a,
                    seconds: 0,
                    ..
                },
                Duration::Finite {
                    months: b,
                    seconds: 0,
                    ..
                },
            ) if self.family() == Family::Calendar || other.family() == Family::Calendar => {
                Some(a.cmp(&b))
            }
            (
                Duration::Finite {
                    months: 0,
                    seconds: a,
                    ..
                },
                Duration::Finite {
                    months: 0,
                    seconds: b,
                    ..
                },
            ) => Some(a.cmp(&b)),
            _ => None,
        }
    }

    /// Parse any accepted form (see [`ACCEPTED_FORMS`]).
    pub fn parse(text: &str) -> Result<Duration, DurationError> {
        let normalized: String = text
            .trim()
            .chars()
            .map(|c| match c {
                '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
                '　' => ' ',
                _ => c,
            })
            .collect();
        let t = normalized.as_str();
        if t.is_empty() {
            return Err(DurationError {
                message: "empty duration".into(),
            });
        }
        let lower = t.to_ascii_lowercase();
        if matches!(
            lower.as_str(),
            "never" | "never expire" | "never-expire" | "never expires" | "無期限" | "無期限保持"
        ) {
            return Ok(Duration::Never);
        }
        if lower.starts_with('p') {
            return parse_iso(&lower).ok_or_else(|| DurationError {
                message: format!("`{text}` is not an ISO 8601 duration"),
            });
        }
        parse_words(&lower).ok_or_else(|| DurationError {
            message: format!("`{text}` is not a duration"),
        })
    }
}

#[derive(Debug, PartialEq, Eq, Clone, Copy)]
enum Family {
    Calendar,
    Exact,
    Mixed,
    Never,
}

impl PartialOrd for Duration {
    /// Ordered only when the answer is certain: same family, never, or
    /// non-overlapping intervals.
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        match (self, other) {
            (Duration::Never, Duration::Never) => Some(Ordering::Equal),
            (Duration::Never, _) => Some(Ordering::Greater),
            (_, Duration::Never) => Some(Ordering::Less),
            _ => self.same_family_cmp(other).or_else(|| {
                let (a_lo, a_hi) = self.bounds()?;
                let (b_lo, b_hi) = other.bounds()?;
                if a_hi < b_lo {
                    Some(Ordering::Less)
                } else if a_lo > b_hi {
                    Some(Ordering::Greater)
                } else {
                    None
                }
            }),
        }
    }
}

/// Shortest and longest run, in days, of `months` consecutive calendar months
/// over the 400-year Gregorian cycle (4,800 months, 146,097 days).
pub fn month_span_days(months: u32) -> (u64, u64) {
    const CYCLE_MONTHS: usize = 4800;
    const CYCLE_DAYS: u64 = 146_097;
    if months == 0 {
        return (0, 0);
    }
    let whole = u64::from(months) / CYCLE_MONTHS as u64;
    let rest = months as usize % CYCLE_MONTHS;
    // prefix[i] = days in the first i months of two back-to-back cycles.
    let mut prefix = Vec::with_capacity(2 * CYCLE_MONTHS + 1);
    prefix.push(0u64);
    for m in 0..(2 * CYCLE_MONTHS) {
        let last = prefix[m];
        prefix.push(last + days_in_month((m / 12) as u64 % 400, (m % 12) as u32));
    }
    let (mut lo, mut hi) = (u64::MAX, 0);
    for start in 0..CYCLE_MONTHS {
        let days = prefix[start + rest] - prefix[start];
        lo = lo.min(days);
        hi = hi.max(days);
    }
    (whole * CYCLE_DAYS + lo, whole * CYCLE_DAYS + hi)
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

fn parse_iso(t: &str) -> Option<Duration> {
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

fn parse_words(t: &str) -> Option<Duration> {
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

impl Duration {
    /// How to show the value: (number, unit) pairs, largest first, in the
    /// unit it was written in where that is exact. Empty for never.
    pub fn parts(&self) -> Vec<(u64, Unit)> {
        const WEEK: u64 = 7 * DAY;
        let Duration::Finite {
            months,
            seconds,
            unit,
        } = *self
        else {
            return Vec::new();
        };
        let m = u64::from(months);
        match unit {
            Unit::Years if seconds == 0 && m % 12 == 0 => return vec![(m / 12, Unit::Years)],
            Unit::Months if seconds == 0 => return vec![(m, Unit::Months)],
            Unit::Weeks if m == 0 && seconds % WEEK == 0 => {
                return vec![(seconds / WEEK, Unit::Weeks)]
            }
            Unit::Days if m == 0 && seconds % DAY == 0 => return vec![(seconds / DAY, Unit::Days)],
            Unit::Hours if m == 0 && seconds % 3600 == 0 => {
                return vec![(seconds / 3600, Unit::Hours)]
            }
            Unit::Minutes if m == 0 && seconds % 60 == 0 => {
                return vec![(seconds / 60, Unit::Minutes)]
            }
            Unit::Seconds if m == 0 => return vec![(seconds, Unit::Seconds)],
            _ => {}
        }
        let mut parts = Vec::new();
        if m > 0 {
            parts.push(if m % 12 == 0 {
                (m / 12, Unit::Years)
            } else {
                (m, Unit::Months)
            });
        }
        if seconds > 0 || m == 0 {
            parts.push(
                if seconds % DAY == 0 && (seconds >= 2 * DAY || seconds == 0) {
                    (seconds / DAY, Unit::Days)
                } else if seconds % 3600 == 0 {
                    (seconds / 3600, Unit::Hours)
                } else if seconds % 60 == 0 {
                    (seconds / 60, Unit::Minutes)
                } else {
                    (seconds, Unit::Seconds)
                },
            );
        }
        parts
    }

    /// The value in Japanese (`24ヶ月`, `365日`, `24時間`, `無期限`).
    pub fn to_japanese(&self) -> String {
        if *self == Duration::Never {
            return "無期限".into();
        }
        self.parts()
            .into_iter()
            .map(|(n, u)| {
                let unit = match u {
                    Unit::Years => "年",
                    Unit::Months => "ヶ月",
                    Unit::Weeks => "週間",
                    Unit::Days => "日",
                    Unit::Hours => "時間",
                    Unit::Minutes => "分",
                    Unit::Seconds | Unit::Mixed => "秒",
                };
                format!("{n}{unit}")
            })
            .collect()
    }
}

impl fmt::Display for Duration {
    /// Canonical English form (`24 months`, `365 days`, `24 hours`, `never`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if *self == Duration::Never {
            return f.write_str("never");
        }
        let parts: Vec<String> = self
            .parts()
            .into_iter()
            .map(|(n, u)| {
                let unit = match u {
                    Unit::Years => "year",
                    Unit::Months => "month",
                    Unit::Weeks => "week",
                    Unit::Days => "day",
                    Unit::Hours => "hour",
                    Unit::Minutes => "minute",
                    Unit::Seconds | Unit::Mixed => "second",
                };
                if n == 1 {
                    format!("1 {unit}")
                } else {
                    format!("{n} {unit}s")
                }
            })
            .collect();
        f.write_str(&parts.join(" "))
    }
}

#[cfg(test)]
mod tests;
