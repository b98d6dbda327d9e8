//! Stage 4: render the site model into output files (HTML through Tera, plus sitemap, root
//! chooser, 404 page, theme files and co-located content files). Pages render in parallel; the
//! result is sorted by path so output is identical for the same input.

pub mod messages;
pub mod templates;
pub mod views;

use crate::content::markdown::{self, RenderContext, WorksheetLabels};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::html::escape as escape_html;
use crate::i18n::{Arg, I18n};
use crate::model::lang::{Lang, PageKey, Section};
use crate::model::site::{LinkDest, Page, Site};
use crate::model::url::{Linker, SitePath};
use crate::output::OutputFile;
use rayon::prelude::*;
use serde::Serialize;
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
}

/// Every job of a full build, in a stable order.
pub fn jobs(site: &Site) -> Vec<Job> {
    let mut jobs = vec![Job::Root, Job::NotFound];
    for lang in &site.config.languages {
        jobs.push(Job::Home(lang.clone()));
        for s in Section::ALL {
            jobs.push(Job::Section(lang.clone(), s));
        }
    }
    for p in &site.pages {
        if matches!(p.key, PageKey::Entry(..) | PageKey::Standalone(_)) {
            jobs.push(Job::Page(p.id));
        }
    }
    jobs
}

/// The whole site: every job plus the files that are not templates.
pub fn render_site(site: &Site, theme: &Theme) -> (Vec<OutputFile>, Diagnostics) {
    let (mut files, diags) = render_jobs(site, theme, &jobs(site));
    files.extend(site_files(site, theme));
    let mut diags = diags;
    files.extend(asset_files(site, &mut diags));
    files.sort_by(|a, b| a.path.cmp(&b.path));
    (files, diags)
}

/// Renders the given jobs in parallel.
pub fn render_jobs(site: &Site, theme: &Theme, jobs: &[Job]) -> (Vec<OutputFile>, Diagnostics) {
    let linker = linker(site);
    let r = Renderer { site, theme, linker: &linker, i18n: &site.i18n };
    let results: Vec<Result<OutputFile, Diagnostic>> = jobs.par_iter().map(|j| r.job(j)).collect();
    let mut diags = Diagnostics::default();
    let mut files = Vec::with_capacity(results.len());
    for res in results {
        match res {
            Ok(f) => files.push(f),
            Err(d) => diags.push(d),
        }
    }
    (files, diags)
}

/// Files made from the whole model at once (sitemap) and the theme's static files.
pub fn site_files(site: &Site, theme: &Theme) -> Vec<OutputFile> {
    let linker = linker(site);
    let r = Renderer { site, theme, linker: &linker, i18n: &site.i18n };
    let mut files = vec![OutputFile::new("sitemap.xml", r.sitemap().into_bytes()), OutputFile::new(".nojekyll", Vec::new())];
    for (name, file) in &theme.statics {
        files.push(OutputFile::new(format!("static/{name}"), file.bytes.clone()));
    }
    files
}

/// Images and other files written beside the Markdown, copied to the same place.
pub fn asset_files(site: &Site, diags: &mut Diagnostics) -> Vec<OutputFile> {
    let mut files = Vec::new();
    for asset in &site.assets {
        match std::fs::read(&asset.path) {
            Ok(bytes) => files.push(OutputFile::new(asset.site_path.as_str(), bytes)),
            Err(e) => diags.push(Diagnostic::error(&asset.rel, 0, format!("cannot read: {e}"))),
        }
    }
    files
}

pub fn linker(site: &Site) -> Linker {
    Linker { base: site.config.base_url.clone(), portable: site.config.portable }
}

struct Renderer<'a> {
    site: &'a Site,
    theme: &'a Theme,
    linker: &'a Linker,
    i18n: &'a I18n,
}

