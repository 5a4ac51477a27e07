"""Batch simulation: parallel runs, data variants (--set), comparisons, reports and replays."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.sim import SimulationError, compare, simulate
from game.sim import batch as batch_module
from game.sim.batch import run_batch
from game.sim.results import BatchSpec
from game.sim.simulator import Simulator
from tests.sim.cli import run_cli

SCENARIO = "sandstorm_decoy"  # few units: quick runs


def comparable(report: object) -> dict[str, object]:
    data = report.to_json()  # type: ignore[attr-defined]
    return {k: v for k, v in data.items() if k not in ("seconds", "jobs")}


def test_parallel_and_serial_runs_give_identical_results() -> None:
    serial = simulate(SCENARIO, seed=7, runs=5, max_turns=3, jobs=1)
    parallel = simulate(SCENARIO, seed=7, runs=5, max_turns=3, jobs=2)
    assert [r.seed for r in parallel.runs] == [7, 8, 9, 10, 11]
    assert [r.digest for r in parallel.runs] == [r.digest for r in serial.runs]
    assert comparable(parallel) == comparable(serial)
    assert parallel.jobs == 2 and serial.jobs == 1


def test_spawned_workers_load_the_scenario_themselves(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where processes cannot be forked, each worker loads the data and scenario itself."""
    import multiprocessing

    monkeypatch.setattr(batch_module, "_context", lambda: multiprocessing.get_context("spawn"))
    spawned = simulate(SCENARIO, seed=3, runs=2, max_turns=2, jobs=2)
    serial = simulate(SCENARIO, seed=3, runs=2, max_turns=2, jobs=1)
    assert [r.digest for r in spawned.runs] == [r.digest for r in serial.runs]


def test_repeated_seeds_are_played_in_order_in_parallel() -> None:
    sim = Simulator.load(BatchSpec(SCENARIO, max_turns=2))
    seeds = [3, 3, 4, 3, 4]
    parallel = run_batch(sim, seeds, jobs=2)
    serial = run_batch(sim, seeds, jobs=1)
    assert [r.seed for r in parallel] == seeds
    assert [r.digest for r in parallel] == [r.digest for r in serial]
    assert parallel[0].digest == parallel[1].digest != parallel[2].digest


