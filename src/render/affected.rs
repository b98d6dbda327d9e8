//! Stage 4, for `serve`: changed pages (and templates) in, the render jobs to run again out.
//!
//! Which render jobs a change touches, for `serve`. A full render of a large site takes
//! seconds; an edit to one page must be served again in milliseconds, so this module works out
//! exactly which jobs show something of the changed pages:
//!
//! - the page itself (or the home or section list whose intro it is);
//! - when its *entry* changes (title, summary, date, tags, weight; or the page comes or goes):
//!   its section list, its language's home page, feed, tag pages and tag index, and the pages
//!   that list it among their related pages, before or after the change;
//! - when it comes or goes: its translations (language switcher, `hreflang`), and the sitemap;
//! - pages whose links to it resolve differently (found through [`Dependents`]).
//!
//! The search index spans every page of a language, so it is reported per language, not as a
//! job. A test renders every job after a series of edits and compares with a fresh build.

use super::{Job, RELATED_COUNT};
use crate::content::frontmatter::FrontMatter;
use crate::model::help::help_key;
use crate::model::lang::{Lang, PageKey, Place, Section};
use crate::model::site::{
    Page, PageId, Site, TagIndex, link_target, related_rank_cmp, shared_tags,
};
use crate::model::url::SitePath;
use rayon::prelude::*;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// A page by its identity, which, unlike its id, survives pages coming and going.
pub type PageRef = (Lang, PageKey);

fn page_ref(p: &Page) -> PageRef {
    (p.lang.clone(), p.key.clone())
}

/// Which pages depend on which: who links to which file and who lists whom among its related
/// pages. Built once over the whole site, then kept up to date change by change.
#[derive(Default)]
pub struct Dependents {
    /// Target file (relative to the site root) → pages with a link to it, resolved or not.
    links_to: HashMap<PathBuf, BTreeSet<PageRef>>,
    targets: HashMap<PageRef, Vec<PathBuf>>,
    /// Page → the related pages it lists, in order.
    related: HashMap<PageRef, Vec<PageRef>>,
    /// Page → the pages that list it among their related pages.
    listed_in: HashMap<PageRef, BTreeSet<PageRef>>,
}

impl Dependents {
    /// `index` is [`TagIndex::new`] of `site`.
    pub fn new(site: &Site, index: &TagIndex) -> Dependents {
        let mut deps = Dependents::default();
        for p in &site.pages {
            deps.set_links(page_ref(p), Some(p));
        }
        let lists: Vec<(PageRef, Vec<PageRef>)> = site
            .pages
            .par_iter()
            .filter(|p| has_page_job(p))
            .map(|p| (page_ref(p), related_refs(site, index, p)))
            .collect();
        for (r, list) in lists {
            deps.set_related(r, Some(list));
        }
        deps
    }

    /// Pages with a link to `target` (a file relative to the site root).
    pub fn linking_to(&self, target: &Path) -> impl Iterator<Item = &PageRef> {
        self.links_to.get(target).into_iter().flatten()
    }

    /// Records the links of `r` as they are now (`None`: the page is gone).
    pub fn set_links(&mut self, r: PageRef, page: Option<&Page>) {
        if let Some(old) = self.targets.remove(&r) {
            forget(&mut self.links_to, old, &r);
        }
        let Some(page) = page else { return };
        let mut targets: Vec<PathBuf> = page
            .scan
            .links
            .iter()
            .filter_map(|l| link_target(&page.rel, &l.dest))
            .collect();
        targets.sort();
        targets.dedup();
        for t in &targets {
            self.links_to
                .entry(t.clone())
                .or_default()
                .insert(r.clone());
        }
        self.targets.insert(r, targets);
    }

    fn set_related(&mut self, r: PageRef, list: Option<Vec<PageRef>>) {
        if let Some(old) = self.related.remove(&r) {
            forget(&mut self.listed_in, old, &r);
        }
        let Some(list) = list else { return };
        for listed in &list {
            self.listed_in
                .entry(listed.clone())
                .or_default()
                .insert(r.clone());
        }
        self.related.insert(r, list);
    }
}

/// Takes `r` out of the sets of `keys` in a reverse index, dropping sets left empty.
fn forget<K: std::hash::Hash + Eq>(
    reverse: &mut HashMap<K, BTreeSet<PageRef>>,
    keys: Vec<K>,
    r: &PageRef,
) {
    for k in keys {
        if let Some(set) = reverse.get_mut(&k) {
            set.remove(r);
            if set.is_empty() {
                reverse.remove(&k);
            }
        }
    }
}

fn related_refs(site: &Site, index: &TagIndex, p: &Page) -> Vec<PageRef> {
    site.related(p, index, RELATED_COUNT)
        .into_iter()
        .map(page_ref)
        .collect()
}

