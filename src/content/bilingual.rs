//! Stage 4, bilingual worksheets: the rendered events of a worksheet and of its translation
//! in, one page with every prompt in both languages out, for groups where people read
//! different languages.
//!
//! A translation keeps the blocks of its source (the same headings, prompts, checklists and
//! tables, in the same order), so the two pages are matched text by text: each paragraph,
//! heading, list item and table cell of the first language gets the same piece of the second
//! language right after it, in a `<span class="ws-alt" lang="…">`. Writing space (lines,
//! boxes, empty cells, checkboxes) comes from the first language only, so nothing is drawn
//! twice. When the two pages are not built alike (a prompt added on one side only), the
//! pages are shown one after the other instead: still both languages, just not interleaved.

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

/// Tags inside running text; every other tag is a block (a paragraph, a heading, an item, a
/// table cell …) whose text is matched with the other language's.
fn is_inline(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Link { .. }
            | Tag::Image { .. }
            | Tag::Superscript
            | Tag::Subscript
    )
}

fn is_inline_end(end: &TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Link
            | TagEnd::Image
            | TagEnd::Superscript
            | TagEnd::Subscript
    )
}

/// Writing space the renderer adds as HTML inside text blocks: drawn once, from the first
/// language.
fn is_drawing(e: &Event) -> bool {
    matches!(e, Event::Html(h) if h.starts_with("<span class=\"ws-check") || h.starts_with("<span class=\"ws-fill"))
}

/// Where the text of each innermost block lies: `(first, end)` indices of its content,
/// `end` being the index of the block's closing event.
fn leaves(events: &[Event]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // Open blocks: (index after the start event, whether a block opened inside).
    let mut stack: Vec<(usize, bool)> = Vec::new();
    for (i, e) in events.iter().enumerate() {
        match e {
            Event::Start(tag) if !is_inline(tag) => {
                if let Some(top) = stack.last_mut() {
                    top.1 = true;
                }
                stack.push((i + 1, false));
            }
            Event::End(end) if !is_inline_end(end) => {
                if let Some((first, has_child)) = stack.pop()
                    && !has_child
                {
                    out.push((first, i));
                }
            }
            _ => {}
        }
    }
    out
}

/// Whether a piece of text holds anything to show (an empty table cell does not).
fn has_text(events: &[Event]) -> bool {
    events.iter().any(|e| match e {
        Event::Text(t) | Event::Code(t) => !t.trim().is_empty(),
        _ => false,
    })
}

/// The first language's events with the second's text after each of its blocks; `None`
/// when the two are not built alike.
pub fn interleave<'a>(
    first: Vec<Event<'a>>,
    second: &[Event<'a>],
    lang: &str,
) -> Option<Vec<Event<'a>>> {
    let a = leaves(&first);
    let b = leaves(second);
    if a.len() != b.len() {
        return None;
    }
    // The block kinds must agree too, or a heading would be matched with a paragraph.
    let same_kind = |x: &Event, y: &Event| match (x, y) {
        (Event::End(x), Event::End(y)) => std::mem::discriminant(x) == std::mem::discriminant(y),
        _ => false,
    };
    if a.iter()
        .zip(&b)
        .any(|(x, y)| !same_kind(&first[x.1], &second[y.1]))
    {
        return None;
    }
    let open = format!(
        "<span class=\"ws-alt\" lang=\"{}\">",
        crate::html::escape(lang)
    );
    let mut out = Vec::with_capacity(first.len() + second.len());
    let mut next = a.iter().zip(&b).peekable();
    for (i, e) in first.into_iter().enumerate() {
        while let Some(((_, end), (bf, be))) = next.peek() {
            if *end != i {
                break;
            }
            let piece: Vec<Event> = second[*bf..*be]
                .iter()
                .filter(|e| !is_drawing(e))
                .cloned()
                .collect();
            if has_text(&piece) {
                out.push(Event::Html(CowStr::from(open.clone())));
                out.extend(piece);
                out.push(Event::Html(CowStr::from("</span>")));
            }
            next.next();
        }
        out.push(e);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::markdown::{RenderContext, WorksheetLabels, render_events, to_html};

    fn events(md: &str) -> Vec<Event<'_>> {
        let labels = WorksheetLabels::default();
        let resolve = |_: &str| None;
        render_events(
            md,
            &RenderContext {
                heading_ids: &[],
                resolve: &resolve,
                labels: &labels,
                heading_offset: 0,
            },
        )
    }

    #[test]
    fn every_prompt_in_both_languages_and_writing_space_once() {
        let en = "## What happened\n\nWhich company?\n\n```lines 2\n```\n\n- [ ] Sad\n\n| Who | When {date} |\n|---|---|\n| A friend |  |\n";
        let hi = "## क्या हुआ\n\nकौन-सी कंपनी?\n\n```lines 2\n```\n\n- [ ] दुखी\n\n| कौन | कब {date} |\n|---|---|\n| कोई दोस्त |  |\n";
        let hi_events = events(hi);
        let merged = interleave(events(en), &hi_events, "hi").expect("built alike");
        let html = to_html(merged, 0);
        assert!(
            html.contains("What happened<span class=\"ws-alt\" lang=\"hi\">क्या हुआ</span></h2>"),
            "{html}"
        );
        assert!(
            html.contains("Which company?<span class=\"ws-alt\" lang=\"hi\">कौन-सी कंपनी?</span>"),
            "{html}"
        );
        assert_eq!(html.matches("class=\"ws-line\"").count(), 2, "{html}");
        assert_eq!(html.matches("ws-check").count(), 1, "{html}");
        assert!(
            html.contains("Sad<span class=\"ws-alt\" lang=\"hi\">दुखी</span>"),
            "{html}"
        );
        assert!(
            html.contains("When<span class=\"ws-alt\" lang=\"hi\">कब</span>"),
            "{html}"
        );
        assert_eq!(html.matches("ws-fill").count(), 1, "{html}");
        // A prompt on one side only: not built alike.
        let extra = events("## क्या हुआ\n\nकौन-सी कंपनी?\n\nऔर?\n");
        assert!(interleave(events("## What happened\n\nWhich company?\n"), &extra, "hi").is_none());
    }
}
