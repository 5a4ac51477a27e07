"""Per-unit AI behaviour, read from `UnitState.ai` (scenario YAML passes the dict through).

The keys are documented for scenario writers in docs/AI.md. `parse_behaviour` is strict:
an unknown key or a wrong type raises `BehaviourError` naming the unit and the key, so a
typo in a scenario is reported instead of silently ignored. The scenario loader may call
it at load time to report problems with the file name.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, TypeGuard, get_args

from game.core.state import BattleState, UnitState
from game.core.stats import hp_pct

BehaviourKind = Literal["aggressive", "defensive", "guard", "stationary", "boss"]
BEHAVIOURS: tuple[BehaviourKind, ...] = get_args(BehaviourKind)
KEYS: tuple[str, ...] = (
    "behaviour",
    "trigger_range",
    "guard",
    "guard_radius",
    "hold_until_turn",
    "hold_until_hp_pct",
    "retreat_hp_pct",
    "retreat_to",
    "target_priority",
    "spirits",
)
DEFAULT_GUARD_RADIUS = 3


class BehaviourError(ValueError):
    """An `ai:` block that cannot be understood (a scenario data error)."""


@dataclass(frozen=True, slots=True)
class Behaviour:
    kind: BehaviourKind = "aggressive"
    trigger_range: int | None = None  # defensive: wakes when a hostile is this close (default: its threat range)
    guard: str | None = None  # guard: a region id or a unit uid
    guard_radius: int = DEFAULT_GUARD_RADIUS
    hold_until_turn: int | None = None  # boss
    hold_until_hp_pct: int | None = None  # boss
    retreat_hp_pct: int | None = None
    retreat_to: str | None = None  # region id
    target_priority: tuple[str, ...] = ()  # uids, unit definition ids or pilot ids, most wanted first
    spirits: tuple[str, ...] | None = None  # None: not given; ("all",) means every known spirit


def _int(where: str, key: str, value: Any, lo: int = 0, hi: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise BehaviourError(f"{where}: ai.{key} must be a whole number, got {value!r}")
    if value < lo or (hi is not None and value > hi):
        bound = f"{lo}..{hi}" if hi is not None else f">= {lo}"
        raise BehaviourError(f"{where}: ai.{key} must be {bound}, got {value}")
    return value


def _str(where: str, key: str, value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise BehaviourError(f"{where}: ai.{key} must be a non-empty text id, got {value!r}")
    return value


def _ids(where: str, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (_str(where, key, value),)
    if not isinstance(value, (list, tuple)):
        raise BehaviourError(f"{where}: ai.{key} must be a list of ids, got {value!r}")
    return tuple(_str(where, key, v) for v in value)


def _is_kind(value: object) -> TypeGuard[BehaviourKind]:
    return value in BEHAVIOURS


def parse_behaviour(data: Mapping[str, Any] | None, where: str = "unit") -> Behaviour:
    """Validate an `ai:` mapping; `where` names the unit (or file and unit) in errors."""
    if not data:
        return Behaviour()
    if not isinstance(data, Mapping):
        raise BehaviourError(f"{where}: ai must be a mapping of keys, got {data!r}")
    unknown = sorted(set(data) - set(KEYS))
    if unknown:
        raise BehaviourError(f"{where}: unknown ai key {unknown[0]!r}; known keys: {', '.join(KEYS)}")
    kind = data.get("behaviour", "aggressive")
    if not _is_kind(kind):
        raise BehaviourError(f"{where}: ai.behaviour must be one of {', '.join(BEHAVIOURS)}, got {kind!r}")
    guard = data.get("guard")
    if kind == "guard" and guard is None:
        raise BehaviourError(f"{where}: ai.behaviour guard needs ai.guard (a region id or a unit id)")
    spirits = data.get("spirits")
    return Behaviour(
        kind=kind,
        trigger_range=None
        if data.get("trigger_range") is None
        else _int(where, "trigger_range", data["trigger_range"]),
        guard=None if guard is None else _str(where, "guard", guard),
        guard_radius=_int(where, "guard_radius", data.get("guard_radius", DEFAULT_GUARD_RADIUS)),
        hold_until_turn=None
        if data.get("hold_until_turn") is None
        else _int(where, "hold_until_turn", data["hold_until_turn"], 1),
        hold_until_hp_pct=None
        if data.get("hold_until_hp_pct") is None
        else _int(where, "hold_until_hp_pct", data["hold_until_hp_pct"], 0, 100),
        retreat_hp_pct=None
        if data.get("retreat_hp_pct") is None
        else _int(where, "retreat_hp_pct", data["retreat_hp_pct"], 0, 100),
        retreat_to=None if data.get("retreat_to") is None else _str(where, "retreat_to", data["retreat_to"]),
        target_priority=_ids(where, "target_priority", data.get("target_priority", ())),
        spirits=None if spirits is None else _ids(where, "spirits", spirits),
    )


def check_references(b: Behaviour, state: BattleState, where: str = "unit") -> None:
    """Raise BehaviourError when a region or unit the behaviour names does not exist."""
    regions = state.ctx.script.regions
    if b.retreat_to is not None and b.retreat_to not in regions:
        raise BehaviourError(f"{where}: ai.retreat_to names unknown region {b.retreat_to!r}")
    if b.guard is not None and b.guard not in regions and b.guard not in state.units:
        raise BehaviourError(f"{where}: ai.guard {b.guard!r} is neither a region nor a unit id")


def behaviour_of(state: BattleState, u: UnitState) -> Behaviour:
    """`u`'s behaviour; raises BehaviourError for a bad `ai:` block."""
    b = parse_behaviour(u.ai, u.uid)
    if b.retreat_to is not None or b.guard is not None:
        check_references(b, state, u.uid)
    return b


def validate_ai(state: BattleState) -> list[str]:
    """A message for every unit whose `ai:` block is wrong (unknown key, bad value, a region
    or unit that does not exist), to report before a battle starts."""
    problems = []
    for u in state.units.values():
        try:
            behaviour_of(state, u)
        except BehaviourError as exc:
            problems.append(str(exc))
    return problems


def retreating(state: BattleState, u: UnitState, b: Behaviour) -> bool:
    return b.retreat_hp_pct is not None and hp_pct(state.ctx, u) <= b.retreat_hp_pct


def boss_holding(state: BattleState, u: UnitState, b: Behaviour) -> bool:
    """A boss holds its ground until its turn comes or it is hurt enough."""
    if b.kind != "boss":
        return False
    if b.hold_until_turn is None and b.hold_until_hp_pct is None:
        return False
    if b.hold_until_turn is not None and state.turn >= b.hold_until_turn:
        return False
    return not (b.hold_until_hp_pct is not None and hp_pct(state.ctx, u) <= b.hold_until_hp_pct)
