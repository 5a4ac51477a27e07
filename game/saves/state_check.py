"""A battle state read from a file, checked against the invariants the engine keeps.

A save's digest only proves the state was not damaged by accident: someone who edits the
state can recompute it. A loaded state is therefore checked the way the engine's own
property tests check every state it makes: known unit, pilot and side ids, positions on
the map, one active unit per tile, HP/EN/SP/Will/ammo within the unit's limits, a phase and
turn in range. The first problems found are returned, each naming the unit and field.
"""

from __future__ import annotations

from collections.abc import Iterator

from game.core.rng import new_streams
from game.core.state import ACTIVE, UNIT_STATUSES, BattleState, UnitState
from game.core.stats import has_will, max_en, max_hp, max_sp, will_limits
from game.scenario.setup import UPGRADE_KEYS

MAX_TURN = 10_000
MAX_COUNTER = 1_000_000_000  # EXP, kills, funds, damage: far past any battle
MAX_LEVEL = 99
MAX_UPGRADE = 99  # the schema's highest upgrade cap
REPORTED = 5  # problems listed before "and N more"


def _within(value: object, lo: int, hi: int) -> bool:
    return type(value) is int and lo <= value <= hi


def _unit_problems(state: BattleState, u: UnitState, label: str) -> Iterator[str]:
    ctx = state.ctx
    defs = ctx.defs
    if u.unit_id not in defs.units:
        yield f"{label} is unit type {u.unit_id!r}, which the game data does not have"
        return  # the limits below depend on the unit type
    if u.pilot_id is not None and u.pilot_id not in defs.pilots:
        yield f"{label} has pilot {u.pilot_id!r}, which the game data does not have"
        return
    if not ctx.has_side(u.side):
        yield f"{label} is on side {u.side!r}, which this battle does not have"
    if u.status not in UNIT_STATUSES:
        yield f"{label} has status {u.status!r} (expected one of {', '.join(UNIT_STATUSES)})"
    for name, steps in u.upgrades.items():
        if name not in UPGRADE_KEYS or not _within(steps, 0, MAX_UPGRADE):
            yield f"{label} has upgrade {name!r} = {steps!r} (upgrades are {', '.join(UPGRADE_KEYS)}, 0..{MAX_UPGRADE})"
            return  # max HP and EN depend on the upgrades
    if not _within(u.level, 1, MAX_LEVEL):
        yield f"{label} is level {u.level} (1..{MAX_LEVEL})"
        return  # SP depends on the level
    active = u.status == ACTIVE
    top_hp = max_hp(ctx, u)
    if not _within(u.hp, 1 if active else 0, top_hp):
        yield f"{label} has {u.hp} HP ({1 if active else 0}..{top_hp} for this unit)"
    top_en = max_en(ctx, u)
    if not _within(u.en, 0, top_en):
        yield f"{label} has {u.en} EN (0..{top_en} for this unit)"
    top_sp = max_sp(ctx, u)
    if not _within(u.sp, 0, top_sp):
        yield f"{label} has {u.sp} SP (0..{top_sp} for this pilot)"
    lo, hi = will_limits(ctx, u) if has_will(ctx, u) else (0, 1000)
    if not _within(u.will, lo, hi):
        yield f"{label} has {u.will} Will ({lo}..{hi} for this pilot)"
    weapons = {w.id: w for w in defs.units[u.unit_id].weapons}
    for wid, left in u.ammo.items():
        w = weapons.get(wid)
        if w is None or w.ammo is None:
            yield f"{label} has ammo for {wid!r}, which is not one of its weapons with ammo"
        elif not _within(left, 0, w.ammo):
            yield f"{label} has {left} shots of {wid!r} (0..{w.ammo})"
    for e in u.effects:
        known = defs.spirits if e.kind == "spirit" else defs.statuses if e.kind == "status" else None
        if known is None or e.id not in known:
            yield f"{label} is under {e.kind} {e.id!r}, which the game data does not have"
    for name in ("exp", "kills", "support_attacks", "support_defends", "substitutes_used"):
        if not _within(getattr(u, name), 0, MAX_COUNTER):
            yield f"{label} has {name} {getattr(u, name)!r} (0..{MAX_COUNTER})"
    if active and not ctx.grid.in_bounds(u.pos):
        yield f"{label} stands at {u.pos}, off the {ctx.grid.width}x{ctx.grid.height} map"


def state_problems(state: BattleState) -> list[str]:
    """Everything found wrong with `state` (empty when it could have come from the engine)."""
    ctx = state.ctx
    out: list[str] = []
    if not _within(state.phase, 0, len(ctx.sides) - 1):
        out.append(f"the phase is {state.phase!r}; this battle has phases 0..{len(ctx.sides) - 1}")
    if not _within(state.turn, 1, MAX_TURN):
        out.append(f"the turn is {state.turn!r} (1..{MAX_TURN})")
    if not _within(state.spawned, 0, MAX_COUNTER):
        out.append(f"the spawned-unit counter is {state.spawned!r}")
    tiles: dict[tuple[int, int], str] = {}
    for uid, u in state.units.items():
        label = f"unit {uid!r}"
        if uid != u.uid:
            out.append(f"{label} is filed under another uid ({u.uid!r})")
        out.extend(_unit_problems(state, u, label))
        if u.status == ACTIVE:
            other = tiles.setdefault(u.pos, uid)
            if other != uid:
                out.append(f"units {other!r} and {uid!r} both stand on {u.pos}")
    if state.undo is not None:
        if state.undo.uid not in state.units:
            out.append(f"the move that can be cancelled is of {state.undo.uid!r}, who is not in the battle")
        else:
            out.extend(_unit_problems(state, state.undo, f"the cancellable move of {state.undo.uid!r}"))
    for side, result in state.results.items():
        if not ctx.has_side(side):
            out.append(f"results are kept for side {side!r}, which this battle does not have")
        for name in ("funds", "kills", "lost", "damage_dealt"):
            if not _within(getattr(result, name), 0, MAX_COUNTER):
                out.append(f"side {side!r} has {name} {getattr(result, name)!r} (0..{MAX_COUNTER})")
    if state.outcome is not None and not ctx.has_side(state.outcome.winner):
        out.append(f"the winner is side {state.outcome.winner!r}, which this battle does not have")
    missing = sorted(set(new_streams(0)) - set(state.rng))
    if missing:
        out.append(f"random stream {missing[0]!r} is missing")
    for stream, value in state.rng.items():
        if not _within(value, 0, 2**64 - 1):
            out.append(f"random stream {stream!r} has an impossible state")
    return out


def describe_problems(problems: list[str]) -> str:
    shown = "; ".join(problems[:REPORTED])
    more = f" (and {len(problems) - REPORTED} more)" if len(problems) > REPORTED else ""
    return shown + more
