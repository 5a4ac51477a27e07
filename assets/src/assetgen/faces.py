"""Anime-style bust portraits built from a face, a hair style, an outfit and extras.

Frames left to right: neutral, speaking (mouth open), angry, hurt. Faces look slightly to
the right, toward the dialogue text. Coordinates are in a 100x100 design space.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np

from .raster import Canvas, Pen, Ramp, edge, mix, ramp, rgb, shift

SIZE = 64
EXPRESSIONS = ("neutral", "speaking", "angry", "hurt")
Pts = list[tuple[float, float]]


@dataclass(frozen=True)
class Character:
    skin: str
    hair: str
    style: str
    eyes: str
    outfit: str
    colors: tuple[str, str, str]  # outfit main, trim, detail
    female: bool = False
    extras: tuple[str, ...] = ()
    brow: float = 0.0  # resting brow slant: + stern, - worried


# --- geometry ------------------------------------------------------------------------
CX = 51.0  # face centre, a little right of the frame centre: the head turns toward the text
EYE_Y = 47.0
FACE: Pts = [
    (31, 38),
    (33, 28),
    (42, 20),
    (52, 18),
    (63, 21),
    (70, 29),
    (71, 40),
    (70, 50),
    (66, 58),
    (59, 65),
    (53, 68),
    (46, 65),
    (38, 58),
    (33, 50),
]


def _eye_x(female: bool) -> tuple[float, float]:
    return (41.5, 61.0) if female else (42.0, 60.5)


# --- hair styles: (back hair polygons, front hair polygons) -------------------------
def _hair(style: str) -> tuple[list[Pts], list[Pts]]:
    crown: Pts = [
        (28, 40),
        (27, 28),
        (33, 17),
        (43, 11),
        (55, 10),
        (66, 14),
        (73, 23),
        (75, 36),
        (73, 42),
        (68, 30),
        (60, 27),
        (45, 27),
        (35, 32),
        (31, 44),
    ]
    if style == "spiky":  # Eiji: dark, layered spikes
        back = [
            [
                (26, 44),
                (24, 30),
                (30, 16),
                (44, 8),
                (58, 8),
                (70, 14),
                (77, 26),
                (78, 44),
                (72, 52),
                (68, 36),
                (34, 36),
                (29, 54),
            ]
        ]
        front = [
            [
                (27, 34),
                (24, 22),
                (32, 19),
                (33, 9),
                (43, 11),
                (50, 2),
                (56, 9),
                (66, 6),
                (68, 14),
                (78, 16),
                (75, 26),
                (80, 32),
                (76, 40),
                (71, 34),
                (70, 45),
                (66, 34),
                (62, 43),
                (58, 32),
                (53, 41),
                (49, 31),
                (44, 41),
                (41, 31),
                (36, 42),
                (34, 33),
                (30, 46),
            ]
        ]
        return back, front
    if style == "spiky_up":  # David: swept-up spikes
        front = [
            [
                (29, 38),
                (26, 26),
                (22, 14),
                (33, 17),
                (34, 6),
                (43, 12),
                (50, 2),
                (55, 11),
                (64, 4),
                (65, 14),
                (76, 10),
                (73, 22),
                (80, 26),
                (74, 32),
                (73, 40),
                (68, 31),
                (63, 37),
                (58, 29),
                (52, 35),
                (47, 28),
                (41, 35),
                (37, 29),
                (33, 40),
            ]
        ]
        return [], front
    if style == "bob":  # Simone: rounded bob, straight fringe
        back = [
            [
                (25, 40),
                (26, 26),
                (34, 14),
                (50, 9),
                (66, 13),
                (75, 25),
                (77, 42),
                (77, 60),
                (70, 64),
                (66, 48),
                (36, 48),
                (32, 64),
                (24, 60),
            ]
        ]
        front = [
            [
                (27, 40),
                (29, 24),
                (38, 14),
                (52, 10),
                (65, 14),
                (73, 24),
                (75, 40),
                (70, 38),
                (69, 33),
                (63, 36),
                (58, 33),
                (52, 36),
                (46, 33),
                (40, 36),
                (34, 33),
                (31, 42),
            ],
            [(26, 42), (31, 38), (34, 56), (30, 64), (25, 58)],
            [(75, 42), (70, 38), (68, 56), (71, 64), (77, 58)],
        ]
        return back, front
    if style == "short_girl":  # Anna: short, soft fringe swept to one side
        back = [
            [
                (26, 40),
                (27, 25),
                (36, 13),
                (52, 9),
                (67, 14),
                (75, 27),
                (76, 44),
                (74, 56),
                (69, 54),
                (68, 40),
                (34, 40),
                (31, 54),
                (26, 54),
            ]
        ]
        front = [
            [
                (27, 42),
                (28, 26),
                (37, 14),
                (52, 10),
                (66, 14),
                (74, 25),
                (75, 39),
                (70, 33),
                (66, 31),
                (60, 37),
                (55, 30),
                (48, 36),
                (45, 29),
                (39, 38),
                (35, 31),
                (32, 46),
            ]
        ]
        return back, front
    if style == "neat":  # Roan: side-parted, covering the ears
        back = [
            [
                (26, 46),
                (26, 28),
                (34, 14),
                (50, 9),
                (67, 13),
                (76, 26),
                (77, 48),
                (72, 52),
                (70, 40),
                (32, 40),
                (30, 52),
            ]
        ]
        front = [
            [
                (27, 44),
                (29, 25),
                (38, 14),
                (50, 10),
                (64, 12),
                (74, 22),
                (76, 36),
                (74, 48),
                (70, 38),
                (62, 30),
                (52, 28),
                (44, 34),
                (40, 30),
                (34, 38),
                (31, 48),
            ]
        ]
        return back, front
    if style == "curly":  # Arthur: round curls
        return [], [
            [
                (28, 42),
                (24, 34),
                (26, 26),
                (24, 20),
                (30, 16),
                (32, 10),
                (40, 10),
                (44, 5),
                (52, 8),
                (58, 4),
                (64, 9),
                (71, 9),
                (72, 16),
                (78, 20),
                (76, 28),
                (78, 34),
                (73, 40),
                (70, 32),
                (64, 34),
                (58, 29),
                (52, 34),
                (46, 29),
                (40, 34),
                (35, 30),
                (32, 44),
            ]
        ]
    if style in ("long", "long_blond"):  # Julia, Le Cain: long straight hair, centre parting
        back = [
            [
                (24, 40),
                (25, 24),
                (34, 12),
                (51, 7),
                (67, 11),
                (77, 24),
                (79, 42),
                (82, 70),
                (86, 100),
                (16, 100),
                (20, 70),
            ]
        ]
        front = [
            [
                (27, 46),
                (28, 26),
                (37, 13),
                (51, 9),
                (65, 12),
                (74, 24),
                (76, 44),
                (77, 64),
                (72, 70),
                (70, 48),
                (69, 34),
                (62, 28),
                (55, 24),
                (52, 36),
                (49, 24),
                (42, 29),
                (35, 36),
                (33, 52),
                (31, 72),
                (25, 66),
            ]
        ]
        return back, front
    if style == "ponytail":  # Karla: swept back into a high tail
        back = [[(62, 14), (80, 8), (90, 20), (88, 44), (82, 62), (80, 42), (76, 24)]]
        front = [
            [
                (27, 42),
                (28, 26),
                (37, 14),
                (52, 10),
                (66, 13),
                (74, 24),
                (75, 40),
                (70, 30),
                (60, 27),
                (54, 31),
                (50, 26),
                (42, 30),
                (36, 40),
                (33, 36),
                (31, 48),
            ]
        ]
        return back, front
    if style == "slick":  # Gosterro: slicked straight back, forehead bare, a widow's peak
        back = [
            [
                (27, 46),
                (25, 30),
                (30, 16),
                (44, 8),
                (60, 8),
                (74, 14),
                (82, 26),
                (80, 44),
                (74, 50),
                (72, 34),
                (32, 34),
                (30, 52),
            ]
        ]
        front = [
            [
                (30, 34),
                (31, 22),
                (40, 14),
                (54, 12),
                (66, 15),
                (73, 22),
                (76, 30),
                (70, 27),
                (60, 25),
                (53, 31),
                (48, 25),
                (38, 28),
                (33, 38),
            ]
        ]
        return back, front
    if style == "buzz":  # close-cropped
        return [], [
            [
                (30, 40),
                (30, 27),
                (37, 17),
                (50, 13),
                (63, 15),
                (71, 24),
                (72, 38),
                (69, 30),
                (60, 26),
                (44, 26),
                (34, 32),
                (32, 42),
            ]
        ]
    if style == "bun":  # Elizabeth: pulled back, bun at the back, side locks
        back = [[(18, 20), (22, 10), (32, 8), (34, 18), (28, 26)]]
        front = [
            [
                (28, 46),
                (28, 26),
                (37, 15),
                (51, 11),
                (65, 14),
                (73, 24),
                (74, 42),
                (70, 34),
                (62, 26),
                (52, 25),
                (44, 29),
                (36, 32),
                (32, 48),
            ]
        ]
        return back, front
    if style == "mohawk":  # Getty
        return [], [[(44, 26), (42, 10), (48, 2), (56, 4), (62, 12), (62, 24), (58, 20), (48, 20)]]
    if style == "wild":  # Mangello: shaggy tufts
        return [], [
            [
                (26, 46),
                (20, 36),
                (25, 30),
                (19, 20),
                (28, 18),
                (28, 8),
                (38, 12),
                (44, 2),
                (50, 10),
                (58, 2),
                (62, 10),
                (72, 6),
                (72, 16),
                (82, 18),
                (76, 28),
                (82, 36),
                (74, 42),
                (70, 32),
                (64, 36),
                (58, 28),
                (52, 34),
                (46, 27),
                (40, 34),
                (34, 28),
                (31, 46),
            ]
        ]
    if style == "bald":
        return [], []
    return [], [crown]


# --- drawing -------------------------------------------------------------------------
def _outfit(pen: Pen, ch: Character) -> None:
    main, trim, detail = (ramp(c) for c in ch.colors)
    body: Pts = [(8, 100), (12, 84), (24, 76), (40, 72), (62, 72), (78, 76), (90, 84), (94, 100)]
    o = ch.outfit
    if o == "robot":
        return
    pen.part(pen.poly(body), main, gloss=True)
    if o == "grados_suit":  # Eiji: pilot suit with a high collar and chest plates
        pen.part(pen.poly([(38, 70), (64, 70), (66, 82), (36, 82)]), trim)
        pen.part(pen.poly([(18, 86), (38, 82), (40, 100), (14, 100)]), trim, shadow=0.2)
        pen.part(pen.poly([(64, 82), (86, 86), (90, 100), (62, 100)]), trim, shadow=0.2)
        pen.flat(pen.bar((51, 84), (51, 100), 1.2), detail[2])
    elif o == "uniform":  # Grados officers: high collar, gold trim, epaulettes
        pen.part(pen.poly([(39, 68), (63, 68), (65, 80), (51, 86), (37, 80)]), trim)
        pen.flat(pen.bar((51, 86), (51, 100), 1.0), detail[3])
        pen.part(pen.poly([(10, 86), (22, 78), (34, 80), (30, 88)]), detail, shadow=0.2)
        pen.part(pen.poly([(70, 80), (82, 78), (92, 86), (74, 88)]), detail, shadow=0.2)
        pen.flat(pen.bar((22, 92), (34, 90), 0.8), detail[3])
    elif o == "cape":  # Le Cain: uniform with a high-collared cape
        pen.part(pen.poly([(6, 100), (10, 80), (30, 66), (36, 74), (28, 100)]), trim, shadow=0.2)
        pen.part(pen.poly([(96, 100), (92, 80), (72, 66), (66, 74), (74, 100)]), trim, shadow=0.2)
        pen.part(pen.poly([(40, 70), (62, 70), (63, 80), (51, 88), (39, 80)]), detail)
        pen.flat(pen.ell(51, 90, 3, 3), rgb("#d03040"))
    elif o == "jacket":  # open jacket over a shirt
        pen.part(pen.poly([(40, 72), (62, 72), (57, 100), (45, 100)]), trim)
        pen.part(pen.poly([(36, 74), (44, 72), (50, 88), (44, 100), (38, 100)]), main, shadow=0.15)
        pen.part(pen.poly([(66, 74), (58, 72), (52, 88), (58, 100), (64, 100)]), main, shadow=0.15)
        pen.flat(pen.bar((46, 90), (56, 90), 0.7), detail[2])
    elif o == "dress":  # Anna: collar and ribbon
        pen.part(pen.poly([(38, 72), (51, 80), (64, 72), (66, 78), (51, 86), (36, 78)]), trim)
        pen.part(pen.poly([(46, 82), (51, 86), (56, 82), (58, 90), (51, 87), (44, 90)]), detail, shadow=0)
    elif o == "coat":  # Elizabeth: lab coat over a blouse
        pen.part(pen.poly([(42, 72), (60, 72), (56, 100), (46, 100)]), trim)
        pen.part(pen.poly([(34, 74), (44, 72), (50, 100), (30, 100)]), main, shadow=0.15)
        pen.part(pen.poly([(68, 74), (58, 72), (52, 100), (72, 100)]), main, shadow=0.15)
    elif o == "flight":  # pilots: flight suit with harness
        pen.part(pen.poly([(40, 70), (62, 70), (60, 78), (42, 78)]), trim)
        pen.flat(pen.bar((30, 80), (44, 100), 1.6), detail[1])
        pen.flat(pen.bar((72, 80), (58, 100), 1.6), detail[1])
        pen.part(pen.poly([(64, 86), (74, 84), (76, 92), (66, 94)]), detail, shadow=0)
    elif o == "armor":  # Grados soldiers: armoured collar
        pen.part(pen.poly([(30, 78), (40, 68), (62, 68), (72, 78), (66, 86), (36, 86)]), trim, gloss=True)
        pen.part(pen.poly([(8, 100), (12, 84), (26, 80), (34, 92), (30, 100)]), detail, shadow=0.2)
        pen.part(pen.poly([(94, 100), (90, 84), (76, 80), (68, 92), (72, 100)]), detail, shadow=0.2)
    elif o == "leather":  # Demon Squad: studded leather, spiked pads
        pen.part(pen.poly([(40, 72), (62, 72), (58, 96), (44, 96)]), trim)
        for sx, sy in ((16, 84), (24, 80), (78, 80), (86, 84)):
            pen.part(pen.poly([(sx - 3, sy + 2), (sx + 3, sy + 2), (sx, sy - 6)]), detail, shadow=0.2)
    elif o == "fatigues":  # resistance: jacket and scarf
        pen.part(pen.poly([(36, 70), (66, 70), (70, 78), (58, 84), (44, 84), (32, 78)]), trim, gloss=True)
        pen.flat(pen.bar((36, 90), (66, 90), 0.8), detail[2])


def _face_mask(pen: Pen) -> np.ndarray:
    return pen.poly(FACE)


def _eyes(pen: Pen, ch: Character, expr: str) -> None:
    iris = ramp(ch.eyes)
    line = rgb("#1e1420") if "robotic" not in ch.extras else rgb("#202830")
    w = 11.0 if ch.female else 10.0
    h = 9.0 if ch.female else 7.0
    if "narrow" in ch.extras:  # haughty, half-lidded
        w, h = w * 1.05, h * 0.72
    brow = ch.brow + (1.0 if expr == "angry" else 0.0)
    for i, ex in enumerate(_eye_x(ch.female)):
        inner = 1 if i == 0 else -1  # direction toward the nose
        far = i == 0
        ew = w * (0.9 if far else 1.0)
        ey = EYE_Y
        if ("cyborg_eye" in ch.extras and not far) or ("eyepatch" in ch.extras and not far):
            continue
        if expr == "hurt":
            # Squeezed shut: two strokes meeting toward the nose.
            pen.flat(pen.bar((ex - ew / 2, ey - 2.5 * inner), (ex + ew * 0.3 * inner, ey), 0.9), line)
            pen.flat(pen.bar((ex + ew / 2, ey - 2.5 * -inner), (ex + ew * 0.3 * inner, ey), 0.9), line)
            continue
        white = pen.ell(ex, ey, ew / 2, h / 2)
        pen.flat(white, (248, 246, 244))
        look = 1.4
        pen.flat(pen.ell(ex + look, ey + 0.4, ew * 0.27, h * 0.44) & white, iris[1])
        pen.flat(pen.ell(ex + look, ey + 1.4, ew * 0.2, h * 0.26) & white, iris[3])
        pen.flat(pen.ell(ex + look, ey + 0.2, ew * 0.1, h * 0.2) & white, iris[0])
        pen.flat(pen.ell(ex + look - 1.4, ey - 1.4, 1.1, 1.1) & white, (255, 255, 255))
        # Upper lid: a thick line, slanting down toward the nose when angry.
        slant = 1.2 * brow * inner
        lid = [
            (ex - ew / 2 - 1.2, ey - h * 0.15 - slant),
            (ex - ew * 0.2, ey - h / 2 - 1.2 - slant * 0.3),
            (ex + ew * 0.3, ey - h / 2 - 1.0 + slant * 0.3),
            (ex + ew / 2 + 1.2, ey - h * 0.2 + slant),
            (ex + ew / 2 + 1.0, ey - h * 0.2 + 2.0 + slant),
            (ex + ew * 0.3, ey - h / 2 + 1.2 + slant * 0.5),
            (ex - ew * 0.2, ey - h / 2 + 1.2 - slant * 0.5),
            (ex - ew / 2 - 0.5, ey - h * 0.15 + 1.4 - slant),
        ]
        cover = pen.poly([(x, y - 6) for x, y in lid[:4]] + list(reversed(lid[4:])))
        pen.flat(cover & white, rgb(ch.skin))
        pen.flat(pen.poly(lid), line)
        if ch.female:
            tip_x = ex + (ew / 2 + 2.5) * -inner
            pen.flat(pen.bar((ex + ew / 2 * -inner, ey - h * 0.2), (tip_x, ey - h * 0.5), 0.7), line)
        pen.flat(
            pen.bar((ex - ew * 0.3, ey + h / 2 + 0.3), (ex + ew * 0.3, ey + h / 2 + 0.3), 0.4),
            mix(rgb(ch.skin), line, 0.45),
        )


def _brows(pen: Pen, ch: Character, expr: str, hair: Ramp) -> None:
    tilt = ch.brow + {"angry": 2.0, "hurt": -1.6}.get(expr, 0.0)
    for i, ex in enumerate(_eye_x(ch.female)):
        inner = 1 if i == 0 else -1
        by = EYE_Y - 8.5
        a = (ex - 5.5 * inner, by - tilt * -0.4)
        b = (ex + 5.0 * inner, by + tilt * 1.1)
        pen.flat(pen.bar(a, b, 1.4 if not ch.female else 1.0), hair[0])


def _mouth(pen: Pen, ch: Character, expr: str) -> None:
    mx, my = CX + 2, 60.0
    lip = rgb("#6a2a2a")
    inside = rgb("#5a1820")
    if "lipstick" in ch.extras:
        lip = rgb("#b02040")
    if "grin" in ch.extras and expr in ("neutral", "speaking"):
        # A wide, lopsided, toothy sneer that curls up at the corners.
        open_ = 2.0 if expr == "speaking" else 0.0
        top = [(mx - 8, my - 3.5), (mx - 4, my - 1.5), (mx + 4, my - 1.8), (mx + 9, my - 5)]
        bottom = [(mx + 6, my + 1.5 + open_), (mx, my + 2.8 + open_), (mx - 6, my + 0.5 + open_)]
        pen.flat(pen.poly(top + bottom), inside)
        pen.flat(
            pen.poly([*top, (mx + 8, my - 3.2), (mx + 4, my - 0.2), (mx - 4, my + 0.1), (mx - 7, my - 2)]),
            (240, 236, 220),
        )
        for tx in (mx - 4, mx, mx + 4):
            pen.flat(pen.bar((tx, my - 1.6), (tx, my), 0.3), (150, 130, 120))
        return
    if expr == "neutral":
        pen.flat(pen.bar((mx - 3.5, my), (mx + 3, my - 0.3), 0.6), lip)
    elif expr == "speaking":
        pen.flat(pen.ell(mx, my + 0.5, 3.2, 2.4), inside)
        pen.flat(pen.ell(mx, my + 1.8, 2.2, 1.0), rgb("#d0606a"))
    elif expr == "angry":
        pen.flat(pen.poly([(mx - 5, my - 1.5), (mx + 5, my - 2), (mx + 3.5, my + 3), (mx - 3.5, my + 3)]), inside)
        pen.flat(
            pen.poly([(mx - 4.8, my - 1.5), (mx + 4.8, my - 2), (mx + 4.4, my - 0.4), (mx - 4.4, my)]), (246, 244, 236)
        )
    else:  # hurt: clenched teeth
        pen.flat(pen.poly([(mx - 5, my - 1), (mx + 5, my - 1.5), (mx + 4, my + 2), (mx - 4, my + 2)]), (236, 232, 224))
        pen.flat(pen.bar((mx - 4.5, my + 0.4), (mx + 4.5, my + 0.1), 0.4), rgb("#8a6a6a"))


def _extras(pen: Pen, ch: Character, expr: str, hair: Ramp) -> None:
    ex = ch.extras
    left, right = _eye_x(ch.female)
    if "freckles" in ex:
        for fx, fy in ((39, 54), (42, 55), (59, 55), (62, 54)):
            pen.flat(pen.ell(fx, fy, 0.7, 0.7), rgb("#c07a58"))
    if "stubble" in ex:
        pen.c.fill(
            pen.poly([(38, 58), (46, 65), (53, 68), (59, 65), (66, 58), (62, 66), (53, 71), (44, 66)]),
            mix(rgb(ch.skin), rgb("#3a3030"), 0.35),
        )
    if "beard" in ex:
        pen.part(
            pen.poly(
                [
                    (34, 52),
                    (39, 58),
                    (46, 64),
                    (53, 66),
                    (60, 64),
                    (67, 58),
                    (70, 51),
                    (71, 60),
                    (64, 70),
                    (53, 75),
                    (42, 70),
                    (34, 60),
                ]
            ),
            hair,
            shadow=0.25,
        )
        pen.flat(pen.poly([(45, 57), (52, 56), (59, 57), (60, 59.5), (52, 58.5), (44, 59.5)]), hair[1])
    if "wrinkles" in ex:
        for wx in (left, right):
            pen.flat(pen.bar((wx - 3, EYE_Y + 5.5), (wx + 2, EYE_Y + 6.2), 0.35), mix(rgb(ch.skin), (60, 40, 40), 0.4))
        pen.flat(pen.bar((44, 31), (58, 30.5), 0.35), mix(rgb(ch.skin), (60, 40, 40), 0.35))
    if "mustache" in ex:
        pen.flat(pen.poly([(45, 57), (52, 56), (59, 57), (60, 59.5), (52, 58.5), (44, 59.5)]), hair[1])
    if "scar" in ex:
        pen.flat(pen.bar((right - 6, 36), (right + 3, 56), 0.8), rgb("#a04848"))
        for t in (0.3, 0.55, 0.8):
            y = 36 + 20 * t
            x = right - 6 + 9 * t
            pen.flat(pen.bar((x - 1.8, y + 0.6), (x + 1.8, y - 0.6), 0.45), rgb("#a04848"))
    if "cyborg_eye" in ex:
        plate = ramp("#8890a0")
        pen.part(pen.poly([(right - 7, 40), (right + 8, 40), (right + 9, 54), (right - 6, 54)]), plate, gloss=True)
        glow = (255, 60, 40) if expr != "angry" else (255, 180, 120)
        pen.flat(pen.ell(right + 1, 47, 3.0, 3.0), rgb("#401010"))
        pen.flat(pen.ell(right + 1, 47, 2.0, 2.0), glow)
        pen.flat(pen.bar((right + 9, 46), (right + 14, 44), 0.6), plate[1])
    if "eyepatch" in ex:
        pen.flat(pen.ell(right, EYE_Y, 5.5, 4.5), rgb("#20181c"))
        pen.flat(pen.bar((right - 10, 38), (right + 14, 42), 0.6), rgb("#20181c"))
    if "glasses" in ex or "round_glasses" in ex:
        frame = rgb("#303040")
        for gx in (left, right):
            if "round_glasses" in ex:
                pen.flat(pen.ring(gx, EYE_Y, 6.5, 1.0), frame)
            else:
                pen.flat(pen.ring(gx, EYE_Y, 6.8, 0.9) & pen.rect(gx - 8, EYE_Y - 4, 16, 9), frame)
                pen.flat(pen.bar((gx - 6.5, EYE_Y - 4), (gx + 6.5, EYE_Y - 4), 0.6), frame)
            pen.flat(pen.bar((gx - 3, EYE_Y - 3), (gx - 1, EYE_Y - 5), 0.5), (255, 255, 255))
        pen.flat(pen.bar((left + 6.5, EYE_Y - 1), (right - 6.5, EYE_Y - 1), 0.5), frame)
    if "earring" in ex:
        pen.flat(pen.ell(72, 58, 1.3, 1.3), rgb("#f0d060"))
    if expr == "hurt" and "robotic" not in ex:
        pen.flat(pen.poly([(72, 30), (74, 34), (72.5, 37), (70, 35)]), (170, 220, 255))
    if expr == "angry" and "mask" not in ex:
        # A cross-shaped vein mark, the anime shorthand for anger.
        vx, vy = 30, 24
        for dx, dy in ((-1, -1), (1, -1), (-1, 1), (1, 1)):
            pen.flat(pen.bar((vx + dx * 1.2, vy + dy * 1.2), (vx + dx * 3.2, vy + dy * 1.6), 0.55), (230, 50, 60))


def _headgear(pen: Pen, ch: Character, expr: str, front: bool) -> None:
    ex = ch.extras
    _main, _trim, _detail = (ramp(c) for c in ch.colors)
    for item in ex:
        kind, _, color = item.partition(":")
        if kind == "headband" and front:
            band = ramp(color or "#d03030")
            pen.part(pen.poly([(27, 30), (50, 25), (76, 28), (76, 33), (50, 31), (27, 36)]), band, shadow=0.2)
            pen.part(pen.poly([(25, 32), (16, 38), (18, 44), (27, 35)]), band, shadow=0.2)
        if kind == "cap" and front:
            cap = ramp(color or "#404858")
            pen.part(pen.poly([(28, 30), (30, 16), (42, 8), (60, 8), (72, 16), (74, 30)]), cap, gloss=True)
            pen.part(pen.poly([(40, 29), (76, 26), (86, 32), (52, 34)]), _shade(cap), shadow=0.1)
            pen.flat(pen.ell(52, 19, 3.5, 3.5), rgb("#f0d050"))
        if kind == "helmet" and front:
            hel = ramp(color or "#4a3a6a")
            pen.part(
                pen.poly(
                    [
                        (24, 44),
                        (24, 24),
                        (34, 10),
                        (52, 5),
                        (70, 10),
                        (79, 24),
                        (80, 46),
                        (74, 58),
                        (72, 38),
                        (30, 38),
                        (30, 58),
                    ]
                ),
                hel,
                gloss=True,
            )
            visor = ramp("#e04050") if "visor_down" in ex else ramp("#4070c0")
            if "visor_down" in ex:
                pen.part(pen.poly([(31, 37), (73, 37), (72, 52), (32, 52)]), visor, gloss=True)
            else:
                pen.part(pen.poly([(30, 26), (74, 26), (75, 34), (29, 34)]), visor, gloss=True)
            if color == "#c8ccd4":  # US pilot: a star decal
                pen.flat(pen.ell(36, 18, 2.5, 2.5), rgb("#3050a0"))
            if "red_star" in ex:
                pen.flat(
                    pen.poly(
                        [
                            (40, 12),
                            (41.5, 16),
                            (45.5, 16),
                            (42.3, 18.5),
                            (43.5, 22.5),
                            (40, 20),
                            (36.5, 22.5),
                            (37.7, 18.5),
                            (34.5, 16),
                            (38.5, 16),
                        ]
                    ),
                    rgb("#e02828"),
                )
            if "crest" in ex:
                pen.part(pen.poly([(48, 8), (54, 6), (62, -2), (52, 2)]), ramp("#e0b040"), shadow=0.2)
        if kind == "goggles" and front:
            pen.part(pen.poly([(28, 28), (74, 24), (75, 30), (28, 34)]), ramp("#5a4a3a"), shadow=0)
            for gx in (42, 60):
                pen.part(pen.ell(gx, 28, 5.5, 4.0), ramp("#70a8c0"), gloss=True)
        if kind == "mask" and front:
            # Demon Squad hockey mask over the upper face, breathing holes and red war marks.
            mask = ramp(color or "#ece6d6")
            m = pen.poly(
                [(30, 30), (36, 20), (52, 16), (66, 20), (72, 30), (71, 48), (66, 56), (54, 58), (38, 56), (32, 48)]
            )
            pen.part(m, mask, gloss=True)
            glow = (255, 230, 120) if expr == "angry" else (255, 70, 50)
            for gx, slope in ((42, 1), (61, -1)):
                pen.flat(
                    pen.poly([(gx - 6, 42 - slope * 1.5), (gx + 5, 42 + slope * 1.5), (gx + 4, 48), (gx - 5, 48)]),
                    rgb("#181014"),
                )
                pen.flat(pen.ell(gx, 45.5, 1.6, 1.4), glow)
            for hx, hy in ((46, 52), (51, 53), (56, 52), (51, 26), (45, 24), (57, 24)):
                pen.flat(pen.ell(hx, hy, 0.9, 0.9), rgb("#3a3030"))
            pen.flat(pen.poly([(36, 30), (44, 34), (36, 36)]), rgb("#c02020"))
            pen.flat(pen.poly([(66, 30), (58, 34), (66, 36)]), rgb("#c02020"))
            if "cracked" in ex:
                pen.flat(pen.bar((60, 17), (56, 30), 0.5), rgb("#4a4040"))
                pen.flat(pen.bar((56, 30), (60, 38), 0.5), rgb("#4a4040"))


def _shade(r: Ramp) -> Ramp:
    return (r[0], r[0], r[1], r[2], r[3])


def _robot(pen: Pen, ch: Character, expr: str) -> None:
    """terminator_ai: a police robot's head, front on."""
    main, trim, detail = (ramp(c) for c in ch.colors)
    pen.part(pen.poly([(14, 100), (20, 80), (36, 72), (66, 72), (82, 80), (88, 100)]), main, gloss=True)
    pen.part(
        pen.poly([(30, 26), (40, 12), (62, 12), (72, 26), (74, 60), (64, 70), (38, 70), (28, 60)]), main, gloss=True
    )
    pen.part(pen.poly([(28, 34), (74, 34), (74, 48), (28, 48)]), ramp("#181820"), shadow=0)
    glow = {"neutral": (255, 50, 40), "speaking": (255, 120, 90), "angry": (255, 220, 80), "hurt": (120, 60, 60)}[expr]
    scan = {"neutral": 50, "speaking": 56, "angry": 42, "hurt": 52}[expr]
    pen.flat(pen.poly([(32, 38), (70, 38), (70, 44), (32, 44)]), mix(glow, (0, 0, 0), 0.6))
    pen.flat(pen.ell(scan, 41, 6, 2.4), glow)
    pen.part(pen.poly([(36, 52), (66, 52), (62, 66), (40, 66)]), trim, shadow=0.2)
    for gx in range(40, 63, 5):
        pen.flat(pen.bar((gx, 55), (gx, 63), 0.7), rgb("#202430"))
    pen.part(pen.poly([(38, 12), (64, 12), (60, 4), (42, 4)]), trim)
    pen.flat(pen.ell(44, 8, 3, 2.2), (255, 70, 70) if expr != "hurt" else (90, 40, 40))
    pen.flat(pen.ell(58, 8, 3, 2.2), (80, 140, 255) if expr != "hurt" else (40, 50, 90))
    pen.part(pen.poly([(40, 76), (62, 76), (60, 90), (42, 90)]), detail, shadow=0.2)
    if expr == "hurt":
        pen.flat(pen.bar((30, 26), (46, 52), 0.8), rgb("#e0e0f0"))
        pen.flat(pen.bar((46, 52), (40, 64), 0.8), rgb("#e0e0f0"))


