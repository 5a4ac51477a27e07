"""The title screen: new campaign, continue, scenario select, settings, library, quit."""

from __future__ import annotations

import pygame

from game.ui.input.actions import InputEvent
from game.ui.render import theme
from game.ui.render.menu import Entry, ListMenu
from game.ui.render.text import Fonts
from game.ui.scene import Quit, Scene, Transition
from game.ui.scenes.backdrop import Backdrop
from game.ui.scenes.menu import run_menu
from game.ui.services import Services


class TitleScene(Scene):
    def __init__(self, services: Services) -> None:
        self.services = services
        self.backdrop = Backdrop(services.art.ui("title_background"))
        self.t = 0.0
        entries = self._entries()
        # with a suspended battle, Continue is what the player most likely wants
        self.menu = ListMenu(
            entries, width=180, index=next((i for i, e in enumerate(entries) if e.key == "continue" and e.enabled), 0)
        )

    def _entries(self) -> list[Entry]:
        has_suspend = self.services.saves.has_suspended()
        nav = self.services.nav
        return [
            Entry("New Campaign", "new", help="Start the story from the first battle.", action=nav.new_campaign),
            Entry(
                "Continue",
                "continue",
                has_suspend,
                "No suspended battle or autosave to continue.",
                help="Resume the suspended battle exactly where you left it (or the last autosave).",
                action=nav.continue_suspended,
            ),
            Entry(
                "Load Campaign",
                "load",
                any(not s.empty for s in self.services.saves.campaign_slots()),
                "No campaign has been saved yet (save one between battles).",
                help="Go back to a campaign saved between battles.",
                action=nav.load_campaign,
            ),
            Entry("Scenario Select", "select", help="Play any battle on its own.", action=nav.scenario_select),
            Entry(
                "Settings",
                "settings",
                help="Animations, speeds, volume, window and controls.",
                action=nav.settings,
            ),
            Entry(
                "Library",
                "library",
                help="The story so far, its machines and its people, as met in battle.",
                action=nav.library,
            ),
            Entry("Quit", "quit", help="Close the game.", action=Quit),
        ]

    def on_enter(self) -> None:
        index = self.menu.index
        self.menu = ListMenu(self._entries(), width=180, index=index)
        self.services.audio.music("title")

    def update(self, dt: float) -> Transition | None:
        self.t += dt
        return None

    def handle(self, ev: InputEvent) -> Transition | None:
        return run_menu(self.menu, ev, self.services.audio)

    def draw(self, surface: pygame.Surface) -> None:
        fonts = self.services.fonts
        self.backdrop.draw(surface, self.t)
        logo = self.services.art.ui("logo")
        if logo is not None:
            surface.blit(logo, (40, 40))
        else:
            fonts.draw(surface, "BLUE COMET", (40, 44), size=Fonts.HUGE, bold=True, colour=(150, 200, 255))
            fonts.draw(surface, "TACTICS", (44, 80), size=Fonts.HUGE, bold=True, colour=theme.TEXT)
        fonts.draw(
            surface,
            "A Super Robot Wars-style battle game  ·  SPT Layzner",
            (46, 118),
            size=Fonts.SMALL,
            colour=theme.TEXT_DIM,
        )
        self.menu.draw(surface, fonts, (46, 150))
        hint = self.services.keys("Arrows move  ·  {confirm} confirm  ·  {cancel} back  ·  {fullscreen} fullscreen")
        strip = pygame.Surface((fonts.width(hint, Fonts.SMALL) + 16, 16), pygame.SRCALPHA)
        strip.fill((0, 0, 0, 150))
        surface.blit(strip, strip.get_rect(midtop=(320, 338)))
        fonts.draw(surface, hint, (320, 340), size=Fonts.SMALL, align="center")
