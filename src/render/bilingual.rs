//! Stage 4, bilingual sheets (`/<lang>/worksheets/<slug>/bilingual/`): a worksheet and its
//! translation in, one sheet with every prompt in both languages out, for mixed groups.
//! Input: a worksheet of the site model and its translation (paired by path); output: a
//! [`PageView`] for `page.html`, like the worksheet's own page.

use super::Renderer;
use super::body::Scope;
use super::views::{Crumb, PageView, SecondTitle};
use crate::content::{bilingual, markdown};
use crate::model::lang::{PageKey, Place, Section};
use crate::model::site::Page;
use crate::model::url::SitePath;

impl Renderer<'_> {
    pub(super) fn bilingual_view(&self, page: &Page) -> PageView {
        let lang = &page.lang;
        let slug = page.key.slug().to_string();
        let place = Place::Bilingual(slug);
        let path = SitePath::of_place(lang, &place);
        // Jobs are only made for worksheets that have a partner (see `render::jobs`).
        let partner = self.site.bilingual_partner(lang, page.key.slug());
        let title = match partner {
            Some(p) => format!("{} / {}", page.front.title, p.front.title),
            None => page.front.title.clone(),
        };
        let body_html = match partner {
            _ if self.purpose == super::Purpose::Check => String::new(),
            Some(p) => {
                let first = self.body_events(page, &path, Scope::Page);
                let second = self.body_events(p, &path, Scope::Page);
                match bilingual::interleave(first, &second, p.lang.as_str()) {
                    Some(events) => markdown::to_html(events, page.body.len() + p.body.len()),
                    // Not built alike: one language after the other.
                    None => format!(
                        "{}<div class=\"ws-second\" lang=\"{}\">{}</div>",
                        self.body_html(page, &path),
                        p.lang,
                        self.body_html(p, &path)
                    ),
                }
            }
            None => self.body_html(page, &path),
        };
        let chrome = self.chrome(
            lang,
            &path,
            Some(&place),
            &title,
            &page.front.summary,
            "page-entry page-worksheets page-bilingual",
        );
        let breadcrumbs = vec![
            Crumb {
                label: self.t(lang, "nav-home"),
                href: chrome.home_href.clone(),
            },
            Crumb {
                label: self.t(lang, "section-worksheets"),
                href: self.linker.href(
                    &path,
                    &SitePath::of_page(lang, &PageKey::SectionIndex(Section::Worksheets)),
                ),
            },
            Crumb {
                label: page.front.title.clone(),
                href: self.linker.href(&path, &page.path),
            },
        ];
        PageView {
            title: page.front.title.clone(),
            summary: page.front.summary.clone(),
            body_html,
            section: Some(Section::Worksheets.slug().to_string()),
            breadcrumbs,
            date_iso: None,
            date_display: None,
            tags: Vec::new(),
            related: Vec::new(),
            source: None,
            illustrative: false,
            is_worksheet: true,
            print: Some(self.print_view(lang, &path, &place)),
            second_title: partner.map(|p| SecondTitle {
                lang: p.lang.to_string(),
                title: p.front.title.clone(),
            }),
            workshop_pack_href: None,
            toc: Vec::new(),
            prev: None,
            next: None,
            back_to_top: false,
            // A sheet in two languages is made from two files: no one file to edit.
            edit: None,
            chrome,
        }
    }
}
