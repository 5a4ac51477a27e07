"""The deploy screen: who takes each deploy slot of a battle that offers a choice. Pops the
campaign state with the choice, or (before a sortie) starts the battle."""

from __future__ import annotations

from typing import Any

import pygame

from game.campaign import CampaignError, CampaignState, choose_deployment
from game.ui.model.campaign_view import current_picks, deploy_candidates
from game.ui.model.catalog import LoadedScenario
from game.ui.render import theme
from game.ui.render.menu import Entry, ListMenu, Picked
from game.ui.render.text import Fonts
from game.ui.scene import Pop, Push, Scene, Transition
from game.ui.scenes.backdrop import Backdrop
from game.ui.services import Services

EMPTY = "-"
DONE = "done"


class DeployScene(Scene):
    def __init__(
        self, services: Services, campaign: CampaignState, scenario: LoadedScenario, *, sortie: bool = False
    ) -> None:
        assert scenario.deploy is not None
        self.services = services
        self.campaign = campaign
        self.scenario = scenario
        self.plan = scenario.deploy
        self.sortie = sortie
        self.candidates = {c.uid: c for c in deploy_candidates(campaign, scenario, scenario.ctx.defs)}
        self.picks = current_picks(campaign, scenario)
        self.backdrop = Backdrop(services.art.ui("title_background"))
        self.t = 0.0
        self.slot: int | None = None  # the slot whose candidates are shown
        self.menu = ListMenu([], width=300)
        self._refresh()

    def _label(self, uid: str | None) -> str:
        if uid is None:
            return "(empty)"
        c = self.candidates[uid]
        return f"{c.label}  Lv {c.level}"

    def _refresh(self) -> None:
        entries = [Entry(f"Slot {i + 1}: {self._label(uid)}", i) for i, uid in enumerate(self.picks)]
        problem = self._problem()
        entries.append(
            Entry(
                "Sortie!" if self.sortie else "Done",
                DONE,
                problem is None,
                problem or "",
                help="Start the battle with these units." if self.sortie else "Keep this choice.",
            )
        )
        self.menu = ListMenu(entries, title="Deployment", width=300, index=self.menu.index, help_width=300)

    def _problem(self) -> str | None:
        try:
            self.plan.check(tuple(self.picks))
        except ValueError as exc:
            return str(exc).capitalize() + "."
        return None

    def update(self, dt: float) -> Transition | None:
        self.t += dt
        return None

    def handle(self, ev: Any) -> Transition | None:
        from game.ui.scenes import launch
        from game.ui.scenes.menu import MenuScene

        result = self.menu.handle(ev)
        audio = self.services.audio
        if result == "moved":
            audio.sfx("cursor")
        elif result == "cancel":
            audio.sfx("cancel")
            return Pop(None)
        elif result == "pick" and self.menu.current is not None:
            entry = self.menu.current
            if not entry.enabled:
                audio.sfx("buzz")
                return None
            audio.sfx("confirm")
            if entry.key == DONE:
                try:
                    campaign = choose_deployment(self.campaign, self.scenario, self.picks)
                except CampaignError as exc:
                    self.services.notify(str(exc))
                    return None
                if self.sortie:
                    return launch.start_battle(self.services, self.scenario, campaign)
                return Pop(campaign)
            self.slot = int(entry.key)
            here = self.picks[self.slot]
            options = [Entry("(leave empty)", EMPTY, help="Nobody takes this slot.")]
            for uid, c in self.candidates.items():
                elsewhere = uid in self.picks and uid != here
                options.append(
                    Entry(
                        f"{c.label}  Lv {c.level}",
                        uid,
                        help="Swap with the slot it holds now." if elsewhere else "Deploy here.",
                        detail=f"(slot {self.picks.index(uid) + 1})" if uid in self.picks else "",
                    )
                )
            return Push(MenuScene(self.services, options, title=f"Slot {self.slot + 1}", anchor=(330, 60), width=280))
        return None

    def on_result(self, result: Any) -> Transition | None:
        slot, self.slot = self.slot, None
        if slot is None or not isinstance(result, Picked):
            return None
        uid = None if result.key == EMPTY else str(result.key)
        if uid is not None and uid in self.picks:
            self.picks[self.picks.index(uid)] = self.picks[slot]  # swap
        self.picks[slot] = uid
        self._refresh()
        return None

    def draw(self, surface: pygame.Surface) -> None:
        self.backdrop.draw(surface, self.t)
        fonts = self.services.fonts
        fonts.draw(surface, "DEPLOY", (24, 12), size=Fonts.LARGE, bold=True, colour=theme.ACCENT)
        fonts.draw(surface, self.scenario.title, (120, 18), colour=theme.TEXT)
        self.menu.draw(surface, fonts, (24, 50))
        sent = [u for u in self.picks if u is not None]
        home = [c.label for uid, c in self.candidates.items() if uid not in sent]
        y = 250
        if home:
            fonts.draw(surface, "Staying behind: " + ", ".join(home), (24, y), size=Fonts.SMALL, colour=theme.TEXT_DIM)
        fonts.draw(
            surface,
            self.services.keys("{confirm}: choose    {cancel}: back"),
            (618, 340),
            size=Fonts.SMALL,
            colour=theme.TEXT_DIM,
            align="right",
        )
