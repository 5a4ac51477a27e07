"""Balance of the shipped campaign: `python -m benchmarks.balance [--runs 500] [SCENARIO ...]`.

With the SRW AI (normal difficulty) on both sides, each campaign scenario should be won
by the player in 60-95% of its seeded runs, and take a median of at least 4 turns. This
is a benchmark, not a test: it plays thousands of battles. It prints one row per
scenario and exits 1 when a scenario misses its target; `--markdown` prints the table as
docs/BALANCE.md shows it.
"""

from __future__ import annotations

import argparse
import sys
import time

from game.sim import simulate
from game.sim.simulate import default_jobs

WIN_LOW, WIN_HIGH = 0.60, 0.95
MIN_MEDIAN_TURNS = 4
FIRST_SEED = 0


def shipped_scenarios() -> list[str]:
    """Every scenario the game ships (the linear stages and the route stages), in story order."""
    from game.scenario import list_scenarios

    return [i.id for i in list_scenarios() if i.source == "game"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.balance", description=__doc__.splitlines()[0])
    parser.add_argument("scenarios", nargs="*", default=shipped_scenarios())
    parser.add_argument("--runs", type=int, default=500)
    parser.add_argument("--seed", type=int, default=FIRST_SEED)
    parser.add_argument("--jobs", type=int, default=default_jobs())
    parser.add_argument("--set", action="append", default=[], dest="overrides", metavar="PATH=VALUE")
    parser.add_argument("--markdown", action="store_true", help="print the table in Markdown")
    args = parser.parse_args(argv)

    rows = []
    ok = True
    for sid in args.scenarios:
        started = time.perf_counter()
        report = simulate(sid, args.seed, args.runs, jobs=args.jobs, overrides=args.overrides)
        s = report.summary
        rate = s.player_wins
        good = WIN_LOW <= rate.value <= WIN_HIGH and s.turns.median >= MIN_MEDIAN_TURNS
        ok &= good
        defeat = f"{s.main_defeat} ({s.defeats[0][1]})" if s.defeats else "-"
        undecided = s.wins["undecided"].k
        rows.append((sid, rate, s.turns, defeat, undecided, good, time.perf_counter() - started))
        if not args.markdown:
            print(
                f"{sid:<22} win {rate.value * 100:5.1f}% [{rate.low * 100:4.1f}, {rate.high * 100:4.1f}]  "
                f"turns median {s.turns.median:g} (p10 {s.turns.p10:g}, p90 {s.turns.p90:g})  "
                f"undecided {undecided}  main defeat: {defeat}  {'ok' if good else 'MISSES THE TARGET'}  "
                f"[{rows[-1][-1]:.0f} s]",
                flush=True,
            )
    if args.markdown:
        print("| scenario | player wins | 95% interval | median turns (p10-p90) | most common defeat |")
        print("|---|---:|---:|---:|---|")
        for sid, rate, turns, defeat, _undecided, _good, _secs in rows:
            print(
                f"| {sid} | {rate.value * 100:.1f}% | {rate.low * 100:.1f}-{rate.high * 100:.1f}% "
                f"| {turns.median:g} ({turns.p10:g}-{turns.p90:g}) | {defeat} |"
            )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
