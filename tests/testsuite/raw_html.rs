//! HTML written in Markdown, as pages written elsewhere carry it: the allowed elements render
//! (with the Markdown inside them), the hostile ones are gone, `check` names every drop with
//! its line, and the search text holds no tags.

use crate::support::*;

const PAGE: &str = "content/en/guidance/imported.md";

#[test]
fn allowed_html_renders_and_hostile_html_is_gone() {
    let site = copy_fixture("external-html");
    let out = build_ok(site.path(), &[]);
    let main = main_of(&read(out.join("en/guidance/imported/index.html")));
    for kept in [
        "<kbd>Ctrl</kbd>",
        "2<sup>nd</sup>",
        "H<sub>2</sub>O",
        "<abbr title=\"Curriculum vitae\">CV</abbr>",
        "<details>\n<summary>What to say when they call</summary>\n<p>Say <strong>thank you</strong>",
        "<aside>\n<p><img src=\"/en/guidance/map.svg\" alt=\"A map of the steps\"></p>",
        "<figcaption>The steps, drawn</figcaption>",
        "<td><kbd>Tab</kbd></td>",
    ] {
        assert!(main.contains(kept), "{kept}\n{main}");
    }
    for gone in [
        "alert",
        "<script",
        "<iframe",
        "<form",
        "<input",
        "style=",
        "onclick",
        "onmouseover",
        "javascript",
        "&lt;",
    ] {
        assert!(!main.contains(gone), "{gone}\n{main}");
    }
    insta::assert_snapshot!("external_html_main", main);
}

#[test]
fn check_names_every_dropped_element_with_its_line() {
    let site = copy_fixture("external-html");
    let o = handbook(site.path(), &["check", "--format", "github"]);
    assert_eq!(o.status.code(), Some(0), "drops are warnings");
    let out = String::from_utf8_lossy(&o.stdout);
    let found: Vec<String> = out
        .lines()
        .map(|l| {
            let (place, message) = l.split_once("::the ").unwrap_or((l, ""));
            let what = message.split(" is not allowed").next().unwrap_or("");
            format!(
                "{} {what}",
                place.trim_start_matches(&format!("::warning file={PAGE},"))
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            "line=28,col=6 attribute `style` of `<div>`",
            "line=28,col=24 attribute `onclick` of `<div>`",
            "line=30,col=1 HTML element `<script>`",
            "line=32,col=1 HTML element `<iframe>`",
            "line=34,col=8 HTML element `<a>`",
            "line=34,col=63 attribute `class` of `<span>`",
            "line=34,col=73 attribute `onmouseover` of `<span>`",
            "line=36,col=1 HTML element `<form>`",
            "line=36,col=38 HTML element `<input>`",
        ],
        "{out}"
    );
}

#[test]
fn search_text_has_no_tags() {
    let site = copy_fixture("external-html");
    let out = build_ok(site.path(), &[]);
    let mut seen = false;
    for (file, bytes) in tree(&out.join("search-index/en")) {
        let text = String::from_utf8_lossy(&bytes);
        if text.contains("thank you") {
            seen = true;
            assert!(text.contains("Press Ctrl + S to save"), "{text}");
            assert!(!text.contains('<'), "{}: {text}", file.display());
            assert!(!text.contains("alert"), "{}: {text}", file.display());
        }
    }
    assert!(seen, "the page's text is in the search index");
}
