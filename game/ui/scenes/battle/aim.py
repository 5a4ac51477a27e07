"""Aiming a MAP weapon: a direction (lines, cones) or a tile (targeted areas)."""

from __future__ import annotations

import pygame

from game.core import MapAttack
from game.core.defs import WeaponDef
from game.core.stats import unit_def
from game.ui.input.actions import DIRECTIONS, Action, InputEvent
from game.ui.model.ranges import map_weapon_tiles
from game.ui.render import theme
from game.ui.scenes.battle.cursor import move_cursor
from game.ui.scenes.battle.field import Field, Tiles
from game.ui.scenes.battle.mode import STAY, After, Mode, Order, Result

FACING = {Action.UP: 0, Action.RIGHT: 1, Action.DOWN: 2, Action.LEFT: 3}


class AimMode(Mode):
    hint = "Arrows aim  ·  {confirm} fire  ·  {cancel} back"
    cursor_colour = theme.ATTACK_TILE

    def __init__(self, field: Field, uid: str, weapon: str) -> None:
        self.field = field
        self.uid = uid
        self.weapon = weapon
        self.direction = 0

    def _weapon(self) -> WeaponDef:
        state = self.field.state
        return unit_def(state.ctx, state.unit(self.uid)).weapon(self.weapon)

    @property
    def targeted(self) -> bool:
        area = self._weapon().map_area
        assert area is not None
        return area.shape == "targeted"

    def tiles(self) -> Tiles:
        return map_weapon_tiles(self.field.state, self.uid, self.weapon, self.direction, self.field.cursor)

    def command(self) -> MapAttack:
        if self.targeted:
            return MapAttack(self.uid, self.weapon, 0, self.field.cursor)
        return MapAttack(self.uid, self.weapon, self.direction)

    def press(self, e: InputEvent) -> Result:
        f = self.field
        a = e.action
        if a in DIRECTIONS:
            if self.targeted:
                move_cursor(f, e)
            elif a in FACING:
                self.direction = FACING[a]
            return STAY
        if a is Action.CONFIRM:
            cmd = self.command()
            reason = f.session.check(cmd)
            if reason:
                f.refuse(reason)
                return STAY
            return Order(cmd, After.NEXT_UNIT)
        if a is Action.CANCEL:
            return f.orders.map_weapons(self.uid)
        return STAY

    def wheel(self, step: int) -> Result:
        self.direction = (self.direction + step) % 4
        return STAY

    def draw(self, surface: pygame.Surface, offset: tuple[int, int]) -> None:
        self.field.overlays.tiles(surface, self.tiles(), theme.ATTACK_TILE, offset, 130)
