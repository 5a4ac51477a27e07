"""Where battles come from: a catalog of scenarios with their briefings and objectives.

The scene code only sees this protocol; the composition root picks the implementation
(the scenario package when it is installed, the code-built training battles otherwise).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Protocol

from game.core import BattleContext, Deployment, new_battle
from game.scenario.setup import BattleSetup, DeployPlan, apply_setup

if TYPE_CHECKING:
    from game.campaign import CampaignRules
    from game.core import BattleState
    from game.core.events import Event


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
    data_hash: str = ""  # the data layer's LoadResult.data_hash ("" for battles built in code), for saves
    listed: tuple[Deployment, ...] = ()  # the scenario's units in file order (deploy-pool units unplaced)
    deploy: DeployPlan | None = None  # the player's choice of units, if the scenario offers one
    setup: BattleSetup = BattleSetup()  # the campaign's deploy picks, levels and upgrades applied

    # What saves, replays and the campaign read (game.scenario.setup.Playable).
    @property
    def id(self) -> str:
        return self.info.id

    @property
    def title(self) -> str:
        return self.info.title

    @property
    def context(self) -> BattleContext:
        return self.ctx

    def start(self, seed: int) -> tuple[BattleState, list[Event]]:
        return new_battle(self.ctx, self.deployments, seed)

    def with_setup(self, setup: BattleSetup) -> LoadedScenario:
        """This battle with a campaign's deploy picks, levels and upgrades (SetupError if they do not fit)."""
        if setup.empty:
            return replace(self, setup=setup)
        ctx, deployments = apply_setup(self.ctx, self.listed or self.deployments, self.deploy, setup, self.id)
        return replace(self, ctx=ctx, deployments=deployments, setup=setup)

    extras: dict[str, object] = field(default_factory=dict)


class ScenarioLoadError(Exception):
    """A scenario could not be built; the message names the file and the problem."""


class ScenarioCatalog(Protocol):
    data_hash: str  # the data layer's LoadResult.data_hash ("" for battles built in code)

    def scenarios(self) -> Sequence[ScenarioInfo]: ...

    def campaign(self) -> Sequence[str]:
        """Scenario ids in campaign order."""
        ...

    def load(self, scenario_id: str) -> LoadedScenario: ...

    def campaign_rules(self) -> CampaignRules:
        """Upgrade prices and caps, successors, start funds, EXP per level."""
        ...


@dataclass
class CodeCatalog:
    """Scenarios built by Python functions (training battles, tests)."""

    builders: dict[str, Callable[[], LoadedScenario]]
    infos: dict[str, ScenarioInfo]
    order: list[str]
    data_hash: str = ""

    def scenarios(self) -> Sequence[ScenarioInfo]:
        return [self.infos[i] for i in self.order]

    def campaign(self) -> Sequence[str]:
        return list(self.order)

    def load(self, scenario_id: str) -> LoadedScenario:
        try:
            return self.builders[scenario_id]()
        except KeyError:
            raise ScenarioLoadError(f"unknown scenario {scenario_id!r}") from None

    def campaign_rules(self) -> CampaignRules:
        from game.campaign import CampaignRules

        return CampaignRules.defaults()
