"""Start the game as `run_game.py` does, draw the title screen once and exit: the start-up
time a player waits for (used by benchmarks/test_startup.py)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import game.ui.app as app
from game.cli import main


def one_frame(self: app.App, clock: object) -> int:
    """The main loop's first frame only."""
    self.step(1 / 60, [])
    display = self.services.display
    assert display is not None
    self.draw(display.logical)
    display.present()
    return 0


if __name__ == "__main__":
    app.App.run = one_frame  # type: ignore[method-assign]
    sys.exit(main(["--windowed", "--no-user-mods"]))
