"""A headless facade for tests and tools: build a battle in code, feed commands, read
events and state. No files, no pygame.

    battle = Battle.start(ctx, [Deployment("layzner", "player", pilot="eiji", pos=(1, 1))], seed=7)
    battle.do(Move("layzner_1", (3, 1)))
    battle.state.unit("layzner_1").pos
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from game.core.combat import Forecast, forecast
from game.core.commands import Command
from game.core.context import BattleContext, SideDef
from game.core.defs import (
    AbilityDef,
    Definitions,
    PilotDef,
    RulesDef,
    SkillDef,
    SpiritDef,
    StatusDef,
    TerrainDef,
    UnitDef,
    frozen_map,
)
from game.core.engine import apply, legal_commands, new_battle
from game.core.events import Event
from game.core.grid import Grid
from game.core.script import Deployment, Script
from game.core.state import BattleState, UnitState


def standard_terrains() -> dict[str, TerrainDef]:
    """A small terrain table for code-built battles (the shipped one lives in YAML)."""
    return {
        "plain": TerrainDef("plain", "Plain"),
        "forest": TerrainDef("forest", "Forest", move_cost={"default": 2, "vehicle": 3}, defense=10, evade=10),
        "mountain": TerrainDef("mountain", "Mountain", move_cost={"default": 3, "vehicle": None}, defense=20, evade=20),
        "water": TerrainDef("water", "Water", environment="sea", move_cost={"default": 2}),
        "wall": TerrainDef("wall", "Cliff", move_cost={"default": None}),
        "base": TerrainDef("base", "Base", defense=20, evade=0, hp_recovery=10, en_recovery=10),
        "void": TerrainDef("void", "Space", environment="space"),
        "chasm": TerrainDef("chasm", "Chasm", environment="air", move_cost={"default": None}),
    }


def make_definitions(
    *,
    units: Iterable[UnitDef] = (),
    pilots: Iterable[PilotDef] = (),
    spirits: Iterable[SpiritDef] = (),
    skills: Iterable[SkillDef] = (),
    abilities: Iterable[AbilityDef] = (),
    statuses: Iterable[StatusDef] = (),
    terrains: Mapping[str, TerrainDef] | None = None,
    rules: RulesDef | None = None,
) -> Definitions:
    return Definitions(
        rules=rules or RulesDef(),
        terrains=frozen_map(terrains if terrains is not None else standard_terrains()),
        units=frozen_map({u.id: u for u in units}),
        pilots=frozen_map({p.id: p for p in pilots}),
        spirits=frozen_map({s.id: s for s in spirits}),
        skills=frozen_map({s.id: s for s in skills}),
        abilities=frozen_map({a.id: a for a in abilities}),
        statuses=frozen_map({s.id: s for s in statuses}),
    )


def make_context(
    defs: Definitions,
    grid: Grid | str | Sequence[str] | tuple[int, int] = (10, 10),
    *,
    legend: Mapping[str, str] | None = None,
    sides: Sequence[str | SideDef] = ("player", "enemy"),
    script: Script | None = None,
    space: bool = False,
    scenario_id: str = "custom",
) -> BattleContext:
    """`grid` is a Grid, a (width, height) of plains, or text rows with a `legend`."""
    if isinstance(grid, tuple) and len(grid) == 2 and isinstance(grid[0], int) and isinstance(grid[1], int):
        w, h = grid[0], grid[1]
        grid = Grid(w, h, ("void" if space else "plain",) * (w * h), space)
    elif not isinstance(grid, Grid):
        text = grid if isinstance(grid, str) else "\n".join(str(row) for row in grid)
        grid = Grid.from_text(
            text,
            legend
            or {".": "plain", "#": "wall", "~": "water", "f": "forest", "^": "mountain", "B": "base", "v": "void"},
            space=space,
        )
    return BattleContext(
        defs=defs,
        grid=grid,
        sides=tuple(s if isinstance(s, SideDef) else SideDef(s) for s in sides),
        script=script or Script(),
        scenario_id=scenario_id,
    )


@dataclass
class Battle:
    """A running battle: the current state, the commands given and the events seen."""

    state: BattleState
    events: list[Event] = field(default_factory=list)
    commands: list[Command] = field(default_factory=list)

    @classmethod
    def start(cls, ctx: BattleContext, deployments: Iterable[Deployment], seed: int = 0) -> Battle:
        state, events = new_battle(ctx, deployments, seed)
        return cls(state, list(events))

    def do(self, command: Command) -> list[Event]:
        """Apply one command; raises IllegalCommand (state unchanged) if it is not allowed."""
        self.state, events = apply(self.state, command)
        self.commands.append(command)
        self.events.extend(events)
        return events

    def do_all(self, commands: Iterable[Command]) -> list[Event]:
        out: list[Event] = []
        for c in commands:
            out.extend(self.do(c))
        return out

    def unit(self, uid: str) -> UnitState:
        return self.state.unit(uid)

    def legal(self, unit: str | None = None) -> list[Command]:
        return legal_commands(self.state, unit)

    def forecast(
        self,
        attacker: str,
        weapon: str,
        target: str,
        reaction: str = "counter",
        *,
        counter_weapon: str = "auto",
        support_attack: str = "auto",
        support_defend: str = "auto",
    ) -> Forecast:
        return forecast(
            self.state,
            attacker,
            weapon,
            target,
            reaction,
            counter_weapon=counter_weapon,
            support_attack=support_attack,
            support_defend=support_defend,
        )

    def events_of(self, kind: type[Event]) -> list[Event]:
        return [e for e in self.events if isinstance(e, kind)]

    @property
    def over(self) -> bool:
        return self.state.outcome is not None

    def digest(self) -> str:
        return self.state.digest()
