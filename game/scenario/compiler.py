"""Validated scenario YAML + map + definitions -> the engine's BattleContext, Script and Deployments.

Every cross-reference (units, pilots, sides, regions, spawn points, unit ids, objective
sets, effect keys) is checked here and reported with its line, all problems at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields as dc_fields
from fractions import Fraction
from typing import Any

from game.core.context import BattleContext, SideDef
from game.core.defs import Definitions, frozen_map
from game.core.effects import ALL_KEYS, Modifier, When
from game.core.grid import Pos
from game.core.script import (
    Action,
    Adjacent,
    AllDefeated,
    AllOf,
    Always,
    AnyDestroyed,
    AnyOf,
    AnyRetreated,
    ChangeWill,
    Condition,
    Deployment,
    Dialogue,
    DialogueLine,
    EndBattle,
    FlagIs,
    HpAtMost,
    InRegion,
    NoneActive,
    Not,
    Objective,
    Objectives,
    PhaseIs,
    Retreat,
    Script,
    Select,
    SetAI,
    SetFlag,
    SetObjectives,
    Spawn,
    Trigger,
    TurnAtLeast,
)
from game.data import scenario_schema as s
from game.data.located import plain
from game.maps import MapData
from game.scenario.conditions import Captured, HpAtLeast, ObjectivesAre
from game.scenario.problems import KeyPath, Problem, YamlDoc, suggest
from game.scenario.setup import DeployPlan

WHEN_FIELDS = frozenset(f.name for f in dc_fields(When))


class Compiler:
    def __init__(self, doc: YamlDoc, spec: s.ScenarioSpec, map_data: MapData, defs: Definitions) -> None:
        self.doc = doc
        self.spec = spec
        self.map = map_data
        self.defs = defs
        self.problems: list[Problem] = []
        self.sides: list[SideDef] = []
        self.regions: dict[str, frozenset[Pos]] = dict(map_data.regions)
        self.spawns: dict[str, Pos] = dict(map_data.spawn_points)
        self.uids: set[str] = set()
        self.deploy_queue = list(map_data.deploy_points)
        self.pool = set(spec.deploy.units) if spec.deploy is not None else set()

    def err(self, path: KeyPath, message: str) -> None:
        self.problems.append(self.doc.problem(path, message))

    # ---- whole scenario ----------------------------------------------------------------------
    def compile(self, scenario_id: str) -> tuple[BattleContext | None, tuple[Deployment, ...], DeployPlan | None]:
        spec = self.spec
        if spec.id != scenario_id:
            self.err(("id",), f"the id {spec.id!r} must match the scenario's folder name {scenario_id!r}")
        self._sides()
        self._extra_places()
        self._collect_uids()
        deployments = tuple(
            d for i, u in enumerate(spec.units) if (d := self._deployment(u, ("units", i), initial=True)) is not None
        )
        plan = self._deploy_plan()
        objectives = {name: self._objective_set(name, o, ("objectives", name)) for name, o in spec.objectives.items()}
        triggers = self._triggers(objectives)
        effects = self._weather()
        if self.problems:
            return None, (), None
        script = Script(
            regions=frozen_map(self.regions),
            spawn_points=frozen_map(self.spawns),
            objectives=frozen_map(objectives),
            triggers=tuple(triggers),
        )
        info = {
            "title": spec.title,
            "briefing": spec.briefing,
            "location": spec.location,
            "order": spec.order,
            "weather": spec.weather.name if spec.weather else None,
            "weather_description": spec.weather.description if spec.weather else "",
        }
        ctx = BattleContext(
            defs=self.defs,
            grid=self.map.grid,
            sides=tuple(self.sides),
            script=script,
            scenario_id=spec.id,
            global_effects=tuple(effects),
            info=frozen_map(info),
        )
        return ctx, deployments, plan

    def _sides(self) -> None:
        seen: set[str] = set()
        for i, side in enumerate(self.spec.sides):
            sd = SideDef(side) if isinstance(side, str) else SideDef(side.id, side.name, side.team)
            if sd.id in seen:
                self.err(("sides", i), f"side {sd.id!r} is listed twice")
                continue
            seen.add(sd.id)
            self.sides.append(sd)
        if len({sd.team for sd in self.sides}) < 2:
            self.err(("sides",), "a battle needs at least two teams (sides on the same team are friends)")

    @property
    def side_ids(self) -> list[str]:
        return [sd.id for sd in self.sides]

    def _player_side(self) -> str:
        return "player" if "player" in self.side_ids else self.side_ids[0]

    def _opponent(self, side: str) -> str:
        team = {sd.id: sd.team for sd in self.sides}
        for sd in self.sides:
            if sd.team != team.get(side):
                return sd.id
        return side

    def _extra_places(self) -> None:
        grid = self.map.grid
        for name, region in self.spec.regions.items():
            path: KeyPath = ("regions", name)
            if name in self.regions:
                self.err(path, f"region {name!r} is already defined by the map")
                continue
            tiles: set[Pos] = set()
            if region.rect is not None:
                x, y, w, h = region.rect
                tiles |= {(x + i, y + j) for i in range(w) for j in range(h)}
            for t in region.tiles or []:
                tiles.add((t[0], t[1]))
            outside = sorted(t for t in tiles if not grid.in_bounds(t))
            if not tiles:
                self.err(path, "a region needs `rect: [x, y, w, h]` or `tiles: [[x, y], ...]`")
            elif outside:
                self.err(path, f"tile {outside[0]} is outside the {grid.width}x{grid.height} map")
            else:
                self.regions[name] = frozenset(tiles)
        for name, pos in self.spec.spawn_points.items():
            path = ("spawn_points", name)
            if name in self.spawns:
                self.err(path, f"spawn point {name!r} is already defined by the map")
            elif not grid.in_bounds((pos[0], pos[1])):
                self.err(path, f"{tuple(pos)} is outside the {grid.width}x{grid.height} map")
            else:
                self.spawns[name] = (pos[0], pos[1])

    def _collect_uids(self) -> None:
        def add(uid: str | None, path: KeyPath) -> None:
            if uid is None:
                return
            if uid in self.uids:
                self.err(path, f"unit id {uid!r} is used twice")
            self.uids.add(uid)

        for i, u in enumerate(self.spec.units):
            add(u.uid, ("units", i, "uid"))
        for i, trig in enumerate(self.spec.events):
            for j, action in enumerate(trig.do):
                if isinstance(action, s.SpawnAction):
                    for k, u in enumerate(action.spawn):
                        path = ("events", i, "do", j, "spawn", k, "uid")
                        if u.uid is not None and trig.repeat:
                            self.err(path, "a repeating event cannot spawn a unit with a fixed uid (it would clash)")
                        add(u.uid, path)

    # ---- deployments ---------------------------------------------------------------------------
    def _deployment(self, d: s.DeploymentSpec, path: KeyPath, *, initial: bool) -> Deployment | None:
        ok = True
        if d.unit not in self.defs.units:
            self.err((*path, "unit"), f"unknown unit {d.unit!r}{suggest(d.unit, self.defs.units)}")
            ok = False
        if d.pilot is not None and d.pilot not in self.defs.pilots:
            self.err((*path, "pilot"), f"unknown pilot {d.pilot!r}{suggest(d.pilot, self.defs.pilots)}")
            ok = False
        if d.side not in self.side_ids:
            self.err((*path, "side"), f"side {d.side!r} is not one of this battle's sides {self.side_ids}")
            ok = False
        pos: Pos | None = None
        spawn: str | None = None
        if isinstance(d.at, list):
            pos = (d.at[0], d.at[1])
            if not self.map.grid.in_bounds(pos):
                g = self.map.grid
                self.err((*path, "at"), f"{pos} is outside the {g.width}x{g.height} map")
                ok = False
        elif isinstance(d.at, str):
            if d.at not in self.spawns:
                self.err((*path, "at"), f"unknown spawn point {d.at!r}{suggest(d.at, self.spawns)}")
                ok = False
            elif initial:
                pos = self.spawns[d.at]  # start positions are fixed tiles
            else:
                spawn = d.at
        elif initial and d.uid in self.pool:
            pass  # placed on a deploy slot the player picks (see _deploy_plan)
        elif initial and d.side == self._player_side() and self.deploy_queue:
            pos = self.deploy_queue.pop(0)[1]
        else:
            self.err(path, "needs `at`: [x, y] or a spawn point name")
            ok = False
        if not ok:
            return None
        return Deployment(
            unit=d.unit,
            side=d.side,
            pilot=d.pilot,
            pos=pos,
            spawn=spawn,
            uid=d.uid,
            level=d.level,
            will=d.will,
            hp_pct=d.hp_pct,
            flying=d.flying,
            tags=tuple(d.tags),
            ai=frozen_map(_mapping(plain(d.ai))),  # plain data: it goes into the saved battle state
            upgrades=frozen_map(d.upgrades),
        )

    def _deploy_plan(self) -> DeployPlan | None:
        spec = self.spec.deploy
        if spec is None:
            return None
        path: KeyPath = ("deploy",)
        listed = {u.uid: (i, u) for i, u in enumerate(self.spec.units) if u.uid is not None}
        for j, uid in enumerate(spec.units):
            where = (*path, "units", j)
            if uid not in listed:
                self.err(where, f"no unit in `units:` has the uid {uid!r}{suggest(uid, listed)}")
            elif listed[uid][1].side != self._player_side():
                side = self._player_side()
                self.err(where, f"{uid!r} is not a {side} unit; only the player's units deploy by choice")
            elif listed[uid][1].at is not None:
                i = listed[uid][0]
                self.err(("units", i, "at"), f"{uid!r} is in the deploy pool and takes a deploy slot: remove `at`")
            if spec.units.index(uid) != j:
                self.err(where, f"{uid!r} is listed twice")
        slots: list[Pos] = []
        grid = self.map.grid
        for j, at in enumerate(spec.slots):
            where = (*path, "slots", j)
            if isinstance(at, str):
                if at not in self.spawns:
                    self.err(where, f"unknown spawn point {at!r}{suggest(at, self.spawns)}")
                    continue
                pos = self.spawns[at]
            else:
                pos = (at[0], at[1])
                if not grid.in_bounds(pos):
                    self.err(where, f"{pos} is outside the {grid.width}x{grid.height} map")
                    continue
            if pos in slots:
                self.err(where, f"two slots are the same tile {pos}")
            slots.append(pos)
        if spec.min > min(len(spec.slots), len(spec.units)):
            self.err((*path, "min"), f"min {spec.min} is more than the slots or units there are")
        return DeployPlan(tuple(slots), tuple(spec.units), spec.min)

    # ---- selectors and conditions ------------------------------------------------------------
    def select(self, sel: str | s.SelectFields, path: KeyPath) -> Select:
        if isinstance(sel, str):
            sel = s.SelectFields(uid=sel)
        if sel.uid is not None and sel.uid not in self.uids:
            self.err(path, f"no unit has the uid {sel.uid!r}{suggest(sel.uid, self.uids)} (give the unit `uid:`)")
        if sel.side is not None and sel.side not in self.side_ids:
            self.err(path, f"side {sel.side!r} is not one of this battle's sides {self.side_ids}")
        if sel.unit is not None and sel.unit not in self.defs.units:
            self.err(path, f"unknown unit {sel.unit!r}{suggest(sel.unit, self.defs.units)}")
        if sel.pilot is not None and sel.pilot not in self.defs.pilots:
            self.err(path, f"unknown pilot {sel.pilot!r}{suggest(sel.pilot, self.defs.pilots)}")
        return Select(uid=sel.uid, side=sel.side, unit=sel.unit, pilot=sel.pilot, tag=sel.tag)

    def _fields(self, spec: s.SelectFields) -> s.SelectFields:
        return s.SelectFields(uid=spec.uid, side=spec.side, unit=spec.unit, pilot=spec.pilot, tag=spec.tag)

    def condition(self, c: Any, path: KeyPath) -> Condition:
        if isinstance(c, s.TurnCond):
            if c.phase is not None and c.phase not in self.side_ids:
                self.err((*path, "phase"), f"side {c.phase!r} is not one of this battle's sides {self.side_ids}")
            if c.every is not None and c.turn is None:
                self.err(path, "`every` needs a first `turn`")
            return PhaseIs(side=c.phase, turn=c.turn, every=c.every)
        if isinstance(c, s.TurnAtLeastCond):
            return TurnAtLeast(c.turn_at_least)
        if isinstance(c, s.AfterTurnCond):
            return TurnAtLeast(c.after_turn + 1)
        if isinstance(c, s.DefeatedCond):
            return AllDefeated(self.select(c.defeated, (*path, "defeated")))
        if isinstance(c, s.DestroyedCond):
            return AnyDestroyed(self.select(c.destroyed, (*path, "destroyed")))
        if isinstance(c, s.RetreatedCond):
            return AnyRetreated(self.select(c.retreated, (*path, "retreated")))
        if isinstance(c, s.GoneCond):
            return NoneActive(self.select(c.gone, (*path, "gone")))
        if isinstance(c, s.CapturedCond):
            if isinstance(c.captured, str):
                return Captured(self.select(c.captured, (*path, "captured")))
            return Captured(self.select(self._fields(c.captured), (*path, "captured")), c.captured.count)
        if isinstance(c, s.InRegionCond):
            spec = c.in_region
            if spec.region not in self.regions:
                self.err(
                    (*path, "in_region", "region"),
                    f"unknown region {spec.region!r}{suggest(spec.region, self.regions)}",
                )
            return InRegion(self.select(self._fields(spec), (*path, "in_region")), spec.region, spec.count)
        if isinstance(c, s.HpAtMostCond):
            return HpAtMost(self.select(self._fields(c.hp_at_most), (*path, "hp_at_most")), c.hp_at_most.pct)
        if isinstance(c, s.HpAtLeastCond):
            return HpAtLeast(self.select(self._fields(c.hp_at_least), (*path, "hp_at_least")), c.hp_at_least.pct)
        if isinstance(c, s.AdjacentCond):
            a, b = c.adjacent
            return Adjacent(self.select(a, (*path, "adjacent", 0)), self.select(b, (*path, "adjacent", 1)))
        if isinstance(c, s.FlagCond):
            if isinstance(c.flag, str):
                return FlagIs(c.flag)
            return FlagIs(c.flag.name, plain(c.flag.value))
        if isinstance(c, s.AlwaysCond):
            return Always()
        if isinstance(c, s.AllCond):
            return AllOf(tuple(self.condition(x, (*path, "all", i)) for i, x in enumerate(c.all)))
        if isinstance(c, s.AnyCond):
            return AnyOf(tuple(self.condition(x, (*path, "any", i)) for i, x in enumerate(c.any)))
        if isinstance(c, s.NotCond):
            return Not(self.condition(c.not_, (*path, "not")))
        raise TypeError(f"unhandled condition {c!r}")  # pragma: no cover - the schema lists them all

    # ---- objectives, triggers, actions -----------------------------------------------------------
    def _objective_set(self, name: str, o: s.ObjectiveSetSpec, path: KeyPath) -> Objectives:
        if o.side not in self.side_ids:
            self.err((*path, "side"), f"side {o.side!r} is not one of this battle's sides {self.side_ids}")

        def objs(kind: str, items: list[s.ObjectiveSpec]) -> tuple[Objective, ...]:
            return tuple(
                Objective(text=it.text, condition=self.condition(it.when, (*path, kind, i, "when")), id=it.id)
                for i, it in enumerate(items)
            )

        victory = objs("victory", o.victory)
        defeat = objs("defeat", o.defeat)
        if not victory:
            self.err(path, f"objective set {name!r} has no victory condition")
        return Objectives(victory=victory, defeat=defeat, bonus=objs("bonus", o.bonus), side=o.side)

    def _triggers(self, objectives: Mapping[str, Objectives]) -> list[Trigger]:
        out: list[Trigger] = []
        ids: set[str] = set()
        for i, t in enumerate(self.spec.events):
            path: KeyPath = ("events", i)
            if t.id in ids:
                self.err((*path, "id"), f"event id {t.id!r} is used twice")
            ids.add(t.id)
            cond = self.condition(t.when, (*path, "when"))
            actions = tuple(self.action(a, (*path, "do", j), repeat=t.repeat) for j, a in enumerate(t.do))
            out.append(Trigger(t.id, cond, actions, t.repeat))
        out.extend(self._closing(objectives))
        return out

    def _closing(self, objectives: Mapping[str, Objectives]) -> list[Trigger]:
        """Closing dialogue: shown in the checkpoint that ends the battle, just before it ends."""
        closing = self.spec.closing
        player = self._player_side()
        won: list[Condition] = []
        lost: list[Condition] = []
        for name, o in objectives.items():
            if o.side != player:
                continue
            vic = AnyOf(tuple(v.condition for v in o.victory))
            dft = AnyOf(tuple(d.condition for d in o.defeat))
            won.append(AllOf((ObjectivesAre(name), vic, Not(dft))))
            lost.append(AllOf((ObjectivesAre(name), dft)))
        out: list[Trigger] = []
        if closing.victory:
            lines = tuple(self.line(ln) for ln in closing.victory)
            out.append(Trigger("closing_victory", AnyOf(tuple(won)), (Dialogue(lines),)))
        if closing.defeat:
            lines = tuple(self.line(ln) for ln in closing.defeat)
            out.append(Trigger("closing_defeat", AnyOf(tuple(lost)), (Dialogue(lines),)))
        return out

    def line(self, ln: s.LineSpec) -> DialogueLine:
        portrait = ln.portrait if "portrait" in ln.model_fields_set else ln.speaker
        return DialogueLine(speaker=ln.speaker, text=ln.text, portrait=portrait, expression=ln.expression)

    def action(self, a: Any, path: KeyPath, *, repeat: bool) -> Action:
        if isinstance(a, s.SpawnAction):
            deps = [self._deployment(d, (*path, "spawn", k), initial=False) for k, d in enumerate(a.spawn)]
            return Spawn(tuple(d for d in deps if d is not None))
        if isinstance(a, s.DialogueAction):
            return Dialogue(tuple(self.line(ln) for ln in a.dialogue))
        if isinstance(a, s.ObjectivesAction):
            if a.objectives not in self.spec.objectives:
                self.err(
                    (*path, "objectives"),
                    f"unknown objective set {a.objectives!r}{suggest(a.objectives, self.spec.objectives)}",
                )
            return SetObjectives(a.objectives)
        if isinstance(a, s.RetreatAction):
            if isinstance(a.retreat, str):
                return Retreat(self.select(a.retreat, (*path, "retreat")))
            line = self.line(a.retreat.line) if a.retreat.line is not None else None
            return Retreat(self.select(self._fields(a.retreat), (*path, "retreat")), line)
        if isinstance(a, s.WillAction):
            return ChangeWill(self.select(self._fields(a.change_will), (*path, "change_will")), a.change_will.delta)
        if isinstance(a, s.SetFlagAction):
            if isinstance(a.set_flag, str):
                return SetFlag(a.set_flag)
            return SetFlag(a.set_flag.name, plain(a.set_flag.value))
        if isinstance(a, s.SetAIAction):
            return SetAI(
                self.select(self._fields(a.set_ai), (*path, "set_ai")), frozen_map(_mapping(plain(a.set_ai.ai)))
            )
        if isinstance(a, s.WinAction):
            return EndBattle(self._player_side(), a.win)
        if isinstance(a, s.LoseAction):
            return EndBattle(self._opponent(self._player_side()), a.lose)
        if isinstance(a, s.EndAction):
            if a.end_battle.winner not in self.side_ids:
                self.err((*path, "end_battle", "winner"), f"side {a.end_battle.winner!r} is not one of {self.side_ids}")
            return EndBattle(a.end_battle.winner, a.end_battle.reason)
        raise TypeError(f"unhandled action {a!r}")  # pragma: no cover - the schema lists them all

    def _weather(self) -> list[Modifier]:
        weather = self.spec.weather
        if weather is None:
            return []
        out: list[Modifier] = []
        for i, e in enumerate(weather.effects):
            path: KeyPath = ("weather", "effects", i)
            if e.key not in ALL_KEYS:
                self.err((*path, "key"), f"unknown effect key {e.key!r}{suggest(e.key, ALL_KEYS)}")
                continue
            bad = sorted(set(e.when) - WHEN_FIELDS)
            if bad:
                self.err((*path, "when"), f"unknown condition {bad[0]!r}{suggest(bad[0], WHEN_FIELDS)}")
                continue
            conditions: dict[str, Any] = {k: frozenset(v) if isinstance(v, list) else v for k, v in e.when.items()}
            when = When(**conditions)
            out.append(Modifier(e.key, Fraction(str(e.value)), when))
        return out


def compile_scenario(
    doc: YamlDoc, spec: s.ScenarioSpec, map_data: MapData, defs: Definitions, scenario_id: str
) -> tuple[BattleContext | None, tuple[Deployment, ...], DeployPlan | None, list[Problem]]:
    """The context, the units of `units:` in file order (deploy-pool units without a
    position), the deploy plan (None without a `deploy` block) and every problem."""
    c = Compiler(doc, spec, map_data, defs)
    ctx, listed, plan = c.compile(scenario_id)
    return ctx, listed, plan, c.problems


def _mapping(value: object) -> Mapping[str, Any]:
    """An `ai:` block as plain data (the schema makes it a mapping)."""
    return value if isinstance(value, Mapping) else {}
