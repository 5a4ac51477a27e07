"""Battle maps drawn as text, for tests: one character per tile."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from game.core.defs import TerrainDef
from game.core.grid import Grid
from game.maps import MapData

# Characters for the shipped terrain types most tests need; pass `legend=` for others.
DEFAULT_LEGEND: Mapping[str, str] = {
    ".": "plain",
    "=": "road",
    ":": "sand",
    "o": "crater",
    "T": "forest",
    "^": "mountain",
    "#": "building",
    "~": "water",
    "B": "base",
    "x": "cliff",
    "*": "void",
    "%": "debris",
    "@": "asteroid",
}


class TextMapError(ValueError):
    """The drawn map has a character the legend does not know, ragged rows or unknown terrain."""


def text_map(
    text: str,
    terrains: Mapping[str, TerrainDef],
    *,
    legend: Mapping[str, str] | None = None,
    space: bool = False,
    name: str = "<text map>",
) -> MapData:
    """A map from rows of characters (leading and trailing blank lines and indentation are
    ignored). Each character is looked up in `legend` (default DEFAULT_LEGEND); every
    terrain must exist in `terrains`."""
    key = {**DEFAULT_LEGEND, **(legend or {})}
    rows = [line.strip() for line in text.strip("\n").splitlines() if line.strip()]
    if not rows:
        raise TextMapError(f"{name}: the map has no rows")
    width = len(rows[0])
    cells: list[list[str]] = []
    for y, row in enumerate(rows):
        if len(row) != width:
            raise TextMapError(f"{name}: row {y + 1} has {len(row)} tiles, the first row has {width}")
        out = []
        for x, ch in enumerate(row):
            if ch not in key:
                known = ", ".join(f"{c!r} {t}" for c, t in sorted(key.items()))
                raise TextMapError(f"{name}: unknown tile {ch!r} at ({x}, {y}); the legend knows {known}")
            if key[ch] not in terrains:
                raise TextMapError(f"{name}: tile {ch!r} at ({x}, {y}) names terrain {key[ch]!r}, which is not defined")
            out.append(key[ch])
        cells.append(out)
    return MapData(path=Path(name), grid=Grid.from_rows(cells, space=space))
