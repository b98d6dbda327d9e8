//! Stages 2 and 4, Markdown: a page body in, a [`Scan`] (stage 2) and, once links are resolved,
//! HTML (stage 4) out.
//!
//! Markdown passes over pulldown-cmark events, in two steps:
//!
//! 1. [`scan`] (parse stage, per page): heading ids, links to resolve, plain text for search,
//!    and syntax problems (worksheet blocks, unsafe links, images without alt text), with lines.
//! 2. [`render`] (render stage): HTML, once links are resolved against the whole site.
//!
//! Raw HTML in Markdown is kept by an allow-list ([`super::raw_html`]): allowed elements
//! render, everything else is dropped with a warning, and the page then goes through an
//! HTML sanitiser. Worksheet blocks (fenced blocks
//! whose info string is `lines N`, `box N` or `name-date`) become writing space; empty table
//! cells become boxes to fill in; task-list items become printed checkboxes.

use super::heading_attrs::{heading_attribute_problems, is_safe_class, is_safe_id};
use super::raw_html::{HtmlFilter, sanitize};
use super::worksheet::{
    Column, Writing, colgroup_html, parse_writing, split_column_marker, writing_html,
};
pub use super::worksheet::{MAX_WRITING_LINES, WorksheetLabels};
use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::HashMap;

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SMART_PUNCTUATION
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    pub text: String,
    pub id: String,
}

/// A link or image destination that points inside the site and must be resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRef {
    pub dest: String,
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    /// 1-based byte column of what is wrong, 0 when the whole line is.
    pub column: usize,
    pub message: String,
}

#[derive(Debug, Clone, Default)]
pub struct Scan {
    pub headings: Vec<Heading>,
    pub links: Vec<LinkRef>,
    pub problems: Vec<Problem>,
    /// Raw HTML that was dropped (not allowed), to warn about: the page still builds.
    pub html_warnings: Vec<Problem>,
    /// The visible text, for search indexing and snippets: [`Plain::text`] with the body.
    pub plain: Plain,
    pub worksheet_blocks: usize,
}

/// The visible text of a page, kept as the pieces of the body it is made of rather than as a
/// copy: the text of every page was the largest thing in the site model after the bodies
/// themselves (most of a gigabyte at 100,000 pages), and it is only read when the search
/// index of the page's language is made.
#[derive(Debug, Clone, Default)]
pub struct Plain {
    pieces: Vec<Piece>,
    /// Text that is not a slice of the body (entities and escapes resolved).
    owned: String,
}

#[derive(Debug, Clone, Copy)]
enum Piece {
    Body(u32, u32),
    Owned(u32, u32),
    Char(char),
}

impl Plain {
    fn push_str(&mut self, body: &str, text: &str) {
        let start = (text.as_ptr() as usize).wrapping_sub(body.as_ptr() as usize);
        let piece = match body.get(start..start + text.len()) {
            // A slice of the body (pulldown-cmark borrows most text from its input).
            Some(slice) if !text.is_empty() && std::ptr::eq(slice.as_ptr(), text.as_ptr()) => {
                Piece::Body(start as u32, (start + text.len()) as u32)
            }
            _ => {
                let at = self.owned.len();
                self.owned.push_str(text);
                Piece::Owned(at as u32, self.owned.len() as u32)
            }
        };
        self.pieces.push(piece);
    }

    fn push(&mut self, c: char) {
        self.pieces.push(Piece::Char(c));
    }

