"""Pilot training: pick a pilot, then spend its pilot points (PP) on a stat step or a skill
level. Shows kills toward the ace bonus. Pops the campaign state with the training."""

from __future__ import annotations

import pygame

from game.campaign import CampaignError, CampaignState, train
from game.core.defs import Definitions
from game.ui.input.actions import Action, InputEvent, Kind
from game.ui.model.growth_view import TraineeRow, trainee_rows
from game.ui.render import theme
from game.ui.render.menu import Entry, ListMenu
from game.ui.render.text import Fonts
from game.ui.scene import Pop, Scene, Transition
from game.ui.scenes.backdrop import Backdrop
from game.ui.services import Services


class TrainingScene(Scene):
    def __init__(self, services: Services, campaign: CampaignState, defs: Definitions) -> None:
        self.services = services
        self.campaign = campaign
        self.defs = defs
        self.rules = services.catalog.campaign_rules()
        self.focus = "pilots"  # or "options"
        self.backdrop = Backdrop(services.art.ui("title_background"))
        self.t = 0.0
        self.rows: list[TraineeRow] = []
        self.pilot_menu = ListMenu([], title="Pilots", width=200, max_rows=13)
        self.option_menu = ListMenu([], width=396)
        self._refresh()

    @property
    def row(self) -> TraineeRow | None:
        return self.rows[self.pilot_menu.index] if self.rows else None

    def _refresh(self) -> None:
        self.rows = trainee_rows(self.campaign, self.defs, self.rules)
        entries = [Entry(r.name, r.id, detail=f"{r.pp} PP") for r in self.rows]
        self.pilot_menu = ListMenu(entries, title="Pilots", width=200, max_rows=13, index=self.pilot_menu.index)
        self._refresh_options()

    def _refresh_options(self) -> None:
        row = self.row
        if row is None:
            self.option_menu = ListMenu([], width=396)
            return
        growth = self.rules.growth
        entries = []
        for o in row.options:
            if o.kind == "stat":
                label = f"{o.name} +{growth.stat_gain(o.key)}"
                now = f"{o.now}/{o.top}"
                what = f"{o.name} +{growth.stat_gain(o.key)} (step {o.now + 1} of {o.top})"
            else:
                label = f"{o.name} L{o.now + 1}" if o.now else f"Learn {o.name}"
                now = f"L{o.now}" if o.now else "-"
                what = f"{o.name} level {o.now + 1}" if o.now else f"learn {o.name}"
            price = "max" if o.price is None else f"{o.price} PP"
            entries.append(
                Entry(
                    f"{label}",
                    (o.kind, o.key),
                    o.problem is None,
                    o.problem or "",
                    detail=f"{now}   {price}",
                    help=f"Spend {o.price} PP: {what}." if o.price is not None else "",
                )
            )
        self.option_menu = ListMenu(entries, width=396, max_rows=11, index=self.option_menu.index, help_width=396)

    def update(self, dt: float) -> Transition | None:
        self.t += dt
        return None

    def handle(self, ev: InputEvent) -> Transition | None:
        audio = self.services.audio
        if self.focus == "pilots":
            result = self.pilot_menu.handle(ev)
            if result == "moved":
                audio.sfx("cursor")
                self._refresh_options()
            elif result == "pick" and self.row is not None:
                audio.sfx("select")
                self.focus = "options"
            elif result in ("cancel", "cancel_outside"):
                audio.sfx("cancel")
                return Pop(self.campaign)
            return None
        if ev.kind is Kind.PRESS and ev.action is Action.LEFT:
            self.focus = "pilots"
            return None
        result = self.option_menu.handle(ev)
        if result == "moved":
            audio.sfx("cursor")
        elif result in ("cancel", "cancel_outside"):
            audio.sfx("cancel")
            self.focus = "pilots"
        elif result == "pick" and self.option_menu.current is not None and self.row is not None:
            entry = self.option_menu.current
            if not entry.enabled:
                audio.sfx("buzz")
                return None
            kind, key = entry.key
            try:
                self.campaign = train(self.campaign, self.row.id, kind, key, self.rules)
            except CampaignError as exc:
                audio.sfx("buzz")
                self.services.notify(str(exc))
                return None
            audio.sfx("confirm")
            self._refresh()
        return None

    def draw(self, surface: pygame.Surface) -> None:
        self.backdrop.draw(surface, self.t)
        fonts = self.services.fonts
        fonts.draw(surface, "PILOT TRAINING", (24, 12), size=Fonts.LARGE, bold=True, colour=theme.ACCENT)
        self.pilot_menu.draw(surface, fonts, (14, 46), show_help=False)
        row = self.row
        if row is None:
            fonts.draw(surface, "No pilots have fought yet.", (230, 60), colour=theme.TEXT_DIM)
            return
        fonts.draw(surface, f"{row.name}: {row.pp} PP", (616, 16), bold=True, align="right", colour=theme.ACCENT)
        head = pygame.Rect(222, 46, 396, 52)
        fonts.panel(surface, head)
        portrait = self.services.art.portrait(row.id)
        x = head.x + 8
        if portrait is not None:
            surface.blit(pygame.transform.scale(portrait, (40, 40)), (head.x + 6, head.y + 6))
            x = head.x + 54
        fonts.draw(surface, f"{row.name}  Lv {row.level}", (x, head.y + 6), bold=True)
        goal = self.rules.growth.ace_kills
        if row.ace:
            ace = f"ACE · {row.kills} shot down" + (f" · {row.ace_bonus}" if row.ace_bonus else "")
            colour = theme.GOOD
        else:
            ace = f"Shot down {row.kills}/{goal} for the ace bonus" + (f" ({row.ace_bonus})" if row.ace_bonus else "")
            colour = theme.TEXT_DIM
        fonts.draw(surface, ace, (x, head.y + 28), size=Fonts.SMALL, colour=colour)
        self.option_menu.draw(surface, fonts, (222, 104), show_help=self.focus == "options")
        hint = (
            "{confirm}: train    {cancel}: back to pilots"
            if self.focus == "options"
            else "{confirm}: choose pilot    {cancel}: back to the intermission"
        )
        fonts.draw(
            surface, self.services.keys(hint), (618, 340), size=Fonts.SMALL, colour=theme.TEXT_DIM, align="right"
        )
