"""The shipped data driving the engine: V-MAX, Overheat, Red Power, Mercy captures, devices."""

from __future__ import annotations

from game.core import Attack, CastSpirit, Deployment, EndPhase, Repair
from game.core.events import StatusApplied, UnitCaptured
from game.core.headless import Battle, make_context
from game.data import LoadResult


def battle(data: LoadResult, deployments: list[Deployment], width: int = 8) -> Battle:
    return Battle.start(make_context(data.definitions, (width, 3)), deployments, seed=3)


def test_v_max_overheats_its_user(shipped: LoadResult) -> None:
    b = battle(
        shipped,
        [
            Deployment("layzner", "player", pilot="eiji", pos=(0, 1), uid="eiji", will=130),
            Deployment("greimkaiser", "enemy", pilot="gale", pos=(2, 1), uid="gale"),
        ],
    )
    calm = b.forecast("gale", "layzered_rifle", "eiji")
    b.do(Attack("eiji", "v_max", "gale", reaction="defend"))
    assert any(isinstance(e, StatusApplied) and e.status == "overheat" for e in b.events)
    assert b.unit("eiji").has_effect("overheat")
    b.do(EndPhase())
    # Overheated until its next phase: no counter, and Mobility -30 makes it easier to hit.
    hot = b.forecast("gale", "layzered_rifle", "eiji")
    assert calm.counter is not None and hot.counter is None
    assert hot.attack.hit > calm.attack.hit


def test_v_max_ready_stops_beams_at_will_130(shipped: LoadResult) -> None:
    low = battle(
        shipped,
        [
            Deployment("layzner", "player", pilot="eiji", pos=(0, 1), uid="eiji", will=129),
            Deployment("zakarl", "enemy", pilot="le_cain", pos=(3, 1), uid="le_cain"),
        ],
    )
    high = battle(
        shipped,
        [
            Deployment("layzner", "player", pilot="eiji", pos=(0, 1), uid="eiji", will=130),
            Deployment("zakarl", "enemy", pilot="le_cain", pos=(3, 1), uid="le_cain"),
        ],
    )
    weak = low.forecast("le_cain", "layzered_rifle", "eiji").attack
    strong = high.forecast("le_cain", "layzered_rifle", "eiji").attack
    assert weak.barrier == 0 and strong.barrier == 1000
    assert strong.damage == max(10, strong.raw - 1000) and weak.damage == weak.raw
    assert strong.hit < weak.hit  # Mobility +20


def test_red_power_multiplies_only_v_max(shipped: LoadResult) -> None:
    def damage(unit: str, weapon: str) -> int:
        b = battle(
            shipped,
            [
                Deployment(unit, "enemy", pilot="le_cain", pos=(0, 1), uid="le_cain", will=130),
                Deployment("layzner", "player", pilot="eiji", pos=(1, 1), uid="eiji", will=100),
            ],
        )
        return b.forecast("le_cain", weapon, "eiji").attack.raw

    plain, red = damage("zakarl", "v_max_red_power"), damage("zakarl_red_power", "v_max_red_power")
    assert red > plain and abs(red - plain * 1.15) <= 1.15  # both floored once from the same exact value
    assert damage("zakarl_red_power", "horn_on_arm") == damage("zakarl", "horn_on_arm")


def test_mercy_captures_a_grunt(shipped: LoadResult) -> None:
    b = battle(
        shipped,
        [
            Deployment("layzner", "player", pilot="eiji", pos=(0, 1), uid="eiji", will=130),
            Deployment("braver", "enemy", pilot="grados_soldier", pos=(1, 1), uid="braver", hp_pct=10),
        ],
    )
    b.do(CastSpirit("eiji", "mercy"))
    b.do(CastSpirit("eiji", "strike"))
    b.do(Attack("eiji", "v_max", "braver", reaction="defend"))
    assert b.unit("braver").status == "captured"
    assert any(isinstance(e, UnitCaptured) for e in b.events)


def test_the_repair_doll_repairs(shipped: LoadResult) -> None:
    b = battle(
        shipped,
        [
            Deployment("doll_repair", "player", pilot="simone", pos=(0, 1), uid="simone"),
            Deployment("doll", "player", pilot="david", pos=(1, 1), uid="david", hp_pct=40),
        ],
    )
    before = b.unit("david").hp
    b.do(Repair("simone", "david"))
    assert b.unit("david").hp == before + 3300 // 2
