"""What the engine says reaches the screen in the player's words: units and pilots by their
names, never their ids, in every refusal a menu or a notice shows."""

from __future__ import annotations

import re

import pytest

from game.core import BattleState, Land, Move, TakeOff, Wait, apply
from game.ui.model.session import PLAYER_SIDE, BattleSession
from game.ui.model.wording import in_words
from game.ui.scenes.battle import menus
from game.ui.wiring import scenario_catalog
from tests.ui.training import duel


def _ids(state: BattleState) -> set[str]:
    ids = set(state.units)
    ids |= {u.pilot_id for u in state.units.values() if u.pilot_id}
    return ids


def _leaked(state: BattleState, text: str) -> list[str]:
    ctx = state.ctx
    names = {u.uid: ctx.defs.units[u.unit_id].name for u in state.units.values()}
    names |= {u.pilot_id: ctx.defs.pilots[u.pilot_id].name for u in state.units.values() if u.pilot_id}
    return [i for i in _ids(state) if names.get(i) != i and re.search(rf"(?<![\w']){re.escape(i)}\b", text)]


def _reasons(session: BattleSession) -> list[str]:
    """Every refusal the map can show for the player's units at the start of the battle."""
    state = session.state
    out: list[str] = []
    for u in state.active_units(PLAYER_SIDE):
        for build in (menus.action_entries, menus.weapon_entries, menus.spirit_entries, menus.map_weapon_entries):
            out += [e.reason for e in build(state, u.uid) if not e.enabled]
        far = max(state.ctx.grid.positions(), key=lambda p: abs(p[0] - u.x) + abs(p[1] - u.y))
        occupied = next((o.pos for o in state.active_units() if o.uid != u.uid), far)
        for cmd in (Move(u.uid, far), Move(u.uid, occupied), Move(u.uid, u.pos)):
            out.append(session.check(cmd) or "")
        moved, _ = apply(state, Wait(u.uid))
        after = BattleSession(session.scenario, moved)
        out += [after.check(TakeOff(u.uid)) or "", after.check(Land(u.uid)) or "", after.check(Wait(u.uid)) or ""]
    return [r for r in out if r]


def test_in_words_names_units_and_pilots() -> None:
    state = BattleSession.start(duel()).state
    text = in_words(state, "braver_1 cannot reach (3, 4) this phase; layzner's move stays.")
    assert "braver_1" not in text and text.startswith("Braver cannot reach (3, 4)")
    assert _leaked(state, text) == []
    assert _leaked(state, "braver_1 is here") == ["braver_1"]  # the check itself can fail


def _shipped() -> list[str]:
    catalog, _ = scenario_catalog([])
    return [i.id for i in catalog.scenarios()]


@pytest.mark.parametrize("scenario_id", _shipped())
def test_no_refusal_of_a_shipped_battle_names_a_unit_by_its_id(scenario_id: str) -> None:
    catalog, _ = scenario_catalog([])
    session = BattleSession.start(catalog.load(scenario_id))
    reasons = _reasons(session)
    assert reasons
    leaks = {r: _leaked(session.state, r) for r in reasons if _leaked(session.state, r)}
    assert leaks == {}
