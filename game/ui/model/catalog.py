"""Where battles come from: a catalog of scenarios with their briefings and objectives.

The scene code only sees this protocol; the composition root picks the implementation
(the scenario package when it is installed, the code-built training battles otherwise).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from game.core import BattleContext, Deployment


@dataclass(frozen=True)
class ScenarioInfo:
    id: str
    title: str
    briefing: str = ""
    victory: tuple[str, ...] = ()
    defeat: tuple[str, ...] = ()
    bonus: tuple[str, ...] = ()
    location: str = ""


@dataclass(frozen=True)
class LoadedScenario:
    info: ScenarioInfo
    ctx: BattleContext
    deployments: tuple[Deployment, ...]
    seed: int = 1
    map_source: str | None = None  # a .tmx path the renderer may draw tiles from
    music: str | None = None
    data_hash: str | None = None  # the game data's fingerprint (game.data), written into saves
    extras: dict[str, object] = field(default_factory=dict)


class ScenarioLoadError(Exception):
    """A scenario could not be built; the message names the file and the problem."""


class ScenarioCatalog(Protocol):
    def scenarios(self) -> Sequence[ScenarioInfo]: ...

    def campaign(self) -> Sequence[str]:
        """Scenario ids in campaign order."""
        ...

    def load(self, scenario_id: str) -> LoadedScenario: ...


@dataclass
class CodeCatalog:
    """Scenarios built by Python functions (training battles, tests)."""

    builders: dict[str, Callable[[], LoadedScenario]]
    infos: dict[str, ScenarioInfo]
    order: list[str]

    def scenarios(self) -> Sequence[ScenarioInfo]:
        return [self.infos[i] for i in self.order]

    def campaign(self) -> Sequence[str]:
        return list(self.order)

    def load(self, scenario_id: str) -> LoadedScenario:
        try:
            return self.builders[scenario_id]()
        except KeyError:
            raise ScenarioLoadError(f"unknown scenario {scenario_id!r}") from None
