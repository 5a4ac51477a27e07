"""The `deploy` block (the player picks who fights) and campaign setups (levels, upgrades)
applied to a scenario, scripted player reinforcements included."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario import BattleSetup, ScenarioError, SetupError, load_scenario
from tests.scenario.roster import campaign_definitions
from tests.scenario.test_errors import GOOD, fail, write

POOL = GOOD.replace(
    "  - {uid: hero, unit: layzner, pilot: eiji, side: player, at: west}\n",
    "  - {uid: hero, unit: layzner, pilot: eiji, side: player, at: west}\n"
    "  - {uid: a, unit: dtol, pilot: david, side: player}\n"
    "  - {uid: b, unit: dtol, pilot: roan, side: player}\n"
    "  - {uid: c, unit: dtol, pilot: simone, side: player}\n",
).replace(
    "objectives:",
    "deploy:\n  slots: [[1, 0], [2, 0]]\n  units: [a, b, c]\nobjectives:",
)
REINFORCED = GOOD.replace(
    "      - dialogue: [{speaker: eiji, text: Hello}]",
    "      - dialogue: [{speaker: eiji, text: Hello}]\n"
    "      - spawn: [{uid: late, unit: baybull, pilot: david, side: player, at: [3, 0]}]\n"
    "      - spawn: [{uid: foe2, unit: braver, pilot: david, side: enemy, at: [5, 3]}]",
)


def load(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    write(tmp_path, text)
    return load_scenario("skirmish", campaign_definitions(), root=tmp_path / "game")


def player_units(scenario, setup: BattleSetup | None = None) -> dict[str, tuple]:  # type: ignore[no-untyped-def]
    sc = scenario if setup is None else scenario.with_setup(setup)
    state, _ = sc.start(1)
    return {u.uid: (u.pos, u.level, dict(u.upgrades)) for u in state.units.values() if u.side == "player"}


def test_default_deployment_fills_the_slots_in_pool_order(tmp_path: Path) -> None:
    sc = load(tmp_path, POOL)
    assert sc.deploy is not None and sc.deploy.default_picks() == ("a", "b")
    units = player_units(sc)
    assert list(units) == ["hero", "a", "b"]
    assert units["a"][0] == (1, 0) and units["b"][0] == (2, 0)


def test_picks_choose_who_fights_and_where(tmp_path: Path) -> None:
    sc = load(tmp_path, POOL)
    units = player_units(sc, BattleSetup(deploy=("c", None)))
    assert list(units) == ["hero", "c"] and units["c"][0] == (1, 0)


@pytest.mark.parametrize(
    ("picks", "message"),
    [
        (("a",), "2 slots, but 1 choices"),
        (("a", "a"), "'a' is chosen for two slots"),
        (("zed", None), "'zed' cannot be deployed here; choose from a, b, c"),
        ((None, None), "deploy at least 1 unit"),
        (("hero", None), "'hero' cannot be deployed here"),
    ],
)
def test_bad_picks_are_refused_with_the_reason(tmp_path: Path, picks: tuple, message: str) -> None:
    sc = load(tmp_path, POOL)
    with pytest.raises(SetupError, match=message):
        sc.with_setup(BattleSetup(deploy=picks))


def test_picks_for_a_scenario_without_a_choice_are_refused(tmp_path: Path) -> None:
    sc = load(tmp_path, GOOD)
    with pytest.raises(SetupError, match="no deployment choice"):
        sc.with_setup(BattleSetup(deploy=("hero",)))


def test_deploy_block_errors_name_the_line(tmp_path: Path) -> None:
    text = POOL.replace("units: [a, b, c]", "units: [a, b, foe, zz]").replace("[2, 0]]", "[2, 0], [9, 9]]")
    err = str(fail(tmp_path, text))
    assert "deploy.units[2]: 'foe' is not a player unit" in err
    assert "deploy.units[3]: no unit in `units:` has the uid 'zz'" in err
    assert "deploy.slots[2]: (9, 9) is outside the 6x4 map" in err
    err = str(fail(tmp_path, POOL.replace("pilot: david, side: player}", "pilot: david, side: player, at: [3, 0]}")))
    assert "units[1].at: 'a' is in the deploy pool and takes a deploy slot: remove `at`" in err


def test_a_slot_a_pool_unit_cannot_stand_on_is_refused(tmp_path: Path) -> None:
    # (4, 1) is a cliff in the test map: no Dtol can stand there. The default picks leave that
    # slot empty, so only the slot check can see it.
    text = POOL.replace("units: [a, b, c]", "units: [a, b]").replace("[2, 0]]", "[2, 0], [4, 1]]")
    text = text.replace("pilot: simone, side: player}", "pilot: simone, side: player, at: [3, 0]}")
    with pytest.raises(ScenarioError, match=r"deploy.slots\[2\]: a \(Dtol\) cannot stand on \(4, 1\)"):
        load(tmp_path, text)
    with pytest.raises(ScenarioError, match=r"deploy.slots\[2\]: a unit of `units:` already starts on \(0, 0\)"):
        load(tmp_path, text.replace("[4, 1]]", "[0, 0]]"))


def test_levels_and_upgrades_reach_starting_units_and_player_reinforcements(tmp_path: Path) -> None:
    sc = load(tmp_path, REINFORCED)
    setup = BattleSetup(levels={"eiji": 31, "david": 12}, upgrades={"layzner": {"hp": 2}, "baybull": {"armor": 1}})
    applied = sc.with_setup(setup)
    state, _ = applied.start(1)
    hero, late, foe2 = state.unit("hero"), state.unit("late"), state.unit("foe2")
    assert (hero.level, dict(hero.upgrades)) == (31, {"hp": 2})
    assert hero.hp == campaign_definitions().units["layzner"].hp + 2 * 200
    assert (late.level, dict(late.upgrades)) == (12, {"armor": 1})
    # Enemies with the same pilot id are not the player's pilots.
    assert foe2.level != 12 and not foe2.upgrades
    # The original scenario is untouched.
    plain, _ = sc.start(1)
    assert plain.unit("hero").level != 31 and plain.unit("late").level != 12


def test_setup_json_round_trips_and_bad_json_is_named() -> None:
    setup = BattleSetup(deploy=("a", None), levels={"eiji": 3}, upgrades={"layzner": {"en": 2}})
    assert BattleSetup.from_json(setup.to_json()) == setup
    assert BattleSetup.from_json(None).empty
    with pytest.raises(SetupError, match="unknown stat 'speed'"):
        BattleSetup.from_json({"upgrades": {"layzner": {"speed": 1}}})
    with pytest.raises(SetupError, match="level of 'eiji' must be a whole number"):
        BattleSetup.from_json({"levels": {"eiji": "9"}})
    with pytest.raises(SetupError, match="'deploy' must be a list"):
        BattleSetup.from_json({"deploy": "a"})
