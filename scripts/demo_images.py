"""Draw the demo site's pictures (demo/content/images/*.jpg): flat illustrations in Koonto's colours.

The demo needs pictures for its cards and pages, and every asset of the project is made in the
project (no stock photos, no third-party files). Run it again after a change here:

    .venv/bin/python scripts/demo_images.py

Each picture is drawn at twice its size and scaled down, which smooths the edges.
"""

import math
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

OUT = Path(__file__).resolve().parents[1] / "demo" / "content" / "images"
WIDTH, HEIGHT, SCALE = 1600, 900, 2
W, H = WIDTH * SCALE, HEIGHT * SCALE

NAVY = (11, 58, 102)
BLUE = (17, 86, 150)
SKY = (205, 226, 242)
SKY_TOP = (168, 203, 230)
LAKE = (74, 136, 184)
TEAL = (15, 123, 108)
GREEN = (60, 140, 90)
DARK_GREEN = (24, 86, 62)
PINE = (16, 70, 52)
SAND = (240, 226, 196)
SUN = (255, 201, 77)
CORAL = (232, 112, 86)
PLUM = (120, 72, 140)
WHITE = (255, 255, 255)
SKIN = [(241, 200, 160), (214, 160, 120), (160, 110, 80), (250, 214, 180)]
CLOTHES = [BLUE, TEAL, CORAL, PLUM, SUN, NAVY, GREEN]


def gradient(top, bottom, height=H):
    image = Image.new("RGB", (W, height))
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / max(height - 1, 1)
        draw.line([(0, y), (W, y)], fill=tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)))
    return image


def hills(draw, base, amplitude, colour, seed, step=40):
    rng = random.Random(seed)
    phase = rng.random() * math.tau
    points = [(0, H)]
    for x in range(0, W + step, step):
        y = base - amplitude * (0.6 * math.sin(x / W * 3.1 + phase) + 0.4 * math.sin(x / W * 7.3 + phase * 2))
        points.append((x, y))
    points.append((W, H))
    draw.polygon(points, fill=colour)


def pine(draw, x, ground, height, colour=PINE):
    width = height * 0.36
    for tier in range(4):
        top = ground - height + tier * height * 0.2
        bottom = top + height * 0.38
        half = width * (0.45 + tier * 0.18) / 2
        draw.polygon([(x, top), (x - half, bottom), (x + half, bottom)], fill=colour)
    draw.rectangle([x - height * 0.03, ground - height * 0.12, x + height * 0.03, ground], fill=(90, 60, 40))


def person(draw, x, ground, height, clothes, skin, arm_up=False):
    head = height * 0.13
    body_top = ground - height * 0.72
    draw.rounded_rectangle([x - height * 0.17, body_top, x + height * 0.17, ground], radius=height * 0.14, fill=clothes)
    draw.ellipse([x - head, body_top - head * 2.2, x + head, body_top - head * 0.2], fill=skin)
    if arm_up:
        draw.line(
            [(x + height * 0.12, body_top + height * 0.12), (x + height * 0.3, body_top - height * 0.18)],
            fill=clothes,
            width=round(height * 0.08),
        )


def people_row(draw, xs, ground, height, seed):
    rng = random.Random(seed)
    for index, x in enumerate(xs):
        person(
            draw,
            x,
            ground + rng.uniform(-0.03, 0.03) * height,
            height * rng.uniform(0.88, 1.08),
            CLOTHES[(index + seed) % len(CLOTHES)],
            rng.choice(SKIN),
            arm_up=rng.random() < 0.3,
        )


def sun(draw, x, y, r):
    draw.ellipse([x - r, y - r, x + r, y + r], fill=SUN)


