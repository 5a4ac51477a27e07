"""The game starts and stays playable whatever its save folder holds: a campaign slot, the
suspend file or the settings with a number past Python's digit limit, NaN, or a FIFO."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from game.ui.input.actions import Action
from game.ui.scenes.campaign_slots import CampaignSlotsScene
from game.ui.scenes.title import TitleScene
from tests.ui.driver import Driver

HUGE = "9" * 5000


def _poison(config_dir: Path) -> None:
    saves = config_dir / "saves"
    saves.mkdir(parents=True)
    envelope = '{"format": "blue-comet-tactics", "schema": 2, "kind": "%s", "data_hash": "h", %s}'
    (saves / "campaign1.json").write_text(envelope % ("campaign", f'"campaign": {{"funds": {HUGE}}}'))
    (saves / "campaign2.json").write_text(envelope % ("campaign", '"campaign": {"funds": NaN}'))
    (saves / "suspend.json").write_text(envelope % ("suspend", f'"battle": {{"seed": {HUGE}}}'))
    (config_dir / "settings.json").write_text(f'{{"music_volume": {HUGE}}}')


def test_the_game_starts_with_poisoned_saves_and_settings(config_dir: Path) -> None:
    _poison(config_dir)
    d = Driver(config_dir)
    d.run(0.5)
    assert isinstance(d.top, TitleScene)
    d.app.apply(d.services.nav.load_campaign())
    d.run(0.2)
    slots = d.top
    assert isinstance(slots, CampaignSlotsScene)
    d.press(Action.CANCEL)
    assert isinstance(d.top, TitleScene)


def test_continue_with_a_poisoned_suspend_file_says_why(config_dir: Path) -> None:
    _poison(config_dir)
    d = Driver(config_dir)
    assert d.services.nav.continue_suspended() is None  # no backup: a message, no battle, no crash
    d.run(0.2)
    assert isinstance(d.top, TitleScene)


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs as on POSIX")
def test_a_fifo_in_the_save_folder_does_not_block_the_title(config_dir: Path) -> None:
    saves = config_dir / "saves"
    saves.mkdir(parents=True)
    os.mkfifo(saves / "campaign3.json")
    os.mkfifo(saves / "autosave.json")
    d = Driver(config_dir)
    d.run(0.2)
    assert isinstance(d.top, TitleScene)
    listed = d.services.saves.campaign_slots()
    assert listed[2].problem and "regular file" in listed[2].problem
