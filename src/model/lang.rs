//! Stage 3 and after, identities: language codes and section names in, [`Lang`], [`Section`],
//! [`PageKey`] and [`Place`] out, so the rest of the code never compares raw strings.

use serde::Serialize;
use std::fmt;

/// A language code from the configuration (`en`, `hi`, …), validated once.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Lang(String);

impl Lang {
    /// Accepts BCP 47-looking codes made of a 2–3 letter primary subtag and optional
    /// alphanumeric subtags (`hi`, `pt-br`); anything else cannot be a folder name we trust.
    pub fn parse(code: &str) -> Option<Lang> {
        let mut parts = code.split('-');
        let primary = parts.next()?;
        let primary_ok =
            (2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_lowercase());
        let rest_ok = parts
            .all(|p| !p.is_empty() && p.len() <= 8 && p.bytes().all(|b| b.is_ascii_alphanumeric()));
        (primary_ok && rest_ok).then(|| Lang(code.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The four kinds of content the handbook has. The order here is the menu order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Section {
    Stories,
    Guidance,
    Tips,
    Worksheets,
}

impl Section {
    pub const ALL: [Section; 4] = [
        Section::Stories,
        Section::Guidance,
        Section::Tips,
        Section::Worksheets,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Section::Stories => "stories",
            Section::Guidance => "guidance",
            Section::Tips => "tips",
            Section::Worksheets => "worksheets",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.slug() == slug)
    }
}

/// Which page a source file is, independent of its language: translations share a key.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PageKey {
    /// `content/<lang>/_index.md`
    Home,
    /// `content/<lang>/<section>/_index.md` (optional intro text of a section list)
    SectionIndex(Section),
    /// `content/<lang>/<slug>.md`, a page outside the sections (for example `about`)
    Standalone(String),
    /// `content/<lang>/<section>/<slug>.md`
    Entry(Section, String),
}

impl PageKey {
    pub fn section(&self) -> Option<Section> {
        match self {
            PageKey::SectionIndex(s) | PageKey::Entry(s, _) => Some(*s),
            _ => None,
        }
    }

    pub fn slug(&self) -> &str {
        match self {
            PageKey::Home => "",
            PageKey::SectionIndex(s) => s.slug(),
            PageKey::Standalone(slug) | PageKey::Entry(_, slug) => slug,
        }
    }
}

/// Any location a reader can be at, independent of language: a source page or a page the site
/// generates. The language switcher and `hreflang` alternates work from this.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Place {
    Page(PageKey),
    TagIndex,
    Tag(String),
    Search,
    /// `/<lang>/worksheets/print/`: every worksheet of a language in one printable page.
    PrintPack,
    /// `/<lang>/tags/<tag>/print/`: the worksheets with a tag, as a print pack.
    TagPack(String),
    /// `/<lang>/worksheets/print/workshop/`: the worksheets of the facilitator's guide, in
    /// the order of the session (`workshop:` in `handbook.yaml`).
    WorkshopPack,
    /// `/<lang>/worksheets/<slug>/bilingual/`: a worksheet with every prompt in this
    /// language and its translation's, for mixed groups.
    Bilingual(String),
}

impl Place {
    /// A print pack: a cover with contents, then worksheets, each starting on a right-hand page.
    pub fn is_pack(&self) -> bool {
        matches!(
            self,
            Place::PrintPack | Place::TagPack(_) | Place::WorkshopPack
        )
    }
}

/// The papers `build --pdf` prints on: A4, the norm in India and nearly everywhere, and US
/// Letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Paper {
    A4,
    Letter,
}

impl Paper {
    pub const ALL: [Paper; 2] = [Paper::A4, Paper::Letter];

    /// The CSS `@page { size }` keyword.
    pub fn css(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::Letter => "letter",
        }
    }

    /// In file names: `a4`, `letter`.
    pub fn slug(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::Letter => "letter",
        }
    }

    /// How the paper is named to a reader (the same in every language).
    pub fn label(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::Letter => "Letter",
        }
    }
}