/// Pages that are rendered on their own (home and section intros render inside lists).
fn has_page_job(p: &Page) -> bool {
    matches!(p.key, PageKey::Entry(..) | PageKey::Standalone(_))
}

/// What a page showed before a change.
#[derive(Debug, Clone)]
pub struct Before {
    pub front: FrontMatter,
    pub headings: Vec<String>,
}

impl Before {
    pub fn of(page: &Page) -> Before {
        Before {
            front: page.front.clone(),
            headings: page.scan.headings.iter().map(|h| h.id.clone()).collect(),
        }
    }
}

/// A page that was edited, created or deleted, with what it was before (`None`: it is new).
#[derive(Debug, Clone)]
pub struct Changed {
    pub page: PageRef,
    pub before: Option<Before>,
}

/// Whether two versions of a page look the same in lists (sections, tags, related, feeds).
fn same_entry(a: &FrontMatter, b: &FrontMatter) -> bool {
    a.title == b.title
        && a.summary == b.summary
        && a.date == b.date
        && a.weight == b.weight
        && a.tags.len() == b.tags.len()
        && a.tags.iter().zip(&b.tags).all(|(x, y)| x.slug == y.slug)
}

/// Whether a change moves anything in lists: a page came or went, or its entry changed. The
/// tag index (which orders pages) must then be made again before [`content_jobs`].
pub fn entries_changed(site: &Site, changed: &[Changed]) -> bool {
    changed.iter().any(|c| {
        let now = site.id_of(&c.page.0, &c.page.1).map(|id| &site.pages[id]);
        match (now, &c.before) {
            (Some(p), Some(b)) => !same_entry(&p.front, &b.front),
            (None, None) => false,
            _ => true,
        }
    })
}

/// The pages of a change that only moved within lists, when that is all it did: every
/// changed page existed before and exists now, with the same tags (so tag counts and tag
/// sets stay as they were, and [`TagIndex::reorder`] can follow them); `None` otherwise, when
/// the tag index must be made again.
pub fn moved_in_order(site: &Site, changed: &[Changed]) -> Option<Vec<PageId>> {
    changed
        .iter()
        .map(|c| {
            let id = site.id_of(&c.page.0, &c.page.1)?;
            let before = c.before.as_ref()?;
            let (now, was) = (&site.pages[id].front.tags, &before.front.tags);
            (now.len() == was.len() && now.iter().zip(was).all(|(x, y)| x.slug == y.slug))
                .then_some(id)
        })
        .collect()
}

/// The files other pages link to whose meaning changed: pages that came or went or whose
/// headings (link anchors) changed. Pages linking to them must resolve their links again.
pub fn changed_link_targets(site: &Site, changed: &[Changed]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for c in changed {
        let now = site.id_of(&c.page.0, &c.page.1).map(|id| &site.pages[id]);
        let differs = match (&c.before, now) {
            (Some(b), Some(p)) => p.scan.headings.iter().map(|h| &h.id).ne(b.headings.iter()),
            (None, None) => false,
            _ => true,
        };
        if differs && let Some(rel) = source_rel(site, &c.page) {
            out.push(rel);
        }
    }
    out
}

/// The file a page is written in, as links name it: `content/<lang>/<section>/<slug>.md`.
pub fn source_rel(site: &Site, r: &PageRef) -> Option<PathBuf> {
    let (lang, key) = r;
    if !site.config.languages.contains(lang) {
        return None;
    }
    let mut p = PathBuf::from(crate::content::discover::CONTENT_DIR).join(lang.as_str());
    match key {
        PageKey::Home => p.push("_index.md"),
        PageKey::SectionIndex(s) => p.extend([s.slug(), "_index.md"]),
        PageKey::Standalone(slug) => p.push(format!("{slug}.md")),
        PageKey::Entry(s, slug) => p.extend([s.slug().to_string(), format!("{slug}.md")]),
    }
    Some(p)
}

/// What a batch of changes needs rendered again.
#[derive(Debug, Default)]
pub struct Affected {
    pub jobs: BTreeSet<Job>,
    /// Files of the previous output that no longer exist (deleted pages, unused tags).
    pub removed: BTreeSet<String>,
    /// Languages whose search index changes.
    pub search: BTreeSet<Lang>,
    /// Every page shows the change (the about page, linked from every footer, came or went).
    pub all: bool,
}

