"""Replays of every shipped scenario: record with the AI, verify, and see tampering caught
at the command where it happened."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest

from game.core import Attack, EndPhase, Move, apply
from game.data import LoadResult
from game.saves import BattleRecord, ReplayError, describe, record_replay, verify
from game.scenario import Scenario
from tests.saves.conftest import CAMPAIGN, Played


@pytest.fixture(scope="module")
def replays(played: dict[str, Played], game_data: LoadResult) -> dict[str, BattleRecord]:
    return {
        sid: record_replay(p.scenario, p.seed, p.commands, data_hash=game_data.data_hash) for sid, p in played.items()
    }


@pytest.mark.parametrize("sid", CAMPAIGN)
def test_every_scenario_replays_to_its_recorded_digest(
    sid: str, replays: dict[str, BattleRecord], played: dict[str, Played], game_data: LoadResult, loader: Callable
) -> None:
    rec = BattleRecord.from_json(replays[sid].to_json())  # through JSON, as from a file
    assert rec.kind == "replay" and rec.digest == played[sid].final.digest()
    assert len(rec.checkpoints) == len(rec.commands) == len(played[sid].commands)
    result = verify(rec, game_data.data_hash, loader)
    assert result.ok, result.message
    assert result.message.startswith(f"OK: {len(rec.commands)} commands replay to digest {rec.digest}")


def reaction_flip(rec: BattleRecord, scenario: Scenario) -> tuple[int, BattleRecord]:
    """Change the reaction of the first attack where that changes the battle (still a legal
    command: defend instead of counter or evade, evade instead of defend)."""
    state, _ = scenario.start(rec.seed)
    for i, c in enumerate(rec.commands):
        if isinstance(c, Attack):
            changed = dataclasses.replace(c, reaction="evade" if c.reaction == "defend" else "defend")
            if apply(state, changed)[0].digest() != apply(state, c)[0].digest():
                cmds = list(rec.commands)
                cmds[i] = changed
                return i, dataclasses.replace(rec, commands=tuple(cmds))
        state, _ = apply(state, c)
    raise AssertionError("no attack to tamper with")


@pytest.mark.parametrize("sid", CAMPAIGN)
def test_a_tampered_command_is_caught_where_it_happened(
    sid: str, replays: dict[str, BattleRecord], played: dict[str, Played], game_data: LoadResult, loader: Callable
) -> None:
    i, tampered = reaction_flip(replays[sid], played[sid].scenario)
    result = verify(tampered, game_data.data_hash, loader)
    assert not result.ok and result.diverged_at == i + 1
    assert f"parts from the recording at command {i + 1} of {len(tampered.commands)}" in result.message
    assert describe(tampered.commands[i]) in result.message and "expected state" in result.message


def test_an_illegal_command_is_named_with_its_turn(
    replays: dict[str, BattleRecord], game_data: LoadResult, loader: Callable
) -> None:
    rec = replays["blue_comet_falls"]
    cmds = list(rec.commands)
    cmds[0] = Move("layzner", (99, 99))
    result = verify(dataclasses.replace(rec, commands=tuple(cmds)), game_data.data_hash, loader)
    assert not result.ok and result.diverged_at == 1
    assert "command 1 of" in result.message and "turn 1, player phase: move layzner (99, 99)" in result.message
    assert "refused by the rules" in result.message


def test_without_checkpoints_the_digests_are_compared(
    replays: dict[str, BattleRecord], played: dict[str, Played], game_data: LoadResult, loader: Callable
) -> None:
    _, tampered = reaction_flip(replays["sandstorm_decoy"], played["sandstorm_decoy"].scenario)
    tampered = dataclasses.replace(tampered, checkpoints=())
    result = verify(tampered, game_data.data_hash, loader)
    assert not result.ok
    # Without checkpoints, either a later command no longer fits, or the final digests differ.
    if result.diverged_at is None:
        assert f"expected digest {tampered.digest}, got " in result.message
    else:
        assert "refused by the rules" in result.message


def test_different_game_data_is_refused_unless_forced(
    replays: dict[str, BattleRecord], game_data: LoadResult, loader: Callable
) -> None:
    rec = dataclasses.replace(replays["farewell_red_planet"], data_hash="f" * 64)
    with pytest.raises(ReplayError, match=r"different game data \(data hash ffffffffffff\.\.\..*use --force"):
        verify(rec, game_data.data_hash, loader)
    forced = verify(rec, game_data.data_hash, loader, force=True)
    assert forced.ok and "replayed anyway" in forced.message


def test_a_missing_scenario_is_a_clear_refusal(
    replays: dict[str, BattleRecord], game_data: LoadResult, loader: Callable
) -> None:
    rec = dataclasses.replace(replays["blue_comet_falls"], scenario="blue_comet_rises")
    with pytest.raises(ReplayError, match="scenario 'blue_comet_rises' cannot be loaded"):
        verify(rec, game_data.data_hash, loader)


def test_an_unfinished_battle_verifies_too(played: dict[str, Played], game_data: LoadResult, loader: Callable) -> None:
    p = played["beautiful_le_cain"]
    half = p.commands[: len(p.commands) // 2]
    rec = record_replay(p.scenario, p.seed, half, data_hash=game_data.data_hash)
    result = verify(rec, game_data.data_hash, loader)
    assert result.ok and "unfinished, turn" in result.message


def test_recording_a_log_that_does_not_play_fails(played: dict[str, Played], game_data: LoadResult) -> None:
    p = played["blue_comet_falls"]
    with pytest.raises(ReplayError, match="refused by the rules: The battle is over"):
        record_replay(p.scenario, p.seed, (*p.commands, EndPhase()), data_hash=game_data.data_hash)


def test_describe_reads_like_the_command() -> None:
    assert describe(Attack("layzner", "calf_missile", "braver_2")) == (
        "attack layzner calf_missile braver_2 counter auto auto auto"
    )
    assert describe(EndPhase()) == "end_phase"