def landscape(seed=1, sunny=True):
    image = gradient(SKY_TOP, SKY, H)
    draw = ImageDraw.Draw(image)
    if sunny:
        sun(draw, W * 0.78, H * 0.22, H * 0.09)
    hills(draw, H * 0.52, H * 0.06, (120, 170, 150), seed)
    hills(draw, H * 0.6, H * 0.05, GREEN, seed + 1)
    draw.rectangle([0, H * 0.66, W, H], fill=LAKE)
    for i in range(14):
        y = H * (0.7 + i * 0.021)
        x = (i * 397) % W
        draw.line([(x, y), (x + W * 0.12, y)], fill=(120, 172, 210), width=SCALE * 3)
    rng = random.Random(seed)
    for _ in range(26):
        x = rng.uniform(0, W)
        pine(draw, x, H * 0.64 + rng.uniform(-8, 8) * SCALE, H * rng.uniform(0.12, 0.2))
    return image, draw


def lake_scene():
    image, draw = landscape(3)
    return image


def gathering():
    """People meeting around a table: an association's evening."""
    image = gradient((238, 244, 248), (222, 234, 242))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, H * 0.0, W * 0.34, H * 0.62], fill=(200, 222, 236))
    draw.rectangle([W * 0.05, H * 0.08, W * 0.29, H * 0.5], fill=SKY)
    draw.rectangle([W * 0.05, H * 0.36, W * 0.29, H * 0.42], fill=GREEN)
    draw.rectangle([W * 0.05, H * 0.42, W * 0.29, H * 0.5], fill=LAKE)
    for x in (0.08, 0.12, 0.2, 0.25):
        pine(draw, W * x, H * 0.4, H * 0.1)
    draw.rectangle([W * 0.05, H * 0.08, W * 0.29, H * 0.5], outline=WHITE, width=SCALE * 12)
    people_row(draw, [W * x for x in (0.22, 0.36, 0.5, 0.64, 0.78)], H * 0.78, H * 0.5, 2)
    draw.rounded_rectangle([W * 0.12, H * 0.72, W * 0.88, H * 0.8], radius=SCALE * 10, fill=(150, 100, 70))
    draw.rectangle([W * 0.15, H * 0.8, W * 0.17, H], fill=(120, 80, 55))
    draw.rectangle([W * 0.83, H * 0.8, W * 0.85, H], fill=(120, 80, 55))
    for x, colour in ((0.3, WHITE), (0.45, SUN), (0.62, WHITE)):
        draw.rounded_rectangle([W * x, H * 0.69, W * (x + 0.07), H * 0.73], radius=SCALE * 4, fill=colour)
    sun(draw, W * 0.25, H * 0.18, H * 0.04)
    return image


def football():
    """A low-threshold football evening on a summer field."""
    image = gradient(SKY_TOP, SKY, H)
    draw = ImageDraw.Draw(image)
    sun(draw, W * 0.15, H * 0.18, H * 0.08)
    hills(draw, H * 0.5, H * 0.04, (120, 170, 150), 8)
    rng = random.Random(4)
    for _ in range(20):
        pine(draw, rng.uniform(0, W), H * 0.53, H * rng.uniform(0.1, 0.16))
    draw.rectangle([0, H * 0.52, W, H], fill=(96, 170, 92))
    for i in range(6):
        draw.rectangle([0, H * (0.52 + i * 0.08), W, H * (0.56 + i * 0.08)], fill=(104, 178, 98))
    draw.line([(W * 0.82, H * 0.38), (W * 0.82, H * 0.6)], fill=WHITE, width=SCALE * 10)
    draw.line([(W * 0.98, H * 0.38), (W * 0.98, H * 0.6)], fill=WHITE, width=SCALE * 10)
    draw.line([(W * 0.82, H * 0.38), (W * 0.98, H * 0.38)], fill=WHITE, width=SCALE * 10)
    people_row(draw, [W * x for x in (0.2, 0.35, 0.55, 0.7)], H * 0.86, H * 0.46, 1)
    r = H * 0.04
    bx, by = W * 0.46, H * 0.86 - r
    draw.ellipse([bx - r, by - r, bx + r, by + r], fill=WHITE, outline=NAVY, width=SCALE * 4)
    draw.regular_polygon((bx, by, r * 0.45), 5, fill=NAVY)
    return image


