//! `serve`, around the pipeline: the site folder in, a live preview on 127.0.0.1 out.
//!
//! A live preview. The site is built into memory ([`store`]), served over
//! HTTP ([`server`]) on 127.0.0.1, and rebuilt in part whenever a source changes ([`watch`],
//! then [`crate::pipeline::preview`]); open pages reload themselves ([`reload`]).
//!
//! The search index spans every page, so it is rebuilt on its own thread after the changed
//! pages are already served, and replaced when it is ready (a newer request supersedes an
//! older one that has not started).
//!
//! Like the rest of the library this module never prints: it reports [`Event`]s to the
//! command, which prints them.

pub mod reload;
pub mod server;
pub mod store;
pub mod watch;

use crate::config::Overrides;
use crate::diagnostics::Diagnostics;
use crate::model::lang::Lang;
use crate::model::site::counts;
use crate::pipeline::preview::{Preview, Update};
use crate::render::search::SearchWork;
use anyhow::{Context, Result, bail};
use server::{Served, Server, Shared};
use std::collections::BTreeMap;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};
use store::SiteFiles;

/// The port tried first when none is given; the next few are tried when it is taken.
pub const DEFAULT_PORT: u16 = 8000;
const PORT_TRIES: u16 = 10;

pub struct Options {
    pub root: PathBuf,
    pub overrides: Overrides,
    pub bind: IpAddr,
    /// `None`: [`DEFAULT_PORT`] or the next free one; `Some(0)`: any free port.
    pub port: Option<u16>,
}

