//! Building the `basic` fixture: structure, languages, switcher, sitemap, escaping, snapshots.

use crate::support::*;

#[test]
fn builds_every_kind_of_page() {
    let site = copy_fixture("basic");
    let out = build_ok(site.path(), &[]);
    for f in [
        "index.html",
        "404.html",
        ".nojekyll",
        "sitemap.xml",
        "en/index.html",
        "hi/index.html",
        "en/tips/index.html",
        "hi/worksheets/index.html",
        "en/tips/seek-feedback/index.html",
        "hi/tips/seek-feedback/index.html",
        "en/about/index.html",
        "en/tips/notebook.svg",
        "static/css/site.css",
        "static/fonts/NotoSansDevanagari-Regular.woff2",
        "static/fonts/OFL.txt",
    ] {
        assert!(out.join(f).is_file(), "missing {f}");
    }
    assert!(
        !out.join("en/guidance/draft-article").exists(),
        "drafts are left out"
    );
}

#[test]
fn drafts_flag_includes_drafts() {
    let site = copy_fixture("basic");
    let out = build_ok(site.path(), &["--drafts"]);
    assert!(out.join("en/guidance/draft-article/index.html").is_file());
}

#[test]
fn pages_declare_language_alternates_and_switch_to_the_translation() {
    let site = copy_fixture("basic");
    let out = build_ok(site.path(), &[]);
    let hi = read(out.join("hi/tips/seek-feedback/index.html"));
    assert!(hi.contains("<html lang=\"hi\""));
    assert!(
        hi.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"/en/tips/seek-feedback/\">")
    );
    assert!(
        hi.contains("<link rel=\"alternate\" hreflang=\"hi\" href=\"/hi/tips/seek-feedback/\">")
    );
    assert!(hi.contains("hreflang=\"x-default\" href=\"/en/tips/seek-feedback/\""));
    assert!(
        hi.contains("<a href=\"/en/tips/seek-feedback/\" hreflang=\"en\" lang=\"en\">English</a>"),
        "{hi}"
    );
    assert!(hi.contains("<a class=\"skip-link\" href=\"#main\">"));
    assert!(hi.contains("<main id=\"main\""));
    let en = read(out.join("en/tips/seek-feedback/index.html"));
    assert!(en.contains("<html lang=\"en\""));
    assert!(
        en.contains("<a href=\"/hi/tips/seek-feedback/\" hreflang=\"hi\" lang=\"hi\">हिंदी</a>")
    );
}

#[test]
fn untranslated_pages_link_to_the_other_home_with_a_note() {
    let site = copy_fixture("basic");
    let out = build_ok(site.path(), &[]);
    let en = read(out.join("en/tips/rest/index.html"));
    assert!(en.contains("<a href=\"/hi/\" hreflang=\"hi\" lang=\"hi\" class=\"untranslated\">हिंदी</a> <span class=\"lang-note\">(not yet translated into Hindi)</span>"), "{en}");
    assert!(
        !en.contains("hreflang=\"hi\" href="),
        "no alternate for a missing translation"
    );
    let hi = read(out.join("hi/stories/second-no/index.html"));
    assert!(hi.contains("(अंग्रेज़ी में अभी अनुवाद नहीं हुआ है)"), "{hi}");
}

#[test]
fn root_offers_every_language_without_javascript() {
    let site = copy_fixture("basic");
    let out = build_ok(site.path(), &[]);
    let root = read(out.join("index.html"));
    assert!(root.contains("<li lang=\"en\">") && root.contains("<li lang=\"hi\">"));
    assert!(root.contains("href=\"/en/\"") && root.contains("href=\"/hi/\""));
    assert!(root.contains("फ़िक्स्चर हैंडबुक"));
    assert!(!root.contains("<script"));
}

#[test]
fn plurals_and_dates_follow_each_language() {
    let site = copy_fixture("basic");
    let out = build_ok(site.path(), &[]);
    assert!(read(out.join("en/tips/index.html")).contains("2 tips"));
    assert!(read(out.join("en/stories/index.html")).contains("1 story"));
    assert!(read(out.join("hi/stories/index.html")).contains("2 कहानियाँ"));
    assert!(
        read(out.join("hi/index.html")).contains("0 कहानी")
            || read(out.join("hi/index.html")).contains("2 कहानियाँ")
    );
    assert!(
        read(out.join("en/tips/seek-feedback/index.html")).contains("Published 15 January 2025")
    );
    assert!(read(out.join("hi/tips/seek-feedback/index.html")).contains("प्रकाशित: 15 जनवरी, 2025"));
    let hi_home = read(out.join("hi/index.html"));
    assert!(
        !hi_home.contains('\u{2068}') && !hi_home.contains('\u{2069}'),
        "no Fluent isolation marks"
    );
}

#[test]
fn markdown_is_safe_and_links_are_rewritten() {
    let site = copy_fixture("basic");
    let out = build_ok(site.path(), &[]);
    let en = read(out.join("en/tips/seek-feedback/index.html"));
    assert!(
        !en.contains("<script>alert"),
        "raw HTML must not pass through"
    );
    // Not allowed, so dropped with its content (and `check` warns about it).
    assert!(!en.contains("alert"), "{en}");
    assert!(en.contains("<a href=\"https://example.org/advice\" rel=\"noopener\">"));
    assert!(
        en.contains("<a href=\"/en/worksheets/reflection/#after-the-interview\">worksheet</a>")
    );
    assert!(en.contains("<a href=\"/en/stories/first-no/\">a story</a>"));
    assert!(en.contains("<img src=\"/en/tips/notebook.svg\" alt=\"A notebook\""));
    let hi = read(out.join("hi/tips/seek-feedback/index.html"));
    assert!(
        hi.contains("<h2 id=\"इंटरव्यू-के-बाद-क्या-करें\">"),
        "Devanagari heading ids are kept"
    );
    assert!(hi.contains("href=\"/hi/worksheets/reflection/#इंटरव्यू-के-बाद\""));
}

