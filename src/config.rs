//! Stage 0, configuration: `handbook.yaml` and the command's overrides in, a [`Config`] out.
//!
//! Site configuration: `handbook.yaml` as written (`RawConfig`, which rejects unknown keys) is
//! resolved once into a validated [`Config`] that later stages trust without re-checking. The
//! `help:` settings (crisis and support services) are resolved in `config/help.rs`; problems
//! found after serde has read the file are located in it by `config/locate.rs`.

mod help;
mod locate;

pub use help::{Country, Help, Phone, Service, Source, Texts};

use crate::diagnostics::terminal_safe;
use crate::model::lang::Lang;
use crate::model::url::BaseUrl;
use anyhow::{Context, Result, bail};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const CONFIG_FILE: &str = "handbook.yaml";

/// The file exactly as written. Every field is optional: a folder with only `content/` builds.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    /// Site title per language; falls back to the Fluent message `site-title`.
    title: Option<BTreeMap<String, String>>,
    base_url: Option<String>,
    languages: Option<Vec<String>>,
    default_language: Option<String>,
    theme: Option<String>,
    portable: Option<bool>,
    /// Crisis and support services: the help page, the help line on every page.
    help: Option<help::RawHelp>,
    /// The public address printed on worksheets, when `base_url` has no host.
    print_url: Option<String>,
    workshop: Option<RawWorkshop>,
    /// Where the site's source lives, for "Edit this page" and "Report a problem".
    repository: Option<RawRepository>,
}

/// `repository:` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRepository {
    url: String,
    branch: Option<String>,
}

/// `workshop:` as written: the facilitator's guide and the worksheets its session uses.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWorkshop {
    guide: String,
    worksheets: Vec<String>,
}

/// What the command line can override.
#[derive(Debug, Default, Clone)]
pub struct Overrides {
    pub base_url: Option<String>,
    pub drafts: bool,
    pub portable: bool,
    /// `build --pdf`: worksheet PDFs are made, so worksheet pages link to them.
    pub pdf: bool,
    /// `build` (not `--portable`, not `serve`): the site can be installed and read offline
    /// (web app manifests, the service worker and its lists of files).
    pub offline: bool,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub root: PathBuf,
    pub titles: BTreeMap<Lang, String>,
    pub base_url: BaseUrl,
    /// In configuration order; the first is the default unless `default_language` says otherwise.
    pub languages: Vec<Lang>,
    pub default_language: Lang,
    pub theme: String,
    pub portable: bool,
    /// Installable and readable offline: never in a portable build (`file://` cannot have a
    /// service worker) nor in `serve` (a worker would keep serving stale previews).
    pub offline: bool,
    pub drafts: bool,
    /// PDFs of the worksheets and print packs are part of the output (`build --pdf`).
    pub pdf: bool,
    /// The help services; `None` when `help:` is left out (no help line, no service list).
    pub help: Option<Help>,
    /// The address printed on paper and in QR codes: `print_url` when set, else `base_url`
    /// when it has a host, else `None` (a bare path leads nowhere from paper).
    pub print_base: Option<BaseUrl>,
    /// The workshop pack, when `workshop:` is configured.
    pub workshop: Option<Workshop>,
    /// The version printed on worksheets: the time of the last commit that changed the
    /// content (seconds since the epoch), or `SOURCE_DATE_EPOCH`; `None` outside git.
    pub version: Option<i64>,
    /// The GitHub repository of the site, when `repository:` is configured: every page then
    /// links to its file there and to a new issue about it.
    pub repository: Option<Repository>,
}

/// A GitHub repository and branch, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repository {
    /// `https://github.com/owner/name`, without a trailing slash or `.git`.
    pub url: String,
    pub branch: String,
    /// The site folder inside the repository (`""` at its root, else `docs/handbook/`), from
    /// git when the site is in a work tree.
    pub prefix: String,
    /// The time of the last commit that changed each content file (path relative to the
    /// site root, `/`-separated); empty outside git. Shared, as configs are cloned.
    pub last_commits: std::sync::Arc<BTreeMap<String, i64>>,
}

/// The workshop pack: the worksheets a facilitator's guide uses, in the order it uses them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workshop {
    /// Slug of the guide, a page at the language root (`workshop-guide`).
    pub guide: String,
    /// Slugs of worksheets, in session order.
    pub worksheets: Vec<String>,
}

