//! `serve`, HTTP: requests in, files of the in-memory site out.
//!
//! The preview's HTTP server: `std::net` with a thread per connection. A preview has one
//! reader and a handful of connections, and needs only GET and HEAD of files held in memory
//! plus one long-lived event stream per open tab; a thread per connection does exactly that
//! without an async runtime or an HTTP crate, and keeps the path handling, which is the part
//! that must be right, in plain sight.
//!
//! Files are looked up in memory by their path in the built site, so no request can reach the
//! disk: `..` (plain or percent-encoded), encoded slashes and backslashes are refused before
//! the lookup, and what the lookup can return is only what the build produced.

use super::reload::{self, EVENTS_PATH, Hub, PREFIX, SCRIPT, SCRIPT_PATH};
use super::store::SiteFiles;
use crate::render::NOT_FOUND_FILE;
use std::io::{self, BufRead, BufReader, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, RwLock};
use std::thread::JoinHandle;
use std::time::Duration;

/// What the server serves now; replaced piece by piece after each rebuild.
pub struct Served {
    pub files: SiteFiles,
    /// The base URL's path: `/` or `/handbook/`.
    pub base: String,
    /// The problem overlay added to every HTML page (empty when there are no problems).
    pub overlay: String,
    /// Changes with every rebuild; a page that was served an older one reloads.
    pub version: String,
}

/// State shared by the server threads and the rebuild loop.
pub struct Shared {
    pub served: RwLock<Served>,
    pub hub: Hub,
}

impl Shared {
    pub fn new(served: Served) -> Shared {
        Shared {
            served: RwLock::new(served),
            hub: Hub::default(),
        }
    }
}

/// Connections served at once; more are closed at once (a preview has one reader).
const MAX_CONNECTIONS: usize = 256;
/// A keep-alive connection idle this long is closed.
const IDLE: Duration = Duration::from_secs(30);
/// An open event stream sends a comment this often, so a closed tab is noticed.
const HEARTBEAT: Duration = Duration::from_secs(15);
const MAX_HEAD_BYTES: usize = 16 * 1024;

pub struct Server {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    accept: Option<JoinHandle<()>>,
}

