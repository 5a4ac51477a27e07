"""Reading a Tiled `.tmx` battle map through `pytmx.TiledMap` (no images) into a `MapData`.

Terrain: every tile used in a tile layer must carry a `terrain` property naming a terrain
type; where layers overlap, the topmost non-empty tile decides. Objects in object layers,
by their type (Tiled up to 1.8) or class (Tiled 1.9 and later):

- `region`: a rectangle, polygon, ellipse or point; the tiles whose centres it covers.
- `spawn`: a named tile where units appear (the tile under the object's centre).
- `deploy`: like `spawn`, and also a player deployment slot, in object order.

The map property `space` (bool) marks a space map.
"""

from __future__ import annotations

import importlib
import logging
import sys
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any
from xml.etree.ElementTree import Element

from game.core.defs import frozen_map
from game.core.grid import Grid, Pos
from game.maps.errors import MapError, suggest
from game.maps.precheck import TILE_SIZE, check_map
from game.maps.shapes import ellipse_tiles, polygon_tiles, rect_tiles, tile_at

OBJECT_KINDS: Mapping[str, str] = frozen_map(
    {
        "region": "region",
        "spawn": "spawn",
        "spawn_point": "spawn",
        "deploy": "deploy",
        "deployment": "deploy",
        "deploy_point": "deploy",
    }
)


@dataclass(frozen=True)
class MapData:
    """A battle map as the game uses it: the terrain grid and the named places on it."""

    path: Path
    grid: Grid
    spawn_points: Mapping[str, Pos] = field(default_factory=frozen_map)
    regions: Mapping[str, frozenset[Pos]] = field(default_factory=frozen_map)
    deploy_points: tuple[tuple[str, Pos], ...] = ()
    properties: Mapping[str, Any] = field(default_factory=frozen_map)
    tilesets: tuple[Path, ...] = ()


def _pytmx() -> ModuleType:
    """Import pytmx without letting it pull in pygame.

    pytmx imports pygame at import time only for type hints when it is installed; a
    headless simulation would then load SDL (and print pygame's banner into `--json`
    output). If the UI already imported pygame this changes nothing.
    """
    if "pytmx" in sys.modules:
        return sys.modules["pytmx"]
    blocked = "pygame" not in sys.modules
    # pytmx then tries its pygame helpers, fails as intended and logs an error about it.
    helper_log = logging.getLogger("pytmx.util_pygame")
    level = helper_log.level
    if blocked:
        sys.modules["pygame"] = None  # type: ignore[assignment]  # makes `import pygame` fail fast
        helper_log.setLevel(logging.CRITICAL)
    try:
        return importlib.import_module("pytmx")
    finally:
        if blocked:
            helper_log.setLevel(level)
            if sys.modules.get("pygame") is None:
                del sys.modules["pygame"]


def load_map(path: Path | str, terrains: Collection[str] | None = None) -> MapData:
    """Read a `.tmx` map. `terrains` (ids), when given, are the terrain types allowed.

    Raises MapError (naming the file and the problem) for anything that cannot be used.
    """
    path = Path(path)
    root = check_map(path)
    pytmx = _pytmx()
    try:
        tm = pytmx.TiledMap()
        tm.filename = str(path)
        tm.parse_xml(root)
    except MapError:
        raise
    except Exception as exc:  # pytmx raises bare Exception, ValueError, KeyError...
        raise MapError(path, f"Tiled data could not be read: {exc or type(exc).__name__}") from None
    grid = _grid(path, tm, terrains)
    spawns, regions, deploys = _objects(path, tm, root, grid)
    props = dict(tm.properties)
    tilesets = tuple((path.parent / ts.get("source", "")).resolve() for ts in root.findall("tileset"))
    return MapData(
        path=path,
        grid=grid,
        spawn_points=frozen_map(spawns),
        regions=frozen_map(regions),
        deploy_points=tuple(deploys),
        properties=frozen_map(props),
        tilesets=tilesets,
    )


def _is_space(path: Path, props: Mapping[str, Any]) -> bool:
    value = props.get("space", False)
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "1", "yes"):
        return True
    if text in ("false", "0", "no", ""):
        return False
    raise MapError(path, f"map property 'space' must be true or false, got {value!r}")


