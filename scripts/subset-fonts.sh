#!/usr/bin/env bash
# Regenerate the bundled Devanagari web fonts of the default theme.
#
#   themes/default/static/fonts/NotoSansDevanagari-Regular.woff2
#   themes/default/static/fonts/NotoSansDevanagari-Bold.woff2
#   themes/default/static/fonts/OFL.txt
#
# Source: Noto Sans Devanagari from Debian's fonts-noto-core package (SIL OFL 1.1).
# Tools:  pyftsubset from fonttools, with brotli for WOFF2 (PyPI).
#
# The outputs are committed; this script only needs to run when the font or the
# character set changes. It is idempotent: the same inputs give byte-identical
# files (no timestamps are recalculated), and a file is only replaced when its
# content changed.
#
# Usage:
#   scripts/subset-fonts.sh            # subset from the installed package
#   scripts/subset-fonts.sh --install  # first apt-get/pip install the tools
#
# Environment overrides:
#   NOTO_DIR  directory holding NotoSansDevanagari-{Regular,Bold}.ttf
#             (default /usr/share/fonts/truetype/noto)
#   OUT_DIR   output directory (default <repo>/themes/default/static/fonts)
#   PYTHON    python interpreter with fonttools + brotli (default python3)
#   HINTING   "drop" (default, ~44 KB each) removes hinting; "keep" keeps the TrueType hinting (ttfautohint) that
#             Debian's build carries; "drop" removes it (--no-hinting), which
#             makes each file about a third smaller (Regular ~44 KB instead of
#             ~65 KB). Hinting only matters on Windows; Android, iOS and macOS
#             ignore it.
#
# Layout: ALL OpenType layout features are kept (--layout-features='*'); the
# conjunct, half-form, reph and mark-positioning features of Devanagari must
# never be dropped, or shaping breaks. See shared/HINDI.md §6.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NOTO_DIR="${NOTO_DIR:-/usr/share/fonts/truetype/noto}"
OUT_DIR="${OUT_DIR:-$repo_root/themes/default/static/fonts}"
PYTHON="${PYTHON:-python3}"
HINTING="${HINTING:-drop}"
DEBIAN_COPYRIGHT=/usr/share/doc/fonts-noto-core/copyright

if [[ "${1:-}" == "--install" ]]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq fonts-noto-core >/dev/null
  "$PYTHON" -m pip install -q fonttools brotli
fi

# Devanagari, Vedic Extensions, ZWNJ/ZWJ, Indian rupee sign, dotted circle
# (shown for stray combining marks), Devanagari Extended, plus the Latin
# punctuation and letters that occur inside mixed Hindi/English text.
UNICODES="U+0900-097F,U+1CD0-1CF9,U+200C-200D,U+20B9,U+25CC,U+A8E0-A8FF"
UNICODES+=",U+0020-007E,U+00A0-00FF,U+2010-2027"

for w in Regular Bold; do
  src="$NOTO_DIR/NotoSansDevanagari-$w.ttf"
  if [[ ! -f "$src" ]]; then
    echo "error: $src not found; install Debian's fonts-noto-core (or run $0 --install)" >&2
    exit 1
  fi
done
if ! "$PYTHON" -c 'import fontTools.subset, brotli' 2>/dev/null; then
  echo "error: $PYTHON lacks fonttools/brotli; pip install fonttools brotli (or run $0 --install)" >&2
  exit 1
fi

case "$HINTING" in
  keep) hinting_opt=(--hinting) ;;
  drop) hinting_opt=(--no-hinting) ;;
  *) echo "error: HINTING must be keep or drop, not '$HINTING'" >&2; exit 1 ;;
esac

mkdir -p "$OUT_DIR"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Replace $2 by $1 only if the content differs (keeps mtimes and git clean).
install_if_changed() {
  if [[ -f "$2" ]] && cmp -s "$1" "$2"; then
    echo "unchanged  $2 ($(stat -c %s "$2") bytes)"
  else
    cp "$1" "$2"
    echo "written    $2 ($(stat -c %s "$2") bytes)"
  fi
}

