"""Scripted input plays battles through the real scenes, with a fake clock."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pygame
import pytest

from game.core import Move
from game.ui.input.actions import Action
from game.ui.model.catalog import CodeCatalog
from game.ui.scene import Reset
from game.ui.scenes.battle.cursor import CursorMode
from game.ui.scenes.battle.move import MoveMode
from game.ui.scenes.battle.scene import BattleScene
from game.ui.scenes.briefing import BriefingScene
from game.ui.scenes.combat import CombatScene
from game.ui.scenes.intermission import IntermissionScene
from game.ui.scenes.menu import ConfirmScene, MenuScene
from game.ui.scenes.pause import PauseScene
from game.ui.scenes.result import ResultScene
from game.ui.scenes.settings import KeyBindingsScene, SettingsScene
from game.ui.scenes.title import TitleScene
from game.ui.settings import SettingsStore
from tests.ui.driver import Driver
from tests.ui.player import attack_nearest, battle, click_tile, end_turn, pick, wait_for_input
from tests.ui.training import DUEL, duel


def start(d: Driver, scenario_id: str) -> None:
    d.app.apply(d.services.nav.briefing(scenario_id))
    assert isinstance(d.top, BriefingScene)
    d.press(Action.CONFIRM)
    assert isinstance(d.top, BattleScene)


def play_to_end(d: Driver, reactions: tuple[str, ...] = ("counter",), max_turns: int = 12) -> set[str]:
    seen: set[str] = set()
    for turn in range(max_turns):
        wait_for_input(d, reaction=reactions[turn % len(reactions)], seen=seen)
        if isinstance(d.top, ResultScene):
            return seen
        attack_nearest(d, "layzner", "layzered_rifle", seen)
    wait_for_input(d, seen=seen)
    return seen


def test_duel_from_title_to_victory(config_dir: Path) -> None:
    d = Driver(config_dir)
    d.press(Action.DOWN, 3)  # Scenario Select (after New Campaign, Continue, Load Campaign)
    d.press(Action.CONFIRM)
    d.press(Action.DOWN)  # the duel
    d.press(Action.CONFIRM)
    assert isinstance(d.top, BriefingScene) and d.top.loaded.info.id == DUEL.id
    d.press(Action.CONFIRM)
    seen = play_to_end(d, reactions=("evade", "defend", "counter"))
    result = d.top
    assert isinstance(result, ResultScene), d.scenes
    assert result.summary.won and result.summary.kills == 2 and result.summary.units_lost == 0
    assert {"ForecastScene", "CombatScene"} <= seen
    assert "ReactionScene" in seen
    d.press(Action.CONFIRM)
    assert isinstance(d.top, TitleScene)


@pytest.mark.parametrize("mode", ["full", "map", "off"])
def test_animation_modes_reach_the_same_result(config_dir: Path, mode: str) -> None:
    d = Driver(config_dir)
    d.services.settings.animation = mode
    start(d, DUEL.id)
    seen = play_to_end(d)
    assert isinstance(d.top, ResultScene)
    assert ("CombatScene" in seen) == (mode == "full")


def test_enemy_animations_can_be_skipped(config_dir: Path) -> None:
    d = Driver(config_dir)
    d.services.settings.skip_enemy_animations = True
    start(d, DUEL.id)
    seen = play_to_end(d)
    assert isinstance(d.top, ResultScene)
    assert "ReactionScene" in seen  # the player still chooses reactions


def test_end_turn_asks_for_confirmation_then_enemy_phase_runs(config_dir: Path) -> None:
    d = Driver(config_dir)
    start(d, "training_first_contact")
    wait_for_input(d)
    b = battle(d)
    grid = b.state.ctx.grid
    empty = next(p for p in grid.positions() if b.state.unit_at(p) is None)
    click_tile(d, empty)
    pick(d, "end_turn")
    confirm = d.top
    assert isinstance(confirm, ConfirmScene) and "2 units have not acted" in confirm.question
    d.press(Action.CONFIRM)  # "No" is the default
    assert isinstance(d.top, BattleScene) and b.session.player_phase
    end_turn(d)
    assert not b.session.player_phase
    wait_for_input(d)
    assert b.state.turn == 2 and b.session.player_phase


def test_move_then_cancel_returns_the_unit(config_dir: Path) -> None:
    d = Driver(config_dir)
    start(d, DUEL.id)
    wait_for_input(d)
    b = battle(d)
    click_tile(d, (1, 2))
    assert isinstance(b.mode, MoveMode) and b.mode.tiles
    click_tile(d, (3, 3))
    d.until(lambda: isinstance(d.top, MenuScene), 10)
    assert b.state.unit("layzner").pos == (3, 3)
    d.press(Action.CANCEL)
    d.until(lambda: isinstance(b.mode, MoveMode), 10)
    assert b.state.unit("layzner").pos == (1, 2)
    assert b.view.units["layzner"].x == 1
    d.press(Action.CANCEL)
    assert isinstance(b.mode, CursorMode)


def test_unreachable_tile_explains_why(config_dir: Path) -> None:
    d = Driver(config_dir)
    start(d, DUEL.id)
    wait_for_input(d)
    click_tile(d, (1, 2))
    click_tile(d, (11, 5))
    assert isinstance(battle(d).mode, MoveMode)
    assert any("cannot reach" in n.text for n in d.services.notices)


def test_spirit_from_the_action_menu(config_dir: Path) -> None:
    d = Driver(config_dir)
    start(d, DUEL.id)
    wait_for_input(d)
    b = battle(d)
    click_tile(d, (1, 2))
    click_tile(d, (1, 2))
    pick(d, "spirit")
    pick(d, "focus")
    d.until(lambda: isinstance(d.top, MenuScene), 10)  # back in the action menu
    assert b.state.unit("layzner").sp == 60 - 15
    assert b.state.unit("layzner").has_effect("focus")


def test_status_and_objectives_screens_open_and_close(config_dir: Path) -> None:
    d = Driver(config_dir)
    start(d, DUEL.id)
    wait_for_input(d)
    click_tile(d, (6, 2))
    d.press(Action.INFO)
    assert type(d.top).__name__ == "StatusScene"
    d.press(Action.RIGHT)
    d.press(Action.CANCEL)
    d.press(Action.OBJECTIVES)
    assert type(d.top).__name__ == "ObjectivesScene"
    d.press(Action.CONFIRM)
    assert isinstance(d.top, BattleScene)
    d.press(Action.DANGER)
    assert battle(d).field.show_danger and battle(d).field.danger_tiles()


def test_suspend_and_continue_resume_exactly(config_dir: Path) -> None:
    d = Driver(config_dir)
    start(d, "training_first_contact")
    wait_for_input(d)
    b = battle(d)
    click_tile(d, (4, 5))
    click_tile(d, (6, 5))
    d.until(lambda: isinstance(d.top, MenuScene), 10)
    pick(d, "wait")
    wait_for_input(d)
    assert b.session.player_phase and b.state.unit("layzner").pos == (6, 5)
    digest = b.state.digest()
    d.press(Action.MENU)
    assert isinstance(d.top, PauseScene)
    pick_pause(d, "suspend")
    assert isinstance(d.top, TitleScene)
    assert d.services.saves.has_suspended()
    title = d.top
    assert title.menu.entries[1].enabled  # Continue
    assert title.menu.current is title.menu.entries[1]  # where the cursor starts with a suspend
    d.press(Action.CONFIRM)
    resumed = battle(d)
    assert resumed.state.digest() == digest
    assert [c.to_json() for c in resumed.session.log] == [c.to_json() for c in b.session.log]
    # the suspend is used once; the autosave of this turn stays for Continue
    assert not (config_dir / "saves" / "suspend.json").exists()
    assert (config_dir / "saves" / "autosave.json").exists()


def pick_pause(d: Driver, key: str) -> None:
    top = d.top
    assert isinstance(top, PauseScene)
    while top.menu.current is not None and top.menu.current.key != key:
        d.press(Action.DOWN)
    d.press(Action.CONFIRM)


def test_damaged_suspend_file_is_reported(config_dir: Path) -> None:
    d = Driver(config_dir)
    (config_dir / "saves").mkdir(parents=True, exist_ok=True)
    (config_dir / "saves" / "suspend.json").write_text("{broken", encoding="utf-8")
    transition = d.services.nav.continue_suspended()
    assert transition is None
    assert any("suspend.json" in n.text and "damaged" in n.text for n in d.services.notices)


def test_campaign_moves_to_the_next_scenario_on_victory(config_dir: Path) -> None:
    d = Driver(config_dir)
    second = replace(DUEL, id="second", title="Second Duel")
    d.services.catalog = CodeCatalog(
        builders={DUEL.id: duel, "second": lambda: replace(duel(), info=second)},
        infos={DUEL.id: DUEL, "second": second},
        order=[DUEL.id, "second"],
    )
    d.press(Action.CONFIRM)  # New Campaign
    assert isinstance(d.top, BriefingScene) and d.top.campaign is not None
    d.press(Action.CONFIRM)
    play_to_end(d)
    result = d.top
    assert isinstance(result, ResultScene) and result.summary.won
    assert result.menu.entries[0].key == "intermission"
    assert result.campaign is not None and result.campaign.stage == 1
    d.press(Action.CONFIRM)
    hub = d.top
    assert isinstance(hub, IntermissionScene) and hub.campaign.funds == result.summary.funds
    assert hub.campaign.pilots["eiji"].kills == result.summary.kills
    assert hub.menu.current is not None and hub.menu.current.key == "next"
    d.press(Action.CONFIRM)
    briefing = d.top
    assert isinstance(briefing, BriefingScene)
    assert briefing.loaded.info.id == "second" and briefing.campaign is not None and briefing.campaign.stage == 1


def test_settings_scene_changes_are_saved(config_dir: Path) -> None:
    d = Driver(config_dir)
    d.press(Action.DOWN, 4)
    d.press(Action.CONFIRM)
    assert isinstance(d.top, SettingsScene)
    d.press(Action.RIGHT)  # animation: full -> map
    assert d.services.settings.animation == "map"
    assert SettingsStore(config_dir).load()[0].animation == "map"


def test_key_remapping_through_the_controls_screen(config_dir: Path) -> None:
    d = Driver(config_dir)
    d.app.apply(Reset(KeyBindingsScene(d.services)))
    scene = d.top
    assert isinstance(scene, KeyBindingsScene)
    while scene.menu.current is not None and scene.menu.current.key is not Action.CONFIRM:
        d.press(Action.DOWN)
    d.press(Action.CONFIRM)
    assert scene.waiting is Action.CONFIRM
    d.raw(
        [
            pygame.event.Event(pygame.KEYDOWN, key=pygame.K_k, mod=0),
            pygame.event.Event(pygame.KEYUP, key=pygame.K_k, mod=0),
        ]
    )
    assert scene.waiting is None
    assert d.services.settings.key_bindings["confirm"][0] == "k"
    assert SettingsStore(config_dir).load()[0].key_bindings["confirm"][0] == "k"
    # the new key now confirms: it opens the rebinding prompt again
    d.raw([pygame.event.Event(pygame.KEYDOWN, key=pygame.K_k, mod=0)])
    assert scene.waiting is Action.CONFIRM


def test_damaged_settings_file_shows_a_notice_and_uses_defaults(config_dir: Path) -> None:
    config_dir.mkdir(parents=True)
    (config_dir / "settings.json").write_text("\x00\x01 nonsense", encoding="utf-8")
    d = Driver(config_dir)
    assert d.services.settings.animation == "full"
    assert any("default settings" in n.text for n in d.services.notices)
    d.draw()


def test_first_contact_reinforcements_and_dialogue(config_dir: Path) -> None:
    """Ending turns lets the scenario spawn Gale and show his dialogue."""
    d = Driver(config_dir)
    start(d, "training_first_contact")
    seen: set[str] = set()
    wait_for_input(d, seen=seen)
    end_turn(d)
    wait_for_input(d, seen=seen)
    end_turn(d)
    wait_for_input(d, seen=seen)
    b = battle(d)
    assert "gale" in b.state.units and "gale" in b.view.units
    assert "DialogueScene" in seen
    assert b.state.objectives == "boss"


def test_click_on_a_ready_unit_selects_and_moves(config_dir: Path) -> None:
    d = Driver(config_dir)
    start(d, DUEL.id)
    wait_for_input(d)
    b = battle(d)
    b.session.do(Move("layzner", (2, 2)))  # moved outside the UI: the view catches up on sync
    b.view.sync(b.state)
    click_tile(d, (2, 2))
    assert isinstance(d.top, MenuScene)  # a unit that already moved goes straight to its menu
    assert not any(isinstance(s, CombatScene) for s in d.app.stack.scenes)


def test_a_battle_continued_in_the_enemy_phase_lets_the_ai_carry_on(config_dir: Path) -> None:
    from game.core import EndPhase
    from game.saves import restore
    from game.ui.model.session import BattleSession

    d = Driver(config_dir)
    s = BattleSession.start(duel())
    s.do(EndPhase())
    assert not s.player_phase
    restored = restore(s.record("suspend"), "", lambda sid: duel())
    session = BattleSession(restored.scenario, restored.state, [], list(restored.commands))  # type: ignore[arg-type]
    d.app.apply(Reset(BattleScene(d.services, session, resumed=True)))
    wait_for_input(d)
    assert isinstance(d.top, ResultScene) or battle(d).state.turn == 2


def test_spirits_from_the_forecast_then_the_forecast_again(config_dir: Path) -> None:
    from game.ui.scenes.battle.choose import ChooseMode
    from game.ui.scenes.forecast import ForecastScene

    d = Driver(config_dir)
    start(d, DUEL.id)
    wait_for_input(d)
    b = battle(d)
    click_tile(d, b.state.unit("layzner").pos)
    click_tile(d, b.state.unit("layzner").pos)  # act where it stands
    pick(d, "attack")
    pick(d, "layzered_rifle")
    assert isinstance(b.mode, ChooseMode)
    target = b.state.unit_at(b.cursor)
    assert target is not None
    d.press(Action.CONFIRM)
    assert isinstance(d.top, ForecastScene)
    before = d.top.view.attack.hit
    d.press(Action.MENU)
    assert isinstance(d.top, MenuScene) and d.top.menu.title.startswith("Spirit")
    d.press(Action.CANCEL)  # straight back to the forecast
    assert isinstance(d.top, ForecastScene)
    d.press(Action.MENU)
    pick(d, "focus")
    d.until(lambda: isinstance(d.top, ForecastScene), 30)
    forecast = d.top
    assert isinstance(forecast, ForecastScene)
    assert b.state.unit("layzner").has_effect("focus") and forecast.attack.target == target.uid
    assert forecast.view.attack.hit > before  # Focus shows in the numbers
    d.press(Action.CONFIRM)
    d.until(lambda: b.state.unit("layzner").acted, 60, every=lambda: d.press(Action.CONFIRM))
