//! Live evidence in a run: the collection options shared by `shoko collect`
//! and `shoko build --live`, reading or collecting a snapshot, and turning
//! it into observed claims and fetched flows.

use super::{Error, Outcome, Result};
use crate::collect::snapshot::Snapshot;
use crate::collect::{Options, ProgressMode, Selector};
use crate::i18n::I18n;
use crate::model::evidence::LiveEvidence;
use crate::output::OutFile;
use clap::Args;
use std::path::PathBuf;
use std::time::Duration;

/// Options of a live collection.
#[derive(Args, Debug, Clone)]
pub struct LiveArgs {
    /// AWS Region(s) to look in (repeat or comma-separate); default: the
    /// Region of the AWS configuration (AWS_REGION, profile).
    #[arg(long = "region", value_delimiter = ',', value_name = "REGION")]
    pub regions: Vec<String>,
    /// Instance(s) by id, ARN or alias, or `all` (repeat or comma-separate).
    /// With `build --evidence`, selects instances of the snapshot.
    #[arg(long = "instance", value_delimiter = ',', value_name = "ID|ALIAS|all")]
    pub instances: Vec<String>,
    /// Time limit for one call, retries included (`20s`, `500ms`, `2m`).
    #[arg(long, value_name = "DURATION", default_value = "20s")]
    pub call_timeout: String,
    /// Time limit for the whole collection.
    #[arg(long = "timeout", value_name = "DURATION", default_value = "10m")]
    pub overall_timeout: String,
    /// Calls in flight at once.
    #[arg(long, value_name = "N", default_value_t = 8)]
    pub concurrency: usize,
    /// Connect API calls per second per Region (Connect throttles List APIs
    /// at about 2 per second per account).
    #[arg(long, value_name = "PER_SECOND", default_value_t = 2.0)]
    pub connect_rate: f64,
    /// Attempts per call (the first plus retries with backoff).
    #[arg(long, value_name = "N", default_value_t = 4)]
    pub max_attempts: u32,
    /// Progress on stderr: `auto` (a bar on a terminal, lines otherwise),
    /// `lines` or `quiet`.
    #[arg(long, value_name = "MODE", default_value = "auto")]
    pub progress: String,
}

/// Parse `20s`, `500ms`, `2m`, `1h` or a bare number of seconds.
pub fn parse_duration(s: &str) -> Option<Duration> {
    let s = s.trim();
    let (num, mult) = if let Some(n) = s.strip_suffix("ms") {
        (n, 0.001)
    } else if let Some(n) = s.strip_suffix('s') {
        (n, 1.0)
    } else if let Some(n) = s.strip_suffix('m') {
        (n, 60.0)
    } else if let Some(n) = s.strip_suffix('h') {
        (n, 3600.0)
    } else {
        (s, 1.0)
    };
    let v: f64 = num.trim().parse().ok()?;
    (v.is_finite() && v > 0.0).then(|| Duration::from_secs_f64(v * mult))
}

impl LiveArgs {
    /// Check the values and turn them into [`Options`] (Regions not yet
    /// resolved). Errors are messages for the user (exit 2).
    pub fn options(&self) -> Result<Options> {
        let dur = |flag: &str, v: &str| {
            parse_duration(v).ok_or_else(|| {
                Error::Usage(format!(
                    "{flag} `{v}` is not a duration\n  expected: e.g. `20s`, `500ms`, `2m`"
                ))
            })
        };
        let progress = match self.progress.as_str() {
            "auto" => ProgressMode::Auto,
            "lines" => ProgressMode::Lines,
            "quiet" => ProgressMode::Quiet,
            other => {
                return Err(Error::Usage(format!(
                    "--progress `{other}` is not known\n  expected: `auto`, `lines` or `quiet`"
                )))
            }
        };
        if self.concurrency == 0 {
            return Err(Error::Usage("--concurrency must be at least 1".into()));
        }
        if !(self.connect_rate > 0.0 && self.connect_rate.is_finite()) {
            return Err(Error::Usage(
                "--connect-rate must be a positive number of calls per second".into(),
            ));
        }
        if self.max_attempts == 0 {
            return Err(Error::Usage("--max-attempts must be at least 1".into()));
        }
        for r in &self.regions {
            let ok = !r.is_empty()
                && r.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && r.contains('-');
            if !ok {
                return Err(Error::Usage(format!(
                    "--region `{r}` is not an AWS Region code\n  expected: e.g. `ap-northeast-1`"
                )));
            }
        }
        let instances = if self.instances.is_empty() || self.instances.iter().any(|i| i == "all") {
            Selector::All
        } else {
            Selector::Named(self.instances.clone())
        };
        Ok(Options {
            regions: self.regions.clone(),
            instances,
            call_timeout: dur("--call-timeout", &self.call_timeout)?,
            overall_timeout: dur("--timeout", &self.overall_timeout)?,
            concurrency: self.concurrency,
            connect_rate: self.connect_rate,
            max_attempts: self.max_attempts,
            progress,
        })
    }

