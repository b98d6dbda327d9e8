//! Issue 17: help for a reader in distress as a site feature. With `help:` in `handbook.yaml`
//! every page's footer names a free helpline (a `tel:` link) and links the help page of its
//! language; the help page lists every configured service with its numbers and dated sources;
//! pages tagged `feelings` (worksheets too, and in the print pack) carry the help box. Without
//! `help:` none of it appears; a wrong setting fails with file, line and setting.
//! Fixture: tests/fixtures/help; also the real handbook. The box on paper (PDF text) is tested
//! in tests/e2e/specs/print.test.js.

use crate::support::*;
use handbook::config::Overrides;
use handbook::model::help::wants_help_box;
use handbook::pipeline;
use std::path::Path;

/// The `<footer class="site-footer">` of a page.
fn site_footer(html: &str) -> Option<&str> {
    let start = html.find("<footer class=\"site-footer\">")?;
    let end = html[start..].find("</footer>")? + start;
    Some(&html[start..end])
}

/// The `lang` of the `<html>` element.
fn page_lang(html: &str) -> &str {
    let rest = &html[html.find("<html lang=\"").expect("<html lang>") + 12..];
    &rest[..rest.find('"').unwrap()]
}

/// The help box of a page, if it has one.
fn help_box(html: &str) -> Option<&str> {
    let start = html.find("<section class=\"help-box\"")?;
    let end = html[start..].find("</section>")? + start;
    Some(&html[start..end])
}

/// Every page's footer links the help page of its language and calls the featured number;
/// the root page, which has no one language, links both.
fn assert_footers_link_help(pages: &[(String, String)], base: &str, langs: &[&str]) {
    assert!(pages.len() > 10, "too few pages: {}", pages.len());
    for (file, html) in pages {
        let footer = site_footer(html).unwrap_or_else(|| panic!("{file}: no site footer"));
        let wanted: Vec<&str> = if file == "index.html" {
            langs.to_vec()
        } else {
            vec![page_lang(html)]
        };
        for lang in wanted {
            let help = format!("href=\"{base}{lang}/help/\"");
            assert!(
                footer.contains(&help),
                "{file}: footer does not link {help}"
            );
        }
        assert!(
            footer.contains("<p class=\"help-line\">") && footer.contains("href=\"tel:14416\""),
            "{file}: footer has no help line with the helpline number:\n{footer}"
        );
    }
}

fn built_pages(out: &Path) -> Vec<(String, String)> {
    html_files(out)
        .into_iter()
        .map(|f| (f.to_string_lossy().replace('\\', "/"), read(out.join(&f))))
        .collect()
}

#[test]
fn every_footer_links_the_help_page_in_both_languages() {
    let site = copy_fixture("help");
    let out = build_ok(site.path(), &[]);
    assert_footers_link_help(&built_pages(&out), "/hb/", &["en", "hi"]);
    // The help line in each language's words, the featured service's first number linked.
    let en = read(out.join("en/tips/learn-a-skill/index.html"));
    assert!(en.contains(
        "<span class=\"help-line-lead\">Feeling overwhelmed?</span> Free help, day and night: <a class=\"tel\" href=\"tel:14416\">Tele-MANAS 14416</a> · <a href=\"/hb/en/help/\">Help now</a>"
    ), "{}", site_footer(&en).unwrap());
    let hi = read(out.join("hi/tips/learn-a-skill/index.html"));
    assert!(hi.contains("मन बहुत भारी है?</span> मुफ़्त मदद, दिन हो या रात: <a class=\"tel\" href=\"tel:14416\">टेली-मानस 14416</a> · <a href=\"/hb/hi/help/\">अभी मदद चाहिए</a>"));
    // The root page's line for each language is marked with its language.
    let root = read(out.join("index.html"));
    assert!(root.contains(
        "<div lang=\"hi\"><p class=\"help-line\"><span class=\"help-line-lead\">मन बहुत भारी है?"
    ));
    // 404.html is served at any depth: its links start at the base path.
    let missing = read(out.join("404.html"));
    assert!(help_box(&missing).is_some_and(|b| b.contains("href=\"/hb/en/help/\"")));
}

