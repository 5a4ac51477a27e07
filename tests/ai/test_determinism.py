"""Controllers are pure: same state, same answer; the live state never changes."""

from __future__ import annotations

import pytest

from game.ai import make_controller
from game.core import Attack, EndPhase, apply
from game.core.state import BattleState
from tests.ai.arena import arena_battle

KINDS = [("srw", "easy"), ("srw", "normal"), ("srw", "hard"), ("greedy", "normal"), ("random", "normal")]


def midgame(seed: int = 5, commands: int = 40) -> BattleState:
    """The arena a few exchanges in, played by the SRW AI on both sides."""
    state = arena_battle(seed)
    ai = {"player": make_controller("srw"), "enemy": make_controller("srw")}
    for _ in range(commands):
        cmd = ai[state.side].next_command(state)
        if isinstance(cmd, Attack):
            cmd = ai[state.unit(cmd.target).side].react(state, cmd)
        state, _ = apply(state, cmd)
    return state


@pytest.mark.parametrize(("name", "level"), KINDS)
def test_same_state_gives_the_same_command_and_leaves_it_unchanged(name: str, level: str) -> None:
    state = midgame()
    before = state.digest()
    rng_before = dict(state.rng)
    first = make_controller(name, level).next_command(state)
    again = make_controller(name, level)
    assert again.next_command(state) == first
    assert again.next_command(state) == first  # warm caches give the same answer
    assert state.digest() == before
    assert state.rng == rng_before  # nothing drawn from any stream, combat included


@pytest.mark.parametrize(("name", "level"), KINDS)
def test_same_attack_gets_the_same_reaction(name: str, level: str) -> None:
    state = arena_battle(3)
    # Walk the arena until some attack is on offer.
    ai = make_controller("srw")
    for _ in range(200):
        cmd = ai.next_command(state)
        if isinstance(cmd, Attack):
            break
        state, _ = apply(state, cmd)
    else:
        pytest.fail("no attack happened")
    before = state.digest()
    defender = make_controller(name, level)
    reaction = defender.react(state, cmd)
    assert make_controller(name, level).react(state, cmd) == reaction
    assert reaction.reaction in ("counter", "defend", "evade")
    assert state.digest() == before
    apply(state, reaction)  # legal


def test_whole_battles_replay_identically() -> None:
    from game.sim import play_out

    def run() -> tuple[str, list]:  # type: ignore[type-arg]
        result = play_out(
            arena_battle(11),
            {"player": make_controller("srw", "hard"), "enemy": make_controller("greedy")},
            max_turns=12,
        )
        return result.state.digest(), [c.to_json() for c in result.commands]

    assert run() == run()


def test_end_phase_when_the_side_is_done() -> None:
    state = arena_battle(2)
    for uid, u in list(state.units.items()):
        if u.side == state.side:
            done = u.copy()
            done.moved = done.acted = True
            state.units[uid] = done
    assert make_controller("srw").next_command(state) == EndPhase()
    assert make_controller("greedy").next_command(state) == EndPhase()
    assert make_controller("random").next_command(state) == EndPhase()
