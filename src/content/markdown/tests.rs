//! Tests of the Markdown stage: scanning (ids, links, problems) and rendering.

use super::*;

fn html(md: &str) -> String {
    html_offset(md, 0)
}

#[test]
fn plain_text_is_the_visible_text_one_block_per_line() {
    let md = "# नौकरी  &amp; *ख़ुशी*\n\nOne line\nand the next \\*not em\\* &lt;b&gt;\n\n\
              - item `code`\n- second<br>\n\n| a | b |\n|---|---|\n| x | y |\n\n\
              ```lines 3\n```\n\n```\nlet hidden = 1;\n```\n\n> quoted &copy; text\n";
    let s = scan(md, 0);
    assert_eq!(
        s.plain.text(md),
        "नौकरी  & ख़ुशी\nOne line and the next *not em* <b>\nitem code\nsecond\n\
         a\nb\nx\ny\nquoted © text"
    );
    // Entities are the only text here not borrowed from the body.
    assert_eq!(s.plain.owned, "&<> ©");
    assert_eq!(Plain::default().text(""), "");
}

fn html_offset(md: &str, heading_offset: u8) -> String {
    let s = scan(md, 0);
    let ids: Vec<String> = s.headings.iter().map(|h| h.id.clone()).collect();
    let resolve = |d: &str| Some(format!("/resolved/{d}"));
    let labels = WorksheetLabels {
        name: "Name".into(),
        date: "Date".into(),
    };
    render(
        md,
        &RenderContext {
            heading_ids: &ids,
            resolve: &resolve,
            labels: &labels,
            heading_offset,
        },
    )
}

#[test]
fn headings_shift_for_nesting() {
    let h = html_offset("# A\n\n## B\n\n###### F\n", 1);
    assert!(h.contains("<h2 id=\"a\">A</h2>"), "{h}");
    assert!(h.contains("<h3 id=\"b\">B</h3>"), "{h}");
    assert!(h.contains("<h6 id=\"f\">F</h6>"), "{h}");
}

#[test]
fn devanagari_heading_ids() {
    assert_eq!(slugify_heading("इंटरव्यू के बाद क्या करें?"), "इंटरव्यू-के-बाद-क्या-करें");
    assert_eq!(
        slugify_heading("After the interview: next steps"),
        "after-the-interview-next-steps"
    );
    assert_eq!(slugify_heading("प्रश्न।"), "प्रश्न");
    assert_eq!(slugify_heading("!!!"), "section");
    let s = scan("# A\n\n## A\n\n## B {#custom}\n", 0);
    let ids: Vec<_> = s.headings.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["a", "a-1", "custom"]);
    assert!(html("## इंटरव्यू के बाद\n").contains("id=\"इंटरव्यू-के-बाद\""));
}

#[test]
fn raw_html_is_filtered_and_markdown_inside_it_renders() {
    let md = "<script>alert(1)</script>\n\nHi <img src=x onerror=alert(1)> there\n\n\
              <details>\n<summary>More</summary>\n\nSome **bold** <kbd>Ctrl</kbd>\n\n</details>\n";
    let h = html(md);
    assert!(!h.contains("<script") && !h.contains("alert"), "{h}");
    assert!(!h.contains("<img"), "{h}");
    assert!(
        h.contains("<details>\n<summary>More</summary>\n<p>Some <strong>bold</strong> <kbd>Ctrl</kbd></p>\n</details>"),
        "{h}"
    );
    let s = scan(md, 2);
    let found: Vec<_> = s.html_warnings.iter().map(|p| (p.line, p.column)).collect();
    assert_eq!(found, [(3, 1), (5, 15), (5, 4)], "{:?}", s.html_warnings);
    assert_eq!(s.plain.text(md), "Hi  there\nMore\nSome bold Ctrl");
}

#[test]
fn an_element_left_open_drops_its_content_to_the_end_of_the_paragraph_only() {
    let md = "Use the <script> tag for code.\n\nThe next paragraph stays.\n";
    let h = html(md);
    assert_eq!(h, "<p>Use the </p>\n<p>The next paragraph stays.</p>\n");
    let s = scan(md, 0);
    assert_eq!(s.plain.text(md), "Use the\nThe next paragraph stays.");
    assert_eq!(s.html_warnings.len(), 1);
}

