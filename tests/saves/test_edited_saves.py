"""Saves whose battle state was edited (and its digest recomputed) are checked against the
engine's invariants: refused with the reason, the backup still offered, never a crash."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.core import EndPhase, apply, legal_commands
from game.core.state import canonical
from game.data import LoadResult
from game.saves import BattleRecord, ReplayError, SaveSlots, SuspendFiles, restore
from game.saves.state_check import state_problems
from game.scenario import Scenario
from tests.saves.conftest import Played

SID = "blue_comet_falls"


@pytest.fixture(scope="module")
def saved(loader: Callable[[str], Scenario], game_data: LoadResult) -> BattleRecord:
    state, _ = loader(SID).start(4)
    return BattleRecord.of(state, [], data_hash=game_data.data_hash, kind="suspend")


def _digest(state: dict[str, Any]) -> str:
    import hashlib

    return hashlib.sha256(canonical(state).encode("utf-8")).hexdigest()


def edited(record: BattleRecord, change: Callable[[dict[str, Any]], None]) -> BattleRecord:
    """`record` with its state changed by `change` and the digest recomputed, as a cheater would."""
    assert record.state is not None
    state = copy.deepcopy(record.state)
    change(state)
    data = record.to_json()
    data["battle"]["state"] = state
    data["battle"]["digest"] = _digest(state)
    return BattleRecord.from_json(json.loads(json.dumps(data)))


def _unit(state: dict[str, Any], i: int = 0) -> dict[str, Any]:
    return state["units"][i]  # type: ignore[no-any-return]


def _same_tile(s: dict[str, Any]) -> None:
    _unit(s, 1)["pos"] = list(_unit(s, 0)["pos"])


EDITS: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "unknown unit type": (lambda s: _unit(s).update(unit="gundam"), "unit type 'gundam'"),
    "unknown pilot": (lambda s: _unit(s).update(pilot="amuro"), "pilot 'amuro'"),
    "unknown side": (lambda s: _unit(s).update(side="martians"), "side 'martians'"),
    "off the map": (lambda s: _unit(s).update(pos=[999, 3]), "off the"),
    "negative position": (lambda s: _unit(s).update(pos=[-1, 0]), "off the"),
    "phase 99": (lambda s: s.update(phase=99), "phase is 99"),
    "turn 0": (lambda s: s.update(turn=0), "turn is 0"),
    "HP 999999": (lambda s: _unit(s).update(hp=999999), "999999 HP"),
    "negative HP": (lambda s: _unit(s).update(hp=-5), "-5 HP"),
    "two units on one tile": (_same_tile, "both stand on"),
    "Will 10^9": (lambda s: _unit(s).update(will=10**9), "Will"),
    "SP 10^9": (lambda s: _unit(s).update(sp=10**9), "SP"),
    "EN 10^9": (lambda s: _unit(s).update(en=10**9), "EN"),
    "level 0": (lambda s: _unit(s).update(level=0), "level 0"),
    "unknown status": (lambda s: _unit(s).update(effects=[["status", "godmode", "battle"]]), "'godmode'"),
    "upgrades past the cap": (lambda s: _unit(s).update(upgrades={"hp": 5000}), "upgrade 'hp'"),
    "unknown winner": (lambda s: s.update(outcome={"winner": "nobody", "reason": "x"}), "winner"),
    "missing random stream": (lambda s: s["rng"].pop(sorted(s["rng"])[0]), "random stream"),
    "bad shape": (lambda s: _unit(s).update(pos=[1]), "damaged"),
    "bad type": (lambda s: _unit(s).update(hp="lots"), "damaged"),
    "units not a list": (lambda s: s.update(units={"a": 1}), "damaged"),
}


def test_the_unedited_state_is_accepted(
    saved: BattleRecord, loader: Callable[[str], Scenario], game_data: LoadResult
) -> None:
    restored = restore(saved, game_data.data_hash, loader)
    assert restored.state.digest() == saved.digest and not restored.rebuilt


def test_every_state_the_engine_makes_passes(played: dict[str, Played]) -> None:
    for p in played.values():
        assert state_problems(p.final) == []


@pytest.mark.parametrize("name", sorted(EDITS))
def test_edited_states_are_refused_with_the_reason(
    saved: BattleRecord, loader: Callable[[str], Scenario], game_data: LoadResult, name: str
) -> None:
    change, words = EDITS[name]
    bad = edited(saved, change)
    with pytest.raises(ReplayError) as err:
        restore(bad, game_data.data_hash, loader)
    assert words in str(err.value)
    assert "Traceback" not in str(err.value) and len(str(err.value)) < 600


def test_continue_offers_the_backup_of_an_edited_save(
    tmp_path: Path, saved: BattleRecord, loader: Callable[[str], Scenario], game_data: LoadResult
) -> None:
    files = SuspendFiles(SaveSlots(tmp_path))
    files.suspend(saved)
    files.suspend(saved)  # the first one is now the backup
    path = files.slots.path("suspend")
    path.write_text(json.dumps(edited(saved, EDITS["phase 99"][0]).to_json()))
    found = files.latest()
    assert found is not None and found.record is not None
    with pytest.raises(ReplayError, match="phase is 99"):
        restore(found.record, game_data.data_hash, loader)
    assert files.has_backup("suspend")
    restored = restore(files.backup("suspend"), game_data.data_hash, loader)
    assert restored.state.digest() == saved.digest


FIELDS = [
    "uid",
    "unit",
    "pilot",
    "side",
    "pos",
    "hp",
    "en",
    "ammo",
    "will",
    "sp",
    "level",
    "exp",
    "kills",
    "flying",
    "moved",
    "acted",
    "status",
    "effects",
    "support_attacks",
    "upgrades",
    "tags",
]
json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(10**30), max_value=10**30),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(max_size=8),
        st.sampled_from(["layzner", "eiji", "player"]),
    ),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)),
    max_leaves=6,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    field=st.sampled_from([*FIELDS, "phase", "turn", "spawned", "flags", "fired", "results", "undo"]),
    value=json_values,
    index=st.integers(min_value=0, max_value=5),
)
def test_any_json_in_any_state_field(
    saved: BattleRecord,
    loader: Callable[[str], Scenario],
    game_data: LoadResult,
    field: str,
    value: object,
    index: int,
) -> None:
    def change(s: dict[str, Any]) -> None:
        if field in FIELDS:
            _unit(s, index % len(s["units"]))[field] = value
        else:
            s[field] = value

    bad = edited(saved, change)
    try:
        restored = restore(bad, game_data.data_hash, loader)
    except ReplayError as exc:
        assert str(exc)
        return
    assert state_problems(restored.state) == []
    state = restored.state
    for _ in range(3):  # an accepted state plays on
        state, _events = apply(state, legal_commands(state)[0])
    apply(state, EndPhase())


@pytest.mark.parametrize(
    ("commands", "words"),
    [
        ([{"kind": "attack", "unit": "layzner", "weapon": "knuckle_shot", "target": "ghost"}], "does not play"),
        ([{"kind": "end_phase"}], "does not lead to its saved battle state"),
    ],
)
def test_a_command_log_that_does_not_lead_to_the_state_is_refused(
    saved: BattleRecord,
    loader: Callable[[str], Scenario],
    game_data: LoadResult,
    commands: list[dict[str, Any]],
    words: str,
) -> None:
    """The battle log and saved replays replay the log: it must play and end at the state."""
    data = saved.to_json()
    data["battle"]["commands"] = commands
    with pytest.raises(ReplayError, match=words):
        restore(BattleRecord.from_json(data), game_data.data_hash, loader)
