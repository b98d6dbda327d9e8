//! `handbook`: a static-site generator for a bilingual (English + Hindi) resilience handbook.
//!
//! Markdown pages under `content/<lang>/<section>/<slug>.md` become a static site with pretty
//! URLs per language, a language switcher, Fluent interface strings and printable worksheets.
//! The stages and their order live in [`pipeline`]:
//!
//! ```text
//! config ─▶ content::discover ─▶ content::parse ─▶ model::site ─▶ render ─▶ [pdf] ─▶ output
//! ```
//!
//! The library never prints; `main.rs` and `cmd/` do.

pub mod check;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod html;
pub mod i18n;
pub mod model;
pub mod output;
pub mod pdf;
pub mod pipeline;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
