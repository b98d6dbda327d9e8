//! `handbook new`, beside the pipeline: its arguments in, [`crate::scaffold`] run and the new
//! files named.

use super::Usage;
use crate::check::rules::path_of;
use crate::config::{Config, Overrides};
use crate::content::frontmatter::{Requirements, parse_document};
use crate::diagnostics::{Diagnostics, terminal_safe};
use crate::i18n::I18n;
use crate::model::lang::{Lang, NEW_RESERVED_SLUGS, PageKey, Section, is_kebab_slug, slug_problem};
use crate::outln;
use crate::scaffold::{self, NewFile};
use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// stories, guidance, tips or worksheets (or story, guide, tip, worksheet).
    #[arg(value_parser = parse_section)]
    pub section: Section,

    /// The page's English title in quotes ("Turned down after the final round"), from which the
    /// file name is made, or the file name itself without `.md` (`seek-feedback`): lowercase ASCII words joined by hyphens. It becomes the page's address in every language.
    pub name: Option<String>,

    /// Write the page in this language only [default: every configured language; with --from, every language but the page's].
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,

    /// Start a translation: copy the structure of this page (headings, worksheet blocks, tags) into the other language, its text as `TODO:` placeholders to translate.
    #[arg(long, value_name = "PATH")]
    pub from: Option<PathBuf>,
}

fn parse_section(s: &str) -> Result<Section, String> {
    let plural = match s {
        "story" => "stories",
        "guide" | "guides" => "guidance",
        "tip" => "tips",
        "worksheet" => "worksheets",
        other => other,
    };
    Section::from_slug(plural)
        .ok_or_else(|| format!("`{s}` is not a section: use stories, guidance, tips or worksheets"))
}

/// The slug of an English title: letters and digits kept (other scripts spelled in ASCII),
/// everything else a hyphen, at most 60 characters, cut at a word.
pub fn slug_from_title(title: &str) -> String {
    let ascii = any_ascii::any_ascii(title).to_ascii_lowercase();
    let mut slug = String::new();
    for word in ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !slug.is_empty() && slug.len() + 1 + word.len() > 60 {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(word);
    }
    slug
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
    let files = match &args.from {
        Some(from) => translation(root, &config, args, from)?,
        None => new_page(&config, args)?,
    };
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

fn chosen_languages(config: &Config, args: &Args) -> Result<Option<Lang>> {
    match &args.lang {
        None => Ok(None),
        Some(code) => match config.languages.iter().find(|l| l.as_str() == code) {
            Some(l) => Ok(Some(l.clone())),
            None => {
                let known: Vec<&str> = config.languages.iter().map(|l| l.as_str()).collect();
                bail!(
                    "`{}` is not one of this site's languages ({}); add it to `languages` in handbook.yaml first",
                    terminal_safe(code),
                    known.join(", ")
                );
            }
        },
    }
}

fn new_page(config: &Config, args: &Args) -> Result<Vec<NewFile>> {
    let section = args.section.slug();
    let Some(name) = args.name.as_deref() else {
        return Err(Usage(format!(
            "`handbook new {section}` needs the page's English title or its file name, for example:\n  handbook new {section} \"Turned down after the final round\"\n  handbook new {section} after-the-final-round\n(or `--from content/<lang>/{section}/<page>.md` to start a translation)"
        ))
        .into());
    };
    // A valid slug is the file name; anything else is a title to make one from.
    let (slug, title) = match parse_slug(name) {
        Ok(slug) => (slug, None),
        Err(_) if name.contains(' ') || name.chars().any(|c| c.is_uppercase()) => {
            let slug = slug_from_title(name);
            let slug = parse_slug(&slug).map_err(|e| {
                Usage(format!(
                    "the title `{}` gives the file name `{slug}`, which cannot be used: {e}; give a file name instead",
                    terminal_safe(name)
                ))
            })?;
            (slug, Some(name.trim().to_string()))
        }
        Err(e) => return Err(Usage(e).into()),
    };
    let langs = match chosen_languages(config, args)? {
        Some(l) => vec![l],
        None => config.languages.clone(),
    };
    // Problems in the Fluent files are `check`'s to report; here they only shrink the tag list.
    let i18n = I18n::load(config, &mut Diagnostics::default())?;
    let tags = scaffold::declared_tags(config, &i18n);
    let mut files = scaffold::plan(args.section, &slug, &langs, &tags)?;
    if let Some(title) = title {
        // The title is English: it is the English page's (or the default language's).
        let lang = langs
            .iter()
            .find(|l| l.as_str() == "en")
            .or_else(|| langs.iter().find(|l| **l == config.default_language))
            .cloned();
        for f in &mut files {
            if lang
                .as_ref()
                .is_some_and(|l| f.rel.starts_with(Path::new("content").join(l.as_str())))
            {
                f.text = scaffold::with_title(&f.text, &title);
            }
        }
    }
    Ok(files)
}

/// `--from`: the other languages' versions of an existing page, from its structure.
fn translation(root: &Path, config: &Config, args: &Args, from: &Path) -> Result<Vec<NewFile>> {
    // The path as written from the site root, or from the current folder.
    let rel = if from.is_relative() && root.join(from).is_file() {
        from.to_path_buf()
    } else {
        let abs = std::fs::canonicalize(from)
            .with_context(|| format!("`{}` is not a file", from.display()))?;
        let root_abs = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        abs.strip_prefix(&root_abs)
            .map(Path::to_path_buf)
            .with_context(|| format!("`{}` is not inside the site folder", from.display()))?
    };
    let parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let shown = parts.join("/");
    let (lang, section, slug) = match parts.as_slice() {
        [content, lang, section, file] if content == "content" && file.ends_with(".md") => {
            (lang, section, file.trim_end_matches(".md"))
        }
        _ => bail!(
            "`{}` is not a page of a section: --from takes a file such as content/en/worksheets/reflection.md",
            terminal_safe(&shown)
        ),
    };
    if Section::from_slug(section) != Some(args.section) {
        bail!(
            "`{}` is in `{}`, not in `{}`",
            terminal_safe(&shown),
            terminal_safe(section),
            args.section.slug()
        );
    }
    if let Some(name) = &args.name
        && name != slug
    {
        bail!(
            "a translation keeps the file name of its page (`{slug}`); leave out `{}`",
            terminal_safe(name)
        );
    }
    let source_lang = config
        .languages
        .iter()
        .find(|l| l.as_str() == lang)
        .with_context(|| {
            format!(
                "`{}` is not one of this site's languages",
                terminal_safe(lang)
            )
        })?;
    let bytes = std::fs::read(root.join(&rel)).with_context(|| format!("cannot read `{shown}`"))?;
    let doc = parse_document(&bytes, &rel, Requirements::default()).map_err(|diags| {
        anyhow::anyhow!(
            "`{shown}` has problems to fix before it can be translated:\n{}",
            Diagnostics(diags)
        )
    })?;
    let targets: Vec<Lang> = match chosen_languages(config, args)? {
        Some(l) if &l == source_lang => bail!("`{shown}` is already in `{l}`"),
        Some(l) => vec![l],
        None => config
            .languages
            .iter()
            .filter(|l| *l != source_lang)
            .cloned()
            .collect(),
    };
    let text = scaffold::translate::skeleton(&doc);
    let key = PageKey::Entry(args.section, slug.to_string());
    Ok(targets
        .iter()
        .map(|l| NewFile {
            rel: path_of(l, &key),
            text: text.clone(),
        })
        .collect())
}
