//! Input that must BUILD, safely and correctly: a byte-order mark and CRLF line endings,
//! 10,000 levels of nesting, one slug in two sections, and markup written to attack the site
//! (`<script>`, event handlers, `javascript:` URLs, attribute break-outs, template syntax) in
//! every free-text field, in the body, in tag names and in the site title. The built HTML is
//! checked here; tests/e2e/specs/hostile.test.js loads the same fixture in Chromium and
//! listens for dialogs. Bad input that must fail is in errors.rs.

use crate::html_tags::{MARKDOWN_TAGS, start_tags};
use crate::support::*;
use std::collections::BTreeSet;
use std::path::Path;

/// Rewrites every text file of a site with a byte-order mark and CRLF line endings, as a
/// Windows editor may save them.
fn to_bom_crlf(site: &Path) {
    for entry in walkdir::WalkDir::new(site) {
        let entry = entry.unwrap();
        let ext = entry.path().extension().and_then(|e| e.to_str());
        if !matches!(ext, Some("md" | "ftl" | "yaml")) {
            continue;
        }
        let text = read(entry.path());
        let converted = format!("\u{feff}{}", text.replace('\n', "\r\n"));
        std::fs::write(entry.path(), converted).unwrap();
    }
}

#[test]
fn bom_and_crlf_build_exactly_the_same_site() {
    let plain = copy_fixture("basic");
    let windows = copy_fixture("basic");
    to_bom_crlf(windows.path());
    assert!(read(windows.path().join("content/hi/_index.md")).starts_with("\u{feff}---\r\n"));
    let a = build_ok(plain.path(), &[]);
    let b = build_ok(windows.path(), &[]);
    let (a, b) = (tree(&a), tree(&b));
    assert_eq!(
        a.keys().collect::<Vec<_>>(),
        b.keys().collect::<Vec<_>>(),
        "same files"
    );
    for (path, bytes) in &a {
        assert!(
            bytes == &b[path],
            "{} differs when the sources have a BOM and CRLF line endings",
            path.display()
        );
    }
    let home = String::from_utf8_lossy(&b[Path::new("hi/index.html")]).into_owned();
    assert!(!home.contains('\r') && !home.contains('\u{feff}'));
}

/// The rendered Markdown of a page: from its prose block to the end of `<main>`.
fn prose(html: &str) -> String {
    let main = main_of(html);
    let start = main
        .find("class=\"prose\"")
        .expect("page has a prose block");
    main[start..].to_string()
}

#[test]
fn ten_thousand_levels_of_nesting_build_without_overflowing_the_stack() {
    const DEPTH: usize = 10_000;
    let site = copy_fixture("basic");
    let page = |rel: &str, title: &str, body: String| {
        std::fs::write(
            site.path().join(rel),
            format!("---\ntitle: {title}\nsummary: Deep.\n---\n{body}"),
        )
        .unwrap();
    };
    page(
        "content/en/guidance/deep-quotes.md",
        "Quotes",
        format!("{} deepest\n", ">".repeat(DEPTH)),
    );
    page(
        "content/en/guidance/deep-lists.md",
        "Lists",
        format!("{}x\n\n{}y\n", "- ".repeat(DEPTH), "1. ".repeat(DEPTH)),
    );
    // A prompt with writing lines, a task and a table, 5,000 quotes deep.
    page(
        "content/en/worksheets/deep-sheet.md",
        "Sheet",
        format!(
            "{p}Prompt\n{p}\n{p}```lines 2\n{p}```\n{p}\n{p}- [ ] done\n{p}\n{p}| a | b |\n{p}|---|---|\n{p}|  | x |\n",
            p = format!("{} ", ">".repeat(DEPTH / 2))
        ),
    );
    let out = build_ok(site.path(), &[]);
    let quotes = prose(&read(out.join("en/guidance/deep-quotes/index.html")));
    assert_eq!(quotes.matches("<blockquote>").count(), DEPTH);
    assert_eq!(quotes.matches("</blockquote>").count(), DEPTH);
    let lists = prose(&read(out.join("en/guidance/deep-lists/index.html")));
    assert_eq!(lists.matches("<ul>").count(), DEPTH);
    assert_eq!(lists.matches("<ol>").count(), DEPTH);
    let sheet = prose(&read(out.join("en/worksheets/deep-sheet/index.html")));
    assert_eq!(sheet.matches("<blockquote>").count(), DEPTH / 2);
    assert!(sheet.contains("<div class=\"ws-lines\" data-lines=\"2\">"));
    assert!(sheet.contains("ws-check") && sheet.contains("ws-fill"));
    let o = handbook(site.path(), &["check"]);
    assert!(
        !String::from_utf8_lossy(&o.stderr).contains("panicked"),
        "check survives it too"
    );
}

#[test]
fn one_slug_in_two_sections_builds_two_pages() {
    let site = copy_fixture("basic");
    std::fs::write(
        site.path().join("content/en/stories/rest.md"),
        "---\ntitle: A story called rest\nsummary: Same slug as a tip.\n---\nStory.\n",
    )
    .unwrap();
    let out = build_ok(site.path(), &[]);
    assert!(read(out.join("en/stories/rest/index.html")).contains("A story called rest"));
    assert!(!read(out.join("en/tips/rest/index.html")).contains("A story called rest"));
}

/// What the theme itself writes: the names of the elements in its templates, and the text of
/// its inline scripts.
fn theme_markup() -> (BTreeSet<String>, Vec<String>) {
    let dir = repo_root().join("themes/default/templates");
    let (mut names, mut scripts) = (BTreeSet::new(), Vec::new());
    // Partials (`templates/partials/`) included.
    let files = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.expect("theme templates"));
    for entry in files.filter(|e| e.file_type().is_file()) {
        let html = read(entry.path());
        for tag in start_tags(&html) {
            if tag.name == "script" && tag.attr("src").is_none() && !tag.text.trim().is_empty() {
                scripts.push(tag.text.trim().to_string());
            }
            names.insert(tag.name);
        }
    }
    (names, scripts)
}

