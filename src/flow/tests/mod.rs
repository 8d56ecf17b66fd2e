//! Tests of the flow module, by concern: `parse` (errors, their codes and
//! positions), `analysis` (paths and findings), `load` (folders of flows).
//! The fixtures are in `tests/fixtures/flows/`.

use super::*;

mod analysis;
mod dataflow;
mod entry;
mod load;
mod parse;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/flows/");

fn fixture_text(file: &str) -> String {
    let path = format!("{FIXTURES}{file}");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

fn fixture(file: &str, name: &str) -> FlowFile {
    fixture_with(file, name, None, None)
}

fn fixture_with(file: &str, name: &str, arn: Option<&str>, id: Option<&str>) -> FlowFile {
    let path = format!("{FIXTURES}{file}");
    parse_flow(&path, name, arn, id, &fixture_text(file))
        .unwrap_or_else(|e| panic!("fixture {file} should parse: {e}"))
}

fn block_ids(path: &[PathStep]) -> Vec<&str> {
    path.iter().map(|s| s.block_id.as_str()).collect()
}

fn vias(path: &[PathStep]) -> Vec<Option<&str>> {
    path.iter().map(|s| s.via.as_deref()).collect()
}

const CARD_PAYMENT_ARN: &str =
    "arn:aws:connect:eu-west-1:111122223333:instance/0a1b2c3d-instance/contact-flow/7f3e9c1a-card-payment";
const SECURE_ENTRY_ARN: &str =
    "arn:aws:connect:eu-west-1:111122223333:instance/0a1b2c3d-instance/flow-module/5d2c8e4b-secure-entry";

fn parse_err(json: &str) -> FlowError {
    parse_flow("inline.json", "Inline", None, None, json).expect_err("must not parse")
}
