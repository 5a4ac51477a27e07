"""Parts, consumables and training in battle, through the rules engine with the shipped
data: each shipped part is placed on a unit, its effects reach the modifiers, the
A-Adapter lifts the Layzner's sea rank, consumables are UseItem commands from the menu,
and trained stats and skills reach the pilot. Setups round-trip through JSON."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from game.core import IllegalCommand, UseItem, apply, legal_commands
from game.core.defs import frozen_map
from game.core.items import carried_items
from game.core.modifiers import collect
from game.core.performance import performance
from game.core.state import BattleState
from game.core.stats import max_en, max_hp, pilot_stats
from game.data import LoadResult
from game.scenario import BattleSetup, Scenario, SetupError
from game.scenario.setup import PilotTraining


def start(load: Callable[[str], Scenario], setup: BattleSetup) -> BattleState:
    played = load("blue_comet_falls").with_setup(BattleSetup.from_json(setup.to_json()))
    state, _ = played.start(1)
    return state


def test_every_shipped_part_reaches_the_unit_and_its_modifiers(
    load: Callable[[str], Scenario], game_data: LoadResult
) -> None:
    parts = game_data.definitions.parts
    assert len([p for p in game_data.entries["parts"].values() if p.kind in ("part", "consumable")]) >= 15
    bare = start(load, BattleSetup()).unit("layzner")
    for pid, part in parts.items():
        u = start(load, BattleSetup(parts=frozen_map({"layzner": (pid,)}))).unit("layzner")
        if part.consumable:
            assert carried_items(u) == {pid: 1}
            continue
        assert [(e.kind, e.id) for e in u.effects] == [("part", pid)]
        for m in part.effects:
            if m.when.environments:
                continue
            mods = collect(start(load, BattleSetup()).ctx, u)
            if m.key in ("move", "mobility", "armor", "hit", "crit", "range", "start_will", "en_regen_pct"):
                assert getattr(mods, m.key) > getattr(collect(start(load, BattleSetup()).ctx, bare), m.key), pid


def test_a_adapter_lifts_the_layzner_at_sea_but_not_on_land(
    load: Callable[[str], Scenario], game_data: LoadResult
) -> None:
    assert str(game_data.definitions.units["layzner"].ranks).split("/")[2] == "C"
    plain = start(load, BattleSetup())
    adapted = start(load, BattleSetup(parts=frozen_map({"layzner": ("a_adapter",)})))
    marine = start(load, BattleSetup(parts=frozen_map({"layzner": ("marine_kit",)})))
    ctx = plain.ctx
    assert performance(ctx, adapted.unit("layzner"), "sea") > performance(ctx, plain.unit("layzner"), "sea")
    assert performance(ctx, marine.unit("layzner"), "sea") > performance(ctx, adapted.unit("layzner"), "sea")
    assert performance(ctx, marine.unit("layzner"), "land") == performance(ctx, plain.unit("layzner"), "land")


def test_repair_kit_is_a_map_menu_command_used_once(load: Callable[[str], Scenario]) -> None:
    state = start(load, BattleSetup(parts=frozen_map({"layzner": ("repair_kit", "propellant_tank")})))
    u = state.unit("layzner")
    assert not any(isinstance(c, UseItem) for c in legal_commands(state, "layzner")), "full HP: nothing to repair"
    with pytest.raises(IllegalCommand, match="no effect"):
        apply(state, UseItem("layzner", "repair_kit"))
    hurt = state.units["layzner"].copy()
    hurt.hp, hurt.en = 100, 5
    state = replace(state, units={**state.units, "layzner": hurt})
    legal = [c for c in legal_commands(state, "layzner") if isinstance(c, UseItem)]
    assert {c.item for c in legal} == {"repair_kit", "propellant_tank"}
    after, events = apply(state, UseItem("layzner", "repair_kit"))
    healed = after.unit("layzner")
    assert healed.hp == max_hp(state.ctx, u) and healed.en == 5 and not healed.acted
    assert [e.kind for e in events][:2] == ["item_used", "unit_healed"]
    assert carried_items(healed) == {"propellant_tank": 1}
    with pytest.raises(IllegalCommand, match="carries no"):
        apply(after, UseItem("layzner", "repair_kit"))
    tanked, _ = apply(after, UseItem("layzner", "propellant_tank"))
    assert tanked.unit("layzner").en == max_en(state.ctx, u)
    assert state.unit("layzner").hp == 100, "apply is pure"


def test_training_adds_stats_and_skills_to_the_pilot(load: Callable[[str], Scenario]) -> None:
    plain = start(load, BattleSetup())
    training = PilotTraining(frozen_map({"hit": 6, "sp": 10}), frozen_map({"prevail": 5, "guard": 1}))
    trained = start(load, BattleSetup(training=frozen_map({"eiji": training})))
    before = pilot_stats(plain.ctx, plain.unit("layzner"))
    after = pilot_stats(trained.ctx, trained.unit("layzner"))
    assert after.hit == before.hit + 6 and after.sp == before.sp + 10 and after.melee == before.melee
    skills = {r.id: r.level for r in trained.ctx.defs.pilots["eiji"].skills}
    assert skills["prevail"] == 5 and skills["guard"] == 1 and skills["support_attack"] == 1
    assert plain.ctx.defs.pilots["eiji"].skills != trained.ctx.defs.pilots["eiji"].skills


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"parts": {"layzner": "booster"}}, "lists of part ids"),
        ({"training": {"eiji": {"stats": {"luck": 2}}}}, "unknown stat 'luck'"),
        ({"training": {"eiji": {"skills": {"guard": 0}}}}, "level must be"),
    ],
)
def test_bad_setups_are_refused_with_the_reason(data: dict[str, object], message: str) -> None:
    with pytest.raises(SetupError, match=message):
        BattleSetup.from_json(data)


def test_an_unknown_part_is_a_setup_error(load: Callable[[str], Scenario]) -> None:
    with pytest.raises(SetupError, match="unknown part 'warp_drive'"):
        load("blue_comet_falls").with_setup(BattleSetup(parts=frozen_map({"layzner": ("warp_drive",)})))
