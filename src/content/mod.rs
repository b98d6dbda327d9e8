//! Stages 1 and 2, reading content: the configured site folder in, parsed pages out, through
//! discovery (stage 1) and parsing (stage 2).

pub mod assets;
pub mod bilingual;
pub mod discover;
pub mod frontmatter;
pub mod heading_attrs;
pub mod markdown;
pub mod parse;
pub mod raw_html;
pub mod svg;
pub mod worksheet;
