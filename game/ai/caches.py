"""The planner's caches of pure results, declared in one place with their size limits.

Every entry is a pure function of its key, so clearing a cache (when a new battle context
comes in, or when one grows past its limit) never changes a decision, only its cost.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game.ai.fields import TileMask
from game.ai.memo import Memo
from game.ai.objectives import Aims
from game.ai.scoring import Trade
from game.ai.threat import Blow
from game.core.combat import StrikeCalc

# One hostile's threat on a unit: (tiles it could strike next phase, its blow there).
ThreatPart = tuple[TileMask, Blow]
HostileThreat = tuple[str, list[ThreatPart]]


def _memo(limit: int) -> Memo[Any, Any]:
    return Memo(limit)


@dataclass(slots=True)
class PlannerCaches:
    """Results that outlive one decision (the keys name every unit and number involved)."""

    trades: Memo[tuple[object, ...], Trade] = field(default_factory=lambda: _memo(20000))
    counters: Memo[tuple[object, ...], tuple[StrikeCalc | None, int]] = field(default_factory=lambda: _memo(20000))
    strikes: Memo[object, tuple[StrikeCalc, str]] = field(default_factory=lambda: _memo(20000))
    worth: Memo[tuple[object, ...], float] = field(default_factory=lambda: _memo(4096))
    aims: Memo[tuple[str, str], Aims] = field(default_factory=lambda: _memo(256))
    # A unit's threats from all its hostiles, and from each hostile alone (mostly one
    # hostile has changed since the last look: the others' parts are kept).
    threat_parts: Memo[tuple[object, ...], list[HostileThreat]] = field(default_factory=lambda: _memo(1024))
    hostile_parts: Memo[tuple[object, ...], list[ThreatPart]] = field(default_factory=lambda: _memo(8192))
