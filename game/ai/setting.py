"""What a unit search reads about the unit's situation once: hostiles, friends, end tiles,
weights and the threats on it."""

from __future__ import annotations

from dataclasses import dataclass

from game.ai.assessment import Assessor
from game.ai.behaviour import Behaviour, retreating
from game.ai.caches import HostileThreat
from game.ai.objectives import Aims
from game.ai.scoring import (
    AGGRESSIVE_RISK,
)
from game.ai.tiebreak import TieBreak
from game.core.grid import Pos, distance
from game.core.modifiers import Mods, collect
from game.core.state import BattleState, UnitState
from game.core.stats import hp_pct, max_hp

TileThreat = tuple[str, float, float]  # (hostile, expected damage, chance its blow alone destroys us)


@dataclass(frozen=True, slots=True)
class Setting:
    """What one search reads about the unit's situation, once."""

    b: Behaviour
    hostiles: list[UnitState]
    friends: list[UnitState]
    aims: Aims
    protected: list[UnitState]
    fleeing: bool
    tiles: list[Pos]  # where it may end its move, its own tile first
    guard_tiles: frozenset[Pos]
    wu: float  # its worth
    top_hp: int
    caution: float  # weight of the expected damage on the end tile
    risk_weight: float  # weight of being shot down there next phase
    attack_scale: float
    taken_weight: float  # weight of the counter damage taken
    engage: float  # value of making any attack at all (aggressive units press the fight)
    supporters: frozenset[Pos]  # tiles of friends who can support attack or defend
    support: float  # value of ending next to one of them, in the unit's worth
    threats: list[HostileThreat]
    hp_missing: int
    on_ground: bool
    tb: TieBreak


def read_setting(assessor: Assessor, state: BattleState, u: UnitState, b: Behaviour) -> Setting:
    diff = assessor.diff
    ctx = state.ctx
    hostiles = assessor.hostiles(state, u)
    friends = [f for f in state.active_units() if f.uid != u.uid and ctx.friendly(u.side, f.side)]
    aims = assessor.aims(state, u.side)
    fleeing = retreating(state, u, b)
    tiles, guard_tiles = _end_tiles(assessor, state, u, b, collect(ctx, u), fleeing)

    wu = assessor.worth(state, u)
    if aims.is_protected(u):
        wu *= 2
    odds = assessor.odds(state, u)
    caution = diff.caution * (0.6 if b.kind == "aggressive" else 1.0)
    # How much being shot down next phase weighs on where to stand. Aggressive units
    # close in and take their chances (SRW grunts press the attack rather than hold
    # back out of reach); the others keep the full weight.
    risk_weight = diff.death_weight * (AGGRESSIVE_RISK if b.kind == "aggressive" else 1.0)
    if b.kind == "boss":
        caution *= 1.3
    attack_scale = 1.0
    # Aggressive units take counters in stride: the hostile would strike them anyway.
    # A side that outnumbers its foes can afford trades it would avoid when even.
    taken_weight = (0.6 if b.kind == "aggressive" else 1.0) * odds
    # SRW grunts close in and attack what they can reach, taking the counter, even when
    # the trade alone is poor: that is where the player's EXP, Will and captures come from.
    # A unit its side's objectives send somewhere goes there, attacking only good trades.
    # The pressure grows with the side's lead (none when even): the side ahead can afford
    # to trade blows, and the one behind loses more by it.
    engage = 0.0
    if b.kind == "aggressive" and not aims.goal_tiles(u):
        engage = diff.engage * wu * min(1.0, 2 * (1 - odds))
    if fleeing:
        caution *= 3
        risk_weight = diff.death_weight
        attack_scale = 0.5
        taken_weight = 1.5
        engage = 0.0
    threats = assessor.threat_parts(state, u)
    on_ground = ctx.grid.space or not u.flying
    return Setting(
        b=b,
        hostiles=hostiles,
        friends=friends,
        aims=aims,
        protected=[f for f in friends if aims.is_protected(f)],
        fleeing=fleeing,
        tiles=tiles,
        guard_tiles=guard_tiles,
        wu=wu,
        top_hp=max_hp(ctx, u),
        caution=caution,
        risk_weight=risk_weight,
        attack_scale=attack_scale,
        taken_weight=taken_weight,
        engage=engage,
        supporters=_supporters(state, friends) if diff.support else frozenset(),
        support=diff.support,
        threats=threats,
        hp_missing=100 - hp_pct(ctx, u),
        on_ground=on_ground,
        tb=TieBreak(state, u.uid),
    )


def _supporters(state: BattleState, friends: list[UnitState]) -> frozenset[Pos]:
    ctx = state.ctx
    out = set()
    for f in friends:
        m = collect(ctx, f)
        if m.support_attack > 0 or m.support_defend > 0:
            out.add(f.pos)
    return frozenset(out)


def _end_tiles(
    assessor: Assessor, state: BattleState, u: UnitState, b: Behaviour, mods: Mods, fleeing: bool
) -> tuple[list[Pos], frozenset[Pos]]:
    """Where `u` may end its move (its own tile first), and its guard post."""
    can_move = not u.moved and (not u.acted or "hit_and_away" in mods.flags)
    tiles: list[Pos] = [u.pos]
    if can_move and not assessor.holding(state, u, b):
        tiles.extend(assessor.fields.stops(state, u))
    guard_tiles = assessor.guard_tiles(state, b) if b.kind == "guard" else frozenset()
    if guard_tiles and not fleeing:
        inside = [p for p in tiles if min(distance(p, g) for g in guard_tiles) <= b.guard_radius]
        if u.pos in inside:
            tiles = inside  # outside its post, a guard walks back (its goal below)
    return tiles, guard_tiles
