"""Save slots in the user's data folder: the suspend file, autosaves and numbered slots."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.saves.files import SaveError, atomic_write_json, backup_path, read_json, remove_stale_temps
from game.saves.records import BattleRecord, RecordError

SUSPEND = "suspend"
AUTOSAVE = "autosave"


def slot_file(folder: Path, name: str) -> Path:
    """`folder/<name>.json`; a name that could leave the folder or hide a file is refused."""
    if not name or any(c in name for c in "/\\.:") or len(name) > 64 or name != name.strip():
        raise ValueError(f"bad save slot name {name!r}")
    return folder / f"{name}.json"


def default_save_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("blue-comet-tactics")) / "saves"


@dataclass(frozen=True)
class SlotInfo:
    name: str
    path: Path
    record: BattleRecord | None
    problem: str | None  # why the slot cannot be loaded (None when it can)
    has_backup: bool


class SaveSlots:
    """Named save files in one folder. Nothing here deletes a save except `delete`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, name: str) -> Path:
        return slot_file(self.folder, name)

    def write(self, name: str, record: BattleRecord) -> Path:
        path = self.path(name)
        atomic_write_json(path, record.to_json())
        return path

    def read(self, name: str, *, use_backup: bool = False) -> BattleRecord:
        """The record in slot `name` (or its backup); SaveError names the file and problem."""
        path = self.path(name)
        target = backup_path(path) if use_backup else path
        data = read_json(target)
        try:
            return BattleRecord.from_json(data)
        except RecordError as exc:
            bak = backup_path(path)
            raise SaveError(target, str(exc), backup=bak if not use_backup and bak.exists() else None) from None

    def exists(self, name: str) -> bool:
        return self.path(name).exists()

    def delete(self, name: str) -> None:
        """Remove the save and its backup (a stale backup must never be offered for a later save)."""
        path = self.path(name)
        path.unlink(missing_ok=True)
        backup_path(path).unlink(missing_ok=True)

    def slots(self) -> list[SlotInfo]:
        """Every slot in the folder, loadable or not, sorted by name."""
        out: list[SlotInfo] = []
        if not self.folder.is_dir():
            return out
        remove_stale_temps(self.folder)
        for path in sorted(self.folder.glob("*.json")):
            name = path.stem
            try:
                record, problem = self.read(name), None
            except SaveError as exc:
                record, problem = None, exc.problem
            out.append(SlotInfo(name, path, record, problem, backup_path(path).exists()))
        return out
