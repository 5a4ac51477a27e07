"""Behaviours set per unit in scenario data (`UnitState.ai`)."""

from __future__ import annotations

import pytest

from game.ai import BehaviourError, SRWController, make_controller, parse_behaviour
from game.ai.behaviour import KEYS
from game.core import Attack, EndPhase, Move, Script, apply
from game.core.grid import distance
from game.sim import play_out
from tests.ai.roster import battle, dep

ENEMY_FIRST = ("enemy", "player")


def enemy_phase(state, controller=None):  # type: ignore[no-untyped-def]
    """Play the enemy phase out; return the state after it and its commands."""
    controller = controller or SRWController()
    cmds = []
    while state.side == "enemy" and state.outcome is None:
        cmd = controller.next_command(state)
        if isinstance(cmd, Attack):
            cmd = SRWController().react(state, cmd)
        cmds.append(cmd)
        state, _ = apply(state, cmd)
    return state, cmds


def moved(cmds, uid: str) -> bool:  # type: ignore[no-untyped-def]
    return any(isinstance(c, Move) and c.unit == uid for c in cmds)


def test_stationary_never_moves_over_a_whole_battle() -> None:
    state = battle(
        [
            dep("dtol", "enemy", (7, 5), "turret", ai={"behaviour": "stationary"}),
            dep("braver", "enemy", (12, 2), "grunt"),
            dep("braver", "player", (2, 5), "p1"),
            dep("dtol", "player", (2, 7), "p2"),
        ]
    )
    result = play_out(state, {"player": make_controller("srw"), "enemy": make_controller("srw")}, max_turns=10)
    assert not moved(result.commands, "turret")
    assert result.state.unit("turret").pos == (7, 5)
    # It still fights from where it stands.
    assert any(isinstance(c, Attack) and c.unit == "turret" for c in result.commands)


def test_defensive_holds_until_an_enemy_comes_within_trigger_range() -> None:
    deps = [dep("braver", "enemy", (12, 5), "sentry", ai={"behaviour": "defensive", "trigger_range": 4})]
    far = battle([*deps, dep("braver", "player", (1, 5), "p1")], grid=(16, 11), sides=ENEMY_FIRST)
    _, cmds = enemy_phase(far)
    assert not moved(cmds, "sentry")
    near = battle([*deps, dep("braver", "player", (8, 5), "p1")], grid=(16, 11), sides=ENEMY_FIRST)
    _, cmds = enemy_phase(near)
    assert moved(cmds, "sentry") or any(isinstance(c, Attack) and c.unit == "sentry" for c in cmds)


def test_defensive_wakes_when_hurt() -> None:
    state = battle(
        [
            dep("braver", "enemy", (12, 5), "sentry", ai={"behaviour": "defensive", "trigger_range": 2}, hp_pct=80),
            dep("braver", "player", (3, 5), "p1"),
        ],
        grid=(16, 11),
        sides=ENEMY_FIRST,
    )
    _, cmds = enemy_phase(state)
    assert moved(cmds, "sentry")


def test_boss_holds_until_its_turn() -> None:
    def boss_moves(turn_start: int) -> bool:
        state = battle(
            [
                dep(
                    "greimkaiser",
                    "enemy",
                    (12, 5),
                    "gale",
                    pilot="gale",
                    ai={"behaviour": "boss", "hold_until_turn": 3},
                ),
                dep("braver", "player", (1, 5), "p1"),
            ],
            grid=(16, 11),
        )
        # Skip to the enemy phase of the wanted turn without the player doing anything.
        while not (state.turn == turn_start and state.side == "enemy"):
            state, _ = apply(state, EndPhase())
        _, cmds = enemy_phase(state)
        return moved(cmds, "gale")

    assert not boss_moves(1)
    assert not boss_moves(2)
    assert boss_moves(3)


def test_boss_stops_holding_when_hurt_enough() -> None:
    def boss_moves(hp: int) -> bool:
        state = battle(
            [
                dep(
                    "greimkaiser",
                    "enemy",
                    (12, 5),
                    "gale",
                    pilot="gale",
                    hp_pct=hp,
                    ai={"behaviour": "boss", "hold_until_turn": 9, "hold_until_hp_pct": 70},
                ),
                dep("braver", "player", (1, 5), "p1"),
            ],
            grid=(16, 11),
            sides=ENEMY_FIRST,
        )
        _, cmds = enemy_phase(state)
        return moved(cmds, "gale")

    assert not boss_moves(90)
    assert boss_moves(60)


