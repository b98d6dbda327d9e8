//! Stage 0, interface strings: the config and `i18n/` in, an [`I18n`] every later stage formats
//! messages with.
//!
//! Interface strings in Project Fluent, one bundle per language. The default theme's strings
//! (`i18n/<lang>/main.ftl`) are compiled in; a site's own `i18n/<lang>/<file>.ftl` replaces the
//! built-in file of the same name and adds others (such as `tags.ftl`).
//!
//! Bundles are the concurrent kind so Tera's functions (which must be `Send + Sync`) can call
//! them while pages render in parallel; Unicode isolation marks are off, or U+2068/U+2069 would
//! leak into HTML and the search index.

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::lang::Lang;
use anyhow::{Context, Result};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use include_dir::{Dir, include_dir};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

static BUILTIN: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/i18n");
/// Only the interface file is built in; tag names and other site files belong to the site.
const BUILTIN_FILES: &[&str] = &["main.ftl"];
pub const I18N_DIR: &str = "i18n";

pub struct I18n {
    bundles: BTreeMap<Lang, FluentBundle<FluentResource>>,
    /// Message ids per language, and the file that defines each, for completeness checks.
    ids: BTreeMap<Lang, BTreeMap<String, (PathBuf, usize)>>,
}

/// An argument to a message.
#[derive(Clone, Copy)]
pub enum Arg<'a> {
    Str(&'a str),
    Num(f64),
}

impl I18n {
    pub fn load(config: &Config, diags: &mut Diagnostics) -> Result<I18n> {
        let mut bundles = BTreeMap::new();
        let mut ids = BTreeMap::new();
        for lang in &config.languages {
            let mut files: BTreeMap<String, (PathBuf, String)> = BTreeMap::new();
            if let Some(dir) = BUILTIN.get_dir(lang.as_str()) {
                for f in dir.files() {
                    let name = f
                        .path()
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    if BUILTIN_FILES.contains(&name.as_str())
                        && let Some(text) = f.contents_utf8()
                    {
                        files.insert(
                            name.clone(),
                            (
                                PathBuf::from(I18N_DIR).join(lang.as_str()).join(&name),
                                text.to_string(),
                            ),
                        );
                    }
                }
            }
            let site_dir = config.root.join(I18N_DIR).join(lang.as_str());
            if site_dir.is_dir() {
                let mut entries: Vec<_> = std::fs::read_dir(&site_dir)
                    .with_context(|| format!("cannot read `{}`", site_dir.display()))?
                    .filter_map(|e| e.ok())
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
                    .collect();
                entries.sort();
                for path in entries {
                    let rel = PathBuf::from(I18N_DIR)
                        .join(lang.as_str())
                        .join(path.file_name().unwrap_or_default());
                    match std::fs::read(&path).map(String::from_utf8) {
                        Ok(Ok(text)) => {
                            let name = rel
                                .file_name()
                                .map(|n| n.to_string_lossy().into_owned())
                                .unwrap_or_default();
                            files.insert(
                                name,
                                (
                                    rel,
                                    text.trim_start_matches('\u{feff}').replace("\r\n", "\n"),
                                ),
                            );
                        }
                        Ok(Err(_)) => diags.push(Diagnostic::error(
                            &rel,
                            0,
                            "the file is not valid UTF-8 text",
                        )),
                        Err(e) => {
                            diags.push(Diagnostic::error(&rel, 0, format!("cannot read: {e}")))
                        }
                    }
                }
            }
            let langid = lang.as_str().parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            bundle.set_use_isolating(false);
            let mut lang_ids: BTreeMap<String, (PathBuf, usize)> = BTreeMap::new();
            for (rel, text) in files.into_values() {
                let resource = match FluentResource::try_new(text.clone()) {
                    Ok(r) => r,
                    Err((r, errors)) => {
                        for e in errors {
                            let line =
                                text[..e.pos.start.min(text.len())].matches('\n').count() + 1;
                            diags.push(Diagnostic::error(
                                &rel,
                                line,
                                format!("Fluent syntax error: {}", e.kind),
                            ));
                        }
                        r
                    }
                };
                for entry in resource.entries() {
                    if let fluent_syntax::ast::Entry::Message(m) = entry {
                        let id = m.id.name.to_string();
                        let line = line_of_message(&text, &id);
                        if let Some((first, _)) = lang_ids.get(&id) {
                            diags.push(
                                Diagnostic::error(
                                    &rel,
                                    line,
                                    format!(
                                        "message is defined twice (also in `{}`)",
                                        display(first)
                                    ),
                                )
                                .field(id.clone()),
                            );
                            continue;
                        }
                        lang_ids.insert(id, (rel.clone(), line));
                    }
                }
                bundle.add_resource_overriding(resource);
            }
            bundles.insert(lang.clone(), bundle);
            ids.insert(lang.clone(), lang_ids);
        }
        let i18n = I18n { bundles, ids };
        i18n.check_complete(diags);
        Ok(i18n)
    }

