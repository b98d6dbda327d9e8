//! Stage 4: render the site model into output files. Input: the [`Site`] and the [`Theme`];
//! output: [`OutputFile`]s handed to a [`Sink`] as they are made (HTML pages through Tera, the
//! feeds, the sitemap, the search index, the theme's files and the content's own files).
//!
//! The site is a list of [`Job`]s, one per output file that depends on the model; this module
//! holds that list and the dispatch. Each job has a module that prepares its typed view
//! (`page.rs`, `section.rs`, `tags.rs`, `home.rs`, `root.rs`, `not_found.rs`,
//! `print_pack.rs`, `feed.rs`, `sitemap.rs`, `search.rs`; the help page in `help.rs`), with the
//! frame every page shares in `chrome.rs` (its help line also from `help.rs`), entries and tag
//! links in `lists.rs`, Markdown bodies in `body.rs`, a page's contents, heading links and
//! previous/next in `contents.rs`, and the one write through a template in `renderer.rs`. An
//! offline build's manifests, service worker and lists of files come from `offline.rs` (the
//! lists last, made from everything else written). Pages render in parallel; the result is
//! sorted by path so output is identical for the same input.

pub mod affected;
mod bilingual;
mod body;
mod chrome;
mod contents;
mod edit_links;
mod feed;
mod files;
pub mod help;
mod home;
mod lists;
pub mod messages;
mod not_found;
mod offline;
mod page;
mod print_pack;
mod qr;
mod renderer;
mod root;
pub mod search;
mod section;
mod sitemap;
mod tags;
pub mod templates;
pub mod views;
mod xml;

pub use files::{asset_files, static_files};
pub use not_found::NOT_FOUND_FILE;
pub use page::RELATED_COUNT;
pub use print_pack::{
    Layout, Measure, Printable, notes_lines, print_copy, printables, printed_pages,
};
pub use renderer::linker;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::lang::{Lang, PageKey, Place, Section};
use crate::model::site::{Site, TagIndex};
use crate::model::url::SitePath;
use crate::output::OutputFile;
use files::theme_files;
use rayon::prelude::*;
use renderer::{Renderer, Tags};
use serde::Serialize;
use sitemap::SITEMAP_FILE;
use std::sync::Mutex;
use templates::Theme;

/// One unit of rendering work: one file rendered from the site model through one template.
/// `serve` re-renders only the jobs a change touches, so every job must depend only on the
/// site model, never on another job's output.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Job {
    Root,
    NotFound,
    /// `sitemap.xml`
    Sitemap,
    Home(Lang),
    Section(Lang, Section),
    Page(usize),
    TagIndex(Lang),
    Tag(Lang, String),
    /// `/<lang>/atom.xml`
    Feed(Lang),
    Search(Lang),
    /// A print pack: `Place::PrintPack`, `Place::TagPack` or `Place::WorkshopPack`.
    Pack(Lang, Place),
    /// The bilingual sheet of a worksheet (its page id).
    Bilingual(usize),
}

/// Every job of a full build, in a stable order.
pub fn jobs(site: &Site) -> Vec<Job> {
    let mut jobs = vec![Job::Root, Job::NotFound, Job::Sitemap];
    for lang in &site.config.languages {
        jobs.push(Job::Home(lang.clone()));
        for s in Section::ALL {
            jobs.push(Job::Section(lang.clone(), s));
        }
        jobs.push(Job::TagIndex(lang.clone()));
        for tag in site.tag_slugs() {
            jobs.push(Job::Tag(lang.clone(), tag.to_string()));
        }
        jobs.push(Job::Feed(lang.clone()));
        jobs.push(Job::Search(lang.clone()));
        jobs.extend(pack_jobs(site, lang));
    }
    for p in &site.pages {
        if matches!(p.key, PageKey::Entry(..) | PageKey::Standalone(_)) {
            jobs.push(Job::Page(p.id));
        }
        if let PageKey::Entry(Section::Worksheets, slug) = &p.key
            && site.bilingual_partner(&p.lang, slug).is_some()
        {
            jobs.push(Job::Bilingual(p.id));
        }
    }
    jobs
}