    /// Instances named for `build --evidence` (empty = all).
    pub fn instance_filter(&self) -> Vec<String> {
        self.instances
            .iter()
            .filter(|i| *i != "all")
            .cloned()
            .collect()
    }
}

/// Parse `--max-age`: a number of days (`30`) or a duration (`30 days`,
/// `P30D`, `4 weeks`); months count at their shortest (28 days).
pub fn parse_max_age(s: &str) -> std::result::Result<i64, String> {
    let t = s.trim();
    if let Ok(n) = t.trim_end_matches('d').parse::<i64>() {
        if n >= 0 {
            return Ok(n);
        }
    }
    match crate::model::Duration::parse(t).ok().and_then(|d| d.bounds()) {
        Some((lo, _)) => Ok((lo / 86_400) as i64),
        None => Err(format!(
            "--max-age `{s}` is not a number of days or a duration\n  expected: e.g. `30`, `30 days`, `P30D`"
        )),
    }
}

/// Where a build's live evidence comes from.
#[derive(Clone, Copy)]
pub struct Source<'a> {
    /// `--evidence DIR`: a saved snapshot.
    pub evidence: Option<&'a std::path::Path>,
    /// `--live`: collect now.
    pub live: bool,
    /// `--save-snapshot DIR` with `--live`.
    pub save: Option<&'a std::path::Path>,
    /// `--max-age`.
    pub max_age: &'a str,
    /// Collection options and the instance filter.
    pub args: &'a LiveArgs,
    /// `--as-of`.
    pub as_of: chrono::NaiveDate,
    /// Messages, for the flow analysis of fetched flows.
    pub i18n: &'a I18n,
    /// `--flow-logging`: the assumption for fetched flows' `unknown` entries.
    pub flow_assumption: Option<crate::model::flow::Logging>,
    /// The scopes the requirements name (category, scope).
    pub scopes: &'a [(String, crate::model::requirement::Scope)],
}

