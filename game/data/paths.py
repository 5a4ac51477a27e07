"""Where the game's own files are."""

from __future__ import annotations

from pathlib import Path

from game.content import content_root


def default_game_dir() -> Path:
    """The folder holding `units/`, `maps/`, `assets/` and `mods/` (see `game.content`)."""
    return content_root()