/// The print packs of a language: all its worksheets (always, so the link from the list
/// never breaks), the workshop's and each tag's that has worksheets.
fn pack_jobs(site: &Site, lang: &Lang) -> Vec<Job> {
    let mut places = vec![Place::PrintPack, Place::WorkshopPack];
    places.extend(
        site.tag_slugs()
            .into_iter()
            .map(|t| Place::TagPack(t.to_string())),
    );
    places
        .into_iter()
        .filter(|p| *p == Place::PrintPack || site.place_exists(lang, p))
        .map(|p| Job::Pack(lang.clone(), p))
        .collect()
}

/// The jobs that show the worksheet `slug` besides its own page: every pack that exists and
/// the bilingual sheets of the worksheet in every language.
pub(crate) fn print_jobs_showing(site: &Site, slug: &str) -> Vec<Job> {
    let mut jobs = Vec::new();
    for lang in &site.config.languages {
        jobs.extend(pack_jobs(site, lang));
        let key = PageKey::Entry(Section::Worksheets, slug.to_string());
        if let Some(p) = site.page(lang, &key)
            && site.bilingual_partner(lang, slug).is_some()
        {
            jobs.push(Job::Bilingual(p.id));
        }
    }
    jobs
}

impl Job {
    /// The file this job writes, relative to the output root (`Page` ids are those of `site`).
    pub fn file(&self, site: &Site) -> String {
        match self {
            Job::Root => SitePath::root().file(),
            Job::NotFound => NOT_FOUND_FILE.to_string(),
            Job::Sitemap => SITEMAP_FILE.to_string(),
            Job::Home(lang) => SitePath::of_page(lang, &PageKey::Home).file(),
            Job::Section(lang, s) => SitePath::of_page(lang, &PageKey::SectionIndex(*s)).file(),
            Job::Page(id) => site.pages[*id].path.file(),
            Job::TagIndex(lang) => SitePath::of_place(lang, &Place::TagIndex).file(),
            Job::Tag(lang, slug) => SitePath::of_place(lang, &Place::Tag(slug.clone())).file(),
            Job::Feed(lang) => SitePath::feed(lang).file(),
            Job::Search(lang) => SitePath::of_place(lang, &Place::Search).file(),
            Job::Pack(lang, place) => SitePath::of_place(lang, place).file(),
            Job::Bilingual(id) => {
                let p = &site.pages[*id];
                SitePath::of_place(&p.lang, &Place::Bilingual(p.key.slug().to_string())).file()
            }
        }
    }

    /// The theme's template this job renders with (a file of `templates/`).
    pub fn template(&self) -> &'static str {
        match self {
            Job::Root => "root.html",
            Job::NotFound => "404.html",
            Job::Sitemap => "sitemap.xml",
            Job::Home(_) => "home.html",
            Job::Section(..) => "section.html",
            Job::Page(_) => "page.html",
            Job::TagIndex(_) => "tags.html",
            Job::Tag(..) => "tag.html",
            Job::Feed(_) => "atom.xml",
            Job::Search(_) => "search.html",
            Job::Pack(..) => "print.html",
            Job::Bilingual(_) => "page.html",
        }
    }
}

/// Where rendered files go as they are made: straight into the output folder during a build
/// (so the whole site is never in memory at once), into a list for `check` and tests.
pub type Sink<'a> = dyn Fn(OutputFile) -> anyhow::Result<()> + Sync + 'a;

/// What [`render_site_into`] renders for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Every file of the site.
    Build,
    /// `check`: every template with every page's data, to find the templates that fail, but
    /// no Markdown bodies and nothing made without a template (the search index, the theme's
    /// and the content's files). None of these can report a problem (links were resolved with
    /// the site model), and together they are most of the work.
    Check,
}

