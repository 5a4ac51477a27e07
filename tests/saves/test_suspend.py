"""Suspend, autosave and what Continue finds: a damaged file offers its backup."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from game.core import EndPhase, Move
from game.saves import BattleRecord, SuspendFiles
from game.saves.files import backup_path
from game.saves.slots import AUTOSAVE, SUSPEND, SaveSlots


def rec(n: int) -> BattleRecord:
    cmds = tuple([Move("layzner", (1, i)) for i in range(n)] + [EndPhase()])
    return BattleRecord("blue_comet_falls", 3, cmds, digest="d" * 64, data_hash="h" * 64, state={"turn": n})


def test_continue_prefers_the_suspend_then_the_autosave(tmp_path: Path) -> None:
    files = SuspendFiles(SaveSlots(tmp_path))
    assert not files.has_any() and files.latest() is None
    files.autosave(rec(1))
    found = files.latest()
    assert found is not None and found.name == AUTOSAVE and found.record is not None
    assert found.record.kind == "autosave"
    files.suspend(rec(2))
    found = files.latest()
    assert found is not None and found.name == SUSPEND and found.record == dataclasses.replace(rec(2), kind="suspend")
    files.discard_suspend()
    found = files.latest()
    assert found is not None and found.name == AUTOSAVE
    files.clear()
    assert not files.has_any()


def test_a_damaged_suspend_offers_its_backup(tmp_path: Path) -> None:
    files = SuspendFiles(SaveSlots(tmp_path))
    files.suspend(rec(1))
    files.suspend(rec(2))
    path = tmp_path / "suspend.json"
    path.write_bytes(path.read_bytes()[:50])  # cut short, like a disk that filled up
    found = files.latest()
    assert found is not None and found.record is None and found.backup_offered
    assert found.error is not None and "is truncated" in str(found.error) and str(path) in str(found.error)
    assert files.backup(SUSPEND).commands == rec(1).commands


def test_a_damaged_file_without_a_backup_says_so(tmp_path: Path) -> None:
    files = SuspendFiles(SaveSlots(tmp_path))
    files.suspend(rec(1))
    (tmp_path / "suspend.json").write_text("{broken")
    found = files.latest()
    assert found is not None and not found.backup_offered and "is damaged" in str(found.error)


def test_discarding_a_suspend_drops_its_backup_too(tmp_path: Path) -> None:
    """A later suspend must never be offered an older battle's backup."""
    files = SuspendFiles(SaveSlots(tmp_path))
    files.suspend(rec(1))
    files.suspend(rec(2))
    files.discard_suspend()
    assert not backup_path(tmp_path / "suspend.json").exists()
    files.suspend(rec(3))
    (tmp_path / "suspend.json").write_text("{broken")
    found = files.latest()
    assert found is not None and not found.backup_offered
