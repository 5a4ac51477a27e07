"""Play a scenario headless with an AI on every side, for balance checks and golden tests.

    from game.sim import simulate
    report = simulate("blue_comet_falls", seed=3, runs=10, jobs=2)
    report.runs[0].winner, report.runs[0].digest, report.summary.player_wins

Each run uses seed `seed + i`; the same seed always gives the same digest, whichever worker
process plays it (`jobs`), so results never depend on `--jobs`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.core.defs import Definitions

if TYPE_CHECKING:
    from game.ai.controller import Controller
    from game.scenario import Scenario
    from game.sim.runner import RunResult
    from game.sim.summary import Summary

# --set paths that would change a scenario rather than the game data.
SCENARIO_KINDS = ("scenario", "scenarios", "map", "maps")


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
    lost: dict[str, int] = field(default_factory=dict)  # side -> units destroyed or captured
    damage: dict[str, int] = field(default_factory=dict)  # unit uid -> HP it took from others
    kills: dict[str, int] = field(default_factory=dict)  # unit uid -> units it shot down or captured
    # uid -> (unit id, side) of every unit that took part (for the per-unit tables; not in JSON)
    roster: dict[str, tuple[str, str]] = field(default_factory=dict, compare=False, repr=False)

    def to_json(self) -> dict[str, Any]:
        out = asdict(self) | {"bonus": list(self.bonus), "problems": list(self.problems)}
        del out["roster"]
        return out


@dataclass(frozen=True)
class UnitInfo:
    """A unit that took part in some run (spawned units included)."""

    uid: str
    unit: str  # unit definition id
    name: str
    side: str


@dataclass(frozen=True)
class BatchSpec:
    """What to simulate: one scenario, its data (mods and overrides) and the AI per team."""

    scenario: str
    player_ai: str = "srw"
    enemy_ai: str = "srw"
    difficulty: str = "normal"
    max_turns: int = 30
    mods: tuple[Path, ...] = ()
    overrides: tuple[str, ...] = ()  # dotted data overrides, `units.braver.hp=3000`
    game_dir: Path | None = None
    replay_dir: Path | None = None  # write one replay file per run here


@dataclass(frozen=True)
class SimReport:
    scenario: str
    player_ai: str
    enemy_ai: str
    runs: tuple[SimRun, ...] = field(default_factory=tuple)
    overrides: tuple[str, ...] = ()
    data_hash: str = ""
    jobs: int = 1
    seconds: float = 0.0
    player_side: str = "player"
    sides: tuple[str, ...] = ()
    friendly_sides: tuple[str, ...] = ()  # the player's team (the player side included)
    bonus_ids: tuple[str, ...] = ()
    units: tuple[UnitInfo, ...] = ()

    def wins(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for r in self.runs:
            key = r.winner or "undecided"
            out[key] = out.get(key, 0) + 1
        return out

    @property
    def summary(self) -> Summary:
        from game.sim.summary import summarize

        return summarize(self)

    def to_json(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario,
            "player_ai": self.player_ai,
            "enemy_ai": self.enemy_ai,
            "overrides": list(self.overrides),
            "data_hash": self.data_hash,
            "wins": self.wins(),
            "summary": self.summary.to_json(),
            "runs": [r.to_json() for r in self.runs],
        }


class SimulationError(RuntimeError):
    """The scenario or the game data cannot be loaded; the message says why."""


def load_definitions(
    game_dir: Path | None = None, mods: Sequence[Path] = (), overrides: Sequence[str] = ()
) -> tuple[Definitions, list[Path]]:
    """The game's definitions (with mods and overrides) and the mod folders that loaded."""
    loaded = load_data(game_dir, mods, overrides)
    return loaded.definitions, [m.path for m in loaded.mods]


def load_data(game_dir: Path | None = None, mods: Sequence[Path] = (), overrides: Sequence[str] = ()) -> Any:
    """The data layer's LoadResult, or SimulationError naming every problem (a bad `--set`
    path among them). User mods are never loaded: a balance run must not depend on them."""
    from game.data import default_game_dir, load_game_data

    check_overrides(overrides)
    result = load_game_data(
        game_dir or default_game_dir(), list(mods), user_mods=False, overrides=overrides, check_assets_exist=False
    )
    if not result.ok:
        bad_sets = [p for p in result.errors if p.check == "override"]
        if bad_sets:
            raise SimulationError("bad --set:\n" + "\n".join(f"  {p}" for p in bad_sets))
        raise SimulationError("the game data has errors:\n" + result.format_problems())
    return result


