//! `handbook new --from <page>`: an existing page in, the start of its translation out.
//!
//! A translator starts from the structure of the page they translate: the same headings, the
//! same worksheet blocks (writing space is language-neutral), the same tags and fields. Every
//! piece of text becomes a [`PLACEHOLDER`] followed by the text to translate, so `check`
//! points at each until it is done, and the page is valid content from the first save.

use super::yaml_string;
use crate::check::rules::PLACEHOLDER;
use crate::content::frontmatter::{Document, FrontMatter};
use crate::content::worksheet::parse_writing;
use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};
use std::fmt::Write;

/// The translation skeleton of `doc`.
pub fn skeleton(doc: &Document) -> String {
    let mut s = String::from("---\n");
    front(&mut s, &doc.front);
    s.push_str("---\n\n");
    s.push_str(&body(&doc.body));
    s
}

fn todo(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        PLACEHOLDER.to_string()
    } else {
        format!("{PLACEHOLDER} {text}")
    }
}

fn front(s: &mut String, f: &FrontMatter) {
    let _ = writeln!(s, "title: {}", yaml_string(&todo(&f.title)));
    let _ = writeln!(s, "summary: {}", yaml_string(&todo(&f.summary)));
    if !f.tags.is_empty() {
        let tags: Vec<&str> = f.tags.iter().map(|t| t.slug.as_str()).collect();
        let _ = writeln!(s, "tags: [{}]", tags.join(", "));
    }
    if let Some(d) = f.date {
        let _ = writeln!(s, "date: {}", d.iso());
    }
    if f.weight != 0 {
        let _ = writeln!(s, "weight: {}", f.weight);
    }
    if f.draft {
        s.push_str("draft: true\n");
    }
    if f.illustrative {
        s.push_str("illustrative: true\n");
    }
    if let Some(src) = &f.source {
        let _ = write!(s, "source:\n  name: {}\n", yaml_string(&src.name));
        if let Some(url) = &src.url {
            let _ = writeln!(s, "  url: {}", yaml_string(url));
        }
    }
}

/// Each top-level block of the body, in order: headings and text as placeholders with the
/// text to translate, worksheet and code blocks as they are, list items one placeholder each.
fn body(md: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut depth = 0usize;
    let mut block_start = 0usize;
    let parser =
        Parser::new_ext(md, Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS).into_offset_iter();
    for (event, range) in parser {
        match event {
            Event::Start(tag) => {
                if depth == 0 {
                    block_start = range.start;
                    if let Tag::CodeBlock(kind) = &tag {
                        out.push(code_block(&md[range.clone()], kind));
                    }
                }
                depth += 1;
            }
            Event::End(end) => {
                depth = depth.saturating_sub(1);
                if depth > 0 {
                    continue;
                }
                let src = &md[block_start..range.end];
                match end {
                    TagEnd::CodeBlock => {}
                    TagEnd::Heading(level) => {
                        let text = src.trim_start_matches('#').trim();
                        out.push(format!("{} {}", "#".repeat(level as usize), todo(text)));
                    }
                    TagEnd::List(_) => out.push(list(src)),
                    TagEnd::Table => out.push(format!(
                        "{}\n\n{}",
                        todo("translate the table below (keep its `|` and the column markers)"),
                        src.trim_end()
                    )),
                    TagEnd::BlockQuote(_) => {
                        let inner: Vec<&str> = src
                            .lines()
                            .map(|l| l.trim_start().trim_start_matches('>').trim())
                            .collect();
                        out.push(format!("> {}", todo(&inner.join(" "))));
                    }
                    TagEnd::HtmlBlock => out.push(src.trim_end().to_string()),
                    _ => out.push(todo(src)),
                }
            }
            Event::Rule if depth == 0 => out.push("---".into()),
            _ => {}
        }
    }
    let mut s = out.join("\n\n");
    s.push('\n');
    s
}

/// A worksheet block stays (a box's hint becomes a placeholder); other code stays as it is.
fn code_block(src: &str, kind: &CodeBlockKind) -> String {
    let src = src.trim_end();
    let CodeBlockKind::Fenced(info) = kind else {
        return src.to_string();
    };
    if !matches!(parse_writing(info), Ok(Some(_))) {
        return src.to_string();
    }
    let mut lines: Vec<&str> = src.lines().collect();
    if lines.len() <= 2 {
        return src.to_string();
    }
    let fence_open = lines.remove(0);
    let fence_close = lines.pop().unwrap_or("```");
    let hint = todo(&lines.join(" "));
    format!("{fence_open}\n{hint}\n{fence_close}")
}

/// Every item of a list on its own line, marker (and checkbox) kept, text a placeholder.
fn list(src: &str) -> String {
    let mut items: Vec<String> = Vec::new();
    for line in src.lines() {
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        let marker_len = trimmed
            .find(|c: char| !(c.is_ascii_digit() || "-*+.)".contains(c)))
            .unwrap_or(trimmed.len());
        let is_item = marker_len > 0 && trimmed[marker_len..].starts_with(' ');
        if !is_item {
            // A continuation line: part of the item above.
            if let Some(last) = items.last_mut().filter(|_| !trimmed.is_empty()) {
                last.push(' ');
                last.push_str(trimmed);
            }
            continue;
        }
        let (marker, rest) = trimmed.split_at(marker_len);
        let rest = rest.trim_start();
        let (check, text) = ["[ ] ", "[x] ", "[X] "]
            .iter()
            .find_map(|c| rest.strip_prefix(c).map(|t| ("[ ] ", t)))
            .unwrap_or(("", rest));
        items.push(format!("{indent}{marker} {check}{}", todo(text)));
    }
    items.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::frontmatter::{Requirements, parse_document};
    use std::path::Path;

    #[test]
    fn structure_is_kept_text_becomes_placeholders() {
        let page = "---\ntitle: After the interview\nsummary: Write it down.\ntags: [feedback]\nweight: 3\n---\n\
```name-date\n```\n\nA first paragraph\nover two lines.\n\n## What went well?\n\n```lines 4\n```\n\n\
```box 3\nA hint\n```\n\n- [ ] call back\n- [x] rest\n\n1. one\n2. two\n\n> A quote\n\n| A | B |\n|---|---|\n| x |  |\n";
        let doc =
            parse_document(page.as_bytes(), Path::new("p.md"), Requirements::default()).unwrap();
        let s = skeleton(&doc);
        assert_eq!(
            s,
            "---\ntitle: \"TODO: After the interview\"\nsummary: \"TODO: Write it down.\"\ntags: [feedback]\nweight: 3\n---\n\n\
```name-date\n```\n\nTODO: A first paragraph over two lines.\n\n## TODO: What went well?\n\n```lines 4\n```\n\n\
```box 3\nTODO: A hint\n```\n\n- [ ] TODO: call back\n- [ ] TODO: rest\n\n1. TODO: one\n2. TODO: two\n\n> TODO: A quote\n\n\
TODO: translate the table below (keep its `|` and the column markers)\n\n| A | B |\n|---|---|\n| x |  |\n"
        );
        // The skeleton is a valid page.
        let again = parse_document(s.as_bytes(), Path::new("p.md"), Requirements { tags: true });
        assert!(again.is_ok(), "{again:?}");
    }
}
