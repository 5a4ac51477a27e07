"""The pause menu: resume, objectives, settings, suspend (save and quit to title), quit."""

from __future__ import annotations

from typing import Any

import pygame

from game.ui.input.actions import Action, InputEvent, Kind
from game.ui.model.session import BattleSession
from game.ui.render import theme
from game.ui.render.menu import Entry, ListMenu
from game.ui.render.text import Fonts
from game.ui.scene import Pop, Push, Quit, Reset, Scene, Transition
from game.ui.services import Services


class PauseScene(Scene):
    opaque = False

    def __init__(self, services: Services, session: BattleSession) -> None:
        self.services = services
        self.session = session
        self.awaiting: str | None = None
        self.menu = ListMenu(
            [
                Entry("Resume", "resume", help="Back to the battle."),
                Entry("Objectives", "objectives", help="Victory and defeat conditions."),
                Entry("Settings", "settings", help="Animations, speeds, volume, window and controls."),
                Entry(
                    "Suspend",
                    "suspend",
                    help="Save this battle and return to the title. Choose Continue there to resume.",
                ),
                Entry(
                    "Save Replay",
                    "replay",
                    help="Write the battle so far to a replay file (watch it with run_game.py replay FILE).",
                ),
                Entry("Quit to title", "title", help="Leave the battle without saving."),
                Entry("Quit game", "quit", help="Close the game without saving."),
            ],
            title="Paused",
            width=170,
            help_width=300,
        )

    def handle(self, ev: InputEvent) -> Transition | None:
        from game.ui.scenes.menu import ConfirmScene
        from game.ui.scenes.objectives import ObjectivesScene
        from game.ui.scenes.settings import SettingsScene

        if ev.kind is Kind.PRESS and ev.action is Action.MENU:
            return Pop(None)
        result = self.menu.handle(ev)
        if result == "moved":
            self.services.audio.sfx("cursor")
        elif result in ("cancel", "cancel_outside"):
            return Pop(None)
        elif result == "pick" and self.menu.current is not None:
            key = self.menu.current.key
            self.services.audio.sfx("confirm")
            if key == "resume":
                return Pop(None)
            if key == "objectives":
                return Push(ObjectivesScene(self.services, self.session.state))
            if key == "settings":
                return Push(SettingsScene(self.services))
            if key == "suspend":
                return self._suspend()
            if key == "replay":
                self.services.notify(self.services.saves.write_replay(self.session.replay), 8.0)
                return None
            self.awaiting = key
            question = (
                "Quit to the title? This battle will be lost."
                if key == "title"
                else "Quit the game? This battle will be lost."
            )
            return Push(ConfirmScene(self.services, question))
        return None

    def _suspend(self) -> Transition | None:
        from game.ui.scenes.title import TitleScene

        error = self.services.saves.suspend(self.session.record("suspend"))
        if error:
            self.services.notify(error, 8.0)
            return None
        self.services.notify("Battle suspended. Choose Continue on the title screen to resume.", 5.0)
        return Reset(TitleScene(self.services))

    def on_result(self, result: Any) -> Transition | None:
        from game.ui.scenes.title import TitleScene

        awaiting, self.awaiting = self.awaiting, None
        if result is True and awaiting == "title":
            return Reset(TitleScene(self.services))
        if result is True and awaiting == "quit":
            return Quit()
        return None

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
