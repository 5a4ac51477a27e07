"""How a campaign changes a scenario's player side before the battle: who deploys where
(the scenario's `deploy` block), the pilots' levels and the units' upgrades, and the story
flags earlier battles set (the script sees them as flags set before turn 1).

A `BattleSetup` is plain data that goes into save and replay files, so the exact same
starting units can be rebuilt to replay the command log.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Protocol

from game.core.context import BattleContext
from game.core.defs import PilotDef, SkillRef, frozen_map
from game.core.deploy import DeploymentError
from game.core.engine import new_battle
from game.core.grid import Pos
from game.core.script import Always, Deployment, SetFlag, Spawn, Trigger

if TYPE_CHECKING:
    from game.core.events import Event
    from game.core.state import BattleState

PLAYER = "player"
UPGRADE_KEYS = ("hp", "en", "armor", "mobility", "weapons")  # what UnitState.upgrades may hold
MAX_STEPS = 99
MAX_LEVEL = 99
CAMPAIGN_FLAGS = "campaign_flags"  # id of the trigger that sets the campaign's flags as turn 1 begins
FlagValue = bool | int | str


class SetupError(ValueError):
    """A setup that does not fit the scenario or is malformed; the message says why."""


@dataclass(frozen=True)
class DeployPlan:
    """The scenario's `deploy` block, compiled: the `pool` units compete for `slots`."""

    slots: tuple[Pos, ...]
    pool: tuple[str, ...]  # uids, in the order of the block (the default fills slots in this order)
    minimum: int = 1

    def default_picks(self) -> tuple[str | None, ...]:
        """The scenario as written: the first units of the pool in the slots, in order."""
        return tuple(self.pool[i] if i < len(self.pool) else None for i in range(len(self.slots)))

    def check(self, picks: tuple[str | None, ...]) -> None:
        """Raise SetupError unless `picks` (a uid or None per slot) is a legal choice."""
        if len(picks) != len(self.slots):
            raise SetupError(f"the deployment has {len(self.slots)} slots, but {len(picks)} choices were given")
        chosen = [p for p in picks if p is not None]
        unknown = [p for p in chosen if p not in self.pool]
        if unknown:
            raise SetupError(f"{unknown[0]!r} cannot be deployed here; choose from {', '.join(self.pool)}")
        twice = sorted({p for p in chosen if chosen.count(p) > 1})
        if twice:
            raise SetupError(f"{twice[0]!r} is chosen for two slots")
        if len(chosen) < self.minimum:
            raise SetupError(f"deploy at least {self.minimum} unit(s); {len(chosen)} chosen")


@dataclass(frozen=True)
class BattleSetup:
    """Changes to the player side: `deploy` picks (a uid or None per slot; None for the
    scenario's default), pilot levels and EXP toward the next level by pilot id, and upgrades
    by unit id, and `flags` the campaign's story flags (a scenario's `flag` conditions read them)."""

    deploy: tuple[str | None, ...] | None = None
    levels: Mapping[str, int] = field(default_factory=frozen_map)
    upgrades: Mapping[str, Mapping[str, int]] = field(default_factory=frozen_map)
    exp: Mapping[str, int] = field(default_factory=frozen_map)
    parts: Mapping[str, tuple[str, ...]] = field(default_factory=frozen_map)  # unit id -> part ids
    training: Mapping[str, PilotTraining] = field(default_factory=frozen_map)  # pilot id -> training
    flags: Mapping[str, FlagValue] = field(default_factory=frozen_map)

    @property
    def empty(self) -> bool:
        return (
            self.deploy is None
            and not self.levels
            and not self.upgrades
            and not self.exp
            and not self.parts
            and not self.training
            and not self.flags
        )

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "deploy": None if self.deploy is None else list(self.deploy),
            "levels": dict(sorted(self.levels.items())),
            "upgrades": {u: dict(sorted(v.items())) for u, v in sorted(self.upgrades.items())},
        }
        if self.exp:  # absent in setups without carried EXP, so older records read back unchanged
            out["exp"] = dict(sorted(self.exp.items()))
        if self.parts:
            out["parts"] = {u: list(p) for u, p in sorted(self.parts.items())}
        if self.training:
            out["training"] = {p: t.to_json() for p, t in sorted(self.training.items())}
        if self.flags:  # likewise absent without story flags
            out["flags"] = dict(sorted(self.flags.items()))
        return out

    @classmethod
    def from_json(cls, data: Any) -> BattleSetup:
        """Rebuild from JSON; SetupError names the first bad entry."""
        if data is None:
            return cls()
        if not isinstance(data, dict):
            raise SetupError("the battle setup must be an object")
        deploy = data.get("deploy")
        if deploy is not None:
            if not isinstance(deploy, list) or not all(d is None or isinstance(d, str) for d in deploy):
                raise SetupError("setup 'deploy' must be a list of unit ids or nulls")
            deploy = tuple(deploy)
        levels = data.get("levels") or {}
        if not isinstance(levels, dict):
            raise SetupError("setup 'levels' must map pilot ids to levels")
        for pilot, level in levels.items():
            if type(level) is not int or not 1 <= level <= MAX_LEVEL:
                raise SetupError(f"setup level of {pilot!r} must be a whole number 1..{MAX_LEVEL}, got {level!r}")
        upgrades = data.get("upgrades") or {}
        if not isinstance(upgrades, dict):
            raise SetupError("setup 'upgrades' must map unit ids to upgrades")
        for unit, steps in upgrades.items():
            check_upgrades(steps, f"setup upgrades of {unit!r}")
        exp = data.get("exp") or {}
        if not isinstance(exp, dict):
            raise SetupError("setup 'exp' must map pilot ids to EXP")
        for pilot, value in exp.items():
            if type(value) is not int or not 0 <= value <= 10**9:
                raise SetupError(f"setup EXP of {pilot!r} must be a whole number 0 or more, got {value!r}")
        parts = data.get("parts") or {}
        if not isinstance(parts, dict) or not all(
            isinstance(v, list) and all(isinstance(p, str) for p in v) for v in parts.values()
        ):
            raise SetupError("setup 'parts' must map unit ids to lists of part ids")
        training = data.get("training") or {}
        if not isinstance(training, dict):
            raise SetupError("setup 'training' must map pilot ids to training")
        flags = data.get("flags") or {}
        check_flags(flags, "setup 'flags'")
        return cls(
            deploy,
            frozen_map({str(k): int(v) for k, v in levels.items()}),
            frozen_map({str(k): frozen_map(dict(v)) for k, v in upgrades.items()}),
            frozen_map({str(k): int(v) for k, v in exp.items()}),
            frozen_map({str(k): tuple(v) for k, v in parts.items()}),
            frozen_map({str(k): PilotTraining.from_json(v, str(k)) for k, v in training.items()}),
            frozen_map(dict(flags)),
        )


