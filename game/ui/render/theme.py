"""Colours and sizes of the interface, in one place."""

from __future__ import annotations

BG = (12, 16, 28)
PANEL = (18, 30, 58)
PANEL_EDGE = (120, 170, 230)
PANEL_DARK = (10, 16, 32)
TEXT = (236, 240, 248)
TEXT_DIM = (150, 160, 180)
TEXT_DISABLED = (110, 116, 130)
HIGHLIGHT = (60, 110, 200)
ACCENT = (255, 214, 90)
WARNING = (255, 120, 100)
GOOD = (120, 230, 140)

HP_BAR = (90, 220, 110)
HP_LOW = (240, 90, 70)
EN_BAR = (90, 170, 255)
SP_BAR = (230, 180, 80)

MOVE_TILE = (70, 130, 255)
ATTACK_TILE = (240, 70, 70)
DANGER_TILE = (255, 90, 40)
SUPPORT_TILE = (90, 230, 140)
PATH = (255, 255, 255)
CURSOR = (255, 240, 120)

SIDE_COLOURS: dict[str, tuple[int, int, int]] = {
    "player": (70, 140, 255),
    "ally": (80, 210, 120),
    "enemy": (230, 70, 70),
    "neutral": (230, 200, 70),
}

TILE = 32  # map tile size in logical pixels
