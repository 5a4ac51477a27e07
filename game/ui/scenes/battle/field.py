"""What every input mode of the battle map shares: the session, the map view, camera and
playback, the cursor, and the overlays the player toggles (danger zone, an inspected unit)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

from game.core import BattleState, UnitState
from game.core.movement import reachable
from game.ui.model.ranges import attack_tiles, danger_zone
from game.ui.model.session import PLAYER_SIDE, BattleSession
from game.ui.model.unit_actions import ready_units, weapon_rows
from game.ui.model.wording import action_words
from game.ui.render import theme
from game.ui.render.menu import Entry, ListMenu
from game.ui.scenes.battle.camera import BOTTOM_ROOM, TOP_ROOM, Camera
from game.ui.scenes.battle.mode import STAY, Open, Result, show
from game.ui.scenes.battle.playback import Playback
from game.ui.scenes.battle.view import MapView, TileLayers
from game.ui.scenes.menu import MenuScene
from game.ui.services import Services
from game.ui.settings import rewind_limit

if TYPE_CHECKING:
    from collections.abc import Callable

    from game.ui.scenes.battle.mode import Orders

Tiles = set[tuple[int, int]]
HELP_ROOM = 40  # under a menu: its help box


class Field:
    def __init__(
        self, services: Services, session: BattleSession, view: MapView, camera: Camera, playback: Playback
    ) -> None:
        self.services = services
        self.session = session
        self.view = view
        self.camera = camera
        self.playback = playback
        self.orders: Orders  # the player's turn, plugged in by the battle scene
        start = next((u for u in session.state.active_units(PLAYER_SIDE)), None)
        self.cursor = start.pos if start else (0, 0)
        self.show_danger = False
        self.overlays = TileLayers()  # the tile overlays, kept while their tiles stay the same
        self.inspect: str | None = None  # a unit whose reach and attack range are shown
        self.acting: str | None = None  # the computer's (or replay's) unit now acting
        self.ai_count = 0  # commands the computer gave this phase
        self.phase_began = False  # the player's phase has just begun: look at the first ready unit
        self._danger: tuple[BattleState, Tiles] | None = None
        self._inspected: tuple[str, BattleState, Tiles, Tiles] | None = None

    @property
    def state(self) -> BattleState:
        return self.session.state

    def unit_at(self, pos: tuple[int, int]) -> UnitState | None:
        return self.state.unit_at(pos)

    def enemy_phase(self) -> bool:
        return not self.session.player_phase and self.state.outcome is None

    # ---- the cursor --------------------------------------------------------------------------
    def set_cursor(self, pos: tuple[int, int]) -> None:
        grid = self.state.ctx.grid
        pos = (max(0, min(grid.width - 1, pos[0])), max(0, min(grid.height - 1, pos[1])))
        if pos != self.cursor:
            self.cursor = pos
            self.services.audio.sfx("cursor")
        self.camera.keep_visible(self.cursor)

    def ready_units(self) -> list[str]:
        return ready_units(self.state, PLAYER_SIDE)

    def next_unit(self, step: int) -> None:
        """The cursor to the next (or previous) unit that has not acted."""
        ready = self.ready_units() or [u.uid for u in self.state.active_units(PLAYER_SIDE)]
        if not ready:
            return
        here = self.unit_at(self.cursor)
        i = ready.index(here.uid) if here is not None and here.uid in ready else -1
        self.set_cursor(self.state.unit(ready[(i + step) % len(ready)]).pos)
        self.camera.center_on(self.cursor)

    def look_at_first_ready(self) -> None:
        """At the start of the player's phase: the cursor on the first unit ready to act."""
        self.phase_began = False
        ready = self.ready_units()
        if ready:
            self.set_cursor(self.state.unit(ready[0]).pos)
            self.camera.center_on(self.cursor)

    # ---- rewinding --------------------------------------------------------------------------
    @property
    def rewind_limit(self) -> int | None:
        return rewind_limit(self.services.settings.rewind)

    def rewind_problem(self) -> str | None:
        return self.session.rewind_problem(self.rewind_limit)

    def rewind(self) -> Result:
        """Take back the player's last action of this phase and show the map as it was."""
        problem = self.rewind_problem()
        if problem is not None:
            self.refuse(problem)
            return STAY
        command = self.session.rewind()
        state = self.state
        self.view.sync(state)
        self.playback.final = state
        self.inspect = None
        uid = getattr(command, "unit", None)
        if isinstance(uid, str) and uid in state.units and state.unit(uid).active:
            self.set_cursor(state.unit(uid).pos)
        limit = self.rewind_limit
        left = "" if limit is None else f" ({limit - self.session.rewinds_used} left)"
        self.services.audio.sfx("cancel")
        self.services.notify(f"Rewound: {action_words(state, command)}{left}", 3.0)
        return self.orders.free()

    def toggle_danger(self) -> None:
        self.show_danger = not self.show_danger
        self.services.audio.sfx("select")

    def refuse(self, reason: str) -> None:
        self.services.audio.sfx("buzz")
        self.services.notify(reason, 2.5)

    # ---- menus over the map --------------------------------------------------------------------
    def menu_anchor(
        self, size: tuple[int, int], help_width: int, near: tuple[int, int], avoid: set[tuple[int, int]]
    ) -> tuple[int, int]:
        """Where a menu goes: the corner of the screen that covers the fewest of the `avoid`
        tiles (the unit, its targets), and of those the farthest from `near` (as in SRW)."""
        cam = self.camera
        w, h = size
        help_w = max(help_width, w)
        xs = (8, cam.view_w - w - 8)
        ys = (TOP_ROOM + 4, cam.view_h - h - HELP_ROOM - BOTTOM_ROOM)
        tiles = [pygame.Rect(*cam.screen_of(t), theme.TILE, theme.TILE) for t in avoid]
        nx, ny = cam.screen_of(near)

        def score(corner: tuple[int, int]) -> tuple[int, float]:
            x, y = corner
            menu = pygame.Rect(x, y, w, h)
            # the help box under it, placed as ListMenu places it
            help_box = pygame.Rect(max(2, min(x, cam.view_w - help_w - 2)), y + h + 2, help_w, HELP_ROOM - 2)
            covered = sum(1 for t in tiles if t.colliderect(menu) or t.colliderect(help_box))
            return covered, -(abs(x + w / 2 - nx) + abs(y + h / 2 - ny))

        return min(((x, y) for x in xs for y in ys), key=score)

    def unit_tiles(self, uid: str) -> set[tuple[int, int]]:
        """The unit and every unit its weapons can reach now: what its menus must not cover."""
        state = self.state
        tiles = {state.unit(uid).pos}
        for row in weapon_rows(state, uid):
            tiles |= {state.unit(t).pos for t in row.targets}
        return tiles

    def menu(
        self,
        uid: str,
        entries: list[Entry],
        title: str,
        width: int,
        help_width: int,
        answer: Callable[[Any], Result],
    ) -> Open:
        """A unit's menu, clear of the unit and its targets; the map waits with nothing drawn
        while it is open."""
        rows = ListMenu(entries, title=title, width=width)
        anchor = self.menu_anchor(rows.size(), help_width, self.state.unit(uid).pos, self.unit_tiles(uid))
        scene = MenuScene(self.services, entries, title=title, anchor=anchor, width=width, help_width=help_width)
        return show(scene, answer, keep=False)

    # ---- overlays (cached per state: states are never changed in place) --------------------
    def danger_tiles(self) -> Tiles:
        if self._danger is None or self._danger[0] is not self.state:
            self._danger = (self.state, danger_zone(self.state, PLAYER_SIDE))
        return self._danger[1]

    def inspect_tiles(self, uid: str) -> tuple[Tiles, Tiles]:
        """Where an inspected unit could go and strike in its next phase."""
        cached = self._inspected
        if cached is None or cached[0] != uid or cached[1] is not self.state:
            reach = set(reachable(self.state, uid).costs)
            cached = (uid, self.state, reach, attack_tiles(self.state, uid, from_tiles=reach) - reach)
            self._inspected = cached
        return cached[2], cached[3]
