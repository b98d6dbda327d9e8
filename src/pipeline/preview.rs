//! Every stage, for `serve`: changed files in, an [`Update`] of the in-memory site out.
//!
//! The same stages as a build, run once over the whole site and then
//! again for each batch of changed files, re-running only what the change touches:
//!
//! ```text
//! changed files ─▶ classify ─▶ parse (changed pages) ─▶ Site::apply ─▶ check links and tags
//!   (changed pages and pages linking to them) ─▶ affected jobs ─▶ render ─▶ Update
//! ```
//!
//! A change to `handbook.yaml` starts over; a Fluent change reloads the bundles and renders
//! everything; a template change renders the jobs that use the template; a static file is
//! copied. Problems never stop the preview: each page keeps its last good version, and the
//! problems are kept per file, so fixing a file clears exactly its problems.

use super::collapse_per_file;
use crate::config::{CONFIG_FILE, Config, Overrides};
use crate::content::discover::{self, CONTENT_DIR, Found, is_ignored};
use crate::content::parse::{self, ParsedPage};
use crate::diagnostics::{Diagnostic, Diagnostics, Severity};
use crate::i18n::{I18N_DIR, I18n};
use crate::model::site::{PageChange, Site, TagIndex};
use crate::output::OutputFile;
use crate::render::affected::{self, Before, Changed, Dependents, PageRef};
use crate::render::search::SearchWork;
use crate::render::templates::{THEMES_DIR, Theme};
use crate::render::{self, Job};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The preview's state: the site model, the theme, what depends on what, and every current
/// problem, each filed under the file that causes it.
pub struct Preview {
    overrides: Overrides,
    site: Site,
    theme: Theme,
    /// Tag index of `site`, kept between renders (it changes only when lists change).
    tags: TagIndex,
    deps: Dependents,
    /// Discovery and parse problems, by source file (relative to the root).
    source_diags: BTreeMap<PathBuf, Vec<Diagnostic>>,
    /// Tag and link problems, by page file.
    model_diags: BTreeMap<PathBuf, Vec<Diagnostic>>,
    i18n_diags: Vec<Diagnostic>,
    /// Failed render jobs, by output file.
    render_diags: BTreeMap<String, Diagnostic>,
    /// `handbook.yaml` or the theme cannot be loaded: the last good one serves meanwhile.
    config_error: Option<Diagnostic>,
    theme_error: Option<Diagnostic>,
}

/// Files that changed on disk (absolute paths), as the watcher reports them.
#[derive(Debug, Default, Clone)]
pub struct Changes {
    pub paths: BTreeSet<PathBuf>,
    /// Events were lost (the watcher's queue overflowed): look at everything again.
    pub rescan: bool,
}

/// What a rebuild changed in the served site.
#[derive(Debug, Default)]
pub struct Update {
    /// New or changed files of the site.
    pub files: Vec<OutputFile>,
    /// Files that are no longer part of the site.
    pub removed: Vec<String>,
    /// The whole site was made again: drop every file not in `files` (search index aside).
    pub replace_all: bool,
    /// Languages whose search index must be built again ([`Preview::search_work`]).
    pub search: BTreeSet<crate::model::lang::Lang>,
    /// Only stylesheets changed: a browser can swap them without reloading.
    pub css_only: bool,
    /// The source files that changed, relative to the root, for the log.
    pub sources: Vec<PathBuf>,
    /// How many jobs were rendered.
    pub rendered: usize,
    pub timings: Timings,
}

/// Where a rebuild's time went.
#[derive(Debug, Default, Clone, Copy)]
pub struct Timings {
    /// Reading and parsing the changed files.
    pub parse: Duration,
    /// Updating the model: pages, links, tags, and working out what to render.
    pub model: Duration,
    pub render: Duration,
    pub total: Duration,
}

