#!/usr/bin/env bash
# Draws the Teams app icons from their SVG sources (ImageMagick: apt-get install imagemagick). The PNGs are
# committed; run this only after changing an SVG. Teams wants color.png 192x192 (full colour) and outline.png
# 32x32 (white on transparent).
set -euo pipefail
cd "$(dirname "$0")"
convert -background none -density 384 color.svg -resize 192x192 -alpha off -depth 8 -define png:color-type=2 ../color.png
convert -background none -density 384 outline.svg -resize 32x32 -depth 8 -define png:color-type=6 ../outline.png
