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

mod calendar;
mod parse;

pub use calendar::month_span_days;
use parse::{parse_iso, parse_words};
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

    /// Does `self` last at least as long as `limit`, whatever the start
    /// date? (See [`Duration::against_at_least`].)
    pub fn at_least(&self, limit: &Duration) -> bool {
        self.against_at_least(limit) == Standing::Holds
    }

    /// Does `self` stay within `limit`, whatever the start date? (See
    /// [`Duration::against_at_most`].)
    pub fn at_most(&self, limit: &Duration) -> bool {
        self.against_at_most(limit) == Standing::Holds
    }

    /// How `self` stands against "at least `limit`", saying no more than
    /// the calendar allows: within one family (months with years; days,
    /// hours, weeks) exactly; across families it holds at or above the
    /// limit's longest length, fails below its shortest, and in between
    /// depends on the start date, naming the value that always holds.
    pub fn against_at_least(&self, limit: &Duration) -> Standing {
        match (self, limit) {
            (Duration::Never, _) => Standing::Holds,
            (_, Duration::Never) => Standing::Fails,
            _ => match self.same_family_cmp(limit) {
                Some(Ordering::Less) => Standing::Fails,
                Some(_) => Standing::Holds,
                None => {
                    let (lo, hi) = self.bounds().unwrap_or_default();
                    let (llo, lhi) = limit.bounds().unwrap_or_default();
                    if lo >= lhi {
                        Standing::Holds
                    } else if hi < llo {
                        Standing::Fails
                    } else {
                        Standing::Depends(Duration::exact_seconds(lhi))
                    }
                }
            },
        }
    }

    /// How `self` stands against "at most `limit`": the mirror image of
    /// [`Duration::against_at_least`] (holds within the limit's shortest
    /// length, fails beyond its longest, depends in between).
    pub fn against_at_most(&self, limit: &Duration) -> Standing {
        match (self, limit) {
            (_, Duration::Never) => Standing::Holds,
            (Duration::Never, _) => Standing::Fails,
            _ => match self.same_family_cmp(limit) {
                Some(Ordering::Greater) => Standing::Fails,
                Some(_) => Standing::Holds,
                None => {
                    let (lo, hi) = self.bounds().unwrap_or_default();
                    let (llo, lhi) = limit.bounds().unwrap_or_default();
                    if hi <= llo {
                        Standing::Holds
                    } else if lo > lhi {
                        Standing::Fails
                    } else {
                        Standing::Depends(Duration::exact_seconds(llo))
                    }
                }
            },
        }
    }

    /// An exact length: whole days when it is a number of days, else hours,
    /// else seconds.
    fn exact_seconds(seconds: u64) -> Duration {
        let unit = if seconds.is_multiple_of(DAY) {
            Unit::Days
        } else if seconds.is_multiple_of(3600) {
            Unit::Hours
        } else {
            Unit::Seconds
        };
        Duration::Finite {
            months: 0,
            seconds,
            unit,
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

/// Where a value stands against a limit (see [`Duration::against_at_most`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Holds whatever the start date.
    Holds,
    /// Fails whatever the start date.
    Fails,
    /// Depends on the start date; this value (an exact length) always holds.
    Depends(Duration),
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
            Unit::Days if m == 0 && seconds.is_multiple_of(DAY) => {
                return vec![(seconds / DAY, Unit::Days)]
            }
            Unit::Hours if m == 0 && seconds.is_multiple_of(3600) => {
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
                if seconds.is_multiple_of(DAY) && (seconds >= 2 * DAY || seconds == 0) {
                    (seconds / DAY, Unit::Days)
                } else if seconds.is_multiple_of(3600) {
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
