//! Stages 3 and 4, URLs: a page or place in, its [`SitePath`] and, from a given page, its `href`
//! out.
//!
//! The only place URLs are made. Every page and file has a [`SitePath`] (relative to the site
//! root); a [`Linker`] turns it into an `href` for a given page, honouring the base URL's subpath,
//! or, in a portable build, a relative link that ends in `index.html` so it works from `file://`.

use super::lang::{Lang, PRINT_PACK_SLUG, PageKey, Paper, Place, Section};

/// A location in the built site, relative to its root, without a leading slash.
/// Pages are directories ending in `/` (`en/tips/seek-feedback/`); the root is the empty string.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SitePath(String);

impl SitePath {
    pub fn root() -> SitePath {
        SitePath(String::new())
    }

    /// A file or directory path (directories end with `/`).
    pub fn new(path: impl Into<String>) -> SitePath {
        let p: String = path.into();
        SitePath(p.trim_start_matches('/').to_string())
    }

    pub fn of_page(lang: &Lang, key: &PageKey) -> SitePath {
        let l = lang.as_str();
        SitePath(match key {
            PageKey::Home => format!("{l}/"),
            PageKey::SectionIndex(s) => format!("{l}/{}/", s.slug()),
            PageKey::Standalone(slug) => format!("{l}/{slug}/"),
            PageKey::Entry(s, slug) => format!("{l}/{}/{slug}/", s.slug()),
        })
    }

    pub fn of_place(lang: &Lang, place: &Place) -> SitePath {
        match place {
            Place::Page(key) => SitePath::of_page(lang, key),
            Place::TagIndex => SitePath(format!("{lang}/tags/")),
            Place::Tag(slug) => SitePath(format!("{lang}/tags/{slug}/")),
            Place::Search => SitePath(format!("{lang}/search/")),
            Place::PrintPack => SitePath(format!(
                "{lang}/{}/{PRINT_PACK_SLUG}/",
                Section::Worksheets.slug()
            )),
            Place::TagPack(slug) => SitePath(format!("{lang}/tags/{slug}/{PRINT_PACK_SLUG}/")),
            Place::WorkshopPack => SitePath(format!(
                "{lang}/{}/{PRINT_PACK_SLUG}/workshop/",
                Section::Worksheets.slug()
            )),
            Place::Bilingual(slug) => SitePath(format!(
                "{lang}/{}/{slug}/bilingual/",
                Section::Worksheets.slug()
            )),
        }
    }

    /// The PDF of a printable page (`handbook build --pdf`) on one paper, beside the page and
    /// named after it with the language and the paper, so no two downloads share a name:
    /// `en/worksheets/reflection/reflection-en-a4.pdf`; the print pack's is
    /// `en/worksheets/print/worksheets-en-letter.pdf`, a bilingual sheet's
    /// `en/worksheets/reflection/bilingual/reflection-en-hi-a4.pdf` (`other` is the second
    /// language), the workshop pack's `…/print/workshop/workshop-en-a4.pdf`.
    pub fn pdf(lang: &Lang, place: &Place, paper: Paper, other: Option<&Lang>) -> SitePath {
        let dir = SitePath::of_place(lang, place);
        let stem = match place {
            Place::Page(key) => key.slug().to_string(),
            Place::Bilingual(slug) => slug.clone(),
            Place::WorkshopPack => "workshop".to_string(),
            Place::TagPack(tag) => tag.clone(),
            _ => Section::Worksheets.slug().to_string(),
        };
        let langs = match other {
            Some(o) => format!("{lang}-{o}"),
            None => lang.to_string(),
        };
        SitePath(format!(
            "{}{stem}-{langs}-{}.pdf",
            dir.as_str(),
            paper.slug()
        ))
    }

