//! Stages 1 and 4, content files: a file beside the Markdown in, whether it may be copied out.
//!
//! What may be copied from `content/` as it is. Files beside the Markdown (images, PDFs) are
//! copied to the same place in the output, but content comes from pull requests by strangers,
//! and Markdown's raw HTML is never trusted; a file that the browser would run on the site's
//! own origin (a web page, a script, an XML file with a stylesheet, an SVG with a script in
//! it) is the same risk without the escaping. So files are published by an allow-list of
//! kinds a browser only shows (images, PDFs, audio, video, plain text), and SVGs, which can
//! carry script, are parsed and checked element by element ([`super::svg`]). Everything else
//! is refused with a message that says what to do instead.

use std::path::Path;

/// Extensions content may carry, by kind, as the message lists them.
const ALLOWED: &[(&str, &[&str])] = &[
    (
        "images",
        &["png", "jpg", "jpeg", "gif", "webp", "avif", "svg"],
    ),
    ("documents", &["pdf"]),
    ("audio", &["mp3", "m4a", "ogg", "oga", "opus", "wav"]),
    ("video", &["mp4", "webm"]),
    ("plain text", &["txt", "csv"]),
];

/// Extensions of files a browser runs or renders as a page of the site, with what to do.
const PAGES: &[&str] = &[
    "html", "htm", "xhtml", "xht", "shtml", "js", "mjs", "cjs", "wasm",
];
const XML: &[&str] = &["xml", "xsl", "xslt", "svgz", "rss", "atom", "mathml", "rdf"];

/// Why `bytes`, found at `rel` under `content/`, must not be published, or `None` when it may.
pub fn refuse_reason(rel: &Path, bytes: &[u8]) -> Option<String> {
    let ext = rel
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if PAGES.contains(&ext.as_str()) {
        return Some(format!(
            "`.{ext}` files are not copied from content/: a web page or script there would run on the site without review; write the page in Markdown instead"
        ));
    }
    if XML.contains(&ext.as_str()) {
        return Some(format!(
            "`.{ext}` files are not copied from content/: a browser opens XML as a document of the site, and with a stylesheet or XHTML in it, it can run script; put the information in a Markdown page, or use a PNG or a plain `.svg` for a picture"
        ));
    }
    if !ALLOWED.iter().any(|(_, exts)| exts.contains(&ext.as_str())) {
        let kinds: Vec<String> = ALLOWED
            .iter()
            .map(|(kind, exts)| format!("{kind} ({})", exts.join(", ")))
            .collect();
        let what = if ext.is_empty() {
            "files without an extension are".to_string()
        } else {
            format!("`.{ext}` files are")
        };
        return Some(format!(
            "{what} not copied from content/; only {} are, so that nothing published can run in a reader's browser",
            kinds.join(", ")
        ));
    }
    if ext == "svg" {
        return super::svg::check(bytes).err();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(name: &str, body: &str) -> Option<String> {
        refuse_reason(Path::new(name), body.as_bytes())
    }

    #[test]
    fn pages_scripts_and_xml_are_refused() {
        for name in ["x/page.html", "x/PAGE.HTM", "a.js", "a.mjs", "a.xhtml"] {
            assert!(reason(name, "hi").unwrap().contains("Markdown"), "{name}");
        }
        for name in ["a.xml", "a.XSL", "a.xslt", "a.svgz"] {
            assert!(reason(name, "<x/>").unwrap().contains("XML"), "{name}");
        }
        for name in ["a.exe", "README", "a.swf", "a.php"] {
            assert!(
                reason(name, "x").unwrap().contains("only images (png"),
                "{name}"
            );
        }
    }

    #[test]
    fn files_a_browser_only_shows_pass() {
        for name in ["a.png", "a.pdf", "a.JPG", "notes.txt", "a.mp3", "a.webm"] {
            assert!(reason(name, "<script>").is_none(), "{name}");
        }
        let plain = r##"<svg xmlns="http://www.w3.org/2000/svg" width="10"><rect width="10" height="10" fill="#123"/></svg>"##;
        assert_eq!(reason("a.svg", plain), None);
        assert!(reason("a.svg", "<svg onload=alert(1)>").is_some());
    }
}
