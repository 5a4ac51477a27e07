"""What a save, suspend or replay file holds, and how old files are brought up to date.

A battle record is enough to rebuild a battle exactly: the scenario id, the seed and the
command log replay to the same state on any machine. The state at save time is stored too,
so loading is instant and a replay can be checked against it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from game import __version__
from game.core.commands import Command, command_from_json

FORMAT = "blue-comet-tactics"
SAVE_SCHEMA = 1
KINDS = ("suspend", "autosave", "slot", "replay")

# schema version -> function upgrading a file of that version to the next one.
Migration = Callable[[dict[str, Any]], dict[str, Any]]


class RecordError(ValueError):
    """The file is JSON but not a usable save; the message says what is wrong."""


def migrate(data: dict[str, Any], migrations: Mapping[int, Migration] | None = None) -> dict[str, Any]:
    """Bring `data` to SAVE_SCHEMA, or raise RecordError saying why it cannot be."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise RecordError("not a Blue Comet Tactics save (no 'format' marker)")
    version = data.get("schema")
    if not isinstance(version, int):
        raise RecordError("has no schema version")
    if version > SAVE_SCHEMA:
        raise RecordError(
            f"was written by a newer version of the game (save schema {version}, this game reads up to "
            f"{SAVE_SCHEMA}); update the game to load it"
        )
    steps = dict(MIGRATIONS if migrations is None else migrations)
    while version < SAVE_SCHEMA:
        step = steps.get(version)
        if step is None:
            raise RecordError(f"uses save schema {version}, which this version can no longer read")
        data = step(dict(data))
        new_version = data.get("schema")
        if not isinstance(new_version, int) or new_version <= version:
            raise RecordError(f"migration from schema {version} failed")
        version = new_version
    return data


# Older schemas this version can upgrade. Empty while schema 1 is the only one released;
# a change to the format adds its upgrade here (see docs/SAVES.md).
MIGRATIONS: Mapping[int, Migration] = {}


@dataclass(frozen=True)
class BattleRecord:
    scenario: str
    seed: int
    commands: tuple[Command, ...]
    digest: str  # of the state after the commands
    data_hash: str  # of the game data the battle was played with
    state: dict[str, Any] | None = None  # the state JSON at save time (None in pure replays)
    kind: str = "slot"
    game_version: str = __version__
    extra: dict[str, Any] = field(default_factory=dict)  # campaign link, AI names, label, time

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "schema": SAVE_SCHEMA,
            "game_version": self.game_version,
            "kind": self.kind,
            "data_hash": self.data_hash,
            "battle": {
                "scenario": self.scenario,
                "seed": self.seed,
                "commands": [c.to_json() for c in self.commands],
                "digest": self.digest,
                "state": self.state,
            },
            "extra": self.extra,
        }

    @classmethod
    def from_json(cls, data: Any) -> BattleRecord:
        data = migrate(data)
        try:
            battle = data["battle"]
            kind = str(data.get("kind", "slot"))
            if kind not in KINDS:
                raise RecordError(f"unknown save kind {kind!r}")
            commands = tuple(command_from_json(c) for c in battle["commands"])
            state = battle.get("state")
            if state is not None and not isinstance(state, dict):
                raise RecordError("'battle.state' must be an object")
            return cls(
                scenario=str(battle["scenario"]),
                seed=int(battle["seed"]),
                commands=commands,
                digest=str(battle["digest"]),
                data_hash=str(data["data_hash"]),
                state=state,
                kind=kind,
                game_version=str(data.get("game_version", "?")),
                extra=dict(data.get("extra") or {}),
            )
        except RecordError:
            raise
        except KeyError as exc:
            raise RecordError(f"is missing {exc.args[0]!r}") from None
        except (TypeError, ValueError) as exc:
            raise RecordError(f"has a bad entry ({exc})") from None
