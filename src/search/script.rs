//! The search script (stage: loading the theme, before rendering): joins the parts of
//! `search.js` that the theme keeps in `static/js/search/` into the one classic script the
//! search page loads, `static/js/search.js`.
//!
//! Input: the theme's static files (the built-in theme with a site's `themes/<name>/` laid
//! over it, file by file). Output: the same files, with the parts replaced by the joined
//! `js/search.js`.
//!
//! Why parts: the query side has several jobs — text analysis that mirrors [`super::analyze`]
//! (normalise, stem, romanised keys), the loader of the files [`super::index`] writes, the
//! ranking engine, snippets, the UI — and one who changes the ranking should not have to
//! scroll past a stemmer. Why one classic script at the end: the page adds it with a
//! `<script src>` tag, which works from `file://` (a portable build) where ES modules and
//! `fetch()` do not, and the reader's browser needs no bundler.
//!
//! # How the parts are joined
//!
//! Every `*.js` file directly in `static/js/search/`, in file-name order (hence the numbers:
//! `10-analyze.js` … `90-start.js`), each without its header (the `//` lines it starts with)
//! and after a `// js/search/<name>` line, inside one function scope in strict mode:
//!
//! ```text
//! /*! handbook search … */
//! (function (root) {
//! 'use strict';
//!
//! // js/search/10-analyze.js
//! …
//! })(typeof window !== 'undefined' ? window : this);
//! ```
//!
//! So the parts share one scope: a part uses what an earlier or later one declares
//! (`function` declarations are hoisted; a `var` that another part reads while the script
//! loads must come from an earlier part). Each part's header says what it uses and gives.
//! Nothing under `static/js/search/` is published as it is.
//!
//! A site's theme overrides like any theme file: `static/js/search/60-rank.js` replaces that
//! part, a new name adds a part at its place in the order, an empty file removes one, and a
//! `static/js/search.js` replaces the whole script (the parts are then not used).

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::render::templates::ThemeFile;

/// Where the parts live, below the theme's `static/`.
pub const PARTS_DIR: &str = "js/search/";
/// The script the pages load, below the theme's `static/`.
pub const SCRIPT: &str = "js/search.js";

/// What comes before the first part: what the file is, and the scope the parts share.
const HEAD: &str =
    "/*! handbook search: the query side of the static search index (no dependencies, ES2017).
 * Joined by handbook from the parts in the theme's static/js/search/ folder, in file-name
 * order, in one function scope; each part says what it does and what it mirrors. */