/// The jobs that show the changed pages, on the site after the change (`index` is
/// [`TagIndex::new`] of it, and `previous` the index it replaced when [`entries_changed`]
/// made it again: only then can a tag come into use or go out of it). `relinked` are pages
/// whose links now resolve differently. Updates `deps` to the site as it is now.
pub fn content_jobs(
    site: &Site,
    index: &TagIndex,
    previous: Option<&TagIndex>,
    deps: &mut Dependents,
    changed: &[Changed],
    relinked: &[PageRef],
) -> Affected {
    let mut out = Affected::default();
    let (tags_added, tags_removed) = match previous {
        Some(before) => {
            let (before, now) = (before.slugs(), index.slugs());
            let only_in = |a: &BTreeSet<&str>, b: &BTreeSet<&str>| -> BTreeSet<String> {
                a.difference(b).map(|t| t.to_string()).collect()
            };
            (only_in(&now, &before), only_in(&before, &now))
        }
        None => Default::default(),
    };
    // The job that shows a page's body: its own, or the list whose intro it is.
    let own_job = |out: &mut Affected, r: &PageRef| {
        let (lang, key) = r;
        // A worksheet's body is also printed in the packs and the bilingual sheets, even once
        // it is gone.
        if matches!(key, PageKey::Entry(Section::Worksheets, _)) {
            out.jobs.extend(super::print_jobs_showing(site, key.slug()));
        }
        match key {
            PageKey::Home => {
                out.jobs.insert(Job::Home(lang.clone()));
            }
            PageKey::SectionIndex(s) => {
                out.jobs.insert(Job::Section(lang.clone(), *s));
            }
            PageKey::Entry(..) | PageKey::Standalone(_) => {
                if let Some(id) = site.id_of(lang, key) {
                    out.jobs.insert(Job::Page(id));
                }
            }
        }
    };
    for r in relinked {
        own_job(&mut out, r);
    }
    // Pages whose entry changed, as they are now (None: gone).
    let mut entry_changed: Vec<(&PageRef, Option<&Page>, Option<&Before>)> = Vec::new();
    for c in changed {
        let (lang, key) = &c.page;
        let now = site.id_of(lang, key).map(|id| &site.pages[id]);
        deps.set_links(c.page.clone(), now);
        own_job(&mut out, &c.page);
        if now.is_none() && c.before.is_none() {
            continue;
        }
        out.search.insert(lang.clone());
        let exists_changed = now.is_some() != c.before.is_some();
        let entry = match (now, &c.before) {
            (Some(p), Some(b)) => !same_entry(&p.front, &b.front),
            _ => true,
        };
        if !entry {
            continue;
        }
        entry_changed.push((&c.page, now, c.before.as_ref()));
        pager_jobs(site, &c.page, now, c.before.as_ref(), &mut out);
        // Every page's help line links the help page and names it by its title.
        if *key == help_key() && site.config.help.is_some() {
            out.all = true;
        }
        out.search.extend(site.config.languages.iter().cloned());
        let date_changed = now.map(|p| p.front.date) != c.before.as_ref().map(|b| b.front.date);
        if exists_changed || date_changed {
            out.jobs.insert(Job::Sitemap);
        }
        if let PageKey::Entry(s, _) = key {
            out.jobs.insert(Job::Section(lang.clone(), *s));
            out.jobs.insert(Job::Home(lang.clone()));
            if matches!(s, Section::Stories | Section::Guidance) {
                out.jobs.insert(Job::Feed(lang.clone()));
            }
            if *s == Section::Tips {
                // The tip of the day is picked among the default language's tips and shown
                // in every language.
                for l in &site.config.languages {
                    out.jobs.insert(Job::Home(l.clone()));
                }
            }
        }
        if exists_changed {
            if matches!(key, PageKey::Standalone(slug) if slug == "about") {
                out.all = true;
            }
            if has_key_job(key) {
                for l in site.config.languages.iter().filter(|l| *l != lang) {
                    own_job(&mut out, &(l.clone(), key.clone()));
                }
                if now.is_none() {
                    out.removed.insert(SitePath::of_page(lang, key).file());
                }
            }
        }
        let tags = now
            .into_iter()
            .flat_map(|p| &p.front.tags)
            .chain(c.before.iter().flat_map(|b| &b.front.tags));
        let mut any_tag = false;
        for t in tags {
            any_tag = true;
            out.jobs.insert(Job::Tag(lang.clone(), t.slug.clone()));
        }
        if any_tag {
            out.jobs.insert(Job::TagIndex(lang.clone()));
        }
    }
    if !tags_added.is_empty() || !tags_removed.is_empty() {
        out.jobs.insert(Job::Sitemap);
        for l in &site.config.languages {
            out.jobs.insert(Job::TagIndex(l.clone()));
            // The search page offers every tag of the site for narrowing results.
            out.jobs.insert(Job::Search(l.clone()));
            for t in &tags_added {
                out.jobs.insert(Job::Tag(l.clone(), t.clone()));
            }
            for t in &tags_removed {
                out.removed
                    .insert(SitePath::of_place(l, &Place::Tag(t.clone())).file());
            }
        }
    }
    // A tag page of a tag nobody uses any more is not rendered; it was removed above.
    out.jobs.retain(|j| match j {
        Job::Tag(_, t) => !tags_removed.contains(t),
        _ => true,
    });
    related_jobs(site, index, deps, &entry_changed, &mut out);
    out
}

