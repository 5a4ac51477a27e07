"""The battle map scene: applies what its input mode answers, plays back events, draws.

It holds no rules. What a unit may do, where it may go and why something is refused all
come from the engine (through `game.ui.model`); commands go through the session to
`game.core.apply`, and the returned events are played back. The input modes (free cursor,
move, choose a target, aim a MAP weapon, playback, the computer's phase) live in their own
modules and answer with a `mode.Result`.
"""

from __future__ import annotations

from typing import Any

import pygame

from game.core import BattleState, Command, IllegalCommand
from game.core.events import Event
from game.ui.input.actions import Action, InputEvent, Kind
from game.ui.model.music import battle_music, is_boss
from game.ui.model.session import PLAYER_SIDE, BattleSession
from game.ui.model.wording import in_words
from game.ui.render.theme import TILE
from game.ui.scene import Scene, Then, Transition
from game.ui.scenes.battle import hud
from game.ui.scenes.battle.camera import Camera
from game.ui.scenes.battle.cursor import CursorMode
from game.ui.scenes.battle.director import Director
from game.ui.scenes.battle.field import Field
from game.ui.scenes.battle.mode import STAY, After, Become, Go, Mode, Open, Order, Result, Stay, Steps, show
from game.ui.scenes.battle.orders import PlayerOrders
from game.ui.scenes.battle.phases import ComputerMode, PlaybackMode, phase_hint
from game.ui.scenes.battle.playback import UNIT_SPEEDS, BannerBeat, MapCombatBeat, Playback
from game.ui.scenes.battle.view import MapView, draw_cursor, draw_unit, render_terrain
from game.ui.services import Services

FAST_FORWARD = 4.0


