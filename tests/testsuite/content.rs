//! Structural rules over the real handbook in `content/`, so a later change cannot silently
//! break them: every page in both languages, tips tagged from a small declared vocabulary,
//! Hindi pages written in Devanagari, stories either cited or marked illustrative, the
//! public-services page giving official addresses and dated sources, and the whole handbook
//! building without a single error or warning.

use handbook::config::Overrides;
use handbook::model::lang::{Lang, PageKey, Section};
use handbook::model::site::Site;
use handbook::pipeline;
use std::collections::BTreeSet;
use std::path::Path;

fn handbook_site() -> Site {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (site, diags) = pipeline::load(root, &Overrides::default()).expect("the handbook loads");
    assert!(diags.0.is_empty(), "the handbook has problems:\n{diags}");
    site
}

fn lang(code: &str) -> Lang {
    Lang::parse(code).unwrap()
}

#[test]
fn handbook_renders_without_problems() {
    let site = handbook_site();
    let (files, diags) = pipeline::render(&site).expect("theme loads");
    assert!(diags.0.is_empty(), "{diags}");
    assert!(files.iter().any(|f| f.path == "hi/index.html"));
}

#[test]
fn every_page_exists_in_both_languages() {
    let site = handbook_site();
    let keys = |l: &Lang| {
        site.pages_in(l)
            .map(|p| p.key.clone())
            .collect::<BTreeSet<PageKey>>()
    };
    let (en, hi) = (keys(&lang("en")), keys(&lang("hi")));
    let only_en: Vec<_> = en.difference(&hi).collect();
    let only_hi: Vec<_> = hi.difference(&en).collect();
    assert!(
        only_en.is_empty() && only_hi.is_empty(),
        "untranslated: en only {only_en:?}, hi only {only_hi:?}"
    );
    assert!(en.contains(&PageKey::Home) && en.contains(&PageKey::Standalone("about".into())));
}

#[test]
fn sections_have_enough_pages() {
    let site = handbook_site();
    for code in ["en", "hi"] {
        let l = lang(code);
        for (section, min) in [
            (Section::Stories, 4),
            (Section::Guidance, 5),
            (Section::Tips, 24),
            (Section::Worksheets, 5),
        ] {
            let n = site.entries(&l, section).len();
            assert!(
                n >= min,
                "{code}/{}: {n} pages, at least {min} expected",
                section.slug()
            );
        }
    }
}

#[test]
fn tips_use_a_small_declared_vocabulary() {
    let site = handbook_site();
    let vocabulary: BTreeSet<&str> = site.tag_slugs().into_iter().collect();
    // Fourteen are declared: the ten the handbook began with, and family, money, exams
    // and safety for the pages on family, money, government exams and scams.
    assert!(
        (8..=14).contains(&vocabulary.len()),
        "vocabulary of {} tags: {vocabulary:?}",
        vocabulary.len()
    );
    for l in [lang("en"), lang("hi")] {
        for tag in &vocabulary {
            assert!(
                site.i18n.has(&l, &format!("tag-{tag}")),
                "tag {tag} has no name in {l}"
            );
        }
        for tip in site.entries(&l, Section::Tips) {
            let n = tip.front.tags.len();
            assert!((1..=3).contains(&n), "{}: {n} tags", tip.rel.display());
            let words = tip.scan.plain.text(&tip.body).split_whitespace().count();
            assert!(
                (80..=250).contains(&words),
                "{}: {words} words (80–250 expected)",
                tip.rel.display()
            );
        }
    }
}

#[test]
fn translations_share_tags() {
    let site = handbook_site();
    for en in site.pages_in(&lang("en")) {
        if let Some(hi) = site.translation(en, &lang("hi")) {
            let a: Vec<_> = en.front.tags.iter().map(|t| &t.slug).collect();
            let b: Vec<_> = hi.front.tags.iter().map(|t| &t.slug).collect();
            assert_eq!(
                a,
                b,
                "{} and its Hindi translation have different tags",
                en.rel.display()
            );
        }
    }
}

#[test]
fn hindi_pages_are_written_in_devanagari() {
    let site = handbook_site();
    for page in site.pages_in(&lang("hi")) {
        let text = format!(
            "{} {} {}",
            page.front.title,
            page.front.summary,
            page.scan.plain.text(&page.body)
        );
        let letters = text.chars().filter(|c| c.is_alphabetic()).count().max(1);
        let deva = text
            .chars()
            .filter(|c| ('\u{0900}'..='\u{097F}').contains(c) && c.is_alphabetic())
            .count();
        let share = deva as f64 / letters as f64;
        assert!(
            share > 0.8,
            "{}: only {:.0}% Devanagari letters",
            page.rel.display(),
            share * 100.0
        );
        let title_deva = page
            .front
            .title
            .chars()
            .any(|c| ('\u{0900}'..='\u{097F}').contains(&c));
        assert!(
            title_deva,
            "{}: the title is not in Devanagari",
            page.rel.display()
        );
    }
}

#[test]
fn stories_are_cited_or_marked_illustrative() {
    let site = handbook_site();
    for l in [lang("en"), lang("hi")] {
        let stories = site.entries(&l, Section::Stories);
        for s in &stories {
            assert!(
                s.front.source.is_some() ^ s.front.illustrative,
                "{}: needs exactly one of `source` or `illustrative: true`",
                s.rel.display()
            );
        }
        assert!(
            stories.iter().any(|s| s.front.source.is_some()),
            "{l}: the public case study is cited"
        );
    }
}

#[test]
fn worksheets_have_writing_space_and_no_raw_html() {
    let site = handbook_site();
    for page in &site.pages {
        assert!(
            !page.body.contains("<div") && !page.body.contains("<br"),
            "{}: raw HTML",
            page.rel.display()
        );
        if page.section() == Some(Section::Worksheets) {
            assert!(
                page.scan.worksheet_blocks >= 4,
                "{}: only {} writing blocks",
                page.rel.display(),
                page.scan.worksheet_blocks
            );
            assert!(
                page.body.contains("```name-date"),
                "{}: starts with a name/date line",
                page.rel.display()
            );
        }
    }
}

#[test]
fn resources_page_gives_official_addresses_and_dated_sources() {
    let site = handbook_site();
    for (code, sources, checked) in [
        ("en", "## Sources", "6 December 2026"),
        ("hi", "## स्रोत", "6 दिसंबर 2026"),
    ] {
        let l = lang(code);
        let page = site
            .pages_in(&l)
            .find(|p| p.key == PageKey::Standalone("resources".into()))
            .unwrap_or_else(|| panic!("{code}: no resources page"));
        for address in [
            "https://www.ncs.gov.in",
            "https://www.skillindiadigital.gov.in",
            "https://www.apprenticeshipindia.gov.in",
            "https://nats.education.gov.in",
        ] {
            assert!(
                page.body.contains(address),
                "{code}/resources: no link to {address}"
            );
        }
        let (_, cited) = page
            .body
            .split_once(sources)
            .unwrap_or_else(|| panic!("{code}/resources: no `{sources}` section"));
        assert!(
            cited.contains(checked),
            "{code}/resources: sources without the date they were checked"
        );
    }
}
