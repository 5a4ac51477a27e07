"""Loading a saved battle back into play.

With the same game data, the saved state is used as it is, after checking it against its
digest, the engine's invariants and its command log (which must replay to it). With
different data (a mod changed, the game was updated), the state may no longer mean the
same thing, so the battle is rebuilt by replaying its command log from the seed; the
player is told. If the log no longer plays, the save is refused with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.core.commands import Command
from game.core.state import BattleState
from game.saves.records import BattleRecord
from game.saves.replays import Cursor, ReplayError, ScenarioLoader, data_mismatch, scenario_for
from game.saves.state_check import describe_problems, state_problems
from game.scenario.setup import Playable


@dataclass(frozen=True)
class Restored:
    scenario: Playable  # the record's setup applied
    state: BattleState
    commands: tuple[Command, ...]
    note: str | None = None  # tell the player this (the battle was rebuilt)

    @property
    def rebuilt(self) -> bool:
        return self.note is not None


def restore(record: BattleRecord, data_hash: str, load: ScenarioLoader) -> Restored:
    """The battle `record` holds, ready to continue; ReplayError says why it cannot be."""
    scenario = scenario_for(record, load)
    mismatch = data_mismatch(record, data_hash)
    if mismatch is None and record.state is not None:
        try:
            state = BattleState.from_json(record.state, scenario.context)
        except (KeyError, TypeError, ValueError, AttributeError, IndexError, OverflowError) as exc:
            raise ReplayError(f"its battle state is damaged ({type(exc).__name__}: {exc})") from None
        if state.digest() != record.digest:
            raise ReplayError("its battle state does not match its checksum (the file was changed by hand or damaged)")
        problems = state_problems(state)
        if problems:
            raise ReplayError(f"its battle state is impossible (the file was changed): {describe_problems(problems)}")
        # The battle goes on from the saved state, but its log is replayed later (the battle
        # log, a saved replay): it must play and lead to that state. The engine is fast
        # enough that checking costs little even for a long battle.
        cursor = Cursor.start(scenario, record.seed, record.commands)
        try:
            while not cursor.done:
                cursor.step()
        except ReplayError as exc:
            raise ReplayError(f"its command log does not play (the file was changed or damaged): {exc}") from None
        if cursor.state.digest() != record.digest:
            raise ReplayError(
                "its command log does not lead to its saved battle state (the file was changed or damaged)"
            )
        return Restored(scenario, state, record.commands)
    cursor = Cursor.start(scenario, record.seed, record.commands)
    try:
        while not cursor.done:
            cursor.step()
    except ReplayError as exc:
        why = mismatch or "it has no saved state"
        raise ReplayError(f"{why}, and it cannot be rebuilt from its command log: {exc}") from None
    if mismatch is None:
        if cursor.state.digest() != record.digest:
            raise ReplayError("its command log does not lead to the saved battle (the file was changed or damaged)")
        return Restored(scenario, cursor.state, record.commands)
    same = cursor.state.digest() == record.digest
    note = (
        f"The game data changed since this battle was saved, so it was rebuilt by replaying its "
        f"{len(record.commands)} commands: "
        + ("the battle is exactly as you left it." if same else "units and numbers may differ from what you saw.")
    )
    return Restored(scenario, cursor.state, record.commands, note)
