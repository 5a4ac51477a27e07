from __future__ import annotations

from pathlib import Path

from game.core import Move, Wait
from game.saves.slots import SaveSlots
from game.ui.model.session import BattleSession, CampaignProgress
from game.ui.model.session_store import SlotSessionStore
from tests.ui.training import duel, first_contact


def test_suspend_resume_round_trip(tmp_path: Path) -> None:
    store = SlotSessionStore(SaveSlots(tmp_path))
    assert not store.has_suspended() and store.resume() == (None, None)
    s = BattleSession.start(first_contact(), campaign=CampaignProgress(["a", "b"], 1, 500))
    s.do(Move("layzner", (6, 5)))
    s.do(Wait("layzner"))
    assert store.suspend(s.snapshot()) is None
    assert store.has_suspended()
    data, note = store.resume()
    assert note is None and data is not None
    back = BattleSession.restore(first_contact(), data)
    assert back.state.digest() == s.state.digest() and back.campaign == s.campaign
    store.discard_suspend()
    assert not store.has_suspended()


def test_autosave_is_continued_when_there_is_no_suspend(tmp_path: Path) -> None:
    store = SlotSessionStore(SaveSlots(tmp_path))
    s = BattleSession.start(duel())
    assert store.autosave(s.snapshot()) is None
    data, note = store.resume()
    assert data is not None and note is not None and "autosave" in note
    store.clear()
    assert not store.has_suspended()


def test_damaged_suspend_falls_back_to_its_backup(tmp_path: Path) -> None:
    slots = SaveSlots(tmp_path)
    store = SlotSessionStore(slots)
    s = BattleSession.start(duel())
    store.suspend(s.snapshot())
    s.do(Move("layzner", (2, 2)))
    store.suspend(s.snapshot())  # the first save becomes the backup
    slots.path("suspend").write_text('{"format": "blue-comet', encoding="utf-8")
    data, note = store.resume()
    assert data is not None and note is not None and "backup" in note
    back = BattleSession.restore(duel(), data)
    assert back.state.unit("layzner").pos == (1, 2)


def test_a_record_without_state_is_replayed_from_its_commands(tmp_path: Path) -> None:
    s = BattleSession.start(duel())
    s.do(Move("layzner", (2, 2)))
    snap = s.snapshot()
    snap["state"] = None
    back = BattleSession.restore(duel(), snap)
    assert back.state.digest() == s.state.digest()


def test_an_altered_record_is_refused(tmp_path: Path) -> None:
    import pytest

    s = BattleSession.start(duel())
    snap = s.snapshot()
    snap["state"]["turn"] = 9
    with pytest.raises(ValueError, match="checksum"):
        BattleSession.restore(duel(), snap)
