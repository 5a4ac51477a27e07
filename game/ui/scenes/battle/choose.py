"""Choosing a unit on the map: the target of a weapon, of a spirit, or of a repair / supply."""

from __future__ import annotations

from enum import StrEnum

import pygame

from game.core import CastSpirit, Repair, Supply
from game.ui.input.actions import Action, InputEvent
from game.ui.render import theme
from game.ui.scenes.battle.field import Field, Tiles
from game.ui.scenes.battle.mode import STAY, After, Mode, Order, Result


class Purpose(StrEnum):
    ATTACK = "attack"  # `kind` is a weapon id: confirm opens the forecast
    SPIRIT = "spirit"  # a spirit id
    DEVICE = "device"  # "repair" or "supply"


HINTS = {
    Purpose.ATTACK: "Arrows pick a target  ·  {confirm} forecast  ·  {cancel} back",
    Purpose.SPIRIT: "Arrows pick a unit  ·  {confirm} cast  ·  {cancel} back",
    Purpose.DEVICE: "Arrows pick an ally  ·  {confirm} confirm  ·  {cancel} back",
}


class ChooseMode(Mode):
    def __init__(
        self, field: Field, uid: str, purpose: Purpose, kind: str, targets: list[str], red: Tiles | None = None
    ) -> None:
        self.field = field
        self.uid = uid
        self.purpose = purpose
        self.kind = kind
        self.red = red or set()  # the weapon's range, shown under the targets
        self.hint = HINTS[purpose]
        self.cursor_colour = theme.ATTACK_TILE if purpose is Purpose.ATTACK else theme.CURSOR
        state = field.state
        self.choices = sorted(set(targets), key=lambda t: (state.unit(t).y, state.unit(t).x))
        if self.choices:
            field.set_cursor(state.unit(self.choices[0]).pos)

    def cycle(self, step: int) -> None:
        if not self.choices:
            return
        f = self.field
        here = f.unit_at(f.cursor)
        i = self.choices.index(here.uid) if here is not None and here.uid in self.choices else -1
        f.set_cursor(f.state.unit(self.choices[(i + step) % len(self.choices)]).pos)

    def press(self, e: InputEvent) -> Result:
        f = self.field
        a = e.action
        if a in (Action.LEFT, Action.UP, Action.PREV_UNIT):
            self.cycle(-1)
            return STAY
        if a in (Action.RIGHT, Action.DOWN, Action.NEXT_UNIT):
            self.cycle(1)
            return STAY
        if a is Action.CONFIRM:
            t = f.unit_at(f.cursor)
            if t is None or t.uid not in self.choices:
                f.services.audio.sfx("buzz")
                return STAY
            match self.purpose:
                case Purpose.ATTACK:
                    return f.orders.forecast(self.uid, self.kind, t.uid)
                case Purpose.SPIRIT:
                    return Order(CastSpirit(self.uid, self.kind, t.uid), After.MENU)
                case Purpose.DEVICE:
                    cls = Repair if self.kind == "repair" else Supply
                    return Order(cls(self.uid, t.uid), After.NEXT_UNIT)
        if a is Action.CANCEL:
            f.services.audio.sfx("cancel")
            f.set_cursor(f.state.unit(self.uid).pos)
            match self.purpose:
                case Purpose.ATTACK:
                    return f.orders.weapons(self.uid)
                case Purpose.SPIRIT:
                    return f.orders.spirits(self.uid)
                case Purpose.DEVICE:
                    return f.orders.action_menu(self.uid)
        if a is Action.INFO:
            t = f.unit_at(f.cursor)
            if t is not None:
                return f.orders.status(t.uid)
        return STAY

    def wheel(self, step: int) -> Result:
        self.cycle(step)
        return STAY

    def draw(self, surface: pygame.Surface, offset: tuple[int, int]) -> None:
        state = self.field.state
        colour = theme.ATTACK_TILE if self.purpose is Purpose.ATTACK else theme.SUPPORT_TILE
        if self.red:
            self.field.overlays.tiles(surface, self.red, theme.ATTACK_TILE, offset, 70)
        self.field.overlays.tiles(surface, {state.unit(c).pos for c in self.choices}, colour, offset, 120)
