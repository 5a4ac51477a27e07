"""Every string the shipped data and scenarios can put on screen, in every screen and panel
that shows it, stays inside its panel, on the screen, and clear of other text.

Units stand in for each other: every shipped unit is shown under the longest pilot name and
every pilot in the unit with the longest name, so the longest of each is seen in each panel.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

import pygame
import pytest

from game.campaign import PilotRecord, StageResult, start_campaign
from game.core import Attack, BattleState, CastSpirit, IllegalCommand, apply, distance, forecast
from game.core.defs import frozen_map
from game.core.script import Dialogue, Retreat
from game.ui.model.catalog import LoadedScenario
from game.ui.model.dialogue import display_lines
from game.ui.model.session import PLAYER_SIDE, BattleSession
from game.ui.render.text import Fonts
from game.ui.scenes.battle import hud, menus
from game.ui.scenes.briefing import BriefingScene, ScenarioSelectScene
from game.ui.scenes.dialogue import DialogueScene
from game.ui.scenes.forecast import ForecastScene, ReactionScene
from game.ui.scenes.intermission import IntermissionScene
from game.ui.scenes.menu import MenuScene
from game.ui.scenes.objectives import ObjectivesScene
from game.ui.scenes.pilots import PilotsScene
from game.ui.scenes.status import StatusScene
from game.ui.scenes.unit_list import UnitListScene
from game.ui.scenes.upgrades import UpgradeScene
from game.ui.services import Services
from game.ui.wiring import scenario_catalog
from tests.ui.driver import Driver
from tests.ui.text_fit import watching

Drawing = tuple[str, Callable[[pygame.Surface], None]]


@cache
def _scenarios() -> tuple[LoadedScenario, ...]:
    catalog, _ = scenario_catalog([])
    return tuple(catalog.load(i.id) for i in catalog.scenarios())


def _services(config_dir: Path) -> Services:
    d = Driver(config_dir)
    catalog, _ = scenario_catalog([])
    d.services.catalog = catalog
    return d.services


def _longest(fonts: Fonts, names: dict[str, str]) -> str:
    return max(sorted(names), key=lambda k: fonts.width(names[k], Fonts.LARGE, True))


def _as(state: BattleState, uid: str, **change: object) -> BattleState:
    """`state` with unit `uid` changed (another unit, another pilot), its numbers kept sane."""
    changed = state.shallow_copy()
    changed.units[uid] = dataclasses.replace(state.units[uid], **change)  # type: ignore[arg-type]
    return changed


def _with_spirits(state: BattleState, uid: str) -> BattleState:
    """Every self spirit the unit's pilot knows cast on it (the unit panel lists them)."""
    state = _as(state, uid, sp=999)
    u = state.units[uid]
    pilot = state.ctx.defs.pilots.get(u.pilot_id or "")
    for ref in pilot.spirits if pilot is not None else ():
        try:
            state, _ = apply(state, CastSpirit(uid, ref.id))
        except IllegalCommand:
            continue
    return state


def _hints(services: Services, state: BattleState) -> list[str]:
    """Every hints line the map shows: the free cursor on each kind of tile, every mode, every
    side's phase."""
    from game.ui.scenes.battle.aim import AimMode
    from game.ui.scenes.battle.choose import HINTS
    from game.ui.scenes.battle.cursor import CursorMode
    from game.ui.scenes.battle.field import Field
    from game.ui.scenes.battle.move import MoveMode
    from game.ui.scenes.battle.phases import phase_hint

    session = BattleSession(None, state)  # type: ignore[arg-type]
    field = Field(services, session, None, None, None)  # type: ignore[arg-type]
    cursor = CursorMode(field)
    out = [*HINTS.values(), MoveMode.hint, AimMode.hint]
    empty = next(p for p in state.ctx.grid.positions() if state.unit_at(p) is None)
    for spot in (empty, *(u.pos for u in state.active_units())):
        field.cursor = spot
        out.append(cursor.hint)
    for i in range(len(state.ctx.sides)):
        phased = state.shallow_copy()
        phased.phase = i
        session.state = phased
        out.append(phase_hint(field))
    return sorted(set(out))


