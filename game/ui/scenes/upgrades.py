"""The upgrade shop: pick a unit, then a stat; each step costs its price from rules.yaml.
Pops the campaign state with the purchases."""

from __future__ import annotations

import pygame

from game.campaign import CampaignError, CampaignState, buy_upgrade
from game.core.defs import Definitions
from game.ui.input.actions import Action, InputEvent, Kind
from game.ui.model.campaign_view import shop_units, total_steps, unit_row
from game.ui.model.catalog import LoadedScenario
from game.ui.render import theme
from game.ui.render.menu import Entry, ListMenu
from game.ui.render.text import Fonts
from game.ui.scene import Pop, Scene, Transition
from game.ui.scenes.backdrop import Backdrop
from game.ui.scenes.menu import run_menu
from game.ui.services import Services


class UpgradeScene(Scene):
    def __init__(
        self, services: Services, campaign: CampaignState, nxt: LoadedScenario | None, defs: Definitions
    ) -> None:
        self.services = services
        self.campaign = campaign
        self.defs = defs
        self.rules = services.catalog.campaign_rules()
        self.units = [u for u in shop_units(campaign, nxt) if u in defs.units]
        self.focus = "units"  # or "stats"
        self.backdrop = Backdrop(services.art.ui("title_background"))
        self.t = 0.0
        self.unit_menu = ListMenu([], title="Units", width=200, max_rows=13)
        self.stat_menu = ListMenu([], width=396)
        self._refresh()

    @property
    def unit(self) -> str | None:
        entry = self.unit_menu.current
        return None if entry is None else str(entry.key)

    def _refresh(self) -> None:
        entries = [
            Entry(
                self.defs.units[u].name, u, detail=f"+{n}" if (n := total_steps(self.campaign, u, self.rules)) else ""
            )
            for u in self.units
        ]
        self.unit_menu = ListMenu(entries, title="Units", width=200, max_rows=13, index=self.unit_menu.index)
        self._refresh_stats()

    def _refresh_stats(self) -> None:
        if self.unit is None:
            self.stat_menu = ListMenu([], width=396)
            return
        self.row = unit_row(self.campaign, self.unit, self.defs, self.rules)
        entries = []
        for s in self.row.stats:
            o = s.option
            price = "max" if o.price is None else f"{o.price:,}"
            entries.append(
                Entry(
                    o.name,
                    o.stat,
                    o.problem is None,
                    o.problem or "",
                    detail=price,
                    help=f"One more step of {o.name} for {o.price:,} funds." if o.price is not None else "",
                )
            )
        self.stat_menu = ListMenu(entries, width=396, index=self.stat_menu.index, help_width=396)

    def update(self, dt: float) -> Transition | None:
        self.t += dt
        return None

    def handle(self, ev: InputEvent) -> Transition | None:
        audio = self.services.audio
        if self.focus == "units":
            result = self.unit_menu.handle(ev)
            if result == "moved":
                audio.sfx("cursor")
                self._refresh_stats()
            elif result == "pick" and self.unit is not None:
                audio.sfx("select")
                self.focus = "stats"
            elif result == "cancel":
                audio.sfx("cancel")
                return Pop(self.campaign)
            return None
        if ev.kind is Kind.PRESS and ev.action is Action.LEFT:
            self.focus = "units"
            return None
        return run_menu(self.stat_menu, ev, audio, pick=self._buy, cancel=self._back_to_units, cancel_outside=False)

    def _back_to_units(self) -> Transition | None:
        self.focus = "units"
        return None

    def _buy(self, entry: Entry) -> Transition | None:
        if self.unit is None:
            return None
        try:
            self.campaign = buy_upgrade(self.campaign, self.unit, str(entry.key), self.rules)
        except CampaignError as exc:  # the menu showed it as buyable: keep the game going
            self.services.audio.sfx("buzz")
            self.services.notify(str(exc))
            return None
        self._refresh()
        return None

    def _draw_columns(self, surface: pygame.Surface) -> None:
        """Value now -> after one step, and steps bought / cap, in fixed columns of the stat rows."""
        fonts = self.services.fonts
        for index, rect in self.stat_menu.row_rects():
            s = self.row.stats[index]
            colour = theme.TEXT if s.option.problem is None else theme.TEXT_DISABLED
            fonts.draw(surface, str(s.now), (rect.x + 150, rect.y + 3), align="right", colour=colour)
            if s.after is not None:
                fonts.draw(surface, f"-> {s.after}", (rect.x + 160, rect.y + 3), colour=theme.GOOD)
            fonts.draw(surface, f"{s.option.steps}/{s.option.cap}", (rect.x + 290, rect.y + 3), align="right")

    def draw(self, surface: pygame.Surface) -> None:
        self.backdrop.draw(surface, self.t)
        fonts = self.services.fonts
        fonts.draw(surface, "UPGRADE UNITS", (24, 12), size=Fonts.LARGE, bold=True, colour=theme.ACCENT)
        fonts.draw(surface, f"Funds {self.campaign.funds:,}", (616, 16), bold=True, align="right", colour=theme.ACCENT)
        self.unit_menu.draw(surface, fonts, (14, 46), show_help=False)
        if self.unit is None:
            fonts.draw(surface, "No units to upgrade.", (230, 60), colour=theme.TEXT_DIM)
            return
        row = unit_row(self.campaign, self.unit, self.defs, self.rules)
        head = pygame.Rect(222, 46, 396, 52)
        fonts.panel(surface, head)
        sprite = self.services.art.unit_sprite(self.unit, "player")
        surface.blit(pygame.transform.scale(sprite, (40, 40)), (head.x + 6, head.y + 6))
        fonts.draw_fitted(surface, row.name, (head.x + 54, head.y + 4), head.w - 62, bold=True)
        if row.inherited:
            note = f"Carries the {row.inherited}'s upgrades"
            fonts.draw_fitted(
                surface, note, (head.x + 54, head.y + 20), head.w - 62, size=Fonts.SMALL, colour=theme.TEXT_DIM
            )
        self.stat_menu.draw(surface, fonts, (222, 104), show_help=self.focus == "stats")
        # column headings over the columns of the stat rows (see _draw_columns)
        x0 = self.stat_menu.rect.x + 3
        for text, x, align in (
            ("Now", x0 + 150, "right"),
            ("Next step", x0 + 160, "left"),
            ("Bought/cap", x0 + 290, "right"),
            ("Price", self.stat_menu.rect.right - 9, "right"),
        ):
            fonts.draw(surface, text, (x, head.y + 35), size=Fonts.SMALL, colour=theme.TEXT_DIM, align=align)
        self._draw_columns(surface)
        hint = (
            "{confirm}: buy one step    {cancel}: back to units"
            if self.focus == "stats"
            else "{confirm}: choose unit    {cancel}: back to the intermission"
        )
        fonts.draw(
            surface, self.services.keys(hint), (618, 340), size=Fonts.SMALL, colour=theme.TEXT_DIM, align="right"
        )
