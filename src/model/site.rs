//! Stage 3, the site model: parsed pages in, one [`Site`] out.
//!
//! Parsed pages become [`Page`]s in one [`Site`]: drafts dropped,
//! translations paired by key, tags checked against every language's Fluent files, and every
//! link between pages resolved (or reported with file and line). Build, check and serve all
//! work from this one model.

use super::lang::{Lang, PageKey, Place, Section};
use super::related::RelatedIndex;
use super::url::SitePath;
use crate::config::Config;
use crate::content::discover::{Asset, CONTENT_DIR};
use crate::content::frontmatter::FrontMatter;
use crate::content::markdown::Scan;
use crate::content::parse::ParsedPage;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::I18n;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

pub type PageId = usize;

/// The id of a page added by [`Site::apply`] until the pages are renumbered.
const NEW_PAGE: PageId = PageId::MAX;

/// Where a link written in Markdown ends up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkDest {
    Page {
        id: PageId,
        anchor: Option<String>,
    },
    File(SitePath),
    /// `#anchor` on the page itself.
    Anchor(String),
}

#[derive(Debug, Clone)]
pub struct Page {
    pub id: PageId,
    pub lang: Lang,
    pub key: PageKey,
    pub rel: PathBuf,
    pub path: SitePath,
    pub front: FrontMatter,
    pub body: String,
    pub scan: Scan,
    pub links: HashMap<String, LinkDest>,
}

impl Page {
    pub fn section(&self) -> Option<Section> {
        self.key.section()
    }
}

pub struct Site {
    pub config: Config,
    /// Shared with the template functions, which outlive any one borrow of the site.
    pub i18n: Arc<I18n>,
    pub pages: Vec<Page>,
    pub assets: Vec<Asset>,
    index: HashMap<(Lang, PageKey), PageId>,
    /// Asset paths as links name them (normalised, relative to the site root).
    asset_paths: HashMap<PathBuf, SitePath>,
}

impl Page {
    fn from_parsed(p: ParsedPage) -> Page {
        Page {
            id: 0,
            path: SitePath::of_page(&p.source.lang, &p.source.key),
            lang: p.source.lang,
            key: p.source.key,
            rel: p.source.rel,
            front: p.doc.front,
            body: p.doc.body,
            scan: p.scan,
            links: HashMap::new(),
        }
    }
}

/// A change to one page while `serve` runs: a new or edited page, or one that is gone.
#[derive(Debug)]
pub enum PageChange {
    Upsert(Box<ParsedPage>),
    Remove(Lang, PageKey),
}

impl Site {
    pub fn build(
        config: Config,
        i18n: I18n,
        parsed: Vec<ParsedPage>,
        assets: Vec<Asset>,
        diags: &mut Diagnostics,
    ) -> Site {
        let pages: Vec<Page> = parsed
            .into_iter()
            .filter(|p| config.drafts || !p.doc.front.draft)
            .map(Page::from_parsed)
            .collect();
        let mut site = Site {
            config,
            i18n: Arc::new(i18n),
            pages,
            assets: Vec::new(),
            index: HashMap::new(),
            asset_paths: HashMap::new(),
        };
        site.renumber();
        site.set_assets(assets);
        for id in 0..site.pages.len() {
            site.check_tags(id, diags);
        }
        // Every page's links at once, in parallel: the site is only read meanwhile.
        let resolved: Vec<_> = (0..site.pages.len())
            .into_par_iter()
            .map(|id| site.links_of(id))
            .collect();
        for (page, (links, problems)) in site.pages.iter_mut().zip(resolved) {
            diags.extend(problems);
            page.links = links;
        }
        super::help::check(&site, diags);
        site.check_workshop(diags);
        site
    }

