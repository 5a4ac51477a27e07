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
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from game.core.caches import StateCache
from game.core.grid import Pos

if TYPE_CHECKING:
    from game.core.context import BattleContext

STATE_VERSION = 1
ACTIVE = "active"
DESTROYED = "destroyed"
RETREATED = "retreated"
CAPTURED = "captured"
UNIT_STATUSES = (ACTIVE, DESTROYED, RETREATED, CAPTURED)


@dataclass(frozen=True, slots=True)
class EffectState:
    """A spirit or status active on a unit. Its modifiers are looked up by (kind, id)."""

    kind: str  # "spirit" | "status"
    id: str
    duration: str

    def to_json(self) -> list[str]:
        return [self.kind, self.id, self.duration]

    @classmethod
    def from_json(cls, data: list[str]) -> EffectState:
        kind, ident, duration = data
        return cls(str(kind), str(ident), str(duration))


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
    status: str = ACTIVE
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
        return UnitState(
            self.uid,
            self.unit_id,
            self.pilot_id,
            self.side,
            self.x,
            self.y,
            self.hp,
            self.en,
            dict(self.ammo),
            self.will,
            self.sp,
            self.level,
            self.exp,
            self.kills,
            self.flying,
            self.moved,
            self.acted,
            self.status,
            self.effects,
            self.support_attacks,
            self.support_defends,
            self.substitutes_used,
            self.upgrades,
            self.tags,
            self.ai,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "uid": self.uid,
            "unit": self.unit_id,
            "pilot": self.pilot_id,
            "side": self.side,
            "pos": [self.x, self.y],
            "hp": self.hp,
            "en": self.en,
            "ammo": dict(self.ammo),
            "will": self.will,
            "sp": self.sp,
            "level": self.level,
            "exp": self.exp,
            "kills": self.kills,
            "flying": self.flying,
            "moved": self.moved,
            "acted": self.acted,
            "status": self.status,
            "effects": [e.to_json() for e in self.effects],
            "support_attacks": self.support_attacks,
            "support_defends": self.support_defends,
            "substitutes_used": self.substitutes_used,
            "upgrades": dict(self.upgrades),
            "tags": list(self.tags),
            "ai": self.ai,
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> UnitState:
        x, y = d["pos"]
        return cls(
            uid=str(d["uid"]),
            unit_id=str(d["unit"]),
            pilot_id=None if d["pilot"] is None else str(d["pilot"]),
            side=str(d["side"]),
            x=int(x),
            y=int(y),
            hp=int(d["hp"]),
            en=int(d["en"]),
            ammo={str(k): int(v) for k, v in d["ammo"].items()},
            will=int(d["will"]),
            sp=int(d["sp"]),
            level=int(d["level"]),
            exp=int(d["exp"]),
            kills=int(d["kills"]),
            flying=bool(d["flying"]),
            moved=bool(d["moved"]),
            acted=bool(d["acted"]),
            status=str(d["status"]),
            effects=tuple(EffectState.from_json(e) for e in d["effects"]),
            support_attacks=int(d["support_attacks"]),
            support_defends=int(d["support_defends"]),
            substitutes_used=int(d["substitutes_used"]),
            upgrades={str(k): int(v) for k, v in d["upgrades"].items()},
            tags=tuple(str(t) for t in d["tags"]),
            ai=dict(d["ai"]),
        )


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
    # first use. `Tx` replaces it before every change it makes, so it always matches `units`.
    _cache: StateCache = field(default_factory=StateCache, repr=False, compare=False)

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