#[test]
fn every_footer_of_the_handbook_links_the_help_page() {
    let (site, diags) = pipeline::load(repo_root(), &Overrides::default()).expect("loads");
    assert!(diags.0.is_empty(), "{diags}");
    let (files, diags) = pipeline::render(&site).expect("theme loads");
    assert!(diags.0.is_empty(), "{diags}");
    let pages: Vec<(String, String)> = files
        .into_iter()
        .filter(|f| f.path.ends_with(".html"))
        .map(|f| (f.path.clone(), String::from_utf8(f.bytes.to_vec()).unwrap()))
        .collect();
    assert_footers_link_help(&pages, "/", &["en", "hi"]);
    // Every page tagged `feelings` carries the help box, and the worksheets that ask how the
    // reader feels are tagged so, in both languages.
    for slug in [
        "after-rejection-reflection",
        "weekly-goals-tracker",
        "interview-post-mortem",
        "money-runway",
    ] {
        for lang in ["en", "hi"] {
            let page = site
                .pages_in(&handbook::model::lang::Lang::parse(lang).unwrap())
                .find(|p| p.key.slug() == slug)
                .unwrap_or_else(|| panic!("{lang}: no worksheet {slug}"));
            assert!(
                wants_help_box(page),
                "{lang}/{slug} is not tagged `feelings`"
            );
        }
    }
    let mut boxed = 0;
    for p in site.pages.iter().filter(|p| wants_help_box(p)) {
        let file = p.path.file();
        let html = &pages
            .iter()
            .find(|(f, _)| *f == file)
            .unwrap_or_else(|| panic!("{file} not rendered"))
            .1;
        let b = help_box(html).unwrap_or_else(|| panic!("{file}: no help box"));
        assert!(
            b.contains("href=\"tel:14416\"") && b.contains("href=\"tel:112\""),
            "{file}: {b}"
        );
        boxed += 1;
    }
    assert!(boxed >= 20, "only {boxed} pages carry the help box");
    // Both print packs carry the box on each feelings worksheet.
    for lang in ["en", "hi"] {
        let pack = &pages
            .iter()
            .find(|(f, _)| *f == format!("{lang}/worksheets/print/index.html"))
            .unwrap()
            .1;
        assert_eq!(
            pack.matches("<section class=\"help-box\"").count(),
            4,
            "{lang} pack"
        );
    }
}

#[test]
fn the_help_page_lists_every_service_with_tel_links_and_dated_sources() {
    let site = copy_fixture("help");
    let out = build_ok(site.path(), &[]);
    for (lang, call, abroad, checked, website) in [
        (
            "en",
            "Call now",
            "If you are in Pakistan",
            "checked 6 December 2026",
            "Official website",
        ),
        (
            "hi",
            "अभी कॉल करें",
            "अगर आप पाकिस्तान में हैं",
            "6 दिसंबर, 2026 को जाँचा गया",
            "आधिकारिक वेबसाइट",
        ),
    ] {
        let html = read(out.join(format!("{lang}/help/index.html")));
        let main = main_of(&html);
        // Services first, the site's own country's emergency number at the top (it is written
        // after Pakistan's in handbook.yaml), another country's under its own heading, then
        // the page's own text.
        let at = |needle: &str| {
            main.find(needle)
                .unwrap_or_else(|| panic!("{lang}: no {needle:?} in\n{main}"))
        };
        let order = [
            at(&format!(">{call}</h2>")),
            at("id=\"service-emergency-112\""),
            at("id=\"service-tele-manas\""),
            at(&format!(">{abroad}</h2>")),
            at("id=\"service-rescue-1122\""),
            at("<div class=\"prose\">"),
        ];
        assert!(order.is_sorted(), "{lang}: order {order:?}");
        assert!(main.contains("class=\"service service-emergency\" id=\"service-emergency-112\""));
        for tel in ["tel:112", "tel:14416", "tel:18008914416", "tel:1122"] {
            assert!(
                main.contains(&format!("href=\"{tel}\"")),
                "{lang}: no {tel}"
            );
        }
        assert!(main.contains(">1-800-891-4416</a>"));
        for source in [
            "https://en.vikaspedia.in/social-welfare/women-and-child-development/emergency-response-support-system",
            "https://arynews.tv/cm-murad-ali-shah-launches-rescue-1122-service-in-karachi/",
            "https://www.livemint.com/news/india/govts-mental-health-helpline-tele-manas-receives-over-2-lakh-calls-since-launch-11690014660473.html",
            "https://www.tribuneindia.com/news/chandigarh/pgimer-to-soon-roll-out-tele-manas-initiative-475182",
        ] {
            assert!(
                main.contains(&format!("<a href=\"{source}\" rel=\"noopener\">")),
                "{lang}: {source}"
            );
        }
        assert_eq!(main.matches(checked).count(), 3, "{lang}: checked dates");
        assert!(main.contains(&format!(
            "<dt>{website}</dt><dd><a href=\"https://telemanas.mohfw.gov.in/\""
        )));
        // Text from the configuration is escaped like any other.
        if lang == "en" {
            assert!(main.contains("Karachi &amp; other districts"), "{main}");
        }
        // The help page itself carries no box: it is the help.
        assert!(
            help_box(&html).is_none(),
            "{lang}: help box on the help page"
        );
    }
}

