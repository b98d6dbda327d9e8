//! Raw HTML written in Markdown: the fragments in, the allowed part out, with what was dropped.
//!
//! Contributors paste pages written elsewhere, and those carry the harmless HTML people
//! really write (`<details>`, `<kbd>`, `<sup>`, a `<figure>`…). That HTML is kept by an
//! allow-list ([`ALLOWED`]); everything else (scripts, event handlers, styles, forms, frames,
//! `javascript:` URLs) is dropped, and `check` names every drop with its line.
//!
//! Two layers: [`HtmlFilter`] reads each fragment with a small tokenizer, keeps allowed
//! elements with their allowed attributes re-written (escaped), drops the rest and says what
//! it dropped; then [`sanitize`] runs the whole rendered page through ammonia, a full HTML5
//! sanitiser, with an allow-list of the same elements plus what the Markdown renderer writes
//! itself. The tokenizer gives the warnings and line numbers; ammonia is the guarantee, so a
//! fragment the tokenizer reads differently from a browser still cannot run anything.

use super::heading_attrs::{is_safe_class, is_safe_id};
use super::markdown::{LinkTarget, classify_link};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Elements a page may write as HTML, with the attributes each may have (besides
/// [`GENERIC`]).
#[rustfmt::skip]
pub const ALLOWED: &[(&str, &[&str])] = &[
    ("details", &["open"]), ("summary", &[]), ("br", &[]), ("wbr", &[]), ("sup", &[]),
    ("sub", &[]), ("kbd", &[]), ("abbr", &[]), ("mark", &[]), ("figure", &[]),
    ("figcaption", &[]), ("aside", &[]), ("div", &[]), ("span", &[]), ("p", &[]),
    ("b", &[]), ("i", &[]), ("em", &[]), ("strong", &[]), ("small", &[]), ("s", &[]),
    ("del", &[]), ("ins", &[]), ("u", &[]), ("q", &[]), ("cite", &[]), ("var", &[]),
    ("samp", &[]), ("code", &[]), ("pre", &[]), ("blockquote", &[]), ("hr", &[]),
    ("ul", &[]), ("ol", &["start", "reversed"]), ("li", &[]), ("dl", &[]), ("dt", &[]),
    ("dd", &[]), ("time", &["datetime"]), ("table", &[]), ("caption", &[]), ("thead", &[]),
    ("tbody", &[]), ("tfoot", &[]), ("tr", &[]), ("th", &["colspan", "rowspan", "scope"]),
    ("td", &["colspan", "rowspan"]), ("img", &["src", "alt", "width", "height"]),
];

/// Attributes any allowed element may have.
pub const GENERIC: &[&str] = &["title", "lang", "dir"];

/// Elements dropped together with everything inside them: their content is code, styles or
/// a frame's fallback, never text for the reader.
const DROP_CONTENT: &[&str] = &[
    "script", "style", "iframe", "object", "embed", "template", "noscript", "textarea", "select",
    "svg", "math", "title", "xmp", "noembed", "noframes", "applet",
];

const VOID: &[&str] = &["br", "wbr", "hr", "img"];

fn allowed_attrs(tag: &str) -> Option<&'static [&'static str]> {
    ALLOWED.iter().find(|(t, _)| *t == tag).map(|(_, a)| *a)
}

/// Something [`HtmlFilter`] dropped, at a byte offset of the fragment it was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dropped {
    pub offset: usize,
    pub message: String,
}

/// What one fragment became.
#[derive(Debug, Default)]
pub struct Filtered {
    /// The allowed HTML, re-written.
    pub html: String,
    /// The fragment's visible text (tags removed, entities decoded), for search.
    pub text: String,
    pub dropped: Vec<Dropped>,
    /// `src` of each kept `<img>` that points inside the site, with its offset, to resolve.
    pub local_images: Vec<(usize, String)>,
}

/// Reads the raw HTML fragments of one page in order; it remembers being inside an element
/// whose content is dropped (`<style>` … `</style>` across several fragments).
#[derive(Debug, Default)]
pub struct HtmlFilter {
    skipping: Option<String>,
}

impl HtmlFilter {
    /// Inside an element whose content is dropped: Markdown text here is dropped too.
    pub fn skipping(&self) -> bool {
        self.skipping.is_some()
    }

    /// The block of text the fragments were in has ended: an element whose content is
    /// dropped ends with it, even if it was never closed.
    pub fn end_block(&mut self) {
        self.skipping = None;
    }

