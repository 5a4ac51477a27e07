"""`run_game.py list CATEGORY`: list what the game (and mods) provide.

Each category is a function printing its table; other packages add their categories here
(units, pilots, ...) beside `scenarios`.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path


def list_scenarios(args: argparse.Namespace) -> int:
    from game.scenario import list_scenarios as find

    infos = find(mods=[Path(m) for m in args.mods])
    if args.json:
        rows = [
            {
                "id": i.id,
                "title": i.title,
                "order": i.order,
                "source": i.source,
                "path": str(i.path),
                "problem": i.problem,
            }
            for i in infos
        ]
        print(json.dumps(rows, indent=2))
        return 0
    if not infos:
        print("No scenarios found.")
        return 0
    width = max(len(i.id) for i in infos)
    for i in infos:
        order = f"{i.order:>2}" if i.order is not None else " -"
        source = "" if i.source == "game" else f"  [mod {i.source}]"
        title = i.title if i.problem is None else f"(cannot be read: {i.problem})"
        print(f"{order}  {i.id:<{width}}  {title}{source}")
    return 0


CATEGORIES: dict[str, tuple[Callable[[argparse.Namespace], int], str]] = {
    "scenarios": (list_scenarios, "scenarios in campaign order, with those from mods"),
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("category", choices=sorted(CATEGORIES), help="what to list")
    parser.add_argument("--mods", action="append", default=[], metavar="DIR", help="also list what mod DIR adds")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")


def run(args: argparse.Namespace) -> int:
    return CATEGORIES[args.category][0](args)
