//! `--format oscal`: OSCAL Assessment Results as a tool that reads OSCAL
//! meets them. The file is loaded with compliance-trestle's models (PyPI
//! `compliance-trestle`, installed by `scripts/test`), which reject any
//! field, value or shape the OSCAL schema does not allow; then the tests
//! check what a reviewer would: one finding per requirement with the right
//! state, one risk per gap with its remedy, observations citing evidence
//! with the right method, and byte-identical output across runs.

use crate::common::{root, shoko, text, AS_OF};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Load an OSCAL assessment-results file with compliance-trestle; panics
/// with trestle's message when it does not validate. Returns trestle's
/// own count of findings, risks and observations.
fn trestle_load(path: &Path) -> (usize, usize, usize) {
    let script = r#"
import pathlib, sys
from trestle.oscal import OSCAL_VERSION
from trestle.oscal.assessment_results import AssessmentResults
ar = AssessmentResults.oscal_read(pathlib.Path(sys.argv[1]))
r = ar.results[0]
print(OSCAL_VERSION, len(r.findings or []), len(r.risks or []), len(r.observations or []))
"#;
    let o = Command::new("python3")
        .args(["-c", script, &path.display().to_string()])
        .output()
        .expect("python3 (scripts/test installs compliance-trestle)");
    assert!(
        o.status.success(),
        "compliance-trestle rejected {}:\n{}",
        path.display(),
        String::from_utf8_lossy(&o.stderr)
    );
    let out = String::from_utf8_lossy(&o.stdout).to_string();
    let f: Vec<&str> = out.split_whitespace().collect();
    assert_eq!(f[0], "1.2.1", "trestle's OSCAL version is the pinned one");
    (
        f[1].parse().expect("n"),
        f[2].parse().expect("n"),
        f[3].parse().expect("n"),
    )
}

/// Build into `dir/out` with `--format oscal` and `extra`; returns the
/// OSCAL file and the dumped model.
fn build(dir: &Path, extra: &[&str]) -> (PathBuf, Value) {
    let mut args = vec![
        "build",
        "--format",
        "oscal",
        "--as-of",
        AS_OF,
        "--out",
        "out",
        "--dump-model",
        "model.json",
    ];
    args.extend_from_slice(extra);
    let o = shoko(&args, dir);
    assert!(o.status.success(), "{}", text(&o));
    let model: Value =
        serde_json::from_slice(&std::fs::read(dir.join("model.json")).expect("model"))
            .expect("json");
    (dir.join("out/oscal/assessment-results.json"), model)
}

fn json(p: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(p).expect("oscal file")).expect("json")
}

fn prop<'a>(item: &'a Value, name: &str) -> Option<&'a str> {
    item["props"]
        .as_array()?
        .iter()
        .find(|p| p["name"] == name)
        .and_then(|p| p["value"].as_str())
}