#[test]
fn pages_tagged_feelings_carry_the_help_box_on_screen_and_in_the_print_pack() {
    let site = copy_fixture("help");
    let out = build_ok(site.path(), &[]);
    for lang in ["en", "hi"] {
        for (page, boxed) in [
            ("tips/name-the-feeling", true),
            ("worksheets/how-i-feel", true),
            ("tips/learn-a-skill", false),
            ("worksheets/plan", false),
            ("help", false),
            ("tips", false),
            // The home page has the help line at the top instead: short, so the ways in fit
            // on a phone's first screen with it.
            ("", false),
        ] {
            let html = read(out.join(format!("{lang}/{page}/index.html").replace("//", "/")));
            assert_eq!(help_box(&html).is_some(), boxed, "{lang}/{page}");
        }
        let home = read(out.join(format!("{lang}/index.html")));
        let main = &home[home.find("<main").unwrap()..];
        assert!(
            main.find("<p class=\"help-line\">") < main.find("<h1>"),
            "{lang}: the help line comes first"
        );
        // On a worksheet the box comes right after the header, so it prints on the first page,
        // and names the featured service's numbers, the emergency number and the help page
        // (its public address for paper).
        let sheet = read(out.join(format!("{lang}/worksheets/how-i-feel/index.html")));
        let b = help_box(&sheet).unwrap();
        let header_end = sheet.find("</header>\n<section class=\"help-box\"");
        assert!(
            header_end.is_some(),
            "{lang}: the box does not follow the header"
        );
        for needle in [
            "href=\"tel:14416\"",
            "href=\"tel:18008914416\"",
            "href=\"tel:112\"",
            &format!("href=\"/hb/{lang}/help/\""),
            &format!("https://example.org/hb/{lang}/help/"),
        ] {
            assert!(b.contains(needle), "{lang}: {needle} not in {b}");
        }
        assert!(
            !b.contains("tel:1122"),
            "{lang}: another country's number in the box"
        );
        // In the print pack, the feelings sheet carries it and the other does not.
        let pack = read(out.join(format!("{lang}/worksheets/print/index.html")));
        let first = pack.find("id=\"ws-how-i-feel\"").unwrap();
        let second = pack.find("id=\"ws-plan\"").unwrap();
        let boxes: Vec<usize> = pack
            .match_indices("<section class=\"help-box\"")
            .map(|(i, _)| i)
            .collect();
        assert_eq!(boxes.len(), 1, "{lang} pack");
        assert!(first < boxes[0] && boxes[0] < second, "{lang} pack");
    }
}

#[test]
fn tel_links_dial_digits_only() {
    let site = copy_fixture("help");
    let yaml = read(site.path().join("handbook.yaml"))
        .replace("phones: [\"1122\"]", "phones: [\"+92 (21) 1122\"]");
    std::fs::write(site.path().join("handbook.yaml"), yaml).unwrap();
    let out = build_ok(site.path(), &[]);
    let mut seen = 0;
    for (file, html) in built_pages(&out) {
        for href in attr_links(&html)
            .into_iter()
            .filter(|h| h.starts_with("tel:"))
        {
            let number = &href[4..];
            let digits = number.strip_prefix('+').unwrap_or(number);
            assert!(
                !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()),
                "{file}: {href}"
            );
            seen += 1;
        }
    }
    assert!(seen > 20);
    let help = read(out.join("en/help/index.html"));
    assert!(help.contains("<a class=\"tel\" href=\"tel:+92211122\">+92 (21) 1122</a>"));
}

#[test]
fn a_site_without_help_has_no_help_line() {
    let site = copy_fixture("basic");
    assert!(!read(site.path().join("handbook.yaml")).contains("help:"));
    let out = build_ok(site.path(), &[]);
    let pages = built_pages(&out);
    assert!(pages.len() > 5);
    for (file, html) in pages {
        for needle in ["help-line", "help-box", "tel:", "help-services"] {
            assert!(!html.contains(needle), "{file} has {needle}");
        }
    }
}

