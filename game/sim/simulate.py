"""Play a scenario headless with an AI on every side, for balance checks and golden tests.

    from game.sim import simulate
    report = simulate("blue_comet_falls", seed=3, runs=10)
    report.runs[0].winner, report.runs[0].digest

Each run uses seed `seed + i`; the same seed always gives the same digest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from game.core.defs import Definitions


@dataclass(frozen=True)
class SimRun:
    seed: int
    winner: str | None  # None: the turn cap ended the run undecided
    reason: str
    turns: int
    digest: str  # of the final state
    bonus: tuple[str, ...] = ()
    commands: int = 0
    forced_phase_ends: int = 0
    problems: tuple[str, ...] = ()  # bad `ai:` blocks the AI reported (those units played by default)


@dataclass(frozen=True)
class SimReport:
    scenario: str
    player_ai: str
    enemy_ai: str
    runs: tuple[SimRun, ...] = field(default_factory=tuple)

    def wins(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for r in self.runs:
            key = r.winner or "undecided"
            out[key] = out.get(key, 0) + 1
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario,
            "player_ai": self.player_ai,
            "enemy_ai": self.enemy_ai,
            "wins": self.wins(),
            "runs": [asdict(r) | {"bonus": list(r.bonus), "problems": list(r.problems)} for r in self.runs],
        }


class SimulationError(RuntimeError):
    """The scenario or the game data cannot be loaded; the message says why."""


def load_definitions(game_dir: Path | None = None, mods: Sequence[Path] = ()) -> tuple[Definitions, list[Path]]:
    """The game's definitions (with mods) and the mod folders that loaded, for scenario lookup."""
    from game.data import default_game_dir, load_game_data

    result = load_game_data(game_dir or default_game_dir(), list(mods), user_mods=False, check_assets_exist=False)
    if not result.ok:
        raise SimulationError("the game data has errors:\n" + result.format_problems())
    return result.definitions, [m.path for m in result.mods]


def simulate(
    scenario_id: str,
    seed: int = 0,
    runs: int = 1,
    *,
    player_ai: str = "srw",
    enemy_ai: str = "srw",
    mods: Sequence[Path | str] = (),
    max_turns: int = 30,
    defs: Definitions | None = None,
    game_dir: Path | None = None,
) -> SimReport:
    """Play `runs` battles of `scenario_id` (seeds `seed`, `seed + 1`, ...) with AI controllers.

    `player_ai` drives the player's team (player and allies), `enemy_ai` everyone else.
    Raises SimulationError (data or scenario problems) or ValueError (unknown AI name).
    """
    from game.ai import make_controller
    from game.scenario import ScenarioError, load_scenario
    from game.sim.runner import play_out

    mod_dirs = [Path(m) for m in mods]
    if defs is None:
        defs, mod_dirs = load_definitions(game_dir, mod_dirs)
    try:
        scenario = load_scenario(scenario_id, defs, root=game_dir, mods=mod_dirs)
    except ScenarioError as exc:
        raise SimulationError(str(exc)) from None
    ctx = scenario.context
    player = "player" if ctx.has_side("player") else ctx.sides[0].id
    out: list[SimRun] = []
    for i in range(runs):
        state, _ = scenario.start(seed + i)
        controllers = {s.id: make_controller(player_ai if ctx.friendly(s.id, player) else enemy_ai) for s in ctx.sides}
        result = play_out(state, controllers, max_turns)
        final = result.state
        out.append(
            SimRun(
                seed=seed + i,
                winner=result.winner,
                reason=result.reason,
                turns=result.turns,
                digest=final.digest(),
                bonus=tuple(final.bonus),
                commands=len(result.commands),
                forced_phase_ends=result.forced_phase_ends,
                problems=tuple(result.problems),
            )
        )
    return SimReport(scenario_id, player_ai, enemy_ai, tuple(out))