    /// Filters one fragment; `resolve` turns a local image `src` into its URL (`None`
    /// drops the image: the file does not exist, and the link check says so).
    pub fn feed(&mut self, html: &str, resolve: &dyn Fn(&str) -> Option<String>) -> Filtered {
        let mut out = Filtered::default();
        let mut i = 0;
        while i < html.len() {
            let rest = &html[i..];
            if let Some(name) = &self.skipping {
                let close = format!("</{name}");
                match find_ascii_ci(rest, &close) {
                    Some(at) => {
                        let end = rest[at..].find('>').map_or(html.len(), |e| i + at + e + 1);
                        self.skipping = None;
                        i = end;
                    }
                    None => i = html.len(),
                }
                continue;
            }
            let Some(lt) = rest.find('<') else {
                push_text(&mut out, rest);
                break;
            };
            push_text(&mut out, &rest[..lt]);
            let at = i + lt;
            let tag_text = &html[at..];
            if tag_text.starts_with("<!--") {
                i = tag_text.find("-->").map_or(html.len(), |e| at + e + 3);
                continue;
            }
            match read_tag(tag_text) {
                Some(tag) => {
                    i = at + tag.len;
                    self.element(tag, at, &mut out, resolve);
                }
                None => {
                    // A `<` that opens no tag is text.
                    out.html.push_str("&lt;");
                    out.text.push('<');
                    i = at + 1;
                }
            }
        }
        out
    }

    fn element(
        &mut self,
        tag: Tag,
        at: usize,
        out: &mut Filtered,
        resolve: &dyn Fn(&str) -> Option<String>,
    ) {
        let shown = format!("<{}>", tag.name);
        if tag.name.starts_with(['!', '?']) {
            out.dropped.push(Dropped {
                offset: at,
                message: format!("the HTML declaration `{}` is dropped", clip(&tag.name)),
            });
            return;
        }
        let Some(attrs) = allowed_attrs(&tag.name) else {
            if !tag.closing {
                let content = DROP_CONTENT.contains(&tag.name.as_str());
                if content && !tag.self_closing {
                    self.skipping = Some(tag.name.clone());
                }
                out.dropped.push(Dropped {
                    offset: at,
                    message: format!(
                        "the HTML element `{}` is not allowed and is dropped{}; {}",
                        clip(&shown),
                        if content { " with its content" } else { "" },
                        advice(&tag.name)
                    ),
                });
            }
            return;
        };
        if tag.closing {
            if !VOID.contains(&tag.name.as_str()) {
                out.html.push_str(&format!("</{}>", tag.name));
            }
            return;
        }
        let mut kept = String::new();
        let mut image_ok =
            tag.name != "img" || tag.attr("alt").is_some_and(|a| !a.trim().is_empty());
        for (name, value, offset) in &tag.attrs {
            let allowed = attrs.contains(&name.as_str()) || GENERIC.contains(&name.as_str());
            if !allowed {
                out.dropped.push(Dropped {
                    offset: at + offset,
                    message: format!(
                        "the attribute `{}` of `{}` is not allowed and is dropped{}",
                        clip(name),
                        clip(&shown),
                        if name.starts_with("on") {
                            " (pages cannot run scripts)"
                        } else if name == "style" || name == "class" {
                            " (the theme styles the page)"
                        } else {
                            ""
                        }
                    ),
                });
                continue;
            }
            let mut value = value.clone();
            if tag.name == "img" && name == "src" {
                match classify_link(&value) {
                    LinkTarget::External
                        if value.trim().to_ascii_lowercase().starts_with("https://") => {}
                    LinkTarget::Relative if image_ok => {
                        out.local_images.push((at + offset, value.clone()));
                        match resolve(&value) {
                            Some(url) => value = url,
                            None => image_ok = false,
                        }
                    }
                    LinkTarget::Relative => {}
                    _ => {
                        out.dropped.push(Dropped {
                            offset: at + offset,
                            message: format!(
                                "the image `{}` is dropped: an image's `src` is a file of the site or an https:// address",
                                clip(&value)
                            ),
                        });
                        image_ok = false;
                    }
                }
            }
            kept.push_str(&format!(" {name}=\"{}\"", crate::html::escape(&value)));
        }
        if !image_ok {
            if tag.attr("alt").is_none_or(|a| a.trim().is_empty()) {
                out.dropped.push(Dropped {
                    offset: at,
                    message: "the HTML image has no alt text and is dropped: add `alt=\"what the image shows\"`".into(),
                });
            }
            return;
        }
        out.html.push_str(&format!("<{}{kept}>", tag.name));
        if tag.name == "br" {
            out.text.push(' ');
        }
    }
}

fn push_text(out: &mut Filtered, text: &str) {
    // Text between tags is already HTML; a stray `>` is harmless, `<` was handled.
    out.html.push_str(text);
    out.text.push_str(&decode_entities(text));
}

