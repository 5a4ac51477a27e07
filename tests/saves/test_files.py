"""Saves never lose data: atomic writes, backups, and clear errors for bad files."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from game.core import EndPhase, Move
from game.saves import SAVE_SCHEMA, BattleRecord, SaveError, atomic_write_json, migrate, read_json
from game.saves.files import backup_path
from game.saves.records import FORMAT, RecordError
from game.saves.slots import SaveSlots


def record(n: int = 3) -> BattleRecord:
    cmds = tuple([Move("layzner", (1, i)) for i in range(n)] + [EndPhase()])
    return BattleRecord("blue_comet_falls", 7, cmds, digest="d" * 64, data_hash="h" * 64, state={"turn": 1})


def test_record_round_trips(tmp_path: Path) -> None:
    slots = SaveSlots(tmp_path)
    slots.write("slot1", record())
    again = slots.read("slot1")
    assert again == record()
    assert [s.name for s in slots.slots()] == ["slot1"]


def test_previous_save_is_kept_as_backup(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    atomic_write_json(path, {"n": 1})
    atomic_write_json(path, {"n": 2})
    assert read_json(path) == {"n": 2}
    assert read_json(backup_path(path)) == {"n": 1}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b'{"format": "blue-comet-tactics", "schema": 1, "battle": {"scen', "truncated"),
        (b"{not json at all}", "damaged"),
        (b"\x89PNG\r\n\x1a\n\x00\x00binary", "not a text save"),
        (b"[" * 100000 + b"]" * 100000, "nested too deeply"),
    ],
)
def test_bad_files_give_a_clear_error_naming_the_file(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "slot1.json"
    path.write_bytes(content)
    with pytest.raises(SaveError) as err:
        read_json(path)
    assert message in str(err.value) and str(path) in str(err.value)


def test_foreign_and_future_files_are_refused(tmp_path: Path) -> None:
    slots = SaveSlots(tmp_path)
    slots.path("a").write_text(json.dumps({"hello": "world"}))
    with pytest.raises(SaveError, match="not a Blue Comet Tactics save"):
        slots.read("a")
    future = record().to_json()
    future["schema"] = SAVE_SCHEMA + 1
    slots.path("b").write_text(json.dumps(future))
    with pytest.raises(SaveError, match="newer version of the game"):
        slots.read("b")
    broken = record().to_json()
    del broken["battle"]["seed"]
    slots.path("c").write_text(json.dumps(broken))
    with pytest.raises(SaveError, match="missing 'seed'"):
        slots.read("c")


def test_damaged_save_offers_its_backup(tmp_path: Path) -> None:
    slots = SaveSlots(tmp_path)
    slots.write("slot1", record(1))
    slots.write("slot1", record(2))
    slots.path("slot1").write_text('{"format": "blue-comet-tactics", "schema": 1, "battle": {')
    with pytest.raises(SaveError) as err:
        slots.read("slot1")
    assert err.value.backup == backup_path(slots.path("slot1"))
    assert slots.read("slot1", use_backup=True) == record(1)
    (info,) = slots.slots()
    assert info.problem is not None and info.has_backup


def test_migration_upgrades_old_schemas_step_by_step() -> None:
    old = {"format": FORMAT, "schema": 0, "log": []}

    def zero_to_one(d: dict) -> dict:  # type: ignore[type-arg]
        d["commands"] = d.pop("log")
        d["schema"] = 1
        return d

    assert migrate(old, {0: zero_to_one}, target=1) == {"format": FORMAT, "schema": 1, "commands": []}
    with pytest.raises(RecordError, match="schema 0, which this version can no longer read"):
        migrate(old, {}, target=1)
    with pytest.raises(RecordError, match="migration from schema 0 failed"):
        migrate(old, {0: lambda d: d}, target=1)


WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from game.saves import atomic_write_json
    path = Path(sys.argv[1])
    n = 0
    while True:
        n += 1
        atomic_write_json(path, {"n": n, "pad": "x" * 200000})
    """
)


def test_killing_the_process_mid_save_always_leaves_a_loadable_save(tmp_path: Path) -> None:
    path = tmp_path / "slot1.json"
    atomic_write_json(path, {"n": 0, "pad": ""})
    rng = random.Random(1234)
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    for _ in range(12):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], env=env)
        time.sleep(0.15 + rng.random() * 0.25)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        data = read_json(path)  # never raises: the file is always complete
        assert isinstance(data["n"], int)
        if backup_path(path).exists():
            assert isinstance(read_json(backup_path(path))["n"], int)
