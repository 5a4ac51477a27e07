"""Report pages for simulation batches: a Markdown page beside its PNG charts.

report.md       the summary tables (and the comparison, for --compare)
win_rate.png    win rate per side with its 95% interval
turns.png       how many runs ended on each turn
damage.png      mean damage dealt per unit
sweep.png       for --sweep: the player team's win rate per variant
"""

from __future__ import annotations

from pathlib import Path

from game.sim.charts import Series, damage_chart, sweep_chart, turn_histogram, win_rate_chart
from game.sim.results import SimReport
from game.sim.summary import UNDECIDED, Comparison, Summary
from game.sim.sweep import SweepResult

PAGE = "report.md"


def _series(label: str, report: SimReport) -> Series:
    return Series(label, report.summary, tuple(r.turns for r in report.runs))


def _charts(folder: Path, series: list[Series]) -> list[tuple[str, str]]:
    return [
        ("Win rate", win_rate_chart(series, folder / "win_rate.png").name),
        ("Battle length", turn_histogram(series, folder / "turns.png").name),
        ("Damage per unit", damage_chart(series, folder / "damage.png").name),
    ]


def _pct(x: float) -> str:
    return f"{x * 100:.1f}%"


def _summary_md(report: SimReport, s: Summary) -> list[str]:
    runs = report.runs
    out = [
        f"- Runs: {s.runs} (seeds {runs[0].seed}-{runs[-1].seed}), player AI `{report.player_ai}`, "
        f"enemy AI `{report.enemy_ai}`",
    ]
    if report.overrides:
        out.append(f"- Data overrides: {', '.join(f'`{o}`' for o in report.overrides)}")
    out += [
        f"- Data hash: `{report.data_hash[:16]}`" if report.data_hash else "- Data hash: (definitions given directly)",
        "",
        "| | rate | 95% interval | runs |",
        "|---|---:|---:|---:|",
        f"| **player team wins** | {_pct(s.player_wins.value)} | {_pct(s.player_wins.low)}-{_pct(s.player_wins.high)} "
        f"| {s.player_wins.k} |",
    ]
    for side, rate in s.wins.items():
        if side == UNDECIDED and not rate.k:
            continue
        out.append(f"| {side} wins | {_pct(rate.value)} | {_pct(rate.low)}-{_pct(rate.high)} | {rate.k} |")
    for bonus, rate in s.bonus.items():
        out.append(f"| bonus `{bonus}` | {_pct(rate.value)} | {_pct(rate.low)}-{_pct(rate.high)} | {rate.k} |")
    t = s.turns
    out += [
        "",
        f"Turns: median {t.median:g}, 10th percentile {t.p10:g}, 90th percentile {t.p90:g} "
        f"(mean {t.mean:.2f}, shortest {t.low}, longest {t.high}).",
        "",
        "Units lost per run: " + ", ".join(f"{side} {v:.2f}" for side, v in s.lost.items()) + ".",
        "",
    ]
    if s.defeats:
        out.append("Causes of the player's defeats:")
        out += [f"- {reason}: {n}" for reason, n in s.defeats]
    else:
        out.append("The player was never defeated.")
    out += [
        "",
        "| unit | side | runs | damage dealt (mean) | damage taken (mean) | kills (mean) |",
        "|---|---|---:|---:|---:|---:|",
    ]
    out += [
        f"| {u.uid} ({u.name}) | {u.side} | {u.runs} | {u.damage:.0f} | {u.taken:.0f} | {u.kills:.2f} |"
        for u in s.units
    ]
    return out


def write_report(folder: Path, report: SimReport) -> Path:
    """Write the page and its charts for one batch; returns the page's path."""
    folder.mkdir(parents=True, exist_ok=True)
    s = report.summary
    lines = [f"# Simulation report: {report.scenario}", ""]
    lines += _summary_md(report, s)
    lines.append("")
    for title, name in _charts(folder, [_series(report.scenario, report)]):
        lines += [f"## {title}", "", f"![{title}]({name})", ""]
    page = folder / PAGE
    page.write_text("\n".join(lines), encoding="utf-8")
    return page


def write_comparison_report(folder: Path, c: Comparison) -> Path:
    """Write the page and its charts for a baseline and a variant on the same seeds."""
    folder.mkdir(parents=True, exist_ok=True)
    a, b = c.baseline.summary, c.variant.summary
    d = c.player_wins
    lines = [
        f"# Simulation report: {c.baseline.scenario}, baseline vs variant",
        "",
        f"Variant: {', '.join(f'`{o}`' for o in c.variant.overrides)}, on the same {a.runs} seeds.",
        "",
        "| | baseline | variant | delta (95% interval) |",
        "|---|---:|---:|---:|",
        f"| player team wins | {a.player_wins.text()} | {b.player_wins.text()} | "
        f"{d.value * 100:+.1f} points [{d.low * 100:+.1f}, {d.high * 100:+.1f}] |",
        f"| turns (median) | {a.turns.median:g} | {b.turns.median:g} | {c.turns_median:+g} |",
        f"| turns (mean) | {a.turns.mean:.2f} | {b.turns.mean:.2f} | {c.turns_mean.value:+.2f} "
        f"[{c.turns_mean.low:+.2f}, {c.turns_mean.high:+.2f}] |",
        "",
        "The win-rate interval is Newcombe's (from the two Wilson intervals); the turns interval is "
        "the normal interval of the per-seed differences.",
        "",
    ]
    for title, name in _charts(folder, [_series("baseline", c.baseline), _series("variant", c.variant)]):
        lines += [f"## {title}", "", f"![{title}]({name})", ""]
    lines += ["## Baseline", "", *_summary_md(c.baseline, a), "", "## Variant", "", *_summary_md(c.variant, b)]
    page = folder / PAGE
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return page


def write_sweep_report(folder: Path, result: SweepResult) -> Path:
    """Write the page of a sweep: the win rate per variant (table and chart), then each
    variant's summary; returns the page's path."""
    folder.mkdir(parents=True, exist_ok=True)
    seeds = result.seeds
    lines = [
        f"# Simulation report: {result.scenario}, sweep of {', '.join(s.path for s in result.sweeps)}",
        "",
        f"{len(result.variants)} variants, each played on the same {len(seeds)} seeds ({seeds[0]}-{seeds[-1]}).",
    ]
    if result.shared:
        lines.append(f"Every variant also has {', '.join(f'`{o}`' for o in result.shared)}.")
    lines += [
        "",
        "| variant | player team wins | 95% interval | turns (median) | turns (mean) |",
        "|---|---:|---:|---:|---:|",
    ]
    for v in result.variants:
        s = v.report.summary
        w = s.player_wins
        lines.append(
            f"| `{v.label}` | {_pct(w.value)} | {_pct(w.low)}-{_pct(w.high)} "
            f"| {s.turns.median:g} | {s.turns.mean:.2f} |"
        )
    name = sweep_chart(result, folder / "sweep.png").name
    lines += ["", "## Win rate per variant", "", f"![Win rate per variant]({name})", ""]
    for v in result.variants:
        lines += [f"## `{v.label}`", "", *_summary_md(v.report, v.report.summary), ""]
    page = folder / PAGE
    page.write_text("\n".join(lines), encoding="utf-8")
    return page