def workshop():
    """A design workshop: a wall of notes and people at work."""
    image = gradient((246, 240, 230), (236, 228, 214))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle([W * 0.08, H * 0.1, W * 0.62, H * 0.58], radius=SCALE * 12, fill=WHITE)
    rng = random.Random(9)
    colours = [SUN, (255, 170, 140), (170, 220, 200), (180, 205, 240)]
    for row in range(3):
        for column in range(5):
            x = W * (0.11 + column * 0.1) + rng.uniform(-6, 6) * SCALE
            y = H * (0.14 + row * 0.14) + rng.uniform(-6, 6) * SCALE
            draw.rectangle([x, y, x + W * 0.075, y + H * 0.11], fill=rng.choice(colours))
            for line in range(3):
                ly = y + H * (0.03 + line * 0.025)
                draw.line([(x + W * 0.01, ly), (x + W * rng.uniform(0.04, 0.065), ly)], fill=(90, 90, 90), width=SCALE * 3)
    people_row(draw, [W * x for x in (0.3, 0.48, 0.74, 0.88)], H * 0.98, H * 0.52, 3)
    draw.rounded_rectangle([W * 0.64, H * 0.72, W * 0.98, H * 0.78], radius=SCALE * 8, fill=(150, 100, 70))
    return image


def online_meeting():
    """An online info session: a laptop with faces on the screen."""
    image = gradient((226, 236, 246), (206, 222, 238))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle([W * 0.2, H * 0.12, W * 0.8, H * 0.72], radius=SCALE * 24, fill=NAVY)
    draw.rounded_rectangle([W * 0.23, H * 0.16, W * 0.77, H * 0.68], radius=SCALE * 10, fill=(236, 242, 248))
    rng = random.Random(6)
    tiles = [(column, row) for row in range(2) for column in range(3)]
    for index, (column, row) in enumerate(tiles):
        x0 = W * (0.245 + column * 0.175)
        y0 = H * (0.185 + row * 0.245)
        draw.rounded_rectangle([x0, y0, x0 + W * 0.16, y0 + H * 0.22], radius=SCALE * 8, fill=(196, 214, 232))
        person(draw, x0 + W * 0.08, y0 + H * 0.22, H * 0.2, CLOTHES[index % len(CLOTHES)], rng.choice(SKIN))
    draw.polygon([(W * 0.12, H * 0.72), (W * 0.88, H * 0.72), (W * 0.95, H * 0.8), (W * 0.05, H * 0.8)], fill=(70, 90, 110))
    draw.ellipse([W * 0.83, H * 0.05, W * 0.93, H * 0.05 + W * 0.1], fill=CORAL)
    return image


def planning():
    """Planning a project: a checklist, a calendar and a pen."""
    image = gradient((232, 242, 238), (214, 232, 224))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle([W * 0.12, H * 0.12, W * 0.46, H * 0.92], radius=SCALE * 14, fill=WHITE)
    for row in range(6):
        y = H * (0.22 + row * 0.11)
        draw.rounded_rectangle([W * 0.15, y, W * 0.18, y + H * 0.05], radius=SCALE * 4, outline=TEAL, width=SCALE * 6)
        if row < 4:
            draw.line([(W * 0.155, y + H * 0.025), (W * 0.163, y + H * 0.045), (W * 0.178, y)], fill=TEAL, width=SCALE * 8)
        end = W * (0.32 + (row % 3) * 0.04)
        draw.line([(W * 0.2, y + H * 0.025), (end, y + H * 0.025)], fill=(120, 130, 140), width=SCALE * 8)
    draw.rounded_rectangle([W * 0.54, H * 0.2, W * 0.88, H * 0.8], radius=SCALE * 14, fill=WHITE)
    draw.rounded_rectangle([W * 0.54, H * 0.2, W * 0.88, H * 0.32], radius=SCALE * 14, fill=CORAL)
    draw.rectangle([W * 0.54, H * 0.28, W * 0.88, H * 0.32], fill=CORAL)
    for row in range(4):
        for column in range(6):
            x = W * (0.565 + column * 0.052)
            y = H * (0.36 + row * 0.1)
            fill = SUN if (row, column) == (2, 3) else (220, 228, 236)
            draw.rounded_rectangle([x, y, x + W * 0.04, y + H * 0.07], radius=SCALE * 4, fill=fill)
    draw.line([(W * 0.44, H * 0.86), (W * 0.6, H * 0.62)], fill=BLUE, width=SCALE * 22)
    draw.polygon([(W * 0.44, H * 0.86), (W * 0.433, H * 0.9), (W * 0.452, H * 0.875)], fill=NAVY)
    return image