    /// `workshop:` in `handbook.yaml` names pages that exist: the guide at a language root
    /// and each worksheet, in the default language (a translation may still be missing).
    fn check_workshop(&self, diags: &mut Diagnostics) {
        let Some(w) = &self.config.workshop else {
            return;
        };
        let lang = &self.config.default_language;
        let file = crate::config::CONFIG_FILE;
        if self
            .page(lang, &PageKey::Standalone(w.guide.clone()))
            .is_none()
        {
            diags.push(Diagnostic::error(
                file,
                0,
                format!(
                    "`workshop`: `guide: {}` is not a page: expected `content/{lang}/{}.md`",
                    w.guide, w.guide
                ),
            ));
        }
        for slug in &w.worksheets {
            let key = PageKey::Entry(Section::Worksheets, slug.clone());
            if self.page(lang, &key).is_none() {
                diags.push(Diagnostic::error(
                    file,
                    0,
                    format!(
                        "`workshop`: the worksheet `{slug}` does not exist: expected `content/{lang}/worksheets/{slug}.md`"
                    ),
                ));
            }
        }
    }

    /// Deterministic ids whatever order files were parsed or changed in: pages sorted by
    /// language and key, the id being the position.
    fn renumber(&mut self) {
        self.pages
            .sort_by(|a, b| (&a.lang, &a.key).cmp(&(&b.lang, &b.key)));
        self.index.clear();
        for (i, p) in self.pages.iter_mut().enumerate() {
            p.id = i;
            self.index.insert((p.lang.clone(), p.key.clone()), i);
        }
    }

    /// Replaces the files copied beside the Markdown (serve calls this when one comes or goes).
    /// Links are not re-resolved here: see [`Site::check_page`].
    pub fn set_assets(&mut self, mut assets: Vec<Asset>) {
        assets.sort_by(|a, b| a.site_path.cmp(&b.site_path));
        self.asset_paths = assets
            .iter()
            .map(|a| (normalize(&a.rel), a.site_path.clone()))
            .collect();
        self.assets = assets;
    }

    /// Applies page changes in place, for `serve`: edited pages keep their id; when pages come
    /// or go, ids are renumbered (as a fresh build would number them) and every resolved link
    /// follows its page. A link to a removed page is dropped until its page is checked again.
    /// Drafts are left out as in [`Site::build`]; the last change to a page wins. Tags and
    /// links of the changed pages are not checked here: call [`Site::check_page`] for them and
    /// for the pages that link to them.
    pub fn apply(&mut self, changes: Vec<PageChange>) {
        let mut latest: BTreeMap<(Lang, PageKey), Option<ParsedPage>> = BTreeMap::new();
        for change in changes {
            match change {
                PageChange::Upsert(p) => {
                    let keep = self.config.drafts || !p.doc.front.draft;
                    let k = (p.source.lang.clone(), p.source.key.clone());
                    latest.insert(k, keep.then_some(*p));
                }
                PageChange::Remove(lang, key) => {
                    latest.insert((lang, key), None);
                }
            }
        }
        let old_len = self.pages.len();
        let mut removed = vec![false; old_len];
        let mut structural = false;
        for (k, parsed) in latest {
            match (self.index.get(&k).copied(), parsed) {
                (Some(id), Some(p)) => {
                    let mut page = Page::from_parsed(p);
                    page.id = id;
                    page.links = std::mem::take(&mut self.pages[id].links);
                    self.pages[id] = page;
                }
                (Some(id), None) => {
                    removed[id] = true;
                    structural = true;
                }
                (None, Some(p)) => {
                    let mut page = Page::from_parsed(p);
                    page.id = NEW_PAGE;
                    self.pages.push(page);
                    structural = true;
                }
                (None, None) => {}
            }
        }
        if !structural {
            return;
        }
        let pages = std::mem::take(&mut self.pages);
        self.pages = pages
            .into_iter()
            .filter(|p| p.id == NEW_PAGE || !removed[p.id])
            .collect();
        let mut new_id: Vec<Option<PageId>> = vec![None; old_len];
        self.pages
            .sort_by(|a, b| (&a.lang, &a.key).cmp(&(&b.lang, &b.key)));
        for (i, p) in self.pages.iter().enumerate() {
            if p.id != NEW_PAGE {
                new_id[p.id] = Some(i);
            }
        }
        self.renumber();
        for p in &mut self.pages {
            p.links.retain(|_, dest| match dest {
                LinkDest::Page { id, .. } => match new_id.get(*id).copied().flatten() {
                    Some(n) => {
                        *id = n;
                        true
                    }
                    None => false,
                },
                _ => true,
            });
        }
    }

