//! The one integration test binary: each module builds small fixture sites from
//! `tests/fixtures/` in a temporary folder and asserts on the output or the messages.

mod atomic;
mod build;
mod check;
mod content;
mod errors;
mod links;
mod new_page;
mod preview;
mod search;
mod serve;
mod support;
mod tags;
mod workflows;
