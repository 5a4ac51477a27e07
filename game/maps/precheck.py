"""Checks a map file before pytmx reads it, so hostile or broken files fail with a clear error.

pytmx parses with the standard library's XML parser and decompresses layer data without
limits. Here every `.tmx` and external `.tsx` is first parsed by defusedxml with DTDs
forbidden (no entity expansion bombs, no external entities), sizes are bounded, and
compressed layer data is inflated with a cap before pytmx ever sees it.
"""

from __future__ import annotations

import base64
import binascii
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


def parse_xml(path: Path, what: str) -> Element:
    """Parse `path` safely; raises MapError naming the file for any problem."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise MapError(path, f"cannot read the {what}: {exc.strerror or exc}") from None
    if size > MAX_FILE_BYTES:
        raise MapError(path, f"the {what} is {size} bytes; the limit is {MAX_FILE_BYTES}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise MapError(path, f"cannot read the {what}: {exc.strerror or exc}") from None
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
    return root


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
            if not v.strip().isdigit():
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
            raw = inflater.decompress(raw, expected + 1)
        except zlib.error as exc:
            raise MapError(path, f"layer {name!r} has broken {compression} data: {exc}") from None
        if not inflater.eof and len(raw) <= expected:
            raise MapError(path, f"layer {name!r} has truncated {compression} data")
    elif compression:
        raise MapError(path, f"layer {name!r} uses {compression!r} compression; use zlib, gzip or none")
    if len(raw) != expected:
        raise MapError(path, f"layer {name!r} holds {len(raw) // 4} tiles; a {width}x{height} map needs {cells}")
