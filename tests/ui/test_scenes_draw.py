"""Every scene draws without error at several window sizes (and the pixels change)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pygame
import pytest

from game.core import Attack, CastSpirit, EndPhase, Wait, forecast
from game.core import events as ev
from game.ui.app import App, build_services
from game.ui.model.session import BattleSession
from game.ui.render.menu import Entry
from game.ui.scene import Push, Reset, Scene
from game.ui.scenes.backdrop import Backdrop
from game.ui.scenes.battle.cursor import CursorMode
from game.ui.scenes.battle.scene import BattleScene
from game.ui.scenes.briefing import BriefingScene, ScenarioSelectScene
from game.ui.scenes.combat import CombatScene
from game.ui.scenes.dialogue import DialogueScene
from game.ui.scenes.forecast import ForecastScene, ReactionScene
from game.ui.scenes.menu import ConfirmScene, MenuScene, MessageScene
from game.ui.scenes.objectives import ObjectivesScene
from game.ui.scenes.pause import PauseScene
from game.ui.scenes.result import ResultScene
from game.ui.scenes.settings import KeyBindingsScene, SettingsScene
from game.ui.scenes.status import StatusScene
from game.ui.scenes.title import TitleScene
from game.ui.services import Services
from tests.ui.training import duel, first_contact

SIZES = [(640, 360), (1280, 720), (1366, 768), (1920, 1080), (500, 300)]


def _enemy_attack_session() -> tuple[BattleSession, Attack]:
    s = BattleSession.start(duel())
    s.do(Wait("layzner"))
    s.do(EndPhase())
    s.state.units["braver_1"] = replace(s.state.units["braver_1"], x=3, y=2)
    return s, Attack("braver_1", "braver_rifle", "layzner")


def _reaction(services: Services) -> Scene:
    session, attack = _enemy_attack_session()
    return ReactionScene(services, session.state, attack)


def _combat(services: Services) -> Scene:
    s = BattleSession.start(duel())
    before = {u.uid: (u.hp, 2600) for u in s.state.active_units()}
    events = s.do(Attack("layzner", "layzered_rifle", "braver_1"))
    scene = CombatScene(services, s.state, events, before)
    scene.update(1.2)  # mid-strike: effects, numbers and bars on screen
    return scene


def _won(services: Services) -> Scene:
    s = BattleSession.start(duel())
    s.state.units["braver_1"] = replace(s.state.units["braver_1"], hp=10)
    s.state.units["braver_2"] = replace(s.state.units["braver_2"], status="destroyed")
    s.do(CastSpirit("layzner", "strike"))
    s.do(Attack("layzner", "layzered_rifle", "braver_1"))
    assert s.state.outcome is not None and s.state.outcome.winner == "player"
    return ResultScene(services, s)


def _battle(services: Services, mode: str = "") -> Scene:
    scene = BattleScene(services, BattleSession.start(first_contact()))
    scene.update(0.1)
    scene.playback.queue.clear()
    scene.playback.beat = None
    scene.playback.blocked = False
    scene.covered = False
    scene.mode = CursorMode(scene.field)
    scene.update(0.1)
    if mode == "move":
        scene.apply(scene.orders.select("layzner"))
    elif mode == "danger":
        scene.field.show_danger = True
        scene.field.inspect = "braver_1"
    return scene


FACTORIES: dict[str, Callable[[Services], Scene]] = {
    "title": TitleScene,
    "select": ScenarioSelectScene,
    "briefing": lambda sv: BriefingScene(sv, first_contact(), None),
    "settings": SettingsScene,
    "controls": KeyBindingsScene,
    "battle": _battle,
    "battle_move": lambda sv: _battle(sv, "move"),
    "battle_danger": lambda sv: _battle(sv, "danger"),
    "menu": lambda sv: MenuScene(sv, [Entry("Attack", 1, False, "No enemy in range."), Entry("Wait", 2)]),
    "confirm": lambda sv: ConfirmScene(sv, "End the turn?"),
    "message": lambda sv: MessageScene(sv, "Note", "Something to read."),
    "forecast": lambda sv: ForecastScene(
        sv,
        (s := BattleSession.start(duel())).state,
        forecast(s.state, "layzner", "layzered_rifle", "braver_1"),
        Attack("layzner", "layzered_rifle", "braver_1"),
    ),
    "reaction": _reaction,
    "combat": _combat,
    "dialogue": lambda sv: DialogueScene(
        sv, [{"speaker": "Eiji", "text": "Grados is coming. " * 6, "portrait": "eiji"}]
    ),
    "status": lambda sv: StatusScene(sv, BattleSession.start(first_contact()).state, "layzner"),
    "objectives": lambda sv: ObjectivesScene(sv, BattleSession.start(first_contact()).state),
    "pause": lambda sv: PauseScene(sv, BattleSession.start(duel())),
    "result": _won,
    "defeat": lambda sv: ResultScene(sv, BattleSession.start(duel())),
}


@pytest.fixture
def services(config_dir: Path) -> Services:
    return build_services(None, config_dir=config_dir)


@pytest.mark.parametrize("name", sorted(FACTORIES))
def test_scene_draws_at_every_window_size(services: Services, name: str) -> None:
    display = services.display
    assert display is not None
    base = TitleScene(services)
    app = App(services, base)
    scene = FACTORIES[name](services)
    app.apply(Push(scene) if not scene.opaque else Reset(scene))
    for size in SIZES:
        display.window = pygame.display.set_mode(size, pygame.RESIZABLE)
        app.step(1 / 60)
        display.logical.fill((255, 0, 255))
        app.draw(display.logical)
        display.present()
        colours = {display.logical.get_at((x, y))[:3] for x in range(0, 640, 37) for y in range(0, 360, 23)}
        assert len(colours) > 3, f"{name} drew almost nothing"
        assert (255, 0, 255) not in colours, f"{name} left part of the screen undrawn"


def test_combat_scene_shows_the_damage_of_its_events(services: Services) -> None:
    scene = _combat(services)
    assert isinstance(scene, CombatScene)
    strikes = [s for s in scene.segments if isinstance(s.event, ev.StrikeResolved)]
    assert strikes
    first = strikes[0].event
    assert isinstance(first, ev.StrikeResolved)
    for _ in range(600):
        if scene.update(1 / 60) is not None:
            break
    assert scene.hp[first.target] == first.hp_after or first.target in scene.gone


def test_backdrop_draws() -> None:
    surface = pygame.Surface((640, 360))
    Backdrop().draw(surface, 1.5)
    assert surface.get_at((500, 300)) != surface.get_at((10, 10))
