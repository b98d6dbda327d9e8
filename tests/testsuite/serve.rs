//! `handbook serve` over HTTP (issue 6): the binary serves a fixture copied to a temporary
//! folder on a free port; the tests edit files and watch the served pages change.

use crate::support::{copy_fixture, default_theme_file, handbook, read, tree};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

/// How long a test waits for a rebuild it expects before failing (the acceptance bound of one
/// second is asserted separately, where the issue asks for it).
const PATIENCE: Duration = Duration::from_secs(10);

struct Serve {
    child: Child,
    /// `127.0.0.1:port`
    host: String,
    /// The base path the site is served under, `/` or `/handbook/`.
    base: String,
    stdout: Receiver<String>,
    stderr: Receiver<String>,
}

impl Serve {
    /// Runs `handbook serve` with `args` (after `serve`); its output lines arrive on channels.
    fn spawn(root: &Path, global: &[&str], args: &[&str]) -> Serve {
        let mut child = Command::new(env!("CARGO_BIN_EXE_handbook"))
            .arg("--root")
            .arg(root)
            .args(global)
            .arg("serve")
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run handbook serve");
        let lines = |r: Box<dyn Read + Send>| {
            let (tx, rx) = channel();
            std::thread::spawn(move || {
                for line in BufReader::new(r).lines().map_while(Result::ok) {
                    let _ = tx.send(line);
                }
            });
            rx
        };
        let stdout = lines(Box::new(child.stdout.take().unwrap()));
        let stderr = lines(Box::new(child.stderr.take().unwrap()));
        Serve {
            child,
            host: String::new(),
            base: "/".into(),
            stdout,
            stderr,
        }
    }

    /// Serves `root` on a free port and waits until it says where.
    fn start(root: &Path, args: &[&str]) -> Serve {
        let mut all = vec!["--port", "0"];
        all.extend_from_slice(args);
        let mut serve = Serve::spawn(root, &[], &all);
        loop {
            let line = serve
                .stdout
                .recv_timeout(Duration::from_secs(60))
                .expect("serve prints its address");
            if let Some(url) = line.strip_prefix("Serving http://") {
                let (host, base) = url.split_at(url.find('/').unwrap());
                serve.host = host.to_string();
                serve.base = base.to_string();
                return serve;
            }
        }
    }

