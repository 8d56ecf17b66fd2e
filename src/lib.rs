//! shoko (証拠, "evidence"): bilingual, evidence-backed non-functional
//! requirement documents for Amazon Connect.
//!
//! ```text
//!  evidence/ (catalog)      requirements.yaml     answers.yaml
//!        │                        │                    │
//!        ▼                        │                    │
//!   load + validate (load/) ◄─────┴────────────────────┘
//!        │     live collectors (collect/) ──► snapshot (raw JSON, hashed)
//!        │                 observed claims (observe/) ◄┘   flows (flow/)
//!        ▼                                   │               │
//!   resolve: observed ► declared ► documented ◄┘◄─────────────┘ (resolve.rs)
//!        ▼
//!   gap analysis: requirement × claim → status + remedy   (gap/)
//!        ▼
//!   Report (language-neutral, `--dump-model`)   (report/)
//!        ├─► Markdown (Tera + Fluent)   ├─► PDF (Typst, data as inputs)
//!        ├─► mdBook source              └─► evidence pack
//! ```
//!
//! Every stage is a function from data to data; only the collectors talk to
//! AWS and only [`output`] touches the output folder. The modules are
//! layered in this order (imports only go down; the contributor guide in
//! `book/src/contributing.md` has the table, `tests/it/layering.rs` checks
//! it): `model`, `text` < `load`, `collect`, `i18n`, `assets`, `output` <
//! `observe`, `resolve`, `flow` < `gap` < `report` < `render`, `pack` <
//! `app` < `main.rs`.

pub mod app;
pub mod assets;
pub mod collect;
pub mod diff;
pub mod flow;
#[doc(hidden)]
pub mod fuzz_checks;
pub mod gap;
pub mod i18n;
pub mod interop;
pub mod load;
pub mod model;
pub mod observe;
pub mod output;
pub mod pack;
pub mod render;
pub mod report;
pub mod resolve;
pub mod text;

pub use app::build::{build_report, trips};
pub use app::flows::{flow_evidence, load_flows, FlowSet};
pub use app::inputs::{load_catalog, load_inputs, InputText, Inputs};
pub use app::render::{render_all, render_with, Format, RenderOptions};
pub use app::{Error, Outcome, Result};
