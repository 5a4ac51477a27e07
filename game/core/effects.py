"""Data-driven effects: the small vocabulary that spirits, skills, abilities, statuses and
scenario weather are built from (RULES §9–10).

A modder adds a spirit or ability by combining these keys in YAML; the engine interprets
each key in exactly one place (`game.core.modifiers` for ongoing modifiers,
`game.core.engine` for instant spirit effects). Numbers that multiply are `Fraction`s so
that 1.1 means exactly 11/10 and formulas floor without floating-point surprises.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Literal, TypeGuard, get_args

# Keys whose values add up (integers).
ADDITIVE_KEYS: frozenset[str] = frozenset(
    {
        "hit",  # + to this unit's hit% when it attacks (Focus, Genius, Prevail)
        "evade",  # - to hit% of attacks against this unit
        "crit",  # + to this unit's crit%
        "mobility",  # + unit mobility
        "armor",  # + unit armor (flat)
        "armor_pct",  # + unit armor in percent (Prevail)
        "move",  # + move (Accel, V-MAX)
        "range",  # + max range of ranged, non-MAP weapons with max range > 1 (Snipe, sandstorm)
        "sp_regen",  # SP regained at the start of each own phase
        "hp_regen_pct",  # % of max HP regained at the start of each own phase
        "en_regen_pct",  # % of max EN regained at the start of each own phase
        "will_per_phase",  # extra Will at the start of each own phase
        "start_will",  # extra Will when the battle starts (Resolve)
        "support_attack",  # support attack charges per phase
        "support_defend",  # support defend charges per phase
        "substitute",  # fatal hits negated per battle (boss dummy)
        "counter_first",  # % chance to strike first when countering (Counter skill)
        "exp_pct",  # + % EXP earned
    }
)
# Keys whose values multiply (Fractions).
MULTIPLIER_KEYS: frozenset[str] = frozenset(
    {
        "damage_mul",  # final damage this unit deals (Attacker, Red Power)
        "damage_taken_mul",  # final damage this unit takes (Guard spirit/skill); Fury ignores
        "valor",  # next attack multiplier that replaces criticals (Valor 2, Soul 2.5); max applies
        "funds_mul",  # funds from this unit's kills (Luck)
        "exp_mul",  # EXP this unit earns (Gain)
        "sp_cost_mul",  # spirit SP costs
    }
)
# Keys that set a floor (integers); the largest applies.
FLOOR_KEYS: frozenset[str] = frozenset(
    {
        "unit_rank_at_least",  # the unit's terrain rank value (rules rank_values, A = 3) is at least this
    }
)
# Keys that force a hit% (integers); the strongest wins.
SET_KEYS: frozenset[str] = frozenset({"hit_set", "hit_taken_set"})
# Keys that are on or off.
FLAG_KEYS: frozenset[str] = frozenset(
    {
        "mercy",  # a kill leaves the target at the Mercy HP instead
        "fury",  # the attack ignores barriers, damage-reducing effects, size penalty, support defend
        "no_counter",  # cannot counter (Overheat)
        "hit_and_away",  # may move after attacking without having moved
        "extra_action",  # after the next action the unit may move and act again (Zeal)
        "scanned",  # the unit's full data is visible to the other side (Scan)
        "ignore_size",  # no damage penalty against larger targets
    }
)
# Ongoing: a barrier subtracts `value` from damage of matching weapon types, costing EN.
BARRIER_KEY = "barrier"
# Instant effects, applied when a spirit is cast (value meaning in comments).
INSTANT_KEYS: frozenset[str] = frozenset(
    {
        "heal_hp",  # flat HP
        "heal_hp_pct",  # % of max HP
        "heal_en_pct",  # % of max EN
        "will",  # + Will (negative lowers it)
        "resupply",  # refill EN and ammo (value unused)
    }
)
# Abilities that grant a command on adjacent friendly units.
DEVICE_KEYS: frozenset[str] = frozenset(
    {
        "repair",  # heal value % of the target's max HP
        "supply",  # refill EN and ammo; target loses value Will
    }
)
ALL_KEYS: frozenset[str] = (
    ADDITIVE_KEYS | MULTIPLIER_KEYS | FLOOR_KEYS | SET_KEYS | FLAG_KEYS | INSTANT_KEYS | DEVICE_KEYS | {BARRIER_KEY}
)

# The part a unit plays in a blow: it strikes (attack, support_attack, counter, map) or is struck.
StrikeRole = Literal["attack", "counter", "support_attack", "map"]
Role = Literal["attack", "counter", "support_attack", "map", "defend"]
# Which roles a `when.role` condition can name.
ROLES: tuple[Role, ...] = get_args(Role)

# How long a spirit or status lasts on a unit.
Duration = Literal[
    "instant",  # applied once when cast
    "turn",  # until the start of the unit's next own phase
    "next_attack",  # consumed by the unit's next attack or counter (not support attacks)
    "next_defense",  # consumed the next time the unit is attacked
    "next_move",  # consumed by the unit's next move
    "next_battle",  # consumed after the next exchange the unit takes part in
    "next_kill",  # consumed when the unit next shoots down an enemy
    "next_action",  # consumed when the unit next finishes an action
    "battle",  # lasts until the battle ends
]
DURATIONS: tuple[Duration, ...] = get_args(Duration)


def is_duration(value: object) -> TypeGuard[Duration]:
    return value in DURATIONS


@dataclass(frozen=True, slots=True)
class When:
    """Conditions under which a modifier applies; empty means always."""

    will_at_least: int | None = None
    hp_pct_at_most: int | None = None
    hp_pct_at_least: int | None = None
    roles: frozenset[str] = frozenset()
    weapon_tags: frozenset[str] = frozenset()
    melee: bool | None = None
    environments: frozenset[str] = frozenset()

    always: bool = field(init=False, repr=False, compare=False, default=False)

    def __post_init__(self) -> None:
        empty = (
            self.will_at_least is None
            and self.hp_pct_at_most is None
            and self.hp_pct_at_least is None
            and not self.roles
            and not self.weapon_tags
            and self.melee is None
            and not self.environments
        )
        object.__setattr__(self, "always", empty)


@dataclass(frozen=True, slots=True)
class Modifier:
    """One effect key with its value, scope and conditions."""

    key: str
    value: Fraction = Fraction(0)
    when: When = field(default_factory=When)
    per_level: bool = False  # multiply value by the skill/ability level
    types: frozenset[str] = frozenset()  # barrier: weapon types it stops (empty = all)
    en_cost: int = 0  # barrier: EN spent each time it stops damage
    fury_pierces: bool = True  # damage_taken_mul/barrier: whether Fury ignores it

    def __post_init__(self) -> None:
        if self.key not in ALL_KEYS:
            raise ValueError(f"unknown effect key {self.key!r}")

    def scaled(self, level: int) -> Fraction:
        return self.value * level if self.per_level else self.value


def modifier(
    key: str,
    value: int | float | str | Fraction = 0,
    *,
    when: When | Mapping[str, Any] | None = None,
    per_level: bool = False,
    types: Iterable[str] = (),
    en_cost: int = 0,
    fury_pierces: bool = True,
) -> Modifier:
    """Convenience constructor for code-built definitions (tests, headless facade)."""
    if when is not None and not isinstance(when, When):
        conditions: dict[str, Any] = {
            k: frozenset(v) if isinstance(v, (list, tuple, set)) else v for k, v in when.items()
        }
        when = When(**conditions)
    return Modifier(
        key=key,
        value=Fraction(str(value)) if isinstance(value, float) else Fraction(value),
        when=when or When(),
        per_level=per_level,
        types=frozenset(types),
        en_cost=en_cost,
        fury_pierces=fury_pierces,
    )
