"""The growth loop between battles: the parts shop and slots, pilot training with PP, ace
and full-upgrade bonuses, rewards of bonus objectives and bosses driven off, and the
campaign save carrying all of it (format-1 saves still load)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace

import pytest

from game.campaign import (
    CampaignError,
    CampaignRules,
    CampaignSave,
    CampaignState,
    PilotRecord,
    battle_seed,
    buy_part,
    buy_upgrade,
    choose_full_bonus,
    equip_part,
    equipped_of,
    owned,
    record_victory,
    sell_part,
    setup_for,
    start_campaign,
    steps_to_full,
    train,
    training_options,
    unequip_part,
)
from game.core.defs import frozen_map
from game.core.state import RETREATED
from game.core.stats import pilot_stats
from game.scenario import Scenario
from game.sim import play_out
from tests.saves.conftest import CAMPAIGN, ai_sides


def rich(rules: CampaignRules, funds: int = 500_000) -> CampaignState:
    state = start_campaign(CAMPAIGN, rules, seed=1)
    return replace(state, funds=funds, pilots=frozen_map({"eiji": PilotRecord(20, 0, 3, pp=200)}))


def test_a_new_campaign_owns_the_start_parts_and_the_shop_sells_at_least_15(rules: CampaignRules) -> None:
    state = start_campaign(CAMPAIGN, rules)
    assert dict(state.parts) == dict(rules.growth.start_parts) and state.parts
    assert len(rules.growth.shop()) >= 15
    kinds = {rules.growth.parts[p].kind for p in rules.growth.shop()}
    assert kinds == {"part", "consumable"}


def test_buy_equip_unequip_and_sell_keep_every_part_accounted_for(rules: CampaignRules) -> None:
    state = rich(rules)
    price = rules.growth.parts["booster"].price or 0
    state = buy_part(state, "booster", rules)
    assert state.funds == 500_000 - price and owned(state, "booster") == 1
    state = equip_part(state, "layzner", "booster", rules)
    assert equipped_of(state, "layzner", rules) == ("booster",) and "booster" not in state.parts
    with pytest.raises(CampaignError, match="No Booster in stock"):
        equip_part(state, "layzner", "booster", rules)
    with pytest.raises(CampaignError, match="stock to sell"):
        sell_part(state, "booster", rules)
    state = unequip_part(state, "layzner", 0, rules)
    assert equipped_of(state, "layzner", rules) == () and state.parts["booster"] == 1
    state = sell_part(state, "booster", rules)
    assert owned(state, "booster") == 0 and state.funds == 500_000 - price + rules.growth.parts["booster"].sell


def test_slots_are_a_per_unit_number_and_full_slots_refuse(rules: CampaignRules) -> None:
    state = rich(rules)
    slots = rules.growth.slots("layzner")
    assert slots != rules.growth.slots("buggy")
    for _ in range(slots):
        state = equip_part(buy_part(state, "chobham_armor", rules), "layzner", "chobham_armor", rules)
    state = buy_part(state, "chobham_armor", rules)
    with pytest.raises(CampaignError, match=f"All {slots} slots are full"):
        equip_part(state, "layzner", "chobham_armor", rules)


def test_unsold_and_unaffordable_parts_are_refused(rules: CampaignRules) -> None:
    with pytest.raises(CampaignError, match="not sold"):
        buy_part(rich(rules), "learning_computer", rules)
    with pytest.raises(CampaignError, match="Needs 18,000 funds"):
        buy_part(rich(rules, funds=100), "apogee_motor", rules)


def test_the_mk2_carries_the_layzners_parts_and_they_reach_its_battle(
    rules: CampaignRules, load: Callable[[str], Scenario]
) -> None:
    state = equip_part(buy_part(rich(rules), "a_adapter", rules), "layzner", "a_adapter", rules)
    state = equip_part(buy_part(state, "repair_kit", rules), "layzner", "repair_kit", rules)
    assert equipped_of(state, "layzner_mk2", rules) == ("a_adapter", "repair_kit")
    state = replace(state, stage=CAMPAIGN.index("seal_of_grados"))
    scenario = load("seal_of_grados")
    setup = setup_for(state, scenario, rules)
    assert setup.parts["layzner_mk2"] == ("a_adapter", "repair_kit")
    battle, _ = scenario.with_setup(setup).start(5)
    effects = [(e.kind, e.id) for e in battle.unit("layzner").effects]
    assert ("part", "a_adapter") in effects and ("item", "repair_kit") in effects
    # Changing the Mk-II's parts moves them off the Layzner: nothing is counted twice.
    state = unequip_part(state, "layzner_mk2", 1, rules)
    assert "layzner" not in state.equipped and owned(state, "a_adapter") == 1


def test_training_spends_pp_on_stats_and_skills_and_reaches_the_pilot(
    rules: CampaignRules, load: Callable[[str], Scenario]
) -> None:
    state = rich(rules)
    rows = {(o.kind, o.key): o for o in training_options(state, "eiji", rules)}
    hit, prevail = rows[("stat", "hit")], rows[("skill", "prevail")]
    assert hit.now == 0 and prevail.now == 3, "Eiji has Prevail L3 of his own"
    state = train(state, "eiji", "stat", "hit", rules)
    state = train(state, "eiji", "stat", "hit", rules)
    state = train(state, "eiji", "skill", "prevail", rules)
    spent = rules.growth.stat_costs[0] + rules.growth.stat_costs[1] + (prevail.price or 0)
    assert state.pilots["eiji"].pp == 200 - spent
    scenario = load("blue_comet_falls")
    plain, _ = scenario.with_setup(setup_for(rich(rules), scenario, rules)).start(1)
    trained, _ = scenario.with_setup(setup_for(state, scenario, rules)).start(1)
    gain = pilot_stats(trained.ctx, trained.unit("layzner")).hit - pilot_stats(plain.ctx, plain.unit("layzner")).hit
    assert gain == 2 * rules.growth.stat_step
    assert {r.id: r.level for r in trained.ctx.defs.pilots["eiji"].skills}["prevail"] == 4
    poor = replace(state, pilots=frozen_map({"eiji": replace(state.pilots["eiji"], pp=0)}))
    with pytest.raises(CampaignError, match="PP"):
        train(poor, "eiji", "stat", "melee", rules)
    with pytest.raises(CampaignError, match="not fought"):
        train(state, "bill", "stat", "melee", rules)


def test_the_ace_bonus_arrives_at_the_kill_count_for_that_pilot_only(
    rules: CampaignRules, load: Callable[[str], Scenario]
) -> None:
    scenario = load("blue_comet_falls")
    kills = rules.growth.ace_kills
    almost = replace(rich(rules), pilots=frozen_map({"eiji": PilotRecord(20, 0, kills - 1)}))
    ace = replace(rich(rules), pilots=frozen_map({"eiji": PilotRecord(20, 0, kills)}))
    assert not setup_for(almost, scenario, rules).pilot_parts
    assert setup_for(ace, scenario, rules).pilot_parts == {"eiji": ("ace_eiji",)}
    battle, _ = scenario.with_setup(setup_for(ace, scenario, rules)).start(1)
    assert ("part", "ace_eiji") in [(e.kind, e.id) for e in battle.unit("layzner").effects]
    named = {p.pilot for p in rules.growth.parts.values() if p.kind == "ace_bonus"}
    assert {"eiji", "david", "simone", "roan", "danny"} <= named


def test_the_full_upgrade_bonus_is_chosen_once_when_every_stat_is_upgraded(rules: CampaignRules) -> None:
    state = rich(rules, funds=10**7)
    with pytest.raises(CampaignError, match="more upgrade step"):
        choose_full_bonus(state, "layzner", "full_move", rules)
    while steps_to_full(state, "layzner", rules):
        stat = next(o.stat for o in _short(state, rules))
        state = buy_upgrade(state, "layzner", stat, rules)
    state = choose_full_bonus(state, "layzner", "full_terrain", rules)
    with pytest.raises(CampaignError, match="already"):
        choose_full_bonus(state, "layzner", "full_move", rules)
    with pytest.raises(CampaignError, match="not a full-upgrade bonus"):
        choose_full_bonus(state, "astrohawk", "booster", rules)
    assert state.full_bonus == {"layzner": "full_terrain"}


def _short(state: CampaignState, rules: CampaignRules) -> list[object]:
    from game.campaign import upgrade_options
    from game.campaign.bonuses import full_upgrade_goal

    return [
        o for o in upgrade_options(state, "layzner", rules) if o.steps < full_upgrade_goal("layzner", o.stat, rules)
    ]


def test_bonus_objectives_and_a_boss_driven_off_pay_funds_pp_and_parts(
    rules: CampaignRules, load: Callable[[str], Scenario]
) -> None:
    state = start_campaign(CAMPAIGN, rules, seed=3)
    scenario = load("blue_comet_falls").with_setup(setup_for(state, load("blue_comet_falls"), rules))
    begin, _ = scenario.start(battle_seed(state))
    final = play_out(begin, ai_sides(scenario)).state.shallow_copy()  # type: ignore[arg-type]
    assert final.outcome is not None and final.outcome.winner == "player", "seed 3 is a win for the AI"
    final.bonus = ["base_intact", "mercy"]  # as if both were achieved
    boss = next(u for u in final.units.values() if u.ai.get("behaviour") == "boss")
    retreated = boss.copy()
    retreated.status = RETREATED
    final.units[boss.uid] = retreated
    new, gains = record_victory(state, scenario, final, rules)
    want = rules.growth.rewards["blue_comet_falls"]
    boss_funds = final.ctx.defs.units[boss.unit_id].funds * rules.growth.boss_funds_pct // 100
    assert gains.reward_funds == want["base_intact"].funds + want["mercy"].funds + boss_funds
    assert new.funds == state.funds + gains.funds + gains.reward_funds
    assert new.parts["learning_computer"] == 1 and new.history[-1].parts == ("learning_computer",)
    eiji = next(g for g in gains.pilots if g.pilot == "eiji")
    assert eiji.pp == (
        rules.growth.pp_per_battle
        + want["base_intact"].pp
        + want["mercy"].pp
        + rules.growth.boss_pp
        + eiji.kills * rules.growth.pp_per_kill
    )
    assert new.pilots["eiji"].pp == eiji.pp and new.history[-1].pp == sum(g.pp for g in gains.pilots)


def test_the_save_carries_parts_training_and_bonuses_and_old_saves_load(rules: CampaignRules) -> None:
    state = equip_part(buy_part(rich(rules), "booster", rules), "layzner", "booster", rules)
    state = train(state, "eiji", "skill", "guard", rules)
    state = replace(state, full_bonus=frozen_map({"astrohawk": "full_move"}))
    data = json.loads(json.dumps(CampaignSave(state, "h").to_json()))
    assert CampaignSave.from_json(data).state == state
    old = dict(data["campaign"])
    for key in ("format", "parts", "equipped", "full_bonus"):
        del old[key]
    old["pilots"] = {"eiji": {"level": 20, "exp": 0, "kills": 3}}
    loaded = CampaignState.from_json(old)
    assert loaded.parts == {} and loaded.equipped == {} and loaded.pilots["eiji"] == PilotRecord(20, 0, 3)
    with pytest.raises(CampaignError, match="newer version"):
        CampaignState.from_json({**data["campaign"], "format": 99})
    with pytest.raises(CampaignError, match="equipped"):
        CampaignState.from_json({**data["campaign"], "equipped": []})
