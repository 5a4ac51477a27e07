"""Turning pydantic's validation errors into `Problem`s a modder can act on: the file, line
and column of the offending value, its key path, what was found and what was expected,
with the nearest valid key for a misspelt one."""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from game.data.located import locate
from game.data.problems import Problem, did_you_mean, format_path, show


def problems_from_validation(
    exc: ValidationError, root: object, model: type[BaseModel], prefix: str, *, check: str = "schema"
) -> list[Problem]:
    out: list[Problem] = []
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        kind = err["type"]
        is_key = bool(loc) and loc[-1] == "[key]"
        if is_key:
            loc = loc[:-1]
        mark = locate(root, loc, key=is_key or kind == "extra_forbidden")
        message = _message(err, kind, loc, model, is_key)
        out.append(Problem.at(mark, prefix + format_path(loc), message, check=check))
    return out


def _message(err: Any, kind: str, loc: tuple[Any, ...], model: type[BaseModel], is_key: bool) -> str:
    value = err.get("input")
    ctx = err.get("ctx") or {}
    got = show(value)
    if is_key:
        return f"key {got} is not allowed here: {_base_message(err, kind, value, ctx, got, loc)}"
    if kind == "missing":
        return f"missing required field {loc[-1]!r}" if loc else "missing required fields"
    if kind == "extra_forbidden":
        allowed = allowed_keys(model, loc[:-1])
        hint = did_you_mean(loc[-1], allowed)
        if not hint and allowed and len(allowed) <= 16:
            hint = "; valid keys: " + ", ".join(sorted(allowed))
        return f"unknown key {loc[-1]!r}{hint}"
    return _base_message(err, kind, value, ctx, got, loc)


def _base_message(err: Any, kind: str, value: Any, ctx: dict[str, Any], got: str, loc: tuple[Any, ...]) -> str:
    if kind == "literal_error":
        options = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        if not options and str(ctx.get("expected")) == "True":
            field = loc[-1] if loc else "flag"
            return f"write '{field}: true' (this is a flag: it is on when present), got {got}"
        return f"expected one of {', '.join(options)}; got {got}" + did_you_mean(value, options)
    if kind in ("int_type", "int_parsing", "int_from_float"):
        if isinstance(value, str) and re.fullmatch(r"\s*-?\d+\s*", value):
            return f"expected a whole number, got the text {got} (remove the quotes)"
        return f"expected a whole number, got {got}"
    if kind in ("bool_type", "bool_parsing"):
        return f"expected true or false, got {got}"
    if kind in ("string_type", "string_unicode"):
        return f"expected text, got {got}"
    if kind in ("list_type", "tuple_type", "set_type"):
        return f"expected a list, got {got}"
    if kind in ("dict_type", "model_type", "model_attributes_type", "mapping_type"):
        return f"expected a mapping (key: value lines), got {got}"
    if kind == "greater_than_equal":
        return f"must be at least {ctx.get('ge')}, got {got}"
    if kind == "less_than_equal":
        return f"must be at most {ctx.get('le')}, got {got}"
    if kind == "greater_than":
        return f"must be more than {ctx.get('gt')}, got {got}"
    if kind == "less_than":
        return f"must be less than {ctx.get('lt')}, got {got}"
    if kind == "too_long":
        return f"has {ctx.get('actual_length')} items; at most {ctx.get('max_length')} are allowed"
    if kind == "too_short":
        if ctx.get("min_length") == 1:
            return "must not be empty"
        return f"needs at least {ctx.get('min_length')} items, has {ctx.get('actual_length')}"
    if kind == "string_too_long":
        return f"text is too long (at most {ctx.get('max_length')} characters)"
    msg = str(err.get("msg", "invalid value"))
    return msg.removeprefix("Value error, ")


# ---- walking the schema along an error location ----------------------------------------------
def _unwrap(tp: Any) -> Any:
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            if len(args) != 1:
                return tp
            tp = args[0]
        else:
            return tp


def model_at(model: type[BaseModel], loc: Sequence[Any]) -> type[BaseModel] | None:
    """The model class describing the value at `loc` (for listing its valid keys)."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        origin = typing.get_origin(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(str(part))
            if field is None:
                return None
            current = field.annotation
        elif origin is list:
            current = typing.get_args(current)[0]
        elif origin is dict:
            current = typing.get_args(current)[1]
        else:
            return None
    current = _unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def allowed_keys(model: type[BaseModel], loc: Sequence[Any]) -> list[str]:
    found = model_at(model, loc)
    return list(found.model_fields) if found is not None else []
