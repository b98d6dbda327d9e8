//! Search in the render stage: the search page of each language, and the index files built
//! from the site model (one index per language, in `search-index/<lang>/`).

use super::views::SearchView;
use super::{Renderer, Sink};
use crate::diagnostics::Diagnostic;
use crate::model::lang::{Lang, PageKey, Place};
use crate::model::url::SitePath;
use crate::output::OutputFile;
use crate::search::index::{SearchDoc, build_index};

/// Folder of the index in the output, shared by every language.
pub const INDEX_DIR: &str = "search-index";

impl Renderer<'_> {
    pub(super) fn search_page(&self, lang: &Lang) -> Result<OutputFile, Diagnostic> {
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
        let view = SearchView {
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
        };
        self.render("search.html", &view, &path)
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
        self.site
            .pages_in(lang)
            .filter(|p| matches!(p.key, PageKey::Entry(..) | PageKey::Standalone(_)))
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
                body: p.scan.plain.clone(),
                lang: lang.to_string(),
                translation: other
                    .and_then(|o| self.site.translation(p, o))
                    .map(|t| (url_of(&t.path), t.front.title.clone())),
            })
            .collect()
    }

    /// One index per language, each file handed to `sink` as it is made. Languages one after
    /// the other: the pages render in parallel with this anyway, and building two indexes at
    /// once would hold both in memory (over a gigabyte at 100,000 pages).
    pub(super) fn search_index_into(&self, sink: &Sink) -> anyhow::Result<()> {
        for lang in &self.site.config.languages {
            for f in build_index(lang.as_str(), &self.search_docs(lang)) {
                sink(OutputFile::new(format!("{INDEX_DIR}/{}", f.path), f.bytes))?;
            }
        }
        Ok(())
    }
}
