"""Pydantic models of every data file kind. Field names follow `game.core.defs`.

These describe *complete* entries. A mod may patch an entry with only the fields it
changes; the patch is merged over the base entry first and the result is validated here.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, GetJsonSchemaHandler, WithJsonSchema, field_validator, model_validator
from pydantic_core import PydanticCustomError

from game.core.defs import DEFAULT_GROWTH, PERSONALITIES, SIZES, SPIRIT_TARGETS, RulesDef
from game.data.effect_schema import Duration, Effect
from game.data.fields import (
    Count,
    Decimal,
    Environment,
    GradeLetter,
    Id,
    Level,
    Percent,
    Ranks,
    RanksModel,
    Ref,
    Signed,
    Strict,
    Text,
    WeaponRange,
)
from game.data.fx_schema import PilotQuotes, WeaponAnimation
from game.data.growth_schema import CampaignGrowth, Part

Size = Literal[SIZES]  # type: ignore[valid-type]
Personality = Literal[PERSONALITIES]  # type: ignore[valid-type]
SpiritTarget = Literal[SPIRIT_TARGETS]  # type: ignore[valid-type]
UNIT_KINDS: tuple[str, ...] = ("mech", "vehicle", "aircraft", "ship", "building", "person")
UnitKind = Literal[UNIT_KINDS]  # type: ignore[valid-type]
MAX_SPIRITS = 6  # RULES §9: each pilot learns up to 6
UPGRADE_STATS: tuple[str, ...] = ("hp", "en", "armor", "mobility", "weapons")  # the keys of UnitState.upgrades
UpgradeStat = Literal[UPGRADE_STATS]  # type: ignore[valid-type]
# SRW 64 prices by step (REFERENCE.md A14): HP 2000 x n, Mobility 5000, 8000 ... 65000, weapons
# 5000 x (n + 1). The reference gives no table for EN and Armor; they cost what HP does.
_HP_COSTS = tuple(2000 * n for n in range(1, 16))
DEFAULT_UPGRADE_COSTS: dict[str, tuple[int, ...]] = {
    "hp": _HP_COSTS,
    "en": _HP_COSTS,
    "armor": _HP_COSTS,
    "mobility": (5000, 8000, 11000, 15000, 19000, 23000, 28000, 33000, 38000, 43000, 48000, 53000, 58000, 62000, 65000),
    "weapons": tuple(5000 * (n + 1) for n in range(1, 16)),
}

Aliases = list[Text]
EffectList = list[Effect]


def _id_shorthand(data: Any) -> Any:
    """`- focus` is short for `- {id: focus}` in reference lists."""
    return {"id": data} if isinstance(data, str) else data


class _Reference(Strict):
    """A reference list item: an id (or alias) alone, or a mapping with `id` and options."""

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: GetJsonSchemaHandler) -> Any:
        schema = handler.resolve_ref_schema(handler(core_schema))
        return {"anyOf": [{"type": "string", "minLength": 1}, dict(schema)]}

    @model_validator(mode="before")
    @classmethod
    def _short(cls, data: Any) -> Any:
        return _id_shorthand(data)


# ---- units -----------------------------------------------------------------------------------
class MapArea(Strict):
    """A MAP weapon's area, as offsets for a unit facing north (dy < 0 is forward)."""

    shape: Literal["line", "cone", "burst", "targeted"]
    offsets: list[list[int]] = Field(min_length=1, max_length=400)
    friendly_fire: bool = False

    @field_validator("offsets")
    @classmethod
    def _pairs(cls, offsets: list[list[int]]) -> list[list[int]]:
        for i, pair in enumerate(offsets):
            if len(pair) != 2 or any(abs(v) > 50 for v in pair):
                raise PydanticCustomError(
                    "offset", "offset {i} must be [dx, dy] with |dx|, |dy| <= 50, got {pair}", {"i": i, "pair": pair}
                )
        return offsets


