"""Hypothesis: random legal command sequences keep every invariant."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.core import Attack, BattleState, Deployment, apply, legal_commands
from game.core.defs import PilotDef, PilotStats, SkillDef, SkillRef
from game.core.effects import modifier
from game.core.engine import new_battle
from game.core.events import Event
from game.core.headless import make_context
from game.core.rng import Roll, StreamSet
from game.core.stats import has_will, max_en, max_hp, max_sp, will_limits
from tests.core.roster import definitions

MAP = [
    "..f...^^....",
    "..f..~~~....",
    "..##.~~~..f.",
    "............",
    "....B....ff.",
    "............",
]
DEPLOY = [
    Deployment("layzner", "player", pilot="eiji", pos=(0, 1), uid="layzner", will=125),
    Deployment("braver", "player", pilot="grunt", pos=(0, 3), uid="ally"),
    Deployment("braver", "enemy", pilot="grunt", pos=(10, 1), uid="b1"),
    Deployment("braver", "enemy", pilot="veteran", pos=(2, 1), uid="b2"),
    Deployment("greimkaiser", "enemy", pilot="gale", pos=(9, 3), uid="gale"),
    Deployment("mars_base", "player", pos=(4, 4), uid="base"),
]


# A pilot with the Counter skill, so that exchanges roll whether the counter comes first.
COUNTER = SkillDef("counter", "Counter", (modifier("counter_first", 40),), 1)
VETERAN = PilotDef(
    "veteran",
    "Veteran",
    PilotStats(melee=130, ranged=130, skill=130, defense=120, hit=140, evade=130, sp=0),
    level=12,
    personality="normal",
    skills=(SkillRef("counter", 1),),
)


def start(seed: int) -> BattleState:
    ctx = make_context(definitions(pilots=[VETERAN], skills=[COUNTER]), MAP)
    state, _ = new_battle(ctx, DEPLOY, seed)
    return state


def check_invariants(state: BattleState) -> None:
    ctx = state.ctx
    seen: set[tuple[int, int]] = set()
    for u in state.units.values():
        assert 0 <= u.hp <= max_hp(ctx, u)
        assert 0 <= u.en <= max_en(ctx, u)
        assert 0 <= u.sp <= max_sp(ctx, u)
        if has_will(ctx, u):
            lo, hi = will_limits(ctx, u)
            assert lo <= u.will <= hi
        assert all(v >= 0 for v in u.ammo.values())
        if u.status == "active":
            assert u.hp > 0
            assert u.pos not in seen, f"two units on {u.pos}"
            seen.add(u.pos)
            assert ctx.grid.in_bounds(u.pos)


def check_rolls_recorded(before: BattleState, after: BattleState, events: list[Event]) -> None:
    """Every roll `apply` drew is in one of its events: drawing the recorded rolls again, in
    order, from the streams before gives the same values and the streams after."""
    streams = StreamSet(before.rng)
    for event in events:
        for value in event.to_json().values():
            if isinstance(value, list) and value and isinstance(value[0], dict) and "purpose" in value[0]:
                for roll in map(Roll.from_json, value):
                    assert streams.roll(roll.stream, roll.bound, roll.purpose) == roll, event
    assert streams.snapshot() == after.rng


REACTIONS = ("counter", "defend", "evade")


def play(seed: int, choices: list[int]) -> tuple[BattleState, list]:  # type: ignore[type-arg]
    state = start(seed)
    log = []
    for choice in choices:
        legal = legal_commands(state)
        if not legal:
            break
        cmd = legal[choice % len(legal)]
        if isinstance(cmd, Attack):
            cmd = Attack(cmd.unit, cmd.weapon, cmd.target, REACTIONS[choice % 3])
        before = state.digest()
        new, events = apply(state, cmd)
        assert state.digest() == before  # apply never changes its input
        check_rolls_recorded(state, new, events)
        state = new
        log.append(cmd)
        check_invariants(state)
        assert BattleState.from_json(state.to_json(), state.ctx) == state
    return state, log


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32), choices=st.lists(st.integers(0, 10_000), max_size=60))
def test_random_legal_play_keeps_invariants(seed: int, choices: list[int]) -> None:
    play(seed, choices)


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 2**32), choices=st.lists(st.integers(0, 10_000), min_size=1, max_size=40))
def test_same_seed_and_commands_give_the_same_digest(seed: int, choices: list[int]) -> None:
    final, log = play(seed, choices)
    replay = start(seed)
    for cmd in log:
        replay, _ = apply(replay, cmd)
    assert replay.digest() == final.digest()