/// The whole site into `sink`: every job, in parallel with the search index and the theme's
/// files (the index is a large share of the work). Stops at the first
/// error of `sink`; problems of the content or the templates are returned, sorted.
pub fn render_site_into(
    site: &Site,
    theme: &Theme,
    purpose: Purpose,
    sink: &Sink,
) -> anyhow::Result<Diagnostics> {
    let diags = Mutex::new(Diagnostics::default());
    // An offline build lists what it wrote, for the service worker (`offline.rs`).
    let written = Mutex::new(Vec::new());
    let listing = purpose == Purpose::Build && site.config.offline;
    let sink = &|f: OutputFile| -> anyhow::Result<()> {
        if listing {
            lock(&written).push(offline::Written::of(&f));
        }
        sink(f)
    };
    let jobs = jobs(site);
    let (pages, rest) = rayon::join(
        || {
            // The tag index (related lists) is made here, while the search index starts.
            let r = Renderer {
                purpose,
                ..Renderer::new(site, theme)
            };
            jobs.par_iter().try_for_each(|j| match r.job(j) {
                Ok(f) => sink(f),
                Err(d) => {
                    lock(&diags).push(d);
                    Ok(())
                }
            })
        },
        || match purpose {
            // `check` leaves out what uses no template and cannot fail.
            Purpose::Build => site_files_into(site, theme, sink),
            Purpose::Check => Ok(()),
        },
    );
    pages?;
    rest?;
    let mut diags = diags.into_inner().unwrap_or_else(|e| e.into_inner());
    for f in asset_files(site, &mut diags) {
        sink(f)?;
    }
    if listing {
        let r = Renderer::with_tags(site, theme, Tags::Own(Box::default()));
        for f in r.offline_files() {
            sink(f)?;
        }
        let mut written = std::mem::take(&mut *lock(&written));
        for f in offline::list_files(site, &mut written) {
            sink(f)?;
        }
    }
    Ok(diags.sorted())
}

/// The whole site in memory, sorted by path.
pub fn render_site(site: &Site, theme: &Theme) -> (Vec<OutputFile>, Diagnostics) {
    let files = Mutex::new(Vec::new());
    let collect = |f: OutputFile| -> anyhow::Result<()> {
        lock(&files).push(f);
        Ok(())
    };
    // Collecting cannot fail, so neither can rendering into the list.
    let diags = render_site_into(site, theme, Purpose::Build, &collect).unwrap_or_default();
    let mut files = files.into_inner().unwrap_or_else(|e| e.into_inner());
    files.sort_by(|a, b| a.path.cmp(&b.path));
    (files, diags)
}

/// A panic elsewhere cannot leave a list of files or problems half-written.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Renders the given jobs in parallel; one result per job, in the order of `jobs`, so a
/// caller can tell which job failed (serve keeps that page's last good version). The tag
/// index is the caller's (it must be [`TagIndex::new`] of this very `site`): `serve` makes it
/// again only when a change touches tags or order.
pub fn render_job_results(
    site: &Site,
    theme: &Theme,
    tags: &TagIndex,
    jobs: &[Job],
) -> Vec<Result<OutputFile, Diagnostic>> {
    let r = Renderer::with_tags(site, theme, Tags::Kept(tags));
    jobs.par_iter().map(|j| r.job(j)).collect()
}

impl Renderer<'_> {
    /// One job: its view, prepared by the job's module, written through its template.
    fn job(&self, job: &Job) -> Result<OutputFile, Diagnostic> {
        match job {
            Job::Root => self.write(job, &self.root_view()),
            Job::NotFound => self.write(job, &self.not_found_view()),
            Job::Home(lang) => self.write(job, &self.home_view(lang)),
            Job::Section(lang, s) => self.write(job, &self.section_view(lang, *s)),
            Job::Page(id) => {
                let page = &self.site.pages[*id];
                match self.help_page_view(page) {
                    Some(view) => self.render(help::HELP_TEMPLATE, &view, job.file(self.site)),
                    None => self.write(job, &self.page_view(page)),
                }
            }
            Job::TagIndex(lang) => self.write(job, &self.tag_index_view(lang)),
            Job::Tag(lang, slug) => self.write(job, &self.tag_page_view(lang, slug)),
            Job::Sitemap => self.write(job, &self.sitemap_view()),
            Job::Feed(lang) => self.write(job, &self.feed_view(lang)),
            Job::Search(lang) => self.write(job, &self.search_view(lang)?),
            Job::Pack(lang, place) => self.write(job, &self.print_pack_view(lang, place)),
            Job::Bilingual(id) => self.write(job, &self.bilingual_view(&self.site.pages[*id])),
        }
    }

    fn write<V: Serialize>(&self, job: &Job, view: &V) -> Result<OutputFile, Diagnostic> {
        self.render(job.template(), view, job.file(self.site))
    }
}

/// The search index of each language and the theme's files: everything a build writes that is
/// made without a template.
fn site_files_into(site: &Site, theme: &Theme, sink: &Sink) -> anyhow::Result<()> {
    // Search documents name tags, but need no tag index.
    Renderer::with_tags(site, theme, Tags::Own(Box::default())).search_index_into(sink)?;
    for f in static_files(theme) {
        sink(f)?;
    }
    Ok(())
}