def _console(pen: Pen, ch: Character, expr: str) -> None:
    """rei: Layzner's cockpit AI, shown as its console screen."""
    frame = ramp("#3a4458")
    pen.part(pen.poly([(6, 14), (94, 14), (94, 86), (6, 86)]), frame, gloss=True)
    screen = {"angry": "#401010", "hurt": "#202428"}.get(expr, "#06241c")
    pen.part(pen.poly([(12, 20), (88, 20), (88, 72), (12, 72)]), ramp(screen), shadow=0, rim=False)
    ink = {"angry": (255, 90, 70), "hurt": (150, 170, 160)}.get(expr, (90, 255, 170))
    dim = mix(ink, (0, 0, 0), 0.6)
    for gy in range(24, 72, 6):
        pen.flat(pen.bar((13, gy), (87, gy), 0.25), mix(rgb(screen), ink, 0.18))
    # The waveform of Rei's voice: flat when silent, tall when speaking.
    amp = {"neutral": 2.0, "speaking": 10.0, "angry": 12.0, "hurt": 4.0}[expr]
    pts = []
    for i in range(25):
        x = 16 + i * 3
        k = (i * 7919) % 13 / 12.0
        y = 52 - amp * (0.3 + 0.7 * k) * (1 if i % 2 else -1) * (1 - abs(i - 12) / 14)
        pts.append((x, y))
    for a, b in itertools.pairwise(pts):
        pen.flat(pen.bar(a, b, 0.7), ink)
    # "REI" lettering as blocks, and a ready lamp.
    for i, x in enumerate((18, 26, 34)):
        pen.flat(pen.rect(x, 26, 5, 1.6), ink if expr != "hurt" or i != 1 else dim)
    pen.flat(pen.rect(18, 30, 21, 1.0), dim)
    pen.flat(pen.ell(80, 29, 3, 3), ink if expr in ("speaking", "angry") else dim)
    if expr == "hurt":
        for i in range(14):
            nx = 14 + (i * 37) % 72
            ny = 22 + (i * 23) % 48
            pen.flat(pen.rect(nx, ny, 3, 1), (200, 210, 200))
    for i, x in enumerate(range(16, 86, 10)):
        pen.part(pen.rect(x, 76, 7, 5), ramp(("#c04040", "#40a060", "#d0b040", "#4070c0")[i % 4]), shadow=0)


