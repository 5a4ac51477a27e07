"""What a side wants from the scenario's current objectives, seen from that side.

Kill conditions name units to destroy (targets) or to keep alive (protected); region
conditions name tiles to reach or to deny. Conditions that only name a whole side
("defeat all enemies") add nothing: every hostile is a target anyway.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from game.ai.memo import Memo
from game.core.context import BattleContext
from game.core.grid import Pos
from game.core.script import (
    AllDefeated,
    AllOf,
    AnyDestroyed,
    AnyOf,
    Condition,
    HpAtMost,
    InRegion,
    NoneActive,
    Not,
    Select,
)
from game.core.state import BattleState, UnitState

_KILL = (AllDefeated, AnyDestroyed, NoneActive, HpAtMost)


@dataclass(frozen=True, slots=True)
class Aims:
    targets: tuple[Select, ...] = ()  # hostile units whose fall helps this side
    protect: tuple[Select, ...] = ()  # own units whose fall hurts this side
    reach: tuple[tuple[Select, frozenset[Pos]], ...] = ()  # own units that should get into a region
    deny: tuple[frozenset[Pos], ...] = ()  # regions the other side wants to reach

    def is_target(self, u: UnitState) -> bool:
        return any(s.matches(u) for s in self.targets)

    def is_protected(self, u: UnitState) -> bool:
        return any(s.matches(u) for s in self.protect)

    def goal_tiles(self, u: UnitState) -> frozenset[Pos]:
        tiles: set[Pos] = set()
        for select, region in self.reach:
            if select.matches(u):
                tiles |= region
        return frozenset(tiles)


def _leaves(c: Condition) -> Iterator[Condition]:
    if isinstance(c, (AllOf, AnyOf)):
        for sub in c.conditions:
            yield from _leaves(sub)
    else:
        yield c


def _specific(s: Select) -> bool:
    return any(v is not None for v in (s.uid, s.unit, s.pilot, s.tag))


def aims_for(ctx: BattleContext, objectives_id: str, side: str) -> Aims:
    objs = ctx.script.objectives.get(objectives_id)
    if objs is None:
        return Aims()
    regions = ctx.script.regions
    targets: list[Select] = []
    protect: list[Select] = []
    reach: list[tuple[Select, frozenset[Pos]]] = []
    deny: list[frozenset[Pos]] = []
    ours = not ctx.has_side(objs.side) or ctx.friendly(side, objs.side)
    # Conditions that end the battle well for `side`, and those that end it badly.
    good = objs.victory if ours else objs.defeat
    bad = objs.defeat if ours else objs.victory
    for obj in good:
        for c in _leaves(obj.condition):
            if isinstance(c, _KILL) and _specific(c.select):
                targets.append(c.select)
            elif isinstance(c, InRegion) and c.region in regions:
                reach.append((c.select, frozenset(regions[c.region])))
    for obj in bad:
        for c in _leaves(obj.condition):
            if isinstance(c, _KILL) and _specific(c.select):
                protect.append(c.select)
            elif isinstance(c, InRegion) and c.region in regions:
                deny.append(frozenset(regions[c.region]))
    # A bonus such as "the base keeps half its HP" is written Not(HpAtMost(base)).
    for obj in objs.bonus if ours else ():
        for c in _leaves(obj.condition):
            inner = c.condition if isinstance(c, Not) else None
            if isinstance(inner, _KILL) and _specific(inner.select):
                protect.append(inner.select)
    return Aims(tuple(targets), tuple(protect), tuple(reach), tuple(deny))


def current_aims(state: BattleState, side: str, cache: Memo[tuple[str, str], Aims]) -> Aims:
    key = (state.objectives, side)
    found = cache.get(key)
    if found is None:
        found = cache.put(key, aims_for(state.ctx, state.objectives, side))
    return found
