"""Field types shared by the data schemas: ids, exact decimals, ranks, ranges.

Each type validates with its own readable message and describes itself in JSON Schema,
so editors can complete and check YAML files.
"""

from __future__ import annotations

import math
import re
from fractions import Fraction
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, PlainValidator, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from game.core.defs import F
from game.core.ranks import ENVIRONMENTS, RANK_LETTERS
from game.data.problems import show as _show

ID_PATTERN = r"^[a-z][a-z0-9_]*$"
_ID_RE = re.compile(ID_PATTERN)
MAX_NUMBER = 1_000_000_000  # no sane stat is larger; keeps hostile numbers out of the formulas


class Strict(BaseModel):
    """Base for every data model: unknown keys are errors and nothing is silently converted
    (a quoted "3000" is not a number; 1.5 is not a whole number)."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, validate_default=False)


def suggest_id(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def _check_id(value: Any) -> str:
    if not isinstance(value, str):
        raise PydanticCustomError(
            "id_type", "expected an id (text such as 'layzner_mk2'), got {got}", {"got": _show(value)}
        )
    if not _ID_RE.match(value):
        better = suggest_id(value)
        hint = f"; did you mean {better!r}?" if better and _ID_RE.match(better) else ""
        raise PydanticCustomError(
            "id_format",
            "ids use lower-case letters, digits and underscores and start with a letter, got {got}{hint}",
            {"got": repr(value), "hint": hint},
        )
    return value


def _check_ref(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise PydanticCustomError("ref_type", "expected an id or alias (text), got {got}", {"got": _show(value)})
    return value.strip()


Id = Annotated[str, PlainValidator(_check_id), WithJsonSchema({"type": "string", "pattern": ID_PATTERN})]
# A reference to another entry: its id or one of its aliases, any case ("Grimekaisar").
Ref = Annotated[str, PlainValidator(_check_ref), WithJsonSchema({"type": "string", "minLength": 1})]


def _to_fraction(value: Any) -> Fraction:
    if isinstance(value, bool):
        raise PydanticCustomError(
            "decimal_type", "expected a number such as 1.1 or 3/4, got {got}", {"got": _show(value)}
        )
    if isinstance(value, Fraction):
        return value
    if isinstance(value, int):
        if abs(value) > MAX_NUMBER:
            raise PydanticCustomError("decimal_range", "number {got} is too large", {"got": value})
        return Fraction(value)
    if isinstance(value, float):
        if not math.isfinite(value) or abs(value) > MAX_NUMBER:
            raise PydanticCustomError("decimal_range", "number {got} is not a usable finite value", {"got": value})
        return F(value)  # 1.1 is exactly 11/10
    if isinstance(value, str):
        try:
            out = Fraction(value.strip())
        except (ValueError, ZeroDivisionError):
            pass
        else:
            if abs(out) <= MAX_NUMBER:
                return out
    raise PydanticCustomError("decimal_type", "expected a number such as 1.1 or 3/4, got {got}", {"got": _show(value)})


# An exact decimal: 1.1 in YAML becomes Fraction(11, 10); "3/4" is accepted too.
Decimal = Annotated[
    Fraction,
    PlainValidator(_to_fraction),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "string", "pattern": r"^-?\d+(\.\d+)?(/\d+)?$"}]}),
]

Count = Annotated[int, Field(ge=0, le=MAX_NUMBER)]
Signed = Annotated[int, Field(ge=-MAX_NUMBER, le=MAX_NUMBER)]
Percent = Annotated[int, Field(ge=0, le=100)]
Level = Annotated[int, Field(ge=1, le=99)]
Text = Annotated[str, Field(max_length=2000)]

# Spelled out for the type checker; tests/data/test_fields.py keeps them equal to game.core.ranks.
RankLetter = Literal["S", "A", "B", "C", "D", "-"]
GradeLetter = Literal["S", "A", "B", "C", "D"]  # a rank that is not closed
Environment = Literal["air", "land", "sea", "space"]


class RanksModel(Strict):
    """Terrain ranks for Air/Land/Sea/Space. Write `A/A/C/A`, `AACA` or a mapping."""

    air: RankLetter
    land: RankLetter
    sea: RankLetter
    space: RankLetter

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, data: Any) -> Any:
        if isinstance(data, str):
            letters = data.replace("/", "").replace(" ", "").upper()
            if len(letters) != 4:
                raise PydanticCustomError(
                    "ranks_format",
                    "ranks need four letters for Air/Land/Sea/Space, like 'A/A/C/A'; got {got}",
                    {"got": repr(data)},
                )
            return dict(zip(ENVIRONMENTS, letters, strict=True))
        if isinstance(data, dict):
            return {k: v.upper() if isinstance(v, str) else v for k, v in data.items()}
        return data

    def text(self) -> str:
        return f"{self.air}/{self.land}/{self.sea}/{self.space}"


_LETTER_SCHEMA = {"enum": list(RANK_LETTERS)}
RANKS_JSON_SCHEMA = {
    "description": "Ranks for Air/Land/Sea/Space: S, A, B, C, D or - (cannot enter / cannot be used).",
    "anyOf": [
        {"type": "string", "pattern": r"^[SABCDsabcd-](/?[SABCDsabcd-]){3}$", "examples": ["A/A/C/A"]},
        {
            "type": "object",
            "properties": dict.fromkeys(ENVIRONMENTS, _LETTER_SCHEMA),
            "required": list(ENVIRONMENTS),
            "additionalProperties": False,
        },
    ],
}
Ranks = Annotated[RanksModel, WithJsonSchema(RANKS_JSON_SCHEMA)]


def _to_range(value: Any) -> tuple[int, int]:
    if isinstance(value, int) and not isinstance(value, bool):
        lo = hi = value
    elif (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    ):
        lo, hi = value
    elif isinstance(value, str) and re.fullmatch(r"\s*\d+\s*-\s*\d+\s*", value):
        lo, hi = (int(v) for v in value.split("-"))
    else:
        raise PydanticCustomError(
            "range_type",
            "range is one number (1) or a minimum and maximum ([2, 6] or '2-6'), got {got}",
            {"got": _show(value)},
        )
    if not 0 <= lo <= hi <= 99:
        raise PydanticCustomError(
            "range_order", "range needs 0 <= minimum <= maximum <= 99, got {lo}-{hi}", {"lo": lo, "hi": hi}
        )
    return (lo, hi)


WeaponRange = Annotated[
    tuple[int, int],
    PlainValidator(_to_range),
    PlainSerializer(lambda r: [r[0], r[1]], return_type=list),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 0},
                {"type": "array", "items": {"type": "integer", "minimum": 0}, "minItems": 2, "maxItems": 2},
                {"type": "string", "pattern": r"^\d+\s*-\s*\d+$"},
            ]
        }
    ),
]
