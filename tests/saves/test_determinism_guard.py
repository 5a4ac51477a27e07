"""The determinism guard: a battle saved mid-way (through the real save files), loaded and
played on ends exactly where the uninterrupted battle ends, for every shipped scenario."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from game.core import apply
from game.data import LoadResult
from game.saves import BattleRecord, SaveSlots, SuspendFiles, restore
from game.sim import play_out
from tests.saves.conftest import CAMPAIGN, Played, ai_sides

EXTRA_PLAYER_COMMANDS = 2  # save inside the player phase, not only at its start


@pytest.mark.parametrize("sid", CAMPAIGN)
def test_save_load_and_continue_gives_the_same_battle(
    sid: str, tmp_path: Path, played: dict[str, Played], game_data: LoadResult, loader: Callable
) -> None:
    whole = played[sid]
    scenario = whole.scenario
    start, _ = scenario.start(whole.seed)
    # The AI plays to the start of a player phase about half way through...
    half = max(1, whole.final.turn // 2)
    first = play_out(start, ai_sides(scenario), max_turns=half)  # type: ignore[arg-type]
    state, log = first.state, list(first.commands)
    assert state.side == "player" and state.outcome is None, f"{sid}: no player phase at turn {half + 1}"
    # ...and a little into it (the same commands the uninterrupted run gave next).
    for cmd in whole.commands[len(log) : len(log) + EXTRA_PLAYER_COMMANDS]:
        state, _ = apply(state, cmd)
        log.append(cmd)
    assert log == list(whole.commands[: len(log)])
    assert state.side == "player" and state.outcome is None

    files = SuspendFiles(SaveSlots(tmp_path))
    files.suspend(BattleRecord.of(state, log, data_hash=game_data.data_hash, kind="suspend"))
    del state  # from here on, only what the file holds
    found = files.latest()
    assert found is not None and found.record is not None
    restored = restore(found.record, game_data.data_hash, loader)
    assert not restored.rebuilt

    rest = play_out(restored.state, ai_sides(restored.scenario))  # type: ignore[arg-type]
    assert rest.state.digest() == whole.final.digest()
    assert [*restored.commands, *rest.commands] == list(whole.commands)