    /// A raw request (the target is sent as given), answered as (status, head, body).
    fn request(&self, target: &str) -> (u16, String, Vec<u8>) {
        let mut s = TcpStream::connect(&self.host).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        write!(
            s,
            "GET {target} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.host
        )
        .unwrap();
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).unwrap();
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a response head");
        let head = String::from_utf8_lossy(&raw[..split]).into_owned();
        let status = head[9..12].parse().unwrap();
        (status, head, raw[split + 4..].to_vec())
    }

    /// GET of a site path (below the base path): status and body as text.
    fn get(&self, path: &str) -> (u16, String) {
        let (status, _, body) = self.request(&format!("{}{path}", self.base));
        (status, String::from_utf8_lossy(&body).into_owned())
    }

    /// Polls `path` until `ok(status, body)`; returns how long it took.
    fn wait_for(&self, path: &str, what: &str, ok: impl Fn(u16, &str) -> bool) -> Duration {
        let start = Instant::now();
        loop {
            let (status, body) = self.get(path);
            if ok(status, &body) {
                return start.elapsed();
            }
            assert!(
                start.elapsed() < PATIENCE,
                "{path} never showed {what}; last answer {status}:\n{body}"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn output(&self) -> Vec<String> {
        self.stdout.try_iter().collect()
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

const OVERLAY: &str = "id=\"hb-serve-overlay\"";

#[test]
fn an_edit_is_served_within_a_second_and_errors_show_in_the_page() {
    let site = copy_fixture("basic");
    let root = site.path();
    let serve = Serve::start(root, &[]);
    let (status, body) = serve.get("en/tips/rest/");
    assert_eq!(status, 200);
    assert!(body.contains("Rest first."), "{body}");
    assert!(!body.contains(OVERLAY));

    let rest = "content/en/tips/rest.md";
    let good = read(root.join(rest)).replace("Rest first.", "Rest first, then stretch.");
    write(root, rest, &good);
    let took = serve.wait_for("en/tips/rest/", "the edit", |s, b| {
        s == 200 && b.contains("Rest first, then stretch.")
    });
    assert!(took < Duration::from_secs(1), "took {took:?}");

    // Broken front matter: the page keeps its last good text, under an overlay naming file,
    // line and field; other pages keep serving.
    write(root, rest, "---\ntitle: [unclosed\nsummary: x\n---\nbody\n");
    serve.wait_for("en/tips/rest/", "the overlay", |s, b| {
        s == 200
            && b.contains(OVERLAY)
            && b.contains("content/en/tips/rest.md:2")
            && b.contains("`title`")
            && b.contains("Rest first, then stretch.")
    });
    let (status, other) = serve.get("en/stories/first-no/");
    assert_eq!(status, 200);
    assert!(other.contains("She read the email twice."), "{other}");

    // Messages quote what the user wrote; the overlay escapes it.
    write(
        root,
        rest,
        "---\ntitle: Rest\nsummary: x\ntags: [self-care]\n\"<img src=x onerror=alert(1)>\": 1\n---\nbody\n",
    );
    serve.wait_for("en/tips/rest/", "the new problem", |_, b| {
        b.contains("&lt;img src=x onerror=alert(1)&gt;")
    });
    let (_, page) = serve.get("en/tips/rest/");
    assert!(!page.contains("<img src=x"), "unescaped: {page}");

    write(root, rest, &good);
    serve.wait_for("en/tips/rest/", "the fixed page", |s, b| {
        s == 200 && !b.contains(OVERLAY) && b.contains("Rest first, then stretch.")
    });
    let log = serve.output().join("\n");
    assert!(log.contains("Rebuilt content/en/tips/rest.md"), "{log}");
}

#[test]
fn pages_come_go_and_move() {
    let site = copy_fixture("basic");
    let root = site.path();
    let serve = Serve::start(root, &[]);
    let page = "---\ntitle: Brand new guidance\nsummary: Just written.\n---\nFresh words.\n";
    write(root, "content/en/guidance/brand-new.md", page);
    serve.wait_for("en/guidance/brand-new/", "the new page", |s, b| {
        s == 200 && b.contains("Fresh words.")
    });
    let (_, list) = serve.get("en/guidance/");
    assert!(list.contains("Brand new guidance"), "{list}");

    std::fs::rename(
        root.join("content/en/guidance/brand-new.md"),
        root.join("content/en/guidance/renamed.md"),
    )
    .unwrap();
    serve.wait_for("en/guidance/renamed/", "the renamed page", |s, b| {
        s == 200 && b.contains("Fresh words.")
    });
    let (status, body) = serve.get("en/guidance/brand-new/");
    assert_eq!(status, 404);
    assert!(body.contains("page-404"), "the site's 404 page: {body}");

    std::fs::remove_file(root.join("content/en/guidance/renamed.md")).unwrap();
    serve.wait_for("en/guidance/renamed/", "a 404", |s, _| s == 404);
    let (_, list) = serve.get("en/guidance/");
    assert!(!list.contains("Brand new guidance"), "{list}");
}

#[test]
fn bad_edits_never_stop_the_preview() {
    let site = copy_fixture("basic");
    let root = site.path();
    let serve = Serve::start(root, &[]);
    let alive = |what: &str| {
        serve.wait_for("en/stories/first-no/", what, |s, b| {
            s == 200 && b.contains("She read the email twice.")
        });
    };
    let rest = root.join("content/en/tips/rest.md");
    let good = std::fs::read(&rest).unwrap();
    // Invalid UTF-8, an empty file, a half-written front matter.
    for bytes in [
        &b"---\ntitle: \xff\xfe\n---\n"[..],
        b"",
        b"---\ntitle: Half",
    ] {
        std::fs::write(&rest, bytes).unwrap();
        serve.wait_for("en/tips/rest/", "the overlay", |_, b| b.contains(OVERLAY));
        alive("other pages");
    }
    std::fs::write(&rest, &good).unwrap();
    serve.wait_for("en/tips/rest/", "no overlay", |_, b| !b.contains(OVERLAY));

    // A Fluent syntax error, then fixed.
    write(root, "i18n/en/extra.ftl", "broken = {\n");
    serve.wait_for("en/", "the Fluent error", |_, b| {
        b.contains(OVERLAY) && b.contains("i18n/en/extra.ftl")
    });
    alive("a Fluent error");
    std::fs::remove_file(root.join("i18n/en/extra.ftl")).unwrap();
    serve.wait_for("en/", "no overlay", |_, b| !b.contains(OVERLAY));

    // A template that does not parse, then fixed.
    write(root, "themes/default/templates/page.html", "{% if %}");
    serve.wait_for("en/", "the template error", |_, b| {
        b.contains(OVERLAY) && b.contains("themes/default")
    });
    alive("a template error");
    std::fs::remove_dir_all(root.join("themes")).unwrap();
    serve.wait_for("en/", "no overlay", |_, b| !b.contains(OVERLAY));

    // A whole section folder deleted (another page's link breaks), then put back.
    std::fs::remove_dir_all(root.join("content/en/worksheets")).unwrap();
    serve.wait_for("en/worksheets/reflection/", "a 404", |s, b| {
        s == 404 && b.contains(OVERLAY)
    });
    crate::support::copy_tree(
        &crate::support::fixture("basic/content/en/worksheets"),
        &root.join("content/en/worksheets"),
    );
    serve.wait_for("en/worksheets/reflection/", "the page back", |s, b| {
        s == 200 && !b.contains(OVERLAY)
    });
    // The configuration broken, then fixed.
    let config = read(root.join("handbook.yaml"));
    write(root, "handbook.yaml", "languages: [en\n");
    serve.wait_for("en/", "the config error", |_, b| {
        b.contains(OVERLAY) && b.contains("handbook.yaml")
    });
    alive("a broken configuration");
    write(root, "handbook.yaml", &config);
    serve.wait_for("en/", "no overlay", |_, b| !b.contains(OVERLAY));
    // Editors' temporary files are not content.
    write(root, "content/en/tips/.rest.md.swp", "x");
    write(root, "content/en/tips/4913", "");
    write(root, "content/en/tips/rest.md~", "x");
    std::thread::sleep(Duration::from_millis(300));
    let (_, home) = serve.get("en/");
    assert!(!home.contains(OVERLAY), "{home}");
}

#[test]
fn never_serves_anything_outside_the_site() {
    let outer = tempfile::tempdir().unwrap();
    let root = outer.path().join("site");
    crate::support::copy_tree(&crate::support::fixture("basic"), &root);
    std::fs::write(outer.path().join("secret.txt"), "TOP-SECRET").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        outer.path().join("secret.txt"),
        root.join("content/en/tips/leak.txt"),
    )
    .unwrap();
    let serve = Serve::start(&root, &[]);
    let attempts = [
        "/../secret.txt",
        "/../../secret.txt",
        "/en/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/%2e%2e/secret.txt",
        "/%2e%2e%2fsecret.txt",
        "/..%2fsecret.txt",
        "/..%5csecret.txt",
        "/en/tips/..%2f..%2f..%2fsecret.txt",
        "/..\\secret.txt",
        "//secret.txt",
        "http://127.0.0.1/../secret.txt",
        "/etc/passwd",
        &format!("{}/secret.txt", outer.path().display()),
        &format!("/{}/secret.txt", outer.path().display()),
        "/en/tips/leak.txt",
        "/handbook.yaml",
        "/content/en/tips/rest.md",
        "/.nojekyll/../handbook.yaml",
        "/%00",
        "/en/tips/rest/index.html%00.txt",
    ];
    for target in attempts {
        let (status, _, body) = serve.request(target);
        let body = String::from_utf8_lossy(&body);
        assert!(status == 400 || status == 404, "{target}: status {status}");
        assert!(!body.contains("TOP-SECRET"), "{target} leaked the secret");
        assert!(
            !body.contains("default_language"),
            "{target} leaked handbook.yaml"
        );
        assert!(
            !body.contains("Rest first."),
            "{target} leaked a source file"
        );
    }
}

#[test]
fn a_subpath_content_types_and_the_404_page() {
    let site = copy_fixture("basic");
    let root = site.path();
    let config = read(root.join("handbook.yaml"));
    write(
        root,
        "handbook.yaml",
        &format!("{config}base_url: https://example.github.io/handbook/\n"),
    );
    let serve = Serve::start(root, &[]);
    assert_eq!(serve.base, "/handbook/");
    let types = [
        ("/handbook/en/", "text/html; charset=utf-8"),
        ("/handbook/static/css/site.css", "text/css; charset=utf-8"),
        (
            "/handbook/static/js/search.js",
            "text/javascript; charset=utf-8",
        ),
        ("/handbook/sitemap.xml", "application/xml; charset=utf-8"),
        (
            "/handbook/en/tips/notebook.svg",
            "image/svg+xml; charset=utf-8",
        ),
        (
            "/handbook/static/fonts/NotoSansDevanagari-Regular.woff2",
            "font/woff2",
        ),
        ("/__handbook/live.js", "text/javascript; charset=utf-8"),
    ];
    for (target, ty) in types {
        let (status, head, _) = serve.request(target);
        assert_eq!(status, 200, "{target}");
        // Header names are case-insensitive (hyper writes them in lowercase).
        let head = head.to_ascii_lowercase();
        assert!(
            head.contains(&format!("content-type: {ty}\r"))
                || head.ends_with(&format!("content-type: {ty}")),
            "{target}: {head}"
        );
    }
    let (_, home) = serve.get("en/");
    assert!(home.contains("href=\"/handbook/en/tips/\""), "{home}");
    let (status, body) = serve.get("no/such/page/");
    assert_eq!(status, 404);
    assert!(
        body.contains("page-404") && body.contains("/__handbook/live.js"),
        "{body}"
    );
    let (status, _, _) = serve.request("/en/");
    assert_eq!(status, 404, "outside the base path");
    let (status, head, _) = serve.request("/");
    assert_eq!(status, 302);
    assert!(
        head.to_ascii_lowercase().contains("location: /handbook/"),
        "{head}"
    );
    let (status, head, _) = serve.request("/handbook/en/tips");
    assert_eq!(status, 301);
    assert!(
        head.to_ascii_lowercase()
            .contains("location: /handbook/en/tips/"),
        "{head}"
    );
}

/// The reload script comes from the server, never from `build`; the preview never writes
/// into the site folder.
#[test]
fn the_reload_script_is_never_built_and_public_is_untouched() {
    let site = copy_fixture("basic");
    let root = site.path();
    let out = crate::support::build_ok(root, &[]);
    for (path, bytes) in tree(&out) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("__handbook"),
            "{} has the reload script",
            path.display()
        );
        assert!(!text.contains(OVERLAY), "{}", path.display());
    }
    let before = tree(&out);
    let serve = Serve::start(root, &[]);
    let (_, page) = serve.get("en/");
    assert!(
        page.contains("<script src=\"/__handbook/live.js\""),
        "{page}"
    );
    write(
        root,
        "content/en/about.md",
        "---\ntitle: About us\nsummary: x\n---\nChanged.\n",
    );
    serve.wait_for("en/about/", "the edit", |_, b| b.contains("Changed."));
    assert_eq!(tree(&out), before, "serve wrote into public/");
    let names: Vec<PathBuf> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().file_name().into())
        .collect();
    let mut names: Vec<String> = names.iter().map(|n| n.display().to_string()).collect();
    names.sort();
    assert_eq!(names, ["content", "handbook.yaml", "i18n", "public"]);
}