/// Names a top-level page may not take, because generated pages live there.
pub const RESERVED_SLUGS: &[&str] = &[
    "stories",
    "guidance",
    "tips",
    "worksheets",
    "tags",
    "search",
    "static",
    "print",
];

/// Names a page inside a section may not take, because a generated page lives there.
pub fn reserved_in_section(section: Section, slug: &str) -> bool {
    section == Section::Worksheets && slug == PRINT_PACK_SLUG
}

/// The print pack's folder inside `worksheets/`.
pub const PRINT_PACK_SLUG: &str = "print";

/// Slugs `handbook new` refuses in any section: every name the site gives its own pages and
/// files (the section lists, tags, search, static files, the print pack, the search index,
/// feeds, the sitemap, 404), and the help page every language has. Some would only clash in
/// another section or at the language root, but a page may move there later, and a name
/// the site uses is a confusing address for a page either way.
pub const NEW_RESERVED_SLUGS: &[&str] = &[
    "stories",
    "guidance",
    "tips",
    "worksheets",
    "tags",
    "search",
    "search-index",
    "static",
    "print",
    "bilingual",
    "help",
    "index",
    "atom",
    "sitemap",
    "404",
];

/// The longest slug: every file name made from one (`<slug>.md`, the worksheet PDF
/// `<slug>-<lang>.pdf`) stays far below the 255-byte limit of common file systems, and the
/// address stays short enough to share.
pub const MAX_SLUG_BYTES: usize = 100;

/// Names Windows keeps for devices, whatever the extension: `con.md` cannot even be checked
/// out there.
const WINDOWS_DEVICES: &[&str] = &["con", "prn", "aux", "nul"];

/// Why a kebab-case `slug` cannot name a page on every system, or `None`.
pub fn slug_problem(slug: &str) -> Option<String> {
    let device = WINDOWS_DEVICES.contains(&slug)
        || ["com", "lpt"].iter().any(|p| {
            slug.strip_prefix(p)
                .is_some_and(|n| n.len() == 1 && n.as_bytes()[0].is_ascii_digit())
        });
    if device {
        return Some(format!(
            "`{slug}` is a device name on Windows, so a file `{slug}.md` cannot be checked out there; choose another slug"
        ));
    }
    (slug.len() > MAX_SLUG_BYTES).then(|| {
        format!(
            "the slug is {} characters long; slugs are limited to {MAX_SLUG_BYTES} so that every file made from them (such as the worksheet PDF) has a name file systems accept: choose a shorter one",
            slug.len()
        )
    })
}

/// Slugs are ASCII kebab-case in every language so URLs stay shareable.
pub fn is_kebab_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lang_codes() {
        assert!(Lang::parse("hi").is_some());
        assert!(Lang::parse("pt-br").is_some());
        assert!(Lang::parse("HI").is_none());
        assert!(Lang::parse("../x").is_none());
        assert!(Lang::parse("").is_none());
        assert!(Lang::parse("english").is_none());
    }

    #[test]
    fn slugs() {
        assert!(is_kebab_slug("seek-feedback"));
        assert!(is_kebab_slug("top-10"));
        assert!(!is_kebab_slug("Seek"));
        assert!(!is_kebab_slug("नौकरी"));
        assert!(!is_kebab_slug("a--b"));
        assert!(!is_kebab_slug("-a"));
        assert!(!is_kebab_slug("a_b"));
    }

    #[test]
    fn slugs_every_system_accepts() {
        for bad in ["con", "nul", "aux", "prn", "com1", "lpt9", "com0"] {
            assert!(slug_problem(bad).unwrap().contains("Windows"), "{bad}");
        }
        for ok in ["console", "com", "com10", "lpt", "null", "seek-feedback"] {
            assert_eq!(slug_problem(ok), None, "{ok}");
        }
        assert!(slug_problem(&"a".repeat(MAX_SLUG_BYTES)).is_none());
        assert!(
            slug_problem(&"a".repeat(MAX_SLUG_BYTES + 1))
                .unwrap()
                .contains("shorter")
        );
    }
}
