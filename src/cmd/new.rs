//! `handbook new`, beside the pipeline: its arguments in, [`crate::scaffold`] run and the new
//! files named.

use crate::config::{Config, Overrides};
use crate::diagnostics::Diagnostics;
use crate::i18n::I18n;
use crate::model::lang::{NEW_RESERVED_SLUGS, Section, is_kebab_slug, slug_problem};
use crate::outln;
use crate::scaffold;
use anyhow::{Result, bail};
use std::path::Path;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// stories, guidance, tips or worksheets.
    #[arg(value_parser = parse_section)]
    pub section: Section,

    /// The file name without `.md`: lowercase ASCII words joined by hyphens, e.g. `seek-feedback`. It becomes the page's address in every language.
    #[arg(value_parser = parse_slug)]
    pub slug: String,

    /// Write the page in this language only [default: every configured language].
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
}

fn parse_section(s: &str) -> Result<Section, String> {
    Section::from_slug(s)
        .ok_or_else(|| format!("`{s}` is not a section: use stories, guidance, tips or worksheets"))
}

/// A slug that every later step accepts: `check` (kebab-case, no name the site uses, no
/// Windows device name, not too long), so `new` never writes a page that fails later.
fn parse_slug(s: &str) -> Result<String, String> {
    let s = s.strip_suffix(".md").unwrap_or(s);
    if !is_kebab_slug(s) {
        return Err(format!(
            "`{s}` is not a valid slug: use lowercase ASCII letters, digits and single hyphens, such as `seek-feedback`"
        ));
    }
    if NEW_RESERVED_SLUGS.contains(&s) {
        return Err(format!(
            "`{s}` is a name the site uses for its own pages (such as /<lang>/worksheets/print/ or /<lang>/search/); choose another slug"
        ));
    }
    match slug_problem(s) {
        Some(problem) => Err(problem),
        None => Ok(s.to_string()),
    }
}

pub fn run(root: &Path, args: &Args, quiet: bool) -> Result<()> {
    let config = Config::load(root, &Overrides::default())?;
    let langs = match &args.lang {
        None => config.languages.clone(),
        Some(code) => match config.languages.iter().find(|l| l.as_str() == code) {
            Some(l) => vec![l.clone()],
            None => {
                let known: Vec<&str> = config.languages.iter().map(|l| l.as_str()).collect();
                bail!(
                    "`{code}` is not one of this site's languages ({}); add it to `languages` in handbook.yaml first",
                    known.join(", ")
                );
            }
        },
    };
    // Problems in the Fluent files are `check`'s to report; here they only shrink the tag list.
    let i18n = I18n::load(&config, &mut Diagnostics::default())?;
    let tags = scaffold::declared_tags(&config, &i18n);
    let files = scaffold::plan(args.section, &args.slug, &langs, &tags)?;
    scaffold::write(root, &files)?;
    if !quiet {
        for f in &files {
            outln!("Created {}", f.rel.to_string_lossy().replace('\\', "/"));
        }
        outln!(
            "Next: replace every `TODO:` (preview with `handbook serve`), then run `handbook check`."
        );
    }
    Ok(())
}
