//! Front matter that serde refused as a whole, read field by field, so a page with one wrong
//! field still yields its other fields and the page is checked in the same run.

use super::{RawFrontMatter, key_lines, yaml_error};
use crate::diagnostics::Diagnostic;
use std::path::Path;

/// After serde refused the front matter as a whole (its first problem is `reported`), each
/// top-level field on its own: the ones that are right are kept, so the page is still
/// checked, and each other wrong field is one more problem.
pub(super) fn field_by_field(
    yaml: &str,
    rel: &Path,
    reported: Option<&str>,
) -> (RawFrontMatter, Vec<Diagnostic>) {
    let mut raw = RawFrontMatter::default();
    let mut errors = Vec::new();
    let root = |f: &str| f.split(['.', '[']).next().unwrap_or(f).to_string();
    for (first_line, block) in top_level_blocks(yaml) {
        let lines = key_lines(block);
        let Some(key) = lines.keys().next().cloned() else {
            continue;
        };
        match serde_yaml::from_str::<RawFrontMatter>(block) {
            Ok(field) => raw.take(field),
            Err(_) if reported.is_some_and(|r| root(r) == key) => {}
            Err(e) => {
                let mut d = yaml_error(&e, rel, block, &lines);
                d.line += first_line;
                if d.field.is_none() {
                    d = d.field(key);
                }
                errors.push(d);
            }
        }
    }
    (raw, errors)
}

/// The front matter cut into its top-level fields: each a key line at the left margin with
/// the indented or list lines under it, with the 0-based line it starts on.
fn top_level_blocks(yaml: &str) -> Vec<(usize, &str)> {
    let mut starts = Vec::new();
    let mut offset = 0;
    for (i, line) in yaml.split_inclusive('\n').enumerate() {
        if !line.starts_with([' ', '\t', '-', '#', '\n']) && line.contains(':') {
            starts.push((i, offset));
        }
        offset += line.len();
    }
    let ends = starts.iter().skip(1).map(|&(_, o)| o).chain([yaml.len()]);
    starts
        .iter()
        .zip(ends)
        .map(|(&(line, start), end)| (line, &yaml[start..end]))
        .collect()
}
