//! Stage 4½, `build --pdf`, the first print: a PDF that Chromium wrote in, what the page
//! printed as out ([`Measure`]: how many pages, and how much room is left under the text on
//! the last one), so the second print can fill that room with "Notes" lines and lay the
//! packs out for double-sided printing with true page numbers.
//!
//! CSS cannot say where a page ends, so the first print asks the browser. Each page in that
//! print ends with an element `#print-end` that a hidden link points to; Chromium then
//! records its position as a named destination (`/Dests << /print-end [page /XYZ x y 0] >>`).
//! Reading that needs only the object structure of the file, which Chromium writes as plain
//! text (its compressed streams hold the page content, not these): the catalog, the page
//! tree and the destinations. A PDF library would parse all of it, fonts included, to answer
//! the same three questions; the few functions below read exactly what Chromium writes, and
//! a PDF they cannot read is simply not measured.

use crate::render::Measure;

/// The id of the marker at the end of a page's text in the first print.
pub const END_MARKER: &str = "print-end";

/// The top and bottom page margins of the print CSS (`@page { margin: 15mm 15mm 14mm }`).
/// Chromium writes a destination's height as if the page had no top margin: the top of the
/// text block is at the page's full height, so the room under a point is its height less
/// both margins.
const MARGINS_MM: f64 = 15.0 + 14.0;
const MM_PER_PT: f64 = 25.4 / 72.0;

/// Pages and room left of a PDF printed with the end marker; `None` when the file does not
/// have the structure Chromium writes.
pub fn measure(pdf: &[u8]) -> Option<Measure> {
    let text = String::from_utf8_lossy(pdf);
    let catalog = object_with(&text, "/Type /Catalog")?;
    let pages_root = reference_after(catalog, "/Pages ")?;
    let mut pages = Vec::new();
    collect_pages(&text, pages_root, &mut pages, 0)?;
    let dests = match reference_after(catalog, "/Dests ") {
        Some(n) => object(&text, n)?,
        None => catalog,
    };
    let at = dests.find(&format!("/{END_MARKER} ["))? + END_MARKER.len() + 3;
    let mut words = dests[at..].split_whitespace();
    let page: u32 = words.next()?.parse().ok()?;
    // `0 R /XYZ x y zoom`
    let _generation = words.next()?;
    let _r = words.next()?;
    let _xyz = words.next()?;
    let _x = words.next()?;
    let y: f64 = words.next()?.trim_end_matches(']').parse().ok()?;
    let index = pages.iter().position(|&p| p == page)?;
    let room_mm = if index + 1 == pages.len() {
        (y * MM_PER_PT - MARGINS_MM).max(0.0)
    } else {
        0.0
    };
    Some(Measure {
        pages: pages.len(),
        room_mm,
    })
}

/// The text of object `n` (between `n 0 obj` and `endobj`).
fn object(text: &str, n: u32) -> Option<&str> {
    let head = format!("{n} 0 obj");
    let mut from = 0;
    while let Some(i) = text[from..].find(&head) {
        let start = from + i;
        let at_line_start = start == 0 || text[..start].ends_with('\n');
        if at_line_start {
            let body = &text[start + head.len()..];
            return Some(&body[..body.find("endobj")?]);
        }
        from = start + head.len();
    }
    None
}

/// The first object whose text contains `needle`.
fn object_with<'t>(text: &'t str, needle: &str) -> Option<&'t str> {
    let i = text.find(needle)?;
    let start = text[..i].rfind(" 0 obj")?;
    let body = &text[start..];
    Some(&body[..body.find("endobj")?])
}

/// `n` in `<key>n 0 R`.
fn reference_after(text: &str, key: &str) -> Option<u32> {
    let at = text.find(key)? + key.len();
    text[at..].split_whitespace().next()?.parse().ok()
}

/// The page objects under the page-tree node `n`, in order.
fn collect_pages(text: &str, n: u32, out: &mut Vec<u32>, depth: usize) -> Option<()> {
    if depth > 32 {
        return None;
    }
    let node = object(text, n)?;
    if !node.contains("/Type /Pages") {
        out.push(n);
        return Some(());
    }
    let kids = &node[node.find("/Kids [")? + 7..];
    let kids = &kids[..kids.find(']')?];
    let numbers: Vec<u32> = kids
        .split_whitespace()
        .collect::<Vec<_>>()
        .chunks(3)
        .filter_map(|c| c.first()?.parse().ok())
        .collect();
    for kid in numbers {
        collect_pages(text, kid, out, depth + 1)?;
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_pages_and_the_marker_position() {
        // The structure Chromium writes, trimmed: a page tree with a nested node, and the
        // marker on the last page, 100 pt (35.3 mm) up from where the page would end without its
        // top margin.
        let pdf = b"%PDF-1.4\n1 0 obj\n<</Type /Catalog\n/Pages 9 0 R\n/Dests 10 0 R>>\nendobj\n\
            2 0 obj\n<</Type /Page\n/Parent 9 0 R>>\nendobj\n\
            3 0 obj\n<</Type /Page\n/Parent 8 0 R>>\nendobj\n\
            8 0 obj\n<</Type /Pages\n/Count 1\n/Kids [3 0 R]>>\nendobj\n\
            9 0 obj\n<</Type /Pages\n/Count 2\n/Kids [2 0 R 8 0 R]>>\nendobj\n\
            10 0 obj\n<</print-end [3 0 R /XYZ 6 100 0]>>\nendobj\n%%EOF\n";
        let m = measure(pdf).unwrap();
        assert_eq!(m.pages, 2);
        assert!(
            (m.room_mm - (100.0 * MM_PER_PT - 29.0)).abs() < 1e-9,
            "{m:?}"
        );
        // The marker on an earlier page leaves no room on the last.
        let early = String::from_utf8_lossy(pdf).replace("[3 0 R /XYZ", "[2 0 R /XYZ");
        assert_eq!(measure(early.as_bytes()).unwrap().room_mm, 0.0);
        assert!(measure(b"%PDF-1.4\nnothing").is_none());
    }
}
