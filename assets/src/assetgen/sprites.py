"""Map and battle sprite sheets for every unit id."""

from __future__ import annotations

import json
from pathlib import Path

from . import battle_frames, craft, mecha
from .pngio import write_png
from .raster import strip
from .units import MECHA

MAP_SIZE = 32
BATTLE_SIZE = 128
# Battle sheet frames, left to right.
BATTLE_FRAMES = ("idle", "idle_alt", "attack_ready", "attack", "dash", "hit", "down")

UNIT_IDS: tuple[str, ...] = (*MECHA, *craft.CRAFT)


def unit_frames(unit_id: str, size: int, small: bool) -> list:
    if unit_id in MECHA:
        return mecha.frames(MECHA[unit_id], size, small)
    return craft.frames(unit_id, size, small)


def battle_anchors(unit_id: str) -> dict[str, list[int]]:
    """Points in the battle sheet's attack frame (frame 3), for aiming effects."""
    marks = mecha.anchors(MECHA[unit_id], BATTLE_SIZE) if unit_id in MECHA else craft.anchors(unit_id, BATTLE_SIZE)
    return {name: [round(x), round(y)] for name, (x, y) in sorted(marks.items())}


def write(out: Path, only: set[str] | None = None) -> list[Path]:
    written = []
    if only is None:
        table = {unit_id: battle_anchors(unit_id) for unit_id in UNIT_IDS}
        path = out / "sprites" / "battle" / "anchors.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(table, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        written.append(path)
    for unit_id in UNIT_IDS:
        if only is not None and unit_id not in only:
            continue
        map_path = out / "sprites" / "units" / f"{unit_id}.png"
        write_png(map_path, strip(unit_frames(unit_id, MAP_SIZE, True)))
        battle_path = out / "sprites" / "battle" / f"{unit_id}.png"
        battle = unit_frames(unit_id, BATTLE_SIZE, False) + battle_frames.extra_frames(unit_id, BATTLE_SIZE)
        write_png(battle_path, strip(battle))
        written += [map_path, battle_path]
    return written
