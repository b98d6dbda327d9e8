//! Stage 4's input, related pages: the [`Site`] in, a tag index that answers
//! "which pages to read next" out.
//!
//! Related pages without comparing every page with every other: the lists behind
//! [`Site::related`](super::site::Site::related), built once per render with the
//! [`TagIndex`](super::site::TagIndex).
//!
//! The rule: most shared tags first, then the same section, then reading order; when fewer
//! than `n` pages share a tag, the rest of the page's section in reading order.
//!
//! The pages sharing exactly `c` tags with a page `p` are among the pages that carry all of
//! some `c` of `p`'s tags. So for every set of up to [`SHARED_MAX`] tags that some page
//! carries, the pages carrying all of them are listed per section, in reading order, and a
//! query reads the head of a few lists: the sets of `p`'s tags, largest first, until `n`
//! pages are found. Sharing more than [`SHARED_MAX`] tags takes more than that many tags, so
//! those pages are found among the few pages with that many tags.

use super::lang::{Lang, PageKey, Section};
use super::site::{Page, PageId, Site, reading_order};
use std::collections::HashMap;

/// Tag sets up to this size are listed (a page with `k` tags is in up to 2^k − 1 lists).
const SHARED_MAX: usize = 6;

/// A set of up to [`SHARED_MAX`] tag numbers, ascending, padded with `u32::MAX`.
type TagSet = [u32; SHARED_MAX];

/// Section of a page as a list number: 0 outside the sections, then one per section.
fn bucket(page: &Page) -> usize {
    page.section().map_or(0, |s| 1 + s as usize)
}
const BUCKETS: usize = 1 + Section::ALL.len();

#[derive(Debug, Default)]
pub(super) struct RelatedIndex {
    /// Languages by number, as the keys below use them.
    langs: Vec<Lang>,
    /// Every page's position in reading order (ties broken by id).
    rank: Vec<u32>,
    /// Every page in reading order (ties broken by id): `order[rank[id]] == id`.
    order: Vec<PageId>,
    /// Every page's [`bucket`].
    buckets: Vec<usize>,
    /// Every page's tag numbers, ascending.
    tags: Vec<Vec<u32>>,
    /// Tag slug → tag number.
    numbers: HashMap<String, u32>,
    /// (language, tag set) → pages carrying all those tags, per [`bucket`], in reading order.
    sharing: HashMap<(usize, TagSet), [Vec<PageId>; BUCKETS]>,
    /// Per language, the pages with more than [`SHARED_MAX`] tags.
    many_tags: Vec<Vec<PageId>>,
    /// (language, section) → the section's entries in reading order, to fill up a short list.
    entries: HashMap<(usize, Section), Vec<PageId>>,
}

impl RelatedIndex {
    pub(super) fn new(site: &Site) -> RelatedIndex {
        let mut index = RelatedIndex {
            langs: site.config.languages.clone(),
            rank: vec![0; site.pages.len()],
            buckets: site.pages.iter().map(bucket).collect(),
            many_tags: vec![Vec::new(); site.config.languages.len()],
            ..RelatedIndex::default()
        };
        for (i, slug) in site.tag_slugs().into_iter().enumerate() {
            index.numbers.insert(slug.to_string(), i as u32);
        }
        index.tags = site.pages.iter().map(|p| index.tag_numbers(p)).collect();
        let mut order: Vec<&Page> = site.pages.iter().collect();
        order.sort_by(|a, b| reading_order(a, b).then(a.id.cmp(&b.id)));
        index.order = order.iter().map(|p| p.id).collect();
        // In reading order, so every list comes out sorted.
        for (i, p) in order.into_iter().enumerate() {
            index.rank[p.id] = i as u32;
            let Some(lang) = index.lang_number(&p.lang) else {
                continue;
            };
            let tags = &index.tags[p.id];
            if tags.len() > SHARED_MAX {
                index.many_tags[lang].push(p.id);
            }
            for_each_subset(tags, SHARED_MAX, &mut |set| {
                index.sharing.entry((lang, tag_set(set))).or_default()[bucket(p)].push(p.id);
            });
            if let PageKey::Entry(s, _) = p.key {
                index.entries.entry((lang, s)).or_default().push(p.id);
            }
        }
        index
    }