    /// The text, given the body it was scanned from: one line per block, each trimmed, no
    /// empty lines.
    pub fn text(&self, body: &str) -> String {
        let mut raw = String::with_capacity(body.len());
        for piece in &self.pieces {
            match *piece {
                Piece::Body(a, b) => raw.push_str(body.get(a as usize..b as usize).unwrap_or("")),
                Piece::Owned(a, b) => raw.push_str(&self.owned[a as usize..b as usize]),
                Piece::Char(c) => raw.push(c),
            }
        }
        raw.split('\n')
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Where a link destination points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    /// `https://…`, `http://…`, `mailto:…`, `tel:…`
    External,
    /// `#anchor` on the same page
    Anchor,
    /// A relative path inside `content/` (a `.md` page or another file), resolved by the model.
    Relative,
    /// `/en/tips/` — breaks under a subpath, so refused with advice.
    SiteAbsolute,
    /// `javascript:`, `data:` and any other scheme.
    Unsafe(String),
}

pub fn classify_link(dest: &str) -> LinkTarget {
    let d = dest.trim();
    let lower = d.to_ascii_lowercase();
    if ["https://", "http://", "mailto:", "tel:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
    {
        LinkTarget::External
    } else if d.starts_with('#') {
        LinkTarget::Anchor
    } else if d.starts_with("//") {
        LinkTarget::Unsafe("//".into())
    } else if d.starts_with('/') || d.starts_with('\\') {
        LinkTarget::SiteAbsolute
    } else if let Some((scheme, _)) = d.split_once(':').filter(|(s, _)| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
            && !s.contains('/')
    }) {
        LinkTarget::Unsafe(scheme.to_ascii_lowercase())
    } else {
        LinkTarget::Relative
    }
}

/// Heading ids: lowercase, spaces to hyphens, punctuation dropped, Devanagari kept whole
/// (virama and vowel signs included: `char::is_alphanumeric` is false for the virama, so it
/// cannot be the test).
pub fn slugify_heading(text: &str) -> String {
    let mut out = String::new();
    for c in text.trim().chars() {
        let keep_devanagari = ('\u{0900}'..='\u{097F}').contains(&c)
            && !matches!(c, '\u{0964}' | '\u{0965}' | '\u{0970}');
        if keep_devanagari || c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if (c.is_whitespace() || c == '-' || c == '_')
            && !out.ends_with('-')
            && !out.is_empty()
        {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "section".into()
    } else {
        out
    }
}

/// Byte offsets to 1-based (line, column), for messages about a text.
pub struct LineIndex(Vec<usize>);

impl LineIndex {
    pub fn new(s: &str) -> LineIndex {
        LineIndex(
            std::iter::once(0)
                .chain(s.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
        )
    }
    /// (line, column), 1-based, for a byte offset.
    pub fn at(&self, offset: usize) -> (usize, usize) {
        let line = self.0.partition_point(|&start| start <= offset);
        (line, offset - self.0[line.saturating_sub(1)] + 1)
    }
}

pub fn scan(body: &str, body_offset: usize) -> Scan {
    let index = LineIndex::new(body);
    let mut out = Scan::default();
    let mut plain = Plain::default();
    let mut seen_ids: HashMap<String, usize> = HashMap::new();
    let mut heading: Option<(u8, Option<String>, String)> = None;
    let mut image: Option<(usize, String)> = None;
    let mut in_code = false;
    let mut in_head = false;
    // The text of a table's header cell, for its column marker.
    let mut head_cell: Option<(usize, usize, String)> = None;
    let mut html = HtmlFilter::default();
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        let (line, column) = index.at(range.start);
        let line = line + body_offset;
        if let Event::End(end) = &event
            && ends_block(end)
        {
            html.end_block();
        }
        match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                let problems = heading_attribute_problems(
                    &body[range.clone()],
                    id.as_deref(),
                    &classes,
                    &attrs,
                );
                for (offset, message) in problems {
                    let (line, column) = index.at(range.start + offset);
                    out.problems.push(Problem {
                        line: line + body_offset,
                        column,
                        message,
                    });
                }
                let explicit = id.filter(|i| is_safe_id(i)).map(|i| i.to_string());
                heading = Some((level as u8, explicit, String::new()))
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, explicit, text)) = heading.take() {
                    let base = explicit.unwrap_or_else(|| slugify_heading(&text));
                    let id = unique_id(&mut seen_ids, base);
                    out.headings.push(Heading {
                        level,
                        text: text.trim().to_string(),
                        id,
                    });
                }
                plain.push('\n');
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                record_link(&mut out, &dest_url, line, column)
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                image = Some((line, String::new()));
                record_link(&mut out, &dest_url, line, column);
            }
            Event::End(TagEnd::Image) => {
                if let Some((line, alt)) = image.take()
                    && alt.trim().is_empty()
                {
                    out.problems.push(Problem {
                        line,
                        column: 0,
                        message: "image has no alt text: write a short description inside the brackets, `![what the image shows](file.png)`".into(),
                    });
                }
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                in_code = true;
                match parse_writing(&info) {
                    Ok(Some(_)) => out.worksheet_blocks += 1,
                    Ok(None) => {}
                    Err(message) => out.problems.push(Problem {
                        line,
                        column: 0,
                        message,
                    }),
                }
            }
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableCell) if in_head => {
                head_cell = Some((line, column, String::new()))
            }
            Event::End(TagEnd::TableCell) => {
                if let Some((line, column, text)) = head_cell.take()
                    && let Err(message) = split_column_marker(&text)
                {
                    out.problems.push(Problem {
                        line,
                        column,
                        message,
                    });
                }
                plain.push('\n');
            }
            Event::Text(_) if html.skipping() => {}
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, _, text)) = head_cell.as_mut() {
                    text.push_str(&t);
                }
                if let Some((_, _, text)) = heading.as_mut() {
                    text.push_str(&t);
                }
                if let Some((_, alt)) = image.as_mut() {
                    alt.push_str(&t);
                }
                if !in_code {
                    plain.push_str(body, &t);
                }
            }
            Event::Html(ref t) | Event::InlineHtml(ref t) => {
                let filtered = html.feed(t, &|src| Some(src.to_string()));
                for d in filtered.dropped {
                    let (line, column) = index.at(range.start + d.offset.min(range.len()));
                    out.html_warnings.push(Problem {
                        line: line + body_offset,
                        column,
                        message: d.message,
                    });
                }
                for (offset, src) in filtered.local_images {
                    let (line, column) = index.at(range.start + offset.min(range.len()));
                    record_link(&mut out, &src, line + body_offset, column);
                }
                plain.push_str(body, &filtered.text);
                // A line of a block of HTML ends a line of the search text, so two
                // `<p>`s, or a `<summary>` and what follows, do not run together.
                if matches!(event, Event::Html(_)) {
                    plain.push('\n');
                }
            }
            Event::SoftBreak | Event::HardBreak => plain.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Item) => plain.push('\n'),
            _ => {}
        }
    }
    plain.pieces.shrink_to_fit();
    plain.owned.shrink_to_fit();
    out.plain = plain;
    out
}