class BattleScene(Scene):
    def __init__(self, services: Services, session: BattleSession, *, resumed: bool = False) -> None:
        self.services = services
        self.session = session
        state = session.state
        grid = state.ctx.grid
        self.view = MapView(state)
        self.terrain = render_terrain(state, services.art, services.settings.show_grid, session.scenario.map_source)
        self._grid_setting = services.settings.show_grid
        self.playback = Playback(self.view, state, UNIT_SPEEDS.get(services.settings.unit_speed, 9.0))
        self.field = Field(services, session, self.view, Camera((grid.width, grid.height)), self.playback)
        self.orders = PlayerOrders(self.field)
        self.field.orders = self.orders
        self.field.camera.center_on(self.field.cursor, snap=True)
        self.t = 0.0
        self.covered = False  # a scene pushed by this one is on top (its answer is awaited)
        self._phase_rect = pygame.Rect(4, 4, 0, 20)  # the turn and phase label, as last drawn
        self.ended = False
        self.autosaved_turn = state.turn if resumed else 0
        self.mode: Mode = CursorMode(self.field)
        if not session.opening and not session.player_phase:
            self.mode = ComputerMode(self.field)  # continued in a computer side's phase: its AI carries on
        if resumed:
            services.notify("Battle resumed.")
        music = battle_music(state.ctx)
        if any(is_boss(state.ctx.defs.units[u.unit_id], u.side) for u in state.active_units()):
            music = "boss"
        self.director = Director(services, self.view, self.playback, music, self._phase_started)
        if session.opening:
            self.playback.add(session.opening, state)
            self.mode = PlaybackMode(self.field)

    def on_enter(self) -> None:
        self.services.audio.music(self.director.music)

    def _phase_started(self, side: str) -> None:
        self.field.ai_count = 0
        if side == PLAYER_SIDE:
            self.field.phase_began = True

    @property
    def state(self) -> BattleState:
        return self.session.state

    @property
    def camera(self) -> Camera:
        return self.field.camera

    @property
    def cursor(self) -> tuple[int, int]:
        return self.field.cursor

    # ---- applying what a mode answers --------------------------------------------------------
    def apply(self, result: Result) -> Transition | None:
        match result:
            case Stay():
                return None
            case Become(mode):
                self.mode = mode
                return None
            case Open(open_, answer, keep):
                if not keep:
                    self.mode = PlaybackMode(self.field)  # waits, with nothing drawn, for the answer
                return open_(self._cover(answer))
            case Order(command, after, otherwise, then):
                if not self._do(command, after, then) and otherwise is not None:
                    self._do(otherwise)
                return None
            case Go(transition):
                return transition
            case Steps(results):
                for step in results:
                    transition = self.apply(step)
                    if transition is not None or not self.mode.player_input:
                        return transition
                return None

    def _cover(self, answer: Any = None) -> Then:
        """The answer handler of a scene pushed now: uncovers the map, applies `answer(result)`."""
        self.covered = True

        def answered(result: Any) -> Transition | None:
            self.covered = False
            return self.apply(answer(result) if answer is not None else STAY)

        return answered

    def _do(self, command: Command, after: After = After.NOTHING, then: Any = None) -> bool:
        """Apply a command and start playing its events; a refusal is shown, not raised."""
        try:
            events = self.session.do(command)
        except IllegalCommand as exc:
            self.services.audio.sfx("buzz")
            self.services.notify(in_words(self.state, str(exc)))
            return False
        self._play(events)
        self.mode = self._mode_after(getattr(command, "unit", None), after, then)
        return True

    def _mode_after(self, uid: str | None, after: After, then: Any = None) -> Mode:
        """The mode while a command's events play."""
        if self.session.player_phase:
            return PlaybackMode(self.field, uid, after, then)
        return ComputerMode(self.field)

    def _play(self, events: list[Event]) -> None:
        self.playback.add(events, self.state)

    def _skipping(self) -> bool:
        return self.services.settings.skip_enemy_animations and self.field.enemy_phase()

    # ---- input -------------------------------------------------------------------------------
    def handle(self, e: InputEvent) -> Transition | None:
        if e.kind is Kind.DRAG:
            self.camera.pan(-e.delta[0], -e.delta[1])
            return None
        mode = self.mode
        if not mode.player_input:
            return self.apply(mode.press(e)) if e.kind is Kind.PRESS else None
        f = self.field
        if e.kind is Kind.POINT and e.pos is not None:
            tile = self.camera.tile_at(e.pos)
            if self.state.ctx.grid.in_bounds(tile) and tile != f.cursor:
                f.cursor = tile
                mode.pointed()
            return None
        if e.kind is Kind.WHEEL:
            return self.apply(mode.wheel(e.delta[1]))
        if e.kind is not Kind.PRESS or e.action is None:
            return None
        if e.is_click and e.action is Action.CONFIRM:
            assert e.pos is not None
            tile = self.camera.tile_at(e.pos)
            if not self.state.ctx.grid.in_bounds(tile):
                return None
            f.cursor = tile
            mode.pointed()
        return self.apply(mode.press(e))

    # ---- update ------------------------------------------------------------------------------
    def update(self, dt: float) -> Transition | None:
        self.t += dt
        if self._grid_setting != self.services.settings.show_grid:
            self._grid_setting = self.services.settings.show_grid
            self.terrain = render_terrain(
                self.state, self.services.art, self._grid_setting, self.session.scenario.map_source
            )
        self.playback.unit_speed = UNIT_SPEEDS.get(self.services.settings.unit_speed, 9.0)
        if self.mode.player_input:
            self.camera.edge_scroll(self.services.input.edge_mouse, dt)
        speed = FAST_FORWARD if self.services.input.is_held(Action.FAST) else 1.0
        for v in self.view.units.values():
            v.flash = max(0.0, v.flash - dt)
        transition = self._run_playback(dt * speed)
        focus = self.playback.focus()
        if focus is not None:
            self.camera.keep_visible(focus, margin=3)
        self.camera.update(dt)
        if transition is not None:
            return transition
        if not self.mode.player_input and not self.playback.busy and not self.covered:
            return self._events_shown()
        return None

    def _run_playback(self, dt: float) -> Transition | None:
        scene = self.director.run(dt, self.state, skipping=self._skipping())
        if scene is None:
            return None
        return self.apply(show(self._shown_over(scene), self._playback_shown))

    def _shown_over(self, scene: Scene) -> Scene:
        """The scene that shows events over the map (the replay lets its stop key through)."""
        return scene

    def _playback_shown(self, result: Any) -> Result:
        self.playback.blocked = False
        return STAY

    def _events_shown(self) -> Transition | None:
        """All events shown: sync the view, then the battle ends, or the turn goes on."""
        self.view.sync(self.state)
        self.playback.final = self.state
        if self.state.outcome is not None:
            return self._finish()
        if self.session.player_phase and self.autosaved_turn != self.state.turn:
            self.autosaved_turn = self.state.turn
            error = self.services.saves.autosave(self.session.record("autosave"))
            if error:
                self.services.notify(error, 6.0)
        return self.apply(self.mode.idle())

    def _finish(self) -> Transition:
        self.ended = True
        return self.services.nav.result(self.session)

    # ---- drawing -----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        fonts = self.services.fonts
        offset = self.camera.offset
        surface.fill((0, 0, 0))
        surface.blit(self.terrain, (-offset[0], -offset[1]))
        if self.field.show_danger:
            self.field.overlays.danger(surface, self.field.danger_tiles(), offset)
        self.mode.draw(surface, offset)
        phase_side = self.state.side
        for v in sorted(self.view.units.values(), key=lambda v: (v.y, v.x)):
            draw_unit(surface, self.services.art, v, offset, self.t, active_phase=v.side == phase_side)
        self.mode.draw_over(surface, offset)
        beat = self.playback.beat
        if isinstance(beat, MapCombatBeat):
            beat.draw(surface, offset)
        self.playback.draw_popups(surface, fonts, offset)
        if self.mode.player_input:
            frames = self.services.art.ui_frames("cursor")
            draw_cursor(surface, self.cursor, offset, self.t, self.mode.cursor_colour, frames)
        self._draw_hud(surface)
        if isinstance(beat, BannerBeat):
            hud.draw_banner(surface, fonts, beat.text, beat.sub, beat.colour, beat.progress)

    def keep_clear(self) -> list[pygame.Rect]:
        clear = [self._phase_rect]
        if isinstance(self.playback.beat, BannerBeat):
            clear.append(hud.banner_rect((self.camera.view_w, self.camera.view_h)))
        return clear

    def _draw_hud(self, surface: pygame.Surface) -> None:
        fonts = self.services.fonts
        state = self.state
        self._phase_rect = hud.draw_phase(surface, fonts, state)
        if not self.mode.player_input:
            if not self.covered and self.field.enemy_phase():
                acting = state.units.get(self.field.acting or "")
                if acting is not None and acting.active and acting.side == state.side:
                    hud.draw_unit_panel(surface, fonts, self.services.art, state, acting.uid, top=True)
                hud.draw_hints(surface, fonts, self.services.keys(phase_hint(self.field)))
            return  # menus and screens on top carry their own information
        _, sy = self.camera.screen_of(self.cursor)
        top = sy + TILE // 2 > surface.get_height() // 2  # the panels keep to the half without the cursor
        hud.draw_terrain_panel(surface, fonts, state, self.cursor, top=top)
        u = state.unit_at(self.cursor)
        if u is not None:
            hud.draw_unit_panel(surface, fonts, self.services.art, state, u.uid, top=top)
        if not self.covered:
            hud.draw_hints(surface, fonts, self.services.keys(self.mode.hint))
