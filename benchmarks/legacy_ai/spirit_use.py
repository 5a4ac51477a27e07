"""When the AI casts spirits: decided from what a spirit does (its effect keys), not its
id, so a modded spirit made of the same keys is used the same way.

A unit casts only the spirits its behaviour lists (`spirits:`); without a list, every
spirit its pilot knows on normal and hard, none on easy.

- Offensive spirits (Strike `hit_set`, Valor/Soul `valor` or `damage_mul`, Fury `fury`,
  Focus `hit`/`evade`) are tried by planning again as if cast: the one whose plan beats
  the current one by more than the SP it costs is cast. So Strike comes out for a shot
  that would likely miss but matters, Valor when it turns a hit into a kill or a big
  blow, and neither when the plain attack already does the job.
- Alert (`hit_taken_set`): hostiles can strike the unit's end tile next phase.
- Focus (as defence): a boss or protected unit, or one facing 20% of its HP, under threat.
- Guard (`damage_taken_mul` below 1): a boss or protected unit facing 30% of its HP.
- Heal (`heal_hp`, `heal_hp_pct`): at or below half HP (self, or the most hurt friend).
- Spirit/Drive (`will`): a Will-gated weapon becomes usable.
- Resupply/EN (`resupply`, `heal_en_pct`): EN below a third, or a weapon out of ammo.
"""

from __future__ import annotations

from collections.abc import Sequence

from benchmarks.legacy_ai.behaviour import Behaviour
from benchmarks.legacy_ai.planner import Option, Planner
from game.core.commands import CastSpirit
from game.core.defs import SpiritDef
from game.core.errors import IllegalCommand
from game.core.spirits import check_cast, known_spirits, sp_cost
from game.core.state import BattleState, EffectState, UnitState
from game.core.stats import hp_pct, max_en, max_sp, unit_def

OFFENSIVE = frozenset({"strike", "valor", "fury", "focus"})
SP_WEIGHT = 0.6  # value of a full SP bar, in the unit's worth (most pilots regain none in battle)
MIN_GAIN = 0.05


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


def allowed(state: BattleState, u: UnitState, b: Behaviour, default_all: bool) -> list[str]:
    known = [ref.id for ref in known_spirits(state, u)]
    if b.spirits is None:
        return known if default_all else []
    if "all" in b.spirits:
        return known
    return [s for s in b.spirits if s in known]


def with_spirit(state: BattleState, u: UnitState, name: str, cost: int) -> tuple[BattleState, UnitState]:
    """A copy of `state` in which `u` has paid for and gained spirit `name` (not a cast: no
    instant effects, nothing else changes). The original state is untouched."""
    return with_spirits(state, u, [(name, cost)])


def with_spirits(state: BattleState, u: UnitState, spirits: Sequence[tuple[str, int]]) -> tuple[BattleState, UnitState]:
    """`with_spirit` for several spirits at once (paid for and active together)."""
    hyp = state.shallow_copy()
    v = u.copy()
    for name, cost in spirits:
        v.sp -= cost
        v.effects = (*v.effects, EffectState("spirit", name, state.ctx.defs.spirits[name].duration))
    hyp.units[u.uid] = v
    return hyp, v


def _combos(castable: list[tuple[str, SpiritDef, int]], sp: int) -> list[tuple[tuple[str, SpiritDef, int], ...]]:
    """The sets of spirits worth planning an attack with: each offensive spirit, Alert (a
    counter cannot touch the attacker), each offensive spirit with Alert, and Strike with
    Valor. Only sets the unit can pay for, in a fixed order."""
    lasting = [c for c in castable if c[1].duration != "instant"]
    offensive = [c for c in lasting if roles(c[1]) & OFFENSIVE]
    alerts = [c for c in lasting if "alert" in roles(c[1]) and not roles(c[1]) & OFFENSIVE]
    out: list[tuple[tuple[str, SpiritDef, int], ...]] = [(c,) for c in offensive]
    out += [(a,) for a in alerts]
    out += [(c, a) for c in offensive for a in alerts]
    out += [
        (c, d) for c in offensive for d in offensive if "strike" in roles(c[1]) and "valor" in roles(d[1]) and c != d
    ]
    return [combo for combo in out if sum(cost for _n, _s, cost in combo) <= sp]


