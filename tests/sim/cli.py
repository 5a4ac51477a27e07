"""Running `run_game.py simulate` as a user would, in a child process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "run_game.py"), "simulate", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
