"""RULES §12's worked examples, reproduced with the shipped data through game.core.headless.

Eiji in the Layzner against a Braver flown by the generic Grados soldier (evade 120,
defense 110, skill 120, Land rank B), and with V-MAX against Gale's Greimkaiser."""

from __future__ import annotations

import pytest

from game.core import CastSpirit, Deployment, EndPhase
from game.core.headless import Battle, make_context
from game.data import LoadResult

LEGEND = {".": "plain", "B": "base"}  # base: the shipped 20% defence, 0% evade tile


def _battle(data: LoadResult, row: str, deployments: list[Deployment]) -> Battle:
    return Battle.start(make_context(data.definitions, [row], legend=LEGEND), deployments, seed=12)


@pytest.fixture
def rifle(shipped: LoadResult) -> Battle:
    return _battle(
        shipped,
        "......",
        [
            Deployment("layzner", "player", pilot="eiji", pos=(0, 0), uid="layzner"),
            Deployment("braver", "enemy", pilot="grados_soldier", pos=(3, 0), uid="braver"),
        ],
    )


def test_the_shipped_pilots_are_those_of_the_example(shipped: LoadResult) -> None:
    d = shipped.definitions
    grunt = d.pilots["grados_soldier"].stats
    assert (grunt.evade, grunt.defense, grunt.skill) == (120, 110, 120)
    assert d.pilots["grados_soldier"].ranks.land == "B"
    gale = d.pilots["gale"]
    assert (gale.stats.evade, gale.stats.defense, gale.start_will, gale.ranks.land) == (160, 145, 110, "A")


def test_layzered_rifle_against_a_braver(rifle: Battle) -> None:
    f = rifle.forecast("layzner", "layzered_rifle", "braver")
    assert (f.attack.hit, f.attack.damage, f.attack.crit_damage, f.attack.crit) == (82, 2340, 2925, 40)
    assert rifle.forecast("layzner", "layzered_rifle", "braver", "evade").attack.hit == 41
    assert rifle.forecast("layzner", "layzered_rifle", "braver", "defend").attack.damage == 1170
    rifle.do(CastSpirit("layzner", "focus"))
    assert rifle.forecast("layzner", "layzered_rifle", "braver").attack.hit == 100


def test_braver_on_a_20_percent_defence_tile(shipped: LoadResult) -> None:
    b = _battle(
        shipped,
        "...B",
        [
            Deployment("layzner", "player", pilot="eiji", pos=(0, 0), uid="layzner"),
            Deployment("braver", "enemy", pilot="grados_soldier", pos=(3, 0), uid="braver"),
        ],
    )
    assert shipped.definitions.terrains["base"].defense == 20
    assert b.forecast("layzner", "layzered_rifle", "braver").attack.damage == 1872


def test_v_max_against_gales_greimkaiser(shipped: LoadResult) -> None:
    b = _battle(
        shipped,
        "......",
        [
            Deployment("layzner", "player", pilot="eiji", pos=(0, 0), uid="layzner", will=130),
            Deployment("greimkaiser", "enemy", pilot="gale", pos=(1, 0), uid="gale"),
        ],
    )
    assert b.unit("gale").will == 110
    f = b.forecast("layzner", "v_max", "gale")
    assert (f.attack.hit, f.attack.damage) == (52, 3790)
    b.do(CastSpirit("layzner", "valor"))
    assert b.forecast("layzner", "v_max", "gale").attack.damage == 7580


def test_v_max_when_gale_has_guard(shipped: LoadResult) -> None:
    b = _battle(
        shipped,
        "......",
        [
            Deployment("layzner", "player", pilot="eiji", pos=(0, 0), uid="layzner", will=130),
            Deployment("greimkaiser", "enemy", pilot="gale", pos=(1, 0), uid="gale"),
        ],
    )
    b.do(EndPhase())
    b.do(CastSpirit("gale", "guard"))
    assert b.unit("gale").will == 110 and b.unit("layzner").will == 130
    assert b.forecast("layzner", "v_max", "gale").attack.damage == 947