(function (root) {
'use strict';
";
/// What comes after the last part.
const TAIL: &str = "})(typeof window !== 'undefined' ? window : this);\n";

/// The script made of `parts` (file name, contents), joined in the order given, each without
/// its header (the `//` lines it starts with); a part with no code is left out.
pub fn join(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = HEAD.as_bytes().to_vec();
    for (name, bytes) in parts {
        let code = code(bytes);
        if code.is_empty() {
            continue;
        }
        out.extend_from_slice(format!("\n// {PARTS_DIR}{name}\n").as_bytes());
        out.extend_from_slice(&code);
        if !code.ends_with(b"\n") {
            out.push(b'\n');
        }
    }
    out.extend_from_slice(TAIL.as_bytes());
    out
}

/// A part without its header (the `//` lines it starts with, and the blank lines after them)
/// and, where that is safe, without its comments and indentation (see [`strip`]). The header
/// and comments tell whoever edits the part what it does and mirrors; the reader's phone
/// downloads only the code (on a 400 kbit/s connection the comments of the whole script were
/// about a tenth of a second).
fn code(part: &[u8]) -> Vec<u8> {
    let mut rest = part;
    while rest.starts_with(b"//") || rest.starts_with(b"\n") || rest.starts_with(b"\r\n") {
        let end = rest
            .iter()
            .position(|&b| b == b'\n')
            .map_or(rest.len(), |i| i + 1);
        rest = &rest[end..];
    }
    match std::str::from_utf8(rest) {
        Ok(text) => strip(text).into_bytes(),
        Err(_) => rest.to_vec(),
    }
}

/// `text` without comment lines, `/* … */` blocks that fill whole lines (but `/*!` ones),
/// indentation and blank lines. Only whole lines are dropped, and a line that starts with
/// `//` or `/*` outside a string is always a comment in JavaScript; the one way a line can
/// start inside a string is a template literal or a string continued with `\` over a line
/// break, so a part with either (a line with an odd number of backticks, or ending in `\`)
/// is left as it is. `lib/search-script.js` of the browser tests does the same.
fn strip(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    if lines
        .iter()
        .any(|l| l.matches('`').count() % 2 == 1 || l.trim_end().ends_with('\\'))
    {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim();
        i += 1;
        if line.is_empty() || line.starts_with("//") {
            continue;
        }
        if line.starts_with("/*") && !line.starts_with("/*!") {
            // The block ends on the first line that has `*/`; dropped if nothing follows it.
            let mut end = i - 1;
            while end < lines.len() && !lines[end].contains("*/") {
                end += 1;
            }
            if end < lines.len()
                && lines[end].trim_end().ends_with("*/")
                && lines[end].matches("*/").count() == 1
            {
                i = end + 1;
                continue;
            }
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Replaces the parts among the theme's static files (keyed by their path below `static/`)
/// with the joined [`SCRIPT`], unless the theme has a whole `js/search.js` of its own.
pub fn join_parts(statics: &mut BTreeMap<String, ThemeFile>) {
    let names: Vec<String> = statics
        .keys()
        .filter(|k| k.starts_with(PARTS_DIR))
        .cloned()
        .collect();
    let folder: Vec<(String, ThemeFile)> = names
        .into_iter()
        .filter_map(|k| statics.remove_entry(&k))
        .collect();
    if folder.is_empty() || statics.contains_key(SCRIPT) {
        return;
    }
    // A BTreeMap's keys are in byte order, which is file-name order within one folder.
    let parts: Vec<(&str, &[u8])> = folder
        .iter()
        .filter_map(|(key, file)| {
            let name = &key[PARTS_DIR.len()..];
            (name.ends_with(".js") && !name.contains('/')).then_some((name, file.bytes.as_slice()))
        })
        .collect();
    let bytes = join(&parts);
    let origin = folder[0]
        .1
        .origin
        .parent()
        .map_or_else(|| PathBuf::from(PARTS_DIR), PathBuf::from);
    statics.insert(SCRIPT.to_string(), ThemeFile { origin, bytes });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> ThemeFile {
        ThemeFile {
            origin: PathBuf::from("themes/default/static/js/search/x.js"),
            bytes: text.as_bytes().to_vec(),
        }
    }

    fn statics(files: &[(&str, &str)]) -> BTreeMap<String, ThemeFile> {
        files
            .iter()
            .map(|(k, v)| (k.to_string(), file(v)))
            .collect()
    }

    fn script(statics: &BTreeMap<String, ThemeFile>) -> String {
        String::from_utf8(statics[SCRIPT].bytes.clone()).expect("UTF-8")
    }

    #[test]
    fn parts_are_joined_in_file_name_order_inside_one_scope() {
        let mut s = statics(&[
            ("js/search/20-b.js", "var b = a + 1;\n"),
            ("js/search/10-a.js", "var a = 1;"),
            ("js/other.js", "other"),
        ]);
        join_parts(&mut s);
        assert_eq!(
            s.keys().collect::<Vec<_>>(),
            ["js/other.js", "js/search.js"],
            "the parts are not published"
        );
        let text = script(&s);
        assert!(text.starts_with("/*! handbook search"));
        assert!(text.contains(
            "(function (root) {\n'use strict';\n\n// js/search/10-a.js\nvar a = 1;\n\n// js/search/20-b.js\nvar b = a + 1;\n})(typeof window"
        ));
        assert!(text.ends_with("})(typeof window !== 'undefined' ? window : this);\n"));
    }

    #[test]
    fn headers_of_parts_are_left_out() {
        let joined = join(&[
            (
                "10-a.js",
                b"// What a does.\n// Uses: nothing.\n\nvar a = 1; // one\n// end\n",
            ),
            ("20-b.js", b"// Only a header.\n\n"),
            ("30-c.js", b"var c = 3;"),
        ]);
        let text = String::from_utf8(joined).expect("UTF-8");
        assert!(
            text.contains(
                "\n// js/search/10-a.js\nvar a = 1; // one\n\n// js/search/30-c.js\nvar c = 3;\n})"
            ),
            "{text}"
        );
        assert!(!text.contains("What a does") && !text.contains("20-b.js"));
    }

    #[test]
    fn comments_and_indentation_go_unless_a_string_spans_lines() {
        let part = "function f(x) {\n  // why\n  /**\n   * Doc.\n   */\n  return x /* kept */ * 2;\n\n  /* a */ var y = 1;\n}\n/*! licence */\n";
        assert_eq!(
            strip(part),
            "function f(x) {\nreturn x /* kept */ * 2;\n/* a */ var y = 1;\n}\n/*! licence */\n"
        );
        // Inside a template literal or a continued string, a line is not code: all kept.
        for part in ["var t = `a\n  // b`;\n", "var s = 'a\\\n  // b';\n"] {
            assert_eq!(strip(part), part);
        }
    }

    #[test]
    fn a_whole_search_js_wins_over_the_parts() {
        let mut s = statics(&[
            ("js/search.js", "/* the site's own */"),
            ("js/search/10-a.js", "var a = 1;\n"),
        ]);
        join_parts(&mut s);
        assert_eq!(s.keys().collect::<Vec<_>>(), ["js/search.js"]);
        assert_eq!(script(&s), "/* the site's own */");
    }

    #[test]
    fn empty_parts_and_other_files_in_the_folder_are_left_out() {
        let mut s = statics(&[
            ("js/search/10-a.js", "var a = 1;\n"),
            ("js/search/20-gone.js", ""),
            ("js/search/NOTES.md", "notes"),
            ("js/search/sub/30-x.js", "var x;\n"),
        ]);
        join_parts(&mut s);
        assert_eq!(s.keys().collect::<Vec<_>>(), ["js/search.js"]);
        let text = script(&s);
        assert!(text.contains("// js/search/10-a.js\n"));
        assert!(!text.contains("20-gone") && !text.contains("notes") && !text.contains("var x"));
    }

    #[test]
    fn a_theme_without_parts_is_left_alone() {
        let mut s = statics(&[("js/print.js", "print")]);
        join_parts(&mut s);
        assert_eq!(s.keys().collect::<Vec<_>>(), ["js/print.js"]);
    }
}
