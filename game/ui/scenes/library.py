"""The library screen: the story so far, the machines and the people, each entry opened
once a won battle has met it. Left/right change the section, up/down the entry."""

from __future__ import annotations

from collections.abc import Iterable

import pygame

from game.campaign import CampaignError
from game.campaign.story import load_story
from game.ui.input.actions import Action, InputEvent, Kind
from game.ui.model.catalog import LoadedScenario
from game.ui.model.library import HIDDEN_TITLE, KIND_TITLES, KINDS, Library, LibraryEntry, build_library, won_battles
from game.ui.render import theme
from game.ui.render.text import Fonts
from game.ui.scene import Pop, Scene, Transition
from game.ui.scenes.backdrop import Backdrop
from game.ui.services import Services

ROWS = 14


def story_order(services: Services) -> list[str]:
    """The campaign's stages in story order, each route's stages after its branch."""
    linear = list(services.catalog.campaign())
    game_dir = getattr(services.catalog, "game_dir", None)
    try:
        story = load_story(game_dir) if game_dir is not None else None
    except CampaignError:
        story = None
    if story is None or story.branch is None or story.branch.after not in linear:
        return linear
    at = linear.index(story.branch.after) + 1
    routed = [s for r in story.branch.routes for s in r.stages if s not in linear]
    return linear[:at] + routed + linear[at:]


def saved_histories(services: Services) -> list[list[str]]:
    """The battles won in every saved campaign slot (what the title screen's library shows)."""
    out = []
    for slot in services.saves.campaign_slots():
        if slot.save is not None:
            out.append([h.scenario for h in slot.save.state.history])
    return out


class LibraryScene(Scene):
    def __init__(self, services: Services, histories: Iterable[Iterable[str]]) -> None:
        from game.ui.scenes import launch

        self.services = services
        self.backdrop = Backdrop(services.art.ui("title_background"))
        self.t = 0.0
        order = story_order(services)
        cache: dict[str, LoadedScenario | None] = {}

        def load(sid: str) -> LoadedScenario | None:
            if sid not in cache:
                cache[sid] = launch.load_scenario(services, sid)
            return cache[sid]

        loaded = next((sc for sc in map(load, order) if sc is not None), None)
        self.library = (
            build_library(loaded.ctx.defs, order, won_battles(histories), load) if loaded is not None else Library(())
        )
        self.kind = 0
        self.index = 0

    @property
    def entries(self) -> list[LibraryEntry]:
        return self.library.of(KINDS[self.kind])

    @property
    def current(self) -> LibraryEntry | None:
        entries = self.entries
        return entries[self.index] if entries else None

    def update(self, dt: float) -> Transition | None:
        self.t += dt
        return None

    def handle(self, ev: InputEvent) -> Transition | None:
        if ev.kind is Kind.WHEEL:
            self._move(-ev.delta[1])
            return None
        if ev.kind is not Kind.PRESS:
            return None
        if ev.action is Action.UP:
            self._move(-1)
        elif ev.action is Action.DOWN:
            self._move(1)
        elif ev.action in (Action.LEFT, Action.RIGHT):
            self.kind = (self.kind + (1 if ev.action is Action.RIGHT else -1)) % len(KINDS)
            self.index = 0
            self.services.audio.sfx("cursor")
        elif ev.action in (Action.CANCEL, Action.MENU):
            self.services.audio.sfx("cancel")
            return Pop(None)
        return None

    def _move(self, step: int) -> None:
        if self.entries:
            self.index = (self.index + step) % len(self.entries)
            self.services.audio.sfx("cursor")

    def draw(self, surface: pygame.Surface) -> None:
        self.backdrop.draw(surface, self.t)
        fonts = self.services.fonts
        fonts.draw(surface, "LIBRARY", (24, 12), size=Fonts.LARGE, bold=True, colour=theme.ACCENT)
        x = 150
        for i, kind in enumerate(KINDS):
            seen, total = self.library.count(kind)
            label = f"{KIND_TITLES[kind]} {seen}/{total}"
            colour = theme.ACCENT if i == self.kind else theme.TEXT_DIM
            fonts.draw(surface, label, (x, 20), bold=i == self.kind, colour=colour)
            x += fonts.width(label, bold=True) + 24
        lst = pygame.Rect(24, 46, 200, 286)
        fonts.panel(surface, lst)
        entries = self.entries
        top = max(0, min(self.index - ROWS // 2, len(entries) - ROWS))
        for i, e in enumerate(entries[top : top + ROWS]):
            y = lst.y + 6 + i * 20
            here = top + i == self.index
            if here:
                pygame.draw.rect(surface, theme.CURSOR, pygame.Rect(lst.x + 3, y - 2, lst.width - 6, 19), 1)
            name = e.title if e.unlocked else HIDDEN_TITLE
            fonts.draw(surface, name, (lst.x + 8, y), colour=theme.TEXT if e.unlocked else theme.TEXT_DIM)
        panel = pygame.Rect(232, 46, 384, 286)
        fonts.panel(surface, panel)
        shown = self.current
        if shown is None:
            fonts.draw(surface, "Nothing here yet.", (panel.x + 12, panel.y + 10), colour=theme.TEXT_DIM)
        elif not shown.unlocked:
            fonts.draw(surface, HIDDEN_TITLE, (panel.x + 12, panel.y + 10), bold=True, colour=theme.TEXT_DIM)
            hint = "Win this battle to read it." if shown.kind == "story" else "Not met in a won battle yet."
            fonts.draw(surface, hint, (panel.x + 12, panel.y + 34), colour=theme.TEXT_DIM)
        else:
            self._draw_entry(surface, panel, shown)
        fonts.draw(
            surface,
            self.services.keys("Left/Right: section    Up/Down: entry    {cancel}: back"),
            (618, 340),
            size=Fonts.SMALL,
            colour=theme.TEXT_DIM,
            align="right",
        )

    def _draw_entry(self, surface: pygame.Surface, panel: pygame.Rect, e: LibraryEntry) -> None:
        fonts = self.services.fonts
        x, y = panel.x + 12, panel.y + 10
        picture = None
        if e.kind == "pilot":
            picture = self.services.art.portrait(e.portrait)
            if picture is not None:
                picture = pygame.transform.scale(picture, (64, 64))
        elif e.kind == "unit":
            picture = pygame.transform.scale(self.services.art.unit_sprite(e.id, "player"), (64, 64))
        if picture is not None:
            surface.blit(picture, (panel.right - 76, panel.y + 10))
        fonts.draw(surface, e.title, (x, y), bold=True, colour=theme.ACCENT)
        y += 20
        if e.subtitle:
            fonts.draw(surface, e.subtitle, (x, y), size=Fonts.SMALL, colour=theme.TEXT_DIM)
            y += 16
        width = panel.width - 24 - (76 if picture is not None else 0)
        for line in fonts.wrap(e.text, width)[: 15 if e.kind == "story" else 8]:
            fonts.draw(surface, line, (x, y))
            y += fonts.line_height()
        y = max(y + 6, panel.y + 84)
        for fact in e.facts[:8]:
            for line in fonts.wrap(fact, panel.width - 24, Fonts.SMALL)[:2]:
                fonts.draw(surface, line, (x, y), size=Fonts.SMALL)
                y += 14
