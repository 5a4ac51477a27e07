"""The headless runner and the baseline controllers."""

from __future__ import annotations

from dataclasses import replace

import pytest

from game.ai import GreedyController, RandomController, make_controller
from game.core import Attack, CancelMove, EndPhase, Move, Wait, apply
from game.core.events import BattleEnded, StrikeResolved
from game.core.state import BattleState
from game.sim import ControllerError, play_out
from tests.ai.arena import arena_battle
from tests.ai.roster import battle, dep


def duel() -> BattleState:
    return battle([dep("layzner", "player", (2, 5), "layzner", pilot="eiji"), dep("braver", "enemy", (9, 5), "b")])


def test_play_out_ends_the_battle_and_reports_the_winner() -> None:
    result = play_out(duel(), {"player": make_controller("srw"), "enemy": make_controller("greedy")})
    assert result.winner == "player"
    assert result.state.outcome is not None and result.state.outcome.winner == "player"
    assert result.reason == result.state.outcome.reason
    assert any(isinstance(e, BattleEnded) for e in result.events)
    assert any(isinstance(c, Attack) for c in result.commands)
    assert result.turns == result.state.turn
    assert result.forced_phase_ends == 0


def test_the_command_log_replays_to_the_same_state() -> None:
    start = arena_battle(21)
    result = play_out(start, {"player": make_controller("srw"), "enemy": make_controller("random")}, max_turns=8)
    state = start
    for cmd in result.commands:
        state, _ = apply(state, cmd)
    assert state.digest() == result.state.digest()
    # Reactions were chosen by the defender and are part of the log.
    assert {c.reaction for c in result.commands if isinstance(c, Attack)} <= {"counter", "defend", "evade"}


def test_turn_cap_gives_no_winner() -> None:
    waiting = battle([dep("braver", "player", (0, 0), "a"), dep("braver", "enemy", (13, 9), "b")])

    class Idle:
        name = "idle"

        def next_command(self, state: BattleState) -> EndPhase:
            return EndPhase()

        def react(self, state: BattleState, attack: Attack) -> Attack:
            return attack

    result = play_out(waiting, {"player": Idle(), "enemy": Idle()}, max_turns=3)
    assert result.winner is None
    assert result.turns == 3
    assert result.state.turn == 4  # turn 3 was played out in full
    assert "turn limit" in result.reason


def test_a_controller_that_never_ends_its_phase_is_stopped() -> None:
    class Fidget:
        """Moves a unit and cancels the move, forever."""

        name = "fidget"

        def next_command(self, state: BattleState) -> Move | CancelMove | EndPhase:
            u = next(iter(state.active_units(state.side)))
            if state.undo is not None:
                return CancelMove(u.uid)
            return Move(u.uid, (u.x, u.y + 1)) if u.y + 1 < state.ctx.grid.height else EndPhase()

        def react(self, state: BattleState, attack: Attack) -> Attack:
            return attack

    state = battle([dep("braver", "player", (0, 0), "a"), dep("braver", "enemy", (13, 9), "b")])
    result = play_out(
        state, {"player": Fidget(), "enemy": make_controller("srw")}, max_turns=2, max_commands_per_phase=9
    )
    assert result.forced_phase_ends == 2
    assert result.winner is None


def test_an_illegal_command_raises_a_clear_error() -> None:
    class Cheater:
        name = "cheater"

        def next_command(self, state: BattleState) -> Move:
            u = next(iter(state.active_units(state.side)))
            return Move(u.uid, (u.x + 12, u.y))

        def react(self, state: BattleState, attack: Attack) -> Attack:
            return attack

    with pytest.raises(ControllerError, match=r"controller 'cheater' for side 'player' gave an illegal command"):
        play_out(duel(), {"player": Cheater(), "enemy": make_controller("srw")})


