"""The battle map scene: the player's input modes, the enemy phase and event playback.

It holds no rules. What a unit may do, where it may go and why something is refused all
come from the engine (through `game.ui.model`); commands go through the session to
`game.core.apply`, and the returned events are played back.
"""

from __future__ import annotations

from typing import Any

import pygame

from game.core import (
    Attack,
    CancelMove,
    CastSpirit,
    Command,
    EndPhase,
    IllegalCommand,
    Land,
    MapAttack,
    Move,
    Repair,
    Supply,
    TakeOff,
    Wait,
    forecast,
    legal_commands,
)
from game.core.events import Event
from game.core.movement import reachable
from game.core.stats import unit_def
from game.ui.input.actions import DIRECTIONS, Action, InputEvent, Kind
from game.ui.model.music import battle_music, is_boss
from game.ui.model.ranges import attack_tiles, danger_zone, map_weapon_tiles, weapon_tiles
from game.ui.model.session import PLAYER_SIDE, BattleSession
from game.ui.model.unit_actions import ready_units, spirit_rows, weapon_rows
from game.ui.render import theme
from game.ui.render.menu import Entry, Picked
from game.ui.scene import Push, Scene, Then, Transition
from game.ui.scenes.battle import hud, menus
from game.ui.scenes.battle.camera import Camera
from game.ui.scenes.battle.director import Director
from game.ui.scenes.battle.playback import (
    UNIT_SPEEDS,
    BannerBeat,
    MapCombatBeat,
    Playback,
)
from game.ui.scenes.battle.view import (
    MapView,
    draw_cursor,
    draw_danger,
    draw_path,
    draw_tiles,
    draw_unit,
    render_terrain,
)
from game.ui.scenes.menu import ConfirmScene, MenuScene
from game.ui.services import Services

FAST_FORWARD = 4.0
MAX_AI_COMMANDS = 400  # per phase: a stuck controller must not hang the game

# modes of the player's input
IDLE, MOVE, TARGET, SPIRIT_TARGET, DEVICE_TARGET, MAP_AIM, BUSY = (
    "idle",
    "move",
    "target",
    "spirit_target",
    "device_target",
    "map_aim",
    "busy",
)


