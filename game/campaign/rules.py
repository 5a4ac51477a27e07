"""What the campaign's shop and carry-over read from the game data: upgrade caps by unit,
which unit succeeds which (and inherits its upgrades), prices by step, start funds, and the
EXP per level. Plain data so tests can build it directly."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from game.campaign.growth import GrowthRules
from game.core.defs import frozen_map
from game.scenario.setup import UPGRADE_KEYS

UPGRADE_STATS = UPGRADE_KEYS  # hp, en, armor, mobility, weapons
STAT_NAMES: Mapping[str, str] = frozen_map(
    {"hp": "HP", "en": "EN", "armor": "Armor", "mobility": "Mobility", "weapons": "Weapons"}
)


@dataclass(frozen=True)
class CampaignRules:
    costs: Mapping[str, tuple[int, ...]]  # stat -> price of step 1, 2, ...
    default_cap: int = 10
    caps: Mapping[str, int] = field(default_factory=frozen_map)  # unit id -> steps per stat (when set)
    successors: Mapping[str, str] = field(default_factory=frozen_map)  # unit id -> the unit it inherits from
    start_funds: int = 0
    exp_per_level: int = 500
    max_level: int = 99
    growth: GrowthRules = field(default_factory=GrowthRules)  # parts, PP, training, bonuses, rewards

    @classmethod
    def defaults(cls) -> CampaignRules:
        """The rules.yaml defaults, with no unit-specific caps (battles built in code)."""
        from game.data.schema import Rules

        return cls._build(Rules(), {}, {})

    @classmethod
    def from_data(cls, result: Any) -> CampaignRules:
        """From the data layer's LoadResult (`game.data.load_game_data`)."""
        return cls._build(result.rules, result.entries.get("units", {}), result.entries)

    @classmethod
    def _build(cls, rules: Any, units: Mapping[str, Any], entries: Mapping[str, Mapping[str, Any]]) -> CampaignRules:
        return cls(
            costs=frozen_map({stat: tuple(prices) for stat, prices in rules.upgrade_costs.items()}),
            default_cap=rules.upgrade_cap,
            caps=frozen_map({uid: u.upgrade_cap for uid, u in units.items() if u.upgrade_cap is not None}),
            successors=frozen_map({uid: u.upgrades_from for uid, u in units.items() if u.upgrades_from}),
            start_funds=rules.start_funds,
            exp_per_level=rules.exp_per_level,
            max_level=rules.max_level,
            growth=GrowthRules.from_models(rules.campaign, entries),
        )

    def cap(self, unit: str, stat: str) -> int:
        """How many steps of `stat` the unit may buy: its cap, and no more than are priced."""
        return min(self.caps.get(unit, self.default_cap), len(self.costs.get(stat, ())))

    def price(self, stat: str, step: int) -> int:
        """The price of step `step` (1-based) of `stat`."""
        return self.costs[stat][step - 1]

    def line(self, unit: str) -> list[str]:
        """`unit` and the units it succeeds, newest first (layzner_mk2, layzner)."""
        out = [unit]
        while out[-1] in self.successors and self.successors[out[-1]] not in out:
            out.append(self.successors[out[-1]])
        return out
