"""Scenario select and the briefing before a battle: story text and objectives."""

from __future__ import annotations

import pygame

from game.campaign import CampaignState
from game.ui.input.actions import Action, InputEvent, Kind
from game.ui.model.catalog import LoadedScenario, ScenarioInfo
from game.ui.model.dialogue import reflow
from game.ui.render import theme
from game.ui.render.menu import Entry, ListMenu
from game.ui.render.text import Fonts
from game.ui.scene import Pop, Scene, Transition
from game.ui.scenes.backdrop import Backdrop
from game.ui.scenes.menu import run_menu
from game.ui.services import Services


def draw_briefing(surface: pygame.Surface, fonts: Fonts, info: ScenarioInfo, rect: pygame.Rect) -> None:
    """Title, location, briefing text and the victory / defeat / bonus conditions."""
    fonts.panel(surface, rect)
    x, y, w = rect.x + 10, rect.y + 8, rect.w - 20
    fonts.draw_fitted(surface, info.title, (x, y), w, size=Fonts.LARGE, bold=True, colour=theme.ACCENT)
    y += 28
    if info.location:
        for line in fonts.wrap(info.location, w, Fonts.SMALL):
            fonts.draw(surface, line, (x, y), size=Fonts.SMALL, colour=theme.TEXT_DIM)
            y += 16
    lh = fonts.line_height()
    for line in fonts.wrap(reflow(info.briefing), w):
        fonts.draw(surface, line, (x, y))
        y += lh
    y += 8
    for heading, lines, colour in (
        ("Victory", info.victory, theme.GOOD),
        ("Defeat", info.defeat, theme.WARNING),
        ("Bonus", info.bonus, theme.ACCENT),
    ):
        if not lines:
            continue
        fonts.draw(surface, heading, (x, y), colour=colour, bold=True)
        y += lh
        for text in lines:
            for i, line in enumerate(fonts.wrap(text, w - 16, Fonts.SMALL)):
                fonts.draw(surface, ("· " if i == 0 else "  ") + line, (x + 8, y), size=Fonts.SMALL)
                y += fonts.line_height(Fonts.SMALL)
        y += 4


class BriefingScene(Scene):
    def __init__(self, services: Services, loaded: LoadedScenario, campaign: CampaignState | None) -> None:
        self.services = services
        self.loaded = loaded
        self.campaign = campaign
        self.backdrop = Backdrop(services.art.ui("title_background"))
        self.t = 0.0

    def update(self, dt: float) -> Transition | None:
        self.t += dt
        return None

    def handle(self, ev: InputEvent) -> Transition | None:
        if ev.kind is not Kind.PRESS:
            return None
        nav = self.services.nav
        if ev.action is Action.CONFIRM:
            self.services.audio.sfx("confirm")
            if self.campaign is not None and self.loaded.deploy is not None:
                return nav.deploy(self.campaign, self.loaded, sortie=True)
            return nav.start_battle(self.loaded, self.campaign)
        if ev.action is Action.CANCEL:
            self.services.audio.sfx("cancel")
            if self.campaign is not None and (self.campaign.stage > 0 or self.campaign.attempts > 0):
                return nav.intermission(self.campaign)
            return nav.title()
        return None

    def draw(self, surface: pygame.Surface) -> None:
        self.backdrop.draw(surface, self.t)
        fonts = self.services.fonts
        if self.campaign is not None:
            fonts.draw(
                surface,
                f"Campaign · Stage {self.campaign.stage + 1} of {len(self.campaign.order)}"
                f" · Funds {self.campaign.funds:,}",
                (30, 12),
                colour=theme.TEXT_DIM,
            )
        draw_briefing(surface, fonts, self.loaded.info, pygame.Rect(30, 34, 580, 290))
        fonts.draw(
            surface,
            self.services.keys(
                "{confirm} / click: "
                + ("choose units" if self.campaign is not None and self.loaded.deploy is not None else "sortie")
                + ("    {cancel}: back" if self.campaign is not None else "    {cancel}: back to title")
            ),
            (610, 334),
            size=Fonts.SMALL,
            colour=theme.TEXT,
            align="right",
        )


class ScenarioSelectScene(Scene):
    """Pick any scenario; the briefing of the highlighted one is shown beside the list."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.backdrop = Backdrop(services.art.ui("title_background"))
        self.t = 0.0
        self.infos = list(services.catalog.scenarios())
        self.menu = ListMenu([Entry(i.title, i.id) for i in self.infos], title="Scenarios", width=200, max_rows=14)

    def update(self, dt: float) -> Transition | None:
        self.t += dt
        return None

    def handle(self, ev: InputEvent) -> Transition | None:
        return run_menu(
            self.menu,
            ev,
            self.services.audio,
            pick=lambda entry: self.services.nav.briefing(entry.key),
            cancel=lambda: Pop(None),
            cancel_outside=False,
        )

    def draw(self, surface: pygame.Surface) -> None:
        self.backdrop.draw(surface, self.t)
        fonts = self.services.fonts
        self.menu.draw(surface, fonts, (14, 30), show_help=False)
        if self.infos:
            draw_briefing(surface, fonts, self.infos[self.menu.index], pygame.Rect(224, 30, 404, 300))
        else:
            fonts.draw(surface, "No scenarios are installed.", (230, 40), colour=theme.WARNING)
        fonts.draw(
            surface,
            self.services.keys("{confirm}: briefing    {cancel}: back"),
            (620, 340),
            size=Fonts.SMALL,
            colour=theme.TEXT_DIM,
            align="right",
        )
