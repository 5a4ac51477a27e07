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


# Commands whose output depends only on the code, the data and the command line.
CACHED_COMMANDS = frozenset({"validate", "list"})

# Options that take a value, so that `run_game.py --mods DIR validate` finds the command
# after the value: every command that loads game data accepts them.
VALUE_OPTIONS = frozenset({"--mods", "--game-dir", "--set"})


def program_name() -> str:
    """The program as it was started: `run_game.py`, `blue-comet-tactics`, `python -m game`."""
    name = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else "blue-comet-tactics"
    return "python -m game" if name == "__main__.py" else name


def build_parser(prog: str | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog or program_name(),
        description="Blue Comet Tactics: a Super Robot Wars-style tactics game set in Blue Comet SPT Layzner.",
        epilog="With no command the game window opens. Options such as --mods DIR may come before the command.",
    )
    parser.add_argument("--version", action="version", version=f"Blue Comet Tactics {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module, help_text) in SUBCOMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(_module=module)
        # Arguments are added lazily in main() for the chosen command only.
    return parser


def find_command(args: Sequence[str]) -> int | None:
    """The index of the subcommand in `args`, skipping options and the values they take."""
    skip = False
    for i, arg in enumerate(args):
        if skip:
            skip = False
        elif arg == "--":
            return None
        elif arg.startswith("-"):
            skip = arg in VALUE_OPTIONS
        else:
            return i
    return None


def main(argv: Sequence[str] | None = None, *, prog: str | None = None) -> int:
    # pygame prints a banner on import; our commands' output (e.g. --json) must stay clean.
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    args_list = list(sys.argv[1:] if argv is None else argv)
    prog = prog or program_name()
    parser = build_parser(prog)
    index = find_command(args_list)
    if index is None:
        if any(a in ("-h", "--help", "--version") for a in args_list):
            parser.parse_args(args_list)  # prints help or the version and exits
            return 2
        command, rest = "play", args_list
    else:
        command = args_list[index]
        if command not in SUBCOMMANDS:
            parser.parse_args(args_list)  # prints "invalid choice" with the list of commands
            return 2
        rest = args_list[:index] + args_list[index + 1 :]

    def invoke() -> int:
        module = importlib.import_module(SUBCOMMANDS[command][0])
        full = argparse.ArgumentParser(prog=f"{prog} {command}", description=SUBCOMMANDS[command][1])
        module.add_arguments(full)
        return int(module.run(full.parse_args(rest)) or 0)

    try:
        if argv is None and command in CACHED_COMMANDS:
            # The program run from a shell: unchanged data prints its last output (see game.tools.output_cache).
            from game.tools.output_cache import run_cached

            return run_cached(command, args_list, invoke)
        return invoke()
    except BrokenPipeError:  # `run_game.py list units | head`: the reader left; not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