#[test]
fn a_bad_help_setting_fails_naming_file_line_and_setting() {
    for (from, to, line, setting, says) in [
        (
            "name: { en: \"Tele-MANAS\", hi: \"टेली-मानस\" }",
            "name: { en: \"Tele-MANAS\" }",
            "handbook.yaml:36:",
            "`help.services[2].name`",
            "no text in `hi`",
        ),
        (
            "phones: [\"14416\", \"1-800-891-4416\"]",
            "phones: [\"14416\", \"1-800-TELE\"]",
            "handbook.yaml:37:",
            "`help.services[2].phones[1]`",
            "not a phone number",
        ),
        (
            "checked: 2026-11-30",
            "checked: 2026-11-31",
            "handbook.yaml:47:",
            "`help.services[2].sources[1].checked`",
            "YYYY-MM-DD",
        ),
        (
            "      line: { en:",
            "      tagline: { en:",
            "handbook.yaml:43:",
            "help.services[2]",
            "unknown field `tagline`",
        ),
    ] {
        let site = copy_fixture("help");
        let cfg = site.path().join("handbook.yaml");
        let yaml = read(&cfg);
        assert!(yaml.contains(from), "{from}");
        std::fs::write(&cfg, yaml.replace(from, to)).unwrap();
        for cmd in [&["build", "--out", "public"][..], &["check"]] {
            let o = handbook(site.path(), cmd);
            assert_eq!(o.status.code(), Some(1), "{cmd:?} {to}");
            let err = String::from_utf8_lossy(&o.stderr);
            for needle in [line, setting, says] {
                assert!(
                    err.contains(needle),
                    "{cmd:?} {to}: {needle:?} not in\n{err}"
                );
            }
            assert!(!err.contains("panicked"), "{err}");
        }
        assert!(!site.path().join("public").exists(), "{to}: output written");
    }
}

#[test]
fn help_services_need_a_help_page_in_every_language() {
    let site = copy_fixture("help");
    std::fs::remove_file(site.path().join("content/hi/help.md")).unwrap();
    let o = handbook(site.path(), &["build", "--out", "public"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("content/hi/help.md"), "{err}");
    assert!(err.contains("help page"), "{err}");
}

#[test]
fn another_country_sets_its_own_services_in_configuration_and_fluent() {
    let site = copy_fixture("help");
    let cfg = site.path().join("handbook.yaml");
    // A service of a country the built-in strings do not name: the help page would have no
    // heading for it.
    std::fs::write(&cfg, read(&cfg).replace("country: PK", "country: KE")).unwrap();
    let o = handbook(site.path(), &["check"]);
    assert_eq!(o.status.code(), Some(1));
    let err = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(err.contains("`help.services[1].country`"), "{err}");
    assert!(err.contains("handbook.yaml:24:"), "{err}");
    assert!(err.contains("`country-KE = …`"), "{err}");
    // The site names it in its own Fluent files, and sets its own featured service: no code.
    for (lang, name) in [("en", "Kenya"), ("hi", "केन्या")] {
        std::fs::write(
            site.path().join(format!("i18n/{lang}/countries.ftl")),
            format!("country-KE = {name}\n"),
        )
        .unwrap();
    }
    let yaml = read(&cfg).replace(
        "  country: IN\n  services:",
        "  country: KE\n  featured: rescue-1122\n  services:",
    );
    std::fs::write(&cfg, yaml).unwrap();
    let out = build_ok(site.path(), &[]);
    let help = main_of(&read(out.join("en/help/index.html")));
    let rescue = help.find("id=\"service-rescue-1122\"").unwrap();
    let india = help
        .find(">If you are in India</h2>")
        .expect("India's group");
    assert!(rescue < india, "{help}");
    let tip = read(out.join("hi/tips/learn-a-skill/index.html"));
    let footer = site_footer(&tip).unwrap();
    assert!(
        footer.contains("कोई आपकी बात सुनेगा: <a class=\"tel\" href=\"tel:1122\">रेस्क्यू 1122 1122</a>"),
        "{footer}"
    );
    // The site's own messages count as used.
    let o = handbook(site.path(), &["check", "--strict"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn the_help_page_without_help_settings_is_an_ordinary_page() {
    let site = copy_fixture("help");
    let cfg = site.path().join("handbook.yaml");
    let yaml = read(&cfg);
    std::fs::write(&cfg, &yaml[..yaml.find("help:").unwrap()]).unwrap();
    let out = build_ok(site.path(), &[]);
    let html = read(out.join("en/help/index.html"));
    assert!(html.contains("<h1>Help now</h1>"));
    assert!(!html.contains("help-services") && !html.contains("help-line"));
}
