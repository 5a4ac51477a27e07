"""The schema of one effect entry, generated from the engine's vocabulary.

An effect is written with its key as the field name, so YAML reads like the rules:

    effects:
      - hit: 30
      - valor: 2
        when: {roles: [attack, counter]}
      - barrier: 1000
        types: [beam]
        when: {will_at_least: 130}

The fields come from `game.core.effects` (ADDITIVE_KEYS, MULTIPLIER_KEYS, ...), so a key
added to the engine is accepted here at once, and a misspelt key gets a suggestion.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, GetJsonSchemaHandler, create_model, model_validator
from pydantic_core import PydanticCustomError

from game.core import effects as fx
from game.data.fields import Count, Decimal, Environment, Id, Percent, Signed, Strict

Role = Literal[fx.ROLES]  # type: ignore[valid-type]
Duration = Literal[fx.DURATIONS]  # type: ignore[valid-type]

# Help text for editors; a test checks every engine key has one.
KEY_HELP: dict[str, str] = {
    "hit": "+ to this unit's hit% when it attacks (Focus, Genius, Prevail)",
    "evade": "- to the hit% of attacks against this unit",
    "crit": "+ to this unit's critical %",
    "mobility": "+ unit Mobility",
    "armor": "+ unit Armor (flat)",
    "armor_pct": "+ unit Armor in percent (Prevail)",
    "move": "+ Move (Accel, V-MAX Ready)",
    "range": "+ max range of ranged, non-MAP weapons with max range > 1 (Snipe, sandstorm)",
    "sp_regen": "SP regained at the start of each own phase",
    "hp_regen_pct": "% of max HP regained at the start of each own phase",
    "en_regen_pct": "% of max EN regained at the start of each own phase",
    "will_per_phase": "extra Will at the start of each own phase",
    "start_will": "extra Will when the battle starts (Resolve)",
    "support_attack": "support attack charges per phase",
    "support_defend": "support defend charges per phase",
    "substitute": "fatal hits negated per battle (boss dummy)",
    "counter_first": "% chance to strike first when countering (Counter skill)",
    "exp_pct": "+ % EXP earned",
    "unit_rank_at_least": "the unit's terrain rank counts as at least this rank value (rank_values: A = 3) (A-Adapter)",
    "damage_mul": "multiplies the final damage this unit deals (Attacker 1.2, Red Power 1.15)",
    "damage_taken_mul": "multiplies the final damage this unit takes (Guard 0.25); Fury ignores it",
    "valor": "next attack multiplier replacing criticals (Valor 2, Soul 2.5); the largest applies",
    "funds_mul": "multiplies funds from this unit's kills (Luck 2)",
    "exp_mul": "multiplies EXP this unit earns (Gain 2)",
    "sp_cost_mul": "multiplies spirit SP costs",
    "hit_set": "forces this unit's hit% to this value (Strike 100); the highest wins",
    "hit_taken_set": "forces the hit% of attacks on this unit (Alert 0); the lowest wins",
    "mercy": "a kill leaves the target at the Mercy HP instead (write `mercy: true`)",
    "fury": "the attack ignores barriers, damage-reducing effects, size penalty, support defend",
    "no_counter": "cannot counter (Overheat)",
    "hit_and_away": "may move after attacking without having moved",
    "extra_action": "after the next action the unit may move and act again (Zeal)",
    "scanned": "the unit's full data is visible to the other side (Scan)",
    "ignore_size": "no damage penalty against larger targets",
    "barrier": "subtracts this much from damage of matching weapon `types`, costing `en_cost` EN",
    "heal_hp": "instant: heals this many HP",
    "heal_hp_pct": "instant: heals this % of max HP",
    "heal_en_pct": "instant: restores this % of max EN",
    "will": "instant: + Will (negative lowers it)",
    "resupply": "instant: refills EN and ammo (write `resupply: true`)",
    "repair": "device: a Repair command healing this % of an adjacent ally's max HP",
    "supply": "device: a Supply command refilling an adjacent ally's EN and ammo; the ally loses this much Will",
}

EFFECT_KEYS: tuple[str, ...] = tuple(sorted(fx.ALL_KEYS))
# Options that only make sense with some keys.
BARRIER_ONLY = ("types", "en_cost")
FURY_OPTION_KEYS = (fx.BARRIER_KEY, "damage_taken_mul")


class When(Strict):
    """Conditions under which an effect applies; all given conditions must hold."""

    will_at_least: int | None = Field(None, ge=0, le=1000, description="the unit's Will is at least this")
    hp_pct_at_most: Percent | None = Field(None, description="the unit's HP is at most this % of max")
    hp_pct_at_least: Percent | None = Field(None, description="the unit's HP is at least this % of max")
    roles: list[Role] = Field(default_factory=list, description="only in these roles: " + ", ".join(fx.ROLES))
    weapon_tags: list[Id] = Field(default_factory=list, description="only with a weapon carrying one of these tags")
    melee: bool | None = Field(None, description="only with melee (true) or ranged (false) weapons")
    environments: list[Environment] = Field(default_factory=list, description="only while the unit is in these")


def _value_type(key: str) -> Any:
    special: dict[str, Any] = {
        "heal_hp": Count,
        "heal_hp_pct": Percent,
        "heal_en_pct": Percent,
        "resupply": Literal[True],
        "repair": Percent,
        "supply": Count,
        fx.BARRIER_KEY: Count,
    }
    if key in special:
        return special[key]
    if key in fx.MULTIPLIER_KEYS:
        return Decimal
    if key in fx.SET_KEYS:
        return Percent
    if key in fx.FLAG_KEYS:
        return Literal[True]
    return Signed


class _EffectBase(Strict):
    when: When | None = Field(None, description="conditions; the effect applies only while they hold")
    per_level: bool = Field(False, description="multiply the value by the skill or ability level")
    types: list[Id] = Field(default_factory=list, description="barrier: weapon types it stops (empty: all)")
    en_cost: Count = Field(0, description="barrier: EN spent each time it stops damage")
    fury_pierces: bool = Field(True, description="barrier/damage_taken_mul: whether Fury ignores it")

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: GetJsonSchemaHandler) -> Any:
        schema = handler.resolve_ref_schema(handler(core_schema))
        return {"anyOf": [{"enum": sorted(fx.FLAG_KEYS)}, dict(schema)]}

    @model_validator(mode="before")
    @classmethod
    def _needs_mapping(cls, data: Any) -> Any:
        if isinstance(data, str) and data in fx.FLAG_KEYS:
            return {data: True}  # `- no_counter` is short for `- no_counter: true`
        return data

    @model_validator(mode="after")
    def _one_key(self) -> _EffectBase:
        present = [k for k in EFFECT_KEYS if getattr(self, k) is not None]
        if not present:
            raise PydanticCustomError(
                "effect_key_missing",
                "an effect needs one effect key, such as 'hit: 30' or 'barrier: 1000' (see docs/MODDING.md)",
            )
        if len(present) > 1:
            raise PydanticCustomError(
                "effect_keys_many",
                "an effect has exactly one effect key, found {keys}: write each as its own list item",
                {"keys": ", ".join(present)},
            )
        key = present[0]
        if key != fx.BARRIER_KEY:
            for option in BARRIER_ONLY:
                if option in self.model_fields_set:
                    raise PydanticCustomError(
                        "effect_option",
                        "'{option}' only applies to a barrier, not to '{key}'",
                        {"option": option, "key": key},
                    )
        if key not in FURY_OPTION_KEYS and "fury_pierces" in self.model_fields_set:
            raise PydanticCustomError(
                "effect_option",
                "'fury_pierces' only applies to barrier and damage_taken_mul, not to '{key}'",
                {"key": key},
            )
        return self

    @property
    def key(self) -> str:
        return next(k for k in EFFECT_KEYS if getattr(self, k) is not None)

    @property
    def value(self) -> Any:
        return getattr(self, self.key)


Effect: type[_EffectBase] = create_model(  # type: ignore[call-overload]
    "Effect",
    __base__=_EffectBase,
    __doc__="One effect: exactly one effect key with its value, plus optional `when` and options.",
    **{key: (_value_type(key) | None, Field(None, description=KEY_HELP.get(key, key))) for key in EFFECT_KEYS},
)
