"""Vehicles, aircraft, buildings and people: the roster's non-SPT units, facing right."""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from .mecha import darker
from .raster import Canvas, Color, Pen, ramp

# frame index: 0-3 idle on the map; in battle 0-1 idle, 2 wind-up, 3 attack.
Draw = Callable[[Pen, int, bool], None]


def _flicker(frame: int) -> float:
    return (0.8, 1.2, 1.0, 0.6)[frame % 4]


def _exhaust(pen: Pen, at: tuple[float, float], length: float, width: float, color: Color) -> None:
    x, y = at
    pen.c.fill(pen.poly([(x, y - width), (x - length, y), (x, y + width)]), color)
    pen.c.fill(pen.poly([(x, y - width * 0.5), (x - length * 0.55, y), (x, y + width * 0.5)]), (255, 255, 235))


def _missile(pen: Pen, at: tuple[float, float], flying: bool) -> None:
    x, y = at
    pen.part(pen.bar((x - 6, y), (x + 4, y), 1.3), ramp("#e8e8e8"), shadow=0.2)
    pen.c.fill(pen.poly([(x + 4, y - 1.3), (x + 7, y), (x + 4, y + 1.3)]), (220, 60, 50))
    if flying:
        _exhaust(pen, (x - 6, y), 9, 1.6, (255, 170, 60))


def _wheel(pen: Pen, x: float, y: float, r: float, frame: int) -> None:
    pen.part(pen.ell(x, y, r, r), ramp("#2c2a30"), shadow=0.3)
    pen.part(pen.ell(x, y, r * 0.5, r * 0.5), ramp("#9a9aa4"), shadow=0.2, line=False)
    # A spoke mark that turns between frames so the wheels read as rolling.
    ang = frame * 0.8
    pen.c.fill(pen.ell(x + math.cos(ang) * r * 0.3, y + math.sin(ang) * r * 0.3, r * 0.16, r * 0.16), (40, 40, 48))


def buggy(pen: Pen, frame: int, small: bool) -> None:
    k = 1.0
    bob = (0, -0.6, 0, 0.6)[frame % 4] * k
    body, trim = ramp("#e07a28"), ramp("#ecebe2")
    cx, gy = 50, 86
    pen.part(
        pen.poly(
            [
                (cx - 36 * k, gy - 20 * k + bob),
                (cx + 26 * k, gy - 20 * k + bob),
                (cx + 38 * k, gy - 12 * k + bob),
                (cx + 36 * k, gy - 6 * k + bob),
                (cx - 38 * k, gy - 6 * k + bob),
            ]
        ),
        body,
        gloss=True,
    )
    pen.part(
        pen.poly(
            [
                (cx - 30 * k, gy - 20 * k + bob),
                (cx + 6 * k, gy - 20 * k + bob),
                (cx + 12 * k, gy - 34 * k + bob),
                (cx - 22 * k, gy - 34 * k + bob),
            ]
        ),
        trim,
        gloss=True,
    )
    pen.part(
        pen.poly(
            [
                (cx + 2 * k, gy - 21 * k + bob),
                (cx + 11 * k, gy - 21 * k + bob),
                (cx + 12 * k, gy - 32 * k + bob),
                (cx + 7 * k, gy - 32 * k + bob),
            ]
        ),
        ramp("#70c8f0"),
        shadow=0.1,
    )
    pen.part(
        pen.bar((cx - 26 * k, gy - 34 * k + bob), (cx - 30 * k, gy - 50 * k + bob), 0.9), ramp("#808088"), shadow=0
    )
    blink = (255, 80, 60) if frame % 2 else (120, 40, 40)
    pen.c.fill(pen.ell(cx - 30 * k, gy - 51 * k + bob, 2.2 * k, 2.2 * k), blink)
    pen.c.fill(pen.ell(cx + 34 * k, gy - 12 * k + bob, 2.4 * k, 2.0 * k), (255, 240, 160))
    for wx in (-26, 0, 26):
        _wheel(pen, cx + wx * k, gy - 2 * k, 8 * k, frame)
    pen.mark("muzzle", cx + 36 * k, gy - 12 * k)
    if frame == 3 and not small:
        pen.c.fill(pen.poly([(cx + 37, gy - 14), (cx + 60, gy - 22), (cx + 60, gy - 4)]), (255, 250, 200))


