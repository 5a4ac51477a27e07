"""The battle map's frame with 40 units and every overlay (target: median <= 4 ms), beside a
screen of bare tile blits in the same run (the floor any map drawing pays).

The full frame has the danger zone on, a unit selected with its move range and attack
tiles, a path drawn to the cursor, the cursor and the HUD panels: what the player sees when
they plan a move in a crowded battle. The scene is driven by input, as a player would. The
same frame is also timed with every tile overlay drawn afresh (the frame after a change).

Run: nice .venv/bin/python -m pytest benchmarks/test_battle_frame.py --benchmark-only
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pygame
import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from game.core import Deployment
from game.core.context import SideDef
from game.core.headless import make_context
from game.ui.app import App, build_services
from game.ui.input.actions import Action, InputEvent, Kind
from game.ui.model.catalog import LoadedScenario, ScenarioInfo
from game.ui.model.session import BattleSession
from game.ui.render import theme
from game.ui.scenes.battle.cursor import CursorMode
from game.ui.scenes.battle.move import MoveMode
from game.ui.scenes.battle.scene import BattleScene
from game.ui.scenes.battle.view import TileLayers
from tests.ui.training import FIRST_CONTACT_MAP, LEGEND, _definitions

FRAME = 1 / 60
SCREEN = (640, 360)
CROWD = ScenarioInfo("frame_40", "Forty units", "A crowded map for the frame benchmark.", (), (), (), "Mars")


def crowded() -> LoadedScenario:
    """FIRST_CONTACT's 22x12 map (one screen) with 8 player units and 32 Grados units."""
    defs = _definitions()
    ctx = make_context(
        defs, FIRST_CONTACT_MAP, legend=LEGEND, sides=(SideDef("player", "UN"), SideDef("enemy", "Grados"))
    )
    grid = ctx.grid
    free = [(x, y) for y in range(grid.height) for x in range(grid.width) if grid.terrain_id((x, y)) == "plain"]
    player = [p for p in free if p[0] < 8][:8]
    enemy = [p for p in free if p[0] >= 10][::2][:32]
    deployments = [Deployment("layzner", "player", pilot="eiji", pos=player[0], uid="layzner")]
    deployments += [
        Deployment("doll", "player", pilot="simone", pos=p, uid=f"doll_{i}") for i, p in enumerate(player[1:])
    ]
    deployments += [
        Deployment("braver", "enemy", pilot="grados_soldier", pos=p, uid=f"braver_{i}") for i, p in enumerate(enemy)
    ]
    assert len(deployments) == 40
    return LoadedScenario(CROWD, ctx, tuple(deployments), seed=3)


def press(app: App, action: Action) -> None:
    app.feed([InputEvent(Kind.PRESS, action), InputEvent(Kind.RELEASE, action)])
    app.step(FRAME)


@pytest.fixture(scope="module")
def planning() -> App:
    """The battle, the player planning the Layzner's move: everything on screen."""
    pygame.init()
    pygame.display.set_mode(SCREEN)
    services = build_services(None, config_dir=Path(tempfile.mkdtemp()), headless=True)
    scene = BattleScene(services, BattleSession.start(crowded()))
    app = App(services, scene)
    for _ in range(600):  # the phase banner plays out
        app.step(FRAME)
        if isinstance(scene.mode, CursorMode) and app.stack.top is scene:
            break
    assert scene.state.side == "player" and len(scene.state.units) == 40
    press(app, Action.DANGER)
    press(app, Action.CONFIRM)  # the cursor starts on the Layzner: select it
    for action in (Action.RIGHT, Action.RIGHT, Action.DOWN):
        press(app, action)
    assert scene.field.show_danger and isinstance(scene.mode, MoveMode) and len(scene.mode.path) > 2
    return app


@pytest.mark.benchmark(group="battle-frame")
def test_full_frame_40_units_all_overlays(benchmark, planning: App) -> None:  # type: ignore[no-untyped-def]
    surface = pygame.Surface(SCREEN)

    def frame() -> None:
        planning.step(FRAME)
        planning.draw(surface)

    # Many single-frame rounds: the median of a few long rounds is at the mercy of a busy machine.
    benchmark.pedantic(frame, rounds=300, iterations=1, warmup_rounds=5)


@pytest.mark.benchmark(group="battle-frame")
def test_full_frame_with_overlays_drawn_afresh(benchmark, planning: App) -> None:  # type: ignore[no-untyped-def]
    """The first frame after the overlays change (a move, a new selection): every tile
    overlay is drawn into its layer again."""
    surface = pygame.Surface(SCREEN)
    scene = planning.stack.top
    assert isinstance(scene, BattleScene)

    def cold() -> tuple[tuple[()], dict[str, object]]:
        scene.field.overlays = TileLayers()
        return (), {}

    def frame() -> None:
        planning.step(FRAME)
        planning.draw(surface)

    benchmark.pedantic(frame, setup=cold, rounds=300, iterations=1)


@pytest.mark.benchmark(group="battle-frame")
def test_bare_tile_blits(benchmark, planning: App) -> None:  # type: ignore[no-untyped-def]
    """The floor: one blit per visible map tile, nothing else."""
    surface = pygame.Surface(SCREEN)
    scene = planning.stack.top
    assert isinstance(scene, BattleScene)
    t = theme.TILE
    tiles = [scene.terrain.subsurface((x * t, y * t, t, t)).copy() for y in range(12) for x in range(20)]

    def blits() -> None:
        for i, tile in enumerate(tiles):
            surface.blit(tile, ((i % 20) * t, (i // 20) * t))

    benchmark(blits)