    /// Checks one page's tags and resolves its links again (serve, after a change).
    pub fn check_page(&mut self, id: PageId, diags: &mut Diagnostics) {
        self.check_tags(id, diags);
        self.resolve_links(id, diags);
    }

    pub fn id_of(&self, lang: &Lang, key: &PageKey) -> Option<PageId> {
        self.index.get(&(lang.clone(), key.clone())).copied()
    }

    pub fn page(&self, lang: &Lang, key: &PageKey) -> Option<&Page> {
        self.index
            .get(&(lang.clone(), key.clone()))
            .map(|&i| &self.pages[i])
    }

    /// The same page in another language, if it was written.
    pub fn translation(&self, page: &Page, lang: &Lang) -> Option<&Page> {
        self.page(lang, &page.key)
    }

    /// Entries of a section in one language, in reading order: weight, newest date, title, slug.
    pub fn entries(&self, lang: &Lang, section: Section) -> Vec<&Page> {
        let mut v: Vec<&Page> = self
            .pages
            .iter()
            .filter(|p| &p.lang == lang && matches!(&p.key, PageKey::Entry(s, _) if *s == section))
            .collect();
        v.sort_by(|a, b| reading_order(a, b));
        v
    }

    /// Every tag used by any page in any language, sorted: each gets a page in every language
    /// so the language switcher always has somewhere to go.
    pub fn tag_slugs(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self
            .pages
            .iter()
            .flat_map(|p| p.front.tags.iter().map(|t| t.slug.as_str()))
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// The worksheets of a print pack in one language, in the pack's order: every worksheet
    /// (list order), those with a tag (list order), or the workshop's (the configured order;
    /// a worksheet missing in this language is left out).
    pub fn pack_sheets(&self, lang: &Lang, place: &Place) -> Vec<&Page> {
        let all = self.entries(lang, Section::Worksheets);
        match place {
            Place::TagPack(tag) => all
                .into_iter()
                .filter(|p| p.front.tags.iter().any(|t| &t.slug == tag))
                .collect(),
            Place::WorkshopPack => match &self.config.workshop {
                Some(w) => w
                    .worksheets
                    .iter()
                    .filter_map(|slug| {
                        self.page(lang, &PageKey::Entry(Section::Worksheets, slug.clone()))
                    })
                    .collect(),
                None => Vec::new(),
            },
            _ => all,
        }
    }

    /// The language a bilingual sheet in `lang` pairs with: the first other configured
    /// language that has the worksheet too.
    pub fn bilingual_partner(&self, lang: &Lang, slug: &str) -> Option<&Page> {
        let key = PageKey::Entry(Section::Worksheets, slug.to_string());
        self.page(lang, &key)?;
        self.config
            .languages
            .iter()
            .filter(|l| *l != lang)
            .find_map(|l| self.page(l, &key))
    }

    /// Whether the site has `place` in `lang`: a page only where it is written, a tag's or
    /// the workshop's pack only where it has worksheets, a bilingual sheet only where the
    /// worksheet has a translation; the other generated places are in every language.
    pub fn place_exists(&self, lang: &Lang, place: &Place) -> bool {
        match place {
            Place::Page(key @ (PageKey::Entry(..) | PageKey::Standalone(_))) => {
                self.page(lang, key).is_some()
            }
            Place::TagPack(_) | Place::WorkshopPack => !self.pack_sheets(lang, place).is_empty(),
            Place::Bilingual(slug) => self.bilingual_partner(lang, slug).is_some(),
            _ => true,
        }
    }

    /// Pages of one language carrying `tag`, in section order then reading order.
    pub fn tagged(&self, lang: &Lang, tag: &str) -> Vec<&Page> {
        let mut v: Vec<&Page> = self
            .pages_in(lang)
            .filter(|p| p.front.tags.iter().any(|t| t.slug == tag))
            .collect();
        v.sort_by(|a, b| {
            a.section()
                .cmp(&b.section())
                .then_with(|| reading_order(a, b))
        });
        v
    }

    /// Up to `n` pages to read next, in the page's language: most shared tags first, then the
    /// same section, then reading order; when fewer than `n` pages share a tag, the rest of
    /// the page's section in reading order. [`TagIndex`] lists the pages carrying each small
    /// set of tags, so the cost grows with pages × tags, never pages × pages.
    pub fn related(&self, page: &Page, index: &TagIndex, n: usize) -> Vec<&Page> {
        index
            .related(page, n)
            .into_iter()
            .map(|id| &self.pages[id])
            .collect()
    }

    pub fn pages_in(&self, lang: &Lang) -> impl Iterator<Item = &Page> {
        self.pages.iter().filter(move |p| &p.lang == lang)
    }

    /// Every tag must have a name in every language, or some reader would see a raw slug.
    fn check_tags(&self, id: PageId, diags: &mut Diagnostics) {
        let p = &self.pages[id];
        for tag in &p.front.tags {
            let msg_id = format!("tag-{}", tag.slug);
            let missing: Vec<&str> = self
                .config
                .languages
                .iter()
                .filter(|l| !self.i18n.has(l, &msg_id))
                .map(|l| l.as_str())
                .collect();
            if !missing.is_empty() {
                diags.push(
                    Diagnostic::error(
                        &p.rel,
                        tag.line,
                        format!(
                            "tag `{}` is not declared in {}: add `{msg_id} = …` to i18n/<lang>/tags.ftl for every language",
                            tag.slug,
                            missing.iter().map(|l| format!("`{l}`")).collect::<Vec<_>>().join(" and ")
                        ),
                    )
                    .field("tags"),
                );
            }
        }
    }

    fn resolve_links(&mut self, id: PageId, diags: &mut Diagnostics) {
        let (links, problems) = self.links_of(id);
        diags.extend(problems);
        self.pages[id].links = links;
    }

    /// The resolved links of page `id`, and the problems of those that do not resolve.
    fn links_of(&self, id: PageId) -> (HashMap<String, LinkDest>, Vec<Diagnostic>) {
        let page = &self.pages[id];
        let mut map = HashMap::new();
        let mut problems = Vec::new();
        for link in &page.scan.links {
            match self.resolve(page, &link.dest) {
                Ok(dest) => {
                    map.insert(link.dest.clone(), dest);
                }
                Err(msg) => {
                    problems.push(Diagnostic::error(&page.rel, link.line, msg).column(link.column))
                }
            }
        }
        (map, problems)
    }

    fn resolve(&self, page: &Page, dest: &str) -> Result<LinkDest, String> {
        let anchor = dest.split_once('#').map(|(_, a)| percent_decode(a));
        let Some(target) = link_target(&page.rel, dest) else {
            let anchor = anchor.unwrap_or_default();
            return if has_anchor(page, &anchor) {
                Ok(LinkDest::Anchor(anchor))
            } else {
                Err(format!(
                    "link `{dest}`: this page has no heading with the id `{anchor}`"
                ))
            };
        };
        let content = Path::new(CONTENT_DIR);
        let Ok(inner) = target.strip_prefix(content) else {
            return Err(format!(
                "link `{dest}` points outside content/; link only to pages and files of the handbook"
            ));
        };
        if target.extension().is_some_and(|e| e == "md") {
            let parts: Vec<String> = inner
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            let found = parts.split_first().and_then(|(lang, rest)| {
                let lang = self.config.languages.iter().find(|l| l.as_str() == lang)?;
                let key = key_of(rest)?;
                self.page(lang, &key)
            });
            let Some(target_page) = found else {
                return Err(format!(
                    "link `{dest}`: there is no page `{}`{}",
                    target.display(),
                    if self.config.drafts {
                        ""
                    } else {
                        " (or it is a draft)"
                    }
                ));
            };
            if let Some(a) = &anchor
                && !has_anchor(target_page, a)
            {
                return Err(format!(
                    "link `{dest}`: `{}` has no heading with the id `{a}`",
                    target.display()
                ));
            }
            Ok(LinkDest::Page {
                id: target_page.id,
                anchor,
            })
        } else {
            match self.asset_paths.get(&target) {
                Some(sp) => Ok(LinkDest::File(sp.clone())),
                None => Err(format!(
                    "link `{dest}`: there is no file `{}`",
                    target.display()
                )),
            }
        }
    }
}

/// The file a link written in the page `page_rel` points to, relative to the site root and
/// normalised (`..` resolved as far as it goes); `None` for a link to a heading of the page
/// itself. `serve` uses it to find the pages that link to a changed file.
pub fn link_target(page_rel: &Path, dest: &str) -> Option<PathBuf> {
    let path = dest.split('#').next().unwrap_or("");
    let path = path.split('?').next().unwrap_or("");
    if path.is_empty() {
        return None;
    }
    let base = page_rel.parent().unwrap_or(Path::new(""));
    Some(normalize(&base.join(percent_decode(path))))
}

/// Reading order within a list: weight, then newest date, then title, then slug.
pub fn reading_order(a: &Page, b: &Page) -> std::cmp::Ordering {
    a.front
        .weight
        .cmp(&b.front.weight)
        .then_with(|| b.front.date.cmp(&a.front.date))
        .then_with(|| a.front.title.cmp(&b.front.title))
        .then_with(|| a.key.slug().cmp(b.key.slug()))
}

/// How [`Site::related`] ranks two candidates `a` and `b` (sharing `shared_a` and `shared_b`
/// tags with `page`): pages sharing more tags first, then pages of the same section, then
/// reading order, then id (so exact ties never depend on hash-map order); pages sharing no
/// tag only fill a short list, after all that share one. `serve` uses the same rule to tell
/// whether an edited page enters another page's list, and a test holds the precomputed
/// lists of [`TagIndex`] to it.
pub fn related_rank_cmp(
    page: &Page,
    a: &Page,
    shared_a: usize,
    b: &Page,
    shared_b: usize,
) -> std::cmp::Ordering {
    (shared_a == 0)
        .cmp(&(shared_b == 0))
        .then(shared_b.cmp(&shared_a))
        .then_with(|| (b.section() == page.section()).cmp(&(a.section() == page.section())))
        .then_with(|| reading_order(a, b))
        .then(a.id.cmp(&b.id))
}

/// How many tags `other` shares with `page`, counted as [`Site::related`] counts them (once
/// per tag of `page` and occurrence in `other`).
pub fn shared_tags(page: &Page, other: &Page) -> usize {
    page.front
        .tags
        .iter()
        .map(|t| other.front.tags.iter().filter(|o| o.slug == t.slug).count())
        .sum()
}

/// How many pages use each tag, per language, built once per render, and the lists behind
/// [`Site::related`]. Related lists name pages by id and rank them by reading order, so the
/// index must be made again whenever ids or an entry change (serve does so after
/// [`Site::apply`] renumbers pages or an entry's title, date, weight or tags change).
#[derive(Debug, Default)]
pub struct TagIndex {
    uses: HashMap<(Lang, String), usize>,
    related: RelatedIndex,
}

impl TagIndex {
    pub fn new(site: &Site) -> TagIndex {
        let mut uses: HashMap<(Lang, String), usize> = HashMap::new();
        for p in &site.pages {
            for t in &p.front.tags {
                *uses.entry((p.lang.clone(), t.slug.clone())).or_default() += 1;
            }
        }
        TagIndex {
            uses,
            related: RelatedIndex::new(site),
        }
    }

