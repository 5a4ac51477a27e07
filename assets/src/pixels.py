"""A tiny RGBA canvas and PNG writer for the art generators (no third-party imaging library).

Written by hand so the generated PNGs are byte-identical on every machine: the same script
always produces the same files, which keeps the committed assets reviewable.
"""

from __future__ import annotations

import math
import random
import struct
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path

RGB = tuple[int, int, int]
RGBA = tuple[int, int, int, int]


def clamp(v: float, lo: int = 0, hi: int = 255) -> int:
    return lo if v < lo else hi if v > hi else int(v)


def shade(c: Sequence[int], f: float) -> RGB:
    """Darken (f < 1) or lighten (f > 1) a colour; lightening moves towards white."""
    if f <= 1:
        return (clamp(c[0] * f), clamp(c[1] * f), clamp(c[2] * f))
    t = f - 1
    return (clamp(c[0] + (255 - c[0]) * t), clamp(c[1] + (255 - c[1]) * t), clamp(c[2] + (255 - c[2]) * t))


def mix(a: Sequence[int], b: Sequence[int], t: float) -> RGB:
    return (clamp(a[0] + (b[0] - a[0]) * t), clamp(a[1] + (b[1] - a[1]) * t), clamp(a[2] + (b[2] - a[2]) * t))


