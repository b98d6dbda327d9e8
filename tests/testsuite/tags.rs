//! Tag pages, tag index, related pages, home extras and Atom feeds, over the `tags` fixture.

use crate::support::*;
use std::path::Path;

fn built() -> (tempfile::TempDir, std::path::PathBuf) {
    let site = copy_fixture("tags");
    let out = build_ok(
        site.path(),
        &["--base-url", "https://example.github.io/hb/"],
    );
    (site, out)
}

fn position(html: &str, needle: &str) -> usize {
    html.find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not found"))
}

#[test]
fn tag_index_counts_pages_per_language_with_translated_names() {
    let (_s, out) = built();
    let en = read(out.join("en/tags/index.html"));
    assert!(
        en.contains(">Feedback</a> <span class=\"count\">4 pages</span>"),
        "{en}"
    );
    assert!(en.contains(">Growth</a> <span class=\"count\">4 pages</span>"));
    assert!(en.contains(">Skills</a> <span class=\"count\">1 page</span>"));
    let hi = read(out.join("hi/tags/index.html"));
    assert!(
        hi.contains(">फीडबैक</a> <span class=\"count\">2 पेज</span>"),
        "{hi}"
    );
    assert!(hi.contains(">स्किल्स</a> <span class=\"count\">0 पेज</span>"));
    assert!(
        hi.contains("href=\"/hb/hi/tags/feedback/\""),
        "URLs keep the slug"
    );
}

#[test]
fn tag_page_groups_pages_by_section() {
    let (_s, out) = built();
    let en = read(out.join("en/tags/feedback/index.html"));
    let stories = position(&en, "<h2 id=\"group-stories\">Stories</h2>");
    let tips = position(&en, "<h2 id=\"group-tips\">Tips</h2>");
    assert!(stories < tips, "sections in menu order");
    assert!(position(&en, "An older story") > stories && position(&en, "Alpha tip") > tips);
    assert!(!en.contains("group-guidance"), "no empty groups");
    assert!(en.contains("Asking for feedback and using it."));
    let hi = read(out.join("hi/tags/feedback/index.html"));
    assert!(hi.contains("<h1>फीडबैक</h1>") && hi.contains("<html lang=\"hi\""));
    assert!(hi.contains("<h2 id=\"group-stories\">कहानियाँ</h2>"));
    // A tag used only in English still has a Hindi page, so the switcher has a target.
    assert!(out.join("hi/tags/skills/index.html").is_file());
    assert!(
        read(out.join("en/tags/skills/index.html"))
            .contains("href=\"/hb/hi/tags/skills/\" hreflang=\"hi\" lang=\"hi\">")
    );
}

#[test]
fn related_pages_prefer_shared_tags_then_section() {
    let (_s, out) = built();
    let html = read(out.join("en/tips/alpha/index.html"));
    let related = &html[position(&html, "class=\"related\"")..];
    let beta = position(related, "Beta tip"); // shares two tags
    let gamma = position(related, "Gamma tip"); // one tag, same section
    let story = position(related, "A newer story"); // one tag, other section
    assert!(beta < gamma && gamma < story, "{related}");
    assert!(
        !related.contains("Alpha tip"),
        "a page is not related to itself"
    );
    let hi = read(out.join("hi/tips/alpha/index.html"));
    let hi_related = &hi[position(&hi, "class=\"related\"")..];
    assert!(
        hi_related.contains("एक नई कहानी") && !hi_related.contains("Beta"),
        "related pages stay in the page's language"
    );
}

#[test]
fn tips_list_chips_link_to_tag_pages_and_carry_filter_data() {
    let (_s, out) = built();
    let html = read(out.join("en/tips/index.html"));
    assert!(html.contains("<a class=\"tag\" href=\"/hb/en/tags/growth/\" data-tag=\"growth\">Growth <span class=\"tag-count\">3</span></a>"), "{html}");
    assert!(html.contains("data-tags=\"feedback growth \""));
    assert!(html.contains("static/js/tag-filter.js"));
    assert!(
        !read(out.join("en/stories/index.html")).contains("tag-filter.js"),
        "only the tips list filters"
    );
}

#[test]
fn home_shows_newest_stories_and_a_tip_of_the_day() {
    let site = copy_fixture("tags");
    let out = site.path().join("public");
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_handbook"))
        .args(["--root", site.path().to_str().unwrap(), "build"])
        .env("SOURCE_DATE_EPOCH", "86400") // day 1: the second tip of the default language
        .output()
        .unwrap();
    assert!(o.status.success());
    let en = read(out.join("en/index.html"));
    let latest = &en[position(&en, "latest-heading")..];
    assert!(position(latest, "A newer story") < position(latest, "An older story"));
    let tip = &en[position(&en, "tip-heading")..position(&en, "latest-heading")];
    assert!(tip.contains("Beta tip"), "{tip}");
    // Beta has no Hindi translation: the Hindi home falls back to a Hindi tip.
    assert!(read(out.join("hi/index.html")).contains("अल्फ़ा सुझाव"));
}

#[test]
fn atom_feeds_parse_and_use_absolute_urls() {
    let (_s, out) = built();
    let en_xml = read(out.join("en/atom.xml"));
    let feed = atom_syndication::Feed::read_from(en_xml.as_bytes()).expect("valid Atom");
    let titles: Vec<&str> = feed.entries().iter().map(|e| e.title().as_str()).collect();
    assert_eq!(
        titles,
        ["A newer story", "Growing after a no", "An older story"],
        "stories and guidance, newest first"
    );
    let first = &feed.entries()[0];
    assert_eq!(
        first.links()[0].href(),
        "https://example.github.io/hb/en/stories/new-story/"
    );
    assert_eq!(
        first.id(),
        "https://example.github.io/hb/en/stories/new-story/"
    );
    assert_eq!(
        first.summary().map(|s| s.as_str()),
        Some("Feedback & <growth>, recently.")
    );
    assert_eq!(first.updated().to_rfc3339(), "2025-06-30T00:00:00+00:00");
    assert_eq!(feed.updated().to_rfc3339(), "2025-06-30T00:00:00+00:00");
    let hi = atom_syndication::Feed::read_from(read(out.join("hi/atom.xml")).as_bytes())
        .expect("valid Atom");
    assert_eq!(hi.entries().len(), 1);
    assert_eq!(hi.entries()[0].title().as_str(), "एक नई कहानी");
    assert_eq!(hi.lang(), Some("hi"));
    let page = read(out.join("hi/tips/alpha/index.html"));
    assert!(page.contains(
        "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/hb/hi/atom.xml\""
    ));
}

#[test]
fn sitemap_lists_tag_pages() {
    let (_s, out) = built();
    let sm = read(out.join("sitemap.xml"));
    assert!(sm.contains("<loc>https://example.github.io/hb/hi/tags/feedback/</loc>"));
    assert!(sm.contains("<loc>https://example.github.io/hb/en/tags/</loc>"));
}

#[test]
fn feeds_without_an_origin_still_have_absolute_ids() {
    let site = copy_fixture("tags");
    let out = build_ok(site.path(), &[]);
    let feed =
        atom_syndication::Feed::read_from(read(out.join(Path::new("en/atom.xml"))).as_bytes())
            .unwrap();
    assert!(
        feed.entries()
            .iter()
            .all(|e| e.id().starts_with("tag:handbook,2025:en/"))
    );
}