    /// Follows pages whose title, date or weight changed (so their place in reading order
    /// may have), without building the index again: valid only when no page came or went and
    /// the pages kept their tags (see `RelatedIndex::reorder`).
    pub fn reorder(&mut self, site: &Site, moved: &[PageId]) {
        self.related.reorder(site, moved);
    }

    /// The entries of a section in reading order, as [`Site::entries`] lists them, without
    /// going through every page of the site; `None` when this index was not built for `lang`
    /// (an empty one). Every page's previous and next links read it, so it must not cost a
    /// pass over the site per page.
    pub fn entries(&self, lang: &Lang, section: Section) -> Option<&[PageId]> {
        self.related.entries(lang, section)
    }

    /// The pages before and after `page` in its section's reading order; `None` when the
    /// page is not in a section list of this index.
    pub fn neighbours(&self, page: &Page) -> Option<(Option<PageId>, Option<PageId>)> {
        let list = self.entries(&page.lang, page.section()?)?;
        let i = self.related.position(list, page.id)?;
        Some((i.checked_sub(1).map(|j| list[j]), list.get(i + 1).copied()))
    }

    /// How many pages of `lang` have `tag`.
    pub fn count(&self, lang: &Lang, tag: &str) -> usize {
        self.uses
            .get(&(lang.clone(), tag.to_string()))
            .copied()
            .unwrap_or(0)
    }

