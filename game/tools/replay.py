"""`run_game.py replay FILE`: watch a recorded battle, or check it headless with --verify.

Any battle file works: replays (kind "replay", from the game or `simulate --replay-out`),
suspend files, autosaves and save slots. --verify exits 0 when the replay reaches the
recorded final state, 1 otherwise (with the first command where it parted, when known).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from game.tools.data_options import add_data_arguments, load_from_args


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="a replay or save file (.json)")
    parser.add_argument(
        "--verify", action="store_true", help="replay headless and check the final digest (exit 0 if it matches)"
    )
    parser.add_argument(
        "--force", action="store_true", help="replay even if the file was recorded with different game data"
    )
    add_data_arguments(parser, overrides=True)
    parser.add_argument("--windowed", action="store_true", help="watch in a window even if fullscreen is set")


def run(args: argparse.Namespace) -> int:
    from game.ai import DIFFICULTIES
    from game.ai.difficulty import difficulty, scale_enemies
    from game.saves import BattleRecord, RecordError, ReplayError, SaveError, read_json, verify
    from game.scenario import load_scenario

    try:
        record = BattleRecord.from_json(read_json(args.file))
    except SaveError as exc:
        return _fail(str(exc))
    except RecordError as exc:
        return _fail(f"{args.file}: {exc}.")
    if not args.verify:
        return _watch(args, record)
    result = load_from_args(args, check_assets=False)
    if not result.ok:
        return _fail("the game data has errors (run `run_game.py validate`):\n" + result.format_problems())
    mods = [m.path for m in result.mods]
    # A run simulated above normal raised the player's foes; play it back with them raised.
    level = record.extra.get("difficulty", "normal")
    if level not in DIFFICULTIES:
        return _fail(f"{args.file}: cannot verify: it names difficulty {level!r}; known: {', '.join(DIFFICULTIES)}")

    def loader(sid: str) -> Any:
        return scale_enemies(load_scenario(sid, result, root=args.game_dir, mods=mods), difficulty(level))

    try:
        outcome = verify(record, result.data_hash, loader, force=args.force)
    except ReplayError as exc:
        return _fail(f"{args.file}: cannot verify: {exc}{_recorded_with(record)}")
    if outcome.ok:
        print(f"{args.file}: {outcome.message}")
        return 0
    return _fail(f"{args.file}: MISMATCH: {outcome.message}")


def _watch(args: argparse.Namespace, record: object) -> int:
    """The window plays it back, with the game's data and mods (user mods and --mods)."""
    try:
        from game.ui.app import run_replay
    except ImportError as exc:  # the window is not part of this build
        return _fail(f"the replay viewer is not available in this build ({exc}); use --verify")
    return int(run_replay(args, record))  # type: ignore[arg-type]


def _recorded_with(record: Any) -> str:
    """How the file says it was made (simulate writes its mods and --set overrides)."""
    mods = record.extra.get("mods") or []
    overrides = record.extra.get("overrides") or []
    if not mods and not overrides:
        return ""
    parts = [f"--mods {m}" for m in mods] + [f"--set {o}" for o in overrides]
    return f"\nIt was recorded with: {' '.join(parts)}"


def _fail(message: str) -> int:
    print(f"replay: {message}", file=sys.stderr)
    return 1
