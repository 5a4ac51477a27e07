"""The battle log holds what happened and every line the battle scene says, rebuilt from
the command log, whatever animation mode was on."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.core import events as ev
from game.core.commands import Attack, CastSpirit
from game.ui.app import build_services
from game.ui.fx.book import book_for
from game.ui.fx.log import battle_log
from game.ui.fx.log_scene import BattleLogScene
from game.ui.input.actions import Action, InputEvent, Kind
from game.ui.model.session import BattleSession
from game.ui.scene import Pop, Push
from game.ui.scenes.combat import CombatScene
from game.ui.scenes.pause import PauseScene
from game.ui.services import Services
from tests.ui.training import duel


@pytest.fixture
def services(config_dir: Path) -> Services:
    return build_services(None, config_dir=config_dir)


def test_the_log_keeps_the_scenes_quotes(services: Services) -> None:
    session = BattleSession.start(duel())
    before = {u.uid: (u.hp, 3700 if u.uid == "layzner" else 2600) for u in session.state.active_units()}
    session.do(CastSpirit("layzner", "strike"))
    events = session.do(Attack("layzner", "layzered_rifle", "braver_1"))
    scene = CombatScene(services, session.state, events, before)
    assert scene.log, "the scene says something"
    lines = battle_log(book_for(services.catalog), session.scenario.start(session.state.seed), session.log)
    texts = [line.text for line in lines]
    for quote in scene.log:
        assert any(quote.text in t for t in texts), quote
    assert any("casts Strike" in t for t in texts)
    strikes = [e for e in events if isinstance(e, ev.StrikeResolved)]
    assert sum(1 for line in lines if line.kind == "action") >= len(strikes) + 1
    assert lines[0].kind == "turn"


def test_the_pause_menu_opens_the_log(services: Services) -> None:
    session = BattleSession.start(duel())
    session.do(Attack("layzner", "layzered_rifle", "braver_1"))
    pause = PauseScene(services, session)
    entry = next(e for e in pause.menu.entries if e.key == "log")
    assert entry.action is not None
    pushed = entry.action()
    assert isinstance(pushed, Push) and isinstance(pushed.scene, BattleLogScene)
    log = pushed.scene
    surface = pygame.Surface((640, 360))
    log.draw(surface)
    assert log.rows()
    assert log.handle(InputEvent(Kind.PRESS, Action.UP)) is None and log.scroll == 1
    assert isinstance(log.handle(InputEvent(Kind.PRESS, Action.CANCEL)), Pop)
