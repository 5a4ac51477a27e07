"""Casting spirit commands (RULES §9): targets, SP, instant effects, lasting effects."""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

from game.core.commands import CastSpirit
from game.core.defs import SpiritDef, SpiritRef
from game.core.errors import IllegalCommand
from game.core.events import SpiritCast, UnitHealed, UnitResupplied
from game.core.lifecycle import change_will
from game.core.modifiers import collect
from game.core.state import ACTIVE, EffectState, UnitState
from game.core.stats import has_will, max_en, max_hp, pilot_def, unit_def, will_limits
from game.core.tx import Tx

if TYPE_CHECKING:
    from game.core.state import BattleState


def known_spirits(state: BattleState, u: UnitState) -> list[SpiritRef]:
    """The spirits the pilot of `u` has learned at its current level."""
    p = pilot_def(state.ctx, u)
    if p is None:
        return []
    return [ref for ref in p.spirits if ref.level <= u.level and ref.id in state.ctx.defs.spirits]


def sp_cost(state: BattleState, u: UnitState, ref: SpiritRef) -> int:
    return int(Fraction(ref.cost) * collect(state.ctx, u).sp_cost_mul)


def _benefit(state: BattleState, spirit: SpiritDef, t: UnitState) -> str | None:
    """Why casting `spirit` on `t` would do nothing (None when it would help)."""
    ctx = state.ctx
    if spirit.duration != "instant":
        if any(e.kind == "spirit" and e.id == spirit.id for e in t.effects):
            return f"{spirit.name} is already active on {t.uid}"
        return None
    helps: list[str] = []
    for m in spirit.effects:
        if m.key in ("heal_hp", "heal_hp_pct"):
            if t.hp < max_hp(ctx, t):
                return None
            helps.append("already at full HP")
        elif m.key == "heal_en_pct":
            if t.en < max_en(ctx, t):
                return None
            helps.append("already at full EN")
        elif m.key == "will":
            lo, hi = will_limits(ctx, t)
            if has_will(ctx, t) and (t.will < hi if m.value > 0 else t.will > lo):
                return None
            helps.append("Will cannot change")
        elif m.key == "resupply":
            if t.en < max_en(ctx, t) or _ammo_missing(state, t):
                return None
            helps.append("nothing to resupply")
        else:
            return None
    return f"{t.uid}: " + (helps[0] if helps else "no effect")


def _ammo_missing(state: BattleState, t: UnitState) -> bool:
    return any(w.ammo is not None and t.ammo.get(w.id, 0) < w.ammo for w in unit_def(state.ctx, t).weapons)


def spirit_targets(state: BattleState, u: UnitState, spirit: SpiritDef, target: str | None) -> list[UnitState]:
    """The units `spirit` would affect; raises IllegalCommand with the reason when none."""
    ctx = state.ctx
    kind = spirit.target
    if kind in ("self",):
        chosen = [u]
    elif kind in ("ally", "friend", "enemy"):
        if target is None:
            if kind == "friend":
                target = u.uid
            else:
                raise IllegalCommand(f"{spirit.name} needs a target unit.")
        t = state.units.get(target)
        if t is None or t.status != ACTIVE:
            raise IllegalCommand(f"{target} is not on the map.")
        if kind == "enemy" and not ctx.hostile(u.side, t.side):
            raise IllegalCommand(f"{spirit.name} targets an enemy; {target} is not one.")
        if kind in ("ally", "friend") and not ctx.friendly(u.side, t.side):
            raise IllegalCommand(f"{spirit.name} targets an ally; {target} is not one.")
        if kind == "ally" and t.uid == u.uid:
            raise IllegalCommand(f"{spirit.name} must target another unit.")
        chosen = [t]
    elif kind == "all_allies":
        chosen = [t for t in state.active_units() if t.uid != u.uid and ctx.friendly(u.side, t.side)]
    elif kind == "all_enemies":
        chosen = [t for t in state.active_units() if ctx.hostile(u.side, t.side)]
    else:  # pragma: no cover - validated by the data layer
        raise IllegalCommand(f"{spirit.name} has an unknown target kind {kind!r}.")
    if target is not None and kind in ("self", "all_allies", "all_enemies"):
        raise IllegalCommand(f"{spirit.name} does not take a target.")
    useful = [t for t in chosen if _benefit(state, spirit, t) is None]
    if not useful:
        reason = _benefit(state, spirit, chosen[0]) if chosen else "no unit to affect"
        raise IllegalCommand(f"{spirit.name} would have no effect ({reason}).")
    return useful


def check_cast(state: BattleState, cmd: CastSpirit) -> tuple[UnitState, SpiritDef, int, list[UnitState]]:
    u = state.units.get(cmd.unit)
    if u is None or u.status != ACTIVE:
        raise IllegalCommand(f"{cmd.unit} is not on the map.")
    if u.side != state.side:
        raise IllegalCommand(f"Spirits can only be cast in the unit's own phase ({u.side}).")
    if u.acted:
        raise IllegalCommand(f"{u.uid} has already finished its action.")
    ref = next((r for r in known_spirits(state, u) if r.id == cmd.spirit), None)
    if ref is None:
        raise IllegalCommand(f"{u.pilot_id or u.uid} does not know the spirit {cmd.spirit!r}.")
    spirit = state.ctx.defs.spirits[cmd.spirit]
    cost = sp_cost(state, u, ref)
    if u.sp < cost:
        raise IllegalCommand(f"{spirit.name} costs {cost} SP; {u.pilot_id} has {u.sp}.")
    return u, spirit, cost, spirit_targets(state, u, spirit, cmd.target)


def cast_spirit(tx: Tx, cmd: CastSpirit) -> None:
    u, spirit, cost, targets = check_cast(tx.state, cmd)
    ctx = tx.ctx
    tx.unit(u.uid).sp -= cost
    tx.emit(SpiritCast(u.uid, spirit.id, tuple(t.uid for t in targets), cost, tx.state.units[u.uid].sp))
    for t in targets:
        if spirit.duration != "instant":
            m = tx.unit(t.uid)
            m.effects = (*m.effects, EffectState("spirit", spirit.id, spirit.duration))
        for effect in spirit.effects:
            key = effect.key
            cur = tx.state.units[t.uid]
            if key in ("heal_hp", "heal_hp_pct"):
                top = max_hp(ctx, cur)
                amount = int(effect.value) if key == "heal_hp" else int(top * effect.value / 100)
                after = min(top, cur.hp + amount)
                if after > cur.hp:
                    tx.unit(t.uid).hp = after
                    tx.emit(UnitHealed(t.uid, after - cur.hp, after, "spirit:" + spirit.id))
            elif key == "heal_en_pct":
                top = max_en(ctx, cur)
                tx.unit(t.uid).en = min(top, cur.en + int(top * effect.value / 100))
                tx.emit(UnitResupplied(t.uid, tx.state.units[t.uid].en, "spirit:" + spirit.id))
            elif key == "will":
                change_will(tx, t.uid, int(effect.value), "spirit:" + spirit.id)
            elif key == "resupply":
                refill(tx, t.uid)
                tx.emit(UnitResupplied(t.uid, tx.state.units[t.uid].en, "spirit:" + spirit.id))


def refill(tx: Tx, uid: str) -> None:
    ctx = tx.ctx
    m = tx.unit(uid)
    m.en = max_en(ctx, m)
    for w in unit_def(ctx, m).weapons:
        if w.ammo is not None:
            m.ammo[w.id] = w.ammo
