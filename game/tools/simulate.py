"""`run_game.py simulate SCENARIO`: play a scenario headless with the AI on every side, many
seeded runs in parallel (local processes or a Dask cluster), and summarise them, compare a
data variant with the baseline (--compare) or sweep a value over many variants (--sweep)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from game.sim.simulate import default_jobs
    from game.tools.data_options import GAME_DIR_HELP

    parser.add_argument("scenario", nargs="?", help="scenario id (see `run_game.py list scenarios`)")
    parser.add_argument(
        "--campaign",
        action="store_true",
        help="play the whole campaign instead: the AI fights, deploys, shops and trains (docs/BALANCE.md)",
    )
    parser.add_argument("--seed", type=int, default=0, help="seed of the first run (default 0)")
    parser.add_argument("--runs", type=int, default=1, help="number of runs, seeds seed..seed+runs-1 (default 1)")
    parser.add_argument(
        "--jobs",
        type=int,
        default=default_jobs(),
        help=f"worker processes (default: one per CPU, here {default_jobs()}; 1 plays in this process)",
    )
    parser.add_argument(
        "--executor",
        choices=("local", "dask"),
        default="local",
        help="where the runs are played: local worker processes (default) or a Dask cluster "
        "(needs the cluster extra; without --scheduler a local Dask cluster of --jobs workers)",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="the Dask scheduler to send the runs to, e.g. tcp://10.0.0.5:8786 (implies --executor dask)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object with every run and the aggregates")
    parser.add_argument("--player-ai", default="srw", metavar="NAME", help="AI for the player's team (default srw)")
    parser.add_argument("--enemy-ai", default="srw", metavar="NAME", help="AI for everyone else (default srw)")
    parser.add_argument("--difficulty", default="normal", help="AI difficulty: easy, normal (default) or hard")
    parser.add_argument("--max-turns", type=int, default=30, help="stop a run undecided after this turn (default 30)")
    parser.add_argument("--mods", action="append", default=[], metavar="DIR", help="also load mods from DIR")
    parser.add_argument(
        "--game-dir",
        type=Path,
        default=None,
        metavar="DIR",
        help=GAME_DIR_HELP,
    )
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="PATH=VALUE",
        dest="overrides",
        help="override game data for these runs, e.g. units.braver.hp=3000 (repeatable)",
    )
    parser.add_argument(
        "--compare",
        action="store_true",
        help="also play the runs without --set (the baseline) on the same seeds and show the difference",
    )
    parser.add_argument(
        "--sweep",
        action="append",
        default=[],
        metavar="PATH=START:STOP:STEP",
        help="play one variant per value, all on the same seeds, e.g. units.braver.hp=2000:3200:200 "
        "(STOP included) or PATH=A,B,C; several --sweep make a grid of every combination",
    )
    parser.add_argument("--report", type=Path, metavar="DIR", help="write a report page with charts (PNG) to DIR")
    parser.add_argument("--replay-out", type=Path, metavar="DIR", help="write one replay file per run to DIR")
    parser.add_argument(
        "--per-run", action="store_true", help="list every run in the summary (the default for 10 runs or fewer)"
    )


def run(args: argparse.Namespace) -> int:
    from game.sim.simulate import SimulationError

    if args.runs < 1:
        print("simulate: --runs must be at least 1", file=sys.stderr)
        return 2
    if args.campaign:
        from game.tools.simulate_campaign import run_campaign

        return run_campaign(args)
    if args.scenario is None:
        print("simulate: name a scenario (see `run_game.py list scenarios`) or pass --campaign", file=sys.stderr)
        return 2
    if args.jobs < 1:
        print("simulate: --jobs must be at least 1", file=sys.stderr)
        return 2
    if args.compare and not args.overrides:
        print(
            "simulate: --compare needs at least one --set (the variant to compare with the baseline)", file=sys.stderr
        )
        return 2
    if args.compare and args.sweep:
        print("simulate: --compare and --sweep cannot be combined (a sweep compares its variants)", file=sys.stderr)
        return 2
    try:
        with _cluster(args) as args.cluster:
            return _run(args)
    except (SimulationError, ValueError) as exc:
        print(f"simulate: {exc}", file=sys.stderr)
        return 1
    except ImportError as exc:  # the AI package (game.ai) is missing from this build
        print(f"simulate: the AI is not available in this build ({exc})", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"simulate: cannot write {exc.filename}: {exc.strerror}", file=sys.stderr)
        return 1


def _batch(args: argparse.Namespace, overrides: list[str], label: str, replay_dir: Path | None) -> Any:
    from game.sim.simulate import simulate

    cluster = args.cluster
    total = args.runs
    with _progress(total, label) as bar:
        return simulate(
            args.scenario,
            args.seed,
            args.runs,
            player_ai=args.player_ai,
            enemy_ai=args.enemy_ai,
            difficulty=args.difficulty,
            mods=[Path(m) for m in args.mods],
            overrides=overrides,
            max_turns=args.max_turns,
            game_dir=args.game_dir,
            jobs=cluster.workers if cluster else args.jobs,
            replay_dir=replay_dir,
            progress=lambda _run: bar.update(1),
            executor=cluster.executor if cluster else None,
        )


def _run(args: argparse.Namespace) -> int:
    from game.sim.summary import compare, format_comparison, format_summary

    per_run = args.per_run or args.runs <= 10
    replays = args.replay_out
    if args.sweep:
        return _sweep(args)
    if not args.compare:
        report = _batch(args, args.overrides, args.scenario, replays)
        if args.report is not None:
            from game.sim.report import write_report

            page = write_report(args.report, report)
        if args.json:
            print(json.dumps(report.to_json(), indent=2))
        else:
            print(format_summary(report, per_run=per_run))
        if args.report is not None and not args.json:
            print(f"  report: {page}")
        return 0

    baseline = _batch(args, [], "baseline", replays / "baseline" if replays else None)
    variant = _batch(args, args.overrides, "variant", replays / "variant" if replays else None)
    comparison = compare(baseline, variant)
    if args.report is not None:
        from game.sim.report import write_comparison_report

        page = write_comparison_report(args.report, comparison)
    if args.json:
        print(json.dumps(comparison.to_json(), indent=2))
        return 0
    print(format_comparison(comparison))
    print()
    print(format_summary(baseline, per_run=per_run))
    print()
    print(format_summary(variant, per_run=per_run))
    if args.report is not None:
        print(f"  report: {page}")
    return 0


def _sweep(args: argparse.Namespace) -> int:
    from game.sim.sweep import SweepResult, Variant, check_same_seeds, format_sweep, grid, parse_sweep

    sweeps = tuple(parse_sweep(text) for text in args.sweep)
    combos = grid(sweeps)
    variants = []
    for i, combo in enumerate(combos, 1):
        replays = args.replay_out / f"variant_{i}" if args.replay_out else None
        report = _batch(args, [*args.overrides, *combo], f"variant {i}/{len(combos)}", replays)
        variants.append(Variant(combo, report))
    check_same_seeds(variants)
    result = SweepResult(args.scenario, sweeps, tuple(variants), tuple(args.overrides))
    if args.report is not None:
        from game.sim.report import write_sweep_report

        page = write_sweep_report(args.report, result)
    if args.json:
        print(json.dumps(result.to_json(), indent=2))
        return 0
    print(format_sweep(result))
    if args.report is not None:
        print(f"  report: {page}")
    return 0


def _cluster(args: argparse.Namespace) -> Any:
    """The Dask cluster the runs go to (None: local worker processes), for the whole command,
    so a comparison's two batches share one cluster."""
    from contextlib import nullcontext

    if args.executor != "dask" and args.scheduler is None:
        return nullcontext(None)
    from game.sim.cluster import dask_cluster

    return dask_cluster(args.scheduler, args.jobs)


def _progress(total: int, label: str) -> Any:
    """A progress bar on stderr when it is a terminal; silent otherwise."""
    from tqdm import tqdm

    return tqdm(total=total, desc=label, unit="run", file=sys.stderr, disable=None, leave=False, dynamic_ncols=True)