class Weapon(Strict):
    """A weapon. `post_move` is the P flag; `melee` weapons use the pilot's Melee stat."""

    id: Id
    name: Text
    power: Count
    range: WeaponRange = (1, 1)
    hit: Signed = 0
    crit: Signed = 0
    en_cost: Count = 0
    ammo: int | None = Field(None, ge=1, le=999)
    will: Count = Field(0, le=1000)
    post_move: bool = False
    melee: bool = False
    type: Id = Field("solid", description="beam / solid / ram / fire ...: what barriers match")
    tags: list[Id] = Field(default_factory=list, description="free labels effects can test (vmax)")
    ranks: Ranks = Field(default_factory=lambda: RanksModel(air="A", land="A", sea="A", space="A"))
    user_status: Ref | None = Field(None, description="status the user gets after firing (V-MAX -> overheat)")
    map_area: MapArea | None = None
    description: Text = ""
    # Presentation only: kept out of the data hash (game/data/fx_schema.py).
    animation: WeaponAnimation | None = Field(None, exclude=True, description="battle animation; default: by type")


class AbilityRef(_Reference):
    id: Ref
    level: Level = 1


class Unit(Strict):
    """A unit (mech, vehicle, building ...): `units/<id>.yaml`."""

    id: Id
    name: Text
    aliases: Aliases = Field(default_factory=list, description="other names accepted wherever the id is")
    description: Text = ""
    kind: UnitKind = "mech"
    size: Size = "M"
    hp: int = Field(ge=1, le=10_000_000)
    en: Count
    mobility: Count
    armor: Count
    move: int = Field(ge=0, le=99)
    ranks: Ranks
    movement: Id = Field("ground", description="movement kind looked up in terrain move costs")
    can_fly: bool = False
    always_flying: bool = False
    weapons: list[Weapon] = Field(default_factory=list, max_length=32)
    abilities: list[AbilityRef] = Field(default_factory=list, max_length=32)
    exp: Count = 50
    funds: Count = 1000
    capturable: bool = Field(False, description="Mercy leaves it at 10 HP and its pilot ejects")
    sprite: Id | None = Field(None, description="map sprite id (assets/sprites/units/<id>.png); default: the unit id")
    upgrade_cap: int | None = Field(
        None, ge=0, le=99, description="how many steps each stat may be upgraded in the campaign; default: rules"
    )
    upgrades_from: Ref | None = Field(
        None, description="a unit this one succeeds in the campaign: it starts with that unit's upgrades"
    )

    @model_validator(mode="after")
    def _consistent(self) -> Unit:
        seen: set[str] = set()
        for w in self.weapons:
            if w.id in seen:
                raise PydanticCustomError("duplicate_weapon", "two weapons have the id {id}", {"id": repr(w.id)})
            seen.add(w.id)
        if (self.can_fly or self.always_flying) and self.ranks.air == "-":
            raise PydanticCustomError(
                "fly_rank", "the unit can fly but its Air rank is '-': give it an Air rank or set can_fly: false"
            )
        return self

    @property
    def sprite_id(self) -> str:
        return self.sprite or self.id


# ---- pilots ----------------------------------------------------------------------------------
class PilotStats(Strict):
    melee: Count
    ranged: Count
    skill: Count
    defense: Count
    hit: Count
    evade: Count
    sp: Count


class Growth(Strict):
    """Added per level above the pilot's `level`."""

    melee: Signed = DEFAULT_GROWTH.melee
    ranged: Signed = DEFAULT_GROWTH.ranged
    skill: Signed = DEFAULT_GROWTH.skill
    defense: Signed = DEFAULT_GROWTH.defense
    hit: Signed = DEFAULT_GROWTH.hit
    evade: Signed = DEFAULT_GROWTH.evade
    sp: Signed = DEFAULT_GROWTH.sp


class SpiritRef(_Reference):
    id: Ref
    cost: Count | None = Field(None, description="SP cost for this pilot; default: the spirit's cost")
    level: Level = Field(1, description="pilot level at which it is learned")


class SkillRef(_Reference):
    id: Ref
    level: Level = 1