impl Config {
    /// Reads `handbook.yaml` if present. A broken config is an environment error: nothing else
    /// can be checked without it, so this fails at once instead of collecting diagnostics.
    pub fn load(root: &Path, overrides: &Overrides) -> Result<Config> {
        let path = root.join(CONFIG_FILE);
        let file = if path.exists() {
            std::fs::read_to_string(&path)
                .with_context(|| format!("cannot read `{}`", path.display()))?
        } else {
            String::new()
        };
        // A byte-order mark (Windows editors) is not part of the YAML: with one, serde_yaml
        // sees a second document and refuses the file.
        let text = file.strip_prefix('\u{feff}').unwrap_or(&file);
        let raw = if text.trim().is_empty() {
            RawConfig::default()
        } else {
            serde_yaml::from_str(text).map_err(|e| {
                let loc = e
                    .location()
                    .map(|l| format!(":{}:{}", l.line(), l.column()))
                    .unwrap_or_default();
                let message = strip_location(&e.to_string());
                anyhow::anyhow!("{CONFIG_FILE}{loc}: {}", terminal_safe(&message))
            })?
        };
        resolve(root, raw, text, overrides)
    }
}

/// `text` is the file as read, for locating settings that fail validation.
fn resolve(root: &Path, raw: RawConfig, text: &str, ov: &Overrides) -> Result<Config> {
    let codes = raw
        .languages
        .unwrap_or_else(|| vec!["en".into(), "hi".into()]);
    if codes.is_empty() {
        bail!("{CONFIG_FILE}: `languages` must list at least one language");
    }
    let mut languages = Vec::new();
    for code in &codes {
        let lang = Lang::parse(code).with_context(|| {
            format!("{CONFIG_FILE}: `languages`: `{code}` is not a language code like `en` or `hi`")
        })?;
        if languages.contains(&lang) {
            bail!("{CONFIG_FILE}: `languages`: `{code}` is listed twice");
        }
        languages.push(lang);
    }
    let default_language = match raw.default_language {
        Some(code) => languages
            .iter()
            .find(|l| l.as_str() == code)
            .cloned()
            .with_context(|| {
                format!("{CONFIG_FILE}: `default_language`: `{code}` is not one of `languages`")
            })?,
        None => languages[0].clone(),
    };
    let mut titles = BTreeMap::new();
    for (code, title) in raw.title.unwrap_or_default() {
        let lang = languages
            .iter()
            .find(|l| l.as_str() == code)
            .cloned()
            .with_context(|| {
                format!("{CONFIG_FILE}: `title`: `{code}` is not one of `languages`")
            })?;
        titles.insert(lang, title);
    }
    let base_raw = ov
        .base_url
        .clone()
        .or(raw.base_url)
        .unwrap_or_else(|| "/".into());
    let base_url = BaseUrl::parse(&base_raw).map_err(|e| anyhow::anyhow!("base URL: {e}"))?;
    let print_base = match raw.print_url {
        Some(url) => {
            let b = BaseUrl::parse(&url)
                .ok()
                .filter(|b| b.origin.is_some())
                .with_context(|| {
                    format!(
                        "{CONFIG_FILE}: `print_url`: `{url}` must be a full address such as `https://user.github.io/handbook/`"
                    )
                })?;
            Some(b)
        }
        None => base_url.origin.is_some().then(|| base_url.clone()),
    };
    let workshop = match raw.workshop {
        Some(w) => {
            for slug in std::iter::once(&w.guide).chain(&w.worksheets) {
                if !crate::model::lang::is_kebab_slug(slug) {
                    bail!(
                        "{CONFIG_FILE}: `workshop`: `{slug}` is not a page slug (lowercase letters, digits and hyphens)"
                    );
                }
            }
            if w.worksheets.is_empty() {
                bail!("{CONFIG_FILE}: `workshop`: `worksheets` lists no worksheet");
            }
            Some(Workshop {
                guide: w.guide,
                worksheets: w.worksheets,
            })
        }
        None => None,
    };
    let theme = raw.theme.unwrap_or_else(|| "default".into());
    if !crate::model::lang::is_kebab_slug(&theme) {
        bail!("{CONFIG_FILE}: `theme`: `{theme}` must be a folder name in kebab-case");
    }
    let repository = raw
        .repository
        .map(|r| resolve_repository(root, r))
        .transpose()?;
    let help = raw
        .help
        .map(|h| help::resolve(h, &languages, text))
        .transpose()?;
    Ok(Config {
        root: root.to_path_buf(),
        titles,
        base_url,
        languages,
        default_language,
        theme,
        portable: ov.portable || raw.portable.unwrap_or(false),
        offline: ov.offline && !(ov.portable || raw.portable.unwrap_or(false)),
        drafts: ov.drafts,
        pdf: ov.pdf,
        help,
        print_base,
        workshop,
        version: content_version(root),
        repository,
    })
}

