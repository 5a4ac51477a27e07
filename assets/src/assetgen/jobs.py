"""The generators by kind, as `generate.py --only KIND` names them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from . import effects, font, music, portraits, sfx, sprites, ui

JOBS: dict[str, Callable[[Path], list[Path]]] = {
    "sprites": sprites.write,
    "fonts": font.write,
    "portraits": portraits.write,
    "effects": effects.write,
    "ui": ui.write,
    "sounds": sfx.write,
    "music": music.write,
}
