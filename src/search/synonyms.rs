//! Search synonyms as data: `i18n/synonyms.txt`, everyday equivalents the text may not use
//! (सीवी ↔ रिज़्यूमे, layoff ↔ छँटनी, ghosted ↔ "जवाब नहीं आया").
//!
//! Stage: read when the index is built. The file is compiled into `handbook` (like the
//! built-in `main.ftl`), analysed into stems here and written into every language's index
//! manifest (`aliases`), where `search.js` (`60-rank.js`) reads it: the browser needs no copy
//! of the file and cannot drift from it. `handbook check` validates a site's
//! `i18n/synonyms.txt` with [`check_file`].
//!
//! Format (also in CONTRIBUTING.md, "Search synonyms"): one group per line, entries separated
//! by ` = `; an entry is a word or a short phrase (a phrase is found where all its words are);
//! `#` starts a comment line; blank lines are ignored.

use std::path::Path;

use super::analyze::analyze;
use crate::diagnostics::Diagnostic;

/// The handbook's own synonyms, compiled in.
pub const BUILTIN: &str = include_str!("../../i18n/synonyms.txt");
/// Where a site keeps the file, relative to its root.
pub const FILE: &str = "i18n/synonyms.txt";
/// The longest phrase, in words: a longer one is a sentence, not a synonym.
const MAX_PHRASE_WORDS: usize = 4;

/// A problem in the file: 1-based line and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub message: String,
}

/// The groups of the file, each entry as written (trimmed), or every problem found.
pub fn parse(text: &str) -> Result<Vec<Vec<String>>, Vec<Problem>> {
    let mut groups = Vec::new();
    let mut problems = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut problem = |message: String| {
            problems.push(Problem {
                line: n + 1,
                message,
            })
        };
        let entries: Vec<String> = line.split('=').map(|e| e.trim().to_owned()).collect();
        if entries.len() < 2 {
            problem(format!(
                "a synonym line needs at least two entries separated by \" = \", got {line:?}"
            ));
            continue;
        }
        let mut ok = true;
        for (i, entry) in entries.iter().enumerate() {
            let words = analyze(entry);
            if entry.is_empty() {
                problem(format!(
                    "entry {} is empty (two \"=\" in a row, or one at an end)",
                    i + 1
                ));
                ok = false;
            } else if words.is_empty() {
                problem(format!("entry {entry:?} has no word that search can use"));
                ok = false;
            } else if words.iter().all(|w| w.stop) {
                problem(format!(
                    "entry {entry:?} has only function words (the, का, में …), which search ignores"
                ));
                ok = false;
            } else if words.len() > MAX_PHRASE_WORDS {
                problem(format!(
                    "entry {entry:?} has {} words; a synonym is a word or a phrase of at most {MAX_PHRASE_WORDS}",
                    words.len()
                ));
                ok = false;
            }
        }
        if ok {
            groups.push(entries);
        }
    }
    if problems.is_empty() {
        Ok(groups)
    } else {
        Err(problems)
    }
}

/// An entry as the query side looks it up: its words' stems, space-separated, without stop
/// words ([`parse`] refuses an entry of stop words only).
fn entry_key(entry: &str) -> String {
    analyze(entry)
        .iter()
        .filter(|t| !t.stop)
        .map(|t| t.stem.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The groups of `text` analysed into keys for the index manifest: entries that analyse the
/// same are listed once, groups left with one key are dropped. A file that does not parse
/// gives the groups of its good lines (a build does not fail on it; `check` reports it).
pub fn alias_groups(text: &str) -> Vec<Vec<String>> {
    let groups = match parse(text) {
        Ok(groups) => groups,
        Err(_) => {
            let good: String = text
                .lines()
                .filter(|l| parse(l).is_ok())
                .collect::<Vec<_>>()
                .join("\n");
            parse(&good).unwrap_or_default()
        }
    };
    groups
        .iter()
        .filter_map(|group| {
            let mut keys: Vec<String> = Vec::new();
            for entry in group {
                let key = entry_key(entry);
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
            (keys.len() >= 2).then_some(keys)
        })
        .collect()
}

/// `check`: the site's synonyms file, if it has one, as diagnostics with file and line.
pub fn check_file(root: &Path) -> Vec<Diagnostic> {
    let path = root.join(FILE);
    let Ok(text) = std::fs::read_to_string(&path) else {
        if path.exists() {
            return vec![Diagnostic::error(
                FILE,
                0,
                "the synonyms file cannot be read as UTF-8 text",
            )];
        }
        return Vec::new();
    };
    match parse(&text) {
        Ok(_) => Vec::new(),
        Err(problems) => problems
            .into_iter()
            .map(|p| Diagnostic::error(FILE, p.line, p.message))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_handbooks_file_is_valid_and_bridges_both_scripts() {
        let groups = parse(BUILTIN).expect("i18n/synonyms.txt is valid");
        assert!(groups.len() >= 20);
        let keys = alias_groups(BUILTIN);
        let find = |k: &str| keys.iter().find(|g| g.iter().any(|e| e == k));
        let layoff = find("layoff").expect("layoff has a group");
        assert!(
            layoff.contains(&"छंटन".to_owned()) || layoff.iter().any(|e| e.starts_with("छंट")),
            "{layoff:?}"
        );
        // A phrase keeps its content words, without the stop word नहीं.
        let ghosted = find("ghost").expect("ghosted has a group");
        assert!(ghosted.iter().any(|e| e.contains(' ')), "{ghosted:?}");
    }

    #[test]
    fn problems_name_the_line() {
        let text = "# comment\n\njob = naukri\nlonely\nab = \n= b\nx = the\nfeedback = Feedback\none = ab bc cd de ef\ny = …\n";
        let problems = parse(text).unwrap_err();
        let lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [4, 5, 6, 7, 9, 10], "{problems:?}");
        assert!(problems[0].message.contains("at least two entries"));
        assert!(problems[1].message.contains("empty"));
        assert!(
            problems[3].message.contains("only function words"),
            "{problems:?}"
        );
        assert!(problems[4].message.contains("5 words"));
        assert!(problems[5].message.contains("no word"));
        // The good line still reaches the index; "feedback = Feedback" is one key, no group.
        assert_eq!(alias_groups(text), [["job", "naukri"]]);
    }
}
