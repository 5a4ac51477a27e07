"""The intermission between campaign battles: the hub with pilots, upgrades, deployment,
saving and the next battle. Sub-screens pop back with the changed campaign state."""

from __future__ import annotations

from typing import Any

import pygame

from game.campaign import BattleGains, CampaignError, CampaignRules, CampaignState
from game.campaign.story import Story, load_story, pending_branch
from game.ui.input.actions import InputEvent
from game.ui.model.catalog import LoadedScenario
from game.ui.model.growth_view import payment_lines
from game.ui.model.objectives import BONUS_COUNT_LEGEND
from game.ui.render import theme
from game.ui.render.menu import Entry, ListMenu
from game.ui.render.text import Fonts
from game.ui.scene import Push, Scene, Transition
from game.ui.scenes.backdrop import Backdrop
from game.ui.scenes.growth_menu import growth_entries
from game.ui.scenes.launch import load_scenario
from game.ui.scenes.menu import ConfirmScene, run_menu
from game.ui.services import Services


class IntermissionScene(Scene):
    def __init__(self, services: Services, campaign: CampaignState, gains: BattleGains | None = None) -> None:
        self.services = services
        self.campaign = campaign
        self.gains = gains
        self.backdrop = Backdrop(services.art.ui("title_background"))
        self.t = 0.0
        self.saved = False  # since the last change
        self.next: LoadedScenario | None = None
        self.titles = {i.id: i.title for i in services.catalog.scenarios()}
        self.menu = ListMenu([], width=170)
        self.story = self._story()
        self._refresh()

    def _story(self) -> Story:
        game_dir = getattr(self.services.catalog, "game_dir", None)
        if game_dir is None:
            return Story()
        try:
            return load_story(game_dir)
        except CampaignError as exc:  # a broken story file: the campaign goes on without a branch
            self.services.notify(str(exc), 8.0)
            return Story()

    def _refresh(self, index: int | None = None) -> None:
        nxt = self.campaign.next_scenario
        self.next = None if nxt is None else load_scenario(self.services, nxt)
        known = self.next or load_scenario(self.services, self.campaign.order[-1])
        self.defs = known.ctx.defs if known is not None else None
        nav = self.services.nav
        entries: list[Entry] = []
        self.branch = pending_branch(self.campaign, self.story)
        if self.branch is not None:
            branch = self.branch
            entries.append(
                Entry(
                    "Choose Route",
                    "route",
                    help=branch.title,
                    action=lambda: nav.route(self.campaign, self.story, branch, then=self._changed),
                )
            )
        if nxt is not None:
            entries.append(
                Entry(
                    "Next Battle",
                    "next",
                    self.next is not None and self.branch is None,
                    "Choose a route first."
                    if self.branch is not None
                    else "This battle cannot be loaded (see the message).",
                    help=f"Briefing for stage {self.campaign.stage + 1}: {self.titles.get(nxt, nxt)}.",
                    action=lambda: nav.briefing(nxt, self.campaign),
                )
            )
        entries += [
            Entry("Pilots", "pilots", help="Levels, EXP and kills of your pilots.", action=self._pilots),
            Entry(
                "Upgrade Units",
                "upgrades",
                help=f"Spend funds on HP, EN, armor, mobility and weapons. Funds: {self.campaign.funds:,}.",
                action=self._upgrades,
            ),
            *growth_entries(self.services, self.campaign, self.next, self.defs, then=self._changed),
        ]
        if nxt is not None:
            has_choice = self.next is not None and self.next.deploy is not None
            entries.append(
                Entry(
                    "Deploy",
                    "deploy",
                    has_choice,
                    "Everyone available fights in the next battle.",
                    help="Choose who flies in the next battle.",
                    action=self._deploy,
                )
            )
        entries += [
            Entry(
                "Library",
                "library",
                help="The story so far, its machines and its people.",
                action=self._library,
            ),
            Entry(
                "Save",
                "save",
                help="Save the campaign in a slot (Load Campaign on the title screen).",
                action=lambda: nav.save_campaign(self.campaign, then=self._saved),
            ),
            Entry(
                "Return to Title",
                "title",
                help="Leave the campaign (save first to keep it).",
                action=self._leave,
            ),
        ]
        # the help keeps left of the record panel (x 222)
        self.menu = ListMenu(entries, width=170, index=self.menu.index if index is None else index, help_width=194)

    def _pilots(self) -> Transition | None:
        if self.defs is None:
            self.services.notify("The campaign's scenarios cannot be loaded.")
            return None
        return self.services.nav.pilots(self.campaign, self.next, self.defs)

    def _upgrades(self) -> Transition | None:
        if self.defs is None:
            self.services.notify("The campaign's scenarios cannot be loaded.")
            return None
        return self.services.nav.upgrades(self.campaign, self.next, self.defs, then=self._changed)

    def _deploy(self) -> Transition | None:
        if self.next is None:
            return None
        return self.services.nav.deploy(self.campaign, self.next, then=self._changed)

    def _library(self) -> Transition | None:
        return self.services.nav.library([h.scenario for h in self.campaign.history])

    def _leave(self) -> Transition | None:
        nav = self.services.nav
        if self.saved:
            return nav.title()
        question = "Return to the title? Progress since your last save is lost."
        return Push(ConfirmScene(self.services, question), then=lambda yes: nav.title() if yes else None)

    def _changed(self, result: Any) -> Transition | None:
        """A sub-screen popped with the campaign state, changed or not."""
        if isinstance(result, CampaignState):
            if result != self.campaign:
                self.saved = False
            self.campaign = result
            self._refresh()
        return None

    def _saved(self, result: Any) -> Transition | None:
        if result == "saved":
            self.saved = True
        return None

    def on_enter(self) -> None:
        self.services.audio.music("title")

    def update(self, dt: float) -> Transition | None:
        self.t += dt
        return None

    def handle(self, ev: InputEvent) -> Transition | None:
        return run_menu(self.menu, ev, self.services.audio)

    def draw(self, surface: pygame.Surface) -> None:
        self.backdrop.draw(surface, self.t)
        fonts = self.services.fonts
        c = self.campaign
        heading = "CAMPAIGN COMPLETE" if c.complete else "INTERMISSION"
        fonts.draw(surface, heading, (24, 12), size=Fonts.LARGE, bold=True, colour=theme.ACCENT)
        stage = (
            f"All {len(c.order)} battles won."
            if c.complete
            else f"Stage {c.stage + 1} of {len(c.order)} · Next: {self._title(c.next_scenario)}"
        )
        if self.branch is not None:  # the route's stages are not in the order yet
            total = len(c.order) + max(len(r.stages) for r in self.branch.routes)
            stage = f"Stage {c.stage + 1} of {total} · Next: choose a route"
        fonts.draw(surface, stage, (26, 44), colour=theme.TEXT)
        panel = pygame.Rect(222, 72, 396, 262)
        fonts.panel(surface, panel)
        x, y = panel.x + 12, panel.y + 10
        fonts.draw(surface, "Funds", (x, y), colour=theme.TEXT_DIM)
        fonts.draw(surface, f"{c.funds:,}", (panel.right - 12, y), bold=True, align="right", colour=theme.ACCENT)
        y += 24
        if self.gains is not None:
            fonts.draw(surface, "Last battle", (x, y), bold=True, colour=theme.GOOD)
            y += 18
            names = self._pilot_names()
            lines = [f"Funds earned: {self.gains.funds:,}", *payment_lines(self.gains, self._rules())]
            for g in self.gains.pilots:
                if g.exp <= 0 and g.kills <= 0:
                    continue
                up = f"  Level {g.level_before} -> {g.level_after}!" if g.level_after > g.level_before else ""
                ace = "  ACE!" if g.new_ace else ""
                lines.append(f"{names.get(g.pilot, g.pilot)}: +{g.exp} EXP, +{g.pp} PP, {g.kills} shot down{up}{ace}")
            for line in lines[:9]:
                fonts.draw(surface, line, (x + 8, y), size=Fonts.SMALL)
                y += 15
            y += 8
        fonts.draw(surface, "Battles won", (x, y), bold=True, colour=theme.TEXT_DIM)
        y += 18
        if not c.history:
            fonts.draw(surface, "None yet.", (x + 8, y), size=Fonts.SMALL, colour=theme.TEXT_DIM)
        for h in c.history[-6:]:
            bonus = f"  ★{len(h.bonus)}" if h.bonus else ""
            funds = h.funds + h.reward_funds  # kills, then bonus objectives and bosses driven off
            text = f"{self._title(h.scenario)}: turn {h.turns}, {h.kills} shot down, {funds:,} funds{bonus}"
            fonts.draw(surface, text, (x + 8, y), size=Fonts.SMALL)
            y += 15
        if any(h.bonus for h in c.history[-6:]):
            fonts.draw(surface, BONUS_COUNT_LEGEND, (x + 8, y + 4), size=Fonts.SMALL, colour=theme.TEXT_DIM)
        self.menu.draw(surface, fonts, (24, 72))  # after the panel: its help box overlaps it
        fonts.draw(
            surface,
            self.services.keys("{confirm}: choose    Arrows: move"),
            (618, 340),
            size=Fonts.SMALL,
            colour=theme.TEXT_DIM,
            align="right",
        )

    def _title(self, scenario_id: str | None) -> str:
        return self.titles.get(scenario_id or "", scenario_id or "")

    def _rules(self) -> CampaignRules:
        return self.services.catalog.campaign_rules()

    def _pilot_names(self) -> dict[str, str]:
        return {} if self.defs is None else {p.id: p.name for p in self.defs.pilots.values()}
