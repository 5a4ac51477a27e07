"""Loading a saved battle: the saved state with the same data, a rebuild from the log with
different data (the player is told), and a clear refusal when it cannot be rebuilt."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from game.core import EndPhase, Move, apply
from game.data import LoadResult
from game.saves import BattleRecord, ReplayError, SaveSlots, restore
from game.scenario import BattleSetup, Scenario
from tests.saves.conftest import Played


def mid(p: Played, game_data: LoadResult, kind: str = "suspend") -> BattleRecord:
    """The battle half way through, as the game saves it."""
    n = len(p.commands) // 2
    state, _ = p.scenario.start(p.seed)
    for c in p.commands[:n]:
        state, _ = apply(state, c)
    return BattleRecord.of(state, p.commands[:n], data_hash=game_data.data_hash, kind=kind)


def test_same_data_uses_the_saved_state(played: dict[str, Played], game_data: LoadResult, loader: Callable) -> None:
    rec = mid(played["sandstorm_decoy"], game_data)
    restored = restore(rec, game_data.data_hash, loader)
    assert not restored.rebuilt and restored.state.digest() == rec.digest
    assert restored.commands == rec.commands


def test_a_hand_edited_state_is_refused(played: dict[str, Played], game_data: LoadResult, loader: Callable) -> None:
    rec = mid(played["sandstorm_decoy"], game_data)
    state = json.loads(json.dumps(rec.state))
    state["units"][0]["hp"] = 99999
    with pytest.raises(ReplayError, match="does not match its checksum"):
        restore(dataclasses.replace(rec, state=state), game_data.data_hash, loader)
    with pytest.raises(ReplayError, match="battle state is damaged"):
        restore(dataclasses.replace(rec, state={"version": 1}), game_data.data_hash, loader)


def test_without_a_state_the_log_is_replayed(
    played: dict[str, Played], game_data: LoadResult, loader: Callable
) -> None:
    rec = dataclasses.replace(mid(played["blue_comet_falls"], game_data), state=None)
    restored = restore(rec, game_data.data_hash, loader)
    assert not restored.rebuilt and restored.state.digest() == rec.digest
    bad = dataclasses.replace(rec, digest="0" * 64)
    with pytest.raises(ReplayError, match="command log does not lead to the saved battle"):
        restore(bad, game_data.data_hash, loader)


def test_different_data_rebuilds_from_the_log_and_says_so(
    played: dict[str, Played], game_data: LoadResult, loader: Callable
) -> None:
    rec = dataclasses.replace(mid(played["farewell_red_planet"], game_data), data_hash="e" * 64)
    restored = restore(rec, game_data.data_hash, loader)
    assert restored.rebuilt and restored.state.digest() == rec.digest
    assert "game data changed since this battle was saved" in (restored.note or "")
    assert "exactly as you left it" in (restored.note or "")


def test_different_data_that_cannot_be_rebuilt_is_refused(
    played: dict[str, Played], game_data: LoadResult, loader: Callable
) -> None:
    rec = mid(played["farewell_red_planet"], game_data)
    cmds = (*rec.commands[:3], Move("astrohawk", (999, 0)), *rec.commands[3:])
    rec = dataclasses.replace(rec, data_hash="e" * 64, commands=cmds)
    with pytest.raises(ReplayError) as err:
        restore(rec, game_data.data_hash, loader)
    text = str(err.value)
    assert "different game data" in text and "cannot be rebuilt from its command log" in text
    assert "command 4 of" in text and "move astrohawk (999, 0)" in text


def test_the_setup_is_part_of_the_save(
    tmp_path: Path, game_data: LoadResult, loader: Callable[[str], Scenario]
) -> None:
    """A campaign battle (other units, levels and upgrades) comes back the same, and replays."""
    setup = BattleSetup(deploy=("elf_doll", "simone", None, "david"), levels={"eiji": 40}, upgrades={"doll": {"hp": 4}})
    scenario = loader("seal_of_grados").with_setup(setup)
    state, _ = scenario.start(5)
    state, _ = apply(state, EndPhase())
    rec = BattleRecord.of(state, (EndPhase(),), data_hash=game_data.data_hash, kind="slot", setup=setup)
    slots = SaveSlots(tmp_path)
    slots.write("slot1", rec)
    back = slots.read("slot1")
    assert back.setup == setup
    for rebuilt in (
        restore(back, game_data.data_hash, loader),
        restore(dataclasses.replace(back, state=None), game_data.data_hash, loader),
    ):
        units = rebuilt.state.units
        assert "elf_doll" in units and "arthur" not in units and units["layzner"].level == 40
        assert dict(units["david"].upgrades) == {"hp": 4}
        assert rebuilt.state.digest() == rec.digest
