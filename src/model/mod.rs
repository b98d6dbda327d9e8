//! Stage 3, the site model: parsed pages in, the resolved [`site::Site`] out, with languages,
//! page keys and URLs.

pub mod help;
pub mod lang;
mod related;
pub mod site;
pub mod url;