impl Server {
    /// Listens on `listener` and serves `shared` until [`Server::stop`] (or the process ends).
    pub fn start(listener: TcpListener, shared: Arc<Shared>) -> io::Result<Server> {
        let addr = listener.local_addr()?;
        let stop = Arc::new(AtomicBool::new(false));
        let active = Arc::new(AtomicUsize::new(0));
        let stopping = stop.clone();
        let accept = std::thread::Builder::new()
            .name("serve-accept".into())
            .spawn(move || {
                for stream in listener.incoming() {
                    if stopping.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    if active.load(Ordering::SeqCst) >= MAX_CONNECTIONS {
                        let _ = stream.shutdown(Shutdown::Both);
                        continue;
                    }
                    active.fetch_add(1, Ordering::SeqCst);
                    let shared = shared.clone();
                    let done = active.clone();
                    let spawned =
                        std::thread::Builder::new()
                            .name("serve-conn".into())
                            .spawn(move || {
                                let _ = connection(stream, &shared);
                                done.fetch_sub(1, Ordering::SeqCst);
                            });
                    if spawned.is_err() {
                        // No thread for it: the stream was dropped with the closure.
                        active.fetch_sub(1, Ordering::SeqCst);
                    }
                }
            })?;
        Ok(Server {
            addr,
            stop,
            accept: Some(accept),
        })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Stops accepting connections (open ones end on their own).
    pub fn stop(mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
        if let Some(h) = self.accept.take() {
            let _ = h.join();
        }
    }
}

/// A parsed request head.
#[derive(Debug, PartialEq, Eq)]
pub struct Request {
    pub method: String,
    pub target: String,
    pub keep_alive: bool,
}

/// Reads one request head. `Ok(None)`: the client closed the connection.
fn read_request<R: BufRead>(reader: &mut R) -> io::Result<Option<Result<Request, u16>>> {
    let mut head = Vec::new();
    let mut lines: Vec<String> = Vec::new();
    loop {
        let mut line = Vec::new();
        let limit = (MAX_HEAD_BYTES + 1 - head.len().min(MAX_HEAD_BYTES)) as u64;
        let n = io::Read::take(&mut *reader, limit).read_until(b'\n', &mut line)?;
        if n == 0 {
            return Ok(if lines.is_empty() {
                None
            } else {
                Some(Err(400))
            });
        }
        head.extend_from_slice(&line);
        if head.len() > MAX_HEAD_BYTES {
            return Ok(Some(Err(431)));
        }
        let Ok(text) = String::from_utf8(line) else {
            return Ok(Some(Err(400)));
        };
        let text = text.trim_end_matches(['\r', '\n']).to_string();
        if text.is_empty() {
            if lines.is_empty() {
                continue; // Tolerated before a request line (RFC 9112 §2.2).
            }
            break;
        }
        lines.push(text);
    }
    Ok(Some(parse_head(&lines)))
}

fn parse_head(lines: &[String]) -> Result<Request, u16> {
    let mut parts = lines[0].split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(400);
    };
    let mut keep_alive = match version {
        "HTTP/1.1" => true,
        "HTTP/1.0" => false,
        _ => return Err(505),
    };
    for line in &lines[1..] {
        let Some((name, value)) = line.split_once(':') else {
            return Err(400);
        };
        let value = value.trim().to_ascii_lowercase();
        match name.to_ascii_lowercase().as_str() {
            "connection" if value.contains("close") => keep_alive = false,
            "connection" if value.contains("keep-alive") => keep_alive = true,
            // A body is never expected; not reading it would break the next request.
            "content-length" if value != "0" => keep_alive = false,
            "transfer-encoding" => keep_alive = false,
            _ => {}
        }
    }
    Ok(Request {
        method: method.to_string(),
        target: target.to_string(),
        keep_alive,
    })
}

fn connection(stream: TcpStream, shared: &Shared) -> io::Result<()> {
    stream.set_read_timeout(Some(IDLE))?;
    stream.set_nodelay(true)?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut out = stream;
    loop {
        let request = match read_request(&mut reader) {
            Ok(Some(Ok(r))) => r,
            Ok(Some(Err(status))) => {
                let r = Response::text(status, reason(status));
                return r.write(&mut out, false, false);
            }
            Ok(None) | Err(_) => return Ok(()),
        };
        let head = request.method == "HEAD";
        if request.method == "GET" && path_of(&request.target) == EVENTS_PATH {
            return events(out, shared);
        }
        let response = respond(&request, shared);
        response.write(&mut out, head, request.keep_alive)?;
        if !request.keep_alive {
            return Ok(());
        }
    }
}

/// The event stream of one open page: the current version first, then every broadcast.
fn events(mut out: TcpStream, shared: &Shared) -> io::Result<()> {
    let rx = shared.hub.subscribe();
    let version = shared
        .served
        .read()
        .map(|s| s.version.clone())
        .unwrap_or_default();
    out.write_all(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
    )?;
    // Reconnect quickly after the server restarts.
    out.write_all(b"retry: 500\n\n")?;
    out.write_all(reload::frame("version", &version).as_bytes())?;
    loop {
        match rx.recv_timeout(HEARTBEAT) {
            Ok(frame) => out.write_all(frame.as_bytes())?,
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => out.write_all(b": ping\n\n")?,
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return Ok(()),
        }
    }
}

struct Response {
    status: u16,
    content_type: String,
    headers: Vec<(&'static str, String)>,
    body: Body,
}

/// A response body: the served file itself wherever nothing is injected into it, so a
/// request for a stylesheet, a font or a search shard does not copy the file.
enum Body {
    Owned(Vec<u8>),
    Shared(Arc<[u8]>),
    Static(&'static [u8]),
}

impl std::ops::Deref for Body {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            Body::Owned(v) => v,
            Body::Shared(a) => a,
            Body::Static(s) => s,
        }
    }
}

