"""What the intermission screens show, computed from the campaign and the next battle's
scenario: pilots with level, EXP and kills; units with their upgraded numbers and prices;
who stands on each deploy slot. No drawing here."""

from __future__ import annotations

from dataclasses import dataclass

from game.campaign import (
    CampaignRules,
    CampaignState,
    UpgradeOption,
    inherited_from,
    roster,
    upgrade_options,
    upgrades_of,
)
from game.core.defs import Definitions
from game.core.script import Deployment
from game.core.stats import upgrade_gain
from game.scenario.setup import Playable


@dataclass(frozen=True)
class PilotRow:
    id: str
    name: str
    level: int
    exp: int  # toward the next level
    exp_per_level: int
    kills: int
    new: bool  # joins in the next battle, no record yet
    pp: int = 0  # pilot points to spend in Training
    ace: bool = False


def pilot_rows(
    campaign: CampaignState, nxt: Playable | None, defs: Definitions, rules: CampaignRules
) -> list[PilotRow]:
    """The campaign's pilots, then the next battle's newcomers (at the scenario's level)."""
    rows = []
    for pid, rec in campaign.pilots.items():
        name = defs.pilots[pid].name if pid in defs.pilots else pid
        ace = rec.kills >= rules.growth.ace_kills
        rows.append(PilotRow(pid, name, rec.level, rec.exp, rules.exp_per_level, rec.kills, False, rec.pp, ace))
    if nxt is not None:
        _, pilots = roster(nxt)
        levels = {d.pilot: d.level for d in _all(nxt) if d.pilot is not None}
        for pid in pilots:
            if pid in campaign.pilots or pid not in defs.pilots:
                continue
            p = defs.pilots[pid]
            rows.append(PilotRow(pid, p.name, levels.get(pid) or p.level, 0, rules.exp_per_level, 0, True))
    return rows


def _all(scenario: Playable) -> list[Deployment]:
    from game.scenario.setup import player_deployments

    return list(player_deployments(scenario.listed or scenario.deployments, scenario.context.script.triggers))


@dataclass(frozen=True)
class StatRow:
    option: UpgradeOption
    base: int  # the unit's value without upgrades
    now: int  # with the steps it has
    after: int | None  # with one more step (None at the cap)


@dataclass(frozen=True)
class UnitRow:
    id: str
    name: str
    inherited: str | None  # name of the unit whose upgrades it carries
    stats: tuple[StatRow, ...]


def shop_units(campaign: CampaignState, nxt: Playable | None) -> list[str]:
    """Units the shop offers: the next battle's player units, then any other upgraded unit."""
    units = roster(nxt)[0] if nxt is not None else []
    return units + [u for u in campaign.upgrades if u not in units]


def unit_row(campaign: CampaignState, unit: str, defs: Definitions, rules: CampaignRules) -> UnitRow:
    udef = defs.units[unit]
    r = defs.rules
    per_step = {"hp": r.upgrade_hp, "en": r.upgrade_en, "armor": r.upgrade_armor, "mobility": r.upgrade_mobility}
    base = {"hp": udef.hp, "en": udef.en, "armor": udef.armor, "mobility": udef.mobility}
    # Weapons: shown as the strongest weapon's power (every weapon gains the same per step).
    base["weapons"] = max((w.power for w in udef.weapons), default=0)
    per_step["weapons"] = r.upgrade_weapon
    stats = []
    for opt in upgrade_options(campaign, unit, rules):
        now = base[opt.stat] + upgrade_gain(per_step[opt.stat], opt.steps)
        after = base[opt.stat] + upgrade_gain(per_step[opt.stat], opt.steps + 1) if opt.price is not None else None
        stats.append(StatRow(opt, base[opt.stat], now, after))
    source = inherited_from(campaign, unit, rules)
    inherited = defs.units[source].name if source is not None and source in defs.units else source
    return UnitRow(unit, udef.name, inherited, tuple(stats))


def total_steps(campaign: CampaignState, unit: str, rules: CampaignRules) -> int:
    return sum(upgrades_of(campaign, unit, rules).values())


@dataclass(frozen=True)
class Candidate:
    uid: str
    label: str  # "David · Doll"
    level: int


def deploy_candidates(campaign: CampaignState, scenario: Playable, defs: Definitions) -> list[Candidate]:
    """The deploy pool of `scenario` with pilot names and the levels they will fight at."""
    if scenario.deploy is None:
        return []
    by_uid = {d.uid: d for d in scenario.listed}
    out = []
    for uid in scenario.deploy.pool:
        d = by_uid[uid]
        unit = defs.units[d.unit].name
        pilot = defs.pilots[d.pilot] if d.pilot is not None else None
        level = d.level or (pilot.level if pilot else 1)
        if d.pilot is not None and d.pilot in campaign.pilots:
            level = max(level, campaign.pilots[d.pilot].level)
        out.append(Candidate(uid, f"{pilot.name} · {unit}" if pilot else unit, level))
    return out


def current_picks(campaign: CampaignState, scenario: Playable) -> list[str | None]:
    """The campaign's choice for `scenario` if it still fits, else the scenario's default."""
    plan = scenario.deploy
    if plan is None:
        return []
    picks = campaign.deploy.get(scenario.id)
    if picks is not None:
        try:
            plan.check(picks)
            return list(picks)
        except ValueError:
            pass
    return list(plan.default_picks())
