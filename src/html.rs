//! Stages 4 and serve, HTML escaping: text in, text safe in HTML out.
//!
//! Shared by the Markdown renderer, the render stage and the preview's overlay. One function for
//! text and attribute values alike: escaping all five special characters is safe in both.

/// The Content-Security-Policy of every page of the default theme (a `<meta>` in
/// `base.html` and `root.html`, which a test keeps equal to this) and of every answer of the
/// preview server: scripts only from the site's own files (no inline script, no event
/// handlers, no `javascript:` URLs), no plugins, no frames, no `<base>` to redirect relative
/// links. Styles may be inline (the print header's `@page` rules, worksheet box sizes);
/// images may come from `https:` (a page may show one by its address).
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' https: data:; font-src 'self'; connect-src 'self'; media-src 'self'; object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'self'";

pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_all_five() {
        assert_eq!(
            super::escape(r#"<a href="x" onclick='y'>&</a>"#),
            "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;"
        );
    }
}