def test_retreats_away_from_enemies_at_low_hp() -> None:
    def after(hp: int) -> int:
        state = battle(
            [
                dep("braver", "enemy", (8, 5), "runner", hp_pct=hp, ai={"retreat_hp_pct": 40}),
                dep("braver", "player", (4, 5), "p1"),
                dep("braver", "player", (4, 3), "p2"),
            ],
            grid=(20, 11),
            sides=ENEMY_FIRST,
        )
        end, _ = enemy_phase(state)
        u = end.unit("runner")
        return min(distance(u.pos, end.unit(p).pos) for p in ("p1", "p2"))

    assert after(30) > 4 + 3  # fled further than it stood
    assert after(100) <= 5  # healthy, it closes in to fight


def test_retreats_to_its_region() -> None:
    haven = frozenset({(0, 0), (1, 0), (0, 1)})
    state = battle(
        [
            dep("braver", "enemy", (8, 8), "runner", hp_pct=20, ai={"retreat_hp_pct": 40, "retreat_to": "haven"}),
            dep("braver", "player", (14, 8), "p1"),
        ],
        grid=(16, 11),
        sides=ENEMY_FIRST,
        script=Script(regions={"haven": haven}),
    )
    end, _ = enemy_phase(state)
    before = min(distance((8, 8), h) for h in haven)
    assert min(distance(end.unit("runner").pos, h) for h in haven) <= before - 5


def test_guard_stays_near_its_region() -> None:
    post = frozenset({(10, 5)})
    state = battle(
        [
            dep("braver", "enemy", (10, 5), "guard", ai={"behaviour": "guard", "guard": "post", "guard_radius": 2}),
            dep("braver", "player", (1, 5), "p1"),
        ],
        grid=(16, 11),
        script=Script(regions={"post": post}),
    )
    result = play_out(state, {"player": make_controller("srw"), "enemy": make_controller("srw")}, max_turns=4)
    positions = [c.to for c in result.commands if isinstance(c, Move) and c.unit == "guard"]
    assert all(distance(p, (10, 5)) <= 2 for p in positions)


def test_guard_walks_back_to_a_unit_it_guards() -> None:
    state = battle(
        [
            dep("mars_base", "enemy", (3, 5), "hq", pilot=None),
            dep("braver", "enemy", (12, 5), "escort", ai={"behaviour": "guard", "guard": "hq", "guard_radius": 2}),
            dep("braver", "player", (14, 10), "p1"),
        ],
        grid=(16, 11),
        sides=ENEMY_FIRST,
    )
    end, _ = enemy_phase(state)
    assert distance(end.unit("escort").pos, (3, 5)) < distance((12, 5), (3, 5))


def test_target_priority_picks_the_named_target() -> None:
    def target(priority: list[str] | None) -> str:
        state = battle(
            [
                dep("braver", "enemy", (6, 5), "raider", ai={"target_priority": priority} if priority else None),
                dep("mars_base", "player", (6, 8), "base", pilot=None),
                dep("braver", "player", (9, 5), "guard", hp_pct=40),
            ],
            sides=ENEMY_FIRST,
        )
        _, cmds = enemy_phase(state)
        attacks = [c for c in cmds if isinstance(c, Attack) and c.unit == "raider"]
        assert attacks
        return attacks[0].target

    assert target(None) == "guard"  # left alone it finishes the weakened Braver
    assert target(["mars_base"]) == "base"  # told to, it goes for the base


def test_protects_units_named_in_its_defeat_conditions() -> None:
    from game.ai.objectives import aims_for
    from game.core.script import AllDefeated, AnyDestroyed, InRegion, Not, Objective, Objectives, Select

    objectives = Objectives(
        victory=(Objective("Rout them", AllDefeated(Select(side="enemy"))),),
        defeat=(Objective("Base lost", AnyDestroyed(Select(uid="base"))),),
        bonus=(Objective("Keep Eiji healthy", Not(AnyDestroyed(Select(uid="layzner")))),),
    )
    region = frozenset({(0, 0)})
    script = Script(
        regions={"gate": region},
        objectives={
            "main": objectives,
            "escape": Objectives(victory=(Objective("Out", InRegion(Select(uid="layzner"), "gate")),)),
        },
    )
    state = battle([dep("braver", "player", (1, 1), "layzner"), dep("braver", "enemy", (5, 5), "e")], script=script)
    ctx = state.ctx
    player = aims_for(ctx, "main", "player")
    enemy = aims_for(ctx, "main", "enemy")
    assert player.protect[0].uid == "base" and player.protect[1].uid == "layzner"
    assert enemy.targets[0].uid == "base"
    assert player.targets == () and enemy.protect == ()  # "all enemies" names nobody in particular
    assert aims_for(ctx, "escape", "player").goal_tiles(state.unit("layzner")) == region
    assert aims_for(ctx, "escape", "enemy").deny == (region,)


