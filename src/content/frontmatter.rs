//! Stage 2, front matter: a page's text in, a typed [`FrontMatter`] and its body out.
//!
//! Splitting a page into YAML front matter and Markdown body, and turning the YAML into a typed
//! [`FrontMatter`]. serde_yaml is frozen upstream, so it is used only here and in `config.rs`.
//!
//! Every problem becomes a [`Diagnostic`] with the file, the line and the field; a page with
//! problems yields all of them, not just the first.

mod bounds;
mod lenient;

use bounds::check_bounds;
pub use bounds::{MAX_FRONT_MATTER_BYTES, MAX_FRONT_MATTER_DEPTH};
use lenient::field_by_field;

use crate::config::strip_location;
use crate::diagnostics::Diagnostic;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// The front matter exactly as written; unknown fields are rejected by serde.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFrontMatter {
    title: Option<String>,
    summary: Option<String>,
    tags: Option<Vec<String>>,
    date: Option<String>,
    weight: Option<i64>,
    draft: Option<bool>,
    source: Option<RawSource>,
    illustrative: Option<bool>,
}

impl RawFrontMatter {
    /// Keeps every field `other` has.
    fn take(&mut self, other: RawFrontMatter) {
        self.title = other.title.or(self.title.take());
        self.summary = other.summary.or(self.summary.take());
        self.tags = other.tags.or(self.tags.take());
        self.date = other.date.or(self.date.take());
        self.weight = other.weight.or(self.weight);
        self.draft = other.draft.or(self.draft);
        self.source = other.source.or(self.source.take());
        self.illustrative = other.illustrative.or(self.illustrative);
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    name: String,
    url: Option<String>,
}

/// A calendar date, validated (no 31 April).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year: u16 = s[0..4].parse().ok()?;
        let month: u8 = s[5..7].parse().ok()?;
        let day: u8 = s[8..10].parse().ok()?;
        let leap =
            (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days)
            .contains(&day)
            .then_some(Date { year, month, day })
    }

    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A tag as written, with the line it is on, so an undeclared tag can be pointed at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagRef {
    pub slug: String,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRef {
    pub name: String,
    pub url: Option<String>,
}

/// Validated front matter: required fields are present and non-empty, types are right.
#[derive(Debug, Clone)]
pub struct FrontMatter {
    pub title: String,
    pub summary: String,
    pub tags: Vec<TagRef>,
    pub date: Option<Date>,
    pub weight: i64,
    pub draft: bool,
    pub source: Option<SourceRef>,
    pub illustrative: bool,
}

/// A page file split and parsed.
#[derive(Debug, Clone)]
pub struct Document {
    pub front: FrontMatter,
    pub body: String,
    /// Number of lines before the body starts, added to Markdown line numbers.
    pub body_offset: usize,
}

/// What the page must have, which depends on where it is.
#[derive(Debug, Clone, Copy, Default)]
pub struct Requirements {
    pub tags: bool,
}

/// A page file split and parsed; any problem in it is an error.
pub fn parse_document(
    bytes: &[u8],
    rel: &Path,
    req: Requirements,
) -> Result<Document, Vec<Diagnostic>> {
    let (doc, problems) = parse_document_lenient(bytes, rel, req)?;
    if problems.is_empty() {
        Ok(doc)
    } else {
        Err(problems)
    }
}

/// A page file split and parsed as far as it can be: a front matter with a missing or
/// mistyped field still yields the document (the field empty or at its default) along with
/// the problems, so `check` goes on to report the body's problems in the same run. Only a
/// file that cannot be split at all (not UTF-8, no front matter, too large) is refused.
pub fn parse_document_lenient(
    bytes: &[u8],
    rel: &Path,
    req: Requirements,
) -> Result<(Document, Vec<Diagnostic>), Vec<Diagnostic>> {
    let text = decode(bytes, rel)?;
    let (yaml, body, body_offset) = split(&text, rel)?;
    check_bounds(yaml, rel)?;
    let (front, problems) = parse_front_matter(yaml, rel, req);
    Ok((
        Document {
            front,
            body: body.to_string(),
            body_offset,
        },
        problems,
    ))
}

/// UTF-8 only, with a leading BOM dropped and CRLF line endings accepted.
fn decode(bytes: &[u8], rel: &Path) -> Result<String, Vec<Diagnostic>> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
            let col = good.len() - good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1) + 1;
            return Err(vec![Diagnostic::error(
                rel,
                line,
                "the file is not valid UTF-8 text; save it as UTF-8 (most editors have an \"Encoding\" menu)",
            )
            .column(col)]);
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    Ok(if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    })
}

