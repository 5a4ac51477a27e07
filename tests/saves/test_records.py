"""Battle records: the versioned format, migration of older files, and clear refusals."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from game.core import EndPhase, Move
from game.data import LoadResult
from game.saves import SAVE_SCHEMA, BattleRecord, SaveError, SaveSlots, restore
from game.scenario import BattleSetup, Scenario
from tests.saves.conftest import Played

FIXTURES = Path(__file__).parent / "fixtures"


def record(**kw: object) -> BattleRecord:
    base: dict[str, object] = {
        "scenario": "seal_of_grados",
        "seed": 7,
        "commands": (Move("layzner", (1, 2)), EndPhase()),
        "digest": "d" * 64,
        "data_hash": "h" * 64,
        "state": {"turn": 1},
        "setup": BattleSetup(
            deploy=("elf_doll", None, "david", None), levels={"eiji": 24}, upgrades={"doll": {"hp": 1}}
        ),
        "checkpoints": ("a" * 16, "b" * 16),
    }
    base.update(kw)
    return BattleRecord(**base)  # type: ignore[arg-type]


def test_the_envelope_names_format_schema_version_kind_and_data(tmp_path: Path) -> None:
    data = record(kind="suspend").to_json()
    assert (data["format"], data["schema"], data["kind"]) == ("blue-comet-tactics", SAVE_SCHEMA, "suspend")
    assert data["game_version"] and data["data_hash"] == "h" * 64
    assert data["battle"]["setup"]["deploy"] == ["elf_doll", None, "david", None]
    assert BattleRecord.from_json(json.loads(json.dumps(data))) == record(kind="suspend")


def test_a_plain_battle_stores_no_setup() -> None:
    data = record(setup=BattleSetup(), checkpoints=()).to_json()
    assert data["battle"]["setup"] is None and data["battle"]["checkpoints"] == []
    assert BattleRecord.from_json(data).setup.empty


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["battle"]["commands"].append({"kind": "teleport"}), "bad command #3: unknown command kind"),
        (lambda d: d["battle"].update(seed="7"), "'battle.seed' must be a whole number"),
        (lambda d: d["battle"].update(checkpoints=["zz"]), "checkpoints' must be a list of hex digests"),
        (lambda d: d["battle"].update(checkpoints=["ab"]), "has 1 checkpoints for 2 commands"),
        (lambda d: d["battle"].update(setup={"levels": {"eiji": 0}}), "bad battle setup: setup level of 'eiji'"),
        (lambda d: d.update(kind="campaign"), "is a campaign save, not suspend or autosave or slot or replay"),
        (lambda d: d.update(kind="holiday"), "is kind 'holiday'"),
        (lambda d: d.pop("data_hash"), "has no data hash"),
        (lambda d: d.update(battle=[]), "'battle' must be an object"),
        (lambda d: d.update(schema="2"), "has no schema version"),
    ],
)
def test_bad_entries_are_refused_naming_the_file(tmp_path: Path, change: Callable, message: str) -> None:
    data = record().to_json()
    change(data)
    slots = SaveSlots(tmp_path)
    slots.path("s").write_text(json.dumps(data))
    with pytest.raises(SaveError) as err:
        slots.read("s")
    assert message in str(err.value) and str(slots.path("s")) in str(err.value)


def test_schema_1_files_are_migrated(tmp_path: Path, game_data: LoadResult, loader: Callable[[str], Scenario]) -> None:
    """A file exactly as schema 1 wrote it (no setup, no checkpoints) loads and plays."""
    slots = SaveSlots(tmp_path)
    shutil.copy(FIXTURES / "slot_schema1.json", slots.path("old"))
    rec = slots.read("old")
    assert rec.setup.empty and rec.checkpoints == () and rec.scenario == "blue_comet_falls" and len(rec.commands) == 4
    # Its data hash is not ours, so it is rebuilt from the log, and the player is told.
    restored = restore(rec, game_data.data_hash, loader)
    assert restored.rebuilt and "rebuilt by replaying its 4 commands" in (restored.note or "")
    assert restored.state.unit("layzner").pos == (8, 6)


def test_migrated_file_round_trips_as_the_current_schema(played: dict[str, Played], game_data: LoadResult) -> None:
    p = played["blue_comet_falls"]
    current = BattleRecord.of(p.final, p.commands, data_hash=game_data.data_hash, kind="slot").to_json()
    old = json.loads(json.dumps(current))
    old["schema"] = 1
    del old["battle"]["setup"], old["battle"]["checkpoints"]
    assert BattleRecord.from_json(old) == BattleRecord.from_json(current)