for w in Regular Bold; do
  "$PYTHON" -m fontTools.subset "$NOTO_DIR/NotoSansDevanagari-$w.ttf" \
    --unicodes="$UNICODES" \
    --layout-features='*' \
    --layout-scripts='*' \
    --name-IDs='*' \
    --notdef-outline \
    --no-recalc-timestamp \
    "${hinting_opt[@]}" \
    --flavor=woff2 \
    --output-file="$tmp/NotoSansDevanagari-$w.woff2"
  install_if_changed "$tmp/NotoSansDevanagari-$w.woff2" "$OUT_DIR/NotoSansDevanagari-$w.woff2"
done

# Licence: header naming the font, then the OFL 1.1 text as Debian ships it
# (the "License: OFL-1.1" stanza of the package's copyright file, unfolded).
read -r version copyright < <("$PYTHON" - "$NOTO_DIR/NotoSansDevanagari-Regular.ttf" <<'PY'
import sys
from fontTools.ttLib import TTFont
name = TTFont(sys.argv[1], lazy=True)["name"]
version = name.getDebugName(5).split(";")[0].replace("Version ", "")
print(version, name.getDebugName(0))
PY
)
pkg_version="$(dpkg-query -W -f='${Version}' fonts-noto-core 2>/dev/null || echo unknown)"

{
  cat <<HDR
Noto Sans Devanagari (Regular, Bold), version $version
$copyright
Copyright 2010, 2012-2020 Google Inc.; 2015-2020 Google LLC (per Debian's fonts-noto-core copyright file).
Noto is a trademark of Google Inc.

Files:  NotoSansDevanagari-Regular.woff2, NotoSansDevanagari-Bold.woff2
Source: Debian package fonts-noto-core $pkg_version (upstream https://github.com/notofonts/devanagari)
Modified Version: subset with fonttools' pyftsubset to Devanagari (U+0900-097F), Vedic
Extensions (U+1CD0-1CF9), ZWNJ/ZWJ, U+20B9, U+25CC, Devanagari Extended (U+A8E0-A8FF),
Basic Latin, Latin-1 and general punctuation (U+2010-2027), keeping all OpenType layout
features, and converted to WOFF2 by scripts/subset-fonts.sh.

This Font Software is licensed under the SIL Open Font License, Version 1.1.
This license is copied below, and is also available with a FAQ at:
https://openfontlicense.org

-----------------------------------------------------------
SIL OPEN FONT LICENSE Version 1.1 - 26 February 2007
-----------------------------------------------------------

HDR
  if [[ -f "$DEBIAN_COPYRIGHT" ]]; then
    # Debian's copyright format: stanza starts "License: OFL-1.1" with no
    # Files: line before it; continuation lines start with one space and " ."
    # stands for an empty line. The stanza ends at the next blank line.
    awk '
      # the standalone stanza: "License: OFL-1.1" at the start of a paragraph
      /^License: OFL-1.1$/ && prev == "" { inlic = 1; next }
      inlic && /^$/ { exit }
      inlic { sub(/^ /, ""); if ($0 == ".") $0 = ""; print }
      { prev = $0 }
    ' "$DEBIAN_COPYRIGHT" \
    | awk '
      # Join the re-wrapped lines back into one paragraph per line.
      /^$/ { if (p != "") print p; print ""; p = ""; next }
      { p = (p == "" ? $0 : p " " $0) }
      END { if (p != "") print p }
    '
  else
    echo "error: $DEBIAN_COPYRIGHT not found" >&2
    exit 1
  fi
} > "$tmp/OFL.txt"
if ! grep -q "THE FONT SOFTWARE IS PROVIDED \"AS IS\"" "$tmp/OFL.txt"; then
  echo "error: could not extract the OFL text from $DEBIAN_COPYRIGHT" >&2
  exit 1
fi
install_if_changed "$tmp/OFL.txt" "$OUT_DIR/OFL.txt"