def astrohawk(pen: Pen, frame: int, small: bool) -> None:
    k = 1.0
    hull, dark = ramp("#ecedf2"), ramp("#2a2c38")
    cx, cy = 50, 56 + (0, -0.8, -0.8, 0)[frame % 4]
    pen.part(
        pen.poly(
            [
                (cx - 18 * k, cy - 2 * k),
                (cx + 10 * k, cy + 1 * k),
                (cx - 6 * k, cy + 18 * k),
                (cx - 30 * k, cy + 20 * k),
            ]
        ),
        darker(hull, 0.1),
        gloss=True,
    )
    pen.part(
        pen.poly(
            [
                (cx - 40 * k, cy - 10 * k),
                (cx + 30 * k, cy - 10 * k),
                (cx + 44 * k, cy - 4 * k),
                (cx + 46 * k, cy + 2 * k),
                (cx + 30 * k, cy + 8 * k),
                (cx - 40 * k, cy + 8 * k),
            ]
        ),
        hull,
        gloss=True,
    )
    pen.part(
        pen.poly(
            [
                (cx + 30 * k, cy - 10 * k),
                (cx + 44 * k, cy - 4 * k),
                (cx + 46 * k, cy + 2 * k),
                (cx + 30 * k, cy + 8 * k),
            ]
        ),
        dark,
    )
    pen.part(
        pen.poly(
            [(cx + 28 * k, cy - 9 * k), (cx + 36 * k, cy - 7 * k), (cx + 34 * k, cy - 3 * k), (cx + 27 * k, cy - 4 * k)]
        ),
        ramp("#60b0e8"),
        shadow=0,
    )
    pen.part(
        pen.poly(
            [
                (cx - 40 * k, cy - 10 * k),
                (cx - 30 * k, cy - 10 * k),
                (cx - 36 * k, cy - 28 * k),
                (cx - 42 * k, cy - 28 * k),
            ]
        ),
        hull,
    )
    pen.c.fill(
        pen.poly([(cx - 10 * k, cy - 3 * k), (cx + 18 * k, cy - 3 * k), (cx + 18 * k, cy + 0 * k), (cx - 10 * k, cy)]),
        (40, 90, 200),
    )
    if not small:
        pen.c.fill(pen.rect(cx - 30, cy + 1, 14, 3), (200, 40, 40))
    for ny in (-5, 3):
        pen.part(
            pen.poly(
                [
                    (cx - 44 * k, cy + (ny - 3) * k),
                    (cx - 40 * k, cy + (ny - 3) * k),
                    (cx - 40 * k, cy + (ny + 3) * k),
                    (cx - 44 * k, cy + (ny + 3) * k),
                ]
            ),
            dark,
            shadow=0,
        )
        _exhaust(pen, (cx - 44 * k, cy + ny * k), 14 * k * _flicker(frame), 3 * k, (110, 200, 255))
    pen.mark("muzzle", cx + 46 * k, cy + 12)
    if frame in (2, 3) and not small:
        _missile(pen, (cx + 12 + (frame - 2) * 30, cy + 12), frame == 3)


