//! The feeds and the sitemap as theme templates: a site's theme replaces `atom.xml` like any
//! other template, and every `.xml` file a build writes is well-formed XML (parsed with
//! roxmltree, which also refuses the characters XML forbids).

use crate::support::*;
use std::path::Path;

#[test]
fn a_theme_atom_xml_replaces_the_feed() {
    let site = copy_fixture("theme-feed");
    let out = build_ok(site.path(), &["--base-url", "https://example.org/own/"]);
    let en = read(out.join("en/atom.xml"));
    assert!(en.contains("<generator>Own Feed theme</generator>"), "{en}");
    assert!(
        !en.contains("<subtitle>"),
        "the default template was used:\n{en}"
    );
    let feed = atom_syndication::Feed::read_from(en.as_bytes()).expect("valid Atom");
    let entries: Vec<(&str, Option<&str>)> = feed
        .entries()
        .iter()
        .map(|e| (e.title().as_str(), e.summary().map(|s| s.as_str())))
        .collect();
    assert_eq!(
        entries,
        [
            (
                "The first week after a \"no\" & what helped",
                Some("Home: Sleep, one call to a friend, and a <short> list of next steps.")
            ),
            (
                "Asking for feedback",
                Some("Home: A short, polite note can turn a rejection into advice.")
            ),
        ],
        "the view's entries, newest first, with `t()` in the page's language"
    );
    let hi = atom_syndication::Feed::read_from(read(out.join("hi/atom.xml")).as_bytes())
        .expect("valid Atom");
    assert_eq!(
        hi.entries()[0].title().as_str(),
        "\"ना\" के बाद का पहला हफ़्ता"
    );
    assert!(
        hi.entries()[0]
            .summary()
            .unwrap()
            .as_str()
            .starts_with("होम: ")
    );
    // Only the file the theme has is replaced: the sitemap and the pages are the default's.
    let sitemap = read(out.join("sitemap.xml"));
    assert!(sitemap.contains("<loc>https://example.org/own/en/stories/first-week/</loc>"));
    assert!(read(out.join("en/index.html")).contains("href=\"/own/en/atom.xml\""));
}

/// Every `.xml` file under `out`, parsed; panics naming the first that is not well-formed.
fn assert_xml_well_formed(out: &Path) -> Vec<String> {
    let mut parsed = Vec::new();
    for entry in walkdir::WalkDir::new(out).sort_by_file_name() {
        let entry = entry.expect("output readable");
        if entry.path().extension().is_some_and(|e| e == "xml") {
            let text = read(entry.path());
            if let Err(e) = roxmltree::Document::parse(&text) {
                panic!("{} is not well-formed XML: {e}", entry.path().display());
            }
            let rel = entry.path().strip_prefix(out).expect("below the output");
            parsed.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
    parsed
}

#[test]
fn every_xml_file_of_the_fixtures_and_the_handbook_is_well_formed() {
    let fixtures = [
        "basic",
        "hostile-markup",
        "print",
        "search-xss",
        "tags",
        "theme-feed",
        "untranslated",
    ];
    let roots = fixtures
        .iter()
        .map(|f| fixture(f))
        .chain([repo_root().to_path_buf()]);
    for root in roots {
        for args in [&[][..], &["--base-url", "https://example.org/a&b/"][..]] {
            let out = tempfile::tempdir().expect("temp dir");
            build_into(&root, out.path(), args);
            let parsed = assert_xml_well_formed(out.path());
            for expected in ["sitemap.xml", "en/atom.xml", "hi/atom.xml"] {
                assert!(
                    parsed.iter().any(|p| p == expected),
                    "{} {args:?}: no {expected} among {parsed:?}",
                    root.display()
                );
            }
        }
    }
}