/// The end of a block of text: an element left open in it (`the <script> tag`, written
/// without backticks) drops its content up to here, not the rest of the page.
fn ends_block(end: &TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::HtmlBlock
            | TagEnd::Item
            | TagEnd::TableCell
    )
}

fn record_link(out: &mut Scan, dest: &str, line: usize, column: usize) {
    match classify_link(dest) {
        LinkTarget::External => {}
        LinkTarget::Anchor | LinkTarget::Relative => out.links.push(LinkRef { dest: dest.to_string(), line, column }),
        LinkTarget::SiteAbsolute => out.problems.push(Problem {
            line,
            column,
            message: format!(
                "link `{dest}` starts with `/`, which breaks when the site lives under a subpath; link to the Markdown file with a relative path, such as `../tips/seek-feedback.md`"
            ),
        }),
        LinkTarget::Unsafe(scheme) => out.problems.push(Problem {
            line,
            column,
            message: format!("link `{dest}` uses the `{scheme}` scheme; only https, http, mailto, tel and relative links are allowed"),
        }),
    }
}

fn unique_id(seen: &mut HashMap<String, usize>, base: String) -> String {
    let n = seen.entry(base.clone()).or_insert(0);
    *n += 1;
    if *n == 1 {
        base
    } else {
        format!("{base}-{}", *n - 1)
    }
}

pub struct RenderContext<'a> {
    /// Heading ids from [`scan`], in document order.
    pub heading_ids: &'a [String],
    /// Resolved `href` for a relative or anchor destination; `None` leaves a dead `#`
    /// (the build has already failed with a diagnostic in that case).
    pub resolve: &'a (dyn Fn(&str) -> Option<String> + Sync),
    pub labels: &'a WorksheetLabels,
    /// Levels added to every heading (`## x` becomes `<h3>` with 1), for pages nested under
    /// another heading, as worksheets in a print pack are; capped at `<h6>`.
    pub heading_offset: u8,
}

