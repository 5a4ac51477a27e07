"""The battle engine: `new_battle`, `legal_commands` and `apply(state, command)`.

`apply` is the only way battle state changes. It is pure: the given state is left
untouched and a new state plus the events that happened are returned.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType

from game.core.combat import target_problem, weapon_problem, weapon_range
from game.core.commands import (
    Attack,
    CancelMove,
    CastSpirit,
    Command,
    EndPhase,
    Land,
    MapAttack,
    Move,
    Repair,
    Supply,
    TakeOff,
    UseItem,
    Wait,
)
from game.core.context import BattleContext
from game.core.errors import IllegalCommand
from game.core.events import (
    BattleStarted,
    Event,
    MoveCancelled,
    UnitHealed,
    UnitLanded,
    UnitMoved,
    UnitResupplied,
    UnitTookOff,
    UnitWaited,
)
from game.core.exchange import map_area, resolve_attack, resolve_map_attack
from game.core.grid import distance
from game.core.items import item_uses, use_item
from game.core.lifecycle import change_will, consume, finish_action, gain_exp
from game.core.modifiers import collect
from game.core.movement import can_stand, reachable
from game.core.phases import end_phase, start_phase
from game.core.rng import new_streams
from game.core.script import Deployment
from game.core.spirits import _ammo_missing, cast_spirit, check_cast, known_spirits, refill
from game.core.state import ACTIVE, BattleState, SideResult, UnitState
from game.core.stats import max_en, max_hp, unit_def
from game.core.triggers import checkpoint
from game.core.tx import Tx


def new_battle(ctx: BattleContext, deployments: Iterable[Deployment], seed: int) -> tuple[BattleState, list[Event]]:
    """Set up turn 1, the first side's phase, with `deployments` on the map.

    Raises `DeploymentError` (a ValueError) for deployments that do not fit the map.
    """
    from game.core.deploy import place

    state = BattleState(
        ctx=ctx,
        seed=seed,
        turn=1,
        phase=0,
        units={},
        rng=new_streams(seed),
        results={s.id: SideResult() for s in ctx.sides},
    )
    tx = Tx(state)
    for dep in deployments:
        place(tx, dep, strict=True)
    tx.emit(BattleStarted(ctx.scenario_id, seed))
    start_phase(tx, upkeep=False)
    checkpoint(tx)
    return tx.finish()


# ---- the simple commands ---------------------------------------------------------------------
def _move(tx: Tx, cmd: Move) -> None:
    u = tx.own_unit(cmd.unit)
    if u.moved:
        raise IllegalCommand(f"{u.uid} has already moved this phase.")
    if u.acted and "hit_and_away" not in collect(tx.ctx, u).flags:
        raise IllegalCommand(f"{u.uid} has already acted this phase.")
    to = (int(cmd.to[0]), int(cmd.to[1]))
    if to == u.pos:
        raise IllegalCommand(f"{u.uid} is already at {to}.")
    if not tx.ctx.grid.in_bounds(to):
        raise IllegalCommand(f"{to} is off the map.")
    reach = reachable(tx.state, u.uid)
    if to not in reach.stops:
        if to in reach.costs:
            raise IllegalCommand(f"{u.uid} can pass through {to} but not stop there: it is occupied.")
        raise IllegalCommand(f"{u.uid} cannot reach {to} this phase.")
    path = reach.path_to(to)
    before = u
    m = tx.unit(u.uid)
    m.x, m.y = to
    m.moved = True
    tx.emit(UnitMoved(u.uid, tuple(path), reach.costs[to]))
    consume(tx, u.uid, "next_move")
    # Undo keeps the unit as it was; a move after acting (Hit & Away) cannot be taken back.
    tx.state.undo = None if u.acted else before


def _cancel_move(tx: Tx, cmd: CancelMove) -> None:
    undo = tx.state.undo
    if undo is None or undo.uid != cmd.unit:
        raise IllegalCommand(f"{cmd.unit}'s move can no longer be cancelled.")
    now = tx.own_unit(cmd.unit)
    # The unit goes back as it was before the move, keeping what it did since (spirits cast
    # after moving: their cost and effects). The move only changed its tile, `moved` and
    # the `next_move` effects it used up, which come back (an effect is never held twice).
    back = now.copy()
    back.x, back.y, back.moved = undo.x, undo.y, undo.moved
    back.effects = (*undo.effects, *(e for e in now.effects if e not in undo.effects))
    tx.add_unit(back)
    tx.state.undo = None
    tx.emit(MoveCancelled(cmd.unit, back.pos))


def _wait(tx: Tx, cmd: Wait) -> None:
    u = tx.own_unit(cmd.unit)
    if u.moved and u.acted:
        raise IllegalCommand(f"{u.uid} has already finished this phase.")
    tx.emit(UnitWaited(u.uid))
    m = tx.unit(u.uid)
    m.moved = True
    finish_action(tx, u.uid)


def _fly_problem(state: BattleState, u: UnitState, take_off: bool) -> str | None:
    ctx = state.ctx
    udef = unit_def(ctx, u)
    if ctx.grid.space:
        return "There is no flying or landing in space."
    if u.moved or u.acted:
        return f"{u.uid} can only take off or land before moving."
    if take_off:
        if u.flying:
            return f"{u.uid} is already flying."
        if not udef.can_fly:
            return f"{udef.name} cannot fly."
        if not can_stand(ctx, udef, u.pos, True):
            return f"{udef.name} cannot fly here."
    else:
        if not u.flying:
            return f"{u.uid} is not flying."
        if udef.always_flying:
            return f"{udef.name} cannot land."
        if not can_stand(ctx, udef, u.pos, False):
            return f"{udef.name} cannot land on {ctx.grid.terrain_id(u.pos)}."
    return None


def _take_off(tx: Tx, cmd: TakeOff) -> None:
    u = tx.own_unit(cmd.unit)
    problem = _fly_problem(tx.state, u, True)
    if problem:
        raise IllegalCommand(problem)
    tx.unit(u.uid).flying = True
    tx.emit(UnitTookOff(u.uid))


def _land(tx: Tx, cmd: Land) -> None:
    u = tx.own_unit(cmd.unit)
    problem = _fly_problem(tx.state, u, False)
    if problem:
        raise IllegalCommand(problem)
    tx.unit(u.uid).flying = False
    tx.emit(UnitLanded(u.uid))


def _device_problem(state: BattleState, u: UnitState, target: str, device: str) -> str | None:
    ctx = state.ctx
    if u.acted:
        return f"{u.uid} has already acted this phase."
    mods = collect(ctx, u)
    if device == "repair" and mods.repair <= 0:
        return f"{unit_def(ctx, u).name} has no repair device."
    if device == "supply" and mods.supply is None:
        return f"{unit_def(ctx, u).name} has no supply device."
    t = state.units.get(target)
    if t is None or t.status != ACTIVE:
        return f"{target} is not on the map."
    if t.uid == u.uid or not ctx.friendly(u.side, t.side):
        return f"{target} is not an ally."
    if distance(u.pos, t.pos) != 1:
        return f"{target} must be next to {u.uid}."
    if device == "repair" and t.hp >= max_hp(ctx, t):
        return f"{target} is not damaged."
    if device == "supply" and t.en >= max_en(ctx, t) and not _ammo_missing(state, t):
        return f"{target} needs neither EN nor ammo."
    return None


def _repair(tx: Tx, cmd: Repair) -> None:
    u = tx.own_unit(cmd.unit)
    problem = _device_problem(tx.state, u, cmd.target, "repair")
    if problem:
        raise IllegalCommand(problem)
    ctx = tx.ctx
    t = tx.state.units[cmd.target]
    top = max_hp(ctx, t)
    after = min(top, t.hp + top * collect(ctx, u).repair // 100)
    tx.unit(t.uid).hp = after
    tx.emit(UnitHealed(t.uid, after - t.hp, after, "repair:" + u.uid))
    gain_exp(tx, u.uid, ctx.defs.rules.exp_repair)
    finish_action(tx, u.uid)


def _supply(tx: Tx, cmd: Supply) -> None:
    u = tx.own_unit(cmd.unit)
    problem = _device_problem(tx.state, u, cmd.target, "supply")
    if problem:
        raise IllegalCommand(problem)
    ctx = tx.ctx
    refill(tx, cmd.target)
    tx.emit(UnitResupplied(cmd.target, tx.state.units[cmd.target].en, "supply:" + u.uid))
    change_will(tx, cmd.target, -(collect(ctx, u).supply or 0), "resupplied")
    gain_exp(tx, u.uid, ctx.defs.rules.exp_supply)
    finish_action(tx, u.uid)


def _end_phase(tx: Tx, cmd: EndPhase) -> None:
    end_phase(tx)


HANDLERS: Mapping[type[Command], Callable[[Tx, Command], None]] = MappingProxyType(
    {
        Move: _move,  # type: ignore[dict-item]
        CancelMove: _cancel_move,  # type: ignore[dict-item]
        Attack: resolve_attack,  # type: ignore[dict-item]
        MapAttack: resolve_map_attack,  # type: ignore[dict-item]
        CastSpirit: cast_spirit,  # type: ignore[dict-item]
        Wait: _wait,  # type: ignore[dict-item]
        TakeOff: _take_off,  # type: ignore[dict-item]
        Land: _land,  # type: ignore[dict-item]
        Repair: _repair,  # type: ignore[dict-item]
        Supply: _supply,  # type: ignore[dict-item]
        UseItem: use_item,  # type: ignore[dict-item]
        EndPhase: _end_phase,  # type: ignore[dict-item]
    }
)


def apply(state: BattleState, command: Command) -> tuple[BattleState, list[Event]]:
    """Run `command`: returns the new state and what happened. `state` is not changed.

    Raises `IllegalCommand` (and changes nothing) when the rules do not allow it now.
    """
    if state.outcome is not None:
        raise IllegalCommand(f"The battle is over: {state.outcome.reason}")
    handler = HANDLERS.get(type(command))
    if handler is None:
        raise IllegalCommand(f"Unknown command {command!r}.")
    tx = Tx(state)
    handler(tx, command)
    fired = checkpoint(tx)
    if not _keeps_undo(tx.state, command) or fired or tx.rolled:
        tx.state.undo = None
    return tx.finish()


def _keeps_undo(after: BattleState, command: Command) -> bool:
    """Whether the last move can still be cancelled after `command` (RULES §1: until the unit
    acts or anything is rolled). A plain move opens it; spirits the moved unit casts before
    acting keep it open; any other command closes it (docs/RULES_NOTES.md says why)."""
    undo = after.undo
    if undo is None:
        return False
    if isinstance(command, Move):
        return True
    return isinstance(command, CastSpirit) and command.unit == undo.uid and not after.units[undo.uid].acted


# ---- legal commands --------------------------------------------------------------------------
def legal_commands(state: BattleState, unit: str | None = None) -> list[Command]:
    """Every command the side whose phase it is may give now (for one unit if `unit` is set).

    Attack commands are listed with the default reaction; the defender's controller picks
    counter, defend or evade, all of which are legal.
    """
    if state.outcome is not None:
        return []
    ctx = state.ctx
    side = state.side
    out: list[Command] = []
    if unit is not None:
        u = state.units.get(unit)
        units = [u] if u is not None and u.status == ACTIVE and u.side == side else []
    else:
        units = list(state.active_units(side))
    hostiles = [t for t in state.active_units() if ctx.hostile(side, t.side)]
    for u in units:
        if u.moved and u.acted:
            continue
        mods = collect(ctx, u)
        if state.undo is not None and state.undo.uid == u.uid:
            out.append(CancelMove(u.uid))
        if not u.moved and not u.acted:
            if _fly_problem(state, u, True) is None:
                out.append(TakeOff(u.uid))
            if _fly_problem(state, u, False) is None:
                out.append(Land(u.uid))
        if not u.moved and (not u.acted or "hit_and_away" in mods.flags):
            reach = reachable(state, u.uid)
            out.extend(Move(u.uid, p) for p in sorted(reach.stops, key=lambda p: (p[1], p[0])))
        out.append(Wait(u.uid))
        if u.acted:
            continue  # a Hit & Away unit that attacked may still move or wait
        out.extend(_attacks(state, u, hostiles))
        out.extend(_spirit_casts(state, u))
        out.extend(item_uses(state, u))
        for t in state.active_units():
            if distance(t.pos, u.pos) != 1:
                continue
            if mods.repair > 0 and _device_problem(state, u, t.uid, "repair") is None:
                out.append(Repair(u.uid, t.uid))
            if mods.supply is not None and _device_problem(state, u, t.uid, "supply") is None:
                out.append(Supply(u.uid, t.uid))
    out.append(EndPhase())
    return out


def _attacks(state: BattleState, u: UnitState, hostiles: list[UnitState]) -> list[Command]:
    ctx = state.ctx
    out: list[Command] = []
    for w in unit_def(ctx, u).weapons:
        if weapon_problem(state, u, w, after_move=u.moved) is not None:
            continue
        if w.is_map:
            if u.moved:
                continue
            out.extend(_map_attacks(state, u, w.id))
            continue
        lo, hi = weapon_range(w, collect(ctx, u, "attack", w))
        for t in hostiles:
            if lo <= distance(u.pos, t.pos) <= hi and target_problem(state, u, w, t) is None:
                out.append(Attack(u.uid, w.id, t.uid))
    return out


def _map_attacks(state: BattleState, u: UnitState, weapon: str) -> list[Command]:
    ctx = state.ctx
    w = unit_def(ctx, u).weapon(weapon)
    assert w.map_area is not None
    candidates: list[MapAttack] = []
    if w.map_area.shape == "targeted":
        lo, hi = weapon_range(w, collect(ctx, u, "attack", w))
        for p in ctx.grid.positions():
            if lo <= distance(u.pos, p) <= hi:
                candidates.append(MapAttack(u.uid, weapon, 0, p))
    else:
        candidates = [MapAttack(u.uid, weapon, d) for d in range(4)]
    occupancy = state.occupancy()
    out: list[Command] = []
    for c in candidates:
        tiles = map_area(state, u.uid, weapon, c.direction, c.center)
        if any(
            (t := occupancy.get(p)) is not None
            and t.uid != u.uid
            and (ctx.hostile(u.side, t.side) or w.map_area.friendly_fire)
            for p in tiles
        ):
            out.append(c)
    return out


def _spirit_casts(state: BattleState, u: UnitState) -> list[Command]:
    ctx = state.ctx
    out: list[Command] = []
    for ref in known_spirits(state, u):
        spirit = ctx.defs.spirits[ref.id]
        if spirit.target in ("ally", "friend", "enemy"):
            options: list[str | None] = [
                t.uid
                for t in state.active_units()
                if (ctx.hostile(u.side, t.side) if spirit.target == "enemy" else ctx.friendly(u.side, t.side))
                and not (spirit.target == "ally" and t.uid == u.uid)
            ]
        else:
            options = [None]
        for target in options:
            cmd = CastSpirit(u.uid, ref.id, target)
            try:
                check_cast(state, cmd)
            except IllegalCommand:
                continue
            out.append(cmd)
    return out
