"""Suspend, autosave and Continue, on top of the save system (`game.saves`).

Scenes use the `SessionStore` protocol only; `SlotSessionStore` writes battle records
(scenario id, seed, command log and state) to the suspend and autosave slots.
"""

from __future__ import annotations

import hashlib
from typing import Any, Protocol

from game.core import command_from_json
from game.saves.files import SaveError
from game.saves.records import BattleRecord
from game.saves.slots import AUTOSAVE, SUSPEND, SaveSlots


class SessionStore(Protocol):
    def has_suspended(self) -> bool:
        """A suspended battle or an autosave can be continued."""
        ...

    def suspend(self, snapshot: dict[str, Any]) -> str | None:
        """Save; returns an error message or None."""
        ...

    def autosave(self, snapshot: dict[str, Any]) -> str | None: ...

    def resume(self) -> tuple[dict[str, Any] | None, str | None]:
        """The battle to continue (or None) and a message for the player, if any."""
        ...

    def discard_suspend(self) -> None:
        """The suspended battle was continued: later progress lives in the autosave."""
        ...

    def clear(self) -> None:
        """Forget the suspend and autosave (the battle was finished)."""
        ...


def definitions_hash(defs: object) -> str:
    """A fingerprint of the game data a battle was played with (frozen dataclasses repr stably)."""
    return hashlib.sha256(repr(defs).encode("utf-8")).hexdigest()


class SlotSessionStore:
    def __init__(self, slots: SaveSlots) -> None:
        self.slots = slots

    def has_suspended(self) -> bool:
        return self.slots.exists(SUSPEND) or self.slots.exists(AUTOSAVE)

    def _write(self, name: str, snapshot: dict[str, Any]) -> str | None:
        record = BattleRecord(
            scenario=str(snapshot["scenario"]),
            seed=int(snapshot["seed"]),
            commands=tuple(command_from_json(c) for c in snapshot["commands"]),
            digest=str(snapshot["digest"]),
            data_hash=str(snapshot["data_hash"]),
            state=snapshot["state"],
            kind=name,
            extra={"campaign": snapshot.get("campaign")},
        )
        try:
            self.slots.write(name, record)
        except OSError as exc:
            return f"could not save the battle to {self.slots.path(name)}: {exc}"
        return None

    def suspend(self, snapshot: dict[str, Any]) -> str | None:
        return self._write(SUSPEND, snapshot)

    def autosave(self, snapshot: dict[str, Any]) -> str | None:
        return self._write(AUTOSAVE, snapshot)

    def resume(self) -> tuple[dict[str, Any] | None, str | None]:
        name = SUSPEND if self.slots.exists(SUSPEND) else AUTOSAVE
        if not self.slots.exists(name):
            return None, None
        note = "Continuing from the autosave at the start of your last turn." if name == AUTOSAVE else None
        try:
            record = self.slots.read(name)
        except SaveError as exc:
            if exc.backup is None:
                return None, str(exc)
            try:
                record = self.slots.read(name, use_backup=True)
            except SaveError as again:
                return None, f"{exc} The backup is damaged too: {again.problem}."
            note = f"{exc.path} was damaged; continuing from its backup."
        snapshot = {
            "scenario": record.scenario,
            "seed": record.seed,
            "commands": [c.to_json() for c in record.commands],
            "state": record.state,
            "digest": record.digest,
            "data_hash": record.data_hash,
            "campaign": record.extra.get("campaign"),
        }
        return snapshot, note

    def discard_suspend(self) -> None:
        self.slots.delete(SUSPEND)

    def clear(self) -> None:
        self.slots.delete(SUSPEND)
        self.slots.delete(AUTOSAVE)
