//! Shared test vectors: `tests/fixtures/search/vectors.json` pins what `analyze.rs` produces; the same file is
//! checked against `search.js` by `tests/e2e/specs/search-analyzer.test.js`, so the two sides cannot drift.
//!
//! To regenerate after an intended change: `BLESS=1 cargo test --test testsuite search`, then review the
//! diff (equivalence pairs must still share tokens, minimal pairs must still differ).

use std::path::PathBuf;

use handbook::search::analyze::{self, analyze};
use serde::{Deserialize, Serialize};

#[derive(Debug, Serialize, Deserialize, PartialEq)]
struct Vector {
    lang: String,
    text: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    note: String,
    /// Stems, in order: the search keys.
    tokens: Vec<String>,
    /// Normalised surface forms, in order.
    surfaces: Vec<String>,
    /// Indices of stop words among the tokens.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    stop: Vec<usize>,
    /// Romanised skeleton of each token (null for stop words and keyless words).
    #[serde(default)]
    skeletons: Vec<Option<String>>,
}

fn manifest_path(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn compute(v: &Vector) -> Vector {
    let tokens = analyze(&v.text);
    Vector {
        lang: v.lang.clone(),
        text: v.text.clone(),
        note: v.note.clone(),
        tokens: tokens.iter().map(|t| t.stem.clone()).collect(),
        surfaces: tokens.iter().map(|t| t.surface.clone()).collect(),
        stop: tokens
            .iter()
            .enumerate()
            .filter(|(_, t)| t.stop)
            .map(|(i, _)| i)
            .collect(),
        skeletons: tokens
            .iter()
            .map(|t| match (t.stop, t.devanagari) {
                (true, _) => None,
                (false, true) => analyze::skeleton_devanagari(&t.surface),
                (false, false) => analyze::skeleton_latin(&t.surface),
            })
            .collect(),
    }
}

/// One JSON object per line: reviewable diffs.
fn write_lines<T: Serialize>(items: &[T]) -> String {
    let lines: Vec<String> = items
        .iter()
        .map(|v| serde_json::to_string(v).expect("vectors serialise"))
        .collect();
    format!("[\n{}\n]\n", lines.join(",\n"))
}

#[test]
fn vectors_match_analyzer() {
    let path = manifest_path("tests/fixtures/search/vectors.json");
    let text =
        std::fs::read_to_string(&path).expect("tests/fixtures/search/vectors.json is readable");
    let vectors: Vec<Vector> =
        serde_json::from_str(&text).expect("tests/fixtures/search/vectors.json parses");
    assert!(vectors.len() >= 60, "at least 60 vectors");
    let computed: Vec<Vector> = vectors.iter().map(compute).collect();
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, write_lines(&computed)).expect("write vectors");
        return;
    }
    for (want, got) in vectors.iter().zip(&computed) {
        assert_eq!(want, got, "vector for {:?}", want.text);
    }
}

#[derive(Debug, Serialize, Deserialize, PartialEq)]
struct StemCase(String, String);

/// A larger list of words (seed texts plus synthetic inflections) and their stems, used to
/// measure Rust/JS stemmer agreement word for word.
#[test]
fn stem_list_matches_stemmers() {
    let path = manifest_path("tests/fixtures/search/stems.json");
    let text =
        std::fs::read_to_string(&path).expect("tests/fixtures/search/stems.json is readable");
    let cases: Vec<StemCase> = serde_json::from_str(&text).expect("stems.json parses");
    let stem = |w: &str| {
        if analyze::is_devanagari(w) {
            analyze::stem_hindi(w)
        } else {
            analyze::stem_english(w)
        }
    };
    let computed: Vec<StemCase> = cases
        .iter()
        .map(|c| StemCase(c.0.clone(), stem(&c.0)))
        .collect();
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, write_lines(&computed)).expect("write stems");
        return;
    }
    assert_eq!(cases, computed);
}

/// `search.js` carries any_ascii's Devanagari table (for highlighting romanised hits, in its
/// part `40-romanise.js`); it must be the crate's table.
#[test]
fn js_devanagari_table_matches_any_ascii() {
    let part = "themes/default/static/js/search/40-romanise.js";
    let js = std::fs::read_to_string(manifest_path(part)).expect(part);
    let start = js
        .find("var DEVA_ASCII = ")
        .expect("DEVA_ASCII in search.js")
        + "var DEVA_ASCII = ".len();
    let end = start + js[start..].find(';').expect("end of DEVA_ASCII");
    let table: Vec<String> = serde_json::from_str(&js[start..end]).expect("DEVA_ASCII is JSON");
    assert_eq!(table.len(), 0x80);
    for (i, got) in table.iter().enumerate() {
        let c = char::from_u32(0x900 + i as u32).expect("valid char");
        assert_eq!(got, any_ascii::any_ascii_char(c), "U+{:04X}", 0x900 + i);
    }
}

#[derive(Deserialize)]
struct Pairs {
    same: Vec<(String, String, String)>,
    different: Vec<(String, String)>,
    families: Vec<Vec<String>>,
    known_splits: Vec<Vec<String>>,
    romanised: Vec<(String, String)>,
}

fn stems_of(text: &str) -> Vec<String> {
    analyze(text).into_iter().map(|t| t.stem).collect()
}

/// `tests/fixtures/search/pairs.json` (also run against `search.js`): spelling variants meet,
/// minimal pairs stay apart, inflection families share a stem, romanised spellings share a
/// skeleton key. Targets from HINDI.md §8: 100% of variants, 0 false merges.
#[test]
fn pairs_hold() {
    let path = manifest_path("tests/fixtures/search/pairs.json");
    let text =
        std::fs::read_to_string(&path).expect("tests/fixtures/search/pairs.json is readable");
    let pairs: Pairs = serde_json::from_str(&text).expect("pairs.json parses");
    assert!(pairs.different.len() >= 20, "at least 20 minimal pairs");
    assert!(pairs.families.len() >= 30, "at least 30 families");
    for (a, b, note) in &pairs.same {
        assert!(!stems_of(a).is_empty(), "{a} gives a token");
        assert_eq!(stems_of(a), stems_of(b), "{a} = {b} ({note})");
    }
    for (a, b) in &pairs.different {
        assert_ne!(stems_of(a), stems_of(b), "{a} and {b} must stay apart");
    }
    for family in &pairs.families {
        let first = stems_of(&family[0]);
        for word in &family[1..] {
            assert_eq!(stems_of(word), first, "{word} should meet {}", family[0]);
        }
    }
    for family in &pairs.known_splits {
        let distinct: std::collections::BTreeSet<Vec<String>> =
            family.iter().map(|w| stems_of(w)).collect();
        assert!(
            distinct.len() > 1,
            "{family:?} now shares one stem: move it to `families`"
        );
    }
    for (deva, latin) in &pairs.romanised {
        let surface = analyze(deva)
            .into_iter()
            .next()
            .map(|t| t.surface)
            .unwrap_or_default();
        let key = analyze::skeleton_devanagari(&surface);
        assert!(key.is_some(), "{deva} has a skeleton key");
        assert_eq!(
            key,
            analyze::skeleton_latin(latin),
            "{deva} ~ {latin}: same skeleton"
        );
    }
}
