"""Parameter sweeps: `--sweep units.braver.hp=2000:3200:200` plays one variant of the game
data per value (several `--sweep`s: every combination, a grid), all on the same seeds, and
reports the player team's win rate with its 95% interval per variant.

A sweep's values are START:STOP:STEP (STOP included) or a list a,b,c. Each variant is a
set of `--set` overrides, so everything `--set` accepts can be swept.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from game.sim.results import SimReport, SimulationError

MAX_VARIANTS = 400  # a larger grid is almost always a typo in a step


@dataclass(frozen=True)
class Sweep:
    path: str  # a --set path: units.braver.hp
    values: tuple[str, ...]

    def assignments(self) -> tuple[str, ...]:
        return tuple(f"{self.path}={v}" for v in self.values)


def parse_sweep(text: str) -> Sweep:
    """`PATH=START:STOP:STEP` or `PATH=A,B,C`; SimulationError saying what is wrong."""
    path, eq, spec = text.partition("=")
    path, spec = path.strip(), spec.strip()
    usage = f"--sweep {text}: expected PATH=START:STOP:STEP (e.g. units.braver.hp=2000:3200:200) or PATH=A,B,C"
    if not eq or not path or not spec:
        raise SimulationError(usage)
    if ":" not in spec:
        values = tuple(v.strip() for v in spec.split(","))
        if any(not v for v in values):
            raise SimulationError(f"{usage}: an empty value in the list")
        return Sweep(path, values)
    parts = spec.split(":")
    if len(parts) != 3:
        raise SimulationError(f"{usage}: a range has three numbers, got {len(parts)}")
    try:
        start, stop, step = (Decimal(p.strip()) for p in parts)
    except InvalidOperation:
        raise SimulationError(f"{usage}: {spec!r} is not three numbers") from None
    if step <= 0:
        raise SimulationError(f"{usage}: the step must be more than 0")
    if stop < start:
        raise SimulationError(f"{usage}: the range ends ({stop}) before it starts ({start})")
    count = int((stop - start) / step) + 1
    if count > MAX_VARIANTS:
        raise SimulationError(f"{usage}: {count} values is more than {MAX_VARIANTS}; use a larger step")
    return Sweep(path, tuple(_number(start + i * step) for i in range(count)))


def _number(d: Decimal) -> str:
    """2200, not 2.2E+3; 0.5, not 0.50."""
    text = format(d.normalize(), "f")
    return text if text != "-0" else "0"


def grid(sweeps: Sequence[Sweep]) -> list[tuple[str, ...]]:
    """Every combination of the sweeps' values, as lists of `--set` assignments (the first
    sweep varies slowest)."""
    combos = list(itertools.product(*(s.assignments() for s in sweeps)))
    if len(combos) > MAX_VARIANTS:
        raise SimulationError(f"the sweeps make {len(combos)} variants, more than {MAX_VARIANTS}")
    paths = [s.path for s in sweeps]
    repeated = sorted({p for p in paths if paths.count(p) > 1})
    if repeated:
        raise SimulationError(f"--sweep {repeated[0]} is given more than once")
    return [tuple(c) for c in combos]


@dataclass(frozen=True)
class Variant:
    assignments: tuple[str, ...]  # this variant's sweep values (the shared --set ones aside)
    report: SimReport

    @property
    def label(self) -> str:
        return ", ".join(self.assignments)


@dataclass(frozen=True)
class SweepResult:
    scenario: str
    sweeps: tuple[Sweep, ...]
    variants: tuple[Variant, ...]
    shared: tuple[str, ...] = ()  # --set overrides every variant has

    @property
    def seeds(self) -> list[int]:
        return [r.seed for r in self.variants[0].report.runs]

    def to_json(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario,
            "seeds": self.seeds,
            "sweeps": [{"path": s.path, "values": list(s.values)} for s in self.sweeps],
            "shared_overrides": list(self.shared),
            "variants": [
                {
                    "set": list(v.assignments),
                    "player_win_rate": v.report.summary.player_wins.to_json(),
                    "turns": v.report.summary.turns.to_json(),
                    "report": v.report.to_json(),
                }
                for v in self.variants
            ],
        }


def check_same_seeds(variants: Sequence[Variant]) -> None:
    seeds = [r.seed for r in variants[0].report.runs]
    for v in variants[1:]:
        if [r.seed for r in v.report.runs] != seeds:
            raise ValueError("every variant of a sweep must be played on the same seeds")


def format_sweep(result: SweepResult) -> str:
    seeds = result.seeds
    lines = [
        f"{result.scenario}: sweep of {', '.join(s.path for s in result.sweeps)} "
        f"({len(result.variants)} variants), each on the same {len(seeds)} seeds ({seeds[0]}-{seeds[-1]})"
    ]
    if result.shared:
        lines.append(f"  every variant also has: {', '.join(result.shared)}")
    width = max(24, *(len(v.label) for v in result.variants)) + 2
    lines.append(f"  {'variant':<{width}}{'player team wins (95% CI)':>30}{'turns median':>14}{'mean':>8}")
    for v in result.variants:
        s = v.report.summary
        lines.append(f"  {v.label:<{width}}{s.player_wins.text():>30}{s.turns.median:>14g}{s.turns.mean:>8.2f}")
    return "\n".join(lines)
