"""Hostile save, campaign and replay files: huge numbers, NaN and Infinity, devices, FIFOs and
leftovers of interrupted writes are refused or cleaned up with a clear message, and a bad
campaign slot never keeps the others (or the game) from loading."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.campaign import CampaignSlots, CampaignState
from game.core import EndPhase, Move
from game.saves import BattleRecord, SaveError, atomic_write_json, read_json
from game.saves.files import backup_path, remove_stale_temps
from game.saves.slots import SaveSlots

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="devices and FIFOs as on POSIX")

HUGE = ["9" * 5000, "-" + "9" * 4400, "1" + "0" * 41, "1e400", "-1e999", "NaN", "Infinity", "-Infinity"]


def record() -> BattleRecord:
    cmds = (Move("layzner", (1, 2)), EndPhase())
    return BattleRecord("blue_comet_falls", 7, cmds, digest="d" * 64, data_hash="h" * 64, state={"turn": 1})


def campaign() -> CampaignState:
    return CampaignState(order=("blue_comet_falls", "sandstorm_decoy"))


def _poison(text: str, number: str) -> str:
    """The JSON text with its first whole number replaced by `number`, written as is."""
    start = next(i for i, ch in enumerate(text) if ch.isdigit() and text[i - 1] in ":[,")
    end = start
    while end < len(text) and text[end].isdigit():
        end += 1
    return text[:start] + number + text[end:]


@pytest.mark.parametrize("number", HUGE)
def test_hostile_numbers_in_a_battle_save(tmp_path: Path, number: str) -> None:
    slots = SaveSlots(tmp_path)
    path = slots.write("slot1", record())
    path.write_text(_poison(path.read_text(), number))
    with pytest.raises(SaveError) as err:
        slots.read("slot1")
    assert str(path) in str(err.value) and "damaged" in str(err.value)
    assert len(str(err.value)) < 300


@pytest.mark.parametrize("number", HUGE)
def test_hostile_numbers_in_a_replay_command(tmp_path: Path, number: str) -> None:
    path = tmp_path / "r.json"
    atomic_write_json(path, record().to_json())
    path.write_text(path.read_text().replace('"to":[1,2]', f'"to":[{number},2]'))
    with pytest.raises(SaveError, match="damaged"):
        read_json(path)


@pytest.mark.parametrize("number", HUGE)
def test_a_poisoned_campaign_slot_does_not_hide_the_others(tmp_path: Path, number: str) -> None:
    slots = CampaignSlots(tmp_path)
    slots.write(1, campaign(), "h" * 64, label="good")
    slots.write(2, campaign(), "h" * 64, label="bad")
    slots.write(2, campaign(), "h" * 64, label="bad again")  # slot 2 now has a backup
    bad = slots.path(2)
    bad.write_text(bad.read_text().replace('"funds":0', f'"funds":{number}'))
    listed = slots.slots()  # what the title screen shows: must not raise
    assert listed[0].save is not None
    assert listed[1].save is None and listed[1].problem and "damaged" in listed[1].problem
    assert listed[1].has_backup
    assert slots.read(2, use_backup=True).extra["label"] == "bad"


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    value=st.recursive(
        st.one_of(
            st.none(),
            st.booleans(),
            st.integers(min_value=-(10**30), max_value=10**30),
            st.floats(allow_nan=False, allow_infinity=False),
            st.text(max_size=8),
        ),
        lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
        max_leaves=12,
    ),
    key=st.sampled_from(["order", "stage", "funds", "pilots", "upgrades", "deploy", "history", "seed", "attempts"]),
)
def test_any_json_in_a_campaign_field_is_reported_not_raised(tmp_path: Path, value: object, key: str) -> None:
    slots = CampaignSlots(tmp_path)
    path = slots.write(1, campaign(), "h" * 64)
    data = json.loads(path.read_text())
    data["campaign"][key] = value
    path.write_text(json.dumps(data))
    listed = slots.slots()
    assert listed[0].save is not None or listed[0].problem


@posix_only
def test_a_fifo_save_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "suspend.json")
    with pytest.raises(SaveError, match="not a regular file"):
        SaveSlots(tmp_path).read("suspend")
    assert [s.problem for s in SaveSlots(tmp_path).slots()] == [SaveSlots(tmp_path).slots()[0].problem]


@posix_only
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_as_a_save_is_refused(device: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"no {device} here")
    with pytest.raises(SaveError, match="not a regular file"):
        read_json(Path(device))


def test_leftovers_of_interrupted_writes_are_removed(tmp_path: Path) -> None:
    slots = SaveSlots(tmp_path)
    slots.write("slot1", record())
    stale = [tmp_path / ".slot1.json.abc123.tmp", tmp_path / ".suspend.json.x.tmp"]
    for f in stale:
        f.write_bytes(b'{"format": "blue-com')  # a write killed half-way, two minutes ago
        os.utime(f, (time.time() - 120, time.time() - 120))
    slots.write("slot1", record())  # the next write of that file removes its leftovers
    assert not stale[0].exists() and stale[1].exists()
    assert [s.name for s in slots.slots()] == ["slot1"]  # listing removes the rest
    assert not stale[1].exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["slot1.json", backup_path(tmp_path / "slot1.json").name]


def test_stale_temp_cleanup_leaves_other_files(tmp_path: Path) -> None:
    (tmp_path / "notes.tmp").write_text("mine")
    (tmp_path / "slot1.json").write_text("{}")
    assert remove_stale_temps(tmp_path) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.tmp", "slot1.json"]


def test_listing_campaign_slots_removes_leftovers_of_interrupted_writes(tmp_path: Path) -> None:
    slots = CampaignSlots(tmp_path)
    slots.write(1, campaign(), "h" * 64)
    stale = tmp_path / ".campaign2.json.k3j4.tmp"
    stale.write_bytes(b'{"format": "blue-comet-tac')
    os.utime(stale, (time.time() - 120, time.time() - 120))
    fresh = tmp_path / ".campaign3.json.zz.tmp"  # another process writing it right now
    fresh.write_bytes(b"{")
    assert [s.number for s in slots.slots() if not s.empty] == [1]
    assert not stale.exists() and fresh.exists()


def test_absurdly_long_command_logs_and_unit_lists_are_refused(tmp_path: Path) -> None:
    from game.saves.records import MAX_COMMANDS, MAX_UNITS, RecordError

    data = record().to_json()
    data["battle"]["commands"] = [{"kind": "end_phase"}] * (MAX_COMMANDS + 1)
    with pytest.raises(RecordError, match="at most 100,000"):
        BattleRecord.from_json(data)
    data = record().to_json()
    data["battle"]["state"] = {"units": [{}] * (MAX_UNITS + 1)}
    with pytest.raises(RecordError, match="at most 5,000"):
        BattleRecord.from_json(data)


@pytest.mark.parametrize(
    "text", ["branch: {after: " + "9" * 5000 + "}\n", "a: &a [1]\nb: !!python/object:os.system x\n"]
)
def test_a_hostile_campaign_story_file_is_refused_cleanly(tmp_path: Path, text: str) -> None:
    from game.campaign import CampaignError
    from game.campaign.story import STORY_FILE, load_story

    path = tmp_path / STORY_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    with pytest.raises(CampaignError, match="not valid YAML"):
        load_story(tmp_path)
