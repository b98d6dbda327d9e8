//! `check`, the word lists: `i18n/<lang>/words.txt` and the site in, a warning out for every
//! variant a page or a message uses where the list prefers another form.
//!
//! The list is the spelling and terminology rules of CONTRIBUTING.md ("Word lists") made
//! checkable, one rule a line: `preferred <- variant, variant`. A form matches as whole
//! words, exactly (both sides in NFC); it is looked for in the visible text of a page (its
//! title, summary and body, not code or link addresses) and in the messages of `i18n/<lang>/`.

use crate::content::markdown::LineIndex;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::lang::Lang;
use crate::model::site::Site;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

pub const WORDS_FILE: &str = "words.txt";

/// One variant to warn about.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Rule {
    variant: String,
    preferred: String,
    /// Line of the rule in the list, for the warning.
    line: usize,
}

/// The rules of one language, by the first word of each variant.
#[derive(Debug, Default)]
pub struct WordList {
    file: PathBuf,
    by_first_word: HashMap<String, Vec<Rule>>,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// The words of `text` (runs of letters, digits and marks), with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start: Option<usize> = None;
    let mut chars = text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')));
    std::iter::from_fn(move || {
        for (i, c) in chars.by_ref() {
            match (start, is_word_char(c) && i < text.len()) {
                (None, true) => start = Some(i),
                (Some(s), false) => {
                    start = None;
                    return Some((s, &text[s..i]));
                }
                _ => {}
            }
        }
        None
    })
}

impl WordList {
    /// Reads the list; each line it cannot use is a warning on the list itself.
    pub fn parse(file: &Path, text: &str, diags: &mut Vec<Diagnostic>) -> WordList {
        let mut list = WordList {
            file: file.to_path_buf(),
            by_first_word: HashMap::new(),
        };
        let mut preferred_forms: BTreeMap<String, usize> = BTreeMap::new();
        let mut variants: BTreeMap<String, usize> = BTreeMap::new();
        let mut rules = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let l = raw.trim();
            if l.is_empty() || l.starts_with('#') {
                continue;
            }
            let Some((preferred, rest)) = l.split_once("<-") else {
                diags.push(Diagnostic::warning(
                    file,
                    line,
                    "a rule is `preferred <- variant, variant`: this line has no `<-`",
                ));
                continue;
            };
            let preferred: String = preferred.trim().nfc().collect();
            let forms: Vec<String> = rest
                .split(',')
                .map(|v| v.trim().nfc().collect::<String>())
                .collect();
            if preferred.is_empty() || forms.iter().any(String::is_empty) {
                diags.push(Diagnostic::warning(
                    file,
                    line,
                    "a rule needs a preferred form before `<-` and variants after it, separated by commas",
                ));
                continue;
            }
            preferred_forms.entry(preferred.clone()).or_insert(line);
            for variant in forms {
                if let Some(first) = variants.get(&variant) {
                    diags.push(Diagnostic::warning(
                        file,
                        line,
                        format!("\"{variant}\" is already a variant on line {first}"),
                    ));
                    continue;
                }
                variants.insert(variant.clone(), line);
                rules.push(Rule {
                    variant,
                    preferred: preferred.clone(),
                    line,
                });
            }
        }
        for (variant, line) in &variants {
            if let Some(p) = preferred_forms.get(variant) {
                diags.push(Diagnostic::warning(
                    file,
                    *line,
                    format!("\"{variant}\" is a variant here and the preferred form on line {p}"),
                ));
            }
        }
        for rule in rules {
            let first = words(&rule.variant).next().map(|(_, w)| w.to_string());
            if let Some(first) = first {
                list.by_first_word.entry(first).or_default().push(rule);
            }
        }
        list
    }

    /// Every variant in `text`, as (byte offset, rule).
    fn find<'a>(&'a self, text: &str) -> Vec<(usize, &'a Rule)> {
        let mut found = Vec::new();
        for (at, word) in words(text) {
            let Some(rules) = self.by_first_word.get(word) else {
                continue;
            };
            // The longest form that matches here, ending at a word boundary.
            let best = rules
                .iter()
                .filter(|r| {
                    text[at..].starts_with(r.variant.as_str())
                        && text[at + r.variant.len()..]
                            .chars()
                            .next()
                            .is_none_or(|c| !is_word_char(c))
                })
                .max_by_key(|r| r.variant.len());
            if let Some(rule) = best {
                found.push((at, rule));
            }
        }
        found
    }

    fn warning(&self, file: &Path, line: usize, column: usize, rule: &Rule) -> Diagnostic {
        Diagnostic::warning(
            file,
            line,
            format!(
                "\"{}\": write \"{}\" ({}:{})",
                rule.variant,
                rule.preferred,
                self.file.to_string_lossy().replace('\\', "/"),
                rule.line
            ),
        )
        .column(column)
    }

    /// Warnings for one line of a file, `line` 1-based.
    fn check_line(&self, file: &Path, line: usize, text: &str, out: &mut Vec<Diagnostic>) {
        let nfc;
        let (text, exact) = if unicode_normalization::is_nfc(text) {
            (text, true)
        } else {
            nfc = text.nfc().collect::<String>();
            (nfc.as_str(), false)
        };
        for (at, rule) in self.find(text) {
            // Columns are only right in text that was NFC already.
            out.push(self.warning(file, line, if exact { at + 1 } else { 0 }, rule));
        }
    }
}

