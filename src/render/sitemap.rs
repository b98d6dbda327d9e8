//! Stage 4, `sitemap.xml`: every page of every language with its translations as `hreflang`
//! alternates and its date. Input: the site model; output: the sitemap file.

use super::Renderer;
use super::templates::Theme;
use crate::html::escape as escape_html;
use crate::model::lang::{Lang, PageKey, Place, Section};
use crate::model::site::Site;
use crate::model::url::SitePath;
use crate::output::OutputFile;

/// Where the sitemap is written.
pub(super) const SITEMAP_FILE: &str = "sitemap.xml";

/// `sitemap.xml`, which lists every page with its translations.
pub fn sitemap_file(site: &Site, theme: &Theme) -> OutputFile {
    // The sitemap lists pages, not tags: no tag index is needed.
    Renderer::with_tags(site, theme, super::Tags::Own(Box::default())).sitemap_file()
}

impl Renderer<'_> {
    pub(super) fn sitemap_file(&self) -> OutputFile {
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