def check_overrides(overrides: Sequence[str]) -> None:
    """Refuse scenario-level overrides with a message saying what to do instead."""
    for text in overrides:
        kind = text.partition("=")[0].strip().split(".")[0].lower()
        if kind in SCENARIO_KINDS:
            raise SimulationError(
                f"--set {text}: scenario-level overrides are not supported; --set changes game data "
                "(units, pilots, spirits, skills, abilities, statuses, terrain, rules). To try a changed "
                "scenario, copy its folder maps/<id>/ into a mod (my_mod/maps/<id>/), edit it there and "
                "pass --mods my_mod"
            )


class Simulator:
    """One scenario loaded once and played for seed after seed (one per worker process).

    SRW controllers are made fresh for every run but share one planner per difficulty, so
    the caches of pure results stay warm from run to run (they hold no history: a warm
    planner answers exactly as a fresh one does)."""

    def __init__(self, spec: BatchSpec, scenario: Scenario, data_hash: str) -> None:
        from game.ai import CONTROLLER_NAMES, DIFFICULTIES
        from game.ai.difficulty import difficulty, scale_enemies

        for name in (spec.player_ai, spec.enemy_ai):
            if name not in CONTROLLER_NAMES:
                raise ValueError(f"unknown AI controller {name!r}; choose one of {', '.join(CONTROLLER_NAMES)}")
        if spec.difficulty not in DIFFICULTIES:
            raise ValueError(f"unknown AI difficulty {spec.difficulty!r}; choose one of {', '.join(DIFFICULTIES)}")
        self.spec = spec
        # SRW-style difficulty: hard raises the player's foes (their levels and upgrades).
        self.scenario = scale_enemies(scenario, difficulty(spec.difficulty))
        self.data_hash = data_hash
        self.player = scenario.context.player_side
        self._planners: dict[str, Any] = {}

    @classmethod
    def load(cls, spec: BatchSpec, defs: Definitions | None = None) -> Simulator:
        """Load the data (unless `defs` are given) and the scenario; SimulationError says why not."""
        from game.scenario import ScenarioError, load_scenario

        mods = list(spec.mods)
        data_hash = ""
        if defs is None:
            loaded = load_data(spec.game_dir, mods, spec.overrides)
            defs, mods, data_hash = loaded.definitions, [m.path for m in loaded.mods], loaded.data_hash
        elif spec.overrides:
            raise ValueError("overrides need the data loaded here (pass defs=None)")
        try:
            scenario = load_scenario(spec.scenario, defs, root=spec.game_dir, mods=mods)
        except ScenarioError as exc:
            raise SimulationError(str(exc)) from None
        return cls(spec, scenario, data_hash)

    def controllers(self) -> dict[str, Controller]:
        from game.ai.controller import side_controllers

        spec = self.spec
        return side_controllers(self.scenario.context, spec.player_ai, spec.enemy_ai, spec.difficulty, self._planners)

    def run(self, seed: int) -> SimRun:
        from game.sim.runner import play_out

        state, _ = self.scenario.start(seed)
        result = play_out(state, self.controllers(), self.spec.max_turns)
        if self.spec.replay_dir is not None:
            self.write_replay(seed, result)
        return sim_run(seed, result)

    def write_replay(self, seed: int, result: RunResult) -> Path:
        from game.saves import BattleRecord, atomic_write_json

        spec = self.spec
        record = BattleRecord(
            scenario=self.scenario.id,
            seed=seed,
            commands=tuple(result.commands),
            digest=result.state.digest(),
            data_hash=self.data_hash,
            kind="replay",
            extra={
                "player_ai": spec.player_ai,
                "enemy_ai": spec.enemy_ai,
                "difficulty": spec.difficulty,
                "max_turns": spec.max_turns,
                "mods": [str(m) for m in spec.mods],
                "overrides": list(spec.overrides),
                "winner": result.winner,
                "reason": result.reason,
                "turns": result.turns,
            },
        )
        assert spec.replay_dir is not None
        path = spec.replay_dir / replay_name(self.scenario.id, seed)
        atomic_write_json(path, record.to_json(), keep_backup=False)
        return path

    def units(self, runs: Sequence[SimRun]) -> tuple[UnitInfo, ...]:
        """Every unit that took part in some run, starting units first."""
        defs = self.scenario.context.defs
        state, _ = self.scenario.start(0)
        start = list(state.units)
        roster: dict[str, tuple[str, str]] = {}
        for r in runs:
            roster.update(r.roster)
        out = []
        for uid in sorted(roster, key=lambda u: (u not in start, start.index(u) if u in start else 0, u)):
            unit_id, side = roster[uid]
            udef = defs.units.get(unit_id)
            out.append(UnitInfo(uid, unit_id, udef.name if udef else unit_id, side))
        return tuple(out)