def choose_spirit(
    state: BattleState, u: UnitState, b: Behaviour, plan: Option, planner: Planner, default_all: bool
) -> CastSpirit | None:
    """A spirit worth casting before `u` carries out `plan`, or None."""
    names = allowed(state, u, b, default_all)
    if not names:
        return None
    ctx = state.ctx
    refs = {ref.id: ref for ref in known_spirits(state, u)}
    boss_like = b.kind == "boss" or planner.aims(state, u.side).is_protected(u)
    top_sp = max(1, max_sp(ctx, u))
    wu = planner.worth(state, u)
    castable: list[tuple[str, SpiritDef, int]] = []
    for name in names:
        spirit = ctx.defs.spirits[name]
        cost = sp_cost(state, u, refs[name])
        if cost > u.sp or (spirit.duration != "instant" and u.has_effect(name)):
            continue
        castable.append((name, spirit, cost))

    # Attacking with spirits: plan again as if a set of them were cast (Strike, Valor,
    # Focus, Alert against the counter, or two together: Strike and Alert is how a pilot
    # takes on an evasive boss whose counter would shoot it down); cast the set that gains
    # most over its SP, one spirit per call, Alert first (the plan is made again next call).
    if not u.acted and planner.can_attack_soon(state, u):
        best: tuple[float, tuple[str, ...]] | None = None
        for combo in _combos(castable, u.sp):
            cost = sum(c for _n, _s, c in combo)
            hyp, v = with_spirits(state, u, [(n, c) for n, _s, c in combo])
            alert = any("alert" in roles(sp) for _n, sp, _c in combo)
            boosted = planner.plan_with_spirit(state, u, b, hyp, v, alert=alert)
            if not boosted.attacks:
                continue
            gain = boosted.score - plan.score - SP_WEIGHT * wu * cost / top_sp
            if gain > MIN_GAIN and (best is None or gain > best[0]):
                best = (gain, tuple(n for n, _s, _c in combo))
        if best is not None:
            order = sorted(best[1], key=lambda n: (0 if "alert" in roles(ctx.defs.spirits[n]) else 1, n))
            return _checked(state, CastSpirit(u.uid, order[0]))

    # Defensive and support spirits by rule. Exposed: some hostile can strike the end tile
    # next phase, even if only with Strike's help (which Alert still beats).
    exposed = any(plan.tile in area for _uid, parts in planner.threat_parts(state, u) for area, _b in parts)
    wanted: list[tuple[int, str, str | None]] = []  # (priority, spirit id, target)
    # An Alert already up stops one blow, and the plan's danger counts it out entirely; the
    # blows of the other hostiles still come, so Focus and Guard go by the danger without it.
    danger = plan.danger
    if exposed and any(e.duration == "next_defense" for e in u.effects):
        bare = u.copy()
        bare.effects = tuple(e for e in u.effects if e.duration != "next_defense")
        hyp = state.shallow_copy()
        hyp.units[u.uid] = bare
        danger = planner.danger_at(hyp, bare, plan.tile)
    for name, spirit, _cost in castable:
        r = roles(spirit)
        if "alert" in r and exposed:
            wanted.append((0, name, None))
        if "focus" in r and danger > 0 and (boss_like or danger >= 0.2 * u.hp):
            wanted.append((1, name, None))
        if "guard" in r and boss_like and danger >= 0.3 * u.hp:
            wanted.append((2, name, None))
        if "heal" in r:
            who = _heal_target(state, u, spirit)
            if who is not None:
                wanted.append((3, name, who))
        if "will" in r and _unlocks_weapon(state, u, spirit):
            wanted.append((4, name, None))
        if "refill" in r and (u.en * 3 < max_en(ctx, u) or _dry(state, u)):
            wanted.append((5, name, None))
    for _prio, name, who in sorted(wanted, key=lambda x: (x[0], x[1])):
        spirit = ctx.defs.spirits[name]
        tgt = who if spirit.target in ("ally", "friend", "enemy") else None
        if spirit.target == "ally" and tgt == u.uid:
            continue
        cmd = _checked(state, CastSpirit(u.uid, name, tgt))
        if cmd is not None:
            return cmd
    return None


def _checked(state: BattleState, cmd: CastSpirit) -> CastSpirit | None:
    try:
        check_cast(state, cmd)
    except IllegalCommand:
        return None
    return cmd


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
