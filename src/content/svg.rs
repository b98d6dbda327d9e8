//! Whether an SVG from `content/` is a picture and nothing more. An SVG opened on its own is a
//! document of the site's origin and may run script, so it is parsed with a real XML parser
//! (roxmltree) and every element and attribute is checked against an allow-list, after the
//! encoding is pinned to UTF-8. A substring search is not enough: namespace prefixes
//! (`<svg:script>`), UTF-16, entities from a DTD and character references (`&#106;avascript:`)
//! all hide what the browser will see, and the parser sees it the same way the browser does.

use roxmltree::{Document, Node, NodeType, ParsingOptions};

const SVG: &str = "http://www.w3.org/2000/svg";
const XLINK: &str = "http://www.w3.org/1999/xlink";
const XML: &str = "http://www.w3.org/XML/1998/namespace";
/// Namespaces whose elements a browser gives behaviour to inside an SVG document: HTML
/// (`<html:script>`, `<html:iframe>`) and MathML (links, event attributes).
const LIVE_NAMESPACES: &[&str] = &[
    "http://www.w3.org/1999/xhtml",
    "http://www.w3.org/1998/Math/MathML",
];

/// SVG elements that draw, group, describe or animate, and cannot load or run anything by
/// themselves. Not here: `script`, `foreignObject` (embeds HTML), `iframe`, `video`, `audio`,
/// `canvas`, `handler`, `listener`, `cursor`, `font-face-uri`.
#[rustfmt::skip]
const ELEMENTS: &[&str] = &[
    "svg", "g", "defs", "symbol", "use", "title", "desc", "metadata", "switch", "a", "view",
    "image", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
    "text", "tspan", "textPath",
    "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker", "style",
    "filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite",
    "feConvolveMatrix", "feDiffuseLighting", "feDisplacementMap", "feDistantLight",
    "feDropShadow", "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR", "feGaussianBlur",
    "feImage", "feMerge", "feMergeNode", "feMorphology", "feOffset", "fePointLight",
    "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
    "animate", "animateMotion", "animateTransform", "set", "mpath",
];

/// Animation elements: they may not animate `href` (a link turned into `javascript:`) or an
/// event attribute.
const ANIMATIONS: &[&str] = &["animate", "animateMotion", "animateTransform", "set"];

/// Attributes without a namespace that an SVG picture uses: geometry, presentation, text,
/// gradients, filters, animation timing. Each value is still checked for references outside
/// the file (`url(…)`). `href` is checked on its own; `data-*` and `aria-*` are allowed too.
#[rustfmt::skip]
const ATTRIBUTES: &[&str] = &[
    // core and the root element
    "id", "class", "style", "lang", "tabindex", "role", "focusable", "version", "baseProfile",
    "width", "height", "viewBox", "preserveAspectRatio", "zoomAndPan", "x", "y",
    "contentScriptType", "contentStyleType", "enable-background", "target",
    // geometry
    "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "fr", "d", "points",
    "pathLength", "transform", "transform-origin",
    // presentation
    "alignment-baseline", "baseline-shift", "clip", "clip-path", "clip-rule", "color",
    "color-interpolation", "color-interpolation-filters", "color-profile", "color-rendering",
    "cursor", "direction", "display", "dominant-baseline", "fill", "fill-opacity", "fill-rule",
    "filter", "flood-color", "flood-opacity", "font", "font-family", "font-size",
    "font-size-adjust", "font-stretch", "font-style", "font-variant", "font-weight",
    "glyph-orientation-horizontal", "glyph-orientation-vertical", "image-rendering", "kerning",
    "letter-spacing", "lighting-color", "marker", "marker-end", "marker-mid", "marker-start",
    "mask", "mask-type", "opacity", "overflow", "paint-order", "pointer-events",
    "shape-rendering", "stop-color", "stop-opacity", "stroke", "stroke-dasharray",
    "stroke-dashoffset", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit",
    "stroke-opacity", "stroke-width", "text-anchor", "text-decoration", "text-rendering",
    "unicode-bidi", "vector-effect", "visibility", "word-spacing", "writing-mode", "isolation",
    "mix-blend-mode", "solid-color", "solid-opacity", "line-height", "white-space",
    "inline-size", "shape-inside", "shape-padding", "font-feature-settings",
    // gradients, patterns, clips, masks, markers
    "gradientUnits", "gradientTransform", "spreadMethod", "offset", "patternUnits",
    "patternContentUnits", "patternTransform", "clipPathUnits", "maskUnits", "maskContentUnits",
    "markerWidth", "markerHeight", "markerUnits", "refX", "refY", "orient",
    // text
    "dx", "dy", "rotate", "textLength", "lengthAdjust", "startOffset", "method", "spacing",
    "side",
    // filters
    "filterUnits", "primitiveUnits", "filterRes", "in", "in2", "result", "stdDeviation", "mode",
    "type", "values", "tableValues", "slope", "intercept", "amplitude", "exponent", "operator",
    "k1", "k2", "k3", "k4", "order", "kernelMatrix", "divisor", "bias", "targetX", "targetY",
    "edgeMode", "kernelUnitLength", "preserveAlpha", "surfaceScale", "diffuseConstant",
    "specularConstant", "specularExponent", "azimuth", "elevation", "pointsAtX", "pointsAtY",
    "pointsAtZ", "limitingConeAngle", "scale", "xChannelSelector", "yChannelSelector", "radius",
    "baseFrequency", "numOctaves", "seed", "stitchTiles",
    // animation
    "attributeName", "attributeType", "from", "to", "by", "begin", "dur", "end", "min", "max",
    "restart", "repeatCount", "repeatDur", "calcMode", "keyTimes", "keySplines", "keyPoints",
    "additive", "accumulate", "path", "origin",
    // conditional processing
    "requiredFeatures", "requiredExtensions", "systemLanguage",
];

