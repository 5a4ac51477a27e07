"""Battle effects: weapon shots, trails, explosions, sparks, barrier flash and battle text.

Every file is a horizontal strip of equal frames; `EFFECTS` lists the frame size of each so
the game can slice them (the same table is written to effects/frames.json).
"""

from __future__ import annotations

import itertools
import json
import math
from pathlib import Path

import numpy as np

from .font import render_text
from .noise import hash2
from .pngio import write_png
from .raster import Canvas, Color, Pen, grow, mix, ramp, strip

BEAM_BLUE = ((40, 120, 255), (120, 210, 255), (235, 250, 255))
BEAM_GREEN = ((30, 200, 120), (130, 255, 190), (240, 255, 245))


def _canvas(w: int, h: int) -> tuple[Canvas, Pen]:
    c = Canvas(w, h)
    return c, Pen(c, 1.0, 0.0, 0.0, False)


def _glow_ellipse(c: Canvas, cx: float, cy: float, rx: float, ry: float, colors: tuple[Color, ...]) -> None:
    """Concentric ellipses from the outer colour to the core, for glowing shots."""
    n = len(colors)
    for i, col in enumerate(colors):
        k = 1 - i / n
        c.fill(c.shapes.ellipse(cx, cy, rx * k, ry * k), col, alpha=150 if i == 0 else 255)


def beam(frame: int, colors: tuple[Color, Color, Color] = BEAM_GREEN) -> np.ndarray:
    """A tileable 64x16 beam body (the Layzered Rifle): the core pulses, the sheath ripples."""
    c, _ = _canvas(64, 16)
    x = np.arange(64)
    for i, col in enumerate(colors):
        base = (7.0, 4.5, 2.0)[i] + (0.6 if frame % 2 else 0.0) * (1 if i == 0 else 0.5)
        # math.sin, not np.sin: the same bits on every CPU.
        ripple = [round(math.sin((xi / 64 * 4 + frame / 4) * 2 * math.pi) * (1.0 if i == 0 else 0.5)) for xi in x]
        for xi in range(64):
            half = base + ripple[xi]
            c.fill(c.shapes.rect(xi, 8 - half, 1, half * 2), col, alpha=140 if i == 0 else 255)
    return c.image()


def missile(frame: int) -> np.ndarray:
    c, pen = _canvas(32, 12)
    body = ramp("#e6e6ea")
    pen.part(pen.bar((8, 6), (26, 6), 2.4), body, gloss=True)
    pen.c.fill(pen.poly([(26, 3.6), (31, 6), (26, 8.4)]), (220, 60, 50))
    pen.part(pen.poly([(9, 3.6), (13, 3.6), (9, 0.5), (7, 0.5)]), ramp("#a0a0a8"), shadow=0)
    pen.part(pen.poly([(9, 8.4), (13, 8.4), (9, 11.5), (7, 11.5)]), ramp("#a0a0a8"), shadow=0)
    flame = (9, 6, 7, 5)[frame % 4]
    c.fill(pen.poly([(8, 3.5), (8 - flame, 6), (8, 8.5)]), (255, 150, 50))
    c.fill(pen.poly([(8, 4.8), (8 - flame * 0.55, 6), (8, 7.2)]), (255, 250, 210))
    c.outline()
    return c.image()


def knuckle_shot(frame: int) -> np.ndarray:
    """The electromagnetic smasher fist: a glowing fist with arcing sparks."""
    c, pen = _canvas(32, 32)
    glow = (90, 200, 255)
    c.fill(c.shapes.circle(17, 16, 11 + frame % 2), glow, alpha=90)
    fist = ramp("#e8eef8")
    pen.part(pen.poly([(8, 10), (20, 9), (25, 12), (25, 21), (20, 23), (8, 22)]), fist, gloss=True)
    for fy in (12, 15.5, 19):
        pen.c.fill(pen.bar((20, fy), (25, fy), 0.5), fist[1])
    pen.part(pen.poly([(2, 12), (9, 11), (9, 21), (2, 20)]), ramp("#2456d0"), shadow=0.2)
    for k in range(3):
        a = (frame * 1.7 + k * 2.1) % (2 * math.pi)
        p0 = (17 + math.cos(a) * 8, 16 + math.sin(a) * 8)
        p1 = (17 + math.cos(a + 0.5) * 13, 16 + math.sin(a + 0.5) * 13)
        c.fill(c.shapes.line(p0, p1, 1.0), (200, 240, 255))
    c.outline((10, 30, 60))
    return c.image()


