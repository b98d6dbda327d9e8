//! Search, part of the render stage: one static index per language, written as `.js` shards
//! that the theme's `search.js` loads with `<script>` tags (so it works from `file://`).
//!
//! - [`analyze`] turns text into search keys, at build time here and at query time in the
//!   theme's `static/js/search/` parts `10-analyze.js` … `40-romanise.js`, which mirror it step
//!   for step; the shared vectors in `tests/fixtures/search/` keep the two from drifting apart.
//! - [`index`] builds each language's index files (their format: [`index::format`]).
//! - [`synonyms`] reads `i18n/synonyms.txt`, the everyday equivalents written into each
//!   index manifest.
//! - [`script`] joins the theme's parts of `search.js` into the one script the pages load.

pub mod analyze;
pub mod index;
pub mod script;
pub mod synonyms;