impl Preview {
    /// Loads and renders the whole site. Fails only when there is nothing to show: no
    /// `content/` folder, a broken `handbook.yaml` or theme. Content problems are kept as
    /// problems; the pages that have them are left out until they are fixed.
    pub fn start(root: &Path, overrides: &Overrides) -> anyhow::Result<(Preview, Update)> {
        let start = Instant::now();
        let config = Config::load(root, overrides)?;
        let mut i18n_diags = Diagnostics::default();
        let i18n = I18n::load(&config, &mut i18n_diags)?;
        let mut source = Diagnostics::default();
        let found = discover::discover(&config, &mut source)?;
        let mut parse_diags = Diagnostics::default();
        let parsed = parse::parse_all(found.sources, &mut parse_diags);
        // As for a page edited later: the parse warnings are `check`'s to report.
        source.extend(
            parse_diags
                .0
                .into_iter()
                .filter(|d| d.severity == Severity::Error),
        );
        let parse_time = start.elapsed();
        let mut model = Diagnostics::default();
        let site = Site::build(config, i18n, parsed, found.assets, &mut model);
        let theme = Theme::load(&site.config.root, &site.config.theme, site.i18n.clone())?;
        let tags = TagIndex::new(&site);
        let deps = Dependents::new(&site, &tags);
        let mut preview = Preview {
            overrides: overrides.clone(),
            site,
            theme,
            tags,
            deps,
            source_diags: by_file(source.0),
            model_diags: by_file(model.0),
            i18n_diags: i18n_diags.0,
            render_diags: BTreeMap::new(),
            config_error: None,
            theme_error: None,
        };
        let model_time = start.elapsed() - parse_time;
        let mut update = preview.render_everything();
        update.timings.parse = parse_time;
        update.timings.model = model_time;
        update.timings.total = start.elapsed();
        Ok((preview, update))
    }

    /// The site as the preview serves it now.
    pub fn site(&self) -> &Site {
        &self.site
    }

    /// The search index of `langs`, as work to run (on another thread) after the update is
    /// served.
    pub fn search_work(&self, langs: &[crate::model::lang::Lang]) -> SearchWork {
        SearchWork::new(&self.site, &self.theme, langs)
    }

    /// Every current problem, sorted by file and line; a template that fails many pages is
    /// reported once.
    pub fn problems(&self) -> Diagnostics {
        let mut all: Vec<Diagnostic> = Vec::new();
        all.extend(self.config_error.iter().cloned());
        all.extend(self.theme_error.iter().cloned());
        all.extend(self.i18n_diags.iter().cloned());
        all.extend(self.source_diags.values().flatten().cloned());
        all.extend(self.model_diags.values().flatten().cloned());
        all.extend(collapse_per_file(Diagnostics(
            self.render_diags.values().cloned().collect(),
        )));
        Diagnostics(all).sorted()
    }

