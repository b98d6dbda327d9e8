//! `handbook`: a static-site generator for a bilingual (English + Hindi) resilience handbook.
//!
//! Markdown pages under `content/<lang>/<section>/<slug>.md` become a static site with pretty
//! URLs per language, a language switcher, Fluent interface strings and printable worksheets.
//! The stages and their order live in [`pipeline`]:
//!
//! ```text
//! stage 0      1                   2                3               4          4½       5
//! config ─▶ content::discover ─▶ content::parse ─▶ model::site ─▶ render ─▶ [pdf] ─▶ output
//! Config      Vec<Source>         Vec<ParsedPage>    Site          OutputFile  PDFs     disk
//!   └─ i18n: Fluent bundles ───────────────────────────┘             ▲
//!                          render::templates: Theme (templates, static) ┘
//! ```
//!
//! The render stage is a list of jobs, one per file made from the model, and the files that
//! are copied or indexed:
//!
//! ```text
//! render::jobs(site) ─▶ view of the job's kind ─▶ its template ─▶ OutputFile
//!                       page section tags home     page.html section.html tag.html tags.html
//!                       root not_found print_pack  home.html root.html 404.html print.html
//!                       search feed sitemap        search.html atom.xml sitemap.xml
//! render::search (index of each language) · theme static files · content files ─▶ OutputFile
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
