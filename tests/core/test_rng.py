"""The battle PRNG: PCG32 pinned to the reference output and to golden battle values."""

from __future__ import annotations

from collections import Counter

from game.core.rng import _MASK64, _MULT, StreamSet, bounded, new_streams, next_u32, stream_increment


def test_pcg32_matches_the_reference_implementation() -> None:
    # pcg32_srandom(42, 54) from the PCG reference (pcg32-demo) prints these six values.
    inc = (54 << 1) | 1
    state = ((inc + 42) * _MULT + inc) & _MASK64
    out = []
    for _ in range(6):
        value, state = next_u32(state, inc)
        out.append(value)
    assert out == [0xA15C02B7, 0x7B47F409, 0xBA1D3330, 0x83D2F293, 0xBFA4784B, 0xCBED606E]


def test_golden_battle_streams() -> None:
    streams = new_streams(2026)
    assert streams == {
        "combat": 0xD619C32B1912F72C,
        "ai": 0x13ACD88F8CD60274,
        "misc": 0x95AAB5D79E102F0C,
    }
    rolls = StreamSet(streams)
    assert [rolls.percent("combat", "hit").value for _ in range(10)] == [32, 0, 72, 21, 6, 31, 36, 74, 30, 99]


def test_streams_are_independent() -> None:
    a = StreamSet(new_streams(5))
    b = StreamSet(new_streams(5))
    for _ in range(50):
        a.percent("ai", "noise")  # drawing from ai ...
    assert [a.percent("combat", "hit").value for _ in range(20)] == [
        b.percent("combat", "hit").value for _ in range(20)
    ]  # ... never shifts combat


def test_every_roll_is_recorded() -> None:
    s = StreamSet(new_streams(1))
    r1 = s.percent("combat", "hit")
    r2 = s.roll("misc", 6, "die")
    assert s.rolls == [r1, r2]
    assert (r2.stream, r2.purpose, r2.bound) == ("misc", "die", 6)
    assert 0 <= r2.value < 6


def test_bounded_is_roughly_uniform() -> None:
    state = new_streams(9)["combat"]
    inc = stream_increment("combat")
    counts: Counter[int] = Counter()
    for _ in range(20000):
        value, state = bounded(state, inc, 10)
        counts[value] += 1
    assert set(counts) == set(range(10))
    assert all(1800 < c < 2200 for c in counts.values())


def test_different_seeds_differ() -> None:
    assert new_streams(1) != new_streams(2)
