"""The campaign's upgrade shop lives in data: per-unit caps, successors, prices by step."""

from __future__ import annotations

from game.data import LoadResult
from tests.data.conftest import Game


def test_shipped_caps_and_prices_follow_srw_64(shipped: LoadResult) -> None:
    units = shipped.entries["units"]
    caps = {u: units[u].upgrade_cap for u in ("layzner", "layzner_mk2", "baybull", "buldy", "greimkaiser", "doll")}
    assert caps == {"layzner": 9, "layzner_mk2": 9, "baybull": 11, "buldy": 11, "greimkaiser": 13, "doll": 15}
    assert units["layzner_mk2"].upgrades_from == "layzner"
    assert units["braver"].upgrade_cap is None  # the rules' default applies
    costs = shipped.rules.upgrade_costs
    assert costs["hp"][:3] == [2000, 4000, 6000] and costs["hp"][14] == 30000  # 2000 x n
    assert costs["weapons"][:2] == [10000, 15000]  # 5000 x (n + 1)
    assert costs["mobility"][0] == 5000 and costs["mobility"][-1] == 65000
    assert shipped.rules.upgrade_cap == 10 and shipped.rules.start_funds == 10000


def test_successor_may_be_named_by_alias_and_resolves_to_the_id(game: Game) -> None:
    game.edit("units/layzner_mk2.yaml", "upgrades_from: layzner", "upgrades_from: SPT-LZ-00X")
    result = game.load()
    assert result.ok and result.entries["units"]["layzner_mk2"].upgrades_from == "layzner"


def test_unknown_successor_is_an_error_naming_the_file(game: Game) -> None:
    game.edit("units/layzner_mk2.yaml", "upgrades_from: layzner", "upgrades_from: laysner")
    result = game.load()
    (err,) = result.errors
    assert str(err).startswith("units/layzner_mk2.yaml:")
    assert "unknown unit 'laysner' (did you mean 'layzner'?)" in str(err)
    assert result.entries["units"]["layzner_mk2"].upgrades_from is None


def test_a_circle_of_successors_is_refused(game: Game) -> None:
    game.edit("units/layzner.yaml", "upgrade_cap: 9", "upgrade_cap: 9\nupgrades_from: layzner_mk2")
    result = game.load()
    assert any("goes round in a circle" in str(p) for p in result.errors)


def test_cap_beyond_the_price_list_is_reported(game: Game) -> None:
    game.edit("units/doll.yaml", "upgrade_cap: 15", "upgrade_cap: 20")
    result = game.load()
    assert result.ok
    assert any(
        str(p).startswith("units/doll.yaml:") and "upgrade cap 20 is above the 15 steps" in str(p)
        for p in result.warnings
    )


def test_price_table_must_cover_every_stat(game: Game) -> None:
    game.edit("units/system/rules.yaml", "  weapons:  [", "  weapon:  [")
    (err,) = game.load().errors
    assert str(err).startswith("units/system/rules.yaml:") and "(did you mean 'weapons'?)" in str(err)
    game.edit("units/system/rules.yaml", "  weapon:  [", "  # weapon:  [")
    (err,) = game.load().errors
    assert "upgrade_costs" in str(err) and "missing weapons" in str(err)
