"""The static half of a battle: definitions, map, sides and script."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from game.core.caches import ContextCache
from game.core.defs import Definitions, frozen_map
from game.core.effects import Modifier
from game.core.grid import Grid
from game.core.script import Script

SIDE_IDS: tuple[str, ...] = ("player", "ally", "enemy", "neutral")
DEFAULT_TEAMS: Mapping[str, str] = frozen_map({"player": "blue", "ally": "blue", "enemy": "red", "neutral": "yellow"})


@dataclass(frozen=True, slots=True)
class SideDef:
    """A side with its own phase. Sides on the same team are friends; all others are hostile."""

    id: str
    name: str = ""
    team: str = ""

    def __post_init__(self) -> None:
        if not self.name:
            object.__setattr__(self, "name", self.id.capitalize())
        if not self.team:
            object.__setattr__(self, "team", DEFAULT_TEAMS.get(self.id, self.id))


@dataclass(frozen=True, eq=False)
class BattleContext:
    defs: Definitions
    grid: Grid
    sides: tuple[SideDef, ...] = (SideDef("player"), SideDef("enemy"))
    script: Script = field(default_factory=Script)
    scenario_id: str = "custom"
    global_effects: tuple[Modifier, ...] = ()  # weather and other battle-wide modifiers
    info: Mapping[str, Any] = field(default_factory=frozen_map)  # title etc.; core ignores it
    # Tables derived from the frozen data above (side lookups, memoised pure functions).
    # Not an init argument: `dataclasses.replace` gives the new context an empty one.
    _cache: ContextCache = field(default_factory=ContextCache, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        ids = [s.id for s in self.sides]
        if len(set(ids)) != len(ids):
            raise ValueError(f"side ids must be unique, got {ids}")
        if not ids:
            raise ValueError("a battle needs at least one side")
        self._cache.team.update({s.id: s.team for s in self.sides})
        self._cache.index.update({s.id: i for i, s in enumerate(self.sides)})

    def team(self, side: str) -> str:
        return self._cache.team[side]

    def side_index(self, side: str) -> int:
        return self._cache.index[side]

    def has_side(self, side: str) -> bool:
        return side in self._cache.index

    @property
    def player_side(self) -> str:
        """The side a person plays: `player`, or the first side when there is none by that name."""
        return "player" if self.has_side("player") else self.sides[0].id

    def friendly(self, a: str, b: str) -> bool:
        return self._cache.team[a] == self._cache.team[b]

    def hostile(self, a: str, b: str) -> bool:
        return self._cache.team[a] != self._cache.team[b]
