//! Stage 4: render the site model into output files (HTML through Tera, plus sitemap, root
//! chooser, 404 page, theme files and co-located content files). Pages render in parallel; the
//! result is sorted by path so output is identical for the same input.

pub mod affected;
pub mod messages;
pub mod search;
pub mod templates;
pub mod views;

use crate::content::markdown::{self, RenderContext, WorksheetLabels};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::html::escape as escape_html;
use crate::i18n::{Arg, I18n};
use crate::model::lang::{Lang, PageKey, Place, Section};
use crate::model::site::{LinkDest, Page, Site, TagIndex};
use crate::model::url::{Linker, SitePath};
use crate::output::OutputFile;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::sync::Mutex;
use templates::{Theme, tera_error_chain};
use views::*;

/// One unit of rendering work: one HTML file. `serve` re-renders only the jobs a change
/// touches, so every job must depend only on the site model, never on another job's output.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Job {
    Root,
    NotFound,
    Home(Lang),
    Section(Lang, Section),
    Page(usize),
    TagIndex(Lang),
    Tag(Lang, String),
    Feed(Lang),
    Search(Lang),
    /// `/<lang>/worksheets/print/`
    PrintPack(Lang),
}

/// Every job of a full build, in a stable order.
pub fn jobs(site: &Site) -> Vec<Job> {
    let mut jobs = vec![Job::Root, Job::NotFound];
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
        jobs.push(Job::PrintPack(lang.clone()));
    }
    for p in &site.pages {
        if matches!(p.key, PageKey::Entry(..) | PageKey::Standalone(_)) {
            jobs.push(Job::Page(p.id));
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
            Job::Home(lang) => SitePath::of_page(lang, &PageKey::Home).file(),
            Job::Section(lang, s) => SitePath::of_page(lang, &PageKey::SectionIndex(*s)).file(),
            Job::Page(id) => site.pages[*id].path.file(),
            Job::TagIndex(lang) => SitePath::of_place(lang, &Place::TagIndex).file(),
            Job::Tag(lang, slug) => SitePath::of_place(lang, &Place::Tag(slug.clone())).file(),
            Job::Feed(lang) => SitePath::feed(lang).file(),
            Job::Search(lang) => SitePath::of_place(lang, &Place::Search).file(),
            Job::PrintPack(lang) => SitePath::of_place(lang, &Place::PrintPack).file(),
        }
    }
}

/// The site's 404 page, served for any missing URL.
pub const NOT_FOUND_FILE: &str = "404.html";

/// Where rendered files go as they are made: straight into the output folder during a build
/// (so the whole site is never in memory at once), into a list for `check` and tests.
pub type Sink<'a> = dyn Fn(OutputFile) -> anyhow::Result<()> + Sync + 'a;

/// What [`render_site_into`] renders for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Every file of the site.
    Build,
    /// `check`: every template with every page's data, to find the templates that fail, but
    /// no Markdown bodies and nothing made without a template (search index, feeds, sitemap).
    /// None of these can report a problem (links were resolved with the site model), and
    /// together they are most of the work.
    Check,
}

/// The whole site into `sink`: every job, in parallel with the search index and the other
/// files that are not templates (each is a large share of the work). Stops at the first
/// error of `sink`; problems of the content or the templates are returned, sorted.
pub fn render_site_into(
    site: &Site,
    theme: &Theme,
    purpose: Purpose,
    sink: &Sink,
) -> anyhow::Result<Diagnostics> {
    let diags = Mutex::new(Diagnostics::default());
    // `check` leaves out what uses no template and cannot fail: feeds, the sitemap, the
    // search index and the theme's files.
    let jobs: Vec<Job> = jobs(site)
        .into_iter()
        .filter(|j| purpose == Purpose::Build || !matches!(j, Job::Feed(_)))
        .collect();
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
            // These files name pages, never tags: no tag index.
            Purpose::Build => {
                Renderer::with_tags(site, theme, Tags::Own(Box::default())).site_files_into(sink)
            }
            Purpose::Check => Ok(()),
        },
    );
    pages?;
    rest?;
    let mut diags = diags.into_inner().unwrap_or_else(|e| e.into_inner());
    for f in asset_files(site, &mut diags) {
        sink(f)?;
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

/// A page that `build --pdf` prints: the job that renders it, and where its PDF goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Printable {
    pub job: Job,
    /// The page, relative to the site root (`en/worksheets/reflection/`).
    pub page: SitePath,
    /// Its PDF (`en/worksheets/reflection/reflection-en.pdf`).
    pub pdf: SitePath,
}

/// Every page `build --pdf` prints: each language's worksheets, then its print pack.
pub fn printables(site: &Site) -> Vec<Printable> {
    let mut out = Vec::new();
    for lang in &site.config.languages {
        for p in site.entries(lang, Section::Worksheets) {
            let place = Place::Page(p.key.clone());
            out.push(Printable {
                job: Job::Page(p.id),
                page: p.path.clone(),
                pdf: SitePath::pdf(lang, &place),
            });
        }
        out.push(Printable {
            job: Job::PrintPack(lang.clone()),
            page: SitePath::of_place(lang, &Place::PrintPack),
            pdf: SitePath::pdf(lang, &Place::PrintPack),
        });
    }
    out
}

