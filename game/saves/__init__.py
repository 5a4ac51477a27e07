"""Saves, suspends and replays: versioned JSON written atomically, with a backup kept.

    slots = SaveSlots(default_save_dir())
    slots.write("slot1", BattleRecord.of(state, log, data_hash=result.data_hash, kind="slot"))
    restored = restore(slots.read("slot1"), result.data_hash, lambda sid: load_scenario(sid, result))
    verify(record, result.data_hash, loader)       # replays headless, names the first divergence

See docs/SAVES.md for the file format, migration and what happens with changed game data.
"""

from game.saves.files import SaveError, atomic_write_json, read_json
from game.saves.records import SAVE_SCHEMA, BattleRecord, RecordError, migrate
from game.saves.replays import Cursor, ReplayError, Verification, describe, record_replay, verify
from game.saves.restore import Restored, restore
from game.saves.slots import SaveSlots, default_save_dir
from game.saves.suspend import Resumable, SuspendFiles

__all__ = [
    "SAVE_SCHEMA",
    "BattleRecord",
    "Cursor",
    "RecordError",
    "ReplayError",
    "Restored",
    "Resumable",
    "SaveError",
    "SaveSlots",
    "SuspendFiles",
    "Verification",
    "atomic_write_json",
    "default_save_dir",
    "describe",
    "migrate",
    "read_json",
    "record_replay",
    "restore",
    "verify",
]
