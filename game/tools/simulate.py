"""`run_game.py simulate SCENARIO`: play a scenario headless with the AI on every side."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scenario", help="scenario id (see `run_game.py list scenarios`)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the first run (default 0)")
    parser.add_argument("--runs", type=int, default=1, help="number of runs, seeds seed..seed+runs-1 (default 1)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    parser.add_argument("--player-ai", default="srw", metavar="NAME", help="AI for the player's team (default srw)")
    parser.add_argument("--enemy-ai", default="srw", metavar="NAME", help="AI for everyone else (default srw)")
    parser.add_argument("--max-turns", type=int, default=30, help="stop a run undecided after this turn (default 30)")
    parser.add_argument("--mods", action="append", default=[], metavar="DIR", help="also load mods from DIR")


def run(args: argparse.Namespace) -> int:
    from game.sim.simulate import SimulationError, simulate

    if args.runs < 1:
        print("--runs must be at least 1", file=sys.stderr)
        return 2
    try:
        report = simulate(
            args.scenario,
            args.seed,
            args.runs,
            player_ai=args.player_ai,
            enemy_ai=args.enemy_ai,
            mods=[Path(m) for m in args.mods],
            max_turns=args.max_turns,
        )
    except (SimulationError, ValueError) as exc:
        print(f"simulate: {exc}", file=sys.stderr)
        return 1
    except ImportError as exc:  # the AI package (game.ai) is missing from this build
        print(f"simulate: the AI is not available in this build ({exc})", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(report.to_json(), indent=2))
        return 0
    print(f"{report.scenario}: {len(report.runs)} run(s), player AI {report.player_ai}, enemy AI {report.enemy_ai}")
    for r in report.runs:
        bonus = f"  bonus: {', '.join(r.bonus)}" if r.bonus else ""
        print(
            f"  seed {r.seed:>4}  {r.winner or 'undecided':<9} turn {r.turns:>2}  {r.reason}{bonus}  [{r.digest[:12]}]"
        )
    wins = ", ".join(f"{k} {v}" for k, v in sorted(report.wins().items()))
    mean = sum(r.turns for r in report.runs) / len(report.runs)
    print(f"  wins: {wins}; mean turns {mean:.1f}")
    return 0