/// An open page's event stream says which pages a rebuild changed.
#[test]
fn open_pages_hear_about_rebuilds() {
    let site = copy_fixture("basic");
    let root = site.path();
    let serve = Serve::start(root, &[]);
    let mut s = TcpStream::connect(&serve.host).unwrap();
    s.set_read_timeout(Some(PATIENCE)).unwrap();
    write!(
        s,
        "GET /__handbook/events HTTP/1.1\r\nHost: {}\r\n\r\n",
        serve.host
    )
    .unwrap();
    let mut events = BufReader::new(s);
    let mut line = String::new();
    let mut read_until = |needle: &str| -> String {
        let mut seen = String::new();
        while !seen.contains(needle) {
            line.clear();
            assert!(
                events.read_line(&mut line).unwrap() > 0,
                "stream ended: {seen}"
            );
            seen.push_str(&line);
        }
        seen
    };
    let head = read_until("event: version");
    assert!(
        head.to_ascii_lowercase()
            .contains("content-type: text/event-stream"),
        "{head}"
    );
    let css = default_theme_file("static/css/site.css") + "\n.x { color: red }\n";
    write(root, "themes/default/static/css/site.css", &css);
    read_until("event: css\n");
    let rest = "content/en/tips/rest.md";
    write(
        root,
        rest,
        &read(root.join(rest)).replace("Rest first.", "Rest."),
    );
    read_until("event: reload\ndata: {\"paths\":[\"/en/tips/rest/\"]}\n");
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_it() {
    let site = copy_fixture("basic");
    let mut serve = Serve::start(site.path(), &[]);
    let pid = serve.child.id().to_string();
    let status = Command::new("kill").args(["-INT", &pid]).status().unwrap();
    assert!(status.success());
    let start = Instant::now();
    loop {
        if let Some(status) = serve.child.try_wait().unwrap() {
            use std::os::unix::process::ExitStatusExt;
            // 130: the status of a Ctrl-C, from the handler that cleans up a build.
            assert!(
                status.code() == Some(130) || status.signal() == Some(2),
                "{status:?}"
            );
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(5), "still running");
        std::thread::sleep(Duration::from_millis(20));
    }
    let err: Vec<String> = serve.stderr.iter().collect();
    assert!(!err.join("\n").contains("panicked"), "{err:?}");
    assert!(!site.path().join("public").exists());
}

/// `--quiet` prints nothing while all is well, and the problems when there are some.
#[test]
fn quiet_prints_only_problems() {
    let site = copy_fixture("basic");
    let root = site.path();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut serve = Serve::spawn(root, &["--quiet"], &["--port", &port.to_string()]);
    serve.host = format!("127.0.0.1:{port}");
    let start = Instant::now();
    while TcpStream::connect(&serve.host).is_err() {
        assert!(start.elapsed() < PATIENCE, "never listened");
        std::thread::sleep(Duration::from_millis(20));
    }
    write(
        root,
        "content/en/about.md",
        "---\ntitle: About\nsummary: x\n---\nQuiet.\n",
    );
    serve.wait_for("en/about/", "the edit", |_, b| b.contains("Quiet."));
    write(root, "content/en/about.md", "---\ntitle: [\n---\n");
    serve.wait_for("en/about/", "the overlay", |_, b| b.contains(OVERLAY));
    std::thread::sleep(Duration::from_millis(200));
    assert_eq!(serve.output(), Vec::<String>::new());
    let err: Vec<String> = serve.stderr.try_iter().collect();
    let err = err.join("\n");
    assert!(err.contains("error: content/en/about.md:2"), "{err}");
}

#[test]
fn help_lists_every_flag() {
    let site = copy_fixture("basic");
    let out = handbook(site.path(), &["serve", "--help"]);
    let help = String::from_utf8_lossy(&out.stdout);
    for flag in [
        "--port", "--bind", "--open", "--drafts", "--root", "--quiet",
    ] {
        assert!(help.contains(flag), "{flag} missing from:\n{help}");
    }
}
