"""Events: what happened, as data (past-tense names). Rendering only plays these back."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, ClassVar, Literal

from game.core.effects import StrikeRole
from game.core.formulas import Reaction
from game.core.grid import Pos
from game.core.rng import Roll


def _plain(value: Any) -> Any:
    if isinstance(value, Roll):
        return value.to_json()
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(value, "to_json"):
        return value.to_json()
    return value


@dataclass(frozen=True, slots=True)
class Event:
    kind: ClassVar[str] = ""

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind}
        for f in fields(self):
            out[f.name] = _plain(getattr(self, f.name))
        return out


@dataclass(frozen=True, slots=True)
class BattleStarted(Event):
    kind: ClassVar[str] = "battle_started"
    scenario: str
    seed: int


@dataclass(frozen=True, slots=True)
class TurnStarted(Event):
    kind: ClassVar[str] = "turn_started"
    turn: int


@dataclass(frozen=True, slots=True)
class PhaseStarted(Event):
    kind: ClassVar[str] = "phase_started"
    turn: int
    side: str


@dataclass(frozen=True, slots=True)
class PhaseEnded(Event):
    kind: ClassVar[str] = "phase_ended"
    turn: int
    side: str


@dataclass(frozen=True, slots=True)
class UnitRecovered(Event):
    kind: ClassVar[str] = "unit_recovered"
    unit: str
    hp: int
    en: int
    sp: int


@dataclass(frozen=True, slots=True)
class WillChanged(Event):
    kind: ClassVar[str] = "will_changed"
    unit: str
    before: int
    after: int
    reason: str


@dataclass(frozen=True, slots=True)
class EffectEnded(Event):
    kind: ClassVar[str] = "effect_ended"
    unit: str
    effect: str


@dataclass(frozen=True, slots=True)
class UnitMoved(Event):
    kind: ClassVar[str] = "unit_moved"
    unit: str
    path: tuple[Pos, ...]
    cost: int


@dataclass(frozen=True, slots=True)
class MoveCancelled(Event):
    kind: ClassVar[str] = "move_cancelled"
    unit: str
    back_to: Pos


@dataclass(frozen=True, slots=True)
class UnitTookOff(Event):
    kind: ClassVar[str] = "unit_took_off"
    unit: str


@dataclass(frozen=True, slots=True)
class UnitLanded(Event):
    kind: ClassVar[str] = "unit_landed"
    unit: str


@dataclass(frozen=True, slots=True)
class SpiritCast(Event):
    kind: ClassVar[str] = "spirit_cast"
    unit: str
    spirit: str
    targets: tuple[str, ...]
    sp_cost: int
    sp_left: int


@dataclass(frozen=True, slots=True)
class ItemUsed(Event):
    kind: ClassVar[str] = "item_used"
    unit: str
    item: str
    left: int  # charges of this item the unit still carries


@dataclass(frozen=True, slots=True)
class UnitHealed(Event):
    kind: ClassVar[str] = "unit_healed"
    unit: str
    hp: int  # amount restored
    hp_after: int
    source: str


@dataclass(frozen=True, slots=True)
class UnitResupplied(Event):
    kind: ClassVar[str] = "unit_resupplied"
    unit: str
    en_after: int
    source: str


@dataclass(frozen=True, slots=True)
class ExchangeStarted(Event):
    kind: ClassVar[str] = "exchange_started"
    attacker: str
    defender: str
    weapon: str
    reaction: Reaction | Literal["none"]  # "none": a MAP attack, nobody reacts
    support_attacker: str | None
    support_defender: str | None
    counter_weapon: str | None
    counter_first: bool = False  # the defender's Counter skill put its counter before the attack
    rolls: tuple[Roll, ...] = ()  # the Counter skill's roll, when there was one


@dataclass(frozen=True, slots=True)
class StrikeResolved(Event):
    """One blow of an exchange, with the rolls that decided it."""

    kind: ClassVar[str] = "strike_resolved"
    attacker: str
    target: str
    weapon: str
    role: StrikeRole
    hit_chance: int
    hit: bool
    crit_chance: int
    crit: bool
    damage: int
    hp_before: int
    hp_after: int
    barrier: int  # damage the barrier stopped
    substitute: bool  # a boss substitute negated a fatal hit
    mercy: bool  # Mercy left the target alive
    rolls: tuple[Roll, ...]


@dataclass(frozen=True, slots=True)
class ExchangeEnded(Event):
    kind: ClassVar[str] = "exchange_ended"
    attacker: str
    defender: str


@dataclass(frozen=True, slots=True)
class UnitDestroyed(Event):
    kind: ClassVar[str] = "unit_destroyed"
    unit: str
    by: str | None


@dataclass(frozen=True, slots=True)
class UnitCaptured(Event):
    kind: ClassVar[str] = "unit_captured"
    unit: str
    by: str


@dataclass(frozen=True, slots=True)
class UnitRetreated(Event):
    kind: ClassVar[str] = "unit_retreated"
    unit: str


@dataclass(frozen=True, slots=True)
class StatusApplied(Event):
    kind: ClassVar[str] = "status_applied"
    unit: str
    status: str


@dataclass(frozen=True, slots=True)
class ExpGained(Event):
    kind: ClassVar[str] = "exp_gained"
    unit: str
    amount: int
    level_before: int
    level_after: int


@dataclass(frozen=True, slots=True)
class FundsGained(Event):
    kind: ClassVar[str] = "funds_gained"
    side: str
    amount: int
    source: str


@dataclass(frozen=True, slots=True)
class UnitWaited(Event):
    kind: ClassVar[str] = "unit_waited"
    unit: str


@dataclass(frozen=True, slots=True)
class UnitRefreshed(Event):
    """The unit may move and act again (Zeal)."""

    kind: ClassVar[str] = "unit_refreshed"
    unit: str


@dataclass(frozen=True, slots=True)
class UnitSpawned(Event):
    kind: ClassVar[str] = "unit_spawned"
    unit: str
    unit_id: str
    side: str
    pos: Pos


@dataclass(frozen=True, slots=True)
class DialogueShown(Event):
    kind: ClassVar[str] = "dialogue_shown"
    trigger: str
    lines: tuple[dict[str, Any], ...]


@dataclass(frozen=True, slots=True)
class ObjectivesChanged(Event):
    kind: ClassVar[str] = "objectives_changed"
    objectives: str


@dataclass(frozen=True, slots=True)
class FlagSet(Event):
    kind: ClassVar[str] = "flag_set"
    flag: str
    value: Any


@dataclass(frozen=True, slots=True)
class TriggerFired(Event):
    kind: ClassVar[str] = "trigger_fired"
    trigger: str


@dataclass(frozen=True, slots=True)
class BattleEnded(Event):
    kind: ClassVar[str] = "battle_ended"
    winner: str
    reason: str
    bonus: tuple[str, ...]
