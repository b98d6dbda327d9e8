//! Stage 4, printing: the print packs (every worksheet of a language at
//! `/<lang>/worksheets/print/`, a tag's at `/<lang>/tags/<tag>/print/`, the workshop's at
//! `/<lang>/worksheets/print/workshop/`), what every printable page prints in its margins (the
//! address, the licence, the version and a QR code), and the pages `build --pdf` prints.
//! Input: the worksheets of the site model, and the [`Layout`] a first print measured;
//! output: [`PrintPackView`], [`PrintView`] and, for `build --pdf`, [`Printable`]s and their
//! files.
//!
//! Packs are made for double-sided printing: the cover's back is marked blank, and every
//! worksheet starts on a front. With a measured layout, a worksheet that ends on a front is
//! followed by a page marked "intentionally blank"; without one, each worksheet is given
//! exactly two pages (the rule for worksheets), its spare room lined for notes. A control on
//! the pack's page switches to one-sided printing (no blank pages), with CSS alone.

use super::body::{Scope, sheet_id};
use super::qr;
use super::views::{BilingualLink, PackSheet, PdfLink, PrintPackView, PrintView};
use super::{Diagnostics, Job, Renderer, Theme, theme_files};
use crate::i18n::Arg;
use crate::model::help::wants_help_box;
use crate::model::lang::{Lang, PageKey, Paper, Place, Section};
use crate::model::site::{Page, Site};
use crate::model::url::SitePath;
use crate::output::OutputFile;
use rayon::prelude::*;
use std::collections::BTreeMap;

/// A page that `build --pdf` prints: the job that renders it, and where its PDF goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Printable {
    pub job: Job,
    /// The page, relative to the site root (`en/worksheets/reflection/`).
    pub page: SitePath,
    /// Its PDF on `paper` (`en/worksheets/reflection/reflection-en-a4.pdf`).
    pub pdf: SitePath,
    pub paper: Paper,
    /// A worksheet or a bilingual sheet, printed once to measure before the packs are laid
    /// out; `false` for a pack.
    pub sheet: bool,
}

/// Every page `build --pdf` prints on `paper`: each language's worksheets and bilingual
/// sheets, then its print pack and workshop pack. Tag packs are printed from the browser.
pub fn printables(site: &Site, paper: Paper) -> Vec<Printable> {
    let mut out = Vec::new();
    for lang in &site.config.languages {
        for p in site.entries(lang, Section::Worksheets) {
            let place = Place::Page(p.key.clone());
            out.push(Printable {
                job: Job::Page(p.id),
                page: p.path.clone(),
                pdf: SitePath::pdf(lang, &place, paper, None),
                paper,
                sheet: true,
            });
            if let Some(partner) = site.bilingual_partner(lang, p.key.slug()) {
                let place = Place::Bilingual(p.key.slug().to_string());
                out.push(Printable {
                    job: Job::Bilingual(p.id),
                    page: SitePath::of_place(lang, &place),
                    pdf: SitePath::pdf(lang, &place, paper, Some(&partner.lang)),
                    paper,
                    sheet: true,
                });
            }
        }
        for place in [Place::PrintPack, Place::WorkshopPack] {
            if site.place_exists(lang, &place) && !site.pack_sheets(lang, &place).is_empty() {
                out.push(Printable {
                    job: Job::Pack(lang.clone(), place.clone()),
                    page: SitePath::of_place(lang, &place),
                    pdf: SitePath::pdf(lang, &place, paper, None),
                    paper,
                    sheet: false,
                });
            }
        }
    }
    out
}

/// What a first print measured of one sheet on one paper.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Measure {
    pub pages: usize,
    /// Room left below the text on the last page, in millimetres.
    pub room_mm: f64,
}

/// Measures of the sheets (worksheets and bilingual sheets) by page, from a first print.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Layout {
    pub sheets: BTreeMap<SitePath, Measure>,
}

