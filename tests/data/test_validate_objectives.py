"""`validate` warns about objectives that can never hold: a tag, unit type or pilot no unit of
the scenario carries, a capture of units that cannot be captured, a flag no event sets,
and a `defeated:` of nobody (which holds from the start)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.data import LoadResult
from game.scenario import load_scenario_file
from game.tools.validate_objectives import check_objectives, objective_problems
from tests.data.conftest import REPO
from tests.data.test_cli import run

ORIGINAL = "when: {in_region: {tag: buggy, region: cave}}"


def _stage(tmp_path: Path, victory: str) -> Path:
    stage = tmp_path / "sandstorm_decoy"
    shutil.copytree(REPO / "maps/sandstorm_decoy", stage)
    tmx = stage / "map.tmx"
    tmx.write_text(tmx.read_text().replace("../../assets/tiles/", (REPO / "assets/tiles").as_posix() + "/"))
    scenario = stage / "scenario.yaml"
    text = scenario.read_text()
    assert ORIGINAL in text
    scenario.write_text(text.replace(ORIGINAL, f"when: {victory}"))
    return scenario


def test_the_shipped_scenarios_have_no_impossible_objectives(shipped: LoadResult) -> None:
    from game.scenario import check_all

    loaded, _ = check_all(shipped.definitions, root=REPO)
    assert len(loaded) >= 5
    assert check_objectives(loaded) == []


@pytest.mark.parametrize(
    ("victory", "words"),
    [
        ("{in_region: {tag: bugy, region: cave}}", "matches tag=bugy"),
        ("{destroyed: {tag: commander}}", "matches tag=commander"),
        ("{destroyed: {unit: zakarl}}", "matches unit=zakarl"),
        ("{retreated: {pilot: le_cain}}", "matches pilot=le_cain"),
        ("{destroyed: {side: player, tag: gosterro_guard}}", "side=player,tag=gosterro_guard"),
        ("{captured: layzner}", "can be captured (capturable: false)"),
        ("{flag: never_set}", "no event sets the flag 'never_set'"),
        ("{all: [{turn_at_least: 3}, {destroyed: {tag: ghost}}]}", "tag=ghost"),
        ("{any: [{destroyed: {tag: a}}, {retreated: {tag: b}}]}", "tag=a"),
        ("{defeated: {tag: nobody}}", "holds from the start"),
    ],
)
def test_impossible_victory_conditions_are_warned_about(
    tmp_path: Path, shipped: LoadResult, victory: str, words: str
) -> None:
    path = _stage(tmp_path, victory)
    problems = objective_problems(load_scenario_file(path, shipped.definitions))
    assert len(problems) == 1, problems
    (p,) = problems
    assert not p.is_error and p.check == "scenario"
    assert words in p.message and "victory" in p.message
    assert p.path == "objectives.main.victory[0].when" and p.line == 35


@pytest.mark.parametrize(
    "victory", ["{any: [{destroyed: {tag: nobody}}, {turn_at_least: 8}]}", "{not: {destroyed: {tag: nobody}}}"]
)
def test_conditions_that_may_hold_are_not_warned_about(tmp_path: Path, shipped: LoadResult, victory: str) -> None:
    path = _stage(tmp_path, victory)
    assert objective_problems(load_scenario_file(path, shipped.definitions)) == []


def test_validate_prints_the_warning_for_a_scenario(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = _stage(tmp_path, "{destroyed: {tag: commander}}")
    code, out = run(capsys, "validate", "--no-user-mods", str(path.parent))
    assert code == 0  # a warning: the scenario still loads
    assert "scenario.yaml:35" in out and "can never hold" in out and "tag=commander" in out
