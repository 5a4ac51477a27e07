"""The SRW AI as it played before its second version (engagement, speed, a harder hard),
frozen as a benchmark opponent: the new normal must win at least half of mirrored runs
against it. Used only by benchmarks; the game never imports it."""

from benchmarks.legacy_ai.srw import SRWController as LegacySRWController

__all__ = ["LegacySRWController"]