use crate::html::escape as esc;

pub fn render(body: &str, ctx: &RenderContext) -> String {
    to_html(render_events(body, ctx), body.len())
}

/// HTML of events made by [`render_events`].
pub fn to_html<'a>(events: Vec<Event<'a>>, size_hint: usize) -> String {
    // Raw HTML from the page (filtered by [`render_events`]) is the one `InlineHtml`; the
    // renderer's own markup is `Html`. A page with any goes through the sanitiser whole.
    let raw = events.iter().any(|e| matches!(e, Event::InlineHtml(_)));
    let mut html = String::with_capacity(size_hint * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    if raw { sanitize(&html) } else { html }
}

/// The events [`render`] writes as HTML: links resolved, raw HTML filtered, worksheet blocks
/// as writing space. [`super::bilingual`] merges two pages' events.
pub fn render_events<'a>(body: &'a str, ctx: &RenderContext) -> Vec<Event<'a>> {
    let mut events: Vec<Event> = Vec::new();
    let mut heading_n = 0;
    let mut depth = 0usize;
    // Start index and kind of the last top-level block, to keep a prompt with its lines.
    let mut last_block: Option<(usize, bool)> = None;
    let mut in_head = false;
    // The table being rendered: where it starts, its columns, how many boxes to fill it has.
    let mut table: Option<(usize, Vec<Column>, usize)> = None;
    let mut html = HtmlFilter::default();
    let mut parser = Parser::new_ext(body, options());
    while let Some(event) = parser.next() {
        let at_top = depth == 0;
        if let Event::End(end) = &event
            && ends_block(end)
        {
            html.end_block();
        }
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(ref info))) => {
                let writing = parse_writing(info).ok().flatten();
                let Some(writing) = writing else {
                    depth += 1;
                    if at_top {
                        last_block = Some((events.len(), false));
                    }
                    events.push(event);
                    continue;
                };
                let mut hint = String::new();
                for inner in parser.by_ref() {
                    match inner {
                        Event::End(TagEnd::CodeBlock) => break,
                        Event::Text(t) => hint.push_str(&t),
                        _ => {}
                    }
                }
                let html = writing_html(writing, hint.trim(), ctx.labels);
                match last_block {
                    Some((start, true))
                        if at_top && matches!(writing, Writing::Lines(_) | Writing::Box(_)) =>
                    {
                        events.insert(start, Event::Html(CowStr::from("<div class=\"ws-field\">")));
                        events.push(Event::Html(html.into()));
                        events.push(Event::Html(CowStr::from("</div>\n")));
                    }
                    _ => events.push(Event::Html(html.into())),
                }
                if at_top {
                    last_block = None;
                }
            }
            Event::Start(tag) => {
                if at_top {
                    last_block = Some((
                        events.len(),
                        matches!(tag, Tag::Paragraph | Tag::Heading { .. }),
                    ));
                }
                depth += 1;
                match tag {
                    Tag::Heading {
                        level,
                        id: _,
                        classes,
                        attrs: _,
                    } => {
                        let id = ctx
                            .heading_ids
                            .get(heading_n)
                            .cloned()
                            .unwrap_or_else(|| format!("h-{heading_n}"));
                        heading_n += 1;
                        // Only the checked id and safe classes reach the page; other
                        // attributes are refused by `scan` and never written.
                        events.push(Event::Start(Tag::Heading {
                            level: shift_heading(level, ctx.heading_offset),
                            id: Some(id.into()),
                            classes: classes.into_iter().filter(|c| is_safe_class(c)).collect(),
                            attrs: Vec::new(),
                        }));
                    }
                    Tag::Link {
                        dest_url, title, ..
                    } => {
                        let title_attr = if title.is_empty() {
                            String::new()
                        } else {
                            format!(" title=\"{}\"", esc(&title))
                        };
                        let open = match classify_link(&dest_url) {
                            LinkTarget::External => format!(
                                "<a href=\"{}\" rel=\"noopener\"{title_attr}>",
                                esc(dest_url.trim())
                            ),
                            LinkTarget::Anchor | LinkTarget::Relative => {
                                let href = (ctx.resolve)(&dest_url).unwrap_or_else(|| "#".into());
                                format!("<a href=\"{}\"{title_attr}>", esc(&href))
                            }
                            _ => "<a>".to_string(),
                        };
                        events.push(Event::Html(open.into()));
                    }
                    Tag::Image {
                        link_type,
                        dest_url,
                        title,
                        id,
                    } => {
                        let src = match classify_link(&dest_url) {
                            LinkTarget::External => dest_url.to_string(),
                            LinkTarget::Relative => (ctx.resolve)(&dest_url).unwrap_or_default(),
                            _ => String::new(),
                        };
                        events.push(Event::Start(Tag::Image {
                            link_type,
                            dest_url: src.into(),
                            title,
                            id,
                        }));
                    }
                    // Raw HTML blocks are their filtered fragments, with no wrapper.
                    Tag::HtmlBlock => {}
                    Tag::Table(aligns) => {
                        table = Some((events.len(), Vec::new(), 0));
                        events.push(Event::Start(Tag::Table(aligns)));
                    }
                    Tag::TableHead => {
                        in_head = true;
                        events.push(Event::Start(Tag::TableHead));
                    }
                    other => events.push(Event::Start(other)),
                }
            }
            Event::End(end) => {
                depth = depth.saturating_sub(1);
                match end {
                    TagEnd::Heading(level) => events.push(Event::End(TagEnd::Heading(
                        shift_heading(level, ctx.heading_offset),
                    ))),
                    TagEnd::Link => events.push(Event::Html(CowStr::from("</a>"))),
                    TagEnd::HtmlBlock => {}
                    TagEnd::TableHead => {
                        in_head = false;
                        events.push(Event::End(TagEnd::TableHead));
                    }
                    TagEnd::TableCell if in_head => {
                        // A column marker ends the header cell's last text.
                        let mut kind = Column::Text;
                        if let Some(Event::Text(t)) = events.last()
                            && let Ok(Some((text, k))) = split_column_marker(t)
                        {
                            kind = k;
                            let text = text.to_string();
                            events.pop();
                            events.push(Event::Text(text.into()));
                        }
                        if let Some((_, columns, _)) = table.as_mut() {
                            columns.push(kind);
                        }
                        events.push(Event::End(TagEnd::TableCell));
                    }
                    TagEnd::TableCell
                        if matches!(events.last(), Some(Event::Start(Tag::TableCell))) =>
                    {
                        events.push(Event::Html(CowStr::from("<span class=\"ws-fill\"></span>")));
                        events.push(Event::End(TagEnd::TableCell));
                        if let Some((_, _, fills)) = table.as_mut() {
                            *fills += 1;
                        }
                    }
                    TagEnd::Table => match table.take() {
                        // A table with boxes to fill in is a form: its columns get widths
                        // for hands, and it gets a class for print and the fill-in script.
                        Some((start, columns, fills)) if fills > 0 => {
                            events.insert(start + 1, Event::Html(colgroup_html(&columns).into()));
                            events.insert(
                                start,
                                Event::Html(CowStr::from("<div class=\"ws-table\">\n")),
                            );
                            events.push(Event::End(TagEnd::Table));
                            events.push(Event::Html(CowStr::from("</div>\n")));
                        }
                        _ => events.push(Event::End(TagEnd::Table)),
                    },
                    other => events.push(Event::End(other)),
                }
            }
            Event::Html(t) | Event::InlineHtml(t) => {
                let filtered = html.feed(&t, ctx.resolve);
                // Always pushed, even empty: it marks the page for the sanitiser.
                events.push(Event::InlineHtml(filtered.html.into()));
            }
            Event::Text(_) if html.skipping() => {}
            Event::TaskListMarker(checked) => {
                let class = if checked {
                    "ws-check is-checked"
                } else {
                    "ws-check"
                };
                events.push(Event::Html(
                    format!("<span class=\"{class}\" aria-hidden=\"true\"></span>").into(),
                ));
            }
            other => events.push(other),
        }
    }
    events
}

fn shift_heading(level: HeadingLevel, offset: u8) -> HeadingLevel {
    HeadingLevel::try_from((level as usize + offset as usize).min(6)).unwrap_or(HeadingLevel::H6)
}

#[cfg(test)]
mod tests;
