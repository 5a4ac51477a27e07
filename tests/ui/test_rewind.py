"""Rewinding the player's own phase: exact (rolls included), step by step to its start,
limited by a setting, and saves and replays hold the line that was kept."""

from __future__ import annotations

from pathlib import Path

from game.core import Attack, CastSpirit, EndPhase, Move
from game.saves import restore
from game.ui.input.actions import Action
from game.ui.model.session import BattleSession
from game.ui.model.wording import action_words
from tests.ui.driver import Driver
from tests.ui.player import battle, click_tile, pick, wait_for_input
from tests.ui.test_battle_flow import start
from tests.ui.training import duel


def _played() -> tuple[BattleSession, list[str]]:
    s = BattleSession.start(duel(), seed=3)
    digests = [s.state.digest()]
    for command in (
        Move("layzner", (2, 2)),
        CastSpirit("layzner", "focus"),
        Attack("layzner", "layzered_rifle", "braver_1", reaction="counter"),
    ):
        s.do(command)
        digests.append(s.state.digest())
    return s, digests


def test_rewind_steps_back_exactly_to_the_start_of_the_phase() -> None:
    s, digests = _played()
    attack = s.log[-1]
    after_attack = digests[-1]
    assert s.rewind() == attack and s.state.digest() == digests[-2]
    s.do(attack)  # the same rolls again: rewinding cannot re-roll luck
    assert s.state.digest() == after_attack
    for expected in reversed(digests[:-1]):
        assert s.rewind_problem(None) is None
        s.rewind()
        assert s.state.digest() == expected
    assert s.log == [] and "Nothing to rewind" in (s.rewind_problem(None) or "")


def test_a_new_phase_cannot_be_rewound_into_the_last() -> None:
    s, _ = _played()
    s.do(EndPhase())
    assert s.rewind_problem(None) is not None


def test_the_setting_limits_rewinds_per_battle() -> None:
    s, _ = _played()
    assert "off" in (s.rewind_problem(0) or "")
    s.rewind()
    assert "No rewinds left" in (s.rewind_problem(1) or "")
    assert s.rewind_problem(3) is None


def test_saves_and_replays_hold_the_line_that_was_kept() -> None:
    s, _ = _played()
    s.rewind()
    s.rewind()
    s.do(Attack("layzner", "layzered_rifle", "braver_1", reaction="defend"))  # another line
    record = s.record("suspend")
    back = restore(record, "", lambda sid: duel())
    assert back.state.digest() == s.state.digest() and list(back.commands) == s.log
    assert record.extra["rewinds_used"] == 2
    replay = s.replay()
    assert list(replay.commands) == s.log and replay.digest == s.state.digest()


def test_rewind_on_the_map_puts_the_unit_back_and_says_what_was_taken_back(config_dir: Path) -> None:
    d = Driver(config_dir)
    start(d, "training_first_contact")
    wait_for_input(d)
    b = battle(d)
    home = b.state.unit("layzner").pos
    before = b.state.digest()
    click_tile(d, home)
    click_tile(d, (home[0] + 1, home[1]))
    d.until(lambda: d.top is not b, 10)
    pick(d, "wait")
    wait_for_input(d)
    assert b.state.unit("layzner").acted
    d.press(Action.REWIND)  # the wait
    d.press(Action.REWIND)  # the move
    assert b.state.digest() == before and b.view.units["layzner"].x == home[0]
    assert any("Rewound: Layzner's move" in n.text for n in d.services.notices)
    d.press(Action.REWIND)
    assert any("Nothing to rewind" in n.text for n in d.services.notices)


def test_rewound_actions_are_named_for_the_player() -> None:
    s, _ = _played()
    assert action_words(s.state, s.log[1]) == "Eiji Asuka's Focus"
    assert action_words(s.state, s.log[0]) == "Layzner's move"


def test_rewind_from_a_units_move_range_drops_the_selection_and_rewinds(config_dir: Path) -> None:
    from game.ui.scenes.battle.cursor import CursorMode
    from game.ui.scenes.battle.move import MoveMode

    d = Driver(config_dir)
    start(d, "training_first_contact")
    wait_for_input(d)
    b = battle(d)
    before = b.state.digest()
    b.session.do(CastSpirit("layzner", "focus"))
    b.view.sync(b.state)
    click_tile(d, b.state.unit("layzner").pos)
    assert isinstance(b.mode, MoveMode)
    d.press(Action.REWIND)
    assert isinstance(b.mode, CursorMode) and b.state.digest() == before
