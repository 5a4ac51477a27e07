"""Commands read from a file (replays, saves, the suspend file), checked field by field.

`game.core.commands.command_from_json` trusts its input's shape; a file may hold anything
JSON can: `"to": [1]`, `"to": [1e308, 2]`, `"unit": ["a"]`, `"direction": true`. Here every
field is checked against the type the command declares before a command is built, so a bad
file is refused with the command's number, the field and the problem, and the engine only
ever sees commands of the right shape. Whether a well-formed command is legal (a unit that
is not in the battle, a tile off the map) stays the engine's call: it raises IllegalCommand.
"""

from __future__ import annotations

import functools
import types
from dataclasses import MISSING, fields
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from game.core.commands import COMMAND_TYPES, Command, Pick

MAX_TEXT = 200  # ids and choices are short; a longer string is not one
MAX_COORD = 100_000  # far past any map side (the Tiled loader allows 256), far from overflow
MAX_INT = 1_000_000


class CommandFormatError(ValueError):
    """A command from a file that does not have the shape its kind needs."""


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, list):
        return f"a list of {len(value)}"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, str):
        text = repr(value)
        return text if len(text) <= 40 else text[:37] + "..."
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, int):
        return str(value) if value.bit_length() < 128 else "a huge number"
    return type(value).__name__


@functools.cache
def field_types(kind: str) -> dict[str, tuple[str, bool, bool]]:
    """field -> (base type "str" / "int" / "pos" / "choice" (one of a Literal's words) / "pick"
    (an id or a `Pick` word), may be null, required) of command `kind`."""
    cls = COMMAND_TYPES[kind]
    hints = get_type_hints(cls)
    out = {}
    for f in fields(cls):
        hint = hints[f.name]
        optional = False
        if get_origin(hint) in (Union, types.UnionType):
            args = [a for a in get_args(hint) if a is not type(None)]
            optional = len(args) < len(get_args(hint))
            hint = args[0] if len(args) == 1 else hint
        if hint is str:
            base = "str"
        elif get_origin(hint) is Literal and all(isinstance(a, str) for a in get_args(hint)):
            base = "choice"
        elif get_origin(hint) in (Union, types.UnionType) and set(get_args(hint)) == {str, Pick}:
            base = "pick"
        elif hint is int:
            base = "int"
        elif get_origin(hint) is tuple and get_args(hint) == (int, int):
            base = "pos"
        else:  # a new field type: tests/saves/test_commands.py fails until it is handled here
            raise TypeError(f"{cls.__name__}.{f.name}: no file check for type {hint!r}")
        required = f.default is MISSING and f.default_factory is MISSING
        out[f.name] = (base, optional, required)
    return out


_PICKS = frozenset(p.value for p in Pick)


@functools.cache
def choices(kind: str, name: str) -> tuple[str, ...]:
    """The words a "choice" field of command `kind` may hold."""
    return get_args(get_type_hints(COMMAND_TYPES[kind])[name])


def _whole(value: Any, lo: int, hi: int) -> bool:
    return type(value) is int and lo <= value <= hi


def _check(kind: str, name: str, base: str, optional: bool, value: Any) -> Any:
    where = f"field {name!r} of a {kind!r} command"
    if value is None:
        if optional:
            return None
        raise CommandFormatError(f"{where} must not be null")
    if base == "choice":
        words = choices(kind, name)
        if not isinstance(value, str) or value not in words:
            raise CommandFormatError(f"{where} must be one of {', '.join(words)}, got {_show(value)}")
        return value
    if base in ("str", "pick"):
        if not isinstance(value, str) or not value or len(value) > MAX_TEXT:
            raise CommandFormatError(f"{where} must be an id (text of 1 to {MAX_TEXT} characters), got {_show(value)}")
        return Pick(value) if base == "pick" and value in _PICKS else value
    if base == "int":
        if not _whole(value, -MAX_INT, MAX_INT):
            raise CommandFormatError(f"{where} must be a whole number, got {_show(value)}")
        return value
    if not (isinstance(value, list) and len(value) == 2 and all(_whole(v, -MAX_COORD, MAX_COORD) for v in value)):
        raise CommandFormatError(f"{where} must be a tile [x, y] of two whole numbers, got {_show(value)}")
    return (value[0], value[1])


def parse_command(data: Any) -> Command:
    """The command `data` (one entry of a file's command list) describes; CommandFormatError
    names the field and what is wrong with it."""
    if not isinstance(data, dict):
        raise CommandFormatError(f"a command must be an object with a 'kind', got {_show(data)}")
    kind = data.get("kind")
    cls = COMMAND_TYPES.get(kind) if isinstance(kind, str) else None
    if cls is None:
        known = ", ".join(sorted(COMMAND_TYPES))
        raise CommandFormatError(f"unknown command kind {_show(kind)}; known: {known}")
    kind = cls.kind
    spec = field_types(kind)
    extra = sorted(str(k) for k in data if k != "kind" and k not in spec)
    if extra:
        raise CommandFormatError(f"a {kind!r} command has no field {_show(extra[0])}")
    kwargs: dict[str, Any] = {}
    for name, (base, optional, required) in spec.items():
        if name not in data:
            if required:
                raise CommandFormatError(f"a {kind!r} command needs the field {name!r}")
            continue
        kwargs[name] = _check(kind, name, base, optional, data[name])
    return cls(**kwargs)