/// The copy of the site that `build --pdf` prints from disk: the printable pages as a
/// portable build (relative links, so `file://` finds the theme's CSS and fonts) with
/// `@page { size: <paper> }`, plus the theme's static files. Printed addresses stay the
/// public ones.
pub fn print_copy(
    site: &Site,
    theme: &Theme,
    printables: &[Printable],
    paper: &str,
) -> (Vec<OutputFile>, Diagnostics) {
    let mut r = Renderer::new(site, theme);
    r.linker.portable = true;
    r.paper = Some(paper.to_string());
    let jobs: Vec<Job> = printables.iter().map(|p| p.job.clone()).collect();
    let mut diags = Diagnostics::default();
    let mut files = Vec::with_capacity(jobs.len());
    for res in jobs.par_iter().map(|j| r.job(j)).collect::<Vec<_>>() {
        match res {
            Ok(f) => files.push(f),
            Err(d) => diags.push(d),
        }
    }
    files.extend(theme_files(theme));
    (files, diags)
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

/// Where the sitemap is written.
const SITEMAP_FILE: &str = "sitemap.xml";

/// `sitemap.xml`, which lists every page with its translations.
pub fn sitemap_file(site: &Site, theme: &Theme) -> OutputFile {
    // The sitemap lists pages, not tags: no tag index is needed.
    Renderer::with_tags(site, theme, Tags::Own(Box::default())).sitemap_file()
}

/// The theme's `static/` files, and `.nojekyll` (GitHub Pages must not hide `_` files).
pub fn static_files(theme: &Theme) -> Vec<OutputFile> {
    let mut files = vec![OutputFile::new(".nojekyll", Vec::new())];
    files.extend(theme_files(theme));
    files
}

/// The theme's `static/` files, where pages link to them.
fn theme_files(theme: &Theme) -> impl Iterator<Item = OutputFile> + '_ {
    theme
        .statics
        .iter()
        .map(|(name, file)| OutputFile::new(format!("{STATIC_DIR}/{name}"), file.bytes.clone()))
}

/// Images and other files written beside the Markdown, copied to the same place. A file that
/// would land where the site writes a file or folder of its own is reported instead (see
/// [`Generated`]).
pub fn asset_files(site: &Site, diags: &mut Diagnostics) -> Vec<OutputFile> {
    let mut files = Vec::new();
    let generated = (!site.assets.is_empty()).then(|| Generated::of(site));
    for asset in &site.assets {
        let path = asset.site_path.as_str();
        if generated.as_ref().is_some_and(|g| g.clashes_with(path)) {
            diags.push(Diagnostic::error(
                &asset.rel,
                0,
                format!(
                    "would be written to `{path}`, where the site already writes a page, file or folder of its own; rename or move it"
                ),
            ));
            continue;
        }
        match std::fs::read(&asset.path) {
            Ok(bytes) => match crate::content::assets::refuse_reason(&asset.rel, &bytes) {
                Some(why) => diags.push(Diagnostic::error(&asset.rel, 0, why)),
                None => files.push(OutputFile::new(asset.site_path.as_str(), bytes)),
            },
            Err(e) => diags.push(Diagnostic::error(
                &asset.rel,
                0,
                format!("cannot read: {e}"),
            )),
        }
    }
    files
}

/// The paths a site writes of its own accord, known before anything is rendered.
///
/// Two files for one output path would leave the one written last, which is not even
/// deterministic: a file in `content/` named like a generated one (`content/en/atom.xml`)
/// would replace it, and one named like a generated folder (`content/en/tips/rest` beside
/// `rest.md`) would stop the write half-way. A build writes files as they are rendered, so
/// the clash must be found before any of them is written, not in the finished list. It is
/// always the content file's fault: generated paths never clash with each other (reserved
/// slugs see to that).
struct Generated {
    files: HashSet<String>,
    folders: HashSet<String>,
}

impl Generated {
    /// Every job's file, the sitemap, the PDFs of `build --pdf`, and the folders of all of
    /// them, of the theme's files and of the search index (whose file names depend on the
    /// words indexed).
    fn of(site: &Site) -> Generated {
        let mut files: HashSet<String> = jobs(site).iter().map(|j| j.file(site)).collect();
        files.insert(SITEMAP_FILE.into());
        files.insert(".nojekyll".into());
        if site.config.pdf {
            files.extend(printables(site).into_iter().map(|p| p.pdf.file()));
        }
        let mut folders: HashSet<String> = HashSet::new();
        for f in &files {
            folders.extend(f.match_indices('/').map(|(i, _)| f[..i].to_string()));
        }
        folders.extend(GENERATED_TREES.map(String::from));
        Generated { files, folders }
    }

    /// Whether a content file at `path` would replace a generated file, sit where a generated
    /// folder goes, or need a generated file to be a folder.
    fn clashes_with(&self, path: &str) -> bool {
        self.files.contains(path)
            || self.folders.contains(path)
            || path.match_indices('/').any(|(i, _)| {
                let dir = &path[..i];
                self.files.contains(dir) || GENERATED_TREES.contains(&dir)
            })
    }
}

/// Folders whose every file is generated: the theme's files and the search index.
const GENERATED_TREES: [&str; 2] = [STATIC_DIR, search::INDEX_DIR];
/// Where the theme's `static/` files go.
const STATIC_DIR: &str = "static";

pub fn linker(site: &Site) -> Linker {
    Linker {
        base: site.config.base_url.clone(),
        portable: site.config.portable,
    }
}

struct Renderer<'a> {
    site: &'a Site,
    theme: &'a Theme,
    linker: Linker,
    i18n: &'a I18n,
    tags: Tags<'a>,
    purpose: Purpose,
    /// Paper size forced in the copy `build --pdf` prints; `None` for the site itself.
    paper: Option<String>,
}

/// The renderer's tag index: its own, or one the caller keeps between renders (serve).
enum Tags<'a> {
    Own(Box<TagIndex>),
    Kept(&'a TagIndex),
}

impl std::ops::Deref for Tags<'_> {
    type Target = TagIndex;
    fn deref(&self) -> &TagIndex {
        match self {
            Tags::Own(t) => t,
            Tags::Kept(t) => t,
        }
    }
}

/// Labels shared by the entries of one list page, made once per list.
#[derive(Default)]
struct ListLabels<'p> {
    sections: HashMap<(&'p Lang, Section), String>,
    tags: HashMap<(&'p Lang, &'p str), TagView>,
}

