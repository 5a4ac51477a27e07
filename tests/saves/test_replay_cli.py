"""`run_game.py replay FILE --verify`: exit 0 on a match, 1 with a clear message otherwise."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.data import LoadResult
from game.saves import record_replay
from tests.saves.conftest import ROOT, SEED, Played


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "run_game.py"), "replay", *args, "--no-user-mods"],
        check=False,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


@pytest.fixture(scope="module")
def replay_file(tmp_path_factory: pytest.TempPathFactory, played: dict[str, Played], game_data: LoadResult) -> Path:
    p = played["blue_comet_falls"]
    path = tmp_path_factory.mktemp("replays") / "blue.json"
    path.write_text(json.dumps(record_replay(p.scenario, p.seed, p.commands, data_hash=game_data.data_hash).to_json()))
    return path


def test_verify_ok_and_mismatch_exit_codes(replay_file: Path, tmp_path: Path) -> None:
    ok = run(str(replay_file), "--verify")
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.startswith(f"{replay_file}: OK: ") and "player won" in ok.stdout

    data = json.loads(replay_file.read_text())
    data["battle"]["digest"] = "0" * 64
    data["battle"]["checkpoints"] = []
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    out = run(str(bad), "--verify")
    assert out.returncode == 1
    assert f"{bad}: MISMATCH: the final state differs after" in out.stderr
    assert "expected digest 0000000000000000000000000000000000000000000000000000000000000000, got " in out.stderr


def test_other_game_data_is_refused_unless_forced(replay_file: Path, tmp_path: Path) -> None:
    mod = tmp_path / "tougher"
    (mod / "units").mkdir(parents=True)
    (mod / "mod.yaml").write_text("id: tougher\nname: Tougher Bravers\nversion: '1.0'\n")
    (mod / "units" / "braver.yaml").write_text("hp: 9000\n")
    out = run(str(replay_file), "--verify", "--mods", str(mod))
    assert out.returncode == 1
    assert "cannot verify: it was recorded with different game data" in out.stderr and "--force" in out.stderr
    forced = run(str(replay_file), "--verify", "--mods", str(mod), "--force")
    assert forced.returncode == 1 and "replayed anyway" in forced.stderr  # the stronger Bravers change the battle


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b'{"format": "blue-comet-tactics", "schema": 2, "kind": "rep', "is truncated"),
        (b"\x00\x01binary", "is not a text save file"),
        (b'{"hello": 1}', "is not a Blue Comet Tactics save"),
    ],
)
def test_bad_files_are_named(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "x.json"
    path.write_bytes(content)
    out = run(str(path), "--verify")
    assert out.returncode == 1 and str(path) in out.stderr and message in out.stderr
    assert "Traceback" not in out.stderr


def test_a_replay_of_a_data_variant_verifies_with_the_same_set(played: dict[str, Played], tmp_path: Path) -> None:
    """`simulate --set ... --replay-out` files name their overrides; verify takes the same --set."""
    from game.data import load_game_data
    from game.scenario import load_scenario

    variant = load_game_data(ROOT, user_mods=False, check_assets_exist=False, overrides=["units.braver.hp=3000"])
    assert variant.ok
    scenario = load_scenario("blue_comet_falls", variant, root=ROOT)
    commands = played["blue_comet_falls"].commands[:3]
    record = record_replay(
        scenario, SEED, commands, data_hash=variant.data_hash, extra={"overrides": ["units.braver.hp=3000"]}
    )
    path = tmp_path / "variant.json"
    path.write_text(json.dumps(record.to_json()))
    refused = run(str(path), "--verify")
    assert refused.returncode == 1 and "It was recorded with: --set units.braver.hp=3000" in refused.stderr
    ok = run(str(path), "--verify", "--set", "units.braver.hp=3000")
    assert ok.returncode == 0, ok.stderr


def test_a_replay_simulated_on_hard_verifies_with_its_foes_raised(tmp_path: Path) -> None:
    """Hard raises the player's foes; the replay names its difficulty and verify raises them too."""
    out = tmp_path / "hard"
    args = ["simulate", "blue_comet_falls", "--runs", "1", "--jobs", "1", "--difficulty", "hard", "--max-turns", "2"]
    sim = subprocess.run(
        [sys.executable, str(ROOT / "run_game.py"), *args, "--replay-out", str(out)],
        check=False,
        capture_output=True,
        text=True,
    )
    assert sim.returncode == 0, sim.stderr
    (path,) = out.glob("*.json")
    ok = run(str(path), "--verify")
    assert ok.returncode == 0, ok.stderr
    # The same commands against unraised foes part at once: the difficulty is what made it verify.
    data = json.loads(path.read_text())
    data["extra"]["difficulty"] = "normal"
    normal = tmp_path / "as_normal.json"
    normal.write_text(json.dumps(data))
    assert run(str(normal), "--verify").returncode == 1
    data["extra"]["difficulty"] = "impossible"
    forged = tmp_path / "forged.json"
    forged.write_text(json.dumps(data))
    refused = run(str(forged), "--verify")
    assert refused.returncode == 1 and "impossible" in refused.stderr and "Traceback" not in refused.stderr
