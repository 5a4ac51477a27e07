"""Where things go on the battle map: the camera lets every row out from under the HUD,
menus keep clear of the unit and its targets, the player's phase starts on a ready unit,
and the hints say how to end the turn."""

from __future__ import annotations

import copy
from pathlib import Path

import pygame
import pytest

from game.core import distance
from game.core.movement import reachable
from game.ui.input.actions import Action
from game.ui.model.session import PLAYER_SIDE, BattleSession
from game.ui.render.menu import ListMenu
from game.ui.render.theme import TILE
from game.ui.scenes.battle import menus
from game.ui.scenes.battle.camera import BOTTOM_ROOM, TOP_ROOM, Camera
from game.ui.scenes.battle.cursor import CursorMode
from game.ui.scenes.battle.field import HELP_ROOM
from game.ui.scenes.battle.scene import BattleScene
from game.ui.scenes.menu import MenuScene
from game.ui.wiring import scenario_catalog
from tests.ui.driver import Driver
from tests.ui.player import battle, click_tile, end_turn, pick, wait_for_input
from tests.ui.test_battle_flow import start


@pytest.mark.parametrize("size", [(8, 6), (20, 10), (20, 11), (20, 12), (24, 18), (40, 30), (12, 40)])
def test_every_row_can_be_seen_clear_of_the_turn_label_and_the_hints(size: tuple[int, int]) -> None:
    for row in range(size[1]):
        cam = Camera(size)
        cam.keep_visible((size[0] // 2, row))
        cam.x, cam.y = cam.tx, cam.ty
        _, y = cam.screen_of((0, row))
        assert y + 8 >= TOP_ROOM and y + TILE - 8 <= 360 - BOTTOM_ROOM, (row, y)  # most of the tile is free
        if size[1] * TILE <= 360 - TOP_ROOM - BOTTOM_ROOM:
            assert y >= TOP_ROOM and y + TILE <= 360 - BOTTOM_ROOM


def _shipped_sessions() -> list[BattleSession]:
    catalog, _ = scenario_catalog([])
    return [BattleSession.start(catalog.load(i.id)) for i in catalog.scenarios()]


def test_unit_menus_never_cover_the_unit_they_are_for(config_dir: Path) -> None:
    d = Driver(config_dir)
    for session in _shipped_sessions():
        scene = BattleScene(d.services, session)
        f = scene.field
        for u in session.state.active_units(PLAYER_SIDE):
            f.camera.center_on(u.pos, snap=True)
            for build, width, help_width in ((menus.action_entries, 120, 240), (menus.weapon_entries, 210, 300)):
                size = ListMenu(build(session.state, u.uid), title="x", width=width).size()
                x, y = f.menu_anchor(size, help_width, u.pos, f.unit_tiles(u.uid))
                help_w = max(size[0], help_width)
                area = pygame.Rect(x, y, *size)
                help_box = pygame.Rect(max(2, min(x, 640 - help_w - 2)), y + size[1] + 2, help_w, HELP_ROOM - 2)
                tile = pygame.Rect(*f.camera.screen_of(u.pos), TILE, TILE)
                assert not area.colliderect(tile) and not help_box.colliderect(tile), (session.scenario.id, u.uid)
                assert pygame.Rect(0, 0, 640, 360).contains(area.union(help_box))


def test_the_unit_menus_leave_the_attacker_and_its_targets_in_view(config_dir: Path) -> None:
    d = Driver(config_dir)
    start(d, "training_first_contact")
    wait_for_input(d)
    b = battle(d)
    state = b.state
    foes = [t.pos for t in state.active_units() if t.side != PLAYER_SIDE]
    stops = reachable(state, "layzner").stops
    spot = min(stops, key=lambda p: min(distance(p, f) for f in foes))  # as close as it gets
    click_tile(d, state.unit("layzner").pos)
    click_tile(d, spot)
    d.until(lambda: isinstance(d.top, MenuScene), 10)
    avoid = b.field.unit_tiles("layzner")
    assert len(avoid) > 1  # someone to attack from there
    for key in (None, "attack"):
        if key is not None:
            pick(d, key)
        d.draw()
        menu = d.top
        assert isinstance(menu, MenuScene)
        for tile in avoid:
            assert not menu.menu.rect.colliderect(pygame.Rect(*b.camera.screen_of(tile), TILE, TILE)), (key, tile)


def test_the_players_phase_starts_on_a_ready_unit(config_dir: Path) -> None:
    d = Driver(config_dir)
    start(d, "training_first_contact")
    wait_for_input(d)
    b = battle(d)
    b.field.set_cursor((0, 0))
    end_turn(d)
    wait_for_input(d, 300)
    if b.state.outcome is not None:
        pytest.skip("the battle ended in the enemy phase")
    first = b.field.ready_units()[0]
    assert b.cursor == b.state.unit(first).pos
    expected = copy.copy(b.camera)
    expected.center_on(b.cursor)
    assert (b.camera.tx, b.camera.ty) == (expected.tx, expected.ty)


def test_the_hints_say_how_to_end_the_turn(config_dir: Path) -> None:
    d = Driver(config_dir)
    start(d, "training_first_contact")
    wait_for_input(d)
    b = battle(d)
    mode = CursorMode(b.field)
    b.field.cursor = next(p for p in b.state.ctx.grid.positions() if b.state.unit_at(p) is None)
    assert "End Turn" in mode.hint
    b.field.cursor = b.state.unit("layzner").pos
    assert mode.hint.startswith("{confirm} select")


def test_the_unit_list_from_the_map_menu_takes_the_cursor_to_a_unit(config_dir: Path) -> None:
    from game.ui.scenes.unit_list import UnitListScene

    d = Driver(config_dir)
    start(d, "training_first_contact")
    wait_for_input(d)
    b = battle(d)
    click_tile(d, next(p for p in b.state.ctx.grid.positions() if b.state.unit_at(p) is None))
    pick(d, "units")
    listing = d.top
    assert isinstance(listing, UnitListScene)
    assert listing.menu.entries[0].key in {u.uid for u in b.state.active_units(PLAYER_SIDE)}
    assert len(listing.menu.entries) == len(list(b.state.active_units()))
    d.press(Action.DOWN)
    chosen = str(listing.menu.current.key)  # type: ignore[union-attr]
    d.press(Action.CONFIRM)
    assert d.top is b and b.cursor == b.state.unit(chosen).pos