def test_parse_behaviour_reads_every_key() -> None:
    b = parse_behaviour(
        {
            "behaviour": "boss",
            "hold_until_turn": 3,
            "hold_until_hp_pct": 60,
            "retreat_hp_pct": 30,
            "retreat_to": "exit",
            "target_priority": ["mars_base", "layzner"],
            "spirits": ["alert", "focus"],
            "trigger_range": 5,
        }
    )
    assert (b.kind, b.hold_until_turn, b.hold_until_hp_pct, b.retreat_hp_pct, b.retreat_to) == (
        "boss",
        3,
        60,
        30,
        "exit",
    )
    assert b.target_priority == ("mars_base", "layzner") and b.spirits == ("alert", "focus")
    assert parse_behaviour(None).kind == "aggressive"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"behaviour": "berserk"}, "ai.behaviour must be one of"),
        ({"trigger_rnage": 3}, "unknown ai key 'trigger_rnage'"),
        ({"retreat_hp_pct": 140}, "ai.retreat_hp_pct must be 0..100"),
        ({"hold_until_turn": "soon"}, "ai.hold_until_turn must be a whole number"),
        ({"behaviour": "guard"}, "needs ai.guard"),
        ({"target_priority": [3]}, "ai.target_priority must be a non-empty text id"),
        ({"spirits": 7}, "ai.spirits must be a list of ids"),
    ],
)
def test_bad_ai_data_names_the_unit_and_the_key(data: dict, message: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(BehaviourError, match="zakaal_1") as err:
        parse_behaviour(data, "zakaal_1")
    assert message in str(err.value)


def test_a_bad_ai_block_is_reported_and_the_unit_plays_on() -> None:
    from game.ai.behaviour import validate_ai

    state = battle(
        [
            dep("braver", "enemy", (8, 5), "lost", ai={"retreat_hp_pct": 50, "retreat_to": "nowhere"}),
            dep("braver", "enemy", (9, 7), "typo", ai={"behavior": "stationary"}),
            dep("braver", "player", (2, 5), "p1"),
        ],
        sides=ENEMY_FIRST,
    )
    problems = validate_ai(state)
    assert problems == [
        "lost: ai.retreat_to names unknown region 'nowhere'",
        "typo: unknown ai key 'behavior'; known keys: " + ", ".join(KEYS),
    ]
    controller = SRWController()
    _, cmds = enemy_phase(state, controller)
    assert moved(cmds, "lost") and moved(cmds, "typo")  # default (aggressive) behaviour
    assert sorted(controller.problems) == sorted(problems)
    result = play_out(state, {"player": make_controller("srw"), "enemy": make_controller("srw")}, max_turns=1)
    assert result.problems == problems


def test_heads_for_the_region_its_objectives_want_reached() -> None:
    from game.core.script import InRegion, Objective, Objectives, Select

    exit_tiles = frozenset({(0, 9), (1, 9)})
    script = Script(
        regions={"exit": exit_tiles},
        objectives={"main": Objectives(victory=(Objective("Escape", InRegion(Select(uid="runner"), "exit")),))},
    )
    state = battle(
        [dep("braver", "player", (6, 2), "runner"), dep("braver", "enemy", (13, 2), "e")], script=script, grid=(14, 10)
    )
    after, _ = apply(state, SRWController().next_command(state))
    assert min(distance(after.unit("runner").pos, t) for t in exit_tiles) < min(distance((6, 2), t) for t in exit_tiles)


def test_goes_for_the_attacker_that_threatens_what_it_must_protect() -> None:
    from game.core.script import AnyDestroyed, Objective, Objectives, Select

    # The player wins if Gale falls, so the enemy AI protects Gale: of two equal targets it
    # hits the one that can reach Gale next phase. Without that objective it has no reason
    # to prefer either (seeds decide the tie).
    def guard_targets(objective: bool) -> set[str]:
        out = set()
        for seed in range(6):
            script = Script(
                objectives={"main": Objectives(victory=(Objective("Down Gale", AnyDestroyed(Select(uid="gale"))),))}
            )
            state = battle(
                [
                    dep("greimkaiser", "enemy", (1, 5), "gale", pilot="gale", ai={"behaviour": "stationary"}),
                    dep("braver", "enemy", (12, 5), "guard"),
                    dep("braver", "player", (8, 5), "toward_gale"),
                    dep("braver", "player", (16, 5), "away"),
                ],
                grid=(26, 11),
                sides=ENEMY_FIRST,
                script=script if objective else None,
                seed=seed,
            )
            _, cmds = enemy_phase(state)
            out |= {c.target for c in cmds if isinstance(c, Attack) and c.unit == "guard"}
        return out

    assert guard_targets(objective=True) == {"toward_gale"}
    assert guard_targets(objective=False) == {"toward_gale", "away"}
