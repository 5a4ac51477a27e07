"""Frozen definitions: what a Braver *is*, as opposed to how this Braver is doing.

The data layer (`game.data`) builds these from YAML; tests and the headless facade can
build them in code. Runtime state refers to them by string id.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from types import MappingProxyType
from typing import Any

from game.core.effects import Duration, Modifier
from game.core.ranks import Ranks

SIZES: tuple[str, ...] = ("SS", "S", "M", "L", "LL")
PERSONALITIES: tuple[str, ...] = ("normal", "strong", "super_strong", "cool", "cautious", "none")
SPIRIT_TARGETS: tuple[str, ...] = ("self", "ally", "friend", "all_allies", "enemy", "all_enemies")


def frozen_map(data: Mapping[Any, Any] | None = None) -> Mapping[Any, Any]:
    return MappingProxyType(dict(data or {}))


def F(value: int | float | str | Fraction) -> Fraction:
    """An exact fraction from a decimal as written (1.1 is 11/10, not the nearest double)."""
    return Fraction(str(value)) if isinstance(value, float) else Fraction(value)


@dataclass(frozen=True, slots=True)
class WillGains:
    """Will change by personality for each battle outcome (RULES §6)."""

    hit: int = 1
    miss: int = 0
    damaged: int = 1
    evaded: int = 0
    shot_down: int = 3
    ally_lost: int = 0


DEFAULT_WILL_TABLE: Mapping[str, WillGains] = frozen_map(
    {
        "normal": WillGains(1, 0, 1, 0, 3, 0),
        "strong": WillGains(1, -1, 1, 1, 3, 1),
        "super_strong": WillGains(2, -2, 2, 0, 3, 2),
        "cool": WillGains(2, -1, -1, 2, 2, 1),
        "cautious": WillGains(1, -1, 1, 2, 3, -1),
        "none": WillGains(0, 0, 0, 0, 0, 0),
    }
)


@dataclass(frozen=True, slots=True)
class RulesDef:
    """The constants of RULES.md; `rules.yaml` overrides them."""

    rank_values: Mapping[str, int] = field(default_factory=lambda: frozen_map({"S": 4, "A": 3, "B": 2, "C": 1, "D": 0}))
    # (minimum pilot+unit rank sum, multiplier), highest first.
    performance: tuple[tuple[int, Fraction], ...] = (
        (7, F("1.1")),
        (6, F("1.0")),
        (4, F("0.9")),
        (2, F("0.8")),
        (0, F("0.6")),
    )
    weapon_rank: Mapping[str, Fraction] = field(
        default_factory=lambda: frozen_map({"S": F("1.1"), "A": F("1.0"), "B": F("0.8"), "C": F("0.6"), "D": F("0.4")})
    )
    size_hit: Mapping[str, Fraction] = field(
        default_factory=lambda: frozen_map(
            {"SS": F("0.4"), "S": F("0.8"), "M": F("1.0"), "L": F("1.2"), "LL": F("1.4")}
        )
    )
    size_damage: Mapping[str, Fraction] = field(
        default_factory=lambda: frozen_map(
            {"SS": F("-0.2"), "S": F("-0.1"), "M": F("0"), "L": F("0.1"), "LL": F("0.2")}
        )
    )
    accuracy_base: int = 140
    distance_base: int = 5
    distance_step: int = 3
    crit_mul: Fraction = F("1.25")
    defend_mul: Fraction = F("0.5")
    evade_divisor: int = 2
    min_damage: int = 10
    support_attack_mul: Fraction = F("0.75")
    will_start: int = 100
    will_min: int = 50
    will_max: int = 150
    will_per_phase: int = 1
    will_side_kill: int = 1
    will_table: Mapping[str, WillGains] = field(default_factory=lambda: DEFAULT_WILL_TABLE)
    mercy_hp: int = 10
    mercy_needs_higher_skill: bool = True
    capture_funds_mul: Fraction = F("1.5")
    # EXP and levels (SRW convention: a level every 500 EXP).
    exp_per_level: int = 500
    max_level: int = 99
    exp_damage_share: Fraction = F("0.1")  # EXP for hitting without a kill, as a share of the kill EXP
    exp_level_step: Fraction = F("0.03")  # kill EXP changes by 3% per level of difference
    exp_min: int = 10
    exp_repair: int = 30
    exp_supply: int = 30
    # Unit upgrades: what each step adds, either the same every step (an int) or a curve of
    # gains by step (SRW 64: EN +10 for steps 1-5, then +20); past the curve its last gain repeats.
    upgrade_hp: int | tuple[int, ...] = 200
    upgrade_en: int | tuple[int, ...] = (10, 10, 10, 10, 10, 20)
    upgrade_mobility: int | tuple[int, ...] = (5, 5, 5, 5, 5, 10)
    upgrade_armor: int | tuple[int, ...] = (100, 100, 100, 100, 100, 150)
    upgrade_weapon: int | tuple[int, ...] = (100, 100, 100, 100, 100, 200, 200, 200, 200, 200, 300)
    # Derived: (attacker size, defender size) -> the damage size factor as (num, den).
    size_factors: Mapping[tuple[str, str], tuple[int, int]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        table = {}
        for a, da in self.size_damage.items():
            for d, dd in self.size_damage.items():
                f = 1 + da - dd
                table[(a, d)] = (f.numerator, f.denominator)
        object.__setattr__(self, "size_factors", frozen_map(table))


@dataclass(frozen=True, slots=True)
class TerrainDef:
    """A tile type (RULES §2). `move_cost` maps movement kinds to cost; None is closed.

    The key `fly` is the cost for flying units (default 1); `default` covers kinds not
    listed.
    """

    id: str
    name: str
    environment: str = "land"  # which of air/land/sea/space the tile counts as
    move_cost: Mapping[str, int | None] = field(default_factory=lambda: frozen_map({"default": 1}))
    defense: int = 0
    evade: int = 0
    hp_recovery: int = 0
    en_recovery: int = 0

    def cost_for(self, kind: str) -> int | None:
        costs = self.move_cost
        if kind in costs:
            return costs[kind]
        if kind == "fly":
            return 1
        return costs.get("default", 1)


@dataclass(frozen=True, slots=True)
class MapArea:
    """A MAP weapon's area template, in offsets for a unit facing north (dy < 0).

    `targeted` templates are centred on a chosen tile within the weapon's range;
    the others are anchored on the attacker and rotate with the chosen direction.
    """

    shape: str  # line | cone | burst | targeted
    offsets: tuple[tuple[int, int], ...]
    friendly_fire: bool = False


@dataclass(frozen=True, slots=True)
class WeaponDef:
    id: str
    name: str
    power: int
    range_min: int = 1
    range_max: int = 1
    hit: int = 0
    crit: int = 0
    en_cost: int = 0
    ammo: int | None = None
    will: int = 0
    post_move: bool = False
    melee: bool = False
    type: str = "solid"  # beam / solid / ram / fire ...: what barriers match
    tags: frozenset[str] = frozenset()
    ranks: Ranks = field(default_factory=Ranks)
    user_status: str | None = None  # status the user gets after firing (V-MAX -> overheat)
    map_area: MapArea | None = None
    description: str = ""

    @property
    def is_map(self) -> bool:
        return self.map_area is not None


@dataclass(frozen=True, slots=True)
class AbilityRef:
    id: str
    level: int = 1


@dataclass(frozen=True, slots=True)
class UnitDef:
    id: str
    name: str
    hp: int
    en: int
    mobility: int
    armor: int
    move: int
    size: str = "M"
    ranks: Ranks = field(default_factory=Ranks)
    movement: str = "ground"  # movement kind looked up in terrain move costs
    can_fly: bool = False
    always_flying: bool = False
    weapons: tuple[WeaponDef, ...] = ()
    abilities: tuple[AbilityRef, ...] = ()
    exp: int = 50  # EXP value when shot down (at level 1 difference 0)
    funds: int = 1000
    capturable: bool = False  # Mercy leaves it at 10 HP and the pilot ejects
    kind: str = "mech"  # mech / vehicle / building / ship: for presentation and AI
    description: str = ""

    def weapon(self, weapon_id: str) -> WeaponDef:
        for w in self.weapons:
            if w.id == weapon_id:
                return w
        raise KeyError(weapon_id)

    def has_weapon(self, weapon_id: str) -> bool:
        return any(w.id == weapon_id for w in self.weapons)


@dataclass(frozen=True, slots=True)
class PilotStats:
    melee: int = 100
    ranged: int = 100
    skill: int = 100
    defense: int = 100
    hit: int = 100
    evade: int = 100
    sp: int = 0


@dataclass(frozen=True, slots=True)
class SpiritRef:
    id: str
    cost: int
    level: int = 1  # pilot level at which it is learned


@dataclass(frozen=True, slots=True)
class SkillRef:
    id: str
    level: int = 1


DEFAULT_GROWTH = PilotStats(melee=1, ranged=1, skill=1, defense=1, hit=2, evade=2, sp=2)


@dataclass(frozen=True, slots=True)
class PilotDef:
    id: str
    name: str
    stats: PilotStats = field(default_factory=PilotStats)
    level: int = 1  # the level `stats` are given at
    growth: PilotStats = DEFAULT_GROWTH  # added per level above `level`
    personality: str = "normal"
    ranks: Ranks = field(default_factory=Ranks)
    start_will: int | None = None  # None: the rules' will_start
    max_will: int | None = None  # None: the rules' will_max
    spirits: tuple[SpiritRef, ...] = ()
    skills: tuple[SkillRef, ...] = ()
    description: str = ""

    def stats_at(self, level: int) -> PilotStats:
        d = level - self.level
        if d == 0:
            return self.stats
        s, g = self.stats, self.growth
        return PilotStats(
            melee=s.melee + g.melee * d,
            ranged=s.ranged + g.ranged * d,
            skill=s.skill + g.skill * d,
            defense=s.defense + g.defense * d,
            hit=s.hit + g.hit * d,
            evade=s.evade + g.evade * d,
            sp=max(0, s.sp + g.sp * d),
        )


@dataclass(frozen=True, slots=True)
class SpiritDef:
    id: str
    name: str
    target: str = "self"
    duration: Duration = "instant"
    effects: tuple[Modifier, ...] = ()
    cost: int = 10  # default SP cost when a pilot's entry gives none
    description: str = ""


@dataclass(frozen=True, slots=True)
class SkillDef:
    id: str
    name: str
    effects: tuple[Modifier, ...] = ()
    max_level: int = 1
    description: str = ""


@dataclass(frozen=True, slots=True)
class AbilityDef:
    id: str
    name: str
    effects: tuple[Modifier, ...] = ()
    description: str = ""


@dataclass(frozen=True, slots=True)
class StatusDef:
    """A condition put on a unit by the rules (e.g. Overheat after V-MAX)."""

    id: str
    name: str
    effects: tuple[Modifier, ...] = ()
    duration: Duration = "turn"
    description: str = ""


@dataclass(frozen=True, slots=True)
class PartDef:
    """A skill part a unit carries into battle (booster, A-Adapter) or a consumable used
    from the map menu (repair kit): `effects` last the battle, `use` applies once per use."""

    id: str
    name: str
    effects: tuple[Modifier, ...] = ()
    use: tuple[Modifier, ...] = ()  # instant keys (heal_hp_pct, heal_en_pct, will, resupply)
    description: str = ""

    @property
    def consumable(self) -> bool:
        return bool(self.use)


@dataclass(frozen=True)
class Definitions:
    """Everything the engine looks up by id. Mappings are read-only views."""

    rules: RulesDef = field(default_factory=RulesDef)
    terrains: Mapping[str, TerrainDef] = field(default_factory=frozen_map)
    units: Mapping[str, UnitDef] = field(default_factory=frozen_map)
    pilots: Mapping[str, PilotDef] = field(default_factory=frozen_map)
    spirits: Mapping[str, SpiritDef] = field(default_factory=frozen_map)
    skills: Mapping[str, SkillDef] = field(default_factory=frozen_map)
    abilities: Mapping[str, AbilityDef] = field(default_factory=frozen_map)
    statuses: Mapping[str, StatusDef] = field(default_factory=frozen_map)
    parts: Mapping[str, PartDef] = field(default_factory=frozen_map)

    def __post_init__(self) -> None:
        for name in ("terrains", "units", "pilots", "spirits", "skills", "abilities", "statuses", "parts"):
            value = getattr(self, name)
            if not isinstance(value, MappingProxyType):
                object.__setattr__(self, name, frozen_map(value))
