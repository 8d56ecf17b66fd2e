//! Renderers: each reads the Report (through a per-language view) and
//! returns bytes; none of them writes files.

pub mod book;
pub mod markdown;
pub mod pdf;
pub mod view;
