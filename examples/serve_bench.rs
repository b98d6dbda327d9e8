//! How long `handbook serve` takes from saving a page to serving it rebuilt.
//!
//! ```sh
//! cargo build --release
//! cargo run --release --example serve_bench -- .                       # the handbook
//! cargo run --release --example corpus -- --pages-per-lang 5000 --out target/corpus/5000
//! cargo run --release --example serve_bench -- target/corpus/5000      # 10,000 pages
//! ```
//!
//! The site is copied to a temporary folder (its files are edited), served by
//! `target/release/handbook serve` (or `$HANDBOOK_BIN`), and one tip is saved again and again:
//! its body (the common case while writing) and its title (which every list showing the page
//! must follow). Each save is timed from just before the write until an HTTP GET of the page
//! returns the new text, after the page's reload event, as a browser would see it; so the
//! figure includes the watcher's debounce (25 ms). Before each save the benchmark waits for
//! the search index of the previous one, so every save starts on an idle machine; the time
//! until the index is updated is reported too. The server's own timings (parse, model,
//! render) come from its log.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

fn main() {
    if let Err(e) = run() {
        eprintln!("serve_bench: {e}");
        std::process::exit(1);
    }
}

struct Args {
    site: PathBuf,
    runs: usize,
}

fn args() -> Result<Args, String> {
    let mut site = None;
    let mut runs = 7;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--runs" => {
                runs = it
                    .next()
                    .and_then(|v| v.parse().ok())
                    .ok_or("--runs needs a number")?
            }
            "-h" | "--help" => {
                println!("usage: serve_bench SITE_DIR [--runs N]");
                std::process::exit(0);
            }
            other if site.is_none() => site = Some(PathBuf::from(other)),
            other => return Err(format!("unexpected argument `{other}`")),
        }
    }
    Ok(Args {
        site: site.ok_or("usage: serve_bench SITE_DIR [--runs N]")?,
        runs,
    })
}

