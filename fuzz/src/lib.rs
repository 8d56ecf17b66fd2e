//! The parts of shoko the fuzz targets exercise, compiled from the main
//! crate's sources: the YAML loaders with their validators, the duration
//! parser, Markdown escaping and the flow parser and analysis. Each check
//! is also in `checks`, which `tests/fuzz_regressions.rs` in the main crate
//! runs over the kept corpus seeds, so a crash found here stays fixed.
#![allow(dead_code)]

#[path = "../../src/model/mod.rs"]
pub mod model;

#[path = "../../src/load/mod.rs"]
pub mod load;

#[path = "../../src/flow/mod.rs"]
pub mod flow;

#[path = "../../src/text/mod.rs"]
pub mod text;

#[path = "../../src/fuzz_checks.rs"]
pub mod checks;
