//! Stage 4, the files that are not rendered from the model: the theme's `static/` files, and
//! images and other files written beside the Markdown, copied as they are. Input: the theme
//! and the site's assets; output: their [`OutputFile`]s, after checking that no content file
//! lands where the site writes one of its own ([`Generated`]).

use super::search;
use super::templates::Theme;
use super::{SITEMAP_FILE, jobs, printables};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::site::Site;
use crate::output::OutputFile;
use std::collections::HashSet;

/// The theme's `static/` files, and `.nojekyll` (GitHub Pages must not hide `_` files).
pub fn static_files(theme: &Theme) -> Vec<OutputFile> {
    let mut files = vec![OutputFile::new(".nojekyll", Vec::new())];
    files.extend(theme_files(theme));
    files
}

/// The theme's `static/` files, where pages link to them.
pub(super) fn theme_files(theme: &Theme) -> impl Iterator<Item = OutputFile> + '_ {
    theme
        .statics
        .iter()
        .map(|(name, file)| OutputFile::new(format!("{STATIC_DIR}/{name}"), file.bytes.clone()))
}

/// Images and other files written beside the Markdown, copied to the same place. A file that
/// would land where the site writes a file or folder of its own is reported instead (see
/// `Generated`).
pub fn asset_files(site: &Site, diags: &mut Diagnostics) -> Vec<OutputFile> {
    let mut files = Vec::new();
    let generated = (!site.assets.is_empty()).then(|| Generated::of(site));
    for asset in &site.assets {
        let path = asset.site_path.as_str();
        if generated.as_ref().is_some_and(|g| g.clashes_with(path)) {
            diags.push(Diagnostic::error(
                &asset.rel,
                0,
                format!(
                    "would be written to `{path}`, where the site already writes a page, file or folder of its own; rename or move it"
                ),
            ));
            continue;
        }
        match std::fs::read(&asset.path) {
            Ok(bytes) => match crate::content::assets::refuse_reason(&asset.rel, &bytes) {
                Some(why) => diags.push(Diagnostic::error(&asset.rel, 0, why)),
                None => files.push(OutputFile::new(asset.site_path.as_str(), bytes)),
            },
            Err(e) => diags.push(Diagnostic::error(
                &asset.rel,
                0,
                format!("cannot read: {e}"),
            )),
        }
    }
    files
}

/// The paths a site writes of its own accord, known before anything is rendered.
///
/// Two files for one output path would leave the one written last, which is not even
/// deterministic: a file in `content/` named like a generated one (`content/en/atom.xml`)
/// would replace it, and one named like a generated folder (`content/en/tips/rest` beside
/// `rest.md`) would stop the write half-way. A build writes files as they are rendered, so
/// the clash must be found before any of them is written, not in the finished list. It is
/// always the content file's fault: generated paths never clash with each other (reserved
/// slugs see to that).
struct Generated {
    files: HashSet<String>,
    folders: HashSet<String>,
}

impl Generated {
    /// Every job's file, the sitemap, the PDFs of `build --pdf`, and the folders of all of
    /// them, of the theme's files and of the search index (whose file names depend on the
    /// words indexed).
    fn of(site: &Site) -> Generated {
        let mut files: HashSet<String> = jobs(site).iter().map(|j| j.file(site)).collect();
        files.insert(SITEMAP_FILE.into());
        files.insert(".nojekyll".into());
        files.insert(super::offline::WORKER_FILE.into());
        for lang in &site.config.languages {
            files.insert(format!("{lang}/manifest.webmanifest"));
        }
        if site.config.pdf {
            for paper in crate::model::lang::Paper::ALL {
                files.extend(printables(site, paper).into_iter().map(|p| p.pdf.file()));
            }
        }
        let mut folders: HashSet<String> = HashSet::new();
        for f in &files {
            folders.extend(f.match_indices('/').map(|(i, _)| f[..i].to_string()));
        }
        folders.extend(GENERATED_TREES.map(String::from));
        Generated { files, folders }
    }

    /// Whether a content file at `path` would replace a generated file, sit where a generated
    /// folder goes, or need a generated file to be a folder.
    fn clashes_with(&self, path: &str) -> bool {
        self.files.contains(path)
            || self.folders.contains(path)
            || path.match_indices('/').any(|(i, _)| {
                let dir = &path[..i];
                self.files.contains(dir) || GENERATED_TREES.contains(&dir)
            })
    }
}

/// Folders whose every file is generated: the theme's files and the search index.
const GENERATED_TREES: [&str; 3] = [STATIC_DIR, search::INDEX_DIR, super::offline::OFFLINE_DIR];
/// Where the theme's `static/` files go.
const STATIC_DIR: &str = "static";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Overrides;
    use crate::render::render_site;

    /// Content files are checked against [`Generated`] before anything is rendered, so it must
    /// know every path a build writes: a file it missed could be overwritten by a content file.
    #[test]
    fn generated_paths_cover_every_rendered_file() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/basic");
        let overrides = Overrides {
            pdf: true,
            offline: true,
            ..Overrides::default()
        };
        let (site, _) = crate::pipeline::load(&root, &overrides).expect("the fixture loads");
        let theme = Theme::load(&site.config.root, &site.config.theme, site.i18n.clone())
            .expect("the default theme loads");
        let (files, diags) = render_site(&site, &theme);
        assert!(!diags.has_errors(), "{diags:?}");
        let generated = Generated::of(&site);
        let assets: HashSet<&str> = site.assets.iter().map(|a| a.site_path.as_str()).collect();
        assert!(!assets.is_empty(), "the fixture has content files to copy");
        for f in &files {
            let path = f.path.as_str();
            let in_tree = GENERATED_TREES.iter().any(|t| {
                path.strip_prefix(t)
                    .is_some_and(|rest| rest.starts_with('/'))
            });
            assert!(
                assets.contains(path) || generated.files.contains(path) || in_tree,
                "`{path}` is written but not known in advance"
            );
            if !assets.contains(path) {
                assert!(generated.clashes_with(path), "{path}");
            }
        }
        for paper in crate::model::lang::Paper::ALL {
            for p in printables(&site, paper) {
                assert!(generated.files.contains(&p.pdf.file()), "{}", p.pdf.file());
            }
        }
        for a in &assets {
            assert!(!generated.clashes_with(a), "{a}");
        }
    }
}
