//! Stage 1, discovery: the [`Config`] in, [`Source`]s and assets out.
//!
//! Find the site's source files. The one rule that maps a path to (language, page key)
//! lives here; everything after works with [`Source`] values, never with raw paths.

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::lang::{
    Lang, PageKey, RESERVED_SLUGS, Section, is_kebab_slug, reserved_in_section, slug_problem,
};
use crate::model::url::SitePath;
use anyhow::{Result, bail};
use std::path::{Component, Path, PathBuf};
use walkdir::WalkDir;

/// A Markdown page found under `content/`.
#[derive(Debug, Clone)]
pub struct Source {
    pub lang: Lang,
    pub key: PageKey,
    pub path: PathBuf,
    /// Relative to the site root, used in every message about this file.
    pub rel: PathBuf,
}

/// Any other file under `content/<lang>/` (images, downloads), copied to the same place in the
/// output so relative links written beside the Markdown keep working.
#[derive(Debug, Clone)]
pub struct Asset {
    pub path: PathBuf,
    pub rel: PathBuf,
    pub site_path: SitePath,
}

#[derive(Debug, Default)]
pub struct Discovered {
    pub sources: Vec<Source>,
    pub assets: Vec<Asset>,
}

pub const CONTENT_DIR: &str = "content";

pub fn discover(config: &Config, diags: &mut Diagnostics) -> Result<Discovered> {
    let content = config.root.join(CONTENT_DIR);
    if !content.is_dir() {
        bail!(
            "no `{CONTENT_DIR}/` folder in `{}`: run handbook in the site's folder, or pass --root",
            config.root.display()
        );
    }
    let mut found = Discovered::default();
    let walker = WalkDir::new(&content)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter();
    let mut walker = walker
        .filter_entry(|e| e.depth() == 0 || !is_ignored(e.file_name().to_string_lossy().as_ref()));
    while let Some(entry) = walker.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(err) => {
                let rel = err
                    .path()
                    .map(|p| rel_to(&config.root, p))
                    .unwrap_or_else(|| PathBuf::from(CONTENT_DIR));
                diags.push(Diagnostic::error(rel, 0, format!("cannot read: {err}")));
                continue;
            }
        };
        if entry.depth() == 0 {
            continue;
        }
        if entry.file_type().is_dir() && !entry.path_is_symlink() {
            let inner = inner_parts(&content, entry.path());
            if inner.len() == 1 && !config.languages.iter().any(|l| l.as_str() == inner[0]) {
                let known: Vec<_> = config.languages.iter().map(|l| l.as_str()).collect();
                diags.push(Diagnostic::error(
                    rel_to(&config.root, entry.path()),
                    0,
                    format!(
                        "unknown language folder `{}`: the configured languages are {}; add it to `languages` in handbook.yaml or move the folder",
                        inner[0],
                        known.join(", ")
                    ),
                ));
                walker.skip_current_dir();
            }
            continue;
        }
        match classify_file(config, entry.path(), entry.path_is_symlink()) {
            Found::Page(source) => found.sources.push(source),
            Found::Asset(asset) => found.assets.push(asset),
            Found::Problem(d) => diags.push(d),
            Found::Ignored => {}
        }
    }
    Ok(found)
}

/// What one file under `content/` is.
#[derive(Debug)]
pub enum Found {
    Page(Source),
    Asset(Asset),
    /// A file that breaks a layout rule (a bad name, a symbolic link, a file outside a language).
    Problem(Diagnostic),
    /// Not content: a hidden or temporary file, a file of an unknown language's folder
    /// (reported once for the folder), or a path outside `content/`.
    Ignored,
}

/// What the file at `path` is, by the rules of [`discover`]; `serve` uses it for each file
/// that changes. `is_symlink` says whether `path` itself is a symbolic link.
pub fn classify_file(config: &Config, path: &Path, is_symlink: bool) -> Found {
    let content = config.root.join(CONTENT_DIR);
    if !path.starts_with(&content) {
        return Found::Ignored;
    }
    let inner = inner_parts(&content, path);
    if inner.is_empty() || inner.iter().any(|p| is_ignored(p)) {
        return Found::Ignored;
    }
    let rel = rel_to(&config.root, path);
    if is_symlink {
        return Found::Problem(Diagnostic::error(
            &rel,
            0,
            "is a symbolic link; handbook does not follow links in content/, copy the file instead",
        ));
    }
    if inner.len() == 1 {
        return Found::Problem(Diagnostic::error(
            &rel,
            0,
            "files directly in content/ are not part of any language; move it to content/<lang>/",
        ));
    }
    let Some(lang) = config
        .languages
        .iter()
        .find(|l| l.as_str() == inner[0])
        .cloned()
    else {
        return Found::Ignored;
    };
    let is_md = path.extension().is_some_and(|e| e == "md");
    if !is_md {
        return Found::Asset(Asset {
            path: path.to_path_buf(),
            site_path: SitePath::new(inner.join("/")),
            rel,
        });
    }
    match classify(&inner[1..]) {
        Ok(key) => Found::Page(Source {
            lang,
            key,
            path: path.to_path_buf(),
            rel,
        }),
        Err(msg) => Found::Problem(Diagnostic::error(rel, 0, msg)),
    }
}

