//! Property tests (proptest): no input makes front matter parsing, Markdown scanning and
//! rendering (worksheet blocks included), base URLs, link making or a whole site's link
//! rewriting panic, and what comes out keeps its promises: raw HTML never passes, every error
//! points at a line of the file, every link the build accepted resolves.
//!
//! Inputs are mostly made of the pieces that matter (front-matter syntax, Markdown markers,
//! worksheet fences, links with `../` and anchors, Devanagari, BOM and CR) so that the cases
//! reach deep paths; plain arbitrary strings and bytes are mixed in. The case counts keep the
//! whole file to a few seconds; `PROPTEST_CASES=5000 cargo test --test testsuite props` digs
//! deeper. A failure is saved under tests/proptest-regressions/ and replayed first
//! on every later run: commit that file with the fix.

use crate::html_tags::{MARKDOWN_TAGS, percent_decode, start_tags};
use handbook::config::Overrides;
use handbook::content::frontmatter::{Requirements, parse_document};
use handbook::content::markdown::{self, RenderContext, WorksheetLabels};
use handbook::model::url::{BaseUrl, Linker, SitePath};
use handbook::pipeline;
use proptest::prelude::*;
use std::collections::BTreeSet;
use std::path::Path;

/// `PROPTEST_CASES` when set, else `default`.
fn cases(default: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

/// Text made of `pieces` and, now and then, arbitrary characters.
fn made_of(pieces: &'static [&'static str], max: usize) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        8 => proptest::sample::select(pieces).prop_map(str::to_string),
        1 => any::<String>().prop_map(|s| s.chars().take(12).collect()),
    ];
    proptest::collection::vec(piece, 0..max).prop_map(|v| v.concat())
}

const FRONT_MATTER: &[&str] = &[
    "---\n",
    "---",
    "\r\n",
    "\n",
    "\u{feff}",
    "title: ",
    "summary: ",
    "tags: ",
    "date: ",
    "weight: ",
    "draft: ",
    "source:\n  name: ",
    "  url: ",
    "illustrative: ",
    "author: ",
    "[",
    "]",
    "{",
    "}",
    ",",
    "\"",
    "'",
    ": ",
    "- ",
    "  ",
    "\t",
    "#",
    "|",
    ">",
    "&a ",
    "*a",
    "!!binary ",
    "? ",
    "~",
    "2024-02-29",
    "2023-02-29",
    "9999999999999999999999",
    "1.5",
    "true",
    "yes",
    "x",
    "feedback",
    "Hello",
    "नमस्ते",
    "इंटरव्यू",
    "\u{0}",
    "<script>",
    "%",
    "@",
    "`",
];

const MARKDOWN: &[&str] = &[
    "\n",
    "\n\n",
    "    ",
    "\t",
    "> ",
    ">",
    "- ",
    "* ",
    "1. ",
    "- [ ] ",
    "- [x] ",
    "# ",
    "## ",
    "### ",
    " {#id}",
    " {#x .c}",
    "```lines 3\n",
    "```lines 40\n",
    "```lines 0\n",
    "```lines\n",
    "```box 2\n",
    "```box 99\n",
    "```name-date\n",
    "```name-date 2\n",
    "```line 3\n",
    "```rust\n",
    "```\n",
    "~~~\n",
    "| a | b |\n",
    "|---|---|\n",
    "|  | x |\n",
    "|",
    "[",
    "]",
    "(",
    ")",
    "![",
    "](",
    "[x](",
    "../tips/a.md",
    "../tips/b.md#",
    "a.md",
    "#h",
    "#",
    "https://example.org/",
    "mailto:a@b.c",
    "javascript:alert(1)",
    "/en/",
    "//x",
    "../../../x",
    "%2F",
    "%E0%A4",
    "pic.png",
    "[^1]",
    "[^1]: note\n",
    "*",
    "**",
    "_",
    "~~",
    "`",
    "\\",
    "&",
    "&amp;",
    "<",
    "<script>",
    "<img src=x onerror=alert(1)>",
    "</div>",
    "<!--",
    "-->",
    "---\n",
    "===\n",
    "Hello ",
    "इंटरव्यू के बाद ",
    "्",
    "\u{200d}",
    "\r\n",
    "\r",
    "<https://x.org>",
];

fn render_all(body: &str) -> String {
    let scan = markdown::scan(body, 4);
    let ids: Vec<String> = scan.headings.iter().map(|h| h.id.clone()).collect();
    let resolve = |d: &str| (!d.contains("b.md")).then(|| format!("/resolved/{d}"));
    let labels = WorksheetLabels {
        name: "Name <b>".into(),
        date: "Date".into(),
    };
    markdown::render(
        body,
        &RenderContext {
            heading_ids: &ids,
            resolve: &resolve,
            labels: &labels,
            // Print packs nest worksheets one level down; vary it with the input.
            heading_offset: (body.len() % 3) as u8,
        },
    )
}

