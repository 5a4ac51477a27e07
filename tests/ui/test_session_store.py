"""The window's save store: suspend, autosave, backups, replays and campaign slots."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.campaign import CampaignState
from game.core import Move, Wait
from game.saves import BattleRecord, SaveError, restore, verify
from game.ui.model.session import BattleSession
from game.ui.model.session_store import SlotSessionStore
from tests.ui.training import duel, first_contact


def test_suspend_resume_round_trip(tmp_path: Path) -> None:
    store = SlotSessionStore(tmp_path)
    assert not store.has_suspended() and store.latest() is None
    campaign = CampaignState(order=("a", "b"), stage=1, funds=500)
    s = BattleSession.start(first_contact(), campaign=campaign)
    s.do(Move("layzner", (6, 5)))
    s.do(Wait("layzner"))
    assert store.suspend(s.record("suspend")) is None
    assert store.has_suspended()
    found = store.latest()
    assert found is not None and found.name == "suspend" and found.record is not None
    back = restore(found.record, "", lambda sid: first_contact())
    assert back.state.digest() == s.state.digest()
    assert CampaignState.from_json(found.record.extra["campaign"]) == campaign
    store.discard_suspend()
    assert not store.has_suspended()


def test_autosave_is_continued_when_there_is_no_suspend(tmp_path: Path) -> None:
    store = SlotSessionStore(tmp_path)
    s = BattleSession.start(duel())
    assert store.autosave(s.record("autosave")) is None
    found = store.latest()
    assert found is not None and found.name == "autosave"
    store.clear()
    assert not store.has_suspended()


def test_a_damaged_suspend_is_reported_with_its_backup(tmp_path: Path) -> None:
    store = SlotSessionStore(tmp_path)
    s = BattleSession.start(duel())
    store.suspend(s.record("suspend"))
    s.do(Move("layzner", (2, 2)))
    store.suspend(s.record("suspend"))  # the first save becomes the backup
    (tmp_path / "suspend.json").write_text('{"format": "blue-comet', encoding="utf-8")
    found = store.latest()
    assert found is not None and found.record is None and found.backup_offered and store.has_backup("suspend")
    back = store.backup("suspend")
    assert restore(back, "", lambda sid: duel()).state.unit("layzner").pos == (1, 2)


def test_writing_fails_with_a_message_not_an_exception(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    store = SlotSessionStore(blocker)
    error = store.suspend(BattleSession.start(duel()).record("suspend"))
    assert error is not None and "Could not save the battle" in error


def test_replays_are_written_and_verify(tmp_path: Path) -> None:
    store = SlotSessionStore(tmp_path)
    s = BattleSession.start(duel())
    s.do(Move("layzner", (2, 2)))
    message = store.write_replay(s.replay)
    assert message.startswith("Replay saved: ")
    path = Path(message.removeprefix("Replay saved: "))
    assert path.parent == tmp_path / "replays"
    again = Path(store.write_replay(s.replay).removeprefix("Replay saved: "))
    assert again != path  # two replays in the same second do not overwrite each other
    record = BattleRecord.from_json(json.loads(path.read_text()))
    assert record.kind == "replay" and len(record.checkpoints) == 1
    assert verify(record, "", lambda sid: duel()).ok


def test_campaign_slots(tmp_path: Path) -> None:
    store = SlotSessionStore(tmp_path)
    campaign = CampaignState(order=("a", "b"), stage=1, funds=1234)
    assert store.save_campaign(2, campaign, "h" * 64, "b") is None
    assert [s.empty for s in store.campaign_slots()] == [True, False, True, True, True]
    assert store.load_campaign(2).state == campaign
    (tmp_path / "campaign2.json").write_text("{", encoding="utf-8")
    with pytest.raises(SaveError, match=r"campaign2\.json"):
        store.load_campaign(2)
