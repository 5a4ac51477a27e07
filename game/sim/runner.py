"""Play a battle to the end with one controller per side, headless and deterministic."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from game.ai.behaviour import validate_ai
from game.ai.controller import Controller
from game.core.commands import Attack, Command, EndPhase
from game.core.engine import apply
from game.core.errors import IllegalCommand
from game.core.events import Event
from game.core.state import BattleState

DEFAULT_MAX_TURNS = 30
COMMANDS_PER_UNIT = 12  # a unit needs at most a few (spirits, move, act); the rest is slack


class ControllerError(RuntimeError):
    """A controller answered with a command the rules refuse."""


@dataclass
class RunResult:
    state: BattleState
    winner: str | None  # side id, or None when the turn cap ended the run
    turns: int  # turns begun (the turn the battle ended on)
    commands: list[Command] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    reason: str = ""
    forced_phase_ends: int = 0  # phases ended by the safety cap, not by the controller
    problems: list[str] = field(default_factory=list)  # bad `ai:` blocks (played with the default behaviour)


def play_out(
    state: BattleState,
    controllers: Mapping[str, Controller],
    max_turns: int = DEFAULT_MAX_TURNS,
    *,
    max_commands_per_phase: int | None = None,
    stop: Callable[[BattleState], bool] | None = None,
) -> RunResult:
    """Run the battle from `state` until it ends or turn `max_turns` is over.

    Each phase, the side's controller gives commands until it ends the phase; for every
    Attack the defending side's controller chooses the reaction. A phase that goes on past
    `max_commands_per_phase` (default: a dozen per unit plus slack) is ended for the
    controller, and counted in `forced_phase_ends`, so a broken controller cannot hang a
    batch. An illegal command raises `ControllerError` naming the controller and the reason.
    `stop` ends the run early, before the command that would follow a state it accepts
    (e.g. a test playing up to a given phase); `winner` then stays None.
    """
    missing = [s.id for s in state.ctx.sides if s.id not in controllers]
    if missing:
        raise ValueError(f"no controller for side(s) {', '.join(missing)}")
    result = RunResult(state=state, winner=None, turns=state.turn, problems=validate_ai(state))
    phase_key = (state.turn, state.phase)
    given = 0
    while state.outcome is None and state.turn <= max_turns:
        if stop is not None and stop(state):
            break
        key = (state.turn, state.phase)
        if key != phase_key:
            phase_key, given = key, 0
        side = state.side
        controller = controllers[side]
        cap = max_commands_per_phase or COMMANDS_PER_UNIT * max(1, sum(1 for _ in state.active_units(side))) + 20
        if given >= cap:
            cmd: Command = EndPhase()
            result.forced_phase_ends += 1
        else:
            cmd = controller.next_command(state)
            given += 1
            if isinstance(cmd, Attack):
                cmd = _with_reaction(state, cmd, controllers)
        try:
            state, events = apply(state, cmd)
        except IllegalCommand as exc:
            raise ControllerError(
                f"controller {getattr(controller, 'name', controller)!r} for side {side!r} "
                f"gave an illegal command on turn {state.turn}: {cmd!r}: {exc}"
            ) from exc
        result.commands.append(cmd)
        result.events.extend(events)
    for controller in controllers.values():
        for problem in getattr(controller, "problems", ()):
            if problem not in result.problems:
                result.problems.append(problem)  # from units spawned during the battle
    result.state = state
    result.turns = min(state.turn, max_turns) if state.outcome is None else state.turn
    if state.outcome is not None:
        result.winner = state.outcome.winner
        result.reason = state.outcome.reason
    elif state.turn > max_turns:
        result.reason = f"turn limit ({max_turns}) reached"
    else:
        result.reason = f"stopped on turn {state.turn}, {state.side} phase"
    return result


def _with_reaction(state: BattleState, cmd: Attack, controllers: Mapping[str, Controller]) -> Attack:
    target = state.units.get(cmd.target)
    if target is None:
        return cmd  # the engine will refuse it with its reason
    defender = controllers[target.side]
    reacted = defender.react(state, cmd)
    if (reacted.unit, reacted.weapon, reacted.target, reacted.support_attack) != (
        cmd.unit,
        cmd.weapon,
        cmd.target,
        cmd.support_attack,
    ):
        raise ControllerError(
            f"controller {getattr(defender, 'name', defender)!r} for side {target.side!r} changed the attack "
            f"itself when reacting: {cmd!r} -> {reacted!r}"
        )
    return reacted
