#!/usr/bin/env python3
"""Draws a word in the theme's bundled Devanagari face as an inline SVG partial.

English pages load no Devanagari font (issue 19's weight budget), so the language switch's
"हिंदी" would rely on a system font, and a machine without one shows empty boxes. The
partial this writes draws the word as outlines instead: no font file, about a kilobyte.
Shaping Devanagari (conjuncts, the vowel sign ि placed before its consonant) needs a real
shaper, so this uses HarfBuzz (uharfbuzz) and fontTools rather than hand-written code. It is
run by hand when the label or the font changes, and its output is committed:

    pip install fonttools brotli uharfbuzz
    python3 scripts/label-svg.py हिंदी > themes/default/templates/partials/label-hi.html
"""
import io
import sys

import uharfbuzz as hb
from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont

FONT = "themes/default/static/fonts/NotoSansDevanagari-Regular.woff2"


def main() -> None:
    text = sys.argv[1]
    font = TTFont(FONT)
    upem = font["head"].unitsPerEm
    # HarfBuzz reads sfnt data, not woff2: decompress through fontTools first.
    raw = io.BytesIO()
    font.flavor = None
    font.save(raw)
    face = hb.Face(raw.getvalue())
    hbfont = hb.Font(face)
    buf = hb.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    hb.shape(hbfont, buf, {})
    glyphs = font.getGlyphSet()
    order = font.getGlyphOrder()
    pen = SVGPathPen(glyphs)
    x = 0
    for info, pos in zip(buf.glyph_infos, buf.glyph_positions):
        name = order[info.codepoint]
        # Font units, y up, to SVG units, y down: flip around the baseline.
        glyphs[name].draw(TransformPen(pen, (1, 0, 0, -1, x + pos.x_offset, -pos.y_offset)))
        x += pos.x_advance
    ascent = font["hhea"].ascent
    descent = -font["hhea"].descent
    # Sized in em, like the text it stands for: the font's line box (ascent + descent) tall;
    # site.css lowers it by the descent (.label-svg) so its baseline sits on the text's.
    print(
        f'<svg class="label-svg" aria-hidden="true" focusable="false" '
        f'viewBox="0 {-ascent} {x} {ascent + descent}" '
        f'width="{x / upem:.3f}em" height="{(ascent + descent) / upem:.3f}em">'
        f'<path fill="currentColor" d="{pen.getCommands()}"/></svg>',
    )
    print(f"<!-- descent {descent / upem:.3f}em -->", file=sys.stderr)


if __name__ == "__main__":
    main()