def test_a_dead_worker_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker killed mid-batch (here: it exits on seed 2) stops the batch with a message."""
    import os

    real = Simulator.play

    def dies_on_seed_2(self: Simulator, seed: int) -> object:
        if seed == 2:
            os._exit(9)
        return real(self, seed)

    monkeypatch.setattr(Simulator, "play", dies_on_seed_2)
    with pytest.raises(SimulationError, match="worker process stopped unexpectedly"):
        simulate(SCENARIO, seed=0, runs=4, max_turns=1, jobs=2)


def test_a_failing_run_names_its_seed(monkeypatch: pytest.MonkeyPatch) -> None:
    real = Simulator.play

    def fails_on_seed_5(self: Simulator, seed: int) -> object:
        if seed == 5:
            raise RuntimeError("broken controller")
        return real(self, seed)

    monkeypatch.setattr(Simulator, "play", fails_on_seed_5)
    for jobs in (1, 2):
        with pytest.raises(SimulationError, match="run with seed 5 failed") as info:
            simulate(SCENARIO, seed=4, runs=3, max_turns=1, jobs=jobs)
        assert "RuntimeError: broken controller" in str(info.value)


def test_summary_aggregates() -> None:
    report = simulate(SCENARIO, seed=1, runs=4, max_turns=2)
    s = report.summary
    assert s.runs == 4
    assert s.wins["undecided"].k + sum(v.k for k, v in s.wins.items() if k != "undecided") == 4
    assert 0 <= s.player_wins.low <= s.player_wins.value <= s.player_wins.high <= 1
    assert s.turns.low <= s.turns.p10 <= s.turns.median <= s.turns.p90 <= s.turns.high <= 2
    assert set(s.bonus) == {"gusten_spared", "buggies_unhurt"}
    uids = [u.uid for u in s.units]
    assert uids[:3] == ["layzner", "buggy_1", "buggy_2"]  # starting units first, in scenario order
    assert "roberia" in uids  # a reinforcement
    layzner = next(u for u in s.units if u.uid == "layzner")
    assert layzner.runs == 4 and layzner.side == "player"
    assert layzner.damage == sum(r.damage.get("layzner", 0) for r in report.runs) / 4
    data = report.to_json()
    assert {"seed", "winner", "turns", "digest", "reason", "lost", "damage", "kills"} <= set(data["runs"][0])
    assert {"win_rate", "player_win_rate", "turns", "units_lost_mean", "units", "bonus_rate", "defeat_causes"} <= set(
        data["summary"]
    )


def test_set_changes_the_data_of_the_runs() -> None:
    base = simulate(SCENARIO, seed=2, runs=2, max_turns=2)
    tough = simulate(SCENARIO, seed=2, runs=2, max_turns=2, overrides=["units.braver.hp=30000"])
    assert tough.data_hash != base.data_hash and tough.overrides == ("units.braver.hp=30000",)
    assert [r.digest for r in tough.runs] != [r.digest for r in base.runs]
    from game.scenario import load_scenario
    from game.sim.simulate import load_data

    defs = load_data(overrides=["units.braver.hp=30000"]).definitions
    state, _ = load_scenario(SCENARIO, defs).start(2)
    assert state.unit("gusten").hp == 30000


def test_bad_set_paths_are_clear_errors() -> None:
    with pytest.raises(SimulationError, match=r"there is no unit 'bravr' \(did you mean 'braver'\?\)"):
        simulate(SCENARIO, overrides=["units.bravr.hp=3000"])
    with pytest.raises(SimulationError, match="has no field 'hpp'"):
        simulate(SCENARIO, overrides=["units.braver.hpp=3000"])
    with pytest.raises(SimulationError, match="scenario-level overrides are not supported"):
        simulate(SCENARIO, overrides=["scenario.units.0.level=5"])
    done = run_cli(SCENARIO, "--set", "units.bravr.hp=3000")
    assert done.returncode == 1
    assert "bravr" in done.stderr and "did you mean 'braver'" in done.stderr and "Traceback" not in done.stderr
    done = run_cli(SCENARIO, "--compare")
    assert done.returncode == 2 and "--compare needs at least one --set" in done.stderr


def test_compare_output_structure() -> None:
    done = run_cli(
        SCENARIO,
        "--runs",
        "3",
        "--max-turns",
        "2",
        "--jobs",
        "2",
        "--set",
        "units.layzner.hp=9000",
        "--compare",
        "--json",
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # no progress bar when stderr is not a terminal
    data = json.loads(done.stdout)
    assert set(data) == {"baseline", "variant", "delta"}
    assert data["baseline"]["overrides"] == [] and data["variant"]["overrides"] == ["units.layzner.hp=9000"]
    assert [r["seed"] for r in data["baseline"]["runs"]] == [r["seed"] for r in data["variant"]["runs"]] == [0, 1, 2]
    delta = data["delta"]
    assert set(delta) == {"player_win_rate", "win_rate", "turns_mean", "turns_median"}
    low, high = delta["player_win_rate"]["ci95"]
    assert -1 <= low <= delta["player_win_rate"]["delta"] <= high <= 1
    text = run_cli(SCENARIO, "--runs", "2", "--max-turns", "1", "--set", "units.layzner.hp=9000", "--compare")
    assert "baseline vs variant (units.layzner.hp=9000)" in text.stdout and "delta (95% CI)" in text.stdout


def test_compare_needs_the_same_seeds() -> None:
    a = simulate(SCENARIO, seed=0, runs=1, max_turns=1)
    b = simulate(SCENARIO, seed=1, runs=1, max_turns=1)
    with pytest.raises(ValueError, match="same seeds"):
        compare(a, b)


def test_report_writes_the_page_and_its_charts(tmp_path: Path) -> None:
    import pygame

    done = run_cli(SCENARIO, "--runs", "3", "--max-turns", "2", "--report", str(tmp_path / "rep"))
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "rep" / "report.md").read_text(encoding="utf-8")
    assert page.startswith(f"# Simulation report: {SCENARIO}")
    for name in ("win_rate.png", "turns.png", "damage.png"):
        assert f"]({name})" in page
        image = pygame.image.load(str(tmp_path / "rep" / name))
        assert image.get_width() == 900 and image.get_height() > 100
        # Drawn, not blank: more than the background colour.
        colours = {tuple(image.get_at((x, y)))[:3] for x in range(0, 900, 7) for y in range(0, image.get_height(), 7)}
        assert len(colours) > 4
    assert "| layzner (Layzner) | player |" in page


def test_comparison_report(tmp_path: Path) -> None:
    done = run_cli(
        SCENARIO,
        "--runs",
        "2",
        "--max-turns",
        "1",
        "--set",
        "units.braver.hp=5000",
        "--compare",
        "--report",
        str(tmp_path),
    )
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "baseline vs variant" in page and "## Baseline" in page and "## Variant" in page
    assert all((tmp_path / n).stat().st_size > 0 for n in ("win_rate.png", "turns.png", "damage.png"))


def test_replay_out_writes_records_that_replay_to_the_digest(tmp_path: Path) -> None:
    from game.core import apply
    from game.saves import BattleRecord, read_json
    from game.scenario import load_scenario
    from game.sim.simulate import load_data

    report = simulate(SCENARIO, seed=4, runs=2, max_turns=3, jobs=2, replay_dir=tmp_path)
    loaded = load_data()
    scenario = load_scenario(SCENARIO, loaded.definitions)
    files = sorted(tmp_path.glob("*.json"))
    assert [f.name for f in files] == [f"{SCENARIO}_seed4.json", f"{SCENARIO}_seed5.json"]
    for run, path in zip(report.runs, files, strict=True):
        record = BattleRecord.from_json(read_json(path))
        assert record.kind == "replay" and record.scenario == SCENARIO and record.seed == run.seed
        assert record.data_hash == loaded.data_hash
        assert record.digest == run.digest and len(record.commands) == run.commands
        assert record.extra["player_ai"] == "srw" and record.extra["winner"] == run.winner
        state, _ = scenario.start(record.seed)
        for cmd in record.commands:
            state, _ = apply(state, cmd)
        assert state.digest() == record.digest


def test_replay_out_carries_checkpoints_that_name_the_first_changed_command(tmp_path: Path) -> None:
    """A replay from simulate is checked command by command, as the game's own replays are:
    change command 3 and `replay --verify` names command 3, not a later one."""
    import subprocess
    import sys

    from tests.sim.cli import ROOT

    simulate(SCENARIO, seed=4, runs=1, max_turns=3, replay_dir=tmp_path)
    path = tmp_path / f"{SCENARIO}_seed4.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    battle = data["battle"]
    assert len(battle["checkpoints"]) == len(battle["commands"]) > 3

    def verify(file: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, str(ROOT / "run_game.py"), "replay", "--verify", str(file)],
            capture_output=True,
            text=True,
            check=False,
            cwd=ROOT,
        )

    done = verify(path)
    assert done.returncode == 0, done.stderr
    # Ending the phase instead of command 3 is legal there but plays differently.
    assert battle["commands"][2] != {"kind": "end_phase"}
    battle["commands"][2] = {"kind": "end_phase"}
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(data), encoding="utf-8")
    done = verify(changed)
    assert done.returncode == 1
    assert f"command 3 of {len(battle['commands'])}" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr


def test_a_worker_with_other_game_data_refuses_to_play() -> None:
    from game.sim.worker import play_chunk

    spec = BatchSpec(SCENARIO, max_turns=1)
    with pytest.raises(SimulationError, match="has different game data"):
        play_chunk(spec, [0], "0" * 64)
    assert play_chunk(spec, [0], Simulator.load(spec).data_hash)[0][0].seed == 0


def test_a_worker_keeps_only_its_last_few_simulators() -> None:
    from game.sim.worker import Loaded

    loaded = Loaded(keep=2)
    specs = [BatchSpec(SCENARIO, max_turns=t) for t in (1, 2, 3)]
    first = loaded.get(specs[0])
    assert loaded.get(specs[0]) is first  # loaded once
    loaded.get(specs[1])
    loaded.get(specs[0])  # used again: now the most recent
    loaded.get(specs[2])  # evicts specs[1], the least recently used
    assert loaded.get(specs[0]) is first
    assert set(loaded._by_spec) == {specs[0], specs[2]}
