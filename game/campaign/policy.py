"""A simple, fixed spending policy for an AI-played campaign (`run_game.py simulate
--campaign`), so the economy can be measured. Between battles, for the next battle's units
and pilots, in roster order (the Layzner line first):

1. Deploy: the scenario's deploy pool ordered by pilot level (highest first).
2. Lead unit: the Layzner line (`LEAD_UNITS`, else the first unit) takes the cheapest
   upgrade step still short of its full-upgrade goal, until none is affordable.
3. Parts: every empty slot gets a part. Parts in stock go in first (rewards, the start
   parts); then the cheapest affordable part of `PART_PRIORITY` that unit does not carry.
4. Upgrades: once the lead unit is fully upgraded, the cheapest next step of any unit in
   the roster, until none is affordable (funds are saved for the lead unit until then).
5. Full-upgrade bonus: a fully upgraded unit takes the first bonus of `BONUS_PRIORITY`.
6. Training: each pilot buys the cheapest affordable stat step or skill level, over and
   over, until it cannot afford one (stats before skills at equal price).

Every step is a pure `game.campaign` operation; the policy only chooses."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from game.campaign.battles import choose_deployment, roster
from game.campaign.bonuses import can_full_upgrade, choose_full_bonus, full_bonus_of, full_upgrade_goal, steps_to_full
from game.campaign.parts import buy_part, buy_problem, equip_part, equipped_of
from game.campaign.rules import CampaignRules
from game.campaign.state import CampaignError, CampaignState
from game.campaign.training import train, training_options
from game.campaign.upgrades import buy_upgrade, upgrade_options
from game.scenario.setup import Playable

PART_PRIORITY = (
    "booster",
    "chobham_armor",
    "multi_sensor",
    "magnetic_coating",
    "targeting_computer",
    "battle_computer",
    "solar_panel",
    "hybrid_armor",
    "apogee_motor",
)
LEAD_UNITS = ("layzner_mk2", "layzner")
BONUS_PRIORITY = ("full_mobility", "full_armor", "full_move", "full_range", "full_terrain")


@dataclass(frozen=True)
class Spending:
    funds: int = 0
    pp: int = 0
    parts_bought: int = 0
    upgrade_steps: int = 0


def prepare(state: CampaignState, scenario: Playable, rules: CampaignRules) -> tuple[CampaignState, Spending]:
    """The intermission before `scenario`, as the policy plays it."""
    funds, pp = state.funds, sum(r.pp for r in state.pilots.values())
    units, pilots = roster(scenario)
    state = _deploy(state, scenario)
    state, lead_steps = _lead_upgrades(state, units, rules)
    state, bought = _parts(state, units, rules)
    state, steps = _upgrades(state, units, rules)
    steps += lead_steps
    for u in units:
        ready = can_full_upgrade(u, rules) and steps_to_full(state, u, rules) == 0
        if ready and full_bonus_of(state, u, rules) is None:
            choice = next((b for b in BONUS_PRIORITY if b in rules.growth.full_bonuses()), None)
            if choice is not None:
                state = choose_full_bonus(state, u, choice, rules)
    for p in pilots:
        state = _train(state, p, rules)
    spent_pp = pp - sum(r.pp for r in state.pilots.values())
    return state, Spending(funds - state.funds, spent_pp, bought, steps)


def _deploy(state: CampaignState, scenario: Playable) -> CampaignState:
    plan = scenario.deploy
    if plan is None:
        return state
    by_uid = {d.uid: d for d in scenario.listed}

    def level(uid: str) -> int:
        d = by_uid.get(uid)
        rec = state.pilots.get(d.pilot or "") if d is not None else None
        return rec.level if rec is not None else 0

    pool = sorted(plan.pool, key=lambda uid: -level(uid))  # stable: file order at equal levels
    picks = [pool[i] if i < len(pool) else None for i in range(len(plan.slots))]
    try:
        return choose_deployment(state, scenario, picks)
    except CampaignError:
        return state


def _parts(state: CampaignState, units: Sequence[str], rules: CampaignRules) -> tuple[CampaignState, int]:
    growth = rules.growth
    bought = 0
    for unit in units:
        while len(equipped_of(state, unit, rules)) < growth.slots(unit):
            carried = equipped_of(state, unit, rules)
            in_stock = [p for p in sorted(state.parts) if growth.parts.get(p) and growth.parts[p].equippable]
            if in_stock:
                state = equip_part(state, unit, in_stock[0], rules)
                continue
            options = [p for p in PART_PRIORITY if p not in carried and buy_problem(state, p, rules) is None]
            if not options:
                break
            cheapest = min(options, key=lambda p: (growth.parts[p].price or 0, PART_PRIORITY.index(p)))
            state = equip_part(buy_part(state, cheapest, rules), unit, cheapest, rules)
            bought += 1
    return state, bought


def _lead(units: Sequence[str]) -> str | None:
    return next((u for u in LEAD_UNITS if u in units), units[0] if units else None)


def _lead_upgrades(state: CampaignState, units: Sequence[str], rules: CampaignRules) -> tuple[CampaignState, int]:
    steps = 0
    lead = _lead(units)
    while lead is not None and steps_to_full(state, lead, rules):
        options = [
            (o.price, o.stat)
            for o in upgrade_options(state, lead, rules)
            if o.problem is None and o.price is not None and o.steps < full_upgrade_goal(lead, o.stat, rules)
        ]
        if not options:
            break
        state = buy_upgrade(state, lead, min(options)[1], rules)
        steps += 1
    return state, steps


def _upgrades(state: CampaignState, units: Sequence[str], rules: CampaignRules) -> tuple[CampaignState, int]:
    steps = 0
    lead = _lead(units)
    if lead is not None and can_full_upgrade(lead, rules) and steps_to_full(state, lead, rules):
        return state, 0  # saving for the lead unit's full upgrade
    while True:
        options = [
            (o.price, i, o.stat, u)
            for i, u in enumerate(units)
            for o in upgrade_options(state, u, rules)
            if o.problem is None and o.price is not None
        ]
        if not options:
            return state, steps
        _, _, stat, unit = min(options)
        state = buy_upgrade(state, unit, stat, rules)
        steps += 1


def _train(state: CampaignState, pilot: str, rules: CampaignRules) -> CampaignState:
    if pilot not in state.pilots:
        return state
    while True:
        options = [o for o in training_options(state, pilot, rules) if o.problem is None and o.price is not None]
        if not options:
            return state
        o = min(options, key=lambda o: (o.price or 0, o.kind != "stat"))
        state = train(state, pilot, o.kind, o.key, rules)