/// Every element in `html` that could run script or change the page beyond its text: event
/// handlers, script URLs, styles, and any kind of element that neither the theme nor the
/// Markdown renderer writes. Scripts may only be the theme's: files under `static/js/`, or
/// inline scripts written verbatim in its templates.
fn dangerous(html: &str, allowed_forms: usize) -> Vec<String> {
    let (theme_tags, theme_scripts) = theme_markup();
    let mut found = Vec::new();
    let mut forms = 0;
    for tag in start_tags(html) {
        let at = |what: String| format!("line {}: <{}> {what}", tag.line, tag.name);
        for (name, value) in &tag.attrs {
            if name.starts_with("on") {
                found.push(at(format!("has an event handler `{name}`")));
            }
            let v = value.trim().to_ascii_lowercase();
            if ["javascript:", "vbscript:", "data:"]
                .iter()
                .any(|s| v.starts_with(s))
            {
                found.push(at(format!("has a script URL in `{name}`")));
            }
            // The renderer's own styles: a box's height in rows, a fill-in column's width.
            let column_width = tag.name == "col"
                && value
                    .strip_prefix("width:")
                    .and_then(|w| w.strip_suffix('%'))
                    .is_some_and(|n| n.parse::<f64>().is_ok());
            if name == "style" && !value.starts_with("--rows:") && !column_width {
                found.push(at(format!("has a style `{value}`")));
            }
        }
        match tag.name.as_str() {
            "script" => match tag.attr("src") {
                Some(src) if src.contains("static/js/") => {}
                None if theme_scripts.contains(&tag.text.trim().to_string()) => {}
                src => found.push(at(format!(
                    "is a script that is not the theme's (src {src:?}, text {:?})",
                    tag.text.chars().take(60).collect::<String>()
                ))),
            },
            "img" => {
                let src = tag.attr("src").unwrap_or("");
                if !src.ends_with("pic.svg") && !src.ends_with("drawing.svg") {
                    found.push(at(format!("loads `{src}`")));
                }
            }
            // The theme's own Content-Security-Policy is the one `http-equiv` allowed.
            "meta"
                if tag.attr("http-equiv").is_some()
                    && tag.attr("content") != Some(handbook::html::CONTENT_SECURITY_POLICY) =>
            {
                found.push(at("redirects or changes the policy".into()))
            }
            // The theme's own search forms and their fields.
            "form" => forms += 1,
            "input" | "button" => {}
            // The harmless HTML a page may write (`<details>`, `<kbd>`…), by allow-list.
            name if !theme_tags.contains(name)
                && !MARKDOWN_TAGS.contains(&name)
                && !handbook::content::raw_html::ALLOWED
                    .iter()
                    .any(|(t, _)| *t == name) =>
            {
                found.push(at(
                    "is neither the theme's, the Markdown renderer's nor allowed in a page".into(),
                ))
            }
            _ => {}
        }
    }
    if forms > allowed_forms {
        found.push(format!("{forms} forms, the theme has {allowed_forms}"));
    }
    found
}

#[test]
fn hostile_markup_comes_out_as_text() {
    for args in [&[][..], &["--portable"][..]] {
        let site = copy_fixture("hostile-markup");
        let out = build_ok(site.path(), args);
        let mut pages = 0;
        for (file, bytes) in tree(&out) {
            let text = String::from_utf8_lossy(&bytes);
            let ext = file.extension().and_then(|e| e.to_str()).unwrap_or("");
            match ext {
                "html" => {
                    pages += 1;
                    let search = file.ends_with("search/index.html");
                    let problems = dangerous(&text, if search { 2 } else { 1 });
                    assert!(
                        problems.is_empty(),
                        "{} ({args:?}):\n{}",
                        file.display(),
                        problems.join("\n")
                    );
                    assert!(!text.contains("<script>alert"), "{}", file.display());
                }
                "xml" => {
                    let tags: Vec<_> = start_tags(&text)
                        .into_iter()
                        .filter(|t| matches!(t.name.as_str(), "script" | "img" | "svg"))
                        .collect();
                    assert!(tags.is_empty(), "{}: {tags:?}", file.display());
                }
                // The search index is data for the theme's script, loaded as a file, never
                // inlined; that its titles and snippets stay text is tested in Chromium.
                _ => {}
            }
        }
        assert!(pages >= 14, "{pages} pages");
        let story = read(out.join("en/stories/evil/index.html"));
        assert!(
            story.contains("{{ 7*7 }} ${7*7}") && !story.contains("Story <"),
            "titles are text, not templates"
        );
        assert!(
            story.contains("&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;"),
            "the title is escaped, not dropped"
        );
    }
}

#[test]
fn the_markup_check_catches_what_it_looks_for() {
    for bad in [
        "<img src=x onerror=alert(1)>",
        "<p ONCLICK='x()'>",
        "<script>alert(1)</script>",
        "<a href=' javascript:alert(1)'>",
        "<iframe src=/x>",
        "<object data=/x></object>",
        "<marquee>x</marquee>",
        "<meta http-equiv=refresh content='0;url=/x'>",
        "<form></form><form></form>",
    ] {
        assert!(!dangerous(bad, 1).is_empty(), "{bad}");
    }
    let theme = "<form role=search><input name=q><button>Go</button></form><script src=\"/static/js/search.js\" defer></script><div class=ws-box style=\"--rows:3\"></div>";
    assert_eq!(dangerous(theme, 1), Vec::<String>::new());
}