/// The pages whose previous and next links (`contents.rs`) show the entry `r`: its
/// neighbours in its section's reading order, where it is now and where it was before.
fn pager_jobs(
    site: &Site,
    r: &PageRef,
    now: Option<&Page>,
    before: Option<&Before>,
    out: &mut Affected,
) {
    let (lang, key) = r;
    let PageKey::Entry(s, slug) = key else {
        return;
    };
    let others: Vec<&Page> = site
        .entries(lang, *s)
        .into_iter()
        .filter(|p| &p.key != key)
        .collect();
    // `reading_order` as a key, so the old version can be placed among the others.
    let order = |f: &FrontMatter, slug: &str| {
        (
            f.weight,
            std::cmp::Reverse(f.date),
            f.title.clone(),
            slug.to_string(),
        )
    };
    let mut around = |f: &FrontMatter| {
        let k = order(f, slug);
        let i = others.partition_point(|p| order(&p.front, p.key.slug()) < k);
        for p in [i.checked_sub(1).and_then(|j| others.get(j)), others.get(i)]
            .into_iter()
            .flatten()
        {
            out.jobs.insert(Job::Page(p.id));
        }
    };
    if let Some(p) = now {
        around(&p.front);
    }
    if let Some(b) = before {
        around(&b.front);
    }
}

fn has_key_job(key: &PageKey) -> bool {
    matches!(key, PageKey::Entry(..) | PageKey::Standalone(_))
}

/// Pages whose related list showed a changed page before, or would show it now, are rendered
/// again and their lists recomputed; the lists of every other page stay as they were, because
/// the change moved no other page relative to them.
fn related_jobs(
    site: &Site,
    index: &TagIndex,
    deps: &mut Dependents,
    entry_changed: &[(&PageRef, Option<&Page>, Option<&Before>)],
    out: &mut Affected,
) {
    let mut recompute: BTreeSet<PageRef> = BTreeSet::new();
    for (r, now, _) in entry_changed {
        // Its own list (its tags may have changed), and the lists that showed it.
        recompute.insert((*r).clone());
        recompute.extend(deps.listed_in.get(*r).into_iter().flatten().cloned());
        let Some(a) = now else { continue };
        // Every page of the language is a candidate: the cheap test (a shared tag or the
        // same section) runs before any key is made.
        for x in site.pages_in(&a.lang).filter(|x| has_page_job(x)) {
            if x.id == a.id || !would_list(site, deps, x, a) {
                continue;
            }
            recompute.insert(page_ref(x));
        }
    }
    if recompute.is_empty() {
        return;
    }
    /// A page and its new list (with its id), or `None` when it has no list any more.
    type NewList = (PageRef, Option<(usize, Vec<PageRef>)>);
    let lists: Vec<NewList> = recompute
        .into_par_iter()
        .map(|r| {
            let page = site.id_of(&r.0, &r.1).map(|id| &site.pages[id]);
            let list = match page {
                Some(p) if has_page_job(p) => Some((p.id, related_refs(site, index, p))),
                _ => None,
            };
            (r, list)
        })
        .collect();
    for (r, list) in lists {
        match list {
            Some((id, list)) => {
                out.jobs.insert(Job::Page(id));
                deps.set_related(r, Some(list));
            }
            None => deps.set_related(r, None),
        }
    }
}

/// Whether `a` (changed, not in `x`'s list before) ranks among `x`'s related pages now, given
/// `x`'s list before: it needs to be eligible (a shared tag, or the same section for filling
/// a short list) and either find the list short or rank above its last entry.
fn would_list(site: &Site, deps: &Dependents, x: &Page, a: &Page) -> bool {
    let shared = shared_tags(x, a);
    let fills = match (x.section(), &a.key) {
        (Some(s), PageKey::Entry(t, _)) => s == *t,
        _ => false,
    };
    if shared == 0 && !fills {
        return false;
    }
    let list = deps
        .related
        .get(&page_ref(x))
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    if list.len() < RELATED_COUNT {
        return true;
    }
    let Some(last) = list
        .last()
        .and_then(|(l, k)| site.id_of(l, k))
        .map(|id| &site.pages[id])
    else {
        return true;
    };
    related_rank_cmp(x, a, shared, last, shared_tags(x, last)).is_lt()
}

/// The jobs that render with template `name` (a file of the theme's `templates/`), or `None`
/// when no job renders with it directly, so any page may use it (the base layout, a partial,
/// a macro file).
pub fn jobs_using_template(site: &Site, name: &str) -> Option<Vec<Job>> {
    let jobs: Vec<Job> = super::jobs(site)
        .into_iter()
        .filter(|j| j.template() == name)
        .collect();
    (!jobs.is_empty()).then_some(jobs)
}
