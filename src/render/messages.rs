//! Stage 4 and `check`: the ids of the Fluent messages render code formats, for `check`'s
//! unused-message rule.
//!
//! The Fluent messages the Rust side of rendering formats itself. Templates call
//! `t(key="…")`, which `handbook check` finds by scanning them; messages whose id is built in
//! code (`count-{section}`, `month-{n}`, `tag-{slug}`) cannot be found that way, so they are
//! listed here, in the one place `check` reads to tell a used message from a forgotten one.
//!
//! When render code starts formatting a new message, add it here: the unit test below fails
//! when a message id written in `src/render/` or `src/search/` is missing from this list.

/// Message ids, or id prefixes ending in `*` (`count-*` stands for `count-stories`,
/// `count-tips`, …).
pub const USED_BY_RENDERER: &[&str] = &[
    "count-*",
    "date-long",
    "feed-title",
    "lang-*",
    "language-name",
    "month-*",
    "nav-home",
    "not-found-title",
    "not-translated",
    "page-tags",
    "pages-count",
    "print-licence",
    "print-notes",
    "print-pack-intro",
    "print-pack-tag-title",
    "print-pack-title",
    "print-pack-workshop-title",
    "print-qr-label",
    "print-version",
    "search-summary",
    "search-title",
    // The search page writes every plural form of the count for search.js.
    "search-count",
    "search-count-of",
    "section-*",
    "choose-language",
    // Country names on the help page are looked up by the code in handbook.yaml.
    "country-*",
    "help-in-country",
    "help-line-offer",
    "site-tagline",
    "site-title",
    // Tag names and anything else about a tag (`tag-<slug>-description`) are looked up by slug.
    "tag-*",
    "tags-summary",
    "tagged-pages-summary",
    "tags-title",
    "worksheet-date",
    "worksheet-name",
    // Finding one's way, the home page's ways in, the 404 page in every language, the web
    // app manifest.
    "heading-link",
    "start-*",
    "not-found-text",
    "not-found-home",
    "app-short-name",
];

/// Whether `id` matches `pattern` (an exact id, or a prefix followed by `*`).
pub fn matches(pattern: &str, id: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => id.starts_with(prefix),
        None => pattern == id,
    }
}

pub fn used_by_renderer(id: &str) -> bool {
    USED_BY_RENDERER.iter().any(|p| matches(p, id))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The built-in interface messages: the ids render code could be formatting.
    fn builtin_ids() -> Vec<String> {
        include_str!("../../i18n/en/main.ftl")
            .lines()
            .filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase()))
            .filter_map(|l| l.split_once('=').map(|(id, _)| id.trim().to_string()))
            .collect()
    }

    /// String literals in Rust source, good enough for this source (no raw strings needed).
    fn literals(src: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut chars = src.chars();
        while let Some(c) = chars.next() {
            if c != '"' {
                continue;
            }
            let mut lit = String::new();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => {
                        chars.next();
                    }
                    '"' => break,
                    c => lit.push(c),
                }
            }
            out.push(lit);
        }
        out
    }

    /// Every message id written in render code (whole, or as the fixed start of a `format!`)
    /// is covered by the list, so `check` never calls a message the renderer uses unused.
    #[test]
    fn list_covers_render_code() {
        let ids = builtin_ids();
        assert!(ids.len() > 20, "main.ftl not read: {ids:?}");
        // Every file of the render stage (and search, which renders its page too), read at
        // test time so a new file is covered without touching this test.
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut sources = Vec::new();
        for dir in ["render", "search"] {
            if !src.join(dir).is_dir() {
                continue;
            }
            for entry in walkdir::WalkDir::new(src.join(dir)).sort_by_file_name() {
                let entry = entry.unwrap();
                let is_this_file = entry.path().ends_with("render/messages.rs");
                if entry.path().extension().is_some_and(|e| e == "rs") && !is_this_file {
                    sources.push(std::fs::read_to_string(entry.path()).unwrap());
                }
            }
        }
        assert!(
            sources.len() >= 2,
            "render sources not found under {}",
            src.display()
        );
        for lit in sources.iter().flat_map(|s| literals(s)) {
            if let Some((prefix, _)) = lit.split_once('{') {
                let used = ids.iter().filter(|id| id.starts_with(prefix));
                for id in used {
                    // Message families are named `family-…` (`count-{section}`); other
                    // `format!`s (`"s{n}"`, CSS classes) are not message ids.
                    if prefix.ends_with('-') && !prefix.contains(' ') {
                        assert!(
                            used_by_renderer(id),
                            "render code formats `{lit}` (such as `{id}`): add `{prefix}*` to USED_BY_RENDERER"
                        );
                    }
                }
            } else if ids.contains(&lit) {
                assert!(
                    used_by_renderer(&lit),
                    "render code formats `{lit}`: add it to USED_BY_RENDERER"
                );
            }
        }
    }

    /// No stale entries: each one names a message that exists (tags live in the site's files).
    #[test]
    fn every_entry_names_a_builtin_message() {
        let ids = builtin_ids();
        for p in USED_BY_RENDERER.iter().filter(|p| **p != "tag-*") {
            assert!(
                ids.iter().any(|id| matches(p, id)),
                "`{p}` matches no message in i18n/en/main.ftl"
            );
        }
    }

    #[test]
    fn patterns() {
        assert!(matches("count-*", "count-tips"));
        assert!(!matches("count-*", "counter"));
        assert!(matches("date-long", "date-long"));
        assert!(!matches("date-long", "date-longer"));
    }
}