/// The word lists of the configured languages, read from `i18n/<lang>/words.txt`.
pub fn load(site: &Site, diags: &mut Diagnostics) -> BTreeMap<Lang, WordList> {
    let mut lists = BTreeMap::new();
    for lang in &site.config.languages {
        let rel = Path::new("i18n").join(lang.as_str()).join(WORDS_FILE);
        let Ok(text) = std::fs::read_to_string(site.config.root.join(&rel)) else {
            continue;
        };
        let mut problems = Vec::new();
        let list = WordList::parse(&rel, &text, &mut problems);
        diags.extend(problems);
        lists.insert(lang.clone(), list);
    }
    lists
}

/// The rule: every page and every message of a language against its list.
pub fn check(site: &Site, diags: &mut Diagnostics) {
    let lists = load(site, diags);
    if lists.is_empty() {
        return;
    }
    let found: Vec<Vec<Diagnostic>> = site
        .pages
        .par_iter()
        .map(|page| {
            let mut out = Vec::new();
            let Some(list) = lists.get(&page.lang) else {
                return out;
            };
            let Ok(text) = std::fs::read_to_string(site.config.root.join(&page.rel)) else {
                return out;
            };
            let front_lines = front_matter_lines(&text);
            // The title and summary, on the lines that hold them.
            {
                for (i, l) in text.lines().enumerate().take(front_lines) {
                    for key in ["title:", "summary:"] {
                        if let Some(value) = l.strip_prefix(key) {
                            let start = l.len() - value.len();
                            let mut found = Vec::new();
                            list.check_line(&page.rel, i + 1, value, &mut found);
                            for d in &mut found {
                                if d.column > 0 {
                                    d.column += start;
                                }
                            }
                            out.extend(found);
                        }
                    }
                }
            }
            // The body's text: code and link addresses are not text events.
            let lines = LineIndex::new(&page.body);
            let mut in_code = false;
            for (event, range) in Parser::new(&page.body).into_offset_iter() {
                match &event {
                    Event::Start(Tag::CodeBlock(_)) => in_code = true,
                    Event::End(TagEnd::CodeBlock) => in_code = false,
                    _ => {}
                }
                if let Event::Text(t) = event
                    && !in_code
                    && page.body.get(range.clone()) == Some(&*t)
                {
                    let (line, column) = lines.at(range.start);
                    let mut found = Vec::new();
                    list.check_line(&page.rel, line + front_lines, &t, &mut found);
                    for d in &mut found {
                        if d.column > 0 {
                            d.column += column - 1;
                        }
                    }
                    out.extend(found);
                }
            }
            out
        })
        .collect();
    diags.extend(found.into_iter().flatten());
    for (lang, list) in &lists {
        let dir = Path::new("i18n").join(lang.as_str());
        let Ok(entries) = std::fs::read_dir(site.config.root.join(&dir)) else {
            continue;
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok())
            .map(|e| dir.join(e.file_name()))
            .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
            .collect();
        files.sort();
        for file in files {
            check_messages(site, &file, list, diags);
        }
    }
}

/// The lines before a page's body: the front matter between its two `---` lines.
fn front_matter_lines(text: &str) -> usize {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.lines();
    if lines.next().map(str::trim_end) != Some("---") {
        return 0;
    }
    lines
        .position(|l| l.trim_end() == "---")
        .map_or(0, |i| i + 2)
}

/// The messages of one Fluent file.
fn check_messages(site: &Site, file: &Path, list: &WordList, diags: &mut Diagnostics) {
    let Ok(text) = std::fs::read_to_string(site.config.root.join(file)) else {
        return;
    };
    let mut out = Vec::new();
    for (i, l) in text.lines().enumerate() {
        if l.trim_start().starts_with('#') {
            continue;
        }
        // The value of `id = value`, or a continuation line.
        let value_start = match l.split_once('=') {
            Some((id, _)) if !id.starts_with(' ') && !id.trim().contains(' ') => id.len() + 1,
            _ => 0,
        };
        let mut found = Vec::new();
        list.check_line(file, i + 1, &l[value_start..], &mut found);
        for d in &mut found {
            if d.column > 0 {
                d.column += value_start;
            }
        }
        out.extend(found);
    }
    diags.extend(out);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(text: &str) -> (WordList, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let l = WordList::parse(Path::new("i18n/hi/words.txt"), text, &mut diags);
        (l, diags)
    }

    #[test]
    fn whole_words_exactly_longest_form_first() {
        let (l, d) = list("# c\nख़ुद <- खुद\nअपनी फ़ील्ड <- अपने फ़ील्ड\nresume <- résumé\n");
        assert!(d.is_empty(), "{d:?}");
        let found = |t: &str| {
            l.find(t)
                .into_iter()
                .map(|(at, r)| (at, r.preferred.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(found("मैं खुद गया"), [(10, "ख़ुद".to_string())]);
        // Not inside a longer word (a vowel sign after it is part of the word).
        assert!(found("खुदा").is_empty() && found("खुदे").is_empty());
        assert_eq!(found("अपने फ़ील्ड में").len(), 1);
        assert!(found("Résumé").is_empty());
        assert_eq!(found("a résumé."), [(2, "resume".to_string())]);
    }

    #[test]
    fn list_problems_name_their_line() {
        let (_, d) = list("a <- b\nno arrow\nc <- b\nb <- x\n <- y\n");
        let lines: Vec<_> = d.iter().map(|d| d.line).collect();
        assert_eq!(lines, [2, 3, 5, 1], "{d:?}");
        assert!(d[3].message.contains("preferred form on line 4"), "{d:?}");
    }
}