def _jet(pen: Pen, frame: int, small: bool, body: str, mark: Color, twin_tail: bool) -> None:
    k = 1.05 if small else 1.0
    hull = ramp(body)
    cx, cy = 48, 52 + (0, -1, -1, 0)[frame % 4]
    # far wing, fuselage, near wing, canopy
    pen.part(
        pen.poly(
            [
                (cx - 4 * k, cy - 3 * k),
                (cx - 22 * k, cy - 22 * k),
                (cx - 28 * k, cy - 22 * k),
                (cx - 20 * k, cy - 2 * k),
            ]
        ),
        darker(hull, 0.25),
    )
    pen.part(
        pen.poly(
            [
                (cx - 38 * k, cy - 4 * k),
                (cx + 20 * k, cy - 5 * k),
                (cx + 44 * k, cy),
                (cx + 20 * k, cy + 5 * k),
                (cx - 38 * k, cy + 4 * k),
            ]
        ),
        hull,
        gloss=True,
    )
    tails = [(-34, -20)] + ([(-30, -16)] if twin_tail else [])
    for tx, top in tails:
        pen.part(
            pen.poly(
                [
                    (cx + (tx - 6) * k, cy - 3 * k),
                    (cx + (tx + 6) * k, cy - 3 * k),
                    (cx + (tx - 2) * k, cy + top * k),
                    (cx + (tx - 8) * k, cy + top * k),
                ]
            ),
            hull if tx == -34 else darker(hull, 0.2),
        )
    pen.part(
        pen.poly(
            [
                (cx + 2 * k, cy + 2 * k),
                (cx - 14 * k, cy + 26 * k),
                (cx - 22 * k, cy + 26 * k),
                (cx - 18 * k, cy + 2 * k),
            ]
        ),
        hull,
        gloss=True,
    )
    pen.part(pen.ell(cx + 20 * k, cy - 5 * k, 8 * k, 3.2 * k), ramp("#58a8e0"), gloss=True)
    pen.c.fill(pen.ell(cx - 12 * k, cy + 14 * k, 3.2 * k, 3.2 * k), mark)
    _exhaust(pen, (cx - 38 * k, cy), 14 * k * _flicker(frame), 3 * k, (255, 150, 60))
    pen.mark("muzzle", cx + 36 * k, cy + 9)
    if frame in (2, 3) and not small:
        _missile(pen, (cx - 4 + (frame - 2) * 34, cy + 9), frame == 3)


def soviet_jet(pen: Pen, frame: int, small: bool) -> None:
    _jet(pen, frame, small, "#7c8a7a", (220, 40, 40), twin_tail=False)


def us_jet(pen: Pen, frame: int, small: bool) -> None:
    _jet(pen, frame, small, "#9aa4b4", (40, 70, 170), twin_tail=True)


def hovercraft(pen: Pen, frame: int, small: bool) -> None:
    k = 1.05 if small else 1.0
    hull, skirt = ramp("#6c7a4c"), ramp("#2a2a2e")
    cx, gy = 50, 82 + (0, -0.8, -0.8, 0)[frame % 4]
    pen.part(
        pen.poly(
            [(cx - 40 * k, gy - 4 * k), (cx + 40 * k, gy - 4 * k), (cx + 36 * k, gy + 5 * k), (cx - 38 * k, gy + 5 * k)]
        ),
        skirt,
    )
    pen.part(
        pen.poly(
            [
                (cx - 38 * k, gy - 16 * k),
                (cx + 30 * k, gy - 16 * k),
                (cx + 42 * k, gy - 6 * k),
                (cx - 40 * k, gy - 4 * k),
            ]
        ),
        hull,
        gloss=True,
    )
    pen.part(
        pen.poly(
            [
                (cx - 8 * k, gy - 16 * k),
                (cx + 18 * k, gy - 16 * k),
                (cx + 12 * k, gy - 28 * k),
                (cx - 4 * k, gy - 28 * k),
            ]
        ),
        ramp("#c8c0a0"),
        gloss=True,
    )
    pen.part(
        pen.poly(
            [
                (cx + 6 * k, gy - 18 * k),
                (cx + 15 * k, gy - 18 * k),
                (cx + 11 * k, gy - 26 * k),
                (cx + 6 * k, gy - 26 * k),
            ]
        ),
        ramp("#70c0e0"),
        shadow=0,
    )
    pen.part(pen.ell(cx - 30 * k, gy - 26 * k, 5 * k, 12 * k), ramp("#3a3e44"))
    spin = frame % 2
    pen.c.fill(
        pen.bar((cx - 30 * k, gy - (36 - spin * 4) * k), (cx - 30 * k, gy - (16 + spin * 4) * k), 1.2 * k),
        (190, 190, 200),
    )
    pen.c.fill(pen.bar((cx - 34 * k, gy - 10 * k), (cx + 34 * k, gy - 10 * k), 0.9 * k), (230, 200, 60))
    for i in range(3):
        sx = cx - 40 * k - i * 6 * k - frame * 2 * k
        pen.c.fill(pen.ell(sx, gy + 3 * k, 3 * k - i * 0.6 * k, 2 * k), (200, 220, 240), alpha=200 - i * 50)
    pen.mark("muzzle", cx + 31 * k, gy - 35 * k)
    if frame in (2, 3) and not small:
        pen.part(pen.bar((cx + 10, gy - 30), (cx + 28, gy - 34), 1.4), ramp("#40444c"), shadow=0)
        if frame == 3:
            pen.c.fill(pen.ell(cx + 31, gy - 35, 4, 4), (255, 230, 140))


