"""The whole story played headless through the campaign, as a player would meet it: every
stage in order with the SRW AI on both sides (a lost battle is retried with a new seed),
the route chosen at the branch, levels and story flags carried from battle to battle."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from game.campaign import CampaignRules, start_campaign
from game.campaign.story import choose_route, load_story, pending_branch
from game.scenario import Scenario, list_scenarios
from tests.campaign.test_carry_over import win

ROOT = Path(__file__).resolve().parents[2]


def test_the_campaign_is_played_to_the_end_along_the_cusco_route(
    load: Callable[[str], Scenario], rules: CampaignRules
) -> None:
    story = load_story(ROOT)
    linear = [i.id for i in list_scenarios(ROOT) if i.source == "game" and i.order is not None]
    state = start_campaign(linear, rules, seed=8)
    while not state.complete:
        if pending_branch(state, story) is not None:
            state = choose_route(state, story, "cusco")
        state, _ = win(state, load, rules)
    assert [h.scenario for h in state.history] == [*linear[:10], "saint_of_cusco", *linear[10:]]
    assert len(state.history) >= 12
    assert state.route == "cusco" and state.flags["story_route_cusco"] is True
    assert state.pilots["eiji"].level > 20  # he grew over the story
