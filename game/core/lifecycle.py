"""Small state changes shared by several commands: Will, effect lifetimes, finishing a turn,
EXP and funds."""

from __future__ import annotations

from fractions import Fraction

from game.core.effects import Duration
from game.core.events import EffectEnded, ExpGained, FundsGained, StatusApplied, UnitRefreshed, WillChanged
from game.core.modifiers import collect
from game.core.state import UnitState
from game.core.stats import max_sp, unit_def, will_profile
from game.core.tx import Tx


def change_will(tx: Tx, uid: str, delta: int, reason: str) -> None:
    u = tx.state.units[uid]
    if delta == 0:
        return
    changes, lo, hi, _ = will_profile(tx.ctx, u.pilot_id)
    if not changes:
        return
    after = max(lo, min(hi, u.will + delta))
    if after != u.will:
        before = u.will
        tx.unit(uid).will = after
        tx.emit(WillChanged(uid, before, after, reason))


def consume(tx: Tx, uid: str, duration: Duration) -> None:
    """End every effect on `uid` that lasts `duration` (e.g. next_attack after an attack)."""
    u = tx.state.units[uid]
    if not any(e.duration == duration for e in u.effects):
        return
    m = tx.unit(uid)
    ended = [e for e in m.effects if e.duration == duration]
    m.effects = tuple(e for e in m.effects if e.duration != duration)
    for e in ended:
        tx.emit(EffectEnded(uid, e.id))


def add_status(tx: Tx, uid: str, status: str) -> None:
    from game.core.state import EffectState

    sdef = tx.ctx.defs.statuses[status]
    m = tx.unit(uid)
    kept = tuple(e for e in m.effects if not (e.kind == "status" and e.id == status))
    m.effects = (*kept, EffectState("status", status, sdef.duration))
    tx.emit(StatusApplied(uid, status))


def finish_action(tx: Tx, uid: str) -> None:
    """The unit has acted. It may still move with Hit & Away if it had not moved; Zeal
    (an `extra_action` effect) gives it a fresh move and action instead."""
    u = tx.state.units[uid]
    if u.status != "active":
        return
    m = tx.unit(uid)
    m.acted = True
    if not m.moved and "hit_and_away" not in collect(tx.ctx, m).flags:
        m.moved = True
    if any(e.duration == "next_action" for e in m.effects):
        consume(tx, uid, "next_action")
        m = tx.unit(uid)
        m.moved = False
        m.acted = False
        tx.emit(UnitRefreshed(uid))


def gain_exp(tx: Tx, uid: str, amount: int, *, multiplier: Fraction = Fraction(1)) -> None:
    """Add EXP to the pilot of `uid`, levelling up every `exp_per_level` (SP grows with level)."""
    ctx = tx.ctx
    u = tx.state.units[uid]
    if u.pilot_id is None or amount <= 0:
        return
    mods = collect(ctx, u)
    total = int(Fraction(amount) * multiplier * mods.exp_mul * Fraction(100 + mods.exp_pct, 100))
    if total <= 0:
        return
    rules = ctx.defs.rules
    m = tx.unit(uid)
    before = m.level
    sp_before = max_sp(ctx, m)
    m.exp += total
    while m.exp >= rules.exp_per_level and m.level < rules.max_level:
        m.exp -= rules.exp_per_level
        m.level += 1
    if m.level != before:
        m.sp = min(max_sp(ctx, m), m.sp + max_sp(ctx, m) - sp_before)
    tx.emit(ExpGained(uid, total, before, m.level))


def kill_exp(tx: Tx, killer: UnitState, victim: UnitState) -> int:
    rules = tx.ctx.defs.rules
    base = unit_def(tx.ctx, victim).exp
    factor = 1 + rules.exp_level_step * (victim.level - killer.level)
    return max(rules.exp_min, int(base * max(Fraction(1, 10), factor)))


def gain_funds(tx: Tx, side: str, amount: int, source: str) -> None:
    if amount <= 0:
        return
    tx.state.results[side].funds += amount
    tx.emit(FundsGained(side, amount, source))
