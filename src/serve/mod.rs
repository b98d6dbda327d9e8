//! `handbook serve`: a live preview.

pub mod store;
