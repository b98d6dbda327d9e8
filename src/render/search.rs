//! Stage 4, search: the site model in, the search page's [`SearchView`] of each language and
//! the index files (one index per language, in `search-index/<lang>/`) out.

use super::views::{CountMessage, SearchView};
use super::{Renderer, Sink};
use crate::diagnostics::Diagnostic;
use crate::i18n::Arg;
use crate::model::lang::{Lang, PageKey, Place};
use crate::model::url::SitePath;
use crate::output::OutputFile;
use crate::search::index::{SearchDoc, build_index, build_index_into};
use rayon::prelude::*;

/// Folder of the index in the output, shared by every language.
pub const INDEX_DIR: &str = "search-index";

impl Renderer<'_> {
    pub(super) fn search_view(&self, lang: &Lang) -> Result<SearchView, Diagnostic> {
        let place = Place::Search;
        let path = SitePath::of_place(lang, &place);
        let title = self.t(lang, "search-title");
        let description = self.t(lang, "search-summary");
        let mut langs = vec![lang.to_string()];
        langs.extend(
            self.site
                .config
                .languages
                .iter()
                .filter(|l| *l != lang)
                .map(|l| l.to_string()),
        );
        let prefix = self.prefix(&path);
        let count_messages = self.count_forms(lang, "search-count", "count", &[])?;
        // "20 of 57": the plural form follows the number shown; `%m` stands for the total.
        let count_of_messages = self.count_forms(
            lang,
            "search-count-of",
            "shown",
            &[("count", Arg::Str("%m"))],
        )?;
        let tags = self.sorted_tag_views(&path, lang);
        Ok(SearchView {
            chrome: self.chrome(
                lang,
                &path,
                Some(&place),
                &title,
                &description,
                "page-search",
            ),
            title,
            index_href: format!("{prefix}{INDEX_DIR}/"),
            root_href: prefix.clone(),
            langs: langs.join(" "),
            script_href: format!("{prefix}static/js/search.js"),
            count_messages,
            count_of_messages,
            tags,
        })
    }

    /// The plural forms of count message `id` for `search.js` (see
    /// [`I18n::plural_forms_with`](crate::i18n::I18n::plural_forms_with)); an error names the
    /// message's file and line.
    fn count_forms(
        &self,
        lang: &Lang,
        id: &str,
        arg: &str,
        extra: &[(&str, Arg)],
    ) -> Result<Vec<CountMessage>, Diagnostic> {
        let forms = self
            .i18n
            .plural_forms_with(lang, id, arg, extra)
            .map_err(|e| {
                let (file, line) = self
                    .i18n
                    .definitions(lang)
                    .find(|(def, _, _)| *def == id)
                    .map(|(_, file, line)| (file.to_path_buf(), line))
                    .unwrap_or_else(|| (format!("i18n/{lang}/main.ftl").into(), 0));
                Diagnostic::error(file, line, e)
            })?;
        Ok(forms
            .into_iter()
            .map(|(category, text)| CountMessage { category, text })
            .collect())
    }

    /// Every page a reader can land on, as search documents: URLs relative to the site root
    /// (the page resolves them against its own root), with the translation into the first
    /// other language, so a match found only there can be shown in the reader's language.
    fn search_docs(&self, lang: &Lang) -> Vec<SearchDoc> {
        let url_of = |p: &SitePath| {
            if self.linker.portable {
                p.file()
            } else {
                p.as_str().to_string()
            }
        };
        let other = self.site.config.languages.iter().find(|l| *l != lang);
        let searchable = |p: &&crate::model::site::Page| {
            matches!(p.key, PageKey::Entry(..) | PageKey::Standalone(_))
        };
        let pages: Vec<_> = self.site.pages_in(lang).filter(searchable).collect();
        // The other language's documents are numbered in URL order (as `build_index` sorts
        // them): a translation's number is its URL's place in that order.
        let other_urls: Vec<String> = other.map_or_else(Vec::new, |o| {
            let mut urls: Vec<String> = self
                .site
                .pages_in(o)
                .filter(searchable)
                .map(|p| url_of(&p.path))
                .collect();
            urls.sort();
            urls
        });
        // In parallel: each document's body text is put together from its page here.
        pages
            .into_par_iter()
            .map(|p| SearchDoc {
                url: url_of(&p.path),
                title: p.front.title.clone(),
                section: p
                    .section()
                    .map(|s| self.t(lang, &format!("section-{}", s.slug())))
                    .unwrap_or_default(),
                summary: p.front.summary.clone(),
                tags: p
                    .front
                    .tags
                    .iter()
                    .map(|t| self.tag_name(lang, &t.slug))
                    .collect(),
                tag_slugs: p.front.tags.iter().map(|t| t.slug.clone()).collect(),
                slug: p.key.slug().to_string(),
                body: p.scan.plain.text(&p.body),
                lang: lang.to_string(),
                translation: other
                    .and_then(|o| self.site.translation(p, o))
                    .map(|t| (url_of(&t.path), t.front.title.clone())),
                translation_doc: other
                    .and_then(|o| self.site.translation(p, o))
                    .and_then(|t| other_urls.binary_search(&url_of(&t.path)).ok())
                    .map(|n| n as u32),
            })
            .collect()
    }
}

