#!/usr/bin/env bash
# Makes the fonts the paper forms embed (electron/services/documents/fonts/)
# from Debian's fonts-dejavu-core: the same DejaVu glyphs, without their
# TrueType hinting instructions. Hinting only steers low-resolution screen
# rasterisers; on paper and in PDF viewers the glyphs look the same, and
# every stored print (each keeps its exact PDF, fonts included) is about a
# quarter smaller without it.
#
#   sudo apt-get install fonts-dejavu-core python3-fonttools
#   bash scripts/fonts/make-form-fonts.sh
#
# Every glyph, name and layout feature is kept (--glyphs='*' --unicodes='*');
# only the instructions go (--no-hinting). The DejaVu licence allows
# modified versions under names without "Bitstream" or "Vera".
set -euo pipefail
cd "$(dirname "$0")/../.."
SRC=/usr/share/fonts/truetype/dejavu
OUT=electron/services/documents/fonts
for font in DejaVuSans DejaVuSans-Bold DejaVuSans-Oblique DejaVuSansMono DejaVuSansMono-Bold; do
  /usr/bin/python3 -m fontTools.subset "$SRC/$font.ttf" \
    --glyphs='*' --unicodes='*' --layout-features='*' --name-IDs='*' --name-languages='*' \
    --notdef-outline --no-hinting --output-file="$OUT/$font.ttf"
done