class BattleScene(Scene):
    def __init__(self, services: Services, session: BattleSession, *, resumed: bool = False) -> None:
        self.services = services
        self.session = session
        state = session.state
        grid = state.ctx.grid
        self.view = MapView(state)
        self.camera = Camera((grid.width, grid.height))
        self.terrain = render_terrain(state, services.art, services.settings.show_grid, session.scenario.map_source)
        self._grid_setting = services.settings.show_grid
        self.playback = Playback(self.view, state, UNIT_SPEEDS.get(services.settings.unit_speed, 9.0))
        self.t = 0.0
        self.mode = IDLE
        self.selected: str | None = None
        self.inspect: str | None = None  # a unit whose attack range is shown
        self._inspected: tuple[str, object, set[tuple[int, int]], set[tuple[int, int]]] | None = None
        self.show_danger = False
        self._danger: set[tuple[int, int]] | None = None
        self._danger_state: object = None
        self.move_range: set[tuple[int, int]] = set()
        self.reach_stops: frozenset[tuple[int, int]] = frozenset()
        self.reach = None
        self.path: list[tuple[int, int]] = []
        self.red: set[tuple[int, int]] = set()
        self.choices: list[str] = []  # units the cursor cycles through when choosing a target
        self.choice_kind: Any = None  # the weapon / spirit / device being aimed
        self.map_dir = 0
        self.covered = False  # a scene pushed by this one is on top (its answer is awaited)
        self.after: str | None = None  # what to do when the playback finishes
        self.ai_count = 0
        self.acting: str | None = None  # the computer's unit now acting, shown in the enemy phase
        self.ended = False
        self.autosaved_turn = state.turn if resumed else 0
        start = next((u for u in state.active_units(PLAYER_SIDE)), None)
        self.cursor = start.pos if start else (0, 0)
        self.camera.center_on(self.cursor, snap=True)
        if not session.opening and not session.player_phase:
            self.mode = BUSY  # continued in a computer side's phase: its AI carries on
        if resumed:
            services.notify("Battle resumed.")
        music = battle_music(state.ctx)
        if any(is_boss(state.ctx.defs.units[u.unit_id], u.side) for u in state.active_units()):
            music = "boss"
        self.director = Director(services, self.view, self.playback, music, self._phase_started)
        if session.opening:
            self._play(session.opening)

    def on_enter(self) -> None:
        self.services.audio.music(self.director.music)

    def _phase_started(self, side: str) -> None:
        self.ai_count = 0
        if side == PLAYER_SIDE:
            self._danger = None

    # ---- helpers ---------------------------------------------------------------------------
    @property
    def state(self):  # type: ignore[no-untyped-def]
        return self.session.state

    def _cover(self, then: Then | None = None) -> Then:
        """The answer handler of a scene pushed now: uncovers the map, then runs `then`."""
        self.covered = True

        def answered(result: Any) -> Transition | None:
            self.covered = False
            return then(result) if then is not None else None

        return answered

    def _push(self, scene: Scene, then: Then | None = None) -> Transition:
        return Push(scene, then=self._cover(then))

    def _play(self, events: list[Event]) -> None:
        self.playback.add(events, self.state)
        self.mode = BUSY

    def _do(self, command: Command, after: str | None = None) -> bool:
        """Apply a command and start playing its events; a refusal is shown, not raised."""
        try:
            events = self.session.do(command)
        except IllegalCommand as exc:
            self.services.audio.sfx("buzz")
            self.services.notify(str(exc))
            return False
        self.after = after
        self._danger = None
        self._play(events)
        return True

    def _enemy_phase(self) -> bool:
        return not self.session.player_phase and self.state.outcome is None

    def _skipping(self) -> bool:
        return self.services.settings.skip_enemy_animations and self._enemy_phase()

    def _unit_at(self, pos: tuple[int, int]):  # type: ignore[no-untyped-def]
        return self.state.unit_at(pos)

    def _set_cursor(self, pos: tuple[int, int]) -> None:
        grid = self.state.ctx.grid
        pos = (max(0, min(grid.width - 1, pos[0])), max(0, min(grid.height - 1, pos[1])))
        if pos != self.cursor:
            self.cursor = pos
            self.services.audio.sfx("cursor")
            if self.mode == MOVE:
                self._update_path()
        self.camera.keep_visible(self.cursor)

    def _unit_anchor(self, uid: str) -> tuple[int, int]:
        u = self.state.unit(uid)
        x, y = self.camera.screen_of(u.pos)
        if x > 400:
            return (x - 150, y - 10)
        return (x + theme.TILE + 6, y - 10)

    def _ready_units(self) -> list[str]:
        return ready_units(self.state, PLAYER_SIDE)

    # ---- player actions --------------------------------------------------------------------
    def _select(self, uid: str) -> Transition | None:
        """Pick a unit: show where it can go, or (if it moved already) open its menu."""
        self.selected = uid
        self.inspect = None
        u = self.state.unit(uid)
        if u.moved:
            return self._open_action_menu()
        self.mode = MOVE
        self.reach = reachable(self.state, uid)
        self.move_range = set(self.reach.costs)
        self.reach_stops = self.reach.stops
        self.red = attack_tiles(self.state, uid, from_tiles=self.move_range) - self.move_range
        self._update_path()
        self.services.audio.sfx("select")
        return None

    def _update_path(self) -> None:
        if self.reach is not None and self.cursor in self.reach.costs:
            self.path = self.reach.path_to(self.cursor)
        else:
            self.path = []

    def _clear_selection(self) -> None:
        self.mode = IDLE
        self.inspect = None
        self.selected = None
        self.move_range = set()
        self.red = set()
        self.path = []
        self.reach = None
        self.choices = []
        self.choice_kind = None

    def _menu(self, then: Then, entries: list[Entry], title: str, width: int, help_width: int = 0) -> Transition:
        assert self.selected is not None
        anchor = self._unit_anchor(self.selected)
        menu = MenuScene(self.services, entries, title=title, anchor=anchor, width=width, help_width=help_width)
        return self._push(menu, then)

    def _open_action_menu(self) -> Transition:
        assert self.selected is not None
        self.mode = BUSY
        self.move_range, self.red, self.path = set(), set(), []
        name = unit_def(self.state.ctx, self.state.unit(self.selected)).name
        return self._menu(
            lambda r: self._action_chosen(r.key if isinstance(r, Picked) else None),
            menus.action_entries(self.state, self.selected),
            name,
            120,
            240,
        )

    def _open_weapons(self) -> Transition:
        assert self.selected is not None
        return self._menu(self._weapon_chosen, menus.weapon_entries(self.state, self.selected), "Weapons", 210, 300)

    def _open_spirits(self) -> Transition:
        assert self.selected is not None
        sp = self.state.unit(self.selected).sp
        return self._menu(
            self._spirit_chosen, menus.spirit_entries(self.state, self.selected), f"Spirit  SP {sp}", 160, 300
        )

    def _open_map_weapons(self) -> Transition:
        assert self.selected is not None
        return self._menu(
            self._map_weapon_chosen, menus.map_weapon_entries(self.state, self.selected), "MAP Weapons", 200, 260
        )

    def _begin_choice(self, mode: str, kind: Any, targets: list[str]) -> None:
        self.mode = mode
        self.choice_kind = kind
        self.choices = sorted(set(targets), key=lambda uid: (self.state.unit(uid).y, self.state.unit(uid).x))
        if self.choices:
            self._set_cursor(self.state.unit(self.choices[0]).pos)

    def _cycle_choice(self, step: int) -> None:
        if not self.choices:
            return
        here = self._unit_at(self.cursor)
        i = self.choices.index(here.uid) if here is not None and here.uid in self.choices else -1
        self._set_cursor(self.state.unit(self.choices[(i + step) % len(self.choices)]).pos)

    def _open_forecast(self, target: str) -> Transition:
        from game.ui.scenes.forecast import ForecastScene

        assert self.selected is not None
        attack = Attack(self.selected, self.choice_kind, target)
        defender_side = self.state.unit(target).side
        if defender_side != PLAYER_SIDE:
            try:
                attack = self.services.controllers(defender_side).react(self.state, attack)
            except Exception as exc:  # a broken controller must not stop the game
                self.services.notify(f"The enemy's reaction could not be decided ({exc}); it will counter.")
        fc = forecast(
            self.state,
            attack.unit,
            attack.weapon,
            attack.target,
            attack.reaction,
            counter_weapon=attack.counter_weapon,
            support_attack=attack.support_attack,
            support_defend=attack.support_defend,
        )
        return self._push(
            ForecastScene(self.services, self.state, fc, attack), then=lambda yes: self._forecast_answered(attack, yes)
        )

    def _map_tiles(self) -> set[tuple[int, int]]:
        if self.selected is None or self.choice_kind is None:
            return set()
        return map_weapon_tiles(self.state, self.selected, self.choice_kind, self.map_dir, self.cursor)

    def _map_command(self) -> MapAttack:
        assert self.selected is not None
        w = unit_def(self.state.ctx, self.state.unit(self.selected)).weapon(self.choice_kind)
        assert w.map_area is not None
        if w.map_area.shape == "targeted":
            return MapAttack(self.selected, w.id, 0, self.cursor)
        return MapAttack(self.selected, w.id, self.map_dir)

    def _end_turn(self) -> Transition | None:
        waiting = len(self._ready_units())
        if waiting:
            word = "unit has" if waiting == 1 else "units have"
            question = ConfirmScene(self.services, f"{waiting} {word} not acted yet. End the turn?")
            return self._push(question, then=self._end_turn_answered)
        self._do(EndPhase())
        return None

    def _open_map_menu(self) -> Transition:
        entries = [
            Entry(
                "End Turn",
                "end_turn",
                self.session.player_phase,
                "It is not your phase.",
                help="End your phase; the enemy moves next.",
            ),
            Entry("Objectives", "objectives", help="Victory and defeat conditions."),
            Entry(
                f"Danger Zone: {'On' if self.show_danger else 'Off'}",
                "danger",
                help="Show every tile the enemy can attack next phase (V).",
            ),
            Entry(
                "Next Unit",
                "next",
                bool(self._ready_units()),
                "Every unit has acted.",
                help="Jump to a unit that has not acted (E / Q).",
            ),
            Entry("Menu", "pause", help="Settings, suspend, quit."),
        ]
        x, y = self.camera.screen_of(self.cursor)
        return self._push(
            MenuScene(
                self.services,
                entries,
                title=f"Turn {self.state.turn}",
                anchor=(x + 40 if x < 420 else x - 160, y - 20),
                width=150,
                help_width=260,
            ),
            then=self._map_menu_chosen,
        )

    def _pause(self) -> Transition:
        return self.services.nav.pause(self.session, then=self._cover())

    def _status(self, uid: str) -> Transition:
        from_action = self.mode == BUSY and self.selected is not None
        back: Then = (lambda _: self._open_action_menu()) if from_action else (lambda _: None)
        return self.services.nav.status(self.state, uid, then=self._cover(back))

    def _objectives(self) -> Transition:
        return self.services.nav.objectives(self.state, then=self._cover())

    def _next_unit(self, step: int) -> None:
        ready = self._ready_units() or [u.uid for u in self.state.active_units(PLAYER_SIDE)]
        if not ready:
            return
        here = self._unit_at(self.cursor)
        i = ready.index(here.uid) if here is not None and here.uid in ready else -1
        self._set_cursor(self.state.unit(ready[(i + step) % len(ready)]).pos)
        self.camera.center_on(self.cursor)

    # ---- answers of pushed scenes ------------------------------------------------------------
    def _weapon_chosen(self, result: Any) -> Transition | None:
        if not isinstance(result, Picked):
            return self._open_action_menu()
        rows = {r.weapon.id: r for r in weapon_rows(self.state, self.selected or "")}
        row = rows[result.key]
        self.red = weapon_tiles(self.state, self.selected or "", result.key)
        self._begin_choice(TARGET, result.key, list(row.targets))
        return None

    def _map_weapon_chosen(self, result: Any) -> Transition | None:
        if not isinstance(result, Picked):
            return self._open_action_menu()
        self.mode = MAP_AIM
        self.choice_kind = result.key
        self.map_dir = 0
        return None

    def _spirit_chosen(self, result: Any) -> Transition | None:
        if not isinstance(result, Picked):
            return self._open_action_menu()
        row = next(r for r in spirit_rows(self.state, self.selected or "") if r.id == result.key)
        if row.target in ("ally", "enemy") or (row.target == "friend" and len(row.targets) > 1):
            self._begin_choice(SPIRIT_TARGET, row.id, [t for t in row.targets if t is not None])
            return None
        self._do(CastSpirit(self.selected or "", row.id, row.targets[0] if row.targets else None), after="action_menu")
        return None

    def _forecast_answered(self, attack: Attack, result: Any) -> Transition | None:
        if result is True:
            self._do(attack, after="done")
        else:
            self.mode = TARGET
        return None

    def _reaction_answered(self, result: Any) -> Transition | None:
        if isinstance(result, Attack):
            self._do(result)
        return None

    def _end_turn_answered(self, result: Any) -> Transition | None:
        if result is True:
            self._clear_selection()
            self._do(EndPhase())
        return None

    def _map_menu_chosen(self, result: Any) -> Transition | None:
        key = result.key if isinstance(result, Picked) else None
        if key == "end_turn":
            return self._end_turn()
        if key == "objectives":
            return self._objectives()
        if key == "danger":
            self.show_danger = not self.show_danger
        elif key == "next":
            self._next_unit(1)
        elif key == "pause":
            return self._pause()
        return None

    def _action_chosen(self, key: str | None) -> Transition | None:
        uid = self.selected
        assert uid is not None
        u = self.state.unit(uid)
        if key is None:
            if self.state.undo is not None and self.state.undo.uid == uid:
                self._do(CancelMove(uid), after="reselect")
            elif not u.moved and not u.acted:
                return self._select(uid)
            else:
                self._clear_selection()
            return None
        if key == "attack":
            return self._open_weapons()
        if key == "map_attack":
            return self._open_map_weapons()
        if key == "spirit":
            return self._open_spirits()
        if key == "status":
            return self._status(uid)
        if key == "wait":
            self._do(Wait(uid), after="done")
            return None
        if key == "take_off":
            self._do(TakeOff(uid), after="reselect")
            return None
        if key == "land":
            self._do(Land(uid), after="reselect")
            return None
        if key in ("repair", "supply"):
            cls = Repair if key == "repair" else Supply
            targets = [c.target for c in legal_commands(self.state, uid) if isinstance(c, cls)]
            self._begin_choice(DEVICE_TARGET, key, targets)
            return None
        return None

    # ---- input -----------------------------------------------------------------------------
    def handle(self, e: InputEvent) -> Transition | None:
        if e.kind is Kind.DRAG:
            self.camera.pan(-e.delta[0], -e.delta[1])
            return None
        if self.mode == BUSY:
            if e.pressed(Action.CONFIRM) and self.playback.beat is not None and not self._enemy_phase():
                self.playback.beat.finish()
            return None
        if e.kind is Kind.POINT and e.pos is not None:
            tile = self.camera.tile_at(e.pos)
            if self.state.ctx.grid.in_bounds(tile) and tile != self.cursor:
                self.cursor = tile
                if self.mode == MOVE:
                    self._update_path()
            return None
        if e.kind is Kind.WHEEL:
            if self.mode in (TARGET, SPIRIT_TARGET, DEVICE_TARGET):
                self._cycle_choice(e.delta[1])
            elif self.mode == IDLE:
                self._next_unit(e.delta[1])
            elif self.mode == MAP_AIM:
                self.map_dir = (self.map_dir + e.delta[1]) % 4
            return None
        if e.kind is not Kind.PRESS or e.action is None:
            return None
        if e.is_click and e.action is Action.CONFIRM:
            tile = self.camera.tile_at(e.pos)  # type: ignore[arg-type]
            if not self.state.ctx.grid.in_bounds(tile):
                return None
            self.cursor = tile
            if self.mode == MOVE:
                self._update_path()
        handler = {
            IDLE: self._handle_idle,
            MOVE: self._handle_move,
            TARGET: self._handle_choice,
            SPIRIT_TARGET: self._handle_choice,
            DEVICE_TARGET: self._handle_choice,
            MAP_AIM: self._handle_map_aim,
        }[self.mode]
        return handler(e)

    def _move_cursor(self, e: InputEvent) -> bool:
        d = DIRECTIONS.get(e.action)  # type: ignore[arg-type]
        if d is None:
            return False
        self._set_cursor((self.cursor[0] + d[0], self.cursor[1] + d[1]))
        return True

    def _handle_idle(self, e: InputEvent) -> Transition | None:
        if self._move_cursor(e):
            return None
        a = e.action
        u = self._unit_at(self.cursor)
        if a is Action.CONFIRM:
            if u is not None and u.side == PLAYER_SIDE and self.session.player_phase and not (u.moved and u.acted):
                return self._select(u.uid)
            if u is not None:
                self.inspect = None if self.inspect == u.uid else u.uid
                self.services.audio.sfx("select")
                return None
            return self._open_map_menu()
        if a is Action.CANCEL:
            if self.inspect is not None:
                self.inspect = None
            return None
        if a is Action.INFO and u is not None:
            return self._status(u.uid)
        if a is Action.NEXT_UNIT:
            self._next_unit(1)
        elif a is Action.PREV_UNIT:
            self._next_unit(-1)
        elif a is Action.DANGER:
            self.show_danger = not self.show_danger
            self.services.audio.sfx("select")
        elif a is Action.OBJECTIVES:
            return self._objectives()
        elif a is Action.MENU:
            return self._pause()
        return None

    def _handle_move(self, e: InputEvent) -> Transition | None:
        if self._move_cursor(e):
            return None
        uid = self.selected
        assert uid is not None
        u = self.state.unit(uid)
        a = e.action
        if a is Action.CONFIRM:
            if self.cursor == u.pos:
                return self._open_action_menu()
            if self.cursor in self.reach_stops:
                self.move_range, self.red, self.path = set(), set(), []
                self._do(Move(uid, self.cursor), after="action_menu")
                return None
            reason = self.session.check(Move(uid, self.cursor)) or "That tile cannot be reached."
            self.services.audio.sfx("buzz")
            self.services.notify(reason, 2.5)
            return None
        if a is Action.CANCEL:
            self.services.audio.sfx("cancel")
            self._clear_selection()
            self._set_cursor(u.pos)
            return None
        if a is Action.INFO:
            return self._status(uid)
        if a is Action.DANGER:
            self.show_danger = not self.show_danger
        return None

    def _handle_choice(self, e: InputEvent) -> Transition | None:
        a = e.action
        if a in (Action.LEFT, Action.UP, Action.PREV_UNIT):
            self._cycle_choice(-1)
            return None
        if a in (Action.RIGHT, Action.DOWN, Action.NEXT_UNIT):
            self._cycle_choice(1)
            return None
        uid = self.selected or ""
        if a is Action.CONFIRM:
            t = self._unit_at(self.cursor)
            if t is None or t.uid not in self.choices:
                self.services.audio.sfx("buzz")
                return None
            if self.mode == TARGET:
                return self._open_forecast(t.uid)
            if self.mode == SPIRIT_TARGET:
                self.red = set()
                self._do(CastSpirit(uid, self.choice_kind, t.uid), after="action_menu")
                return None
            cls = Repair if self.choice_kind == "repair" else Supply
            self._do(cls(uid, t.uid), after="done")
            return None
        if a is Action.CANCEL:
            self.services.audio.sfx("cancel")
            self.red = set()
            mode, self.mode = self.mode, BUSY
            self._set_cursor(self.state.unit(uid).pos)
            if mode == TARGET:
                return self._open_weapons()
            if mode == SPIRIT_TARGET:
                return self._open_spirits()
            return self._open_action_menu()
        if a is Action.INFO:
            t = self._unit_at(self.cursor)
            if t is not None:
                return self._status(t.uid)
        return None

    def _handle_map_aim(self, e: InputEvent) -> Transition | None:
        uid = self.selected or ""
        w = unit_def(self.state.ctx, self.state.unit(uid)).weapon(self.choice_kind)
        assert w.map_area is not None
        targeted = w.map_area.shape == "targeted"
        a = e.action
        if a in DIRECTIONS:
            if targeted:
                self._move_cursor(e)
            else:
                self.map_dir = {Action.UP: 0, Action.RIGHT: 1, Action.DOWN: 2, Action.LEFT: 3}[a]
            return None
        if a is Action.CONFIRM:
            cmd = self._map_command()
            reason = self.session.check(cmd)
            if reason:
                self.services.audio.sfx("buzz")
                self.services.notify(reason, 2.5)
                return None
            self._do(cmd, after="done")
            return None
        if a is Action.CANCEL:
            self.mode = BUSY
            return self._open_map_weapons()
        return None

    # ---- update ----------------------------------------------------------------------------
    def update(self, dt: float) -> Transition | None:
        self.t += dt
        if self._grid_setting != self.services.settings.show_grid:
            self._grid_setting = self.services.settings.show_grid
            self.terrain = render_terrain(
                self.state, self.services.art, self._grid_setting, self.session.scenario.map_source
            )
        self.playback.unit_speed = UNIT_SPEEDS.get(self.services.settings.unit_speed, 9.0)
        if self.mode in (IDLE, MOVE, TARGET, SPIRIT_TARGET, DEVICE_TARGET, MAP_AIM):
            self.camera.edge_scroll(self.services.input.edge_mouse, dt)
        speed = FAST_FORWARD if self.services.input.is_held(Action.FAST) else 1.0
        step = dt * speed
        for v in self.view.units.values():
            v.flash = max(0.0, v.flash - dt)
        transition = self._run_playback(step)
        focus = self.playback.focus()
        if focus is not None:
            self.camera.keep_visible(focus, margin=3)
        self.camera.update(dt)
        if transition is not None:
            return transition
        if self.mode == BUSY and not self.playback.busy and not self.covered:
            return self._after_playback()
        return None

    def _run_playback(self, dt: float) -> Transition | None:
        scene = self.director.run(dt, self.state, skipping=self._skipping())
        if scene is None:
            return None
        return self._push(scene, then=self._playback_shown)

    def _playback_shown(self, result: Any) -> Transition | None:
        self.playback.blocked = False
        return None

    def _after_playback(self) -> Transition | None:
        """All events shown: sync the view, then continue the player's turn or the AI's."""
        self.view.sync(self.state)
        self.playback.final = self.state
        self._danger = None
        if self.state.outcome is not None:
            return self._finish()
        after, self.after = self.after, None
        uid = self.selected
        if self.session.player_phase and self.autosaved_turn != self.state.turn:
            self.autosaved_turn = self.state.turn
            error = self.services.saves.autosave(self.session.record("autosave"))
            if error:
                self.services.notify(error, 6.0)
        if self.session.player_phase:
            if uid is not None and uid in self.state.units and self.state.unit(uid).active:
                u = self.state.unit(uid)
                if after == "action_menu" and not u.acted:
                    return self._open_action_menu()
                if after == "reselect" and not u.acted:
                    self._set_cursor(u.pos)
                    return self._select(uid)
            self._clear_selection()
            if not self._ready_units():
                self._do(EndPhase())  # every unit has acted: the phase ends by itself, as in SRW
                return None
            if after == "done":
                self._next_unit(1)
            return None
        return self._ai_step()

    def _ai_step(self) -> Transition | None:
        from game.ui.scenes.forecast import ReactionScene

        self._clear_selection()
        self.mode = BUSY
        state = self.state
        side = state.side
        self.ai_count += 1
        try:
            controller = self.services.controllers(side)
            cmd = EndPhase() if self.ai_count > MAX_AI_COMMANDS else controller.next_command(state)
            if isinstance(cmd, Attack) and not self.session.needs_reaction(cmd):
                defender = state.unit(cmd.target).side
                cmd = self.services.controllers(defender).react(state, cmd)
        except Exception as exc:  # a failing AI ends its phase instead of freezing the game
            self.services.notify(f"The {side} AI failed ({exc}); its phase ends.")
            cmd = EndPhase()
        self.acting = getattr(cmd, "unit", None)
        if isinstance(cmd, Attack) and self.session.needs_reaction(cmd):
            actor = state.unit(cmd.unit)
            self.camera.keep_visible(actor.pos, margin=3)
            return self._push(ReactionScene(self.services, state, cmd), then=self._reaction_answered)
        if not self._do(cmd):
            self._do(EndPhase())
        return None

    def _finish(self) -> Transition:
        self.ended = True
        return self.services.nav.result(self.session)

    # ---- drawing ---------------------------------------------------------------------------
    def _danger_tiles(self) -> set[tuple[int, int]]:
        if self._danger is None or self._danger_state is not self.state:
            self._danger = danger_zone(self.state, PLAYER_SIDE)
            self._danger_state = self.state
        return self._danger

    def _inspect_tiles(self, uid: str) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
        """Where an inspected unit could go and strike in its next phase (cached per state)."""
        cached = self._inspected
        if cached is None or cached[0] != uid or cached[1] is not self.state:
            reach = set(reachable(self.state, uid).costs)
            cached = (uid, self.state, reach, attack_tiles(self.state, uid, from_tiles=reach) - reach)
            self._inspected = cached
        return cached[2], cached[3]

    def draw(self, surface: pygame.Surface) -> None:
        fonts = self.services.fonts
        offset = self.camera.offset
        surface.fill((0, 0, 0))
        surface.blit(self.terrain, (-offset[0], -offset[1]))
        if self.show_danger:
            draw_danger(surface, self._danger_tiles(), offset)
        if self.inspect is not None and self.inspect in self.state.units and self.state.unit(self.inspect).active:
            reach, strike = self._inspect_tiles(self.inspect)
            draw_tiles(surface, reach, theme.MOVE_TILE, offset, 70)
            draw_tiles(surface, strike, theme.ATTACK_TILE, offset, 80)
        if self.mode == MOVE:
            draw_tiles(surface, self.move_range, theme.MOVE_TILE, offset)
            draw_tiles(surface, self.red, theme.ATTACK_TILE, offset, 55)
        elif self.mode in (TARGET, SPIRIT_TARGET, DEVICE_TARGET):
            colour = theme.ATTACK_TILE if self.mode == TARGET else theme.SUPPORT_TILE
            if self.red:
                draw_tiles(surface, self.red, theme.ATTACK_TILE, offset, 70)
            draw_tiles(surface, {self.state.unit(c).pos for c in self.choices}, colour, offset, 120)
        elif self.mode == MAP_AIM:
            draw_tiles(surface, self._map_tiles(), theme.ATTACK_TILE, offset, 130)
        phase_side = self.state.side
        for v in sorted(self.view.units.values(), key=lambda v: (v.y, v.x)):
            draw_unit(surface, self.services.art, v, offset, self.t, active_phase=v.side == phase_side)
        if self.mode == MOVE and self.path:
            draw_path(surface, self.path, offset)
        beat = self.playback.beat
        if isinstance(beat, MapCombatBeat):
            beat.draw(surface, offset)
        self.playback.draw_popups(surface, fonts, offset)
        if self.mode != BUSY:
            colour = theme.ATTACK_TILE if self.mode in (TARGET, MAP_AIM) else theme.CURSOR
            draw_cursor(surface, self.cursor, offset, self.t, colour, self.services.art.ui_frames("cursor"))
        self._draw_hud(surface)
        if isinstance(beat, BannerBeat):
            hud.draw_banner(surface, fonts, beat.text, beat.sub, beat.colour, beat.progress)

    def _draw_hud(self, surface: pygame.Surface) -> None:
        fonts = self.services.fonts
        state = self.state
        hud.draw_phase(surface, fonts, state)
        if self.mode == BUSY and not self.covered and self._enemy_phase():
            acting = self.state.units.get(self.acting or "")
            if acting is not None and acting.active and acting.side == self.state.side:
                hud.draw_unit_panel(surface, fonts, self.services.art, state, acting.uid, top=True)
            hud.draw_hints(surface, fonts, self.services.keys("Enemy phase  ·  hold {fast} to fast-forward"))
            return
        if self.mode == BUSY:
            return  # menus and screens on top carry their own information
        _, sy = self.camera.screen_of(self.cursor)
        top = sy > surface.get_height() - 110
        hud.draw_terrain_panel(surface, fonts, state, self.cursor, top=top)
        u = self._unit_at(self.cursor)
        if u is not None:
            hud.draw_unit_panel(surface, fonts, self.services.art, state, u.uid, top=top)
        hints = {
            IDLE: "{confirm} select  ·  {info} status  ·  {prev_unit}/{next_unit} next unit  ·  {danger} danger zone"
            "  ·  {objectives} objectives  ·  {menu} menu",
            MOVE: "{confirm} move here (or on the unit to act)  ·  {cancel} cancel",
            TARGET: "Arrows pick a target  ·  {confirm} forecast  ·  {cancel} back",
            SPIRIT_TARGET: "Arrows pick a unit  ·  {confirm} cast  ·  {cancel} back",
            DEVICE_TARGET: "Arrows pick an ally  ·  {confirm} confirm  ·  {cancel} back",
            MAP_AIM: "Arrows aim  ·  {confirm} fire  ·  {cancel} back",
        }
        if not self.covered:
            hud.draw_hints(surface, fonts, self.services.keys(hints.get(self.mode, "")))
