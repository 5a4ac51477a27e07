"""Difficulty levels: how the AI plays (its judgement), and, SRW-style, how much stronger
the player's foes are made (`scale_enemies`)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Protocol, TypeVar

from game.core.context import BattleContext
from game.core.script import Deployment, Spawn, Trigger

# Pressure to attack of an aggressive unit whose side is twice as strong as its foes, in its worth.
ENGAGE = 1.2


@dataclass(frozen=True, slots=True)
class Difficulty:
    name: str
    noise: float  # random spread added to target/weapon scores, in "units destroyed"
    kill_bonus: float  # extra value of a kill, as a share of the target's worth
    kill_bonus_skip: float  # chance (per target choice) of forgetting the kill bonus
    focus_fire: float  # extra weight on damage to already damaged targets
    caution: float  # weight of the danger of the end tile
    death_weight: float  # weight of being shot down
    spirits: bool  # casts spirits at all
    spirits_default_all: bool  # casts every known spirit when the unit's ai gives no list
    smart_reactions: bool  # scores counter/defend/evade instead of "counter if possible"
    lookahead: int  # plans this many of the next units and lets the best attack go first
    engage: float  # value an aggressive unit gives any attack it can make, in its worth
    sp_weight: float  # value of a full SP bar when choosing spirits, in the unit's worth
    support: float = 0.0  # value of ending next to a friend who can support attack or defend
    enemy_levels: int = 0  # pilot levels added to every unit hostile to the player
    enemy_upgrades: int = 0  # upgrade steps added to each of their stats (up to the cap)


DIFFICULTIES: dict[str, Difficulty] = {
    "easy": Difficulty(
        name="easy",
        noise=0.6,
        kill_bonus=0.6,
        kill_bonus_skip=0.5,
        focus_fire=0.0,
        caution=0.15,
        death_weight=0.5,
        spirits=False,
        spirits_default_all=False,
        smart_reactions=False,
        lookahead=1,
        engage=ENGAGE,
        sp_weight=0.6,
    ),
    "normal": Difficulty(
        name="normal",
        noise=0.0,
        kill_bonus=1.0,
        kill_bonus_skip=0.0,
        focus_fire=0.3,
        caution=0.45,
        death_weight=1.2,
        spirits=True,
        spirits_default_all=True,
        smart_reactions=True,
        lookahead=1,
        engage=ENGAGE,
        sp_weight=0.6,
    ),
    "hard": Difficulty(
        name="hard",
        noise=0.0,
        kill_bonus=1.3,
        kill_bonus_skip=0.0,
        focus_fire=0.8,
        caution=0.45,
        death_weight=1.2,
        spirits=True,
        spirits_default_all=True,
        smart_reactions=True,
        # Letting the best attack of the next three units go first lost to normal in 200
        # mirrored arena runs (48 wins, 63 losses); acting nearest-first, hard wins 69-54.
        lookahead=1,
        engage=ENGAGE,
        sp_weight=0.35,  # spends SP on Strike, Valor and Focus more readily
        support=0.06,
        enemy_levels=4,
        enemy_upgrades=6,
    ),
}


def difficulty(name: str) -> Difficulty:
    try:
        return DIFFICULTIES[name]
    except KeyError:
        raise ValueError(f"unknown AI difficulty {name!r}; choose one of {', '.join(DIFFICULTIES)}") from None


UPGRADE_STATS = ("hp", "en", "armor", "mobility", "weapons")
UPGRADE_CAP = 10  # the campaign shop's default cap per stat


class Scaled(Protocol):
    """What `scale_enemies` rewrites: a loaded scenario (`game.scenario.Scenario`)."""

    @property
    def context(self) -> BattleContext: ...

    @property
    def deployments(self) -> tuple[Deployment, ...]: ...


S = TypeVar("S", bound=Scaled)


def scale_enemies(scenario: S, diff: Difficulty) -> S:
    """`scenario` with every unit hostile to the player, at the start and in the script's
    reinforcements, raised by the level's `enemy_levels` pilot levels and `enemy_upgrades`
    upgrade steps per stat (up to the cap). Deployed at full HP as the data says, they come
    in at their new maximum. With nothing to add the scenario is returned as it is."""
    if not diff.enemy_levels and not diff.enemy_upgrades:
        return scenario
    ctx = scenario.context

    def raised(d: Deployment) -> Deployment:
        if not ctx.hostile(ctx.player_side, d.side):
            return d
        level = d.level
        if d.pilot is not None and diff.enemy_levels:
            pilot = ctx.defs.pilots.get(d.pilot)
            level = (level if level is not None else (pilot.level if pilot is not None else 1)) + diff.enemy_levels
        upgrades = {
            k: min(UPGRADE_CAP, max(v, v + diff.enemy_upgrades)) for k in UPGRADE_STATS for v in [d.upgrades.get(k, 0)]
        }
        return replace(d, level=level, upgrades=upgrades)

    def trigger(t: Trigger) -> Trigger:
        if not any(isinstance(a, Spawn) for a in t.actions):
            return t
        return replace(
            t, actions=tuple(Spawn(tuple(raised(d) for d in a.units)) if isinstance(a, Spawn) else a for a in t.actions)
        )

    script = replace(ctx.script, triggers=tuple(trigger(t) for t in ctx.script.triggers))
    return replace(  # type: ignore[type-var]
        scenario,
        context=replace(ctx, script=script),
        deployments=tuple(raised(d) for d in scenario.deployments),
    )