def replay_name(scenario: str, seed: int) -> str:
    return f"{scenario}_seed{seed}.json"


def sim_run(seed: int, result: RunResult) -> SimRun:
    """The record of one run: outcome, tallies per side and per unit."""
    from game.core.events import StrikeResolved

    final = result.state
    damage: dict[str, int] = {}
    for e in result.events:
        if isinstance(e, StrikeResolved) and e.hp_before > e.hp_after:
            damage[e.attacker] = damage.get(e.attacker, 0) + e.hp_before - e.hp_after
    lost: dict[str, int] = {s.id: 0 for s in final.ctx.sides}
    for u in final.units.values():
        if u.status in ("destroyed", "captured"):
            lost[u.side] = lost.get(u.side, 0) + 1
    return SimRun(
        seed=seed,
        winner=result.winner,
        reason=result.reason,
        turns=result.turns,
        digest=final.digest(),
        bonus=tuple(final.bonus),
        commands=len(result.commands),
        forced_phase_ends=result.forced_phase_ends,
        problems=tuple(result.problems),
        lost=lost,
        damage=dict(sorted(damage.items())),
        kills={u.uid: u.kills for u in sorted(final.units.values(), key=lambda u: u.uid) if u.kills},
        roster={u.uid: (u.unit_id, u.side) for u in final.units.values()},
    )


def default_jobs() -> int:
    """One worker per CPU this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on every platform
        return max(1, os.cpu_count() or 1)


def simulate(
    scenario_id: str,
    seed: int = 0,
    runs: int = 1,
    *,
    player_ai: str = "srw",
    enemy_ai: str = "srw",
    difficulty: str = "normal",
    mods: Sequence[Path | str] = (),
    overrides: Sequence[str] = (),
    max_turns: int = 30,
    defs: Definitions | None = None,
    game_dir: Path | None = None,
    jobs: int = 1,
    replay_dir: Path | None = None,
    progress: Callable[[SimRun], None] | None = None,
) -> SimReport:
    """Play `runs` battles of `scenario_id` (seeds `seed`, `seed + 1`, ...) with AI controllers.

    `player_ai` drives the player's team (player and allies), `enemy_ai` everyone else.
    `jobs` > 1 plays the runs in that many worker processes; `progress` is called in this
    process after each run. Raises SimulationError (data, scenario or `overrides`
    problems) or ValueError (unknown AI name or difficulty).
    """
    import time

    from game.sim.batch import run_batch

    if runs < 1:
        raise ValueError("runs must be at least 1")
    spec = BatchSpec(
        scenario_id,
        player_ai,
        enemy_ai,
        difficulty,
        max_turns,
        tuple(Path(m) for m in mods),
        tuple(overrides),
        game_dir,
        replay_dir,
    )
    started = time.perf_counter()
    sim = Simulator.load(spec, defs)
    seeds = list(range(seed, seed + runs))
    jobs = max(1, min(jobs, runs))
    done = run_batch(sim, seeds, jobs, progress)
    ctx = sim.scenario.context
    bonus_ids = tuple(dict.fromkeys(b.id for objs in ctx.script.objectives.values() for b in objs.bonus))
    return SimReport(
        scenario=scenario_id,
        player_ai=player_ai,
        enemy_ai=enemy_ai,
        runs=tuple(done),
        overrides=tuple(overrides),
        data_hash=sim.data_hash,
        jobs=jobs,
        seconds=time.perf_counter() - started,
        player_side=sim.player,
        sides=tuple(s.id for s in ctx.sides),
        friendly_sides=tuple(s.id for s in ctx.sides if ctx.friendly(s.id, sim.player)),
        bonus_ids=bonus_ids,
        units=sim.units(done),
    )