fn split<'a>(text: &'a str, rel: &Path) -> Result<(&'a str, &'a str, usize), Vec<Diagnostic>> {
    if text.trim().is_empty() {
        return Err(vec![Diagnostic::error(
            rel,
            1,
            "the file is empty; a page starts with front matter between two `---` lines (title and summary at least)",
        )]);
    }
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| (text.trim_end() == "---").then_some(""))
    else {
        return Err(vec![Diagnostic::error(
            rel,
            1,
            "the page must start with front matter: a line `---`, the fields (title, summary, …), and another line `---`",
        )]);
    };
    let mut offset = 0;
    for (i, line) in rest.split_inclusive('\n').enumerate() {
        if line.trim_end() == "---" {
            let yaml = &rest[..offset];
            let body = &rest[offset + line.len()..];
            return Ok((yaml, body, i + 2));
        }
        offset += line.len();
    }
    Err(vec![Diagnostic::error(
        rel,
        1,
        "the front matter is not closed: add a line `---` after the last field",
    )])
}

/// Line (1-based, counting the opening `---` as line 1) of each top-level key.
fn key_lines(yaml: &str) -> BTreeMap<String, usize> {
    let mut lines = BTreeMap::new();
    for (i, line) in yaml.lines().enumerate() {
        if line.starts_with([' ', '\t', '-', '#']) {
            continue;
        }
        if let Some((key, _)) = line.split_once(':') {
            let key = key.trim().trim_matches(['"', '\'']);
            if !key.is_empty() {
                lines.entry(key.to_string()).or_insert(i + 2);
            }
        }
    }
    lines
}

/// Characters that may not appear in any front-matter text: control characters other than
/// tab and newline (an escape sequence could rewrite a terminal, and XML forbids most of
/// them, so one would make a feed ill-formed) and the two non-characters XML also forbids.
fn forbidden_char(s: &str) -> Option<(usize, char)> {
    s.chars().enumerate().find(|&(_, c)| {
        (c.is_control() && c != '\t' && c != '\n') || c == '\u{FFFE}' || c == '\u{FFFF}'
    })
}

