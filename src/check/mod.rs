//! `check`, after the model: the loaded site and theme in, diagnostics and a translation report
//! out: the content rules that are not build errors ([`rules`]) and the translation status
//! report ([`translations`]). The validations a build does come first,
//! from [`crate::pipeline::check`], which runs every build stage in memory and then these rules.

pub mod ages;
pub mod rules;
pub mod translations;
pub mod words;

use crate::diagnostics::{Diagnostics, Severity};

/// `--strict`: every warning becomes an error, so missing translations and unused messages
/// fail the run too.
pub fn escalate(diags: &mut Diagnostics) {
    for d in &mut diags.0 {
        d.severity = Severity::Error;
    }
}
