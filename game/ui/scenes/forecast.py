"""The battle forecast before an attack, and the player's reaction choice in the enemy phase."""

from __future__ import annotations

from dataclasses import replace

import pygame

from game.core import Attack, BattleState, Forecast
from game.core.stats import max_hp, pilot_def, unit_def
from game.ui.input.actions import Action, InputEvent, Kind
from game.ui.model.forecast_view import (
    REACTION_LABELS,
    ForecastView,
    StrikeRow,
    counter_choices,
    forecast_view,
    reaction_options,
)
from game.ui.render import theme
from game.ui.render.text import Fonts
from game.ui.render.widgets import bar, hp_colour
from game.ui.scene import Pop, Scene, Transition
from game.ui.services import Services


def draw_unit_card(
    surface: pygame.Surface, services: Services, state: BattleState, uid: str, rect: pygame.Rect, *, right: bool
) -> None:
    """Portrait, unit, pilot and HP of one side of an exchange."""
    fonts = services.fonts
    u = state.unit(uid)
    ctx = state.ctx
    fonts.panel(surface, rect, edge=theme.SIDE_COLOURS.get(u.side, theme.PANEL_EDGE))
    p = pilot_def(ctx, u)
    portrait = services.art.portrait(u.pilot_id) if u.pilot_id else None
    px = rect.right - 54 if right else rect.x + 6
    if portrait is not None:
        surface.blit(pygame.transform.scale(portrait, (48, 48)), (px, rect.y + 6))
    else:
        surface.blit(services.art.unit_sprite(u.unit_id, u.side), (px + 8, rect.y + 14))
    tx = rect.x + 8 if right else rect.x + 60
    tw = rect.w - 68
    fonts.draw(surface, unit_def(ctx, u).name, (tx, rect.y + 5), bold=True)
    fonts.draw(
        surface,
        f"{p.name if p else '(unmanned)'}  Lv{u.level}  Will {u.will}",
        (tx, rect.y + 22),
        size=Fonts.SMALL,
        colour=theme.TEXT_DIM,
    )
    top = max_hp(ctx, u)
    bar(surface, pygame.Rect(tx, rect.y + 40, tw, 6), u.hp, top, hp_colour(u.hp, top))
    fonts.draw(surface, f"HP {u.hp}/{top}", (tx, rect.y + 48), size=Fonts.SMALL)


def draw_strike(
    surface: pygame.Surface, fonts: Fonts, row: StrikeRow | None, rect: pygame.Rect, label: str, fallback: str
) -> None:
    fonts.panel(surface, rect)
    fonts.draw(surface, label, (rect.x + 8, rect.y + 4), size=Fonts.SMALL, colour=theme.ACCENT)
    if row is None:
        fonts.draw(surface, fallback, (rect.x + 8, rect.y + 22), size=Fonts.SMALL, colour=theme.TEXT_DIM)
        return
    fonts.draw(surface, row.weapon, (rect.x + 8, rect.y + 20), bold=True)
    cols = (("HIT", f"{row.hit}%"), ("DMG", f"{row.damage}"), ("CRIT", f"{row.crit}%"))
    for i, (name, value) in enumerate(cols):
        x = rect.x + 8 + i * (rect.w - 16) // 3
        fonts.draw(surface, name, (x, rect.y + 40), size=Fonts.SMALL, colour=theme.TEXT_DIM)
        colour = theme.TEXT
        if name == "DMG" and row.lethal and not row.spared:
            colour = theme.WARNING
        fonts.draw(
            surface,
            value,
            (x + 34, rect.y + 37),
            size=Fonts.LARGE if name != "CRIT" else Fonts.NORMAL,
            bold=True,
            colour=colour,
        )
    extra = f"Critical: {row.crit_damage}"
    if row.barrier:
        extra += f"   Barrier -{row.barrier}"
    if row.spared:
        extra += "   Mercy: can be captured!" if row.spared == "captured" else "   Mercy: spares it"
    elif row.lethal:
        extra += "   Can destroy!"
    fonts.draw(
        surface,
        extra,
        (rect.x + 8, rect.y + 62),
        size=Fonts.SMALL,
        colour=theme.GOOD if row.spared else theme.WARNING if row.lethal else theme.TEXT_DIM,
    )


