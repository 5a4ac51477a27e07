"""Interface art: window frames (9-slice), cursor, menu arrow, bars, side badges, title logo
and the title background (the blue comet over Mars)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np

from .font import render_text
from .noise import fractal, hash2
from .pngio import write_png
from .raster import Canvas, Color, Pen, grow, mix, ramp, rgb, strip

SIDE_COLORS: dict[str, str] = {"player": "#3a7aff", "enemy": "#e83a3a", "ally": "#40c060", "neutral": "#e0b030"}


def window(fill: Color, border: Color, accent: Color) -> np.ndarray:
    """A 24x24 9-slice window: 8-pixel corners, translucent body, bevelled metal border."""
    c = Canvas(24, 24)
    s = c.shapes
    body = s.rect(1, 1, 22, 22)
    c.fill(body, fill, alpha=225)
    frame = s.rect(0, 0, 24, 24) & ~s.rect(3, 3, 18, 18)
    c.fill(frame, border)
    c.fill(s.rect(0, 0, 24, 1) | s.rect(0, 0, 1, 24), mix(border, (255, 255, 255), 0.45))
    c.fill(s.rect(0, 23, 24, 1) | s.rect(23, 0, 1, 24), mix(border, (0, 0, 0), 0.5))
    c.fill(s.rect(2, 2, 20, 1) | s.rect(2, 2, 1, 20), mix(border, (0, 0, 0), 0.45))
    c.fill(s.rect(3, 3, 18, 1), mix(fill, (255, 255, 255), 0.12), alpha=225)
    # Corner studs in the accent colour.
    for x, y in ((1, 1), (21, 1), (1, 21), (21, 21)):
        c.fill(s.rect(x, y, 2, 2), accent)
    # Round the outer corners off.
    for x, y in ((0, 0), (23, 0), (0, 23), (23, 23)):
        c.alpha[y, x] = 0
    return c.image()


def cursor(frame: int) -> np.ndarray:
    """The map cursor: four corner brackets breathing in and out over a 32x32 tile."""
    c = Canvas(32, 32)
    s = c.shapes
    inset = (0, 1, 2, 1)[frame]
    col = (255, 255, 255)
    for sx, sy in ((0, 0), (1, 0), (0, 1), (1, 1)):
        x = inset if sx == 0 else 32 - inset - 8
        y = inset if sy == 0 else 32 - inset - 8
        hx = x if sx == 0 else x + 6
        vy = y if sy == 0 else y + 6
        c.fill(s.rect(x, vy, 8, 2) | s.rect(hx, y, 2, 8), col)
    c.outline((20, 30, 80))
    return c.image()


def arrow(frame: int) -> np.ndarray:
    c = Canvas(10, 10)
    dx = (0, 1)[frame]
    c.fill(c.shapes.poly([(1 + dx, 1), (8 + dx, 5), (1 + dx, 9)]), (255, 255, 255))
    c.fill(c.shapes.poly([(1 + dx, 5), (8 + dx, 5), (1 + dx, 9)]), (190, 210, 255))
    c.outline((20, 30, 80))
    return c.image()


def bar_frame() -> np.ndarray:
    """A 48x8 bar case; the game stretches the middle (columns 3..44) and draws the fill inside (2px inset)."""
    c = Canvas(48, 8)
    s = c.shapes
    c.fill(s.rect(0, 0, 48, 8), (24, 26, 38))
    c.fill(s.rect(1, 1, 46, 6), (10, 10, 16))
    c.fill(s.rect(0, 0, 48, 1), (120, 130, 160))
    c.fill(s.rect(0, 7, 48, 1), (50, 54, 70))
    return c.image()


def bar_fill(top: str, bottom: str) -> np.ndarray:
    """An 8x4 fill, lighter on top; tile or stretch it horizontally."""
    t, b = rgb(top), rgb(bottom)
    out = np.zeros((4, 8, 4), np.uint8)
    for y, col in enumerate((mix(t, (255, 255, 255), 0.35), t, mix(t, b, 0.5), b)):
        out[y, :, :3] = col
    out[:, :, 3] = 255
    return out


def badge(side: str) -> np.ndarray:
    """A 12x12 side marker: a coloured diamond with a light rim."""
    c = Canvas(12, 12)
    col = ramp(SIDE_COLORS[side])
    pen = Pen(c, 1.0, 0, 0, False)
    pen.part(pen.poly([(6, 0.5), (11.5, 6), (6, 11.5), (0.5, 6)]), col, gloss=True)
    glyph = {"player": "P", "enemy": "E", "ally": "A", "neutral": "N"}[side]
    ink = render_text(glyph, "small")
    m = ink[:7, :, 3] > 0
    mask = np.zeros((12, 12), bool)
    x0 = 6 - m.shape[1] // 2
    mask[2:9, x0 : x0 + m.shape[1]] = m
    c.fill(mask, (255, 255, 255))
    return c.image()


def logo() -> np.ndarray:
    """The title logo "Blue Comet Tactics": big bevelled letters with a comet streak."""
    line1 = render_text("BLUE COMET", "large")[:, :, 3] > 0
    line2 = render_text("TACTICS", "large")[:, :, 3] > 0
    big1 = np.kron(line1, np.ones((2, 2), bool))
    big2 = line2
    w = big1.shape[1] + 24
    h = big1.shape[0] + big2.shape[0] + 16
    c = Canvas(w, h)
    mask1 = np.zeros((h, w), bool)
    mask1[4 : 4 + big1.shape[0], 12 : 12 + big1.shape[1]] = big1
    mask2 = np.zeros((h, w), bool)
    x2 = w - 12 - big2.shape[1]
    y2 = 8 + big1.shape[0]
    mask2[y2 : y2 + big2.shape[0], x2 : x2 + big2.shape[1]] = big2
    # Comet streak behind the title.
    streak = c.shapes.poly([(4, h - 10), (w - 40, 12), (w - 30, 18), (10, h - 4)])
    c.fill(grow(streak, 2), (30, 80, 200), alpha=160)
    c.fill(streak, (120, 200, 255), alpha=220)
    c.fill(c.shapes.circle(w - 34, 14, 6), (240, 250, 255))
    ys = np.arange(h)[:, None] * np.ones((1, w))
    for mask, top, bottom in ((mask1, (150, 220, 255), (40, 90, 230)), (mask2, (255, 240, 160), (230, 150, 40))):
        rows = ys[mask]
        y0, y1 = rows.min(), rows.max()
        t = (ys - y0) / max(1, y1 - y0)
        for k in range(4):
            band = mask & (t >= k / 4) & (t < (k + 1) / 4 + (1 if k == 3 else 0))
            c.fill(band, mix(top, bottom, k / 3))
        c.fill(grow(mask, 1, diagonal=True) & ~mask, (255, 255, 255))
        c.fill(grow(mask, 3, diagonal=True) & ~grow(mask, 1, diagonal=True), (12, 16, 40))
    return c.image()


def title_background() -> np.ndarray:
    """640x360: stars, Mars low on the right, and the blue comet (Layzner in V-MAX) crossing the sky."""
    w, h = 640, 360
    ys, xs = np.mgrid[0:h, 0:w]
    sky_top, sky_bottom = np.array([6, 8, 24]), np.array([34, 20, 48])
    t = (ys / h)[..., None]
    img = sky_top * (1 - t) + sky_bottom * t
    nebula = fractal(w, h, 96, 5)
    img += (nebula[..., None] - 0.5).clip(0) * np.array([60, 40, 120])
    stars = hash2(xs, ys, 77)
    bright = hash2(xs, ys, 78)
    img[stars > 0.9975] = (255, 255, 255)
    img[(stars > 0.993) & (stars <= 0.9975)] = (150, 160, 200)
    # Mars: a shaded sphere with dusty surface noise and a thin atmosphere rim.
    mx, my, mr = 470.0, 430.0, 260.0
    d = np.hypot(xs + 0.5 - mx, ys + 0.5 - my) / mr
    inside = d <= 1
    nx, ny = (xs + 0.5 - mx) / mr, (ys + 0.5 - my) / mr
    nz = np.sqrt(np.clip(1 - nx * nx - ny * ny, 0, 1))
    light = np.clip(-0.55 * nx - 0.6 * ny + 0.58 * nz, 0, 1)
    surface = fractal(w, h, 48, 9)
    base = np.array([196, 88, 48]) * (0.7 + 0.5 * surface[..., None]) * (0.15 + 0.95 * light[..., None])
    craters = (fractal(w, h, 20, 13) > 0.68) & inside
    base[craters] *= 0.8
    # Quantise the planet's shading into bands for a pixel-art look.
    base = np.round(base / 12) * 12
    img[inside] = base[inside]
    rim = (d > 1) & (d < 1.03)
    img[rim] = img[rim] * 0.4 + np.array([255, 150, 110]) * 0.6 * (1 - (d[rim] - 1) / 0.03)[..., None]
    # The comet: a tapered blue tail from the upper left to a white-hot head.
    hx, hy = 430.0, 96.0
    tail = np.array([-1.0, -0.42])
    tail /= np.hypot(*tail)
    rx, ry = xs + 0.5 - hx, ys + 0.5 - hy
    along = rx * tail[0] + ry * tail[1]
    across = np.abs(-rx * tail[1] + ry * tail[0])
    width = 2 + along * 0.09
    glow = (along > -4) & (across < width * 2.2) & (along < 460)
    core = (along > -2) & (across < width * 0.8) & (along < 380)
    fade = np.clip(1 - along / 460, 0, 1)[..., None]
    img[glow] = img[glow] * (1 - 0.55 * fade[glow]) + np.array([40, 110, 255]) * 0.55 * fade[glow]
    img[core] = img[core] * (1 - 0.8 * fade[core]) + np.array([150, 220, 255]) * 0.8 * fade[core]
    streaks = (hash2(np.zeros_like(xs), np.round(across * 3).astype(np.int64), 5) > 0.8) & glow & (bright > 0.5)
    img[streaks] = np.minimum(255, img[streaks] + 40)
    head = np.hypot(rx, ry)
    img[head < 14] = img[head < 14] * 0.3 + np.array([120, 200, 255]) * 0.7
    img[head < 8] = (235, 248, 255)
    for k in range(4):  # a four-point glint on the head
        ang = k * math.pi / 2 + math.pi / 4
        ln = (
            (np.abs(rx * math.sin(ang) - ry * math.cos(ang)) < 1.0)
            & (head < 30)
            & (rx * math.cos(ang) + ry * math.sin(ang) > 0)
        )
        img[ln] = (255, 255, 255)
    out = np.zeros((h, w, 4), np.uint8)
    out[:, :, :3] = np.clip(np.round(img), 0, 255).astype(np.uint8)
    out[:, :, 3] = 255
    return out


def write(out: Path) -> list[Path]:
    images: dict[str, np.ndarray] = {
        "window": window((16, 24, 60), (110, 130, 180), (240, 200, 80)),
        "window_enemy": window((56, 14, 24), (180, 110, 120), (240, 200, 80)),
        "window_dialogue": window((10, 14, 30), (200, 210, 230), (90, 200, 255)),
        "cursor": strip([cursor(i) for i in range(4)]),
        "arrow": strip([arrow(i) for i in range(2)]),
        "bar_frame": bar_frame(),
        "bar_hp": bar_fill("#50e070", "#208040"),
        "bar_hp_low": bar_fill("#f05040", "#902020"),
        "bar_en": bar_fill("#50b0ff", "#2050c0"),
        "bar_will": bar_fill("#f0c040", "#b07010"),
        "logo": logo(),
        "title_background": title_background(),
    }
    for side in SIDE_COLORS:
        images[f"badge_{side}"] = badge(side)
    written = []
    for name, img in images.items():
        path = out / "ui" / f"{name}.png"
        write_png(path, img)
        written.append(path)
    meta = out / "ui" / "ui.json"
    meta.write_text(
        json.dumps(
            {
                "nine_slice": {"window": 8, "window_enemy": 8, "window_dialogue": 8},
                "frames": {"cursor": [32, 32, 4], "arrow": [10, 10, 2]},
                "bar_inset": 2,
                "side_colors": SIDE_COLORS,
            },
            indent=1,
            sort_keys=True,
        )
        + "\n",
        encoding="utf-8",
    )
    return [*written, meta]
