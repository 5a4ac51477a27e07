"""The free cursor: look at the map, pick a unit, open the map menu."""

from __future__ import annotations

import pygame

from game.core import EndPhase
from game.ui.input.actions import DIRECTIONS, Action, InputEvent
from game.ui.model.session import PLAYER_SIDE
from game.ui.render import theme
from game.ui.render.menu import Entry, ListMenu, Picked
from game.ui.scenes.battle.field import Field
from game.ui.scenes.battle.mode import STAY, Become, Mode, Open, Order, Result, show
from game.ui.scenes.menu import ConfirmScene, MenuScene


def move_cursor(field: Field, e: InputEvent) -> bool:
    """Arrow keys move the cursor one tile; True if `e` was one."""
    d = DIRECTIONS.get(e.action) if e.action is not None else None
    if d is None:
        return False
    field.set_cursor((field.cursor[0] + d[0], field.cursor[1] + d[1]))
    return True


class CursorMode(Mode):
    def __init__(self, field: Field) -> None:
        self.field = field

    @property
    def hint(self) -> str:  # type: ignore[override]
        """What confirm does here comes first: select, show a range, or the map menu (End Turn)."""
        f = self.field
        u = f.unit_at(f.cursor)
        keys = "{prev_unit}/{next_unit} next unit  ·  {danger} danger  ·  {menu} menu"
        if u is None:
            return "{confirm} map menu: End Turn  ·  {objectives} objectives  ·  " + keys
        if u.side == PLAYER_SIDE and f.session.player_phase and not (u.moved and u.acted):
            return "{confirm} select  ·  {info} status  ·  " + keys
        return "{confirm} show its range  ·  {info} status  ·  " + keys

    def press(self, e: InputEvent) -> Result:
        f = self.field
        if move_cursor(f, e):
            return STAY
        a = e.action
        u = f.unit_at(f.cursor)
        if a is Action.CONFIRM:
            if u is not None and u.side == PLAYER_SIDE and f.session.player_phase and not (u.moved and u.acted):
                return f.orders.select(u.uid)
            if u is not None:
                f.inspect = None if f.inspect == u.uid else u.uid
                f.services.audio.sfx("select")
                return STAY
            return self.map_menu()
        if a is Action.CANCEL:
            f.inspect = None
        elif a is Action.INFO and u is not None:
            return f.orders.status(u.uid)
        elif a is Action.NEXT_UNIT:
            f.next_unit(1)
        elif a is Action.PREV_UNIT:
            f.next_unit(-1)
        elif a is Action.DANGER:
            f.toggle_danger()
        elif a is Action.OBJECTIVES:
            return objectives(f)
        elif a is Action.REWIND:
            return f.rewind()
        elif a is Action.MENU:
            return pause(f)
        return STAY

    def wheel(self, step: int) -> Result:
        self.field.next_unit(step)
        return STAY

    def draw(self, surface: pygame.Surface, offset: tuple[int, int]) -> None:
        f = self.field
        if f.inspect is not None and f.inspect in f.state.units and f.state.unit(f.inspect).active:
            reach, strike = f.inspect_tiles(f.inspect)
            self.field.overlays.tiles(surface, reach, theme.MOVE_TILE, offset, 70)
            self.field.overlays.tiles(surface, strike, theme.ATTACK_TILE, offset, 80)

    # ---- the map menu (confirm on an empty tile) ---------------------------------------------
    def map_menu(self) -> Result:
        f = self.field
        entries = [
            Entry(
                "End Turn",
                "end_turn",
                f.session.player_phase,
                "It is not your phase.",
                help="End your phase; the enemy moves next.",
            ),
            Entry(
                "Rewind",
                "rewind",
                f.rewind_problem() is None,
                f.rewind_problem() or "",
                detail=self._rewinds_left(),
                help="Take back your last action of this phase, rolls and all (R).",
            ),
            Entry("Objectives", "objectives", help="Victory and defeat conditions."),
            Entry(
                f"Danger Zone: {'On' if f.show_danger else 'Off'}",
                "danger",
                help="Show every tile the enemy can attack next phase (V).",
            ),
            Entry(
                "Next Unit",
                "next",
                bool(f.ready_units()),
                "Every unit has acted.",
                help="Jump to a unit that has not acted (E / Q).",
            ),
            Entry("Units", "units", help="Every unit on the map: HP, EN, Will; go to one."),
            Entry("Menu", "pause", help="Settings, battle log, suspend, quit."),
        ]
        title = f"Turn {f.state.turn}"
        anchor = f.menu_anchor(ListMenu(entries, title=title, width=150).size(), 260, f.cursor, {f.cursor})
        menu = MenuScene(f.services, entries, title=title, anchor=anchor, width=150, help_width=260)
        return show(menu, self._map_menu_chosen)

    def _map_menu_chosen(self, result: object) -> Result:
        f = self.field
        match result.key if isinstance(result, Picked) else None:
            case "end_turn":
                return self.end_turn()
            case "objectives":
                return objectives(f)
            case "rewind":
                return f.rewind()
            case "danger":
                f.show_danger = not f.show_danger
            case "next":
                f.next_unit(1)
            case "pause":
                return pause(f)
            case "units":
                return Open(lambda then: f.services.nav.unit_list(f.state, then), self._unit_chosen)
        return STAY

    def _unit_chosen(self, result: object) -> Result:
        f = self.field
        if isinstance(result, Picked) and result.key in f.state.units:
            f.set_cursor(f.state.unit(str(result.key)).pos)
            f.camera.center_on(f.cursor)
        return STAY

    def _rewinds_left(self) -> str:
        limit = self.field.rewind_limit
        return "" if limit is None or limit == 0 else f"{max(0, limit - self.field.session.rewinds_used)} left"

    def end_turn(self) -> Result:
        f = self.field
        waiting = len(f.ready_units())
        if not waiting:
            return Order(EndPhase())
        word = "unit has" if waiting == 1 else "units have"
        question = ConfirmScene(f.services, f"{waiting} {word} not acted yet. End the turn?")
        return show(question, lambda yes: Order(EndPhase()) if yes is True else STAY)


def objectives(field: Field) -> Result:
    return Open(lambda then: field.services.nav.objectives(field.state, then))


def pause(field: Field) -> Result:
    return Open(lambda then: field.services.nav.pause(field.session, then))


def free(field: Field) -> Result:
    field.inspect = None
    return Become(CursorMode(field))
