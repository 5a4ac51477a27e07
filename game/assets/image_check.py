"""Image sizes read from the file's header, before any decoder sees the pixels.

A PNG of a few kilobytes can declare 60000x60000 pixels: decoding it asks for gigabytes
and can crash the process outright, which no exception handler catches. So an image's
format and size are read from its first bytes (PNG's IHDR chunk, a JPEG's frame header, a
BMP's info header) and checked against `ImageLimits` first; only then is it decoded.
Formats without a trustworthy size in their header are refused (the game's art is PNG).
"""

from __future__ import annotations

import os
import stat
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from game.assets.errors import AssetError

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
FORMATS = "PNG, JPEG or BMP"
_JPEG_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}
_JPEG_SCAN_LIMIT = 1 << 20  # a frame header further in than this is not a real image's


@dataclass(frozen=True, slots=True)
class ImageLimits:
    """The largest image the game reads (docs/MODDING.md lists them)."""

    max_side: int = 4096  # pixels, either way
    max_pixels: int = 4096 * 2048  # 32 MB once decoded to RGBA
    max_bytes: int = 16 * 1024 * 1024


IMAGE_LIMITS = ImageLimits()


class ImageRefused(AssetError):
    """An image that is not read: the message names the file and the reason."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"image {path}: {reason}")
        self.path = path
        self.reason = reason


def _png(head: bytes) -> tuple[int, int]:
    if len(head) < 24 or head[12:16] != b"IHDR":
        raise ValueError("a PNG whose first chunk is not its header (IHDR)")
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def _bmp(head: bytes) -> tuple[int, int]:
    if len(head) < 26:
        raise ValueError("a BMP cut short in its header")
    (dib,) = struct.unpack("<I", head[14:18])
    if dib == 12:  # OS/2 BITMAPCOREHEADER
        width, height = struct.unpack("<HH", head[18:22])
        return width, height
    width, height = struct.unpack("<ii", head[18:26])
    return abs(width), abs(height)  # a negative height means top-down rows


def _jpeg(f: BinaryIO) -> tuple[int, int]:
    f.seek(2)
    while f.tell() < _JPEG_SCAN_LIMIT:
        marker = f.read(2)
        if len(marker) < 2 or marker[0] != 0xFF:
            break
        kind = marker[1]
        if kind == 0xFF:  # fill byte
            f.seek(-1, os.SEEK_CUR)
            continue
        if kind in (0xD8, 0x01) or 0xD0 <= kind <= 0xD7:  # markers without a length
            continue
        raw = f.read(2)
        if len(raw) < 2:
            break
        (length,) = struct.unpack(">H", raw)
        if kind in _JPEG_SOF:
            body = f.read(5)
            if len(body) < 5:
                break
            height, width = struct.unpack(">HH", body[1:5])
            return width, height
        if length < 2:
            break
        f.seek(length - 2, os.SEEK_CUR)
    raise ValueError("a JPEG without a readable frame header")


def image_size(path: Path, limits: ImageLimits = IMAGE_LIMITS) -> tuple[int, int]:
    """(width, height) of the image at `path` from its header, checked against `limits`;
    ImageRefused names the file and what is wrong. Only regular files are opened."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise ImageRefused(path, f"cannot be read ({exc.strerror or exc})") from None
    with os.fdopen(fd, "rb") as f:
        info = os.fstat(f.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise ImageRefused(path, "is not a regular file (a device, a pipe or a folder)")
        if info.st_size > limits.max_bytes:
            raise ImageRefused(path, f"is {info.st_size:,} bytes; images may be at most {limits.max_bytes:,}")
        head = f.read(32)
        try:
            if head.startswith(PNG_SIGNATURE):
                width, height = _png(head)
            elif head.startswith(b"\xff\xd8"):
                width, height = _jpeg(f)
            elif head.startswith(b"BM"):
                width, height = _bmp(head)
            else:
                raise ValueError(f"not a {FORMATS} image")
        except (ValueError, struct.error, OSError) as exc:
            raise ImageRefused(path, f"cannot be used: {exc}") from None
    if width <= 0 or height <= 0:
        raise ImageRefused(path, f"is {width}x{height} pixels: it has no pixels")
    if width > limits.max_side or height > limits.max_side or width * height > limits.max_pixels:
        raise ImageRefused(
            path,
            f"is {width:,}x{height:,} pixels; images may be at most {limits.max_side} pixels "
            f"either way and {limits.max_pixels:,} pixels in all (decoding it could exhaust memory)",
        )
    return width, height