/// Where a page body is rendered: on its own page, or inside a print pack, where heading ids
/// and in-page anchors get the worksheet's prefix and links to other worksheets of the pack
/// stay in the pack.
#[derive(Clone, Copy)]
enum Scope<'s> {
    Page,
    Pack(&'s Lang),
}

/// Anchor of a worksheet inside its print pack.
fn sheet_id(slug: &str) -> String {
    format!("ws-{slug}")
}

/// A heading id inside a print pack: `<slug>--<id>`. Slugs never contain `--`, so two
/// worksheets can never produce the same id, and no fixed id of the templates has `--`.
fn pack_anchor(slug: &str, id: &str) -> String {
    format!("{slug}--{id}")
}

impl<'a> Renderer<'a> {
    fn new(site: &'a Site, theme: &'a Theme) -> Renderer<'a> {
        Renderer::with_tags(site, theme, Tags::Own(Box::new(TagIndex::new(site))))
    }

    fn with_tags(site: &'a Site, theme: &'a Theme, tags: Tags<'a>) -> Renderer<'a> {
        Renderer {
            site,
            theme,
            linker: linker(site),
            i18n: &site.i18n,
            tags,
            purpose: Purpose::Build,
            paper: None,
        }
    }

    fn job(&self, job: &Job) -> Result<OutputFile, Diagnostic> {
        match job {
            Job::Root => self.root(),
            Job::NotFound => self.not_found(),
            Job::Home(lang) => self.home(lang),
            Job::Section(lang, s) => self.section(lang, *s),
            Job::Page(id) => self.page(&self.site.pages[*id]),
            Job::TagIndex(lang) => self.tag_index(lang),
            Job::Tag(lang, slug) => self.tag_page(lang, slug),
            Job::Feed(lang) => Ok(self.feed(lang)),
            Job::Search(lang) => self.search_page(lang),
            Job::PrintPack(lang) => self.print_pack(lang),
        }
    }

    /// The sitemap, the search index of each language and the theme's files.
    fn site_files_into(&self, sink: &Sink) -> anyhow::Result<()> {
        sink(self.sitemap_file())?;
        self.search_index_into(sink)?;
        for f in static_files(self.theme) {
            sink(f)?;
        }
        Ok(())
    }

    fn t(&self, lang: &Lang, id: &str) -> String {
        self.i18n.text(lang, id)
    }

    fn t_args(&self, lang: &Lang, id: &str, args: &[(&str, Arg)]) -> String {
        self.i18n
            .format(lang, id, args)
            .unwrap_or_else(|_| id.to_string())
    }

    fn site_title(&self, lang: &Lang) -> String {
        self.site
            .config
            .titles
            .get(lang)
            .cloned()
            .unwrap_or_else(|| self.t(lang, "site-title"))
    }

    fn render<V: Serialize>(
        &self,
        template: &str,
        view: &V,
        path: &SitePath,
    ) -> Result<OutputFile, Diagnostic> {
        let origin = self
            .theme
            .template_origins
            .get(template)
            .cloned()
            .unwrap_or_else(|| template.into());
        let ctx = tera::Context::from_serialize(view).map_err(|e| {
            Diagnostic::error(
                &origin,
                0,
                format!("cannot pass the page to the template: {e}"),
            )
        })?;
        // Straight into bytes: `render` would check the whole page is UTF-8 once more.
        let mut html = Vec::with_capacity(32 * 1024);
        self.theme
            .tera
            .render_to(template, &ctx, &mut html)
            .map_err(|e| {
                Diagnostic::error(
                    &origin,
                    0,
                    format!(
                        "rendering `{}` failed: {}",
                        path.file(),
                        tera_error_chain(&e)
                    ),
                )
            })?;
        Ok(OutputFile::new(path.file(), html))
    }

    fn date(&self, lang: &Lang, page: &Page) -> (Option<String>, Option<String>) {
        match page.front.date {
            Some(d) => {
                let month = self.t(lang, &format!("month-{}", d.month));
                let shown = self.t_args(
                    lang,
                    "date-long",
                    &[
                        ("day", Arg::Num(d.day as f64)),
                        ("month", Arg::Str(&month)),
                        ("year", Arg::Str(&d.year.to_string())),
                    ],
                );
                (Some(d.iso()), Some(shown))
            }
            None => (None, None),
        }
    }

    fn tag_name(&self, lang: &Lang, slug: &str) -> String {
        self.t(lang, &format!("tag-{slug}"))
    }

    fn tags(&self, from: &SitePath, page: &Page) -> Vec<TagView> {
        page.front
            .tags
            .iter()
            .map(|t| self.tag_view(from, &page.lang, &t.slug))
            .collect()
    }

    fn tag_view(&self, from: &SitePath, lang: &Lang, slug: &str) -> TagView {
        TagView {
            slug: slug.to_string(),
            name: self.tag_name(lang, slug),
            href: self.linker.href(
                from,
                &SitePath::of_place(lang, &Place::Tag(slug.to_string())),
            ),
        }
    }

    /// Every tag of the site, linked from `from`, sorted by the name the reader of `lang`
    /// sees (names sort differently per language).
    fn sorted_tag_views(&self, from: &SitePath, lang: &Lang) -> Vec<TagView> {
        let mut tags: Vec<TagView> = self
            .site
            .tag_slugs()
            .into_iter()
            .map(|slug| self.tag_view(from, lang, slug))
            .collect();
        tags.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.slug.cmp(&b.slug)));
        tags
    }

    fn count_text(&self, lang: &Lang, section: Section, n: usize) -> String {
        self.t_args(
            lang,
            &format!("count-{}", section.slug()),
            &[("count", Arg::Num(n as f64))],
        )
    }

    /// The frame of a page at `from` whose language-independent identity is `place`.
    fn chrome(
        &self,
        lang: &Lang,
        from: &SitePath,
        place: Option<&Place>,
        title: &str,
        description: &str,
        body_class: &str,
    ) -> Chrome {
        let site = self.site;
        let l = &self.linker;
        let site_title = self.site_title(lang);
        let key = match place {
            Some(Place::Page(k)) => Some(k),
            _ => None,
        };
        let exists_in = |other: &Lang| -> bool {
            match place {
                Some(Place::Page(k @ (PageKey::Entry(..) | PageKey::Standalone(_)))) => {
                    site.page(other, k).is_some()
                }
                Some(_) => true,
                None => false,
            }
        };
        let path_in = |other: &Lang| -> SitePath {
            match place {
                Some(p) if exists_in(other) => SitePath::of_place(other, p),
                _ => SitePath::of_page(other, &PageKey::Home),
            }
        };
        let link_abs = |to: &SitePath| {
            if l.portable {
                l.href(from, to)
            } else {
                l.absolute(to)
            }
        };
        let mut alternates = Vec::new();
        if place.is_some() {
            for other in &site.config.languages {
                if exists_in(other) {
                    alternates.push(Alternate {
                        hreflang: other.to_string(),
                        href: link_abs(&path_in(other)),
                    });
                }
            }
            let def = &site.config.default_language;
            if exists_in(def) {
                alternates.push(Alternate {
                    hreflang: "x-default".into(),
                    href: link_abs(&path_in(def)),
                });
            }
        }
        let switcher = site
            .config
            .languages
            .iter()
            .map(|other| {
                let name = self.t(other, "language-name");
                let translated = exists_in(other);
                SwitchLink {
                    lang: other.to_string(),
                    href: l.href(from, &path_in(other)),
                    current: other == lang,
                    translated,
                    note: if translated || other == lang {
                        String::new()
                    } else {
                        self.t_args(
                            lang,
                            "not-translated",
                            &[(
                                "language",
                                Arg::Str(&self.t(lang, &format!("lang-{other}"))),
                            )],
                        )
                    },
                    name,
                }
            })
            .collect();
        let mut nav = vec![NavLink {
            label: self.t(lang, "nav-home"),
            href: l.href(from, &SitePath::of_page(lang, &PageKey::Home)),
            current: key == Some(&PageKey::Home),
        }];
        for s in Section::ALL {
            nav.push(NavLink {
                label: self.t(lang, &format!("section-{}", s.slug())),
                href: l.href(from, &SitePath::of_page(lang, &PageKey::SectionIndex(s))),
                current: key.and_then(|k| k.section()) == Some(s)
                    || (place == Some(&Place::PrintPack) && s == Section::Worksheets),
            });
        }
        let page_title = if title.is_empty() || title == site_title {
            site_title.clone()
        } else {
            format!("{title} — {site_title}")
        };
        Chrome {
            lang: lang.to_string(),
            site_title,
            page_title,
            description: description.to_string(),
            root: self.prefix(from),
            home_href: l.href(from, &SitePath::of_page(lang, &PageKey::Home)),
            about_href: site
                .page(lang, &PageKey::Standalone("about".into()))
                .map(|p| l.href(from, &p.path)),
            canonical: link_abs(from),
            alternates,
            nav,
            switcher,
            body_class: body_class.to_string(),
            feed_href: l.href(from, &SitePath::feed(lang)),
            feed_title: self.t_args(
                lang,
                "feed-title",
                &[("site", Arg::Str(&self.site_title(lang)))],
            ),
            tags_href: l.href(from, &SitePath::of_place(lang, &Place::TagIndex)),
            search_href: l.href(from, &SitePath::of_place(lang, &Place::Search)),
            header_search: place != Some(&Place::Search),
            paper: self.paper.clone(),
        }
    }

    /// Prefix for theme files: the base path, or `../` per level in a portable build.
    fn prefix(&self, from: &SitePath) -> String {
        if self.linker.portable {
            "../".repeat(from.file().matches('/').count())
        } else {
            self.linker.base.path.clone()
        }
    }

    fn body_html(&self, page: &Page, from: &SitePath) -> String {
        self.scoped_body_html(page, from, Scope::Page)
    }

    fn scoped_body_html(&self, page: &Page, from: &SitePath, scope: Scope) -> String {
        if self.purpose == Purpose::Check {
            return String::new();
        }
        let site = self.site;
        let linker = &self.linker;
        // In a pack, the worksheet a link points to, when it is one of the pack's sheets.
        let in_pack = |target: &Page| -> Option<String> {
            match scope {
                Scope::Pack(lang)
                    if &target.lang == lang && target.section() == Some(Section::Worksheets) =>
                {
                    Some(target.key.slug().to_string())
                }
                _ => None,
            }
        };
        let own_slug = in_pack(page);
        let resolve = |dest: &str| -> Option<String> {
            match page.links.get(dest)? {
                LinkDest::Page { id, anchor } => {
                    let target = &site.pages[*id];
                    if let Some(slug) = in_pack(target) {
                        return Some(match anchor {
                            Some(a) => format!("#{}", pack_anchor(&slug, a)),
                            None => format!("#{}", sheet_id(&slug)),
                        });
                    }
                    let mut href = linker.href(from, &target.path);
                    if let Some(a) = anchor {
                        href.push('#');
                        href.push_str(a);
                    }
                    Some(href)
                }
                LinkDest::File(p) => Some(linker.href(from, p)),
                LinkDest::Anchor(a) => Some(match &own_slug {
                    Some(slug) => format!("#{}", pack_anchor(slug, a)),
                    None => format!("#{a}"),
                }),
            }
        };
        let ids: Vec<String> = page
            .scan
            .headings
            .iter()
            .map(|h| match &own_slug {
                Some(slug) => pack_anchor(slug, &h.id),
                None => h.id.clone(),
            })
            .collect();
        let labels = WorksheetLabels {
            name: self.t(&page.lang, "worksheet-name"),
            date: self.t(&page.lang, "worksheet-date"),
        };
        markdown::render(
            &page.body,
            &RenderContext {
                heading_ids: &ids,
                resolve: &resolve,
                labels: &labels,
                heading_offset: if own_slug.is_some() { 1 } else { 0 },
            },
        )
    }

    /// Print button, PDF link and printed addresses of a printable page.
    fn print_view(&self, lang: &Lang, from: &SitePath, place: &Place) -> PrintView {
        let l = &self.linker;
        let own = SitePath::of_place(lang, place);
        PrintView {
            url: l.base.origin.is_some().then(|| l.absolute(&own)),
            pdf_href: self
                .site
                .config
                .pdf
                .then(|| l.href(from, &SitePath::pdf(lang, place))),
            script_href: self.prefix(from) + "static/js/print.js",
            pack_href: (place != &Place::PrintPack)
                .then(|| l.href(from, &SitePath::of_place(lang, &Place::PrintPack))),
        }
    }

    fn print_pack(&self, lang: &Lang) -> Result<OutputFile, Diagnostic> {
        let place = Place::PrintPack;
        let path = SitePath::of_place(lang, &place);
        let title = self.t(lang, "print-pack-title");
        let worksheets = self.site.entries(lang, Section::Worksheets);
        let count_text = self.count_text(lang, Section::Worksheets, worksheets.len());
        let intro = self.t(lang, "print-pack-intro");
        let sheets = worksheets
            .iter()
            .enumerate()
            .map(|(i, p)| PackSheet {
                number: i + 1,
                id: sheet_id(p.key.slug()),
                title: p.front.title.clone(),
                summary: p.front.summary.clone(),
                body_html: self.scoped_body_html(p, &path, Scope::Pack(lang)),
                href: self.linker.href(&path, &p.path),
                url: self
                    .linker
                    .base
                    .origin
                    .is_some()
                    .then(|| self.linker.absolute(&p.path)),
            })
            .collect();
        let view = PrintPackView {
            chrome: self.chrome(lang, &path, Some(&place), &title, &intro, "page-print-pack"),
            title,
            intro,
            count_text,
            print: self.print_view(lang, &path, &place),
            section_href: self.linker.href(
                &path,
                &SitePath::of_page(lang, &PageKey::SectionIndex(Section::Worksheets)),
            ),
            sheets,
        };
        self.render("print.html", &view, &path)
    }

    fn page(&self, page: &Page) -> Result<OutputFile, Diagnostic> {
        let lang = &page.lang;
        let section = page.section();
        let body_class = match section {
            Some(s) => format!("page-entry page-{}", s.slug()),
            None => "page-standalone".into(),
        };
        let chrome = self.chrome(
            lang,
            &page.path,
            Some(&Place::Page(page.key.clone())),
            &page.front.title,
            &page.front.summary,
            &body_class,
        );
        let mut breadcrumbs = vec![Crumb {
            label: self.t(lang, "nav-home"),
            href: chrome.home_href.clone(),
        }];
        if let Some(s) = section {
            breadcrumbs.push(Crumb {
                label: self.t(lang, &format!("section-{}", s.slug())),
                href: self.linker.href(
                    &page.path,
                    &SitePath::of_page(lang, &PageKey::SectionIndex(s)),
                ),
            });
        }
        let (date_iso, date_display) = self.date(lang, page);
        let view = PageView {
            title: page.front.title.clone(),
            summary: page.front.summary.clone(),
            body_html: self.body_html(page, &page.path),
            section: section.map(|s| s.slug().to_string()),
            breadcrumbs,
            date_iso,
            date_display,
            tags: self.tags(&page.path, page),
            related: self
                .site
                .related(page, &self.tags, RELATED_COUNT)
                .into_iter()
                .map(|p| self.entry(&page.path, p))
                .collect(),
            source: page.front.source.as_ref().map(|s| SourceView {
                name: s.name.clone(),
                url: s.url.clone(),
            }),
            illustrative: page.front.illustrative,
            is_worksheet: section == Some(Section::Worksheets),
            print: (section == Some(Section::Worksheets))
                .then(|| self.print_view(lang, &page.path, &Place::Page(page.key.clone()))),
            chrome,
        };
        self.render("page.html", &view, &page.path)
    }

    fn entry(&self, from: &SitePath, p: &Page) -> EntryView {
        self.list_entry(from, p, &mut ListLabels::default())
    }

    /// An entry of a list at `from`, with the labels every entry of the list shares made once
    /// (a section list or tag page of a large site has thousands of entries).
    fn list_entry<'p>(
        &self,
        from: &SitePath,
        p: &'p Page,
        labels: &mut ListLabels<'p>,
    ) -> EntryView {
        let (date_iso, date_display) = self.date(&p.lang, p);
        EntryView {
            title: p.front.title.clone(),
            summary: p.front.summary.clone(),
            href: self.linker.href(from, &p.path),
            date_iso,
            date_display,
            section_label: p.section().map(|s| {
                labels
                    .sections
                    .entry((&p.lang, s))
                    .or_insert_with(|| self.t(&p.lang, &format!("section-{}", s.slug())))
                    .clone()
            }),
            tags: p
                .front
                .tags
                .iter()
                .map(|t| {
                    labels
                        .tags
                        .entry((&p.lang, &t.slug))
                        .or_insert_with(|| self.tag_view(from, &p.lang, &t.slug))
                        .clone()
                })
                .collect(),
        }
    }

    fn section(&self, lang: &Lang, section: Section) -> Result<OutputFile, Diagnostic> {
        let key = PageKey::SectionIndex(section);
        let path = SitePath::of_page(lang, &key);
        let intro = self.site.page(lang, &key);
        let label = self.t(lang, &format!("section-{}", section.slug()));
        let title = intro
            .map(|p| p.front.title.clone())
            .unwrap_or_else(|| label.clone());
        let description = intro
            .map(|p| p.front.summary.clone())
            .unwrap_or_else(|| self.t(lang, &format!("section-{}-blurb", section.slug())));
        let mut labels = ListLabels::default();
        let entries: Vec<EntryView> = self
            .site
            .entries(lang, section)
            .into_iter()
            .map(|p| self.list_entry(&path, p, &mut labels))
            .collect();
        let view = SectionView {
            chrome: self.chrome(
                lang,
                &path,
                Some(&Place::Page(key.clone())),
                &title,
                &description,
                &format!("page-section page-section-{}", section.slug()),
            ),
            section: section.slug().to_string(),
            title,
            intro_html: match intro {
                Some(p) => self.body_html(p, &path),
                None => format!("<p>{}</p>", escape_html(&description)),
            },
            count_text: self.count_text(lang, section, entries.len()),
            filter: if section == Section::Tips {
                self.tag_chips(lang, &path, section)
            } else {
                Vec::new()
            },
            filter_script: self.prefix(&path) + "static/js/tag-filter.js",
            list_href: self.linker.href(&path, &path),
            print_pack_href: (section == Section::Worksheets && !entries.is_empty()).then(|| {
                self.linker
                    .href(&path, &SitePath::of_place(lang, &Place::PrintPack))
            }),
            entries,
        };
        self.render("section.html", &view, &path)
    }

    /// The tags used in a section, with how many of its pages carry each, for the filter.
    fn tag_chips(&self, lang: &Lang, from: &SitePath, section: Section) -> Vec<TagChip> {
        let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
        for p in self.site.entries(lang, section) {
            for t in &p.front.tags {
                *counts.entry(t.slug.as_str()).or_insert(0) += 1;
            }
        }
        counts
            .into_iter()
            .map(|(slug, count)| TagChip {
                tag: self.tag_view(from, lang, slug),
                count,
            })
            .collect()
    }

    fn tag_index(&self, lang: &Lang) -> Result<OutputFile, Diagnostic> {
        let place = Place::TagIndex;
        let path = SitePath::of_place(lang, &place);
        let title = self.t(lang, "tags-title");
        let description = self.t(lang, "tags-summary");
        let tags = self
            .sorted_tag_views(&path, lang)
            .into_iter()
            .map(|tag| TagChip {
                count: self.tags.count(lang, &tag.slug),
                tag,
            });
        let view = TagIndexView {
            chrome: self.chrome(lang, &path, Some(&place), &title, &description, "page-tags"),
            title,
            tags: tags
                .map(|c| {
                    let count_text =
                        self.t_args(lang, "pages-count", &[("count", Arg::Num(c.count as f64))]);
                    TagIndexEntry {
                        chip: c,
                        count_text,
                    }
                })
                .collect(),
        };
        self.render("tags.html", &view, &path)
    }

    fn tag_page(&self, lang: &Lang, slug: &str) -> Result<OutputFile, Diagnostic> {
        let place = Place::Tag(slug.to_string());
        let path = SitePath::of_place(lang, &place);
        let name = self.tag_name(lang, slug);
        let description_id = format!("tag-{slug}-description");
        let description = if self.i18n.has(lang, &description_id) {
            self.t(lang, &description_id)
        } else {
            self.t_args(lang, "tagged-pages-summary", &[("tag", Arg::Str(&name))])
        };
        let pages = self.site.tagged(lang, slug);
        let mut groups: Vec<TagGroup> = Vec::new();
        let mut labels = ListLabels::default();
        for p in &pages {
            let Some(section) = p.section() else { continue };
            let entry = self.list_entry(&path, p, &mut labels);
            match groups.last_mut() {
                Some(g) if g.section == section.slug() => g.entries.push(entry),
                _ => groups.push(TagGroup {
                    section: section.slug().to_string(),
                    label: self.t(lang, &format!("section-{}", section.slug())),
                    entries: vec![entry],
                }),
            }
        }
        let view = TagPageView {
            chrome: self.chrome(lang, &path, Some(&place), &name, &description, "page-tag"),
            title: name.clone(),
            slug: slug.to_string(),
            description,
            count_text: self.t_args(
                lang,
                "pages-count",
                &[("count", Arg::Num(pages.len() as f64))],
            ),
            groups,
            all_tags_href: self
                .linker
                .href(&path, &SitePath::of_place(lang, &Place::TagIndex)),
        };
        self.render("tag.html", &view, &path)
    }

    /// An Atom feed of stories and guidance, newest first. Atom needs absolute ids; without a
    /// configured origin the ids fall back to `tag:` URIs, which stay stable across hosts.
    fn feed(&self, lang: &Lang) -> OutputFile {
        let path = SitePath::feed(lang);
        let mut entries: Vec<&Page> = [Section::Stories, Section::Guidance]
            .iter()
            .flat_map(|&s| self.site.entries(lang, s))
            .collect();
        entries.sort_by(|a, b| {
            b.front
                .date
                .cmp(&a.front.date)
                .then_with(|| crate::model::site::reading_order(a, b))
        });
        let stamp = |d: Option<crate::content::frontmatter::Date>| match d {
            Some(d) => format!("{}T00:00:00Z", d.iso()),
            None => FEED_EPOCH.to_string(),
        };
        let updated = entries.iter().filter_map(|p| p.front.date).max();
        let id_of = |sp: &SitePath| match &self.linker.base.origin {
            Some(_) => self.linker.absolute(sp),
            None => format!("tag:handbook,2025:{}", sp.as_str()),
        };
        let title = self.t_args(
            lang,
            "feed-title",
            &[("site", Arg::Str(&self.site_title(lang)))],
        );
        let home = SitePath::of_page(lang, &PageKey::Home);
        let mut x = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        x.push_str(&format!(
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n"
        ));
        x.push_str(&format!("  <title>{}</title>\n", escape_html(&title)));
        x.push_str(&format!(
            "  <subtitle>{}</subtitle>\n",
            escape_html(&self.t(lang, "site-tagline"))
        ));
        x.push_str(&format!("  <id>{}</id>\n", escape_html(&id_of(&path))));
        x.push_str(&format!(
            "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
            escape_html(&self.linker.absolute(&path))
        ));
        x.push_str(&format!(
            "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            escape_html(&self.linker.absolute(&home))
        ));
        x.push_str(&format!("  <updated>{}</updated>\n", stamp(updated)));
        x.push_str(&format!(
            "  <author><name>{}</name></author>\n",
            escape_html(&self.site_title(lang))
        ));
        for p in entries {
            x.push_str("  <entry>\n");
            x.push_str(&format!(
                "    <title>{}</title>\n",
                escape_html(&p.front.title)
            ));
            x.push_str(&format!("    <id>{}</id>\n", escape_html(&id_of(&p.path))));
            x.push_str(&format!(
                "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
                escape_html(&self.linker.absolute(&p.path))
            ));
            x.push_str(&format!(
                "    <updated>{}</updated>\n",
                stamp(p.front.date.or(updated))
            ));
            x.push_str(&format!(
                "    <summary>{}</summary>\n",
                escape_html(&p.front.summary)
            ));
            if let Some(s) = p.section() {
                x.push_str(&format!(
                    "    <category term=\"{}\" label=\"{}\"/>\n",
                    s.slug(),
                    escape_html(&self.t(lang, &format!("section-{}", s.slug())))
                ));
            }
            x.push_str("  </entry>\n");
        }
        x.push_str("</feed>\n");
        OutputFile::new(path.file(), x.into_bytes())
    }

    fn home(&self, lang: &Lang) -> Result<OutputFile, Diagnostic> {
        let path = SitePath::of_page(lang, &PageKey::Home);
        let page = self.site.page(lang, &PageKey::Home);
        let site_title = self.site_title(lang);
        let title = page
            .map(|p| p.front.title.clone())
            .unwrap_or_else(|| site_title.clone());
        let description = page
            .map(|p| p.front.summary.clone())
            .unwrap_or_else(|| self.t(lang, "site-tagline"));
        let sections = Section::ALL
            .iter()
            .map(|&s| SectionCard {
                section: s.slug().to_string(),
                label: self.t(lang, &format!("section-{}", s.slug())),
                blurb: self.t(lang, &format!("section-{}-blurb", s.slug())),
                href: self
                    .linker
                    .href(&path, &SitePath::of_page(lang, &PageKey::SectionIndex(s))),
                count_text: self.count_text(lang, s, self.site.entries(lang, s).len()),
            })
            .collect();
        let view = HomeView {
            chrome: self.chrome(
                lang,
                &path,
                Some(&Place::Page(PageKey::Home)),
                &title,
                &description,
                "page-home",
            ),
            title,
            intro_html: page.map(|p| self.body_html(p, &path)).unwrap_or_default(),
            sections,
            latest_stories: self
                .latest_stories(lang)
                .into_iter()
                .map(|p| self.entry(&path, p))
                .collect(),
            tip_of_the_day: self.tip_of_the_day(lang).map(|p| self.entry(&path, p)),
        };
        self.render("home.html", &view, &path)
    }

    /// The newest stories (by date, then reading order).
    fn latest_stories(&self, lang: &Lang) -> Vec<&Page> {
        let mut v = self.site.entries(lang, Section::Stories);
        v.sort_by(|a, b| {
            b.front
                .date
                .cmp(&a.front.date)
                .then_with(|| crate::model::site::reading_order(a, b))
        });
        v.truncate(LATEST_STORIES);
        v
    }

    /// A tip chosen by the build date, the same one in every language where it is translated.
    /// `SOURCE_DATE_EPOCH` pins the date for reproducible builds.
    fn tip_of_the_day(&self, lang: &Lang) -> Option<&Page> {
        let def = &self.site.config.default_language;
        let pool = self.site.entries(def, Section::Tips);
        let pool = if pool.is_empty() {
            self.site.entries(lang, Section::Tips)
        } else {
            pool
        };
        if pool.is_empty() {
            return None;
        }
        let pick = pool[(build_day() % pool.len() as u64) as usize];
        self.site
            .translation(pick, lang)
            .or_else(|| self.site.entries(lang, Section::Tips).first().copied())
    }

    fn languages(&self, from: &SitePath, rooted: bool) -> Vec<RootLanguage> {
        self.site
            .config
            .languages
            .iter()
            .map(|l| {
                let home = SitePath::of_page(l, &PageKey::Home);
                RootLanguage {
                    lang: l.to_string(),
                    name: self.t(l, "language-name"),
                    site_title: self.site_title(l),
                    href: if rooted {
                        self.linker.rooted(&home)
                    } else {
                        self.linker.href(from, &home)
                    },
                    tagline: self.t(l, "site-tagline"),
                    choose: self.t(l, "choose-language"),
                }
            })
            .collect()
    }

    fn root(&self) -> Result<OutputFile, Diagnostic> {
        let lang = &self.site.config.default_language;
        let path = SitePath::root();
        let mut chrome = self.chrome(
            lang,
            &path,
            None,
            "",
            &self.t(lang, "site-tagline"),
            "page-root",
        );
        chrome.alternates = self
            .site
            .config
            .languages
            .iter()
            .map(|l| Alternate {
                hreflang: l.to_string(),
                href: self
                    .linker
                    .href(&path, &SitePath::of_page(l, &PageKey::Home)),
            })
            .collect();
        let view = RootView {
            languages: self.languages(&path, false),
            chrome,
        };
        self.render("root.html", &view, &path)
    }

    /// Served for any missing URL at any depth, so every link in it is rooted at the base path.
    fn not_found(&self) -> Result<OutputFile, Diagnostic> {
        let lang = &self.site.config.default_language;
        let path = SitePath::new("404.html");
        let title = self.t(lang, "not-found-title");
        let mut chrome = self.chrome(lang, &path, None, &title, &title, "page-404");
        if !self.linker.portable {
            chrome.root = self.linker.base.path.clone();
        }
        let home = SitePath::of_page(lang, &PageKey::Home);
        chrome.home_href = self.linker.rooted(&home);
        chrome.about_href = chrome
            .about_href
            .map(|h| rooted_from(&h, &self.linker.base.path));
        for n in chrome.nav.iter_mut() {
            n.href = rooted_from(&n.href, &self.linker.base.path);
        }
        for s in chrome.switcher.iter_mut() {
            s.href = rooted_from(&s.href, &self.linker.base.path);
            // A missing page has no translation to miss: the link goes to that language's
            // home, without a "not yet translated" note that would not be true.
            s.note.clear();
        }
        let view = NotFoundView {
            homes: self.languages(&path, true),
            chrome,
        };
        let mut f = self.render("404.html", &view, &path)?;
        f.path = NOT_FOUND_FILE.into();
        Ok(f)
    }

    fn sitemap_file(&self) -> OutputFile {
        OutputFile::new(SITEMAP_FILE, self.sitemap().into_bytes())
    }

    fn sitemap(&self) -> String {
        let mut s = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
        );
        let mut keys: Vec<PageKey> = vec![PageKey::Home];
        keys.extend(Section::ALL.map(PageKey::SectionIndex));
        let mut entry_keys: Vec<PageKey> = self
            .site
            .pages
            .iter()
            .filter(|p| matches!(p.key, PageKey::Entry(..) | PageKey::Standalone(_)))
            .map(|p| p.key.clone())
            .collect();
        entry_keys.sort();
        entry_keys.dedup();
        keys.extend(entry_keys);
        let mut places: Vec<Place> = keys.into_iter().map(Place::Page).collect();
        places.push(Place::TagIndex);
        places.push(Place::PrintPack);
        places.extend(
            self.site
                .tag_slugs()
                .into_iter()
                .map(|t| Place::Tag(t.to_string())),
        );
        for place in &places {
            let page_of = |l: &Lang| match place {
                Place::Page(key) => self.site.page(l, key),
                _ => None,
            };
            let langs: Vec<&Lang> = self
                .site
                .config
                .languages
                .iter()
                .filter(|l| {
                    !matches!(
                        place,
                        Place::Page(PageKey::Entry(..) | PageKey::Standalone(_))
                    ) || page_of(l).is_some()
                })
                .collect();
            for l in &langs {
                s.push_str(&format!(
                    "  <url>\n    <loc>{}</loc>\n",
                    escape_html(&self.linker.absolute(&SitePath::of_place(l, place)))
                ));
                if let Some(d) = page_of(l).and_then(|p| p.front.date) {
                    s.push_str(&format!("    <lastmod>{}</lastmod>\n", d.iso()));
                }
                for alt in &langs {
                    s.push_str(&format!(
                        "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n",
                        alt,
                        escape_html(&self.linker.absolute(&SitePath::of_place(alt, place)))
                    ));
                }
                s.push_str("  </url>\n");
            }
        }
        s.push_str("</urlset>\n");
        s
    }
}