    /// A message present in one language but missing in another is an error naming both.
    fn check_complete(&self, diags: &mut Diagnostics) {
        let all: BTreeSet<&String> = self.ids.values().flat_map(|m| m.keys()).collect();
        for (lang, ids) in &self.ids {
            for id in &all {
                if !ids.contains_key(*id) {
                    let (file, _) = self
                        .ids
                        .values()
                        .find_map(|m| m.get(*id))
                        .cloned()
                        .unwrap_or_default();
                    let expected = PathBuf::from(I18N_DIR)
                        .join(lang.as_str())
                        .join(file.file_name().unwrap_or_default());
                    diags.push(
                        Diagnostic::error(
                            &expected,
                            0,
                            format!(
                                "message is missing in language `{lang}` (it exists in `{}`)",
                                display(&file)
                            ),
                        )
                        .field(id.to_string()),
                    );
                }
            }
        }
    }

    pub fn has(&self, lang: &Lang, id: &str) -> bool {
        self.ids.get(lang).is_some_and(|m| m.contains_key(id))
    }

    /// Every message of a language with the file (relative to the site root) and the line that
    /// define it, in id order, for `check`'s rules that point at a definition.
    pub fn definitions(&self, lang: &Lang) -> impl Iterator<Item = (&str, &Path, usize)> {
        self.ids.get(lang).into_iter().flat_map(|m| {
            m.iter()
                .map(|(id, (file, line))| (id.as_str(), file.as_path(), *line))
        })
    }

    /// Where a message is defined, for diagnostics that point at it.
    pub fn message_ids(&self, lang: &Lang) -> impl Iterator<Item = &str> {
        self.ids
            .get(lang)
            .into_iter()
            .flat_map(|m| m.keys().map(String::as_str))
    }

