"""A vertical list menu: keyboard/gamepad cursor, mouse hover and click, wheel scrolling.

Disabled entries stay visible, greyed, and the reason is shown under the menu when the
cursor is on them (the reason text comes from the rules engine).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pygame

from game.ui.input.actions import Action, InputEvent, Kind
from game.ui.render import theme
from game.ui.render.text import Fonts

if TYPE_CHECKING:
    from game.ui.scene import Transition


@dataclass(frozen=True)
class Entry:
    label: str
    key: Any
    enabled: bool = True
    reason: str = ""  # why it is disabled (shown when highlighted)
    detail: str = ""  # right-aligned column (costs, values)
    help: str = ""  # description shown when highlighted and enabled
    #: what choosing it does (see `game.ui.scenes.menu.run_menu`); menus that only report
    #: the chosen key leave it out
    action: Callable[[], Transition | None] | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Picked:
    """The result of a menu: the chosen entry's key."""

    key: Any


class ListMenu:
    ROW = 18
    PAD = 6

    def __init__(
        self,
        entries: list[Entry],
        *,
        title: str = "",
        width: int = 150,
        max_rows: int = 12,
        index: int = 0,
        help_width: int = 0,
    ) -> None:
        self.entries = entries
        self.title = title
        self.width = width
        self.max_rows = max_rows
        self.index = max(0, min(index, len(entries) - 1)) if entries else 0
        self.scroll = 0
        self.help_width = help_width or width
        self.rect = pygame.Rect(0, 0, 0, 0)
        self._row_rects: list[tuple[int, pygame.Rect]] = []
        self._keep_visible()

    @property
    def current(self) -> Entry | None:
        return self.entries[self.index] if self.entries else None

    def size(self) -> tuple[int, int]:
        rows = min(len(self.entries), self.max_rows)
        h = rows * self.ROW + self.PAD * 2 + (self.ROW if self.title else 0)
        return self.width, h

    def _keep_visible(self) -> None:
        if self.index < self.scroll:
            self.scroll = self.index
        elif self.index >= self.scroll + self.max_rows:
            self.scroll = self.index - self.max_rows + 1

    def move(self, step: int) -> bool:
        if not self.entries:
            return False
        before = self.index
        self.index = (self.index + step) % len(self.entries)
        self._keep_visible()
        return before != self.index

    def row_rects(self) -> list[tuple[int, pygame.Rect]]:
        """(entry index, screen rect) of each row drawn last, for screens that add columns."""
        return list(self._row_rects)

    def entry_at(self, pos: tuple[int, int]) -> int | None:
        for index, rect in self._row_rects:
            if rect.collidepoint(pos):
                return index
        return None

    def handle(self, ev: InputEvent) -> str | None:
        """Returns "pick" (current entry chosen, maybe disabled), "cancel", "moved" or None."""
        if ev.kind is Kind.POINT and ev.pos is not None:
            hit = self.entry_at(ev.pos)
            if hit is not None and hit != self.index:
                self.index = hit
                return "moved"
            return None
        if ev.kind is Kind.WHEEL:
            return "moved" if self.move(ev.delta[1]) else None
        if ev.kind is not Kind.PRESS:
            return None
        if ev.action is Action.UP:
            return "moved" if self.move(-1) else None
        if ev.action is Action.DOWN:
            return "moved" if self.move(1) else None
        if ev.action is Action.CONFIRM:
            if ev.pos is not None:
                hit = self.entry_at(ev.pos)
                if hit is None:
                    return None if self.rect.collidepoint(ev.pos) else "cancel_outside"
                self.index = hit
            return "pick" if self.entries else None
        if ev.action is Action.CANCEL:
            return "cancel"
        return None

    def draw(self, surface: pygame.Surface, fonts: Fonts, topleft: tuple[int, int], *, show_help: bool = True) -> None:
        w, h = self.size()
        x, y = topleft
        x = max(2, min(x, surface.get_width() - w - 2))
        y = max(2, min(y, surface.get_height() - h - 2))
        self.rect = pygame.Rect(x, y, w, h)
        fonts.panel(surface, self.rect)
        cy = y + self.PAD
        if self.title:
            fonts.draw(
                surface, self.title, (x + self.PAD + 2, cy + 1), size=Fonts.SMALL, colour=theme.ACCENT, bold=True
            )
            cy += self.ROW
        self._row_rects = []
        visible = self.entries[self.scroll : self.scroll + self.max_rows]
        for i, entry in enumerate(visible):
            index = self.scroll + i
            row = pygame.Rect(x + 3, cy, w - 6, self.ROW)
            self._row_rects.append((index, row))
            if index == self.index:
                pygame.draw.rect(surface, theme.HIGHLIGHT, row)
                pygame.draw.rect(surface, theme.CURSOR, row, 1)
            colour = theme.TEXT if entry.enabled else theme.TEXT_DISABLED
            fonts.draw(surface, entry.label, (row.x + 6, row.y + 3), colour=colour)
            if entry.detail:
                fonts.draw(surface, entry.detail, (row.right - 6, row.y + 3), colour=colour, align="right")
            cy += self.ROW
        if self.scroll > 0:
            pygame.draw.polygon(surface, theme.TEXT, [(x + w - 12, y + 6), (x + w - 8, y + 2), (x + w - 4, y + 6)])
        if self.scroll + self.max_rows < len(self.entries):
            pygame.draw.polygon(
                surface, theme.TEXT, [(x + w - 12, y + h - 6), (x + w - 8, y + h - 2), (x + w - 4, y + h - 6)]
            )
        current = self.current
        if show_help and current is not None:
            text = current.help if current.enabled else (current.reason or "Not available now.")
            if text:
                self._draw_help(surface, fonts, text, not current.enabled)

    def _draw_help(self, surface: pygame.Surface, fonts: Fonts, text: str, warn: bool) -> None:
        width = max(self.help_width, self.rect.w)
        lines = fonts.wrap(text, width - 12, Fonts.SMALL)
        lh = fonts.line_height(Fonts.SMALL)
        h = len(lines) * lh + 8
        x = max(2, min(self.rect.x, surface.get_width() - width - 2))
        y = self.rect.bottom + 2
        if y + h > surface.get_height() - 2:
            y = self.rect.y - h - 2
        rect = pygame.Rect(x, y, width, h)
        fonts.panel(surface, rect, edge=theme.WARNING if warn else theme.PANEL_EDGE)
        for i, line in enumerate(lines):
            fonts.draw(
                surface, line, (x + 6, y + 4 + i * lh), size=Fonts.SMALL, colour=theme.WARNING if warn else theme.TEXT
            )