/// How many related pages a page lists, and how many stories the home page shows.
pub const RELATED_COUNT: usize = 4;
const LATEST_STORIES: usize = 3;
/// `updated` for feed entries when no page has a date (Atom requires one).
const FEED_EPOCH: &str = "2025-01-01T00:00:00Z";

/// Days since 1970 of the build, or of `SOURCE_DATE_EPOCH` when set.
fn build_day() -> u64 {
    let secs = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs())
        });
    secs / 86_400
}

/// In a portable build links are relative; 404.html cannot know its depth, so it uses rooted
/// links, which only matter on a server anyway.
fn rooted_from(href: &str, base: &str) -> String {
    if href.starts_with(base) {
        href.to_string()
    } else {
        let trimmed = href
            .trim_start_matches("../")
            .trim_end_matches("index.html");
        format!("{base}{trimmed}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Overrides;

    /// Content files are checked against [`Generated`] before anything is rendered, so it must
    /// know every path a build writes: a file it missed could be overwritten by a content file.
    #[test]
    fn generated_paths_cover_every_rendered_file() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/basic");
        let overrides = Overrides {
            pdf: true,
            ..Overrides::default()
        };
        let (site, _) = crate::pipeline::load(&root, &overrides).expect("the fixture loads");
        let theme = Theme::load(&site.config.root, &site.config.theme, site.i18n.clone())
            .expect("the default theme loads");
        let (files, diags) = render_site(&site, &theme);
        assert!(!diags.has_errors(), "{diags:?}");
        let generated = Generated::of(&site);
        let assets: HashSet<&str> = site.assets.iter().map(|a| a.site_path.as_str()).collect();
        assert!(!assets.is_empty(), "the fixture has content files to copy");
        for f in &files {
            let path = f.path.as_str();
            let in_tree = GENERATED_TREES.iter().any(|t| {
                path.strip_prefix(t)
                    .is_some_and(|rest| rest.starts_with('/'))
            });
            assert!(
                assets.contains(path) || generated.files.contains(path) || in_tree,
                "`{path}` is written but not known in advance"
            );
            if !assets.contains(path) {
                assert!(generated.clashes_with(path), "{path}");
            }
        }
        for p in printables(&site) {
            assert!(generated.files.contains(&p.pdf.file()), "{}", p.pdf.file());
        }
        for a in &assets {
            assert!(!generated.clashes_with(a), "{a}");
        }
    }
}
