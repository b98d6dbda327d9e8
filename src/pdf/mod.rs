//! Stage 4½, `build --pdf`: a portable copy of the printable pages in, PDFs out.
//!
//! Prints the worksheets, the bilingual sheets and each language's print packs to PDF, on A4
//! and on US Letter, with a headless Chromium found on the machine, before the output is
//! written, so a failure leaves the previous output untouched. The sheets are printed twice:
//! a first print measures them ([`measure`]), the second lays out their "Notes" lines and the
//! packs' blank backs and page numbers from what the first found.
//!
//! Chromium is driven through its command line (`--headless --print-to-pdf`), one process per
//! page, a few at a time: no DevTools client, no async runtime. It prints `file://` pages from
//! a temporary portable copy of the printable pages (see [`crate::render::print_copy`]), which
//! forces the paper size with CSS `@page { size }`; the command line has no paper option.

use crate::output::{self, OutputFile};
use crate::render::Printable;
use anyhow::{Context, Result, bail};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

mod measure;
pub use measure::{END_MARKER, measure};

/// Names tried on `PATH` when `CHROME` is not set, in this order.
pub const BROWSER_NAMES: &[&str] = &[
    "chromium",
    "google-chrome",
    "google-chrome-stable",
    "chromium-browser",
];

/// The longest one page may take to print before Chromium is stopped and the build fails.
const PRINT_TIMEOUT: Duration = Duration::from_secs(120);

/// Flags for every print. Without the background-networking ones Chromium keeps trying to
/// reach Google's hosts, which slows it down on a closed network. `--no-sandbox` because CI
/// and container builds run as root, where Chromium's sandbox refuses to start; the pages
/// printed are the build's own output, read from a private temporary folder.
const FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-pdf-header-footer",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--disable-extensions",
    "--hide-scrollbars",
    "--mute-audio",
];

/// A Chromium or Chrome executable.
#[derive(Debug, Clone)]
pub struct Browser {
    pub path: PathBuf,
}

impl Browser {
    /// `CHROME` when set (it must name an executable file), else the first of
    /// [`BROWSER_NAMES`] on `PATH`. The error says how to get one.
    pub fn find() -> Result<Browser> {
        Browser::find_in(std::env::var_os("CHROME"), std::env::var_os("PATH"))
    }

    fn find_in(chrome: Option<OsString>, path: Option<OsString>) -> Result<Browser> {
        const INSTALL: &str = "install Chromium (Debian/Ubuntu: `apt-get install chromium`; \
            Fedora: `dnf install chromium`; macOS: `brew install --cask chromium`) or Google \
            Chrome, or set CHROME to the browser's executable; nothing was written";
        if let Some(chrome) = chrome.filter(|c| !c.is_empty()) {
            let p = PathBuf::from(&chrome);
            if is_executable(&p) {
                return Ok(Browser { path: p });
            }
            bail!(
                "--pdf: CHROME is set to `{}`, which is not an executable file: {INSTALL}",
                p.display()
            );
        }
        for dir in path.iter().flat_map(std::env::split_paths) {
            for name in BROWSER_NAMES {
                let candidate = dir.join(name);
                if is_executable(&candidate) {
                    return Ok(Browser { path: candidate });
                }
            }
        }
        bail!(
            "--pdf needs a headless Chromium or Google Chrome to print the worksheets, and none \
             was found (CHROME is not set; looked for {} on PATH): {INSTALL}",
            BROWSER_NAMES.join(", ")
        )
    }
}

fn is_executable(p: &Path) -> bool {
    let Ok(meta) = std::fs::metadata(p) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        meta.is_file() && meta.permissions().mode() & 0o111 != 0
    }
    #[cfg(not(unix))]
    {
        meta.is_file()
    }
}

/// What the printing step tells the command while it runs.
#[derive(Debug, Clone)]
pub enum Progress {
    /// Printing starts: how many PDFs, with which browser, how many at a time.
    Start {
        total: usize,
        browser: PathBuf,
        parallel: usize,
        /// The paper, and whether this is the first print, which only measures.
        paper: crate::model::lang::Paper,
        measuring: bool,
    },
    /// One PDF is done.
    Printed {
        done: usize,
        total: usize,
        pdf: String,
        pages: Option<usize>,
        elapsed: Duration,
    },
}

