"""What the growth loop reads from the game data: the parts catalogue, part slots, pilot
points and training prices, ace and full-upgrade bonuses, and what bonus objectives and a
boss driven off pay (units/system/parts.yaml and the rules.yaml `campaign:` block). Plain
data so tests can build it directly."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from game.core.defs import frozen_map

TRAINABLE_STATS = ("melee", "ranged", "skill", "defense", "hit", "evade", "sp")
EQUIPPABLE = ("part", "consumable")


@dataclass(frozen=True)
class PartInfo:
    id: str
    name: str
    kind: str = "part"  # part | consumable | ace_bonus | full_upgrade_bonus
    price: int | None = None  # None: not sold
    sell: int = 0
    uses: int = 1
    pilot: str | None = None
    description: str = ""

    @property
    def equippable(self) -> bool:
        return self.kind in EQUIPPABLE


@dataclass(frozen=True)
class Reward:
    funds: int = 0
    pp: int = 0
    part: str | None = None

    def describe(self, parts: Mapping[str, PartInfo]) -> str:
        """ "5,000 funds, 5 PP, Repair Kit" (or "nothing")."""
        bits = []
        if self.funds:
            bits.append(f"{self.funds:,} funds")
        if self.pp:
            bits.append(f"{self.pp} PP")
        if self.part:
            bits.append(parts[self.part].name if self.part in parts else self.part)
        return ", ".join(bits) or "nothing"


@dataclass(frozen=True)
class GrowthRules:
    parts: Mapping[str, PartInfo] = field(default_factory=frozen_map)
    part_slots: int = 2
    unit_part_slots: Mapping[str, int] = field(default_factory=frozen_map)
    start_parts: Mapping[str, int] = field(default_factory=frozen_map)
    pp_per_kill: int = 2
    pp_per_battle: int = 3
    stat_step: int = 2
    sp_step: int = 5
    stat_costs: tuple[int, ...] = (4, 6, 8, 10, 12, 14, 16, 18, 20, 22)
    skill_costs: Mapping[str, tuple[int, ...]] = field(default_factory=frozen_map)
    ace_kills: int = 30
    full_upgrade_steps: int = 5
    bonus_reward: Reward = Reward()
    rewards: Mapping[str, Mapping[str, Reward]] = field(default_factory=frozen_map)
    boss_funds_pct: int = 50
    boss_pp: int = 5
    stat_names: Mapping[str, str] = field(default_factory=frozen_map)
    # From the pilots and skills: each pilot's own skill levels, each skill's name and top level.
    pilot_skills: Mapping[str, Mapping[str, int]] = field(default_factory=frozen_map)
    skill_names: Mapping[str, str] = field(default_factory=frozen_map)
    skill_max: Mapping[str, int] = field(default_factory=frozen_map)

    @classmethod
    def from_models(cls, growth: Any, entries: Mapping[str, Mapping[str, Any]]) -> GrowthRules:
        """From the rules model's `campaign` block and the data layer's validated entries."""

        def reward(r: Any) -> Reward:
            return Reward(r.funds, r.pp, r.part)

        parts = {
            pid: PartInfo(
                pid,
                p.name,
                p.kind,
                p.price,
                p.sell if p.sell is not None else (p.price or 0) // 2,
                p.uses,
                p.pilot,
                p.description,
            )
            for pid, p in entries.get("parts", {}).items()
        }
        skills = entries.get("skills", {})
        return cls(
            parts=frozen_map(parts),
            part_slots=growth.part_slots,
            unit_part_slots=frozen_map(dict(growth.unit_part_slots)),
            start_parts=frozen_map({p: n for p, n in growth.start_parts.items() if p in parts}),
            pp_per_kill=growth.pp_per_kill,
            pp_per_battle=growth.pp_per_battle,
            stat_step=growth.stat_step,
            sp_step=growth.sp_step,
            stat_costs=tuple(growth.stat_costs),
            skill_costs=frozen_map({s: tuple(c) for s, c in growth.skill_costs.items() if s in skills}),
            ace_kills=growth.ace_kills,
            full_upgrade_steps=growth.full_upgrade_steps,
            bonus_reward=reward(growth.bonus_reward),
            rewards=frozen_map(
                {sid: frozen_map({b: reward(r) for b, r in rs.items()}) for sid, rs in growth.rewards.items()}
            ),
            boss_funds_pct=growth.boss_retreat.funds_pct,
            boss_pp=growth.boss_retreat.pp,
            stat_names=frozen_map(dict(growth.stat_names)),
            pilot_skills=frozen_map(
                {pid: frozen_map({r.id: r.level for r in p.skills}) for pid, p in entries.get("pilots", {}).items()}
            ),
            skill_names=frozen_map({sid: s.name for sid, s in skills.items()}),
            skill_max=frozen_map({sid: s.max_level for sid, s in skills.items()}),
        )

    def slots(self, unit: str) -> int:
        return self.unit_part_slots.get(unit, self.part_slots)

    def reward(self, scenario: str, bonus: str) -> Reward:
        return self.rewards.get(scenario, {}).get(bonus, self.bonus_reward)

    def ace_bonus(self, pilot: str) -> str | None:
        return next((p.id for p in self.parts.values() if p.kind == "ace_bonus" and p.pilot == pilot), None)

    def full_bonuses(self) -> list[str]:
        return [p.id for p in self.parts.values() if p.kind == "full_upgrade_bonus"]

    def shop(self) -> list[str]:
        return [p.id for p in self.parts.values() if p.equippable and p.price is not None]

    def stat_name(self, stat: str) -> str:
        return self.stat_names.get(stat) or ("SP" if stat == "sp" else stat.capitalize())

    def stat_gain(self, stat: str) -> int:
        """What one training step adds to `stat`."""
        return self.sp_step if stat == "sp" else self.stat_step