fn advice(tag: &str) -> &'static str {
    match tag {
        "a" => "write links in Markdown: `[text](page.md)`",
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => "write headings in Markdown: `## Heading`",
        "script" | "iframe" | "object" | "embed" => "pages cannot run scripts or embed other sites",
        "style" | "link" => "the theme styles the page",
        "form" | "input" | "button" | "select" | "textarea" => "pages cannot hold forms",
        _ => "the allowed elements are listed in CONTRIBUTING.md",
    }
}

/// At most 40 characters of something quoted from content.
fn clip(s: &str) -> String {
    let mut c: String = s.chars().take(40).collect();
    if c.len() < s.len() {
        c.push('…');
    }
    c.replace('`', "'")
}

fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    (0..h.len().saturating_sub(n.len() - 1)).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

struct Tag {
    /// Lowercase; `!doctype` and `?xml` for declarations.
    name: String,
    closing: bool,
    self_closing: bool,
    /// (lowercase name, decoded value, offset from the `<`).
    attrs: Vec<(String, String, usize)>,
    /// Bytes from `<` to after `>`.
    len: usize,
}

impl Tag {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _, _)| n == name)
            .map(|(_, v, _)| v.as_str())
    }
}

/// The tag at the start of `s` (which starts with `<`), read as an HTML tokenizer does for
/// the common cases; `None` when the `<` opens no tag.
fn read_tag(s: &str) -> Option<Tag> {
    let b = s.as_bytes();
    let mut i = 1;
    let closing = b.get(1) == Some(&b'/');
    if closing {
        i += 1;
    }
    let first = *b.get(i)?;
    if !(first.is_ascii_alphabetic() || (!closing && (first == b'!' || first == b'?'))) {
        return None;
    }
    let name_start = i;
    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'/' && b[i] != b'>' {
        i += 1;
    }
    let name = s[name_start..i].to_ascii_lowercase();
    let mut attrs = Vec::new();
    let mut self_closing = false;
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            self_closing = b[i] == b'/';
            i += 1;
        }
        if i >= b.len() {
            return Some(Tag {
                name,
                closing,
                self_closing,
                attrs,
                len: s.len(),
            });
        }
        if b[i] == b'>' {
            return Some(Tag {
                name,
                closing,
                self_closing,
                attrs,
                len: i + 1,
            });
        }
        self_closing = false;
        let at = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !b"/>=".contains(&b[i]) {
            i += 1;
        }
        if i == at {
            // A lone `=`: skip it.
            i += 1;
            continue;
        }
        let attr = s[at..i].to_ascii_lowercase();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if b.get(i) == Some(&b'=') {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            match b.get(i) {
                Some(&q) if q == b'"' || q == b'\'' => {
                    let end = s[i + 1..].find(q as char).map_or(s.len(), |e| i + 1 + e);
                    value = decode_entities(&s[i + 1..end]).into_owned();
                    i = (end + 1).min(s.len());
                }
                _ => {
                    let start = i;
                    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                        i += 1;
                    }
                    value = decode_entities(&s[start..i]).into_owned();
                }
            }
        }
        attrs.push((attr, value, at));
    }
}

/// The common character references decoded; unknown ones stay as written.
pub fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &after[..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The rendered HTML of a page that had raw HTML, through ammonia: only the allowed elements
/// and what the Markdown renderer writes survive, whatever the tokenizer above made of it.
pub fn sanitize(html: &str) -> String {
    SANITIZER.clean(html).to_string()
}

/// What the Markdown renderer and the worksheet pass write, beyond [`ALLOWED`].
#[rustfmt::skip]
const RENDERER: &[(&str, &[&str])] = &[
    ("a", &["href", "rel"]), ("h1", &[]), ("h2", &[]), ("h3", &[]), ("h4", &[]), ("h5", &[]),
    ("h6", &[]), ("section", &[]), ("colgroup", &[]), ("col", &["style"]),
    ("th", &["style"]), ("td", &["style"]), ("div", &["style", "data-lines"]),
];

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut attrs: HashMap<&str, HashSet<&str>> = HashMap::new();
    for (tag, list) in ALLOWED.iter().chain(RENDERER) {
        attrs.entry(tag).or_default().extend(list.iter().copied());
    }
    let tags: HashSet<&str> = attrs.keys().copied().collect();
    let mut b = ammonia::Builder::empty();
    b.tags(tags)
        .tag_attributes(attrs)
        .generic_attributes(
            GENERIC
                .iter()
                .copied()
                .chain(["class", "id", "aria-hidden"])
                .collect(),
        )
        .clean_content_tags(DROP_CONTENT.iter().copied().collect())
        .url_schemes(["https", "http", "mailto", "tel"].into_iter().collect())
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(None)
        .strip_comments(true)
        .attribute_filter(|tag, attr, value| match attr {
            "class" => Some(Cow::Owned(
                value
                    .split_ascii_whitespace()
                    .filter(|c| is_safe_class(c))
                    .collect::<Vec<_>>()
                    .join(" "),
            )),
            "id" => is_safe_id(value).then_some(Cow::Borrowed(value)),
            "style" => renderer_style(tag, value).then_some(Cow::Borrowed(value)),
            "src" if value.trim_start().to_ascii_lowercase().starts_with("http:") => None,
            _ => Some(Cow::Borrowed(value)),
        });
    b
});

