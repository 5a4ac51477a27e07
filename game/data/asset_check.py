"""Do the sprites and portraits that units and pilots name exist?

Kept apart from the data checks (its problems carry `check="asset"`) so a missing image
is never confused with broken data, and never stops an entry from loading: the asset
library can still draw a placeholder.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from game.data.problems import Problem
from game.data.references import Loaded

SPRITES = Path("sprites") / "units"
PORTRAITS = Path("portraits")


def find_asset(asset_dirs: Sequence[Path], relative: Path) -> Path | None:
    """The last asset folder (mods override the game) that has `relative`."""
    for root in reversed(asset_dirs):
        candidate = root / relative
        if candidate.is_file():
            return candidate
    return None


def check_assets(store: Mapping[str, Mapping[str, Loaded]], asset_dirs: Sequence[Path]) -> list[Problem]:
    problems: list[Problem] = []
    shown = " or ".join(d.as_posix() for d in asset_dirs) or "assets/"
    for item in store.get("units", {}).values():
        sprite = item.model.sprite_id
        rel = SPRITES / f"{sprite}.png"
        if find_asset(asset_dirs, rel) is None:
            problems.append(
                item.problem(("sprite",), f"map sprite {rel.as_posix()} is missing (looked in {shown})", check="asset")
            )
    for item in store.get("pilots", {}).values():
        portrait = item.model.portrait_id
        rel = PORTRAITS / f"{portrait}.png"
        if find_asset(asset_dirs, rel) is None:
            problems.append(
                item.problem(("portrait",), f"portrait {rel.as_posix()} is missing (looked in {shown})", check="asset")
            )
    return problems
