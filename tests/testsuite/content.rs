//! Structural rules over the real handbook in `content/`, so a later change cannot silently
//! break them: every page in both languages, tips tagged from a small declared vocabulary,
//! Hindi pages written in Devanagari, stories either cited or marked illustrative, links that
//! name a tip or worksheet by its title, the public-services page giving official addresses
//! and dated sources, and the whole handbook building without a single error or warning.

use handbook::config::{Config, Overrides};
use handbook::model::lang::{Lang, PageKey, Section};
use handbook::model::site::{LinkDest, Page, Site};
use handbook::pipeline;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::collections::BTreeSet;
use std::path::Path;
use unicode_normalization::UnicodeNormalization;

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
            (Section::Guidance, 13),
            (Section::Tips, 30),
            (Section::Worksheets, 7),
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

/// A link as written in a page's Markdown: where it points, its visible text, and its line.
struct WrittenLink {
    dest: String,
    text: String,
    line: usize,
}

fn written_links(page: &Page) -> Vec<WrittenLink> {
    let body = &page.body;
    // Lines are counted in the file, front matter included, as `handbook check` counts them.
    let file = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(&page.rel))
        .expect("the page is readable");
    let front_lines = file
        .strip_suffix(body.as_str())
        .map_or(0, |front| front.matches('\n').count());
    let mut out = Vec::new();
    let mut open: Option<(String, String, usize)> = None;
    let opts = Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS | Options::ENABLE_FOOTNOTES;
    for (event, range) in Parser::new_ext(body, opts).into_offset_iter() {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => {
                let line = front_lines + body[..range.start].matches('\n').count() + 1;
                open = Some((dest_url.to_string(), String::new(), line));
            }
            Event::Text(s) | Event::Code(s) => {
                if let Some((_, text, _)) = open.as_mut() {
                    text.push_str(&s);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some((_, text, _)) = open.as_mut() {
                    text.push(' ');
                }
            }
            Event::End(TagEnd::Link) => {
                if let Some((dest, text, line)) = open.take() {
                    out.push(WrittenLink { dest, text, line });
                }
            }
            _ => {}
        }
    }
    out
}

/// Text and titles are compared as a reader sees them: NFC, one space between words,
/// straight and curly quotes alike.
fn comparable(s: &str) -> String {
    let s: String = s
        .nfc()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            c => c,
        })
        .collect();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The same, except for the case of the first letter: an English title such as "Take a short
/// break" may start with a small letter in the middle of a sentence.
fn same_name(text: &str, title: &str) -> bool {
    let lower_first = |s: &str| {
        let mut c = s.chars();
        c.next()
            .map(|f| f.to_lowercase().chain(c).collect::<String>())
            .unwrap_or_default()
    };
    let (t, n) = (comparable(text), comparable(title));
    t == n || lower_first(&t) == lower_first(&n)
}

/// CONTRIBUTING, "Naming a tip or a worksheet": a workshop participant told to open a worksheet
/// finds it by the name the text gave it. So (1) every link to a tip or a worksheet shows that
/// page's title, and (2) no link shows the title of a page other than the one it opens.
#[test]
fn links_that_name_a_tip_or_worksheet_use_its_title() {
    let site = handbook_site();
    let mut wrong = Vec::new();
    let mut checked = 0;
    for page in &site.pages {
        let titles: Vec<(&str, usize)> = site
            .pages_in(&page.lang)
            .map(|p| (p.front.title.as_str(), p.id))
            .collect();
        for link in written_links(page) {
            let Some(LinkDest::Page { id, .. }) = page.links.get(&link.dest) else {
                continue;
            };
            let target = &site.pages[*id];
            let names_target = matches!(
                target.section(),
                Some(Section::Tips) | Some(Section::Worksheets)
            );
            if names_target {
                checked += 1;
                if !same_name(&link.text, &target.front.title) {
                    wrong.push(format!(
                        "{}:{}: [{}]({}) should read [{}]",
                        page.rel.display(),
                        link.line,
                        link.text,
                        link.dest,
                        target.front.title
                    ));
                }
            }
            if let Some((title, _)) = titles
                .iter()
                .find(|(title, other)| *other != *id && same_name(&link.text, title))
            {
                wrong.push(format!(
                    "{}:{}: [{}]({}) shows the title of another page (\"{title}\")",
                    page.rel.display(),
                    link.line,
                    link.text,
                    link.dest,
                ));
            }
        }
    }
    assert!(
        checked > 100,
        "only {checked} links to tips and worksheets found"
    );
    assert!(
        wrong.is_empty(),
        "{} links name a tip or worksheet differently from its title:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// The help services configured in `handbook.yaml` (`help:`) and the help page prose must
/// agree: every number the service list renders as a `tel:` link is on both help pages, every
/// service has its texts in both languages, and every service cites at least one source with
/// the date it was checked (the config refuses a service without one; this guards the
/// handbook's own list against being emptied).
#[test]
fn help_services_are_sourced_and_on_both_help_pages() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = Config::load(root, &Overrides::default()).expect("the configuration loads");
    let help = config.help.as_ref().expect("`help:` in handbook.yaml");
    assert!(!help.services.is_empty());
    for code in ["en", "hi"] {
        let l = lang(code);
        let page = std::fs::read_to_string(root.join(format!("content/{code}/help.md"))).unwrap();
        for s in &help.services {
            for (field, text) in [("name", &s.name), ("hours", &s.hours), ("what", &s.what)] {
                assert!(
                    !text.get(&l).trim().is_empty(),
                    "{}: `{field}` has no {code} text",
                    s.id
                );
            }
            for phone in &s.phones {
                assert!(
                    page.contains(&format!("**{}**", phone.shown)),
                    "{}: {} is not on content/{code}/help.md",
                    s.id,
                    phone.shown
                );
            }
        }
    }
    for s in &help.services {
        assert!(!s.sources.is_empty(), "{}: no source", s.id);
        for src in &s.sources {
            assert!(
                src.url.starts_with("https://"),
                "{}: source URL {:?}",
                s.id,
                src.url
            );
        }
    }
    // The numbers the issue names, confirmed by the sources above.
    let phones: Vec<&str> = help
        .services
        .iter()
        .flat_map(|s| s.phones.iter().map(|p| p.shown.as_str()))
        .collect();
    for n in ["14416", "1-800-891-4416", "112"] {
        assert!(phones.contains(&n), "{n} is not configured: {phones:?}");
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