PILOT_STATS = ("melee", "ranged", "skill", "defense", "hit", "evade", "sp")


@dataclass(frozen=True)
class PilotTraining:
    """What a pilot gained from campaign training: points added to stats, and skills at
    a level (learned, or raised above the pilot's own level)."""

    stats: Mapping[str, int] = field(default_factory=frozen_map)
    skills: Mapping[str, int] = field(default_factory=frozen_map)

    def to_json(self) -> dict[str, Any]:
        return {"stats": dict(sorted(self.stats.items())), "skills": dict(sorted(self.skills.items()))}

    @classmethod
    def from_json(cls, data: Any, pilot: str) -> PilotTraining:
        if not isinstance(data, dict):
            raise SetupError(f"training of {pilot!r} must be an object")
        stats, skills = data.get("stats") or {}, data.get("skills") or {}
        if not isinstance(stats, dict) or not isinstance(skills, dict):
            raise SetupError(f"training of {pilot!r}: 'stats' and 'skills' must be objects")
        for key, n in stats.items():
            if key not in PILOT_STATS:
                raise SetupError(f"training of {pilot!r}: unknown stat {key!r}; known: {', '.join(PILOT_STATS)}")
            if type(n) is not int or not 0 <= n <= 10_000:
                raise SetupError(f"training of {pilot!r}: {key} must be a whole number 0..10000, got {n!r}")
        for key, n in skills.items():
            if type(n) is not int or not 1 <= n <= MAX_LEVEL:
                raise SetupError(f"training of {pilot!r}: skill {key!r} level must be 1..{MAX_LEVEL}, got {n!r}")
        return cls(
            frozen_map({str(k): v for k, v in stats.items()}), frozen_map({str(k): v for k, v in skills.items()})
        )

    def apply(self, p: PilotDef) -> PilotDef:
        """`p` with the trained stats added (at every level) and the trained skills."""
        stats = replace(p.stats, **{k: getattr(p.stats, k) + n for k, n in self.stats.items()})
        skills = {ref.id: ref.level for ref in p.skills}
        for sid, level in self.skills.items():
            skills[sid] = max(level, skills.get(sid, 0))
        return replace(p, stats=stats, skills=tuple(SkillRef(sid, level) for sid, level in skills.items()))


def check_flags(flags: Any, what: str) -> None:
    if not isinstance(flags, dict):
        raise SetupError(f"{what} must map flag names to true/false, numbers or text")
    for name, value in flags.items():
        if not isinstance(name, str) or not name:
            raise SetupError(f"{what}: a flag name must be non-empty text, got {name!r}")
        if not isinstance(value, bool | int | str):
            raise SetupError(f"{what}: flag {name!r} must be true/false, a number or text, got {value!r}")


