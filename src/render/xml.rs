//! Stage 4, text for XML outputs (the feeds and the sitemap). XML 1.0 forbids most control
//! characters outright, even written as character references, so one in a title would make a
//! feed no reader can parse; escaping cannot help, only leaving them out. Views of XML outputs
//! put every text through [`text`], and [`document`] cleans whatever a template (a site's own,
//! too) writes, so the file is well-formed whatever the content holds. Escaping itself is
//! Tera's autoescape, on for `.xml` templates (`&`, `<`, `>`, `"`, `'`).

use std::borrow::Cow;

/// Whether `c` may appear in an XML document. XML 1.0 allows tab, line feed, carriage return
/// and everything from U+0020 except surrogates (no `char` is one) and U+FFFE/U+FFFF; the
/// other controls it allows (DEL, U+0080–U+009F) it asks authors to avoid, so they go too.
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || !(c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}')
}

/// `s` without the characters XML forbids or discourages; borrowed when there are none (the
/// usual case).
pub fn text(s: &str) -> Cow<'_, str> {
    if s.chars().all(allowed) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.chars().filter(|&c| allowed(c)).collect())
    }
}

/// A rendered XML file without the characters XML forbids or discourages.
pub fn document(bytes: Vec<u8>) -> Vec<u8> {
    match std::str::from_utf8(&bytes) {
        Ok(s) => match text(s) {
            Cow::Borrowed(_) => bytes,
            Cow::Owned(clean) => clean.into_bytes(),
        },
        // Tera writes UTF-8 only; should that ever change, a lossy copy still parses.
        Err(_) => text(&String::from_utf8_lossy(&bytes))
            .into_owned()
            .into_bytes(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_left_out() {
        assert_eq!(text("a\u{0}b\u{1B}[31mc\u{7F}\u{85}d\u{FFFE}"), "ab[31mcd");
        assert_eq!(text("line\nnext\tcell\r\n"), "line\nnext\tcell\r\n");
        assert!(matches!(text("हिन्दी <&>"), Cow::Borrowed(_)));
        assert_eq!(document(b"<t>x\x08y</t>".to_vec()), b"<t>xy</t>");
    }
}