#[test]
fn sitemap_lists_pages_with_hreflang_alternates() {
    let site = copy_fixture("basic");
    let out = build_ok(site.path(), &["--base-url", "https://example.org/hb/"]);
    let sm = read(out.join("sitemap.xml"));
    assert!(sm.contains("<loc>https://example.org/hb/hi/tips/seek-feedback/</loc>"));
    assert!(sm.contains("<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/hb/en/tips/seek-feedback/\"/>"));
    assert!(sm.contains("<lastmod>2025-01-15</lastmod>"));
    assert!(!sm.contains("draft-article"));
}

#[test]
fn worksheet_blocks_render_as_writing_space() {
    let site = copy_fixture("basic");
    let out = build_ok(site.path(), &[]);
    let html = read(out.join("en/worksheets/reflection/index.html"));
    insta::assert_snapshot!("worksheet_main_en", main_of(&html));
}

#[test]
fn hindi_page_snapshot() {
    let site = copy_fixture("basic");
    let out = build_ok(site.path(), &[]);
    insta::assert_snapshot!(
        "tip_main_hi",
        main_of(&read(out.join("hi/tips/seek-feedback/index.html")))
    );
}

#[test]
fn output_is_identical_for_the_same_input() {
    let site = copy_fixture("basic");
    let a = tree(&build_ok(site.path(), &[]));
    let b = tree(&build_ok(site.path(), &[]));
    assert_eq!(a.len(), b.len());
    assert!(a == b, "two builds differ");
}

#[test]
fn a_folder_with_only_content_builds_with_the_builtin_theme() {
    let site = tempfile::tempdir().unwrap();
    let page = site.path().join("content/en/guidance/start.md");
    std::fs::create_dir_all(page.parent().unwrap()).unwrap();
    std::fs::write(
        &page,
        "---\ntitle: Start\nsummary: Begin here.\n---\nHello.\n",
    )
    .unwrap();
    let out = build_ok(site.path(), &[]);
    assert!(read(out.join("en/guidance/start/index.html")).contains("Hello."));
    assert!(
        out.join("hi/index.html").is_file(),
        "every configured language gets a home"
    );
}

#[test]
fn a_site_theme_overrides_the_builtin_one_file_by_file() {
    let site = copy_fixture("basic");
    let theme = site.path().join("themes/default");
    std::fs::create_dir_all(theme.join("templates")).unwrap();
    std::fs::create_dir_all(theme.join("static/css")).unwrap();
    std::fs::write(theme.join("static/css/site.css"), "/* site's own */").unwrap();
    std::fs::write(
        theme.join("templates/404.html"),
        "{% extends \"base.html\" %}{% block main %}<p>Custom 404: {{ t(key=\"not-found-title\") }}</p>{% endblock main %}",
    )
    .unwrap();
    let out = build_ok(site.path(), &[]);
    assert_eq!(read(out.join("static/css/site.css")), "/* site's own */");
    assert!(read(out.join("404.html")).contains("Custom 404: Page not found"));
    assert!(
        read(out.join("en/index.html")).contains("skip-link"),
        "other templates stay built in"
    );
}

/// `search.js` is kept in parts (`static/js/search/*.js`); the site gets them joined, and a
/// site's theme overrides one part, or the whole script, like any theme file.
#[test]
fn search_script_is_joined_from_parts_that_a_site_theme_can_override() {
    let site = copy_fixture("basic");
    let out = build_ok(site.path(), &[]);
    let builtin = read(out.join("static/js/search.js"));
    assert!(builtin.contains("\n// js/search/10-analyze.js\n"));
    assert!(builtin.contains("function createEngine("));
    assert!(
        !out.join("static/js/search").exists(),
        "the parts are not published"
    );

    let parts = site.path().join("themes/default/static/js/search");
    std::fs::create_dir_all(&parts).unwrap();
    std::fs::write(parts.join("65-extra.js"), "var SITE_EXTRA = 1;\n").unwrap();
    std::fs::write(
        parts.join("70-snippet.js"),
        "// The site's own snippets.\nfunction snippet(r) { return []; }\n",
    )
    .unwrap();
    let out = build_ok(site.path(), &[]);
    let joined = read(out.join("static/js/search.js"));
    let at = |needle: &str| joined.find(needle).unwrap_or_else(|| panic!("{needle}"));
    assert!(at("// js/search/60-rank.js") < at("var SITE_EXTRA = 1;"));
    assert!(at("var SITE_EXTRA = 1;") < at("// js/search/70-snippet.js"));
    assert!(joined.contains("function snippet(r) { return []; }"));
    assert!(
        !joined.contains("function firstMatch("),
        "the built-in part is replaced"
    );
    assert!(
        joined.contains("function createEngine("),
        "the other parts stay"
    );

    std::fs::write(
        site.path().join("themes/default/static/js/search.js"),
        "/* the site's own search */",
    )
    .unwrap();
    let out = build_ok(site.path(), &[]);
    assert_eq!(
        read(out.join("static/js/search.js")),
        "/* the site's own search */"
    );
}

#[test]
fn summary_line_counts_pages_per_language() {
    let site = copy_fixture("basic");
    let o = handbook(site.path(), &["build"]);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(
        stdout.starts_with("Built 11 pages (en 6, hi 5) into "),
        "{stdout}"
    );
    assert!(stdout.contains(" s ("));
}