def draw_forecast(
    surface: pygame.Surface, services: Services, state: BattleState, view: ForecastView, top: int
) -> None:
    """Attacker on the left, defender on the right, each with what they will do."""
    fonts = services.fonts
    left = pygame.Rect(8, top, 308, 70)
    right = pygame.Rect(324, top, 308, 70)
    draw_unit_card(surface, services, state, view.attack.unit, left, right=False)
    draw_unit_card(
        surface,
        services,
        state,
        view.defender,
        right,
        right=True,
    )
    draw_strike(surface, fonts, view.attack, pygame.Rect(8, top + 74, 308, 80), "ATTACK", "")
    reaction = REACTION_LABELS.get(view.reaction, view.reaction)
    label = f"{reaction.upper()}"
    if view.counter is not None and view.counter_first:
        label += f"  (strikes first {view.counter_first}%)"
    draw_strike(surface, fonts, view.counter, pygame.Rect(324, top + 74, 308, 80), label, view.note)
    y = top + 158
    notes = []
    if view.support_attack is not None:
        s = view.support_attack
        notes.append(f"Support attack: {s.unit_name} ({s.weapon})  hit {s.hit}%  dmg {s.damage}")
    if view.support_defender is not None:
        notes.append(f"Support defend: {view.support_defender} takes the hits, defending.")
    for n in notes:
        rect = pygame.Rect(8, y, 624, 18)
        fonts.panel(surface, rect, edge=theme.SUPPORT_TILE)
        fonts.draw(surface, n, (rect.x + 8, rect.y + 2), size=Fonts.SMALL)
        y += 20


SPIRITS = "spirits"  # what the forecast pops when the player wants to cast a spirit first


