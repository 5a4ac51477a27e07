"""Aggregates of a batch of runs (win rates with intervals, turns, losses, per-unit tallies,
bonus objectives, causes of defeat), the comparison of two batches, and their text form."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from game.sim.stats import Difference, Rate, paired_mean_difference, percentile, rate_difference, wilson

if TYPE_CHECKING:
    from game.sim.results import SimReport

UNDECIDED = "undecided"


@dataclass(frozen=True)
class TurnStats:
    median: float
    p10: float
    p90: float
    mean: float
    low: int
    high: int

    def to_json(self) -> dict[str, float]:
        return {
            "median": self.median,
            "p10": self.p10,
            "p90": self.p90,
            "mean": self.mean,
            "min": self.low,
            "max": self.high,
        }


@dataclass(frozen=True)
class UnitStats:
    uid: str
    unit: str
    name: str
    side: str
    runs: int  # runs the unit took part in
    damage: float  # mean HP taken from others per run it took part in (damage dealt)
    kills: float  # mean units shot down or captured per run it took part in
    taken: float = 0.0  # mean HP others took from it per run it took part in (damage taken)

    def to_json(self) -> dict[str, Any]:
        return {
            "uid": self.uid,
            "unit": self.unit,
            "name": self.name,
            "side": self.side,
            "runs": self.runs,
            "damage_mean": self.damage,
            "damage_taken_mean": self.taken,
            "kills_mean": self.kills,
        }


@dataclass(frozen=True)
class Summary:
    runs: int
    player_side: str
    wins: dict[str, Rate]  # side id (and "undecided") -> rate
    player_wins: Rate  # wins of the player's team (player and allies)
    turns: TurnStats
    lost: dict[str, float]  # side -> mean units lost per run
    units: tuple[UnitStats, ...]
    bonus: dict[str, Rate]  # bonus objective id -> rate over all runs
    defeats: tuple[tuple[str, int], ...]  # the player's defeats by reason, most common first

    @property
    def main_defeat(self) -> str | None:
        return self.defeats[0][0] if self.defeats else None

    def to_json(self) -> dict[str, Any]:
        return {
            "runs": self.runs,
            "player_side": self.player_side,
            "win_rate": {k: v.to_json() for k, v in self.wins.items()},
            "player_win_rate": self.player_wins.to_json(),
            "turns": self.turns.to_json(),
            "units_lost_mean": self.lost,
            "units": [u.to_json() for u in self.units],
            "bonus_rate": {k: v.to_json() for k, v in self.bonus.items()},
            "defeat_causes": [{"reason": r, "count": n} for r, n in self.defeats],
            "most_common_defeat": self.main_defeat,
        }


def summarize(report: SimReport) -> Summary:
    runs = report.runs
    n = len(runs)
    sides = report.sides or tuple(sorted({r.winner for r in runs if r.winner}))
    friends = _friends(report)
    counts = Counter(r.winner or UNDECIDED for r in runs)
    wins = {s: wilson(counts.get(s, 0), n) for s in (*sides, UNDECIDED)}
    player_wins = wilson(sum(1 for r in runs if r.winner in friends), n)
    turns = [r.turns for r in runs]
    turn_stats = TurnStats(
        percentile(turns, 50), percentile(turns, 10), percentile(turns, 90), sum(turns) / n, min(turns), max(turns)
    )
    lost = {s: sum(r.lost.get(s, 0) for r in runs) / n for s in sides}
    units = []
    for info in report.units:
        present = [r for r in runs if info.uid in r.roster]
        if not present:
            continue
        units.append(
            UnitStats(
                info.uid,
                info.unit,
                info.name,
                info.side,
                len(present),
                sum(r.damage.get(info.uid, 0) for r in present) / len(present),
                sum(r.kills.get(info.uid, 0) for r in present) / len(present),
                sum(r.damage_taken.get(info.uid, 0) for r in present) / len(present),
            )
        )
    bonus = {b: wilson(sum(1 for r in runs if b in r.bonus), n) for b in report.bonus_ids}
    defeats = Counter(r.reason for r in runs if r.winner is not None and r.winner not in friends)
    return Summary(
        runs=n,
        player_side=report.player_side,
        wins=wins,
        player_wins=player_wins,
        turns=turn_stats,
        lost=lost,
        units=tuple(units),
        bonus=bonus,
        defeats=tuple(sorted(defeats.items(), key=lambda kv: (-kv[1], kv[0]))),
    )


def _friends(report: SimReport) -> set[str]:
    """The player's team: the player side and its allies."""
    return {report.player_side, *report.friendly_sides}


# ---- comparison -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Comparison:
    baseline: SimReport
    variant: SimReport
    player_wins: Difference  # variant - baseline, Newcombe interval
    wins: dict[str, Difference]
    turns_mean: Difference  # paired over the shared seeds
    turns_median: float  # variant median - baseline median

    def to_json(self) -> dict[str, Any]:
        return {
            "baseline": self.baseline.to_json(),
            "variant": self.variant.to_json(),
            "delta": {
                "player_win_rate": self.player_wins.to_json(),
                "win_rate": {k: v.to_json() for k, v in self.wins.items()},
                "turns_mean": self.turns_mean.to_json(),
                "turns_median": self.turns_median,
            },
        }