/// The components of `path` below `content`.
fn inner_parts(content: &Path, path: &Path) -> Vec<String> {
    path.strip_prefix(content)
        .unwrap_or(path)
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect()
}

/// The path rule, below `content/<lang>/`.
fn classify(parts: &[String]) -> Result<PageKey, String> {
    let stem = |name: &str| name.strip_suffix(".md").unwrap_or(name).to_string();
    let check_slug = |slug: &str| {
        if is_kebab_slug(slug) {
            slug_problem(slug).map_or(Ok(()), Err)
        } else {
            Err(format!(
                "the file name `{slug}.md` is not a valid slug: use lowercase ASCII letters, digits and single hyphens (for example `seek-feedback.md`), in every language"
            ))
        }
    };
    match parts {
        [file] if file == "_index.md" => Ok(PageKey::Home),
        [file] => {
            let slug = stem(file);
            check_slug(&slug)?;
            if RESERVED_SLUGS.contains(&slug.as_str()) {
                return Err(format!(
                    "`{slug}` is a name the site uses for its own pages; choose another file name"
                ));
            }
            Ok(PageKey::Standalone(slug))
        }
        [dir, file] => {
            let section = Section::from_slug(dir).ok_or_else(|| {
                format!(
                    "`{dir}` is not a section; pages go in stories/, guidance/, tips/ or worksheets/"
                )
            })?;
            if file == "_index.md" {
                return Ok(PageKey::SectionIndex(section));
            }
            let slug = stem(file);
            check_slug(&slug)?;
            if reserved_in_section(section, &slug) {
                return Err(format!(
                    "`{dir}/{slug}` is the address of the site's own print pack; choose another file name"
                ));
            }
            Ok(PageKey::Entry(section, slug))
        }
        _ => Err("pages go at most one folder deep: content/<lang>/<section>/<slug>.md".into()),
    }
}

/// Hidden files and editors' temporary files are never content (and `serve` ignores their
/// changes): `.x.swp` and `4913` (vim), `x~` (backups), `.#x` and `#x#` (Emacs),
/// `x___jb_tmp___` (JetBrains' safe write).
pub fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name == "4913"
        || name.ends_with("___jb_tmp___")
        || name.ends_with("___jb_old___")
}

pub fn rel_to(root: &Path, p: &Path) -> PathBuf {
    p.strip_prefix(root).unwrap_or(p).to_path_buf()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(p: &str) -> Vec<String> {
        p.split('/').map(String::from).collect()
    }

    #[test]
    fn path_rule() {
        assert_eq!(classify(&parts("_index.md")), Ok(PageKey::Home));
        assert_eq!(
            classify(&parts("about.md")),
            Ok(PageKey::Standalone("about".into()))
        );
        assert_eq!(
            classify(&parts("tips/seek-feedback.md")),
            Ok(PageKey::Entry(Section::Tips, "seek-feedback".into()))
        );
        assert_eq!(
            classify(&parts("tips/_index.md")),
            Ok(PageKey::SectionIndex(Section::Tips))
        );
        assert!(
            classify(&parts("recipes/x.md"))
                .unwrap_err()
                .contains("not a section")
        );
        assert!(
            classify(&parts("tips/Seek Feedback.md"))
                .unwrap_err()
                .contains("slug")
        );
        assert!(classify(&parts("tips/a/b.md")).is_err());
        assert!(
            classify(&parts("search.md"))
                .unwrap_err()
                .contains("uses for its own")
        );
        assert!(
            classify(&parts("worksheets/print.md"))
                .unwrap_err()
                .contains("print pack")
        );
        assert!(classify(&parts("tips/print.md")).is_ok());
        assert!(
            classify(&parts("tips/con.md"))
                .unwrap_err()
                .contains("Windows")
        );
        let long = format!("tips/{}.md", "a".repeat(101));
        assert!(
            classify(&parts(&long))
                .unwrap_err()
                .contains("limited to 100")
        );
    }
}