fn resolve_repository(root: &Path, raw: RawRepository) -> Result<Repository> {
    let url = raw.url.trim().trim_end_matches('/');
    let url = url.strip_suffix(".git").unwrap_or(url);
    let parts: Vec<&str> = url
        .strip_prefix("https://github.com/")
        .map(|r| r.split('/').collect())
        .unwrap_or_default();
    let name_ok = |s: &str| {
        !s.is_empty()
            && !s.starts_with('.')
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
    };
    if parts.len() != 2 || !parts.iter().all(|p| name_ok(p)) {
        bail!(
            "{CONFIG_FILE}: `repository`: `url`: `{}` must be a GitHub repository address such as `https://github.com/owner/handbook`",
            terminal_safe(&raw.url)
        );
    }
    let branch = raw.branch.unwrap_or_else(|| "main".into());
    let branch_ok = !branch.is_empty()
        && !branch.starts_with(['-', '/'])
        && !branch.contains("..")
        && branch
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c));
    if !branch_ok {
        bail!(
            "{CONFIG_FILE}: `repository`: `branch`: `{}` is not a branch name (letters, digits, `-`, `_`, `.` and `/`)",
            terminal_safe(&branch)
        );
    }
    Ok(Repository {
        url: url.to_string(),
        branch,
        prefix: crate::check::ages::repo_prefix(root).unwrap_or_default(),
        last_commits: std::sync::Arc::new(crate::check::ages::last_commits(root)),
    })
}

/// The version printed on worksheets: `SOURCE_DATE_EPOCH` (the reproducible-builds
/// convention) when set, else the time of the last commit that changed `content/`. Outside
/// git there is none: a file's modification time would make two builds of the same content
/// differ.
fn content_version(root: &Path) -> Option<i64> {
    if let Some(t) = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|v| v.trim().parse().ok())
    {
        return Some(t);
    }
    crate::check::ages::last_commit(root, "content")
}

/// serde_yaml appends " at line X column Y"; we print the location ourselves, first.
pub fn strip_location(msg: &str) -> String {
    // serde_yaml may name several places ("… at line 3 column 1, while scanning a quoted
    // scalar at line 1 column 8"), counted from the start of the YAML, not of the file; the
    // caller reports the file's line, so every one of them goes.
    let mut out = String::with_capacity(msg.len());
    let mut rest = msg;
    while let Some(i) = rest.find(" at line ") {
        out.push_str(&rest[..i]);
        let digits = |s: &str| s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let after = &rest[i + " at line ".len()..];
        let mut skip = digits(after);
        if let Some(col) = after[skip..].strip_prefix(" column ") {
            skip += " column ".len() + digits(col);
        }
        rest = &after[skip..];
    }
    out.push_str(rest);
    // Rust type names mean nothing to a contributor.
    out.replace(" as u128", "")
        .replace("expected i64", "expected a whole number")
        .replace(
            "expected struct RawFrontMatter",
            "expected fields written as `name: value`",
        )
        .replace(
            "expected struct RawSource",
            "expected `name:` and, if there is one, `url:` on indented lines below",
        )
        .replace(
            "expected struct RawConfig",
            "expected settings written as `name: value`",
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(yaml: &str) -> Result<Config> {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(CONFIG_FILE), yaml).unwrap();
        Config::load(dir.path(), &Overrides::default())
    }

    #[test]
    fn serde_messages_lose_positions_and_type_names() {
        assert_eq!(
            strip_location(
                "found unexpected end of stream at line 3 column 1, while scanning a quoted scalar at line 1 column 8"
            ),
            "found unexpected end of stream, while scanning a quoted scalar"
        );
        assert_eq!(
            strip_location(
                "weight: invalid type: integer `9` as u128, expected i64 at line 4 column 9"
            ),
            "weight: invalid type: integer `9`, expected a whole number"
        );
        assert_eq!(strip_location("no location"), "no location");
    }

    #[test]
    fn byte_order_mark_and_crlf() {
        let c =
            load("\u{feff}title:\r\n  en: Mark\r\nlanguages: [en, hi]\r\ndefault_language: hi\r\n")
                .unwrap();
        assert_eq!(c.default_language.as_str(), "hi");
    }

    #[test]
    fn defaults_without_file() {
        let dir = tempfile::tempdir().unwrap();
        let c = Config::load(dir.path(), &Overrides::default()).unwrap();
        assert_eq!(c.languages.len(), 2);
        assert_eq!(c.default_language.as_str(), "en");
        assert_eq!(c.base_url.path, "/");
    }

    #[test]
    fn unknown_key_names_line() {
        let err = load("languages: [en]\nbase_ulr: /x/\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("handbook.yaml:2"), "{err}");
        assert!(err.contains("base_ulr"), "{err}");
    }

    #[test]
    fn bad_default_language() {
        let err = load("languages: [en]\ndefault_language: hi\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("default_language"), "{err}");
    }

    #[test]
    fn override_base_url() {
        let dir = tempfile::tempdir().unwrap();
        let ov = Overrides {
            base_url: Some("https://a.b/c".into()),
            ..Default::default()
        };
        let c = Config::load(dir.path(), &ov).unwrap();
        assert_eq!(c.base_url.path, "/c/");
    }
}
