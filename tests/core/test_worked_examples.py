"""RULES §12: every worked example, reproduced exactly through the engine's forecast."""

from __future__ import annotations

from fractions import Fraction

import pytest

from game.core import Deployment
from game.core.formulas import DamageInputs, HitInputs, damage, finish_damage, hit_chance
from game.core.headless import Battle, make_context
from tests.core.roster import definitions, give


def _battle(distance: int, *, braver_tile: str = ".", defs=None) -> Battle:  # type: ignore[no-untyped-def]
    row = list("." * 12)
    row[1 + distance] = braver_tile
    legend = {".": "plain", "F": "fort"}
    from game.core.defs import TerrainDef
    from game.core.headless import standard_terrains

    terrains = standard_terrains()
    terrains["fort"] = TerrainDef("fort", "Fort", defense=20)
    defs = defs or definitions(terrains=terrains)
    ctx = make_context(defs, ["".join(row), "." * 12], legend=legend)
    return Battle.start(
        ctx,
        [
            Deployment("layzner", "player", pilot="eiji", pos=(1, 0), uid="layzner"),
            Deployment("braver", "enemy", pilot="grunt", pos=(1 + distance, 0), uid="braver"),
        ],
        seed=1,
    )


def test_hit_percent_is_82() -> None:
    fc = _battle(3).forecast("layzner", "layzered_rifle", "braver")
    assert fc.attack.hit == 82


def test_hit_with_focus_is_100() -> None:
    b = _battle(3)
    give(b, "layzner", "focus", "turn")
    assert b.forecast("layzner", "layzered_rifle", "braver").attack.hit == 100


def test_hit_when_braver_evades_is_41() -> None:
    fc = _battle(3).forecast("layzner", "layzered_rifle", "braver", "evade")
    assert fc.attack.hit == 41
    assert fc.counter is None  # evading gives up the counter


def test_damage_is_2340_and_crit_2925() -> None:
    fc = _battle(3).forecast("layzner", "layzered_rifle", "braver")
    assert fc.attack.damage == 2340
    assert fc.attack.crit_damage == 2925


def test_damage_when_braver_defends_is_1170() -> None:
    fc = _battle(3).forecast("layzner", "layzered_rifle", "braver", "defend")
    assert fc.attack.damage == 1170
    assert fc.counter is None


def test_damage_on_a_20_percent_defence_tile_is_1872() -> None:
    fc = _battle(3, braver_tile="F").forecast("layzner", "layzered_rifle", "braver")
    assert fc.attack.damage == 1872


def test_crit_percent_is_40() -> None:
    assert _battle(3).forecast("layzner", "layzered_rifle", "braver").attack.crit == 40


def _vmax_battle(*, gale_effects: tuple[str, ...] = (), eiji_effects: tuple[str, ...] = ()) -> Battle:
    ctx = make_context(definitions(), (8, 3))
    b = Battle.start(
        ctx,
        [
            Deployment("layzner", "player", pilot="eiji", pos=(1, 1), uid="layzner", will=130),
            Deployment("greimkaiser", "enemy", pilot="gale", pos=(2, 1), uid="greim"),
        ],
        seed=1,
    )
    for e in gale_effects:
        give(b, "greim", e, "turn")
    for e in eiji_effects:
        give(b, "layzner", e, "next_attack")
    return b


def test_gale_starts_at_will_110() -> None:
    assert _vmax_battle().unit("greim").will == 110


def test_vmax_hit_52_damage_3790() -> None:
    fc = _vmax_battle().forecast("layzner", "v_max", "greim")
    assert (fc.attack.hit, fc.attack.damage) == (52, 3790)


def test_vmax_with_valor_7580_and_no_crit() -> None:
    fc = _vmax_battle(eiji_effects=("valor",)).forecast("layzner", "v_max", "greim")
    assert fc.attack.damage == 7580
    assert fc.attack.crit == 0 and fc.attack.valor  # Valor and a critical do not stack


def test_vmax_against_guard_947() -> None:
    fc = _vmax_battle(gale_effects=("guard",)).forecast("layzner", "v_max", "greim")
    assert fc.attack.damage == 947


def test_minimum_damage_is_10() -> None:
    rules = definitions().rules
    raw = damage(
        rules,
        DamageInputs(
            power=100,
            weapon_rank_mul=Fraction(1),
            attack_stat=100,
            will_attacker=100,
            armor=Fraction(3000),
            perf_defender=Fraction(1),
            pilot_defense=150,
            will_defender=150,
            size_attacker="S",
            size_defender="S",
        ),
    )
    assert raw < 10
    assert finish_damage(rules, raw) == 10


@pytest.mark.parametrize(
    ("hit_set", "taken_set", "evading", "expected"),
    [
        (100, None, False, 100),  # Strike
        (None, 0, False, 0),  # Alert
        (100, 0, False, 0),  # Alert beats Strike
        (100, None, True, 50),  # Evade still halves, in RULES order
    ],
)
def test_hit_overrides(hit_set: int | None, taken_set: int | None, evading: bool, expected: int) -> None:
    rules = definitions().rules
    i = HitInputs(
        170,
        Fraction(1),
        10,
        120,
        95,
        Fraction(9, 10),
        "S",
        3,
        hit_set=hit_set,
        hit_taken_set=taken_set,
        evading=evading,
    )
    assert hit_chance(rules, i) == expected


def test_exact_arithmetic_no_float_drift() -> None:
    """2340 x 0.8 must floor to 1872 exactly: the formulas never use floats."""
    rules = definitions().rules
    assert isinstance(rules.weapon_rank["A"], Fraction)
    assert rules.performance[2][1] == Fraction(9, 10)
