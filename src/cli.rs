//! Before the pipeline: the command line in, a parsed [`Cli`] out (clap derive). Each command's
//! arguments live in `cmd/`.
// The doc comments of the argument types are the `--help` text, written for a terminal
// (`content/<lang>/`, bare addresses), not for rustdoc.
#![allow(rustdoc::invalid_html_tags, rustdoc::bare_urls)]

use crate::cmd;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// Build the bilingual resilience handbook: Markdown in content/<lang>/ becomes a static site
/// that is searchable, printable and ready for GitHub Pages.
#[derive(Debug, Parser)]
#[command(name = "handbook", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// The site folder (the one holding content/ and handbook.yaml).
    #[arg(long, global = true, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,

    /// Print only errors.
    #[arg(long, short, global = true)]
    pub quiet: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into public/ (or --out). A failed build leaves the previous output untouched.
    Build(cmd::build::Args),
    /// Check everything a build checks, plus translations and unused messages, without writing anything.
    Check(cmd::check::Args),
    /// Start a new page in every language (or one), with front matter and placeholders to replace.
    New(cmd::new::Args),
    /// Preview the site on 127.0.0.1: rebuilds what you change and reloads the open page.
    Serve(cmd::serve::Args),
}