/// Prints every page of `printables` from `copy` (made by [`crate::render::print_copy`]) and
/// returns the PDFs as output files. Runs a few Chromium processes at a time; the first
/// failure stops the remaining prints and fails the build.
pub fn print(
    browser: &Browser,
    copy: &[OutputFile],
    printables: &[Printable],
    measuring: bool,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<Vec<OutputFile>> {
    let scratch = tempfile::Builder::new()
        .prefix("handbook-pdf-")
        .tempdir()
        .context("cannot create a temporary folder for printing")?;
    let _cleanup = output::remove_on_interrupt(scratch.path());
    let site = scratch.path().join("site");
    output::write_scratch(&site, copy)?;
    let parallel = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, 4)
        .min(printables.len().max(1));
    progress(Progress::Start {
        total: printables.len(),
        browser: browser.path.clone(),
        parallel,
        paper: printables
            .first()
            .map_or(crate::model::lang::Paper::A4, |p| p.paper),
        measuring,
    });
    // A queue taken in page order by a few threads, not rayon: rayon splits the list in
    // halves, so printing would start in the middle of it and a broken browser would be
    // reported for some later page rather than the first.
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let results: Mutex<Vec<(usize, OutputFile)>> = Mutex::new(Vec::new());
    let failure: Mutex<Option<anyhow::Error>> = Mutex::new(None);
    let failed = || failure.lock().map_or(true, |f| f.is_some());
    std::thread::scope(|s| {
        for worker in 0..parallel {
            let (next, done, results, failure) = (&next, &done, &results, &failure);
            let site = &site;
            let scratch = scratch.path();
            s.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    if i >= printables.len() || failed() {
                        break;
                    }
                    let p = &printables[i];
                    let started = Instant::now();
                    let profile = scratch.join(format!("profile-{worker}"));
                    let pdf_file = scratch.join(format!("print-{i}.pdf"));
                    let page = site.join(p.page.file());
                    match print_one(browser, &page, &pdf_file, &profile) {
                        Ok(bytes) => {
                            let n = done.fetch_add(1, Ordering::SeqCst) + 1;
                            progress(Progress::Printed {
                                done: n,
                                total: printables.len(),
                                pdf: p.pdf.as_str().to_string(),
                                pages: page_count(&bytes),
                                elapsed: started.elapsed(),
                            });
                            if let Ok(mut r) = results.lock() {
                                r.push((i, OutputFile::new(p.pdf.as_str(), bytes)));
                            }
                        }
                        Err(e) => {
                            if let Ok(mut f) = failure.lock() {
                                f.get_or_insert(e.context(format!(
                                    "--pdf: printing `{}` failed",
                                    p.page.as_str()
                                )));
                            }
                            break;
                        }
                    }
                }
            });
        }
    });
    if let Some(e) = failure.into_inner().ok().flatten() {
        return Err(e);
    }
    let mut files = results
        .into_inner()
        .map_err(|_| anyhow::anyhow!("internal error: a print worker panicked"))?;
    if files.len() != printables.len() {
        bail!(
            "internal error: {} of {} PDFs were printed",
            files.len(),
            printables.len()
        );
    }
    files.sort_by_key(|(i, _)| *i);
    Ok(files.into_iter().map(|(_, f)| f).collect())
}

