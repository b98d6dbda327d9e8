//! Thin subcommands: turn arguments into a pipeline call and print its result.

pub mod build;
