"""Campaign saves: numbered slots in the save folder, written atomically with the previous
save kept as a backup (the same file safety as battle saves), in the same versioned envelope
(kind "campaign")."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.campaign.state import CampaignError, CampaignState
from game.saves.files import SaveError, atomic_write_json, backup_path, read_json, remove_stale_temps
from game.saves.records import CAMPAIGN_KIND, RecordError, envelope, open_envelope
from game.saves.slots import slot_file

PREFIX = "campaign"


@dataclass(frozen=True)
class CampaignSave:
    state: CampaignState
    data_hash: str
    extra: dict[str, Any] = field(default_factory=dict)  # label, time saved

    def to_json(self) -> dict[str, Any]:
        return envelope(CAMPAIGN_KIND, self.data_hash, {"campaign": self.state.to_json(), "extra": self.extra})

    @classmethod
    def from_json(cls, data: Any) -> CampaignSave:
        try:
            data = open_envelope(data, (CAMPAIGN_KIND,))
            extra = data.get("extra") or {}
            if not isinstance(extra, dict):
                raise RecordError("'extra' must be an object")
            return cls(CampaignState.from_json(data["campaign"]), str(data["data_hash"]), dict(extra))
        except KeyError as exc:
            raise RecordError(f"is missing {exc.args[0]!r}") from None
        except CampaignError as exc:
            raise RecordError(str(exc)) from None


@dataclass(frozen=True)
class CampaignSlot:
    number: int
    path: Path
    save: CampaignSave | None  # None: empty, or unreadable (see `problem`)
    problem: str | None = None
    has_backup: bool = False

    @property
    def empty(self) -> bool:
        return self.save is None and self.problem is None


class CampaignSlots:
    """`campaign1.json` ... in one folder. Nothing is deleted here."""

    def __init__(self, folder: Path, count: int = 5) -> None:
        self.folder = folder
        self.count = count

    def path(self, number: int) -> Path:
        if not 1 <= number <= self.count:
            raise ValueError(f"campaign slot {number} is not one of 1..{self.count}")
        return slot_file(self.folder, f"{PREFIX}{number}")

    def write(self, number: int, state: CampaignState, data_hash: str, *, label: str = "") -> Path:
        """Save `state` in slot `number` (OSError if the disk refuses)."""
        path = self.path(number)
        extra = {"label": label, "saved_at": time.strftime("%Y-%m-%d %H:%M")}
        atomic_write_json(path, CampaignSave(state, data_hash, extra).to_json())
        return path

    def read(self, number: int, *, use_backup: bool = False) -> CampaignSave:
        """The save in slot `number` (or its backup); SaveError names the file and the problem."""
        path = self.path(number)
        target = backup_path(path) if use_backup else path
        data = read_json(target)
        try:
            return CampaignSave.from_json(data)
        except RecordError as exc:
            bak = backup_path(path)
            raise SaveError(target, str(exc), backup=bak if not use_backup and bak.exists() else None) from None

    def slots(self) -> list[CampaignSlot]:
        remove_stale_temps(self.folder)  # leftovers of writes cut short by a crash
        out = []
        for n in range(1, self.count + 1):
            path = self.path(n)
            has_backup = backup_path(path).exists()
            if not path.exists():
                out.append(CampaignSlot(n, path, None, None, has_backup))
                continue
            try:
                out.append(CampaignSlot(n, path, self.read(n), None, has_backup))
            except SaveError as exc:
                out.append(CampaignSlot(n, path, None, str(exc), has_backup))
        return out
