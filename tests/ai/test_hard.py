"""Hard plays sharper (support pairs, readier spirits, focus fire) and, SRW-style, faces
the player with stronger foes: `scale_enemies` raises their levels and upgrades."""

from __future__ import annotations

from dataclasses import replace

from game.ai.behaviour import Behaviour
from game.ai.difficulty import DIFFICULTIES, difficulty, scale_enemies
from game.ai.planner import Planner
from game.ai.search import UnitSearch
from game.core.stats import max_en, max_hp, weapon_power
from game.sim import BatchSpec, Simulator
from tests.ai.roster import GRUNT, SkillRef, battle, definitions, dep


def test_hard_raises_every_foe_of_the_player_and_nobody_else() -> None:
    state = battle(
        [
            dep("layzner", "player", (2, 5), "layzner", pilot="eiji"),
            dep("braver", "enemy", (9, 5), "b", hp_pct=50),
            dep("dtol", "enemy", (9, 7), "d"),
        ]
    )
    before = state.digest()
    hard = difficulty("hard")
    scaled = scale_enemies(state, hard)
    assert state.digest() == before  # the given state is untouched
    ctx = state.ctx
    for uid in ("b", "d"):
        old, new = state.units[uid], scaled.units[uid]
        assert new.level == old.level + hard.enemy_levels
        assert all(new.upgrades[k] == old.upgrades.get(k, 0) + hard.enemy_upgrades for k in new.upgrades)
        assert max_hp(ctx, new) > max_hp(ctx, old) and max_en(ctx, new) > max_en(ctx, old)
        w = ctx.defs.units[new.unit_id].weapons[0]
        assert weapon_power(ctx, new, w) > weapon_power(ctx, old, w)
        # The same share of HP as before: a unit deployed at half HP stays at half.
        assert abs(new.hp / max_hp(ctx, new) - old.hp / max_hp(ctx, old)) < 0.01
    assert scaled.units["layzner"] is state.units["layzner"]


def test_easy_and_normal_leave_the_units_as_they_are() -> None:
    state = battle([dep("layzner", "player", (2, 5), "layzner", pilot="eiji"), dep("braver", "enemy", (9, 5), "b")])
    for level in ("easy", "normal"):
        assert scale_enemies(state, DIFFICULTIES[level]) is state


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