    pub fn feed(lang: &Lang) -> SitePath {
        SitePath(format!("{lang}/atom.xml"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_dir(&self) -> bool {
        self.0.is_empty() || self.0.ends_with('/')
    }

    /// The file that serves this location: `index.html` inside a directory.
    pub fn file(&self) -> String {
        if self.is_dir() {
            format!("{}index.html", self.0)
        } else {
            self.0.clone()
        }
    }

    /// How many directories deep the page's own file sits.
    fn depth(&self) -> usize {
        let file = self.file();
        file.matches('/').count()
    }
}

/// The site's public address, split into the origin and the subpath every link must stay in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaseUrl {
    /// `https://example.github.io`, or `None` when only a path was configured.
    pub origin: Option<String>,
    /// Always starts and ends with `/`: `/` or `/handbook/`.
    pub path: String,
}

impl BaseUrl {
    /// Accepts `https://host/sub/`, `http://host`, `/sub/` or `/`.
    pub fn parse(raw: &str) -> Result<BaseUrl, String> {
        let raw = raw.trim();
        let (origin, path) = if let Some(rest) = raw
            .strip_prefix("https://")
            .map(|r| ("https://", r))
            .or_else(|| raw.strip_prefix("http://").map(|r| ("http://", r)))
        {
            let (scheme, rest) = rest;
            let (host, path) = match rest.find('/') {
                Some(i) => (&rest[..i], &rest[i..]),
                None => (rest, "/"),
            };
            if host.is_empty() || host.contains(['?', '#', ' ', '@']) {
                return Err(format!("`{raw}` has no valid host"));
            }
            (Some(format!("{scheme}{host}")), path.to_string())
        } else if raw.starts_with('/') {
            (None, raw.to_string())
        } else {
            return Err(format!(
                "`{raw}` is neither an absolute URL (https://…) nor a path starting with `/`"
            ));
        };
        if path.contains(['?', '#', '\\', ' ']) || path.split('/').any(|s| s == ".." || s == ".") {
            return Err(format!(
                "`{raw}` has a path that is not a plain folder path"
            ));
        }
        let mut path = path;
        if !path.ends_with('/') {
            path.push('/');
        }
        Ok(BaseUrl { origin, path })
    }
}

/// Makes every `href`/`src` in the output. Cheap to copy into each render task.
#[derive(Clone, Debug)]
pub struct Linker {
    pub base: BaseUrl,
    pub portable: bool,
}

impl Linker {
    /// The link from the page at `from` to `to`.
    pub fn href(&self, from: &SitePath, to: &SitePath) -> String {
        if self.portable {
            let mut s = "../".repeat(from.depth());
            s.push_str(&to.file());
            if s.is_empty() {
                s.push_str("index.html");
            }
            s
        } else {
            format!("{}{}", self.base.path, to.as_str())
        }
    }

    /// A link that works from any depth, for pages served at unknown paths (404.html).
    pub fn rooted(&self, to: &SitePath) -> String {
        format!("{}{}", self.base.path, to.as_str())
    }

    /// Absolute URL for sitemaps, feeds and `hreflang` alternates. Without a configured origin
    /// this is the rooted path, which is the best that can be said.
    pub fn absolute(&self, to: &SitePath) -> String {
        match &self.base.origin {
            Some(origin) => format!("{origin}{}{}", self.base.path, to.as_str()),
            None => self.rooted(to),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn linker(base: &str, portable: bool) -> Linker {
        Linker {
            base: BaseUrl::parse(base).unwrap(),
            portable,
        }
    }

    #[test]
    fn base_url_forms() {
        let b = BaseUrl::parse("https://x.github.io/handbook").unwrap();
        assert_eq!(b.origin.as_deref(), Some("https://x.github.io"));
        assert_eq!(b.path, "/handbook/");
        assert_eq!(BaseUrl::parse("/").unwrap().path, "/");
        assert_eq!(BaseUrl::parse("http://localhost:8080").unwrap().path, "/");
        assert!(BaseUrl::parse("handbook").is_err());
        assert!(BaseUrl::parse("https:///x").is_err());
        assert!(BaseUrl::parse("/a/../b/").is_err());
    }

    #[test]
    fn hrefs_under_subpath() {
        let l = linker("https://x.github.io/handbook/", false);
        let from = SitePath::new("en/tips/a/");
        assert_eq!(
            l.href(&from, &SitePath::new("hi/tips/a/")),
            "/handbook/hi/tips/a/"
        );
        assert_eq!(
            l.absolute(&SitePath::new("en/")),
            "https://x.github.io/handbook/en/"
        );
    }

    #[test]
    fn print_pack_and_pdf_paths() {
        let en = Lang::parse("en").unwrap();
        assert_eq!(
            SitePath::of_place(&en, &Place::PrintPack).as_str(),
            "en/worksheets/print/"
        );
        assert_eq!(
            SitePath::pdf(&en, &Place::PrintPack, Paper::A4, None).as_str(),
            "en/worksheets/print/worksheets-en-a4.pdf"
        );
        let key = PageKey::Entry(Section::Worksheets, "reflection".into());
        assert_eq!(
            SitePath::pdf(&en, &Place::Page(key), Paper::Letter, None).as_str(),
            "en/worksheets/reflection/reflection-en-letter.pdf"
        );
        let hi = Lang::parse("hi").unwrap();
        let bi = Place::Bilingual("reflection".into());
        assert_eq!(
            SitePath::of_place(&en, &bi).as_str(),
            "en/worksheets/reflection/bilingual/"
        );
        assert_eq!(
            SitePath::pdf(&en, &bi, Paper::A4, Some(&hi)).as_str(),
            "en/worksheets/reflection/bilingual/reflection-en-hi-a4.pdf"
        );
        assert_eq!(
            SitePath::of_place(&en, &Place::TagPack("money".into())).as_str(),
            "en/tags/money/print/"
        );
        assert_eq!(
            SitePath::of_place(&en, &Place::WorkshopPack).as_str(),
            "en/worksheets/print/workshop/"
        );
    }

    #[test]
    fn portable_hrefs_are_relative_files() {
        let l = linker("/", true);
        let from = SitePath::new("en/tips/a/");
        assert_eq!(
            l.href(&from, &SitePath::new("hi/tips/a/")),
            "../../../hi/tips/a/index.html"
        );
        assert_eq!(l.href(&from, &SitePath::root()), "../../../index.html");
        assert_eq!(
            l.href(&SitePath::root(), &SitePath::new("static/css/site.css")),
            "static/css/site.css"
        );
        assert_eq!(l.href(&SitePath::root(), &SitePath::root()), "index.html");
    }
}
