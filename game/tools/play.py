"""`run_game.py play`: open the game window."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--mods", action="append", default=[], metavar="DIR", help="also load mods from DIR")
    parser.add_argument("--windowed", action="store_true", help="start in a window even if fullscreen is set")


def run(args: argparse.Namespace) -> int:
    try:
        from game.ui.app import run_app
    except ImportError as exc:  # the window is built in a later milestone
        print(f"The game window is not available in this build ({exc}).")
        return 1
    return run_app(args)