def check_upgrades(steps: Any, what: str) -> None:
    if not isinstance(steps, dict):
        raise SetupError(f"{what} must map {', '.join(UPGRADE_KEYS)} to steps")
    for key, n in steps.items():
        if key not in UPGRADE_KEYS:
            raise SetupError(f"{what}: unknown stat {key!r}; known: {', '.join(UPGRADE_KEYS)}")
        if type(n) is not int or not 0 <= n <= MAX_STEPS:
            raise SetupError(f"{what}: {key} must be a whole number 0..{MAX_STEPS}, got {n!r}")


def player_deployments(deployments: tuple[Deployment, ...], triggers: tuple[Trigger, ...]) -> Iterator[Deployment]:
    """Every player-side unit a battle may field: at the start and from scripted spawns."""
    for d in deployments:
        if d.side == PLAYER:
            yield d
    for t in triggers:
        for a in t.actions:
            if isinstance(a, Spawn):
                yield from (d for d in a.units if d.side == PLAYER)


def adjust_deployment(d: Deployment, setup: BattleSetup) -> Deployment:
    if d.side != PLAYER:
        return d
    changes: dict[str, Any] = {}
    if d.pilot is not None and d.pilot in setup.levels:
        changes["level"] = setup.levels[d.pilot]
    if d.pilot is not None and d.pilot in setup.exp:
        changes["exp"] = setup.exp[d.pilot]
    if d.unit in setup.upgrades:
        changes["upgrades"] = frozen_map(dict(setup.upgrades[d.unit]))
    if d.unit in setup.parts:
        changes["parts"] = tuple(setup.parts[d.unit])
    return replace(d, **changes) if changes else d


def adjust_trigger(t: Trigger, setup: BattleSetup) -> Trigger:
    if not any(isinstance(a, Spawn) for a in t.actions):
        return t
    actions = tuple(
        Spawn(tuple(adjust_deployment(d, setup) for d in a.units)) if isinstance(a, Spawn) else a for a in t.actions
    )
    return replace(t, actions=actions)


def deployments_for(
    listed: tuple[Deployment, ...], plan: DeployPlan | None, picks: tuple[str | None, ...] | None
) -> tuple[Deployment, ...]:
    """The starting units: the scenario's `units:` (`listed`, in file order) with the pool
    units that were picked put on their slots and the others left home. File order is kept:
    placement order decides the order of units in the battle state."""
    if plan is None:
        if picks is not None:
            raise SetupError("this scenario has no deployment choice")
        return listed
    picks = plan.default_picks() if picks is None else picks
    plan.check(picks)
    placed = {uid: slot for uid, slot in zip(picks, plan.slots, strict=True) if uid is not None}
    pool = set(plan.pool)
    return tuple(
        replace(d, pos=placed[d.uid], spawn=None) if d.uid in pool else d
        for d in listed
        if d.uid not in pool or d.uid in placed
    )


def apply_setup(
    ctx: BattleContext, listed: tuple[Deployment, ...], plan: DeployPlan | None, setup: BattleSetup, name: str
) -> tuple[BattleContext, tuple[Deployment, ...]]:
    """The context (player reinforcements adjusted) and starting units of a battle with
    `setup` applied to the scenario's `listed` units. SetupError says what does not fit."""
    chosen = deployments_for(listed, plan, setup.deploy)
    deployments = tuple(adjust_deployment(d, setup) for d in chosen)
    triggers = tuple(adjust_trigger(t, setup) for t in ctx.script.triggers)
    if setup.flags:  # first in file order, so the opening's conditions already see them
        sets = tuple(SetFlag(k, v) for k, v in sorted(setup.flags.items()))
        triggers = (Trigger(CAMPAIGN_FLAGS, Always(), sets), *triggers)
    script = replace(ctx.script, triggers=triggers)
    defs = ctx.defs
    if setup.training:
        unknown = [p for p in setup.training if p not in defs.pilots]
        if unknown:
            raise SetupError(f"{name}: training for unknown pilot {unknown[0]!r}")
        trained = {pid: t.apply(defs.pilots[pid]) for pid, t in setup.training.items()}
        defs = replace(defs, pilots=frozen_map({**defs.pilots, **trained}))
    ctx = replace(ctx, defs=defs, script=script)
    try:
        new_battle(ctx, deployments, 0)
    except DeploymentError as exc:
        raise SetupError(f"{name}: the units cannot be placed ({exc})") from None
    return ctx, deployments


class Playable(Protocol):
    """What saves, replays and the campaign need of a scenario: `game.scenario.Scenario`, or a
    window's code-built battle."""

    @property
    def id(self) -> str: ...

    @property
    def title(self) -> str: ...

    @property
    def context(self) -> BattleContext: ...

    @property
    def deployments(self) -> tuple[Deployment, ...]: ...

    @property
    def listed(self) -> tuple[Deployment, ...]: ...

    @property
    def deploy(self) -> DeployPlan | None: ...

    @property
    def setup(self) -> BattleSetup: ...

    def with_setup(self, setup: BattleSetup) -> Playable: ...

    def start(self, seed: int) -> tuple[BattleState, list[Event]]: ...