def _battle_drawings(services: Services, scenario: LoadedScenario) -> Iterator[Drawing]:
    fonts = services.fonts
    start, _ = scenario.start(scenario.seed)
    defs = start.ctx.defs
    player = next(u for u in start.active_units(PLAYER_SIDE))
    enemy = next(u for u in start.active_units() if start.ctx.hostile(PLAYER_SIDE, u.side))
    long_pilot = _longest(fonts, {p.id: p.name for p in defs.pilots.values()})
    long_unit = _longest(fonts, {u.id: u.name for u in defs.units.values()})
    # every unit, flown by the longest-named pilot; every pilot, in the longest-named unit
    cast: list[tuple[str, BattleState]] = []
    for unit_id in sorted(defs.units):
        cast.append((f"unit {unit_id}", _as(start, player.uid, unit_id=unit_id, pilot_id=long_pilot)))
    for pilot_id in sorted(defs.pilots):
        cast.append((f"pilot {pilot_id}", _as(start, player.uid, unit_id=long_unit, pilot_id=pilot_id)))
    for label, state in cast:
        shown = _with_spirits(state, player.uid)
        for top in (False, True):
            yield label, lambda s, st=shown, t=top: hud.draw_unit_panel(s, fonts, services.art, st, player.uid, top=t)
        yield label, lambda s, st=shown: StatusScene(services, st, player.uid).draw(s)

        def details(s: pygame.Surface, st: BattleState = shown) -> None:
            scene = StatusScene(services, st, player.uid)
            scene.details = True
            scene.draw(s)

        yield label, details
        for build, width, help_width in (
            (menus.action_entries, 120, 240),
            (menus.weapon_entries, 210, 300),
            (menus.spirit_entries, 160, 300),
        ):
            entries = build(shown, player.uid)
            for i in range(len(entries)):
                yield (
                    label,
                    lambda s, e=entries, i=i, w=width, h=help_width: MenuScene(
                        services, e, title="Spirit  SP 999", width=w, help_width=h, index=i, anchor=(8, 28)
                    ).draw(s),
                )
        u = state.units[player.uid]
        for w in defs.units[u.unit_id].weapons:
            if w.map_area is not None:
                continue
            attack = Attack(player.uid, w.id, enemy.uid)
            fc = forecast(state, player.uid, w.id, enemy.uid, "counter", check=False)
            yield label, lambda s, st=state, f=fc, a=attack: ForecastScene(services, st, f, a).draw(s)
    for unit_id in sorted(defs.units):  # the player's side of an enemy attack
        for w in defs.units[unit_id].weapons:
            if w.map_area is not None:
                continue
            spot = next(
                (
                    q
                    for q in start.ctx.grid.positions()
                    if w.range_min <= distance(q, player.pos) <= w.range_max and start.unit_at(q) is None
                ),
                None,
            )
            if spot is None:
                continue
            state = _as(start, enemy.uid, unit_id=unit_id, pilot_id=long_pilot, x=spot[0], y=spot[1])
            attack = Attack(enemy.uid, w.id, player.uid)
            try:
                scene = ReactionScene(services, state, attack)
            except IllegalCommand:
                continue  # this weapon cannot reach the player from there (terrain)
            yield f"enemy {unit_id}", lambda s, sc=scene: sc.draw(s)
    for terrain in sorted({start.ctx.grid.terrain_id(p) for p in start.ctx.grid.positions()}):
        pos = next(p for p in start.ctx.grid.positions() if start.ctx.grid.terrain_id(p) == terrain)
        for top in (False, True):
            yield f"terrain {terrain}", lambda s, p=pos, t=top: hud.draw_terrain_panel(s, fonts, start, p, top=t)
    for i in range(len(start.ctx.sides)):
        phase = start.shallow_copy()
        phase.phase = i
        yield f"phase {i}", lambda s, st=phase: hud.draw_phase(s, fonts, st)
    yield "briefing", lambda s: BriefingScene(services, scenario, None).draw(s)
    for hint in _hints(services, start):
        yield f"hints {hint[:20]}", lambda s, h=hint: hud.draw_hints(s, fonts, services.keys(h))
    longest = _as(start, player.uid, unit_id=long_unit, pilot_id=long_pilot)
    yield "unit list", lambda s: UnitListScene(services, longest).draw(s)
    yield "objectives", lambda s: ObjectivesScene(services, start).draw(s)
    for trigger in start.ctx.script.triggers:
        for action in trigger.actions:
            lines = (
                action.lines
                if isinstance(action, Dialogue)
                else (action.line,)
                if isinstance(action, Retreat) and action.line
                else ()
            )
            for line in lines:
                shown_line = display_lines(defs, [dataclasses.asdict(line)])

                def dialogue(s: pygame.Surface, ln: list = shown_line) -> None:
                    scene = DialogueScene(services, ln)
                    scene.update(1000.0)
                    scene.draw(s)

                yield f"dialogue {trigger.id}", dialogue