class Pilot(Strict):
    """A pilot: `units/pilots/<id>.yaml`."""

    id: Id
    name: Text
    aliases: Aliases = Field(default_factory=list)
    description: Text = ""
    portrait: Id | None = Field(None, description="portrait id (assets/portraits/<id>.png); default: the pilot id")
    personality: Personality = "normal"
    level: Level = Field(1, description="the level `stats` are given at")
    stats: PilotStats
    growth: Growth = Field(default_factory=Growth)
    ranks: Ranks
    start_will: int | None = Field(None, ge=0, le=1000)
    max_will: int | None = Field(None, ge=0, le=1000)
    spirits: list[SpiritRef] = Field(default_factory=list, max_length=MAX_SPIRITS)
    skills: list[SkillRef] = Field(default_factory=list, max_length=16)
    # Presentation only: kept out of the data hash (game/data/fx_schema.py).
    quotes: PilotQuotes | None = Field(None, exclude=True, description="battle quotes by situation")

    @property
    def portrait_id(self) -> str:
        return self.portrait or self.id


# ---- system entries --------------------------------------------------------------------------
class Spirit(Strict):
    """A spirit command (RULES §9): `units/system/spirits.yaml`, keyed by id."""

    id: Id
    name: Text
    aliases: Aliases = Field(default_factory=list)
    description: Text = ""
    target: SpiritTarget = "self"
    duration: Duration = "instant"
    cost: Count = Field(10, description="default SP cost when a pilot's entry gives none")
    effects: EffectList = Field(min_length=1, max_length=32)


class Skill(Strict):
    """A pilot skill (RULES §10): `units/system/skills.yaml`, keyed by id."""

    id: Id
    name: Text
    aliases: Aliases = Field(default_factory=list)
    description: Text = ""
    max_level: Level = 1
    effects: EffectList = Field(min_length=1, max_length=32)


class Ability(Strict):
    """A unit ability (RULES §10): `units/system/abilities.yaml`, keyed by id."""

    id: Id
    name: Text
    aliases: Aliases = Field(default_factory=list)
    description: Text = ""
    effects: EffectList = Field(min_length=1, max_length=32)


class Status(Strict):
    """A condition the rules put on a unit (Overheat): `units/system/statuses.yaml`."""

    id: Id
    name: Text
    aliases: Aliases = Field(default_factory=list)
    description: Text = ""
    duration: Duration = "turn"
    effects: EffectList = Field(min_length=1, max_length=32)

    @field_validator("duration")
    @classmethod
    def _lasting(cls, value: str) -> str:
        if value == "instant":
            raise PydanticCustomError("status_duration", "a status cannot be 'instant'; use e.g. 'turn'")
        return value


class Terrain(Strict):
    """A tile type (RULES §2): `units/system/terrain.yaml`, keyed by id.

    `move_cost` maps movement kinds (ground, vehicle, fly, default ...) to a cost, or null
    for closed."""

    id: Id
    name: Text
    aliases: Aliases = Field(default_factory=list)
    description: Text = ""
    environment: Environment = Field("land", description="which of air/land/sea/space the tile counts as")
    move_cost: dict[Id, int | None] = Field(default_factory=lambda: dict[str, int | None](default=1))
    defense: Percent = 0
    evade: Percent = 0
    hp_recovery: Percent = 0
    en_recovery: Percent = 0

    @field_validator("move_cost")
    @classmethod
    def _costs(cls, costs: dict[str, int | None]) -> dict[str, int | None]:
        for kind, cost in costs.items():
            if cost is not None and not 1 <= cost <= 99:
                raise PydanticCustomError(
                    "move_cost",
                    "move cost for {kind} must be 1..99 or null (closed), got {cost}",
                    {"kind": repr(kind), "cost": cost},
                )
        return costs


# ---- rules -----------------------------------------------------------------------------------
_R = RulesDef()


def _gain_default(value: int | tuple[int, ...]) -> int | list[int]:
    return value if isinstance(value, int) else list(value)


