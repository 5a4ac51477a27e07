"""What a save, suspend, replay or campaign file holds, and how old files are brought up to date.

Every file is one JSON object with the same envelope: `format` (always
"blue-comet-tactics"), `schema` (this module's SAVE_SCHEMA when written), `game_version`,
`kind` and `data_hash` (the data layer's `LoadResult.data_hash` of the game data in use).

A battle record is enough to rebuild a battle exactly: the scenario id, the campaign's setup
(deploy picks, levels, upgrades), the seed and the command log replay to the same state on
any machine. The state at save time is stored too, so loading is instant and a replay can
be checked against it. See docs/SAVES.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from game import __version__
from game.core.commands import Command
from game.core.state import BattleState
from game.saves.commands import CommandFormatError, parse_command
from game.scenario.setup import BattleSetup, SetupError

FORMAT = "blue-comet-tactics"
SAVE_SCHEMA = 2
BATTLE_KINDS = ("suspend", "autosave", "slot", "replay")
CAMPAIGN_KIND = "campaign"
CHECKPOINT_CHARS = 16  # digest prefix kept per command in replays: enough to spot a divergence
# Far past any battle (a long one has a few thousand commands and under a hundred units);
# they bound the time a hostile file can make loading or verifying take.
MAX_COMMANDS = 100_000
MAX_UNITS = 5_000
_HEX = re.compile(r"^[0-9a-f]*$")

# schema version -> function upgrading a file of that version to the next one.
Migration = Callable[[dict[str, Any]], dict[str, Any]]


class RecordError(ValueError):
    """The file is JSON but not a usable save; the message says what is wrong."""


def _schema_1_to_2(data: dict[str, Any]) -> dict[str, Any]:
    """Schema 2 stores the campaign's battle setup and per-command checkpoints with a battle.
    A schema 1 battle was always played as the scenario is written, without checkpoints."""
    battle = data.get("battle")
    if isinstance(battle, dict):
        battle = dict(battle)
        battle.setdefault("setup", None)
        battle.setdefault("checkpoints", [])
        data["battle"] = battle
    data["schema"] = 2
    return data


# Older schemas this version can upgrade, one step at a time. A change to the format bumps
# SAVE_SCHEMA and adds its step here (and a test with a file of the old schema).
MIGRATIONS: Mapping[int, Migration] = {1: _schema_1_to_2}


def migrate(
    data: Any, migrations: Mapping[int, Migration] | None = None, *, target: int = SAVE_SCHEMA
) -> dict[str, Any]:
    """Bring `data` to schema `target`, or raise RecordError saying why it cannot be."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise RecordError("is not a Blue Comet Tactics save (no 'format' marker)")
    version = data.get("schema")
    if type(version) is not int:
        raise RecordError("has no schema version")
    if version > target:
        raise RecordError(
            f"was written by a newer version of the game (save schema {version}, this game reads up to "
            f"{target}); update the game to load it"
        )
    steps = dict(MIGRATIONS if migrations is None else migrations)
    while version < target:
        step = steps.get(version)
        if step is None:
            raise RecordError(f"uses save schema {version}, which this version can no longer read")
        data = step(dict(data))
        new_version = data.get("schema")
        if type(new_version) is not int or new_version <= version:
            raise RecordError(f"migration from schema {version} failed")
        version = new_version
    return data


def envelope(kind: str, data_hash: str, body: dict[str, Any], *, game_version: str = __version__) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "schema": SAVE_SCHEMA,
        "game_version": game_version,
        "kind": kind,
        "data_hash": data_hash,
        **body,
    }


def open_envelope(data: Any, kinds: tuple[str, ...]) -> dict[str, Any]:
    """Migrate `data` and check it is one of `kinds`; RecordError says what is wrong."""
    data = migrate(data)
    kind = data.get("kind")
    if kind not in kinds:
        shown = "a battle save" if kind in BATTLE_KINDS else f"kind {kind!r}"
        if kind == CAMPAIGN_KIND:
            shown = "a campaign save"
        raise RecordError(f"is {shown}, not {' or '.join(kinds)}")
    if not isinstance(data.get("data_hash"), str):
        raise RecordError("has no data hash")
    return data


