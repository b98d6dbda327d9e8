//! After the pipeline: diagnostics and the site's files in, text for people out.
//!
//! Diagnostics for people: grouped by file, each with the offending source line underlined
//! (rendered by annotate-snippets, the library rustc's own messages use), then a summary.
//! `check` prints this; `Diagnostic::human` stays the one-line form for `build`.

use super::{Diagnostic, Diagnostics, Severity, terminal_safe};
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use std::path::{Path, PathBuf};

/// Renders every diagnostic, file by file in path order. Source lines are read from
/// `root`; a file that cannot be read (or a problem about a whole file) is shown without one.
pub fn render(diags: &Diagnostics, root: &Path, color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut sorted: Vec<&Diagnostic> = diags.0.iter().collect();
    sorted.sort_by(|a, b| {
        (&a.file, a.line, a.column, a.severity, &a.message)
            .cmp(&(&b.file, b.line, b.column, b.severity, &b.message))
    });
    let mut out = String::new();
    let mut i = 0;
    while i < sorted.len() {
        let file = &sorted[i].file;
        let group_len = sorted[i..].iter().take_while(|d| &d.file == file).count();
        let source = read_lossy(&root.join(file));
        let path = terminal_safe(&display_path(file)).into_owned();
        let in_file = Diagnostics(
            sorted[i..i + group_len]
                .iter()
                .map(|d| (*d).clone())
                .collect(),
        );
        out.push_str(&format!("{path}: {}\n\n", counts(&in_file)));
        for d in &in_file.0 {
            out.push_str(&renderer.render(&[group(d, &path, source.as_deref())]));
            out.push_str("\n\n");
        }
        i += group_len;
    }
    out
}

/// `2 errors and 1 warning in 3 files`, or `no problems`.
pub fn summary(diags: &Diagnostics) -> String {
    let mut files: Vec<&PathBuf> = diags.0.iter().map(|d| &d.file).collect();
    files.sort();
    files.dedup();
    match diags.0.len() {
        0 => "no problems".to_string(),
        _ => format!("{} in {}", counts(diags), plural(files.len(), "file")),
    }
}

/// `2 errors and 1 warning`, `1 error`, `3 warnings`.
fn counts(diags: &Diagnostics) -> String {
    match (diags.errors(), diags.warnings()) {
        (e, 0) => plural(e, "error"),
        (0, w) => plural(w, "warning"),
        (e, w) => format!("{} and {}", plural(e, "error"), plural(w, "warning")),
    }
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

fn group<'a>(d: &'a Diagnostic, path: &'a str, source: Option<&'a str>) -> Group<'a> {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let title = match &d.field {
        Some(f) => format!("`{f}`: {}", d.message),
        None => d.message.clone(),
    };
    let title = terminal_safe(&title).into_owned();
    let title = level.primary_title(title);
    let line_text = source.and_then(|s| match d.line {
        0 => None,
        n => s.lines().nth(n - 1),
    });
    match line_text {
        Some(text) => {
            let span = underline(text, d.column);
            // The line as it will be shown, with the span moved to match.
            let shown = |end: usize| terminal_safe(&text[..end]).len();
            let span = shown(span.start)..shown(span.end);
            let text = terminal_safe(text);
            title.element(
                Snippet::source(text)
                    .line_start(d.line)
                    .path(path)
                    .annotation(AnnotationKind::Primary.span(span)),
            )
        }
        None => {
            let origin = Origin::path(path);
            let origin = if d.line > 0 {
                origin.line(d.line)
            } else {
                origin
            };
            title.element(origin)
        }
    }
}

/// The part of the line to underline: from the column (1-based, in bytes) to the end of the
/// line, or the whole line without its indentation when the column is unknown.
fn underline(line: &str, column: usize) -> std::ops::Range<usize> {
    let end = line.trim_end().len();
    let start = if column > 0 {
        let mut c = (column - 1).min(end);
        while !line.is_char_boundary(c) {
            c -= 1;
        }
        c
    } else {
        line.len() - line.trim_start().len()
    };
    if start >= end {
        // An empty line, or a column past the text: point at the end.
        start..start
    } else {
        start..end
    }
}

fn read_lossy(path: &Path) -> Option<String> {
    let bytes = std::fs::read(path).ok()?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    // Line numbers count lines the way the parser does: CRLF and CR end a line too.
    Some(if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    })
}

fn display_path(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn underline_spans() {
        assert_eq!(underline("tags: [x]", 7), 6..9);
        assert_eq!(underline("  title: a  ", 0), 2..10);
        assert_eq!(underline("", 0), 0..0);
        assert_eq!(underline("ab", 9), 2..2);
        // A column inside a multi-byte character moves back to its start.
        assert_eq!(underline("कब", 2), 0..6);
    }

    #[test]
    fn summary_words() {
        let mut d = Diagnostics::default();
        assert_eq!(summary(&d), "no problems");
        d.push(Diagnostic::error("a.md", 1, "x"));
        d.push(Diagnostic::warning("a.md", 2, "y"));
        d.push(Diagnostic::warning("b.md", 0, "z"));
        assert_eq!(summary(&d), "1 error and 2 warnings in 2 files");
    }

    #[test]
    fn shows_the_line_and_a_file_level_problem() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("a.md"),
            "---\ntitle: x\ntags: [nope]\n---\n",
        )
        .unwrap();
        let mut d = Diagnostics::default();
        d.push(Diagnostic::error("a.md", 3, "tag `nope` is not declared").field("tags"));
        d.push(Diagnostic::warning("a.md", 0, "not translated"));
        let out = render(&d, dir.path(), false);
        assert!(
            out.contains("error: `tags`: tag `nope` is not declared"),
            "{out}"
        );
        assert!(out.contains("3 | tags: [nope]"), "{out}");
        assert!(out.contains("--> a.md:3"), "{out}");
        assert!(out.contains("warning: not translated"), "{out}");
    }
}
