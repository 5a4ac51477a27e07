"""Commands: what a player or AI asks the engine to do, as data (imperative names).

Commands round-trip through JSON so that a replay is a seed and a list of commands.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from enum import StrEnum
from types import MappingProxyType
from typing import Any, ClassVar

from game.core.formulas import Reaction
from game.core.grid import Pos


class Pick(StrEnum):
    """What an `Attack` names instead of a weapon or unit id for the optional parts of the
    exchange: let the engine pick the best deterministically, or decline."""

    AUTO = "auto"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Command:
    kind: ClassVar[str] = ""

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, tuple):
                value = list(value)
            elif isinstance(value, Pick):
                value = value.value
            out[f.name] = value
        return out


@dataclass(frozen=True, slots=True)
class Move(Command):
    kind: ClassVar[str] = "move"
    unit: str
    to: Pos


@dataclass(frozen=True, slots=True)
class CancelMove(Command):
    kind: ClassVar[str] = "cancel_move"
    unit: str


@dataclass(frozen=True, slots=True)
class Attack(Command):
    """`reaction` is the defender's choice (counter / defend / evade). The counter weapon (a
    weapon id of the defender) and the supporters (unit ids) may instead be `Pick.AUTO`: the
    engine picks the best deterministically, or `Pick.NONE`: declined. In JSON they are the
    strings "auto" and "none"."""

    kind: ClassVar[str] = "attack"
    unit: str
    weapon: str
    target: str
    reaction: Reaction = "counter"
    counter_weapon: str | Pick = Pick.AUTO
    support_attack: str | Pick = Pick.AUTO
    support_defend: str | Pick = Pick.AUTO


@dataclass(frozen=True, slots=True)
class MapAttack(Command):
    """Fire a MAP weapon: `direction` (0 north, 1 east, 2 south, 3 west) for templates
    anchored on the unit, `center` for targeted bursts."""

    kind: ClassVar[str] = "map_attack"
    unit: str
    weapon: str
    direction: int = 0
    center: Pos | None = None


@dataclass(frozen=True, slots=True)
class CastSpirit(Command):
    kind: ClassVar[str] = "cast_spirit"
    unit: str
    spirit: str
    target: str | None = None  # for single-target spirits on another unit


@dataclass(frozen=True, slots=True)
class Wait(Command):
    kind: ClassVar[str] = "wait"
    unit: str


@dataclass(frozen=True, slots=True)
class TakeOff(Command):
    kind: ClassVar[str] = "take_off"
    unit: str


@dataclass(frozen=True, slots=True)
class Land(Command):
    kind: ClassVar[str] = "land"
    unit: str


@dataclass(frozen=True, slots=True)
class Repair(Command):
    kind: ClassVar[str] = "repair"
    unit: str
    target: str


@dataclass(frozen=True, slots=True)
class Supply(Command):
    kind: ClassVar[str] = "supply"
    unit: str
    target: str


@dataclass(frozen=True, slots=True)
class UseItem(Command):
    """Use one charge of a consumable part the unit carries (repair kit, propellant tank)."""

    kind: ClassVar[str] = "use_item"
    unit: str
    item: str


@dataclass(frozen=True, slots=True)
class EndPhase(Command):
    kind: ClassVar[str] = "end_phase"


COMMAND_TYPES: Mapping[str, type[Command]] = MappingProxyType(
    {
        c.kind: c
        for c in (
            Move,
            CancelMove,
            Attack,
            MapAttack,
            CastSpirit,
            Wait,
            TakeOff,
            Land,
            Repair,
            Supply,
            UseItem,
            EndPhase,
        )
    }
)


_PICK_FIELDS = frozenset({"counter_weapon", "support_attack", "support_defend"})
_PICKS = frozenset(p.value for p in Pick)


def command_from_json(data: dict[str, Any]) -> Command:
    """Rebuild a command; raises ValueError naming what is wrong."""
    if not isinstance(data, dict) or "kind" not in data:
        raise ValueError(f"a command must be an object with a 'kind', got {data!r}")
    cls = COMMAND_TYPES.get(str(data["kind"]))
    if cls is None:
        raise ValueError(f"unknown command kind {data['kind']!r}; known: {', '.join(sorted(COMMAND_TYPES))}")
    kwargs: dict[str, Any] = {}
    names = {f.name for f in fields(cls)}
    for key, value in data.items():
        if key == "kind":
            continue
        if key not in names:
            raise ValueError(f"command {cls.kind!r} has no field {key!r}")
        if key in ("to", "center") and value is not None:
            kwargs[key] = (int(value[0]), int(value[1]))
        elif key in _PICK_FIELDS and isinstance(value, str) and value in _PICKS:
            kwargs[key] = Pick(value)
        else:
            kwargs[key] = value
    try:
        return cls(**kwargs)
    except TypeError as exc:
        raise ValueError(f"bad {cls.kind!r} command: {exc}") from None
