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

#[path = "../../src/flow.rs"]
pub mod flow;

#[path = "../../src/render/escape.rs"]
pub mod escape;

/// `crate::render::escape`, as in the main crate.
pub mod render {
    pub use crate::escape;
}

#[path = "../../src/fuzz_checks.rs"]
pub mod checks;