/// Raster images an `<image>` may embed as a `data:` URL (an exported drawing often carries
/// its bitmap this way); an image inside an SVG never runs script.
const EMBEDDED_IMAGES: &[&str] = &[
    "data:image/png;",
    "data:image/jpeg;",
    "data:image/gif;",
    "data:image/webp;",
];

/// Larger SVGs are refused before parsing: a drawing for a page is a few hundred KB at most.
pub const MAX_SVG_BYTES: usize = 5 * 1024 * 1024;

/// What to do about any refused SVG.
const ADVICE: &str = "save it again as a plain drawing (in Inkscape: Save As → Plain SVG; or run it through SVGO), or export it as PNG";

/// `Ok` when `bytes` is an SVG picture that cannot run script or load anything from outside
/// the file, else why not (with the line), followed by what to do.
pub fn check(bytes: &[u8]) -> Result<(), String> {
    match problem(bytes) {
        None => Ok(()),
        // Saving as UTF-8 is the whole fix for an encoding problem.
        Some(p) if p.contains("UTF-8") => Err(p),
        Some(p) => Err(format!("{p}; {ADVICE}")),
    }
}

fn problem(bytes: &[u8]) -> Option<String> {
    if bytes.len() > MAX_SVG_BYTES {
        return Some(format!(
            "this SVG is {:.1} MB; SVGs are limited to {} MB",
            bytes.len() as f64 / 1_048_576.0,
            MAX_SVG_BYTES / 1_048_576
        ));
    }
    let text = match utf8(bytes) {
        Ok(text) => text,
        Err(why) => return Some(why),
    };
    if let Some(why) = declared_encoding(text) {
        return Some(why);
    }
    if text.contains("<!ENTITY") {
        return Some("this SVG declares entities (`<!ENTITY`), which can expand into markup the browser runs".into());
    }
    let options = ParsingOptions {
        allow_dtd: false,
        nodes_limit: 1_000_000,
        ..ParsingOptions::default()
    };
    let doc = match Document::parse_with_options(text, options) {
        Ok(doc) => doc,
        Err(roxmltree::Error::DtdDetected) => {
            return Some("this SVG has a DTD (`<!DOCTYPE … [ … ]>`), which can declare entities that expand into markup the browser runs".into());
        }
        Err(e) => return Some(format!("this SVG is not well-formed XML ({e})")),
    };
    let root = doc.root_element();
    if root.tag_name().namespace() != Some(SVG) || root.tag_name().name() != "svg" {
        return Some("this file is not an SVG: its root element must be `<svg xmlns=\"http://www.w3.org/2000/svg\">`".into());
    }
    doc.root().descendants().find_map(|node| {
        node_problem(node).map(|why| {
            let pos = doc.text_pos_at(node.range().start);
            format!("line {}: {why}", pos.row)
        })
    })
}

/// The text of an SVG that is UTF-8 (a UTF-8 byte-order mark allowed): a browser reads a
/// UTF-16 file as UTF-16, and what the check saw must be what the browser sees.
fn utf8(bytes: &[u8]) -> Result<&str, String> {
    let utf16 = bytes.starts_with(&[0xFE, 0xFF])
        || bytes.starts_with(&[0xFF, 0xFE])
        || bytes.iter().take(4).any(|&b| b == 0);
    if utf16 {
        return Err(
            "this SVG is saved as UTF-16 (or another encoding with zero bytes); save it as UTF-8"
                .into(),
        );
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|_| "this SVG is not UTF-8 text; save it as UTF-8".into())
}

