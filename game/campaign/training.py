"""Pilot training (SRW T style): pilot points (PP) bought stat steps and skills. A stat step
adds `stat_step` (SP: `sp_step`) and step n costs the n-th of `stat_costs`; a skill's
level n costs the n-th price in `skill_costs` (a pilot who has the skill starts above 1).
The gains reach battle through the setup's `training` (`game.scenario.setup.PilotTraining`)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from game.campaign.growth import TRAINABLE_STATS
from game.campaign.rules import CampaignRules
from game.campaign.state import CampaignError, CampaignState, PilotRecord
from game.core.defs import frozen_map
from game.scenario.setup import PilotTraining


@dataclass(frozen=True)
class TrainingOption:
    """One row of the training screen: a stat or a skill, where it stands and its price."""

    kind: str  # "stat" | "skill"
    key: str
    name: str
    now: int  # stat: steps bought; skill: level (0: not learned)
    top: int  # stat: step cap; skill: highest level
    price: int | None  # None at the top
    problem: str | None


def _record(state: CampaignState, pilot: str) -> PilotRecord:
    rec = state.pilots.get(pilot)
    if rec is None:
        raise CampaignError(f"{pilot} has not fought yet and cannot train")
    return rec


def skill_level(rec: PilotRecord, pilot: str, skill: str, rules: CampaignRules) -> int:
    own = rules.growth.pilot_skills.get(pilot, {}).get(skill, 0)
    return max(own, rec.skills.get(skill, 0))


def training_options(state: CampaignState, pilot: str, rules: CampaignRules) -> list[TrainingOption]:
    growth = rules.growth
    rec = _record(state, pilot)
    out = []
    for stat in TRAINABLE_STATS:
        steps, cap = rec.trained.get(stat, 0), len(growth.stat_costs)
        price = growth.stat_costs[steps] if steps < cap else None
        out.append(TrainingOption("stat", stat, growth.stat_name(stat), steps, cap, price, _problem(rec, price)))
    for skill, costs in growth.skill_costs.items():
        level = skill_level(rec, pilot, skill, rules)
        top = min(len(costs), growth.skill_max.get(skill, len(costs)))
        price = costs[level] if level < top else None
        name = growth.skill_names.get(skill, skill)
        out.append(TrainingOption("skill", skill, name, level, top, price, _problem(rec, price)))
    return out


def _problem(rec: PilotRecord, price: int | None) -> str | None:
    if price is None:
        return "Fully trained."
    if price > rec.pp:
        return f"Needs {price} PP; this pilot has {rec.pp}."
    return None


def train(state: CampaignState, pilot: str, kind: str, key: str, rules: CampaignRules) -> CampaignState:
    """Buy one stat step or one skill level for `pilot` with its PP; CampaignError says why not."""
    option = next((o for o in training_options(state, pilot, rules) if o.kind == kind and o.key == key), None)
    if option is None:
        raise CampaignError(f"{key!r} cannot be trained")
    if option.problem is not None or option.price is None:
        raise CampaignError(option.problem or "cannot be trained")
    rec = state.pilots[pilot]
    if kind == "stat":
        rec = replace(rec, trained=frozen_map({**rec.trained, key: option.now + 1}))
    else:
        rec = replace(rec, skills=frozen_map({**rec.skills, key: option.now + 1}))
    rec = replace(rec, pp=rec.pp - option.price)
    return replace(state, pilots=frozen_map({**state.pilots, pilot: rec}))


def pilot_training(rec: PilotRecord, rules: CampaignRules) -> PilotTraining | None:
    """What the battle setup adds to a pilot (None if untrained)."""
    growth = rules.growth
    stats = {s: n * growth.stat_gain(s) for s, n in rec.trained.items() if n > 0 and s in TRAINABLE_STATS}
    skills = {s: n for s, n in rec.skills.items() if n > 0}
    if not stats and not skills:
        return None
    return PilotTraining(frozen_map(stats), frozen_map(skills))
