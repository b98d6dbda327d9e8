//! Around the pipeline: thin subcommands that turn arguments into a pipeline call and print its
//! result.

pub mod build;
pub mod check;
pub mod console;
pub mod new;
pub mod serve;

/// The command has printed its own report of what is wrong (`check`); `main` only exits 1.
#[derive(Debug)]
pub struct Reported;

impl std::fmt::Display for Reported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("problems were reported above")
    }
}

impl std::error::Error for Reported {}

/// The command line asks for something that cannot be done as written (a slug `new` refuses):
/// `main` prints it and exits 2, as for the argument parser's own usage errors.
#[derive(Debug)]
pub struct Usage(pub String);

impl std::fmt::Display for Usage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Usage {}

/// Pages per language for a summary line: `en 41, hi 41`.
fn per_language<N: std::fmt::Display>(
    counts: impl IntoIterator<Item = (impl std::fmt::Display, N)>,
) -> String {
    counts
        .into_iter()
        .map(|(lang, n)| format!("{lang} {n}"))
        .collect::<Vec<_>>()
        .join(", ")
}