fn run() -> Result<(), String> {
    let args = args()?;
    let bin = std::env::var_os("HANDBOOK_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            let exe = std::env::current_exe().unwrap_or_default();
            // target/release/examples/serve_bench → target/release/handbook
            exe.parent()
                .and_then(Path::parent)
                .map(|p| p.join("handbook"))
                .unwrap_or_default()
        });
    if !bin.is_file() {
        return Err(format!(
            "no handbook binary at {}: run `cargo build --release` first",
            bin.display()
        ));
    }
    let tmp = std::env::temp_dir().join(format!("handbook-serve-bench-{}", std::process::id()));
    let _cleanup = Cleanup(tmp.clone());
    for entry in ["content", "i18n", "themes", "handbook.yaml"] {
        let from = args.site.join(entry);
        if from.exists() {
            copy(&from, &tmp.join(entry))
                .map_err(|e| format!("copying {}: {e}", from.display()))?;
        }
    }
    let page = pick_page(&tmp)?;
    let page_rel = page.strip_prefix(&tmp).unwrap_or(&page).to_path_buf();
    let url_path = {
        let rel = page_rel.strip_prefix("content").unwrap_or(&page_rel);
        let rel = rel.with_extension("");
        format!("{}/", rel.to_string_lossy().replace('\\', "/"))
    };

    let started = Instant::now();
    let mut server = Server::start(&bin, &tmp)?;
    let ready = started.elapsed();
    let indexed = server.wait_line("Search index", Duration::from_secs(600))?;
    println!(
        "site: {} ({})",
        args.site.display(),
        server.built.trim_start_matches("Built ")
    );
    println!(
        "start: served after {:.2} s, search index ready after {:.2} s",
        ready.as_secs_f64(),
        indexed.duration_since(started).as_secs_f64()
    );
    println!("page edited: {}\n", page_rel.display());

    let original = std::fs::read_to_string(&page).map_err(|e| e.to_string())?;
    let mut rows = Vec::new();
    for (name, edit) in [("body edit", Edit::Body), ("title edit", Edit::Title)] {
        let mut served = Vec::new();
        let mut index = Vec::new();
        let mut logged = Vec::new();
        for i in 0..args.runs {
            let marker = format!("Benchmark{}x{i}", name.len());
            let text = edit.apply(&original, &marker);
            let mut events = server.events()?;
            server.drain();
            let t0 = Instant::now();
            std::fs::write(&page, &text).map_err(|e| e.to_string())?;
            events.wait_reload(&server.base, &url_path)?;
            loop {
                let body = server.get(&format!("{}{url_path}", server.base))?;
                if body.contains(&marker) {
                    break;
                }
                if t0.elapsed() > Duration::from_secs(60) {
                    return Err("the edit was never served".into());
                }
            }
            served.push(t0.elapsed());
            let rebuilt = server.wait_line("Rebuilt", Duration::from_secs(60))?;
            let _ = rebuilt;
            logged.push(server.last_rebuilt.clone());
            let done = server.wait_line("Search index", Duration::from_secs(600))?;
            index.push(done.duration_since(t0));
        }
        rows.push((name, served, index, logged));
    }
    std::fs::write(&page, &original).map_err(|e| e.to_string())?;

    println!(
        "{:<11} {:>8} {:>8} {:>8} {:>12}   server log (median run)",
        "save →", "median", "min", "max", "search index"
    );
    for (name, served, index, logged) in &rows {
        let (med, min, max) = stats(served);
        let (imed, _, _) = stats(index);
        let mut sorted: Vec<(Duration, &String)> = served.iter().copied().zip(logged).collect();
        sorted.sort();
        let log = sorted
            .get(sorted.len() / 2)
            .map(|(_, l)| l.as_str())
            .unwrap_or("");
        println!(
            "{name:<11} {:>6} ms {:>5} ms {:>5} ms {:>9} ms   {}",
            med.as_millis(),
            min.as_millis(),
            max.as_millis(),
            imed.as_millis(),
            log.split_once('(')
                .map_or(log, |(_, r)| r.trim_end_matches(')'))
        );
    }
    println!(
        "\n{} runs each; \"save →\" is from writing the file to a GET returning the new text \
         (includes the 25 ms debounce).",
        args.runs
    );
    server.stop();
    Ok(())
}

#[derive(Clone, Copy)]
enum Edit {
    Body,
    Title,
}

impl Edit {
    fn apply(self, original: &str, marker: &str) -> String {
        match self {
            Edit::Body => format!(
                "{}\n\n{marker} was added to the body.\n",
                original.trim_end()
            ),
            Edit::Title => {
                let mut out = String::new();
                let mut done = false;
                for line in original.lines() {
                    if !done && line.starts_with("title:") {
                        out.push_str(&format!("title: \"{marker} title\"\n"));
                        done = true;
                    } else {
                        out.push_str(line);
                        out.push('\n');
                    }
                }
                out
            }
        }
    }
}

fn stats(v: &[Duration]) -> (Duration, Duration, Duration) {
    let mut s = v.to_vec();
    s.sort();
    if s.is_empty() {
        return Default::default();
    }
    (s[s.len() / 2], s[0], s[s.len() - 1])
}

/// The first tip in English (alphabetically), or the first page at all.
fn pick_page(root: &Path) -> Result<PathBuf, String> {
    for dir in [
        "content/en/tips",
        "content/en/stories",
        "content/en/guidance",
    ] {
        let mut pages: Vec<PathBuf> = std::fs::read_dir(root.join(dir))
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.extension().is_some_and(|e| e == "md")
                    && p.file_name().is_some_and(|n| n != "_index.md")
            })
            .collect();
        pages.sort();
        if let Some(p) = pages.into_iter().next() {
            return Ok(p);
        }
    }
    Err("no page to edit under content/en/".into())
}

struct Server {
    child: Child,
    host: String,
    base: String,
    built: String,
    last_rebuilt: String,
    lines: Receiver<(Instant, String)>,
}

