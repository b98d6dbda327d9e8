//! Stage 4, printing: the print pack of each language (`/<lang>/worksheets/print/`, every
//! worksheet in one document), the print controls of printable pages, and the list and copy of
//! the pages `build --pdf` prints. Input: the worksheets of the site model; output:
//! [`PrintPackView`], [`PrintView`] and, for `build --pdf`, [`Printable`]s and their files.

use super::body::{Scope, sheet_id};
use super::views::{PackSheet, PrintPackView, PrintView};
use super::{Diagnostics, Job, Renderer, Theme, theme_files};
use crate::model::help::wants_help_box;
use crate::model::lang::{Lang, PageKey, Place, Section};
use crate::model::site::Site;
use crate::model::url::SitePath;
use crate::output::OutputFile;
use rayon::prelude::*;

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

impl Renderer<'_> {
    /// Print button, PDF link and printed addresses of a printable page.
    pub(super) fn print_view(&self, lang: &Lang, from: &SitePath, place: &Place) -> PrintView {
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

    pub(super) fn print_pack_view(&self, lang: &Lang) -> PrintPackView {
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
                help_box: wants_help_box(p),
            })
            .collect();
        PrintPackView {
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
        }
    }
}
