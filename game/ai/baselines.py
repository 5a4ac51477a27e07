"""Baseline controllers to measure the SRW AI against.

- `random`: a uniformly random legal command (never cancelling a move, ending the phase
  only when nothing else is left), and a random reaction.
- `greedy`: each unit attacks the nearest hostile it can reach with the weapon that deals
  the most damage, otherwise walks straight towards the nearest hostile; always counters.
- `idle`: ends every phase at once (nobody moves or attacks); attacked units keep the
  attack's default reaction (counter when they can). For tests and for measuring how the
  other side engages.

Both draw their randomness from the state (`TieBreak`), so they are deterministic too.
"""

from __future__ import annotations

from dataclasses import replace

from game.ai.tiebreak import TieBreak
from game.core.combat import counter_weapons, strike, weapon_problem, weapon_range
from game.core.commands import Attack, CancelMove, Command, EndPhase, Move, Wait
from game.core.engine import legal_commands
from game.core.formulas import REACTIONS
from game.core.grid import Pos, distance
from game.core.modifiers import collect
from game.core.movement import reachable
from game.core.state import BattleState, UnitState
from game.core.stats import environment, unit_def


def _fingerprint(state: BattleState) -> str:
    """A label that changes with every command, so successive draws differ."""
    parts = [f"{u.uid}:{u.x},{u.y},{u.hp},{u.en},{int(u.moved)}{int(u.acted)}" for u in state.units.values()]
    return "|".join(parts)


class IdleController:
    name = "idle"

    def next_command(self, state: BattleState) -> Command:
        return EndPhase()

    def react(self, state: BattleState, attack: Attack) -> Attack:
        return attack


class RandomController:
    name = "random"

    def next_command(self, state: BattleState) -> Command:
        options = [c for c in legal_commands(state) if not isinstance(c, (CancelMove, EndPhase))]
        if not options:
            return EndPhase()
        tb = TieBreak(state, "random")
        return options[tb.index(_fingerprint(state), len(options))]

    def react(self, state: BattleState, attack: Attack) -> Attack:
        tb = TieBreak(state, "random-react")
        key = f"{attack.unit}>{attack.target}|{_fingerprint(state)}"
        return replace(attack, reaction=REACTIONS[tb.index(key, len(REACTIONS))])


class GreedyController:
    name = "greedy"

    def next_command(self, state: BattleState) -> Command:
        if state.outcome is not None:
            return EndPhase()
        pending = sorted(
            (u for u in state.active_units(state.side) if not (u.moved and u.acted)),
            key=lambda u: (not (u.moved or u.acted), u.uid),
        )
        if not pending:
            return EndPhase()
        return self._decide(state, pending[0])

    def _decide(self, state: BattleState, u: UnitState) -> Command:
        ctx = state.ctx
        hostiles = sorted(
            (t for t in state.active_units() if ctx.hostile(u.side, t.side)),
            key=lambda t: (distance(u.pos, t.pos), t.uid),
        )
        if u.acted or not hostiles:
            return Wait(u.uid)
        tiles: list[Pos] = [u.pos]
        costs: dict[Pos, int] = {u.pos: 0}
        if not u.moved:
            reach = reachable(state, u.uid)
            tiles += sorted(reach.stops, key=lambda p: (reach.costs[p], p[1], p[0]))
            costs = reach.costs
        weapons = []
        for w in unit_def(ctx, u).weapons:
            if w.is_map or weapon_problem(state, u, w, after_move=False) is not None:
                continue
            lo, hi = weapon_range(w, collect(ctx, u, "attack", w))
            weapons.append((w, lo, hi))
        for t in hostiles:
            env = environment(ctx, t)
            best: tuple[int, int, Pos, str] | None = None
            for p in tiles:
                moved_here = p != u.pos or u.moved
                d = distance(p, t.pos)
                for w, lo, hi in weapons:
                    if not lo <= d <= hi or not w.ranks.allows(env) or (moved_here and not w.post_move):
                        continue
                    a = u.copy()
                    a.x, a.y = p
                    dmg = strike(state, a, w, t, "attack").damage
                    key = (dmg, -costs.get(p, 0), p, w.id)
                    if best is None or key[:2] > best[:2]:
                        best = key
            if best is not None:
                _dmg, _cost, p, wid = best
                if p != u.pos:
                    return Move(u.uid, p)
                return Attack(u.uid, wid, t.uid)
        if u.moved or len(tiles) == 1:
            return Wait(u.uid)
        goal = hostiles[0].pos
        p = min(tiles, key=lambda q: (distance(q, goal), costs.get(q, 0), q[1], q[0]))
        return Move(u.uid, p) if p != u.pos else Wait(u.uid)

    def react(self, state: BattleState, attack: Attack) -> Attack:
        d = state.units.get(attack.target)
        a = state.units.get(attack.unit)
        if d is None or a is None:
            return attack
        if counter_weapons(state, d, a):
            return replace(attack, reaction="counter")
        return replace(attack, reaction="defend")
