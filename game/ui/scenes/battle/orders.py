"""The player's turn: picking a unit, its menus (actions, weapons, spirits, MAP weapons),
the forecast, and what follows once a command's events are shown."""

from __future__ import annotations

from typing import Any

from game.core import (
    Attack,
    CancelMove,
    CastSpirit,
    EndPhase,
    Land,
    Repair,
    Supply,
    TakeOff,
    Wait,
    forecast,
    legal_commands,
)
from game.core.stats import unit_def
from game.ui.model.ranges import weapon_tiles
from game.ui.model.session import PLAYER_SIDE
from game.ui.model.unit_actions import spirit_rows, weapon_rows
from game.ui.render.menu import Picked
from game.ui.scenes.battle import menus
from game.ui.scenes.battle.aim import AimMode
from game.ui.scenes.battle.choose import ChooseMode, Purpose
from game.ui.scenes.battle.cursor import free
from game.ui.scenes.battle.field import Field
from game.ui.scenes.battle.mode import STAY, After, Become, Open, Order, Result, show
from game.ui.scenes.battle.move import MoveMode
from game.ui.scenes.forecast import ForecastScene


def _key(result: Any) -> Any:
    return result.key if isinstance(result, Picked) else None


class PlayerOrders:
    def __init__(self, field: Field) -> None:
        self.field = field

    def free(self) -> Result:
        return free(self.field)

    def select(self, uid: str) -> Result:
        """Pick a unit: show where it can go, or (if it moved already) open its menu."""
        f = self.field
        f.inspect = None
        if f.state.unit(uid).moved:
            return self.action_menu(uid)
        f.services.audio.sfx("select")
        return Become(MoveMode(f, uid))

    def status(self, uid: str) -> Result:
        f = self.field
        return Open(lambda then: f.services.nav.status(f.state, uid, then))

    # ---- the menus ---------------------------------------------------------------------------
    def action_menu(self, uid: str) -> Result:
        f = self.field
        name = unit_def(f.state.ctx, f.state.unit(uid)).name
        entries = menus.action_entries(f.state, uid)
        return f.menu(uid, entries, name, 120, 240, lambda r: self._action(uid, _key(r)))

    def _action(self, uid: str, key: str | None) -> Result:
        f = self.field
        state = f.state
        u = state.unit(uid)
        match key:
            case None if state.undo is not None and state.undo.uid == uid:
                return Order(CancelMove(uid), After.RESELECT)
            case None if not u.moved and not u.acted:
                return self.select(uid)
            case None:
                return self.free()
            case "attack":
                return self.weapons(uid)
            case "map_attack":
                return self.map_weapons(uid)
            case "spirit":
                return self.spirits(uid)
            case "status":
                return Open(
                    lambda then: f.services.nav.status(state, uid, then), lambda _: self.action_menu(uid), keep=False
                )
            case "wait":
                return Order(Wait(uid), After.NEXT_UNIT)
            case "take_off":
                return Order(TakeOff(uid), After.RESELECT)
            case "land":
                return Order(Land(uid), After.RESELECT)
            case "repair" | "supply":
                cls = Repair if key == "repair" else Supply
                targets = [c.target for c in legal_commands(state, uid) if isinstance(c, cls)]
                return Become(ChooseMode(f, uid, Purpose.DEVICE, key, targets))
        return STAY

    def weapons(self, uid: str) -> Result:
        f = self.field
        entries = menus.weapon_entries(f.state, uid)
        return f.menu(uid, entries, "Weapons", 210, 300, lambda r: self._weapon(uid, _key(r)))

    def _weapon(self, uid: str, weapon: str | None) -> Result:
        if weapon is None:
            return self.action_menu(uid)
        f = self.field
        row = next(r for r in weapon_rows(f.state, uid) if r.weapon.id == weapon)
        red = weapon_tiles(f.state, uid, weapon)
        return Become(ChooseMode(f, uid, Purpose.ATTACK, weapon, list(row.targets), red))

    def spirits(self, uid: str) -> Result:
        f = self.field
        title = f"Spirit  SP {f.state.unit(uid).sp}"
        entries = menus.spirit_entries(f.state, uid)
        return f.menu(uid, entries, title, 160, 300, lambda r: self._spirit(uid, _key(r)))

    def _spirit(self, uid: str, spirit: str | None) -> Result:
        if spirit is None:
            return self.action_menu(uid)
        f = self.field
        row = next(r for r in spirit_rows(f.state, uid) if r.id == spirit)
        if row.target in ("ally", "enemy") or (row.target == "friend" and len(row.targets) > 1):
            return Become(ChooseMode(f, uid, Purpose.SPIRIT, row.id, [t for t in row.targets if t is not None]))
        return Order(CastSpirit(uid, row.id, row.targets[0] if row.targets else None), After.MENU)

    def map_weapons(self, uid: str) -> Result:
        f = self.field
        entries = menus.map_weapon_entries(f.state, uid)
        return f.menu(uid, entries, "MAP Weapons", 200, 260, lambda r: self._map_weapon(uid, _key(r)))

    def _map_weapon(self, uid: str, weapon: str | None) -> Result:
        if weapon is None:
            return self.action_menu(uid)
        return Become(AimMode(self.field, uid, weapon))

    def forecast(self, uid: str, weapon: str, target: str) -> Result:
        """The forecast of the attack, with the defender's reaction (the computer's choice)."""
        f = self.field
        state = f.state
        attack = Attack(uid, weapon, target)
        defender_side = state.unit(target).side
        if defender_side != PLAYER_SIDE:
            try:
                attack = f.services.controllers(defender_side).react(state, attack)
            except Exception as exc:  # a broken controller must not stop the game
                f.services.notify(f"The enemy's reaction could not be decided ({exc}); it will counter.")
        fc = forecast(
            state,
            attack.unit,
            attack.weapon,
            attack.target,
            attack.reaction,
            counter_weapon=attack.counter_weapon,
            support_attack=attack.support_attack,
            support_defend=attack.support_defend,
        )
        scene = ForecastScene(f.services, state, fc, attack)
        return show(scene, lambda yes: Order(attack, After.NEXT_UNIT) if yes is True else STAY)

    # ---- after a command ---------------------------------------------------------------------
    def resume(self, uid: str | None, after: After) -> Result:
        f = self.field
        state = f.state
        if f.phase_began:
            f.look_at_first_ready()
        if uid is not None and uid in state.units and state.unit(uid).active:
            u = state.unit(uid)
            if after is After.MENU and not u.acted:
                return self.action_menu(uid)
            if after is After.RESELECT and not u.acted:
                f.set_cursor(u.pos)
                return self.select(uid)
        if not f.ready_units():
            return Order(EndPhase())  # every unit has acted: the phase ends by itself, as in SRW
        if after is After.NEXT_UNIT:
            f.next_unit(1)
        return self.free()
