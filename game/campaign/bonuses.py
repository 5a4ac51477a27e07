"""The ace bonus (a pilot's own effect at `ace_kills` kills, from parts.yaml `ace_bonus`
entries) and the full-upgrade bonus (one `full_upgrade_bonus` part the player picks for a
unit once every stat has `full_upgrade_steps` steps, or its cap where that is lower)."""

from __future__ import annotations

from dataclasses import replace

from game.campaign.rules import UPGRADE_STATS, CampaignRules
from game.campaign.state import CampaignError, CampaignState
from game.campaign.upgrades import upgrades_of
from game.core.defs import frozen_map


def is_ace(state: CampaignState, pilot: str, rules: CampaignRules) -> bool:
    rec = state.pilots.get(pilot)
    return rec is not None and rec.kills >= rules.growth.ace_kills


def ace_parts(state: CampaignState, pilot: str, rules: CampaignRules) -> tuple[str, ...]:
    bonus = rules.growth.ace_bonus(pilot)
    return (bonus,) if bonus is not None and is_ace(state, pilot, rules) else ()


def full_upgrade_goal(unit: str, stat: str, rules: CampaignRules) -> int:
    return min(rules.growth.full_upgrade_steps, rules.cap(unit, stat))


def can_full_upgrade(unit: str, rules: CampaignRules) -> bool:
    """Whether `unit` can be upgraded at all (a unit with no upgrade steps has no bonus)."""
    return any(rules.cap(unit, s) > 0 for s in UPGRADE_STATS)


def steps_to_full(state: CampaignState, unit: str, rules: CampaignRules) -> int:
    """Upgrade steps still missing before `unit` counts as fully upgraded (0: it does)."""
    if not can_full_upgrade(unit, rules):
        return sum(rules.growth.full_upgrade_steps for _ in UPGRADE_STATS)  # never: it cannot be upgraded
    have = upgrades_of(state, unit, rules)
    return sum(max(0, full_upgrade_goal(unit, s, rules) - have.get(s, 0)) for s in UPGRADE_STATS)


def full_bonus_of(state: CampaignState, unit: str, rules: CampaignRules) -> str | None:
    return next((state.full_bonus[u] for u in rules.line(unit) if u in state.full_bonus), None)


def choose_full_bonus(state: CampaignState, unit: str, bonus: str, rules: CampaignRules) -> CampaignState:
    """Give fully upgraded `unit` its bonus (once; a successor keeps its predecessor's)."""
    if bonus not in rules.growth.full_bonuses():
        raise CampaignError(f"{bonus!r} is not a full-upgrade bonus")
    if not can_full_upgrade(unit, rules):
        raise CampaignError("this unit cannot be upgraded, so it has no full-upgrade bonus")
    if full_bonus_of(state, unit, rules) is not None:
        raise CampaignError("this unit already has its full-upgrade bonus")
    missing = steps_to_full(state, unit, rules)
    if missing:
        raise CampaignError(f"{missing} more upgrade step(s) before the full-upgrade bonus")
    return replace(state, full_bonus=frozen_map({**state.full_bonus, unit: bonus}))