/// Pieces of Markdown that try to get script into the page: heading attribute blocks with
/// random keys and values, links and images with every scheme and encoding trick, footnotes,
/// tables and raw HTML. Raw HTML is shown as text today and will pass an allow-list later; the
/// property below holds either way.
const HOSTILE: &[&str] = &[
    "\n\n",
    "\n",
    "# ",
    "## ",
    "Setext\n===\n",
    " {",
    "}",
    "#id ",
    ".cls ",
    "onfocus=alert(1) ",
    "ONMOUSEOVER=x ",
    "autofocus ",
    "tabindex=0 ",
    "style=x ",
    "href=javascript:x ",
    "src=data:x ",
    "=",
    "\"",
    "'",
    "[x](",
    "![alt](",
    ")",
    "javascript:alert(1)",
    "JaVaScRiPt:x",
    "java\tscript:x",
    " javascript:x",
    "&#106;avascript:x",
    "jav&#x61;script:x",
    "data:text/html,<script>x</script>",
    "vbscript:x",
    "tel:14416",
    "mailto:a@b.c",
    "https://example.org/",
    "<javascript:alert(1)>",
    "<data:x>",
    "[r]: javascript:x\n",
    "[r]",
    "[^f]",
    "[^f]: note {onclick=x}\n",
    "| a | b |\n|---|---|\n",
    "| <script>x</script> | [l](javascript:x) |\n",
    "<script>alert(1)</script>",
    "<iframe src=x></iframe>",
    "<object data=x>",
    "<embed src=x>",
    "<base href=//x/>",
    "<meta http-equiv=refresh content=0>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<a href=\"javascript:x\">",
    "<div onmouseover=\"x\">",
    "```lines 2\n```\n",
    "- [ ] ",
    "> ",
    "text ",
    "*",
    "`",
];

/// Elements that must never come out of Markdown, whatever raw HTML handling is in place.
const NEVER_ELEMENTS: &[&str] = &[
    "script", "iframe", "object", "embed", "base", "meta", "frame", "frameset", "applet", "link",
    "style", "form", "svg", "math",
];

/// Why `html` (rendered Markdown) could run script, or `None`.
fn scripted(html: &str) -> Option<String> {
    for tag in start_tags(html) {
        if NEVER_ELEMENTS.contains(&tag.name.as_str()) {
            return Some(format!("<{}>", tag.name));
        }
        for (name, value) in &tag.attrs {
            if name.starts_with("on") {
                return Some(format!("<{} {name}>", tag.name));
            }
            // Browsers drop tabs and newlines anywhere in a URL and spaces around it.
            let v: String = value
                .chars()
                .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
                .collect::<String>()
                .trim()
                .to_ascii_lowercase();
            if ["javascript:", "data:", "vbscript:"]
                .iter()
                .any(|s| v.starts_with(s))
            {
                return Some(format!("<{} {name}={value:?}>", tag.name));
            }
        }
    }
    None
}