    /// Every tag some page uses, in any language.
    pub fn slugs(&self) -> std::collections::BTreeSet<&str> {
        self.uses.keys().map(|(_, slug)| slug.as_str()).collect()
    }

    fn related(&self, page: &Page, n: usize) -> Vec<PageId> {
        self.related.find(page, n)
    }
}

fn has_anchor(page: &Page, anchor: &str) -> bool {
    page.scan.headings.iter().any(|h| h.id == anchor)
        || anchor.starts_with("fn-")
        || anchor.is_empty()
}

/// The page key for a path below `content/<lang>/`, mirroring discovery's rule.
fn key_of(parts: &[String]) -> Option<PageKey> {
    let stem = |f: &str| f.strip_suffix(".md").map(str::to_string);
    match parts {
        [f] if f == "_index.md" => Some(PageKey::Home),
        [f] => Some(PageKey::Standalone(stem(f)?)),
        [d, f] if f == "_index.md" => Some(PageKey::SectionIndex(Section::from_slug(d)?)),
        [d, f] => Some(PageKey::Entry(Section::from_slug(d)?, stem(f)?)),
        _ => None,
    }
}

/// Lexical `..` resolution; a path that climbs above its start keeps the `..` and so fails
/// the `content/` prefix check.
fn normalize(p: &Path) -> PathBuf {
    let mut out: Vec<Component> = Vec::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if matches!(out.last(), Some(Component::Normal(_))) {
                    out.pop();
                } else {
                    out.push(c);
                }
            }
            other => out.push(other),
        }
    }
    out.iter().collect()
}

fn percent_decode(s: &str) -> String {
    fn hex(b: u8) -> Option<u8> {
        (b as char).to_digit(16).map(|d| d as u8)
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let (Some(h), Some(l)) = (
                bytes.get(i + 1).and_then(|&b| hex(b)),
                bytes.get(i + 2).and_then(|&b| hex(b)),
            )
        {
            out.push(h * 16 + l);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

/// Count of pages per language, for the summary line.
pub fn counts(site: &Site) -> BTreeMap<Lang, usize> {
    let mut m = BTreeMap::new();
    for l in &site.config.languages {
        m.insert(l.clone(), 0);
    }
    for p in &site.pages {
        *m.entry(p.lang.clone()).or_insert(0) += 1;
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_and_decode() {
        assert_eq!(
            normalize(Path::new("content/en/tips/../guidance/a.md")),
            PathBuf::from("content/en/guidance/a.md")
        );
        assert_eq!(
            normalize(Path::new("content/../../etc/passwd")),
            PathBuf::from("../etc/passwd")
        );
        assert_eq!(percent_decode("%E0%A4%95"), "क");
        assert_eq!(percent_decode("a%2"), "a%2");
        assert_eq!(percent_decode("%क"), "%क");
    }
}
