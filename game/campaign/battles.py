"""The campaign and its battles: starting a campaign, the setup of the next battle (deploy
choices, pilot levels, unit upgrades, story flags), the seed, and carrying a won battle's
EXP, kills, funds and `story_...` flags back into the campaign.

Pilot levels carry over as level + EXP toward the next level. A battle starts each pilot at
the higher of its campaign level and the level the scenario gives it (so a scenario can
bring a newcomer up to strength), with the EXP of that level counted again afterwards: the
engine starts units at 0 EXP within their level, and the EXP earned in battle is added to
the campaign's record.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from game.campaign.rules import CampaignRules
from game.campaign.state import CampaignError, CampaignState, PilotRecord, StageResult
from game.campaign.upgrades import upgrades_of
from game.core.defs import frozen_map
from game.core.script import Deployment
from game.core.state import BattleState
from game.scenario import BattleSetup, SetupError
from game.scenario.setup import PLAYER, FlagValue, Playable, player_deployments

SEED_SPACE = 2**31
STORY_PREFIX = "story_"


def start_campaign(order: Iterable[str], rules: CampaignRules, seed: int = 0) -> CampaignState:
    order = tuple(order)
    if not order:
        raise CampaignError("a campaign needs at least one scenario")
    return CampaignState(order=order, funds=rules.start_funds, seed=seed % SEED_SPACE)


def battle_seed(state: CampaignState) -> int:
    """The next battle's seed: fixed by the campaign's seed, the stage and the retries."""
    return (state.seed * 1_000_003 + state.stage * 9_973 + state.attempts * 101) % SEED_SPACE


def _player_units(scenario: Playable) -> list[Deployment]:
    return list(player_deployments(scenario.listed or scenario.deployments, scenario.context.script.triggers))


def roster(scenario: Playable) -> tuple[list[str], list[str]]:
    """The player's units (unit ids) and pilots (pilot ids) a scenario may field, in order."""
    units: list[str] = []
    pilots: list[str] = []
    for d in _player_units(scenario):
        if d.unit not in units:
            units.append(d.unit)
        if d.pilot is not None and d.pilot not in pilots:
            pilots.append(d.pilot)
    return units, pilots


def _scenario_levels(scenario: Playable) -> dict[str, int]:
    """Each player pilot's level as the scenario deploys it (the highest if it appears twice)."""
    pilots = scenario.context.defs.pilots
    out: dict[str, int] = {}
    for d in _player_units(scenario):
        if d.pilot is None:
            continue
        level = d.level if d.level is not None else pilots[d.pilot].level
        out[d.pilot] = max(out.get(d.pilot, 0), level)
    return out


def setup_for(state: CampaignState, scenario: Playable, rules: CampaignRules) -> BattleSetup:
    """What the campaign changes in `scenario` (as loaded, without a setup)."""
    levels = {
        p: max(level, state.pilots[p].level) if p in state.pilots else level
        for p, level in _scenario_levels(scenario).items()
    }
    units, _ = roster(scenario)
    upgrades = {u: frozen_map(steps) for u in units if (steps := upgrades_of(state, u, rules))}
    # EXP toward the next level rides into the battle, so a level-up happens at the right blow.
    exp = {
        p: state.pilots[p].exp
        for p, level in levels.items()
        if p in state.pilots and state.pilots[p].level == level and state.pilots[p].exp
    }
    picks = state.deploy.get(scenario.id)
    if picks is not None and scenario.deploy is not None:
        try:
            scenario.deploy.check(picks)
        except SetupError:
            picks = None  # the scenario changed since the choice was made: its default again
    else:
        picks = None
    return BattleSetup(
        deploy=picks,
        levels=frozen_map(levels),
        upgrades=frozen_map(upgrades),
        exp=frozen_map(exp),
        flags=state.flags,
    )