def claw(frame: int) -> np.ndarray:
    """Horn on Arm: three slash arcs sweeping across, then fading."""
    c, _ = _canvas(64, 64)
    progress = (0.35, 0.7, 1.0, 1.0)[frame]
    fade = (1.0, 1.0, 0.8, 0.4)[frame]
    for k in range(3):
        off = (k - 1) * 10
        sweep = []
        for i in range(12):
            t = i / 11 * progress
            ang = math.radians(200 + t * 110)
            sweep.append((32 + off * 0.4 + math.cos(ang) * 26, 30 + off + math.sin(ang) * 26))
        for i, (a, b) in enumerate(itertools.pairwise(sweep)):
            w = 0.8 + 2.6 * math.sin(math.pi * (i + 1) / len(sweep))
            c.fill(c.shapes.line(a, b, w + 2), (255, 120, 60), alpha=round(160 * fade))
            c.fill(c.shapes.line(a, b, w), (255, 250, 230), alpha=round(255 * fade))
    return c.image()


def flamethrower(frame: int) -> np.ndarray:
    """A 64x32 flame stream, widening to the right, with flickering tongues."""
    c, _ = _canvas(64, 32)
    ys, xs = np.mgrid[0:32, 0:64]
    t = xs / 63.0
    half = 3 + t * 12
    wob = (hash2(xs // 6 + frame * 3, ys // 5, 7) - 0.5) * 6 * t
    dist = np.abs(ys + 0.5 - 16 + wob) / half
    heat = (1 - dist) * (0.6 + 0.4 * hash2(xs // 3 + frame * 5, ys // 3, 11)) * (1.1 - 0.3 * t)
    for threshold, col in (
        (0.05, (200, 50, 20)),
        (0.3, (255, 130, 30)),
        (0.55, (255, 210, 80)),
        (0.78, (255, 250, 210)),
    ):
        c.fill(heat > threshold, col)
    return c.image()


def trail(frame: int, colors: tuple[Color, Color, Color]) -> np.ndarray:
    """A tileable 64x32 comet trail (V-MAX blue, Red Power red): streaks and sparkles."""
    c, _ = _canvas(64, 32)
    ys, xs = np.mgrid[0:32, 0:64]
    dist = np.abs(ys + 0.5 - 16) / 14
    streak = hash2(np.zeros_like(xs), ys, 3 + frame) * 0.5 + 0.5
    energy = (1 - dist) * streak
    outer, mid, core = colors
    c.fill(energy > 0.15, outer, alpha=120)
    c.fill(energy > 0.4, mid, alpha=200)
    c.fill(energy > 0.7, core)
    sparkle = hash2(xs, ys, 40 + frame) > 0.985
    c.fill(sparkle & (dist < 1), (255, 255, 255))
    return c.image()


def explosion(frame: int, size: int, frames: int) -> np.ndarray:
    c, _ = _canvas(size, size)
    t = (frame + 1) / frames
    ys, xs = np.mgrid[0:size, 0:size]
    cx = cy = size / 2
    r = size * 0.48 * (0.3 + 0.7 * math.sqrt(t))
    d = np.hypot(xs + 0.5 - cx, ys + 0.5 - cy) / r
    lumps = hash2(xs // max(2, size // 12), ys // max(2, size // 12), frame + size) * 0.35
    heat = (1 - d + lumps) * (1.15 - t)
    colors = (
        (0.05, (90, 60, 60)),
        (0.25, (210, 60, 20)),
        (0.45, (255, 140, 30)),
        (0.65, (255, 220, 90)),
        (0.85, (255, 255, 230)),
    )
    smoke = t > 0.7
    if smoke:  # smoke takes over as it burns out, thinning into puffs
        colors = ((0.12, (70, 62, 66)), (0.3, (110, 96, 96)), (0.5, (180, 90, 40)), (0.7, (255, 170, 60)))
        heat = (1 - d * 0.8 + lumps * 2.2 - 0.6) * 1.4
    for threshold, col in colors:
        c.fill((heat > threshold) & (d < 1.15), col, alpha=round(255 * (1.6 - t)) if smoke else 255)
    # Debris sparks flying out
    for k in range(8):
        ang = k * math.pi / 4 + 0.3
        dist = size * 0.2 + size * 0.3 * t
        px, py = cx + math.cos(ang) * dist, cy + math.sin(ang) * dist
        if t < 0.9:
            c.fill(c.shapes.circle(px, py, max(0.8, size / 40)), (255, 230, 140))
    return c.image()


def hit_spark(frame: int) -> np.ndarray:
    c, _pen = _canvas(32, 32)
    s = (0.5, 1.0, 0.8, 0.4)[frame]
    for k in range(8):
        ang = k * math.pi / 4 + (0.4 if frame % 2 else 0)
        length = (14 if k % 2 == 0 else 8) * s
        c.fill(
            c.shapes.line((16, 16), (16 + math.cos(ang) * length, 16 + math.sin(ang) * length), 2.0 * s + 0.6),
            (255, 210, 90),
        )
    c.fill(c.shapes.circle(16, 16, 5 * s + 1), (255, 255, 230))
    return c.image()


def shield_flash(frame: int) -> np.ndarray:
    """A hexagonal energy barrier lighting up where it is struck."""
    c, _ = _canvas(64, 64)
    alpha = (120, 220, 160, 70)[frame]
    ys, xs = np.mgrid[0:64, 0:64]
    inside = ((xs + 0.5 - 32) / 28) ** 2 + ((ys + 0.5 - 32) / 30) ** 2 <= 1
    # Hex grid lines: distance to the nearest hexagon edge in a skewed lattice.
    q = (xs * 0.577 - ys * 0.333) / 6
    r = ys * 0.667 / 6
    line = (
        (np.abs(q - np.round(q)) < 0.12) | (np.abs(r - np.round(r)) < 0.12) | (np.abs(q + r - np.round(q + r)) < 0.12)
    )
    c.fill(inside, (80, 170, 255), alpha=alpha // 3)
    c.fill(inside & line, (170, 230, 255), alpha=alpha)
    edge_ring = inside & grow(~inside, 2)
    c.fill(edge_ring, (220, 245, 255), alpha=alpha)
    return c.image()


def _outlined_text(text: str, style: str, fill: Color, outline: Color, shade: Color | None = None) -> np.ndarray:
    ink = render_text(text, style, fill)
    h, w = ink.shape[:2]
    c = Canvas(w + 4, h + 4)
    mask = np.zeros((h + 4, w + 4), bool)
    mask[2 : 2 + h, 2 : 2 + w] = ink[:, :, 3] > 0
    c.fill(mask, fill)
    if shade is not None:
        # Lower half in a second colour: the classic game-text gradient.
        lower = mask.copy()
        lower[: 2 + h // 2] = False
        c.fill(lower, shade)
    c.fill(grow(mask, 1, diagonal=True) & ~mask, outline)
    c.fill(grow(mask, 2) & ~grow(mask, 1, diagonal=True), mix(outline, (0, 0, 0), 0.5))
    return c.image()


def digits(style: str) -> list[np.ndarray]:
    fill, shade, outline = {
        "damage": ((255, 255, 255), (210, 220, 240), (30, 30, 50)),
        "critical": ((255, 240, 90), (255, 130, 40), (80, 20, 20)),
        "heal": ((150, 255, 170), (60, 200, 100), (10, 50, 30)),
    }[style]
    glyphs = [_outlined_text(d, "large", fill, outline, shade) for d in "0123456789"]
    w = max(g.shape[1] for g in glyphs)
    h = max(g.shape[0] for g in glyphs)
    out = []
    for g in glyphs:
        cell = np.zeros((h, w, 4), np.uint8)
        x = (w - g.shape[1]) // 2
        cell[: g.shape[0], x : x + g.shape[1]] = g
        out.append(cell)
    return out


def word(text: str, fill: Color, shade: Color, outline: Color) -> np.ndarray:
    return _outlined_text(text, "large", fill, outline, shade)


def build() -> dict[str, list[np.ndarray]]:
    red = ((200, 30, 20), (255, 110, 60), (255, 235, 200))
    blue = ((30, 90, 255), (110, 200, 255), (240, 250, 255))
    return {
        "beam": [beam(i) for i in range(4)],
        "beam_blue": [beam(i, BEAM_BLUE) for i in range(4)],
        "missile": [missile(i) for i in range(4)],
        "knuckle_shot": [knuckle_shot(i) for i in range(4)],
        "claw": [claw(i) for i in range(4)],
        "flamethrower": [flamethrower(i) for i in range(4)],
        "vmax_trail": [trail(i, blue) for i in range(4)],
        "red_power_trail": [trail(i, red) for i in range(4)],
        "explosion": [explosion(i, 64, 8) for i in range(8)],
        "explosion_small": [explosion(i, 32, 6) for i in range(6)],
        "hit_spark": [hit_spark(i) for i in range(4)],
        "shield_flash": [shield_flash(i) for i in range(4)],
        "digits": digits("damage"),
        "digits_critical": digits("critical"),
        "digits_heal": digits("heal"),
        "critical": [word("CRITICAL!", (255, 240, 90), (255, 120, 40), (80, 20, 20))],
        "miss": [word("MISS", (200, 230, 255), (120, 160, 220), (20, 30, 60))],
        "guard": [word("GUARD", (180, 255, 200), (80, 200, 120), (10, 50, 30))],
    }


def write(out: Path) -> list[Path]:
    written = []
    table = {}
    for name, frames in build().items():
        path = out / "effects" / f"{name}.png"
        write_png(path, strip(frames))
        h, w = frames[0].shape[:2]
        table[name] = {"frame": [w, h], "frames": len(frames)}
        written.append(path)
    meta = out / "effects" / "frames.json"
    meta.write_text(json.dumps(table, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return [*written, meta]
