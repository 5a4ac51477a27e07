"""The route split and the story flags: the shipped branch, choosing a route, the flags a
won battle leaves in the campaign and how they reach the next battles (the secret recruit)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from game.campaign import CampaignError, CampaignRules, CampaignState, battle_seed, setup_for, start_campaign
from game.campaign.battles import story_flags
from game.campaign.story import Story, choose_route, load_story, parse_story, pending_branch
from game.core.defs import frozen_map
from game.scenario import Scenario, list_scenarios

ROOT = Path(__file__).resolve().parents[2]


def linear() -> list[str]:
    return [i.id for i in list_scenarios(ROOT) if i.source == "game" and i.order is not None]


@pytest.fixture
def story() -> Story:
    return load_story(ROOT)


def at_branch(story: Story, rules: CampaignRules) -> CampaignState:
    state = start_campaign(linear(), rules, seed=5)
    assert story.branch is not None
    return replace(state, stage=state.order.index(story.branch.after) + 1)


def test_the_shipped_story_checks_clean_and_every_route_makes_twelve_stages(story: Story) -> None:
    assert story.branch is not None and story.branch.after == "beautiful_le_cain"
    assert story.check(linear(), [i.id for i in list_scenarios(ROOT)]) == []
    # Every scenario is either a linear stage or on exactly one route.
    routed = [s for r in story.branch.routes for s in r.stages]
    assert sorted(linear() + routed) == sorted(i.id for i in list_scenarios(ROOT) if i.source == "game")
    assert len(routed) == len(set(routed))
    for r in story.branch.routes:
        assert len(linear()) + len(r.stages) >= 12, r.id


def test_choosing_a_route_inserts_its_stages_and_sets_its_flag(story: Story, rules: CampaignRules) -> None:
    state = start_campaign(linear(), rules, seed=5)
    assert pending_branch(state, story) is None
    with pytest.raises(CampaignError, match="no route to choose"):
        choose_route(state, story, "cusco")
    state = at_branch(story, rules)
    assert pending_branch(state, story) is story.branch
    with pytest.raises(CampaignError, match="no route 'lima'; the routes are new_york, cusco"):
        choose_route(state, story, "lima")
    chosen = choose_route(state, story, "cusco")
    assert chosen.next_scenario == "saint_of_cusco"
    assert chosen.order[chosen.stage + 1] == "red_power"  # the routes join again
    assert "demon_squad" not in chosen.order and len(chosen.order) == len(linear()) + 1
    assert chosen.route == "cusco" and chosen.flags["story_route_cusco"] is True
    assert pending_branch(chosen, story) is None
    with pytest.raises(CampaignError):
        choose_route(chosen, story, "new_york")
    # The save carries the route, the flags and the longer order.
    again = CampaignState.from_json(json.loads(json.dumps(chosen.to_json())))
    assert again == chosen


def test_a_campaign_without_story_writes_no_route_or_flags(rules: CampaignRules) -> None:
    data = start_campaign(linear(), rules, seed=5).to_json()
    assert "route" not in data and "flags" not in data


def test_bad_campaign_files_name_the_field() -> None:
    with pytest.raises(CampaignError, match=r"campaign.yaml: branch.routes: a branch needs .* two routes"):
        parse_story({"branch": {"after": "x", "title": "t", "routes": []}})
    with pytest.raises(CampaignError, match=r"branch.routes\[1\].stages: expected a non-empty list"):
        parse_story(
            {
                "branch": {
                    "after": "x",
                    "title": "t",
                    "routes": [{"id": "a", "title": "A", "stages": ["s"]}, {"id": "b", "title": "B"}],
                }
            }
        )
    with pytest.raises(CampaignError, match="unknown key 'branches'"):
        parse_story({"branches": {}})
    with pytest.raises(CampaignError, match="campaign 'flags': flag 'story_x' must be"):
        CampaignState.from_json({"order": ["a"], "flags": {"story_x": [1]}})
    story = parse_story(
        {
            "branch": {
                "after": "x",
                "title": "t",
                "routes": [
                    {"id": "a", "title": "A", "stages": ["ghost"]},
                    {"id": "b", "title": "B", "stages": ["blue_comet_falls"]},
                ],
            }
        }
    )
    problems = story.check(linear(), [i.id for i in list_scenarios(ROOT)])
    assert any("'x' is not a stage" in p for p in problems)
    assert any("unknown scenario 'ghost'" in p for p in problems)
    assert any("'blue_comet_falls' has an order" in p for p in problems)


def test_only_story_flags_leave_the_battle() -> None:
    assert story_flags({"story_gale_talk": True, "speech_given": True, "story_n": 2, "story_bad": [1]}) == {
        "story_gale_talk": True,
        "story_n": 2,
    }


def recruits(state: CampaignState, sid: str, load: Callable[[str], Scenario], rules: CampaignRules) -> set[str]:
    scenario = load(sid)
    battle, _ = scenario.with_setup(setup_for(state, scenario, rules)).start(battle_seed(state))
    return {u.uid for u in battle.units.values() if u.side == "player" and u.uid in ("gale", "julia")}


def test_the_secret_recruit_joins_the_player_with_their_unit(
    load: Callable[[str], Scenario], rules: CampaignRules
) -> None:
    state = start_campaign(linear(), rules, seed=5)
    assert recruits(state, "seal_of_grados", load, rules) == set()
    gale = replace(state, flags=frozen_map({"story_gale_joined": True}))
    assert recruits(gale, "seal_of_grados", load, rules) == {"gale"}
    assert recruits(gale, "curfew", load, rules) == {"gale"}
    julia = replace(state, flags=frozen_map({"story_julia_joined": True}))
    assert recruits(julia, "red_power", load, rules) == {"julia"}
    scenario = load("seal_of_grados")
    battle, _ = scenario.with_setup(setup_for(julia, scenario, rules)).start(1)
    assert battle.unit("julia").unit_id == "bloodykaiser" and battle.flags["story_julia_joined"] is True


def test_julia_is_recruited_only_on_the_cusco_route_and_never_with_gale(
    load: Callable[[str], Scenario], rules: CampaignRules
) -> None:
    from game.core import apply
    from game.core.commands import EndPhase

    def duel_won(flags: dict[str, bool]) -> dict[str, object]:
        state = replace(start_campaign(linear(), rules, seed=5), flags=frozen_map(flags))
        scenario = load("saint_of_cusco")
        battle, _ = scenario.with_setup(setup_for(state, scenario, rules)).start(2)
        data = battle.to_json()
        for u in data["units"]:
            if u["uid"] == "gosterro":
                u["hp"] = 100
        battle = type(battle).from_json(data, battle.ctx)
        battle, _ = apply(battle, EndPhase())  # events are checked as the phase changes
        return dict(battle.flags)

    three = {"story_julia_talk": True, "story_route_cusco": True}
    assert duel_won(three).get("story_julia_joined") is True
    assert "story_julia_joined" not in duel_won({**three, "story_gale_joined": True})
    assert "story_julia_joined" not in duel_won({"story_route_cusco": True})


def test_a_won_battle_leaves_its_story_flags_in_the_campaign_and_the_next_battle_starts_with_them(
    load: Callable[[str], Scenario], rules: CampaignRules
) -> None:
    from game.campaign import record_victory
    from tests.campaign.test_carry_over import fight

    state = start_campaign(linear(), rules, seed=3)
    played, final = fight(state, load, rules)
    assert final.outcome is not None and final.outcome.winner == "player", "seed 3 is a win for the AI"
    final.flags.update({"story_gale_talk": True, "base_hit_seen": True})  # as the talk event would set it
    state, _ = record_victory(state, played, final, rules)
    assert dict(state.flags) == {"story_gale_talk": True}
    nxt = load(state.next_scenario or "")
    battle, _ = nxt.with_setup(setup_for(state, nxt, rules)).start(battle_seed(state))
    assert battle.flags["story_gale_talk"] is True and "base_hit_seen" not in battle.flags
    assert "campaign_flags" in battle.fired and "opening" in battle.fired