    /// Puts the pages `moved` back in reading order after their title, date or weight
    /// changed, as [`RelatedIndex::new`] would have placed them; valid only while no page came
    /// or went and the moved pages kept their tags (`serve` checks, and otherwise builds the
    /// index again). Costs a few list insertions instead of a pass over every page's tag
    /// sets, which is what keeps a title edit on a large site within its budget.
    pub(super) fn reorder(&mut self, site: &Site, moved: &[PageId]) {
        let mut moved: Vec<PageId> = moved
            .iter()
            .copied()
            .filter(|&id| id < self.rank.len())
            .collect();
        moved.sort_unstable();
        moved.dedup();
        if moved.is_empty() {
            return;
        }
        // Out of the lists first, so that every list holds only pages in their final order
        // when the moved pages are inserted again.
        let mut at: Vec<usize> = moved.iter().map(|&id| self.rank[id] as usize).collect();
        at.sort_unstable_by(|a, b| b.cmp(a));
        for i in at {
            self.order.remove(i);
        }
        for &id in &moved {
            self.each_list_of(site, id, &mut |list| list.retain(|&o| o != id));
        }
        let cmp = |a: &Page, b: &Page| reading_order(a, b).then(a.id.cmp(&b.id));
        for &id in &moved {
            let page = &site.pages[id];
            let i = self
                .order
                .partition_point(|&o| cmp(&site.pages[o], page).is_lt());
            self.order.insert(i, id);
        }
        for (i, &id) in self.order.iter().enumerate() {
            self.rank[id] = i as u32;
        }
        let rank = std::mem::take(&mut self.rank);
        for &id in &moved {
            self.each_list_of(site, id, &mut |list| {
                let i = list.partition_point(|&o| rank[o] < rank[id]);
                list.insert(i, id);
            });
        }
        for list in &mut self.many_tags {
            list.sort_by_key(|&id| rank[id]);
        }
        self.rank = rank;
    }

    /// Calls `f` with every list page `id` is in: those of its tag sets and its section's
    /// entries.
    fn each_list_of(&mut self, site: &Site, id: PageId, f: &mut impl FnMut(&mut Vec<PageId>)) {
        let page = &site.pages[id];
        let Some(lang) = self.lang_number(&page.lang) else {
            return;
        };
        let b = bucket(page);
        let sharing = &mut self.sharing;
        for_each_subset(&self.tags[id], SHARED_MAX, &mut |set| {
            if let Some(lists) = sharing.get_mut(&(lang, tag_set(set))) {
                f(&mut lists[b]);
            }
        });
        if let PageKey::Entry(s, _) = page.key
            && let Some(list) = self.entries.get_mut(&(lang, s))
        {
            f(list);
        }
    }

    /// The entries of a section in reading order (as [`Site::entries`] lists them), or
    /// `None` when the index was not built for `lang`.
    pub(super) fn entries(&self, lang: &Lang, section: Section) -> Option<&[PageId]> {
        let lang = self.lang_number(lang)?;
        Some(
            self.entries
                .get(&(lang, section))
                .map(Vec::as_slice)
                .unwrap_or(&[]),
        )
    }

    /// Where `id` stands in `list`, a list of this index in reading order.
    pub(super) fn position(&self, list: &[PageId], id: PageId) -> Option<usize> {
        let r = *self.rank.get(id)?;
        let i = list.partition_point(|&o| self.rank[o] < r);
        (list.get(i) == Some(&id)).then_some(i)
    }

    fn lang_number(&self, lang: &Lang) -> Option<usize> {
        self.langs.iter().position(|l| l == lang)
    }

    fn tag_numbers(&self, page: &Page) -> Vec<u32> {
        let mut tags: Vec<u32> = page
            .front
            .tags
            .iter()
            .filter_map(|t| self.numbers.get(&t.slug).copied())
            .collect();
        tags.sort_unstable();
        tags.dedup();
        tags
    }

