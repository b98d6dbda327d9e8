//! Stage 4, pieces of views that many page kinds share: a page as one entry of a list, and
//! links to tags. Input: pages of the site model; output: [`EntryView`]s and [`TagView`]s.

use super::Renderer;
use super::views::{EntryView, TagView};
use crate::model::lang::{Lang, Place, Section};
use crate::model::site::Page;
use crate::model::url::SitePath;
use std::collections::HashMap;

/// Labels shared by the entries of one list page, made once per list.
#[derive(Default)]
pub(super) struct ListLabels<'p> {
    sections: HashMap<(&'p Lang, Section), String>,
    tags: HashMap<(&'p Lang, &'p str), TagView>,
}

impl Renderer<'_> {
    pub(super) fn tag_name(&self, lang: &Lang, slug: &str) -> String {
        self.t(lang, &format!("tag-{slug}"))
    }

    /// The tags of `page`, linked from `from`.
    pub(super) fn tags(&self, from: &SitePath, page: &Page) -> Vec<TagView> {
        page.front
            .tags
            .iter()
            .map(|t| self.tag_view(from, &page.lang, &t.slug))
            .collect()
    }

    pub(super) fn tag_view(&self, from: &SitePath, lang: &Lang, slug: &str) -> TagView {
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
    pub(super) fn sorted_tag_views(&self, from: &SitePath, lang: &Lang) -> Vec<TagView> {
        let mut tags: Vec<TagView> = self
            .site
            .tag_slugs()
            .into_iter()
            .map(|slug| self.tag_view(from, lang, slug))
            .collect();
        tags.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.slug.cmp(&b.slug)));
        tags
    }

    pub(super) fn entry(&self, from: &SitePath, p: &Page) -> EntryView {
        self.list_entry(from, p, &mut ListLabels::default())
    }

    /// An entry of a list at `from`, with the labels every entry of the list shares made once
    /// (a section list or tag page of a large site has thousands of entries).
    pub(super) fn list_entry<'p>(
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
}