def funding():
    """A funding call: an application on its way, with the support it brings."""
    image = gradient((250, 240, 214), (244, 226, 190))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle([W * 0.14, H * 0.1, W * 0.5, H * 0.9], radius=SCALE * 14, fill=WHITE)
    draw.rectangle([W * 0.17, H * 0.16, W * 0.4, H * 0.22], fill=BLUE)
    for row in range(7):
        y = H * (0.3 + row * 0.075)
        draw.line([(W * 0.17, y), (W * (0.43 if row % 3 else 0.35), y)], fill=(150, 150, 150), width=SCALE * 8)
    cx, cy, r = W * 0.68, H * 0.5, H * 0.26
    draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=SUN)
    draw.ellipse([cx - r * 0.8, cy - r * 0.8, cx + r * 0.8, cy + r * 0.8], outline=(214, 160, 40), width=SCALE * 8)
    draw.arc([cx - r * 0.45, cy - r * 0.5, cx + r * 0.45, cy + r * 0.5], 40, 320, fill=NAVY, width=SCALE * 20)
    draw.line([(cx - r * 0.55, cy - r * 0.1), (cx + r * 0.15, cy - r * 0.1)], fill=NAVY, width=SCALE * 16)
    draw.line([(cx - r * 0.55, cy + r * 0.12), (cx + r * 0.1, cy + r * 0.12)], fill=NAVY, width=SCALE * 16)
    for dx, dy in ((0.86, 0.2), (0.9, 0.76), (0.55, 0.16)):
        draw.ellipse([W * dx - 20 * SCALE, H * dy - 20 * SCALE, W * dx + 20 * SCALE, H * dy + 20 * SCALE], fill=TEAL)
    return image


def youth_art():
    """Young people painting a city wall: urban design by the young."""
    image = gradient((232, 236, 244), (214, 220, 232))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, H * 0.08, W, H * 0.7], fill=(226, 210, 190))
    for row in range(9):
        for column in range(16):
            x = column * W / 16 + (W / 32 if row % 2 else 0)
            y = H * 0.08 + row * H * 0.07
            draw.rectangle([x, y, x + W / 16 - 6 * SCALE, y + H * 0.07 - 6 * SCALE], outline=(210, 192, 170), width=SCALE * 2)
    draw.ellipse([W * 0.1, H * 0.14, W * 0.34, H * 0.56], fill=CORAL)
    draw.polygon([(W * 0.4, H * 0.6), (W * 0.52, H * 0.16), (W * 0.64, H * 0.6)], fill=TEAL)
    draw.rounded_rectangle([W * 0.66, H * 0.2, W * 0.92, H * 0.5], radius=SCALE * 40, fill=SUN)
    draw.rectangle([0, H * 0.7, W, H], fill=(150, 156, 164))
    people_row(draw, [W * x for x in (0.18, 0.42, 0.6, 0.82)], H * 0.95, H * 0.42, 5)
    return image


PICTURES = {
    "jarvimaisema": lake_scene,
    "yhdistysilta": gathering,
    "jalkapallo": football,
    "tyopaja": workshop,
    "verkkotilaisuus": online_meeting,
    "suunnittelu": planning,
    "rahoitushaku": funding,
    "kaupunkitaide": youth_art,
}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, draw_picture in PICTURES.items():
        picture = draw_picture().resize((WIDTH, HEIGHT), Image.LANCZOS).filter(ImageFilter.SMOOTH_MORE)
        path = OUT / f"{name}.jpg"
        picture.save(path, "JPEG", quality=85, optimize=True, progressive=True)
        print(f"{path.relative_to(OUT.parents[2])}: {path.stat().st_size // 1024} kB")


if __name__ == "__main__":
    main()
