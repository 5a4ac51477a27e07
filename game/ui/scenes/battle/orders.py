"""The player's turn: picking a unit, its menus (actions, weapons, spirits, items, MAP weapons),
the forecast, and what follows once a command's events are shown."""

from __future__ import annotations

import dataclasses
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
    UseItem,
    Wait,
    forecast_attack,
    legal_commands,
)
from game.core.stats import unit_def
from game.ui.model.ranges import weapon_tiles
from game.ui.model.session import PLAYER_SIDE
from game.ui.model.unit_actions import SpiritRow, spirit_rows, weapon_rows
from game.ui.render.menu import Entry, Picked
from game.ui.scenes.battle import menus
from game.ui.scenes.battle.aim import AimMode
from game.ui.scenes.battle.choose import ChooseMode, Purpose
from game.ui.scenes.battle.cursor import free
from game.ui.scenes.battle.field import Field
from game.ui.scenes.battle.mode import STAY, After, Become, Open, Order, Result, Steps, show
from game.ui.scenes.battle.move import MoveMode
from game.ui.scenes.forecast import SPIRITS, ForecastScene


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
            case "item":
                return self.items(uid)
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

    def items(self, uid: str) -> Result:
        f = self.field
        entries = menus.item_entries(f.state, uid)
        return f.menu(uid, entries, "Items", 200, 300, lambda r: self._item(uid, _key(r)))

    def _item(self, uid: str, item: str | None) -> Result:
        if item is None:
            return self.action_menu(uid)
        return Order(UseItem(uid, item), After.MENU)  # an item does not end the unit's action

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
        fc = forecast_attack(state, attack)
        scene = ForecastScene(f.services, state, fc, attack)

        def answer(result: Any) -> Result:
            if result is True:
                return Order(attack, After.NEXT_UNIT)
            if result == SPIRITS:
                return self._forecast_spirits(uid, weapon, target)
            return STAY

        return show(scene, answer)

    def _forecast_spirits(self, uid: str, weapon: str, target: str) -> Result:
        """Spirits cast from the forecast: on the attacker, or on the target; then the forecast
        again with the new numbers (cancel goes straight back to it)."""
        f = self.field
        back = lambda: self._back_to_forecast(uid, weapon, target)  # noqa: E731
        rows = {r.id: r for r in spirit_rows(f.state, uid)}
        entries = [self._forecast_spirit_entry(e, rows[e.key], target) for e in menus.spirit_entries(f.state, uid)]
        title = f"Spirit  SP {f.state.unit(uid).sp}"

        def chosen(result: Any) -> Result:
            if not isinstance(result, Picked):
                return back()
            row = rows[result.key]
            on = target if row.target == "enemy" else (row.targets[0] if row.targets else None)
            return Order(CastSpirit(uid, row.id, on), then=back)

        return f.menu(uid, entries, title, 160, 300, chosen)

    @staticmethod
    def _forecast_spirit_entry(entry: Entry, row: SpiritRow, target: str) -> Entry:
        """From the forecast: spirits on the attacker itself or on the forecast's target."""
        if not entry.enabled:
            return entry
        single_friend = row.target == "friend" and len(row.targets) == 1
        if row.target not in ("self", "enemy") and not single_friend:
            return dataclasses.replace(entry, enabled=False, reason="Cast it on an ally from the unit's menu.")
        if row.target == "enemy" and target not in row.targets:
            return dataclasses.replace(entry, enabled=False, reason="It cannot be cast on this target.")
        return entry

    def _back_to_forecast(self, uid: str, weapon: str, target: str) -> Result:
        f = self.field
        if target not in f.state.units or not f.state.unit(target).active:
            return self.free()
        choose = self._weapon(uid, weapon)
        f.set_cursor(f.state.unit(target).pos)
        return Steps((choose, self.forecast(uid, weapon, target)))

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
