"""The SRW-style controller: behaviours, targeting, spirits and reactions."""

from __future__ import annotations

from game.ai.behaviour import behaviour_of
from game.ai.difficulty import Difficulty, difficulty
from game.ai.legality import problem
from game.ai.planner import Option, Planner
from game.ai.reaction import choose_reaction
from game.ai.spirit_use import choose_spirit
from game.core.commands import Attack, Command, EndPhase, Move, Wait
from game.core.grid import distance
from game.core.state import BattleState, UnitState


class SRWController:
    """Plays one side the way an SRW enemy phase does.

    Each call picks the next unit to act (a unit that has started its action finishes it;
    otherwise the unit closest to a hostile goes first, so the front line clears the way),
    plans its end tile and action, casts a spirit first if its plan calls for one, and
    returns the first step: the move, then (on the next call) the attack, or Wait.
    Nothing is remembered between calls; caches only hold pure results.
    """

    name = "srw"

    def __init__(self, level: str = "normal") -> None:
        self.difficulty: Difficulty = difficulty(level)
        self.planner = Planner(self.difficulty)

    def next_command(self, state: BattleState) -> Command:
        if state.outcome is not None:
            return EndPhase()
        side = state.side
        pending = [u for u in state.active_units(side) if not (u.moved and u.acted)]
        if not pending:
            return EndPhase()
        u = min(pending, key=lambda v: self._order(state, v))
        cmd = self.decide(state, u)
        if problem(state, cmd) is None:
            return cmd
        # A planning mistake must never reach the engine: finish the unit instead.
        fallback = Wait(u.uid)
        return fallback if problem(state, fallback) is None else EndPhase()

    def _order(self, state: BattleState, u: UnitState) -> tuple[int, int, str]:
        started = 0 if (u.moved or u.acted) else 1
        ctx = state.ctx
        near = min(
            (distance(u.pos, t.pos) for t in state.active_units() if ctx.hostile(u.side, t.side)),
            default=10**6,
        )
        return (started, near, u.uid)

    def plan(self, state: BattleState, u: UnitState) -> Option:
        return self.planner.plan(state, u, behaviour_of(state, u))

    def decide(self, state: BattleState, u: UnitState) -> Command:
        """The next command for unit `u` (not yet checked against the rules)."""
        b = behaviour_of(state, u)
        opt = self.planner.plan(state, u, b)
        if self.difficulty.spirits and not u.acted:
            cast = choose_spirit(state, u, b, opt, self.planner, self.difficulty.spirits_default_all)
            if cast is not None:
                return cast
        if opt.tile != u.pos and not u.moved:
            return Move(u.uid, opt.tile)
        if opt.action is not None and not u.acted:
            return opt.action
        return Wait(u.uid)

    def react(self, state: BattleState, attack: Attack) -> Attack:
        return choose_reaction(state, attack, self.planner, self.difficulty)
