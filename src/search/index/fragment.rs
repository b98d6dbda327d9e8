//! Body fragments: the start of a page's body as plain text, cut on a grapheme and word
//! boundary, for the snippet of a result that matched only in its body.
//!
//! Input: a document's body text. Output: at most about `max_chars` characters of it,
//! whitespace collapsed, with an ellipsis when cut (written as `f<N>.js`, see
//! [`super::format`]).

use unicode_segmentation::GraphemeCursor;

/// The first `max_chars` or so characters of `body`, cut on a grapheme boundary (never inside
/// a conjunct such as न्दी), preferably at whitespace, with an ellipsis when cut.
pub fn body_head(body: &str, max_chars: usize) -> String {
    if body.len() <= max_chars {
        // No more characters than bytes: nothing to cut (most pages, for the fragments).
        return collapse_whitespace(body);
    }
    // Whitespace is collapsed only in the words up to well past the cut: doing it for the
    // whole body was a visible share of the build. Grapheme boundaries before the end of that
    // prefix are the whole text's (a boundary depends only on what comes before it and the
    // one character after), so the cut falls where it would in the whole body.
    let mut words = body.split_whitespace();
    let mut head = String::with_capacity(body.len().min(4 * max_chars + 64));
    let mut chars = 0;
    for w in words.by_ref() {
        if !head.is_empty() {
            head.push(' ');
            chars += 1;
        }
        head.push_str(w);
        chars += w.chars().count();
        if chars > max_chars + 16 {
            break;
        }
    }
    if chars <= max_chars {
        // The whole body, and short enough: nothing to cut.
        return head;
    }
    let (text, cut) = match cut_point(&head, max_chars) {
        None if words.next().is_some() => {
            let all = collapse_whitespace(body);
            let cut = cut_point(&all, max_chars);
            (all, cut)
        }
        cut => (head, cut),
    };
    match cut {
        Some(cut) => format!("{}…", text[..cut].trim_end()),
        None => text,
    }
}

/// `text` with every run of whitespace made one space and none at either end: what
/// `text.split_whitespace().collect::<Vec<_>>().join(" ")` gives, in one pass over the bytes
/// (a tenth of the search index's time went into splitting and joining the body fragments).
fn collapse_whitespace(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut word: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        // Bytes that can start a whitespace character (`char::is_whitespace`): ASCII tab to
        // carriage return and space; U+0085 and U+00A0 (C2); U+1680 (E1); U+2000–U+200A,
        // U+2028, U+2029, U+202F, U+205F (E2); U+3000 (E3). Never a continuation byte.
        let space = match bytes[i] {
            b'\t'..=b'\r' | b' ' => 1,
            0xC2 | 0xE1 | 0xE2 | 0xE3 => text[i..]
                .chars()
                .next()
                .filter(|c| c.is_whitespace())
                .map_or(0, char::len_utf8),
            _ => 0,
        };
        if space == 0 {
            word.get_or_insert(i);
            i += 1;
            continue;
        }
        if let Some(start) = word.take() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&text[start..i]);
        }
        i += space;
    }
    if let Some(start) = word {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&text[start..]);
    }
    out
}

/// Where [`body_head`] cuts whitespace-collapsed `text`, or `None` when it keeps all of it:
/// at the first grapheme boundary after `max_chars` characters, or back at the last space
/// (a grapheme of its own) if that is not too far back; a long word is cut mid-word.
///
/// Only the boundaries that matter are asked for: segmenting every grapheme of the head was
/// most of the cost of the search records.
fn cut_point(text: &str, max_chars: usize) -> Option<usize> {
    let after = text.char_indices().nth(max_chars)?.0;
    let is_boundary = |at: usize| {
        GraphemeCursor::new(at, text.len(), true)
            .is_boundary(text, 0)
            .unwrap_or(true)
    };
    let cut = if is_boundary(after) {
        after
    } else {
        GraphemeCursor::new(after, text.len(), true)
            .next_boundary(text, 0)
            .ok()
            .flatten()?
    };
    if cut >= text.len() {
        return None;
    }
    let last_space = text[..cut]
        .rmatch_indices(' ')
        .map(|(i, _)| i)
        .find(|&i| is_boundary(i) && is_boundary(i + 1));
    Some(match last_space {
        Some(s) if s * 4 >= cut * 3 => s,
        _ => cut,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_segmentation::UnicodeSegmentation;

    #[test]
    fn body_head_cuts_on_graphemes() {
        let body = "हिन्दी ".repeat(100);
        let head = body_head(&body, 300);
        assert!(head.ends_with('…'));
        assert!(head.trim_end_matches('…').ends_with("हिन्दी"));
        assert_eq!(body_head("short text", 300), "short text");
        // A cut inside a long word still never splits a grapheme cluster.
        let long = "न्दी".repeat(200);
        let head = body_head(&long, 10);
        assert!(head.trim_end_matches('…').ends_with("न्दी"));
    }

    /// `body_head` looks only at the start of the body; it must cut as if it had collapsed all.
    #[test]
    fn body_head_equals_collapsing_the_whole_body() {
        // The straightforward version, graphemes of the whole collapsed body.
        fn reference(body: &str, max_chars: usize) -> String {
            let body = body.split_whitespace().collect::<Vec<_>>().join(" ");
            let mut end = body.len();
            let mut last_space = None;
            let mut count = 0;
            for (i, g) in body.grapheme_indices(true) {
                if count >= max_chars {
                    end = i;
                    break;
                }
                if g == " " {
                    last_space = Some(i);
                }
                count += g.chars().count();
            }
            if end == body.len() {
                return body;
            }
            let cut = match last_space {
                Some(s) if s * 4 >= end * 3 => s,
                _ => end,
            };
            format!("{}…", body[..cut].trim_end())
        }
        let zalgo = format!("a{}", "\u{0301}".repeat(700));
        let bodies = [
            "word  \n\n another\tword ".repeat(200),
            "हिन्दी में\n लिखा  गया पाठ। ".repeat(100),
            format!("{} {}", "x".repeat(1000), "tail ".repeat(10)),
            format!("start {zalgo} end {zalgo}"),
            "short".to_string(),
            String::new(),
            "x".repeat(300),
            "x".repeat(301),
            format!("{} y", "x".repeat(299)),
            // A prepend mark before a space, a combining mark after one: no grapheme " ".
            "\u{0600} word a \u{0301}b ".repeat(60),
            "क्षमता ज़रूरी फ़ीडबैक इंटरव्यू ".repeat(30),
        ];
        for body in &bodies {
            for max in [1, 10, 299, 300] {
                assert_eq!(
                    body_head(body, max),
                    reference(body, max),
                    "{max}: {body:.40}"
                );
            }
        }
    }

    #[test]
    fn collapsing_whitespace_equals_splitting_and_joining() {
        let every_space: String = (0..=0x3000u32)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace())
            .collect();
        let texts = [
            String::new(),
            " ".into(),
            "word".into(),
            "  two\twords \n".into(),
            format!("a{every_space}b{every_space}"),
            "हिन्दी में\u{00A0}लिखा\u{2028}गया … “पाठ”\u{3000}।".into(),
            "\u{2026}\u{2027}\u{2030} \u{1680}x\u{180E}y\u{200B}z\u{0085}".into(),
            format!("{every_space}{}", "न्दी ".repeat(50)),
        ];
        for text in &texts {
            let reference = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(collapse_whitespace(text), reference, "{text:?}");
        }
    }
}
