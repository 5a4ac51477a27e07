"""Shape rasterising and cel shading on numpy canvases: the drawing kit behind every sprite.

Shapes are boolean masks sampled at pixel centres (no anti-aliasing, so edges stay crisp pixel
art). A `Canvas` paints masks back to front as shaded parts: a base colour, a shadow crescent
away from the light (top-left), a lit rim, a panel line where the part covers another, and at
the end a dark outline around the whole sprite.
"""

from __future__ import annotations

import colorsys
from collections.abc import Sequence

import numpy as np

Color = tuple[int, int, int]
Point = tuple[float, float]
Ramp = tuple[Color, Color, Color, Color, Color]  # dark line, shadow, base, light, highlight


def rgb(hex_code: str) -> Color:
    h = hex_code.lstrip("#")
    return (int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16))


def _shift_hsv(color: Color, hue_toward: float, hue_amount: float, sat: float, val: float) -> Color:
    r, g, b = (c / 255 for c in color)
    h, s, v = colorsys.rgb_to_hsv(r, g, b)
    # Move the hue a little toward a target hue along the shorter way round the wheel.
    diff = ((hue_toward - h + 0.5) % 1.0) - 0.5
    h = (h + diff * hue_amount) % 1.0
    s = min(1.0, max(0.0, s * sat))
    v = min(1.0, max(0.0, v * val))
    r, g, b = colorsys.hsv_to_rgb(h, s, v)
    return (round(r * 255), round(g * 255), round(b * 255))


def ramp(base: str | Color) -> Ramp:
    """Five hue-shifted shades of one colour: shadows lean blue-purple, lights lean yellow."""
    c = rgb(base) if isinstance(base, str) else base
    return (
        _shift_hsv(c, 0.72, 0.25, 1.1, 0.32),
        _shift_hsv(c, 0.70, 0.12, 1.05, 0.70),
        c,
        _shift_hsv(c, 0.15, 0.06, 0.9, 1.14),
        _shift_hsv(c, 0.15, 0.12, 0.45, 1.55),
    )


def mix(a: Color, b: Color, t: float) -> Color:
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t), round(a[2] + (b[2] - a[2]) * t))


class Shapes:
    """Mask factory for one image size; coordinates are in pixels, sampled at pixel centres."""

    def __init__(self, width: int, height: int) -> None:
        self.width = width
        self.height = height
        ys, xs = np.mgrid[0:height, 0:width]
        self.x = xs + 0.5
        self.y = ys + 0.5

    def empty(self) -> np.ndarray:
        return np.zeros((self.height, self.width), bool)

    def poly(self, points: Sequence[Point]) -> np.ndarray:
        inside = self.empty()
        n = len(points)
        for i in range(n):
            x1, y1 = points[i]
            x2, y2 = points[(i + 1) % n]
            if y1 == y2:
                continue
            crosses = (y1 > self.y) != (y2 > self.y)
            at_x = (x2 - x1) * (self.y - y1) / (y2 - y1) + x1
            inside ^= crosses & (self.x < at_x)
        return inside

    def rect(self, x: float, y: float, w: float, h: float) -> np.ndarray:
        return (self.x >= x) & (self.x < x + w) & (self.y >= y) & (self.y < y + h)

    def ellipse(self, cx: float, cy: float, rx: float, ry: float) -> np.ndarray:
        return ((self.x - cx) / max(rx, 0.01)) ** 2 + ((self.y - cy) / max(ry, 0.01)) ** 2 <= 1.0

    def circle(self, cx: float, cy: float, r: float) -> np.ndarray:
        return self.ellipse(cx, cy, r, r)

    def capsule(self, p0: Point, p1: Point, r0: float, r1: float | None = None) -> np.ndarray:
        """A limb: a tapered bar from p0 (radius r0) to p1 (radius r1) with round ends."""
        r1 = r0 if r1 is None else r1
        return self.circle(*p0, r0) | self.circle(*p1, r1) | self.poly(_bar(p0, p1, r0, r1))

    def bar(self, p0: Point, p1: Point, r0: float, r1: float | None = None) -> np.ndarray:
        """A limb with square ends."""
        return self.poly(_bar(p0, p1, r0, r0 if r1 is None else r1))

    def line(self, p0: Point, p1: Point, width: float = 1.0) -> np.ndarray:
        return self.bar(p0, p1, width / 2)

    def ring(self, cx: float, cy: float, r: float, width: float) -> np.ndarray:
        d = (self.x - cx) ** 2 + (self.y - cy) ** 2
        return (d <= r * r) & (d >= (r - width) ** 2)


