"""The battle map as the engine sees it: a rectangle of terrain ids (RULES §2)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from game.core.defs import TerrainDef

Pos = tuple[int, int]


def distance(a: Pos, b: Pos) -> int:
    """Manhattan distance on the square grid (RULES §7)."""
    return abs(a[0] - b[0]) + abs(a[1] - b[1])


@dataclass(frozen=True, slots=True)
class Grid:
    width: int
    height: int
    tiles: tuple[str, ...]  # terrain ids, row-major
    space: bool = False  # a space map: every tile counts as Space

    def __post_init__(self) -> None:
        if self.width <= 0 or self.height <= 0:
            raise ValueError(f"map size must be positive, got {self.width}x{self.height}")
        if len(self.tiles) != self.width * self.height:
            raise ValueError(f"map needs {self.width * self.height} tiles, got {len(self.tiles)}")

    @classmethod
    def from_rows(cls, rows: Sequence[Sequence[str]], *, space: bool = False) -> Grid:
        height = len(rows)
        width = len(rows[0]) if rows else 0
        if any(len(r) != width for r in rows):
            raise ValueError("all map rows must have the same length")
        return cls(width, height, tuple(t for row in rows for t in row), space)

    @classmethod
    def from_text(cls, text: str, legend: Mapping[str, str], *, space: bool = False) -> Grid:
        """A map drawn as text, one character per tile, `legend` naming each terrain."""
        rows = [line.strip() for line in text.strip().splitlines()]
        return cls.from_rows([[legend[ch] for ch in row] for row in rows], space=space)

    def in_bounds(self, pos: Pos) -> bool:
        x, y = pos
        return 0 <= x < self.width and 0 <= y < self.height

    def terrain_id(self, pos: Pos) -> str:
        x, y = pos
        return self.tiles[y * self.width + x]

    def neighbours(self, pos: Pos) -> Iterator[Pos]:
        x, y = pos
        if y > 0:
            yield (x, y - 1)
        if x + 1 < self.width:
            yield (x + 1, y)
        if y + 1 < self.height:
            yield (x, y + 1)
        if x > 0:
            yield (x - 1, y)

    def positions(self) -> Iterator[Pos]:
        for y in range(self.height):
            for x in range(self.width):
                yield (x, y)

    def environment(self, terrain: TerrainDef, flying: bool) -> str:
        """What a unit standing here counts as: Space, Air if flying, Sea on water, else Land."""
        if self.space:
            return "space"
        if flying:
            return "air"
        return "sea" if terrain.environment == "sea" else terrain.environment
