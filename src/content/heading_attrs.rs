//! Heading attributes by allow-list, for the Markdown scan ([`super::markdown`]).
//! pulldown-cmark's heading attributes (`## Title {#id .class key=value}`) copy any key into the
//! page, so `{onfocus=…}` became an event handler; only an id and classes of safe characters
//! are kept, everything else is a problem with its place in the heading.

use pulldown_cmark::CowStr;

/// Heading attributes (`## Title {#id .class}`) may give an id and classes, both of safe
/// characters; anything else (`{onfocus=…}`, `{style=…}`) would be copied into the page as an
/// attribute by pulldown-cmark, so it is refused. Each problem comes with its byte offset in
/// `source`, the heading as written.
pub fn heading_attribute_problems(
    source: &str,
    id: Option<&str>,
    classes: &[CowStr],
    attrs: &[(CowStr, Option<CowStr>)],
) -> Vec<(usize, String)> {
    // The attribute block is the last `{…}` of the heading's first line.
    let block = source
        .lines()
        .next()
        .and_then(|first| first.rfind('{'))
        .unwrap_or(0);
    let at = |needle: &str| source[block..].find(needle).map_or(block, |i| block + i);
    let mut problems = Vec::new();
    if let Some(id) = id.filter(|i| !is_safe_id(i)) {
        problems.push((
            at(&format!("#{id}")),
            format!(
                "heading id `{id}` may hold only letters, digits, `-` and `_`, such as `{{#after-the-interview}}`"
            ),
        ));
    }
    for class in classes.iter().filter(|c| !is_safe_class(c)) {
        problems.push((
            at(&format!(".{class}")),
            format!("heading class `{class}` may hold only ASCII letters, digits, `-` and `_`"),
        ));
    }
    for (key, value) in attrs {
        let written = match value {
            Some(v) => format!("{key}={v}"),
            None => key.to_string(),
        };
        problems.push((
            at(key),
            format!(
                "heading attribute `{written}` is not allowed: a heading takes only an id (`{{#after-the-interview}}`) and classes (`{{.note}}`)"
            ),
        ));
    }
    problems
}

/// An explicit heading id of letters and digits of any script (Devanagari vowel signs and
/// virama included), `-` and `_`: nothing that could leave the `id` attribute or confuse a
/// URL fragment.
pub fn is_safe_id(id: &str) -> bool {
    !id.is_empty()
        && id.chars().count() <= 100
        && id.chars().all(|c| {
            c.is_alphanumeric() || c == '-' || c == '_' || ('\u{0900}'..='\u{097F}').contains(&c)
        })
}

/// A heading class of ASCII letters, digits, `-` and `_`.
pub fn is_safe_class(class: &str) -> bool {
    !class.is_empty()
        && class.len() <= 100
        && class
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}