def test_a_reaction_that_changes_the_attack_is_refused() -> None:
    class Swapper:
        name = "swapper"

        def next_command(self, state: BattleState) -> EndPhase:
            return EndPhase()

        def react(self, state: BattleState, attack: Attack) -> Attack:
            return replace(attack, weapon="knuckle_shot")

    state = battle([dep("braver", "player", (5, 5), "a"), dep("braver", "enemy", (6, 5), "b")])
    with pytest.raises(ControllerError, match="changed the attack itself"):
        play_out(state, {"player": make_controller("srw"), "enemy": Swapper()})


def test_every_side_needs_a_controller() -> None:
    with pytest.raises(ValueError, match="no controller for side"):
        play_out(duel(), {"player": make_controller("srw")})


def test_ally_and_neutral_phases_are_played_too() -> None:
    state = battle(
        [
            dep("braver", "player", (1, 1), "p"),
            dep("braver", "ally", (1, 8), "friend"),
            dep("braver", "enemy", (12, 5), "e"),
            dep("dtol", "neutral", (7, 9), "third"),
        ],
        sides=("player", "ally", "enemy", "neutral"),
    )
    ai = {side: make_controller("srw") for side in ("player", "ally", "enemy", "neutral")}
    result = play_out(state, ai, max_turns=12)
    movers = {c.unit for c in result.commands if isinstance(c, Move)}
    assert {"friend", "third"} <= movers
    assert any(isinstance(e, StrikeResolved) and e.attacker in ("friend", "third") for e in result.events)


def test_greedy_attacks_the_nearest_hostile_with_its_hardest_hitting_weapon() -> None:
    state = battle(
        [
            dep("dtol", "player", (5, 5), "dtol"),
            dep("braver", "enemy", (7, 5), "near"),
            dep("braver", "enemy", (5, 9), "far", hp_pct=10),
        ]
    )
    cmd = GreedyController().next_command(state)
    assert cmd == Attack("dtol", "cannon", "near")  # cannon: the strongest, usable without moving
    assert GreedyController().react(state, cmd).reaction == "counter"


def test_greedy_walks_toward_the_nearest_hostile() -> None:
    state = battle([dep("braver", "player", (0, 5), "a"), dep("braver", "enemy", (13, 5), "b")], grid=(30, 11))
    cmd = GreedyController().next_command(state)
    assert cmd == Move("a", (6, 5))
    state, _ = apply(state, cmd)
    assert GreedyController().next_command(state) == Wait("a")


def test_random_plays_whole_battles_legally() -> None:
    result = play_out(arena_battle(4), {"player": RandomController(), "enemy": RandomController()}, max_turns=6)
    assert len(result.commands) > 20
    assert not any(isinstance(c, CancelMove) for c in result.commands)


def test_idle_ends_every_phase_and_keeps_the_default_reaction() -> None:
    start = arena_battle(4)
    result = play_out(start, {"player": make_controller("idle"), "enemy": make_controller("srw")}, max_turns=3)
    player_commands = [c for c in result.commands if getattr(c, "unit", "").startswith("player")]
    assert player_commands == []  # only phase ends, which name no unit
    idle = make_controller("idle")
    assert idle.next_command(start) == EndPhase()
    attack = Attack("enemy_0", "x", "player_0")
    assert idle.react(start, attack) is attack


def test_idle_is_a_controller_name_the_simulator_accepts() -> None:
    from game.ai import CONTROLLER_NAMES
    from game.sim import BatchSpec, Simulator

    assert "idle" in CONTROLLER_NAMES
    sim = Simulator.load(BatchSpec("blue_comet_falls", player_ai="idle", enemy_ai="srw", max_turns=2))
    run = sim.run(3)
    assert run.turns <= 3 and run.commands > 0


def test_the_first_srw_version_kept_for_benchmarks_still_plays_legally() -> None:
    from benchmarks.legacy_ai import LegacySRWController

    result = play_out(arena_battle(8), {"player": LegacySRWController(), "enemy": make_controller("srw")}, max_turns=3)
    assert result.forced_phase_ends == 0
    assert any(isinstance(c, Attack) for c in result.commands)