    /// Formats a message; a missing message or a formatting error is an `Err` naming it.
    pub fn format(&self, lang: &Lang, id: &str, args: &[(&str, Arg)]) -> Result<String, String> {
        let bundle = self
            .bundles
            .get(lang)
            .ok_or_else(|| format!("no messages for language `{lang}`"))?;
        let msg = bundle
            .get_message(id)
            .ok_or_else(|| format!("Fluent message `{id}` is missing in language `{lang}`"))?;
        let pattern = msg
            .value()
            .ok_or_else(|| format!("Fluent message `{id}` has no value in language `{lang}`"))?;
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            match v {
                Arg::Str(s) => fargs.set(*k, FluentValue::from(*s)),
                Arg::Num(n) => fargs.set(*k, FluentValue::from(*n)),
            }
        }
        let mut errors = Vec::new();
        let out = bundle.format_pattern(pattern, Some(&fargs), &mut errors);
        if let Some(e) = errors.first() {
            return Err(format!("Fluent message `{id}` in `{lang}`: {e}"));
        }
        Ok(out.into_owned())
    }

    /// The forms of a count message for a script that chooses among them at run time: one text
    /// per CLDR plural category of `lang`, with `%n` where the number goes, plus `none`, the
    /// text for exactly zero (a `[0]` variant, else the form CLDR picks for 0).
    ///
    /// Why: the plural rules stay in the Fluent file, where a translator writes one message
    /// with a selector on `$count`; the browser only picks the category with
    /// `Intl.PluralRules`, which follows the same CLDR data (Hindi puts 0 and 1 in `one`).
    /// Each category is formatted with the smallest whole number ≥ 1 in it (0 is left to
    /// `none`, so a `[0]` variant never stands in for a whole category).
    pub fn plural_forms(
        &self,
        lang: &Lang,
        id: &str,
        arg: &str,
    ) -> Result<Vec<(String, String)>, String> {
        self.plural_forms_with(lang, id, arg, &[])
    }

    /// [`plural_forms`](Self::plural_forms) of a message that has more arguments than the
    /// number it selects on: `extra` are passed as they are to every form (a script's
    /// placeholder such as `Arg::Str("%m")` for a second number).
    pub fn plural_forms_with(
        &self,
        lang: &Lang,
        id: &str,
        arg: &str,
        extra: &[(&str, Arg)],
    ) -> Result<Vec<(String, String)>, String> {
        use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
        let langid: unic_langid::LanguageIdentifier = lang
            .as_str()
            .parse()
            .map_err(|_| format!("`{lang}` is not a language identifier"))?;
        let rules = PluralRules::create(langid, PluralRuleType::CARDINAL)
            .map_err(|e| format!("no plural rules for `{lang}`: {e}"))?;
        let with_number = |n: u32| -> Result<String, String> {
            let mut args = vec![(arg, Arg::Num(f64::from(n)))];
            args.extend(extra.iter().map(|(k, v)| (*k, *v)));
            let text = self.format(lang, id, &args)?;
            Ok(text.replacen(&n.to_string(), "%n", 1))
        };
        let mut forms = vec![("none".to_string(), with_number(0)?)];
        let mut seen = BTreeSet::new();
        for n in 1..=1000u32 {
            let Ok(category) = rules.select(n) else {
                continue;
            };
            let name = match category {
                PluralCategory::ZERO => "zero",
                PluralCategory::ONE => "one",
                PluralCategory::TWO => "two",
                PluralCategory::FEW => "few",
                PluralCategory::MANY => "many",
                PluralCategory::OTHER => "other",
            };
            if seen.insert(name) {
                forms.push((name.to_string(), with_number(n)?));
            }
        }
        Ok(forms)
    }

    /// Like [`format`](Self::format) for callers that already checked the message exists.
    pub fn text(&self, lang: &Lang, id: &str) -> String {
        self.format(lang, id, &[])
            .unwrap_or_else(|_| id.to_string())
    }
}

fn display(p: &std::path::Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}

