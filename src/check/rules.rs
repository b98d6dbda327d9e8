//! `check`, after the model: the [`Site`] and the theme in, diagnostics out.
//!
//! Content rules that do not stop a build but that a reviewer wants to hear about: missing
//! translations, Fluent messages nothing uses, file names that clash, placeholders left by
//! `handbook new`. Each rule reads the loaded [`Site`] (and the theme, for the messages its
//! templates use) and adds diagnostics; none of them reads or writes anything else.

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::lang::{Lang, PageKey, Section};
use crate::model::site::{Page, Site};
use crate::render::messages::{self, used_by_renderer};
use crate::render::templates::Theme;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The marker `handbook new` writes in front of every placeholder.
pub const PLACEHOLDER: &str = "TODO:";

/// Every rule, in a fixed order (the output is sorted afterwards anyway).
pub fn apply(site: &Site, theme: &Theme, diags: &mut Diagnostics) {
    missing_translations(site, diags);
    unused_messages(site, theme, diags);
    case_clashes(site, diags);
    same_slug_in_two_sections(site, diags);
    placeholders(site, diags);
    super::words::check(site, diags);
}

/// Every page key present in some language, with the page in each language that has it.
pub fn by_key(site: &Site) -> BTreeMap<&PageKey, BTreeMap<&Lang, &Page>> {
    let mut keys: BTreeMap<&PageKey, BTreeMap<&Lang, &Page>> = BTreeMap::new();
    for p in &site.pages {
        keys.entry(&p.key).or_default().insert(&p.lang, p);
    }
    keys
}

/// The page a translation is made from: the default language's, else the first configured.
pub fn source_of<'a>(site: &Site, langs: &BTreeMap<&Lang, &'a Page>) -> Option<&'a Page> {
    langs
        .get(&site.config.default_language)
        .or_else(|| site.config.languages.iter().find_map(|l| langs.get(l)))
        .copied()
}

/// Where a page of `key` in `lang` is written.
pub fn path_of(lang: &Lang, key: &PageKey) -> PathBuf {
    let base = Path::new(crate::content::discover::CONTENT_DIR).join(lang.as_str());
    match key {
        PageKey::Home => base.join("_index.md"),
        PageKey::SectionIndex(s) => base.join(s.slug()).join("_index.md"),
        PageKey::Standalone(slug) => base.join(format!("{slug}.md")),
        PageKey::Entry(s, slug) => base.join(s.slug()).join(format!("{slug}.md")),
    }
}

/// A page missing in some language is a warning on the page that exists (so the annotation
/// lands on the file the pull request touched), naming the file to add.
fn missing_translations(site: &Site, diags: &mut Diagnostics) {
    for (key, langs) in by_key(site) {
        let Some(source) = source_of(site, &langs) else {
            continue;
        };
        for lang in &site.config.languages {
            if langs.contains_key(lang) {
                continue;
            }
            let expected = path_of(lang, key);
            // A draft, or a file with errors of its own (reported already), is not missing.
            if site.config.root.join(&expected).is_file() {
                continue;
            }
            let mut msg = format!(
                "not translated into `{lang}` yet: `{}` does not exist",
                display(&expected)
            );
            // A translation saved in the wrong section is the likeliest reason.
            if let PageKey::Entry(section, slug) = key
                && let Some(stray) = site
                    .pages_in(lang)
                    .find(|p| matches!(&p.key, PageKey::Entry(s, sl) if s != section && sl == slug))
            {
                msg.push_str(&format!(
                    " (`{}` has the same file name: if it is the translation, move it to `{}`)",
                    display(&stray.rel),
                    display(&expected)
                ));
            }
            diags.push(Diagnostic::warning(&source.rel, 0, msg));
        }
    }
}

/// The messages templates ask for by name, as patterns (`tag-*` for `"tag-" ~ slug`).
pub fn template_messages(theme: &Theme) -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    for text in theme.template_sources.values() {
        used.extend(t_calls(text));
    }
    used
}

/// The keys of `t(key="…")` calls in a Tera template. A key built with `~` (`"tag-" ~ slug`)
/// becomes a prefix pattern (`tag-*`).
fn t_calls(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("t(") {
        // `t(` must start a name: not the end of `list(` or `format(`.
        let starts_name = !rest[..i]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_');
        rest = &rest[i + 2..];
        if !starts_name {
            continue;
        }
        let after = rest.trim_start();
        let Some(after) = after.strip_prefix("key") else {
            continue;
        };
        let Some(after) = after.trim_start().strip_prefix('=') else {
            continue;
        };
        let after = after.trim_start();
        let Some(quote) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            continue;
        };
        let Some(end) = after[1..].find(quote) else {
            continue;
        };
        let key = &after[1..1 + end];
        let tail = after[1 + end + 1..].trim_start();
        if tail.starts_with('~') {
            out.push(format!("{key}*"));
        } else {
            out.push(key.to_string());
        }
    }
    out
}

/// Ids referenced inside Fluent patterns (`{ other-message }`), which count as uses.
fn fluent_references(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(i) = rest.find('{') {
        rest = &rest[i + 1..];
        let inner = rest.trim_start();
        let id: String = inner
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        let after = &inner[id.len()..];
        // `$var`, `-term` and `FUNCTION(…)` are not message references.
        if id.starts_with(|c: char| c.is_ascii_lowercase()) && !after.starts_with('(') {
            out.insert(id);
        }
    }
    out
}

