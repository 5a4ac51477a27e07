"""`run_game.py` subcommands. With no subcommand the game window opens.

Each subcommand lives in its own module under `game.tools` exposing `add_arguments(parser)`
and `run(args) -> int`; modules are imported only when their command runs, so `--help`
stays fast and a broken tool cannot stop the game from starting.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from game import __version__

# name -> (module, one-line help)
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "play": ("game.tools.play", "open the game window (the default)"),
    "validate": ("game.tools.validate", "check every data file and mod; exit 1 on any error"),
    "list": (
        "game.tools.listing",
        "list units, pilots, weapons, spirits, skills, abilities, terrain, mods or scenarios",
    ),
    "schema": ("game.tools.schema", "write JSON Schema files for the data files (editor completion)"),
    "simulate": ("game.tools.simulate", "play a scenario headless with the AI on every side"),
    "replay": ("game.tools.replay", "watch a recorded battle, or check it headless with --verify"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="run_game.py",
        description="Blue Comet Tactics: a Super Robot Wars-style tactics game set in Blue Comet SPT Layzner.",
    )
    parser.add_argument("--version", action="version", version=f"Blue Comet Tactics {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module, help_text) in SUBCOMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(_module=module)
        # Arguments are added lazily in main() for the chosen command only.
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # pygame prints a banner on import; our commands' output (e.g. --json) must stay clean.
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    # Pick the command first, then let its module define its arguments.
    command = next((a for a in args_list if not a.startswith("-")), None)
    if command is None or command not in SUBCOMMANDS:
        if command is None and not any(a in ("-h", "--help", "--version") for a in args_list):
            args_list = ["play", *args_list]
            command = "play"
        else:
            parser.parse_args(args_list)  # prints help, version or the error
            return 2
    module = importlib.import_module(SUBCOMMANDS[command][0])
    full = argparse.ArgumentParser(prog=f"run_game.py {command}", description=SUBCOMMANDS[command][1])
    module.add_arguments(full)
    index = args_list.index(command)
    args = full.parse_args(args_list[:index] + args_list[index + 1 :])
    return int(module.run(args) or 0)
