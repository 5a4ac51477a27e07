"""Runtime battle state as plain data (issue: round-trips through JSON, stable digest).

Units refer to definitions by id. The static half of a battle (definitions, map, script)
is the `BattleContext`, held by reference and not serialised: a state's JSON names its
scenario, and `BattleState.from_json` is given the context to attach.

States are values. `apply` never changes the state it is given: it copies what it
changes (copy-on-write per unit), so old states stay valid for undo, AI look-ahead and
replays. Clients must treat states and units as read-only.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields
from enum import StrEnum
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Literal, TypeGuard, get_args

from game.core.caches import StateCache
from game.core.effects import Duration, is_duration
from game.core.grid import Pos

if TYPE_CHECKING:
    from game.core.context import BattleContext

STATE_VERSION = 1

# Where an effect on a unit comes from: a spirit cast, a status the rules put on it, a part it
# carries (lasting the battle) or one use of a consumable part.
EffectKind = Literal["spirit", "status", "part", "item"]
EFFECT_KINDS: tuple[EffectKind, ...] = get_args(EffectKind)


class UnitStatus(StrEnum):
    """Where a unit of the battle is: on the map, or gone and how."""

    ACTIVE = "active"
    DESTROYED = "destroyed"
    RETREATED = "retreated"
    CAPTURED = "captured"


ACTIVE = UnitStatus.ACTIVE
DESTROYED = UnitStatus.DESTROYED
RETREATED = UnitStatus.RETREATED
CAPTURED = UnitStatus.CAPTURED
UNIT_STATUSES: tuple[UnitStatus, ...] = tuple(UnitStatus)


@dataclass(frozen=True, slots=True)
class EffectState:
    """A spirit or status active on a unit. Its modifiers are looked up by (kind, id)."""

    kind: EffectKind
    id: str
    duration: Duration

    def to_json(self) -> list[str]:
        return [self.kind, self.id, self.duration]

    @classmethod
    def from_json(cls, data: list[str]) -> EffectState:
        kind, ident, duration = data
        if not (_is_effect_kind(kind) and is_duration(duration)):
            raise ValueError(f"an effect is [kind, id, duration] with a known kind and duration, got {data!r}")
        return cls(kind, str(ident), duration)


def _is_effect_kind(value: object) -> TypeGuard[EffectKind]:
    return value in EFFECT_KINDS


@dataclass(slots=True, eq=True)
class UnitState:
    uid: str
    unit_id: str
    pilot_id: str | None
    side: str
    x: int
    y: int
    hp: int
    en: int
    ammo: dict[str, int]
    will: int
    sp: int
    level: int = 1
    exp: int = 0
    kills: int = 0
    flying: bool = False
    moved: bool = False
    acted: bool = False
    status: UnitStatus = ACTIVE
    effects: tuple[EffectState, ...] = ()
    support_attacks: int = 0  # charges used this phase
    support_defends: int = 0
    substitutes_used: int = 0
    # These three are never changed in place (replaced instead), so copies share them.
    upgrades: dict[str, int] = field(default_factory=dict)
    tags: tuple[str, ...] = ()
    ai: dict[str, Any] = field(default_factory=dict)  # behaviour data for AI controllers; core ignores it

    @property
    def pos(self) -> Pos:
        return (self.x, self.y)

    @property
    def active(self) -> bool:
        return self.status == ACTIVE

    @property
    def done(self) -> bool:
        """Finished for this phase: moved and acted."""
        return self.moved and self.acted

    def has_effect(self, ident: str) -> bool:
        return any(e.id == ident for e in self.effects)

    def copy(self) -> UnitState:
        """A copy `apply` may change: `ammo` is the one field changed in place."""
        new = UnitState(*_unit_values(self))
        new.ammo = dict(self.ammo)
        return new

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, name, encode, _ in _UNIT_JSON:
            out[key] = [self.x, self.y] if name == "pos" else encode(getattr(self, name))
        return out

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> UnitState:
        values: dict[str, Any] = {}
        for key, name, _, decode in _UNIT_JSON:
            if name == "pos":
                x, y = d[key]
                values["x"], values["y"] = int(x), int(y)
            else:
                values[name] = decode(d[key])
        return cls(**values)


def _same(value: Any) -> Any:
    return value


# How each kind of UnitState field is written to JSON and read back, by its annotation.
_CODECS: dict[str, tuple[Callable[[Any], Any], Callable[[Any], Any]]] = {
    "str": (_same, str),
    "int": (_same, int),
    "bool": (_same, bool),
    "str | None": (_same, lambda v: None if v is None else str(v)),
    "dict[str, int]": (dict, lambda v: {str(k): int(n) for k, n in v.items()}),
    "dict[str, Any]": (dict, dict),
    "tuple[str, ...]": (list, lambda v: tuple(str(t) for t in v)),
    "UnitStatus": (str, UnitStatus),
    "tuple[EffectState, ...]": (lambda v: [e.to_json() for e in v], lambda v: tuple(map(EffectState.from_json, v))),
}
# JSON names that differ from the field names; `x` and `y` are written together as `pos`.
_JSON_KEYS = {"unit_id": "unit", "pilot_id": "pilot"}


_Field = tuple[str, str, Callable[[Any], Any], Callable[[Any], Any]]  # JSON key, field, encode, decode


def _unit_json() -> tuple[_Field, ...]:
    out: list[_Field] = []
    for f in fields(UnitState):
        if f.name == "y":
            continue
        if f.name == "x":
            out.append(("pos", "pos", _same, _same))
            continue
        encode, decode = _CODECS[str(f.type)]  # a new kind of field needs its codec here
        out.append((_JSON_KEYS.get(f.name, f.name), f.name, encode, decode))
    return tuple(out)


_UNIT_JSON = _unit_json()
_unit_values = attrgetter(*(f.name for f in fields(UnitState)))


@dataclass(slots=True, eq=True)
class SideResult:
    """Running totals per side for the battle summary, EXP and funds."""

    funds: int = 0
    kills: int = 0
    lost: int = 0
    damage_dealt: int = 0

    def to_json(self) -> dict[str, int]:
        return {"funds": self.funds, "kills": self.kills, "lost": self.lost, "damage_dealt": self.damage_dealt}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> SideResult:
        return cls(int(d["funds"]), int(d["kills"]), int(d["lost"]), int(d["damage_dealt"]))


@dataclass(slots=True, eq=True)
class Outcome:
    winner: str  # a side id
    reason: str

    def to_json(self) -> dict[str, str]:
        return {"winner": self.winner, "reason": self.reason}


@dataclass(slots=True, eq=False)
class BattleState:
    ctx: BattleContext
    seed: int
    turn: int
    phase: int  # index into ctx.sides
    units: dict[str, UnitState]
    rng: dict[str, int]
    flags: dict[str, Any] = field(default_factory=dict)
    objectives: str = "main"
    fired: dict[str, list[int]] = field(default_factory=dict)  # trigger id -> [turn, phase] last fired
    results: dict[str, SideResult] = field(default_factory=dict)
    bonus: list[str] = field(default_factory=list)  # bonus objectives achieved (set at the end)
    outcome: Outcome | None = None
    undo: UnitState | None = None  # the moving unit before its last move, while it can be cancelled
    spawned: int = 0  # counter for generated unit ids
    version: int = STATE_VERSION
    # Derived, never saved: active units by tile and `movement.reachable` results, built on
    # first use. `Tx` replaces it before every change it makes, so it always matches `units`;
    # not an init argument, so `dataclasses.replace` gives the new state an empty one.
    _cache: StateCache = field(default_factory=StateCache, init=False, repr=False, compare=False)

    # ---- reading -------------------------------------------------------------------------
    @property
    def side(self) -> str:
        """The side whose phase it is."""
        return self.ctx.sides[self.phase].id

    @property
    def over(self) -> bool:
        return self.outcome is not None

    def unit(self, uid: str) -> UnitState:
        try:
            return self.units[uid]
        except KeyError:
            raise KeyError(f"no unit {uid!r} in this battle") from None

    def active_units(self, side: str | None = None) -> Iterator[UnitState]:
        for u in self.units.values():
            if u.status == ACTIVE and (side is None or u.side == side):
                yield u

    def positions(self) -> dict[Pos, UnitState]:
        """Active units by tile (read-only; cached until the state changes)."""
        cache = self._cache
        found = cache.positions
        if found is None:
            found = cache.positions = {(u.x, u.y): u for u in self.units.values() if u.status == ACTIVE}
        return found

    def unit_at(self, pos: Pos) -> UnitState | None:
        return self.positions().get(pos)

    def occupancy(self) -> dict[Pos, UnitState]:
        """A copy of `positions()` the caller may change."""
        return dict(self.positions())

    # ---- copying -------------------------------------------------------------------------
    def shallow_copy(self) -> BattleState:
        """A new state sharing unit objects; `apply` replaces the units it changes."""
        return BattleState(
            ctx=self.ctx,
            seed=self.seed,
            turn=self.turn,
            phase=self.phase,
            units=dict(self.units),
            rng=dict(self.rng),
            flags=dict(self.flags),
            objectives=self.objectives,
            fired={k: list(v) for k, v in self.fired.items()},
            results={k: SideResult(**v.to_json()) for k, v in self.results.items()},
            bonus=list(self.bonus),
            outcome=self.outcome,
            undo=self.undo,
            spawned=self.spawned,
            version=self.version,
        )

    # ---- JSON ----------------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "scenario": self.ctx.scenario_id,
            "seed": self.seed,
            "turn": self.turn,
            "phase": self.phase,
            "units": [u.to_json() for u in self.units.values()],
            "rng": {k: format(v, "016x") for k, v in self.rng.items()},
            "flags": dict(self.flags),
            "objectives": self.objectives,
            "fired": {k: list(v) for k, v in self.fired.items()},
            "results": {k: v.to_json() for k, v in self.results.items()},
            "bonus": list(self.bonus),
            "outcome": None if self.outcome is None else self.outcome.to_json(),
            "undo": None if self.undo is None else self.undo.to_json(),
            "spawned": self.spawned,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], ctx: BattleContext) -> BattleState:
        version = int(data.get("version", 0))
        if version != STATE_VERSION:
            raise ValueError(f"battle state version {version} is not supported (expected {STATE_VERSION})")
        if data.get("scenario") != ctx.scenario_id:
            raise ValueError(f"state is for scenario {data.get('scenario')!r}, not {ctx.scenario_id!r}")
        units = [UnitState.from_json(u) for u in data["units"]]
        outcome = data.get("outcome")
        undo = data.get("undo")
        return cls(
            ctx=ctx,
            seed=int(data["seed"]),
            turn=int(data["turn"]),
            phase=int(data["phase"]),
            units={u.uid: u for u in units},
            rng={str(k): int(v, 16) for k, v in data["rng"].items()},
            flags=dict(data["flags"]),
            objectives=str(data["objectives"]),
            fired={str(k): [int(x) for x in v] for k, v in data["fired"].items()},
            results={str(k): SideResult.from_json(v) for k, v in data["results"].items()},
            bonus=[str(b) for b in data["bonus"]],
            outcome=None if outcome is None else Outcome(str(outcome["winner"]), str(outcome["reason"])),
            undo=None if undo is None else UnitState.from_json(undo),
            spawned=int(data["spawned"]),
            version=version,
        )

    def canonical_json(self) -> str:
        return canonical(self.to_json())

    def digest(self) -> str:
        """SHA-256 of the canonical JSON: equal states have equal digests on every machine."""
        return hashlib.sha256(self.canonical_json().encode("utf-8")).hexdigest()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, BattleState):
            return NotImplemented
        return self.ctx is other.ctx and self.to_json() == other.to_json()

    __hash__ = None  # type: ignore[assignment]


def canonical(data: Any) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=True, allow_nan=False)
