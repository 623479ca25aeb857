"""Draw the application icon (resources/icons/ocop-desktop.ico and .png) with Pillow.

The icon files are committed; re-run this only to change the drawing:

    python build_spec/make_icon.py

Pillow is needed here only, not by the program. Small sizes get the star alone, because
"OCOP" lettering is a grey smudge below 48 pixels.
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
FONT = ROOT / "resources" / "fonts" / "LiberationSerif-Bold.ttf"
GREEN, DARK_GREEN, GOLD, WHITE = (22, 128, 61), (12, 84, 38), (250, 204, 21), (255, 255, 255)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
SUPERSAMPLE = 4  # drawn large, then shrunk: Pillow's shapes have no antialiasing of their own


def _star(cx: float, cy: float, outer: float, inner: float) -> list[tuple[float, float]]:
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


def draw(size: int) -> Image.Image:
    big = size * SUPERSAMPLE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    margin = big * 0.03
    pen.rounded_rectangle(
        (margin, margin, big - margin, big - margin),
        radius=big * 0.2,
        fill=GREEN,
        outline=DARK_GREEN,
        width=max(SUPERSAMPLE, int(big * 0.025)),
    )
    if size < 48:
        pen.polygon(_star(big / 2, big * 0.53, big * 0.38, big * 0.16), fill=GOLD)
    else:
        pen.polygon(_star(big / 2, big * 0.38, big * 0.27, big * 0.115), fill=GOLD)
        font = ImageFont.truetype(str(FONT), int(big * 0.25))
        pen.text((big / 2, big * 0.80), "OCOP", font=font, fill=WHITE, anchor="mm")
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    images = [draw(s) for s in ICO_SIZES]
    largest = images[-1]
    largest.save(ICONS / "ocop-desktop.png", optimize=True)
    # Each size drawn for itself rather than shrunk from 256 by Windows.
    largest.save(ICONS / "ocop-desktop.ico", sizes=[(s, s) for s in ICO_SIZES], append_images=images[:-1])
    print(f"{ICONS / 'ocop-desktop.ico'}, {ICONS / 'ocop-desktop.png'}")


if __name__ == "__main__":
    main()