fn parse_front_matter(yaml: &str, rel: &Path, req: Requirements) -> (FrontMatter, Vec<Diagnostic>) {
    let lines = key_lines(yaml);
    let line_of = |field: &str| lines.get(field).copied().unwrap_or(1);
    let mut errors = Vec::new();
    let mut unreadable = false;
    let raw: RawFrontMatter = if yaml.trim().is_empty() {
        RawFrontMatter::default()
    } else {
        match serde_yaml::from_str(yaml) {
            Ok(raw) => raw,
            Err(e) => {
                let first = yaml_error(&e, rel, yaml, &lines);
                // Front matter that is not fields at all explains itself: no "missing" too.
                unreadable = first.field.is_none();
                let (raw, more) = field_by_field(yaml, rel, first.field.as_deref());
                errors.push(first);
                errors.extend(more);
                raw
            }
        }
    };
    let texts = [
        ("title", raw.title.as_deref()),
        ("summary", raw.summary.as_deref()),
        ("date", raw.date.as_deref()),
        ("source", raw.source.as_ref().map(|s| s.name.as_str())),
        ("source", raw.source.as_ref().and_then(|s| s.url.as_deref())),
    ];
    let tag_texts = raw
        .tags
        .iter()
        .flatten()
        .map(|t| ("tags", Some(t.as_str())));
    for (field, text) in texts.into_iter().chain(tag_texts) {
        if let Some((at, c)) = text.and_then(forbidden_char) {
            errors.push(
                Diagnostic::error(
                    rel,
                    line_of(field),
                    format!(
                        "contains the control character U+{:04X} (character {} of the text); delete it (it often comes with text copied from a terminal or a word processor)",
                        c as u32,
                        at + 1
                    ),
                )
                .field(field),
            );
        }
    }
    // A field already reported as written wrong is not reported again as missing.
    let wrong: Vec<String> = errors
        .iter()
        .filter_map(|d| d.field.as_deref())
        .map(|f| f.split(['.', '[']).next().unwrap_or(f).to_string())
        .collect();
    let written_wrong = |name: &str| unreadable || wrong.iter().any(|w| w == name);
    let mut required = |name: &str, value: Option<String>| match value {
        Some(v) if !v.trim().is_empty() => v.trim().to_string(),
        Some(_) => {
            errors.push(Diagnostic::error(rel, line_of(name), "must not be empty").field(name));
            String::new()
        }
        None if written_wrong(name) => String::new(),
        None => {
            errors.push(Diagnostic::error(rel, 1, "is required but missing").field(name));
            String::new()
        }
    };
    let title = required("title", raw.title);
    let summary = required("summary", raw.summary);
    let date = raw.date.and_then(|d| {
        let parsed = Date::parse(d.trim());
        if parsed.is_none() {
            errors.push(
                Diagnostic::error(
                    rel,
                    line_of("date"),
                    format!("`{d}` is not a date in the form YYYY-MM-DD"),
                )
                .field("date"),
            );
        }
        parsed
    });
    let tags_line = line_of("tags");
    let yaml_lines: Vec<&str> = yaml.lines().collect();
    let mut tags: Vec<TagRef> = Vec::new();
    for slug in raw.tags.clone().unwrap_or_default() {
        let slug = slug.trim().to_string();
        if forbidden_char(&slug).is_some() {
            continue; // reported above
        }
        // The line that mentions the tag, at or after the `tags:` key.
        let line = (tags_line.saturating_sub(2)..yaml_lines.len())
            .find(|&i| yaml_lines[i].contains(slug.as_str()))
            .map_or(tags_line, |i| i + 2);
        if !crate::model::lang::is_kebab_slug(&slug) {
            errors.push(
                Diagnostic::error(
                    rel,
                    line,
                    format!("`{slug}` is not a tag slug (lowercase ASCII words joined by hyphens)"),
                )
                .field("tags"),
            );
        } else if tags.iter().any(|t| t.slug == slug) {
            errors.push(
                Diagnostic::error(rel, line, format!("`{slug}` is listed twice")).field("tags"),
            );
        } else {
            tags.push(TagRef { slug, line });
        }
    }
    if req.tags && !written_wrong("tags") && raw.tags.as_ref().is_none_or(|t| t.is_empty()) {
        errors.push(Diagnostic::error(rel, tags_line, "tips need at least one tag").field("tags"));
    }
    let source = raw.source.and_then(|s| {
        let url_ok = s
            .url
            .as_deref()
            .is_none_or(|u| u.starts_with("https://") || u.starts_with("http://"));
        if s.name.trim().is_empty() || !url_ok {
            errors.push(
                Diagnostic::error(
                    rel,
                    line_of("source"),
                    "needs a non-empty `name` and, if given, a `url` starting with https://",
                )
                .field("source"),
            );
            return None;
        }
        Some(SourceRef {
            name: s.name.trim().to_string(),
            url: s.url,
        })
    });
    let front = FrontMatter {
        title,
        summary,
        tags,
        date,
        weight: raw.weight.unwrap_or(0),
        draft: raw.draft.unwrap_or(false),
        source,
        illustrative: raw.illustrative.unwrap_or(false),
    };
    (front, errors)
}

