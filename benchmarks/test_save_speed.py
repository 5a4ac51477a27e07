"""Speed of suspending and continuing the largest battle (what a player waits for when they
press Suspend, when each player phase autosaves, and when they choose Continue).

Targets on the 2-core machine: save <= 20 ms, load <= 50 ms, for the biggest shipped battle
late in play: every campaign scenario is played by the AI, and the one whose state and
command log are largest one command before the end is used.

Save: the record (state JSON, digest, command log) built from the live battle and written
atomically with the backup kept (two fsyncs). Load: read and parse the file, migrate,
rebuild the state against the scenario and check it against its digest.

Run: .venv/bin/python -m pytest benchmarks/test_save_speed.py --benchmark-only
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.ai import make_controller
from game.core import apply
from game.data import load_game_data
from game.saves import BattleRecord, SaveSlots, restore
from game.scenario import load_scenario
from game.sim import play_out

ROOT = Path(__file__).resolve().parents[1]
CAMPAIGN = ("blue_comet_falls", "sandstorm_decoy", "farewell_red_planet", "beautiful_le_cain", "seal_of_grados")


@pytest.fixture(scope="module")
def largest():  # type: ignore[no-untyped-def]
    data = load_game_data(ROOT, user_mods=False, check_assets_exist=False)
    best = None
    for sid in CAMPAIGN:
        scenario = load_scenario(sid, data, root=ROOT)
        start, _ = scenario.start(3)
        result = play_out(start, {s.id: make_controller("srw") for s in scenario.context.sides})
        log = result.commands[:-1]  # one command before the end: the battle is still on
        state = start
        for c in log:
            state, _ = apply(state, c)
        size = len(json.dumps(BattleRecord.of(state, log, data_hash=data.data_hash, kind="suspend").to_json()))
        if best is None or size > best[0]:
            best = (size, sid, state, log)
    assert best is not None
    size, sid, state, log = best
    print(f"\nlargest battle: {sid}, turn {state.turn}, {len(state.units)} units, {len(log)} commands, {size} bytes")
    return data, state, log


def test_save_largest_battle(benchmark, largest, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data, state, log = largest
    slots = SaveSlots(tmp_path)

    def save() -> Path:
        return slots.write("suspend", BattleRecord.of(state, log, data_hash=data.data_hash, kind="suspend"))

    path = benchmark(save)
    assert path.exists()


def test_load_largest_battle(benchmark, largest, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data, state, log = largest
    slots = SaveSlots(tmp_path)
    slots.write("suspend", BattleRecord.of(state, log, data_hash=data.data_hash, kind="suspend"))
    scenario = load_scenario(state.ctx.scenario_id, data, root=ROOT)  # the game has it loaded already

    def load():  # type: ignore[no-untyped-def]
        return restore(slots.read("suspend"), data.data_hash, lambda sid: scenario)

    restored = benchmark(load)
    assert restored.state.digest() == state.digest() and not restored.rebuilt
