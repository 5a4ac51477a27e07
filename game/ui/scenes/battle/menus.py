"""The entries of the battle menus (actions, weapons, spirits, MAP weapons), from the models."""

from __future__ import annotations

from game.core import BattleState
from game.ui.model.unit_actions import map_weapon_rows, spirit_rows, unit_menu, weapon_rows
from game.ui.model.wording import in_words
from game.ui.render.menu import Entry


def action_entries(state: BattleState, uid: str) -> list[Entry]:
    return [Entry(i.label, i.key, i.enabled, in_words(state, i.reason)) for i in unit_menu(state, uid)]


def weapon_entries(state: BattleState, uid: str) -> list[Entry]:
    u = state.unit(uid)
    entries = []
    for r in weapon_rows(state, uid):
        w = r.weapon
        if w.en_cost:
            cost = f"{w.en_cost} EN"
        elif w.ammo is not None:
            cost = f"ammo {u.ammo.get(w.id, 0)}/{w.ammo}"
        else:
            cost = "free"
        rng = f"{w.range_min}-{w.range_max}" if w.range_min != w.range_max else f"{w.range_min}"
        help_text = f"Power {w.power} · Range {rng} · Hit {w.hit:+d} · Crit {w.crit:+d} · {cost}"
        if w.post_move:
            help_text += " · P"
        entries.append(
            Entry(w.name, w.id, r.enabled, in_words(state, r.reason), detail=f"{w.power}  {rng}", help=help_text)
        )
    return entries


def spirit_entries(state: BattleState, uid: str) -> list[Entry]:
    entries = []
    for r in spirit_rows(state, uid):
        help_text = r.description or r.name
        if r.target != "self":
            help_text += f"  (target: {r.target.replace('_', ' ')})"
        entries.append(Entry(r.name, r.id, r.enabled, in_words(state, r.reason), detail=f"{r.cost} SP", help=help_text))
    return entries


def map_weapon_entries(state: BattleState, uid: str) -> list[Entry]:
    return [
        Entry(r.weapon.name, r.weapon.id, r.enabled, in_words(state, r.reason), detail=str(r.weapon.power))
        for r in map_weapon_rows(state, uid)
    ]
