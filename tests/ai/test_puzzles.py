"""Tactical puzzles with one right answer."""

from __future__ import annotations

from game.ai import GreedyController, SRWController
from game.core import Attack, Move, apply, forecast
from game.core.combat import weapon_range
from game.core.grid import distance
from game.core.modifiers import collect
from game.core.stats import max_hp, unit_def
from tests.ai.roster import battle, dep

ENEMY_FIRST = ("enemy", "player")


def run_unit(state, controller, uid):  # type: ignore[no-untyped-def]
    """Apply the controller's commands until unit `uid` has finished; return them."""
    cmds = []
    for _ in range(8):
        u = state.unit(uid)
        if not u.active or (u.moved and u.acted):
            break
        cmd = controller.next_command(state)
        cmds.append(cmd)
        state, _ = apply(state, cmd)
    return state, cmds


def test_finishes_the_wounded_unit_rather_than_scratching_a_healthy_one() -> None:
    state = battle(
        [
            dep("braver", "enemy", (6, 5), "hunter"),
            dep("braver", "player", (9, 5), "healthy"),
            dep("braver", "player", (6, 8), "wounded", hp_pct=12),
        ],
        sides=ENEMY_FIRST,
    )
    _, cmds = run_unit(state, SRWController(), "hunter")
    attacks = [c for c in cmds if isinstance(c, Attack)]
    assert attacks and attacks[0].target == "wounded"


def test_a_weak_unit_does_not_walk_into_a_boss_range() -> None:
    state = battle(
        [
            dep("braver", "enemy", (3, 5), "grunt", hp_pct=40),
            dep("greimkaiser", "player", (20, 5), "boss", pilot="gale"),
        ],
        grid=(24, 11),
        sides=ENEMY_FIRST,
    )
    boss = state.unit("boss")
    boss_reach = unit_def(state.ctx, boss).move + max(
        weapon_range(w, collect(state.ctx, boss, "attack", w))[1] for w in unit_def(state.ctx, boss).weapons
    )
    after, _ = run_unit(state, SRWController(), "grunt")
    assert distance(after.unit("grunt").pos, boss.pos) > boss_reach
    # The puzzle is real: a greedy unit walks straight into the boss's reach.
    greedy_after, _ = run_unit(state, GreedyController(), "grunt")
    assert distance(greedy_after.unit("grunt").pos, boss.pos) <= boss_reach


def test_defends_when_countering_would_get_it_destroyed() -> None:
    state = battle(
        [
            dep("layzner", "player", (5, 5), "layzner", pilot="eiji"),
            dep("gunstaid", "enemy", (6, 5), "gunstaid", hp_pct=25),
        ]
    )
    attack = Attack("layzner", "calf_missile", "gunstaid")
    hp = state.unit("gunstaid").hp
    countering = forecast(state, "layzner", "calf_missile", "gunstaid", "counter")
    defending = forecast(state, "layzner", "calf_missile", "gunstaid", "defend")
    assert countering.attack.damage >= hp > defending.attack.crit_damage  # defending saves it
    assert countering.attack.hit >= 50  # and evading would still leave it likely destroyed
    reacted = SRWController().react(state, attack)
    assert reacted.reaction == "defend"
    assert (reacted.unit, reacted.weapon, reacted.target) == (attack.unit, attack.weapon, attack.target)


def test_counters_when_the_trade_is_good() -> None:
    state = battle(
        [
            dep("braver", "player", (5, 5), "attacker"),
            dep("gunstaid", "enemy", (6, 5), "tank"),
        ]
    )
    reacted = SRWController().react(state, Attack("attacker", "knuckle", "tank"))
    assert reacted.reaction == "counter"
    assert reacted.counter_weapon in ("knuckle", "flamethrower")


