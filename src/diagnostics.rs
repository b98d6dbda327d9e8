//! Every stage: problems in, [`Diagnostics`] out, sorted and printed by `cmd/`.
//!
//! Problems found in a site's files, collected rather than thrown, so one run reports all of
//! them. Every diagnostic names the file (relative to the site root), the line, and where it
//! applies the front-matter field, in plain words.

pub mod snippets;

use serde::Serialize;
use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path relative to the site root, with `/` separators.
    pub file: PathBuf,
    /// 1-based; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based; 0 when unknown.
    pub column: usize,
    /// The front-matter field or Fluent message the problem is about, when there is one.
    pub field: Option<String>,
    pub message: String,
}

impl Diagnostic {
    pub fn error(file: impl AsRef<Path>, line: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            file: file.as_ref().to_path_buf(),
            line,
            column: 0,
            field: None,
            message: message.into(),
        }
    }

    pub fn warning(file: impl AsRef<Path>, line: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, line, message)
        }
    }

    pub fn field(mut self, field: impl Into<String>) -> Diagnostic {
        self.field = Some(field.into());
        self
    }

    pub fn column(mut self, column: usize) -> Diagnostic {
        self.column = column;
        self
    }

    fn location(&self) -> String {
        let file = terminal_safe(&self.file.to_string_lossy().replace('\\', "/")).into_owned();
        match (self.line, self.column) {
            (0, _) => file,
            (l, 0) => format!("{file}:{l}"),
            (l, c) => format!("{file}:{l}:{c}"),
        }
    }

    /// One line for a terminal: `error: content/en/tips/x.md:3:8: field `tags`: …`.
    pub fn human(&self) -> String {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let message = terminal_safe(&self.message);
        match &self.field {
            Some(f) => format!(
                "{sev}: {}: `{}`: {message}",
                self.location(),
                terminal_safe(f)
            ),
            None => format!("{sev}: {}: {message}", self.location()),
        }
    }

    /// A GitHub Actions workflow command, which becomes an annotation on the pull request.
    pub fn github(&self) -> String {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let file = terminal_safe(&self.file.to_string_lossy()).into_owned();
        let mut props = format!("file={}", escape_property(&file));
        if self.line > 0 {
            props.push_str(&format!(",line={}", self.line));
        }
        if self.column > 0 {
            props.push_str(&format!(",col={}", self.column));
        }
        let msg = match &self.field {
            Some(f) => format!("`{f}`: {}", self.message),
            None => self.message.clone(),
        };
        format!("::{sev} {props}::{}", escape_data(&terminal_safe(&msg)))
    }
}

/// Text quoted from content, made safe to print: a terminal obeys escape sequences, so a
/// title or a file name holding one could retitle the window, clear the screen or hide
/// other lines. Control characters (other than newline) and bidirectional controls become
/// visible symbols (`␛`), exactly as `check`'s source snippets show them (annotate-snippets'
/// normalisation, the one rustc uses); the C1 controls it leaves, which some terminals also
/// obey (U+009B starts a sequence like ESC `[`), become U+FFFD.
pub fn terminal_safe(s: &str) -> std::borrow::Cow<'_, str> {
    let risky = |c: char| {
        (c.is_control() && c != '\n')
            || ('\u{202A}'..='\u{202E}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    };
    if !s.chars().any(risky) {
        return std::borrow::Cow::Borrowed(s);
    }
    let shown = annotate_snippets::normalize_untrusted_str(s);
    std::borrow::Cow::Owned(
        shown
            .chars()
            .map(|c| {
                if c.is_control() && c != '\n' {
                    '\u{FFFD}'
                } else {
                    c
                }
            })
            .collect(),
    )
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// All problems of a run. As an error it means "the content has problems", as opposed to an
/// environment failure (unreadable folder, full disk), which is an `anyhow::Error`.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    pub fn extend(&mut self, ds: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(ds);
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn errors(&self) -> usize {
        self.0
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    pub fn warnings(&self) -> usize {
        self.0.len() - self.errors()
    }

    /// Sorted by file, then line, so output is stable whatever order the stages ran in.
    pub fn sorted(mut self) -> Diagnostics {
        self.0.sort_by(|a, b| {
            (&a.file, a.line, a.column, &a.message).cmp(&(&b.file, b.line, b.column, &b.message))
        });
        self.0.dedup();
        self
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.0 {
            writeln!(f, "{}", d.human())?;
        }
        let (e, w) = (self.errors(), self.warnings());
        write!(
            f,
            "{e} error{}, {w} warning{}",
            if e == 1 { "" } else { "s" },
            if w == 1 { "" } else { "s" }
        )
    }
}

impl std::error::Error for Diagnostics {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn human_and_github_forms() {
        let d = Diagnostic::error("content/en/tips/a.md", 3, "must not be empty")
            .field("title")
            .column(8);
        assert_eq!(
            d.human(),
            "error: content/en/tips/a.md:3:8: `title`: must not be empty"
        );
        assert_eq!(
            d.github(),
            "::error file=content/en/tips/a.md,line=3,col=8::`title`: must not be empty"
        );
        let w = Diagnostic::warning("a,b.md", 0, "50%\nnext");
        assert_eq!(w.github(), "::warning file=a%2Cb.md::50%25%0Anext");
    }

    #[test]
    fn terminal_escapes_are_shown_not_obeyed() {
        let d = Diagnostic::error(
            "a\u{1b}[2J.md",
            4,
            "`\u{1b}]0;PWNED\u{7}\u{9b}2J\u{202e}x`\tok",
        )
        .field("tags\u{1b}");
        let (human, github) = (d.human(), d.github());
        for text in [&human, &github] {
            assert!(!text.chars().any(|c| c.is_control()), "{text:?}");
        }
        assert_eq!(
            human,
            "error: a␛[2J.md:4: `tags␛`: `␛]0;PWNED␇\u{FFFD}2J\u{FFFD}x`    ok"
        );
        assert!(github.contains("::`tags␛`: `␛]0;PWNED␇"), "{github}");
        assert!(matches!(
            terminal_safe("plain, नमस्ते\n"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
