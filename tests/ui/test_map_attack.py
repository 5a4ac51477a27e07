"""MAP weapons: aim a direction on the map and fire, through the real scenes."""

from __future__ import annotations

from pathlib import Path

from game.core import Deployment
from game.core.defs import MapArea, UnitDef, WeaponDef
from game.core.headless import make_context, make_definitions
from game.ui.input.actions import Action
from game.ui.model.catalog import CodeCatalog, LoadedScenario, ScenarioInfo
from game.ui.scenes.battle.aim import AimMode
from tests.ui.driver import Driver
from tests.ui.player import battle, click_tile, pick, wait_for_input
from tests.ui.training import PILOTS, SPIRITS, TERRAINS, UNITS

INFO = ScenarioInfo("map_test", "MAP test", "", ("Win.",))
CANNON = WeaponDef(
    "map_cannon", "MAP Cannon", 2000, 1, 3, hit=20, en_cost=30, map_area=MapArea("line", ((0, -1), (0, -2), (0, -3)))
)
GUNNER = UnitDef("gunner", "Gunner", hp=3000, en=100, mobility=80, armor=800, move=4, weapons=(CANNON,))


def scenario() -> LoadedScenario:
    defs = make_definitions(units=(*UNITS, GUNNER), pilots=PILOTS, spirits=SPIRITS, terrains=TERRAINS)
    ctx = make_context(defs, (8, 8), scenario_id=INFO.id)
    deployments = (
        Deployment("gunner", "player", pilot="eiji", pos=(3, 6), uid="gunner"),
        Deployment("braver", "enemy", pilot="grados_soldier", pos=(3, 4), uid="braver_1"),
        Deployment("braver", "enemy", pilot="grados_soldier", pos=(7, 0), uid="braver_2"),
    )
    return LoadedScenario(INFO, ctx, deployments, seed=3)


def test_map_weapon_is_aimed_and_fired(config_dir: Path) -> None:
    d = Driver(config_dir)
    d.services.catalog = CodeCatalog({INFO.id: scenario}, {INFO.id: INFO}, [INFO.id])
    d.services.settings.animation = "map"
    d.app.apply(d.services.nav.briefing(INFO.id))
    d.press(Action.CONFIRM)
    wait_for_input(d)
    b = battle(d)
    click_tile(d, (3, 6))
    click_tile(d, (3, 6))
    pick(d, "map_attack")
    pick(d, "map_cannon")
    assert isinstance(b.mode, AimMode)
    d.press(Action.RIGHT)
    assert b.mode.tiles() == {(4, 6), (5, 6), (6, 6)}
    d.press(Action.CONFIRM)  # nobody there: refused with the engine's reason
    assert isinstance(b.mode, AimMode) and any("hit nobody" in n.text for n in d.services.notices)
    d.press(Action.UP)
    assert (3, 4) in b.mode.tiles()
    d.press(Action.CONFIRM)
    d.until(lambda: b.state.unit("gunner").acted or b.state.outcome is not None, 30)
    assert b.state.unit("braver_1").hp < 2600
    assert b.state.unit("gunner").en == 100 - 30