impl Renderer<'_> {
    /// The index of every language into `sink`, one language after the other: building two
    /// at once would hold both in memory (over a gigabyte at 100,000 pages), and a build
    /// renders the pages in parallel with this anyway. Only one language's documents exist
    /// at a time.
    pub(super) fn search_index_into(&self, sink: &Sink) -> anyhow::Result<()> {
        for lang in &self.site.config.languages {
            index_into(lang, &self.search_docs(lang), sink)?;
        }
        Ok(())
    }
}

/// Builds the index of `lang` from `docs` and hands each file to `sink`.
fn index_into(lang: &Lang, docs: &[SearchDoc], sink: &Sink) -> anyhow::Result<()> {
    build_index_into(lang.as_str(), docs, &|f| {
        sink(OutputFile::new(format!("{INDEX_DIR}/{}", f.path), f.bytes))
    })
}

/// The search index of some languages, as owned documents: `serve` builds it on another
/// thread, after the edited page is already served, because it spans every page.
pub struct SearchWork {
    docs: Vec<(Lang, Vec<SearchDoc>)>,
}

impl SearchWork {
    pub fn new(site: &crate::model::site::Site, theme: &super::Theme, langs: &[Lang]) -> Self {
        // Search documents name tags, but need no tag index.
        let r = Renderer::with_tags(site, theme, super::Tags::Own(Box::default()));
        SearchWork {
            docs: langs
                .iter()
                .map(|lang| (lang.clone(), r.search_docs(lang)))
                .collect(),
        }
    }

    /// The languages whose index this rebuilds (everything under `search-index/<lang>/`).
    pub fn langs(&self) -> impl Iterator<Item = &Lang> {
        self.docs.iter().map(|(l, _)| l)
    }

    /// The folder below the output root that holds the index of `lang`, with a trailing `/`.
    pub fn dir(lang: &Lang) -> String {
        format!("{INDEX_DIR}/{lang}/")
    }

    /// This work with the languages of `newer` replaced by newer documents.
    pub fn merge(mut self, newer: SearchWork) -> SearchWork {
        for (lang, docs) in newer.docs {
            match self.docs.iter_mut().find(|(l, _)| *l == lang) {
                Some(slot) => slot.1 = docs,
                None => self.docs.push((lang, docs)),
            }
        }
        self
    }

    /// Every file of the index, in memory (serve keeps them there anyway), one language
    /// after the other.
    pub fn run(&self) -> Vec<OutputFile> {
        self.docs
            .iter()
            .flat_map(|(lang, docs)| build_index(lang.as_str(), docs))
            .map(|f| OutputFile::new(format!("{INDEX_DIR}/{}", f.path), f.bytes))
            .collect()
    }
}