def compare(baseline: SimReport, variant: SimReport) -> Comparison:
    if [r.seed for r in baseline.runs] != [r.seed for r in variant.runs]:
        raise ValueError("a comparison needs both batches played on the same seeds")
    a, b = baseline.summary, variant.summary
    return Comparison(
        baseline,
        variant,
        rate_difference(b.player_wins, a.player_wins),
        {s: rate_difference(b.wins[s], a.wins[s]) for s in a.wins if s in b.wins},
        paired_mean_difference([r.turns for r in variant.runs], [r.turns for r in baseline.runs]),
        b.turns.median - a.turns.median,
    )


# ---- text -------------------------------------------------------------------------------------
def _pct(x: float) -> str:
    return f"{x * 100:.1f}%"


def format_summary(report: SimReport, *, per_run: bool = False) -> str:
    s = report.summary
    runs = report.runs
    lines = [
        f"{report.scenario}: {len(runs)} run(s), seeds {runs[0].seed}-{runs[-1].seed}, "
        f"player AI {report.player_ai}, enemy AI {report.enemy_ai}"
        + (f", {report.jobs} jobs" if report.jobs > 1 else "")
        + (f", {report.seconds:.1f} s" if report.seconds else "")
    ]
    if report.overrides:
        lines.append(f"  data overrides: {', '.join(report.overrides)}")
    if per_run:
        for r in runs:
            bonus = f"  bonus: {', '.join(r.bonus)}" if r.bonus else ""
            outcome = f"{r.winner or 'undecided':<9} turn {r.turns:>2}  {r.reason}"
            lines.append(f"  seed {r.seed:>4}  {outcome}{bonus}  [{r.digest[:12]}]")
    lines.append(f"  player team wins  {s.player_wins.text()}  (95% Wilson interval)")
    lines.append(
        "  wins by side      " + "   ".join(f"{k} {v.text()}" for k, v in s.wins.items() if v.k or k != UNDECIDED)
    )
    t = s.turns
    lines.append(
        f"  turns             median {t.median:g}, p10 {t.p10:g}, p90 {t.p90:g} (mean {t.mean:.1f}, {t.low}-{t.high})"
    )
    lines.append("  units lost / run  " + ", ".join(f"{k} {v:.2f}" for k, v in s.lost.items()))
    if s.bonus:
        lines.append("  bonus objectives  " + ", ".join(f"{k} {_pct(v.value)}" for k, v in s.bonus.items()))
    if s.defeats:
        total = sum(n for _r, n in s.defeats)
        causes = "; ".join(f"{r} ({n})" for r, n in s.defeats[:3])
        lines.append(f"  player defeats    {total}, most often: {causes}")
    else:
        lines.append("  player defeats    none")
    labels = [f"{u.uid} ({u.name}, {u.side})" for u in s.units]
    width = max([40, *(len(label) for label in labels)])
    lines.append(f"  {'per unit (mean per run it took part in)':<{width + 2}} damage dealt  damage taken    kills")
    for u, label in zip(s.units, labels, strict=True):
        lines.append(f"    {label:<{width}} {u.damage:>12.0f} {u.taken:>13.0f} {u.kills:>8.2f}")
    problems = sorted({p for r in runs for p in r.problems})
    for p in problems:
        lines.append(f"  ai problem: {p}")
    # Kept for scripts that read the old one-line tally.
    wins = ", ".join(f"{k} {v}" for k, v in sorted(report.wins().items()))
    lines.append(f"  wins: {wins}; mean turns {t.mean:.1f}")
    return "\n".join(lines)


def format_comparison(c: Comparison) -> str:
    a, b = c.baseline.summary, c.variant.summary
    lines = [
        f"{c.baseline.scenario}: baseline vs variant ({', '.join(c.variant.overrides)}) on the same "
        f"{a.runs} seeds ({c.baseline.runs[0].seed}-{c.baseline.runs[-1].seed})",
        f"  {'':<18}{'baseline':>24}{'variant':>24}{'delta (95% CI)':>32}",
        f"  {'player team wins':<18}{a.player_wins.text():>24}{b.player_wins.text():>24}"
        f"{_delta_pct(c.player_wins):>32}",
    ]
    for side, d in c.wins.items():
        if a.wins[side].k or b.wins[side].k:
            lines.append(f"  {side + ' wins':<18}{a.wins[side].text():>24}{b.wins[side].text():>24}{_delta_pct(d):>32}")
    lines.append(f"  {'turns (median)':<18}{a.turns.median:>24g}{b.turns.median:>24g}{c.turns_median:>+32g}")
    lines.append(
        f"  {'turns (mean)':<18}{a.turns.mean:>24.2f}{b.turns.mean:>24.2f}"
        f"{f'{c.turns_mean.value:+.2f} [{c.turns_mean.low:+.2f}, {c.turns_mean.high:+.2f}]':>32}"
    )
    return "\n".join(lines)


def _delta_pct(d: Difference) -> str:
    return f"{d.value * 100:+.1f} [{d.low * 100:+.1f}, {d.high * 100:+.1f}]"
