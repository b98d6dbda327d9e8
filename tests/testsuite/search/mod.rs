//! Search: shared analyser vectors (Rust side), the committed fixture index, and search over
//! built sites.

mod index_fixture;
mod synonyms_check;
mod vectors;
