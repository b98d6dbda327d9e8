//! `serve`, HTTP: requests in, files of the in-memory site out.
//!
//! The preview's HTTP server, on hyper (HTTP/1.1) and a small tokio runtime of its own, as
//! Zola's and mdBook's previews are built on hyper. The library does the protocol, keep-alive
//! and the deadline for a whole request head; this file keeps the rules that must be right
//! and in plain sight: what a request may reach, which clients are answered, and how many
//! connections a client may hold.
//!
//! - Files are looked up in memory by their path in the built site, so no request can reach
//!   the disk: `..` (plain or percent-encoded), encoded slashes and backslashes are refused
//!   before the lookup, and what the lookup can return is only what the build produced.
//! - A request head must arrive whole within [`HEAD_DEADLINE`] (not per read: a client that
//!   sends a byte every few seconds is cut off all the same), and a client holds at most
//!   [`PER_CLIENT`] connections: a new one closes that client's oldest connection (never an
//!   open page's event stream), so a flood of slow connections cannot keep a fresh request
//!   out, and the flood costs a task each, not a thread.
//! - The `Host` of a request must be the address the preview listens on or `localhost`: a
//!   page elsewhere that points its own domain name at 127.0.0.1 (DNS rebinding) is refused
//!   and cannot read the preview, drafts included.
//! - Every answer carries the site's Content-Security-Policy (and `frame-ancestors 'none'`,
//!   which a `<meta>` cannot say) and `X-Content-Type-Options: nosniff`.