def test_evades_a_long_shot_it_cannot_answer() -> None:
    # A rifle from 5 tiles away: the Braver cannot counter at that range with its knuckle,
    # and the Layzner is hard to hit anyway; evading halves an already low hit chance.
    state = battle(
        [
            dep("braver", "player", (1, 5), "sniper"),
            dep("layzner", "enemy", (6, 5), "layzner", pilot="eiji"),
        ]
    )
    fc = forecast(state, "sniper", "rifle", "layzner", "counter")
    assert fc.attack.hit < 40
    reacted = SRWController().react(state, Attack("sniper", "rifle", "layzner"))
    assert reacted.reaction in ("counter", "evade")
    if fc.counter is None:
        assert reacted.reaction == "evade"


def test_uses_a_post_move_weapon_after_moving() -> None:
    # The Dtol's cannon is its strongest weapon but cannot fire after moving.
    state = battle(
        [dep("dtol", "enemy", (0, 5), "dtol"), dep("braver", "player", (11, 5), "target")],
        grid=(14, 11),
        sides=ENEMY_FIRST,
    )
    _, cmds = run_unit(state, SRWController(), "dtol")
    assert isinstance(cmds[0], Move)
    attacks = [c for c in cmds if isinstance(c, Attack)]
    assert attacks, cmds
    weapon = unit_def(state.ctx, state.unit("dtol")).weapon(attacks[0].weapon)
    assert weapon.post_move and weapon.id != "cannon"


def test_fires_the_heavy_gun_from_where_it_stands() -> None:
    state = battle(
        [dep("dtol", "enemy", (2, 5), "dtol"), dep("braver", "player", (8, 5), "target")],
        grid=(14, 11),
        sides=ENEMY_FIRST,
    )
    cmd = SRWController().next_command(state)
    assert cmd == Attack("dtol", "cannon", "target")


def test_uses_a_will_gated_weapon_only_when_allowed() -> None:
    def first_attack(will: int) -> Attack:
        state = battle(
            [
                dep("layzner", "player", (4, 5), "layzner", pilot="eiji", will=will, ai={"spirits": []}),
                dep("braver", "enemy", (6, 5), "braver"),
            ]
        )
        _, cmds = run_unit(state, SRWController(), "layzner")
        attacks = [c for c in cmds if isinstance(c, Attack)]
        assert attacks
        return attacks[0]

    assert first_attack(110).weapon != "v_max"  # V-MAX needs Will 120
    assert first_attack(125).weapon == "v_max"  # and it destroys the Braver outright


def test_moves_toward_its_target_by_path_not_straight_line() -> None:
    # A wall with a gap at the bottom: straight at the target is a dead end.
    rows = [
        "..........#.......",
        "..........#.......",
        "..........#.......",
        "..........#.......",
        "..........#.......",
        "..........#.......",
        "..................",
    ]
    state = battle(
        # The target is out of reach this phase (no shot over the wall either).
        [dep("braver", "enemy", (8, 0), "walker"), dep("braver", "player", (17, 0), "target")],
        grid=rows,
        sides=ENEMY_FIRST,
    )
    after, _ = run_unit(state, SRWController(), "walker")
    x, y = after.unit("walker").pos
    assert y >= 4  # it heads for the gap, not along the wall's top
    # The path to the target is now shorter than it was.
    before_path = 6 + 9 + 6  # down to the gap, through, up to the target
    assert (6 - y) + abs(17 - x) + (6 - 0) < before_path


def test_repairs_a_hurt_friend_when_nothing_is_in_reach() -> None:
    state = battle(
        [
            dep("doll", "enemy", (1, 1), "medic", pilot="rookie"),
            dep("braver", "enemy", (3, 1), "hurt", hp_pct=30),
            dep("braver", "player", (40, 9), "far"),
        ],
        grid=(42, 10),
        sides=ENEMY_FIRST,
    )
    controller = SRWController()
    cmds = []
    for _ in range(6):
        cmd = controller.next_command(state)
        cmds.append(cmd)
        state, _ = apply(state, cmd)
        if state.unit("medic").acted:
            break
    assert any(getattr(c, "kind", "") == "repair" and c.target == "hurt" for c in cmds), cmds
    assert state.unit("hurt").hp > max_hp(state.ctx, state.unit("hurt")) * 30 // 100
