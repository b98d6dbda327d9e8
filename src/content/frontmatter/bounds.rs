//! Front matter that is too large or too deeply nested is refused before the YAML parser sees
//! it: the parser's time grows with the nesting depth, and no page needs either.

use crate::diagnostics::Diagnostic;
use std::path::Path;

/// Front matter holds a title, a summary, tags and a few short fields; this is far more than
/// any page needs, and keeps what the YAML parser is given small.
pub const MAX_FRONT_MATTER_BYTES: usize = 32 * 1024;

/// Front matter needs two levels (`source:` and its `name:`); ten leaves room for any way of
/// writing them. The YAML parser takes time quadratic in the nesting depth (100,000 levels of
/// `[` took 40 s), so deeper front matter is refused before it is parsed.
pub const MAX_FRONT_MATTER_DEPTH: usize = 10;

/// Refuses front matter that is too large or too deeply nested to hand to the YAML parser.
pub(super) fn check_bounds(yaml: &str, rel: &Path) -> Result<(), Vec<Diagnostic>> {
    if yaml.len() > MAX_FRONT_MATTER_BYTES {
        return Err(vec![Diagnostic::error(
            rel,
            1,
            format!(
                "the front matter is {} KB; it is limited to {} KB (a title, a summary, tags and a few short fields): move long text into the page body",
                yaml.len().div_ceil(1024),
                MAX_FRONT_MATTER_BYTES / 1024
            ),
        )]);
    }
    if let Some((line, column)) = too_deep(yaml, MAX_FRONT_MATTER_DEPTH) {
        return Err(vec![
            Diagnostic::error(
                rel,
                line + 1,
                format!(
                    "the front matter is nested more than {MAX_FRONT_MATTER_DEPTH} levels deep here; its fields need at most two (`source:` and `name:`)"
                ),
            )
            .column(column),
        ]);
    }
    Ok(())
}

/// Where `yaml` first nests deeper than `max` levels, as a 1-based (line in the YAML,
/// column), in one pass over the text. It counts block levels (each deeper indentation and
/// each `- ` or `? ` entry opened on a line) plus flow levels (`[`, `{`), skipping quoted
/// strings and comments. It may count a bracket inside plain text as a level, never the other
/// way round, so it bounds what the parser sees. Hand-written: the point is to run before any
/// YAML parser.
pub(super) fn too_deep(yaml: &str, max: usize) -> Option<(usize, usize)> {
    let mut indents: Vec<usize> = Vec::new();
    let mut flow = 0usize;
    let mut quote: Option<char> = None;
    for (n, line) in yaml.lines().enumerate() {
        let mut block = indents.len();
        if quote.is_none() && flow == 0 {
            let rest = line.trim_start_matches(' ');
            if rest.is_empty() || rest.starts_with('#') {
                continue;
            }
            let indent = line.len() - rest.len();
            while indents.last().is_some_and(|&top| top > indent) {
                indents.pop();
            }
            if indents.last() != Some(&indent) {
                indents.push(indent);
            }
            block = indents.len();
        }
        let mut token_start = true;
        let mut escaped = false;
        let mut chars = line.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            match quote {
                Some('"') if escaped => escaped = false,
                Some('"') if c == '\\' => escaped = true,
                Some(q) if c == q => quote = None,
                Some(_) => {}
                None => match c {
                    '"' | '\'' if token_start => quote = Some(c),
                    '#' if token_start => break,
                    '[' | '{' if flow > 0 || token_start => flow += 1,
                    ']' | '}' => flow = flow.saturating_sub(1),
                    '-' | '?' | ':'
                        if flow == 0
                            && token_start
                            && chars.peek().is_none_or(|(_, next)| *next == ' ') =>
                    {
                        block += 1
                    }
                    _ => {}
                },
            }
            if block + flow > max {
                return Some((n + 1, i + 1));
            }
            token_start =
                quote.is_none() && (c == ' ' || c == '\t' || (flow > 0 && "[{,".contains(c)));
        }
    }
    None
}
