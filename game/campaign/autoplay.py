"""The whole campaign played headless (`run_game.py simulate --campaign --runs N`): the SRW
AI fights every battle on every side, and between battles `game.campaign.policy` deploys,
shops and trains. A lost battle is retried with the campaign's next seed, up to
`tries` times; a campaign that still loses stops there. At the story's branch the policy
takes the first route (`route` picks another). Reports per stage: win rate,
turns, funds earned and spent, PP earned and spent, pilot levels and parts owned."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.campaign import (
    CampaignRules,
    CampaignState,
    battle_seed,
    owned,
    record_defeat,
    record_victory,
    setup_for,
    start_campaign,
)
from game.campaign.policy import prepare
from game.campaign.story import Story, choose_route, pending_branch
from game.sim.runner import play_out  # the campaign sits above sim (docs/ARCHITECTURE.md)


@dataclass
class StageRow:
    """One stage of one campaign run."""

    scenario: str
    won: bool = False
    attempts: int = 0
    turns: int = 0  # of the won battle
    funds_start: int = 0  # funds on entering the intermission before the stage
    funds_spent: int = 0  # in that intermission
    funds_earned: int = 0  # by the won battle (kills, bonus objectives, bosses driven off)
    reward_funds: int = 0  # of funds_earned: bonus objectives and bosses
    pp_earned: int = 0
    pp_spent: int = 0
    bonus: int = 0  # bonus objectives achieved
    level: float = 0.0  # mean level of the pilots who fought, after the battle
    top_level: int = 0
    parts: int = 0  # parts owned after the battle (stock and slots)
    aces: int = 0
    top_kills: int = 0  # the most kills of any pilot, in the whole campaign so far
    full_bonuses: int = 0


@dataclass
class CampaignRun:
    seed: int
    stages: list[StageRow] = field(default_factory=list)
    funds_left: int = 0  # at the end of the campaign (or where it stopped)
    route: str | None = None  # taken at the story's branch

    @property
    def complete(self) -> bool:
        return bool(self.stages) and all(s.won for s in self.stages)

    def to_json(self) -> dict[str, Any]:
        return {
            "seed": self.seed,
            "route": self.route,
            "funds_left": self.funds_left,
            "stages": [vars(s) for s in self.stages],
        }


def play_campaign(
    result: Any,
    order: Sequence[str],
    seed: int,
    *,
    tries: int = 3,
    difficulty: str = "normal",
    max_turns: int = 30,
    root: Path | None = None,
    mods: Sequence[Path] = (),
    story: Story | None = None,
    route: int = 0,
) -> CampaignRun:
    """Play the campaign `order` once, from `start_campaign(order, rules, seed)`; at the
    story's branch (if `story` has one) the policy takes route number `route`."""
    from game.ai.controller import side_controllers
    from game.scenario import load_scenario

    rules = CampaignRules.from_data(result)
    state = start_campaign(order, rules, seed=seed)
    run = CampaignRun(seed)
    planners: dict[str, Any] = {}
    while True:
        branch = pending_branch(state, story) if story is not None else None
        if branch is not None and story is not None:  # a branch may follow the last linear stage
            state = choose_route(state, story, branch.routes[min(route, len(branch.routes) - 1)].id)
            run.route = state.route
        if state.complete:
            break
        sid = state.next_scenario or ""
        scenario = load_scenario(sid, result, root=root, mods=mods)
        row = StageRow(sid, funds_start=state.funds)
        state, spent = prepare(state, scenario, rules)
        row.funds_spent, row.pp_spent = spent.funds, spent.pp
        run.stages.append(row)
        for _ in range(tries):
            row.attempts += 1
            played = scenario.with_setup(setup_for(state, scenario, rules))
            start, _ = played.start(battle_seed(state))
            controllers = side_controllers(played.context, "srw", "srw", difficulty, planners)
            final = play_out(start, controllers, max_turns).state
            if final.outcome is not None and final.outcome.winner == "player":
                state, gains = record_victory(state, played, final, rules)
                _fill(row, state, gains, final, rules)
                break
            state = record_defeat(state)
        if not row.won:
            break
    run.funds_left = state.funds
    return run


def _fill(row: StageRow, state: CampaignState, gains: Any, final: Any, rules: CampaignRules) -> None:
    row.won = True
    row.turns = final.turn
    row.funds_earned = gains.total_funds
    row.reward_funds = gains.reward_funds
    row.pp_earned = sum(g.pp for g in gains.pilots)
    row.bonus = len(final.bonus)
    levels = [g.level_after for g in gains.pilots]
    row.level = sum(levels) / len(levels) if levels else 0.0
    row.top_level = max(levels, default=0)
    row.parts = sum(owned(state, p) for p in rules.growth.parts)
    row.aces = sum(1 for r in state.pilots.values() if r.kills >= rules.growth.ace_kills)
    row.top_kills = max((r.kills for r in state.pilots.values()), default=0)
    row.full_bonuses = len(state.full_bonus)


