"""The value types of a simulation batch: what to play (BatchSpec), one run's record
(SimRun), a batch's report (SimReport) and the error that stops one. They import nothing
of the simulator, so the batch runner, the simulator and the summaries can all use them."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from game.sim.summary import Summary


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
    damage: dict[str, int] = field(default_factory=dict)  # unit uid -> HP it took from others (dealt)
    kills: dict[str, int] = field(default_factory=dict)  # unit uid -> units it shot down or captured
    damage_taken: dict[str, int] = field(default_factory=dict)  # unit uid -> HP others took from it
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
