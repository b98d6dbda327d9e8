//! Stage 4, printed worksheets: a page's public address in, a QR code of it out, as an inline
//! `<svg>` that prints sharp at any size, needs no file or network, and passes the
//! Content-Security-Policy (it is markup, not an image to load).
//!
//! The `qrcode` crate makes the matrix; the SVG is written here rather than with the crate's
//! renderer, which starts with an XML declaration (not allowed inside HTML) and draws one
//! rectangle per dark module. Here each row's runs of dark modules become strokes one module
//! wide along the row's middle (`M4 7.5h7m2 0h1`: a run, a gap, a run), a third of the bytes
//! of a filled rectangle per run, so a code of a long address stays a couple of kilobytes and
//! a print pack of seven codes stays light.

use crate::html::escape;
use qrcode::{Color, EcLevel, QrCode};
use std::fmt::Write;

/// Light modules around the code, as the QR standard asks, so scanners find its edge.
const QUIET_ZONE: usize = 4;

/// The QR code of `text` as an `<svg>` element labelled with `label` (for a screen reader
/// that meets it), or `None` when the text is too long for a QR code (about 2,300 bytes at
/// level M, far beyond any page address).
pub fn svg(text: &str, label: &str) -> Option<String> {
    // Level M: a code that survives a photocopy's specks and a folded corner, and stays
    // small for an address of about 60 characters.
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let colors = code.to_colors();
    let size = width + 2 * QUIET_ZONE;
    let mut path = String::with_capacity(width * width / 2);
    for y in 0..width {
        let row = &colors[y * width..(y + 1) * width];
        // Where the pen is on this row; `None` until the row's first run.
        let mut pen: Option<usize> = None;
        let mut x = 0;
        while x < width {
            if row[x] == Color::Dark {
                let start = x;
                while x < width && row[x] == Color::Dark {
                    x += 1;
                }
                let _ = match pen {
                    None => write!(path, "M{} {}.5", start + QUIET_ZONE, y + QUIET_ZONE),
                    Some(at) => write!(path, "m{} 0", start - at),
                };
                let _ = write!(path, "h{}", x - start);
                pen = Some(x);
            } else {
                x += 1;
            }
        }
    }
    Some(format!(
        "<svg class=\"ws-qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" \
         role=\"img\" aria-label=\"{}\" shape-rendering=\"crispEdges\"><rect width=\"{size}\" \
         height=\"{size}\" fill=\"#fff\"/><path fill=\"none\" stroke=\"#000\" d=\"{path}\"/></svg>",
        escape(label)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_becomes_a_compact_labelled_svg() {
        let s = svg(
            "https://example.org/handbook/hi/worksheets/money-runway/",
            "QR \"code\"",
        )
        .unwrap();
        assert!(s.starts_with("<svg class=\"ws-qr\""), "{s}");
        assert!(s.contains("aria-label=\"QR &quot;code&quot;\""), "{s}");
        assert!(s.ends_with("</svg>"));
        // Version 4 (33 modules) plus the quiet zone.
        assert!(s.contains("viewBox=\"0 0 41 41\""), "{s}");
        assert!(s.len() < 8_000, "{} bytes", s.len());
        // The same address, the same bytes.
        assert_eq!(
            s,
            svg(
                "https://example.org/handbook/hi/worksheets/money-runway/",
                "QR \"code\""
            )
            .unwrap()
        );
        assert!(svg(&"x".repeat(5000), "").is_none());
    }
}
