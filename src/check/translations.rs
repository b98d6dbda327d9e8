//! `check --translations`, after the model: the [`Site`] in, a
//! report out.
//!
//! The translation status report (`handbook check --translations`): per section, which pages
//! exist in which language, and which translations are older than their source, the page in
//! the default language. "Older" means the source changed after the translation did; see
//! [`super::ages`] for how a file's last change is found.

use super::ages::{AgeSource, file_ages, iso_date};
use super::rules::{by_key, path_of};
use crate::model::lang::{Lang, PageKey, Section};
use crate::model::site::Site;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// The page in the default language, which the others translate.
    Source,
    /// A translation at least as new as its source (or with no source to compare with).
    Current,
    /// A translation whose source changed later: dates of both last changes.
    Outdated {
        source: i64,
        translation: i64,
    },
    Missing,
}

#[derive(Debug, Clone)]
pub struct Row {
    pub key: PageKey,
    /// One cell per configured language, in configuration order.
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone)]
pub struct Status {
    pub languages: Vec<Lang>,
    pub source_language: Lang,
    pub ages: AgeSource,
    /// `(group title, rows)`: one group per section, then the pages outside sections.
    pub groups: Vec<(String, Vec<Row>)>,
}

pub fn status(site: &Site) -> Status {
    let keys = by_key(site);
    let files: Vec<PathBuf> = site.pages.iter().map(|p| p.rel.clone()).collect();
    let (age_source, age) = file_ages(&site.config.root, &files);
    let source_lang = &site.config.default_language;
    let mut groups: Vec<(String, Vec<Row>)> = Section::ALL
        .iter()
        .map(|s| (format!("{}/", s.slug()), Vec::new()))
        .collect();
    groups.push(("pages outside the sections".into(), Vec::new()));
    for (key, langs) in keys {
        let source_age = langs
            .get(source_lang)
            .and_then(|p| age.get(&p.rel).copied());
        let cells = site
            .config
            .languages
            .iter()
            .map(|l| match langs.get(l) {
                None => Cell::Missing,
                Some(_) if l == source_lang => Cell::Source,
                Some(p) => match (source_age, age.get(&p.rel).copied()) {
                    (Some(s), Some(t)) if s > t => Cell::Outdated {
                        source: s,
                        translation: t,
                    },
                    _ => Cell::Current,
                },
            })
            .collect();
        let group = match key.section() {
            Some(s) => Section::ALL.iter().position(|x| *x == s).unwrap_or(0),
            None => Section::ALL.len(),
        };
        groups[group].1.push(Row {
            key: key.clone(),
            cells,
        });
    }
    groups.retain(|(_, rows)| !rows.is_empty());
    Status {
        languages: site.config.languages.clone(),
        source_language: source_lang.clone(),
        ages: age_source,
        groups,
    }
}

fn row_name(key: &PageKey) -> String {
    match key {
        PageKey::Home => "_index (home page)".into(),
        PageKey::SectionIndex(_) => "_index (section intro)".into(),
        PageKey::Standalone(s) | PageKey::Entry(_, s) => s.clone(),
    }
}

/// The report as a plain-text table per group, then a line per language and the files to
/// work on.
pub fn render(status: &Status) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Translation status (source language: {})\nFile ages: {}",
        status.source_language,
        status.ages.describe()
    );
    let cell_text = |lang: &Lang, c: &Cell| match c {
        Cell::Source => "source".to_string(),
        Cell::Current => "ok".to_string(),
        Cell::Missing => "missing".to_string(),
        Cell::Outdated {
            source,
            translation,
        } => format!(
            "outdated ({} changed {}, {lang} {})",
            status.source_language,
            iso_date(*source),
            iso_date(*translation)
        ),
    };
    for (title, rows) in &status.groups {
        let names: Vec<String> = rows.iter().map(|r| row_name(&r.key)).collect();
        let texts: Vec<Vec<String>> = rows
            .iter()
            .map(|r| {
                r.cells
                    .iter()
                    .zip(&status.languages)
                    .map(|(c, l)| cell_text(l, c))
                    .collect()
            })
            .collect();
        let first = names
            .iter()
            .map(|n| n.chars().count())
            .chain([title.chars().count()])
            .max()
            .unwrap_or(0);
        let widths: Vec<usize> = status
            .languages
            .iter()
            .enumerate()
            .map(|(i, l)| {
                texts
                    .iter()
                    .map(|t| t[i].chars().count())
                    .chain([l.as_str().len()])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let _ = writeln!(out);
        let mut header = format!("{title:<first$}");
        for (l, w) in status.languages.iter().zip(&widths) {
            let _ = write!(header, "  {:<w$}", l.as_str());
        }
        let _ = writeln!(out, "{}", header.trim_end());
        for (name, cells) in names.iter().zip(&texts) {
            let mut line = format!("{name:<first$}");
            for (c, w) in cells.iter().zip(&widths) {
                let _ = write!(line, "  {c:<w$}");
            }
            let _ = writeln!(out, "{}", line.trim_end());
        }
    }
    let _ = writeln!(out);
    for (i, lang) in status.languages.iter().enumerate() {
        if *lang == status.source_language {
            continue;
        }
        let rows = status.groups.iter().flat_map(|(_, r)| r);
        let total = rows.clone().count();
        let missing: Vec<&Row> = rows
            .clone()
            .filter(|r| r.cells[i] == Cell::Missing)
            .collect();
        let outdated: Vec<&Row> = rows
            .filter(|r| matches!(r.cells[i], Cell::Outdated { .. }))
            .collect();
        let _ = writeln!(
            out,
            "{lang}: {} of {total} pages translated, {} missing, {} outdated",
            total - missing.len(),
            missing.len(),
            outdated.len()
        );
        for (label, list) in [("missing", &missing), ("outdated", &outdated)] {
            for r in list.iter() {
                let _ = writeln!(
                    out,
                    "  {label:<8}  {}",
                    path_of(lang, &r.key).to_string_lossy().replace('\\', "/")
                );
            }
        }
    }
    out
}

/// Pages missing per language, for the summary of `check`.
pub fn missing_by_language(site: &Site) -> BTreeMap<Lang, Vec<PathBuf>> {
    let mut out: BTreeMap<Lang, Vec<PathBuf>> = BTreeMap::new();
    for (key, langs) in by_key(site) {
        for l in &site.config.languages {
            if !langs.contains_key(l) {
                out.entry(l.clone()).or_default().push(path_of(l, key));
            }
        }
    }
    out
}
