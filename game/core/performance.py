"""RULES §2's terrain performance modifier T: pilot rank plus unit rank in an environment,
with the rank floor an adapter part gives (so it sits above both stats and modifiers)."""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

from game.core.modifiers import collect
from game.core.ranks import CLOSED
from game.core.stats import pilot_def

if TYPE_CHECKING:
    from game.core.context import BattleContext
    from game.core.state import UnitState


def performance(ctx: BattleContext, u: UnitState, env: str) -> Fraction:
    """RULES §2 modifier T from pilot rank + unit rank in `env`."""
    floor = collect(ctx, u, env=env).unit_rank_at_least  # an A-Adapter part
    key = (u.unit_id, u.pilot_id, env, floor)
    memo = ctx._cache.performance
    found = memo.get(key)
    if found is None:
        rules = ctx.defs.rules
        udef = ctx.defs.units[u.unit_id]
        p = pilot_def(ctx, u)
        unit_rank = udef.ranks.get(env)
        # A unit without a pilot counts as a pilot of rank A (3) everywhere.
        pilot_value = 3 if p is None else rules.rank_values.get(p.ranks.get(env), 0)
        unit_value = rules.rank_values.get(unit_rank, 0)
        if unit_rank != CLOSED:  # an adapter raises a rank; it does not open a closed terrain
            unit_value = max(unit_value, floor)
        total = unit_value + pilot_value
        found = rules.performance[-1][1]
        for minimum, mul in rules.performance:
            if total >= minimum:
                found = mul
                break
        memo[key] = found
    return found
