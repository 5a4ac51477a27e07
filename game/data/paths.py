"""Where the game's own files are."""

from __future__ import annotations

from pathlib import Path


def default_game_dir() -> Path:
    """The folder holding `units/`, `maps/`, `assets/` and `mods/` (the repository root)."""
    return Path(__file__).resolve().parent.parent.parent