/// Read or collect the snapshot and interpret it; empty without either.
/// Prints the closing summary on stderr.
/// Also returns the snapshot's files (manifest and raw observations), which
/// the evidence pack carries; empty when no live evidence was asked for.
pub fn live_evidence(src: Source) -> Result<(LiveEvidence, Vec<OutFile>)> {
    let max_age_days = parse_max_age(src.max_age).map_err(Error::Usage)?;
    let snap = match (src.evidence, src.live) {
        (Some(_), true) => {
            return Err(Error::Usage(
                "--evidence and --live cannot be used together\n  hint: --live collects now; --evidence reads a snapshot saved by `shoko collect`".into(),
            ))
        }
        (Some(dir), false) => {
            Snapshot::read(dir).map_err(|e| Error::Usage(e.to_string()))?
        }
        (None, true) => {
            let s = crate::collect::run(src.args.options()?).map_err(Error::Usage)?;
            if let Some(dir) = src.save {
                s.write(dir)?;
            }
            s
        }
        (None, false) => return Ok((Default::default(), Vec::new())),
    };
    let filter = src.args.instance_filter();
    for n in &filter {
        let known = snap.manifest.instances.iter().any(|i| i.is_named(n));
        if !known {
            let have: Vec<String> = snap
                .manifest
                .instances
                .iter()
                .map(|i| i.alias.clone().unwrap_or_else(|| i.id.clone()))
                .collect();
            return Err(Error::Usage(format!(
                "--instance `{n}` is not in the snapshot\n  expected one of: {}",
                if have.is_empty() {
                    "(no instances)".to_string()
                } else {
                    have.join(", ")
                }
            )));
        }
    }
    let mut live = crate::observe::interpret_scoped(
        &snap,
        &crate::observe::Options {
            as_of: src.as_of,
            max_age_days,
            instances: filter.clone(),
        },
        src.i18n,
        src.scopes,
    );
    let fetched = crate::observe::fetched(&snap, &crate::observe::chosen_instances(&snap, &filter));
    live.flow_logging = fetched.logging;
    let analysed = fetched.analysed();
    if fetched.listed && (analysed > 0 || !fetched.errors.is_empty()) {
        let set = super::flows::FlowSet {
            groups: fetched.groups,
            files: fetched.files,
            errors: fetched.errors,
            assumption: src.flow_assumption,
            origin: crate::model::evidence::FlowOrigin::Live,
            starts_unseen: fetched.starts_unseen,
        };
        live.flows = Some(super::flows::flow_evidence(src.i18n, set));
    }
    // No flow could be analysed because a call failed: the claim falls
    // back to the declaration (or the documentation) and says why.
    if let (0, Some(reason)) = (analysed, fetched.unavailable) {
        live.unavailable.push(crate::model::evidence::Unavailable {
            category: "flow-logs".into(),
            property: crate::model::Property::SensitiveInputLogged,
            reason,
        });
    }
    let stale = live.claims.iter().filter(|c| c.stale).count();
    eprintln!(
        "live evidence: {}{}",
        snap.summary_line(live.claims.len()),
        if stale > 0 {
            format!(
                ", {stale} stale (older than {max_age_days} days at {})",
                src.as_of
            )
        } else {
            String::new()
        }
    );
    Ok((live, snap.files()))
}

/// `shoko collect`: collect and write the snapshot folder.
pub fn collect_command(args: &LiveArgs, out: &std::path::Path) -> Result<Snapshot> {
    let snap = crate::collect::run(args.options()?).map_err(Error::Usage)?;
    snap.write(out)?;
    let today = chrono::Utc::now().date_naive();
    let i18n = I18n::load(&crate::assets::Assets::default())?;
    let live = crate::observe::interpret(
        &snap,
        &crate::observe::Options {
            as_of: today,
            max_age_days: i64::MAX / 2,
            instances: Vec::new(),
        },
        &i18n,
    );
    eprintln!(
        "wrote snapshot to {}: {}",
        out.display(),
        snap.summary_line(live.claims.len())
    );
    for n in &snap.manifest.notes {
        eprintln!("note: {n}");
    }
    if snap.manifest.instances.is_empty() {
        return Err(Error::Usage(
            "no Amazon Connect instance was collected (see the notes above); the snapshot records every call made\n  hint: check the credentials (AWS_PROFILE), --region and --instance".into(),
        ));
    }
    Ok(snap)
}

/// Arguments of `shoko collect`.
#[derive(Args, Debug)]
pub struct CollectArgs {
    #[command(flatten)]
    pub live: LiveArgs,
    /// Snapshot folder to write (replaced as a whole).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
}

/// Run `shoko collect`.
pub fn run(args: CollectArgs) -> Result<Outcome> {
    collect_command(&args.live, &args.out).map(|_| Outcome::Done)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_and_max_age_parse() {
        assert_eq!(parse_duration("500ms"), Some(Duration::from_millis(500)));
        assert_eq!(parse_duration("2m"), Some(Duration::from_secs(120)));
        assert_eq!(parse_duration("3"), Some(Duration::from_secs(3)));
        assert_eq!(parse_duration("soon"), None);
        assert_eq!(parse_duration("0s"), None);
        assert_eq!(parse_max_age("30"), Ok(30));
        assert_eq!(parse_max_age("30d"), Ok(30));
        assert_eq!(parse_max_age("P45D"), Ok(45));
        assert_eq!(parse_max_age("2 weeks"), Ok(14));
        assert!(parse_max_age("old").is_err());
    }
}
