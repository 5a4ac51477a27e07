"""The replay viewer plays recorded commands on the battle map, pauses, steps, fast-forwards,
stops on a command that does not fit, and refuses a replay of other game data."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from game.ai import make_controller
from game.core import Attack, Move
from game.saves import BattleRecord, ReplayError, record_replay
from game.sim import play_out
from game.ui.input.actions import Action
from game.ui.scene import Quit, Reset
from game.ui.scenes.combat import CombatScene
from game.ui.scenes.dialogue import DialogueScene
from game.ui.scenes.menu import ConfirmScene
from game.ui.scenes.objectives import ObjectivesScene
from game.ui.scenes.replay import ReplayScene, open_replay
from game.ui.scenes.result import ResultScene
from tests.ui.driver import Driver
from tests.ui.player import attack_nearest, wait_for_input
from tests.ui.training import DUEL, duel


@pytest.fixture(scope="module")
def recorded() -> BattleRecord:
    scenario = duel()
    start, _ = scenario.start(5)
    result = play_out(start, {s.id: make_controller("greedy") for s in scenario.ctx.sides})
    assert result.state.outcome is not None
    return record_replay(scenario, 5, result.commands, data_hash="")


def viewer(d: Driver, record: BattleRecord) -> ReplayScene:
    scene = open_replay(d.services, record, force=False, leave=Quit)
    d.app.apply(Reset(scene))
    return scene


def run_until(d: Driver, done, seconds: float = 120.0) -> None:  # type: ignore[no-untyped-def]
    def skip_scenes() -> None:
        if isinstance(getattr(d.top, "inner", d.top), (DialogueScene, CombatScene)):
            d.press(Action.CONFIRM)

    d.until(done, seconds, every=skip_scenes)


def test_the_viewer_plays_every_command_to_the_recorded_end(config_dir: Path, recorded: BattleRecord) -> None:
    d = Driver(config_dir)
    scene = viewer(d, recorded)
    run_until(d, lambda: scene.finished)
    assert scene.index == len(recorded.commands)
    assert scene.state.digest() == recorded.digest
    assert not (config_dir / "saves" / "autosave.json").exists()  # watching never writes saves


def test_pause_step_and_fast_forward(config_dir: Path, recorded: BattleRecord) -> None:
    d = Driver(config_dir)
    scene = viewer(d, recorded)
    run_until(d, lambda: scene.index >= 1)
    d.press(Action.CONFIRM)
    assert scene.paused
    at = scene.index
    # The command under way finishes showing (its battle scene, if any); then nothing more happens.
    run_until(d, lambda: d.top is scene and not scene.playback.busy, 60)
    d.run(3.0)
    assert scene.index == at
    d.press(Action.RIGHT)
    run_until(d, lambda: scene.index == at + 1, 30)
    d.run(2.0)
    assert scene.index == at + 1
    d.press(Action.NEXT_UNIT)
    assert scene.fast
    d.press(Action.CONFIRM)
    run_until(d, lambda: scene.finished)


def test_a_command_that_does_not_fit_stops_the_playback(config_dir: Path, recorded: BattleRecord) -> None:
    d = Driver(config_dir)
    bad = dataclasses.replace(recorded, commands=(Move("layzner", (99, 99)), *recorded.commands))
    scene = viewer(d, bad)
    run_until(d, lambda: scene.problem is not None, 30)
    assert "Command 1 (move layzner (99, 99)) is refused" in scene.problem  # type: ignore[operator]
    assert any("refused" in n.text for n in d.services.notices)


def test_stop_watching_asks_first(config_dir: Path, recorded: BattleRecord) -> None:
    d = Driver(config_dir)
    viewer(d, recorded)
    d.press(Action.CANCEL)
    assert isinstance(d.top, ConfirmScene)
    d.press(Action.UP)
    d.press(Action.CONFIRM)
    assert not d.app.running


def test_stop_works_during_a_battle_scene(config_dir: Path, recorded: BattleRecord) -> None:
    d = Driver(config_dir)
    viewer(d, recorded)
    d.until(lambda: isinstance(getattr(d.top, "inner", None), CombatScene), 120)
    d.press(Action.CANCEL)
    assert isinstance(d.top, ConfirmScene)
    d.press(Action.CONFIRM)  # No: the battle scene goes on
    assert isinstance(getattr(d.top, "inner", None), CombatScene)
    d.press(Action.MENU)
    d.press(Action.UP)
    d.press(Action.CONFIRM)  # Yes
    assert not d.app.running


def test_the_objectives_open_over_the_replay_and_close_back_to_it(config_dir: Path, recorded: BattleRecord) -> None:
    d = Driver(config_dir)
    scene = viewer(d, recorded)
    d.press(Action.OBJECTIVES)
    assert isinstance(d.top, ObjectivesScene) and scene.covered
    d.press(Action.CANCEL)
    assert d.top is scene and not scene.covered
    run_until(d, lambda: scene.finished)


def test_other_game_data_is_refused_unless_forced(config_dir: Path, recorded: BattleRecord) -> None:
    d = Driver(config_dir)
    other = dataclasses.replace(recorded, data_hash="f" * 64)
    with pytest.raises(ReplayError, match="different game data"):
        open_replay(d.services, other, force=False, leave=Quit)
    scene = open_replay(d.services, other, force=True, leave=Quit)
    assert isinstance(scene, ReplayScene)
    assert any("Playing anyway" in n.text for n in d.services.notices)


def test_a_finished_battle_writes_a_replay_that_plays_back(config_dir: Path) -> None:
    """Win the duel through the window: the result screen writes a replay of it."""
    d = Driver(config_dir)

    d.app.apply(d.services.nav.briefing(DUEL.id))
    d.press(Action.CONFIRM)
    seen: set[str] = set()
    for _ in range(12):
        wait_for_input(d, seen=seen)
        if isinstance(d.top, ResultScene):
            break
        attack_nearest(d, "layzner", "layzered_rifle", seen)
    result = d.top
    assert isinstance(result, ResultScene)
    (path,) = (config_dir / "saves" / "replays").glob("training_duel-*.json")
    record = BattleRecord.from_json(json.loads(path.read_text()))
    assert record.digest == result.session.state.digest()
    assert any(isinstance(c, Attack) for c in record.commands)
    scene = viewer(d, record)
    run_until(d, lambda: scene.finished)
    assert scene.state.digest() == record.digest


def test_the_window_refuses_a_replay_of_other_data(tmp_path: Path, recorded: BattleRecord) -> None:
    """`run_game.py replay FILE` (no --verify) checks the data before opening the viewer."""
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    path = tmp_path / "other.json"
    other = dataclasses.replace(recorded, scenario="blue_comet_falls", data_hash="f" * 64)
    path.write_text(json.dumps(other.to_json()))
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    out = subprocess.run(
        [sys.executable, str(root / "run_game.py"), "replay", str(path)],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert out.returncode == 1
    assert "cannot play: it was recorded with different game data" in out.stderr and "--force" in out.stderr
