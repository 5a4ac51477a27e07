"""Choosing Counter, Defend or Evade when attacked (RULES §8; SRW 64 logic in REFERENCE A10).

Each reaction (and each counter weapon) is forecast with the same numbers the engine will
roll, and scored: the expected damage taken and the chance of being shot down, against the
expected damage and kill chance of the counter if it happens. That gives SRW 64's rules
as consequences: defend when a counter exchange would get the unit destroyed and defending
saves it, evade when the hit chance is low (halving it matters more than halving damage),
evade when even defending would be fatal.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from benchmarks.legacy_ai.difficulty import Difficulty
from benchmarks.legacy_ai.planner import Planner, kill_odds, shielded
from game.core.combat import AUTO, NONE, Forecast, counter_weapons, forecast
from game.core.commands import Attack
from game.core.errors import IllegalCommand
from game.core.state import BattleState
from game.core.stats import max_hp

LOW_HIT = 21  # SRW 64: evade below this predicted hit%


@dataclass(frozen=True, slots=True)
class ReactionScore:
    score: float
    attack: Attack


def _score(state: BattleState, fc: Forecast, planner: Planner, diff: Difficulty) -> float:
    ctx = state.ctx
    attacker = state.units[fc.attacker]
    victim_id = fc.support_defender or fc.defender
    victim = state.units[victim_id]
    defender = state.units[fc.defender]
    hp = victim.hp
    dealt, p_die = kill_odds(fc.attack, hp, shielded(ctx, victim))
    if fc.support_attack is not None:
        left = max(1, hp - int(dealt))
        s_dealt, s_kill = kill_odds(fc.support_attack, left, shielded(ctx, victim))
        dealt += s_dealt * (1 - p_die)
        p_die += s_kill * (1 - p_die)
    w_victim = planner.worth(state, victim)
    if planner.aims(state, victim.side).is_protected(victim):
        w_victim *= 2
    score = -w_victim * (min(dealt, hp) / max_hp(ctx, victim) + diff.death_weight * p_die)
    if fc.counter is not None:
        first = fc.counter_first / 100
        defender_lives = 1 - (p_die if victim is defender else 0.0)
        happens = first + (1 - first) * defender_lives
        c_dealt, c_kill = kill_odds(fc.counter, attacker.hp, shielded(ctx, attacker))
        w_att = planner.worth(state, attacker)
        score += happens * w_att * (c_dealt / max_hp(ctx, attacker) + diff.kill_bonus * c_kill)
        w = ctx.defs.units[defender.unit_id].weapon(fc.counter.weapon)
        score -= planner.econ(state, defender, w, planner.worth(state, defender)) * 0.5
        if first and victim is defender:
            # Striking first and destroying the attacker spares the defender the attack.
            score += first * c_kill * w_victim * (min(dealt, hp) / max_hp(ctx, victim) + diff.death_weight * p_die)
    return score


def choose_reaction(state: BattleState, attack: Attack, planner: Planner, diff: Difficulty) -> Attack:
    """`attack` with the defender's reaction filled in. An attack that cannot be forecast
    (it is illegal) is returned unchanged: the engine will refuse it with its reason."""
    planner.bind(state)
    try:
        base = forecast(
            state,
            attack.unit,
            attack.weapon,
            attack.target,
            "counter",
            support_attack=attack.support_attack,
            support_defend=attack.support_defend,
        )
    except (IllegalCommand, KeyError):
        return attack
    defender = state.units[attack.target]
    attacker = state.units[attack.unit]
    counters = counter_weapons(state, defender, attacker)
    if not diff.smart_reactions:
        # Plain rule: counter whenever possible, else evade a long shot and defend otherwise.
        if counters:
            return replace(attack, reaction="counter", counter_weapon=AUTO)
        return replace(attack, reaction="evade" if base.attack.hit < LOW_HIT else "defend")
    options: list[Attack] = [replace(attack, reaction="counter", counter_weapon=w.id) for w in counters]
    options += [replace(attack, reaction="defend"), replace(attack, reaction="evade")]
    if base.support_defender is not None:
        # A guard that would be destroyed stepping in is worse than facing the blow alone.
        options += [replace(o, support_defend=NONE) for o in list(options)]
    best: ReactionScore | None = None
    for opt in options:
        try:
            fc = forecast(
                state,
                opt.unit,
                opt.weapon,
                opt.target,
                opt.reaction,
                counter_weapon=opt.counter_weapon,
                support_attack=opt.support_attack,
                support_defend=opt.support_defend,
            )
        except IllegalCommand:
            continue
        score = _score(state, fc, planner, diff)
        if best is None or score > best.score + 1e-9:
            best = ReactionScore(score, opt)
    return attack if best is None else best.attack