proptest! {
    #![proptest_config(cases(300))]

    /// Issue 15, finding 1 and what it stands for: no Markdown yields an event handler, a
    /// script URL or an element that runs or loads code, scan problems or not.
    #[test]
    fn markdown_never_yields_script(
        body in prop_oneof![6 => made_of(HOSTILE, 40), 1 => any::<String>()],
    ) {
        let html = render_all(&body);
        prop_assert!(scripted(&html).is_none(), "{:?} from {body:?}:\n{html}", scripted(&html));
    }

    #[test]
    fn front_matter_never_panics_and_errors_point_into_the_file(
        text in prop_oneof![made_of(FRONT_MATTER, 40), any::<String>()],
        tags in any::<bool>(),
    ) {
        let lines = text.split(['\n', '\r']).count();
        match parse_document(text.as_bytes(), Path::new("p.md"), Requirements { tags }) {
            Ok(doc) => {
                prop_assert!(!doc.front.title.trim().is_empty());
                prop_assert!(!doc.front.summary.trim().is_empty());
                prop_assert!(doc.body_offset <= lines + 1);
            }
            Err(diags) => {
                prop_assert!(!diags.is_empty());
                for d in diags {
                    prop_assert!((1..=lines + 1).contains(&d.line), "line {} of {lines}: {d:?}", d.line);
                }
            }
        }
    }

    #[test]
    fn front_matter_never_panics_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let mut with_fence = b"---\ntitle: ".to_vec();
        with_fence.extend_from_slice(&bytes);
        for input in [&bytes, &with_fence] {
            let _ = parse_document(input, Path::new("p.md"), Requirements::default());
        }
    }

    #[test]
    fn markdown_never_panics_and_never_passes_raw_html(
        body in prop_oneof![4 => made_of(MARKDOWN, 60), 1 => any::<String>()],
    ) {
        let html = render_all(&body);
        for tag in start_tags(&html) {
            // The renderer's own elements, or those a page may write (the HTML allow-list).
            let allowed = MARKDOWN_TAGS.contains(&tag.name.as_str())
                || handbook::content::raw_html::ALLOWED.iter().any(|(t, _)| *t == tag.name);
            prop_assert!(allowed, "<{}> from {body:?}:\n{html}", tag.name);
            for (name, value) in &tag.attrs {
                prop_assert!(!name.starts_with("on"), "{name} in {html}");
                let v = value.trim_start().to_ascii_lowercase();
                prop_assert!(!v.starts_with("javascript:"), "{name}={value} in {html}");
            }
        }
        // Every writing block and task box the scan counted is drawn.
        let scan = markdown::scan(&body, 0);
        prop_assert!(scan.problems.iter().all(|p| p.line >= 1));
    }

    #[test]
    fn headings_get_nonempty_ids_without_spaces(text in any::<String>()) {
        let id = markdown::slugify_heading(&text);
        prop_assert!(!id.is_empty());
        prop_assert!(!id.contains(char::is_whitespace), "{id:?}");
        let _ = markdown::classify_link(&text);
    }

    #[test]
    fn base_urls_are_plain_folder_paths(raw in prop_oneof![
        made_of(&["https://", "http://", "/", "x.github.io", "handbook", "..", ".", "?", "#", " ", "@", ":8080", "%2e"], 8),
        any::<String>(),
    ]) {
        if let Ok(b) = BaseUrl::parse(&raw) {
            prop_assert!(b.path.starts_with('/') && b.path.ends_with('/'), "{b:?}");
            prop_assert!(!b.path.split('/').any(|s| s == ".." || s == "."), "{b:?}");
        }
    }

    #[test]
    fn every_link_the_linker_makes_resolves(
        from in proptest::collection::vec("[a-z0-9-]{1,5}", 0..4),
        to in proptest::collection::vec("[a-z0-9-]{1,5}", 0..4),
        from_dir in any::<bool>(),
        to_dir in any::<bool>(),
    ) {
        let path = |parts: &[String], dir: bool| {
            let joined = parts.join("/");
            SitePath::new(if dir && !joined.is_empty() { format!("{joined}/") } else { joined })
        };
        let (from, to) = (path(&from, from_dir), path(&to, to_dir));
        let portable = Linker { base: BaseUrl::parse("/").unwrap(), portable: true };
        let href = portable.href(&from, &to);
        prop_assert!(!href.starts_with('/') && !href.ends_with('/'), "{href}");
        let dir = Path::new(&from.file()).parent().map(Path::to_path_buf).unwrap_or_default();
        let mut resolved: Vec<String> = Vec::new();
        for part in dir.join(&href).iter() {
            match part.to_str().unwrap() {
                ".." => { prop_assert!(resolved.pop().is_some(), "{href} climbs above the root"); }
                p => resolved.push(p.to_string()),
            }
        }
        prop_assert_eq!(resolved.join("/"), to.file());
        let served = Linker { base: BaseUrl::parse("https://x.io/handbook/").unwrap(), portable: false };
        prop_assert_eq!(served.href(&from, &to), format!("/handbook/{}", to.as_str()));
    }
}

/// Pieces of a page body that a build accepts: links to pages, anchors, files and the other
/// language, written every way a contributor might (`..` detours, percent-encoding, a query).
const GOOD: &[&str] = &[
    "[a](../tips/a.md) ",
    "[b](../tips/b.md#second) ",
    "[c](../tips/../tips/a.md#first) ",
    "[d](../../en/tips/a.md) ",
    "[e](../../hi/tips/a.md) ",
    "[g](../tips/pic.png) ",
    "![h](../tips/pic.png) ",
    "[l](%2E%2E/tips/a.md) ",
    "[m](../tips/a.md?x=1#first) ",
    "[p](../tips/a.md#first \"t\") ",
    "[ext](https://example.org/a?b=1&c=2) ",
    "\n\n## Own\n\n[f](#own)\n\n",
    " text ",
    "\n\n",
    // Blocks start on a line of their own: a fence after text on the same line would open a
    // code block that swallows the rest of the page (links in it are rightly not checked).
    "\n\n```lines 2\n```\n\n",
    "\n\n| x |\n|---|\n|  |\n\n",
    "\n\n- [ ] done\n\n",
    "\n\n> quoted [a](../tips/a.md)\n\n",
];