def _bar(p0: Point, p1: Point, r0: float, r1: float) -> list[Point]:
    dx, dy = p1[0] - p0[0], p1[1] - p0[1]
    length = max((dx * dx + dy * dy) ** 0.5, 1e-6)
    nx, ny = -dy / length, dx / length
    return [
        (p0[0] + nx * r0, p0[1] + ny * r0),
        (p1[0] + nx * r1, p1[1] + ny * r1),
        (p1[0] - nx * r1, p1[1] - ny * r1),
        (p0[0] - nx * r0, p0[1] - ny * r0),
    ]


def shift(mask: np.ndarray, dx: int, dy: int) -> np.ndarray:
    """out[y, x] = mask[y + dy, x + dx], False outside."""
    out = np.zeros_like(mask)
    h, w = mask.shape
    ys = slice(max(0, -dy), min(h, h - dy))
    xs = slice(max(0, -dx), min(w, w - dx))
    yd = slice(max(0, dy), min(h, h + dy))
    xd = slice(max(0, dx), min(w, w + dx))
    out[ys, xs] = mask[yd, xd]
    return out


def edge(mask: np.ndarray) -> np.ndarray:
    """Pixels of the mask with a 4-neighbour outside it."""
    inner = shift(mask, 1, 0) & shift(mask, -1, 0) & shift(mask, 0, 1) & shift(mask, 0, -1)
    return mask & ~inner


def grow(mask: np.ndarray, steps: int = 1, diagonal: bool = False) -> np.ndarray:
    out = mask.copy()
    for _ in range(steps):
        nxt = out | shift(out, 1, 0) | shift(out, -1, 0) | shift(out, 0, 1) | shift(out, 0, -1)
        if diagonal:
            nxt |= shift(out, 1, 1) | shift(out, -1, -1) | shift(out, 1, -1) | shift(out, -1, 1)
        out = nxt
    return out


class Canvas:
    """An RGBA image painted back to front with shaded parts."""

    def __init__(self, width: int, height: int) -> None:
        self.shapes = Shapes(width, height)
        self.width = width
        self.height = height
        self.rgb = np.zeros((height, width, 3), np.int32)
        self.alpha = np.zeros((height, width), np.int32)
        self.dark = np.zeros((height, width, 3), np.int32)  # each pixel's line colour, for outlines

    @property
    def opaque(self) -> np.ndarray:
        return self.alpha > 0

    def fill(self, mask: np.ndarray, color: Color, alpha: int = 255, dark: Color | None = None) -> None:
        if alpha >= 255:
            self.rgb[mask] = color
            self.alpha[mask] = 255
        else:
            # Alpha-blend over what is there; keep the stronger coverage.
            a = alpha / 255
            self.rgb[mask] = (self.rgb[mask] * (1 - a) + np.array(color) * a).round().astype(np.int32)
            self.alpha[mask] = np.maximum(self.alpha[mask], alpha)
        self.dark[mask] = dark if dark is not None else tuple(c // 3 for c in color)

    def add(self, mask: np.ndarray, color: Color, strength: float = 1.0) -> None:
        """Additive light (glows, flames) over opaque pixels; transparent pixels take the colour."""
        col = np.array(color) * strength
        was = self.alpha[mask] > 0
        cur = self.rgb[mask]
        self.rgb[mask] = np.where(was[:, None], np.minimum(255, cur + col).round(), col.round()).astype(np.int32)
        self.alpha[mask] = np.where(was, self.alpha[mask], max(1, min(255, round(255 * strength))))

    def part(
        self,
        mask: np.ndarray,
        shades: Ramp,
        *,
        shadow: float = 0.3,
        line: bool = True,
        rim: bool = True,
        gloss: bool = False,
        light: tuple[int, int] = (-1, -1),
    ) -> None:
        """Paint one cel-shaded piece of armour."""
        if not mask.any():
            return
        ys, xs = np.nonzero(mask)
        size = min(ys.max() - ys.min() + 1, xs.max() - xs.min() + 1)
        lx, ly = light
        colors = np.zeros((*mask.shape, 3), np.int32)
        colors[mask] = shades[2]
        if shadow > 0:
            d = max(1, round(size * shadow))
            far = mask & ~shift(mask, -lx * d, -ly * d)
            colors[far] = shades[1]
        if rim:
            # The lit rim runs along the edges facing the light; on small parts only the top edge.
            inner = shift(mask, 0, ly) if size < 6 else shift(mask, lx, 0) & shift(mask, 0, ly)
            lit = mask & ~inner
            colors[lit] = shades[3]
        if gloss and size >= 5:
            g = max(1, size // 5)
            spot = mask & ~shift(mask, lx * g * 2, ly * g * 2) & shift(mask, -lx * g, -ly * g)
            spot &= ~(mask & ~(shift(mask, lx, 0) & shift(mask, 0, ly)))
            colors[spot] = shades[4]
        if line:
            below = self.opaque
            border = edge(mask)
            # Only where the part covers something: the sprite outline comes later.
            touching = np.zeros_like(mask)
            for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                touching |= border & shift(below & ~mask, dx, dy)
            colors[touching] = shades[0]
        self.rgb[mask] = colors[mask]
        self.alpha[mask] = 255
        self.dark[mask] = shades[0]

    def outline(self, color: Color | None = None, darken: float = 0.55, diagonal: bool = False) -> None:
        """A 1-pixel outline around everything, coloured after the neighbouring part's line colour."""
        solid = self.alpha >= 128
        ring = grow(solid, 1, diagonal) & ~solid
        if color is not None:
            self.rgb[ring] = color
        else:
            acc = np.zeros_like(self.rgb)
            for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, -1), (1, -1), (-1, 1)):
                src = shift(solid, dx, dy)
                take = ring & src & ~acc.any(axis=2)
                acc[take] = np.roll(np.roll(self.dark, -dy, axis=0), -dx, axis=1)[take]
            self.rgb[ring] = (acc[ring] * darken).astype(np.int32)
        self.alpha[ring] = 255

    def glow(self, color: Color, radius: int, strength: float = 0.8) -> None:
        """A soft halo of `color` around the opaque pixels, behind them."""
        solid = self.alpha >= 128
        reach = solid
        layers = []
        for i in range(radius):
            nxt = grow(reach, 1, diagonal=i % 2 == 1)
            layers.append(nxt & ~reach)
            reach = nxt
        for i, ring in enumerate(layers):
            a = round(255 * strength * (1 - i / radius))
            self.rgb[ring] = color
            self.alpha[ring] = np.maximum(self.alpha[ring], a)

    def image(self) -> np.ndarray:
        out = np.zeros((self.height, self.width, 4), np.uint8)
        out[:, :, :3] = np.clip(self.rgb, 0, 255)
        out[:, :, 3] = np.clip(self.alpha, 0, 255)
        return out