fn line_of_message(text: &str, id: &str) -> usize {
    text.lines()
        .position(|l| {
            l.strip_prefix(id)
                .is_some_and(|r| r.trim_start().starts_with('='))
        })
        .map_or(0, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Overrides;

    fn load(files: &[(&str, &str)]) -> (I18n, Diagnostics) {
        let dir = tempfile::tempdir().unwrap();
        for (path, text) in files {
            let p = dir.path().join(path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        let config = Config::load(dir.path(), &Overrides::default()).unwrap();
        let mut diags = Diagnostics::default();
        let i18n = I18n::load(&config, &mut diags).unwrap();
        (i18n, diags)
    }

    #[test]
    fn hindi_plurals_put_zero_and_one_together() {
        let (i18n, diags) = load(&[]);
        assert!(diags.0.is_empty(), "{diags}");
        let hi = Lang::parse("hi").unwrap();
        let en = Lang::parse("en").unwrap();
        let count = |l: &Lang, n: f64| {
            i18n.format(l, "count-stories", &[("count", Arg::Num(n))])
                .unwrap()
        };
        assert_eq!(count(&hi, 0.0), "0 कहानी");
        assert_eq!(count(&hi, 1.0), "1 कहानी");
        assert_eq!(count(&hi, 2.0), "2 कहानियाँ");
        assert_eq!(count(&en, 1.0), "1 story");
        assert_eq!(count(&en, 0.0), "0 stories");
    }

    #[test]
    fn plural_forms_for_scripts_follow_cldr() {
        let (i18n, _) = load(&[]);
        let hi = Lang::parse("hi").unwrap();
        let en = Lang::parse("en").unwrap();
        let forms = |l: &Lang| i18n.plural_forms(l, "search-count", "count").unwrap();
        let hi_forms = forms(&hi);
        assert_eq!(hi_forms[1], ("one".into(), "%n नतीजा".into()));
        assert_eq!(hi_forms[2], ("other".into(), "%n नतीजे".into()));
        assert_eq!(hi_forms.len(), 3);
        assert!(!hi_forms[0].1.contains("%n"), "{:?}", hi_forms[0]);
        let en_forms = forms(&en);
        assert_eq!(en_forms[1], ("one".into(), "%n result".into()));
        assert_eq!(en_forms[2], ("other".into(), "%n results".into()));
        // Without a [0] variant, zero takes the form CLDR gives it.
        let count = forms(&hi).into_iter().map(|(c, _)| c).collect::<Vec<_>>();
        assert_eq!(count, ["none", "one", "other"]);
        let stories = i18n.plural_forms(&hi, "count-stories", "count").unwrap();
        assert_eq!(stories[0], ("none".into(), "%n कहानी".into()));
        assert!(i18n.plural_forms(&hi, "no-such-message", "count").is_err());
    }

    #[test]
    fn no_isolation_marks_in_output() {
        let (i18n, _) = load(&[]);
        let out = i18n
            .format(
                &Lang::parse("en").unwrap(),
                "published-on",
                &[("date", Arg::Str("1 May 2025"))],
            )
            .unwrap();
        assert_eq!(out, "Published 1 May 2025");
    }

    #[test]
    fn site_files_override_builtin_ones_and_missing_messages_are_named() {
        let (i18n, diags) = load(&[
            ("i18n/en/main.ftl", "site-title = Mine\n"),
            ("i18n/en/extra.ftl", "only-en = x\n"),
        ]);
        let en = Lang::parse("en").unwrap();
        assert_eq!(i18n.text(&en, "site-title"), "Mine");
        let missing: Vec<_> = diags.0.iter().filter_map(|d| d.field.clone()).collect();
        assert!(missing.contains(&"only-en".to_string()), "{diags}");
        assert!(
            missing.contains(&"nav-home".to_string()),
            "the replaced main.ftl lacks nav-home: {diags}"
        );
        let err = i18n.format(&en, "nope", &[]).unwrap_err();
        assert!(err.contains("`nope`") && err.contains("`en`"), "{err}");
    }

    #[test]
    fn syntax_errors_have_lines() {
        let (_, diags) = load(&[
            ("i18n/hi/tags.ftl", "tag-a = क\n\ntag-b = { $\n"),
            ("i18n/en/tags.ftl", "tag-a = a\ntag-b = b\n"),
        ]);
        let d = diags
            .0
            .iter()
            .find(|d| d.message.contains("syntax"))
            .expect("syntax error reported");
        assert_eq!(d.line, 3, "{d:?}");
    }

    /// A syntax error in one message leaves the others in the file checked: a message
    /// written twice after the broken one is still reported, in the same run.
    #[test]
    fn messages_after_a_syntax_error_are_still_checked() {
        let (i18n, diags) = load(&[
            (
                "i18n/hi/tags.ftl",
                "tag-a = क\n\ntag-b = { $\n\ntag-c = ग\ntag-c = ग\n",
            ),
            ("i18n/en/tags.ftl", "tag-a = a\ntag-b = b\ntag-c = c\n"),
        ]);
        let found: Vec<_> = diags
            .0
            .iter()
            .map(|d| (d.line, d.message.as_str()))
            .collect();
        assert!(
            found.iter().any(|(l, m)| *l == 3 && m.contains("syntax")),
            "{found:?}"
        );
        assert!(found.iter().any(|(_, m)| m.contains("twice")), "{found:?}");
        let hi = Lang::parse("hi").unwrap();
        assert!(i18n.has(&hi, "tag-a") && i18n.has(&hi, "tag-c"));
    }
}
