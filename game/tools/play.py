"""`run_game.py play`: open the game window (the default command)."""

from __future__ import annotations

import argparse

from game.tools.data_options import add_data_arguments


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_data_arguments(parser)
    parser.add_argument("--windowed", action="store_true", help="start in a window even if fullscreen is set")


def run(args: argparse.Namespace) -> int:
    from game.ui.app import run_app

    return run_app(args)
