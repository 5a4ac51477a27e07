"""The campaign and its battles: starting a campaign, the setup of the next battle (deploy
choices, pilot levels, unit upgrades, parts, training, ace and full-upgrade bonuses, story
flags), the seed, and carrying a won battle's EXP, kills, funds, pilot points, rewards
(bonus objectives, bosses driven off) and `story_...` flags back into the campaign.

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

from game.campaign.bonuses import ace_parts, full_bonus_of, is_ace
from game.campaign.growth import Reward
from game.campaign.parts import battle_parts
from game.campaign.rules import CampaignRules
from game.campaign.state import MAX_FUNDS, CampaignError, CampaignState, PilotRecord, StageResult
from game.campaign.training import pilot_training
from game.campaign.upgrades import upgrades_of
from game.core.defs import frozen_map
from game.core.script import Deployment
from game.core.state import RETREATED, BattleState
from game.scenario import BattleSetup, SetupError
from game.scenario.setup import PLAYER, FlagValue, Playable, player_deployments

SEED_SPACE = 2**31
STORY_PREFIX = "story_"


def start_campaign(order: Iterable[str], rules: CampaignRules, seed: int = 0) -> CampaignState:
    order = tuple(order)
    if not order:
        raise CampaignError("a campaign needs at least one scenario")
    return CampaignState(
        order=order, funds=rules.start_funds, seed=seed % SEED_SPACE, parts=frozen_map(dict(rules.growth.start_parts))
    )


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
    units, pilots = roster(scenario)
    upgrades = {u: frozen_map(steps) for u in units if (steps := upgrades_of(state, u, rules))}
    parts: dict[str, tuple[str, ...]] = {}
    for u in units:
        bonus = full_bonus_of(state, u, rules)
        carried = battle_parts(state, u, rules)
        if bonus is not None and bonus in rules.growth.parts:
            carried = (*carried, bonus)
        if carried:
            parts[u] = carried
    pilot_parts = {p: aces for p in pilots if (aces := ace_parts(state, p, rules))}
    training = {p: t for p in pilots if p in state.pilots and (t := pilot_training(state.pilots[p], rules))}
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
        parts=frozen_map(parts),
        pilot_parts=frozen_map(pilot_parts),
        training=frozen_map(training),
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
    pp: int = 0  # pilot points earned
    new_ace: bool = False  # reached the ace kill count in this battle


@dataclass(frozen=True)
class Payment:
    """A reward earned in the battle: a bonus objective achieved or a boss driven off."""

    what: str  # bonus objective id, or "boss:<uid>"
    reward: Reward
    label: str = ""  # the objective's text, or "<pilot> driven off"


@dataclass(frozen=True)
class BattleGains:
    funds: int  # from shooting enemies down
    pilots: tuple[PilotGain, ...]
    payments: tuple[Payment, ...] = ()

    @property
    def reward_funds(self) -> int:
        return sum(p.reward.funds for p in self.payments)

    @property
    def total_funds(self) -> int:
        return self.funds + self.reward_funds


def payments(played: Playable, final: BattleState, rules: CampaignRules) -> list[Payment]:
    """What the bonus objectives achieved and the bosses driven off pay."""
    growth = rules.growth
    texts = {o.id or o.text: o.text for objs in played.context.script.objectives.values() for o in objs.bonus}
    out = [Payment(b, growth.reward(played.id, b), texts.get(b, b)) for b in final.bonus]
    defs = final.ctx.defs
    for u in final.units.values():
        if u.side == PLAYER or u.status != RETREATED or u.ai.get("behaviour") != "boss":
            continue
        funds = defs.units[u.unit_id].funds * growth.boss_funds_pct // 100
        pilot = defs.pilots.get(u.pilot_id) if u.pilot_id is not None else None
        who = pilot.name if pilot is not None else defs.units[u.unit_id].name
        out.append(Payment("boss:" + u.uid, Reward(funds, growth.boss_pp), f"{who} driven off"))
    return out


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
    pays = payments(played, final, rules)
    growth = rules.growth
    shared_pp = growth.pp_per_battle + sum(p.reward.pp for p in pays)
    pilots = dict(state.pilots)
    report = []
    for pid, exp in gained.items():
        old = pilots.get(pid) or PilotRecord(start.get(pid, 1))
        level, rest = end[pid]
        if level >= rules.max_level:
            level, rest = rules.max_level, 0
        pp = shared_pp + kills[pid] * growth.pp_per_kill
        pilots[pid] = replace(old, level=level, exp=rest, kills=old.kills + kills[pid], pp=old.pp + pp)
        ace_now = pilots[pid].kills >= growth.ace_kills and not is_ace(state, pid, rules)
        before = state.pilots[pid].level if pid in state.pilots else start.get(pid, level)
        report.append(PilotGain(pid, before, level, exp, kills[pid], pp, ace_now))
    side = final.results.get(PLAYER)
    funds = side.funds if side is not None else 0
    stock = dict(state.parts)
    earned_parts = tuple(p.reward.part for p in pays if p.reward.part is not None and p.reward.part in growth.parts)
    for part in earned_parts:
        stock[part] = stock.get(part, 0) + 1
    reward_funds = sum(p.reward.funds for p in pays)
    result = StageResult(
        scenario=played.id,
        turns=final.turn,
        funds=funds,
        kills=side.kills if side is not None else 0,
        bonus=tuple(final.bonus),
        seed=final.seed,
        attempts=state.attempts + 1,
        reward_funds=reward_funds,
        pp=sum(g.pp for g in report),
        parts=earned_parts,
    )
    new = replace(
        state,
        stage=state.stage + 1,
        funds=min(MAX_FUNDS, state.funds + funds + reward_funds),
        pilots=frozen_map(pilots),
        history=(*state.history, result),
        attempts=0,
        parts=frozen_map(stock),
        flags=frozen_map({**state.flags, **story_flags(final.flags)}),
    )
    return new, BattleGains(funds, tuple(report), tuple(pays))


def story_flags(flags: Mapping[str, Any]) -> dict[str, FlagValue]:
    """The flags of a battle the campaign keeps: those named `story_...` (others are the
    battle's own bookkeeping)."""
    return {k: v for k, v in flags.items() if k.startswith(STORY_PREFIX) and isinstance(v, bool | int | str)}


def record_defeat(state: CampaignState) -> CampaignState:
    """A lost battle: nothing carries over; the retry gets a fresh seed."""
    if state.complete:
        raise CampaignError("the campaign is already complete")
    return replace(state, attempts=state.attempts + 1)
