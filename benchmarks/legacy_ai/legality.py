"""Checking a command before returning it, without rolling anything.

Attacks are checked through the forecast (which draws nothing), spirits through the
engine's own `check_cast`, moves against the unit's reach (the engine's `_move` checks);
other commands are tried with `apply`, which is pure and rolls nothing for them. Moves and
spirits are checked directly because trying them runs the scenario's triggers too, which
doubled the cost of every move in batch simulations.
"""

from __future__ import annotations

from game.core.combat import forecast, weapon_problem
from game.core.commands import Attack, CastSpirit, Command, EndPhase, MapAttack, Move
from game.core.engine import apply
from game.core.errors import IllegalCommand
from game.core.exchange import map_area
from game.core.modifiers import collect
from game.core.movement import reachable
from game.core.spirits import check_cast
from game.core.state import BattleState
from game.core.stats import environment, unit_def


def problem(state: BattleState, cmd: Command) -> str | None:
    """Why `cmd` is illegal in `state`, or None when the engine would accept it."""
    if state.outcome is not None:
        return f"the battle is over: {state.outcome.reason}"
    if isinstance(cmd, EndPhase):
        return None
    if isinstance(cmd, (Attack, MapAttack)):
        u = state.units.get(cmd.unit)
        problem = _actor_problem(state, cmd.unit)
        if problem is not None or u is None:
            return problem
        if u.acted:
            return f"{cmd.unit} has already acted"
        if isinstance(cmd, Attack):
            try:
                forecast(
                    state,
                    cmd.unit,
                    cmd.weapon,
                    cmd.target,
                    cmd.reaction,
                    counter_weapon=cmd.counter_weapon,
                    support_attack=cmd.support_attack,
                    support_defend=cmd.support_defend,
                )
            except (IllegalCommand, KeyError) as exc:
                return str(exc)
            return None
        return _map_problem(state, cmd)
    if isinstance(cmd, Move):
        return _move_problem(state, cmd)
    try:
        if isinstance(cmd, CastSpirit):
            check_cast(state, cmd)
        else:
            apply(state, cmd)
    except IllegalCommand as exc:
        return str(exc)
    return None


def _actor_problem(state: BattleState, uid: str) -> str | None:
    """Why unit `uid` cannot give a command now, whatever the command."""
    u = state.units.get(uid)
    if u is None or not u.active:
        return f"{uid} is not on the map"
    if u.side != state.side:
        return f"{uid} is not on the side in phase ({state.side})"
    return None


def _move_problem(state: BattleState, cmd: Move) -> str | None:
    u = state.units.get(cmd.unit)
    problem = _actor_problem(state, cmd.unit)
    if problem is not None or u is None:
        return problem
    if u.moved:
        return f"{cmd.unit} has already moved"
    if u.acted and "hit_and_away" not in collect(state.ctx, u).flags:
        return f"{cmd.unit} has already acted"
    if (int(cmd.to[0]), int(cmd.to[1])) not in reachable(state, u.uid).stops:
        return f"{cmd.unit} cannot end its move on {cmd.to}"
    return None


def _map_problem(state: BattleState, cmd: MapAttack) -> str | None:
    ctx = state.ctx
    u = state.units[cmd.unit]
    udef = unit_def(ctx, u)
    if not udef.has_weapon(cmd.weapon):
        return f"{udef.name} has no weapon {cmd.weapon!r}"
    w = udef.weapon(cmd.weapon)
    if w.map_area is None:
        return f"{w.name} is not a MAP weapon"
    if u.moved:
        return f"{w.name} cannot be used after moving"
    why = weapon_problem(state, u, w, after_move=False)
    if why:
        return why
    try:
        tiles = map_area(state, u.uid, w.id, cmd.direction, cmd.center)
    except IllegalCommand as exc:
        return str(exc)
    occupancy = state.occupancy()
    for p in tiles:
        t = occupancy.get(p)
        if t is None or t.uid == u.uid:
            continue
        if ctx.friendly(t.side, u.side) and not w.map_area.friendly_fire:
            continue
        if w.ranks.allows(environment(ctx, t)):
            return None
    return f"{w.name} would hit nobody there"
