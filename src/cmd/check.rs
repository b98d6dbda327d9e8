//! `handbook check`, around the pipeline: its arguments in, [`crate::pipeline::check`] run and
//! its diagnostics (or translation report) printed.

use super::Reported;
use crate::check::{escalate, translations};
use crate::config::Overrides;
use crate::diagnostics::{Severity, snippets};
use crate::model::site::counts;
use crate::pipeline;
use crate::{err, errln, out, outln};
use anyhow::Result;
use std::io::IsTerminal;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Grouped by file, with the offending line shown, then a summary.
    Human,
    /// One GitHub Actions annotation per problem (`::error file=…,line=…,col=…::…`).
    Github,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// How to print problems.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Treat warnings (missing translations, unused messages, placeholders…) as errors.
    #[arg(long)]
    pub strict: bool,

    /// Also print the translation status: every page per section and language, and which translations are older than their source.
    #[arg(long)]
    pub translations: bool,

    /// Check as `build --drafts` would: include pages marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
}

pub fn run(root: &Path, args: &Args, quiet: bool) -> Result<()> {
    let overrides = Overrides {
        drafts: args.drafts,
        ..Overrides::default()
    };
    let mut report = pipeline::check(root, &overrides)?;
    if args.strict {
        escalate(&mut report.diags);
    }
    if quiet {
        // `--quiet` prints only errors.
        report.diags.0.retain(|d| d.severity == Severity::Error);
    }
    let diags = &report.diags;
    match args.format {
        Format::Github => {
            for d in &diags.0 {
                outln!("{}", d.github());
            }
            if !quiet {
                errln!("handbook check: {}", snippets::summary(diags));
            }
        }
        Format::Human => {
            let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            out!("{}", snippets::render(diags, root, color));
            if !quiet || !diags.0.is_empty() {
                let missing = translations::missing_by_language(&report.site);
                let missing = super::per_language(missing.iter().map(|(l, f)| (l, f.len())));
                outln!(
                    "handbook check: {} ({} pages: {}){}",
                    snippets::summary(diags),
                    report.site.pages.len(),
                    super::per_language(counts(&report.site)),
                    if missing.is_empty() {
                        String::new()
                    } else {
                        format!(
                            "; pages not yet translated: {}; `handbook check --translations` lists them",
                            missing
                        )
                    }
                );
            }
        }
    }
    if args.translations {
        let table = translations::render(&translations::status(&report.site));
        // In a GitHub log the annotations stay alone on standard output.
        match args.format {
            Format::Human => out!("\n{table}"),
            Format::Github => err!("\n{table}"),
        }
    }
    if diags.has_errors() {
        return Err(Reported.into());
    }
    Ok(())
}
