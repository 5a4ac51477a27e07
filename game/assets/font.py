"""Bitmap fonts: our pixel font sheets (fonts/<id>.png + .json), crisp at every integer scale."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame

from game.assets.errors import AssetError
from game.assets.image_check import image_size

_CACHE_LIMIT = 512


class BitmapFont:
    """Renders text from a white glyph sheet; colours are made by multiplying the sheet."""

    def __init__(self, sheet: pygame.Surface, meta: dict[str, Any], name: str = "font") -> None:
        try:
            self.chars: str = meta["chars"]
            cell_w, cell_h = (int(v) for v in meta["cell"])
            columns = int(meta["columns"])
            advances = [int(a) for a in meta["advance"]]
            self.baseline = int(meta["baseline"])
            self.line_height = int(meta["line_height"])
        except (KeyError, TypeError, ValueError) as exc:
            raise AssetError(f"font {name}: bad metadata ({exc!r})") from exc
        if len(advances) != len(self.chars):
            raise AssetError(f"font {name}: {len(self.chars)} characters but {len(advances)} advance widths")
        rows = (len(self.chars) + columns - 1) // columns
        if sheet.get_width() < columns * cell_w or sheet.get_height() < rows * cell_h:
            raise AssetError(f"font {name}: sheet {sheet.get_size()} is smaller than {columns}x{rows} cells")
        self.name = name
        self.height = cell_h
        self._sheet = sheet
        self._glyphs = {
            c: (pygame.Rect((i % columns) * cell_w, (i // columns) * cell_h, cell_w, cell_h), advances[i])
            for i, c in enumerate(self.chars)
        }
        self._fallback = "?" if "?" in self._glyphs else self.chars[0]
        self._tinted: dict[tuple[int, int, int, int], pygame.Surface] = {}
        self._rendered: dict[tuple[str, tuple[int, ...], tuple[int, ...] | None], pygame.Surface] = {}

    @classmethod
    def load(cls, png: Path, meta: dict[str, Any], name: str) -> BitmapFont:
        image_size(png)  # the header first: never decode an image bomb
        try:
            sheet = pygame.image.load(str(png))
        except (pygame.error, FileNotFoundError) as exc:
            raise AssetError(f"font {name}: cannot read {png}: {exc}") from exc
        return cls(sheet, meta, name)

    def _glyph(self, c: str) -> tuple[pygame.Rect, int]:
        return self._glyphs.get(c) or self._glyphs[self._fallback]

    def line_width(self, line: str) -> int:
        return sum(self._glyph(c)[1] for c in line)

    def size(self, text: str) -> tuple[int, int]:
        lines = text.split("\n")
        return (
            max((self.line_width(line) for line in lines), default=0),
            self.height + (len(lines) - 1) * self.line_height,
        )

    def _sheet_in(self, color: tuple[int, int, int, int]) -> pygame.Surface:
        sheet = self._tinted.get(color)
        if sheet is None:
            sheet = self._sheet.copy()
            sheet.fill(color, special_flags=pygame.BLEND_RGBA_MULT)
            self._tinted[color] = sheet
        return sheet

    def render(
        self,
        text: str,
        color: pygame.typing.ColorLike = (255, 255, 255),
        shadow: pygame.typing.ColorLike | None = None,
    ) -> pygame.Surface:
        """Text on a transparent surface; `shadow` adds a 1-pixel drop shadow down-right."""
        rgba = _rgba(color)
        shade = _rgba(shadow) if shadow is not None else None
        key = (text, rgba, shade)
        cached = self._rendered.get(key)
        if cached is not None:
            return cached
        w, h = self.size(text)
        extra = 1 if shade is not None else 0
        out = pygame.Surface((max(1, w + extra), max(1, h + extra)), pygame.SRCALPHA)
        if shade is not None:
            self._draw(out, text, self._sheet_in(shade), 1, 1)
        self._draw(out, text, self._sheet_in(rgba), 0, 0)
        if len(self._rendered) >= _CACHE_LIMIT:
            self._rendered.clear()
        self._rendered[key] = out
        return out

    def _draw(self, out: pygame.Surface, text: str, sheet: pygame.Surface, x0: int, y0: int) -> None:
        y = y0
        for line in text.split("\n"):
            x = x0
            for c in line:
                rect, advance = self._glyph(c)
                out.blit(sheet, (x, y), rect)
                x += advance
            y += self.line_height

    def wrap(self, text: str, width: int) -> list[str]:
        """Word-wrap to lines no wider than `width` pixels (a word longer than that is split)."""
        lines: list[str] = []
        for paragraph in text.split("\n"):
            current = ""
            for word in paragraph.split(" "):
                candidate = word if not current else f"{current} {word}"
                if self.line_width(candidate) <= width:
                    current = candidate
                    continue
                if current:
                    lines.append(current)
                rest = word
                while self.line_width(rest) > width and len(rest) > 1:
                    cut = len(rest)
                    while cut > 1 and self.line_width(rest[:cut]) > width:
                        cut -= 1
                    lines.append(rest[:cut])
                    rest = rest[cut:]
                current = rest
            lines.append(current)
        return lines


def _rgba(color: pygame.typing.ColorLike) -> tuple[int, int, int, int]:
    c = pygame.Color(color)
    return (c.r, c.g, c.b, c.a)