def draw(ch: Character, expr: str) -> np.ndarray:
    canvas = Canvas(SIZE, SIZE)
    pen = Pen(canvas, SIZE / 100.0, 0.0, 0.0, False)
    if ch.outfit == "console":
        _console(pen, ch, expr)
        canvas.outline()
        return canvas.image()
    if ch.outfit == "robot":
        _robot(pen, ch, expr)
        canvas.outline()
        return canvas.image()
    skin = ramp(ch.skin)
    hair = ramp(ch.hair)
    back, front = _hair(ch.style)
    for poly in back:
        pen.part(pen.poly(poly), _shade(hair), shadow=0.2)
    _headgear(pen, ch, expr, front=False)
    # Neck, in the face's shadow.
    pen.part(
        pen.poly([(43, 60), (59, 60), (60, 76), (51, 80), (42, 76)]),
        (skin[0], skin[1], skin[1], skin[2], skin[3]),
        shadow=0,
    )
    _outfit(pen, ch)
    face = _face_mask(pen)
    ears = pen.ell(31.5, 48, 3.2, 5.5) | pen.ell(70.5, 48, 3.0, 5.5)
    if "big_ears" in ch.extras:
        ears = pen.ell(29, 46, 6.0, 7.5) | pen.ell(73, 46, 5.5, 7.5)
    pen.part(ears, skin, shadow=0.3)
    pen.part(face, skin, shadow=0.0, rim=False)
    # Cel shadow on the far (left) cheek and under the jaw line.
    cheek = face & pen.poly([(20, 30), (36, 30), (37, 52), (45, 66), (20, 70)])
    canvas.fill(cheek, skin[1], dark=skin[0])
    if ch.female or "blush" in ch.extras:
        canvas.fill(
            pen.ell(39, 55, 3.5, 1.4) | pen.ell(63, 55, 3.5, 1.4), mix(skin[2], (240, 110, 120), 0.35), alpha=255
        )
    _eyes(pen, ch, expr)
    _brows(pen, ch, expr, hair)
    # Nose: a shadow stroke and a light tip.
    pen.flat(pen.poly([(CX + 2.5, 50), (CX + 4, 55.5), (CX + 1.5, 56)]), skin[1])
    pen.flat(pen.ell(CX + 2.5, 55.3, 0.6, 0.5), skin[4])
    _mouth(pen, ch, expr)
    _extras(pen, ch, expr, hair)
    if front:
        # Hair casts a shadow on the forehead.
        hair_mask = np.zeros_like(face)
        for poly in front:
            hair_mask |= pen.poly(poly)
        drop = shift(hair_mask, 0, -2) | shift(hair_mask, -1, -2)
        canvas.fill(face & drop & ~hair_mask, skin[1], dark=skin[0])
        for poly in front:
            pen.part(pen.poly(poly), hair, shadow=0.22, gloss=True)
        _hair_shine(pen, hair_mask, hair)
    _headgear(pen, ch, expr, front=True)
    canvas.outline()
    return canvas.image()


def _hair_shine(pen: Pen, mask: np.ndarray, hair: Ramp) -> None:
    """The anime 'angel ring' highlight band across the top of the hair."""
    band = mask & pen.ring(50, 44, 30, 3.0) & pen.above(26) & pen.poly([(34, 0), (64, 0), (64, 40), (34, 40)])
    band &= ~edge(mask)
    pen.c.fill(band, hair[4], dark=hair[0])


def frames(ch: Character) -> list[np.ndarray]:
    return [draw(ch, e) for e in EXPRESSIONS]