impl Layout {
    /// The layout the web pages use, printed on a paper nobody chose yet: A4's page counts
    /// (India's paper) and the room both papers have, so "Notes" lines never push a page over
    /// on either.
    pub fn for_any_paper(a4: &Layout, letter: &Layout) -> Layout {
        let sheets = a4
            .sheets
            .iter()
            .map(|(page, m)| {
                let room = letter
                    .sheets
                    .get(page)
                    .map_or(m.room_mm, |l| l.room_mm.min(m.room_mm));
                (
                    page.clone(),
                    Measure {
                        pages: m.pages,
                        room_mm: room,
                    },
                )
            })
            .collect();
        Layout { sheets }
    }
}

/// Height of one writing line on paper (`--ws-row` in print), and of the "Notes" heading.
const ROW_MM: f64 = 7.0;
const NOTES_HEADING_MM: f64 = 9.0;
/// Kept free under the notes, for rounding in the browser's layout.
const SAFETY_MM: f64 = 3.0;

/// How many lines of "Notes" fit in `room_mm`; none when fewer than two would.
pub fn notes_lines(room_mm: f64) -> usize {
    let n = ((room_mm - NOTES_HEADING_MM - SAFETY_MM) / ROW_MM).floor();
    if n >= 2.0 { n as usize } else { 0 }
}

/// The copy of the site that `build --pdf` prints from disk: the printable pages as a
/// portable build (relative links, so `file://` finds the theme's CSS and fonts) with
/// `@page { size: <paper> }`, plus the theme's static files. Printed addresses stay the
/// public ones. `probe`: the first print, whose pages mark where their text ends; `layout`:
/// what that print measured, for the second.
pub fn print_copy(
    site: &Site,
    theme: &Theme,
    printables: &[Printable],
    paper: Paper,
    layout: Option<&Layout>,
    probe: bool,
) -> (Vec<OutputFile>, Diagnostics) {
    let mut r = Renderer::new(site, theme);
    r.linker.portable = true;
    r.paper = Some(paper);
    r.layout = layout;
    r.probe = probe;
    let jobs: Vec<Job> = printables.iter().map(|p| p.job.clone()).collect();
    let (mut files, diags) = r.jobs_to_files(&jobs);
    files.extend(theme_files(theme));
    (files, diags)
}

/// The site's printable pages again, now that a first print measured them: the worksheets,
/// bilingual sheets and every pack, with their "Notes" lines, blank backs and contents page
/// numbers. They replace the pages the build wrote before printing.
pub fn printed_pages(
    site: &Site,
    theme: &Theme,
    layout: &Layout,
) -> (Vec<OutputFile>, Diagnostics) {
    let mut r = Renderer::new(site, theme);
    r.layout = Some(layout);
    let jobs: Vec<Job> = super::jobs(site)
        .into_iter()
        .filter(|j| match j {
            Job::Page(id) => site.pages[*id].section() == Some(Section::Worksheets),
            Job::Bilingual(_) | Job::Pack(..) => true,
            _ => false,
        })
        .collect();
    r.jobs_to_files(&jobs)
}

