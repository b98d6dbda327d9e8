//! `handbook build`.

use crate::config::Overrides;
use crate::pipeline;
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
}

pub fn run(root: &Path, args: &Args, quiet: bool) -> Result<()> {
    let overrides = Overrides {
        base_url: args.base_url.clone(),
        drafts: args.drafts,
        portable: args.portable,
    };
    let out = args.out.clone().unwrap_or_else(|| root.join("public"));
    let report = pipeline::build(root, &overrides, &out)?;
    for w in &report.warnings.0 {
        eprintln!("{}", w.human());
    }
    if !quiet {
        let per_lang: Vec<String> = report
            .pages
            .iter()
            .map(|(l, n)| format!("{l} {n}"))
            .collect();
        let total: usize = report.pages.values().sum();
        let unchanged = match report.unchanged {
            0 => String::new(),
            n => format!(", {n} unchanged"),
        };
        println!(
            "Built {total} pages ({}) into {} in {:.2} s ({} files, {:.1} MB{unchanged})",
            per_lang.join(", "),
            report.out.display(),
            report.elapsed.as_secs_f64(),
            report.files,
            report.bytes as f64 / 1_048_576.0
        );
    }
    Ok(())
}