UPGRADE_GAIN_HELP = (
    "what each upgrade step adds: one number for every step, or a list of gains by step (the last repeats)"
)


class WillGains(Strict):
    hit: Signed
    miss: Signed
    damaged: Signed
    evaded: Signed
    shot_down: Signed
    ally_lost: Signed


class Rules(Strict):
    """The constants of RULES.md: `units/system/rules.yaml`. Every field defaults to RULES.md."""

    rank_values: dict[GradeLetter, Signed] = Field(default_factory=lambda: dict(_R.rank_values))  # type: ignore[arg-type]  # core keys are plain str
    performance: dict[int, Decimal] = Field(
        default_factory=lambda: dict(_R.performance),
        description="pilot rank value + unit rank value (at least) -> performance multiplier T",
    )
    weapon_rank: dict[GradeLetter, Decimal] = Field(default_factory=lambda: dict(_R.weapon_rank))  # type: ignore[arg-type]
    size_hit: dict[Size, Decimal] = Field(default_factory=lambda: dict(_R.size_hit))
    size_damage: dict[Size, Decimal] = Field(default_factory=lambda: dict(_R.size_damage))
    accuracy_base: Signed = _R.accuracy_base
    distance_base: Signed = _R.distance_base
    distance_step: Signed = _R.distance_step
    crit_mul: Decimal = _R.crit_mul
    defend_mul: Decimal = _R.defend_mul
    evade_divisor: int = Field(_R.evade_divisor, ge=1, le=100)
    min_damage: Count = _R.min_damage
    support_attack_mul: Decimal = _R.support_attack_mul
    will_start: Count = _R.will_start
    will_min: Count = _R.will_min
    will_max: Count = _R.will_max
    will_per_phase: Signed = _R.will_per_phase
    will_side_kill: Signed = _R.will_side_kill
    will_table: dict[Personality, WillGains] = Field(
        default_factory=lambda: {k: WillGains(**_gains(v)) for k, v in _R.will_table.items()},
        description="Will change by personality: hit / miss / damaged / evaded / shot_down / ally_lost",
    )
    mercy_hp: Count = _R.mercy_hp
    mercy_needs_higher_skill: bool = _R.mercy_needs_higher_skill
    capture_funds_mul: Decimal = _R.capture_funds_mul
    exp_per_level: int = Field(_R.exp_per_level, ge=1, le=1_000_000)
    max_level: Level = _R.max_level
    exp_damage_share: Decimal = _R.exp_damage_share
    exp_level_step: Decimal = _R.exp_level_step
    exp_min: Count = _R.exp_min
    exp_repair: Count = _R.exp_repair
    exp_supply: Count = _R.exp_supply
    upgrade_hp: Count | list[Count] = Field(_gain_default(_R.upgrade_hp), description=UPGRADE_GAIN_HELP)
    upgrade_en: Count | list[Count] = Field(_gain_default(_R.upgrade_en), description=UPGRADE_GAIN_HELP)
    upgrade_mobility: Count | list[Count] = Field(_gain_default(_R.upgrade_mobility), description=UPGRADE_GAIN_HELP)
    upgrade_armor: Count | list[Count] = Field(_gain_default(_R.upgrade_armor), description=UPGRADE_GAIN_HELP)
    upgrade_weapon: Count | list[Count] = Field(_gain_default(_R.upgrade_weapon), description=UPGRADE_GAIN_HELP)
    # The campaign's upgrade shop (SRW 64 style, REFERENCE.md A14): a unit's own `upgrade_cap`
    # or this default, and the price of each step by stat (step n costs the n-th entry).
    upgrade_cap: int = Field(10, ge=0, le=99, description="upgrade steps allowed per stat when a unit sets none")
    upgrade_costs: dict[UpgradeStat, list[Count]] = Field(
        default_factory=lambda: {stat: list(costs) for stat, costs in DEFAULT_UPGRADE_COSTS.items()},
        description="price of each upgrade step by stat: hp, en, armor, mobility, weapons",
    )
    start_funds: Count = Field(0, description="funds a new campaign starts with")
    campaign: CampaignGrowth = Field(
        default_factory=CampaignGrowth, description="parts, pilot training, ace and full-upgrade bonuses, rewards"
    )

    @field_validator("upgrade_costs")
    @classmethod
    def _every_stat_priced(cls, table: dict[str, list[int]]) -> dict[str, list[int]]:
        table = _complete(table, UPGRADE_STATS, "upgradable stat")
        for stat, costs in table.items():
            if len(costs) > 99:
                raise PydanticCustomError(
                    "upgrade_steps", "{stat} lists {n} steps; at most 99", {"stat": stat, "n": len(costs)}
                )
        return table

    @field_validator("rank_values", "weapon_rank")
    @classmethod
    def _all_grades(cls, table: dict[str, Any]) -> dict[str, Any]:
        return _complete(table, GradeLetter.__args__, "rank")  # type: ignore[attr-defined]

    @field_validator("size_hit", "size_damage")
    @classmethod
    def _all_sizes(cls, table: dict[str, Any]) -> dict[str, Any]:
        return _complete(table, SIZES, "size")

    @field_validator("performance")
    @classmethod
    def _performance(cls, table: dict[int, Any]) -> dict[int, Any]:
        if not table:
            raise PydanticCustomError("performance_empty", "performance needs at least one threshold (e.g. 0: 0.6)")
        if min(table) > 0:
            raise PydanticCustomError(
                "performance_floor", "performance needs a threshold of 0 so every rank sum has a multiplier"
            )
        return table

    @model_validator(mode="after")
    def _will(self) -> Rules:
        if not self.will_min <= self.will_start <= self.will_max:
            raise PydanticCustomError(
                "will_limits",
                "Will limits need will_min <= will_start <= will_max, got {a} <= {b} <= {c}",
                {"a": self.will_min, "b": self.will_start, "c": self.will_max},
            )
        return self


