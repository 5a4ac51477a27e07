"""A unit's move range: pick where it goes (or confirm on itself to act where it stands)."""

from __future__ import annotations

import pygame

from game.core import Move
from game.core.movement import reachable
from game.ui.input.actions import Action, InputEvent
from game.ui.model.ranges import attack_tiles
from game.ui.render import theme
from game.ui.scenes.battle.cursor import free, move_cursor
from game.ui.scenes.battle.field import Field
from game.ui.scenes.battle.mode import STAY, After, Mode, Order, Result
from game.ui.scenes.battle.view import draw_path


class MoveMode(Mode):
    hint = "{confirm} move here (or on the unit to act)  ·  {cancel} cancel"

    def __init__(self, field: Field, uid: str) -> None:
        self.field = field
        self.uid = uid
        self.reach = reachable(field.state, uid)
        self.tiles = set(self.reach.costs)
        self.red = attack_tiles(field.state, uid, from_tiles=self.tiles) - self.tiles
        self._path: tuple[tuple[int, int], list[tuple[int, int]]] | None = None

    @property
    def path(self) -> list[tuple[int, int]]:
        """The way to the cursor (empty when it is out of reach)."""
        cursor = self.field.cursor
        if self._path is None or self._path[0] != cursor:
            way = self.reach.path_to(cursor) if cursor in self.reach.costs else []
            self._path = (cursor, way)
        return self._path[1]

    def press(self, e: InputEvent) -> Result:
        f = self.field
        if move_cursor(f, e):
            return STAY
        u = f.state.unit(self.uid)
        a = e.action
        if a is Action.CONFIRM:
            if f.cursor == u.pos:
                return f.orders.action_menu(self.uid)
            if f.cursor in self.reach.stops:
                return Order(Move(self.uid, f.cursor), After.MENU)
            f.refuse(f.session.check(Move(self.uid, f.cursor)) or "That tile cannot be reached.")
            return STAY
        if a is Action.CANCEL:
            f.services.audio.sfx("cancel")
            f.set_cursor(u.pos)
            return free(f)
        if a is Action.INFO:
            return f.orders.status(self.uid)
        if a is Action.DANGER:
            f.show_danger = not f.show_danger
        elif a is Action.REWIND:
            return f.rewind()  # drops the selection too
        return STAY

    def draw(self, surface: pygame.Surface, offset: tuple[int, int]) -> None:
        self.field.overlays.tiles(surface, self.tiles, theme.MOVE_TILE, offset)
        self.field.overlays.tiles(surface, self.red, theme.ATTACK_TILE, offset, 55)

    def draw_over(self, surface: pygame.Surface, offset: tuple[int, int]) -> None:
        if self.path:
            draw_path(surface, self.path, offset)