def limousine(pen: Pen, frame: int, small: bool) -> None:
    k = 1.0
    body, chrome = ramp("#26242e"), ramp("#c8ccd8")
    cx, gy = 50, 80
    pen.part(
        pen.poly(
            [
                (cx - 44 * k, gy - 16 * k),
                (cx + 38 * k, gy - 16 * k),
                (cx + 46 * k, gy - 10 * k),
                (cx + 46 * k, gy - 2 * k),
                (cx - 46 * k, gy - 2 * k),
                (cx - 46 * k, gy - 12 * k),
            ]
        ),
        body,
        gloss=True,
    )
    pen.part(
        pen.poly(
            [
                (cx - 30 * k, gy - 16 * k),
                (cx + 18 * k, gy - 16 * k),
                (cx + 12 * k, gy - 26 * k),
                (cx - 24 * k, gy - 26 * k),
            ]
        ),
        body,
        gloss=True,
    )
    pen.part(
        pen.poly(
            [
                (cx - 26 * k, gy - 17 * k),
                (cx + 15 * k, gy - 17 * k),
                (cx + 10 * k, gy - 24 * k),
                (cx - 21 * k, gy - 24 * k),
            ]
        ),
        ramp("#50607a"),
        shadow=0.2,
    )
    pen.c.fill(pen.bar((cx - 44 * k, gy - 9 * k), (cx + 45 * k, gy - 9 * k), 0.7 * k), chrome[3])
    for fx in (36, -40):
        pen.part(pen.bar((cx + fx * k, gy - 16 * k), (cx + fx * k, gy - 30 * k), 0.6), chrome, shadow=0)
        wave = (frame % 2) * 1.5
        pen.c.fill(
            pen.poly(
                [
                    (cx + fx * k, gy - 30 * k),
                    (cx + (fx - 9) * k, gy - (29 - wave) * k),
                    (cx + (fx - 9) * k, gy - (24 - wave) * k),
                    (cx + fx * k, gy - 25 * k),
                ]
            ),
            (120, 60, 170),
        )
    for wx in (-30, 30):
        _wheel(pen, cx + wx * k, gy - 1 * k, 6.5 * k, frame)
    pen.mark("muzzle", cx + 45 * k, gy - 8 * k)
    lamp = (255, 240, 170) if frame != 3 else (255, 255, 255)
    pen.c.fill(pen.ell(cx + 45 * k, gy - 8 * k, 1.8 * k, 1.8 * k), lamp)


