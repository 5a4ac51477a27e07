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
from game.ui.scenes.menu import MenuScene, run_menu
from game.ui.services import Services

EMPTY = "-"
DONE = "done"
PREVIEW = (280, 240)  # the map preview's largest size
PREVIEW_AT = (334, 46)


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
        self.menu = ListMenu([], width=300)
        self.preview, self.scale = self._preview()
        self._refresh()

    def _preview(self) -> tuple[pygame.Surface, float]:
        """The battle map, scaled to fit beside the list, with the fixed units on it."""
        from game.ui.scenes.battle.view import render_terrain

        state, _ = self.scenario.start(0)
        terrain = render_terrain(state, self.services.art, False, self.scenario.map_source)
        scale = min(PREVIEW[0] / terrain.get_width(), PREVIEW[1] / terrain.get_height())
        size = (int(terrain.get_width() * scale), int(terrain.get_height() * scale))
        picture = pygame.transform.smoothscale(terrain, size)
        pool = set(self.plan.pool)
        tile = max(4, int(theme.TILE * scale))
        for u in state.active_units():
            if u.uid in pool:
                continue
            sprite = pygame.transform.scale(self.services.art.unit_sprite(u.unit_id, u.side), (tile, tile))
            picture.blit(sprite, (int(u.x * theme.TILE * scale), int(u.y * theme.TILE * scale)))
        return picture, scale

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
        return run_menu(
            self.menu, ev, self.services.audio, pick=self._picked, cancel=lambda: Pop(None), cancel_outside=False
        )

    def _picked(self, entry: Entry) -> Transition | None:
        if entry.key == DONE:
            try:
                campaign = choose_deployment(self.campaign, self.scenario, self.picks)
            except CampaignError as exc:
                self.services.notify(str(exc))
                return None
            if self.sortie:
                return self.services.nav.start_battle(self.scenario, campaign)
            return Pop(campaign)
        slot = int(entry.key)
        here = self.picks[slot]
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
        menu = MenuScene(self.services, options, title=f"Slot {slot + 1}", anchor=(24, 172), width=300)
        return Push(menu, then=lambda result: self._slot_chosen(slot, result))

    def _slot_chosen(self, slot: int, result: Any) -> Transition | None:
        if not isinstance(result, Picked):
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
        self._draw_preview(surface)
        sent = [u for u in self.picks if u is not None]
        home = [c.label for uid, c in self.candidates.items() if uid not in sent]
        if home:
            text = "Staying behind: " + ", ".join(home)
            for i, line in enumerate(fonts.wrap(text, 290, Fonts.SMALL)):
                fonts.draw(surface, line, (24, 200 + i * 15), size=Fonts.SMALL, colour=theme.TEXT_DIM)

    def _draw_preview(self, surface: pygame.Surface) -> None:
        fonts = self.services.fonts
        frame = pygame.Rect(PREVIEW_AT, (self.preview.get_width() + 8, self.preview.get_height() + 8))
        fonts.panel(surface, frame)
        surface.blit(self.preview, (frame.x + 4, frame.y + 4))
        tile = max(6, int(theme.TILE * self.scale))
        highlighted = self.menu.current.key if self.menu.current is not None else None
        for i, (x, y) in enumerate(self.plan.slots):
            px = frame.x + 4 + int(x * theme.TILE * self.scale)
            py = frame.y + 4 + int(y * theme.TILE * self.scale)
            uid = self.picks[i]
            if uid is not None:
                unit = next(d.unit for d in self.scenario.listed if d.uid == uid)
                sprite = pygame.transform.scale(self.services.art.unit_sprite(unit, "player"), (tile, tile))
                surface.blit(sprite, (px, py))
            colour = theme.CURSOR if highlighted == i else theme.SIDE_COLOURS["player"]
            pygame.draw.rect(surface, colour, (px, py, tile, tile), 1)
            fonts.draw(surface, str(i + 1), (px + 1, py - 13), size=Fonts.SMALL, colour=colour, bold=True)
        fonts.draw(
            surface,
            self.services.keys("{confirm}: choose    {cancel}: back"),
            (618, 340),
            size=Fonts.SMALL,
            colour=theme.TEXT_DIM,
            align="right",
        )
