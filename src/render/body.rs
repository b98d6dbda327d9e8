//! Stage 4, page bodies: the Markdown of a page rendered to HTML with its links resolved for
//! where it is shown (its own page, or inside a print pack). Input: a page of the site model;
//! output: the `body_html`/`intro_html` of its view.

use super::{Purpose, Renderer};
use crate::content::markdown::{self, RenderContext, WorksheetLabels};
use crate::model::lang::{Lang, Section};
use crate::model::site::{LinkDest, Page};
use crate::model::url::SitePath;

/// Where a page body is rendered: on its own page, or inside a print pack, where heading ids
/// and in-page anchors get the worksheet's prefix and links to other worksheets of the pack
/// stay in the pack.
#[derive(Clone, Copy)]
pub(super) enum Scope<'s> {
    Page,
    Pack(&'s Lang),
}

/// Anchor of a worksheet inside its print pack.
pub(super) fn sheet_id(slug: &str) -> String {
    format!("ws-{slug}")
}

/// A heading id inside a print pack: `<slug>--<id>`. Slugs never contain `--`, so two
/// worksheets can never produce the same id, and no fixed id of the templates has `--`.
fn pack_anchor(slug: &str, id: &str) -> String {
    format!("{slug}--{id}")
}

impl Renderer<'_> {
    pub(super) fn body_html(&self, page: &Page, from: &SitePath) -> String {
        self.scoped_body_html(page, from, Scope::Page)
    }

    pub(super) fn scoped_body_html(&self, page: &Page, from: &SitePath, scope: Scope) -> String {
        if self.purpose == Purpose::Check {
            return String::new();
        }
        markdown::to_html(self.body_events(page, from, scope), page.body.len())
    }

    /// The rendered events of a page body, before they become HTML (bilingual sheets merge
    /// two pages' events).
    pub(super) fn body_events<'p>(
        &self,
        page: &'p Page,
        from: &SitePath,
        scope: Scope,
    ) -> Vec<pulldown_cmark::Event<'p>> {
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
        markdown::render_events(
            &page.body,
            &RenderContext {
                heading_ids: &ids,
                resolve: &resolve,
                labels: &labels,
                heading_offset: if own_slug.is_some() { 1 } else { 0 },
            },
        )
    }
}
