//! Stage 4's input, the theme: the site's `themes/<name>/` and the built-in default in, a
//! [`Theme`] (Tera templates, static files) out.
//!
//! The theme: Tera templates and static files. The default theme is compiled into the binary so
//! a folder with only `content/` builds; a site's `themes/<name>/` replaces it file by file.

use crate::i18n::{Arg, I18n};
use crate::model::lang::Lang;
use anyhow::{Context, Result, bail};
use include_dir::{Dir, include_dir};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tera::{Kwargs, State, Tera};

static DEFAULT_THEME: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");
pub const THEMES_DIR: &str = "themes";

/// A theme file and where it came from, so errors can name the file the user can edit.
pub struct ThemeFile {
    pub origin: PathBuf,
    pub bytes: Vec<u8>,
}

pub struct Theme {
    pub tera: Tera,
    /// Files under `static/`, keyed by their path below it.
    pub statics: BTreeMap<String, ThemeFile>,
    pub template_origins: BTreeMap<String, PathBuf>,
    /// Template texts by name, for `check`, which scans them for the Fluent messages they use.
    pub template_sources: BTreeMap<String, String>,
}

impl Theme {
    pub fn load(root: &Path, name: &str, i18n: Arc<I18n>) -> Result<Theme> {
        let mut files: BTreeMap<String, ThemeFile> = BTreeMap::new();
        collect_embedded(&DEFAULT_THEME, &mut files);
        let site_theme = root.join(THEMES_DIR).join(name);
        if site_theme.is_dir() {
            for entry in walkdir::WalkDir::new(&site_theme)
                .follow_links(false)
                .sort_by_file_name()
            {
                let entry = entry
                    .with_context(|| format!("cannot read the theme `{}`", site_theme.display()))?;
                if !entry.file_type().is_file() {
                    continue;
                }
                let rel = entry
                    .path()
                    .strip_prefix(&site_theme)
                    .unwrap_or(entry.path());
                let key = rel.to_string_lossy().replace('\\', "/");
                if key.split('/').any(crate::content::discover::is_ignored) {
                    continue;
                }
                let bytes = std::fs::read(entry.path())
                    .with_context(|| format!("cannot read `{}`", entry.path().display()))?;
                files.insert(
                    key,
                    ThemeFile {
                        origin: crate::content::discover::rel_to(root, entry.path()),
                        bytes,
                    },
                );
            }
        } else if name != "default" {
            bail!(
                "the theme `{name}` does not exist: expected a folder `{}`",
                site_theme.display()
            );
        }
        let mut tera = Tera::new();
        tera.autoescape_on(vec![".html", ".xml"]);
        let mut template_origins = BTreeMap::new();
        let mut statics = BTreeMap::new();
        let mut sources = Vec::new();
        for (key, file) in files {
            if let Some(name) = key.strip_prefix("templates/") {
                let text = String::from_utf8(file.bytes).map_err(|_| {
                    anyhow::anyhow!("`{}` is not valid UTF-8 text", file.origin.display())
                })?;
                template_origins.insert(name.to_string(), file.origin);
                sources.push((name.to_string(), text));
            } else if let Some(name) = key.strip_prefix("static/") {
                statics.insert(name.to_string(), file);
            }
        }
        // `search.js` is kept in parts, one job each; the pages load them joined.
        crate::search::script::join_parts(&mut statics);
        // Functions first: Tera checks that every function a template calls exists.
        register_functions(&mut tera, i18n);
        tera.register_filter("css_string", |text: &str, _: Kwargs, _: &State| {
            tera::Value::safe_string(&css_string(text))
        });
        let template_sources = sources.iter().cloned().collect();
        tera.add_raw_templates(sources)
            .map_err(|e| anyhow::anyhow!("theme template error: {}", tera_error_chain(&e)))?;
        Ok(Theme {
            tera,
            statics,
            template_origins,
            template_sources,
        })
    }
}

fn collect_embedded(dir: &Dir<'_>, out: &mut BTreeMap<String, ThemeFile>) {
    for f in dir.files() {
        let key = f.path().to_string_lossy().replace('\\', "/");
        out.insert(
            key.clone(),
            ThemeFile {
                origin: PathBuf::from(THEMES_DIR).join("default").join(&key),
                bytes: f.contents().to_vec(),
            },
        );
    }
    for d in dir.dirs() {
        collect_embedded(d, out);
    }
}

/// `t(key="…", count=3)`: a Fluent message in the language of the page being rendered (the
/// `lang` variable of the template's context).
fn register_functions(tera: &mut Tera, i18n: Arc<I18n>) {
    tera.register_function(
        "t",
        move |kwargs: Kwargs, state: &State| -> tera::TeraResult<String> {
            let key: String = kwargs.must_get::<&str>("key")?.to_string();
            let lang_code: String = state
                .get::<String>("lang")?
                .ok_or_else(|| tera::Error::message("t(): no `lang` in the template context"))?;
            let lang = Lang::parse(&lang_code)
                .ok_or_else(|| tera::Error::message(format!("t(): bad language `{lang_code}`")))?;
            let mut strings: Vec<(String, String)> = Vec::new();
            let mut numbers: Vec<(String, f64)> = Vec::new();
            for (k, v) in kwargs.iter() {
                let name = k.to_string();
                if name == "key" {
                    continue;
                }
                if let Some(n) = v.as_f64().or_else(|| v.as_i64().map(|i| i as f64)) {
                    numbers.push((name, n));
                } else if let Some(s) = v.as_str() {
                    strings.push((name, s.to_string()));
                } else {
                    strings.push((name, v.to_string()));
                }
            }
            let mut args: Vec<(&str, Arg)> = strings
                .iter()
                .map(|(k, v)| (k.as_str(), Arg::Str(v)))
                .collect();
            args.extend(numbers.iter().map(|(k, n)| (k.as_str(), Arg::Num(*n))));
            args.sort_by(|a, b| a.0.cmp(b.0));
            i18n.format(&lang, &key, &args)
                .map_err(tera::Error::message)
        },
    );
}

/// `{{ title | css_string }}`: text as a quoted CSS string, safe inside a `<style>` element
/// (printed headers and footers are CSS `content`). Quotes, backslashes, `<`, `>`, `&` and
/// control characters become six-digit hex escapes, which need no terminating space.
pub fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        if matches!(
            c,
            '"' | '\\' | '<' | '>' | '&' | '\'' | '\u{2028}' | '\u{2029}'
        ) || c.is_control()
        {
            out.push_str(&format!("\\{:06X}", c as u32));
        } else {
            out.push(c);
        }
    }
    out.push('"');
    out
}

/// Tera nests the cause; show the whole chain on one line.
pub fn tera_error_chain(e: &tera::Error) -> String {
    let mut msg = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        let text = s.to_string();
        if !msg.contains(&text) {
            msg.push_str(": ");
            msg.push_str(&text);
        }
        source = s.source();
    }
    msg
}

#[cfg(test)]
mod tests {
    use super::css_string;

    #[test]
    fn css_strings_cannot_break_out() {
        assert_eq!(css_string("हफ़्ते · a"), "\"हफ़्ते · a\"");
        assert_eq!(
            css_string("a\"</style>\\\n"),
            "\"a\\000022\\00003C/style\\00003E\\00005C\\00000A\""
        );
    }
}
