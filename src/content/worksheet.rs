//! Stages 2 and 4, worksheet syntax: the info strings of writing blocks (` ```lines 4 `,
//! ` ```box 6 `, ` ```name-date `) and the column markers of fill-in tables (`| Date {date} |`)
//! in, their meaning and their HTML out. [`super::markdown`] calls these while it scans and
//! renders a page.
//!
//! Column markers end a header cell of a table: `{wide}`, `{date}`, `{number}` or `{tick}`.
//! They set how much of the page's width a column of a fill-in table gets on paper, so a
//! name has room for a hand and a tick column takes no more than a box. Unmarked columns
//! share the width equally (tables written before markers existed keep working). On GitHub a
//! marker shows as text in the header; the site strips it.

use crate::html::escape as esc;
use std::fmt::Write;

/// Most lines or box rows one block may ask for; more cannot fit a printed page.
pub const MAX_WRITING_LINES: u32 = 40;

/// A worksheet block's info string, parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Writing {
    Lines(u32),
    Box(u32),
    NameDate,
}

/// `Ok(None)`: an ordinary code block. `Err`: a worksheet block written wrong.
pub fn parse_writing(info: &str) -> Result<Option<Writing>, String> {
    let mut words = info.split_whitespace();
    let kind = words.next().unwrap_or("");
    let arg = words.next();
    let count = |name: &str| -> Result<u32, String> {
        let usage =
            format!("write ```{name} N``` with N a whole number from 1 to {MAX_WRITING_LINES}");
        let n: u32 = arg
            .ok_or_else(|| format!("`{name}` needs a number: {usage}"))?
            .parse()
            .map_err(|_| format!("`{info}`: {usage}"))?;
        if !(1..=MAX_WRITING_LINES).contains(&n) {
            return Err(format!("`{info}`: {usage}"));
        }
        if words.clone().next().is_some() {
            return Err(format!("`{info}` has extra words: {usage}"));
        }
        Ok(n)
    };
    match kind {
        "lines" => count("lines").map(|n| Some(Writing::Lines(n))),
        "box" => count("box").map(|n| Some(Writing::Box(n))),
        "name-date" if arg.is_none() => Ok(Some(Writing::NameDate)),
        "name-date" => Err("`name-date` takes no number: write ```name-date```".into()),
        "line" | "lines:" | "boxes" | "namedate" | "name_date" => Err(format!(
            "`{kind}` is not a worksheet block; use ```lines N```, ```box N``` or ```name-date```"
        )),
        _ => Ok(None),
    }
}

/// Words the renderer needs in the page's language.
#[derive(Debug, Clone, Default)]
pub struct WorksheetLabels {
    pub name: String,
    pub date: String,
}

pub fn writing_html(w: Writing, hint: &str, labels: &WorksheetLabels) -> String {
    let mut s = String::new();
    match w {
        Writing::Lines(n) => {
            let _ = write!(s, "<div class=\"ws-lines\" data-lines=\"{n}\">");
            for _ in 0..n {
                s.push_str("<div class=\"ws-line\"></div>");
            }
            s.push_str("</div>\n");
        }
        Writing::Box(n) => {
            let _ = write!(s, "<div class=\"ws-box\" style=\"--rows:{n}\">");
            if !hint.is_empty() {
                let _ = write!(s, "<span class=\"ws-hint\">{}</span>", esc(hint));
            }
            s.push_str("</div>\n");
        }
        Writing::NameDate => {
            let _ = writeln!(
                s,
                "<div class=\"ws-namedate\"><span class=\"ws-pair\"><span class=\"ws-label\">{}</span><span class=\"ws-blank\"></span></span><span class=\"ws-pair ws-pair-date\"><span class=\"ws-label\">{}</span><span class=\"ws-blank\"></span></span></div>",
                esc(&labels.name),
                esc(&labels.date)
            );
        }
    }
    s
}

/// What a column of a fill-in table holds, which sets its width on paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// Names and short free text: one share of the width left by the fixed columns.
    Text,
    /// Long free text: two shares.
    Wide,
    /// A date or a "by when": a fixed 15% of the width (27 mm on A4).
    Date,
    /// An amount: 16% (29 mm).
    Number,
    /// A tick: 9% (16 mm); on a phone, a checkbox.
    Tick,
}

