"""What every input mode of the battle map shares: the session, the map view, camera and
playback, the cursor, and the overlays the player toggles (danger zone, an inspected unit)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from game.core import BattleState, UnitState
from game.core.movement import reachable
from game.ui.model.ranges import attack_tiles, danger_zone
from game.ui.model.session import PLAYER_SIDE, BattleSession
from game.ui.model.unit_actions import ready_units
from game.ui.render import theme
from game.ui.render.menu import Entry
from game.ui.scenes.battle.camera import Camera
from game.ui.scenes.battle.mode import Open, Result, show
from game.ui.scenes.battle.playback import Playback
from game.ui.scenes.battle.view import MapView
from game.ui.scenes.menu import MenuScene
from game.ui.services import Services

if TYPE_CHECKING:
    from collections.abc import Callable

    from game.ui.scenes.battle.mode import Orders

Tiles = set[tuple[int, int]]


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
        self.inspect: str | None = None  # a unit whose reach and attack range are shown
        self.acting: str | None = None  # the computer's (or replay's) unit now acting
        self.ai_count = 0  # commands the computer gave this phase
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

    def toggle_danger(self) -> None:
        self.show_danger = not self.show_danger
        self.services.audio.sfx("select")

    def refuse(self, reason: str) -> None:
        self.services.audio.sfx("buzz")
        self.services.notify(reason, 2.5)

    # ---- menus beside a unit -----------------------------------------------------------------
    def unit_anchor(self, uid: str) -> tuple[int, int]:
        x, y = self.camera.screen_of(self.state.unit(uid).pos)
        if x > 400:
            return (x - 150, y - 10)
        return (x + theme.TILE + 6, y - 10)

    def menu(
        self,
        uid: str,
        entries: list[Entry],
        title: str,
        width: int,
        help_width: int,
        answer: Callable[[Any], Result],
    ) -> Open:
        """A unit's menu beside it; the map waits with nothing drawn while it is open."""
        anchor = self.unit_anchor(uid)
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