def simulate_campaign(
    result: Any,
    order: Sequence[str],
    seed: int,
    runs: int,
    *,
    tries: int = 3,
    difficulty: str = "normal",
    max_turns: int = 30,
    root: Path | None = None,
    mods: Sequence[Path] = (),
    story: Story | None = None,
    route: int = 0,
    progress: Callable[[CampaignRun], None] | None = None,
) -> list[CampaignRun]:
    out = []
    for i in range(runs):
        run = play_campaign(
            result,
            order,
            seed + i,
            tries=tries,
            difficulty=difficulty,
            max_turns=max_turns,
            root=root,
            mods=mods,
            story=story,
            route=route,
        )
        out.append(run)
        if progress is not None:
            progress(run)
    return out


def format_table(runs: Sequence[CampaignRun], order: Sequence[str], titles: dict[str, str] | None = None) -> str:
    """The per-stage table (means over the runs that reached each stage) and the totals. The
    stages are those the longest run played (a route's stages included), else `order`."""
    titles = titles or {}
    longest = max(runs, key=lambda r: len(r.stages), default=None)
    if longest is not None and len(longest.stages) >= len(order):
        order = [s.scenario for s in longest.stages]
    head = (
        f"{'stage':<22} {'reached':>7} {'win%':>5} {'turns':>5} {'funds in':>9} {'spent':>8} {'earned':>8} "
        f"{'rewards':>8} {'PP':>5} {'PP spent':>8} {'★':>3} {'lvl':>5} {'top':>4} {'parts':>5} {'kills':>5} "
        f"{'aces':>4} {'full':>4}"
    )
    lines = [head, "-" * len(head)]
    for i, sid in enumerate(order):
        rows = [r.stages[i] for r in runs if len(r.stages) > i]
        if not rows:
            lines.append(f"{titles.get(sid, sid)[:22]:<22} {0:>7}")
            continue
        won = [r for r in rows if r.won]
        attempts = sum(r.attempts for r in rows)

        def mean(values: list[float]) -> float:
            return sum(values) / len(values) if values else 0.0

        lines.append(
            f"{titles.get(sid, sid)[:22]:<22} {len(rows):>7} {100 * len(won) / attempts if attempts else 0:>5.0f} "
            f"{mean([r.turns for r in won]):>5.1f} {mean([r.funds_start for r in rows]):>9,.0f} "
            f"{mean([r.funds_spent for r in rows]):>8,.0f} {mean([r.funds_earned for r in won]):>8,.0f} "
            f"{mean([r.reward_funds for r in won]):>8,.0f} {mean([r.pp_earned for r in won]):>5.0f} "
            f"{mean([r.pp_spent for r in rows]):>8.0f} {mean([r.bonus for r in won]):>3.1f} "
            f"{mean([r.level for r in won]):>5.1f} {mean([r.top_level for r in won]):>4.0f} "
            f"{mean([r.parts for r in won]):>5.1f} {mean([r.top_kills for r in won]):>5.0f} "
            f"{mean([r.aces for r in won]):>4.1f} "
            f"{mean([r.full_bonuses for r in won]):>4.1f}"
        )
    done = [r for r in runs if r.complete]
    lines.append("")
    lines.append(f"campaigns completed: {len(done)}/{len(runs)}")
    if done:
        start = [r.stages[0].funds_start for r in done]
        earned = [sum(s.funds_earned for s in r.stages) for r in done]
        spent = [sum(s.funds_spent for s in r.stages) for r in done]
        before = [st + sum(s.funds_earned for s in r.stages[:-1]) for st, r in zip(start, done, strict=True)]
        n = len(done)
        lines.append(
            f"per campaign: start funds {sum(start) / n:,.0f}, earned {sum(earned) / n:,.0f} "
            f"(the finale {sum(r.stages[-1].funds_earned for r in done) / n:,.0f}), spent {sum(spent) / n:,.0f}, "
            f"left {sum(r.funds_left for r in done) / n:,.0f}"
        )
        lines.append(
            f"spent: {100 * sum(spent) / max(1, sum(before)):.0f}% of what there was to spend before the finale, "
            f"{100 * sum(spent) / max(1, sum(start) + sum(earned)):.0f}% of all the campaign's funds"
        )
    return "\n".join(lines)