/// A problem with the XML declaration's `encoding`, which a browser would follow.
fn declared_encoding(text: &str) -> Option<String> {
    let decl = text.strip_prefix("<?xml")?;
    let decl = &decl[..decl.find("?>")?];
    let at = decl.find("encoding")?;
    let value: String = decl[at + "encoding".len()..]
        .trim_start_matches([' ', '\t', '\r', '\n', '='])
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| !matches!(c, '"' | '\''))
        .collect();
    let ok = value.eq_ignore_ascii_case("utf-8") || value.eq_ignore_ascii_case("utf8");
    (!ok).then(|| {
        format!(
            "this SVG declares the encoding `{value}`; only UTF-8 is accepted (write `encoding=\"UTF-8\"` and save the file as UTF-8)"
        )
    })
}

/// Why one node of the document is not allowed.
fn node_problem(node: Node) -> Option<String> {
    match node.node_type() {
        NodeType::PI => {
            let target = node.pi().map_or("", |pi| pi.target);
            Some(format!(
                "the processing instruction `<?{target} …?>` is not allowed (`xml-stylesheet` can load a stylesheet that runs script)"
            ))
        }
        NodeType::Element => element_problem(node),
        _ => None,
    }
}

fn element_problem(node: Node) -> Option<String> {
    let tag = node.tag_name();
    let name = tag.name();
    match tag.namespace() {
        Some(SVG) if !ELEMENTS.contains(&name) => {
            return Some(format!(
                "the element `<{name}>` is not allowed in a picture (it can run script or embed a page)"
            ));
        }
        Some(SVG) => {}
        Some(ns) if LIVE_NAMESPACES.contains(&ns) => {
            return Some(format!(
                "the element `<{name}>` is HTML or MathML, which the browser would make live inside the SVG"
            ));
        }
        // Editors' own elements (Inkscape, RDF metadata) are inert in a browser.
        Some(_) => {}
        None => {
            return Some(format!(
                "the element `<{name}>` has no namespace; every element of an SVG is in the SVG namespace"
            ));
        }
    }
    let svg = tag.namespace() == Some(SVG);
    for attr in node.attributes() {
        let (aname, value) = (attr.name(), attr.value());
        if aname.to_ascii_lowercase().starts_with("on") {
            return Some(format!("the event attribute `{aname}` runs script"));
        }
        match attr.namespace() {
            None if aname == "href" => {
                if let Some(why) = href_problem(name, value) {
                    return Some(why);
                }
            }
            Some(XLINK) if aname == "href" => {
                if let Some(why) = href_problem(name, value) {
                    return Some(why);
                }
            }
            Some(XLINK) => {}
            Some(XML) if aname == "base" => {
                return Some(
                    "`xml:base` is not allowed (it changes where every link points)".into(),
                );
            }
            Some(XML) => {}
            None if svg
                && !ATTRIBUTES.contains(&aname)
                && !aname.starts_with("data-")
                && !aname.starts_with("aria-") =>
            {
                return Some(format!(
                    "the attribute `{aname}` on `<{name}>` is not one a picture needs"
                ));
            }
            // Editors' own attributes (`inkscape:label`) are inert.
            _ => {}
        }
        if let Some(why) = css_problem(value) {
            return Some(format!("the attribute `{aname}` {why}"));
        }
        if svg && ANIMATIONS.contains(&name) && aname == "attributeName" {
            let target = value
                .rsplit(':')
                .next()
                .unwrap_or(value)
                .trim()
                .to_ascii_lowercase();
            if target == "href" || target.starts_with("on") {
                return Some(format!(
                    "`<{name}>` may not animate `{value}` (an animated link can become `javascript:`)"
                ));
            }
        }
    }
    if svg && name == "style" {
        let text: String = node.children().filter_map(|c| c.text()).collect();
        if let Some(why) = css_problem(&text) {
            return Some(format!("the stylesheet {why}"));
        }
    }
    None
}

/// Links may only point inside the file (`#id`); an `<image>` may also embed a raster image.
fn href_problem(element: &str, value: &str) -> Option<String> {
    let v = value.trim();
    let embedded = element == "image"
        && EMBEDDED_IMAGES
            .iter()
            .any(|p| v.len() >= p.len() && v[..p.len()].eq_ignore_ascii_case(p));
    if v.starts_with('#') || embedded {
        return None;
    }
    let shown: String = v.chars().take(40).collect();
    Some(format!(
        "the link `{shown}` on `<{element}>` points outside the file; an SVG may only link inside itself (`#id`)"
    ))
}

