//! Stage 4, installable and readable offline: a web app manifest per language, the service
//! worker at the base path (so its scope is the whole site) and, once everything else is
//! written, the list of each language's files with their sizes (for "Save for offline") and
//! the build's version (a hash of every file written, so any change to the output is a new
//! version and the worker replaces its cache). Only in an offline build: a portable build is
//! opened from `file://`, where no worker can run, and `serve` would have a worker keep stale
//! previews.
//!
//! The worker itself (`static/js/sw.js`) is the theme's, copied as it is: the pages register
//! it as `sw.js?v=<version>`, so a new version is a new registration and the script needs no
//! build step.

use super::Renderer;
use super::views::OfflineView;
use crate::model::lang::{Lang, PageKey};
use crate::model::site::Site;
use crate::model::url::SitePath;
use crate::output::OutputFile;
use serde::Serialize;
use std::hash::{Hash, Hasher};

/// The service worker, written at the output root.
pub const WORKER_FILE: &str = "sw.js";
/// Its source in the theme's `static/`.
const WORKER_SOURCE: &str = "js/sw.js";
/// The folder of the version and the lists of files.
pub const OFFLINE_DIR: &str = "offline";
/// Each language's manifest, in the language's folder.
const MANIFEST_FILE: &str = "manifest.webmanifest";
/// The theme colour: the header's teal.
const THEME_COLOR: &str = "#1d5c63";
const BACKGROUND_COLOR: &str = "#fdfcf9";

/// What a page needs to link: all rooted (an offline build is never portable).
impl Renderer<'_> {
    pub(super) fn offline_view(&self, lang: &Lang) -> Option<OfflineView> {
        if !self.site.config.offline {
            return None;
        }
        let base = self.linker.base.path.clone();
        Some(OfflineView {
            manifest_href: format!("{base}{lang}/{MANIFEST_FILE}"),
            worker_href: format!("{base}{WORKER_FILE}"),
            version_href: format!("{base}{OFFLINE_DIR}/version.json"),
            scope: base,
            theme_color: THEME_COLOR.into(),
        })
    }

    /// The list of `lang`'s files, for the home page's "Save for offline" control.
    pub(super) fn offline_list_href(&self, lang: &Lang) -> Option<String> {
        self.site
            .config
            .offline
            .then(|| format!("{}{OFFLINE_DIR}/{lang}.json", self.linker.base.path))
    }

    /// The files that do not depend on the rest of the output: each language's manifest and
    /// the service worker.
    pub(super) fn offline_files(&self) -> Vec<OutputFile> {
        if !self.site.config.offline {
            return Vec::new();
        }
        let mut files = Vec::new();
        for lang in &self.site.config.languages {
            files.push(OutputFile::new(
                format!("{lang}/{MANIFEST_FILE}"),
                self.manifest(lang),
            ));
        }
        if let Some(w) = self.theme.statics.get(WORKER_SOURCE) {
            files.push(OutputFile::new(WORKER_FILE, w.bytes.clone()));
        }
        files
    }

    fn manifest(&self, lang: &Lang) -> Vec<u8> {
        let base = &self.linker.base.path;
        let home = self.linker.rooted(&SitePath::of_page(lang, &PageKey::Home));
        let icon = |size: u32| Icon {
            src: format!("{base}static/icons/icon-{size}.png"),
            sizes: format!("{size}x{size}"),
            kind: "image/png",
            purpose: "any",
        };
        let m = Manifest {
            name: self.site_title(lang),
            short_name: self.t(lang, "app-short-name"),
            description: self.t(lang, "site-tagline"),
            lang: lang.to_string(),
            dir: "ltr",
            id: home.clone(),
            start_url: home.clone(),
            scope: home,
            display: "standalone",
            background_color: BACKGROUND_COLOR,
            theme_color: THEME_COLOR,
            icons: vec![icon(192), icon(512)],
        };
        let mut out = serde_json::to_vec_pretty(&m).unwrap_or_default();
        out.push(b'\n');
        out
    }
}

#[derive(Serialize)]
struct Manifest {
    name: String,
    short_name: String,
    description: String,
    lang: String,
    dir: &'static str,
    id: String,
    start_url: String,
    scope: String,
    display: &'static str,
    background_color: &'static str,
    theme_color: &'static str,
    icons: Vec<Icon>,
}

#[derive(Serialize)]
struct Icon {
    src: String,
    sizes: String,
    #[serde(rename = "type")]
    kind: &'static str,
    purpose: &'static str,
}

/// A file written by the build, as the lists need it: its path, size and hash.
#[derive(Debug, Clone)]
pub struct Written {
    pub path: String,
    pub size: usize,
    pub hash: u64,
}

