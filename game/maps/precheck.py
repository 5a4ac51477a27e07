"""Checks a map file before pytmx reads it, so hostile or broken files fail with a clear error.

pytmx parses with the standard library's XML parser and decompresses layer data without
limits. Here every `.tmx` and external `.tsx` is first parsed by defusedxml with DTDs
forbidden (no entity expansion bombs, no external entities), sizes are bounded, and
compressed layer data is inflated with a cap before pytmx ever sees it.
"""

from __future__ import annotations

import base64
import binascii
import math
import os
import stat
import zlib
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from game.maps.errors import MapError

TILE_SIZE = 32
MAX_FILE_BYTES = 4 * 1024 * 1024
MAX_SIDE = 256  # tiles; the campaign maps are about 26 across
MAX_LAYERS = 32
MAX_TILESETS = 16
MAX_OBJECTS = 4096
MAX_POINTS = 1024  # per polygon
MAX_COORD = 1_000_000  # pixels; 120 times the largest map, far from float trouble
MAX_SHAPE_WORK = 4_000_000  # tile-centre tests over all objects (about a second at worst)


def read_map_file(path: Path, what: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a map file: a regular file (never a device such as /dev/zero, which reads
    forever, a FIFO, which blocks, or a symbolic link, whose target could be anything) of at
    most `limit` bytes. MapError names the file and the problem."""
    try:
        if path.is_symlink():
            raise MapError(path, f"the {what} is a symbolic link; only regular files are read")
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise MapError(path, f"cannot read the {what}: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise MapError(path, f"the {what} is not a regular file (a device, a pipe or a folder)")
        if info.st_size > limit:
            raise MapError(path, f"the {what} is {info.st_size} bytes; the limit is {limit}")
        with os.fdopen(os.dup(fd), "rb") as f:
            data = f.read(limit + 1)
        if len(data) > limit:
            raise MapError(path, f"the {what} grew past {limit} bytes while it was read")
        return data
    except OSError as exc:
        raise MapError(path, f"cannot read the {what}: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def parse_xml(path: Path, what: str) -> Element:
    """Parse `path` safely; raises MapError naming the file for any problem."""
    data = read_map_file(path, what)
    try:
        return fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise MapError(path, f"the {what} uses XML features that are not allowed (DTD or entities): {exc}") from None
    except ParseError as exc:
        raise MapError(path, f"the {what} is not well-formed XML: {exc}") from None
    except (LookupError, ValueError) as exc:  # e.g. an unknown encoding in the XML declaration
        raise MapError(path, f"the {what} cannot be decoded: {exc}") from None


def _int_attr(path: Path, node: Element, name: str, default: int | None = None) -> int:
    raw = node.get(name)
    if raw is None:
        if default is None:
            raise MapError(path, f"<{node.tag}> has no {name!r} attribute")
        return default
    try:
        return int(raw)
    except ValueError:
        raise MapError(path, f"<{node.tag}> attribute {name}={raw!r} is not a whole number") from None


def check_tileset(path: Path) -> Element:
    root = parse_xml(path, "tileset")
    if root.tag != "tileset":
        raise MapError(path, f"expected a <tileset> file, found <{root.tag}>")
    tw, th = _int_attr(path, root, "tilewidth"), _int_attr(path, root, "tileheight")
    if (tw, th) != (TILE_SIZE, TILE_SIZE):
        raise MapError(path, f"tiles are {tw}x{th} pixels; the game uses {TILE_SIZE}x{TILE_SIZE}")
    return root


def tileset_images(path: Path) -> tuple[Path, ...]:
    """The image files a `.tsx` tileset names (its sheet and any per-tile images), resolved
    next to it; the window decodes them, so their headers are checked first (see
    game.assets.image_check)."""
    root = check_tileset(path)
    out = []
    for image in root.iter("image"):
        source = image.get("source")
        if not source:
            raise MapError(path, "an <image> has no source (embedded image data is not supported)")
        out.append((path.parent / source).resolve())
    return tuple(out)


def map_images(path: Path) -> tuple[Path, ...]:
    """Every image file the map's tilesets name, in order; MapError for a broken map or tileset."""
    root = check_map(path)
    out: list[Path] = []
    for ts in root.findall("tileset"):
        out.extend(tileset_images((path.parent / ts.get("source", "")).resolve()))
    return tuple(out)


def check_map(path: Path) -> Element:
    """Validate the shape of a `.tmx` and its external tilesets; returns the parsed root."""
    root = parse_xml(path, "map")
    if root.tag != "map":
        raise MapError(path, f"expected a <map> file, found <{root.tag}>")
    if root.get("orientation", "orthogonal") != "orthogonal":
        raise MapError(path, f"orientation {root.get('orientation')!r} is not supported; use orthogonal")
    if root.get("infinite", "0") not in ("0", "false"):
        raise MapError(path, "infinite maps are not supported; set a fixed map size in Tiled (Map > Map Properties)")
    width, height = _int_attr(path, root, "width"), _int_attr(path, root, "height")
    if not (1 <= width <= MAX_SIDE and 1 <= height <= MAX_SIDE):
        raise MapError(path, f"map size {width}x{height} is out of range (1 to {MAX_SIDE} tiles each way)")
    tw, th = _int_attr(path, root, "tilewidth"), _int_attr(path, root, "tileheight")
    if (tw, th) != (TILE_SIZE, TILE_SIZE):
        raise MapError(path, f"the map grid is {tw}x{th} pixels; the game uses {TILE_SIZE}x{TILE_SIZE} tiles")

    tilesets = root.findall("tileset")
    if not tilesets:
        raise MapError(path, "the map has no tileset")
    if len(tilesets) > MAX_TILESETS:
        raise MapError(path, f"the map has {len(tilesets)} tilesets; the limit is {MAX_TILESETS}")
    for ts in tilesets:
        _int_attr(path, ts, "firstgid")
        source = ts.get("source")
        if source is None:
            raise MapError(path, "embedded tilesets are not supported; use an external .tsx (Tiled: Export Tileset)")
        if not source.lower().endswith(".tsx"):
            raise MapError(path, f"tileset {source!r} is not a .tsx file")
        ts_path = (path.parent / source).resolve()
        if not ts_path.is_file():
            raise MapError(path, f"tileset {source!r} not found (looked for {ts_path})")
        check_tileset(ts_path)

    layers = root.findall(".//layer")
    if not layers:
        raise MapError(path, "the map has no tile layer")
    if len(layers) > MAX_LAYERS:
        raise MapError(path, f"the map has {len(layers)} tile layers; the limit is {MAX_LAYERS}")
    for layer in layers:
        _check_layer(path, layer, width, height)
    objects = root.findall(".//objectgroup/object")
    if len(objects) > MAX_OBJECTS:
        raise MapError(path, f"the map has {len(objects)} objects; the limit is {MAX_OBJECTS}")
    work = sum(_check_object(path, obj, width, height) for obj in objects)
    if work > MAX_SHAPE_WORK:
        raise MapError(
            path,
            f"the map's objects cover too much: finding their tiles would take {work:,} steps "
            f"(the limit is {MAX_SHAPE_WORK:,}); use fewer or smaller regions, or fewer polygon points",
        )
    return root


def _gid_text(text: str) -> bool:
    """A tile or object number as Tiled writes it: ASCII digits, at most 32 bits (10 digits)."""
    return text.isascii() and text.isdigit() and len(text) <= 10


def _object_label(obj: Element) -> str:
    name = obj.get("name")
    return f"object {name[:40]!r} (id {obj.get('id', '?')[:12]})" if name else f"object id {obj.get('id', '?')[:12]}"


def _coordinate(path: Path, obj: Element, what: str, raw: str, reach: float) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise MapError(path, f"{_object_label(obj)}: {what} {raw[:24]!r} is not a number") from None
    if not math.isfinite(value) or abs(value) > reach:
        raise MapError(
            path,
            f"{_object_label(obj)}: {what} {raw[:24]!r} is not a finite number between -{reach:g} and {reach:g}",
        )
    return value


def _check_object(path: Path, obj: Element, width: int, height: int) -> int:
    """Every number of an object (position, size, rotation, polygon points) is finite and
    within MAX_COORD: nan, inf or 1e308 would otherwise reach the tile arithmetic. Objects
    beyond the map's edge but within reach are reported by the loader as outside the map.
    Returns the work finding its tiles takes (tiles in its bounds times its points)."""
    reach = float(MAX_COORD)
    if obj.get("id") is not None and not _gid_text(obj.get("id", "")):
        raise MapError(path, f"{_object_label(obj)}: id {obj.get('id', '')[:24]!r} is not a whole number")
    box = {a: _coordinate(path, obj, a, obj.get(a, "0"), reach) for a in ("x", "y", "width", "height")}
    rotation = _coordinate(path, obj, "rotation", obj.get("rotation", "0"), 360.0)
    xs, ys = [box["x"], box["x"] + box["width"]], [box["y"], box["y"] + box["height"]]
    points = 1
    for shape in ("polygon", "polyline"):
        for node in obj.findall(shape):
            written = (node.get("points") or "").split()
            if len(written) > MAX_POINTS:
                raise MapError(
                    path, f"{_object_label(obj)} has {len(written)} {shape} points; the limit is {MAX_POINTS}"
                )
            points = max(points, len(written))
            for point in written:
                parts = point.split(",")
                if len(parts) != 2:
                    raise MapError(path, f"{_object_label(obj)}: {shape} point {point[:24]!r} is not 'x,y'")
                px, py = (_coordinate(path, obj, f"{shape} point", part, reach) for part in parts)
                xs.append(box["x"] + px)
                ys.append(box["y"] + py)
    if rotation:
        return width * height * points  # turned about its corner: count the whole map
    cols = min(width, int(max(xs) // TILE_SIZE) + 1) - max(0, int(min(xs) // TILE_SIZE))
    rows = min(height, int(max(ys) // TILE_SIZE) + 1) - max(0, int(min(ys) // TILE_SIZE))
    return max(1, cols) * max(1, rows) * points


def _check_layer(path: Path, layer: Element, width: int, height: int) -> None:
    name = layer.get("name", "?")
    lw, lh = _int_attr(path, layer, "width", width), _int_attr(path, layer, "height", height)
    if (lw, lh) != (width, height):
        raise MapError(path, f"layer {name!r} is {lw}x{lh}; it must match the map size {width}x{height}")
    data = layer.find("data")
    if data is None:
        raise MapError(path, f"layer {name!r} has no <data>")
    if data.find("chunk") is not None:
        raise MapError(path, f"layer {name!r} is stored in chunks (an infinite map); use a fixed-size map")
    encoding = data.get("encoding")
    text = (data.text or "").strip()
    cells = width * height
    if encoding == "csv":
        values = [v for v in text.replace("\n", "").split(",") if v.strip()]
        if len(values) != cells:
            raise MapError(path, f"layer {name!r} has {len(values)} tiles; a {width}x{height} map needs {cells}")
        for v in values:
            if not _gid_text(v.strip()):
                raise MapError(path, f"layer {name!r} has a bad tile number {v.strip()[:20]!r}")
        return
    if encoding != "base64":
        raise MapError(path, f"layer {name!r} uses encoding {encoding!r}; save layers as CSV or Base64 (zlib or gzip)")
    try:
        raw = base64.b64decode(text, validate=False)
    except (binascii.Error, ValueError):
        raise MapError(path, f"layer {name!r} has broken base64 data") from None
    expected = cells * 4
    compression = data.get("compression")
    if compression in ("zlib", "gzip"):
        wbits = zlib.MAX_WBITS if compression == "zlib" else 16 + zlib.MAX_WBITS
        inflater = zlib.decompressobj(wbits)
        try:
            # Inflate at most one byte more than a valid layer needs: a zip bomb stops here.
            packed = len(raw)
            raw = inflater.decompress(raw, expected + 1)
        except zlib.error as exc:
            raise MapError(path, f"layer {name!r} has broken {compression} data: {exc}") from None
        if len(raw) > expected or (not inflater.eof and inflater.unconsumed_tail):
            raise MapError(
                path,
                f"layer {name!r}: {packed:,} bytes of {compression} data inflate to more than the "
                f"{expected:,} bytes ({cells} tiles) a {width}x{height} map needs; refused without inflating the rest",
            )
        if not inflater.eof:
            raise MapError(path, f"layer {name!r} has truncated {compression} data")
    elif compression:
        raise MapError(path, f"layer {name!r} uses {compression!r} compression; use zlib, gzip or none")
    if len(raw) != expected:
        raise MapError(path, f"layer {name!r} holds {len(raw) // 4} tiles; a {width}x{height} map needs {cells}")