@dataclass(frozen=True)
class BattleRecord:
    scenario: str
    seed: int
    commands: tuple[Command, ...]
    digest: str  # of the state after the commands
    data_hash: str  # LoadResult.data_hash of the game data the battle was played with
    state: dict[str, Any] | None = None  # the state JSON at save time (None in pure replays)
    kind: str = "slot"
    game_version: str = __version__
    extra: dict[str, Any] = field(default_factory=dict)  # campaign link, AI names, label, time
    setup: BattleSetup = BattleSetup()  # the campaign's changes to the scenario's player side
    checkpoints: tuple[str, ...] = ()  # digest prefix after each command (replays), to find a divergence

    @classmethod
    def of(
        cls,
        state: BattleState,
        commands: tuple[Command, ...] | list[Command],
        *,
        data_hash: str,
        kind: str,
        setup: BattleSetup | None = None,
        extra: dict[str, Any] | None = None,
        checkpoints: tuple[str, ...] = (),
    ) -> BattleRecord:
        """A record of the battle `state` reached with `commands` (from the scenario's start)."""
        return cls(
            scenario=state.ctx.scenario_id,
            seed=state.seed,
            commands=tuple(commands),
            digest=state.digest(),
            data_hash=data_hash,
            state=state.to_json(),
            kind=kind,
            extra=dict(extra or {}),
            setup=setup or BattleSetup(),
            checkpoints=checkpoints,
        )

    def to_json(self) -> dict[str, Any]:
        return envelope(
            self.kind,
            self.data_hash,
            {
                "battle": {
                    "scenario": self.scenario,
                    "seed": self.seed,
                    "setup": None if self.setup.empty else self.setup.to_json(),
                    "commands": [c.to_json() for c in self.commands],
                    "digest": self.digest,
                    "state": self.state,
                    "checkpoints": list(self.checkpoints),
                },
                "extra": self.extra,
            },
            game_version=self.game_version,
        )

    @classmethod
    def from_json(cls, data: Any) -> BattleRecord:
        data = open_envelope(data, BATTLE_KINDS)
        try:
            battle = data["battle"]
            if not isinstance(battle, dict):
                raise RecordError("'battle' must be an object")
            raw_commands = battle["commands"]
            if not isinstance(raw_commands, list):
                raise RecordError("'battle.commands' must be a list")
            if len(raw_commands) > MAX_COMMANDS:
                raise RecordError(f"has {len(raw_commands):,} commands; a battle record holds at most {MAX_COMMANDS:,}")
            commands = []
            for i, c in enumerate(raw_commands):
                try:
                    commands.append(parse_command(c))
                except CommandFormatError as exc:
                    raise RecordError(f"has a bad command #{i + 1}: {exc}") from None
            state = battle.get("state")
            if state is not None and not isinstance(state, dict):
                raise RecordError("'battle.state' must be an object")
            units = state.get("units") if state is not None else None
            if isinstance(units, list) and len(units) > MAX_UNITS:
                raise RecordError(f"has {len(units):,} units in its battle state; a battle holds at most {MAX_UNITS:,}")
            checkpoints = battle.get("checkpoints") or []
            if not isinstance(checkpoints, list) or not all(isinstance(c, str) and _HEX.match(c) for c in checkpoints):
                raise RecordError("'battle.checkpoints' must be a list of hex digests")
            if checkpoints and len(checkpoints) != len(commands):
                raise RecordError(f"has {len(checkpoints)} checkpoints for {len(commands)} commands")
            seed = battle["seed"]
            if type(seed) is not int:
                raise RecordError(f"'battle.seed' must be a whole number, got {seed!r}")
            extra = data.get("extra") or {}
            if not isinstance(extra, dict):
                raise RecordError("'extra' must be an object")
            return cls(
                scenario=str(battle["scenario"]),
                seed=seed,
                commands=tuple(commands),
                digest=str(battle["digest"]),
                data_hash=str(data["data_hash"]),
                state=state,
                kind=str(data["kind"]),
                game_version=str(data.get("game_version", "?")),
                extra=dict(extra),
                setup=BattleSetup.from_json(battle.get("setup")),
                checkpoints=tuple(checkpoints),
            )
        except RecordError:
            raise
        except SetupError as exc:
            raise RecordError(f"has a bad battle setup: {exc}") from None
        except KeyError as exc:
            raise RecordError(f"is missing {exc.args[0]!r}") from None
        except (TypeError, ValueError, AttributeError) as exc:
            raise RecordError(f"has a bad entry ({exc})") from None