#[test]
fn links() {
    let h = html("[ext](https://example.org) [int](../tips/a.md#x) [bad](javascript:alert(1))");
    assert!(
        h.contains("<a href=\"https://example.org\" rel=\"noopener\">ext</a>"),
        "{h}"
    );
    assert!(
        h.contains("<a href=\"/resolved/../tips/a.md#x\">int</a>"),
        "{h}"
    );
    assert!(h.contains("<a>bad</a>"), "{h}");
    let s = scan("x\n\n[a](javascript:x) [b](/en/) ![](p.png) [c](a.md)\n", 3);
    assert_eq!(s.problems.len(), 3, "{:?}", s.problems);
    assert!(s.problems.iter().all(|p| p.line == 6));
    assert_eq!(
        s.links.iter().map(|l| l.dest.as_str()).collect::<Vec<_>>(),
        ["p.png", "a.md"]
    );
}

#[test]
fn classify() {
    assert_eq!(
        classify_link("JavaScript:x"),
        LinkTarget::Unsafe("javascript".into())
    );
    assert_eq!(
        classify_link("data:text/html,x"),
        LinkTarget::Unsafe("data".into())
    );
    assert_eq!(
        classify_link("//evil.example/x"),
        LinkTarget::Unsafe("//".into())
    );
    assert_eq!(classify_link("../a.md"), LinkTarget::Relative);
    assert_eq!(classify_link("#x"), LinkTarget::Anchor);
    assert_eq!(classify_link("mailto:a@b.c"), LinkTarget::External);
}

#[test]
fn worksheet_blocks() {
    let h = html(
        "```name-date\n```\n\nWhat went well?\n\n```lines 3\n```\n\n```box 4\nA hint <b>\n```\n",
    );
    assert!(h.contains("<div class=\"ws-namedate\">"), "{h}");
    assert_eq!(h.matches("<div class=\"ws-line\"></div>").count(), 3);
    assert!(h.starts_with("<div class=\"ws-namedate\">"), "{h}");
    assert!(
        h.contains("<div class=\"ws-field\">\n<p>What went well?</p>\n<div class=\"ws-lines\""),
        "{h}"
    );
    assert!(
        h.contains("<span class=\"ws-hint\">A hint &lt;b&gt;</span>"),
        "{h}"
    );
    let s = scan(
        "```lines 0\n```\n\n```lines\n```\n\n```box 99\n```\n\n```line 3\n```\n\n```rust\n```\n",
        0,
    );
    assert_eq!(s.problems.len(), 4, "{:?}", s.problems);
    assert_eq!(s.problems[0].line, 1);
}

#[test]
fn tables_and_tasks() {
    let h = html("| A | B |\n|---|---|\n| x |  |\n\n- [ ] one\n- [x] two\n");
    assert_eq!(h.matches("ws-fill").count(), 1, "{h}");
    assert!(
        h.contains("<span class=\"ws-check\" aria-hidden=\"true\"></span>"),
        "{h}"
    );
    assert!(h.contains("ws-check is-checked"));
    assert!(!h.contains("<input"));
}

#[test]
fn heading_attributes_are_ids_and_safe_classes_only() {
    let md = "# Title {#t .note}\n\n## Focus me {onfocus=alert(1) tabindex=0}\n\n### Bad {#x .c}\n";
    let h = html(md);
    assert!(h.contains("<h1 id=\"t\" class=\"note\">Title</h1>"), "{h}");
    assert!(!h.contains("onfocus") && !h.contains("tabindex"), "{h}");
    let s = scan(md, 4);
    let found: Vec<_> = s
        .problems
        .iter()
        .map(|p| (p.line, p.column, p.message.split(':').next().unwrap()))
        .collect();
    assert_eq!(
        found,
        [
            (7, 14, "heading attribute `onfocus=alert(1)` is not allowed"),
            (7, 31, "heading attribute `tabindex=0` is not allowed"),
        ]
    );
    assert!(is_safe_id("इंटरव्यू-के-बाद") && is_safe_id("after_2"));
    assert!(!is_safe_id("a\"b") && !is_safe_id("a<b") && !is_safe_id(""));
    assert!(is_safe_class("ws-note_2") && !is_safe_class("a:b") && !is_safe_class("नोट"));
}

#[test]
fn tel_links_are_allowed_and_bad_schemes_point_at_the_link() {
    let h = html("Call [14416](tel:14416).");
    assert!(
        h.contains("<a href=\"tel:14416\" rel=\"noopener\">14416</a>"),
        "{h}"
    );
    let s = scan("Text, then [x](javascript:alert(1)).\n", 0);
    assert_eq!((s.problems[0].line, s.problems[0].column), (1, 12));
    assert!(s.problems[0].message.contains("tel"), "{:?}", s.problems);
}

#[test]
fn footnotes_and_strikethrough() {
    let h = html("a[^1] ~~b~~\n\n[^1]: note\n");
    assert!(h.contains("<del>b</del>") && h.contains("footnote"), "{h}");
}
