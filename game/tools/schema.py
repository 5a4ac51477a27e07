"""`run_game.py schema [DIR]`: write JSON Schema files for every data file kind, for
editor completion (docs/MODDING.md explains how to hook them up)."""

from __future__ import annotations

import argparse
from pathlib import Path

from game.data.json_schema import write_schemas
from game.data.paths import default_game_dir


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "dir", nargs="?", type=Path, default=None, help="folder to write the schemas to (default: docs/schema)"
    )


def run(args: argparse.Namespace) -> int:
    folder = args.dir or default_game_dir() / "docs" / "schema"
    for path in write_schemas(folder):
        print(path)
    return 0
