"""SRW-style planning of one unit's turn: where to end its move and what to do there.

An option is an end tile plus an action (attack, MAP attack, repair, supply or nothing).
An attack scores its expected damage (hit% x damage, crits mixed in) as a share of the
target's HP, the chance to kill, minus the expected counter damage and the chance of
being shot down by it, minus the EN/ammo it uses. The end tile scores the danger of the
next hostile phase there (reduced by the tile's defence and evade), progress towards the
unit's goal by path distance, and terrain recovery (see `game.ai.search`).
"""

from __future__ import annotations

from game.ai.assessment import Assessor
from game.ai.behaviour import Behaviour
from game.ai.scoring import Option, same_defence
from game.ai.search import UnitSearch
from game.core.state import BattleState, UnitState

__all__ = ["Option", "Planner"]


class Planner(Assessor):
    """Plans units of any side; keeps the latest search so that planning the same unit
    again with an offensive spirit on it reuses its end tiles."""

    def on_new_battle(self) -> None:
        self._last: tuple[BattleState, UnitState, Behaviour, UnitSearch] | None = None

    def plan(self, state: BattleState, u: UnitState, b: Behaviour) -> Option:
        """The best option for `u` now: an end tile and what to do there."""
        self.bind(state)
        search = UnitSearch.start(self, state, u, b)
        self._last = (state, u, b, search)
        return search.best()

    def attack_ceiling(self, state: BattleState, u: UnitState, b: Behaviour) -> float | None:
        """`UnitSearch.attack_ceiling` of the search just made for `u` in `state` (None
        when there is none or no bound)."""
        last = self._last
        if last is None or last[0] is not state or last[1] is not u or last[2] != b:
            return None
        return last[3].attack_ceiling()

    def plan_with_spirit(
        self, state: BattleState, u: UnitState, b: Behaviour, hyp: BattleState, v: UnitState, *, alert: bool = False
    ) -> Option:
        """`plan(hyp, v, b)`, where `hyp` is `state` with `v` (`u` with spirits on it) in
        place of `u`. When the spirits leave `u`'s defence alone and `u` was just planned in
        `state`, that search's end tiles and their danger are reused: only attacks change.
        With `alert`, an Alert among the spirits counts for the attack (the counter cannot
        hit) but not for the next hostile phase: the tiles' danger is reused unchanged,
        which undervalues Alert a little and costs one attack search instead of a plan."""
        self.bind(state)
        last = self._last
        if (
            last is not None
            and last[0] is state
            and last[1] is u
            and last[2] == b
            and same_defence(state.ctx, u, v, but_alert=alert)
        ):
            return last[3].with_spirit(hyp, v).best()
        return UnitSearch.start(self, hyp, v, b).best()
