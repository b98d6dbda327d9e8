//! Search, part of the render stage: one static index per language, written as `.js` shards
//! that the theme's `search.js` loads with `<script>` tags (so it works from `file://`).
//! `analyze` is mirrored line by line in `themes/default/static/js/search.js`; the shared
//! vectors in `tests/fixtures/search/vectors.json` keep the two from drifting apart.

pub mod analyze;
pub mod index;
