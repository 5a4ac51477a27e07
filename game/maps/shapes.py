"""Tiled object shapes (in pixels) to the map tiles they cover.

A tile belongs to a shape when the tile's centre lies inside it, so a rectangle drawn
snapped to the grid covers exactly the tiles it frames. A shape smaller than a tile covers
the tile under its centre.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.core.grid import Pos

Point = tuple[float, float]


def tile_at(x: float, y: float, tile: int) -> Pos:
    return (int(x // tile), int(y // tile))


def _centres(bounds: tuple[float, float, float, float], tile: int, width: int, height: int) -> list[tuple[Pos, Point]]:
    x0, y0, x1, y1 = bounds
    out: list[tuple[Pos, Point]] = []
    for ty in range(max(0, int(y0 // tile)), min(height, int(y1 // tile) + 1)):
        for tx in range(max(0, int(x0 // tile)), min(width, int(x1 // tile) + 1)):
            out.append(((tx, ty), ((tx + 0.5) * tile, (ty + 0.5) * tile)))
    return out


def inside_polygon(p: Point, poly: Sequence[Point]) -> bool:
    """Even-odd rule ray casting."""
    x, y = p
    inside = False
    n = len(poly)
    for i in range(n):
        (ax, ay), (bx, by) = poly[i], poly[(i + 1) % n]
        if (ay > y) != (by > y) and x < ax + (y - ay) * (bx - ax) / (by - ay):
            inside = not inside
    return inside


def polygon_tiles(poly: Sequence[Point], tile: int, width: int, height: int) -> set[Pos]:
    xs, ys = [p[0] for p in poly], [p[1] for p in poly]
    bounds = (min(xs), min(ys), max(xs), max(ys))
    tiles = {t for t, c in _centres(bounds, tile, width, height) if inside_polygon(c, poly)}
    if not tiles:
        tiles.add(tile_at(sum(xs) / len(xs), sum(ys) / len(ys), tile))
    return tiles


def rect_tiles(x: float, y: float, w: float, h: float, tile: int, width: int, height: int) -> set[Pos]:
    tiles = {
        t for t, (cx, cy) in _centres((x, y, x + w, y + h), tile, width, height) if x <= cx < x + w and y <= cy < y + h
    }
    if not tiles:
        tiles.add(tile_at(x + w / 2, y + h / 2, tile))
    return tiles


def ellipse_tiles(x: float, y: float, w: float, h: float, tile: int, width: int, height: int) -> set[Pos]:
    rx, ry = w / 2, h / 2
    cx0, cy0 = x + rx, y + ry
    tiles: set[Pos] = set()
    if rx > 0 and ry > 0:
        for t, (cx, cy) in _centres((x, y, x + w, y + h), tile, width, height):
            if ((cx - cx0) / rx) ** 2 + ((cy - cy0) / ry) ** 2 <= 1:
                tiles.add(t)
    if not tiles:
        tiles.add(tile_at(cx0, cy0, tile))
    return tiles
