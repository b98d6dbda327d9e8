//! Stage 4, tag pages: the tag index of a language (`/<lang>/tags/`) and one page per tag
//! listing the pages that carry it, grouped by section. Input: the site model and its tag
//! index; output: [`TagIndexView`] for `tags.html` and [`TagPageView`] for `tag.html`.

use super::Renderer;
use super::lists::ListLabels;
use super::views::{TagChip, TagGroup, TagIndexEntry, TagIndexView, TagPageView};
use crate::i18n::Arg;
use crate::model::lang::{Lang, Place};
use crate::model::url::SitePath;

impl Renderer<'_> {
    pub(super) fn tag_index_view(&self, lang: &Lang) -> TagIndexView {
        let place = Place::TagIndex;
        let path = SitePath::of_place(lang, &place);
        let title = self.t(lang, "tags-title");
        let description = self.t(lang, "tags-summary");
        let tags = self
            .sorted_tag_views(&path, lang)
            .into_iter()
            .map(|tag| TagChip {
                count: self.tags.count(lang, &tag.slug),
                tag,
            });
        TagIndexView {
            chrome: self.chrome(lang, &path, Some(&place), &title, &description, "page-tags"),
            title,
            tags: tags
                .map(|c| {
                    let count_text =
                        self.t_args(lang, "pages-count", &[("count", Arg::Num(c.count as f64))]);
                    TagIndexEntry {
                        chip: c,
                        count_text,
                    }
                })
                .collect(),
        }
    }

    pub(super) fn tag_page_view(&self, lang: &Lang, slug: &str) -> TagPageView {
        let place = Place::Tag(slug.to_string());
        let path = SitePath::of_place(lang, &place);
        let name = self.tag_name(lang, slug);
        let description_id = format!("tag-{slug}-description");
        let description = if self.i18n.has(lang, &description_id) {
            self.t(lang, &description_id)
        } else {
            self.t_args(lang, "tagged-pages-summary", &[("tag", Arg::Str(&name))])
        };
        let pages = self.site.tagged(lang, slug);
        let mut groups: Vec<TagGroup> = Vec::new();
        let mut labels = ListLabels::default();
        for p in &pages {
            let Some(section) = p.section() else { continue };
            let entry = self.list_entry(&path, p, &mut labels);
            match groups.last_mut() {
                Some(g) if g.section == section.slug() => g.entries.push(entry),
                _ => groups.push(TagGroup {
                    section: section.slug().to_string(),
                    label: self.t(lang, &format!("section-{}", section.slug())),
                    entries: vec![entry],
                }),
            }
        }
        TagPageView {
            chrome: self.chrome(lang, &path, Some(&place), &name, &description, "page-tag"),
            title: name.clone(),
            slug: slug.to_string(),
            description,
            count_text: self.t_args(
                lang,
                "pages-count",
                &[("count", Arg::Num(pages.len() as f64))],
            ),
            groups,
            all_tags_href: self
                .linker
                .href(&path, &SitePath::of_place(lang, &Place::TagIndex)),
            pack_href: {
                let pack = Place::TagPack(slug.to_string());
                self.site
                    .place_exists(lang, &pack)
                    .then(|| self.linker.href(&path, &SitePath::of_place(lang, &pack)))
            },
        }
    }
}
