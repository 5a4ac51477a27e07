"""Speed of the battle scene's heaviest frames (target: well under 16.7 ms for 60 FPS), each
beside a baseline in the same run: the scene's plain frame (background, two idle units,
HP bars, message box) with no effects.

- V-MAX at impact: trail, glow, explosion, screen flash and shake
- V-MAXIMUM mid-streak (the largest trail)
- a missile salvo in flight, a flamethrower stream
- the destruction sequence at its big explosion
- the pilot cut-in

Run: .venv/bin/python -m pytest benchmarks/test_fx_speed.py --benchmark-only
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pygame
import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from game.core import Deployment, new_battle
from game.core import events as ev
from game.ui.app import build_services
from game.ui.scenes.combat import BOOM, CUTIN, INTRO, STRIKE, CombatScene
from game.ui.services import Services


@pytest.fixture(scope="module")
def services() -> Services:
    pygame.init()
    pygame.display.set_mode((640, 360))
    return build_services(None, config_dir=Path(tempfile.mkdtemp()), headless=True)


def _scene(services: Services, unit: str, weapon: str, *, kill: bool = False) -> CombatScene:
    ctx = services.catalog.load("blue_comet_falls").ctx
    deployments = [
        Deployment(unit, "player", pilot="eiji", pos=(5, 5), uid="a"),
        Deployment("greimkaiser", "enemy", pilot="gale", pos=(7, 5), uid="d"),
    ]
    state, _ = new_battle(ctx, deployments, 5)
    strike = ev.StrikeResolved(
        "a", "d", weapon, "attack", 80, True, 10, False, 1500, 3000, 0 if kill else 1500, 0, False, False, ()
    )
    events: list[ev.Event] = [ev.ExchangeStarted("a", "d", weapon, "none", None, None, None), strike]
    if kill:
        events.append(ev.UnitDestroyed("d", "a"))
    events.append(ev.ExchangeEnded("a", "d"))
    return CombatScene(services, state, events, {"a": (3700, 3700), "d": (3000, 3000)})


def _at(scene: CombatScene, kind: str, p: float) -> CombatScene:
    """The scene held at fraction `p` of its first segment of `kind` (drawing does not advance it)."""
    scene.index = next(i for i, s in enumerate(scene.segments) if s.kind == kind)
    scene.local = p * scene.segments[scene.index].duration
    scene.t = 2.0
    return scene


def _draw(benchmark, scene: CombatScene) -> None:  # type: ignore[no-untyped-def]
    surface = pygame.Surface((640, 360))
    scene.draw(surface)  # warm the sprite and effect caches, as the first frame does
    benchmark(scene.draw, surface)


def test_baseline_plain_frame(benchmark, services: Services) -> None:  # type: ignore[no-untyped-def]
    _draw(benchmark, _at(_scene(services, "layzner", "knuckle_shot"), INTRO, 1.0))


def test_vmax_impact(benchmark, services: Services) -> None:  # type: ignore[no-untyped-def]
    _draw(benchmark, _at(_scene(services, "layzner", "v_max"), STRIKE, 0.58))


def test_vmaximum_streak(benchmark, services: Services) -> None:  # type: ignore[no-untyped-def]
    _draw(benchmark, _at(_scene(services, "layzner_mk2", "v_maximum"), STRIKE, 0.5))


def test_missile_salvo(benchmark, services: Services) -> None:  # type: ignore[no-untyped-def]
    _draw(benchmark, _at(_scene(services, "layzner", "calf_missile"), STRIKE, 0.45))


def test_flamethrower(benchmark, services: Services) -> None:  # type: ignore[no-untyped-def]
    _draw(benchmark, _at(_scene(services, "gunstaid", "twin_flamethrower"), STRIKE, 0.6))


def test_destruction(benchmark, services: Services) -> None:  # type: ignore[no-untyped-def]
    _draw(benchmark, _at(_scene(services, "layzner", "knuckle_shot", kill=True), BOOM, 0.6))


def test_cut_in(benchmark, services: Services) -> None:  # type: ignore[no-untyped-def]
    _draw(benchmark, _at(_scene(services, "layzner", "v_max"), CUTIN, 0.5))
