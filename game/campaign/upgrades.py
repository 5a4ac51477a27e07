"""The upgrade shop: what a unit has, what the next step costs, and buying it.

A successor unit (the Layzner Mk-II, `upgrades_from: layzner`) starts with its predecessor's
upgrades, capped at its own cap, until the player upgrades it itself; from then on it keeps
its own record.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from game.campaign.rules import STAT_NAMES, UPGRADE_STATS, CampaignRules
from game.campaign.state import CampaignError, CampaignState
from game.core.defs import frozen_map


def upgrades_of(state: CampaignState, unit: str, rules: CampaignRules) -> dict[str, int]:
    """The steps `unit` has now: its own record, else its predecessor's; each within its cap."""
    for source in rules.line(unit):
        if source in state.upgrades:
            steps = state.upgrades[source]
            capped = {s: min(int(n), rules.cap(unit, s)) for s, n in steps.items() if s in UPGRADE_STATS}
            return {s: n for s, n in capped.items() if n > 0}
    return {}


def inherited_from(state: CampaignState, unit: str, rules: CampaignRules) -> str | None:
    """The predecessor whose upgrades `unit` uses now (None if it has its own or none)."""
    if unit in state.upgrades:
        return None
    return next((u for u in rules.line(unit)[1:] if u in state.upgrades), None)


@dataclass(frozen=True)
class UpgradeOption:
    """One row of the shop: a stat of a unit, its steps, and why it cannot be bought (if so)."""

    unit: str
    stat: str
    steps: int
    cap: int
    price: int | None  # of the next step; None at the cap
    problem: str | None  # None when it can be bought now

    @property
    def name(self) -> str:
        return STAT_NAMES[self.stat]


def upgrade_options(state: CampaignState, unit: str, rules: CampaignRules) -> list[UpgradeOption]:
    have = upgrades_of(state, unit, rules)
    out = []
    for stat in UPGRADE_STATS:
        steps, cap = have.get(stat, 0), rules.cap(unit, stat)
        if steps >= cap:
            out.append(UpgradeOption(unit, stat, steps, cap, None, f"{STAT_NAMES[stat]} is fully upgraded ({cap})."))
            continue
        price = rules.price(stat, steps + 1)
        problem = None if price <= state.funds else f"Needs {price} funds; you have {state.funds}."
        out.append(UpgradeOption(unit, stat, steps, cap, price, problem))
    return out


def buy_upgrade(state: CampaignState, unit: str, stat: str, rules: CampaignRules) -> CampaignState:
    """One more step of `stat` for `unit`, paid from the funds; CampaignError says why not."""
    if stat not in UPGRADE_STATS:
        raise CampaignError(f"unknown upgrade {stat!r}; choose one of {', '.join(UPGRADE_STATS)}")
    option = next(o for o in upgrade_options(state, unit, rules) if o.stat == stat)
    if option.problem is not None or option.price is None:
        raise CampaignError(option.problem or "cannot be upgraded")
    steps = {**upgrades_of(state, unit, rules), stat: option.steps + 1}
    upgrades = {**state.upgrades, unit: frozen_map(steps)}
    return replace(state, funds=state.funds - option.price, upgrades=frozen_map(upgrades))
