//! The benchmark corpus (`examples/corpus.rs`): the same seed gives the same bytes, and what it
//! writes is a site that builds and passes `handbook check --strict` with nothing to report.

use crate::corpus_gen::{Options, write_corpus, write_hugo_site};
use crate::support::*;
use handbook::config::Overrides;
use handbook::model::site::{Page, Site, TagIndex, related_rank_cmp, shared_tags};

/// Big enough for every section, links with anchors and worksheets; small enough to be cheap.
const PAGES: usize = 24;

fn generate(seed: u64) -> tempfile::TempDir {
    generate_pages(seed, PAGES)
}

fn generate_pages(seed: u64, pages_per_lang: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let opts = Options {
        pages_per_lang,
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

/// `corpus --hugo DIR`, the Hugo side of `scripts/bench`: Hugo must build exactly the Markdown
/// the handbook builds (the comparison is only fair that way), with two languages in their own
/// content folders, and only `_index.md` files added (section labels, tag names), as many as
/// the handbook's corpus declares tags.
#[test]
fn hugo_site_holds_the_same_markdown_byte_for_byte() {
    let opts = Options {
        pages_per_lang: PAGES,
        seed: 5,
    };
    let handbook = generate(5);
    let hugo = tempfile::tempdir().expect("temp dir");
    write_hugo_site(&opts, hugo.path()).expect("Hugo site written");
    let (h, g) = (tree(handbook.path()), tree(hugo.path()));
    let pages: Vec<_> = h.keys().filter(|p| p.starts_with("content")).collect();
    assert_eq!(pages.len(), 2 * PAGES);
    for rel in &pages {
        assert!(g.get(*rel) == h.get(*rel), "{} differs", rel.display());
    }
    let added: Vec<_> = g
        .keys()
        .filter(|p| p.starts_with("content") && !h.contains_key(*p))
        .collect();
    assert!(added.iter().all(|p| p.ends_with("_index.md")), "{added:?}");
    let ftl = String::from_utf8_lossy(&h[std::path::Path::new("i18n/en/tags.ftl")]).into_owned();
    let tags = ftl
        .lines()
        .filter(|l| l.starts_with("tag-") && !l.contains("-description ="))
        .count();
    // Per language: four sections, the tag index and one page per tag.
    assert_eq!(added.len(), 2 * (4 + 1 + tags), "{added:?}");
    let config = String::from_utf8_lossy(&g[std::path::Path::new("hugo.toml")]).into_owned();
    for line in [
        "[languages.en]",
        "contentDir = \"content/en\"",
        "[languages.hi]",
        "contentDir = \"content/hi\"",
        "tag = \"tags\"",
    ] {
        assert!(config.contains(line), "no `{line}` in hugo.toml:\n{config}");
    }
    for layout in [
        "baseof.html",
        "page.html",
        "section.html",
        "section.print.html",
        "taxonomy.html",
        "term.html",
        "home.html",
        "home.rss.xml",
        "404.html",
    ] {
        assert!(
            g.contains_key(&std::path::Path::new("layouts").join(layout)),
            "{layout}"
        );
    }
    // Written again into the same folder: the same bytes.
    write_hugo_site(&opts, hugo.path()).expect("rewritten");
    assert!(tree(hugo.path()) == g);
}

/// `Site::related` reads precomputed lists instead of comparing every page with every other;
/// here it must give exactly what the definition gives, computed the slow way with the rule
/// `serve` uses to tell whether an edit moves a page into another page's list
/// (`related_rank_cmp`, `shared_tags`).
#[test]
fn related_pages_match_every_page_against_every_page() {
    let dir = generate_pages(3, 300);
    let (site, diags) = handbook::pipeline::load(dir.path(), &Overrides::default()).expect("loads");
    assert!(!diags.has_errors());
    assert!(
        site.pages.iter().any(|p| p.front.tags.len() > 6),
        "the corpus has pages with many tags"
    );
    let index = TagIndex::new(&site);
    for page in &site.pages {
        let got: Vec<usize> = site.related(page, &index, 4).iter().map(|p| p.id).collect();
        assert_eq!(
            got,
            related_by_definition(&site, page, 4),
            "{}",
            page.rel.display()
        );
    }
}

/// Pages sharing a tag ranked by `related_rank_cmp`; then the rest of the section in reading
/// order.
fn related_by_definition(site: &Site, page: &Page, n: usize) -> Vec<usize> {
    let mut candidates: Vec<(&Page, usize)> = site
        .pages
        .iter()
        .filter(|q| q.lang == page.lang && q.id != page.id)
        .map(|q| (q, shared_tags(page, q)))
        .filter(|&(_, shared)| shared > 0)
        .collect();
    candidates.sort_by(|(a, sa), (b, sb)| related_rank_cmp(page, a, *sa, b, *sb));
    let mut out: Vec<usize> = candidates.iter().take(n).map(|(p, _)| p.id).collect();
    if let Some(section) = page.section() {
        for p in site.entries(&page.lang, section) {
            if out.len() < n && p.id != page.id && !out.contains(&p.id) {
                out.push(p.id);
            }
        }
    }
    out
}