/// A message defined in the site's own Fluent files that no template, no part of handbook
/// and no other message uses is dead weight every translator still has to translate.
/// Built-in messages a site did not copy are left alone: the site cannot delete them.
fn unused_messages(site: &Site, theme: &Theme, diags: &mut Diagnostics) {
    let patterns = template_messages(theme);
    let root = &site.config.root;
    let mut texts: BTreeMap<PathBuf, Option<String>> = BTreeMap::new();
    let mut defs: Vec<(&str, &Path, usize)> = Vec::new();
    for lang in &site.config.languages {
        for (id, file, line) in site.i18n.definitions(lang) {
            texts
                .entry(file.to_path_buf())
                .or_insert_with(|| std::fs::read_to_string(root.join(file)).ok());
            defs.push((id, file, line));
        }
    }
    let mut referenced = BTreeSet::new();
    for text in texts.values().flatten() {
        referenced.extend(fluent_references(text));
    }
    for (id, file, line) in defs {
        let in_site = texts.get(file).is_some_and(Option::is_some);
        let used = used_by_renderer(id)
            || referenced.contains(id)
            || patterns.iter().any(|p| messages::matches(p, id));
        if in_site && !used {
            diags.push(
                Diagnostic::warning(
                    file,
                    line,
                    "this message is not used by any template or by handbook: delete it in every language, or use it",
                )
                .field(id),
            );
        }
    }
}

/// Two files whose paths differ only in letter case are one file on Windows and macOS, so a
/// contributor there would lose one of them.
fn case_clashes(site: &Site, diags: &mut Diagnostics) {
    let mut seen: BTreeMap<String, &Path> = BTreeMap::new();
    let mut paths: Vec<&Path> = site.pages.iter().map(|p| p.rel.as_path()).collect();
    paths.extend(site.assets.iter().map(|a| a.rel.as_path()));
    paths.sort();
    for rel in paths {
        let folded = display(rel).to_lowercase();
        if let Some(first) = seen.get(&folded) {
            diags.push(Diagnostic::error(
                rel,
                0,
                format!(
                    "`{}` and `{}` differ only in upper/lower case, which Windows and macOS treat as the same file: rename one",
                    display(first),
                    display(rel)
                ),
            ));
        } else {
            seen.insert(folded, rel);
        }
    }
}

/// The same slug in two sections of one language builds (the URLs differ), but readers see
/// two pages with one address name, and translators pair files by name: a likely mix-up.
fn same_slug_in_two_sections(site: &Site, diags: &mut Diagnostics) {
    for lang in &site.config.languages {
        let mut first: BTreeMap<&str, (Section, &Path)> = BTreeMap::new();
        let mut entries: Vec<&Page> = site
            .pages_in(lang)
            .filter(|p| matches!(p.key, PageKey::Entry(..)))
            .collect();
        entries.sort_by(|a, b| a.key.cmp(&b.key));
        for p in entries {
            let PageKey::Entry(section, slug) = &p.key else {
                continue;
            };
            match first.get(slug.as_str()) {
                Some((other, other_rel)) if other != section => diags.push(Diagnostic::warning(
                    &p.rel,
                    0,
                    format!(
                        "`{}` has the same file name in another section: give each page its own name so readers and translators do not mix them up",
                        display(other_rel),
                    ),
                )),
                Some(_) => {}
                None => {
                    first.insert(slug, (*section, &p.rel));
                }
            }
        }
    }
}

/// Placeholders from `handbook new` are valid content, so a fresh page builds and previews;
/// publishing one by accident is what this warning prevents.
fn placeholders(site: &Site, diags: &mut Diagnostics) {
    let root = &site.config.root;
    // Every file is read again (placeholders can be in the front matter too), in parallel,
    // and only a file that has one is split into lines: on 10,000 pages this rule alone took
    // a tenth of `check`.
    let found: Vec<Diagnostic> = site
        .pages
        .par_iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(root.join(&p.rel)).ok()?;
            if !text.contains(PLACEHOLDER) {
                return None;
            }
            let lines: Vec<usize> = text
                .lines()
                .enumerate()
                .filter(|(_, l)| l.contains(PLACEHOLDER))
                .map(|(i, _)| i + 1)
                .collect();
            let first = *lines.first()?;
            let n = lines.len();
            Some(Diagnostic::warning(
                &p.rel,
                first,
                format!(
                    "{n} placeholder{} from `handbook new` still here (line{} {}): replace each `{PLACEHOLDER}` with your own text",
                    if n == 1 { "" } else { "s" },
                    if n == 1 { "" } else { "s" },
                    lines
                        .iter()
                        .map(usize::to_string)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ))
        })
        .collect();
    diags.extend(found);
}

fn display(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_t_calls() {
        let tpl = r#"{{ t(key="skip-link") }} {{ t( key = 'nav-label' ) }}
            {{ t(key="tag-" ~ tag.slug) }} {{ list(key="nope") }} {{ t(key="published-on", date=d) }}"#;
        assert_eq!(
            t_calls(tpl),
            ["skip-link", "nav-label", "tag-*", "published-on"]
        );
    }

    #[test]
    fn finds_fluent_references() {
        let ftl =
            "a = { b } and { $n } and { -term } and { NUMBER($n) }\nc = { $n ->\n *[x] { d }\n}\n";
        let r: Vec<String> = fluent_references(ftl).into_iter().collect();
        assert_eq!(r, ["b", "d"]);
    }

    #[test]
    fn paths_of_keys() {
        let hi = Lang::parse("hi").unwrap();
        assert_eq!(
            path_of(&hi, &PageKey::Entry(Section::Tips, "rest".into())),
            PathBuf::from("content/hi/tips/rest.md")
        );
        assert_eq!(
            path_of(&hi, &PageKey::Home),
            PathBuf::from("content/hi/_index.md")
        );
    }
}