use super::reload::{self, EVENTS_PATH, Hub, PREFIX, SCRIPT, SCRIPT_PATH};
use super::store::SiteFiles;
use crate::html::CONTENT_SECURITY_POLICY;
use crate::render::NOT_FOUND_FILE;
use bytes::Bytes;
use http_body_util::{BodyExt, Full, combinators::BoxBody};
use hyper::body::{Body, Frame, Incoming};
use hyper::header::{self, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use std::collections::{HashMap, VecDeque};
use std::convert::Infallible;
use std::io;
use std::net::{IpAddr, SocketAddr};
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::task::{Context, Poll};
use std::thread::JoinHandle;
use std::time::Duration;
use tokio::sync::{mpsc, oneshot};

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

/// State shared by the server and the rebuild loop.
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

/// A whole request head (request line and headers) must arrive within this, or the
/// connection is closed. It also bounds how long an idle keep-alive connection stays open.
pub const HEAD_DEADLINE: Duration = Duration::from_secs(10);
/// Connections one client (one address) may hold; a browser opens six per host, plus an
/// event stream per open tab.
pub const PER_CLIENT: usize = 64;
/// Connections from all clients together; more are closed at once.
const MAX_CONNECTIONS: usize = 512;
/// An open event stream sends a comment this often, so a closed tab is noticed.
const HEARTBEAT: Duration = Duration::from_secs(15);

pub struct Server {
    addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    /// Listens on `listener` and serves `shared` until [`Server::stop`] (or the process ends).
    pub fn start(listener: std::net::TcpListener, shared: Arc<Shared>) -> io::Result<Server> {
        let addr = listener.local_addr()?;
        listener.set_nonblocking(true)?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        let (stop, stopped) = oneshot::channel();
        let thread = std::thread::Builder::new()
            .name("serve-http".into())
            .spawn(move || {
                runtime.block_on(async move {
                    if let Ok(listener) = tokio::net::TcpListener::from_std(listener) {
                        accept_loop(listener, addr, shared, stopped).await;
                    }
                });
            })?;
        Ok(Server {
            addr,
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Stops accepting connections and closes the open ones.
    pub fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// One open connection, as the per-client bound sees it.
struct Conn {
    id: u64,
    /// Closes the connection.
    close: Option<oneshot::Sender<()>>,
    /// An open page's event stream: never the one closed for a newcomer.
    streaming: Arc<AtomicBool>,
}

/// Every client's open connections, oldest first.
#[derive(Default)]
struct Clients {
    by_ip: Mutex<HashMap<IpAddr, VecDeque<Conn>>>,
    total: AtomicUsize,
}

impl Clients {
    /// Registers a new connection from `ip`, closing that client's oldest other connection
    /// when it already holds [`PER_CLIENT`]. `None`: the server is full.
    fn admit(&self, ip: IpAddr, id: u64) -> Option<(oneshot::Receiver<()>, Arc<AtomicBool>)> {
        if self.total.load(Ordering::SeqCst) >= MAX_CONNECTIONS {
            return None;
        }
        let mut by_ip = self.by_ip.lock().unwrap_or_else(|e| e.into_inner());
        let conns = by_ip.entry(ip).or_default();
        if conns.len() >= PER_CLIENT {
            let oldest = conns
                .iter()
                .position(|c| !c.streaming.load(Ordering::SeqCst))?;
            if let Some(mut c) = conns.remove(oldest)
                && let Some(close) = c.close.take()
            {
                let _ = close.send(());
            }
        }
        let (close, closed) = oneshot::channel();
        let streaming = Arc::new(AtomicBool::new(false));
        conns.push_back(Conn {
            id,
            close: Some(close),
            streaming: streaming.clone(),
        });
        self.total.fetch_add(1, Ordering::SeqCst);
        Some((closed, streaming))
    }

    fn leave(&self, ip: IpAddr, id: u64) {
        let mut by_ip = self.by_ip.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(conns) = by_ip.get_mut(&ip) {
            conns.retain(|c| c.id != id);
            if conns.is_empty() {
                by_ip.remove(&ip);
            }
        }
        self.total.fetch_sub(1, Ordering::SeqCst);
    }
}

async fn accept_loop(
    listener: tokio::net::TcpListener,
    addr: SocketAddr,
    shared: Arc<Shared>,
    mut stopped: oneshot::Receiver<()>,
) {
    let clients = Arc::new(Clients::default());
    let ids = AtomicU64::new(0);
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(HEAD_DEADLINE)
        .max_buf_size(64 * 1024);
    loop {
        let (stream, peer) = tokio::select! {
            _ = &mut stopped => return,
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                // Out of file descriptors and the like: wait a little rather than spin.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let id = ids.fetch_add(1, Ordering::Relaxed);
        let Some((closed, streaming)) = clients.admit(peer.ip(), id) else {
            continue; // dropped: the server is full
        };
        let _ = stream.set_nodelay(true);
        let (shared, clients) = (shared.clone(), clients.clone());
        let connection = http.serve_connection(
            TokioIo::new(stream),
            hyper::service::service_fn(move |req| {
                let answer = answer(&req, addr, &shared, &streaming);
                async move { Ok::<_, Infallible>(answer) }
            }),
        );
        tokio::spawn(async move {
            tokio::select! {
                _ = connection => {}
                _ = closed => {}
            }
            clients.leave(peer.ip(), id);
        });
    }
}

type Answer = Response<BoxBody<Bytes, Infallible>>;

fn full(bytes: impl Into<Bytes>) -> BoxBody<Bytes, Infallible> {
    Full::new(bytes.into()).boxed()
}

/// The answer to one request, with the headers every answer carries.
fn answer(
    req: &Request<Incoming>,
    addr: SocketAddr,
    shared: &Arc<Shared>,
    streaming: &AtomicBool,
) -> Answer {
    let mut response = if !host_allowed(req.headers().get(header::HOST), addr) {
        let mut r = text(
            StatusCode::FORBIDDEN,
            &format!(
                "This preview answers only to http://{}/ and http://localhost:{}/",
                local(addr),
                addr.port()
            ),
        );
        r.headers_mut()
            .insert(header::CONNECTION, HeaderValue::from_static("close"));
        r
    } else if req.method() == Method::GET && path_of(req.uri()) == EVENTS_PATH {
        streaming.store(true, Ordering::SeqCst);
        events(shared)
    } else {
        respond(req.method().as_str(), &target_of(req.uri()), shared)
    };
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    if let Ok(csp) = HeaderValue::from_str(&format!(
        "{CONTENT_SECURITY_POLICY}; frame-ancestors 'none'"
    )) {
        headers.insert(header::CONTENT_SECURITY_POLICY, csp);
    }
    response
}

/// `addr` as a client writes it in a URL, with an unspecified address shown as loopback.
fn local(addr: SocketAddr) -> String {
    match addr.ip() {
        ip if ip.is_unspecified() && ip.is_ipv4() => format!("127.0.0.1:{}", addr.port()),
        ip if ip.is_unspecified() => format!("[::1]:{}", addr.port()),
        IpAddr::V4(ip) => format!("{ip}:{}", addr.port()),
        IpAddr::V6(ip) => format!("[{ip}]:{}", addr.port()),
    }
}

/// Whether `host` names this server: `localhost` or the address it listens on (any address
/// of this computer when it listens on all of them: a name that resolves to it is exactly
/// what DNS rebinding uses, an address is not), with this server's port or none.
pub fn host_allowed(host: Option<&HeaderValue>, addr: SocketAddr) -> bool {
    let Some(host) = host.and_then(|h| h.to_str().ok()) else {
        return false;
    };
    let (name, port) = match host.rsplit_once(':') {
        Some((name, port)) if !port.contains(']') => (name, Some(port)),
        _ => (host, None),
    };
    if port.is_some_and(|p| p.parse::<u16>().ok() != Some(addr.port())) {
        return false;
    }
    if name.eq_ignore_ascii_case("localhost") {
        return true;
    }
    let ip = name
        .strip_prefix('[')
        .and_then(|n| n.strip_suffix(']'))
        .unwrap_or(name);
    match ip.parse::<IpAddr>() {
        Ok(ip) if addr.ip().is_unspecified() => ip.is_ipv4() == addr.is_ipv4() || ip.is_loopback(),
        Ok(ip) => ip == addr.ip(),
        Err(_) => false,
    }
}

/// The request target as sent: path and query.
fn target_of(uri: &hyper::Uri) -> String {
    uri.path_and_query()
        .map_or_else(|| uri.path().to_string(), |pq| pq.as_str().to_string())
}

fn path_of(uri: &hyper::Uri) -> &str {
    uri.path()
}

fn text(status: StatusCode, body: &str) -> Answer {
    let mut r = Response::new(full(format!("{body}\n")));
    *r.status_mut() = status;
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    r
}

/// An open page's event stream: the current version first, then every broadcast, and a
/// comment every [`HEARTBEAT`]. The hub is a blocking channel; a blocking task forwards it
/// until the page goes away.
fn events(shared: &Arc<Shared>) -> Answer {
    let (tx, rx) = mpsc::channel::<Bytes>(16);
    let shared = shared.clone();
    tokio::task::spawn_blocking(move || {
        let hub = shared.hub.subscribe();
        let version = shared
            .served
            .read()
            .map(|s| s.version.clone())
            .unwrap_or_default();
        // Reconnect quickly after the server restarts.
        let first = format!("retry: 500\n\n{}", reload::frame("version", &version));
        if tx.blocking_send(Bytes::from(first)).is_err() {
            return;
        }
        loop {
            let frame = match hub.recv_timeout(HEARTBEAT) {
                Ok(frame) => Bytes::from(frame),
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                    Bytes::from_static(b": ping\n\n")
                }
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return,
            };
            if tx.blocking_send(frame).is_err() {
                return;
            }
        }
    });
    let mut r = Response::new(BoxBody::new(EventStream(rx)));
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/event-stream; charset=utf-8"),
    );
    r
}

/// The body of an event stream: frames as they come.
struct EventStream(mpsc::Receiver<Bytes>);

impl Body for EventStream {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        self.0
            .poll_recv(cx)
            .map(|frame| frame.map(|b| Ok(Frame::data(b))))
    }
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

fn respond(method: &str, target: &str, shared: &Shared) -> Answer {
    let Ok(served) = shared.served.read() else {
        return text(StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error");
    };
    let file = |status: StatusCode, path: &str| -> Option<Answer> {
        let bytes = served.files.get(path)?;
        let content_type = content_type(path);
        let body = if content_type.starts_with("text/html") {
            full(reload::inject(
                &bytes,
                &served.overlay,
                &served.version,
                status.as_u16(),
            ))
        } else {
            full(Bytes::from_owner(bytes))
        };
        let mut r = Response::new(body);
        *r.status_mut() = status;
        r.headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
        Some(r)
    };
    match route(method, target, &served.base, |p| served.files.contains(p)) {
        Route::File(path) => file(StatusCode::OK, &path)
            .unwrap_or_else(|| text(StatusCode::NOT_FOUND, "Not Found")),
        Route::Redirect(status, location) => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::FOUND);
            let mut r = text(status, status.canonical_reason().unwrap_or("Redirect"));
            if let Ok(location) = HeaderValue::from_str(&location) {
                r.headers_mut().insert(header::LOCATION, location);
            }
            r
        }
        Route::Script => {
            let mut r = Response::new(full(Bytes::from_static(SCRIPT.as_bytes())));
            r.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static(content_type("live.js")),
            );
            r
        }
        Route::NotFound => file(StatusCode::NOT_FOUND, NOT_FOUND_FILE).unwrap_or_else(|| {
            // No 404 page (its template failed): a bare page that still shows the problems.
            let page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Not found</title></head><body><h1>Not found</h1></body></html>";
            let mut r = Response::new(full(reload::inject(
                page.as_bytes(),
                &served.overlay,
                &served.version,
                404,
            )));
            *r.status_mut() = StatusCode::NOT_FOUND;
            r.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static(content_type("404.html")),
            );
            r
        }),
        Route::BadRequest => text(StatusCode::BAD_REQUEST, "Bad Request"),
        Route::MethodNotAllowed => {
            let mut r = text(StatusCode::METHOD_NOT_ALLOWED, "Method Not Allowed");
            r.headers_mut()
                .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
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
    fn hosts() {
        let local: SocketAddr = "127.0.0.1:8000".parse().unwrap();
        let any: SocketAddr = "0.0.0.0:8000".parse().unwrap();
        let v6: SocketAddr = "[::1]:8000".parse().unwrap();
        let ok = |h: &str, a: SocketAddr| host_allowed(Some(&HeaderValue::from_str(h).unwrap()), a);
        for h in ["127.0.0.1:8000", "localhost:8000", "LOCALHOST", "127.0.0.1"] {
            assert!(ok(h, local), "{h}");
        }
        for h in [
            "evil.example:8000",
            "127.0.0.1:9000",
            "127.0.0.2:8000",
            "localhost.evil.example:8000",
            "[::1]:8000",
            "",
            "127.0.0.1:8000:8000",
        ] {
            assert!(!ok(h, local), "{h}");
        }
        assert!(ok("[::1]:8000", v6) && !ok("127.0.0.1:8000", v6));
        assert!(ok("192.168.1.20:8000", any) && ok("localhost:8000", any));
        assert!(!ok("rebound.example:8000", any));
        assert!(!host_allowed(None, local));
    }

    #[test]
    fn a_client_at_its_bound_loses_its_oldest_connection_not_its_event_streams() {
        let clients = Clients::default();
        let ip: IpAddr = "127.0.0.1".parse().unwrap();
        let mut admitted = Vec::new();
        for id in 0..PER_CLIENT as u64 {
            admitted.push(clients.admit(ip, id).unwrap());
        }
        admitted[0].1.store(true, Ordering::SeqCst); // an open page's event stream
        let (mut newest, _) = clients.admit(ip, 1000).unwrap();
        assert!(admitted[0].0.try_recv().is_err(), "the event stream stays");
        assert!(
            admitted[1].0.try_recv().is_ok(),
            "the oldest other connection is closed"
        );
        assert!(newest.try_recv().is_err());
        let other: IpAddr = "127.0.0.2".parse().unwrap();
        assert!(
            clients.admit(other, 2000).is_some(),
            "another client is not affected"
        );
        clients.leave(ip, 1000);
        assert_eq!(clients.total.load(Ordering::SeqCst), PER_CLIENT + 1);
    }
}
