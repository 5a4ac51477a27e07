"""The suspend file and the autosave: what Continue on the title screen offers.

Suspend (anywhere in the player phase) writes `suspend.json`; the start of every player
phase writes `autosave.json`. Continue takes the suspend file if there is one, else the
autosave. A damaged file is reported with its backup, so the game can ask the player
whether to load the backup instead of silently using it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from game.saves.files import SaveError, backup_path
from game.saves.records import BattleRecord
from game.saves.slots import AUTOSAVE, SUSPEND, SaveSlots


@dataclass(frozen=True)
class Resumable:
    """The battle Continue would load: its record, or why it cannot be read."""

    name: str  # SUSPEND or AUTOSAVE
    path: Path
    record: BattleRecord | None
    error: SaveError | None = None

    @property
    def backup_offered(self) -> bool:
        """The file is damaged but its backup exists: ask "load the backup?"."""
        return self.error is not None and self.error.backup is not None


class SuspendFiles:
    def __init__(self, slots: SaveSlots) -> None:
        self.slots = slots

    def has_any(self) -> bool:
        return self.slots.exists(SUSPEND) or self.slots.exists(AUTOSAVE)

    def suspend(self, record: BattleRecord) -> Path:
        """Write the suspend file (atomic, the previous one kept as its backup); OSError on failure."""
        return self.slots.write(SUSPEND, _as(record, SUSPEND))

    def autosave(self, record: BattleRecord) -> Path:
        return self.slots.write(AUTOSAVE, _as(record, AUTOSAVE))

    def latest(self) -> Resumable | None:
        """The suspend file if there is one, else the autosave; None when neither exists."""
        for name in (SUSPEND, AUTOSAVE):
            if not self.slots.exists(name):
                continue
            path = self.slots.path(name)
            try:
                return Resumable(name, path, self.slots.read(name))
            except SaveError as exc:
                return Resumable(name, path, None, exc)
        return None

    def has_backup(self, name: str) -> bool:
        return backup_path(self.slots.path(name)).exists()

    def backup(self, name: str) -> BattleRecord:
        """The backup of `name` (the save before the last one); SaveError if it is unusable too."""
        return self.slots.read(name, use_backup=True)

    def discard_suspend(self) -> None:
        """A suspend is continued once; later progress lives in the autosave."""
        self.slots.delete(SUSPEND)

    def clear(self) -> None:
        """The battle is over: nothing to continue."""
        self.slots.delete(SUSPEND)
        self.slots.delete(AUTOSAVE)


def _as(record: BattleRecord, kind: str) -> BattleRecord:
    return record if record.kind == kind else replace(record, kind=kind)