#[test]
fn oscal_example_loads_with_trestle_one_finding_per_requirement_one_risk_per_gap() {
    let dir = tempfile::tempdir().expect("tmp");
    let (path, model) = build(dir.path(), &["--example"]);
    let (findings, risks, observations) = trestle_load(&path);
    let doc = json(&path);
    let ar = &doc["assessment-results"];
    assert_eq!(ar["metadata"]["oscal-version"], "1.2.1");
    let results = ar["results"].as_array().expect("results");
    assert_eq!(results.len(), 1, "one result for the run");
    let r = &results[0];

    // import-ap points at the back-matter resource of the requirements file.
    let href = ar["import-ap"]["href"].as_str().expect("href");
    let plan = ar["back-matter"]["resources"]
        .as_array()
        .expect("resources")
        .iter()
        .find(|x| format!("#{}", x["uuid"].as_str().unwrap_or("")) == href)
        .expect("import-ap names a back-matter resource");
    let req_sha = model["inputs"]
        .as_array()
        .expect("inputs")
        .iter()
        .find(|i| i["role"] == "requirements")
        .expect("requirements input")["sha256"]
        .clone();
    assert_eq!(plan["rlinks"][0]["hashes"][0]["value"], req_sha);
    let sel = &r["reviewed-controls"]["control-selections"][0];
    assert!(sel["include-all"].is_object());
    assert_eq!(
        prop(sel, "requirement-set"),
        Some("built-in:evidence/examples/requirements.yaml")
    );

    // Each requirement is exactly one finding, with the right state.
    let reqs = model["requirements"].as_array().expect("requirements");
    assert_eq!(findings, reqs.len());
    let fs = r["findings"].as_array().expect("findings");
    for req in reqs {
        let id = req["id"].as_str().expect("id");
        let mine: Vec<&Value> = fs
            .iter()
            .filter(|f| prop(f, "requirement") == Some(id))
            .collect();
        assert_eq!(mine.len(), 1, "one finding for {id}");
        let f = mine[0];
        assert_eq!(f["target"]["target-id"], id);
        let status = req["status"].as_str().expect("status");
        let want = if status == "met" || status == "not-applicable" {
            "satisfied"
        } else {
            "not-satisfied"
        };
        assert_eq!(f["target"]["status"]["state"], want, "{id} is {status}");
        assert_eq!(prop(f, "status"), Some(status));
        if want == "not-satisfied" {
            assert_eq!(f["target"]["status"]["reason"], status, "{id} says why");
        }
    }
    // Review and unverified are never satisfied.
    assert!(reqs.iter().any(|q| q["status"] == "review"));
    assert!(reqs.iter().any(|q| q["status"] == "unverified"));

    // Each gap (requirement × category) is exactly one risk with its remedy.
    let gaps: Vec<(String, String, String)> = reqs
        .iter()
        .flat_map(|q| q["verdicts"].as_array().expect("verdicts").iter())
        .filter(|v| v["status"] == "gap")
        .map(|v| {
            (
                v["requirement"].as_str().unwrap_or("").to_string(),
                v["category"].as_str().unwrap_or("").to_string(),
                v["remedy"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert!(!gaps.is_empty());
    assert_eq!(risks, gaps.len());
    let rs = r["risks"].as_array().expect("risks");
    for (req, cat, remedy) in &gaps {
        let mine: Vec<&Value> = rs
            .iter()
            .filter(|x| prop(x, "requirement") == Some(req) && prop(x, "category") == Some(cat))
            .collect();
        assert_eq!(mine.len(), 1, "one risk for {req} × {cat}");
        let risk = mine[0];
        assert_eq!(
            prop(&risk["remediations"][0], "remedy"),
            Some(remedy.as_str())
        );
        let u = &risk["uuid"];
        let f = fs
            .iter()
            .find(|f| prop(f, "requirement") == Some(req))
            .expect("finding");
        assert!(
            f["related-risks"]
                .as_array()
                .is_some_and(|a| a.iter().any(|x| &x["risk-uuid"] == u)),
            "the finding of {req} names its risk"
        );
    }

    // Each claim is one observation; declared claims are interviews, the
    // documented ones examinations, each citing its sources.
    let claims: usize = model["categories"]
        .as_array()
        .expect("categories")
        .iter()
        .map(|c| c["claims"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(observations, claims);
    let os = r["observations"].as_array().expect("observations");
    for o in os {
        let method = o["methods"][0].as_str().expect("method");
        let want = match prop(o, "provenance") {
            Some("declared") => "INTERVIEW",
            Some("observed") => "TEST",
            _ => "EXAMINE",
        };
        assert_eq!(method, want);
        assert!(
            o["relevant-evidence"]
                .as_array()
                .is_some_and(|a| !a.is_empty()),
            "{} cites its evidence",
            o["title"]
        );
        assert!(o.get("expires").is_none(), "offline claims do not expire");
    }
    let declared = os
        .iter()
        .find(|o| prop(o, "provenance") == Some("declared"))
        .expect("a declared claim");
    assert_eq!(
        declared["collected"], "2026-11-01T00:00:00Z",
        "declared_at of the example"
    );
}

#[test]
fn oscal_live_observations_are_tests_that_expire_at_the_freshness_limit() {
    let case = root().join("tests/cases/observed");
    let dir = tempfile::tempdir().expect("tmp");
    let snap = case.join("snapshot").display().to_string();
    let reqs = case.join("requirements.yaml");
    let mut extra = vec!["--evidence", snap.as_str(), "--max-age", "45"];
    let reqs_s = reqs.display().to_string();
    if reqs.exists() {
        extra.extend(["-r", reqs_s.as_str()]);
    } else {
        extra.push("--example");
    }
    let (path, model) = build(dir.path(), &extra);
    trestle_load(&path);
    let doc = json(&path);
    let os = doc["assessment-results"]["results"][0]["observations"]
        .as_array()
        .expect("observations")
        .clone();
    // Observed claims resting on API calls (the flow analysis cites flows).
    let api = |o: &&Value| {
        o["relevant-evidence"].as_array().is_some_and(|a| {
            a.iter()
                .any(|e| e["description"].as_str().is_some_and(|d| d.contains(" #")))
        })
    };
    let observed: Vec<&Value> = os
        .iter()
        .filter(|o| prop(o, "provenance") == Some("observed"))
        .filter(api)
        .collect();
    assert!(!observed.is_empty(), "the snapshot gives observed claims");
    for o in observed {
        assert_eq!(o["methods"][0], "TEST");
        let c = chrono::DateTime::parse_from_rfc3339(o["collected"].as_str().expect("collected"))
            .expect("date-time");
        let e = chrono::DateTime::parse_from_rfc3339(o["expires"].as_str().expect("expires"))
            .expect("date-time");
        assert_eq!(
            (e - c).num_days(),
            45,
            "expires --max-age days after collection"
        );
        // The collection time is one of the snapshot's observation times.
        let times: Vec<String> = model["sources"]
            .as_array()
            .expect("sources")
            .iter()
            .filter_map(|s| s["collected_at"].as_str())
            .filter_map(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
            .map(|t| t.to_utc().to_rfc3339())
            .collect();
        assert!(times.contains(&c.to_utc().to_rfc3339()));
        let ev = o["relevant-evidence"].as_array().expect("evidence");
        assert!(ev.iter().any(|e| e["description"]
            .as_str()
            .is_some_and(|d| d.contains("SHA-256"))));
    }
}

#[test]
fn oscal_output_is_byte_identical_across_runs_and_with_the_pack() {
    let a = tempfile::tempdir().expect("tmp");
    let b = tempfile::tempdir().expect("tmp");
    let (pa, _) = build(a.path(), &["--example"]);
    let (pb, _) = build(b.path(), &["--example", "--format", "pack", "--lang", "ja"]);
    let x = std::fs::read(&pa).expect("a");
    let y = std::fs::read(&pb).expect("b");
    assert_eq!(x, std::fs::read(&pa).expect("a again"));
    // --lang ja is also the first language of the default; the pack beside
    // it changes nothing in the OSCAL file.
    assert_eq!(x, y, "same inputs and --as-of give the same OSCAL bytes");
    // Another --as-of gives other UUIDs.
    let c = tempfile::tempdir().expect("tmp");
    let o = shoko(
        &[
            "build",
            "--example",
            "--format",
            "oscal",
            "--as-of",
            "2026-12-01",
            "--out",
            "out",
        ],
        c.path(),
    );
    assert!(o.status.success(), "{}", text(&o));
    let z = json(&c.path().join("out/oscal/assessment-results.json"));
    assert_ne!(
        json(&pa)["assessment-results"]["uuid"],
        z["assessment-results"]["uuid"]
    );
}
