//! Issue 4: printable worksheets. The print pack per language, the Print button and the PDF
//! links, and `build --pdf` without a working browser. `build --pdf` with Chromium and the
//! layout on paper (pages per worksheet, fonts, no chrome) are tested in
//! tests/e2e/specs/print.test.js, which runs after these tests and one at a time, so the
//! browsers do not compete for the CPU with the rest of this suite.

use crate::support::*;
use std::collections::BTreeSet;

/// Every `id="…"` of a page.
fn ids(html: &str) -> Vec<String> {
    html.split(" id=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(String::from)
        .collect()
}

#[test]
fn print_pack_holds_every_worksheet_with_unique_ids_and_working_anchors() {
    let site = copy_fixture("print");
    let out = build_ok(site.path(), &[]);
    let en = read(out.join("en/worksheets/print/index.html"));
    // Cover and contents, then the worksheets in order.
    let first = en.find("id=\"ws-first-sheet\"").expect("first sheet");
    let second = en.find("id=\"ws-second-sheet\"").expect("second sheet");
    assert!(en.find("pack-contents").unwrap() < first && first < second);
    assert!(en.contains(
        "<a href=\"#ws-first-sheet\">First sheet: &quot;quotes&quot; &amp; &lt;angles&gt;</a>"
    ));
    // Both sheets have a "Notes" heading: ids are prefixed per sheet and unique in the pack.
    let all = ids(&en);
    let unique: BTreeSet<&String> = all.iter().collect();
    assert_eq!(all.len(), unique.len(), "duplicate ids: {all:?}");
    assert!(all.contains(&"first-sheet--notes".to_string()), "{all:?}");
    assert!(all.contains(&"second-sheet--notes".to_string()), "{all:?}");
    // In-page anchors and links to another worksheet stay inside the pack.
    for html in [&en, &read(out.join("hi/worksheets/print/index.html"))] {
        let page_ids = ids(html);
        for href in attr_links(html).iter().filter(|h| h.starts_with('#')) {
            assert!(
                page_ids.contains(&href[1..].to_string()),
                "dead anchor {href}"
            );
        }
    }
    assert!(en.contains("href=\"#first-sheet--plan\""));
    assert!(en.contains("href=\"#second-sheet--notes\""));
    // Worksheet headings sit one level below the sheet title (h2): `## Notes` is an h3.
    assert!(
        en.contains("<h3 id=\"first-sheet--notes\">Notes</h3>"),
        "{en}"
    );
    // Each sheet's printed header is set with its title as a CSS string that cannot end the
    // <style> element early.
    assert!(en.contains(
        "@page sheet-1 { @top-right { content: \"1. \" \"First sheet: \\000022quotes\\000022 \\000026 \\00003Cangles\\00003E\"; }"
    ), "{en}");
    assert!(en.contains(".sheet-2 { page: sheet-2; }"));
    // Each sheet's printed footer: its own address, then the licence line.
    assert!(en.contains(
        "@bottom-left { content: \"https://example.org/handbook/en/worksheets/second-sheet/\\00000AText: CC BY 4.0"
    ), "{en}");
}

#[test]
fn print_pack_is_linked_switched_and_in_the_sitemap() {
    let site = copy_fixture("print");
    let out = build_ok(site.path(), &[]);
    let list = read(out.join("en/worksheets/index.html"));
    assert!(
        list.contains("href=\"/handbook/en/worksheets/print/\""),
        "{list}"
    );
    let en = read(out.join("en/worksheets/print/index.html"));
    assert!(en.contains(
        "<link rel=\"alternate\" hreflang=\"hi\" href=\"https://example.org/handbook/hi/worksheets/print/\">"
    ));
    assert!(en.contains("href=\"/handbook/hi/worksheets/print/\" hreflang=\"hi\" lang=\"hi\""));
    let hi = read(out.join("hi/worksheets/print/index.html"));
    assert!(hi.contains("<html lang=\"hi\""));
    assert!(hi.contains("विषय-सूची"));
    let sitemap = read(out.join("sitemap.xml"));
    assert!(sitemap.contains("<loc>https://example.org/handbook/hi/worksheets/print/</loc>"));
    // A worksheet page links its pack; its Print button is hidden until the script runs.
    let sheet = read(out.join("en/worksheets/first-sheet/index.html"));
    assert!(sheet.contains("href=\"/handbook/en/worksheets/print/\""));
    assert!(sheet.contains("data-print hidden>"));
    assert!(sheet.contains("<script src=\"/handbook/static/js/print.js\" defer></script>"));
    assert!(out.join("static/js/print.js").is_file());
}

#[test]
fn a_worksheet_named_print_is_refused() {
    let site = copy_fixture("print");
    std::fs::write(
        site.path().join("content/en/worksheets/print.md"),
        "---\ntitle: P\nsummary: S\n---\nx\n",
    )
    .unwrap();
    let o = handbook(site.path(), &["build", "--out", "public"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("content/en/worksheets/print.md"), "{err}");
    assert!(err.contains("print pack"), "{err}");
}

#[test]
fn without_pdf_nothing_links_a_pdf() {
    let site = copy_fixture("print");
    let out = build_ok(site.path(), &[]);
    for file in html_files(&out) {
        let html = read(out.join(&file));
        assert!(
            !attr_links(&html).iter().any(|h| h.ends_with(".pdf")),
            "{} links a PDF",
            file.display()
        );
    }
    assert!(
        !tree(&out)
            .keys()
            .any(|p| p.extension().is_some_and(|e| e == "pdf"))
    );
}

#[test]
fn pdf_without_a_browser_fails_clearly_and_keeps_the_previous_output() {
    let site = copy_fixture("print");
    let out = build_ok(site.path(), &[]);
    let before = tree(&out);
    let args = ["build", "--out", out.to_str().unwrap(), "--pdf"];
    let missing = site.path().join("no-such-chromium");
    let o = handbook_env(
        site.path(),
        &args,
        &[("CHROME", Some(missing.to_str().unwrap()))],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("CHROME is set to"), "{err}");
    assert!(err.contains("no-such-chromium"), "{err}");
    assert!(err.contains("apt-get install chromium"), "{err}");
    assert!(
        tree(&out) == before,
        "output changed after a failed --pdf build"
    );
    // No CHROME and nothing on PATH.
    let empty = tempfile::tempdir().unwrap();
    let o = handbook_env(
        site.path(),
        &args,
        &[("CHROME", None), ("PATH", empty.path().to_str())],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("none was found"), "{err}");
    assert!(err.contains("chromium, google-chrome"), "{err}");
    assert!(tree(&out) == before);
}

#[test]
fn pdf_from_a_browser_that_fails_keeps_the_previous_output() {
    let site = copy_fixture("print");
    let out = build_ok(site.path(), &[]);
    let before = tree(&out);
    // A "browser" that exits with an error and writes no PDF.
    let fake = site.path().join("fake-chromium");
    std::fs::write(&fake, "#!/bin/sh\necho 'no display' >&2\nexit 3\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let o = handbook_env(
        site.path(),
        &["build", "--out", out.to_str().unwrap(), "--pdf"],
        &[("CHROME", fake.to_str())],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("printing `en/worksheets/"), "{err}");
    assert!(err.contains("no display"), "{err}");
    assert!(tree(&out) == before);
}

/// Issue 20: a local build prints the configured public address (`print_url`) and its QR
/// code; every worksheet has a bilingual sheet linked from it; the real handbook's tag pages
/// link their packs only when worksheets carry the tag, and the guide links the workshop pack.
#[test]
fn issue_20_printed_address_bilingual_sheets_and_packs() {
    let site = copy_fixture("print");
    let yaml = site.path().join("handbook.yaml");
    let text = read(&yaml).replace(
        "base_url: https://example.org/handbook/",
        "base_url: /\nprint_url: https://print.example.org/hb/",
    );
    std::fs::write(&yaml, text).unwrap();
    let out = build_ok(site.path(), &[]);
    let sheet = read(out.join("en/worksheets/first-sheet/index.html"));
    assert!(sheet.contains("<svg class=\"ws-qr\""), "{sheet}");
    assert!(sheet.contains(
        "@bottom-left { content: \"https://print.example.org/hb/en/worksheets/first-sheet/\\00000AText: CC BY 4.0"
    ));
    assert!(sheet.contains("href=\"/en/worksheets/first-sheet/bilingual/\""));
    // The fixture's translation is not built like its source: one after the other.
    let bilingual = read(out.join("hi/worksheets/first-sheet/bilingual/index.html"));
    assert!(
        bilingual.contains("<div class=\"ws-second\" lang=\"en\">"),
        "{bilingual}"
    );
    assert!(bilingual.contains("<html lang=\"hi\""));
    // The language switcher leads to the other language's bilingual sheet.
    assert!(bilingual.contains("href=\"/en/worksheets/first-sheet/bilingual/\" hreflang=\"en\""));

    let real = build_ok(repo_root(), &[]);
    let bilingual = read(real.join("hi/worksheets/money-runway/bilingual/index.html"));
    assert!(
        bilingual.contains("<span class=\"ws-alt\" lang=\"en\">"),
        "{bilingual}"
    );
    assert!(!bilingual.contains("ws-second"));
    let money = read(real.join("en/tags/money/index.html"));
    assert!(money.contains("href=\"/en/tags/money/print/\""), "{money}");
    let pack = read(real.join("en/tags/money/print/index.html"));
    assert!(pack.contains("id=\"ws-money-runway\""));
    assert!(!pack.contains("id=\"ws-weekly-goals-tracker\""));
    // A tag no worksheet carries has no pack.
    let stories_only = real.join("en/tags/success/print/index.html");
    let success = real.join("en/tags/success/index.html");
    if success.exists() {
        assert!(!stories_only.exists());
        assert!(!read(&success).contains("/print/"));
    }
    let guide = read(real.join("en/workshop-guide/index.html"));
    assert!(guide.contains("href=\"/en/worksheets/print/workshop/\""));
    let workshop = read(real.join("hi/worksheets/print/workshop/index.html"));
    let first = workshop
        .find("id=\"ws-after-rejection-reflection\"")
        .unwrap();
    let second = workshop.find("id=\"ws-interview-post-mortem\"").unwrap();
    assert!(first < second);
    // Without a measuring print every worksheet is given two pages: 3, 5, 7 …
    assert!(workshop.contains("data-page=\"3\"") && workshop.contains("data-page=\"5\""));
}

#[test]
fn issue_20_column_markers_set_widths_and_a_typo_is_an_error_with_its_line() {
    let site = copy_fixture("print");
    let page = site.path().join("content/en/worksheets/second-sheet.md");
    let text = read(&page);
    std::fs::write(
        &page,
        format!("{text}\n| Who | When {{date}} | Done {{tick}} |\n|---|---|---|\n|  |  |  |\n"),
    )
    .unwrap();
    let out = build_ok(site.path(), &[]);
    let html = read(out.join("en/worksheets/second-sheet/index.html"));
    assert!(html.contains("<div class=\"ws-table\">"), "{html}");
    assert!(html.contains("<col class=\"ws-col-text\" style=\"width:76.00%\"><col class=\"ws-col-date\" style=\"width:15.00%\"><col class=\"ws-col-tick\" style=\"width:9.00%\">"), "{html}");
    assert!(html.contains("<th>When</th>"), "{html}");
    let lines = read(&page).lines().count();
    std::fs::write(
        &page,
        format!(
            "{}\n| Who | When {{dat}} |\n|---|---|\n|  |  |\n",
            read(&page)
        ),
    )
    .unwrap();
    let o = handbook(site.path(), &["build", "--out", "public2"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(&format!(
            "content/en/worksheets/second-sheet.md:{}",
            lines + 2
        )),
        "{err}"
    );
    assert!(err.contains("`{dat}` is not a column marker"), "{err}");
}

#[test]
fn issue_20_print_url_and_workshop_are_checked() {
    let site = copy_fixture("print");
    let yaml = site.path().join("handbook.yaml");
    let base = read(&yaml);
    std::fs::write(&yaml, format!("{base}print_url: /no-host/\n")).unwrap();
    let o = handbook(site.path(), &["build", "--out", "public"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("`print_url`"));
    std::fs::write(
        &yaml,
        format!("{base}workshop:\n  guide: guide\n  worksheets: [first-sheet, no-such-sheet]\n"),
    )
    .unwrap();
    let o = handbook(site.path(), &["build", "--out", "public"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("`guide: guide` is not a page"), "{err}");
    assert!(
        err.contains("the worksheet `no-such-sheet` does not exist"),
        "{err}"
    );
}
