"""Carry-over from battle to battle: pilot levels, EXP and kills, funds and upgrades, through
the shipped campaign played by the AI."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from game.campaign import (
    CampaignError,
    CampaignRules,
    CampaignState,
    battle_seed,
    buy_upgrade,
    choose_deployment,
    record_defeat,
    record_victory,
    setup_for,
    start_campaign,
    upgrade_options,
    upgrades_of,
)
from game.core.state import BattleState
from game.scenario import Scenario
from game.sim import play_out
from tests.saves.conftest import CAMPAIGN, ai_sides


def fight(state: CampaignState, load: Callable[[str], Scenario], rules: CampaignRules) -> tuple[Scenario, BattleState]:
    scenario = load(state.next_scenario or "")
    played = scenario.with_setup(setup_for(state, scenario, rules))
    start, _ = played.start(battle_seed(state))
    return played, play_out(start, ai_sides(played)).state  # type: ignore[arg-type]


def win(state: CampaignState, load: Callable[[str], Scenario], rules: CampaignRules) -> tuple[CampaignState, object]:
    for _ in range(6):
        played, final = fight(state, load, rules)
        if final.outcome is not None and final.outcome.winner == "player":
            return record_victory(state, played, final, rules)
        state = record_defeat(state)
    raise AssertionError(f"the AI could not win {state.next_scenario}")


def test_win_the_first_battle_buy_an_upgrade_and_see_it_in_the_second(
    load: Callable[[str], Scenario], rules: CampaignRules
) -> None:
    state = start_campaign(CAMPAIGN, rules, seed=3)
    assert state.funds == 10000 and state.next_scenario == "blue_comet_falls"
    played, final = fight(state, load, rules)
    assert final.outcome is not None and final.outcome.winner == "player", "seed 3 is a win for the AI"
    eiji = final.unit("layzner")
    assert eiji.exp > 0 or eiji.level > played.setup.levels["eiji"]
    earned = final.results["player"].funds
    assert earned > 0

    state, gains = record_victory(state, played, final, rules)
    assert state.stage == 1 and gains.funds == earned
    assert state.funds == 10000 + earned + gains.reward_funds
    record = state.pilots["eiji"]
    start_level = played.setup.levels["eiji"]
    assert record.level * 500 + record.exp == start_level * 500 + (eiji.level - start_level) * 500 + eiji.exp
    assert record.kills == eiji.kills
    assert [h.scenario for h in state.history] == ["blue_comet_falls"]

    state = buy_upgrade(state, "layzner", "hp", rules)
    state = buy_upgrade(state, "layzner", "mobility", rules)
    assert state.funds == 10000 + earned + gains.reward_funds - 2000 - 5000

    second = load("sandstorm_decoy")
    setup = setup_for(state, second, rules)
    battle, _ = second.with_setup(setup).start(battle_seed(state))
    layzner = battle.unit("layzner")
    assert layzner.level == record.level and dict(layzner.upgrades) == {"hp": 1, "mobility": 1}
    plain, _ = second.start(battle_seed(state))
    assert layzner.hp == plain.unit("layzner").hp + 200  # upgrade_hp per step
    # Pilots the campaign has not met yet keep the scenario's level.
    assert battle.unit("buggy_1").level == plain.unit("buggy_1").level


def test_a_defeat_carries_nothing_and_the_retry_gets_a_new_seed(rules: CampaignRules) -> None:
    state = start_campaign(CAMPAIGN, rules, seed=3)
    again = record_defeat(state)
    assert again.stage == 0 and again.funds == state.funds and battle_seed(again) != battle_seed(state)


def test_only_the_next_battle_won_moves_the_campaign(load: Callable[[str], Scenario], rules: CampaignRules) -> None:
    state = start_campaign(CAMPAIGN, rules, seed=3)
    wrong = load("sandstorm_decoy")
    start, _ = wrong.start(1)
    with pytest.raises(CampaignError, match="next battle is 'blue_comet_falls', not 'sandstorm_decoy'"):
        record_victory(state, wrong, start, rules)
    first = load("blue_comet_falls")
    start, _ = first.start(1)
    with pytest.raises(CampaignError, match="only a won battle"):
        record_victory(state, first, start, rules)


def test_the_whole_campaign_carries_over_to_the_finale(load: Callable[[str], Scenario], rules: CampaignRules) -> None:
    """Five battles in order; the Layzner's upgrades reach the Mk-II; the deploy choice holds."""
    state = start_campaign(CAMPAIGN, rules, seed=5)
    levels = []
    for _ in range(4):
        state, _ = win(state, load, rules)
        eiji = state.pilots["eiji"]
        levels.append(eiji.level * rules.exp_per_level + eiji.exp)  # EXP in total
        hp = next(o for o in upgrade_options(state, "layzner", rules) if o.stat == "hp")
        if hp.problem is None:
            state = buy_upgrade(state, "layzner", "hp", rules)
    assert state.next_scenario == "seal_of_grados"
    assert levels == sorted(levels) and levels[-1] > levels[0]  # Eiji's EXP only grows
    assert {"eiji", "david", "roan"} <= set(state.pilots)
    layzner = upgrades_of(state, "layzner", rules)
    assert layzner.get("hp", 0) >= 1

    finale = load("seal_of_grados")
    state = choose_deployment(state, finale, ("elf_doll", "david", None, "arthur"))
    setup = setup_for(state, finale, rules)
    battle, _ = finale.with_setup(setup).start(battle_seed(state))
    mk2 = battle.unit("layzner")
    assert mk2.unit_id == "layzner_mk2" and dict(mk2.upgrades) == layzner
    floor = next(d.level for d in finale.listed or finale.deployments if d.uid == "layzner") or 1
    assert mk2.level == max(state.pilots["eiji"].level, floor)  # the scenario's level is a floor
    assert battle.unit("david").level >= state.pilots["david"].level
    assert "simone" not in battle.units and "elf_doll" in battle.units and "medic" not in battle.units
    state, _ = win(state, load, rules)
    assert state.complete and state.next_scenario is None and len(state.history) == 5


def test_a_bad_deployment_choice_is_refused(load: Callable[[str], Scenario], rules: CampaignRules) -> None:
    state = start_campaign(CAMPAIGN, rules)
    with pytest.raises(CampaignError, match="'david' is chosen for two slots"):
        choose_deployment(state, load("seal_of_grados"), ("david", "david", None, None))
    with pytest.raises(CampaignError, match="has no deployment choice"):
        choose_deployment(state, load("blue_comet_falls"), ("layzner",))
