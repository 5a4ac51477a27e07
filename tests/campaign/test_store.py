"""Campaign state as JSON and campaign saves: round trips, slots, backups and clear refusals."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from game.campaign import (
    CampaignError,
    CampaignRules,
    CampaignSlots,
    CampaignState,
    PilotRecord,
    StageResult,
    buy_upgrade,
    start_campaign,
)
from game.core.defs import frozen_map
from game.saves import BattleRecord, SaveError
from game.saves.files import backup_path


def sample(rules: CampaignRules) -> CampaignState:
    state = start_campaign(["blue_comet_falls", "sandstorm_decoy", "seal_of_grados"], rules, seed=42)
    state = buy_upgrade(state, "layzner", "hp", rules)
    return CampaignState(
        order=state.order,
        stage=1,
        funds=state.funds + 4000,
        pilots=frozen_map({"eiji": PilotRecord(21, 120, 4), "bill": PilotRecord(6)}),
        upgrades=state.upgrades,
        deploy=frozen_map({"seal_of_grados": ("elf_doll", None, "david", "arthur")}),
        history=(StageResult("blue_comet_falls", 6, 4000, 5, ("mercy",), 77, 2),),
        seed=42,
        attempts=1,
    )


def test_state_json_round_trips(rules: CampaignRules) -> None:
    state = sample(rules)
    assert CampaignState.from_json(json.loads(json.dumps(state.to_json()))) == state


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(order=[]), "'order' must be a non-empty list"),
        (lambda d: d.update(stage=9), "campaign stage must be a whole number 0..3"),
        (lambda d: d.update(funds=-5), "campaign funds must be a whole number"),
        (lambda d: d["pilots"]["eiji"].update(level=0), "level of 'eiji' must be a whole number 1..99"),
        (lambda d: d["upgrades"].update(layzner={"hp": "1"}), "campaign upgrades of 'layzner': hp must be"),
        (lambda d: d["deploy"].update(seal_of_grados="david"), "deploy choice for 'seal_of_grados'"),
        (lambda d: d["history"][0].pop("turns"), "missing 'turns'"),
        (lambda d: d.update(pilots=[]), "'pilots' must map pilot ids"),
    ],
)
def test_bad_state_json_names_the_entry(rules: CampaignRules, change, message: str) -> None:  # type: ignore[no-untyped-def]
    data = sample(rules).to_json()
    change(data)
    with pytest.raises(CampaignError, match=message):
        CampaignState.from_json(data)


def test_slots_save_and_load_with_the_data_hash(tmp_path: Path, rules: CampaignRules) -> None:
    slots = CampaignSlots(tmp_path, count=3)
    assert [s.empty for s in slots.slots()] == [True, True, True]
    state = sample(rules)
    path = slots.write(2, state, "d" * 64, label="Before the sandstorm")
    assert path.name == "campaign2.json"
    saved = slots.read(2)
    assert saved.state == state and saved.data_hash == "d" * 64 and saved.extra["label"] == "Before the sandstorm"
    data = json.loads(path.read_text())
    assert (data["format"], data["kind"]) == ("blue-comet-tactics", "campaign")
    listing = slots.slots()
    assert [s.empty for s in listing] == [True, False, True] and listing[1].save == saved
    with pytest.raises(ValueError, match=r"campaign slot 4 is not one of 1\.\.3"):
        slots.path(4)


def test_a_damaged_campaign_save_offers_its_backup(tmp_path: Path, rules: CampaignRules) -> None:
    slots = CampaignSlots(tmp_path)
    first = sample(rules)
    slots.write(1, first, "d" * 64)
    slots.write(1, start_campaign(["a"], rules), "d" * 64)
    slots.path(1).write_bytes(slots.path(1).read_bytes()[:40])
    with pytest.raises(SaveError) as err:
        slots.read(1)
    assert "is truncated" in str(err.value) and str(slots.path(1)) in str(err.value)
    assert err.value.backup == backup_path(slots.path(1))
    assert slots.read(1, use_backup=True).state == first
    (info, *_) = slots.slots()
    assert info.problem is not None and info.has_backup and not info.empty


def test_foreign_and_wrong_kind_files_are_refused(tmp_path: Path, rules: CampaignRules) -> None:
    slots = CampaignSlots(tmp_path)
    slots.path(1).parent.mkdir(parents=True, exist_ok=True)
    battle = BattleRecord("blue_comet_falls", 1, (), digest="d" * 64, data_hash="h" * 64)
    slots.path(1).write_text(json.dumps(battle.to_json()))
    with pytest.raises(SaveError, match="is a battle save, not campaign"):
        slots.read(1)
    slots.path(2).write_text(json.dumps({"order": ["x"]}))
    with pytest.raises(SaveError, match="not a Blue Comet Tactics save"):
        slots.read(2)
    data = slots.path(1)
    good = CampaignSlots(tmp_path)
    good.write(3, sample(rules), "d" * 64)
    broken = json.loads(good.path(3).read_text())
    broken["campaign"]["funds"] = "lots"
    data.write_text(json.dumps(broken))
    with pytest.raises(SaveError, match="campaign funds must be a whole number"):
        slots.read(1)


WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from game.campaign import CampaignSlots, CampaignState
    slots = CampaignSlots(Path(sys.argv[1]))
    n = 0
    while True:
        n += 1
        state = CampaignState(order=tuple(f"scenario_{i}" for i in range(2000)), funds=n)
        slots.write(1, state, "d" * 64)
    """
)


def test_killing_the_game_mid_save_leaves_a_loadable_campaign(tmp_path: Path) -> None:
    slots = CampaignSlots(tmp_path)
    slots.write(1, CampaignState(order=("a",)), "d" * 64)
    rng = random.Random(99)
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    for _ in range(6):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path)], env=env)
        time.sleep(0.4 + rng.random() * 0.3)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert slots.read(1).state.funds >= 0  # never raises: the file is always complete
