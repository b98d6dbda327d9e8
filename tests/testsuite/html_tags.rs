//! A small HTML tag scanner for the tests that crawl built sites (links, hostile markup).
//!
//! It reads start tags and their attributes the way a browser tokenizer does for the cases that
//! matter here: quoted and unquoted values, entity-decoded values, comments, and the raw text of
//! `<script>` and `<style>` (whose content is not markup). It is deliberately not a full HTML
//! parser: the Nu Html Checker in the browser tests validates the structure; this only has to
//! find every URL and every attribute reliably, including in output that a hostile page tried
//! to break.

/// Tags the Markdown renderer (pulldown-cmark and the worksheet pass) may emit; anything else
/// in rendered content would be raw HTML that got through.
#[rustfmt::skip]
pub const MARKDOWN_TAGS: &[&str] = &[
    "p", "a", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "code",
    "em", "strong", "del", "table", "thead", "tbody", "tr", "th", "td", "img", "hr", "br", "div",
    "span", "sup", "section", "colgroup", "col",
    // The QR code of a printed page's address (src/render/qr.rs).
    "svg", "rect", "path",
];

/// A start tag as the browser sees it.
#[derive(Debug, Clone)]
pub struct StartTag {
    /// Lowercase tag name.
    pub name: String,
    /// (lowercase name, entity-decoded value) in source order; a bare attribute has "".
    pub attrs: Vec<(String, String)>,
    /// 1-based line of the `<`.
    pub line: usize,
    /// The raw text of a `<script>` or `<style>` element (empty for every other element).
    pub text: String,
}

impl StartTag {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Every start tag of `html`, in document order.
pub fn start_tags(html: &str) -> Vec<StartTag> {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        let lt = i + off;
        let rest = &html[lt..];
        if rest.starts_with("<!--") {
            i = rest
                .find("-->")
                .map_or(html.len(), |e| lt + e + 3)
                .max(lt + 4);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") || rest.starts_with("</") {
            i = rest.find('>').map_or(html.len(), |e| lt + e + 1);
            continue;
        }
        let mut j = lt + 1;
        if j >= b.len() || !b[j].is_ascii_alphabetic() {
            i = lt + 1;
            continue;
        }
        while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' && b[j] != b'/' {
            j += 1;
        }
        let name = html[lt + 1..j].to_ascii_lowercase();
        let mut attrs = Vec::new();
        loop {
            while j < b.len() && (b[j].is_ascii_whitespace() || b[j] == b'/') {
                j += 1;
            }
            if j >= b.len() || b[j] == b'>' {
                j += 1;
                break;
            }
            // A name runs to whitespace, `/`, `>` or `=`; a leading `=` belongs to the name.
            let start = j;
            if b[j] == b'=' {
                j += 1;
            }
            while j < b.len() && !b[j].is_ascii_whitespace() && !matches!(b[j], b'>' | b'/' | b'=')
            {
                j += 1;
            }
            let attr = html[start..j].to_ascii_lowercase();
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            let mut value = String::new();
            if j < b.len() && b[j] == b'=' {
                j += 1;
                while j < b.len() && b[j].is_ascii_whitespace() {
                    j += 1;
                }
                if j < b.len() && (b[j] == b'"' || b[j] == b'\'') {
                    let q = b[j];
                    let vstart = j + 1;
                    let vend = b[vstart..]
                        .iter()
                        .position(|&c| c == q)
                        .map_or(b.len(), |p| vstart + p);
                    value = decode_entities(&html[vstart..vend]);
                    j = (vend + 1).min(b.len());
                } else {
                    let vstart = j;
                    while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' {
                        j += 1;
                    }
                    value = decode_entities(&html[vstart..j]);
                }
            }
            attrs.push((attr, value));
        }
        let line = html[..lt].matches('\n').count() + 1;
        let raw_text = matches!(name.as_str(), "script" | "style");
        i = j.min(html.len());
        let mut text = String::new();
        if raw_text {
            let close = format!("</{name}");
            let end = html[i..]
                .to_ascii_lowercase()
                .find(&close)
                .map_or(html.len(), |e| i + e);
            text = html[i..end].to_string();
            i = end;
        }
        out.push(StartTag {
            name,
            attrs,
            line,
            text,
        });
    }
    out
}

/// Decodes the character references the renderers emit (named ones for `& < > " '` and every
/// numeric form); anything else is left as written.
pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(end) = rest.find(';').filter(|&e| e <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..end];
        let ch = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => name
                .strip_prefix("#x")
                .or_else(|| name.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Percent-decodes a URL path or fragment (UTF-8; invalid escapes are kept as written).
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut bytes = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && let Some(v) = std::str::from_utf8(&b[i + 1..i + 3])
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            bytes.push(v);
            i += 3;
            continue;
        }
        bytes.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

#[test]
fn scanner_reads_attributes_like_a_browser() {
    let html = "<!-- <a href=\"no\"> -->\n<p class=x>t</p><a\nhref='/a?b=1&amp;c=2' data-x=\"&quot;&#39;&#x41;\" hidden>\
                <script>var s = '<img src=no>';</script><img src=/i.png alt=\"\"><input value=a=b>";
    let tags = start_tags(html);
    let names: Vec<_> = tags.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["p", "a", "script", "img", "input"]);
    assert_eq!(tags[2].text, "var s = '<img src=no>';");
    assert_eq!(tags[0].attr("class"), Some("x"));
    assert_eq!(tags[1].attr("href"), Some("/a?b=1&c=2"));
    assert_eq!(tags[1].attr("data-x"), Some("\"'A"));
    assert_eq!(tags[1].attr("hidden"), Some(""));
    assert_eq!(tags[1].line, 2);
    assert_eq!(tags[3].attr("src"), Some("/i.png"));
    assert_eq!(tags[3].attr("alt"), Some(""));
    assert_eq!(tags[4].attr("value"), Some("a=b"));
    assert_eq!(percent_decode("%E0%A4%95-x%zz"), "क-x%zz");
}
