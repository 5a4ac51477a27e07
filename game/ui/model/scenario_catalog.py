"""The shipped campaign and mod scenarios, through the data and scenario packages.

Loading problems never escape as tracebacks: a scenario that cannot be read is still
listed, with the reason as its briefing, and `load` raises `ScenarioLoadError` naming
the file and the problem.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from game.ui.model.catalog import LoadedScenario, ScenarioInfo, ScenarioLoadError
from game.ui.model.objectives import objective_texts

DEFAULT_SEED = 1985


class PackageCatalog:
    def __init__(self, game_dir: Path, mods: Sequence[Path], data: Any) -> None:
        """`data`: the data layer's LoadResult (definitions, data hash, rules)."""
        self.game_dir = game_dir
        self.data = data
        self.data_hash = data.data_hash
        definitions = data.definitions
        self.mods = list(mods)
        self.definitions = definitions
        self._infos: dict[str, ScenarioInfo] | None = None
        self._loaded: dict[str, Any] = {}

    def _list(self) -> dict[str, ScenarioInfo]:
        if self._infos is None:
            from game.scenario import list_scenarios

            infos: dict[str, ScenarioInfo] = {}
            for entry in list_scenarios(self.game_dir, self.mods):
                if entry.problem:
                    infos[entry.id] = ScenarioInfo(
                        entry.id, entry.title or entry.id, f"This scenario cannot be loaded: {entry.problem}"
                    )
                    continue
                try:
                    scenario = self._scenario(entry.id)
                except ScenarioLoadError as exc:
                    infos[entry.id] = ScenarioInfo(
                        entry.id, entry.title or entry.id, f"This scenario cannot be loaded: {exc}"
                    )
                    continue
                infos[entry.id] = self._info(scenario)
            self._infos = infos
        return self._infos

    @staticmethod
    def _info(scenario: Any) -> ScenarioInfo:
        ctx = scenario.context
        text = objective_texts(ctx.script.objectives.get("main"))
        info = ctx.info or {}
        location = str(info.get("location") or "")
        if info.get("weather_description"):
            location = (location + "  ·  " if location else "") + f"Weather: {info['weather_description']}"
        return ScenarioInfo(
            scenario.id,
            scenario.title or scenario.id,
            scenario.briefing,
            text.victory,
            text.defeat,
            text.bonus,
            location,
        )

    def _scenario(self, scenario_id: str) -> Any:
        from game.scenario import ScenarioError, load_scenario

        if scenario_id not in self._loaded:
            try:
                self._loaded[scenario_id] = load_scenario(
                    scenario_id, self.definitions, root=self.game_dir, mods=self.mods
                )
            except ScenarioError as exc:
                raise ScenarioLoadError(str(exc)) from None
        return self._loaded[scenario_id]

    def scenarios(self) -> Sequence[ScenarioInfo]:
        return list(self._list().values())

    def campaign(self) -> Sequence[str]:
        from game.scenario import list_scenarios

        return [e.id for e in list_scenarios(self.game_dir, self.mods) if e.order is not None and not e.problem]

    def load(self, scenario_id: str) -> LoadedScenario:
        scenario = self._scenario(scenario_id)
        info = self._list().get(scenario_id) or self._info(scenario)
        return LoadedScenario(
            info,
            scenario.context,
            tuple(scenario.deployments),
            DEFAULT_SEED,
            map_source=str(scenario.map.path),
            data_hash=self.data_hash,
            listed=tuple(scenario.listed),
            deploy=scenario.deploy,
        )

    def campaign_rules(self) -> Any:
        from game.campaign import CampaignRules

        return CampaignRules.from_data(self.data)