/// CSS (a `style` attribute, a presentation attribute or a `<style>` element) may refer only
/// to things inside the file: `url(#id)`, no `@import`, no escapes that could spell either.
fn css_problem(css: &str) -> Option<String> {
    let lower = css.to_ascii_lowercase();
    for bad in [
        "@import",
        "javascript:",
        "expression(",
        "-moz-binding",
        "behavior:",
        "\\",
    ] {
        if lower.contains(bad) {
            return Some(format!("holds `{bad}`, which can load or run code"));
        }
    }
    let mut rest = lower.as_str();
    while let Some(at) = rest.find("url(") {
        rest = &rest[at + 4..];
        let target = rest.trim_start_matches([' ', '\t', '\n', '\r', '"', '\'']);
        if !target.starts_with('#') {
            return Some(
                "refers to something outside the file (`url(…)` other than `url(#id)`)".into(),
            );
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(svg: &str) -> String {
        check(svg.as_bytes()).expect_err(svg)
    }

    const OPEN: &str =
        r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">"#;

    #[test]
    fn plain_drawings_pass() {
        for ok in [
            format!(
                r##"{OPEN}<defs><linearGradient id="g"><stop offset="0" stop-color="#123"/></linearGradient></defs><rect width="10" height="10" fill="url(#g)" style="stroke: url( '#g' )"/><text font-family="monospace">online</text><use xlink:href="#g"/></svg>"##
            ),
            format!(
                r##"<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- made by hand -->
{OPEN}<title>A chart</title><g inkscape:label="layer" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"><path d="M0 0L1 1" data-name="x"/></g><animate attributeName="opacity" from="0" to="1" dur="1s"/><image href="data:image/png;base64,AAAA" width="1" height="1"/><style>rect {{ fill: red }}</style></svg>"##
            ),
            format!("\u{feff}{OPEN}<a href=\"#top\"><circle r=\"1\"/></a></svg>"),
        ] {
            assert_eq!(check(ok.as_bytes()), Ok(()), "{ok}");
        }
    }

    #[test]
    fn everything_that_runs_or_loads_is_refused() {
        for (bad, why) in [
            (format!("{OPEN}<script>alert(1)</script></svg>"), "`<script>`"),
            (r#"<svg:svg xmlns:svg="http://www.w3.org/2000/svg"><svg:script>alert(1)</svg:script></svg:svg>"#.to_string(), "`<script>`"),
            (format!("{OPEN}<rect onload=\"alert(1)\"/></svg>"), "event attribute `onload`"),
            (format!("{OPEN}<rect ONCLICK = 'x()'/></svg>"), "event attribute `ONCLICK`"),
            (format!("{OPEN}<a xlink:href=\"&#106;avascript:alert(1)\"><text>x</text></a></svg>"), "the link `javascript:alert(1)`"),
            (format!("{OPEN}<a href=\"https://example.org\">x</a></svg>"), "points outside"),
            (format!("{OPEN}<foreignObject><div>x</div></foreignObject></svg>"), "`<foreignObject>`"),
            (format!("{OPEN}<a href=\"#x\"><set attributeName=\"href\" to=\"jav&#x61;script:alert(1)\"/></a></svg>"), "may not animate `href`"),
            (format!("{OPEN}<animate attributeName=\"xlink:href\" values=\"x\"/></svg>"), "may not animate"),
            (format!("{OPEN}<h:iframe xmlns:h=\"http://www.w3.org/1999/xhtml\" src=\"x\"/></svg>"), "HTML or MathML"),
            ("<!DOCTYPE svg [<!ENTITY x \"&#60;script&#62;alert(1)&#60;/script&#62;\">]><svg xmlns=\"http://www.w3.org/2000/svg\">&x;</svg>".to_string(), "entities"),
            (format!("<?xml-stylesheet type=\"text/xsl\" href=\"x.xsl\"?>{OPEN}</svg>"), "processing instruction"),
            (format!("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>{OPEN}</svg>"), "encoding `ISO-8859-1`"),
            (format!("{OPEN}<style>@import url(x.css);</style></svg>"), "`@import`"),
            (format!("{OPEN}<rect style=\"fill:url(https://x/y)\"/></svg>"), "outside the file"),
            (format!("{OPEN}<rect fill=\"u\\72 l(x)\"/></svg>"), "holds `\\`"),
            (format!("{OPEN}<rect xml:base=\"https://x/\"/></svg>"), "xml:base"),
            (format!("{OPEN}<rect kind=\"x\"/></svg>"), "attribute `kind`"),
            ("<html xmlns=\"http://www.w3.org/1999/xhtml\"><script>x</script></html>".to_string(), "not an SVG"),
            ("<svg><rect/></svg>".to_string(), "not an SVG"),
            (format!("{OPEN}<rect>"), "not well-formed"),
        ] {
            let got = refused(&bad);
            assert!(got.contains(why), "{bad}\n  gave: {got}");
            assert!(got.contains("Plain SVG") || got.contains("UTF-8"), "{got}");
        }
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(
                format!("{OPEN}</svg>")
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes),
            )
            .collect();
        assert!(check(&utf16).unwrap_err().contains("UTF-16"));
        assert!(check(b"<svg \xff>").unwrap_err().contains("not UTF-8"));
        assert!(refused(&format!("{OPEN}\n\n<script/></svg>")).starts_with("line 3: "));
    }
}