impl Renderer<'_> {
    fn job(&self, job: &Job) -> Result<OutputFile, Diagnostic> {
        match job {
            Job::Root => self.root(),
            Job::NotFound => self.not_found(),
            Job::Home(lang) => self.home(lang),
            Job::Section(lang, s) => self.section(lang, *s),
            Job::Page(id) => self.page(&self.site.pages[*id]),
        }
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
        let html = self.theme.tera.render(template, &ctx).map_err(|e| {
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
        Ok(OutputFile::new(path.file(), html.into_bytes()))
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

    fn tags(&self, lang: &Lang, page: &Page) -> Vec<TagView> {
        page.front
            .tags
            .iter()
            .map(|t| TagView {
                slug: t.slug.clone(),
                name: self.t(lang, &format!("tag-{}", t.slug)),
            })
            .collect()
    }

    fn count_text(&self, lang: &Lang, section: Section, n: usize) -> String {
        self.t_args(
            lang,
            &format!("count-{}", section.slug()),
            &[("count", Arg::Num(n as f64))],
        )
    }

    /// The frame of a page at `from` whose language-independent identity is `key`.
    fn chrome(
        &self,
        lang: &Lang,
        from: &SitePath,
        key: Option<&PageKey>,
        title: &str,
        description: &str,
        body_class: &str,
    ) -> Chrome {
        let site = self.site;
        let l = self.linker;
        let site_title = self.site_title(lang);
        let exists_in = |other: &Lang| -> bool {
            match key {
                Some(PageKey::Entry(..) | PageKey::Standalone(_)) => {
                    key.and_then(|k| site.page(other, k)).is_some()
                }
                Some(_) => true,
                None => false,
            }
        };
        let path_in = |other: &Lang| -> SitePath {
            match key {
                Some(k) if exists_in(other) => SitePath::of_page(other, k),
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
        if key.is_some() {
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
                current: key.and_then(|k| k.section()) == Some(s),
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
        let site = self.site;
        let linker = self.linker;
        let resolve = |dest: &str| -> Option<String> {
            match page.links.get(dest)? {
                LinkDest::Page { id, anchor } => {
                    let mut href = linker.href(from, &site.pages[*id].path);
                    if let Some(a) = anchor {
                        href.push('#');
                        href.push_str(a);
                    }
                    Some(href)
                }
                LinkDest::File(p) => Some(linker.href(from, p)),
                LinkDest::Anchor(a) => Some(format!("#{a}")),
            }
        };
        let ids: Vec<String> = page.scan.headings.iter().map(|h| h.id.clone()).collect();
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
            },
        )
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
            Some(&page.key),
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
            tags: self.tags(lang, page),
            source: page.front.source.as_ref().map(|s| SourceView {
                name: s.name.clone(),
                url: s.url.clone(),
            }),
            illustrative: page.front.illustrative,
            is_worksheet: section == Some(Section::Worksheets),
            chrome,
        };
        self.render("page.html", &view, &page.path)
    }

    fn entry(&self, from: &SitePath, p: &Page) -> EntryView {
        let (date_iso, date_display) = self.date(&p.lang, p);
        EntryView {
            title: p.front.title.clone(),
            summary: p.front.summary.clone(),
            href: self.linker.href(from, &p.path),
            date_iso,
            date_display,
            tags: self.tags(&p.lang, p),
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
        let entries: Vec<EntryView> = self
            .site
            .entries(lang, section)
            .into_iter()
            .map(|p| self.entry(&path, p))
            .collect();
        let view = SectionView {
            chrome: self.chrome(
                lang,
                &path,
                Some(&key),
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
            entries,
        };
        self.render("section.html", &view, &path)
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
                Some(&PageKey::Home),
                &title,
                &description,
                "page-home",
            ),
            title,
            intro_html: page.map(|p| self.body_html(p, &path)).unwrap_or_default(),
            sections,
        };
        self.render("home.html", &view, &path)
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
        }
        let view = NotFoundView {
            homes: self.languages(&path, true),
            chrome,
        };
        let mut f = self.render("404.html", &view, &path)?;
        f.path = "404.html".into();
        Ok(f)
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
        for key in &keys {
            let langs: Vec<&Lang> = self
                .site
                .config
                .languages
                .iter()
                .filter(|l| {
                    !matches!(key, PageKey::Entry(..) | PageKey::Standalone(_))
                        || self.site.page(l, key).is_some()
                })
                .collect();
            for l in &langs {
                s.push_str(&format!(
                    "  <url>\n    <loc>{}</loc>\n",
                    escape_html(&self.linker.absolute(&SitePath::of_page(l, key)))
                ));
                if let Some(d) = self.site.page(l, key).and_then(|p| p.front.date) {
                    s.push_str(&format!("    <lastmod>{}</lastmod>\n", d.iso()));
                }
                for alt in &langs {
                    s.push_str(&format!(
                        "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n",
                        alt,
                        escape_html(&self.linker.absolute(&SitePath::of_page(alt, key)))
                    ));
                }
                s.push_str("  </url>\n");
            }
        }
        s.push_str("</urlset>\n");
        s
    }
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
