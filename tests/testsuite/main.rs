//! The one integration test binary: each module builds small fixture sites from
//! `tests/fixtures/` in a temporary folder and asserts on the output or the messages.

mod all_at_once;
mod atomic;
mod build;
mod check;
mod content;
mod corpus;
/// The corpus generator of `cargo run --example corpus`, compiled in to test it.
#[allow(dead_code)]
#[path = "../../examples/corpus.rs"]
mod corpus_gen;
mod edit_links;
mod errors;
mod hardening;
mod help;
mod hostile;
mod html_tags;
mod links;
mod new_page;
mod offline;
mod pr_summary;
mod preview;
mod print;
mod props;
mod raw_html;
mod search;
mod serve;
mod support;
mod tags;
mod words;
mod workflows;
mod xml;