    /// Whether any current problem is an error (a build would fail).
    pub fn has_errors(&self) -> bool {
        self.problems()
            .0
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    /// Rebuilds what `changes` touch.
    pub fn update(&mut self, changes: &Changes) -> Update {
        let start = Instant::now();
        let root = self.site.config.root.clone();
        let theme_dir = root.join(THEMES_DIR).join(&self.site.config.theme);
        let mut content = Vec::new();
        let mut theme = false;
        // After a failed start-over, any change may be the fix: start over again.
        let (mut config, mut i18n) = (changes.rescan || self.config_error.is_some(), false);
        let mut sources = Vec::new();
        for path in &changes.paths {
            let Ok(rel) = path.strip_prefix(&root) else {
                continue;
            };
            if rel
                .components()
                .any(|c| is_ignored(&c.as_os_str().to_string_lossy()))
            {
                continue;
            }
            if rel == Path::new(CONFIG_FILE) {
                config = true;
            } else if rel.starts_with(CONTENT_DIR) {
                // Listed by `apply_content`, which knows which of them are content.
                content.push(path.clone());
                continue;
            } else if rel.starts_with(I18N_DIR) {
                i18n = true;
            } else if path.starts_with(&theme_dir) || path == &root.join(THEMES_DIR) {
                // What changed is found by comparing the theme before and after.
                theme = true;
            } else {
                continue;
            }
            sources.push(rel.to_path_buf());
        }
        let mut update = if config {
            self.restart()
        } else if i18n {
            // Content first, so the full render below shows it too.
            let mut update = self.apply_content(&content);
            update.merge(self.reload_i18n());
            update
        } else {
            let mut update = self.apply_content(&content);
            if theme {
                let theme_update = self.reload_theme(false);
                update.css_only = theme_update.css_only && update.files.is_empty();
                update.merge(theme_update);
            }
            update
        };
        sources.append(&mut update.sources);
        sources.sort();
        sources.dedup();
        update.sources = sources;
        update.timings.total = start.elapsed();
        update
    }

    /// Everything again from `handbook.yaml` on; when it cannot be loaded, the last good site
    /// keeps serving and the problem is shown.
    fn restart(&mut self) -> Update {
        let root = self.site.config.root.clone();
        match Preview::start(&root, &self.overrides) {
            Ok((fresh, update)) => {
                *self = fresh;
                update
            }
            Err(e) => {
                // Name the file to fix: the configuration, the content folder or the theme.
                let file = if Config::load(&root, &self.overrides).is_err() {
                    PathBuf::from(CONFIG_FILE)
                } else if !root.join(CONTENT_DIR).is_dir() {
                    PathBuf::from(CONTENT_DIR)
                } else {
                    PathBuf::from(THEMES_DIR).join(&self.site.config.theme)
                };
                self.config_error = Some(Diagnostic::error(file, 0, error_chain(&e)));
                Update::default()
            }
        }
    }

    fn reload_i18n(&mut self) -> Update {
        let mut diags = Diagnostics::default();
        let i18n = match I18n::load(&self.site.config, &mut diags) {
            Ok(i) => i,
            Err(e) => {
                self.i18n_diags = vec![Diagnostic::error(I18N_DIR, 0, error_chain(&e))];
                return Update::default();
            }
        };
        self.i18n_diags = diags.0;
        self.site.i18n = std::sync::Arc::new(i18n);
        // Tag names live in Fluent files: every page's tags are checked again.
        self.model_diags.clear();
        for id in 0..self.site.pages.len() {
            let mut d = Diagnostics::default();
            self.site.check_page(id, &mut d);
            if !d.0.is_empty() {
                self.model_diags
                    .insert(self.site.pages[id].rel.clone(), d.0);
            }
        }
        // The theme's `t()` holds the bundles, so it is made again with the new ones.
        let mut update = self.reload_theme(true);
        update.search = self.site.config.languages.iter().cloned().collect();
        update
    }

    /// Loads the theme again; renders the jobs using the templates that changed (every job
    /// for `all`, or for a template no job renders directly, such as `base.html`) and copies
    /// the static files that changed.
    fn reload_theme(&mut self, all: bool) -> Update {
        let start = Instant::now();
        let theme = match Theme::load(
            &self.site.config.root,
            &self.site.config.theme,
            self.site.i18n.clone(),
        ) {
            Ok(t) => t,
            Err(e) => {
                let file = PathBuf::from(THEMES_DIR).join(&self.site.config.theme);
                self.theme_error = Some(Diagnostic::error(file, 0, error_chain(&e)));
                return Update::default();
            }
        };
        let all = self.theme_error.take().is_some() || all;
        let old = std::mem::replace(&mut self.theme, theme);
        let mut update = Update::default();
        let mut css_only = true;
        for (name, file) in &self.theme.statics {
            if old.statics.get(name).map(|f| &f.bytes) != Some(&file.bytes) {
                css_only &= name.ends_with(".css");
                update.files.push(OutputFile::new(
                    format!("static/{name}"),
                    file.bytes.clone(),
                ));
            }
        }
        for name in old.statics.keys() {
            if !self.theme.statics.contains_key(name) {
                css_only = false;
                update.removed.push(format!("static/{name}"));
            }
        }
        let old_names = old.template_sources.keys();
        let names: BTreeSet<&String> = old_names
            .chain(self.theme.template_sources.keys())
            .collect();
        let mut jobs: BTreeSet<Job> = BTreeSet::new();
        let mut every_job = all;
        for name in names {
            if old.template_sources.get(name) == self.theme.template_sources.get(name) {
                continue;
            }
            match affected::jobs_using_template(&self.site, name) {
                Some(list) => jobs.extend(list),
                None => every_job = true,
            }
        }
        let jobs: Vec<Job> = if every_job {
            render::jobs(&self.site)
        } else {
            jobs.into_iter().collect()
        };
        update.css_only = css_only && !update.files.is_empty() && jobs.is_empty();
        update.timings.model = start.elapsed();
        update.merge(self.render(&jobs));
        update
    }

    /// Every job (the sitemap and the feeds among them), static and content files; the
    /// search index is left to [`Preview::search_work`].
    fn render_everything(&mut self) -> Update {
        let jobs = render::jobs(&self.site);
        self.render_diags.clear();
        let mut update = self.render(&jobs);
        update.replace_all = true;
        update.files.extend(render::static_files(&self.theme));
        let mut diags = Diagnostics::default();
        update
            .files
            .extend(render::asset_files(&self.site, &mut diags));
        for d in diags.0 {
            self.source_diags.entry(d.file.clone()).or_default().push(d);
        }
        update.search = self.site.config.languages.iter().cloned().collect();
        update
    }

    /// Renders `jobs`; a failed job keeps its last good output and files its problem.
    fn render(&mut self, jobs: &[Job]) -> Update {
        let start = Instant::now();
        let results = render::render_job_results(&self.site, &self.theme, &self.tags, jobs);
        let mut update = Update {
            rendered: jobs.len(),
            ..Update::default()
        };
        for (job, result) in jobs.iter().zip(results) {
            let file = job.file(&self.site);
            match result {
                Ok(f) => {
                    self.render_diags.remove(&file);
                    update.files.push(f);
                }
                Err(d) => {
                    self.render_diags.insert(file, d);
                }
            }
        }
        update.timings.render = start.elapsed();
        update
    }

    /// Content files changed: parse the changed pages, update the model, render what shows them.
    fn apply_content(&mut self, paths: &[PathBuf]) -> Update {
        let start = Instant::now();
        let mut update = Update::default();
        if paths.is_empty() {
            return update;
        }
        let files = self.expand(paths);
        let config = &self.site.config;
        let mut page_changes = Vec::new();
        let mut touched: BTreeMap<PageRef, PathBuf> = BTreeMap::new();
        let mut assets = self.site.assets.clone();
        let mut assets_changed: Vec<PathBuf> = Vec::new();
        let classified: Vec<(&PathBuf, bool, Found)> = files
            .iter()
            .map(|path| {
                let meta = std::fs::symlink_metadata(path);
                let exists = meta.is_ok();
                let is_symlink = meta.map(|m| m.file_type().is_symlink()).unwrap_or(false);
                (
                    path,
                    exists,
                    discover::classify_file(config, path, is_symlink),
                )
            })
            .collect();
        // Pages are parsed in parallel: a checkout can change hundreds at once.
        let mut parsed: Vec<Option<Result<ParsedPage, Vec<Diagnostic>>>> = classified
            .par_iter()
            .map(|(_, exists, found)| match found {
                Found::Page(source) if *exists => Some(parse::parse_one(source.clone())),
                _ => None,
            })
            .collect();
        for ((path, exists, found), parsed) in classified.into_iter().zip(parsed.iter_mut()) {
            let rel = discover::rel_to(&config.root, path);
            self.source_diags.remove(&rel);
            // Whatever this path was before, it is only what it is now.
            if let Some(i) = assets.iter().position(|a| a.path == *path) {
                let gone = assets.remove(i);
                update.removed.push(gone.site_path.as_str().to_string());
                update.sources.push(gone.rel.clone());
                assets_changed.push(gone.rel);
            }
            match found {
                Found::Page(source) => {
                    update.sources.push(rel.clone());
                    let page = (source.lang.clone(), source.key.clone());
                    if !exists {
                        page_changes.push(PageChange::Remove(source.lang, source.key));
                        touched.insert(page, rel);
                        continue;
                    }
                    match parsed.take() {
                        None => {}
                        // A page whose front matter is wrong is not shown; the last good
                        // version stays, as for a page that does not parse at all.
                        Some(Ok(parsed)) if !parsed.front_problems.is_empty() => {
                            self.source_diags.insert(rel, parse::problems(&parsed));
                        }
                        Some(Ok(parsed)) => {
                            // Warnings (HTML dropped by the allow-list) are `check`'s to
                            // report, like its other rules; the overlay shows what breaks.
                            let mut problems = parse::problems(&parsed);
                            problems.retain(|d| d.severity == Severity::Error);
                            if !problems.is_empty() {
                                self.source_diags.insert(rel.clone(), problems);
                            }
                            page_changes.push(PageChange::Upsert(Box::new(parsed)));
                            touched.insert(page, rel);
                        }
                        // The last good version of the page stays in the model meanwhile.
                        Some(Err(diags)) => {
                            self.source_diags.insert(rel, diags);
                        }
                    }
                }
                Found::Asset(asset) if exists => match std::fs::read(&asset.path) {
                    Ok(bytes) => {
                        update.removed.retain(|p| p != asset.site_path.as_str());
                        update.sources.push(asset.rel.clone());
                        update
                            .files
                            .push(OutputFile::new(asset.site_path.as_str(), bytes));
                        assets_changed.push(asset.rel.clone());
                        assets.push(asset);
                    }
                    Err(e) => {
                        self.source_diags.insert(
                            rel.clone(),
                            vec![Diagnostic::error(&rel, 0, format!("cannot read: {e}"))],
                        );
                    }
                },
                Found::Problem(d) if exists => {
                    // A page replaced by, say, a symbolic link is a page no more.
                    if let Some(p) = self.site.pages.iter().find(|p| p.rel == rel) {
                        page_changes.push(PageChange::Remove(p.lang.clone(), p.key.clone()));
                        touched.insert((p.lang.clone(), p.key.clone()), rel.clone());
                    }
                    update.sources.push(rel.clone());
                    self.source_diags.insert(rel, vec![d]);
                }
                _ => {}
            }
        }
        update.timings.parse = start.elapsed();
        let model_start = Instant::now();
        let changed: Vec<Changed> = touched
            .keys()
            .map(|r| Changed {
                page: r.clone(),
                before: self
                    .site
                    .id_of(&r.0, &r.1)
                    .map(|id| Before::of(&self.site.pages[id])),
            })
            .collect();
        self.site.apply(page_changes);
        // An asset that only changed its bytes keeps every link as it was.
        let asset_set_changed = assets.len() != self.site.assets.len()
            || assets
                .iter()
                .any(|a| !self.site.assets.iter().any(|b| b.path == a.path));
        if asset_set_changed {
            self.site.set_assets(assets);
        } else {
            assets_changed.clear();
        }
        for (r, rel) in &touched {
            self.model_diags.remove(rel);
            if let Some(id) = self.site.id_of(&r.0, &r.1) {
                self.check_page(id);
            }
        }
        let mut targets = affected::changed_link_targets(&self.site, &changed);
        targets.extend(assets_changed);
        // Links to a page that is gone were dropped by `apply`: those pages change for sure.
        let gone: BTreeSet<&PathBuf> = touched
            .iter()
            .filter(|(r, _)| self.site.id_of(&r.0, &r.1).is_none())
            .map(|(_, rel)| rel)
            .collect();
        let mut dependents: BTreeMap<PageRef, bool> = BTreeMap::new();
        for t in &targets {
            for r in self.deps.linking_to(t) {
                if !touched.contains_key(r) {
                    *dependents.entry(r.clone()).or_default() |= gone.contains(t);
                }
            }
        }
        let mut relinked = Vec::new();
        for (r, changes_for_sure) in dependents {
            let Some(id) = self.site.id_of(&r.0, &r.1) else {
                continue;
            };
            let before = self.site.pages[id].links.clone();
            self.check_page(id);
            if changes_for_sure || self.site.pages[id].links != before {
                relinked.push(r);
            }
        }
        // An edit that only moves pages in reading order (a title, a date) updates the tag
        // index in place; pages coming or going, or tags changing, make it again.
        let previous_tags = if !affected::entries_changed(&self.site, &changed) {
            None
        } else if let Some(moved) = affected::moved_in_order(&self.site, &changed) {
            self.tags.reorder(&self.site, &moved);
            None
        } else {
            Some(std::mem::replace(&mut self.tags, TagIndex::new(&self.site)))
        };
        let affected = affected::content_jobs(
            &self.site,
            &self.tags,
            previous_tags.as_ref(),
            &mut self.deps,
            &changed,
            &relinked,
        );
        update.timings.model = model_start.elapsed();
        if affected.all {
            let mut all = self.render_everything();
            all.timings = update.timings;
            all.sources = update.sources;
            return all;
        }
        let jobs: Vec<Job> = affected.jobs.into_iter().collect();
        for path in &affected.removed {
            self.render_diags.remove(path);
        }
        update.removed.extend(affected.removed);
        update.merge(self.render(&jobs));
        update.search = affected.search;
        update
    }

    fn check_page(&mut self, id: usize) {
        let mut d = Diagnostics::default();
        self.site.check_page(id, &mut d);
        let rel = self.site.pages[id].rel.clone();
        if d.0.is_empty() {
            self.model_diags.remove(&rel);
        } else {
            self.model_diags.insert(rel, d.0);
        }
    }

    /// The files behind changed paths: a folder stands for every file in it now and every
    /// file known under it before (a folder renamed or deleted takes its pages along).
    fn expand(&self, paths: &[PathBuf]) -> BTreeSet<PathBuf> {
        let root = &self.site.config.root;
        let mut files = BTreeSet::new();
        for path in paths {
            let is_dir = std::fs::symlink_metadata(path).is_ok_and(|m| m.is_dir());
            if is_dir {
                for entry in walkdir::WalkDir::new(path)
                    .follow_links(false)
                    .into_iter()
                    .filter_entry(|e| !is_ignored(&e.file_name().to_string_lossy()))
                    .flatten()
                {
                    if !entry.file_type().is_dir() {
                        files.insert(entry.path().to_path_buf());
                    }
                }
            }
            if is_dir || !path.exists() {
                let rel = discover::rel_to(root, path);
                let known = self
                    .site
                    .pages
                    .iter()
                    .map(|p| &p.rel)
                    .chain(self.site.assets.iter().map(|a| &a.rel))
                    .chain(self.source_diags.keys());
                for k in known {
                    if k.starts_with(&rel) && k != &rel {
                        files.insert(root.join(k));
                    }
                }
            }
            if !is_dir {
                files.insert(path.clone());
            }
        }
        files
    }
}

impl Update {
    fn merge(&mut self, other: Update) {
        let mut files: BTreeMap<String, OutputFile> = std::mem::take(&mut self.files)
            .into_iter()
            .map(|f| (f.path.clone(), f))
            .collect();
        for f in other.files {
            files.insert(f.path.clone(), f);
        }
        self.removed.retain(|p| !files.contains_key(p));
        self.files = files.into_values().collect();
        self.removed.extend(other.removed);
        self.sources.extend(other.sources);
        self.replace_all |= other.replace_all;
        self.search.extend(other.search);
        self.rendered += other.rendered;
        self.timings.parse += other.timings.parse;
        self.timings.model += other.timings.model;
        self.timings.render += other.timings.render;
    }
}

fn by_file(diags: Vec<Diagnostic>) -> BTreeMap<PathBuf, Vec<Diagnostic>> {
    let mut map: BTreeMap<PathBuf, Vec<Diagnostic>> = BTreeMap::new();
    for d in diags {
        map.entry(d.file.clone()).or_default().push(d);
    }
    map
}

fn error_chain(e: &anyhow::Error) -> String {
    let mut msg = e.to_string();
    for cause in e.chain().skip(1) {
        msg.push_str(": ");
        msg.push_str(&cause.to_string());
    }
    msg
}