def mars_base(pen: Pen, frame: int, small: bool) -> None:
    k = 1.0
    wall, dome, blue = ramp("#c8c4bc"), ramp("#dcdfe6"), ramp("#3868c8")
    cx, gy = 50, 92
    pen.part(
        pen.poly([(cx - 46 * k, gy - 22 * k), (cx + 46 * k, gy - 22 * k), (cx + 46 * k, gy), (cx - 46 * k, gy)]),
        wall,
        gloss=True,
    )
    pen.part(pen.ell(cx - 8 * k, gy - 22 * k, 28 * k, 26 * k) & pen.above(gy - 22 * k), dome, gloss=True)
    pen.part(
        pen.poly(
            [
                (cx + 20 * k, gy - 40 * k),
                (cx + 44 * k, gy - 40 * k),
                (cx + 44 * k, gy - 22 * k),
                (cx + 20 * k, gy - 22 * k),
            ]
        ),
        wall,
    )
    pen.c.fill(pen.bar((cx - 46 * k, gy - 14 * k), (cx + 46 * k, gy - 14 * k), 2.0 * k), blue[2])
    for wx in (-34, -20, 24, 36):
        pen.c.fill(
            pen.ell(cx + wx * k, gy - 8 * k, 2.6 * k, 2.6 * k), (255, 220, 120) if (frame + wx) % 3 else (120, 200, 255)
        )
    pen.part(pen.bar((cx + 32 * k, gy - 40 * k), (cx + 32 * k, gy - 60 * k), 1.0), ramp("#8a8a94"), shadow=0)
    pen.part(pen.ell(cx + 32 * k, gy - 60 * k, 9 * k, 3.5 * k), dome)
    light = (255, 60, 60) if frame % 2 == 0 else (255, 200, 200)
    pen.c.fill(pen.ell(cx - 8 * k, gy - 49 * k, 2.5 * k, 2.5 * k), light)
    pen.c.fill(pen.poly([(cx - 8 * k, gy - 64 * k), (cx + 6 * k, gy - 62 * k), (cx - 8 * k, gy - 58 * k)]), blue[3])
    pen.c.fill(pen.bar((cx - 8 * k, gy - 48 * k), (cx - 8 * k, gy - 64 * k), 0.5 * k), (200, 200, 210))
    pen.mark("muzzle", cx - 8 * k, gy - 49 * k)
    if frame == 3 and not small:
        pen.c.fill(pen.ell(cx - 8, gy - 49, 6, 6), (255, 90, 70), alpha=150)


def cusco_shrine(pen: Pen, frame: int, small: bool) -> None:
    k = 1.1 if small else 1.0
    stone, dark, gold = ramp("#a89a80"), ramp("#6c604c"), ramp("#e8b830")
    cx, gy = 50, 94
    for i, (w, h) in enumerate(((46, 14), (38, 12), (30, 12), (20, 12))):
        y = gy - sum(hh for _, hh in ((46, 14), (38, 12), (30, 12), (20, 12))[:i]) * k
        pen.part(
            pen.poly([(cx - w * k, y), (cx + w * k, y), (cx + (w - 3) * k, y - h * k), (cx - (w - 3) * k, y - h * k)]),
            stone if i % 2 == 0 else darker(stone, 0.08),
            gloss=not small,
        )
        if not small:
            for bx in range(-w + 8, w - 4, 10):
                pen.c.fill(pen.bar((cx + bx, y - h * 0.5), (cx + bx, y - 1), 0.4), stone[1])
    pen.part(
        pen.poly([(cx - 6 * k, gy), (cx + 6 * k, gy), (cx + 4 * k, gy - 18 * k), (cx - 4 * k, gy - 18 * k)]),
        dark,
        shadow=0,
    )
    top = gy - 50 * k
    pen.mark("muzzle", cx, top - 8 * k)
    pen.part(pen.ell(cx, top - 8 * k, 9 * k, 9 * k), gold, gloss=True)
    pen.c.fill(pen.ring(cx, top - 8 * k, 9 * k, 1.5 * k), gold[1])
    if frame in (1, 2):
        gx, gyy = cx - 3 * k, top - 11 * k
        pen.c.fill(pen.bar((gx - 4 * k, gyy), (gx + 4 * k, gyy), 0.5 * k), (255, 255, 255))
        pen.c.fill(pen.bar((gx, gyy - 4 * k), (gx, gyy + 4 * k), 0.5 * k), (255, 255, 255))
    if frame == 3 and not small:
        pen.c.fill(pen.ring(cx, top - 8, 15, 2), (255, 230, 120), alpha=160)


