//! The benchmark corpus (`examples/corpus.rs`): the same seed gives the same bytes, and what it
//! writes is a site that builds and passes `handbook check --strict` with nothing to report.

use crate::corpus_gen::{Options, write_corpus};
use crate::support::*;

/// Big enough for every section, links with anchors and worksheets; small enough to be cheap.
const PAGES: usize = 24;

fn generate(seed: u64) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let opts = Options {
        pages_per_lang: PAGES,
        seed,
    };
    write_corpus(&opts, dir.path()).expect("corpus written");
    dir
}

#[test]
fn same_seed_same_bytes() {
    let a = generate(7);
    let b = generate(7);
    let c = generate(8);
    let (ta, tb, tc) = (tree(a.path()), tree(b.path()), tree(c.path()));
    assert_eq!(
        ta.len(),
        2 * PAGES + 5,
        "pages, config, .gitignore, marker, 2 tag files"
    );
    assert!(ta == tb, "two runs with one seed differ");
    assert!(ta != tc, "another seed gives the same corpus");
    // Writing again into the same folder replaces the corpus exactly.
    write_corpus(
        &Options {
            pages_per_lang: PAGES,
            seed: 7,
        },
        c.path(),
    )
    .expect("rewritten");
    assert!(tree(c.path()) == ta);
}

#[test]
fn builds_and_checks_without_a_single_message() {
    let site = generate(1);
    let o = handbook(site.path(), &["check", "--strict"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success() && err.trim().is_empty(), "{err}");
    let out = build_ok(site.path(), &[]);
    assert!(out.join("hi/worksheets/index.html").is_file());
    let hindi = tree(&site.path().join("content/hi"));
    let text: String = hindi
        .values()
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .collect();
    // Nukta (फ़ीडबैक), conjuncts with virama (क्षमता) and worksheet blocks are all there.
    for needle in [
        "\u{093C}",
        "क्ष",
        "इंटरव्यू",
        "```lines ",
        "```name-date",
        "](../",
    ] {
        assert!(text.contains(needle), "no `{needle}` in the Hindi pages");
    }
    let words = text.split_whitespace().count() / PAGES;
    assert!((700..1300).contains(&words), "{words} words per Hindi page");
}
