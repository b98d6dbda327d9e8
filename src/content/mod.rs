//! Reading content: discovery (stage 1) and parsing (stage 2).

pub mod assets;
pub mod discover;
pub mod frontmatter;
pub mod heading_attrs;
pub mod markdown;
pub mod parse;
pub mod svg;