def _campaign_drawings(services: Services) -> Iterator[Drawing]:
    catalog = services.catalog
    rules = catalog.campaign_rules()
    order = catalog.campaign()
    c = start_campaign(order, rules, seed=1)
    titles = {i.id: i.title for i in catalog.scenarios()}
    longest_title = max(order, key=lambda sid: services.fonts.width(titles[sid], Fonts.SMALL))
    history = tuple(StageResult(longest_title, 99, 999999, 99, ("a", "b", "c")) for _ in range(6))
    loaded = {sid: catalog.load(sid) for sid in order}
    defs = next(iter(loaded.values())).ctx.defs
    pilots = frozen_map({p: PilotRecord(99, 9999, 999) for p in defs.pilots})
    for stage in range(len(order) + 1):
        state = dataclasses.replace(c, stage=stage, funds=9999999, pilots=pilots, history=history[:stage])
        hub = IntermissionScene(services, state)
        for i in range(len(hub.menu.entries)):
            yield f"intermission {stage} {i}", lambda s, h=hub, i=i: (setattr(h.menu, "index", i), h.draw(s))[1]
        if stage < len(order):
            nxt = loaded[order[stage]]
            yield f"pilots {stage}", lambda s, st=state, n=nxt: PilotsScene(services, st, n, defs).draw(s)
            shop = UpgradeScene(services, state, nxt, defs)
            for i in range(len(shop.unit_menu.entries)):
                yield (
                    f"upgrades {stage} {i}",
                    lambda s, sh=shop, i=i: (setattr(sh.unit_menu, "index", i), sh._refresh_stats(), sh.draw(s))[2],
                )
    from tests.ui.test_scenes_draw import _won

    result = _won(services)
    yield "result", result.draw
    hub = IntermissionScene(services, dataclasses.replace(c, stage=1, history=history[:1]))
    yield "intermission legend", hub.draw
    select = ScenarioSelectScene(services)
    for i in range(len(select.menu.entries)):
        yield f"select {i}", lambda s, i=i: (setattr(select.menu, "index", i), select.draw(s))[1]


def _check(services: Services, drawings: Iterator[Drawing]) -> list[str]:
    problems: list[str] = []
    surface = pygame.Surface((640, 360))
    with watching(services.fonts) as take:
        for label, draw in drawings:
            surface.fill((0, 0, 0))
            draw(surface)
            problems += [f"{label}: {p}" for p in take().problems()]
    return sorted(set(problems))


@pytest.mark.parametrize("index", range(len(_scenarios())))
def test_every_shipped_string_of_a_battle_fits_its_panel(config_dir: Path, index: int) -> None:
    services = _services(config_dir)
    assert _check(services, _battle_drawings(services, _scenarios()[index])) == []


def test_every_campaign_screen_fits_the_shipped_data(config_dir: Path) -> None:
    services = _services(config_dir)
    assert _check(services, _campaign_drawings(services)) == []


def test_every_shipped_dialogue_line_fits_the_box_without_being_cut(config_dir: Path) -> None:
    """The dialogue box shows four rows; a longer line would lose its end."""
    services = _services(config_dir)
    fonts = services.fonts
    too_long = []
    for scenario in _scenarios():
        state, _ = scenario.start(scenario.seed)
        for trigger in state.ctx.script.triggers:
            for action in trigger.actions:
                lines = action.lines if isinstance(action, Dialogue) else ()
                if isinstance(action, Retreat) and action.line is not None:
                    lines = (action.line,)
                for line in lines:
                    width = 640 - 16 - 98 - 14  # the box, the portrait, the margin
                    if len(fonts.wrap(line.text, width)) > 4:
                        too_long.append(f"{scenario.id} {trigger.id}: {line.text[:40]}...")
    assert too_long == []


def test_the_checker_sees_text_leave_a_panel_and_text_written_over_text(config_dir: Path) -> None:
    services = _services(config_dir)
    fonts = services.fonts

    def bad(s: pygame.Surface) -> None:
        fonts.panel(s, pygame.Rect(10, 10, 60, 24))
        fonts.draw(s, "UN Mars Observation Base", (16, 14))
        fonts.draw(s, "Will 123", (40, 14))

    problems = _check(services, iter([("bad", bad)]))
    assert any("leaves its panel" in p for p in problems)
    assert any("written over each other" in p for p in problems)
