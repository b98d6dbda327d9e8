//! Stage 2, parsing: [`Source`]s in, [`ParsedPage`]s out.
//!
//! Read and parse every source in parallel: front matter into typed fields, Markdown
//! scanned for headings, links and problems. Nothing here knows about other pages.

use super::discover::Source;
use super::frontmatter::{Document, Requirements, parse_document_lenient};
use super::markdown::{Scan, scan};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::lang::{PageKey, Section};
use rayon::prelude::*;

/// Pages larger than this are refused: no handbook page is that long, and a runaway file
/// (a pasted log, a binary renamed `.md`) should not stall a build.
pub const MAX_PAGE_BYTES: u64 = 2 * 1024 * 1024;

#[derive(Debug, Clone)]
pub struct ParsedPage {
    pub source: Source,
    pub doc: Document,
    pub scan: Scan,
    /// What is wrong with the front matter (a missing summary, a mistyped field): the page
    /// is still parsed and scanned, so one run reports these with the body's problems, but
    /// it is not one to publish.
    pub front_problems: Vec<Diagnostic>,
}

pub fn parse_all(sources: Vec<Source>, diags: &mut Diagnostics) -> Vec<ParsedPage> {
    let results: Vec<Result<ParsedPage, Vec<Diagnostic>>> =
        sources.into_par_iter().map(parse_one).collect();
    let mut pages = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(p) => {
                diags.extend(problems(&p));
                pages.push(p);
            }
            Err(ds) => diags.extend(ds),
        }
    }
    pages
}

/// Problems found in a page that parsed: its front matter's, then the Markdown scan's
/// (worksheet blocks written wrong…).
pub fn problems(p: &ParsedPage) -> Vec<Diagnostic> {
    let scanned = p.scan.problems.iter().map(|problem| {
        Diagnostic::error(&p.source.rel, problem.line, problem.message.clone())
            .column(problem.column)
    });
    let dropped = p.scan.html_warnings.iter().map(|problem| {
        Diagnostic::warning(&p.source.rel, problem.line, problem.message.clone())
            .column(problem.column)
    });
    p.front_problems
        .iter()
        .cloned()
        .chain(scanned)
        .chain(dropped)
        .collect()
}

/// Reads and parses one page; `serve` calls it for each page that changes.
pub fn parse_one(source: Source) -> Result<ParsedPage, Vec<Diagnostic>> {
    let too_big = |len: u64| {
        vec![Diagnostic::error(
            &source.rel,
            0,
            format!(
                "the page is {:.1} MB; pages are limited to {} MB, split it into several pages",
                len as f64 / 1_048_576.0,
                MAX_PAGE_BYTES / 1_048_576
            ),
        )]
    };
    let meta = std::fs::metadata(&source.path).map_err(|e| {
        vec![Diagnostic::error(
            &source.rel,
            0,
            format!("cannot read: {e}"),
        )]
    })?;
    if meta.len() > MAX_PAGE_BYTES {
        return Err(too_big(meta.len()));
    }
    let bytes = std::fs::read(&source.path).map_err(|e| {
        vec![Diagnostic::error(
            &source.rel,
            0,
            format!("cannot read: {e}"),
        )]
    })?;
    let req = Requirements {
        tags: matches!(source.key, PageKey::Entry(Section::Tips, _)),
    };
    let (doc, front_problems) = parse_document_lenient(&bytes, &source.rel, req)?;
    let scan = scan(&doc.body, doc.body_offset);
    Ok(ParsedPage {
        source,
        doc,
        scan,
        front_problems,
    })
}
