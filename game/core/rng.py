"""Our own seeded generator (PCG32, XSH-RR) with independent named streams.

Python's `random` is never used for game rolls: its algorithm is not ours to pin, and a
battle's rolls must be reproducible from the seed and saved with the state. Each stream
has its own 64-bit state and an increment derived from the stream's name, so drawing from
`ai` never shifts what `combat` will roll.
"""

from __future__ import annotations

from dataclasses import dataclass

_MASK64 = (1 << 64) - 1
_MASK32 = (1 << 32) - 1
_MULT = 6364136223846793005

STREAMS: tuple[str, ...] = ("combat", "ai", "misc")


def _fnv1a64(text: str) -> int:
    h = 0xCBF29CE484222325
    for byte in text.encode("utf-8"):
        h ^= byte
        h = (h * 0x100000001B3) & _MASK64
    return h


def stream_increment(name: str) -> int:
    """The PCG increment (odd) that selects the stream for `name`."""
    return ((_fnv1a64(name) << 1) | 1) & _MASK64


def seed_stream(seed: int, name: str) -> int:
    """Initial 64-bit state of stream `name` for a battle seed (PCG's srandom)."""
    inc = stream_increment(name)
    state = (0 * _MULT + inc) & _MASK64
    state = (state + (seed & _MASK64)) & _MASK64
    return (state * _MULT + inc) & _MASK64


def next_u32(state: int, inc: int) -> tuple[int, int]:
    """One PCG32 step: returns (output, new_state)."""
    old = state
    new_state = (old * _MULT + inc) & _MASK64
    xorshifted = (((old >> 18) ^ old) >> 27) & _MASK32
    rot = old >> 59
    out = ((xorshifted >> rot) | (xorshifted << ((-rot) & 31))) & _MASK32
    return out, new_state


def bounded(state: int, inc: int, bound: int) -> tuple[int, int]:
    """Unbiased integer in [0, bound) by rejection; returns (value, new_state)."""
    if bound <= 0:
        raise ValueError("bound must be positive")
    threshold = ((1 << 32) - bound) % bound
    while True:
        r, state = next_u32(state, inc)
        if r >= threshold:
            return r % bound, state


@dataclass(frozen=True, slots=True)
class Roll:
    """One draw, recorded in the event that used it."""

    stream: str
    purpose: str
    bound: int
    value: int

    def to_json(self) -> dict[str, object]:
        return {"stream": self.stream, "purpose": self.purpose, "bound": self.bound, "value": self.value}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Roll:
        bound, value = data["bound"], data["value"]
        if not isinstance(bound, int) or not isinstance(value, int):
            raise ValueError(f"a roll's bound and value must be integers, got {data!r}")
        return cls(str(data["stream"]), str(data["purpose"]), bound, value)


def new_streams(seed: int, names: tuple[str, ...] = STREAMS) -> dict[str, int]:
    return {name: seed_stream(seed, name) for name in names}


class StreamSet:
    """A mutable working copy of a battle's stream states, used inside one `apply`.

    The battle state keeps an immutable mapping; `apply` copies it into a StreamSet,
    draws, and writes the new states back into the new battle state.
    """

    __slots__ = ("_states", "rolls")

    def __init__(self, states: dict[str, int]) -> None:
        self._states = dict(states)
        self.rolls: list[Roll] = []

    def roll(self, stream: str, bound: int, purpose: str) -> Roll:
        state = self._states[stream]
        value, state = bounded(state, stream_increment(stream), bound)
        self._states[stream] = state
        roll = Roll(stream, purpose, bound, value)
        self.rolls.append(roll)
        return roll

    def percent(self, stream: str, purpose: str) -> Roll:
        """An integer 0..99; a chance of p% succeeds when value < p."""
        return self.roll(stream, 100, purpose)

    def snapshot(self) -> dict[str, int]:
        return dict(self._states)
