"""`run_game.py validate [PATH]`: load every data file (and mods) and print every problem.

With PATH, check just that against the shipped game: a mod folder (or a folder of mods), a
single unit, pilot or system YAML file, a scenario folder or its `scenario.yaml`, or a
Tiled `.tmx` map. Exit status 1 if there is any error, 0 if the data is clean (warnings
allowed), 2 if PATH is none of those."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from game.data import LoadResult
from game.data.layout import LOOSE_KINDS, YAML_SUFFIXES, loose_file_kind
from game.data.mods import MANIFEST
from game.data.problems import Problem, format_problems, summarize
from game.data.yaml_reader import DEFAULT_LIMITS
from game.tools.data_options import add_data_arguments, load_from_args
from game.tools.validate_images import asset_folder_images, check_images, check_map_images, limits_line
from game.tools.validate_objectives import check_objectives

SCENARIO_FILE = "scenario.yaml"
KIND_NAMES = dict(zip(("unit", "pilot", "system"), LOOSE_KINDS, strict=True))  # --kind -> data kind


@dataclass(frozen=True)
class Target:
    """What PATH names: "mod", "file", "scenario" or "map"."""

    kind: str
    path: Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path",
        nargs="?",
        type=Path,
        default=None,
        help="check only this against the shipped game: a mod folder, a unit/pilot/system YAML file, "
        "a scenario folder or a .tmx map (default: the whole game and every mod)",
    )
    add_data_arguments(parser, overrides=True)
    parser.add_argument(
        "--kind",
        choices=sorted(KIND_NAMES),
        default=None,
        help="what a single YAML file holds (default: from its folder, name and fields)",
    )
    parser.add_argument("--no-assets", action="store_true", help="skip the check that sprites and portraits exist")
    parser.add_argument("--quiet", action="store_true", help="print only the summary line")


def classify(path: Path) -> Target | str:
    """The kind of thing `path` is, or why it is none of them."""
    if path.is_dir():
        if (path / MANIFEST).is_file() or any((p / MANIFEST).is_file() for p in path.iterdir() if p.is_dir()):
            return Target("mod", path)
        if (path / SCENARIO_FILE).is_file():
            return Target("scenario", path / SCENARIO_FILE)
        return f"{path}: not a mod folder (no {MANIFEST}) or a scenario folder (no {SCENARIO_FILE})"
    if not path.exists():
        return f"{path}: no such file or folder"
    if not path.is_file():
        return f"{path}: not a regular file"
    if path.name == SCENARIO_FILE:
        return Target("scenario", path)
    if path.suffix == ".tmx":
        sibling = path.parent / SCENARIO_FILE
        return Target("scenario", sibling) if sibling.is_file() else Target("map", path)
    if path.suffix in YAML_SUFFIXES:
        return Target("file", path)
    return f"{path}: expected a mod folder, a .yaml data file, a scenario folder or a .tmx map"


def run(args: argparse.Namespace) -> int:
    target: Target | None = None
    if args.path is not None:
        found = classify(args.path)
        if isinstance(found, str):
            print(found)
            return 2
        target = found
        args.no_user_mods = True  # checked against the shipped game only
        if target.kind == "mod":
            args.mods = [*args.mods, target.path]
    files: tuple[tuple[Path, str], ...] = ()
    if target is not None and target.kind == "file":
        kind = KIND_NAMES[args.kind] if args.kind else loose_file_kind(target.path, DEFAULT_LIMITS)
        files = ((target.path, kind),)
    result = load_from_args(args, check_assets=not args.no_assets, files=files)
    d = result.definitions
    image_problems = (
        [] if args.no_assets else check_images(asset_folder_images(result.asset_dirs), root=result.game_dir)
    )
    if not args.quiet:
        if result.problems or image_problems:
            print(format_problems([*result.problems, *image_problems], summary=False))
        if target is not None and target.kind == "file":
            kind_name = next(k for k, v in KIND_NAMES.items() if v == files[0][1])
            print(f"Checked {target.path} as a {kind_name} file against the game data.")
        mods = ", ".join(f"{m.id} {m.version}" for m in result.mods) or "none"
        print(
            f"Loaded {len(d.units)} units, {len(d.pilots)} pilots, {len(d.spirits)} spirits, {len(d.skills)} skills, "
            f"{len(d.abilities)} abilities, {len(d.statuses)} statuses, {len(d.terrains)} terrain types; mods: {mods}."
        )
        print(f"Data hash: {result.data_hash}")
        if not args.no_assets:
            print(limits_line())

    if target is not None and target.kind in ("scenario", "map"):
        scenario_problems = _check_one(result, target, quiet=args.quiet, images=not args.no_assets)
    else:
        scenario_problems = _check_scenarios(result, quiet=args.quiet, images=not args.no_assets)
    scenario_problems = [*image_problems, *scenario_problems]
    print(summarize([*result.problems, *scenario_problems]))
    return 1 if result.errors or any(p.is_error for p in scenario_problems) else 0


def _check_scenarios(result: LoadResult, *, quiet: bool, images: bool = True) -> list[Problem]:
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
    problems.extend(check_objectives(loaded))
    if images:
        problems.extend(check_map_images((sc.map.path for sc in loaded), root=result.game_dir))
    if not quiet:
        if problems:
            print(format_problems(problems, summary=False))
        print(f"Checked {len(loaded)} scenario(s) and their maps; {len(problems)} problem(s).")
    return problems


def _check_one(result: LoadResult, target: Target, *, quiet: bool, images: bool = True) -> list[Problem]:
    """One scenario (with its map) or one map against the loaded definitions."""
    from game.maps import MapError, load_map
    from game.scenario import ScenarioError, load_scenario_file
    from game.scenario.problems import MAP_CHECK, problem_at
    from game.sim.ai_blocks import check_ai_blocks

    if result.errors:
        if not quiet:
            print(f"{target.path} was not checked: fix the data errors above first.")
        return []
    problems: list[Problem] = []
    if target.kind == "map":
        try:
            load_map(target.path, result.definitions.terrains)
        except MapError as exc:
            problems.append(problem_at(target.path, exc.problem, check=MAP_CHECK))
        if images:
            problems.extend(check_map_images([target.path], root=result.game_dir))
    else:
        try:
            scenario = load_scenario_file(target.path, result.definitions)
        except ScenarioError as exc:
            problems.extend(exc.problems)
        else:
            problems.extend(check_ai_blocks(scenario))
            problems.extend(check_objectives([scenario]))
            if images:
                problems.extend(check_map_images([scenario.map.path], root=result.game_dir))
    if not quiet:
        if problems:
            print(format_problems(problems, summary=False))
        print(f"Checked {target.path}; {len(problems)} problem(s).")
    return problems
