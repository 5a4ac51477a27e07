"""Deterministic randomness for the AI, derived from the state without changing it.

The battle's `ai` stream state, the turn, the phase and a label (a unit id) seed a local
PCG32; each draw is keyed by a candidate label rather than taken in sequence, so the value a
candidate gets does not depend on the order candidates are enumerated in. The combat stream
is never touched.
"""

from __future__ import annotations

from game.core.rng import next_u32, seed_stream, stream_increment
from game.core.state import BattleState

_SCALE = 1.0 / 4294967296.0
_MASK64 = (1 << 64) - 1


class TieBreak:
    __slots__ = ("_inc", "_seed")

    def __init__(self, state: BattleState, label: str) -> None:
        base = state.rng.get("ai", state.seed)
        self._seed = (base ^ stream_increment(f"{state.turn}|{state.phase}|{label}")) & _MASK64
        self._inc = stream_increment("ai")

    def uniform(self, key: str) -> float:
        """A number in [0, 1) fixed for this state, label and key."""
        value, _ = next_u32(seed_stream(self._seed, key), self._inc)
        return value * _SCALE

    def index(self, key: str, n: int) -> int:
        return min(n - 1, int(self.uniform(key) * n))
