//! Every stage, in order: a site folder in, an output folder (or diagnostics) out. The one
//! place that orders the stages; `build`, `check` and `serve` all go through here:
//!
//! ```text
//! Config ─▶ discover ─▶ parse ─▶ Site (model) ─▶ render ═▶ staged output ─▶ [pdf] ─▶ swap
//!   │           Vec<Source>  Vec<ParsedPage>   Site   OutputFile by OutputFile
//!   └── Fluent bundles (I18n) ───────┘                      ▲
//!                               Theme (templates, static) ──┘
//! ```
//!
//! A build writes each file as soon as it is rendered into a new folder beside the output
//! ([`output::Staging`]), so the whole site is never held in memory; the new folder replaces
//! the output only when everything succeeded. `build --pdf` prints the worksheets after the
//! render and adds the PDFs to the new folder before the swap, so a failed print leaves the
//! previous output untouched like any other failed build.
//!
//! Content problems are collected across stages as diagnostics and reported together;
//! environment problems (no content folder, unreadable config) stop at once.
//!
//! `serve` runs the same stages through [`preview::Preview`], which keeps the model between
//! runs and re-runs only what a change touches.

pub mod preview;

use crate::config::{Config, Overrides};
use crate::content::{discover, parse};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::I18n;
use crate::model::lang::Lang;
use crate::model::lang::Paper;
use crate::model::site::{Site, counts};
use crate::output::{self, OutputFile};
use crate::pdf;
use crate::render::{
    Layout, Purpose, print_copy, printables, printed_pages, render_site, render_site_into,
    templates::Theme,
};
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

/// What `check` found, with the loaded site for reports that need it (translation status).
pub struct CheckReport {
    pub site: Site,
    /// Sorted by file and line.
    pub diags: Diagnostics,
}

/// Every stage of a build in memory (nothing is written, not even for a site with errors),
/// then the content rules that are not build errors.
pub fn check(root: &Path, overrides: &Overrides) -> Result<CheckReport> {
    let (site, mut diags) = load(root, overrides)?;
    let theme = Theme::load(&site.config.root, &site.config.theme, site.i18n.clone())?;
    // Every template is rendered with every page to find the ones that fail; the files
    // themselves are not needed.
    let render_diags = render_site_into(&site, &theme, Purpose::Check, &|_| Ok(()))?;
    diags.extend(collapse_per_file(render_diags));
    crate::check::rules::apply(&site, &theme, &mut diags);
    diags.extend(crate::search::synonyms::check_file(&site.config.root));
    Ok(CheckReport {
        site,
        diags: diags.sorted(),
    })
}

/// A broken template (or a message it needs) fails every page it renders; one diagnostic per
/// template file, with a count, says the same without a hundred lines.
fn collapse_per_file(diags: Diagnostics) -> Vec<Diagnostic> {
    let mut out: Vec<(Diagnostic, usize)> = Vec::new();
    for d in diags.sorted().0 {
        match out.iter_mut().find(|(first, _)| first.file == d.file) {
            Some((_, n)) => *n += 1,
            None => out.push((d, 0)),
        }
    }
    out.into_iter()
        .map(|(mut d, more)| {
            if more > 0 {
                d.message
                    .push_str(&format!(" (and {more} more pages fail in this template)"));
            }
            d
        })
        .collect()
}

#[derive(Debug)]
pub struct BuildReport {
    pub pages: BTreeMap<Lang, usize>,
    pub files: usize,
    pub bytes: u64,
    /// Files identical to the previous build's, kept instead of written again.
    pub unchanged: usize,
    pub elapsed: Duration,
    pub out: PathBuf,
    pub warnings: Diagnostics,
    /// PDFs printed by `--pdf` (0 without it).
    pub pdfs: usize,
}

/// The whole build. Files are written as they are rendered, into a new folder that replaces
/// `out` only when everything succeeded: on content errors the previous output stays.
/// `progress` hears about the long steps (printing PDFs).
pub fn build(
    root: &Path,
    overrides: &Overrides,
    out: &Path,
    progress: &(dyn Fn(pdf::Progress) + Sync),
) -> Result<BuildReport> {
    let start = Instant::now();
    output::check_target(root, out)?;
    // Before any work: without a browser, `--pdf` cannot succeed.
    let browser = if overrides.pdf {
        Some(pdf::Browser::find()?)
    } else {
        None
    };
    let (site, mut diags) = load(root, overrides)?;
    if diags.has_errors() {
        return Err(diags.sorted().into());
    }
    let theme = Theme::load(&site.config.root, &site.config.theme, site.i18n.clone())?;
    let staging = output::Staging::begin(root, out)?;
    let render_diags = render_site_into(&site, &theme, Purpose::Build, &|f| staging.put(&f))?;
    diags.extend(render_diags.0);
    if diags.has_errors() {
        return Err(diags.sorted().into());
    }
    let mut pdfs = 0;
    if let Some(browser) = &browser {
        // First print: each sheet alone, on each paper, to measure it.
        let mut layouts = BTreeMap::new();
        for paper in Paper::ALL {
            let sheets: Vec<_> = printables(&site, paper)
                .into_iter()
                .filter(|p| p.sheet)
                .collect();
            let (copy, copy_diags) = print_copy(&site, &theme, &sheets, paper, None, true);
            if copy_diags.has_errors() {
                return Err(copy_diags.sorted().into());
            }
            let printed = pdf::print(browser, &copy, &sheets, true, progress)?;
            let mut layout = Layout::default();
            for (p, f) in sheets.iter().zip(&printed) {
                if let Some(m) = pdf::measure(&f.bytes) {
                    layout.sheets.insert(p.page.clone(), m);
                }
            }
            layouts.insert(paper, layout);
        }
        // Second print: everything, laid out with what the first found.
        for paper in Paper::ALL {
            let all = printables(&site, paper);
            let (copy, copy_diags) =
                print_copy(&site, &theme, &all, paper, layouts.get(&paper), false);
            if copy_diags.has_errors() {
                return Err(copy_diags.sorted().into());
            }
            let printed = pdf::print(browser, &copy, &all, false, progress)?;
            pdfs += printed.len();
            for f in &printed {
                staging.put(f)?;
            }
        }
        // The web pages of the sheets and packs, now with their notes and page numbers.
        let web = Layout::for_any_paper(
            layouts.get(&Paper::A4).unwrap_or(&Layout::default()),
            layouts.get(&Paper::Letter).unwrap_or(&Layout::default()),
        );
        let (pages, page_diags) = printed_pages(&site, &theme, &web);
        if page_diags.has_errors() {
            return Err(page_diags.sorted().into());
        }
        for f in &pages {
            staging.replace(f)?;
        }
    }
    let written = staging.commit()?;
    Ok(BuildReport {
        pages: counts(&site),
        files: written.files,
        bytes: written.bytes,
        unchanged: written.reused,
        elapsed: start.elapsed(),
        out: out.to_path_buf(),
        warnings: diags.sorted(),
        pdfs,
    })
}