impl Server {
    fn start(bin: &Path, root: &Path) -> Result<Server, String> {
        let mut child = Command::new(bin)
            .arg("--root")
            .arg(root)
            .args(["serve", "--port", "0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| format!("cannot run {}: {e}", bin.display()))?;
        let (tx, lines) = channel();
        let out = child.stdout.take().ok_or("no stdout")?;
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                let _ = tx.send((Instant::now(), line));
            }
        });
        let mut server = Server {
            child,
            host: String::new(),
            base: String::new(),
            built: String::new(),
            last_rebuilt: String::new(),
            lines,
        };
        loop {
            let (_, line) = server
                .lines
                .recv_timeout(Duration::from_secs(600))
                .map_err(|_| "the server did not start")?;
            if line.starts_with("Built ") {
                server.built = line;
            } else if let Some(url) = line.strip_prefix("Serving http://") {
                let slash = url.find('/').unwrap_or(url.len());
                server.host = url[..slash].to_string();
                server.base = url[slash..].to_string();
                return Ok(server);
            }
        }
    }

    /// Waits for a log line starting with `prefix`; returns when it was printed.
    fn wait_line(&mut self, prefix: &str, timeout: Duration) -> Result<Instant, String> {
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let (at, line) = self
                .lines
                .recv_timeout(left)
                .map_err(|_| format!("no `{prefix}` line from the server"))?;
            if line.starts_with("Rebuilt") {
                self.last_rebuilt = line.clone();
            }
            if line.starts_with(prefix) {
                return Ok(at);
            }
        }
    }

    fn drain(&mut self) {
        while let Ok((_, line)) = self.lines.try_recv() {
            if line.starts_with("Rebuilt") {
                self.last_rebuilt = line;
            }
        }
    }

    fn get(&self, path: &str) -> Result<String, String> {
        let mut s = TcpStream::connect(&self.host).map_err(|e| e.to_string())?;
        write!(
            s,
            "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.host
        )
        .map_err(|e| e.to_string())?;
        let mut body = Vec::new();
        s.read_to_end(&mut body).map_err(|e| e.to_string())?;
        Ok(String::from_utf8_lossy(&body).into_owned())
    }

    fn events(&self) -> Result<Events, String> {
        let mut s = TcpStream::connect(&self.host).map_err(|e| e.to_string())?;
        s.set_read_timeout(Some(Duration::from_secs(120)))
            .map_err(|e| e.to_string())?;
        write!(
            s,
            "GET /__handbook/events HTTP/1.1\r\nHost: {}\r\n\r\n",
            self.host
        )
        .map_err(|e| e.to_string())?;
        let mut events = Events(BufReader::new(s));
        events.until(|l| l.starts_with("event: version"))?;
        Ok(events)
    }

    fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Events(BufReader<TcpStream>);

impl Events {
    fn until(&mut self, done: impl Fn(&str) -> bool) -> Result<String, String> {
        let mut line = String::new();
        loop {
            line.clear();
            let n = self.0.read_line(&mut line).map_err(|e| e.to_string())?;
            if n == 0 {
                return Err("the event stream ended".into());
            }
            if done(&line) {
                return Ok(line.clone());
            }
        }
    }

    /// Waits for a reload event that names the page (or every page).
    fn wait_reload(&mut self, base: &str, path: &str) -> Result<(), String> {
        let wanted = format!("\"{base}{path}\"");
        self.until(|l| {
            l.starts_with("data: {\"paths\"") && (l.contains(&wanted) || l.contains("null"))
        })
        .map(|_| ())
    }
}

struct Cleanup(PathBuf);

impl Drop for Cleanup {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn copy(from: &Path, to: &Path) -> std::io::Result<()> {
    if from.is_dir() {
        std::fs::create_dir_all(to)?;
        for entry in std::fs::read_dir(from)? {
            let entry = entry?;
            copy(&entry.path(), &to.join(entry.file_name()))?;
        }
        Ok(())
    } else {
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::copy(from, to).map(|_| ())
    }
}