def choose_deployment(state: CampaignState, scenario: Playable, picks: Iterable[str | None]) -> CampaignState:
    """Remember who deploys where in `scenario` (a unit uid or None per deploy slot)."""
    if scenario.deploy is None:
        raise CampaignError(f"{scenario.title or scenario.id} has no deployment choice")
    picks = tuple(picks)
    try:
        scenario.deploy.check(picks)
    except SetupError as exc:
        raise CampaignError(str(exc)) from None
    return replace(state, deploy=frozen_map({**state.deploy, scenario.id: picks}))


@dataclass(frozen=True)
class PilotGain:
    pilot: str
    level_before: int
    level_after: int
    exp: int  # earned in this battle
    kills: int


@dataclass(frozen=True)
class BattleGains:
    funds: int
    pilots: tuple[PilotGain, ...]


def _start_levels(played: Playable) -> dict[str, int]:
    """Each pilot's level at the start of the battle that was played (its setup applied)."""
    levels = _scenario_levels(played)
    levels.update({p: lv for p, lv in played.setup.levels.items() if p in levels})
    return levels


def record_victory(
    state: CampaignState, played: Playable, final: BattleState, rules: CampaignRules
) -> tuple[CampaignState, BattleGains]:
    """Carry a won battle into the campaign: EXP and levels, kills, funds; on to the next stage.

    `played` is the scenario with the setup the battle started from (`scenario.with_setup`),
    `final` the battle's last state.
    """
    if state.complete:
        raise CampaignError("the campaign is already complete")
    if played.id != state.next_scenario:
        raise CampaignError(f"the campaign's next battle is {state.next_scenario!r}, not {played.id!r}")
    if final.outcome is None or final.outcome.winner != PLAYER:
        raise CampaignError("only a won battle moves the campaign on (retry the battle)")
    start = _start_levels(played)
    start_exp = played.setup.exp
    gained: dict[str, int] = {}
    kills: dict[str, int] = {}
    end: dict[str, tuple[int, int]] = {}  # the pilot's level and EXP as the battle ended
    for u in final.units.values():
        if u.side != PLAYER or u.pilot_id is None:
            continue
        pid = u.pilot_id
        begin = start.get(pid, u.level)
        earned = (u.level - begin) * rules.exp_per_level + u.exp - start_exp.get(pid, 0)
        gained[pid] = gained.get(pid, 0) + max(0, earned)
        kills[pid] = kills.get(pid, 0) + u.kills
        end[pid] = max(end.get(pid, (0, 0)), (u.level, u.exp))
    pilots = dict(state.pilots)
    report = []
    for pid, exp in gained.items():
        old = pilots.get(pid)
        level, rest = end[pid]
        if level >= rules.max_level:
            level, rest = rules.max_level, 0
        pilots[pid] = PilotRecord(level, rest, (old.kills if old else 0) + kills[pid])
        report.append(PilotGain(pid, old.level if old else start.get(pid, level), level, exp, kills[pid]))
    side = final.results.get(PLAYER)
    funds = side.funds if side is not None else 0
    result = StageResult(
        scenario=played.id,
        turns=final.turn,
        funds=funds,
        kills=side.kills if side is not None else 0,
        bonus=tuple(final.bonus),
        seed=final.seed,
        attempts=state.attempts + 1,
    )
    new = replace(
        state,
        stage=state.stage + 1,
        funds=state.funds + funds,
        pilots=frozen_map(pilots),
        history=(*state.history, result),
        attempts=0,
        flags=frozen_map({**state.flags, **story_flags(final.flags)}),
    )
    return new, BattleGains(funds, tuple(report))


def story_flags(flags: Mapping[str, Any]) -> dict[str, FlagValue]:
    """The flags of a battle the campaign keeps: those named `story_...` (others are the
    battle's own bookkeeping)."""
    return {k: v for k, v in flags.items() if k.startswith(STORY_PREFIX) and isinstance(v, bool | int | str)}


def record_defeat(state: CampaignState) -> CampaignState:
    """A lost battle: nothing carries over; the retry gets a fresh seed."""
    if state.complete:
        raise CampaignError("the campaign is already complete")
    return replace(state, attempts=state.attempts + 1)
