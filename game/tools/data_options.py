"""Command-line options shared by every tool that loads game data (validate, list, play,
simulate): where the game is, which mods to add, and dotted overrides."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from game.data import LoadResult, default_game_dir, load_game_data

GAME_DIR_HELP = "folder holding units/, maps/, assets/ and mods/ (default: the installed game)"


def add_data_arguments(parser: argparse.ArgumentParser, *, overrides: bool = False) -> None:
    parser.add_argument(
        "--mods", action="append", default=[], metavar="DIR", help="also load mods from DIR (a mod or a folder of mods)"
    )
    parser.add_argument("--no-user-mods", action="store_true", help="ignore mods in the user's data folder")
    parser.add_argument(
        "--game-dir",
        type=Path,
        default=None,
        metavar="DIR",
        help=GAME_DIR_HELP,
    )
    if overrides:
        parser.add_argument(
            "--set",
            action="append",
            default=[],
            metavar="PATH=VALUE",
            dest="overrides",
            help="override one value before validation, e.g. units.braver.hp=3000 (repeatable)",
        )


def load_from_args(
    args: argparse.Namespace, *, check_assets: bool = True, files: Sequence[tuple[Path, str]] = ()
) -> LoadResult:
    return load_game_data(
        args.game_dir or default_game_dir(),
        [Path(d) for d in args.mods],
        user_mods=not args.no_user_mods,
        overrides=getattr(args, "overrides", ()) or (),
        check_assets_exist=check_assets,
        files=files,
    )
