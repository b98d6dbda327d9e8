//! Stage 4, section lists (`/<lang>/<section>/`): every entry of a section, with its optional
//! `_index.md` intro and, for tips, the tags to narrow the list by. Input: a language and a
//! section of the site model; output: its [`SectionView`] for `section.html`.

use super::Renderer;
use super::lists::ListLabels;
use super::views::{EntryView, SectionView, TagChip};
use crate::html::escape as escape_html;
use crate::model::lang::{Lang, PageKey, Place, Section};
use crate::model::url::SitePath;
use std::collections::BTreeMap;

impl Renderer<'_> {
    pub(super) fn section_view(&self, lang: &Lang, section: Section) -> SectionView {
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
        SectionView {
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
        }
    }

    /// The tags used in a section, with how many of its pages carry each, for the filter.
    fn tag_chips(&self, lang: &Lang, from: &SitePath, section: Section) -> Vec<TagChip> {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for p in self.entries(lang, section) {
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
}