class ForecastScene(Scene):
    """Confirm (pops True), go back (pops False), or cast a spirit first (pops SPIRITS)
    after seeing both sides' numbers."""

    opaque = False

    def __init__(self, services: Services, state: BattleState, fc: Forecast, attack: Attack) -> None:
        self.services = services
        self.state = state
        self.view = forecast_view(state, fc)
        self.attack = attack
        self.confirm_rect = pygame.Rect(0, 0, 0, 0)

    def handle(self, ev: InputEvent) -> Transition | None:
        if ev.kind is not Kind.PRESS:
            return None
        if ev.action is Action.CONFIRM:
            if ev.pos is not None and not self.confirm_rect.collidepoint(ev.pos):
                return None
            self.services.audio.sfx("confirm")
            return Pop(True)
        if ev.action is Action.CANCEL:
            self.services.audio.sfx("cancel")
            return Pop(False)
        if ev.action is Action.MENU:
            self.services.audio.sfx("select")
            return Pop(SPIRITS)
        return None

    def draw(self, surface: pygame.Surface) -> None:
        fonts = self.services.fonts
        shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill((0, 0, 0, 120))
        surface.blit(shade, (0, 0))
        fonts.draw(
            surface, "BATTLE FORECAST", (320, 40), size=Fonts.LARGE, bold=True, colour=theme.ACCENT, align="center"
        )
        draw_forecast(surface, self.services, self.state, self.view, 70)
        label = self.services.keys("{confirm}: Attack!    {menu}: Spirits    {cancel}: Back")
        w = fonts.width(label, Fonts.NORMAL, True) + 24
        self.confirm_rect = pygame.Rect(320 - w // 2, 312, w, 26)
        fonts.panel(surface, self.confirm_rect, edge=theme.ACCENT)
        fonts.draw(surface, label, (320, 318), align="center", bold=True)


class ReactionScene(Scene):
    """An enemy attacks one of the player's units: choose Counter, Defend or Evade.

    Left/right changes the counter weapon. Pops the attack with the chosen reaction.
    """

    opaque = False

    def __init__(self, services: Services, state: BattleState, attack: Attack) -> None:
        self.services = services
        self.state = state
        self.attack = attack
        self.weapons = counter_choices(state, attack)
        self.weapon_index = -1  # -1: the best weapon ("auto")
        self.options = list(REACTION_LABELS)
        self.index = 0
        self.rows: list[pygame.Rect] = []
        self._views = reaction_options(state, attack)

    @property
    def counter_weapon(self) -> str:
        return "auto" if self.weapon_index < 0 else self.weapons[self.weapon_index][0]

    def _choose(self) -> Transition:
        self.services.audio.sfx("confirm")
        reaction = self.options[self.index]
        return Pop(
            replace(
                self.attack, reaction=reaction, counter_weapon=self.counter_weapon if reaction == "counter" else "auto"
            )
        )

    def handle(self, ev: InputEvent) -> Transition | None:
        if ev.kind is Kind.POINT and ev.pos is not None:
            for i, r in enumerate(self.rows):
                if r.collidepoint(ev.pos):
                    self.index = i
            return None
        if ev.kind is Kind.WHEEL:
            self.index = (self.index + ev.delta[1]) % len(self.options)
            return None
        if ev.kind is not Kind.PRESS:
            return None
        if ev.action in (Action.UP, Action.DOWN):
            self.index = (self.index + (1 if ev.action is Action.DOWN else -1)) % len(self.options)
            self.services.audio.sfx("cursor")
        elif ev.action in (Action.LEFT, Action.RIGHT) and self.weapons and self.options[self.index] == "counter":
            step = 1 if ev.action is Action.RIGHT else -1
            self.weapon_index = (self.weapon_index + 1 + step) % (len(self.weapons) + 1) - 1
            self._views = reaction_options(self.state, self.attack, self.counter_weapon)
            self.services.audio.sfx("cursor")
        elif ev.action is Action.CONFIRM:
            if ev.pos is not None:
                hit = next((i for i, r in enumerate(self.rows) if r.collidepoint(ev.pos)), None)
                if hit is None:
                    return None
                self.index = hit
            return self._choose()
        return None

    def draw(self, surface: pygame.Surface) -> None:
        fonts = self.services.fonts
        shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill((0, 0, 0, 110))
        surface.blit(shade, (0, 0))
        reaction = self.options[self.index]
        view = self._views[reaction]
        fonts.draw(
            surface,
            "ENEMY ATTACK!",
            (320, 14),
            size=Fonts.LARGE,
            bold=True,
            colour=theme.WARNING,
            align="center",
        )
        draw_forecast(surface, self.services, self.state, view, 44)
        y = 250 if view.support_attack is None and view.support_defender is None else 262
        self.rows = []
        fonts.draw(surface, "Choose your reaction:", (100, y - 13), size=Fonts.SMALL, colour=theme.WARNING)
        for i, key in enumerate(self.options):
            v = self._views[key]
            rect = pygame.Rect(100, y + i * 24, 440, 22)
            self.rows.append(rect)
            fonts.panel(surface, rect, edge=theme.CURSOR if i == self.index else theme.PANEL_EDGE)
            if i == self.index:
                pygame.draw.rect(surface, theme.HIGHLIGHT, rect.inflate(-4, -4))
            text = f"{REACTION_LABELS[key]:8}"
            fonts.draw(surface, text, (rect.x + 8, rect.y + 3), bold=True)
            info = f"enemy hit {v.attack.hit}%  dmg {v.attack.damage}"
            if key == "counter":
                info += (
                    f"   your counter: {v.counter.weapon} {v.counter.hit}% / {v.counter.damage}"
                    if v.counter
                    else "   (no counter possible)"
                )
            fonts.draw(surface, info, (rect.x + 84, rect.y + 4), size=Fonts.SMALL)
        hint = self.services.keys("Up/down choose  ·  {confirm} confirm")
        if self.weapons and reaction == "counter":
            name = "best weapon" if self.weapon_index < 0 else self.weapons[self.weapon_index][1]
            hint += f"  ·  Left/right counter weapon: {name}"
        fonts.draw(surface, hint, (320, 340), size=Fonts.SMALL, align="center")
