"""Replays: record a battle's command log with per-command checkpoints, verify a replay
headless, and step through one for the viewer.

A replay is a `BattleRecord` of kind "replay": scenario id, setup, seed, commands, the final
digest and (optionally) a short digest after every command, so verification can name the
first command where the replayed battle parts from the recorded one. Any battle record
(suspend, autosave, slot) can be verified and played the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from game.core.commands import Command
from game.core.engine import apply
from game.core.errors import IllegalCommand
from game.core.events import Event
from game.core.state import BattleState
from game.saves.records import CHECKPOINT_CHARS, BattleRecord
from game.scenario import ScenarioError, SetupError
from game.scenario.setup import Playable

# scenario id -> the loaded scenario; raises ScenarioError (or ReplayError with its own message)
ScenarioLoader = Callable[[str], Playable]


class ReplayError(Exception):
    """The record cannot be replayed here; the message says why (and how to go on, if one can)."""


def describe(command: Command) -> str:
    """A command as a person reads it: `attack layzner -> braver_2 with calf_missile (counter)`."""
    data = command.to_json()
    kind = data.pop("kind")
    parts = [str(v) if not isinstance(v, list) else f"({v[0]}, {v[1]})" for v in data.values() if v is not None]
    return f"{kind} {' '.join(parts)}".strip()


def where(state: BattleState) -> str:
    return f"turn {state.turn}, {state.side} phase"


def scenario_for(record: BattleRecord, load: ScenarioLoader) -> Playable:
    """The record's scenario with its setup applied; ReplayError when that is impossible."""
    try:
        scenario = load(record.scenario)
    except (ScenarioError, ReplayError) as exc:
        raise ReplayError(f"its scenario {record.scenario!r} cannot be loaded:\n{exc}") from None
    try:
        return scenario.with_setup(record.setup)
    except SetupError as exc:
        raise ReplayError(f"its battle setup does not fit scenario {record.scenario!r}: {exc}") from None


def data_mismatch(record: BattleRecord, data_hash: str) -> str | None:
    """Why the record's game data differs from ours, or None when it is the same data."""
    if record.data_hash == data_hash:
        return None
    return (
        f"it was recorded with different game data (data hash {record.data_hash[:12]}..., "
        f"this game has {data_hash[:12]}...): units, pilots or rules were changed or modded"
    )


def checkpoint(state: BattleState) -> str:
    return state.digest()[:CHECKPOINT_CHARS]


@dataclass
class Cursor:
    """Steps through a command log from the scenario's start: the viewer and verify use it."""

    scenario: Playable
    commands: Sequence[Command]
    state: BattleState
    opening: list[Event] = field(default_factory=list)  # events of the battle's start
    index: int = 0  # commands applied so far

    @classmethod
    def start(cls, scenario: Playable, seed: int, commands: Sequence[Command]) -> Cursor:
        state, events = scenario.start(seed)
        return cls(scenario, commands, state, list(events))

    @property
    def done(self) -> bool:
        return self.index >= len(self.commands)

    def step(self) -> tuple[Command, list[Event]]:
        """Apply the next command; ReplayError (state unchanged) if the rules refuse it."""
        cmd = self.commands[self.index]
        try:
            self.state, events = apply(self.state, cmd)
        except IllegalCommand as exc:
            raise ReplayError(
                f"command {self.index + 1} of {len(self.commands)} ({where(self.state)}: {describe(cmd)}) "
                f"is refused by the rules: {exc}"
            ) from None
        self.index += 1
        return cmd, events


def record_replay(
    scenario: Playable,
    seed: int,
    commands: Sequence[Command],
    *,
    data_hash: str,
    extra: dict[str, Any] | None = None,
) -> BattleRecord:
    """A replay of `commands` from the start of `scenario` (its setup applied already), with
    a checkpoint after every command. Replays the log once; ReplayError if it does not play."""
    cursor = Cursor.start(scenario, seed, commands)
    checkpoints = []
    while not cursor.done:
        cursor.step()
        checkpoints.append(checkpoint(cursor.state))
    record = BattleRecord.of(
        cursor.state,
        tuple(commands),
        data_hash=data_hash,
        kind="replay",
        setup=scenario.setup,
        extra=extra,
        checkpoints=tuple(checkpoints),
    )
    return record


@dataclass(frozen=True)
class Verification:
    ok: bool
    message: str
    diverged_at: int | None = None  # 1-based number of the first command whose result differs
    state: BattleState | None = None  # where the replay stopped


def verify(record: BattleRecord, data_hash: str, load: ScenarioLoader, *, force: bool = False) -> Verification:
    """Replay `record` headless and compare with what it recorded.

    ReplayError when it cannot be tried at all: different game data (unless `force`), or a
    scenario or setup that no longer loads.
    """
    mismatch = data_mismatch(record, data_hash)
    if mismatch and not force:
        raise ReplayError(f"{mismatch}. Refusing to verify (use --force to replay it anyway).")
    cursor = Cursor.start(scenario_for(record, load), record.seed, record.commands)
    total = len(record.commands)
    note = f" ({mismatch}; replayed anyway)" if mismatch else ""
    while not cursor.done:
        before = where(cursor.state)
        try:
            cmd, _ = cursor.step()
        except ReplayError as exc:
            return Verification(False, f"{exc}{note}", cursor.index + 1, cursor.state)
        if record.checkpoints:
            got = checkpoint(cursor.state)
            if got != record.checkpoints[cursor.index - 1]:
                return Verification(
                    False,
                    f"the replay parts from the recording at command {cursor.index} of {total} "
                    f"({before}: {describe(cmd)}): expected state {record.checkpoints[cursor.index - 1]}..., "
                    f"got {got}...{note}",
                    cursor.index,
                    cursor.state,
                )
    digest = cursor.state.digest()
    if digest != record.digest:
        return Verification(
            False,
            f"the final state differs after {total} commands ({where(cursor.state)}): "
            f"expected digest {record.digest}, got {digest}{note}",
            None,
            cursor.state,
        )
    outcome = cursor.state.outcome
    ending = f"{outcome.winner} won: {outcome.reason}" if outcome else f"unfinished, {where(cursor.state)}"
    return Verification(True, f"OK: {total} commands replay to digest {digest} ({ending}){note}", None, cursor.state)
