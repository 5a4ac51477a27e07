"""The shipped scenarios open in the window: briefing, map tiles, opening events, a turn."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.ui.app import build_services
from game.ui.input.actions import Action
from game.ui.scenes.battle.scene import BattleScene
from game.ui.scenes.briefing import BriefingScene
from tests.ui.driver import Driver
from tests.ui.player import wait_for_input


def _catalog(config_dir: Path):  # type: ignore[no-untyped-def]
    return build_services(None, config_dir=config_dir, headless=True).catalog


def _real(config_dir: Path) -> Driver:
    """A driver with the shipped scenarios and the AI the game uses (not the test defaults)."""
    d = Driver(config_dir)
    real = build_services(None, config_dir=config_dir, headless=True)
    d.services.catalog = real.catalog
    d.services.controllers = real.controllers
    return d


def test_catalog_lists_the_campaign_with_briefings(config_dir: Path) -> None:
    catalog = _catalog(config_dir)
    infos = {i.id: i for i in catalog.scenarios()}
    campaign = list(catalog.campaign())
    assert len(campaign) >= 5
    for sid in campaign:
        info = infos[sid]
        assert info.briefing and not info.briefing.startswith("This scenario cannot be loaded"), info.briefing
        assert info.victory and info.defeat


@pytest.mark.parametrize("index", range(5))
def test_each_campaign_scenario_opens_and_plays_its_first_turn(config_dir: Path, index: int) -> None:
    d = _real(config_dir)
    scenario_id = list(d.services.catalog.campaign())[index]
    d.app.apply(d.services.nav.briefing(scenario_id))
    assert isinstance(d.top, BriefingScene)
    d.press(Action.CONFIRM)
    b = d.top
    assert isinstance(b, BattleScene)
    assert b.session.scenario.map_source is not None
    assert b.terrain.get_size() == (b.state.ctx.grid.width * 32, b.state.ctx.grid.height * 32)
    wait_for_input(d, 120)
    d.draw()
    if b.state.outcome is None:
        from tests.ui.player import end_turn

        end_turn(d)
        wait_for_input(d, 300)
        assert b.state.turn >= 2 or b.state.outcome is not None


def test_suspend_records_carry_the_game_data_hash(config_dir: Path) -> None:
    from game.data import default_game_dir, load_game_data
    from game.ui.model.session import BattleSession

    d = _real(config_dir)
    loaded = d.services.catalog.load(next(iter(d.services.catalog.campaign())))
    record = BattleSession.start(loaded).record("suspend")
    assert record.data_hash == load_game_data(default_game_dir()).data_hash
