"""When the AI casts spirits: rules keyed on what a spirit does, not on its id, so a modded
spirit made of the same effect keys is used the same way.

A unit casts only the spirits its behaviour lists (`spirits:`), or every spirit it knows on
hard difficulty when the list is absent. Each rule looks at the unit's plan for this
action (its attack's hit% and damage, the danger of its end tile):

- Strike (`hit_set`): the planned attack hits less than 70% of the time.
- Focus (`hit` and `evade` for a turn): the attack hits less than 85%, or hostiles can reach the end tile.
- Valor/Soul (`valor`, or `damage_mul` for the next attack): the boosted hit kills when a plain
  one would not, or deals at least 40% of the target's HP; only with a hit chance of 60% or more.
- Alert (`hit_taken_set`): hostiles can deal at least 20% of the unit's HP on its end tile.
- Guard (`damage_taken_mul` below 1): a boss or protected unit facing at least 30% of its HP.
- Heal (`heal_hp`, `heal_hp_pct`): at or below half HP (on self, or on the most hurt friend).
- Spirit/Drive (`will`): a Will-gated weapon becomes usable.
- Fury (`fury`): the target has a barrier or damage reduction.
- Resupply/EN (`resupply`, `heal_en_pct`): EN below a third, or a weapon out of ammo.
"""

from __future__ import annotations

from game.ai.behaviour import Behaviour
from game.ai.planner import Option, Planner
from game.core.commands import CastSpirit
from game.core.defs import SpiritDef
from game.core.errors import IllegalCommand
from game.core.modifiers import collect
from game.core.spirits import check_cast, known_spirits, sp_cost
from game.core.state import BattleState, UnitState
from game.core.stats import hp_pct, max_en, max_hp, unit_def

STRIKE_BELOW = 70
FOCUS_BELOW = 85
VALOR_MIN_HIT = 60


def roles(spirit: SpiritDef) -> set[str]:
    keys = {m.key: m for m in spirit.effects}
    out = set()
    if "hit_set" in keys and keys["hit_set"].value >= 100:
        out.add("strike")
    if "hit_taken_set" in keys and keys["hit_taken_set"].value <= 0:
        out.add("alert")
    if "hit" in keys and keys["hit"].value > 0 and spirit.duration == "turn":
        out.add("focus")
    if "evade" in keys and keys["evade"].value > 0 and spirit.duration == "turn":
        out.add("focus")
    if "valor" in keys or ("damage_mul" in keys and keys["damage_mul"].value > 1):
        out.add("valor")
    if "damage_taken_mul" in keys and keys["damage_taken_mul"].value < 1:
        out.add("guard")
    if "heal_hp" in keys or "heal_hp_pct" in keys:
        out.add("heal")
    if "will" in keys and keys["will"].value > 0:
        out.add("will")
    if "fury" in keys:
        out.add("fury")
    if "resupply" in keys or "heal_en_pct" in keys:
        out.add("refill")
    return out


def _boost(spirit: SpiritDef) -> float:
    for m in spirit.effects:
        if m.key in ("valor", "damage_mul"):
            return float(m.value)
    return 1.0


def allowed(state: BattleState, u: UnitState, b: Behaviour, default_all: bool) -> list[str]:
    known = [ref.id for ref in known_spirits(state, u)]
    if b.spirits is None:
        return known if default_all else []
    if "all" in b.spirits:
        return known
    return [s for s in b.spirits if s in known]


def choose_spirit(
    state: BattleState, u: UnitState, b: Behaviour, plan: Option, planner: Planner, default_all: bool
) -> CastSpirit | None:
    """A spirit worth casting before `u` carries out `plan`, or None."""
    names = allowed(state, u, b, default_all)
    if not names:
        return None
    ctx = state.ctx
    refs = {ref.id: ref for ref in known_spirits(state, u)}
    target = state.units.get(plan.target) if plan.attacks and plan.target else None
    mods = collect(ctx, u)
    strike_on = mods.hit_set is not None and mods.hit_set >= 100
    boss_like = b.kind == "boss" or planner.aims(state, u.side).is_protected(u)
    wanted: list[tuple[int, str, str | None]] = []  # (priority, spirit id, target)
    for name in names:
        spirit = ctx.defs.spirits[name]
        if spirit.duration != "instant" and u.has_effect(name):
            continue
        if sp_cost(state, u, refs[name]) > u.sp:
            continue
        r = roles(spirit)
        if "strike" in r and target is not None and plan.hit < STRIKE_BELOW and not strike_on:
            wanted.append((0, name, None))
        if "valor" in r and target is not None and mods.valor is None:
            hit = 100 if strike_on else plan.hit
            boosted = plan.damage * _boost(spirit)
            kills_now = plan.damage >= target.hp
            if (
                hit >= VALOR_MIN_HIT
                and not kills_now
                and (boosted >= target.hp or boosted >= 0.4 * max_hp(ctx, target))
            ):
                wanted.append((1, name, None))
        if "fury" in r and target is not None:
            tm = collect(ctx, target, "defend")
            if tm.barriers or tm.damage_taken_mul < 1:
                wanted.append((2, name, None))
        if "focus" in r and ((target is not None and plan.hit < FOCUS_BELOW and not strike_on) or plan.danger > 0):
            wanted.append((3, name, None))
        if "alert" in r and plan.danger >= 0.2 * u.hp:
            wanted.append((4, name, None))
        if "guard" in r and boss_like and plan.danger >= 0.3 * u.hp:
            wanted.append((5, name, None))
        if "heal" in r:
            who = _heal_target(state, u, spirit)
            if who is not None:
                wanted.append((6, name, who))
        if "will" in r and _unlocks_weapon(state, u, spirit):
            wanted.append((7, name, None))
        if "refill" in r and (u.en * 3 < max_en(ctx, u) or _dry(state, u)):
            wanted.append((8, name, None))
    for _prio, name, who in sorted(wanted, key=lambda x: (x[0], x[1])):
        spirit = ctx.defs.spirits[name]
        tgt = who if spirit.target in ("ally", "friend", "enemy") else None
        if spirit.target == "ally" and tgt == u.uid:
            continue
        cmd = CastSpirit(u.uid, name, tgt)
        try:
            check_cast(state, cmd)
        except IllegalCommand:
            continue
        return cmd
    return None


def _heal_target(state: BattleState, u: UnitState, spirit: SpiritDef) -> str | None:
    ctx = state.ctx
    if spirit.target == "self":
        return u.uid if hp_pct(ctx, u) <= 50 else None
    if spirit.target in ("ally", "friend"):
        hurt = [
            f
            for f in state.active_units()
            if ctx.friendly(u.side, f.side)
            and hp_pct(ctx, f) <= 50
            and not (spirit.target == "ally" and f.uid == u.uid)
        ]
        if hurt:
            return min(hurt, key=lambda f: (hp_pct(ctx, f), f.uid)).uid
        return None
    if spirit.target == "all_allies":
        return (
            u.uid if any(ctx.friendly(u.side, f.side) and hp_pct(ctx, f) <= 50 for f in state.active_units()) else None
        )
    return None


def _unlocks_weapon(state: BattleState, u: UnitState, spirit: SpiritDef) -> bool:
    gain = sum(int(m.value) for m in spirit.effects if m.key == "will")
    return any(w.will > u.will and u.will + gain >= w.will for w in unit_def(state.ctx, u).weapons)


def _dry(state: BattleState, u: UnitState) -> bool:
    return any(w.ammo is not None and u.ammo.get(w.id, 0) == 0 for w in unit_def(state.ctx, u).weapons)