impl Column {
    const MARKERS: [(&'static str, Column); 4] = [
        ("wide", Column::Wide),
        ("date", Column::Date),
        ("number", Column::Number),
        ("tick", Column::Tick),
    ];

    pub fn name(self) -> &'static str {
        match self {
            Column::Text => "text",
            Column::Wide => "wide",
            Column::Date => "date",
            Column::Number => "number",
            Column::Tick => "tick",
        }
    }

    /// Percent of the table's width for a fixed column; `None` for a shared one.
    fn fixed_percent(self) -> Option<f64> {
        match self {
            Column::Date => Some(15.0),
            Column::Number => Some(16.0),
            Column::Tick => Some(9.0),
            Column::Text | Column::Wide => None,
        }
    }
}

/// The marker at the end of a header cell's text: `Ok(Some((text without it, kind)))`,
/// `Ok(None)` without a marker, `Err` for a marker that is not one of the four (a typo).
pub fn split_column_marker(text: &str) -> Result<Option<(&str, Column)>, String> {
    let trimmed = text.trim_end();
    let Some(open) = trimmed.rfind('{').filter(|_| trimmed.ends_with('}')) else {
        return Ok(None);
    };
    let word = &trimmed[open + 1..trimmed.len() - 1];
    if word.is_empty() || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return Ok(None);
    }
    match Column::MARKERS.iter().find(|(w, _)| *w == word) {
        Some((_, kind)) => Ok(Some((trimmed[..open].trim_end(), *kind))),
        None => Err(format!(
            "`{{{word}}}` is not a column marker: end a table's header cell with `{{wide}}`, `{{date}}`, `{{number}}` or `{{tick}}`, or with nothing for a column of names or short text"
        )),
    }
}

/// The `<colgroup>` of a fill-in table: fixed columns take their share of the width, the
/// others split the rest (a wide one counting twice). Percentages, so the same table suits
/// A4, Letter and a screen.
pub fn colgroup_html(columns: &[Column]) -> String {
    let fixed: f64 = columns.iter().filter_map(|c| c.fixed_percent()).sum();
    let shares: u32 = columns
        .iter()
        .map(|c| match c {
            Column::Text => 1,
            Column::Wide => 2,
            _ => 0,
        })
        .sum();
    // When only fixed columns are marked, they keep their widths and the table shrinks
    // with them; when they add up to more than the page, they share it.
    let scale = if fixed > 100.0 { 100.0 / fixed } else { 1.0 };
    let rest = (100.0 - fixed).max(0.0);
    let mut s = String::from("<colgroup>");
    for c in columns {
        let percent = match c.fixed_percent() {
            Some(p) => p * scale,
            None if shares > 0 => {
                rest * f64::from(if *c == Column::Wide { 2 } else { 1 }) / f64::from(shares)
            }
            None => 0.0,
        };
        let _ = write!(
            s,
            "<col class=\"ws-col-{}\" style=\"width:{:.2}%\">",
            c.name(),
            percent
        );
    }
    s.push_str("</colgroup>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_markers() {
        assert_eq!(
            split_column_marker("Date applied {date}"),
            Ok(Some(("Date applied", Column::Date)))
        );
        assert_eq!(
            split_column_marker("हो गया {tick} "),
            Ok(Some(("हो गया", Column::Tick)))
        );
        assert_eq!(split_column_marker("Company"), Ok(None));
        assert_eq!(split_column_marker("Set {A}"), Ok(None));
        assert!(
            split_column_marker("When {dat}")
                .unwrap_err()
                .contains("{dat}")
        );
    }

    #[test]
    fn colgroup_shares_what_fixed_columns_leave() {
        let g = colgroup_html(&[Column::Text, Column::Wide, Column::Date, Column::Tick]);
        // 100 - 15 - 9 = 76, in three shares.
        assert_eq!(
            g,
            "<colgroup><col class=\"ws-col-text\" style=\"width:25.33%\"><col class=\"ws-col-wide\" style=\"width:50.67%\"><col class=\"ws-col-date\" style=\"width:15.00%\"><col class=\"ws-col-tick\" style=\"width:9.00%\"></colgroup>"
        );
        let equal = colgroup_html(&[Column::Text; 4]);
        assert_eq!(equal.matches("width:25.00%").count(), 4, "{equal}");
    }
}