def _grid(path: Path, tm: Any, terrains: Collection[str] | None) -> Grid:
    pytmx = _pytmx()
    width, height = int(tm.width), int(tm.height)
    cells: list[str | None] = [None] * (width * height)
    problems: list[str] = []
    seen_bad: set[int] = set()
    for layer in tm.layers:
        if not isinstance(layer, pytmx.TiledTileLayer):
            continue
        for y, row in enumerate(layer.data):
            for x, gid in enumerate(row):
                if not gid:
                    continue
                props = tm.get_tile_properties_by_gid(gid) or {}
                terrain = props.get("terrain")
                if not terrain or not isinstance(terrain, str):
                    if gid not in seen_bad:
                        seen_bad.add(gid)
                        problems.append(
                            f"the tile at ({x}, {y}) in layer {layer.name!r} ({_describe(tm, gid)}) "
                            "has no 'terrain' property"
                        )
                    continue
                if terrains is not None and terrain not in terrains:
                    if gid not in seen_bad:
                        seen_bad.add(gid)
                        problems.append(
                            f"the tile at ({x}, {y}) in layer {layer.name!r} ({_describe(tm, gid)}) has unknown "
                            f"terrain {terrain!r}{suggest(terrain, terrains)}"
                        )
                    continue
                cells[y * width + x] = terrain
    if problems:
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        raise MapError(path, "; ".join(problems[:5]) + more)
    empty = [(i % width, i // width) for i, c in enumerate(cells) if c is None]
    if empty:
        raise MapError(path, f"{len(empty)} map cells have no tile in any layer, first at {empty[0]}")
    return Grid(width, height, tuple(c for c in cells if c is not None), _is_space(path, tm.properties))


def _describe(tm: Any, gid: int) -> str:
    try:
        ts = tm.get_tileset_from_gid(gid)
        return f"tile {tm.tiledgidmap[gid] - ts.firstgid} of tileset {ts.name!r}"
    except Exception:  # a gid beyond every tileset
        return f"tile number {tm.tiledgidmap.get(gid, gid)}, which no tileset has"


def _objects(
    path: Path, tm: Any, root: Element, grid: Grid
) -> tuple[dict[str, Pos], dict[str, frozenset[Pos]], list[tuple[str, Pos]]]:
    raw = {int(o.get("id", "0")): o for o in root.iter("object")}
    spawns: dict[str, Pos] = {}
    regions: dict[str, frozenset[Pos]] = {}
    deploys: list[tuple[str, Pos]] = []
    names: set[str] = set()
    for obj in tm.objects:
        kind_raw = (getattr(obj, "type", None) or getattr(obj, "class", None) or "").strip()
        label = f"object {obj.name!r} (id {obj.id})" if obj.name else f"object id {obj.id}"
        if not kind_raw:
            raise MapError(path, f"{label} has no type/class; use one of region, spawn, deploy")
        kind = OBJECT_KINDS.get(kind_raw.lower())
        if kind is None:
            raise MapError(
                path,
                f"{label} has unknown type {kind_raw!r}{suggest(kind_raw.lower(), OBJECT_KINDS)}; "
                "use region, spawn or deploy",
            )
        name = (obj.name or "").strip()
        if not name:
            raise MapError(path, f"{label}: a {kind} needs a name")
        if name in names:
            raise MapError(path, f"two objects are named {name!r}; names of regions and spawn points must be unique")
        names.add(name)
        node = raw.get(int(obj.id))
        tiles = _object_tiles(path, obj, node, grid, label)
        if kind == "region":
            regions[name] = frozenset(tiles)
            continue
        x, y, w, h = float(obj.x), float(obj.y), float(obj.width), float(obj.height)
        pos = tile_at(x + w / 2, y + h / 2, TILE_SIZE)
        if not grid.in_bounds(pos):
            raise MapError(path, f"{label} is outside the {grid.width}x{grid.height} map (tile {pos})")
        spawns[name] = pos
        if kind == "deploy":
            deploys.append((name, pos))
    return spawns, regions, deploys


def _object_tiles(path: Path, obj: Any, node: Element | None, grid: Grid, label: str) -> set[Pos]:
    w, h = grid.width, grid.height
    is_ellipse = node is not None and node.find("ellipse") is not None
    if node is not None and node.find("polyline") is not None:
        raise MapError(path, f"{label} is a polyline; regions must be closed shapes")
    if hasattr(obj, "points") or (bool(getattr(obj, "rotation", 0)) and not is_ellipse):
        points = [(float(p[0]), float(p[1])) for p in obj.apply_transformations()]
        tiles = polygon_tiles(points, TILE_SIZE, w, h)
    elif is_ellipse:
        tiles = ellipse_tiles(float(obj.x), float(obj.y), float(obj.width), float(obj.height), TILE_SIZE, w, h)
    else:
        tiles = rect_tiles(float(obj.x), float(obj.y), float(obj.width), float(obj.height), TILE_SIZE, w, h)
    tiles = {t for t in tiles if grid.in_bounds(t)}
    if not tiles:
        raise MapError(path, f"{label} lies outside the {w}x{h} map")
    return tiles