impl Renderer<'_> {
    fn jobs_to_files(&self, jobs: &[Job]) -> (Vec<OutputFile>, Diagnostics) {
        let mut diags = Diagnostics::default();
        let mut files = Vec::with_capacity(jobs.len());
        for res in jobs.par_iter().map(|j| self.job(j)).collect::<Vec<_>>() {
            match res {
                Ok(f) => files.push(f),
                Err(d) => diags.push(d),
            }
        }
        (files, diags)
    }

    /// The address printed on paper for `place` in `lang`.
    fn printed_url(&self, lang: &Lang, place: &Place) -> Option<String> {
        let base = self.site.config.print_base.as_ref()?;
        let origin = base.origin.as_deref()?;
        Some(format!(
            "{origin}{}{}",
            base.path,
            SitePath::of_place(lang, place).as_str()
        ))
    }

    /// The printed footer: the address, then the licence and the version.
    fn footer(&self, lang: &Lang, url: Option<&str>) -> String {
        let mut second = self.t(lang, "print-licence");
        if let Some(secs) = self.site.config.version {
            let iso = crate::check::ages::iso_date(secs);
            let mut parts = iso.split('-').map(|p| p.parse::<u32>().unwrap_or(1));
            let (y, m, d) = (
                parts.next().unwrap_or(1970),
                parts.next().unwrap_or(1),
                parts.next().unwrap_or(1),
            );
            let date = self.t_args(
                lang,
                "date-long",
                &[
                    ("day", Arg::Num(f64::from(d))),
                    ("month", Arg::Str(&self.t(lang, &format!("month-{m}")))),
                    ("year", Arg::Str(&y.to_string())),
                ],
            );
            second.push_str(" · ");
            second.push_str(&self.t_args(lang, "print-version", &[("date", Arg::Str(&date))]));
        }
        match url {
            Some(u) => format!("{u}\n{second}"),
            None => second,
        }
    }

    fn qr(&self, lang: &Lang, url: Option<&str>) -> Option<String> {
        let url = url?;
        qr::svg(
            url,
            &self.t_args(lang, "print-qr-label", &[("url", Arg::Str(url))]),
        )
    }

    /// "Notes" lines for the room a first print measured on the last page of `page`.
    fn notes_html(&self, lang: &Lang, page: &SitePath) -> String {
        let lines = self
            .layout
            .and_then(|l| l.sheets.get(page))
            .map_or(0, |m| notes_lines(m.room_mm));
        if lines == 0 {
            return String::new();
        }
        let mut s = format!(
            "<div class=\"ws-notes\"><p class=\"ws-notes-title\">{}</p><div class=\"ws-lines\" data-lines=\"{lines}\">",
            crate::html::escape(&self.t(lang, "print-notes"))
        );
        for _ in 0..lines {
            s.push_str("<div class=\"ws-line\"></div>");
        }
        s.push_str("</div></div>");
        s
    }

    /// What a printable page shows around its content and prints in its margins.
    pub(super) fn print_view(&self, lang: &Lang, from: &SitePath, place: &Place) -> PrintView {
        let l = &self.linker;
        let url = self.printed_url(lang, place);
        let other = match place {
            Place::Bilingual(slug) => self
                .site
                .bilingual_partner(lang, slug)
                .map(|p| p.lang.clone()),
            _ => None,
        };
        let pdfs = if self.site.config.pdf
            && (!place.is_pack() || matches!(place, Place::PrintPack | Place::WorkshopPack))
        {
            Paper::ALL
                .iter()
                .map(|&paper| PdfLink {
                    label: paper.label().to_string(),
                    href: l.href(from, &SitePath::pdf(lang, place, paper, other.as_ref())),
                })
                .collect()
        } else {
            Vec::new()
        };
        let bilingual = match place {
            Place::Page(PageKey::Entry(Section::Worksheets, slug)) => self
                .site
                .bilingual_partner(lang, slug)
                .map(|p| BilingualLink {
                    href: l.href(
                        from,
                        &SitePath::of_place(lang, &Place::Bilingual(slug.clone())),
                    ),
                    language: self.t(lang, &format!("lang-{}", p.lang)),
                }),
            _ => None,
        };
        PrintView {
            qr_svg: self.qr(lang, url.as_deref()),
            footer: self.footer(lang, url.as_deref()),
            url,
            pdfs,
            script_href: self.prefix(from) + "static/js/print.js",
            fill_script_href: (!place.is_pack())
                .then(|| self.prefix(from) + "static/js/fill-in.js"),
            answers_key: format!(
                "handbook-answers:{}",
                SitePath::of_place(lang, place).as_str()
            ),
            pack_href: (!place.is_pack())
                .then(|| l.href(from, &SitePath::of_place(lang, &Place::PrintPack))),
            bilingual,
            notes_html: if place.is_pack() {
                String::new()
            } else {
                self.notes_html(lang, &SitePath::of_place(lang, place))
            },
        }
    }

    /// A print pack: every worksheet of `lang`, a tag's, or the workshop's.
    pub(super) fn print_pack_view(&self, lang: &Lang, place: &Place) -> PrintPackView {
        let path = SitePath::of_place(lang, place);
        let worksheets = self.site.pack_sheets(lang, place);
        let (title, source_href, source_label) =
            match place {
                Place::TagPack(tag) => {
                    let name = self.tag_name(lang, tag);
                    (
                        self.t_args(lang, "print-pack-tag-title", &[("tag", Arg::Str(&name))]),
                        self.linker
                            .href(&path, &SitePath::of_place(lang, &Place::Tag(tag.clone()))),
                        name,
                    )
                }
                Place::WorkshopPack => {
                    let guide =
                        self.site.config.workshop.as_ref().and_then(|w| {
                            self.site.page(lang, &PageKey::Standalone(w.guide.clone()))
                        });
                    (
                        self.t(lang, "print-pack-workshop-title"),
                        guide.map_or_else(String::new, |g| self.linker.href(&path, &g.path)),
                        guide.map_or_else(String::new, |g| g.front.title.clone()),
                    )
                }
                _ => (
                    self.t(lang, "print-pack-title"),
                    self.linker.href(
                        &path,
                        &SitePath::of_page(lang, &PageKey::SectionIndex(Section::Worksheets)),
                    ),
                    self.t(lang, "section-worksheets"),
                ),
            };
        let count_text = self.count_text(lang, Section::Worksheets, worksheets.len());
        let intro = self.t(lang, "print-pack-intro");
        let measured = self
            .layout
            .is_some_and(|l| worksheets.iter().all(|p| l.sheets.contains_key(&p.path)));
        let sheets = self.pack_sheets(lang, &path, &worksheets, measured);
        PrintPackView {
            chrome: self.chrome(lang, &path, Some(place), &title, &intro, "page-print-pack"),
            title,
            intro,
            count_text,
            print: self.print_view(lang, &path, place),
            source_href,
            source_label,
            sheets,
            measured,
            for_pdf: self.paper.is_some(),
        }
    }

    /// The sheets of a pack with the page each starts on: the cover and its blank back are
    /// pages 1 and 2, so on both sides the first sheet starts on page 3; on one side, page 2.
    fn pack_sheets(
        &self,
        lang: &Lang,
        path: &SitePath,
        worksheets: &[&Page],
        measured: bool,
    ) -> Vec<PackSheet> {
        let mut duplex = 3;
        let mut simplex = Some(2);
        let mut out = Vec::with_capacity(worksheets.len());
        for (i, p) in worksheets.iter().enumerate() {
            let place = Place::Page(p.key.clone());
            let url = self.printed_url(lang, &place);
            // Without a measure, a sheet is given two pages (see the module's comment).
            let pages = match self.layout.and_then(|l| l.sheets.get(&p.path)) {
                Some(m) if measured => m.pages,
                _ => 2,
            };
            let blank_after = measured && pages % 2 == 1;
            out.push(PackSheet {
                number: i + 1,
                id: sheet_id(p.key.slug()),
                title: p.front.title.clone(),
                summary: p.front.summary.clone(),
                body_html: self.scoped_body_html(p, path, Scope::Pack(lang)),
                href: self.linker.href(path, &p.path),
                qr_svg: self.qr(lang, url.as_deref()),
                footer: self.footer(lang, url.as_deref()),
                url,
                page_duplex: duplex,
                page_simplex: simplex.filter(|_| measured),
                blank_after,
                help_box: wants_help_box(p),
                notes_html: if measured {
                    self.notes_html(lang, &p.path)
                } else {
                    String::new()
                },
            });
            duplex += pages + usize::from(blank_after);
            simplex = simplex.map(|s| s + pages);
        }
        out
    }
}
