"""The route choice in the intermission after the branch stage: the next battle waits for
it, the route screen takes one, and the campaign goes on along that route."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from game.campaign import start_campaign
from game.ui.input.actions import Action
from game.ui.scenes.intermission import IntermissionScene
from game.ui.scenes.route import RouteScene
from tests.ui.driver import Driver
from tests.ui.test_campaign_screens import choose
from tests.ui.test_shipped_scenarios import _real


def at_the_branch(d: Driver) -> IntermissionScene:
    order = list(d.services.catalog.campaign())
    campaign = start_campaign(order, d.services.catalog.campaign_rules(), seed=4)
    campaign = dataclasses.replace(campaign, stage=order.index("beautiful_le_cain") + 1)
    d.app.apply(d.services.nav.intermission(campaign))
    hub = d.top
    assert isinstance(hub, IntermissionScene)
    return hub


def test_the_next_battle_waits_for_the_route_and_the_route_screen_takes_one(config_dir: Path) -> None:
    d = _real(config_dir)
    hub = at_the_branch(d)
    keys = [e.key for e in hub.menu.entries]
    assert keys[0] == "route"
    assert not next(e for e in hub.menu.entries if e.key == "next").enabled
    choose(d, hub, "route")
    screen = d.top
    assert isinstance(screen, RouteScene)
    assert [e.key for e in screen.menu.entries] == ["new_york", "cusco"]
    d.frame()
    d.press(Action.CANCEL)  # back without choosing
    assert d.top is hub and hub.campaign.route is None
    choose(d, hub, "route")
    d.press(Action.DOWN)
    d.press(Action.CONFIRM)  # Go south to Cusco
    assert d.top is hub
    assert hub.campaign.route == "cusco" and hub.campaign.next_scenario == "saint_of_cusco"
    assert hub.campaign.flags["story_route_cusco"] is True
    assert "route" not in [e.key for e in hub.menu.entries]
    assert next(e for e in hub.menu.entries if e.key == "next").enabled
    d.frame()
