"""The growth screens of the intermission, driven with key presses as a player would: the
parts shop buys and sells, the equip screen puts a part in a slot and the part reaches the
battle, training spends PP, the briefing names what bonus objectives pay, and the battle's
map menu uses a repair kit."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from game.campaign import equip_part, equipped_of
from game.core.defs import frozen_map
from game.ui.input.actions import Action
from game.ui.scenes.battle.scene import BattleScene
from game.ui.scenes.briefing import BriefingScene
from game.ui.scenes.equip import EquipScene
from game.ui.scenes.intermission import IntermissionScene
from game.ui.scenes.menu import MenuScene
from game.ui.scenes.parts_shop import PartsShopScene
from game.ui.scenes.training import TrainingScene
from tests.ui.driver import Driver
from tests.ui.player import click_tile, wait_for_input
from tests.ui.player import pick as pick_entry
from tests.ui.test_campaign_screens import choose, finale_campaign
from tests.ui.test_shipped_scenarios import _real


def hub(config_dir: Path) -> Driver:
    d = _real(config_dir)
    c = finale_campaign(d)
    pilots = {**c.pilots, "eiji": dataclasses.replace(c.pilots["eiji"], pp=40)}
    d.app.apply(d.services.nav.intermission(dataclasses.replace(c, pilots=frozen_map(pilots))))
    assert isinstance(d.top, IntermissionScene)
    return d


def pick(d: Driver, menu: object, key: object) -> None:
    class Owner:
        pass

    owner = Owner()
    owner.menu = menu  # type: ignore[attr-defined]
    choose(d, owner, key)


def test_buy_a_booster_equip_it_on_the_mk2_and_it_flies_into_the_finale(config_dir: Path) -> None:
    d = hub(config_dir)
    choose(d, d.top, "parts_shop")
    shop = d.top
    assert isinstance(shop, PartsShopScene) and shop.mode == "buy"
    pick(d, shop.menu, "booster")
    assert shop.campaign.funds == 20000 - 8000 and shop.campaign.parts["booster"] == 1
    d.press(Action.RIGHT)  # the sell list: what is in stock
    assert shop.mode == "sell" and {e.key for e in shop.menu.entries} >= {"booster", "repair_kit"}
    d.press(Action.CANCEL)
    assert isinstance(d.top, IntermissionScene) and d.top.campaign.parts["booster"] == 1
    choose(d, d.top, "equip")
    screen = d.top
    assert isinstance(screen, EquipScene) and screen.unit == "layzner_mk2"
    d.press(Action.CONFIRM)  # into the Mk-II's slots
    d.press(Action.CONFIRM)  # slot 1 is empty: the stock list opens
    assert screen.focus == "pick"
    pick(d, screen.pick_menu, "booster")
    rules = d.services.catalog.campaign_rules()
    assert equipped_of(screen.campaign, "layzner_mk2", rules) == ("booster",)
    d.press(Action.CANCEL)
    d.press(Action.CANCEL)
    assert isinstance(d.top, IntermissionScene)
    choose(d, d.top, "next")
    assert isinstance(d.top, BriefingScene)
    d.press(Action.CONFIRM)
    choose(d, d.top, "done")  # the deploy screen before the sortie
    battle = d.top
    assert isinstance(battle, BattleScene)
    assert ("part", "booster") in [(e.kind, e.id) for e in battle.state.units["layzner"].effects]


def test_training_spends_pp_on_a_stat(config_dir: Path) -> None:
    d = hub(config_dir)
    choose(d, d.top, "training")
    screen = d.top
    assert isinstance(screen, TrainingScene) and screen.row is not None and screen.row.id == "eiji"
    d.press(Action.CONFIRM)  # into Eiji's options; the first is Melee
    d.press(Action.CONFIRM)
    rules = d.services.catalog.campaign_rules()
    assert screen.campaign.pilots["eiji"].pp == 40 - rules.growth.stat_costs[0]
    assert screen.campaign.pilots["eiji"].trained == {"melee": 1}
    d.press(Action.CANCEL)
    d.press(Action.CANCEL)
    assert isinstance(d.top, IntermissionScene) and d.top.campaign.pilots["eiji"].trained == {"melee": 1}


def test_the_briefing_says_what_each_bonus_objective_pays(config_dir: Path) -> None:
    from game.ui.model.growth_view import bonus_rewards

    d = hub(config_dir)
    choose(d, d.top, "next")
    briefing = d.top
    assert isinstance(briefing, BriefingScene)
    rewards = bonus_rewards(briefing.loaded.ctx.script, briefing.loaded.id, d.services.catalog.campaign_rules())
    assert len(rewards) >= len(briefing.loaded.info.bonus) and rewards
    assert all("funds" in r for _, r in rewards)
    d.draw()


def test_the_map_menu_uses_a_repair_kit(config_dir: Path) -> None:
    d = hub(config_dir)
    c = d.top.campaign  # type: ignore[attr-defined]
    rules = d.services.catalog.campaign_rules()
    c = equip_part(c, "layzner_mk2", "repair_kit", rules)
    d.app.apply(d.services.nav.intermission(c))
    choose(d, d.top, "next")
    d.press(Action.CONFIRM)
    choose(d, d.top, "done")
    battle = d.top
    assert isinstance(battle, BattleScene)
    wait_for_input(d)
    state = battle.session.state
    hurt = state.units["layzner"].copy()
    hurt.hp = 500
    battle.session.state = dataclasses.replace(state, units={**state.units, "layzner": hurt})
    pos = battle.session.state.unit("layzner").pos
    click_tile(d, pos)
    click_tile(d, pos)  # the unit's own tile again: its action menu
    assert isinstance(d.top, MenuScene) and "item" in [e.key for e in d.top.menu.entries]
    pick_entry(d, "item")
    pick_entry(d, "repair_kit")
    d.until(lambda: isinstance(d.top, MenuScene), 10)  # back in the action menu: the action is not used up
    layzner = battle.session.state.unit("layzner")
    assert layzner.hp > 500 and not layzner.acted
