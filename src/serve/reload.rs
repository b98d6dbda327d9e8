//! `serve`, live reload: an [`Update`](crate::pipeline::preview::Update) in, events to open pages
//! and the script they run out.
//!
//! Open pages keep a server-sent-events connection (`/__handbook/events`) and
//! reload themselves when a rebuild changed them, or swap the stylesheets when only CSS
//! changed. The script and the problem overlay are added to HTML as it is served, so they
//! never reach `handbook build` output.

use crate::diagnostics::{Diagnostics, Severity};
use crate::html::escape;
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, Sender, channel};

/// Where the preview's own files live: outside any site path (slugs cannot start with `_`).
pub const PREFIX: &str = "/__handbook/";
pub const EVENTS_PATH: &str = "/__handbook/events";
pub const SCRIPT_PATH: &str = "/__handbook/live.js";

/// The client: reconnects by itself (the browser's `EventSource` does), reloads when the page
/// it shows changed (or on any change for an error or 404 page), and reloads when it missed a
/// rebuild while disconnected (the version it was served with is not the current one).
pub const SCRIPT: &str = r#"// handbook serve: live reload (added by the preview server only)
(() => {
  const me = document.currentScript;
  if (!me || !window.EventSource) return;
  const version = me.dataset.version;
  const anyChange = me.dataset.status !== '200';
  const here = () => location.pathname.replace(/index\.html$/, '');
  const swapStyles = () => {
    for (const link of document.querySelectorAll('link[rel~="stylesheet"]')) {
      const url = new URL(link.href);
      url.searchParams.set('hb-reload', String(Date.now()));
      const fresh = link.cloneNode();
      fresh.href = url.href;
      fresh.addEventListener('load', () => link.remove());
      fresh.addEventListener('error', () => fresh.remove());
      link.after(fresh);
    }
  };
  const events = new EventSource(new URL('events', me.src));
  events.addEventListener('version', (e) => {
    if (e.data !== version) location.reload();
  });
  events.addEventListener('reload', (e) => {
    let paths = null;
    try { paths = JSON.parse(e.data).paths; } catch { /* reload */ }
    if (anyChange || !Array.isArray(paths) || paths.includes(here())) location.reload();
  });
  events.addEventListener('css', swapStyles);
  document.addEventListener('click', (e) => {
    const close = e.target instanceof Element && e.target.closest('[data-hb-close]');
    if (close) close.closest('#hb-serve-overlay')?.remove();
  });
})();
"#;

/// Every open page's event stream.
#[derive(Default)]
pub struct Hub {
    clients: Mutex<Vec<Sender<String>>>,
}

impl Hub {
    /// A new stream: it receives every frame broadcast from now on.
    pub fn subscribe(&self) -> Receiver<String> {
        let (tx, rx) = channel();
        if let Ok(mut clients) = self.clients.lock() {
            clients.push(tx);
        }
        rx
    }

    /// Sends a frame to every stream; streams that ended are forgotten.
    pub fn broadcast(&self, frame: &str) {
        if let Ok(mut clients) = self.clients.lock() {
            clients.retain(|c| c.send(frame.to_string()).is_ok());
        }
    }

    #[cfg(test)]
    fn clients(&self) -> usize {
        self.clients.lock().map(|c| c.len()).unwrap_or(0)
    }
}

/// A server-sent event.
pub fn frame(event: &str, data: &str) -> String {
    let mut s = format!("event: {event}\n");
    for line in data.lines() {
        s.push_str("data: ");
        s.push_str(line);
        s.push('\n');
    }
    if data.is_empty() {
        s.push_str("data:\n");
    }
    s.push('\n');
    s
}

/// The reload event: pages at `paths` (URL paths, `None`: every page) changed.
pub fn reload_frame(paths: Option<&[String]>) -> String {
    let data = match paths {
        Some(p) => serde_json::json!({ "paths": p }),
        None => serde_json::json!({ "paths": null }),
    };
    frame("reload", &data.to_string())
}

