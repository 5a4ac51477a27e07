"""The pilots of the campaign: level, EXP toward the next level, enemies shot down, pilot
points (PP) to spend in Training, and whether the pilot is an ace."""

from __future__ import annotations

import pygame

from game.campaign import CampaignState
from game.core.defs import Definitions
from game.ui.input.actions import Action, InputEvent, Kind
from game.ui.model.campaign_view import pilot_rows
from game.ui.model.catalog import LoadedScenario
from game.ui.render import theme
from game.ui.render.text import Fonts
from game.ui.render.widgets import bar
from game.ui.scene import Pop, Scene, Transition
from game.ui.scenes.backdrop import Backdrop
from game.ui.services import Services

ROWS = 7


class PilotsScene(Scene):
    def __init__(
        self, services: Services, campaign: CampaignState, nxt: LoadedScenario | None, defs: Definitions
    ) -> None:
        self.services = services
        self.rows = pilot_rows(campaign, nxt, defs, services.catalog.campaign_rules())
        self.index = 0
        self.backdrop = Backdrop(services.art.ui("title_background"))
        self.t = 0.0

    def update(self, dt: float) -> Transition | None:
        self.t += dt
        return None

    def handle(self, ev: InputEvent) -> Transition | None:
        if ev.kind is Kind.WHEEL:
            self._move(ev.delta[1])
            return None
        if ev.kind is not Kind.PRESS:
            return None
        if ev.action is Action.UP:
            self._move(-1)
        elif ev.action is Action.DOWN:
            self._move(1)
        elif ev.action in (Action.CANCEL, Action.CONFIRM, Action.MENU):
            self.services.audio.sfx("cancel")
            return Pop(None)
        return None

    def _move(self, step: int) -> None:
        if self.rows:
            self.index = (self.index + step) % len(self.rows)
            self.services.audio.sfx("cursor")

    def draw(self, surface: pygame.Surface) -> None:
        self.backdrop.draw(surface, self.t)
        fonts = self.services.fonts
        fonts.draw(surface, "PILOTS", (24, 12), size=Fonts.LARGE, bold=True, colour=theme.ACCENT)
        top = max(0, min(self.index - ROWS // 2, len(self.rows) - ROWS))
        for i, row in enumerate(self.rows[top : top + ROWS]):
            rect = pygame.Rect(24, 46 + i * 42, 592, 40)
            fonts.panel(surface, rect, edge=theme.CURSOR if top + i == self.index else theme.PANEL_EDGE)
            portrait = self.services.art.portrait(row.id)
            x = rect.x + 8
            if portrait is not None:
                surface.blit(pygame.transform.scale(portrait, (32, 32)), (rect.x + 4, rect.y + 4))
                x = rect.x + 44
            fonts.draw(surface, row.name, (x, rect.y + 4), bold=True)
            if row.new:
                fonts.draw(surface, "joins next battle", (x, rect.y + 22), size=Fonts.SMALL, colour=theme.GOOD)
            fonts.draw(surface, f"Lv {row.level}", (rect.x + 260, rect.y + 4), bold=True, colour=theme.ACCENT)
            bar(surface, pygame.Rect(rect.x + 260, rect.y + 26, 150, 6), row.exp, row.exp_per_level, theme.EN_BAR)
            fonts.draw(surface, f"EXP {row.exp}/{row.exp_per_level}", (rect.x + 420, rect.y + 20), size=Fonts.SMALL)
            fonts.draw(surface, f"Shot down {row.kills}", (rect.right - 10, rect.y + 4), align="right")
            if not row.new:
                ace = "ACE  " if row.ace else ""
                fonts.draw(
                    surface,
                    f"{ace}{row.pp} PP",
                    (rect.right - 10, rect.y + 22),
                    size=Fonts.SMALL,
                    align="right",
                    colour=theme.GOOD if row.ace else theme.TEXT_DIM,
                )
        if not self.rows:
            fonts.draw(surface, "No pilots yet.", (30, 60), colour=theme.TEXT_DIM)
        fonts.draw(
            surface,
            self.services.keys("Arrows: scroll    {cancel}: back"),
            (618, 340),
            size=Fonts.SMALL,
            colour=theme.TEXT_DIM,
            align="right",
        )
