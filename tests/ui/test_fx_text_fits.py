"""The battle scene's and battle log's text stays in its panels and off other text, for
every shipped unit, weapon, pilot and line (the longest names and quotes included)."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.core import Deployment, new_battle
from game.core import events as ev
from game.ui.app import build_services
from game.ui.fx.quotes import Quote
from game.ui.scenes.combat import CUTIN, OUTRO, STRIKE, CombatScene
from game.ui.services import Services
from tests.ui.text_fit import watching


@pytest.fixture
def services(config_dir: Path) -> Services:
    return build_services(None, config_dir=config_dir)


def _scene(
    services: Services, unit: str, weapon: str, pilot: str, target: str, target_pilot: str | None
) -> CombatScene:
    ctx = services.catalog.load("blue_comet_falls").ctx
    deployments = [
        Deployment(unit, "player", pilot=pilot, pos=(5, 5), uid="a"),
        Deployment(target, "enemy", pilot=target_pilot, pos=(7, 5), uid="d"),
    ]
    state, _ = new_battle(ctx, deployments, 2)
    strike = ev.StrikeResolved(
        "a", "d", weapon, "counter", 80, True, 10, True, 12345, 99999, 87654, 0, False, False, ()
    )
    events: list[ev.Event] = [
        ev.ExchangeStarted("a", "d", weapon, "none", None, None, None),
        strike,
        ev.WillChanged("a", 100, 150, "hit"),
        ev.ExchangeEnded("a", "d"),
    ]
    return CombatScene(services, state, events, {"a": (99999, 99999), "d": (99999, 99999)})


def _draw_at(scene: CombatScene, kind: str, p: float, surface: pygame.Surface) -> None:
    scene.index = next(i for i, s in enumerate(scene.segments) if s.kind == kind)
    scene.local = p * scene.segments[scene.index].duration
    scene._begin(scene.segments[scene.index])
    scene.draw(surface)


def test_every_unit_weapon_and_pilot_fits_the_battle_scene(services: Services) -> None:
    data = services.catalog.data  # type: ignore[attr-defined]
    pilots = data.entries["pilots"]
    longest_pilot = max(pilots, key=lambda k: len(pilots[k].name))
    units = data.entries["units"]
    longest_unit = max(units, key=lambda k: len(units[k].name))
    surface = pygame.Surface((640, 360))
    problems: list[str] = []
    with watching(services.fonts) as take:
        for u in units.values():
            for w in u.weapons:
                scene = _scene(services, u.id, w.id, longest_pilot, longest_unit, None)
                for kind, p in ((CUTIN, 0.5), (STRIKE, 0.3), (STRIKE, 0.8), (OUTRO, 0.5)):
                    surface.fill((0, 0, 0))
                    _draw_at(scene, kind, p, surface)
                    problems += [f"{u.id}.{w.id} {kind}: {x}" for x in take().problems()]
    assert sorted(set(problems)) == []


def test_every_quote_fits_the_message_box_and_the_cut_in(services: Services) -> None:
    data = services.catalog.data  # type: ignore[attr-defined]
    surface = pygame.Surface((640, 360))
    problems: list[str] = []
    scene = _scene(services, "layzner", "v_max", "eiji", "braver", "grados_soldier")
    with watching(services.fonts) as take:
        for pid, p in data.entries["pilots"].items():
            q = p.quotes
            assert q is not None
            lines = [
                x
                for s in (
                    "attack",
                    "counter",
                    "support",
                    "damaged",
                    "evaded",
                    "heavy_damage",
                    "shot_down",
                    "spirit",
                    "finish",
                )
                for x in getattr(q, s)
            ]
            lines += [x for group in (q.weapons, q.against) for ls in group.values() for x in ls]
            for text in lines:
                for kind, p_ in ((CUTIN, 0.5), (STRIKE, 0.3)):
                    _draw_at(scene, kind, p_, surface)
                    take()
                    quote = Quote("a", pid, "attack", text)
                    scene.line = quote
                    scene.segments[scene.index].quote = quote
                    surface.fill((0, 0, 0))
                    scene.draw(surface)
                    problems += [f"{pid} {kind}: {x}" for x in take().problems()]
    assert sorted(set(problems)) == []
