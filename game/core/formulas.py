"""The battle formulas of RULES §4–5 as pure functions of numbers.

All arithmetic is exact: multipliers are Fractions and each formula is evaluated as one
integer numerator over one integer denominator, floored once at the end, so 2340 × 0.8
is 1872 on every machine and no float ever decides a hit.
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction
from typing import Literal, NamedTuple, TypeGuard, get_args

from game.core.defs import RulesDef

# The defender's choice in an exchange (RULES §8).
Reaction = Literal["counter", "defend", "evade"]
REACTIONS: tuple[Reaction, ...] = get_args(Reaction)


def is_reaction(value: object) -> TypeGuard[Reaction]:
    return value in REACTIONS


class HitInputs(NamedTuple):
    pilot_hit: int
    perf_attacker: Fraction  # T of the attacker
    weapon_hit: int
    pilot_evade: int
    mobility: int
    perf_defender: Fraction
    size_defender: str
    distance: int
    tile_evade: int = 0
    hit_bonus: int = 0  # attacker's `hit` modifiers (Focus +30, ...)
    evade_bonus: int = 0  # defender's `evade` modifiers (Focus +30, ...)
    hit_set: int | None = None  # attacker's Strike
    hit_taken_set: int | None = None  # defender's Alert
    evading: bool = False  # the defender chose Evade


def hit_chance(rules: RulesDef, i: HitInputs) -> int:
    """RULES §4: (acc − eva) × SIZE_HIT + (5 − d) × 3 − tile evade ± bonuses, floored;
    then Alert → 0, else Strike → 100; Evade halves; clamp to 0..100."""
    if i.hit_taken_set is not None:
        return max(0, min(100, i.hit_taken_set))
    if i.hit_set is not None:
        hit = i.hit_set
    else:
        ta, td = i.perf_attacker, i.perf_defender
        size = rules.size_hit[i.size_defender]
        # acc = (hit + 2*base)/2 * Ta + weapon_hit ; eva = (evade + 2*mob)/2 * Td
        den = 2 * ta.denominator * td.denominator
        num = (
            (i.pilot_hit + 2 * rules.accuracy_base) * ta.numerator * td.denominator
            + i.weapon_hit * den
            - (i.pilot_evade + 2 * i.mobility) * td.numerator * ta.denominator
        )
        num *= size.numerator
        den *= size.denominator
        extra = (rules.distance_base - i.distance) * rules.distance_step - i.tile_evade + i.hit_bonus - i.evade_bonus
        hit = (num + extra * den) // den
    if i.evading:
        hit = hit // rules.evade_divisor
    return max(0, min(100, hit))


class DamageInputs(NamedTuple):
    power: int
    weapon_rank_mul: Fraction  # W: the weapon's rank in the target's environment
    attack_stat: int  # pilot Melee or Ranged
    will_attacker: int
    armor: Fraction | int  # the defender's effective armour before T
    perf_defender: Fraction
    pilot_defense: int
    will_defender: int
    size_attacker: str
    size_defender: str
    tile_defense: int = 0
    ignore_size_penalty: bool = False  # Fury / Ignore Size: no penalty against larger targets
    multipliers: tuple[Fraction, ...] = ()  # crit / Valor, Guard, Defend, Attacker, support ×0.75 ...


def damage_base(rules: RulesDef, i: DamageInputs) -> tuple[int, int]:
    """RULES §5 up to the size factor, as an exact numerator and denominator."""
    w, td, arm = i.weapon_rank_mul, i.perf_defender, i.armor
    # atk - def = P*W*(stat+will)/200 - armor*T*(def+will)/200
    num = (
        i.power * w.numerator * (i.attack_stat + i.will_attacker) * td.denominator * arm.denominator
        - arm.numerator * td.numerator * (i.pilot_defense + i.will_defender) * w.denominator
    ) * (100 - i.tile_defense)
    den = 200 * w.denominator * td.denominator * arm.denominator * 100
    size_num, size_den = size_factor(rules, i.size_attacker, i.size_defender, i.ignore_size_penalty)
    return num * size_num, den * size_den


def size_factor(rules: RulesDef, attacker: str, defender: str, ignore_penalty: bool) -> tuple[int, int]:
    """1 + SIZE_DMG[attacker] - SIZE_DMG[defender] as (numerator, denominator)."""
    num, den = rules.size_factors[(attacker, defender)]
    if ignore_penalty and num < den:
        return 1, 1
    return num, den


def scaled(num: int, den: int, multipliers: Iterable[Fraction]) -> int:
    """floor(num/den x every multiplier): one exact floor at the very end."""
    for m in multipliers:
        num *= m.numerator
        den *= m.denominator
    return num // den


def damage(rules: RulesDef, i: DamageInputs) -> int:
    """RULES §5 before barriers and the minimum: floor of the whole product."""
    num, den = damage_base(rules, i)
    return scaled(num, den, i.multipliers)


def finish_damage(rules: RulesDef, raw: int, barrier: int = 0) -> int:
    """Barriers subtract their value; any hit deals at least the minimum (10)."""
    return max(rules.min_damage, raw - barrier)


def crit_chance(skill_attacker: int, skill_defender: int, weapon_crit: int, bonus: int = 0) -> int:
    return max(0, min(100, skill_attacker - skill_defender + weapon_crit + bonus))


def product(values: Iterable[Fraction]) -> Fraction:
    out = Fraction(1)
    for v in values:
        out *= v
    return out
