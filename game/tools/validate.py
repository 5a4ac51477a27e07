"""`run_game.py validate`: load every data file (and mods) and print every problem.

Exit status 1 if there is any error, 0 if the data is clean (warnings allowed)."""

from __future__ import annotations

import argparse

from game.data import LoadResult
from game.data.problems import Problem, format_problems
from game.tools.data_options import add_data_arguments, load_from_args


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_data_arguments(parser, overrides=True)
    parser.add_argument("--no-assets", action="store_true", help="skip the check that sprites and portraits exist")
    parser.add_argument("--quiet", action="store_true", help="print only the summary line")


def run(args: argparse.Namespace) -> int:
    result = load_from_args(args, check_assets=not args.no_assets)
    d = result.definitions
    if not args.quiet:
        if result.problems:
            print(result.format_problems(summary=False))
        mods = ", ".join(f"{m.id} {m.version}" for m in result.mods) or "none"
        print(
            f"Loaded {len(d.units)} units, {len(d.pilots)} pilots, {len(d.spirits)} spirits, {len(d.skills)} skills, "
            f"{len(d.abilities)} abilities, {len(d.statuses)} statuses, {len(d.terrains)} terrain types; mods: {mods}."
        )
        print(f"Data hash: {result.data_hash}")
    from game.data.problems import summarize

    scenario_problems = _check_scenarios(result, quiet=args.quiet)
    print(summarize([*result.problems, *scenario_problems]))
    return 1 if result.errors or any(p.is_error for p in scenario_problems) else 0


def _check_scenarios(result: LoadResult, *, quiet: bool) -> list[Problem]:
    """Every scenario and map (the game's and the mods') against the loaded definitions."""
    from game.scenario import check_all
    from game.sim.ai_blocks import check_ai_blocks

    if result.errors:
        if not quiet:
            print("Scenarios and maps were not checked: fix the data errors above first.")
        return []
    mods = [m.path for m in result.mods]
    loaded, problems = check_all(result.definitions, root=result.game_dir, mods=mods)
    for scenario in loaded:
        problems.extend(check_ai_blocks(scenario))
    if not quiet:
        if problems:
            print(format_problems(problems, summary=False))
        print(f"Checked {len(loaded)} scenario(s) and their maps; {len(problems)} problem(s).")
    return problems
