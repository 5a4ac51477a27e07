"""The route choice at the story's branch: the routes with what each one means; popping
with the campaign state that took the chosen route (or None when cancelled)."""

from __future__ import annotations

import pygame

from game.campaign import CampaignError, CampaignState
from game.campaign.story import Branch, Story, choose_route
from game.ui.input.actions import InputEvent
from game.ui.render import theme
from game.ui.render.menu import Entry, ListMenu
from game.ui.render.text import Fonts
from game.ui.scene import Pop, Scene, Transition
from game.ui.scenes.backdrop import Backdrop
from game.ui.services import Services


class RouteScene(Scene):
    def __init__(self, services: Services, campaign: CampaignState, story: Story, branch: Branch) -> None:
        self.services = services
        self.campaign = campaign
        self.story = story
        self.branch = branch
        self.backdrop = Backdrop(services.art.ui("title_background"))
        self.t = 0.0
        entries = [Entry(r.title, r.id, help=r.text) for r in branch.routes]
        self.menu = ListMenu(entries, width=200, help_width=560)

    def update(self, dt: float) -> Transition | None:
        self.t += dt
        return None

    def handle(self, ev: InputEvent) -> Transition | None:
        result = self.menu.handle(ev)
        if result == "moved":
            self.services.audio.sfx("cursor")
        elif result in ("cancel", "cancel_outside"):
            self.services.audio.sfx("cancel")
            return Pop(None)
        elif result == "pick" and self.menu.current is not None:
            try:
                chosen = choose_route(self.campaign, self.story, self.menu.current.key)
            except CampaignError as exc:
                self.services.notify(str(exc))
                return Pop(None)
            self.services.audio.sfx("confirm")
            return Pop(chosen)
        return None

    def draw(self, surface: pygame.Surface) -> None:
        self.backdrop.draw(surface, self.t)
        fonts = self.services.fonts
        fonts.draw(surface, "CHOOSE A ROUTE", (24, 12), size=Fonts.LARGE, bold=True, colour=theme.ACCENT)
        fonts.draw(surface, self.branch.title, (26, 44), bold=True, colour=theme.TEXT)
        lines = fonts.wrap(self.branch.text, 568)[:6]
        panel = pygame.Rect(24, 66, 592, len(lines) * fonts.line_height() + 20)
        fonts.panel(surface, panel)
        y = panel.y + 10
        for line in lines:
            fonts.draw(surface, line, (panel.x + 12, y), colour=theme.TEXT)
            y += fonts.line_height()
        fonts.draw(
            surface,
            "The routes meet again before the end. The choice cannot be undone.",
            (26, panel.bottom + 8),
            size=Fonts.SMALL,
            colour=theme.TEXT_DIM,
        )
        self.menu.draw(surface, fonts, (24, panel.bottom + 30))
        fonts.draw(
            surface,
            self.services.keys("{confirm}: take this route    {cancel}: back"),
            (618, 340),
            size=Fonts.SMALL,
            colour=theme.TEXT_DIM,
            align="right",
        )
