"""Start-up, as a user waits for it (whole processes, a few rounds: each takes most of a second).

- `validate` and `list units` with their output cache (nothing changed since the last run)
  beside the same commands run in full (BLUE_COMET_NO_CACHE=1): target well under half
- start to the title screen drawn once, beside a bare `import pygame` process

Run: nice .venv/bin/python -m pytest benchmarks/test_startup.py --benchmark-only
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ROUNDS = 5


def _env(tmp: Path, cache: bool) -> dict[str, str]:
    env = dict(os.environ, BLUE_COMET_CACHE_DIR=str(tmp / "cache"), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    env.pop("BLUE_COMET_NO_CACHE", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: compiled modules are kept
    if not cache:
        env["BLUE_COMET_NO_CACHE"] = "1"
    return env


def _run(args: list[str], env: dict[str, str]) -> None:
    subprocess.run([sys.executable, *args], env=env, cwd=ROOT, check=True, capture_output=True)


@pytest.mark.parametrize("command", [["validate"], ["list", "units"]], ids=["validate", "list-units"])
@pytest.mark.parametrize("cache", [True, False], ids=["cached", "full"])
def test_tool_startup(benchmark, tmp_path: Path, command: list[str], cache: bool) -> None:  # type: ignore[no-untyped-def]
    benchmark.group = f"startup: {' '.join(command)}"
    args, env = [str(ROOT / "run_game.py"), *command], _env(tmp_path, cache)
    _run(args, env)  # compiles modules and, when cached, fills the cache
    benchmark.pedantic(_run, args=(args, env), rounds=ROUNDS, iterations=1)


@pytest.mark.benchmark(group="startup: title")
def test_start_to_title(benchmark, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    env = _env(tmp_path, True) | {"HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    args = [str(ROOT / "benchmarks" / "title_once.py")]
    _run(args, env)
    benchmark.pedantic(_run, args=(args, env), rounds=ROUNDS, iterations=1)


@pytest.mark.benchmark(group="startup: title")
def test_bare_pygame_process(benchmark, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The floor: an interpreter that imports pygame and exits."""
    benchmark.pedantic(_run, args=(["-c", "import pygame"], _env(tmp_path, True)), rounds=ROUNDS, iterations=1)
