"""Finding scenarios (shipped `maps/` and mod folders' `maps/`) and loading one into a battle.

A scenario is a folder `maps/<id>/` holding `scenario.yaml` and its Tiled map (`map.tmx`
unless the YAML names another file). A mod's scenario with the same id replaces the
shipped one; later mods win.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from game.core.context import BattleContext
from game.core.defs import Definitions
from game.core.deploy import DeploymentError
from game.core.engine import new_battle
from game.core.events import Event
from game.core.movement import can_stand
from game.core.script import Deployment
from game.core.state import BattleState
from game.data.paths import default_game_dir
from game.data.scenario_schema import ScenarioSpec, validate_scenario
from game.data.yaml_reader import read_yaml_text
from game.maps import MapData, MapError, load_map
from game.scenario.compiler import compile_scenario
from game.scenario.problems import (
    MAP_CHECK,
    Problem,
    ScenarioError,
    YamlDoc,
    problem_at,
    read_yaml,
    suggest,
)
from game.scenario.setup import BattleSetup, DeployPlan, apply_setup, deployments_for

SCENARIO_FILE = "scenario.yaml"


def game_root() -> Path:
    """The folder holding `game/`, `maps/`, `units/` and `assets/`."""
    return default_game_dir()


@dataclass(frozen=True)
class ScenarioInfo:
    """What a scenario list shows, read without loading the map or checking references."""

    id: str
    path: Path
    title: str = ""
    order: int | None = None
    source: str = "game"  # "game" or the mod folder
    problem: str | None = None  # set when the file cannot even be read


@dataclass(frozen=True)
class Scenario:
    """A loaded scenario: everything needed to start its battle."""

    id: str
    title: str
    briefing: str
    order: int | None
    path: Path
    map: MapData
    context: BattleContext
    deployments: tuple[Deployment, ...]  # the units that start the battle
    listed: tuple[Deployment, ...] = ()  # `units:` in file order; deploy-pool units have no position
    deploy: DeployPlan | None = None  # the player's choice of units, if the scenario offers one
    setup: BattleSetup = BattleSetup()  # what `with_setup` applied

    def start(self, seed: int) -> tuple[BattleState, list[Event]]:
        """Turn 1 with the starting units placed (opening events have fired)."""
        return new_battle(self.context, self.deployments, seed)

    def with_setup(self, setup: BattleSetup) -> Scenario:
        """This scenario with a campaign's deploy picks, pilot levels and unit upgrades on the
        player's side (scripted player reinforcements included). SetupError says what does not fit."""
        if setup.empty:
            return replace(self, setup=setup)
        ctx, deployments = apply_setup(self.context, self.listed, self.deploy, setup, self.id)
        return replace(self, context=ctx, deployments=deployments, setup=setup)


def scenario_files(root: Path | None = None, mods: Sequence[Path | str] = ()) -> dict[str, tuple[Path, str]]:
    """id -> (scenario.yaml, source) across the game and mods, later sources replacing earlier."""
    found: dict[str, tuple[Path, str]] = {}
    sources: list[tuple[Path, str]] = [((root or game_root()) / "maps", "game")]
    sources += [(Path(m) / "maps", str(m)) for m in mods]
    for folder, source in sources:
        if not folder.is_dir():
            continue
        for sub in sorted(folder.iterdir()):
            f = sub / SCENARIO_FILE
            if sub.is_dir() and f.is_file():
                found[sub.name] = (f, source)
    return found


def list_scenarios(root: Path | None = None, mods: Sequence[Path | str] = ()) -> list[ScenarioInfo]:
    """Every scenario, in campaign order (then by id); unreadable ones carry `problem`."""
    out: list[ScenarioInfo] = []
    for sid, (f, source) in scenario_files(root, mods).items():
        try:
            data = read_yaml(f).data
        except ScenarioError as exc:
            out.append(ScenarioInfo(sid, f, source=source, problem=str(exc.problems[0])))
            continue
        if not isinstance(data, dict):
            out.append(ScenarioInfo(sid, f, source=source, problem=str(problem_at(f, "the file must be a mapping"))))
            continue
        order = data.get("order")
        out.append(
            ScenarioInfo(
                sid,
                f,
                title=str(data.get("title", "")),
                order=order if isinstance(order, int) else None,
                source=source,
            )
        )
    out.sort(key=lambda i: (i.order is None, i.order or 0, i.id))
    return out


def load_scenario(
    scenario_id: str,
    defs: Any,
    *,
    root: Path | None = None,
    mods: Sequence[Path | str] = (),
) -> Scenario:
    """Load scenario `scenario_id` against `defs`: the game's Definitions, or the data layer's
    LoadResult (`game.data.load_game_data`).

    Raises ScenarioError listing every problem with file, line and key path.
    """
    files = scenario_files(root, mods)
    if scenario_id not in files:
        where = ", ".join(str(p) for p in [(root or game_root()) / "maps", *(Path(m) / "maps" for m in mods)])
        message = f"no scenario {scenario_id!r}{suggest(scenario_id, files)} in {where}"
        raise ScenarioError([problem_at(scenario_id, message)])
    return load_scenario_file(files[scenario_id][0], defs)


def load_scenario_file(path: Path, defs: Any) -> Scenario:
    definitions = _definitions(defs)
    doc = read_yaml(path)
    spec = validate(doc)
    map_data = _map(doc, path.parent / spec.map, definitions)
    return _compile(doc, spec, map_data, definitions, path.parent.name)


