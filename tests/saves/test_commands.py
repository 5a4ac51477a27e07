"""Commands read from files are checked field by field; the engine refuses well-formed commands
naming units that are not in the battle with IllegalCommand. Any JSON value in any field of
any command gives a clear error or a legal/illegal verdict, never a traceback."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.core import EndPhase, IllegalCommand, apply
from game.core.commands import (
    COMMAND_TYPES,
    Attack,
    CastSpirit,
    Command,
    MapAttack,
    Move,
    Pick,
    Repair,
    Supply,
    UseItem,
)
from game.core.state import BattleState
from game.data import LoadResult
from game.saves import BattleRecord, RecordError, SaveError
from game.saves.commands import CommandFormatError, parse_command
from game.saves.slots import SaveSlots
from game.scenario import Scenario
from game.testing import scenario_battle

json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.integers(min_value=-(2**70), max_value=2**70),
        st.floats(),  # nan and infinities included: json.loads builds them from NaN / Infinity
        st.text(max_size=10),
        st.sampled_from(["layzner", "ghost", "counter", "auto", "none", ""]),
    ),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)),
    max_leaves=8,
)
ALL_FIELDS = sorted({f.name for c in COMMAND_TYPES.values() for f in fields(c)})


@pytest.fixture(scope="module")
def start(loader: Callable[[str], Scenario]) -> BattleState:
    state, _ = loader("sandstorm_decoy").start(5)
    return state


def test_every_command_kind_round_trips_through_the_file_check() -> None:
    samples: list[Command] = [
        Move("a", (1, 2)),
        Attack("a", "w", "b", "evade", "none", "c", "auto"),
        MapAttack("a", "w", 3, (4, 5)),
        MapAttack("a", "w"),
        CastSpirit("a", "focus"),
        CastSpirit("a", "trust", "b"),
        Repair("a", "b"),
        Supply("a", "b"),
        UseItem("a", "repair_kit"),
        EndPhase(),
    ]
    samples += [cls("a") for cls in COMMAND_TYPES.values() if [f.name for f in fields(cls)] == ["unit"]]
    assert {type(c) for c in samples} == set(COMMAND_TYPES.values())
    for c in samples:
        assert parse_command(json.loads(json.dumps(c.to_json()))) == c


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"kind": "move", "unit": "a", "to": [1]}, "'to'"),
        ({"kind": "move", "unit": "a", "to": [1, 2, 3]}, "'to'"),
        ({"kind": "move", "unit": "a", "to": [float("inf"), 2]}, "'to'"),
        ({"kind": "move", "unit": "a", "to": [10**30, 2]}, "'to'"),
        ({"kind": "move", "unit": "a", "to": [True, 2]}, "'to'"),
        ({"kind": "move", "unit": "a", "to": "1,2"}, "'to'"),
        ({"kind": "move", "unit": ["a"], "to": [1, 2]}, "'unit'"),
        ({"kind": "move", "unit": None, "to": [1, 2]}, "'unit'"),
        ({"kind": "move", "unit": 7, "to": [1, 2]}, "'unit'"),
        ({"kind": "move", "to": [1, 2]}, "needs the field 'unit'"),
        ({"kind": "map_attack", "unit": "a", "weapon": "w", "direction": 1.5}, "'direction'"),
        ({"kind": "map_attack", "unit": "a", "weapon": "w", "center": [1]}, "'center'"),
        ({"kind": "attack", "unit": "a", "weapon": "w", "target": {"uid": "b"}}, "'target'"),
        ({"kind": "attack", "unit": "a", "weapon": "w", "target": "b", "reaction": 3}, "'reaction'"),
        ({"kind": "attack", "unit": "a", "weapon": "w", "target": "b", "reaction": "dodge"}, "one of counter"),
        ({"kind": ["move"]}, "unknown command kind"),
        ({"kind": "teleport"}, "unknown command kind"),
        ({"kind": "end_phase", "unit": "a"}, "no field 'unit'"),
        (["move", "a"], "must be an object"),
    ],
)
def test_bad_shapes_are_named(data: Any, words: str) -> None:
    with pytest.raises(CommandFormatError, match=words.replace("[", r"\[")):
        parse_command(data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    kind=st.sampled_from(sorted(COMMAND_TYPES)),
    values=st.dictionaries(st.sampled_from(ALL_FIELDS), json_values, max_size=8),
    base=st.sampled_from(["layzner", "buggy_1", "ghost"]),
)
def test_any_json_in_any_command_field(start: BattleState, kind: str, values: dict[str, Any], base: str) -> None:
    data: dict[str, Any] = {"kind": kind, **{f.name: base for f in fields(COMMAND_TYPES[kind])}}
    if kind == "move":
        data["to"] = [3, 4]
    data.update({k: v for k, v in values.items() if k in data or k in ALL_FIELDS})
    try:
        command = parse_command(json.loads(json.dumps(data)))  # what a file can hold (NaN -> NaN)
    except CommandFormatError as exc:
        assert "command" in str(exc)
        return
    try:
        apply(start, command)
    except IllegalCommand as exc:
        assert str(exc)


@pytest.mark.parametrize("field", ["target", "unit", "weapon", "support_attack", "support_defend", "counter_weapon"])
def test_the_engine_refuses_ghost_ids_as_illegal(field: str) -> None:
    battle = scenario_battle("blue_comet_falls", seed=3)
    braver = battle.unit("braver_1")
    battle.arrange(layzner={"pos": (braver.x - 1, braver.y)})
    good = Attack("layzner", "knuckle_shot", "braver_1")
    bad = Attack(**{**{f.name: getattr(good, f.name) for f in fields(Attack)}, field: "ghost"})
    if field in ("target", "unit", "weapon"):
        with pytest.raises(IllegalCommand, match=r"ghost|no weapon|not"):
            apply(battle.state, bad)
    else:  # a support or counter choice naming no one: refused, or no support / counter
        try:
            apply(battle.state, bad)
        except IllegalCommand as exc:
            assert str(exc)
    apply(battle.state, good)  # the same attack with real ids is legal


def test_a_bad_command_in_a_save_names_its_number_and_field(tmp_path: Path) -> None:
    slots = SaveSlots(tmp_path)
    rec = BattleRecord("sandstorm_decoy", 1, (Move("a", (1, 2)), EndPhase()), "d" * 64, "h" * 64)
    path = slots.write("slot1", rec)
    data = json.loads(path.read_text())
    data["battle"]["commands"][0]["to"] = [1]
    path.write_text(json.dumps(data))
    with pytest.raises(SaveError, match=r"bad command #1: field 'to' of a 'move' command must be a tile"):
        slots.read("slot1")
    with pytest.raises(RecordError):
        BattleRecord.from_json(data)


def test_auto_and_none_in_a_file_are_picks() -> None:
    data = {"kind": "attack", "unit": "a", "weapon": "w", "target": "b", "counter_weapon": "auto"}
    command = parse_command({**data, "support_attack": "none", "support_defend": "c"})
    assert isinstance(command, Attack)
    assert command.counter_weapon is Pick.AUTO and command.support_attack is Pick.NONE
    assert command.support_defend == "c" and not isinstance(command.support_defend, Pick)


@pytest.mark.parametrize(
    "bad",
    [
        {"kind": "move", "unit": "layzner", "to": [1]},
        {"kind": "move", "unit": ["layzner"], "to": [1, 2]},
        {"kind": "attack", "unit": "layzner", "weapon": "knuckle_shot", "target": "ghost"},
    ],
)
def test_replay_verify_reports_bad_commands_without_a_traceback(
    tmp_path: Path, game_data: LoadResult, bad: dict[str, Any]
) -> None:
    from tests.saves.test_replay_cli import run

    rec = BattleRecord("blue_comet_falls", 3, (), "d" * 64, game_data.data_hash, kind="replay")
    data = rec.to_json()
    data["battle"]["commands"] = [bad]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data))
    out = run(str(path), "--verify")
    assert out.returncode == 1
    assert str(path) in out.stderr and "Traceback" not in out.stderr
    assert "command" in out.stderr
