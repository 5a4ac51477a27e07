"""Speed of the window's frame (target: a whole frame well under 16.7 ms for 60 FPS on 2 cores).

- drawing the battle map with units, HUD and the move range
- drawing it with the danger zone shown (cached per state)
- computing the danger zone after a state change (every unit's search done afresh)
- one frame of the battle scene (update + draw)

Run: .venv/bin/python -m pytest benchmarks/test_ui_speed.py --benchmark-only
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pygame
import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from game.ui.app import App, build_services
from game.ui.model.ranges import danger_zone
from game.ui.model.session import BattleSession
from game.ui.scenes.battle.cursor import CursorMode
from game.ui.scenes.battle.move import MoveMode
from game.ui.scenes.battle.scene import BattleScene
from tests.ui.training import first_contact


@pytest.fixture(scope="module")
def scene() -> BattleScene:
    pygame.init()
    pygame.display.set_mode((640, 360))
    services = build_services(None, config_dir=Path(tempfile.mkdtemp()), headless=True)
    battle = BattleScene(services, BattleSession.start(first_contact()))
    App(services, battle)
    battle.playback.queue.clear()
    battle.mode = CursorMode(battle.field)
    return battle


def test_draw_map_with_move_range(benchmark, scene: BattleScene) -> None:  # type: ignore[no-untyped-def]
    surface = pygame.Surface((640, 360))
    scene.field.show_danger = False
    scene.mode = MoveMode(scene.field, "layzner")
    benchmark(scene.draw, surface)
    scene.mode = CursorMode(scene.field)


def test_draw_map_with_danger_zone(benchmark, scene: BattleScene) -> None:  # type: ignore[no-untyped-def]
    surface = pygame.Surface((640, 360))
    scene.field.show_danger = True
    benchmark(scene.draw, surface)
    scene.field.show_danger = False


def test_danger_zone(benchmark) -> None:  # type: ignore[no-untyped-def]
    """Computed from a state that has searched nothing yet, as after a state change (a
    state keeps its units' reach, and timing that would time a cache hit)."""
    battle = first_contact()

    def fresh() -> tuple[tuple[object, str], dict[str, object]]:
        return (battle.start(battle.seed)[0], "player"), {}

    zone = benchmark.pedantic(danger_zone, setup=fresh, rounds=100, iterations=1)
    assert zone


def test_battle_frame(benchmark, scene: BattleScene) -> None:  # type: ignore[no-untyped-def]
    surface = pygame.Surface((640, 360))

    def frame() -> None:
        scene.update(1 / 60)
        scene.draw(surface)

    benchmark(frame)