def load_scenario_text(
    text: str,
    defs: Any,
    *,
    map_data: MapData | None = None,
    name: str = "<inline scenario>",
) -> Scenario:
    """A scenario written out in `text` (tests and tools: no folder needed).

    The map is `map_data` when given (e.g. drawn as text), otherwise the file the YAML's
    `map:` names relative to the game folder (`map: maps/blue_comet_falls/map.tmx` borrows a
    shipped map). Problems name `name` and the line.
    """
    definitions = _definitions(defs)
    data, problems = read_yaml_text(text, name)
    if data is None or any(p.is_error for p in problems):
        raise ScenarioError(problems or [problem_at(name, "the scenario text is empty")])
    doc = YamlDoc(Path(name), data)
    spec = validate(doc)
    if map_data is None:
        map_data = _map(doc, game_root() / spec.map, definitions)
    return _compile(doc, spec, map_data, definitions, spec.id)


def _map(doc: YamlDoc, path: Path, definitions: Definitions) -> MapData:
    try:
        return load_map(path.resolve(), definitions.terrains)
    except MapError as exc:
        raise ScenarioError([doc.problem(("map",), f"the map cannot be used: {exc}")]) from None


def _compile(doc: YamlDoc, spec: ScenarioSpec, map_data: MapData, definitions: Definitions, folder: str) -> Scenario:
    ctx, listed, plan, problems = compile_scenario(doc, spec, map_data, definitions, folder)
    if problems or ctx is None:
        raise ScenarioError(problems)
    deployments = deployments_for(listed, plan, None)
    _check_start(doc, ctx, deployments)
    if plan is not None:
        _check_slots(doc, ctx, listed, plan)
    return Scenario(
        id=spec.id,
        title=spec.title,
        briefing=spec.briefing,
        order=spec.order,
        path=doc.file,
        map=map_data,
        context=ctx,
        deployments=deployments,
        listed=listed,
        deploy=plan,
    )


def check_all(
    defs: Any, *, root: Path | None = None, mods: Sequence[Path | str] = ()
) -> tuple[list[Scenario], list[Problem]]:
    """Load every scenario (and every map in a scenario folder) and collect all problems.

    For `run_game.py validate`: nothing raises; each broken file contributes its problems.
    """
    definitions = _definitions(defs)
    loaded: list[Scenario] = []
    problems: list[Problem] = []
    files = scenario_files(root, mods)
    for path, _source in files.values():
        try:
            loaded.append(load_scenario_file(path, definitions))
        except ScenarioError as exc:
            problems.extend(exc.problems)
    used = {sc.map.path.resolve() for sc in loaded}
    folders = [(root or game_root()) / "maps", *(Path(m) / "maps" for m in mods)]
    for folder in folders:
        for tmx in sorted(folder.glob("*/*.tmx")) if folder.is_dir() else []:
            if tmx.resolve() in used or (tmx.parent / SCENARIO_FILE).is_file():
                continue  # checked (or reported) with its scenario
            try:
                load_map(tmx, definitions.terrains)
            except MapError as exc:
                problems.append(problem_at(tmx, exc.problem, check=MAP_CHECK))
    return loaded, problems


def _definitions(defs: Any) -> Definitions:
    """Definitions themselves, or what the data layer returns (a LoadResult holds them)."""
    found = getattr(defs, "definitions", defs)
    if not isinstance(found, Definitions):
        raise TypeError(f"expected game Definitions or a LoadResult, got {type(defs).__name__}")
    return found


def validate(doc: YamlDoc) -> ScenarioSpec:
    if not isinstance(doc.data, dict):
        raise ScenarioError([doc.problem((), "a scenario file must be a mapping of keys (id, title, map, ...)")])
    spec, problems = validate_scenario(doc.data)
    if spec is None:
        raise ScenarioError(problems)
    return spec


def _check_start(doc: YamlDoc, ctx: BattleContext, deployments: tuple[Deployment, ...]) -> None:
    """Place the starting units once, so a bad start tile is reported at load, not at play."""
    try:
        new_battle(ctx, deployments, 0)
        return
    except DeploymentError:
        pass
    for i in range(len(deployments)):
        try:
            new_battle(ctx, deployments[: i + 1], 0)
        except DeploymentError as exc:
            raise ScenarioError([doc.problem(("units", i), f"cannot place this unit: {exc}")]) from None


def _check_slots(doc: YamlDoc, ctx: BattleContext, listed: tuple[Deployment, ...], plan: DeployPlan) -> None:
    """Every pool unit can stand on every deploy slot, and no fixed unit holds a slot."""
    pool = set(plan.pool)
    fixed = {d.pos for d in listed if d.uid not in pool and d.pos is not None}
    problems: list[Problem] = []
    for j, slot in enumerate(plan.slots):
        if slot in fixed:
            problems.append(doc.problem(("deploy", "slots", j), f"a unit of `units:` already starts on {slot}"))
            continue
        for d in listed:
            if d.uid not in pool:
                continue
            udef = ctx.defs.units[d.unit]
            flies = d.flying if d.flying is not None else (udef.can_fly or udef.always_flying)
            if not (can_stand(ctx, udef, slot, False) and not udef.always_flying) and not (
                flies and can_stand(ctx, udef, slot, True)
            ):
                where = ("deploy", "slots", j)
                problems.append(doc.problem(where, f"{d.uid} ({udef.name}) cannot stand on {slot}"))
    if problems:
        raise ScenarioError(problems)