/// One Chromium run: `page` to `pdf`, with a profile folder of its own (two Chromiums cannot
/// share one).
fn print_one(browser: &Browser, page: &Path, pdf: &Path, profile: &Path) -> Result<Vec<u8>> {
    let url = file_url(page);
    let mut cmd = Command::new(&browser.path);
    cmd.args(FLAGS)
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(&url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let mut child = cmd
        .spawn()
        .with_context(|| format!("cannot start `{}`", browser.path.display()))?;
    // Drain stderr on a thread so a chatty Chromium never blocks on a full pipe.
    let stderr = child.stderr.take();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        if let Some(mut e) = stderr {
            use std::io::Read;
            let _ = e.read_to_string(&mut text);
        }
        text
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if started.elapsed() > PRINT_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            bail!(
                "`{}` did not finish within {} s",
                browser.path.display(),
                PRINT_TIMEOUT.as_secs()
            );
        }
        std::thread::sleep(Duration::from_millis(25));
    };
    let stderr = reader.join().unwrap_or_default();
    let bytes = std::fs::read(pdf).unwrap_or_default();
    if !status.success() || !is_pdf(&bytes) {
        let tail: Vec<&str> = stderr
            .lines()
            .filter(|l| !l.trim().is_empty())
            .rev()
            .take(6)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        bail!(
            "`{}` exited with {status} and {}; its last messages:\n{}",
            browser.path.display(),
            if bytes.is_empty() {
                "wrote no PDF".to_string()
            } else {
                "wrote a file that is not a complete PDF".to_string()
            },
            tail.join("\n")
        );
    }
    Ok(bytes)
}

/// A `file://` URL for an absolute path, percent-encoding what a URL path cannot hold.
fn file_url(path: &Path) -> String {
    let mut url = String::from("file://");
    let text = path.to_string_lossy().replace('\\', "/");
    if !text.starts_with('/') {
        url.push('/');
    }
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' | b':' => {
                url.push(b as char)
            }
            _ => url.push_str(&format!("%{b:02X}")),
        }
    }
    url
}

/// A whole PDF: the header, and the end-of-file marker near the end.
pub fn is_pdf(bytes: &[u8]) -> bool {
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    bytes.starts_with(b"%PDF-") && tail.windows(5).any(|w| w == b"%%EOF")
}

/// The page count of a PDF that Chromium wrote (its page tree root's `/Count`), for the
/// progress line; `None` when it cannot be told without a PDF parser.
pub fn page_count(bytes: &[u8]) -> Option<usize> {
    // Chromium writes uncompressed page objects: each page is `/Type /Page` (without the `s`).
    let text = String::from_utf8_lossy(bytes);
    let n = text
        .match_indices("/Type /Page")
        .filter(|(i, _)| !text[i + 11..].starts_with('s'))
        .count();
    (n > 0).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_browser_from_chrome_or_path() {
        let dir = tempfile::tempdir().unwrap();
        let bin = dir.path().join("google-chrome");
        std::fs::write(&bin, "#!/bin/sh\n").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&bin, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        let path = Some(dir.path().as_os_str().to_owned());
        assert_eq!(Browser::find_in(None, path.clone()).unwrap().path, bin);
        assert_eq!(
            Browser::find_in(Some(bin.clone().into()), None)
                .unwrap()
                .path,
            bin
        );
        let missing = dir.path().join("nope");
        let err = Browser::find_in(Some(missing.into()), path).unwrap_err();
        assert!(err.to_string().contains("CHROME is set to"), "{err}");
        assert!(
            err.to_string().contains("apt-get install chromium"),
            "{err}"
        );
        let err = Browser::find_in(None, Some(OsString::from("/nonexistent"))).unwrap_err();
        assert!(err.to_string().contains("none was found"), "{err}");
        // A folder is not a browser.
        assert!(Browser::find_in(Some(dir.path().into()), None).is_err());
    }

    #[test]
    fn file_urls_are_encoded() {
        assert_eq!(
            file_url(Path::new("/tmp/a b/en/index.html")),
            "file:///tmp/a%20b/en/index.html"
        );
        assert_eq!(
            file_url(Path::new("/tmp/हि")),
            "file:///tmp/%E0%A4%B9%E0%A4%BF"
        );
    }

    #[test]
    fn recognises_pdfs() {
        assert!(is_pdf(b"%PDF-1.4\n1 0 obj\n<< /Type /Page >>\n%%EOF\n"));
        assert!(!is_pdf(b"%PDF-1.4\ntruncated"));
        assert!(!is_pdf(b"<html>"));
        assert_eq!(
            page_count(b"<< /Type /Pages /Count 2 >> << /Type /Page >> << /Type /Page >>"),
            Some(2)
        );
    }
}