def strip(frames: Sequence[np.ndarray]) -> np.ndarray:
    """Frames side by side, left to right."""
    return np.concatenate(list(frames), axis=1)


def flip_x(image: np.ndarray) -> np.ndarray:
    return image[:, ::-1].copy()


class Pen:
    """Draws on a canvas in a 100x100 design space, so one drawing serves every image size."""

    def __init__(self, canvas: Canvas, scale: float, ox: float, oy: float, small: bool) -> None:
        self.c = canvas
        self.s = scale
        self.ox = ox
        self.oy = oy
        self.small = small
        self.marks: dict[str, tuple[float, float]] = {}  # named points in pixels (weapon muzzle...)

    def mark(self, name: str, x: float, y: float) -> None:
        self.marks[name] = self.p(x, y)

    def p(self, x: float, y: float) -> tuple[float, float]:
        return (x * self.s + self.ox, y * self.s + self.oy)

    def pts(self, points: list[tuple[float, float]]) -> list[tuple[float, float]]:
        return [self.p(x, y) for x, y in points]

    def r(self, v: float) -> float:
        return max(0.6, v * self.s)

    def poly(self, points: list[tuple[float, float]]) -> np.ndarray:
        return self.c.shapes.poly(self.pts(points))

    def ell(self, x: float, y: float, rx: float, ry: float) -> np.ndarray:
        px, py = self.p(x, y)
        return self.c.shapes.ellipse(px, py, self.r(rx), self.r(ry))

    def cap(self, a: tuple[float, float], b: tuple[float, float], r0: float, r1: float | None = None) -> np.ndarray:
        return self.c.shapes.capsule(self.p(*a), self.p(*b), self.r(r0), self.r(r0 if r1 is None else r1))

    def bar(self, a: tuple[float, float], b: tuple[float, float], r0: float, r1: float | None = None) -> np.ndarray:
        return self.c.shapes.bar(self.p(*a), self.p(*b), self.r(r0), self.r(r0 if r1 is None else r1))

    def rect(self, x: float, y: float, w: float, h: float) -> np.ndarray:
        px, py = self.p(x, y)
        return self.c.shapes.rect(px, py, w * self.s, h * self.s)

    def ring(self, x: float, y: float, r: float, width: float) -> np.ndarray:
        px, py = self.p(x, y)
        return self.c.shapes.ring(px, py, self.r(r), max(1.0, width * self.s))

    def above(self, y: float) -> np.ndarray:
        return self.c.shapes.y < self.p(0, y)[1]

    def part(self, mask: np.ndarray, shades: Ramp, **kw: object) -> None:
        if self.small:
            kw.setdefault("shadow", 0.28)
        self.c.part(mask, shades, **kw)  # type: ignore[arg-type]

    def flat(self, mask: np.ndarray, color: Color) -> None:
        self.c.fill(mask, color)
