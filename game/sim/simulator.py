"""One scenario loaded once and played for seed after seed: the Simulator, the loading of
the game data with mods and `--set` overrides, and the record of a run (SimRun)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.core.defs import Definitions
from game.sim.results import BatchSpec, SimRun, SimulationError, UnitInfo

if TYPE_CHECKING:
    from game.ai.controller import Controller
    from game.scenario import Scenario
    from game.sim.runner import RunResult

# --set paths that would change a scenario rather than the game data.
SCENARIO_KINDS = ("scenario", "scenarios", "map", "maps")


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
        """Play one run (and write its replay file when the spec asks for replays)."""
        run, replay = self.play(seed)
        if replay is not None:
            self.write_replay(seed, replay)
        return run

    def play(self, seed: int) -> tuple[SimRun, dict[str, Any] | None]:
        """One run and, when the spec asks for replays, its replay file's JSON (written by
        the caller, so runs played on other machines land in this one's folder)."""
        from game.sim.runner import play_out

        state, _ = self.scenario.start(seed)
        result = play_out(state, self.controllers(), self.spec.max_turns)
        replay = self.replay(seed, result) if self.spec.replay_dir is not None else None
        return sim_run(seed, result), replay

    def replay(self, seed: int, result: RunResult) -> dict[str, Any]:
        """The run as the game records a replay: its commands with a checkpoint after each one,
        so `replay --verify` names the first command that plays differently."""
        from game.saves import record_replay

        spec = self.spec
        record = record_replay(
            self.scenario,
            seed,
            result.commands,
            data_hash=self.data_hash,
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
        return record.to_json()

    def write_replay(self, seed: int, replay: dict[str, Any]) -> Path:
        from game.saves import atomic_write_json

        assert self.spec.replay_dir is not None
        path = self.spec.replay_dir / replay_name(self.scenario.id, seed)
        atomic_write_json(path, replay, keep_backup=False)
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
    taken: dict[str, int] = {}
    for e in result.events:
        if isinstance(e, StrikeResolved) and e.hp_before > e.hp_after:
            damage[e.attacker] = damage.get(e.attacker, 0) + e.hp_before - e.hp_after
            taken[e.target] = taken.get(e.target, 0) + e.hp_before - e.hp_after
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
        damage_taken=dict(sorted(taken.items())),
        roster={u.uid: (u.unit_id, u.side) for u in final.units.values()},
    )