fn yaml_error(
    e: &serde_yaml::Error,
    rel: &Path,
    yaml: &str,
    lines: &BTreeMap<String, usize>,
) -> Diagnostic {
    let msg = strip_location(&e.to_string());
    // serde_yaml counts lines from the start of the YAML; the file has the `---` line first.
    let (mut line, mut col) = e.location().map_or((1, 0), |l| (l.line() + 1, l.column()));
    let duplicate = msg
        .strip_prefix("duplicate field `")
        .and_then(|r| r.split('`').next());
    // Name the field: "unknown field `x`", "title: invalid type…", "tags[0]: invalid type…",
    // "source.name: …" or "duplicate field `x`".
    let field = msg
        .strip_prefix("unknown field `")
        .and_then(|r| r.split('`').next())
        .or(duplicate)
        .or_else(|| {
            msg.split_once(": ")
                .map(|(f, _)| f)
                .filter(|f| lines.contains_key(*f) || f.contains(['.', '[']))
        })
        .map(str::to_string);
    let plain = match (&field, msg.strip_prefix("unknown field `")) {
        (Some(_), Some(rest)) => {
            let expected = rest.split_once(", expected ").map(|(_, e)| e).unwrap_or("");
            format!(
                "unknown field; the allowed fields are {}",
                expected.trim_start_matches("one of ")
            )
        }
        (Some(f), None) if duplicate.is_some() => {
            // serde points at the start of the map; the second `f:` line is the one to fix.
            if let Some(i) = yaml
                .lines()
                .enumerate()
                .filter(|(_, l)| {
                    l.strip_prefix(f.as_str())
                        .is_some_and(|r| r.starts_with(':'))
                })
                .nth(1)
                .map(|(i, _)| i)
            {
                (line, col) = (i + 2, 1);
            }
            "is written twice; keep one of them".to_string()
        }
        (Some(f), None) => msg
            .strip_prefix(&format!("{f}: "))
            .unwrap_or(&msg)
            .to_string(),
        _ => format!("the front matter is not valid YAML: {msg}"),
    };
    let d = Diagnostic::error(rel, line, plain).column(col);
    match field {
        Some(f) => d.field(f),
        None => d,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<Document, Vec<Diagnostic>> {
        parse_document(s.as_bytes(), Path::new("p.md"), Requirements { tags: true })
    }

    #[test]
    fn good_page_with_bom_and_crlf() {
        let d = parse("\u{feff}---\r\ntitle: Hi\r\nsummary: S\r\ntags: [feedback]\r\ndate: 2024-02-29\r\n---\r\nBody\r\n").unwrap();
        assert_eq!(d.front.title, "Hi");
        assert_eq!(
            d.front.date,
            Some(Date {
                year: 2024,
                month: 2,
                day: 29
            })
        );
        assert_eq!(d.body, "Body\n");
        assert_eq!(d.body_offset, 6);
        assert_eq!(d.front.tags[0].line, 4);
    }

    #[test]
    fn unknown_field_names_field_and_line() {
        let e = parse("---\ntitle: a\nsummary: b\ntags: [x]\nauthor: me\n---\n").unwrap_err();
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].field.as_deref(), Some("author"));
        assert_eq!(e[0].line, 5);
        assert!(e[0].message.contains("allowed fields"), "{}", e[0].message);
    }

    #[test]
    fn wrong_type_names_field_and_line() {
        let e = parse("---\ntitle: a\nsummary: b\ntags: x\n---\n").unwrap_err();
        assert_eq!(e[0].field.as_deref(), Some("tags"), "{e:?}");
        assert_eq!(e[0].line, 4);
        let e = parse("---\ntitle: a\nsummary: b\ntags: [x]\nweight: heavy\n---\n").unwrap_err();
        assert_eq!(e[0].field.as_deref(), Some("weight"), "{e:?}");
        assert_eq!(e[0].line, 5);
    }

    #[test]
    fn list_items_and_duplicates_name_their_field() {
        let e = parse("---\ntitle: a\nsummary: b\ntags: [[x]]\n---\n").unwrap_err();
        assert_eq!(e[0].field.as_deref(), Some("tags[0]"), "{e:?}");
        assert!(!e[0].message.contains("YAML"), "{}", e[0].message);
        let e = parse("---\ntitle: a\nsummary: b\ntags: [x]\nsummary: c\n---\n").unwrap_err();
        assert_eq!(e[0].field.as_deref(), Some("summary"), "{e:?}");
        assert_eq!(e[0].line, 5);
        assert!(e[0].message.contains("twice"), "{}", e[0].message);
        let e = parse("---\n- a\n- b\n---\n").unwrap_err();
        assert!(e[0].message.contains("`name: value`"), "{}", e[0].message);
        assert!(!e[0].message.contains("Raw"), "{}", e[0].message);
    }

    #[test]
    fn all_missing_fields_reported_together() {
        let e = parse("---\ndate: 2024-13-01\n---\n").unwrap_err();
        let fields: Vec<_> = e.iter().map(|d| d.field.clone().unwrap()).collect();
        assert_eq!(fields, ["title", "summary", "date", "tags"]);
        assert_eq!(e[2].line, 2);
    }

    #[test]
    fn structural_problems() {
        assert!(parse("").unwrap_err()[0].message.contains("empty"));
        assert!(
            parse("no front matter").unwrap_err()[0]
                .message
                .contains("start with front matter")
        );
        assert!(
            parse("---\ntitle: a\n").unwrap_err()[0]
                .message
                .contains("not closed")
        );
        let e = parse("---\ntitle: \"unclosed\nsummary: x\n---\n").unwrap_err();
        assert!(e[0].message.contains("YAML"), "{e:?}");
        let bad = parse_document(
            b"---\ntitle: a\xff\n---\n",
            Path::new("p.md"),
            Requirements::default(),
        )
        .unwrap_err();
        assert_eq!((bad[0].line, bad[0].column), (2, 9));
    }

    #[test]
    fn deep_or_huge_front_matter_is_refused_before_parsing() {
        let deep = format!("---\ntitle: {}\n---\n", "[".repeat(30_000));
        let start = std::time::Instant::now();
        let e = parse(&deep).unwrap_err();
        assert!(start.elapsed().as_millis() < 500, "{:?}", start.elapsed());
        assert!(e[0].message.contains("nested more than 10 levels"), "{e:?}");
        assert_eq!((e[0].line, e[0].column), (2, 17));
        let blocks: String = (0..40)
            .map(|i| format!("{}- x\n", "  ".repeat(i)))
            .collect();
        let e = parse(&format!("---\ntitle: a\nsummary: b\ntags:\n{blocks}---\n")).unwrap_err();
        assert!(e[0].message.contains("nested"), "{e:?}");
        let dashes = format!("---\ntags: {}x\n---\n", "- ".repeat(50));
        assert!(parse(&dashes).unwrap_err()[0].message.contains("nested"));
        let huge = format!("---\ntitle: a\nsummary: {}\n---\n", "x".repeat(40_000));
        assert!(
            parse(&huge).unwrap_err()[0]
                .message
                .contains("limited to 32 KB")
        );
        // What real pages write stays well inside the bounds, brackets in text included.
        for ok in [
            "---\ntitle: \"[[[[[[[[[[[[ quoted\"\nsummary: '{{{{{{{{{{{{'\ntags: [a, b]\nsource: { name: x, url: \"https://x\" }\n---\n",
            "---\ntitle: a # [[[[[[[[[[[[[[[[ comment\nsummary: b\ntags:\n  - a\n  - b\nsource:\n  name: x\n---\n",
        ] {
            assert!(parse(ok).is_ok(), "{ok}: {:?}", parse(ok).err());
        }
    }

    #[test]
    fn control_characters_are_errors_with_field_and_line() {
        let e =
            parse("---\ntitle: \"a \\e b\"\nsummary: \"ok\\tfine\"\ntags: [x, \"\\x9b\"]\n---\n")
                .unwrap_err();
        let found: Vec<_> = e
            .iter()
            .map(|d| {
                (
                    d.field.as_deref().unwrap(),
                    d.line,
                    d.message.contains("U+001B") || d.message.contains("U+009B"),
                )
            })
            .collect();
        assert_eq!(found, [("title", 2, true), ("tags", 4, true)]);
        assert!(parse("---\ntitle: \"a\\r\"\nsummary: b\ntags: [x]\n---\n").is_err());
    }

    #[test]
    fn dates() {
        assert!(Date::parse("2023-02-29").is_none());
        assert!(Date::parse("2024-04-31").is_none());
        assert!(Date::parse("2024-4-3").is_none());
        assert_eq!(Date::parse("2000-02-29").unwrap().iso(), "2000-02-29");
    }
}
