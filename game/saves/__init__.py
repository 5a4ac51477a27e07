"""Saves, suspends and replays: versioned JSON written atomically, with a backup kept."""

from game.saves.files import SaveError, atomic_write_json, read_json
from game.saves.records import SAVE_SCHEMA, BattleRecord, migrate

__all__ = ["SAVE_SCHEMA", "BattleRecord", "SaveError", "atomic_write_json", "migrate", "read_json"]
