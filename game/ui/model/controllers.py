"""Who plays the computer's sides. The AI package provides the real controllers; until it
is available the window uses `GreedyController`, a plain "attack the best target in reach,
else close in" player built only on the engine's own queries."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from fractions import Fraction
from typing import Protocol

from game.core import Attack, BattleState, Command, EndPhase, Move, Wait, distance, forecast, legal_commands
from game.core.combat import weapon_problem, weapon_range
from game.core.modifiers import collect
from game.core.movement import reachable
from game.core.stats import unit_def


class Controller(Protocol):
    def next_command(self, state: BattleState) -> Command: ...

    def react(self, state: BattleState, attack: Attack) -> Attack: ...


ControllerFactory = Callable[[str], Controller]


class GreedyController:
    """Attack where the expected damage is highest; otherwise walk toward the nearest foe."""

    def next_command(self, state: BattleState) -> Command:
        side = state.side
        for u in sorted(state.active_units(side), key=lambda u: u.uid):
            if u.moved and u.acted:
                continue
            cmds = legal_commands(state, u.uid)
            attacks = [c for c in cmds if isinstance(c, Attack)]
            if attacks:
                return max(attacks, key=lambda c: (self._value(state, c), c.target, c.weapon))
            if not u.moved:
                move = self._approach(state, u.uid, cmds)
                if move is not None:
                    return move
            if any(isinstance(c, Wait) for c in cmds):
                return Wait(u.uid)
        return EndPhase()

    @staticmethod
    def _value(state: BattleState, cmd: Attack) -> Fraction:
        fc = forecast(state, cmd.unit, cmd.weapon, cmd.target)
        target = state.units[cmd.target]
        gain = min(Fraction(target.hp), fc.attack.expected)
        loss = fc.counter.expected if fc.counter is not None else Fraction(0)
        return gain - loss / 2

    @staticmethod
    def _approach(state: BattleState, uid: str, cmds: list[Command]) -> Command | None:
        u = state.units[uid]
        ctx = state.ctx
        foes = [t for t in state.active_units() if ctx.hostile(u.side, t.side)]
        moves = [c for c in cmds if isinstance(c, Move)]
        if not foes or not moves or u.ai.get("hold"):
            return None
        ranges = [
            weapon_range(w, collect(ctx, u, "attack", w))
            for w in unit_def(ctx, u).weapons
            if not w.is_map and weapon_problem(state, u, w, after_move=True) is None
        ]
        reach = reachable(state, uid)

        def score(c: Move) -> tuple[int, int, int, int]:
            d = min(distance(c.to, f.pos) for f in foes)
            in_range = any(lo <= d <= hi for lo, hi in ranges)
            return (0 if in_range else 1, d, reach.costs.get(c.to, 0), c.to[1] * 1000 + c.to[0])

        best = min(moves, key=score)
        here = min(distance(u.pos, f.pos) for f in foes)
        if score(best)[1] >= here and score(best)[0] == 1:
            return None
        return best

    def react(self, state: BattleState, attack: Attack) -> Attack:
        """Counter unless defending or evading would keep the unit alive when countering would not."""
        target = state.units[attack.target]
        options = {}
        for reaction in ("counter", "defend", "evade"):
            fc = forecast(state, attack.unit, attack.weapon, attack.target, reaction)
            options[reaction] = fc.attack.expected
        if options["counter"] >= target.hp:
            best = min(("defend", "evade"), key=lambda r: options[r])
            return replace(attack, reaction=best)
        return replace(attack, reaction="counter")


def greedy_factory(side: str) -> Controller:
    return GreedyController()