def _gains(v: Any) -> dict[str, int]:
    return {f: getattr(v, f) for f in ("hit", "miss", "damaged", "evaded", "shot_down", "ally_lost")}


def _complete(table: dict[str, Any], keys: tuple[str, ...], what: str) -> dict[str, Any]:
    missing = [k for k in keys if k not in table]
    if missing:
        raise PydanticCustomError(
            "table_incomplete",
            "the table needs a value for every {what}; missing {missing}",
            {"what": what, "missing": ", ".join(missing)},
        )
    return table


# ---- mods ------------------------------------------------------------------------------------
class ModManifest(Strict):
    """`mod.yaml` at the top of a mod folder."""

    id: Id
    name: Text
    version: Annotated[str, WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "number"}]})] = Field(
        description="the mod's version, e.g. 1.0.2 (quote versions such as '1.10' so YAML keeps the zero)"
    )
    requires: list[Text] = Field(
        default_factory=list, description="other mod ids, each with an optional version spec: 'base_tweaks>=1.0'"
    )
    description: Text = ""
    authors: list[Text] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _requires_mapping(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        data = dict(data)
        # `requires: {other: ">=1.0"}` is accepted as well as a list.
        if isinstance(data.get("requires"), dict):
            data["requires"] = [f"{k}{v or ''}" for k, v in data["requires"].items()]
        # `version: 1.0` reads as a number in YAML; take it as the text written.
        version = data.get("version")
        if isinstance(version, (int, float)) and not isinstance(version, bool):
            data["version"] = str(version)
        return data


# The entry models by kind (the names used in paths such as `units.braver.hp`).
ENTRY_MODELS: dict[str, type[Strict]] = {
    "units": Unit,
    "pilots": Pilot,
    "spirits": Spirit,
    "skills": Skill,
    "abilities": Ability,
    "statuses": Status,
    "terrain": Terrain,
    "parts": Part,
}
__all__ = ["ENTRY_MODELS", "Effect", "Rules"]