/// What the preview tells the person running it.
#[derive(Debug)]
pub enum Event<'a> {
    /// The first build is served at `url`.
    Ready {
        url: String,
        pages: BTreeMap<Lang, usize>,
        files: usize,
        elapsed: Duration,
    },
    /// Sources changed and the affected pages are served again.
    Rebuilt(&'a Update),
    /// The problems changed (the list is empty when the last one was fixed).
    Problems(&'a Diagnostics),
    /// The search index of these languages is up to date again.
    Indexed { langs: Vec<Lang>, elapsed: Duration },
}

/// Starts the preview and serves until the process is stopped (Ctrl-C) or the watcher ends.
/// Fails only when nothing can be served: no `content/`, a broken `handbook.yaml` or theme at
/// the start, or no port to listen on.
pub fn run(options: &Options, report: Arc<dyn Fn(Event<'_>) + Send + Sync>) -> Result<()> {
    let root = options
        .root
        .canonicalize()
        .with_context(|| format!("cannot open `{}`", options.root.display()))?;
    let started = Instant::now();
    // Watching starts first: a file saved during the first build is rebuilt right after it.
    let mut watch = watch::Watch::start(&root)?;
    let (mut preview, update) = Preview::start(&root, &options.overrides)?;
    let shared = Arc::new(Shared::new(Served {
        files: SiteFiles::default(),
        base: preview.site().config.base_url.path.clone(),
        overlay: String::new(),
        version: String::new(),
    }));
    let mut live = Live {
        shared: shared.clone(),
        instance: format!("{:x}", std::process::id()),
        counter: 0,
        problems: Diagnostics::default(),
    };
    live.publish(&preview, &update, report.as_ref());
    let indexer = Indexer::start(shared.clone(), report.clone());
    indexer.submit(preview.search_work(&langs(&update)));

    let listener = listen(options.bind, options.port)?;
    let server = Server::start(listener, shared.clone()).context("cannot start the server")?;
    report(Event::Ready {
        url: url(server.addr(), &preview.site().config.base_url.path),
        pages: counts(preview.site()),
        files: shared.served.read().map(|s| s.files.len()).unwrap_or(0),
        elapsed: started.elapsed(),
    });
    while let Some(changes) = watch.wait() {
        let update = preview.update(&changes);
        live.publish(&preview, &update, report.as_ref());
        if !update.search.is_empty() {
            indexer.submit(preview.search_work(&langs(&update)));
        }
    }
    server.stop();
    Ok(())
}

fn langs(update: &Update) -> Vec<Lang> {
    update.search.iter().cloned().collect()
}

/// The address to open: the loopback name for an unspecified bind address.
fn url(addr: SocketAddr, base: &str) -> String {
    let ip = match addr.ip() {
        ip if ip.is_unspecified() => IpAddr::from([127, 0, 0, 1]),
        ip => ip,
    };
    match ip {
        IpAddr::V4(v4) => format!("http://{v4}:{}{base}", addr.port()),
        IpAddr::V6(v6) => format!("http://[{v6}]:{}{base}", addr.port()),
    }
}

fn listen(ip: IpAddr, port: Option<u16>) -> Result<TcpListener> {
    match port {
        Some(p) => TcpListener::bind((ip, p)).with_context(|| {
            format!(
                "cannot listen on {ip} port {p}; choose another with --port (0 picks any free port)"
            )
        }),
        None => {
            for p in DEFAULT_PORT..DEFAULT_PORT + PORT_TRIES {
                if let Ok(l) = TcpListener::bind((ip, p)) {
                    return Ok(l);
                }
            }
            bail!(
                "ports {DEFAULT_PORT}–{} on {ip} are all in use; choose one with --port (0 picks any free port)",
                DEFAULT_PORT + PORT_TRIES - 1
            )
        }
    }
}

/// The served state and what open pages were last told.
struct Live {
    shared: Arc<Shared>,
    /// Tells this run's versions apart from a previous run's (a page open across restarts
    /// reloads).
    instance: String,
    counter: u64,
    problems: Diagnostics,
}

impl Live {
    /// Serves an update and tells open pages what changed.
    fn publish(&mut self, preview: &Preview, update: &Update, report: &(dyn Fn(Event<'_>) + Sync)) {
        let problems = preview.problems();
        let problems_changed = problems.0 != self.problems.0;
        let base = preview.site().config.base_url.path.clone();
        let nothing = update.files.is_empty() && update.removed.is_empty() && !update.replace_all;
        if nothing && !problems_changed {
            return;
        }
        self.counter += 1;
        let version = format!("{}-{}", self.instance, self.counter);
        if let Ok(mut served) = self.shared.served.write() {
            served.files.apply(update);
            served.base = base.clone();
            if problems_changed {
                served.overlay = reload::overlay(&problems);
            }
            served.version = version;
        }
        if self.counter > 1 {
            report(Event::Rebuilt(update));
        }
        if problems_changed {
            report(Event::Problems(&problems));
            self.problems = problems;
        }
        let frame = if problems_changed || update.replace_all {
            reload::reload_frame(None)
        } else if update.css_only {
            reload::frame("css", "")
        } else if update
            .files
            .iter()
            .map(|f| f.path.as_str())
            .chain(update.removed.iter().map(String::as_str))
            .all(|p| p.ends_with(".html") || p.ends_with(".xml"))
        {
            // Only the pages that changed reload; an image or a script may be on any page,
            // while no page shows the sitemap or a feed.
            let paths: Vec<String> = update
                .files
                .iter()
                .map(|f| f.path.as_str())
                .chain(update.removed.iter().map(String::as_str))
                .filter(|p| p.ends_with(".html"))
                .map(|p| format!("{base}{}", p.strip_suffix("index.html").unwrap_or(p)))
                .collect();
            reload::reload_frame(Some(&paths))
        } else {
            reload::reload_frame(None)
        };
        self.shared.hub.broadcast(&frame);
    }
}

/// Builds search indexes on its own thread, newest request first.
struct Indexer {
    tx: Sender<SearchWork>,
}

impl Indexer {
    fn start(shared: Arc<Shared>, report: Arc<dyn Fn(Event<'_>) + Send + Sync>) -> Indexer {
        let (tx, rx) = channel::<SearchWork>();
        // Without the thread the index is not rebuilt, but pages still serve.
        let _ = std::thread::Builder::new()
            .name("serve-index".into())
            .spawn(move || index_loop(&rx, &shared, report.as_ref()));
        Indexer { tx }
    }

    fn submit(&self, work: SearchWork) {
        let _ = self.tx.send(work);
    }
}

/// The search index waits for a pause this long in saving, so that it does not take a core
/// away from the rebuilds while someone is typing and saving.
const INDEX_AFTER: Duration = Duration::from_millis(1000);

fn index_loop(rx: &Receiver<SearchWork>, shared: &Shared, report: &(dyn Fn(Event<'_>) + Sync)) {
    let mut first = true;
    while let Ok(mut work) = rx.recv() {
        // Newer requests supersede this one, language by language (the first index, of the
        // whole site, starts at once).
        let wait = if first { Duration::ZERO } else { INDEX_AFTER };
        first = false;
        while let Ok(newer) = rx.recv_timeout(wait) {
            work = work.merge(newer);
        }
        let start = Instant::now();
        let files = work.run();
        if let Ok(mut served) = shared.served.write() {
            for lang in work.langs() {
                served.files.replace_dir(&SearchWork::dir(lang), &files);
            }
        }
        report(Event::Indexed {
            langs: work.langs().cloned().collect(),
            elapsed: start.elapsed(),
        });
    }
}

/// Opens `url` in the desktop's browser; fails quietly on machines without one.
pub fn open_browser(url: &str) -> std::io::Result<()> {
    let mut cmd = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    cmd.arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(|_| ())
}
