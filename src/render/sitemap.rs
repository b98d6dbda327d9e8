//! Stage 4, `sitemap.xml`: every page of every language with its translations as `hreflang`
//! alternates and its date. Input: the site model; output: a [`SitemapView`] for the theme's
//! `sitemap.xml`, which a site's theme may replace like any template.

use super::Renderer;
use super::views::{Alternate, SitemapPlace, SitemapUrl, SitemapView};
use super::xml::text;
use crate::model::lang::{Lang, PageKey, Place, Section};
use crate::model::url::SitePath;

/// Where the sitemap is written.
pub(super) const SITEMAP_FILE: &str = "sitemap.xml";

impl Renderer<'_> {
    /// Every place in a stable order: the homes, the section lists, the pages by key, the tag
    /// index, the print pack, then the tag pages.
    pub(super) fn sitemap_view(&self) -> SitemapView {
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
        let places = places
            .iter()
            .map(|place| self.sitemap_place(place))
            .collect();
        SitemapView { places }
    }

    /// `place` in every language that has it: a page only where it is written, everything
    /// else in every language.
    fn sitemap_place(&self, place: &Place) -> SitemapPlace {
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
        let loc =
            |l: &Lang| text(&self.linker.absolute(&SitePath::of_place(l, place))).into_owned();
        SitemapPlace {
            urls: langs
                .iter()
                .map(|l| SitemapUrl {
                    loc: loc(l),
                    lastmod: page_of(l).and_then(|p| p.front.date).map(|d| d.iso()),
                })
                .collect(),
            alternates: langs
                .iter()
                .map(|l| Alternate {
                    hreflang: l.to_string(),
                    href: loc(l),
                })
                .collect(),
        }
    }
}
