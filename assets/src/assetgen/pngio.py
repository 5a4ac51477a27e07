"""A minimal, deterministic PNG writer and reader for RGBA images held in numpy arrays.

We write PNGs ourselves (rather than through pygame or Pillow) so the bytes depend only on the
pixels and zlib: no timestamps, gamma chunks or library version strings.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import numpy as np

_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def encode_png(rgba: np.ndarray) -> bytes:
    """Encode an (H, W, 4) uint8 array as an 8-bit RGBA PNG."""
    if rgba.dtype != np.uint8 or rgba.ndim != 3 or rgba.shape[2] != 4:
        raise ValueError(f"expected an (H, W, 4) uint8 array, got {rgba.shape} {rgba.dtype}")
    height, width = rgba.shape[:2]
    # Fully transparent pixels are zeroed so hidden colour never changes the bytes.
    clean = rgba.copy()
    clean[clean[:, :, 3] == 0] = 0
    rows = np.zeros((height, width * 4 + 1), np.uint8)
    # Filter "Sub" (1) on every row: small, and identical on every machine.
    flat = clean.reshape(height, width * 4).astype(np.int16)
    sub = flat.copy()
    sub[:, 4:] = flat[:, 4:] - flat[:, :-4]
    rows[:, 0] = 1
    rows[:, 1:] = (sub & 0xFF).astype(np.uint8)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    body = zlib.compress(rows.tobytes(), 9)
    return _SIGNATURE + _chunk(b"IHDR", header) + _chunk(b"IDAT", body) + _chunk(b"IEND", b"")


def write_png(path: Path, rgba: np.ndarray) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(encode_png(rgba))


def _unfilter(kind: int, row: np.ndarray, prev: np.ndarray, bpp: int) -> np.ndarray:
    out = row.astype(np.int32)
    if kind == 0:
        return out
    if kind == 2:
        return (out + prev) & 0xFF
    if kind == 1:
        return out.reshape(-1, bpp).cumsum(axis=0).reshape(-1) & 0xFF
    result = np.zeros_like(out)
    for i in range(len(out)):
        left = result[i - bpp] if i >= bpp else 0
        up = prev[i]
        upleft = prev[i - bpp] if i >= bpp else 0
        if kind == 1:
            pred = left
        elif kind == 3:
            pred = (left + up) // 2
        else:
            p = left + up - upleft
            pa, pb, pc = abs(p - left), abs(p - up), abs(p - upleft)
            pred = left if pa <= pb and pa <= pc else (up if pb <= pc else upleft)
        result[i] = (out[i] + pred) & 0xFF
    return result


def decode_png(data: bytes) -> np.ndarray:
    """Decode an 8-bit RGBA or RGB PNG (non-interlaced), as written by `encode_png` or most editors."""
    if not data.startswith(_SIGNATURE):
        raise ValueError("not a PNG file")
    pos = len(_SIGNATURE)
    idat = b""
    width = height = channels = 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or colour not in (2, 6) or interlace:
                raise ValueError("only 8-bit non-interlaced RGB/RGBA PNGs are supported")
            channels = 4 if colour == 6 else 3
        elif kind == b"IDAT":
            idat += body
    raw = np.frombuffer(zlib.decompress(idat), np.uint8).reshape(height, width * channels + 1)
    prev = np.zeros(width * channels, np.int32)
    out = np.zeros((height, width * channels), np.uint8)
    for y in range(height):
        prev = _unfilter(int(raw[y, 0]), raw[y, 1:], prev, channels)
        out[y] = prev
    img = out.reshape(height, width, channels)
    if channels == 3:
        img = np.concatenate([img, np.full((height, width, 1), 255, np.uint8)], axis=2)
    return img