/// The styles the renderer writes: a table column's alignment, a fill-in column's width, a
/// writing box's height in rows. Content cannot write these (the filter drops `style`).
fn renderer_style(tag: &str, value: &str) -> bool {
    let number = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit() || c == '.');
    match tag {
        "th" | "td" => matches!(
            value,
            "text-align: left" | "text-align: center" | "text-align: right"
        ),
        "col" => value
            .strip_prefix("width:")
            .and_then(|w| w.strip_suffix('%'))
            .is_some_and(number),
        "div" => value.strip_prefix("--rows:").is_some_and(number),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(html: &str) -> Filtered {
        HtmlFilter::default().feed(html, &|s| Some(format!("/r/{s}")))
    }

    #[test]
    fn allowed_elements_are_kept_and_rewritten() {
        let f = run("<details open><summary>More</summary><kbd>Ctrl</kbd> x<sup>2</sup>");
        assert_eq!(
            f.html,
            "<details open=\"\"><summary>More</summary><kbd>Ctrl</kbd> x<sup>2</sup>"
        );
        assert_eq!(f.text, "MoreCtrl x2");
        assert!(f.dropped.is_empty());
    }

    #[test]
    fn hostile_elements_and_attributes_are_dropped_and_named() {
        let f = run(
            "<b onclick=\"x()\" style='color:red'>bold</b><script>alert(1)</script><iframe src=javascript:x></iframe><a href=\"javascript:y\">l</a>",
        );
        assert_eq!(f.html, "<b>bold</b>l");
        assert_eq!(f.text, "boldl");
        let what: Vec<_> = f
            .dropped
            .iter()
            .map(|d| (d.offset, d.message.clone()))
            .collect();
        assert_eq!(what.len(), 5, "{what:?}");
        assert_eq!(what[0].0, 3);
        assert!(what[0].1.contains("`onclick`"), "{what:?}");
        assert!(what[1].1.contains("`style`"), "{what:?}");
        assert!(what[2].1.contains("`<script>`") && what[2].1.contains("content"));
        assert!(what[3].1.contains("`<iframe>`"));
        assert!(what[4].1.contains("`<a>`") && what[4].1.contains("Markdown"));
    }

    #[test]
    fn images_need_alt_and_a_safe_source() {
        let f = run(
            "<img src=x onerror=alert(1)><img src=pic.png alt=\"A pic\"><img src=\"https://e.org/a.png\" alt=a><img src=\"data:x\" alt=b>",
        );
        assert_eq!(
            f.html,
            "<img src=\"/r/pic.png\" alt=\"A pic\"><img src=\"https://e.org/a.png\" alt=\"a\">"
        );
        assert_eq!(f.local_images, [(33, "pic.png".to_string())]);
        assert!(f.dropped.iter().any(|d| d.message.contains("no alt text")));
        assert!(f.dropped.iter().any(|d| d.message.contains("`data:x`")));
    }

    #[test]
    fn content_of_a_dropped_element_spans_fragments() {
        let mut filter = HtmlFilter::default();
        let none = |_: &str| None;
        assert_eq!(filter.feed("<style>", &none).html, "");
        assert!(filter.skipping());
        assert_eq!(filter.feed("</STYLE >after", &none).html, "after");
        assert!(!filter.skipping());
    }

    #[test]
    fn ammonia_keeps_the_renderer_and_drops_the_rest() {
        let html = "<h2 id=\"a\" class=\"note x:y\">A</h2><div class=\"ws-box\" style=\"--rows:3\"></div><td style=\"color:red\">x</td><a href=\"javascript:alert(1)\" onclick=\"x\">l</a><img src=\"http://e.org/x.png\" alt=\"x\"><script>y</script>";
        let clean = sanitize(html);
        assert!(
            clean.contains("<h2 id=\"a\" class=\"note\">A</h2>"),
            "{clean}"
        );
        assert!(clean.contains("style=\"--rows:3\""), "{clean}");
        for bad in [
            "color:red",
            "javascript",
            "onclick",
            "http://",
            "script",
            ">y<",
        ] {
            assert!(!clean.contains(bad), "{bad} in {clean}");
        }
    }

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("a &amp; b &lt;&#x41;&#66;&bogus; &"),
            "a & b <AB&bogus; &"
        );
    }
}
