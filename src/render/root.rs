//! Stage 4, the site root (`/`): a choice of language that needs no JavaScript. Input: the
//! configured languages; output: its [`RootView`] for `root.html`, and the list of language
//! homes the 404 page shows too.

use super::Renderer;
use super::views::{Alternate, RootLanguage, RootView};
use crate::model::help::help_key;
use crate::model::lang::PageKey;
use crate::model::url::SitePath;

impl Renderer<'_> {
    pub(super) fn root_view(&self) -> RootView {
        let lang = &self.site.config.default_language;
        let path = SitePath::root();
        let mut chrome = self.chrome(
            lang,
            &path,
            None,
            "",
            &self.t(lang, "site-tagline"),
            "page-root",
        );
        chrome.alternates = self
            .site
            .config
            .languages
            .iter()
            .map(|l| Alternate {
                hreflang: l.to_string(),
                href: self
                    .linker
                    .href(&path, &SitePath::of_page(l, &PageKey::Home)),
            })
            .collect();
        RootView {
            languages: self.languages(&path, false),
            chrome,
        }
    }

    /// Each language's home, in its own words; `rooted` links start at the base path (for a
    /// page served at any depth).
    pub(super) fn languages(&self, from: &SitePath, rooted: bool) -> Vec<RootLanguage> {
        self.site
            .config
            .languages
            .iter()
            .map(|l| {
                let home = SitePath::of_page(l, &PageKey::Home);
                RootLanguage {
                    lang: l.to_string(),
                    name: self.t(l, "language-name"),
                    site_title: self.site_title(l),
                    href: if rooted {
                        self.linker.rooted(&home)
                    } else {
                        self.linker.href(from, &home)
                    },
                    tagline: self.t(l, "site-tagline"),
                    choose: self.t(l, "choose-language"),
                    help: self.help_view(l, from).map(|mut h| {
                        if rooted {
                            h.href = self.linker.rooted(&SitePath::of_page(l, &help_key()));
                        }
                        h
                    }),
                }
            })
            .collect()
    }
}