impl Response {
    fn text(status: u16, body: &str) -> Response {
        Response {
            status,
            content_type: "text/plain; charset=utf-8".into(),
            headers: Vec::new(),
            body: Body::Owned(format!("{body}\n").into_bytes()),
        }
    }

    fn redirect(status: u16, location: String) -> Response {
        let mut r = Response::text(status, reason(status));
        r.headers.push(("Location", location));
        r
    }

    fn write(&self, out: &mut impl Write, head_only: bool, keep_alive: bool) -> io::Result<()> {
        let mut h = format!(
            "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: {}\r\n",
            self.status,
            reason(self.status),
            self.content_type,
            self.body.len(),
            if keep_alive { "keep-alive" } else { "close" }
        );
        for (name, value) in &self.headers {
            h.push_str(&format!("{name}: {value}\r\n"));
        }
        h.push_str("\r\n");
        out.write_all(h.as_bytes())?;
        if !head_only {
            out.write_all(&self.body)?;
        }
        out.flush()
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        431 => "Request Header Fields Too Large",
        505 => "HTTP Version Not Supported",
        _ => "Error",
    }
}

/// The path of a request target, without the query.
fn path_of(target: &str) -> &str {
    target.split(['?', '#']).next().unwrap_or("")
}

/// Where a request leads.
#[derive(Debug, PartialEq, Eq)]
pub enum Route {
    /// A file of the built site, by its path in the site.
    File(String),
    Redirect(u16, String),
    Script,
    NotFound,
    BadRequest,
    MethodNotAllowed,
}

/// Maps a request to a file of the site under `base` (`/` or `/sub/`), never outside it.
pub fn route(method: &str, target: &str, base: &str, exists: impl Fn(&str) -> bool) -> Route {
    if method != "GET" && method != "HEAD" {
        return Route::MethodNotAllowed;
    }
    // Only the origin form (`/path?query`); not `http://host/path`, `*` or a relative path.
    if !target.starts_with('/') || target.starts_with("//") {
        return Route::BadRequest;
    }
    let (raw_path, query) = match target.find('?') {
        Some(i) => (&target[..i], &target[i..]),
        None => (target, ""),
    };
    if raw_path == SCRIPT_PATH {
        return Route::Script;
    }
    let Some(path) = decode_path(raw_path) else {
        return Route::BadRequest;
    };
    if path
        .split('/')
        .any(|seg| seg == ".." || seg == "." || seg.contains('\\'))
    {
        return Route::BadRequest;
    }
    if path.starts_with(PREFIX) {
        return Route::NotFound;
    }
    let Some(rel) = path.strip_prefix(base) else {
        if format!("{path}/") == base || path == "/" {
            return Route::Redirect(
                if path == "/" { 302 } else { 301 },
                format!("{base}{query}"),
            );
        }
        return Route::NotFound;
    };
    if rel.split('/').rev().skip(1).any(str::is_empty) || rel.starts_with('/') {
        // `//` inside the path: never a file of the site.
        return Route::NotFound;
    }
    if rel.is_empty() || rel.ends_with('/') {
        let index = format!("{rel}index.html");
        return if exists(&index) {
            Route::File(index)
        } else {
            Route::NotFound
        };
    }
    if exists(rel) {
        return Route::File(rel.to_string());
    }
    if exists(&format!("{rel}/index.html")) {
        return Route::Redirect(301, format!("{raw_path}/{query}"));
    }
    Route::NotFound
}

