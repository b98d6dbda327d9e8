//! Stage 4, content pages: a story, guidance, tip or worksheet, or a standalone page such as
//! `about`. Input: one page of the site model; output: its [`PageView`] for `page.html`.

use super::Renderer;
use super::contents::{is_long, toc, with_heading_links};
use super::views::{Crumb, PageView, SourceView};
use crate::model::help::wants_help_box;
use crate::model::lang::{PageKey, Place, Section};
use crate::model::site::Page;
use crate::model::url::SitePath;

/// How many related pages a page lists.
pub const RELATED_COUNT: usize = 4;

impl Renderer<'_> {
    pub(super) fn page_view(&self, page: &Page) -> PageView {
        let lang = &page.lang;
        let section = page.section();
        let body_class = match section {
            Some(s) => format!("page-entry page-{}", s.slug()),
            None => "page-standalone".into(),
        };
        let mut chrome = self.chrome(
            lang,
            &page.path,
            Some(&Place::Page(page.key.clone())),
            &page.front.title,
            &page.front.summary,
            &body_class,
        );
        chrome.help_box = wants_help_box(page);
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
        let toc = toc(&page.scan.headings);
        let (prev, next) = self.pager(page);
        PageView {
            title: page.front.title.clone(),
            summary: page.front.summary.clone(),
            body_html: with_heading_links(
                &self.body_html(page, &page.path),
                &page.scan.headings,
                &self.t(lang, "heading-link"),
            ),
            back_to_top: is_long(page, &toc),
            toc,
            prev,
            next,
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
            second_title: None,
            workshop_pack_href: self
                .site
                .config
                .workshop
                .as_ref()
                .filter(|w| page.key == PageKey::Standalone(w.guide.clone()))
                .filter(|_| self.site.place_exists(lang, &Place::WorkshopPack))
                .map(|_| {
                    self.linker
                        .href(&page.path, &SitePath::of_place(lang, &Place::WorkshopPack))
                }),
            edit: self.edit_links(page),
            chrome,
        }
    }
}
