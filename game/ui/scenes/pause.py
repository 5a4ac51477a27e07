"""The pause menu: resume, objectives, settings, suspend (save and quit to title), quit."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.ui.input.actions import Action, InputEvent, Kind
from game.ui.model.session import BattleSession
from game.ui.render import theme
from game.ui.render.menu import Entry, ListMenu
from game.ui.render.text import Fonts
from game.ui.scene import Pop, Push, Quit, Scene, Transition
from game.ui.scenes.menu import ConfirmScene, run_menu
from game.ui.services import Services


class PauseScene(Scene):
    opaque = False

    def __init__(self, services: Services, session: BattleSession) -> None:
        self.services = services
        self.session = session
        nav = services.nav
        self.menu = ListMenu(
            [
                Entry("Resume", "resume", help="Back to the battle.", action=lambda: Pop(None)),
                Entry(
                    "Objectives",
                    "objectives",
                    help="Victory and defeat conditions.",
                    action=lambda: nav.objectives(session.state),
                ),
                Entry(
                    "Battle Log",
                    "log",
                    help="What happened and what was said in this battle.",
                    action=self._battle_log,
                ),
                Entry(
                    "Settings",
                    "settings",
                    help="Animations, speeds, volume, window and controls.",
                    action=nav.settings,
                ),
                Entry(
                    "Suspend",
                    "suspend",
                    help="Save this battle and return to the title. Choose Continue there to resume.",
                    action=self._suspend,
                ),
                Entry(
                    "Save Replay",
                    "replay",
                    help="Write the battle so far to a replay file (watch it with run_game.py replay FILE).",
                    action=self._save_replay,
                ),
                Entry(
                    "Quit to title",
                    "title",
                    help="Leave the battle without saving.",
                    action=lambda: self._confirm("Quit to the title? This battle will be lost.", nav.title),
                ),
                Entry(
                    "Quit game",
                    "quit",
                    help="Close the game without saving.",
                    action=lambda: self._confirm("Quit the game? This battle will be lost.", Quit),
                ),
            ],
            title="Paused",
            width=170,
            help_width=300,
        )

    def handle(self, ev: InputEvent) -> Transition | None:
        if ev.kind is Kind.PRESS and ev.action is Action.MENU:
            return Pop(None)
        return run_menu(self.menu, ev, self.services.audio, cancel=lambda: Pop(None))

    def _confirm(self, question: str, leave: Callable[[], Transition]) -> Transition:
        return Push(ConfirmScene(self.services, question), then=lambda yes: leave() if yes else None)

    def _battle_log(self) -> Transition:
        from game.ui.fx.book import book_for
        from game.ui.fx.log import battle_log
        from game.ui.fx.log_scene import BattleLogScene

        start = self.session.scenario.start(self.session.state.seed)
        return Push(BattleLogScene(self.services, battle_log(book_for(self.services.catalog), start, self.session.log)))

    def _save_replay(self) -> Transition | None:
        self.services.notify(self.services.saves.write_replay(self.session.replay), 8.0)
        return None

    def _suspend(self) -> Transition | None:
        error = self.services.saves.suspend(self.session.record("suspend"))
        if error:
            self.services.notify(error, 8.0)
            return None
        self.services.notify("Battle suspended. Choose Continue on the title screen to resume.", 5.0)
        return self.services.nav.title()

    def draw(self, surface: pygame.Surface) -> None:
        shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill((0, 0, 0, 140))
        surface.blit(shade, (0, 0))
        w, _ = self.menu.size()
        self.menu.draw(surface, self.services.fonts, (320 - w // 2, 80))
        self.services.fonts.draw(
            surface,
            self.services.keys("{menu} / {cancel}: resume"),
            (320, 340),
            size=Fonts.SMALL,
            colour=theme.TEXT_DIM,
            align="center",
        )