/// One of these makes the build fail, naming the page.
const BAD: &[&str] = &[
    "[i](../tips/missing.md)",
    "[j](../tips/a.md#nowhere)",
    "[k](../../../../etc/passwd)",
    "[n](/en/tips/a/)",
    "[o](javascript:alert(1))",
    "![](../tips/pic.png)",
    "[q](#not-a-heading)",
    "\n\n```lines 0\n```",
];

proptest! {
    // Each case writes a small site and loads and renders it: fewer cases.
    #![proptest_config(cases(40))]

    #[test]
    fn link_rewriting_never_panics_and_accepted_links_resolve(
        good in made_of(GOOD, 12),
        bad in proptest::option::weighted(0.25, proptest::sample::select(BAD)),
        section in proptest::sample::select(&["tips", "guidance", "worksheets"][..]),
        portable in any::<bool>(),
    ) {
        let body = format!("{good}\n\n{}\n", bad.unwrap_or(""));
        let site = tempfile::tempdir().unwrap();
        let write = |rel: &str, text: &str| {
            let p = site.path().join(rel);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        };
        let tip = |title: &str, body: &str| format!("---\ntitle: {title}\nsummary: S.\ntags: [calm]\n---\n{body}");
        write("content/en/tips/a.md", &tip("A", "# First\n\nText.\n"));
        write("content/en/tips/b.md", &tip("B", "## Second\n\nText.\n"));
        write("content/hi/tips/a.md", &tip("ए", "# पहला\n"));
        write("content/en/tips/pic.png", "not really a png");
        write("i18n/en/tags.ftl", "tag-calm = Calm\n");
        write("i18n/hi/tags.ftl", "tag-calm = शांत\n");
        let tags = if section == "tips" { "tags: [calm]\n" } else { "" };
        write(
            &format!("content/en/{section}/page.md"),
            &format!("---\ntitle: Page\nsummary: S.\n{tags}---\n{body}\n"),
        );
        let overrides = Overrides { portable, base_url: Some("/handbook/".into()), ..Overrides::default() };
        let (site_model, diags) = pipeline::load(site.path(), &overrides).unwrap();
        let (files, render_diags) = pipeline::render(&site_model).unwrap();
        prop_assert!(render_diags.0.is_empty(), "{render_diags}");
        if bad.is_some() {
            prop_assert!(diags.has_errors(), "{bad:?} was accepted:\n{body}");
            return Ok(());
        }
        prop_assert!(!diags.has_errors(), "{diags}\n{body}");
        let paths: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
        let page_path = format!("en/{section}/page/index.html");
        let page = files.iter().find(|f| f.path == page_path).expect("the page is rendered");
        let html = String::from_utf8_lossy(&page.bytes);
        let prose = &html[html.find("class=\"prose\"").unwrap()..];
        let prose = &prose[..prose.find("</article>").unwrap_or(prose.len())];
        for tag in start_tags(prose) {
            let Some(url) = tag.attr("href").or(tag.attr("src")) else { continue };
            if url.starts_with("https://") || url.starts_with("mailto:") || url.is_empty() {
                continue;
            }
            let (path, frag) = url.split_once('#').unwrap_or((url, ""));
            let file = if path.is_empty() {
                page_path.clone()
            } else if portable {
                let mut parts: Vec<&str> = page_path.split('/').collect();
                parts.pop();
                for seg in path.split('/') {
                    if seg == ".." { parts.pop(); } else { parts.push(seg); }
                }
                parts.join("/")
            } else {
                let rest = path.strip_prefix("/handbook/");
                prop_assert!(rest.is_some(), "{url} leaves /handbook/");
                let rest = rest.unwrap();
                if rest.ends_with('/') { format!("{rest}index.html") } else { rest.to_string() }
            };
            prop_assert!(paths.contains(file.as_str()), "{url} in {page_path} names {file}, not built:\n{body}");
            if !frag.is_empty() {
                let target = files.iter().find(|f| f.path == file).unwrap();
                let ids: BTreeSet<String> = start_tags(&String::from_utf8_lossy(&target.bytes))
                    .into_iter()
                    .filter_map(|t| t.attr("id").map(str::to_string))
                    .collect();
                prop_assert!(ids.contains(&percent_decode(frag)), "{url}: no #{frag} in {file}");
            }
        }
    }
}