/// The overlay listing the current problems (empty when there are none). Every message is
/// escaped: messages quote the user's text, which may contain markup.
pub fn overlay(problems: &Diagnostics) -> String {
    if problems.0.is_empty() {
        return String::new();
    }
    let errors = problems
        .0
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let mut items = String::new();
    for d in &problems.0 {
        items.push_str("<li><pre>");
        items.push_str(&escape(&d.human()));
        items.push_str("</pre></li>");
    }
    let heading = match (errors, problems.0.len()) {
        (0, n) => format!("{n} warning{}", if n == 1 { "" } else { "s" }),
        (1, _) => "1 problem".to_string(),
        (e, _) => format!("{e} problems"),
    };
    format!(
        r#"<div id="hb-serve-overlay" role="alert" data-errors="{errors}"><style>{OVERLAY_CSS}</style><div class="hb-box"><p class="hb-title">handbook serve: {heading}</p><p>The preview shows the last good version of each page. Save a fix and this page updates by itself.</p><ol>{items}</ol><button type="button" data-hb-close>Close</button></div></div>"#
    )
}

const OVERLAY_CSS: &str = "#hb-serve-overlay{position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.55);font:16px/1.5 system-ui,sans-serif;color:#1a1a1a}#hb-serve-overlay .hb-box{max-width:52rem;margin:2rem auto;padding:1rem 1.5rem;background:#fff;border-top:6px solid #b3261e;border-radius:4px}#hb-serve-overlay .hb-title{font-weight:700;color:#b3261e;margin:0 0 .5rem}#hb-serve-overlay ol{padding-left:1.5rem}#hb-serve-overlay pre{white-space:pre-wrap;word-break:break-word;margin:.25rem 0;font:14px/1.4 ui-monospace,monospace}#hb-serve-overlay button{font:inherit;padding:.25rem 1rem}";

/// `html` with the overlay and the live-reload script added before `</body>` (or at the end).
pub fn inject(html: &[u8], overlay: &str, version: &str, status: u16) -> Vec<u8> {
    let tag = format!(
        r#"<script src="{SCRIPT_PATH}" data-version="{}" data-status="{status}" defer></script>"#,
        escape(version)
    );
    let at = find_last(html, b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + overlay.len() + tag.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(overlay.as_bytes());
    out.extend_from_slice(tag.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

fn find_last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .rposition(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Diagnostic;

    #[test]
    fn overlay_escapes_messages() {
        let d = Diagnostic::error(
            "content/en/tips/<b>.md",
            3,
            "unknown field `<img src=x onerror=alert(1)>`",
        )
        .field("title");
        let html = overlay(&Diagnostics(vec![d]));
        assert!(html.contains("content/en/tips/&lt;b&gt;.md:3"), "{html}");
        assert!(
            html.contains("&lt;img src=x onerror=alert(1)&gt;"),
            "{html}"
        );
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("1 problem"));
        assert_eq!(overlay(&Diagnostics::default()), "");
    }

    #[test]
    fn injects_before_the_last_body_end() {
        let page = b"<html><body><p>x</p><!-- </body> --></body></html>";
        let out = String::from_utf8(inject(page, "<div>o</div>", "7", 200)).unwrap();
        assert!(
            out.ends_with(
                r#"<div>o</div><script src="/__handbook/live.js" data-version="7" data-status="200" defer></script></body></html>"#
            ),
            "{out}"
        );
        let out = String::from_utf8(inject(b"<p>no body", "", "1", 404)).unwrap();
        assert!(out.starts_with("<p>no body<script"), "{out}");
    }

    #[test]
    fn frames() {
        assert_eq!(frame("css", ""), "event: css\ndata:\n\n");
        assert_eq!(
            frame("version", "a\nb"),
            "event: version\ndata: a\ndata: b\n\n"
        );
        assert_eq!(
            reload_frame(Some(&["/en/".to_string()])),
            "event: reload\ndata: {\"paths\":[\"/en/\"]}\n\n"
        );
        let hub = Hub::default();
        let rx = hub.subscribe();
        hub.broadcast("x");
        assert_eq!(rx.recv().unwrap(), "x");
        drop(rx);
        hub.broadcast("y");
        assert_eq!(hub.clients(), 0);
    }
}
