"""Dotted overrides applied before validation (for the simulator's balance runs)."""

from __future__ import annotations

from fractions import Fraction

from game.data import LoadResult, apply_overrides
from tests.data.conftest import Game


def texts(result: LoadResult) -> list[str]:
    return [str(p) for p in result.problems]


def test_overrides_change_values_before_validation(game: Game) -> None:
    result = game.load(
        overrides=[
            "units.braver.hp=3000",
            "units.layzner.weapons.v_max.power=4000",
            "units.Grimekaisar.ranks=S/A/B/A",
            "pilots.eiji.spirits.focus.cost=10",
            "pilots.gale.stats.evade=170",
            "spirits.guard.effects.0.damage_taken_mul=0.5",
            "rules.crit_mul=1.5",
            "rules.performance.7=1.2",
            "terrain.forest.move_cost.vehicle=null",
        ]
    )
    assert result.errors == [], texts(result)
    d = result.definitions
    assert d.units["braver"].hp == 3000
    assert d.units["layzner"].weapon("v_max").power == 4000
    assert d.units["greimkaiser"].ranks.air == "S"
    assert next(r for r in d.pilots["eiji"].spirits if r.id == "focus").cost == 10
    assert d.pilots["gale"].stats.evade == 170
    assert d.spirits["guard"].effects[0].value == Fraction(1, 2)
    assert d.rules.crit_mul == Fraction(3, 2) and d.rules.performance[0] == (7, Fraction(6, 5))
    assert d.terrains["forest"].cost_for("vehicle") is None


def test_apply_overrides_reloads_a_result_with_them(shipped: LoadResult) -> None:
    changed = apply_overrides(shipped, ["units.braver.hp=3000"])
    assert changed.definitions.units["braver"].hp == 3000
    assert shipped.definitions.units["braver"].hp == 2000
    assert changed.data_hash != shipped.data_hash


def test_bad_override_paths_are_clear_errors(game: Game) -> None:
    result = game.load(
        overrides=[
            "units.braver.hp",
            "unit.bravr.hp=1",
            "untis.braver.hp=1",
            "units.braver.hpp=1",
            "units.layzner.weapons.v_maxx.power=1",
            "units.braver.hp.x=1",
            "units.braver=1",
            "rules.crit=1",
        ]
    )
    assert [p.message for p in result.errors] == [
        "an override is written path=value, e.g. units.braver.hp=3000",
        "unknown kind 'untis' (did you mean 'units'?)",
        "name the unit and a field, e.g. units.<id>.<field>=value",
        "there is no unit 'bravr' (did you mean 'braver'?)",
        "this entry has no field 'hpp' (did you mean 'hp'?)",
        "weapons has no item 'v_maxx' (give an id or an index 0..3)",
        "hp is a single value; it has no part 'x'",
        "this entry has no field 'crit' (did you mean 'crit_mul'?)",
    ]
    assert all(p.check == "override" for p in result.errors)
    # Nothing else changed.
    assert result.definitions.units["braver"].hp == 2000


def test_bad_override_values_are_validated_like_data(game: Game) -> None:
    result = game.load(overrides=["units.braver.hp=lots", "units.dtol.ranks=A/A/Q/A"])
    assert sorted(texts(result)) == [
        "override 'units.braver.hp=lots': error: hp: expected a whole number, got 'lots' [schema]",
        "override 'units.dtol.ranks=A/A/Q/A': error: ranks.sea: expected one of S, A, B, C, D, -; got 'Q' [schema]",
        "units/braver.yaml:2:1: warning: unit 'braver' is left out because of the errors above [schema]",
        "units/dtol.yaml:2:1: warning: unit 'dtol' is left out because of the errors above [schema]",
    ]


def test_list_items_by_index_and_shorthand_items(game: Game) -> None:
    result = game.load(overrides=["pilots.eiji.spirits.0.cost=9", "pilots.david.skills.resolve.level=1"])
    assert result.errors == [], texts(result)
    assert result.definitions.pilots["eiji"].spirits[0].cost == 9
