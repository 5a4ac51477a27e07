"""Overlay scenes: a list menu and a yes/no confirmation. They pop with their answer.
`run_menu` is how every screen feeds input to its list menu."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.ui.input.actions import Action, InputEvent, Kind
from game.ui.render import theme
from game.ui.render.menu import Entry, ListMenu, Picked
from game.ui.render.text import Fonts
from game.ui.scene import Pop, Scene, Transition
from game.ui.services import Services

if TYPE_CHECKING:
    from game.ui.audio import Audio


def run_menu(
    menu: ListMenu,
    ev: InputEvent,
    audio: Audio,
    *,
    pick: Callable[[Entry], Transition | None] | None = None,
    cancel: Callable[[], Transition | None] | None = None,
    cancel_outside: bool = True,
) -> Transition | None:
    """One input to `menu`, with its sounds: moving clicks; a disabled entry buzzes (its
    reason is on screen); an enabled one runs its own action, else `pick(entry)`; cancel
    (or a click outside, with `cancel_outside`) runs `cancel`, if the menu can be left."""
    result = menu.handle(ev)
    if result == "moved":
        audio.sfx("cursor")
        return None
    if result == "pick":
        entry = menu.current
        if entry is None:
            return None
        if not entry.enabled:
            audio.sfx("buzz")
            return None
        audio.sfx("confirm")
        if entry.action is not None:
            return entry.action()
        return pick(entry) if pick is not None else None
    if cancel is not None and (result == "cancel" or (result == "cancel_outside" and cancel_outside)):
        audio.sfx("cancel")
        return cancel()
    return None


class MenuScene(Scene):
    """Pops `Picked(key)` for an enabled entry, None on cancel. Disabled entries buzz and
    keep the menu open (their reason is on screen)."""

    opaque = False

    def __init__(
        self,
        services: Services,
        entries: list[Entry],
        *,
        title: str = "",
        anchor: tuple[int, int] = (400, 80),
        width: int = 140,
        help_width: int = 0,
        index: int = 0,
        cancel_outside: bool = True,
    ) -> None:
        self.services = services
        if entries and not entries[index].enabled:  # open on something that can be chosen
            index = next((i for i, e in enumerate(entries) if e.enabled), index)
        self.menu = ListMenu(entries, title=title, width=width, help_width=help_width, index=index)
        self.anchor = anchor
        self.cancel_outside = cancel_outside

    def handle(self, ev: InputEvent) -> Transition | None:
        return run_menu(
            self.menu,
            ev,
            self.services.audio,
            pick=lambda entry: Pop(Picked(entry.key)),
            cancel=lambda: Pop(None),
            cancel_outside=self.cancel_outside,
        )

    def draw(self, surface: pygame.Surface) -> None:
        self.menu.draw(surface, self.services.fonts, self.anchor)


class ConfirmScene(Scene):
    """A question with Yes / No. Pops True or False."""

    opaque = False

    def __init__(
        self,
        services: Services,
        question: str,
        *,
        yes: str = "Yes",
        no: str = "No",
        default_yes: bool = False,
    ) -> None:
        self.services = services
        self.question = question
        width = max(120, services.fonts.width(yes) + 24, services.fonts.width(no) + 24)
        self.menu = ListMenu([Entry(yes, True), Entry(no, False)], width=width, index=0 if default_yes else 1)

    def handle(self, ev: InputEvent) -> Transition | None:
        return run_menu(
            self.menu,
            ev,
            self.services.audio,
            pick=lambda entry: Pop(bool(entry.key)),
            cancel=lambda: Pop(False),
        )

    def draw(self, surface: pygame.Surface) -> None:
        fonts = self.services.fonts
        lines = fonts.wrap(self.question, 320)
        lh = fonts.line_height()
        w = 340
        h = len(lines) * lh + 16
        rect = pygame.Rect((surface.get_width() - w) // 2, 110, w, h)
        fonts.panel(surface, rect, edge=theme.ACCENT)
        for i, line in enumerate(lines):
            fonts.draw(surface, line, (rect.centerx, rect.y + 8 + i * lh), align="center")
        mw, _ = self.menu.size()
        self.menu.draw(surface, fonts, (rect.centerx - mw // 2, rect.bottom + 4), show_help=False)


class MessageScene(Scene):
    """A message the player dismisses with confirm or cancel."""

    opaque = False

    def __init__(self, services: Services, title: str, text: str) -> None:
        self.services = services
        self.title = title
        self.text = text

    def handle(self, ev: InputEvent) -> Transition | None:
        if ev.kind is Kind.PRESS and ev.action in (Action.CONFIRM, Action.CANCEL):
            return Pop(None)
        return None

    def draw(self, surface: pygame.Surface) -> None:
        fonts = self.services.fonts
        lines = fonts.wrap(self.text, 380)
        lh = fonts.line_height()
        h = len(lines) * lh + 50
        rect = pygame.Rect((surface.get_width() - 400) // 2, (surface.get_height() - h) // 2, 400, h)
        fonts.panel(surface, rect, edge=theme.ACCENT)
        fonts.draw(surface, self.title, (rect.x + 10, rect.y + 8), colour=theme.ACCENT, bold=True)
        for i, line in enumerate(lines):
            fonts.draw(surface, line, (rect.x + 10, rect.y + 28 + i * lh))
        fonts.draw(
            surface,
            self.services.keys("{confirm} / click: OK"),
            (rect.right - 8, rect.bottom - 18),
            size=Fonts.SMALL,
            colour=theme.TEXT_DIM,
            align="right",
        )
