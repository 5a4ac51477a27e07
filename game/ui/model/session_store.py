"""Suspend, autosave, Continue, replays and campaign saves, on top of `game.saves` and
`game.campaign`.

Scenes use the `SessionStore` protocol only. Writing never raises: a failure comes back as a
message for the player. Reading reports a damaged file with its backup, so the scene can ask
"the save is damaged: load the backup?".
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Protocol

from game.campaign import CampaignSave, CampaignSlot, CampaignSlots, CampaignState
from game.saves import BattleRecord, ReplayError, Resumable, SaveError, SuspendFiles, atomic_write_json
from game.saves.slots import SaveSlots

REPLAY_FOLDER = "replays"


class SessionStore(Protocol):
    def has_suspended(self) -> bool:
        """A suspended battle or an autosave can be continued."""
        ...

    def suspend(self, record: BattleRecord) -> str | None:
        """Save; returns an error message or None."""
        ...

    def autosave(self, record: BattleRecord) -> str | None: ...

    def latest(self) -> Resumable | None:
        """What Continue loads (the suspend, else the autosave), or why it cannot."""
        ...

    def has_backup(self, name: str) -> bool: ...

    def backup(self, name: str) -> BattleRecord:
        """The backup of a damaged suspend or autosave; SaveError if that is unusable too."""
        ...

    def discard_suspend(self) -> None:
        """The suspended battle was continued: later progress lives in the autosave."""
        ...

    def clear(self) -> None:
        """Forget the suspend and autosave (the battle was finished)."""
        ...

    def write_replay(self, make: ReplayMaker) -> str:
        """Write a replay file; returns the message for the player (where it went, or why not)."""
        ...

    def campaign_slots(self) -> list[CampaignSlot]: ...

    def save_campaign(self, number: int, state: CampaignState, data_hash: str, label: str) -> str | None:
        """Save the campaign in slot `number`; returns an error message or None."""
        ...

    def load_campaign(self, number: int, *, use_backup: bool = False) -> CampaignSave:
        """The campaign in slot `number`; SaveError names the file, the problem and any backup."""
        ...


class ReplayMaker(Protocol):
    def __call__(self) -> BattleRecord: ...


class SlotSessionStore:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.files = SuspendFiles(SaveSlots(folder))
        self.campaigns = CampaignSlots(folder)

    def has_suspended(self) -> bool:
        return self.files.has_any()

    def suspend(self, record: BattleRecord) -> str | None:
        try:
            self.files.suspend(record)
        except OSError as exc:
            return f"Could not save the battle to {self.folder}: {exc.strerror or exc}"
        return None

    def autosave(self, record: BattleRecord) -> str | None:
        try:
            self.files.autosave(record)
        except OSError as exc:
            return f"Could not autosave to {self.folder}: {exc.strerror or exc}"
        return None

    def latest(self) -> Resumable | None:
        return self.files.latest()

    def has_backup(self, name: str) -> bool:
        return self.files.has_backup(name)

    def backup(self, name: str) -> BattleRecord:
        return self.files.backup(name)

    def discard_suspend(self) -> None:
        self.files.discard_suspend()

    def clear(self) -> None:
        self.files.clear()

    def write_replay(self, make: ReplayMaker) -> str:
        try:
            record = make()
        except ReplayError as exc:  # the log did not replay: a bug worth reporting, not a crash
            return f"The replay could not be recorded: {exc}"
        stamp = time.strftime("%Y%m%d-%H%M%S")
        path = self.folder / REPLAY_FOLDER / f"{record.scenario}-{stamp}.json"
        n = 1
        while path.exists():  # two replays in one second
            n += 1
            path = path.with_name(f"{record.scenario}-{stamp}-{n}.json")
        try:
            atomic_write_json(path, record.to_json(), keep_backup=False)
        except OSError as exc:
            return f"Could not write the replay to {path}: {exc.strerror or exc}"
        return f"Replay saved: {path}"

    def campaign_slots(self) -> list[CampaignSlot]:
        return self.campaigns.slots()

    def save_campaign(self, number: int, state: CampaignState, data_hash: str, label: str) -> str | None:
        try:
            self.campaigns.write(number, state, data_hash, label=label)
        except OSError as exc:
            return f"Could not save the campaign to {self.campaigns.path(number)}: {exc.strerror or exc}"
        return None

    def load_campaign(self, number: int, *, use_backup: bool = False) -> CampaignSave:
        return self.campaigns.read(number, use_backup=use_backup)


__all__ = ["ReplayMaker", "SaveError", "SessionStore", "SlotSessionStore"]
