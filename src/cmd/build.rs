//! `handbook build`, around the pipeline: its arguments in, [`crate::pipeline`]'s build run and
//! its summary printed.
// The doc comments of `Args` are the `--help` text, written for a terminal, not for rustdoc.
#![allow(rustdoc::invalid_html_tags, rustdoc::bare_urls)]

use crate::config::Overrides;
use crate::pdf::Progress;
use crate::pipeline;
use crate::{errln, outln};
use anyhow::Result;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output folder [default: <root>/public]. Only a folder made by an earlier build is replaced.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,

    /// Public address of the site, e.g. https://user.github.io/handbook/ (every link stays under its path).
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,

    /// Include pages marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,

    /// Make a site that works when opened from a folder or USB stick (file://): relative links ending in index.html.
    #[arg(long)]
    pub portable: bool,

    /// Also print each worksheet and each language's print pack to PDF (A4), linked from the worksheet pages. Needs Chromium or Chrome: $CHROME, else chromium/google-chrome on PATH.
    #[arg(long)]
    pub pdf: bool,
}

pub fn run(root: &Path, args: &Args, quiet: bool) -> Result<()> {
    let overrides = Overrides {
        base_url: args.base_url.clone(),
        drafts: args.drafts,
        portable: args.portable,
        pdf: args.pdf,
        offline: true,
    };
    let out = args.out.clone().unwrap_or_else(|| root.join("public"));
    let progress = |p: Progress| {
        if quiet {
            return;
        }
        // Progress goes to stderr, so stdout keeps only the summary line.
        match p {
            Progress::Start {
                total,
                browser,
                parallel,
                paper,
                measuring,
            } => errln!(
                "{} {total} PDFs ({}) with {}, {parallel} at a time…",
                if measuring {
                    "Measuring: printing"
                } else {
                    "Printing"
                },
                paper.label(),
                browser.display()
            ),
            Progress::Printed {
                done,
                total,
                pdf,
                pages,
                elapsed,
            } => {
                let pages = pages.map_or(String::new(), |n| {
                    format!(", {n} page{}", if n == 1 { "" } else { "s" })
                });
                errln!(
                    "  [{done:>width$}/{total}] {pdf} ({:.1} s{pages})",
                    elapsed.as_secs_f64(),
                    width = total.to_string().len()
                );
            }
        }
    };
    let report = pipeline::build(root, &overrides, &out, &progress)?;
    for w in &report.warnings.0 {
        errln!("{}", w.human());
    }
    if !quiet {
        let total: usize = report.pages.values().sum();
        let pdfs = if report.pdfs > 0 {
            format!(" and {} PDFs", report.pdfs)
        } else {
            String::new()
        };
        let unchanged = match report.unchanged {
            0 => String::new(),
            n => format!(", {n} unchanged"),
        };
        outln!(
            "Built {total} pages ({}){pdfs} into {} in {:.2} s ({} files, {:.1} MB{unchanged})",
            super::per_language(&report.pages),
            report.out.display(),
            report.elapsed.as_secs_f64(),
            report.files,
            report.bytes as f64 / 1_048_576.0
        );
    }
    Ok(())
}
