//! Stage 4, the 404 page (`404.html`), served for any missing URL at any depth. Input: the
//! default language and the configured languages; output: its [`NotFoundView`] for
//! `404.html`, every link rooted at the base path.

use super::Renderer;
use super::views::{NotFoundMessage, NotFoundView};
use crate::model::lang::PageKey;
use crate::model::url::SitePath;

/// The site's 404 page, served for any missing URL.
pub const NOT_FOUND_FILE: &str = "404.html";

impl Renderer<'_> {
    /// Served for any missing URL at any depth, so every link in it is rooted at the base path.
    pub(super) fn not_found_view(&self) -> NotFoundView {
        let lang = &self.site.config.default_language;
        let path = SitePath::new(NOT_FOUND_FILE);
        let title = self.t(lang, "not-found-title");
        let mut chrome = self.chrome(lang, &path, None, &title, &title, "page-404");
        if !self.linker.portable {
            chrome.root = self.linker.base.path.clone();
        }
        let home = SitePath::of_page(lang, &PageKey::Home);
        chrome.home_href = self.linker.rooted(&home);
        chrome.about_href = chrome
            .about_href
            .map(|h| rooted_from(&h, &self.linker.base.path));
        for n in chrome.nav.iter_mut() {
            n.href = rooted_from(&n.href, &self.linker.base.path);
        }
        if let Some(help) = chrome.help.as_mut() {
            help.href = rooted_from(&help.href, &self.linker.base.path);
        }
        chrome.help_box = true;
        for s in chrome.switcher.iter_mut() {
            s.href = rooted_from(&s.href, &self.linker.base.path);
            // A missing page has no translation to miss: the link goes to that language's
            // home, without a "not yet translated" note that would not be true.
            s.note.clear();
        }
        let mut langs: Vec<&crate::model::lang::Lang> = vec![lang];
        langs.extend(self.site.config.languages.iter().filter(|l| *l != lang));
        let messages = langs
            .into_iter()
            .map(|l| NotFoundMessage {
                lang: l.to_string(),
                title: self.t(l, "not-found-title"),
                text: self.t(l, "not-found-text"),
                home_href: self.linker.rooted(&SitePath::of_page(l, &PageKey::Home)),
                home_label: self.t(l, "not-found-home"),
            })
            .collect();
        NotFoundView {
            homes: self.languages(&path, true),
            messages,
            base_path: self.linker.base.path.clone(),
            chrome,
        }
    }
}

/// In a portable build links are relative; 404.html cannot know its depth, so it uses rooted
/// links, which only matter on a server anyway.
fn rooted_from(href: &str, base: &str) -> String {
    if href.starts_with(base) {
        href.to_string()
    } else {
        let trimmed = href
            .trim_start_matches("../")
            .trim_end_matches("index.html");
        format!("{base}{trimmed}")
    }
}