class Canvas:
    def __init__(self, w: int, h: int, fill: RGBA = (0, 0, 0, 0)) -> None:
        self.w, self.h = w, h
        self.px: list[RGBA] = [fill] * (w * h)

    def get(self, x: int, y: int) -> RGBA:
        return self.px[(y % self.h) * self.w + (x % self.w)]

    def set(self, x: int, y: int, c: Sequence[int], alpha: float = 1.0) -> None:
        if not (0 <= x < self.w and 0 <= y < self.h):
            return
        i = y * self.w + x
        a = c[3] / 255 * alpha if len(c) > 3 else alpha
        if a >= 1:
            self.px[i] = (int(c[0]), int(c[1]), int(c[2]), 255)
            return
        if a <= 0:
            return
        old = self.px[i]
        oa = old[3] / 255
        na = a + oa * (1 - a)
        if na <= 0:
            return
        rgb = [(c[k] * a + old[k] * oa * (1 - a)) / na for k in range(3)]
        self.px[i] = (clamp(rgb[0]), clamp(rgb[1]), clamp(rgb[2]), clamp(na * 255))

    def fill(self, c: Sequence[int]) -> None:
        for y in range(self.h):
            for x in range(self.w):
                self.set(x, y, c)

    def rect(self, x0: int, y0: int, w: int, h: int, c: Sequence[int], alpha: float = 1.0) -> None:
        for y in range(y0, y0 + h):
            for x in range(x0, x0 + w):
                self.set(x, y, c, alpha)

    def ellipse(self, cx: float, cy: float, rx: float, ry: float, c: Sequence[int], alpha: float = 1.0) -> None:
        for y in range(int(cy - ry) - 1, int(cy + ry) + 2):
            for x in range(int(cx - rx) - 1, int(cx + rx) + 2):
                if ((x + 0.5 - cx) / rx) ** 2 + ((y + 0.5 - cy) / ry) ** 2 <= 1:
                    self.set(x, y, c, alpha)

    def line(self, x0: int, y0: int, x1: int, y1: int, c: Sequence[int], alpha: float = 1.0) -> None:
        dx, dy = abs(x1 - x0), -abs(y1 - y0)
        sx, sy = (1 if x0 < x1 else -1), (1 if y0 < y1 else -1)
        err = dx + dy
        while True:
            self.set(x0, y0, c, alpha)
            if x0 == x1 and y0 == y1:
                return
            e2 = 2 * err
            if e2 >= dy:
                err += dy
                x0 += sx
            if e2 <= dx:
                err += dx
                y0 += sy

    def polygon(self, pts: Sequence[tuple[float, float]], c: Sequence[int], alpha: float = 1.0) -> None:
        ys = [p[1] for p in pts]
        for y in range(int(min(ys)), int(max(ys)) + 1):
            fy = y + 0.5
            xs: list[float] = []
            for i in range(len(pts)):
                (ax, ay), (bx, by) = pts[i], pts[(i + 1) % len(pts)]
                if (ay <= fy < by) or (by <= fy < ay):
                    xs.append(ax + (fy - ay) * (bx - ax) / (by - ay))
            xs.sort()
            for a, b in zip(xs[::2], xs[1::2], strict=False):
                for x in range(math.ceil(a - 0.5), math.floor(b - 0.5) + 1):
                    self.set(x, y, c, alpha)

    def blit(self, other: Canvas, ox: int, oy: int) -> None:
        for y in range(other.h):
            for x in range(other.w):
                p = other.px[y * other.w + x]
                if p[3]:
                    self.set(ox + x, oy + y, p, 1.0)

    def crop(self, x0: int, y0: int, w: int, h: int) -> Canvas:
        out = Canvas(w, h)
        for y in range(h):
            for x in range(w):
                out.px[y * w + x] = self.get(x0 + x, y0 + y)
        return out

    def outline(self, c: Sequence[int], alpha: float = 1.0) -> None:
        """Draw `c` on transparent pixels that touch an opaque one (sprite outlines)."""
        solid = {(i % self.w, i // self.w) for i, p in enumerate(self.px) if p[3] > 128}
        for x, y in list(solid):
            for nx, ny in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
                if (nx, ny) not in solid and 0 <= nx < self.w and 0 <= ny < self.h:
                    self.set(nx, ny, c, alpha)

    def drop_shadow(self, dx: int = 2, dy: int = 2, alpha: float = 0.35) -> Canvas:
        """A copy with a soft dark shadow of the opaque pixels offset by (dx, dy)."""
        out = Canvas(self.w, self.h)
        for y in range(self.h):
            for x in range(self.w):
                if self.get(x - dx, y - dy)[3] > 128 and 0 <= x - dx < self.w and 0 <= y - dy < self.h:
                    out.set(x, y, (0, 0, 0), alpha)
        out.blit(self, 0, 0)
        return out


class Noise:
    """Tileable value noise: wraps every `period` pixels so tiles join without seams."""

    def __init__(self, seed: int, period: int = 32) -> None:
        rng = random.Random(seed)
        self.period = period
        self.cells = {p: [[rng.random() for _ in range(p)] for _ in range(p)] for p in (4, 8, 16, 32) if p <= period}

    def _layer(self, x: float, y: float, cells: int) -> float:
        grid = self.cells[cells]
        fx, fy = x * cells / self.period, y * cells / self.period
        x0, y0 = math.floor(fx), math.floor(fy)
        tx, ty = fx - x0, fy - y0
        tx, ty = tx * tx * (3 - 2 * tx), ty * ty * (3 - 2 * ty)

        def g(i: int, j: int) -> float:
            return grid[j % cells][i % cells]

        a = g(x0, y0) + (g(x0 + 1, y0) - g(x0, y0)) * tx
        b = g(x0, y0 + 1) + (g(x0 + 1, y0 + 1) - g(x0, y0 + 1)) * tx
        return a + (b - a) * ty

    def at(self, x: float, y: float, octaves: Iterable[tuple[int, float]] = ((4, 0.5), (8, 0.3), (16, 0.2))) -> float:
        return sum(self._layer(x, y, c) * w for c, w in octaves if c in self.cells)


def write_png(path: Path, canvas: Canvas) -> None:
    """Write an 8-bit RGBA PNG with fixed settings (deterministic bytes)."""
    raw = bytearray()
    for y in range(canvas.h):
        raw.append(0)
        for x in range(canvas.w):
            raw.extend(canvas.px[y * canvas.w + x])

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", canvas.w, canvas.h, 8, 6, 0, 0, 0)
    png = (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b"")
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(png)