/// Percent-decodes a URL path. `None` for malformed escapes, encoded `/` or `\` (which would
/// let one segment pose as several), NUL and other control characters, or invalid UTF-8.
pub fn decode_path(raw: &str) -> Option<String> {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'%' {
            let hex = |c: u8| (c as char).to_digit(16);
            let (Some(h), Some(l)) = (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            ) else {
                return None;
            };
            let decoded = (h * 16 + l) as u8;
            if decoded == b'/' || decoded == b'\\' {
                return None;
            }
            out.push(decoded);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    let s = String::from_utf8(out).ok()?;
    (!s.chars().any(char::is_control)).then_some(s)
}

/// Content-Type by file extension; text types say UTF-8.
pub fn content_type(path: &str) -> &'static str {
    let name = path.rsplit('/').next().unwrap_or(path);
    let ext = match name.rfind('.') {
        Some(0) | None => "",
        Some(i) => &name[i + 1..],
    };
    match ext.to_ascii_lowercase().as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" | "map" => "application/json; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "atom" => "application/atom+xml; charset=utf-8",
        "txt" | "" => "text/plain; charset=utf-8",
        "md" => "text/markdown; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml; charset=utf-8",
        "webmanifest" => "application/manifest+json; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "pdf" => "application/pdf",
        "wasm" => "application/wasm",
        "zip" => "application/zip",
        _ => "application/octet-stream",
    }
}