impl Written {
    pub fn of(f: &OutputFile) -> Written {
        let mut h = std::hash::DefaultHasher::new();
        f.bytes.hash(&mut h);
        Written {
            path: f.path.clone(),
            size: f.bytes.len(),
            hash: h.finish(),
        }
    }
}

/// `offline/version.json` and `offline/<lang>.json`, made from every other file the build
/// wrote (`written`, in any order).
pub fn list_files(site: &Site, written: &mut [Written]) -> Vec<OutputFile> {
    if !site.config.offline {
        return Vec::new();
    }
    written.sort_by(|a, b| a.path.cmp(&b.path));
    let mut h = std::hash::DefaultHasher::new();
    for w in written.iter() {
        (&w.path, w.size, w.hash).hash(&mut h);
    }
    let version = format!("{:016x}", h.finish());
    let base = &site.config.base_url.path;
    let mut files = vec![OutputFile::new(
        format!("{OFFLINE_DIR}/version.json"),
        format!("{{\"version\":\"{version}\"}}\n").into_bytes(),
    )];
    for lang in &site.config.languages {
        let fonts = needs_fonts(site, lang);
        let list: Vec<(String, usize)> = written
            .iter()
            .filter(|w| belongs_to(&w.path, lang, fonts))
            .map(|w| (url_of(base, &w.path), w.size))
            .collect();
        let bytes = list.iter().map(|(_, s)| s).sum();
        let body = LanguageList {
            version: &version,
            lang: lang.as_str(),
            bytes,
            files: list,
        };
        let mut out = serde_json::to_vec(&body).unwrap_or_default();
        out.push(b'\n');
        files.push(OutputFile::new(format!("{OFFLINE_DIR}/{lang}.json"), out));
    }
    files
}

#[derive(Serialize)]
struct LanguageList<'a> {
    version: &'a str,
    lang: &'a str,
    /// Total size of `files`, uncompressed.
    bytes: usize,
    /// Address and size of each file.
    files: Vec<(String, usize)>,
}

/// Whether a language's pages use the theme's fonts: the bundled fonts are for scripts other
/// than Latin, which is what a language whose own name is not ASCII is written in.
fn needs_fonts(site: &Site, lang: &Lang) -> bool {
    !site.i18n.text(lang, "language-name").is_ascii()
}

/// Whether the file at `path` is part of `lang` offline: its pages and files (not PDFs, which
/// are large and printed from a computer anyway), the theme's files (fonts only when the
/// language needs them), the search index (the search page may search every language), the
/// site root and the 404 page.
fn belongs_to(path: &str, lang: &Lang, fonts: bool) -> bool {
    if path.ends_with(".pdf") || path == WORKER_FILE || path.starts_with("offline/") {
        return false;
    }
    if let Some(rest) = path.strip_prefix("static/") {
        return if rest.starts_with("fonts/") {
            fonts && rest.ends_with(".woff2")
        } else {
            !rest.starts_with("js/sw.js")
        };
    }
    path.strip_prefix(lang.as_str())
        .is_some_and(|r| r.starts_with('/') && !r.ends_with("/atom.xml"))
        || path.starts_with(&format!("{}/", super::search::INDEX_DIR))
        || path == "index.html"
        || path == super::NOT_FOUND_FILE
}

/// The address a page is visited at: a folder's `index.html` by the folder.
fn url_of(base: &str, path: &str) -> String {
    let p = path.strip_suffix("index.html").unwrap_or(path);
    format!("{base}{p}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_takes_its_pages_theme_and_index() {
        let hi = Lang::parse("hi").unwrap();
        for p in [
            "hi/index.html",
            "hi/tips/rest/index.html",
            "hi/manifest.webmanifest",
            "static/css/site.css",
            "static/fonts/NotoSansDevanagari-Regular.woff2",
            "search-index/hi/meta.json",
            "index.html",
            "404.html",
        ] {
            assert!(belongs_to(p, &hi, true), "{p}");
        }
        for p in [
            "en/index.html",
            "hi/worksheets/x/x-a4.pdf",
            "hi/atom.xml",
            "history/index.html",
            "sw.js",
            "offline/hi.json",
            "static/fonts/OFL.txt",
            "static/js/sw.js",
        ] {
            assert!(!belongs_to(p, &hi, true), "{p}");
        }
        assert!(!belongs_to(
            "static/fonts/NotoSansDevanagari-Regular.woff2",
            &Lang::parse("en").unwrap(),
            false
        ));
    }

    #[test]
    fn folders_are_listed_by_their_address() {
        assert_eq!(
            url_of("/handbook/", "hi/tips/index.html"),
            "/handbook/hi/tips/"
        );
        assert_eq!(url_of("/handbook/", "index.html"), "/handbook/");
        assert_eq!(url_of("/", "static/css/site.css"), "/static/css/site.css");
    }
}