    /// The ids of up to `n` related pages, best first (see [`Site::related`]).
    pub(super) fn find(&self, page: &Page, n: usize) -> Vec<PageId> {
        let Some(lang) = self.lang_number(&page.lang) else {
            return Vec::new();
        };
        let tags = &self.tags[page.id];
        let own = bucket(page);
        let mut out: Vec<PageId> = Vec::new();
        if tags.len() > SHARED_MAX {
            // Pages sharing more than SHARED_MAX tags, by how many they share.
            let mut shared: Vec<(usize, PageId)> = self.many_tags[lang]
                .iter()
                .filter(|&&id| id != page.id)
                .map(|&id| (overlap(tags, &self.tags[id]), id))
                .filter(|&(c, _)| c > SHARED_MAX)
                .collect();
            shared.sort_by_key(|&(c, id)| (std::cmp::Reverse(c), self.order(id, own)));
            out.extend(shared.into_iter().map(|(_, id)| id).take(n));
        }
        // Level by level, from the most tags a list can share down to one. When level `c` is
        // reached, every page sharing more than `c` tags has been taken (fewer than `n` of
        // them), so a page seen now shares exactly `c`. Each list is read no further than `n`
        // pages past those that must be skipped (the page itself and those taken).
        for c in (1..=tags.len().min(SHARED_MAX)).rev() {
            if out.len() >= n {
                break;
            }
            let head = n + 1 + out.len();
            let mut level: Vec<PageId> = Vec::new();
            for_each_subset_of_size(tags, c, &mut |set| {
                if let Some(lists) = self.sharing.get(&(lang, tag_set(set))) {
                    for list in lists {
                        level.extend(
                            list.iter()
                                .take(head)
                                .filter(|&&id| id != page.id && !out.contains(&id)),
                        );
                    }
                }
            });
            level.sort_by_key(|&id| self.order(id, own));
            level.dedup();
            out.extend(level.into_iter().take(n - out.len()));
        }
        if out.len() < n
            && let Some(section) = page.section()
            && let Some(entries) = self.entries.get(&(lang, section))
        {
            for &id in entries {
                if out.len() >= n {
                    break;
                }
                if id != page.id && !out.contains(&id) {
                    out.push(id);
                }
            }
        }
        out
    }

    /// Sort key among pages sharing as many tags: pages of the section `own` first, then
    /// reading order.
    fn order(&self, id: PageId, own: usize) -> (bool, u32) {
        (self.buckets[id] != own, self.rank[id])
    }
}

/// How many elements two ascending lists share.
fn overlap(a: &[u32], b: &[u32]) -> usize {
    a.iter().filter(|t| b.binary_search(t).is_ok()).count()
}

fn tag_set(tags: &[u32]) -> TagSet {
    let mut set = [u32::MAX; SHARED_MAX];
    set[..tags.len()].copy_from_slice(tags);
    set
}

/// Calls `f` with every non-empty subset of `tags` of at most `max` elements, ascending.
fn for_each_subset(tags: &[u32], max: usize, f: &mut impl FnMut(&[u32])) {
    for size in 1..=max.min(tags.len()) {
        for_each_subset_of_size(tags, size, f);
    }
}

/// Calls `f` with every subset of `tags` of exactly `size` elements, ascending.
fn for_each_subset_of_size(tags: &[u32], size: usize, f: &mut impl FnMut(&[u32])) {
    fn walk(
        tags: &[u32],
        size: usize,
        from: usize,
        buf: &mut Vec<u32>,
        f: &mut impl FnMut(&[u32]),
    ) {
        if buf.len() == size {
            f(buf);
            return;
        }
        for i in from..tags.len() {
            if tags.len() - i < size - buf.len() {
                break;
            }
            buf.push(tags[i]);
            walk(tags, size, i + 1, buf, f);
            buf.pop();
        }
    }
    walk(tags, size, 0, &mut Vec::with_capacity(size), f);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subsets() {
        let mut seen = Vec::new();
        for_each_subset(&[1, 2, 3], 2, &mut |s| seen.push(s.to_vec()));
        assert_eq!(
            seen,
            [
                vec![1],
                vec![2],
                vec![3],
                vec![1, 2],
                vec![1, 3],
                vec![2, 3]
            ]
        );
        assert_eq!(overlap(&[1, 3, 5, 7], &[2, 3, 7, 9]), 2);
    }
}