fn respond(request: &Request, shared: &Shared) -> Response {
    let Ok(served) = shared.served.read() else {
        return Response::text(500, "Internal Server Error");
    };
    let file = |status: u16, path: &str| -> Option<Response> {
        let bytes = served.files.get(path)?;
        let content_type = content_type(path);
        let body = if content_type.starts_with("text/html") {
            Body::Owned(reload::inject(
                &bytes,
                &served.overlay,
                &served.version,
                status,
            ))
        } else {
            Body::Shared(bytes)
        };
        Some(Response {
            status,
            content_type: content_type.to_string(),
            headers: Vec::new(),
            body,
        })
    };
    match route(&request.method, &request.target, &served.base, |p| {
        served.files.contains(p)
    }) {
        Route::File(path) => file(200, &path).unwrap_or_else(|| Response::text(404, "Not Found")),
        Route::Redirect(status, location) => Response::redirect(status, location),
        Route::Script => Response {
            status: 200,
            content_type: content_type("live.js").to_string(),
            headers: Vec::new(),
            body: Body::Static(SCRIPT.as_bytes()),
        },
        Route::NotFound => file(404, NOT_FOUND_FILE).unwrap_or_else(|| {
            // No 404 page (its template failed): a bare page that still shows the problems.
            let page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Not found</title></head><body><h1>Not found</h1></body></html>";
            Response {
                status: 404,
                content_type: content_type("404.html").to_string(),
                headers: Vec::new(),
                body: Body::Owned(reload::inject(
                    page.as_bytes(),
                    &served.overlay,
                    &served.version,
                    404,
                )),
            }
        }),
        Route::BadRequest => Response::text(400, "Bad Request"),
        Route::MethodNotAllowed => {
            let mut r = Response::text(405, "Method Not Allowed");
            r.headers.push(("Allow", "GET, HEAD".into()));
            r
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(p: &str) -> bool {
        [
            "index.html",
            "en/index.html",
            "en/tips/x/index.html",
            "static/css/site.css",
        ]
        .contains(&p)
    }

    #[test]
    fn routes_under_a_subpath() {
        let r = |t: &str| route("GET", t, "/handbook/", site);
        assert_eq!(r("/handbook/"), Route::File("index.html".into()));
        assert_eq!(
            r("/handbook/en/tips/x/"),
            Route::File("en/tips/x/index.html".into())
        );
        assert_eq!(
            r("/handbook/en/tips/x/?q=1"),
            Route::File("en/tips/x/index.html".into())
        );
        assert_eq!(
            r("/handbook/en/tips/x"),
            Route::Redirect(301, "/handbook/en/tips/x/".into())
        );
        assert_eq!(
            r("/handbook/en/tips/x?q=a"),
            Route::Redirect(301, "/handbook/en/tips/x/?q=a".into())
        );
        assert_eq!(r("/handbook"), Route::Redirect(301, "/handbook/".into()));
        assert_eq!(r("/"), Route::Redirect(302, "/handbook/".into()));
        assert_eq!(r("/en/"), Route::NotFound);
        assert_eq!(
            r("/handbook/static/css/site.css"),
            Route::File("static/css/site.css".into())
        );
        assert_eq!(
            r("/handbook/%73tatic/css/site.css"),
            Route::File("static/css/site.css".into())
        );
        assert_eq!(r("/handbook/nope/"), Route::NotFound);
        assert_eq!(r("/__handbook/live.js"), Route::Script);
        assert_eq!(r("/__handbook/other"), Route::NotFound);
        assert_eq!(
            route("POST", "/handbook/", "/handbook/", site),
            Route::MethodNotAllowed
        );
    }

    #[test]
    fn never_outside_the_site() {
        let r = |t: &str| route("GET", t, "/", site);
        for bad in [
            "/../etc/passwd",
            "/en/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E/%2E%2E/etc/passwd",
            "/en/%2e%2e%2fetc%2fpasswd",
            "/..%2fetc/passwd",
            "/..%5cetc/passwd",
            "/en\\..\\..\\etc\\passwd",
            "/./index.html",
            "/a%00.html",
            "/%zz",
            "/%e0%a4",
            "http://127.0.0.1/etc/passwd",
            "//etc/passwd",
            "etc/passwd",
            "*",
        ] {
            assert!(
                matches!(r(bad), Route::BadRequest | Route::NotFound),
                "{bad}: {:?}",
                r(bad)
            );
        }
        assert_eq!(r("/en//index.html"), Route::NotFound);
        assert_eq!(r("/etc/passwd"), Route::NotFound);
    }

    #[test]
    fn content_types() {
        assert_eq!(content_type("en/index.html"), "text/html; charset=utf-8");
        assert_eq!(
            content_type("static/css/site.css"),
            "text/css; charset=utf-8"
        );
        assert_eq!(
            content_type("static/js/search.js"),
            "text/javascript; charset=utf-8"
        );
        assert_eq!(
            content_type("sitemap.xml"),
            "application/xml; charset=utf-8"
        );
        assert_eq!(content_type(".nojekyll"), "text/plain; charset=utf-8");
        assert_eq!(content_type("static/fonts/a.woff2"), "font/woff2");
        assert_eq!(content_type("en/tips/pic.PNG"), "image/png");
        assert_eq!(content_type("x.bin"), "application/octet-stream");
    }

    #[test]
    fn request_heads() {
        let parse = |s: &str| read_request(&mut s.as_bytes()).unwrap();
        assert_eq!(
            parse("GET /en/ HTTP/1.1\r\nHost: x\r\n\r\n"),
            Some(Ok(Request {
                method: "GET".into(),
                target: "/en/".into(),
                keep_alive: true
            }))
        );
        assert!(matches!(
            parse("GET /en/ HTTP/1.1\r\nConnection: close\r\n\r\n"),
            Some(Ok(Request {
                keep_alive: false,
                ..
            }))
        ));
        assert!(matches!(
            parse("GET /en/ HTTP/1.0\r\n\r\n"),
            Some(Ok(Request {
                keep_alive: false,
                ..
            }))
        ));
        assert_eq!(parse("GET /en/\r\n\r\n"), Some(Err(400)));
        assert_eq!(parse("GET /en/ HTTP/2\r\n\r\n"), Some(Err(505)));
        assert_eq!(parse(""), None);
        let huge = format!(
            "GET / HTTP/1.1\r\nX: {}\r\n\r\n",
            "a".repeat(MAX_HEAD_BYTES)
        );
        assert_eq!(parse(&huge), Some(Err(431)));
        let invalid = read_request(&mut &b"GET /\xff HTTP/1.1\r\n\r\n"[..]).unwrap();
        assert_eq!(invalid, Some(Err(400)));
    }
}
