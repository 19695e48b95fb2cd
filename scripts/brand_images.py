"""Draw Koonto's raster brand images from the same geometry as the SVG mark (koonto/img/logo-mark.svg).

share.png (1200x630) is what chat apps and social sites show for a page without its own image;
touch-icon.png (180x180) is the home-screen icon; hero.jpg is the home page's picture (the demo's
association evening, scripts/demo_images.py). Run again after changing the mark:

    .venv/bin/python scripts/brand_images.py
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

IMG = Path(__file__).resolve().parents[1] / "design" / "static" / "koonto" / "img"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
NAVY, TEAL, YELLOW, CORAL, BLUE, WHITE = "#0b3a66", "#0f7b6c", "#f2b01e", "#e07050", "#1156a0", "#ffffff"
# The mark on a 64-unit grid: (x, y, radius, colour), as in logo-mark.svg.
MARK = [
    (32, 32, 11, NAVY),
    (32, 9.5, 8, TEAL),
    (54.5, 32, 8, YELLOW),
    (32, 54.5, 8, CORAL),
    (9.5, 32, 8, BLUE),
    (32, 32, 4.5, WHITE),
]
SCALE = 4


def mark(draw: ImageDraw.ImageDraw, left: float, top: float, size: float) -> None:
    unit = size / 64
    for x, y, r, colour in MARK:
        cx, cy = left + x * unit, top + y * unit
        draw.ellipse([cx - r * unit, cy - r * unit, cx + r * unit, cy + r * unit], fill=colour)


def share_image() -> None:
    width, height = 1200 * SCALE, 630 * SCALE
    image = Image.new("RGB", (width, height), WHITE)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, height - 90 * SCALE, width, height], fill=NAVY)
    draw.rectangle([0, height - 98 * SCALE, width, height - 90 * SCALE], fill=YELLOW)
    mark(draw, 110 * SCALE, 150 * SCALE, 250 * SCALE)
    font = ImageFont.truetype(FONT, 150 * SCALE)
    draw.text((420 * SCALE, 165 * SCALE), "Koonto", font=font, fill=NAVY)
    small = ImageFont.truetype(FONT, 34 * SCALE)
    draw.text((428 * SCALE, 350 * SCALE), "Pohjois-Savo · KAKE · ESR+", font=small, fill=TEAL)
    image.resize((1200, 630), Image.LANCZOS).save(IMG / "share.png", optimize=True)


def touch_icon() -> None:
    size = 180 * SCALE
    image = Image.new("RGB", (size, size), WHITE)
    mark(ImageDraw.Draw(image), 18 * SCALE, 18 * SCALE, 144 * SCALE)
    image.resize((180, 180), Image.LANCZOS).save(IMG / "touch-icon.png", optimize=True)


def hero() -> None:
    from demo_images import gathering  # scripts/ is on the path when this file runs

    gathering().resize((960, 540), Image.LANCZOS).save(IMG / "hero.jpg", "JPEG", quality=82, optimize=True, progressive=True)


if __name__ == "__main__":
    share_image()
    touch_icon()
    hero()
