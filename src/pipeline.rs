//! The one place that orders the stages. `build`, `check` and `serve` all go through here:
//!
//! ```text
//! Config ─▶ discover ─▶ parse ─▶ Site (model) ─▶ render ─▶ write (atomic)
//!   │           Vec<Source>  Vec<ParsedPage>   Site     Vec<OutputFile>
//!   └── Fluent bundles (I18n) ───────┘                      ▲
//!                               Theme (templates, static) ──┘
//! ```
//!
//! Content problems are collected across stages as diagnostics and reported together;
//! environment problems (no content folder, unreadable config) stop at once.

use crate::config::{Config, Overrides};
use crate::content::{discover, parse};
use crate::diagnostics::Diagnostics;
use crate::i18n::I18n;
use crate::model::lang::Lang;
use crate::model::site::{Site, counts};
use crate::output::{self, OutputFile};
use crate::render::{render_site, templates::Theme};
use anyhow::Result;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Stages 1–3: configuration, discovery, parsing and the site model. Returns the model even
/// when there are content errors, so `check` can report everything in one pass.
pub fn load(root: &Path, overrides: &Overrides) -> Result<(Site, Diagnostics)> {
    let config = Config::load(root, overrides)?;
    let mut diags = Diagnostics::default();
    let i18n = I18n::load(&config, &mut diags)?;
    let found = discover::discover(&config, &mut diags)?;
    let parsed = parse::parse_all(found.sources, &mut diags);
    let site = Site::build(config, i18n, parsed, found.assets, &mut diags);
    Ok((site, diags))
}

/// Stage 4 on a loaded site: every output file, in memory.
pub fn render(site: &Site) -> Result<(Vec<OutputFile>, Diagnostics)> {
    let theme = Theme::load(&site.config.root, &site.config.theme, site.i18n.clone())?;
    Ok(render_site(site, &theme))
}

#[derive(Debug)]
pub struct BuildReport {
    pub pages: BTreeMap<Lang, usize>,
    pub files: usize,
    pub bytes: u64,
    pub elapsed: Duration,
    pub out: PathBuf,
    pub warnings: Diagnostics,
}

/// The whole build. On content errors nothing is written and the previous output stays.
pub fn build(root: &Path, overrides: &Overrides, out: &Path) -> Result<BuildReport> {
    let start = Instant::now();
    output::check_target(root, out)?;
    let (site, mut diags) = load(root, overrides)?;
    if diags.has_errors() {
        return Err(diags.sorted().into());
    }
    let (files, render_diags) = render(&site)?;
    diags.extend(render_diags.0);
    if diags.has_errors() {
        return Err(diags.sorted().into());
    }
    output::write_atomic(root, out, &files)?;
    Ok(BuildReport {
        pages: counts(&site),
        files: files.len(),
        bytes: files.iter().map(|f| f.bytes.len() as u64).sum(),
        elapsed: start.elapsed(),
        out: out.to_path_buf(),
        warnings: diags.sorted(),
    })
}
