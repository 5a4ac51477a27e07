"""Hard plays sharper (support pairs, readier spirits, focus fire) and, SRW-style, faces
the player with stronger foes: `scale_enemies` raises their levels and upgrades."""

from __future__ import annotations

from dataclasses import replace

from game.ai.behaviour import Behaviour
from game.ai.difficulty import DIFFICULTIES, difficulty, scale_enemies
from game.ai.planner import Planner
from game.ai.search import UnitSearch
from game.core.script import Deployment, Spawn
from game.core.stats import max_hp, weapon_power
from game.sim import BatchSpec, Simulator
from tests.ai.roster import GRUNT, SkillRef, battle, definitions, dep


def _scenario(level: str):  # type: ignore[no-untyped-def]
    return Simulator.load(BatchSpec("blue_comet_falls", difficulty=level, max_turns=1)).scenario


def _spawned(scenario) -> list[Deployment]:  # type: ignore[no-untyped-def]
    return [d for t in scenario.context.script.triggers for a in t.actions if isinstance(a, Spawn) for d in a.units]


def test_hard_raises_every_foe_of_the_player_reinforcements_included() -> None:
    normal, hard = _scenario("normal"), _scenario("hard")
    level = difficulty("hard")
    ctx = normal.context
    pairs = list(zip(normal.deployments, hard.deployments, strict=True))
    pairs += list(zip(_spawned(normal), _spawned(hard), strict=True))
    raised = 0
    for before, after in pairs:
        if not ctx.hostile(ctx.player_side, before.side):
            assert after == before  # the player's team and its friends as written
            continue
        raised += 1
        if before.pilot is not None:
            base = before.level if before.level is not None else ctx.defs.pilots[before.pilot].level
            assert after.level == base + level.enemy_levels
        assert all(
            after.upgrades[k] == min(10, before.upgrades.get(k, 0) + level.enemy_upgrades) for k in after.upgrades
        )
    assert raised >= 5  # three Bravers at the start, Gale and his wingmen later
    # In the battle: raised units come in at full HP of their new maximum.
    state, _ = hard.start(1)
    plain, _ = normal.start(1)
    for uid, u in state.units.items():
        v = plain.units[uid]
        if ctx.hostile(ctx.player_side, u.side):
            assert max_hp(state.ctx, u) > max_hp(plain.ctx, v) and u.hp == max_hp(state.ctx, u)
            w = state.ctx.defs.units[u.unit_id].weapons[0]
            assert weapon_power(state.ctx, u, w) > weapon_power(plain.ctx, v, w)
        else:
            assert u.hp == v.hp and u.level == v.level


def test_easy_and_normal_leave_the_scenario_as_it_is() -> None:
    scenario = _scenario("normal")
    for level in ("easy", "normal"):
        assert scale_enemies(scenario, DIFFICULTIES[level]) is scenario


def test_the_simulator_on_hard_plays_against_raised_foes() -> None:
    runs = {}
    for level in ("normal", "hard"):
        sim = Simulator.load(BatchSpec("blue_comet_falls", difficulty=level, max_turns=1))
        runs[level] = sim.run(5)
    assert runs["normal"].digest != runs["hard"].digest


def test_hard_values_ending_next_to_a_friend_who_can_support() -> None:
    guard = replace(GRUNT, id="wingman", skills=(SkillRef("support_defend", 2),))
    defs = definitions(pilots=[guard])
    state = battle(
        [
            dep("braver", "enemy", (5, 5), "me"),
            dep("braver", "enemy", (5, 3), "mate", pilot="wingman"),
            dep("layzner", "player", (12, 5), "layzner", pilot="eiji"),
        ],
        defs=defs,
    )
    next_to_mate, elsewhere = (5, 4), (4, 5)  # the same plain terrain, one step from `me`

    def base_gain(level: str) -> float:
        planner = Planner(difficulty(level))
        planner.bind(state)
        me = state.units["me"]
        search = UnitSearch.start(planner, state, me, Behaviour())
        return search.values.base(next_to_mate) - search.values.base(elsewhere)

    assert base_gain("hard") > base_gain("normal") + 0.01
