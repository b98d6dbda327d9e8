//! The site model: languages, page keys, URLs and the resolved [`site::Site`].

pub mod lang;
mod related;
pub mod site;
pub mod url;
