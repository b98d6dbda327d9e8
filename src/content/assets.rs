//! Stages 1 and 4, content files: a file beside the Markdown in, whether it may be copied out.
//!
//! What may be copied from `content/` as it is. Files beside the Markdown (images, PDFs) are
//! copied to the same place in the output, but content comes from pull requests by strangers,
//! and Markdown's raw HTML is never trusted; a file that the browser would run on the site's
//! own origin (a web page, a script, an SVG with a script in it) is the same risk without the
//! escaping, so it is refused with a message that says what to do instead.

use std::path::Path;

/// Extensions of files a browser runs or renders as a page of the site.
const ACTIVE: &[&str] = &[
    "html", "htm", "xhtml", "xht", "shtml", "js", "mjs", "cjs", "wasm",
];

/// Why `bytes`, found at `rel` under `content/`, must not be published, or `None` when it may.
pub fn refuse_reason(rel: &Path, bytes: &[u8]) -> Option<String> {
    let ext = rel
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if ACTIVE.contains(&ext.as_str()) {
        return Some(format!(
            "`.{ext}` files are not copied from content/: a web page or script there would run on the site without review; write the page in Markdown instead"
        ));
    }
    if ext == "svg" && svg_is_active(bytes) {
        return Some(
            "this SVG contains a script, an event handler (`on…=`) or a `javascript:` link, which would run when the image is opened; save it again without them (for example with \"Export as plain SVG\")".into(),
        );
    }
    None
}

/// True when an SVG can run script: a `<script>` element, an `on…=` event attribute,
/// a `javascript:` URL or embedded HTML (`<foreignObject>`).
fn svg_is_active(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes).to_ascii_lowercase();
    if ["<script", "javascript:", "<foreignobject"]
        .iter()
        .any(|needle| text.contains(needle))
    {
        return true;
    }
    // ` onload=`, `\tonclick =`: whitespace, `on`, letters, optional spaces, `=`.
    let b = text.as_bytes();
    (1..b.len().saturating_sub(2)).any(|i| {
        if !(b[i - 1].is_ascii_whitespace() || b[i - 1] == b'/') || &b[i..i + 2] != b"on" {
            return false;
        }
        let mut j = i + 2;
        let letters = j;
        while j < b.len() && b[j].is_ascii_alphabetic() {
            j += 1;
        }
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        j > letters && j < b.len() && b[j] == b'='
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(name: &str, body: &str) -> Option<String> {
        refuse_reason(Path::new(name), body.as_bytes())
    }

    #[test]
    fn pages_and_scripts_are_refused() {
        for name in ["x/page.html", "x/PAGE.HTM", "a.js", "a.mjs", "a.xhtml"] {
            assert!(reason(name, "hi").is_some(), "{name}");
        }
        for name in ["a.png", "a.pdf", "a.jpg", "notes.txt", "README"] {
            assert!(reason(name, "<script>").is_none(), "{name}");
        }
    }

    #[test]
    fn only_scripted_svgs_are_refused() {
        let plain = r##"<svg xmlns="http://www.w3.org/2000/svg" width="10"><rect width="10" height="10" fill="#123"/><text font-family="monospace">online</text></svg>"##;
        assert_eq!(reason("a.svg", plain), None);
        for bad in [
            "<svg><script>alert(1)</script></svg>",
            "<svg onload=alert(1)>",
            "<svg><rect\n  ONCLICK = \"x()\"/></svg>",
            "<svg><a href=\"JavaScript:alert(1)\"><text>x</text></a></svg>",
            "<svg><foreignObject><div>x</div></foreignObject></svg>",
        ] {
            assert!(reason("a.svg", bad).is_some(), "{bad}");
        }
    }
}
