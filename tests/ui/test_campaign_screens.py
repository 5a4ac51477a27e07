"""The campaign in the window: Continue with a damaged save offers its backup; the
intermission's upgrade shop, deploy screen and save slots; Load Campaign on the title."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from game.campaign import CampaignState, PilotRecord, start_campaign, upgrades_of
from game.core import Move
from game.core.defs import frozen_map
from game.ui.input.actions import Action
from game.ui.model.session import BattleSession
from game.ui.scene import Push, Reset
from game.ui.scenes.battle.scene import BattleScene
from game.ui.scenes.briefing import BriefingScene
from game.ui.scenes.campaign_slots import CampaignSlotsScene
from game.ui.scenes.deploy import DeployScene
from game.ui.scenes.intermission import IntermissionScene
from game.ui.scenes.menu import ConfirmScene, MenuScene
from game.ui.scenes.pilots import PilotsScene
from game.ui.scenes.title import TitleScene
from game.ui.scenes.upgrades import UpgradeScene
from tests.ui.driver import Driver
from tests.ui.test_shipped_scenarios import _real
from tests.ui.training import duel


def choose(d: Driver, menu_owner: object, key: object) -> None:
    """Move the cursor of `menu_owner.menu` to `key` and confirm."""
    menu = menu_owner.menu
    for _ in range(len(menu.entries)):
        if menu.current is not None and menu.current.key == key:
            break
        d.press(Action.DOWN)
    assert menu.current is not None and menu.current.key == key, [e.key for e in menu.entries]
    d.press(Action.CONFIRM)


# ---- Continue ---------------------------------------------------------------------------------
def suspended_twice(d: Driver) -> tuple[str, str]:
    """Suspend a duel, move, suspend again: the first file is now the backup."""
    s = BattleSession.start(duel())
    d.services.saves.suspend(s.record("suspend"))
    first = s.state.digest()
    s.do(Move("layzner", (2, 2)))
    d.services.saves.suspend(s.record("suspend"))
    return first, s.state.digest()


def test_continue_with_a_damaged_suspend_asks_and_loads_the_backup(config_dir: Path) -> None:
    d = Driver(config_dir)
    first, _ = suspended_twice(d)
    path = config_dir / "saves" / "suspend.json"
    path.write_bytes(path.read_bytes()[:100])
    d.app.apply(d.services.nav.continue_suspended())
    question = d.top
    assert isinstance(question, ConfirmScene)
    assert "The save is damaged" in question.question and "suspend.json" in question.question
    assert "truncated" in question.question and "Load the backup" in question.question
    d.press(Action.CONFIRM)  # "Load the backup" is the default
    assert isinstance(d.top, BattleScene) and d.top.state.digest() == first
    assert any("Continuing from the backup" in n.text for n in d.services.notices)


def test_declining_the_backup_keeps_the_title(config_dir: Path) -> None:
    d = Driver(config_dir)
    suspended_twice(d)
    (config_dir / "saves" / "suspend.json").write_text("{", encoding="utf-8")
    d.app.apply(Reset(TitleScene(d.services)))  # the title sees the files now
    choose(d, d.top, "continue")
    assert isinstance(d.top, ConfirmScene)
    d.press(Action.DOWN)
    d.press(Action.CONFIRM)  # Cancel
    assert isinstance(d.top, TitleScene)
    assert (config_dir / "saves" / "suspend.json.bak").exists()  # nothing was thrown away


def test_a_save_from_other_game_data_is_rebuilt_and_the_player_is_told(config_dir: Path) -> None:
    d = Driver(config_dir)
    s = BattleSession.start(duel())
    s.do(Move("layzner", (2, 2)))
    d.services.saves.suspend(dataclasses.replace(s.record("suspend"), data_hash="0" * 64))
    transition = d.services.nav.continue_suspended()
    d.app.apply(transition)
    assert isinstance(d.top, BattleScene) and d.top.state.digest() == s.state.digest()
    assert any("game data changed since this battle was saved" in n.text for n in d.services.notices)


def test_a_battle_that_cannot_be_rebuilt_is_refused_with_the_reason(config_dir: Path) -> None:
    d = Driver(config_dir)
    s = BattleSession.start(duel())
    record = dataclasses.replace(s.record("suspend"), data_hash="0" * 64, commands=(Move("layzner", (99, 0)),))
    d.services.saves.suspend(record)
    assert d.services.nav.continue_suspended() is None
    text = " ".join(n.text for n in d.services.notices)
    assert "cannot be rebuilt from its command log" in text and "move layzner (99, 0)" in text


# ---- the intermission (shipped campaign) ------------------------------------------------------
def finale_campaign(d: Driver) -> CampaignState:
    rules = d.services.catalog.campaign_rules()
    stages = d.services.catalog.campaign()
    c = start_campaign(stages, rules, seed=1)
    return dataclasses.replace(
        c,
        stage=c.order.index("seal_of_grados"),
        funds=20000,
        pilots=frozen_map({"eiji": PilotRecord(33, 100, 9), "david": PilotRecord(19)}),
        upgrades=frozen_map({"layzner": frozen_map({"hp": 2})}),
    )


def test_upgrade_shop_buys_a_step_and_the_mk2_inherits(config_dir: Path) -> None:
    d = _real(config_dir)
    d.app.apply(d.services.nav.intermission(finale_campaign(d)))
    hub = d.top
    assert isinstance(hub, IntermissionScene)
    choose(d, hub, "upgrades")
    shop = d.top
    assert isinstance(shop, UpgradeScene) and shop.unit == "layzner_mk2"
    assert shop.row.inherited == "Layzner"
    d.press(Action.CONFIRM)  # into the stats of the Layzner Mk-II
    d.press(Action.CONFIRM)  # HP: step 3 costs 6000
    assert shop.campaign.funds == 14000
    rules = d.services.catalog.campaign_rules()
    assert upgrades_of(shop.campaign, "layzner_mk2", rules) == {"hp": 3}
    d.press(Action.CANCEL)
    d.press(Action.CANCEL)
    assert isinstance(d.top, IntermissionScene) and d.top.campaign.funds == 14000 and not d.top.saved


def test_deploy_choice_reaches_the_battle(config_dir: Path) -> None:
    d = _real(config_dir)
    d.app.apply(d.services.nav.intermission(finale_campaign(d)))
    hub = d.top
    assert isinstance(hub, IntermissionScene)
    choose(d, hub, "deploy")
    screen = d.top
    assert isinstance(screen, DeployScene) and screen.picks == ["david", "simone", "arthur", "medic"]
    d.press(Action.DOWN)  # slot 2 (Simone)
    d.press(Action.CONFIRM)
    assert isinstance(d.top, MenuScene)
    choose(d, d.top, "elf_doll")
    assert screen.picks == ["david", "elf_doll", "arthur", "medic"]
    choose(d, screen, "done")
    hub = d.top
    assert isinstance(hub, IntermissionScene) and hub.campaign.deploy["seal_of_grados"] == (
        "david",
        "elf_doll",
        "arthur",
        "medic",
    )
    choose(d, hub, "next")
    assert isinstance(d.top, BriefingScene)
    d.press(Action.CONFIRM)  # the deploy screen again before the sortie
    assert isinstance(d.top, DeployScene) and d.top.sortie
    choose(d, d.top, "done")
    battle = d.top
    assert isinstance(battle, BattleScene)
    units = battle.state.units
    assert "elf_doll" in units and "simone" not in units
    assert units["layzner"].level == 33 and dict(units["layzner"].upgrades) == {"hp": 2}
    assert battle.session.campaign is not None and battle.session.scenario.setup.deploy is not None


def test_save_and_load_a_campaign_through_the_title(config_dir: Path) -> None:
    d = _real(config_dir)
    campaign = finale_campaign(d)
    d.app.apply(d.services.nav.intermission(campaign))
    hub = d.top
    assert isinstance(hub, IntermissionScene)
    choose(d, hub, "pilots")
    assert isinstance(d.top, PilotsScene) and d.top.rows[0].name == "Eiji Asuka"
    d.press(Action.CANCEL)
    choose(d, hub, "save")
    assert isinstance(d.top, CampaignSlotsScene)
    d.press(Action.DOWN)
    d.press(Action.CONFIRM)  # slot 2
    assert isinstance(d.top, IntermissionScene) and d.top.saved
    assert json.loads((config_dir / "saves" / "campaign2.json").read_text())["kind"] == "campaign"
    choose(d, d.top, "title")  # saved: no question
    title = d.top
    assert isinstance(title, TitleScene)
    load = next(e for e in title.menu.entries if e.key == "load")
    assert load.enabled
    choose(d, title, "load")
    slots = d.top
    assert isinstance(slots, CampaignSlotsScene) and not slots.saving
    d.press(Action.DOWN)
    d.press(Action.CONFIRM)
    assert isinstance(d.top, IntermissionScene) and d.top.campaign == campaign


def test_a_damaged_campaign_save_offers_its_backup(config_dir: Path) -> None:
    d = _real(config_dir)
    campaign = finale_campaign(d)
    store = d.services.saves
    store.save_campaign(1, campaign, d.services.catalog.data_hash, "a")
    store.save_campaign(1, dataclasses.replace(campaign, funds=1), d.services.catalog.data_hash, "b")
    (config_dir / "saves" / "campaign1.json").write_text('{"format": "blue-comet-tactics", "sch', encoding="utf-8")
    d.app.apply(Push(CampaignSlotsScene(d.services, None)))
    d.press(Action.CONFIRM)
    question = d.top
    assert isinstance(question, ConfirmScene) and "campaign1.json" in question.question
    d.press(Action.CONFIRM)
    assert isinstance(d.top, IntermissionScene) and d.top.campaign == campaign


def test_leaving_an_unsaved_intermission_asks_first(config_dir: Path) -> None:
    d = _real(config_dir)
    d.app.apply(d.services.nav.intermission(finale_campaign(d)))
    choose(d, d.top, "title")
    assert isinstance(d.top, ConfirmScene) and "last save" in d.top.question
    d.press(Action.CONFIRM)  # No (the default)
    assert isinstance(d.top, IntermissionScene)