def civilian(pen: Pen, frame: int, small: bool) -> None:
    k = 1.7 if small else 1.0
    skin, jacket, pants, hair = ramp("#f0c8a0"), ramp("#d86a3a"), ramp("#3a4a6a"), ramp("#6a4028")
    cx, gy = 50, 94
    bob = (0, -0.5, 0, -0.5)[frame % 4] * k
    step = (frame % 2) * 2.5 * k if not small else 0
    pen.part(pen.bar((cx - 3 * k, gy - 20 * k + bob), (cx - 5 * k - step, gy - 2 * k), 2.2 * k), darker(pants, 0.2))
    pen.part(pen.bar((cx + 3 * k, gy - 20 * k + bob), (cx + 5 * k + step, gy - 2 * k), 2.2 * k), pants)
    for fx in (-5 - step / k, 5 + step / k):
        pen.part(pen.ell(cx + fx * k + 1.5 * k, gy - 1.5 * k, 3.2 * k, 1.8 * k), ramp("#3a2a22"), shadow=0)
    pen.part(
        pen.poly(
            [
                (cx - 7 * k, gy - 38 * k + bob),
                (cx + 7 * k, gy - 38 * k + bob),
                (cx + 8 * k, gy - 18 * k + bob),
                (cx - 8 * k, gy - 18 * k + bob),
            ]
        ),
        jacket,
        gloss=True,
    )
    wave = frame in (1, 2)
    hand = (cx + 13 * k, gy - (46 if wave else 24) * k + bob)
    pen.mark("muzzle", *hand)
    pen.part(pen.bar((cx + 6 * k, gy - 36 * k + bob), hand, 2.0 * k), jacket)
    pen.part(pen.ell(*hand, 2.0 * k, 2.0 * k), skin, shadow=0)
    pen.part(pen.ell(cx + 1 * k, gy - 45 * k + bob, 7 * k, 8 * k), skin, gloss=True)
    pen.part(
        pen.poly(
            [
                (cx - 7 * k, gy - 44 * k + bob),
                (cx - 6 * k, gy - 52 * k + bob),
                (cx + 2 * k, gy - 55 * k + bob),
                (cx + 8 * k, gy - 50 * k + bob),
                (cx + 5 * k, gy - 47 * k + bob),
                (cx - 3 * k, gy - 48 * k + bob),
                (cx - 4 * k, gy - 40 * k + bob),
            ]
        ),
        hair,
    )
    pen.c.fill(pen.ell(cx + 4 * k, gy - 45 * k + bob, 0.9 * k, 1.3 * k), (30, 30, 40))


CRAFT: dict[str, Draw] = {
    "buggy": buggy,
    "astrohawk": astrohawk,
    "soviet_jet": soviet_jet,
    "us_jet": us_jet,
    "hovercraft": hovercraft,
    "limousine": limousine,
    "mars_base": mars_base,
    "cusco_shrine": cusco_shrine,
    "civilian": civilian,
}


def draw_craft(kind: str, size: int, frame: int, small: bool) -> np.ndarray:
    canvas = Canvas(size, size)
    pen = Pen(canvas, size / 100.0, 0.0, 0.0, small)
    CRAFT[kind](pen, frame, small)
    canvas.outline()
    return canvas.image()


def anchors(kind: str, size: int) -> dict[str, tuple[float, float]]:
    canvas = Canvas(size, size)
    pen = Pen(canvas, size / 100.0, 0.0, 0.0, False)
    CRAFT[kind](pen, 3, False)
    return dict(pen.marks)


def frames(kind: str, size: int, small: bool) -> list[np.ndarray]:
    return [draw_craft(kind, size, i, small) for i in range(4)]
