"""`run_game.py schema [DIR]`: write JSON Schema files for every data file kind, for
editor completion (docs/MODDING.md explains how to hook them up)."""

from __future__ import annotations

import argparse
from pathlib import Path

from game.data.json_schema import write_schemas
from game.data.paths import default_game_dir


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "dir",
        nargs="?",
        type=Path,
        default=None,
        help="folder to write the schemas to (default: docs/schema in a checkout of the game, else ./schema)",
    )


def default_folder() -> Path:
    """docs/schema of a checkout (where the committed schemas live); ./schema for an
    installed game, whose package folder is no place to write."""
    docs = default_game_dir() / "docs"
    return docs / "schema" if docs.is_dir() else Path("schema")


def run(args: argparse.Namespace) -> int:
    for path in write_schemas(args.dir or default_folder()):
        print(path)
    return 0
