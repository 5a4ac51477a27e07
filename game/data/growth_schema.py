"""Models of the campaign's growth data: skill parts (`units/system/parts.yaml`) and the
`campaign:` block of `units/system/rules.yaml` (part slots, pilot points and training, ace
and full-upgrade bonuses, bonus-objective rewards, what a boss driven off pays)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from game.core import effects as fx
from game.data.effect_schema import Effect
from game.data.fields import Count, Id, Percent, Strict, Text

PART_KINDS: tuple[str, ...] = ("part", "consumable", "ace_bonus", "full_upgrade_bonus")
PartKind = Literal[PART_KINDS]  # type: ignore[valid-type]
TRAINABLE_STATS: tuple[str, ...] = ("melee", "ranged", "skill", "defense", "hit", "evade", "sp")
TrainableStat = Literal[TRAINABLE_STATS]  # type: ignore[valid-type]


class Part(Strict):
    """A skill part (`units/system/parts.yaml`, keyed by id).

    `kind`: `part` is equipped in a slot and its `effects` last the battle; `consumable` is
    equipped in a slot and used from the map menu, `uses` times a battle, applying its `use`
    effects (instant keys); `ace_bonus` (with `pilot`) is the effect a pilot earns as an ace;
    `full_upgrade_bonus` is one of the bonuses a fully upgraded unit may choose. Ace and
    full-upgrade bonuses take no slot and are never sold."""

    id: Id
    name: Text
    aliases: list[Text] = Field(default_factory=list)
    description: Text = ""
    kind: PartKind = "part"
    price: Count | None = Field(None, description="funds in the shop; absent: not sold (earned only)")
    sell: Count | None = Field(None, description="funds when sold; absent: half the price")
    effects: list[Effect] = Field(default_factory=list, max_length=32, description="ongoing, for the battle")
    use: list[Effect] = Field(default_factory=list, max_length=8, description="consumable: instant effects")
    uses: int = Field(1, ge=1, le=9, description="consumable: uses per battle")
    pilot: Id | None = Field(None, description="ace_bonus: the pilot whose ace bonus this is")

    @model_validator(mode="after")
    def _shape(self) -> Part:
        if self.kind == "consumable":
            if not self.use or self.effects:
                raise PydanticCustomError("part_shape", "a consumable has 'use' effects and no 'effects'")
            bad = [e.key for e in self.use if e.key not in fx.INSTANT_KEYS]
            if bad:
                raise PydanticCustomError(
                    "part_use",
                    "'use' takes instant keys ({keys}); {bad!r} is not one",
                    {"keys": ", ".join(sorted(fx.INSTANT_KEYS)), "bad": bad[0]},
                )
        else:
            if self.use or not self.effects:
                raise PydanticCustomError("part_shape", "a {kind} has 'effects' and no 'use'", {"kind": self.kind})
            bad = [e.key for e in self.effects if e.key in fx.INSTANT_KEYS or e.key in fx.DEVICE_KEYS]
            if bad:
                raise PydanticCustomError(
                    "part_effect", "{bad!r} is not an ongoing effect; a part's effects last the battle", {"bad": bad[0]}
                )
        if (self.kind == "ace_bonus") != (self.pilot is not None):
            raise PydanticCustomError("part_pilot", "an ace_bonus names its 'pilot'; other parts name none")
        if self.kind in ("ace_bonus", "full_upgrade_bonus") and self.price is not None:
            raise PydanticCustomError(
                "part_price", "a {kind} is earned, never sold: remove 'price'", {"kind": self.kind}
            )
        return self


class Reward(Strict):
    """What a bonus objective (★) pays when achieved."""

    funds: Count = 0
    pp: Count = Field(0, description="pilot points for every pilot who fought")
    part: Id | None = Field(None, description="a part id given to the player")


class BossRetreat(Strict):
    """What driving a boss off pays (an enemy with `ai: {behaviour: boss}` that retreated)."""

    funds_pct: Percent = Field(50, description="this % of the funds shooting it down would give")
    pp: Count = Field(5, description="pilot points for every pilot who fought")


class CampaignGrowth(Strict):
    """The `campaign:` block of rules.yaml: every number of the growth loop between battles."""

    part_slots: int = Field(2, ge=0, le=8, description="part slots of a unit not listed in unit_part_slots")
    unit_part_slots: dict[Id, int] = Field(default_factory=dict, description="part slots by unit id")
    start_parts: dict[Id, Count] = Field(default_factory=dict, description="parts owned when a campaign starts")
    pp_per_kill: Count = Field(2, description="pilot points for each enemy a pilot shoots down")
    pp_per_battle: Count = Field(3, description="pilot points for every pilot who fought in a won battle")
    stat_step: int = Field(2, ge=1, le=50, description="what one training step adds to a pilot stat")
    sp_step: int = Field(5, ge=1, le=100, description="what one training step adds to SP")
    stat_costs: list[Count] = Field(
        default_factory=lambda: [4, 6, 8, 10, 12, 14, 16, 18, 20, 22],
        max_length=99,
        description="PP price of training step 1, 2, ... of one stat (the number of prices is the cap)",
    )
    skill_costs: dict[Id, list[Count]] = Field(
        default_factory=dict, description="skills pilots can learn: PP price of level 1, 2, ... by skill id"
    )
    ace_kills: int = Field(30, ge=1, le=10_000, description="kills that make a pilot an ace")
    full_upgrade_steps: int = Field(
        5, ge=1, le=99, description="steps in every stat (or the unit's cap, if lower) that count as fully upgraded"
    )
    bonus_reward: Reward = Field(default_factory=Reward, description="a bonus objective not listed in rewards")
    rewards: dict[Id, dict[Id, Reward]] = Field(
        default_factory=dict, description="scenario id -> bonus objective id -> reward"
    )
    boss_retreat: BossRetreat = Field(default_factory=BossRetreat)
    stat_names: dict[TrainableStat, Text] = Field(
        default_factory=dict, description="display names of trainable stats (default: the stat capitalised)"
    )
